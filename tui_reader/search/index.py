"""The word index: every word token's span and all its lemmas, built once per document.

Parsing is the cost, so each distinct folded form (lower case, ё → е) is parsed
once: the 3 MB novel has ~500k tokens but only ~60k distinct forms.  Token
numbers are gathered per form first and merged per lemma afterwards, which keeps
the per-token work to one dict lookup.
"""
from __future__ import annotations

from tui_reader.model import WordIndex
from tui_reader.morph import WORD_RE, fold, normal_forms


def build_index(text: str) -> WordIndex:
    starts: list[int] = []
    ends: list[int] = []
    tokens_by_form: dict[str, list[int]] = {}
    # Fold the whole text at once (same offsets) rather than each of ~500k tokens.
    folded = fold(text)
    aligned = len(folded) == len(text)  # lower() can lengthen a few exotic letters
    scanned = folded if aligned else text
    add_start, add_end = starts.append, ends.append
    for number, m in enumerate(WORD_RE.finditer(scanned)):
        start, end = m.span()
        add_start(start)
        add_end(end)
        form = scanned[start:end] if aligned else fold(scanned[start:end])
        bucket = tokens_by_form.get(form)
        if bucket is None:
            tokens_by_form[form] = [number]
        else:
            bucket.append(number)

    lemmas: dict[str, list[int]] = {}
    for form, numbers in tokens_by_form.items():
        for lemma in normal_forms(form):
            bucket = lemmas.get(lemma)
            if bucket is None:
                lemmas[lemma] = list(numbers)
            else:
                bucket.extend(numbers)
    for numbers in lemmas.values():
        numbers.sort()  # each form's run is already sorted: Timsort merges runs cheaply
    return WordIndex(starts=starts, ends=ends, lemmas=lemmas)
