"""natasha's models with less memory: the news vectors without their word list, and the
taggers' one word vocabulary packed into a string that both share (``PackedWords``).

These follow how navec and slovnet store their data (``navec.Navec.load``, slovnet's
``Vocab``): a change in either library shows as a failed ``PackedWords.of`` (the tagger then
keeps its own vocabulary) or as a test failure, not as wrong tags.
"""
from __future__ import annotations

import bisect
import itertools
from array import array
from typing import Any

from tui_reader.analysis.nlp import REMEMBERED_WORDS, return_freed_memory


def news_vectors() -> Any:
    """natasha's ``NewsEmbedding`` without its word list: what ``navec.Navec.load`` reads,
    but the vocabulary (the taggers take only the vectors and have their own words; reading
    it took ~70 MB at the peak and ~0.15 s)."""
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec
    from navec.meta import Meta
    from navec.navec import META, PQ_
    from navec.pq import PQ
    from navec.tar import Tar

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        pq = PQ.from_file(tar.load(PQ_))
    return Navec(meta, None, pq)


def pack_vocabulary(tagger: Any, like: Any = None) -> None:
    """The tagger's word vocabulary as a ``PackedWords`` (that of ``like`` when they hold the
    same words), its own let go.

    natasha's NER tagger and syntax parser each load the same 250,000 words (its news models
    are built on one list) as a list of strings and a word → id dictionary: ~35 MB each, of
    Python objects that every lookup touches (a reference count is written), so that a
    forked helper (``speakers/chunks.py``) soon holds its own copy of the pages it reads.
    Packed (the words are sorted: a word's id is its place in the list), both share ~6 MB
    that looking a word up leaves untouched."""
    encoder = tagger.infer.encoder
    vocab = encoder.words_vocab
    shared = like.infer.encoder.words_vocab if like is not None else None
    if isinstance(shared, PackedWords) and shared.holds(vocab):
        encoder.words_vocab = shared
    else:
        encoder.words_vocab = PackedWords.of(vocab) or vocab
    del vocab, shared
    return_freed_memory()


class PackedWords:
    """slovnet's ``Vocab`` of words, as its encoders use it (``encode``, ``pad_id``), over the
    sorted words in one string, one a line: a word is found by ``str.find`` among those
    sharing its first three letters (a few hundred characters), and remembered until
    ``forget`` (a text's words repeat)."""

    def __init__(self, words: list[str], specials: dict[str, int], unk_id: int, pad_id: int) -> None:
        self.text = "\n" + "\n".join(words) + "\n"
        # where each word starts in ``text``; one more: where a word after the last would
        self.starts = array("I", itertools.accumulate((len(w) + 1 for w in words), initial=1))
        self.size = len(words)
        self.groups: dict[str, tuple[int, int]] = {}  # first three letters → (first, end) word ids
        first = 0
        for n in range(1, len(words) + 1):  # (sorted: the words of a group are neighbours)
            if n == len(words) or words[n][:3] != words[first][:3]:
                self.groups[words[first][:3]] = (first, n)
                first = n
        self.specials = specials  # '<unk>', '<pad>': after the words, by their own ids
        self.unk_id = unk_id
        self.pad_id = pad_id
        self.seen: dict[str, int] = {}

    @classmethod
    def of(cls, vocab: Any) -> PackedWords | None:
        """One with ``vocab``'s words, or None when they are not sorted and unique (and so their
        places are not their ids) or one holds a line break."""
        items = vocab.items
        size = min(i for i in (vocab.unk_id, vocab.pad_id) if i is not None)
        words = items[:size]
        if any(a >= b for a, b in itertools.pairwise(words)) or any("\n" in w for w in words):
            return None
        return cls(words, {w: size + i for i, w in enumerate(items[size:])}, vocab.unk_id, vocab.pad_id)

    def holds(self, vocab: Any) -> bool:
        """Has ``vocab`` (a slovnet ``Vocab``) the same words, ids and special tokens?"""
        items = vocab.items
        return (len(items) == len(self) and vocab.unk_id == self.unk_id and vocab.pad_id == self.pad_id
                and "\n" + "\n".join(items[:self.size]) + "\n" == self.text
                and all(self.specials.get(w) == self.size + i for i, w in enumerate(items[self.size:])))

    def encode(self, word: str) -> int:
        found = self.seen.get(word)
        if found is None:
            if len(self.seen) >= REMEMBERED_WORDS:
                self.seen.clear()
            found = self.seen[word] = self._find(word)
        return found

    def _find(self, word: str) -> int:
        group = self.groups.get(word[:3])
        if group is not None and word and "\n" not in word:
            first, end = group
            at = self.text.find("\n" + word + "\n", self.starts[first] - 1, self.starts[end])
            if at >= 0:
                return bisect.bisect_left(self.starts, at + 1, first, end)
        return self.specials.get(word, self.unk_id)

    def __len__(self) -> int:
        return self.size + len(self.specials)

    def forget(self) -> None:
        self.seen.clear()
