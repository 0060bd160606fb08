"""slovnet's CNN encoder, computed the same way but with its first layer worked out once per word.

natasha's NER tagger and syntax parser both read a sentence through three 1-D convolutions
over word embeddings; ~90 % of their time is those convolutions, and two thirds of that is the
first, over the 330 numbers (navec's 300 and 30 for the word's shape) of each token.  That
layer is linear in the embedding, so what it makes of one word at each of its kernel's
positions is fixed: ``ProjectedEncoder`` computes it once per distinct word (a text's words
repeat: about half the tokens of a news article, three quarters of a novel's, were seen
before in the same text) and adds the pieces up per position.  The layers after it are
computed as slovnet does, but on (batch, position, channel) arrays, one matrix product per
layer instead of slovnet's copy of every window.

Same model, same results: the sums are only grouped differently (the test compares the
encoder's output with slovnet's and the tags on sentences of its own).  It measured 35–40 %
less time for either model, on news and on the novel.

``install`` leaves a model it does not recognise as it is (slovnet's layout changed: the
tagger then runs as slovnet has it, only slower).
"""
from __future__ import annotations

import threading
from typing import Any

import numpy as np

# How many words' first-layer results are kept (3 KB each; when full, it starts over):
# 512 was as fast as 8,192 on the novel (a text's next sentences bring back the same words).
REMEMBERED = 512


def install(model: Any) -> bool:
    """Give a slovnet NER or syntax model (``infer.model``) the projected encoder.  Returns
    False, and leaves the model alone, when its layers are not those this module knows."""
    try:
        encoder = ProjectedEncoder(model.emb, model.encoder)
    except (AttributeError, ValueError, TypeError, IndexError):
        return False
    model.encoder = encoder
    model.emb = _PassIds()
    return True


class _PassIds:
    """Stands where the model's embedding was: the ids go through to ``ProjectedEncoder``,
    which looks the embeddings up itself (only for words it has not met yet)."""

    def __call__(self, word_id: Any, shape_id: Any) -> tuple[Any, Any]:
        return word_id, shape_id


class _Layer:
    """One of slovnet's ``CNNEncoderLayer`` (convolution, ReLU, batch norm) on (batch,
    position, channel) arrays."""

    def __init__(self, layer: Any) -> None:
        conv, norm = layer.conv, layer.norm
        weight = conv.weight.array  # filters × inputs × kernel, as in torch
        self.filters, self.inputs, self.kernel = weight.shape
        if type(layer.relu).__name__ != "ReLU" or 2 * conv.padding != self.kernel - 1:
            raise ValueError("not a layer this module knows")  # (``finish`` keeps the length)
        # inputs × (kernel × filters): one product gives every kernel position's share
        self.taps = np.ascontiguousarray(weight.transpose(1, 2, 0)).reshape(self.inputs, -1)
        self.bias = conv.bias.array
        self.padding = conv.padding
        self.mean, self.std = norm.mean.array, norm.std.array
        self.scale, self.shift = norm.weight.array, norm.bias.array

    def __call__(self, x: Any, pad: Any) -> Any:
        batch, length, _ = x.shape
        shares = (x.reshape(batch * length, self.inputs) @ self.taps).reshape(batch, length, self.kernel, self.filters)
        return self.finish(batch, length, lambda k, positions: shares[:, positions, k], pad)

    def finish(self, batch: int, length: int, shares: Any, pad: Any) -> Any:
        """Add up each position's shares (``shares(k, positions)``: what the inputs at these
        positions give kernel position k, which output t reads from input t + k - padding;
        beyond the ends, zeros as slovnet pads), then ReLU, the batch norm (in slovnet's order
        of operations) and zeros where the batch is padding."""
        out = np.empty((batch, length, self.filters), dtype=np.float32)
        out[:] = self.bias
        for k in range(self.kernel):
            step = k - self.padding
            if step >= 0:
                out[:, :length - step] += shares(k, slice(step, None))
            else:
                out[:, -step:] += shares(k, slice(0, length + step))
        np.maximum(out, 0, out=out)
        out = (out - self.mean) / self.std * self.scale + self.shift
        out[pad] = 0
        return out


class ProjectedEncoder:
    """slovnet's ``WordShapeEmbedding`` and ``CNNEncoder`` in one: called with the ids and the
    padding mask, returns what the encoder returns (batch × position × channel).

    The remembered words are state slovnet's encoder does not have, and the models are one
    per process: two analyses in threads (the app's thread fallback, a page added to the
    library while the article is analysed) must not see the table half changed, so the
    first layer runs under a lock (the rest of the work holds the GIL anyway)."""

    def __init__(self, emb: Any, encoder: Any, remembered: int = REMEMBERED) -> None:
        layers = [_Layer(layer) for layer in encoder.layers]
        first = self.first = layers[0]
        self.rest = layers[1:]
        self.words = emb.word  # navec's embedding: ids → vectors
        word_dim = int(emb.word.dim)
        shapes = emb.shape.weight.array
        if word_dim + shapes.shape[1] != first.inputs:
            raise ValueError("the embedding does not feed the first layer")
        self.word_taps = np.ascontiguousarray(first.taps[:word_dim])
        # only ~60 shapes: all of them, once (shape × kernel position × filter)
        self.shape_shares = (shapes @ first.taps[word_dim:]).reshape(len(shapes), first.kernel, first.filters)
        del first.taps  # (only these two parts of it are used)
        self.remembered = remembered
        self._lock = threading.RLock()  # (re-entrant: ``rows`` starts over with ``forget``)
        self.shares = np.empty((remembered, first.kernel * first.filters), dtype=np.float32)
        self.known: Any = None
        self.known_rows: Any = None
        self.forget()

    def rows(self, word_id: Any) -> Any:
        """Each id's row in ``shares``, working out the words not met yet."""
        where, met = self._look_up(word_id)
        if not met.all():
            new = np.unique(word_id[~met])
            if len(self.known) + len(new) > self.remembered:  # start over (a batch always
                self.forget()  # fits: the table grows for it if it must)
                new = np.unique(word_id)
                if len(new) > len(self.shares):
                    self.shares = np.empty((len(new), self.shares.shape[1]), dtype=np.float32)
            used = len(self.known)
            self.shares[used:used + len(new)] = self.words(new) @ self.word_taps
            known = np.concatenate((self.known, new))
            order = np.argsort(known, kind="stable")
            self.known = known[order]
            self.known_rows = np.concatenate((self.known_rows, np.arange(used, used + len(new)))).astype(
                np.int32)[order]
            where, met = self._look_up(word_id)
        return self.known_rows[where]

    def _look_up(self, word_id: Any) -> tuple[Any, Any]:
        """Where each id is in ``known`` (sorted: a binary search; no table over the 250,000
        words), and whether it is there."""
        where = np.minimum(np.searchsorted(self.known, word_id), max(len(self.known) - 1, 0))
        met = self.known[where] == word_id if len(self.known) else np.zeros(word_id.shape, dtype=bool)
        return where, met

    def __call__(self, ids: tuple[Any, Any], pad: Any) -> Any:
        word_id, shape_id = ids
        first = self.first
        batch, length = word_id.shape
        shapes = self.shape_shares
        with self._lock:
            rows = self.rows(word_id)  # (first: it may replace ``self.shares``)
            words = self.shares.reshape(len(self.shares), first.kernel, first.filters)

            def shares(k: int, positions: slice) -> Any:  # gathered a kernel position at a time:
                return words[rows[:, positions], k] + shapes[shape_id[:, positions], k]  # less memory

            x = first.finish(batch, length, shares, pad)
        for layer in self.rest:
            x = layer(x, pad)
        return x

    def forget(self) -> None:
        """Let the remembered words go (a long-lived process, between texts)."""
        with self._lock:
            self._start_over()

    def _start_over(self) -> None:
        self.known = np.empty(0, dtype=np.int64)  # the ids of the words met, sorted
        self.known_rows = np.empty(0, dtype=np.int32)  # where each one's shares are
        if len(self.shares) > self.remembered:
            self.shares = np.empty((self.remembered, self.shares.shape[1]), dtype=np.float32)
