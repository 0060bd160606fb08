"""The NER tagger's last steps as slovnet takes them, on plain integers.

slovnet finds each sentence's best tags with a CRF (``CRF.decode``), names them
(``TagDecoder``), then turns the tags into spans: a record per token, the tokens looked
for again in the text (``BIOMarkup.to_span``).  These functions do the same with what
``CappedNER._tag`` already has (the tokens' offsets, from ``analysis.tokens``): the
backtrace walks Python lists instead of numpy scalars one at a time, and no record is made
per token.  Same results (the test compares them with slovnet's on sentences of its own);
~10 % of the speaker analysis of a novel was these steps.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from tui_reader.analysis.tokens import Token


def best_tags(transitions: Any, emissions: Any, mask: Any) -> list[list[int]]:
    """slovnet's ``CRF.decode``: each sentence's most likely tag ids (Viterbi).
    ``emissions``: batch × position × tag; ``mask``: batch × position, False on padding."""
    batch, length, _ = emissions.shape
    steps = emissions.swapaxes(1, 0)  # position × batch × tag
    real = mask.swapaxes(1, 0)
    score = steps[0]
    history = []
    for position in range(1, length):
        candidates = score[:, :, None] + transitions + steps[position][:, None, :]  # batch × from × to
        came_from = candidates.argmax(-2)
        # (the maximum itself: what slovnet picks out at the argmax, the same number)
        score = np.where(real[position][:, None], candidates.max(-2), score)
        history.append(came_from)
    sizes = (real.sum(0) - 1).tolist()
    last = score.argmax(-1).tolist()
    back = np.stack(history, axis=1).tolist() if history else [[] for _ in range(batch)]  # batch × step × tag
    out = []
    for n in range(batch):
        best = last[n]
        tags = [best]
        for came in reversed(back[n][:sizes[n]]):
            best = came[best]
            tags.append(best)
        tags.reverse()
        out.append(tags)
    return out


def bio_spans(tokens: Sequence[Token], tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """slovnet's ``bio_spans``: (start, stop, type) of each B-… I-… run; an I- with no B-
    before it starts nothing."""
    kind: str | None = None
    start = stop = 0
    for (token_start, token_stop, _), tag in zip(tokens, tags, strict=True):
        part, _, tag_type = tag.partition("-")
        if part == "O":
            if kind:
                yield start, stop, kind
                kind = None
        elif part == "B":
            if kind:
                yield start, stop, kind
            kind, start, stop = tag_type or None, token_start, token_stop
        elif part == "I":
            stop = token_stop
    if kind:
        yield start, stop, kind
