"""Topics for the jump-to-topic pane: sections, speakers, entities and key phrases.

* section — each titled section, its one occurrence the heading;
* speaker — each speaker with their mentions, most mentioned first;
* entity — named entities grouped by the lemmas of their normal form (label = the
  most frequent normal form), the people already listed as speakers left out;
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
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from tui_reader.analysis.names import PROPER_GRAMS
from tui_reader.model import Document, Entity, Span, Topic
from tui_reader.morph import WORD_RE, fold, word_parses

# Nouns pymorphy tags as NOUN that work as function words in news prose
# ("в прошлом году", "по словам", "в ряде стран", "в то же время"): never topics.
# Lemmas, with ё written е (as everything here is folded).
FUNCTION_LIKE_NOUNS = frozenset({
    "год", "раз", "ряд", "слово", "время", "число", "часть", "случай", "образ", "счет",
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
    """Entities grouped by the lemmas of their normal form, so that "Коумса" and "Коумс"
    (a normaliser's miss) are one topic; a lone surname joins the one full name it ends.
    People already offered as speakers are left out."""
    speaker_keys = {_name_key(n) for sp in doc.speakers for n in (sp.name, *sp.aliases)}
    groups: dict[tuple[str, tuple[str, ...]], list[Entity]] = defaultdict(list)  # (type, key) → entities
    for ent in doc.entities:
        key = _name_key(ent.normal)
        if not key or (ent.type == "PER" and key in speaker_keys):
            continue
        groups[(ent.type, key)].append(ent)
    _fold_lone_surnames(groups)
    out = []
    for members in groups.values():
        longest = max(len(_name_key(e.normal)) for e in members)  # the full name, if any
        counts = Counter(e.normal for e in members if len(_name_key(e.normal)) == longest)
        # The most frequent spelling; among equals, one already in the dictionary form.
        label = max(counts, key=lambda n: (counts[n], fold(n) == " ".join(_name_key(n))))
        out.append(Topic(label=label, kind="entity", occurrences=_sorted_spans(members)))
    out.sort(key=lambda t: (-len(t.occurrences), t.label))
    return out


def _fold_lone_surnames(groups: dict[tuple[str, tuple[str, ...]], list[Entity]]) -> None:
    """Move a one-word PER group into the full-name group ending with it, if only one does."""
    full_by_last: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for (etype, key) in groups:
        if etype == "PER" and len(key) > 1:
            full_by_last[key[-1]].append((etype, key))
    for (etype, key) in list(groups):
        if etype == "PER" and len(key) == 1 and len(full_by_last.get(key[0], ())) == 1:
            groups[full_by_last[key[0]][0]].extend(groups.pop((etype, key)))


@lru_cache(maxsize=20_000)
def _name_key(name: str) -> tuple[str, ...]:
    """The lemmas of a name's words, preferring a proper-noun reading ("Песков" → песков,
    not песок), so inflected and nominative spellings of one name compare equal."""
    key = []
    for word in WORD_RE.findall(fold(name)):
        options = word_parses(word)
        proper = next((p for p in options if any(g in p.tag for g in PROPER_GRAMS)), options[0])
        key.append(fold(proper.normal_form))
    return tuple(key)


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
    folded = fold(text)
    # One string object per distinct form, not per token: on a 20 MB text the
    # per-token copies cost ~100 MB at the analysis's peak.
    distinct: dict[str, str] = {}
    if len(folded) != len(text):  # lower() lengthened an exotic letter: fold word by word
        forms = [distinct.setdefault(f, f) for f in (fold(text[s:e]) for s, e in zip(starts, ends))]
    else:
        forms = [distinct.setdefault(f, f) for f in (folded[s:e] for s, e in zip(starts, ends))]
    del folded, distinct
    # Only nouns and adjectives matter; everything else (and rare forms) maps to None.
    useful: dict[str, _Word] = {}
    for form, _ in Counter(forms).most_common(MAX_PARSED_FORMS):
        w = _parse(form)
        if w.pos == "ADJF" or (w.pos == "NOUN" and _is_content_noun(w, form)):
            useful[form] = w
    taken = _taken_offsets(doc)

    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)  # (adj, noun) → first token numbers
    nouns: dict[str, list[int]] = defaultdict(list)
    previous: _Word | None = None
    for i, form in enumerate(forms):
        current = useful.get(form)
        if current is not None and taken and _inside(taken, starts[i], ends[i]):
            current = None
        if current is not None and current.pos == "NOUN":
            nouns[current.lemma].append(i)
            if previous is not None and previous.pos == "ADJF" and text[ends[i - 1]:starts[i]].isspace():
                pairs[(previous.lemma, current.lemma)].append(i - 1)
        previous = current

    # Candidates as (count, first tokens, last-token offset): labels (which inflect with
    # pymorphy) are made only for the few that are kept.
    candidates: list[tuple[int, list[int], int]] = []
    in_pairs: set[int] = set()
    for firsts in pairs.values():
        if len(firsts) >= MIN_PAIR_COUNT:
            candidates.append((len(firsts), firsts, 1))
            in_pairs.update(i + 1 for i in firsts)
    for numbers in nouns.values():
        if len(numbers) >= MIN_NOUN_COUNT:
            alone = sum(1 for i in numbers if i not in in_pairs)
            if alone * 2 >= len(numbers):  # not just the noun of a pair
                candidates.append((len(numbers), numbers, 0))
    candidates.sort(key=lambda c: (-c[0], c[1][0]))

    # A name the entity or speaker topics already offer is not offered again as a phrase.
    named = {_name_key(e.normal) for e in doc.entities}
    named |= {_name_key(n) for sp in doc.speakers for n in (sp.name, *sp.aliases)}
    out: list[Topic] = []
    for _, firsts, extra in candidates:
        if extra:
            label = _pair_label(doc, firsts, starts, ends, forms)
        else:
            label = _usual_case(useful[forms[firsts[0]]].lemma, [text[starts[i]:ends[i]] for i in firsts])
        if _name_key(label) in named:
            continue
        out.append(Topic(label, "phrase", [Span(starts[i], ends[i + extra]) for i in firsts]))
        if len(out) >= MAX_PHRASES:
            break
    return out


def _tokens(doc: Document) -> tuple[list[int], list[int]]:
    if doc.index is not None:
        return doc.index.starts, doc.index.ends
    spans = [m.span() for m in WORD_RE.finditer(doc.text)]
    return [s for s, _ in spans], [e for _, e in spans]


@lru_cache(maxsize=100_000)
def _parse(form: str) -> _Word:
    stem = _DIGIT_SUFFIX_RE.sub("", form) or form
    p = word_parses(stem)[0]
    return _Word(fold(p.normal_form), p.tag.POS, p)


def _is_content_noun(w: _Word, form: str) -> bool:
    return len(form) > 2 and "Abbr" not in w.parse.tag and w.lemma not in FUNCTION_LIKE_NOUNS


def _pair_label(doc: Document, firsts: list[int], starts: Sequence[int], ends: Sequence[int],
                forms: Sequence[str]) -> str:
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


def _sorted_spans(spans: Sequence[Span | Entity]) -> list[Span]:
    return sorted((Span(s.start, s.end) for s in spans), key=lambda s: (s.start, s.end))
