"""Topics for the jump-to-topic pane: sections, speakers, entities and key phrases.

* section — each titled section, its one occurrence the heading;
* speaker — each speaker with their mentions, most mentioned first;
* entity — named entities grouped by normal form (label = the normal form), the
  people already listed as speakers left out;
* phrase — key phrases: adjective + noun pairs ("общее пространство") and nouns
  that recur, counted by lemma so every inflection counts; words already inside
  an entity or speaker mention are left to those kinds.

Phrases use pymorphy3's first parse for the part of speech, which is what keeps
function words out; ``FUNCTION_LIKE_NOUNS`` is the one small list on top.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, NamedTuple

from tui_reader.model import Document, Span, Topic

# Nouns pymorphy tags as NOUN that work as function words in news prose
# ("в прошлом году", "по словам", "в ряде стран", "в то же время"): never topics.
FUNCTION_LIKE_NOUNS = frozenset({
    "год", "раз", "ряд", "слово", "время", "число", "часть", "случай", "образ", "счёт", "счет",
    "тысяча", "миллион", "миллиард", "процент",
})

MAX_PHRASES = 20
MIN_PAIR_COUNT = 2  # an adjective + noun pair seen this often is a phrase
MIN_NOUN_COUNT = 3  # a single noun must recur more to stand on its own
# Parsing is per distinct form; a novel has ~50k of them, so only the most frequent are
# parsed for phrases (a phrase must recur, so its forms are among the frequent ones).
MAX_PARSED_FORMS = 6000

_DIGIT_SUFFIX_RE = re.compile(r"[-‐‑]\d+$")  # "поток-2", "Союз-5": the word before the number


def build_topics(doc: Document) -> list[Topic]:
    topics = section_topics(doc) + speaker_topics(doc)
    topics += entity_topics(doc)
    topics += phrase_topics(doc)
    return topics


def section_topics(doc: Document) -> list[Topic]:
    out = []
    for sec in doc.sections:
        if not sec.title:
            continue
        at = doc.text.find(sec.title, sec.start, sec.end)
        start = at if at >= 0 else sec.start
        out.append(Topic(label=sec.title, kind="section", occurrences=[Span(start, start + len(sec.title))]))
    return out


def speaker_topics(doc: Document) -> list[Topic]:
    out = [Topic(label=sp.name, kind="speaker", occurrences=_sorted_spans(sp.mentions))
           for sp in doc.speakers if sp.mentions]
    out.sort(key=lambda t: -len(t.occurrences))
    return out


def entity_topics(doc: Document) -> list[Topic]:
    speaker_names = {_fold(n) for sp in doc.speakers for n in (sp.name, *sp.aliases)}
    groups: dict[str, list[Span]] = defaultdict(list)
    for ent in doc.entities:
        if ent.type == "PER" and _fold(ent.normal) in speaker_names:
            continue  # already a speaker topic
        groups[ent.normal].append(Span(ent.start, ent.end))
    out = [Topic(label=normal, kind="entity", occurrences=_sorted_spans(spans)) for normal, spans in groups.items()]
    out.sort(key=lambda t: (-len(t.occurrences), t.label))
    return out


# --- key phrases -------------------------------------------------------------------

class _Word(NamedTuple):
    lemma: str
    pos: str | None
    parse: Any  # pymorphy3 Parse, for agreeing the label's adjective with its noun


def phrase_topics(doc: Document) -> list[Topic]:
    starts, ends = _tokens(doc)
    if not starts:
        return []
    text = doc.text
    forms = [_fold(text[s:e]) for s, e in zip(starts, ends)]
    parsed = set(f for f, _ in Counter(forms).most_common(MAX_PARSED_FORMS))
    taken = _taken_offsets(doc)

    def word(i: int) -> _Word | None:
        if forms[i] not in parsed or _inside(taken, starts[i], ends[i]):
            return None
        return _parse(forms[i])

    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)  # (adj, noun) → first token numbers
    nouns: dict[str, list[int]] = defaultdict(list)
    previous: _Word | None = None
    for i in range(len(starts)):
        current = word(i)
        if current is not None and current.pos == "NOUN" and _is_content_noun(current, forms[i]):
            nouns[current.lemma].append(i)
            joined = i > 0 and text[ends[i - 1]:starts[i]].isspace()
            if previous is not None and previous.pos == "ADJF" and joined:
                pairs[(previous.lemma, current.lemma)].append(i - 1)
        previous = current

    candidates: list[tuple[int, Topic]] = []
    in_pairs: Counter[int] = Counter()
    for (adj, noun), firsts in pairs.items():
        if len(firsts) >= MIN_PAIR_COUNT:
            spans = [Span(starts[i], ends[i + 1]) for i in firsts]
            candidates.append((len(firsts), Topic(_pair_label(doc, firsts, starts, ends, forms), "phrase", spans)))
            in_pairs.update(i + 1 for i in firsts)
    for lemma, numbers in nouns.items():
        alone = [i for i in numbers if i not in in_pairs]
        if len(numbers) >= MIN_NOUN_COUNT and len(alone) * 2 >= len(numbers):  # not just a pair's noun
            spans = [Span(starts[i], ends[i]) for i in numbers]
            candidates.append((len(numbers), Topic(_usual_case(lemma, [text[starts[i]:ends[i]] for i in numbers]),
                                                   "phrase", spans)))
    # A name the entity or speaker topics already offer is not offered again as a phrase.
    named = {_fold(e.normal) for e in doc.entities}
    named |= {_fold(n) for sp in doc.speakers for n in (sp.name, *sp.aliases)}
    candidates = [c for c in candidates if _fold(c[1].label) not in named]
    candidates.sort(key=lambda c: (-c[0], c[1].label))
    return [topic for _, topic in candidates[:MAX_PHRASES]]


def _tokens(doc: Document) -> tuple[list[int], list[int]]:
    if doc.index is not None:
        return doc.index.starts, doc.index.ends
    from tui_reader.search.lemmas import WORD_RE

    spans = [m.span() for m in WORD_RE.finditer(doc.text)]
    return [s for s, _ in spans], [e for _, e in spans]


@lru_cache(maxsize=100_000)
def _parse(form: str) -> _Word:
    from tui_reader.search.lemmas import analyzer

    stem = _DIGIT_SUFFIX_RE.sub("", form) or form
    p = analyzer().parse(stem)[0]
    return _Word(_fold(p.normal_form), p.tag.POS, p)


def _is_content_noun(w: _Word, form: str) -> bool:
    return len(form) > 2 and "Abbr" not in w.parse.tag and w.lemma not in FUNCTION_LIKE_NOUNS


def _pair_label(doc: Document, firsts: list[int], starts, ends, forms) -> str:
    """"adjective noun" in the nominative, the adjective agreeing with the noun."""
    adj, noun = _parse(forms[firsts[0]]).parse, _parse(forms[firsts[0] + 1]).parse
    noun_lemma = noun.normal_form
    wanted = {"nomn", "plur"} if "Pltm" in noun.tag else {"nomn", "sing", noun.tag.gender or "masc"}
    agreed = adj.inflect(wanted)
    adj_word = agreed.word if agreed is not None else adj.normal_form
    text = doc.text
    first = _usual_case(adj_word, [text[starts[i]:ends[i]] for i in firsts])
    second = _usual_case(noun_lemma, [text[starts[i + 1]:ends[i + 1]] for i in firsts])
    return f"{first} {second}"


def _usual_case(word: str, spellings: list[str]) -> str:
    """``word`` capitalised the way the text mostly writes it."""
    upper = sum(1 for s in spellings if s.isupper() and len(s) > 1)
    title = sum(1 for s in spellings if s[:1].isupper())
    if upper * 2 > len(spellings):
        return word.upper()
    return word[:1].upper() + word[1:] if title * 2 > len(spellings) else word


def _taken_offsets(doc: Document) -> list[tuple[int, int]]:
    spans = [(e.start, e.end) for e in doc.entities]
    spans += [(m.start, m.end) for sp in doc.speakers for m in sp.mentions]
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside(merged: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(merged, (start + 1,)) - 1
    return i >= 0 and merged[i][0] <= start and end <= merged[i][1]


def _sorted_spans(spans: list[Span]) -> list[Span]:
    return sorted((Span(s.start, s.end) for s in spans), key=lambda s: (s.start, s.end))


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")
