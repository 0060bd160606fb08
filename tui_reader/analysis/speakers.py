"""Speakers and statements: who says what, sentence by sentence.

The pipeline, in order:

1. NER over the sentences gives the PER/LOC/ORG entities; PER mentions are
   grouped into people (``speech_people``).
2. Every sentence is scanned for reporting cues (``speech_cues``).  Only the
   sentences with a cue go through the syntax parser (it is the slow model):
   the grammatical subject of the reporting verb names the speaker far more
   often than the nearest name does.
3. A subject is resolved to a person: a name directly, a pronoun ("он",
   "по её словам") to the last speaker of that gender, a title ("президент
   России", "дипломат") to the person the text gave that title, else the
   office-holder data file, else the person the text was just talking about.
4. Direct speech: every sentence of a quotation gets the speaker its
   attribution names ("«…», — сказал он"; "X заявил: «…»").
5. Continuation: the sentences that follow a statement opened by a cue
   ("По словам X, …", "X считает, что …") in the same paragraph continue
   it; the sentences before a trailing attribution ("…, добавил X") belong to it,
   and so do the ones after it up to a first-person sentence ("Мы довольны").
   A statement ending its paragraph with a colon ("X поделился эмоциями:") owns
   the next paragraph, and the ones after while they speak in the first person.
   A news-feed line "Собянин: Около 500 тыс. …" is a statement too.

Statements are only made for persons: organisations, media and unnamed
sources ("источник сообщил") are not speakers.

Where the steps live: ``speech_attribution`` (2–3 for one sentence),
``speech_resolve`` (pronouns, titles, the data file), ``speech_flow`` (4–5),
``speech_syntax`` (readings of the parse), ``speech_shared`` (constants).
"""
from __future__ import annotations

import bisect
import re

from tui_reader.analysis.entities import NamedSpan, normal_phrase, sentences_before, tag_sentences, to_entities
from tui_reader.analysis.speech_attribution import CueAttribution
from tui_reader.analysis.speech_cues import Cue, Tok, find_cues, may_report, tokens_of
from tui_reader.analysis.speech_flow import QuotesAndContinuation
from tui_reader.analysis.speech_people import Person, cluster_people, display_name, title_key
from tui_reader.analysis.speech_quotes import dash_speech, quote_spans
from tui_reader.analysis.speech_resolve import ReferenceResolver
from tui_reader.analysis.speech_shared import HONORIFICS, QUOTE_MARKS, TITLE_WINDOW, Found, SentenceTokens
from tui_reader.analysis.speech_syntax import name_cases, subject_of, word_cases
from tui_reader.model import Document, Span, Speaker, Statement
from tui_reader.search.lemmas import word_parses


# 'Собянин: Около…', '31.01, 09:30 Собянин: «…»': a name (one or two words) and a colon open the line.
NAME_COLON = re.compile(r"(?:[\d.,:/\s]+)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: [А-ЯЁ][а-яё]+)?):\s+[«\"„“]?[А-ЯЁA-Z0-9]")
# The end of a quoted sentence and a dash that hands over to the author: '?» — …', '.", - …'.
ATTRIBUTED_SENTENCE = re.compile(r"[.!?…][»\"“”]\s*,?\s*[—–-]\s")


class SpeakerAnalysis(CueAttribution, ReferenceResolver, QuotesAndContinuation):
    """One document's analysis; the mixins hold the steps (see the module docstring)."""

    def __init__(self, doc: Document, limit: int | None) -> None:
        self.doc = doc
        self.indices = sentences_before(doc, limit)
        self.spans: list[NamedSpan] = []
        self.people: list[Person] = []
        self.quotes: dict[int, list[tuple[int, int]]] = {}  # paragraph → quotations
        self.speech: dict[int, list[tuple[int, int]]] = {}  # paragraph → direct speech stretches
        self.tokens = SentenceTokens(doc)  # computed on first use: most sentences never need them
        self.found: dict[int, Found] = {}
        self.per_starts: list[int] = []
        self._starts: list[int] | None = None
        self.strict = False
        self.unnamed_speakers: set[int] = set()  # sentences whose speaker is a person left unnamed

    # --- driver ----------------------------------------------------------------

    def run(self) -> None:
        doc = self.doc
        self.spans = tag_sentences(doc, self.indices)
        self.people = cluster_people(self.spans)
        self.person_of = {id(m): p for p in self.people for m in p.mentions}
        self.pers = [s for s in self.spans if s.type == "PER" and id(s) in self.person_of]
        self.per_starts = [s.start for s in self.pers]
        self.find_quotes()
        self.record_titles()
        # tokenise and look for cues only where a cue word form occurs at all
        cues = {i: find_cues(self.tokens[i]) if may_report(doc.text[doc.sentences[i].start:doc.sentences[i].end])
                else [] for i in self.indices}
        self.parse_syntax([i for i in self.indices if any(c.kind in ("verb", "adjective", "gerund", "object")
                                                            for c in cues[i])])
        self.learn_genders(cues)
        self.renormalise_by_gender()
        for i in self.indices:
            self.attribute(i, cues[i])
            if i not in self.found:
                self.headline_speaker(i)
        doc.entities = to_entities(self.spans)
        self.attribute_quotes()
        self.continue_statements(cues)
        self.continue_in_first_person(cues)
        self.continue_after_colon(cues)
        self.publish()

    # --- preparation -------------------------------------------------------------

    def find_quotes(self) -> None:
        last = self.doc.sentences[self.indices[-1]].end if self.indices else 0
        for pi, par in enumerate(self.doc.paragraphs):
            if par.start >= last:
                break  # beyond the analysed part (a big file's limit)
            spans = quote_spans(self.doc.text, par.start, par.end)
            self.quotes[pi] = spans
            # a short quote is speech when it is a whole sentence with an attribution after it
            # ('«Почему так?» — задается вопросом Уилсон'); otherwise a name or a scare quote
            speech = [q for q in spans if len(self.doc.text[q[0]:q[1]].split()) >= 4
                      or ATTRIBUTED_SENTENCE.match(self.doc.text, q[1] - 2)]
            # the quote finder pairs straight quotes with more care ('"… чтобы "не было чего"), …"'):
            # a long quotation it found that the lenient view cut short counts too
            speech += [(q.start, q.end) for q in self.doc.quotes
                       if par.start <= q.start < par.end and self.doc.text[q.start] not in "—–-"
                       and len(self.doc.text[q.start:q.end].split()) >= 4 and (q.start, q.end) not in spans]
            # dialogue turns: the quote finder's ('— Мы готовы', '— Пойдём.'), else our own guess
            turns = [(q.start, q.end) for q in self.doc.quotes
                     if par.start <= q.start < par.end and self.doc.text[q.start] in "—–-"]
            if not turns and not self.doc.quotes:
                dash = dash_speech(self.doc.text, par.start, par.end)
                turns = [dash] if dash else []
            self.speech[pi] = speech + turns

    def in_quote(self, pos: int, paragraph: int) -> bool:
        return any(a < pos < b - 1 for a, b in self.quotes.get(paragraph, ()))

    def parse_syntax(self, indices: list[int]) -> None:
        if not indices:
            return
        from tui_reader.analysis.nlp import models

        order = sorted(indices, key=lambda i: len(self.tokens[i]))
        chunks = [[t.text for t in self.tokens[i]] for i in order]
        for i, markup in zip(order, models().syntax.map(chunks)):
            toks = self.tokens[i]
            for tok, st in zip(toks, markup.tokens):
                tok.head = int(st.head_id) - 1
                tok.rel = st.rel

    def record_titles(self) -> None:
        """'президент России Владимир Путин', 'спикер Рады Андрей Парубий': remember the title.

        Walking left from the name, genitive modifiers ('Рады', 'главы Белого дома') are
        taken until a common noun in the name's own case: that is the title's head
        ('спикер'); adjectives agreeing with it ('генерального прокурора') are kept too.
        """
        for span in self.pers:
            # only the words just left of the name matter: tokenise that stretch alone
            sent = self.doc.sentences[span.sentence]
            window = max(sent.start, span.start - TITLE_WINDOW)
            toks = tokens_of(self.doc.text, window, span.start) + [Tok(span.start, span.end, "")]
            at_start = window == sent.start
            if len(toks) < 2:
                continue
            cases = name_cases(self.doc.text[span.start:span.end])
            k = bisect.bisect_left([t.start for t in toks], span.start) - 1
            # an apposition chain gives several titles: 'главный внештатный гериатр Минздрава,
            # доктор медицинских наук, профессор Ольга Ткачева'
            for _ in range(3):
                words, k = self._title_left_of(toks, k, cases, at_start)
                if words:
                    person = self.person_of[id(span)]
                    person.titles.append((title_key(frozenset(w.lemma for w in words)), words[0].start))
                    person.title_refs.append((words[0].start, words[-1].end,
                                              self.doc.text[words[0].start:words[-1].end]))
                if not words or k < 1 or toks[k].text != ",":
                    break
                k -= 1

    def _title_left_of(self, toks: list[Tok], k: int, cases: set[str], at_start: bool) -> tuple[list[Tok], int]:
        """The title ending at token ``k`` (walking left), in text order, and the index of the token
        that stopped the walk; no words when there is no title there."""
        words: list[Tok] = []
        head_found = False
        while k >= 0 and len(words) < 8:
            t = toks[k]
            if t.text in QUOTE_MARKS:
                k -= 1
                continue
            if not t.text[:1].isalnum() or t.pos not in ("NOUN", "ADJF", "PRTF", None) or self.per_at(t.start):
                break
            fits = bool(word_cases(t.text) & cases)
            if head_found:
                if t.pos in ("ADJF", "PRTF") and fits:
                    words.append(t)
                    k -= 1
                    continue
                break
            if t.lemma in HONORIFICS:
                break
            words.append(t)
            k -= 1
            if t.pos == "NOUN" and fits and (t.text[:1].islower() or (at_start and t is toks[0])) \
                    and t.tag is not None and "anim" in t.tag:
                head_found = True  # a title is a person noun: 'спикер', 'глава', not 'внимание'
        if not head_found:
            return [], k
        while words and not (words[-1].pos == "NOUN"
                             and (words[-1].text[:1].islower() or (at_start and words[-1] is toks[0]))) \
                and words[-1].pos not in ("ADJF", "PRTF"):
            words.pop()
        words.reverse()
        return words, k

    def learn_genders(self, cues: dict[int, list[Cue]]) -> None:
        """'Кейли Макинэни не рассказала': a past-tense verb tells the gender of a name the
        dictionary does not know, which pronoun and title resolution need."""
        for i, found in cues.items():
            for cue in found:
                if cue.gender not in ("masc", "femn"):
                    continue
                toks = self.tokens[i]
                subject = subject_of(toks, cue.index)
                if subject is None:
                    continue
                person = self.name_between(i, subject, cue.index) or self.named_in_phrase(i, subject)
                if person is not None and person.gender is None:
                    person.gender = cue.gender

    def renormalise_by_gender(self) -> None:
        """Normal forms of surname-only mentions, now that the person's gender is known."""
        for person in self.people:
            self.renormalise(person)

    def renormalise(self, person: Person, *, all_mentions: bool = False) -> None:
        """Describe the person's mentions again in the person's gender: those of no gender of
        their own, or ``all_mentions`` when the person's gender has just been corrected."""
        from tui_reader.analysis.entities import describe

        if person.gender is None:
            return
        for m in person.mentions:
            if all_mentions or m.gender is None:
                keys = m.keys
                describe(self.doc.text[m.start:m.end], m, person.gender)
                m.keys = keys  # keep the clustering key stable

    def learn_gender_from_verb(self, person: Person, verb: str | None) -> None:
        """'— обратила внимание Ткачева': a past-tense verb tells a late-found speaker's gender."""
        # a gender read off bare surnames ('Ткачева' may be the genitive of 'Ткачев') is weak
        weak = all(len(m.keys) < 2 for m in person.mentions)
        if (person.gender is not None and not weak) or not verb:
            return
        parses = [p for p in word_parses(verb.lower()) if p.tag.POS == "VERB" and p.tag.tense == "past"]
        genders = {p.tag.gender for p in parses}
        if len(genders) == 1 and genders <= {"masc", "femn"}:
            person.gender = genders.pop()
            self.renormalise(person, all_mentions=True)

    def headline_speaker(self, i: int) -> None:
        """'Собянин: Около 500 тыс. человек записались на вакцинацию' — the news-feed way of
        quoting, with or without quotation marks (after an optional date and time)."""
        sent = self.doc.sentences[i]
        m = NAME_COLON.match(self.doc.text, sent.start, sent.end)
        if m is None:
            return
        span = self.per_at(m.start(1))
        if span is not None and span.end == m.end(1):
            person = self.person_of[id(span)]
        else:
            toks = tokens_of(self.doc.text, m.start(1), m.end(1))
            person = self.known_name(toks[-1], None) if toks else None
        if person is not None:
            self.found[i] = Found(person, ":", "direct", True, m.start(1), False)

    def per_at(self, pos: int) -> NamedSpan | None:
        k = bisect.bisect_right(self.per_starts, pos) - 1
        if k >= 0 and self.pers[k].start <= pos < self.pers[k].end:
            return self.pers[k]
        return None

    # --- output ------------------------------------------------------------------

    def publish(self) -> None:
        doc = self.doc
        speaking = {id(f.person): f.person for f in self.found.values()}
        ordered = sorted((p for p in self.people if id(p) in speaking),
                         key=lambda p: min([m.start for m in p.mentions] + [r[0] for r in p.title_refs] or [0]))
        ids = {id(p): f"s{n + 1}" for n, p in enumerate(ordered)}
        doc.speakers = []
        for p in ordered:
            name = display_name(p, doc.text)
            aliases: list[str] = []
            for m in p.mentions:
                if m.normal and m.normal != name and m.normal not in aliases:
                    aliases.append(m.normal)
            for _, _, surface in p.title_refs:
                title = normal_phrase(surface)  # 'президента России' → 'президент России'
                if title and title.lower() not in {a.lower() for a in aliases}:
                    aliases.append(title)
            mentions = sorted({(m.start, m.end) for m in p.mentions} | {(a, b) for a, b, _ in p.title_refs})
            doc.speakers.append(Speaker(ids[id(p)], name, aliases, [Span(a, b) for a, b in mentions]))
        doc.statements = []
        for i in sorted(self.found):
            f = self.found[i]
            s = doc.sentences[i]
            doc.statements.append(Statement(ids[id(f.person)], s.start, s.end, i, f.kind, f.cue))
        self.attribute_doc_quotes(ids)

    def attribute_doc_quotes(self, ids: dict[int, str]) -> None:
        """Give each exported quote the speaker of the statement it sits in."""
        if not self.doc.quotes:
            return
        by_start = sorted((st.start, st.end, st.speaker) for st in self.doc.statements)
        starts = [b[0] for b in by_start]
        for quote in self.doc.quotes:
            k = bisect.bisect_right(starts, quote.start) - 1
            if k >= 0 and by_start[k][0] <= quote.start < by_start[k][1]:
                # speech, not a name in quotes: «Эхо Москвы» sits in Лесин's sentence but is not his
                if len(self.doc.text[quote.start:quote.end].split()) >= 3 or self.doc.text[quote.start] in "—–-":
                    quote.speaker = by_start[k][2]


def find_speakers(doc: Document, limit: int | None = None) -> None:
    """Fill doc.entities, doc.speakers, doc.statements and the quotes' speakers."""
    if not doc.sentences:
        doc.entities, doc.speakers, doc.statements = [], [], []
        return
    SpeakerAnalysis(doc, limit).run()
