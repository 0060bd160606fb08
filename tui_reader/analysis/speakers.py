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
   it; the sentences before a trailing attribution ("…, добавил X") belong to it.

Statements are only made for persons: organisations, media and unnamed
sources ("источник сообщил") are not speakers.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui_reader.analysis.entities import NamedSpan, normal_phrase, sentences_before, tag_sentences, to_entities
from tui_reader.analysis.speech_cues import (
    NAMING_VERBS, NO_CONTINUATION, Cue, Tok, find_cues, is_negated, may_report, tokens_of,
)
from tui_reader.analysis.speech_people import (
    Person, cluster_people, display_name, gender_fits, lemma_set, office_holders,
)
from tui_reader.analysis.speech_quotes import dash_speech, quote_spans
from tui_reader.model import Document, Span, Speaker, Statement

PRONOUN_GENDER = {"он": "masc", "его": "masc", "него": "masc", "она": "femn", "её": "femn", "ее": "femn",
                  "нее": "femn", "неё": "femn"}
# Subjects that name an unnamed source: never resolved to a person.
UNNAMED = frozenset("""
источник собеседник представитель эксперт аналитик сотрудник участник очевидец житель пользователь
журналист автор издание агентство человек один другой некоторый кто-то пресс-служба служба
""".split())
# Clause-level dependents: not part of a subject's noun phrase.
CLAUSE_RELS = ("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "conj", "cc", "punct", "mark")
MAX_BACKWARD = 3
TITLE_WINDOW = 120  # characters left of a name searched for its title
# Forms of address, not titles: 'господин Туск'.
HONORIFICS = frozenset({"господин", "госпожа", "мистер", "миссис", "мисс", "г-н", "г-жа", "товарищ", "сэр"})
WRITING_VERBS = frozenset({"написать", "писать"})
# What one writes when one says something (the object of 'написал').
WRITTEN_WORDS = frozenset("""
сообщение пост запись заявление обращение твит твиттер комментарий колонка статья письмо слово
""".split())
QUOTE_MARKS = "«»\"“”„"
# A sentence end the splitter missed because the space is missing ('добычи.Это').
GLUED = re.compile(r"[а-яёa-z][.!?…][А-ЯЁA-Z]")


class SentenceTokens(dict):
    """sentence index → its tokens, tokenised lazily."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, i: int) -> list[Tok]:
        s = self.doc.sentences[i]
        toks = self[i] = tokens_of(self.doc.text, s.start, s.end)
        return toks


@dataclass(slots=True)
class Found:
    """A statement before it becomes a ``Statement``."""

    person: Person
    cue: str | None
    kind: str  # "direct" / "indirect"
    leading: bool  # the reported words follow the cue ("X заявил, что …")
    cue_pos: int  # absolute offset of the cue word
    continues: bool = True  # may carry the neighbouring sentences


class SpeakerAnalysis:
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
        doc.entities = to_entities(self.spans)
        self.attribute_quotes(cues)
        self.continue_statements(cues)
        self.publish()

    # --- preparation -------------------------------------------------------------

    def find_quotes(self) -> None:
        last = self.doc.sentences[self.indices[-1]].end if self.indices else 0
        for pi, par in enumerate(self.doc.paragraphs):
            if par.start >= last:
                break  # beyond the analysed part (a big file's limit)
            spans = quote_spans(self.doc.text, par.start, par.end)
            self.quotes[pi] = spans
            speech = [q for q in spans if len(self.doc.text[q[0]:q[1]].split()) >= 4]
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
            words: list[Tok] = []
            head_found = False
            while k >= 0 and len(words) < 8:
                t = toks[k]
                k -= 1
                if t.text in QUOTE_MARKS:
                    continue
                if not t.text[:1].isalnum() or t.pos not in ("NOUN", "ADJF", "PRTF", None) or self.per_at(t.start):
                    break
                fits = bool(word_cases(t.text) & cases)
                if head_found:
                    if t.pos in ("ADJF", "PRTF") and fits:
                        words.append(t)
                        continue
                    break
                if t.lemma in HONORIFICS:
                    break
                words.append(t)
                if t.pos == "NOUN" and fits and (t.text[:1].islower() or (at_start and t is toks[0])) \
                        and t.tag is not None and "anim" in t.tag:
                    head_found = True  # a title is a person noun: 'спикер', 'глава', not 'внимание'

            if not head_found:
                continue
            while words and not (words[-1].pos == "NOUN"
                                 and (words[-1].text[:1].islower() or (at_start and words[-1] is toks[0]))) \
                    and words[-1].pos not in ("ADJF", "PRTF"):
                words.pop()
            words.reverse()
            if words:
                person = self.person_of[id(span)]
                person.titles.append((frozenset(w.lemma for w in words), words[0].start))
                person.title_refs.append((words[0].start, words[-1].end, self.doc.text[words[0].start:words[-1].end]))

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
        from tui_reader.analysis.entities import describe

        for person in self.people:
            if person.gender is None:
                continue
            for m in person.mentions:
                if m.gender is None:
                    keys = m.keys
                    describe(self.doc.text[m.start:m.end], m, person.gender)
                    m.keys = keys  # keep the clustering key stable

    def per_at(self, pos: int) -> NamedSpan | None:
        k = bisect.bisect_right(self.per_starts, pos) - 1
        if k >= 0 and self.pers[k].start <= pos < self.pers[k].end:
            return self.pers[k]
        return None

    # --- one sentence ------------------------------------------------------------

    def attribute(self, i: int, cues: list[Cue]) -> None:
        toks = self.tokens[i]
        par = self.doc.sentences[i].paragraph
        # finite verbs first: a gerund ('Говоря о …, Брин заявил') or 'по словам' only when nothing else
        rank = {"verb": 0, "adjective": 0, "object": 0, "according": 1, "noun": 2, "gerund": 2}
        for cue in sorted(cues, key=lambda c: rank.get(c.kind, 3)):
            if cue.kind == "first-person" or is_negated(toks, cue.index):
                continue
            if self.in_quote(toks[cue.index].start, par) and not dash_attribution(self.doc.text, toks[cue.index].start):
                continue  # a cue inside quoted words is the quoted person's, not the writer's
            if cue.kind == "according":
                found = self.according_to(i, cue)
            elif cue.kind == "noun":
                found = self.whose_statement(i, cue)
            else:
                found = self.by_syntax(i, cue)
            if found is not None:
                self.found[i] = found
                return

    def according_to(self, i: int, cue: Cue) -> Found | None:
        """'по словам X', 'по его словам', 'по мнению пресс-секретаря Аси Мелкумовой'."""
        found = self._according_to(i, cue)
        if found is not None:
            # only 'По словам X, …' opening the sentence carries on into the next ones;
            # '(по его словам, …)' in mid-sentence qualifies one clause
            words_before = [t for t in self.tokens[i][:cue.index - 1] if t.text[:1].isalnum()]
            found.continues = len(words_before) <= 2
        return found

    def _according_to(self, i: int, cue: Cue) -> Found | None:
        toks = self.tokens[i]
        pos = toks[cue.index].start
        before = [t.text.lower() for t in toks[max(0, cue.index - 3):cue.index]]
        for word in before:
            if word in PRONOUN_GENDER:
                person = self.resolve_pronoun(i, pos, PRONOUN_GENDER[word])
                return Found(person, cue.word, "indirect", True, pos) if person else None
            if word == "их":
                return None
        phrase: list[Tok] = []
        for t in toks[cue.index + 1:cue.index + 17]:
            if t.text in (",", ";", ":", "—", "–", "!", "?"):
                break
            span = self.per_at(t.start)
            if span is not None:
                return Found(self.person_of[id(span)], cue.word, "indirect", True, pos)
            if t.text[:1].isalnum():
                phrase.append(t)
        if not phrase:
            return None
        if phrase[0].text.lower() in PRONOUN_GENDER:
            person = self.resolve_pronoun(i, pos, PRONOUN_GENDER[phrase[0].text.lower()])
        else:
            person = self.resolve_title(i, pos, phrase, None, phrase[0], fallback=False)
        return Found(person, cue.word, "indirect", True, pos) if person else None

    def whose_statement(self, i: int, cue: Cue) -> Found | None:
        """'появилось его заявление', 'заявления Байдена': a possessive or a genitive name."""
        toks = self.tokens[i]
        pos = toks[cue.index].start
        before = toks[cue.index - 1].text.lower() if cue.index > 0 else ""
        if before in ("его", "её", "ее"):
            person = self.resolve_pronoun(i, pos, PRONOUN_GENDER[before])
            return Found(person, cue.word, "indirect", True, pos) if person else None
        if cue.index + 1 < len(toks):
            span = self.per_at(toks[cue.index + 1].start)
            if span is not None:
                return Found(self.person_of[id(span)], cue.word, "indirect", True, pos)
        return None

    def by_syntax(self, i: int, cue: Cue) -> Found | None:
        toks = self.tokens[i]
        verb = toks[cue.index]
        if cue.extra.get("number") == "plur":
            return None
        if cue.lemma in NAMING_VERBS and not names_something(toks, cue.index):
            return None
        if cue.lemma in WRITING_VERBS and not writes_words(toks, cue.index):
            return None
        gender = cue.gender
        if cue.kind == "object":
            target = next((j for j, t in enumerate(toks) if t.head == cue.index and t.rel in ("obj", "iobj")), None)
            person = self.resolve_token(i, target, gender) if target is not None else None
            return Found(person, cue.word, "indirect", False, verb.start, False) if person else None
        subject = subject_of(toks, cue.index)
        person = None
        between = self.name_between(i, subject, cue.index) if subject is not None else None
        if between is not None:
            person = between
        elif subject is not None:
            if toks[subject].tag is not None and "plur" in toks[subject].tag and toks[subject].pos in ("NOUN", "NPRO") \
                    and not self.per_at(toks[subject].start):
                return None
            person = self.resolve_token(i, subject, gender)
        else:
            person = self.adjacent_name(i, cue.index)
        if person is None:
            return None
        subject_after = subject is not None and subject > cue.index
        after_kak = cue.index > 0 and toks[cue.index - 1].text.lower() == "как"
        leading = not subject_after or after_kak
        if self.after_quote(i, cue.index):
            leading = False
        continues = cue.lemma not in NO_CONTINUATION
        sent = self.doc.sentences[i]
        if not leading and GLUED.search(self.doc.text, sent.start, verb.start):
            continues = False  # 'добычи.Это хороший день…, сказала X': the words start after the glued stop
        return Found(person, cue.word, "indirect", leading, verb.start, continues)

    def name_between(self, i: int, subject: int, verb: int) -> Person | None:
        """'Президент и гендиректор Tele2 AB Матс Гранрид подчеркнул': the parser may take the
        title for the subject; a nominative name between it and the verb is the speaker."""
        toks = self.tokens[i]
        if subject >= verb or self.per_at(toks[subject].start):
            return None
        for t in reversed(toks[subject + 1:verb]):
            span = self.per_at(t.start)
            if span is not None and span.nominative >= 0.5:
                return self.person_of[id(span)]
        return None

    def after_quote(self, i: int, index: int) -> bool:
        """Is the cue the attribution after a closing quotation mark ('», — сказал он')?"""
        toks = self.tokens[i]
        for t in reversed(toks[max(0, index - 4):index]):
            if t.text in "»\"”“":
                return True
            if t.text[:1].isalnum():
                return False
        return False

    def adjacent_name(self, i: int, index: int) -> Person | None:
        """Without a parsed subject: a nominative name right after or before the cue."""
        toks = self.tokens[i]
        for j in list(range(index + 1, min(len(toks), index + 4))) + list(range(index - 1, max(-1, index - 4), -1)):
            t = toks[j]
            if not t.text[:1].isalnum():
                break
            span = self.per_at(t.start)
            if span is not None and span.nominative >= 0.3:
                return self.person_of[id(span)]
        return None

    def named_in_phrase(self, i: int, j: int) -> Person | None:
        """A name inside the noun phrase of token ``j`` ('биограф Баффета Энди Килпатрик' → Килпатрик)."""
        toks = self.tokens[i]
        names = list({id(n): n for n in (self.per_at(t.start) for t in phrase_of(toks, j)) if n is not None}.values())
        if not names:
            return None
        own = self.per_at(toks[j].start)
        # 'штаб Трампа', 'пресс-служба Путина': a name in the genitive is not the subject
        names = [n for n in names if n is own or n.nominative >= 0.3]
        if not names:
            return None
        best = max(names, key=lambda n: (n.nominative >= 0.3, n is own, n.start))
        return self.person_of[id(best)]

    def resolve_token(self, i: int, j: int, gender: str | None) -> Person | None:
        """The person a subject (or object) token refers to."""
        toks = self.tokens[i]
        tok = toks[j]
        phrase = phrase_of(toks, j)
        named = self.named_in_phrase(i, j)
        if named is not None:
            return named
        low = tok.text.lower()
        if low in PRONOUN_GENDER:
            return self.resolve_pronoun(i, tok.start, gender or PRONOUN_GENDER[low])
        if tok.text[:1].isupper():
            if j == 0 and is_common_noun(tok):
                return self.resolve_title(i, tok.start, phrase, gender, tok, fallback=True)
            # a name the tagger missed here ('Трамп анонсировал…' opening a paragraph), else a
            # place or a firm: not a person
            return self.person_from_word(tok) if len(phrase) == 1 else self.known_name(tok, gender)
        if tok.pos == "NOUN" and tok.text[:1].islower() or (tok.pos == "NOUN" and j == 0):
            return self.resolve_title(i, tok.start, phrase, gender, tok, fallback=True)
        return None

    # --- reference resolution ---------------------------------------------------------

    def mentions_before(self, pos: int, gender: str | None, window_start: int = 0):
        """PER mentions outside quotes before ``pos``, nearest first."""
        k = bisect.bisect_left(self.per_starts, pos)
        for n in range(k - 1, -1, -1):
            span = self.pers[n]
            if span.start < window_start:
                break
            par = self.doc.sentences[span.sentence].paragraph
            if self.in_quote(span.start, par):
                continue
            person = self.person_of[id(span)]
            if self.fits(person.gender, gender):
                yield span, person

    def fits(self, person_gender: str | None, wanted: str | None) -> bool:
        """Gender agreement; while ``strict``, a person of unknown gender does not agree."""
        if self.strict and wanted is not None:
            return person_gender == wanted
        return gender_fits(person_gender, wanted)

    def last_speaker(self, i: int, gender: str | None, min_paragraph: int = -1) -> Person | None:
        for j in range(i - 1, -1, -1):
            f = self.found.get(j)
            if f is None:
                continue
            if self.doc.sentences[j].paragraph < min_paragraph:
                return None
            if self.fits(f.person.gender, gender):
                return f.person
        return None

    def resolve_pronoun(self, i: int, pos: int, gender: str | None) -> Person | None:
        """'он', 'по её словам': people known to have that gender first, then anyone fitting."""
        for strict in (True, False):
            self.strict = strict
            try:
                person = self._resolve_pronoun(i, pos, gender)
            finally:
                self.strict = False
            if person is not None:
                return person
        return None

    def _resolve_pronoun(self, i: int, pos: int, gender: str | None) -> Person | None:
        sent = self.doc.sentences[i]
        # 1. a name earlier in the same sentence ('Баффет … (по его словам …')
        for span, person in self.mentions_before(pos, gender, sent.start):
            if span.nominative >= 0.3:
                return person
        # 2. the first name in the previous sentence (its subject, as a rule): 'Сам Баффет не
        #    скрывает удовольствия. "…", - заявил он.'
        prev = self.previous_narration(i)
        if prev is not None:
            s_prev = self.doc.sentences[prev]
            for span, person in reversed(list(self.mentions_before(s_prev.end, gender, s_prev.start))):
                if span.nominative >= 0.5:
                    return person
        # 3. the speaker of the last statements, in this or the previous paragraph
        person = self.last_speaker(i, gender, sent.paragraph - 1)
        if person is not None:
            return person
        # 3. the last person named nearby
        window = self.doc.sentences[max(0, i - 5)].start
        for span, person in self.mentions_before(pos, gender, window):
            return person
        return self.last_speaker(i, gender)

    def known_name(self, tok: Tok, gender: str | None) -> Person | None:
        """A capitalised word the NER missed here but that names someone it found elsewhere."""
        from tui_reader.analysis.entities import name_key, name_parse

        key = name_key(tok.text, name_parse(tok.text))
        matches = [p for p in self.people if p.mentions and p.accepts((key,)) and gender_fits(p.gender, gender)]
        if not matches:
            return None
        return max(matches, key=lambda p: p.last_mention_before(tok.start))

    def previous_narration(self, i: int) -> int | None:
        """The nearest earlier sentence (this or the previous paragraph) not wholly inside a quotation."""
        par = self.doc.sentences[i].paragraph
        for j in range(i - 1, max(-1, i - 12), -1):
            s = self.doc.sentences[j]
            if s.paragraph < par - 1:
                return None
            inside = any(a <= s.start and s.end <= b for a, b in self.quotes.get(s.paragraph, ()))
            if not inside:
                return j
        return None

    def resolve_title(self, i: int, pos: int, phrase: list[Tok], gender: str | None, head: Tok,
                      fallback: bool) -> Person | None:
        """'Президент России', 'российский лидер', 'глава холдинга', 'дипломат'."""
        lemmas = frozenset(t.lemma for t in phrase if t.text[:1].isalnum())
        nouns = {t.lemma for t in phrase if t.pos == "NOUN"}
        if head.lemma in UNNAMED or not nouns:
            return None
        # 1. a person the text itself gave this title
        best = None
        for person in self.people:
            # only titles the text gave before this point: a later 'Президент России Владимир
            # Путин' says nothing about who 'президент' was three paragraphs earlier
            if any(head.lemma in title and nouns <= title and at < pos for title, at in person.titles) \
                    and gender_fits(person.gender, gender):
                seen = person.last_mention_before(pos)
                if best is None or seen > best[0]:
                    best = (seen, person)
        if best is not None:
            self.note_title(best[1], phrase)
            return best[1]
        # 2. the office-holder data file
        name = office_holders().get(lemmas)
        if name is not None:
            person = self.person_named(name)
            self.note_title(person, phrase)
            return person
        if not fallback or head.tag is None or "anim" not in head.tag or "plur" in head.tag:
            return None
        # 3. the person whose words the text was just reporting ('…, - сказал президент')
        person = self.last_speaker(i, gender, self.doc.sentences[i].paragraph - 2)
        if person is not None:
            self.note_title(person, phrase)
            return person
        # 4. the person the text was just talking about
        window = self.doc.sentences[max(0, i - 8)].start
        nearby = list(self.mentions_before(pos, gender, window))
        speakers = {id(f.person) for f in self.found.values()}
        for span, person in sorted(nearby, key=lambda sp: (id(sp[1]) not in speakers, sp[0].nominative < 0.5)):
            if span.nominative < 0.5 and id(person) not in speakers:
                break  # only named in passing ('отставку прокурора Уильяма Барра'): not the one talking
            self.note_title(person, phrase)
            return person
        return None

    def note_title(self, person: Person, phrase: list[Tok]) -> None:
        words = [t for t in phrase if t.text[:1].isalnum() or t.text in QUOTE_MARKS]
        # keep short, plain titles ('президент', 'глава холдинга') as aliases; a long phrase
        # with digits or brackets is a description, not a way of naming someone
        if len(words) > 4 or any(not t.text.isalpha() and t.text not in QUOTE_MARKS and "-" not in t.text
                                 for t in words):
            return
        if words:
            start, end = words[0].start, words[-1].end
            if all(r[0] != start for r in person.title_refs):
                person.title_refs.append((start, end, self.doc.text[start:end]))

    def person_named(self, name: str) -> Person:
        """The person the data file names: one already in the text, or a new one."""
        from tui_reader.analysis.entities import NamedSpan, describe

        probe = NamedSpan(0, len(name), "PER", "", -1)
        describe(name, probe)
        for person in self.people:
            if person.accepts(probe.keys) or (probe.keys and person.surname == probe.keys[-1]):
                return person
        person = Person(id=f"p{len(self.people) + 1}", keys=list(probe.keys), gender=probe.gender,
                        name_override=name)
        self.people.append(person)
        return person

    # --- quotations and continuation ---------------------------------------------------

    def sentences_of(self, span: tuple[int, int]) -> list[int]:
        if self._starts is None:
            self._starts = [self.doc.sentences[i].start for i in self.indices]
        k = max(0, bisect.bisect_right(self._starts, span[0]) - 1)
        out = []
        for i in self.indices[k:]:
            s = self.doc.sentences[i]
            if s.start >= span[1]:
                break
            if s.end > span[0]:
                out.append(i)
        return out

    def attribute_quotes(self, cues: dict[int, list[Cue]]) -> None:
        for pi, speech in self.speech.items():
            for q in speech:
                sents = self.sentences_of(q)
                if not sents:
                    continue
                owner = None
                for j in sents:
                    f = self.found.get(j)
                    # the attribution is outside the quotation, or a dash-set aside inside it
                    # ('"…, - заявил он. - …"'), or the quotation is dash-introduced speech
                    if f is not None and (not q[0] < f.cue_pos < q[1] - 1
                                          or dash_attribution(self.doc.text, f.cue_pos)
                                          or self.doc.text[q[0]] in "—–-"):
                        owner = f
                        break
                if owner is None:
                    owner = self.attribution_after(q, sents[-1], pi)
                    if owner is not None:
                        self.found.setdefault(sents[-1], owner)
                if owner is None:
                    continue
                for j in sents:
                    f = self.found.get(j)
                    if f is None:
                        self.found[j] = Found(owner.person, owner.cue, "direct", owner.leading, owner.cue_pos)
                    elif f.person is owner.person:
                        f.kind = "direct"

    def attribution_after(self, q: tuple[int, int], i: int, paragraph: int) -> Found | None:
        """'«…», — сказад Джойс' (any verb, even misspelt) or 'Лесин: «…»'."""
        text = self.doc.text
        sent = self.doc.sentences[i]
        toks = self.tokens[i]
        tail = text[q[1]:sent.end]
        stripped = tail.lstrip(",.!?… ")
        if stripped[:1] in "—–-":
            for t in toks:
                if t.start < q[1]:
                    continue
                span = self.per_at(t.start)
                if span is not None and span.nominative >= 0.3:
                    return Found(self.person_of[id(span)], None, "direct", False, t.start)
                if t.text.lower() in ("он", "она"):
                    person = self.resolve_pronoun(i, t.start, PRONOUN_GENDER[t.text.lower()])
                    return Found(person, None, "direct", False, t.start) if person else None
        # 'Лесин: «…»'
        head = text[sent.start:q[0]].rstrip()
        if head.endswith(":"):
            before = [t for t in toks if t.end <= q[0]]
            for t in reversed(before[-4:]):
                span = self.per_at(t.start)
                if span is not None:
                    return Found(self.person_of[id(span)], ":", "direct", True, t.start)
            # 'Песков: «…»' in a headline, where the tagger has too little context
            if len(before) >= 2 and before[-1].text == ":" and before[-2].text[:1].isupper():
                person = self.person_from_word(before[-2])
                if person is not None:
                    return Found(person, ":", "direct", True, before[-2].start)
        return None

    def person_from_word(self, tok: Tok) -> Person | None:
        """A capitalised word the dictionary knows as a surname: someone already met, or a new person."""
        from tui_reader.analysis.entities import describe, name_parse

        known = self.known_name(tok, None)
        if known is not None:
            return known
        parse = name_parse(tok.text)
        if parse is None or "Surn" not in parse.tag:
            return None
        span = NamedSpan(tok.start, tok.end, "PER", "", -1)
        describe(tok.text, span)
        person = Person(id=f"p{len(self.people) + 1}", keys=list(span.keys), gender=span.gender, mentions=[span])
        self.people.append(person)
        self.person_of[id(span)] = person
        return person

    def continue_statements(self, cues: dict[int, list[Cue]]) -> None:
        by_paragraph: dict[int, list[int]] = {}
        for i in self.indices:
            by_paragraph.setdefault(self.doc.sentences[i].paragraph, []).append(i)
        for pi, sents in by_paragraph.items():
            for pos, i in enumerate(sents):
                f = self.found.get(i)
                if f is None or not f.continues or f.kind == "continued":
                    continue
                step = 1 if f.leading else -1
                # words before a trailing attribution ('…, добавил X') rarely run back further
                room = len(sents) if f.leading else MAX_BACKWARD
                if not f.leading and self.opens_with_quote(i):
                    # the marks show where quoted words begin: at most a framing sentence
                    # before them ('К НТВ претензий не оказалось. «…», — пояснил Лесин.')
                    room = 1
                k = pos + step
                while 0 <= k < len(sents) and room > 0:
                    room -= 1
                    j = sents[k]
                    if j in self.found or not self.may_continue(j, cues[j]):
                        break
                    self.found[j] = Found(f.person, None, "indirect", f.leading, f.cue_pos, False)
                    k += step

    def opens_with_quote(self, i: int) -> bool:
        s = self.doc.sentences[i]
        return self.doc.text[s.start:s.end].lstrip()[:1] in "«\"“„—–-"

    def may_continue(self, j: int, cues: list[Cue]) -> bool:
        """A sentence with no cue, no new named person and no pronoun subject of its own."""
        if any(c.kind not in ("first-person", "gerund", "noun") for c in cues):
            return False
        toks = self.tokens[j]
        par = self.doc.sentences[j].paragraph
        first = next((t for t in toks if t.text[:1].isalnum()), None)
        if first is not None and first.text.lower() in ("он", "она"):
            return False
        s = self.doc.sentences[j]
        k = bisect.bisect_left(self.per_starts, s.start)
        for span in self.pers[k:]:
            if span.start >= s.end:
                break
            if span.nominative >= 0.5 and not self.in_quote(span.start, par) \
                    and (len(span.keys) > 1 or len(self.person_of[id(span)].mentions) > 1):
                return False  # a new person named in the nominative: narration about them
        return True

    # --- output ----------------------------------------------------------------

    def publish(self) -> None:
        doc = self.doc
        speaking = {id(f.person): f.person for f in self.found.values()}
        ordered = sorted((p for p in self.people if id(p) in speaking),
                         key=lambda p: min([m.start for m in p.mentions] + [r[0] for r in p.title_refs] or [0]))
        ids = {id(p): f"s{n + 1}" for n, p in enumerate(ordered)}
        doc.speakers = []
        for p in ordered:
            name = display_name(p)
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


def is_common_noun(tok: Tok) -> bool:
    """'Президент' at the start of a sentence, as opposed to 'Газпром' or 'Москва'."""
    return tok.pos == "NOUN" and tok.tag is not None and not any(
        g in tok.tag for g in ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"))


def word_cases(word: str) -> set[str]:
    """The cases a word can be in, as a singular (titles are singular: 'администрации' is not)."""
    from tui_reader.analysis.nlp import morph_vocab

    return {p.tag.case for p in morph_vocab().parse(word.lower()) if p.tag.case and p.tag.number != "plur"}


def name_cases(surface: str) -> set[str]:
    """The cases a name could be in, judged by its first word ('Уильяма Барра' → genitive/accusative)."""
    from tui_reader.analysis.entities import WORD, name_parse
    from tui_reader.analysis.nlp import morph_vocab

    words = WORD.findall(surface)
    if not words:
        return set()
    parses = [p for p in morph_vocab().parse(words[0]) if p.tag.case and p.tag.number != "plur"]
    named = [p for p in parses if name_parse(words[0]) is not None and ("Name" in p.tag or "Surn" in p.tag)]
    return {p.tag.case for p in (named or parses)} or {"nomn"}


def dash_attribution(text: str, pos: int) -> bool:
    """Is the word at ``pos`` an attribution inside a quotation ('"…, - заявил он. - …"')?"""
    before = text[max(0, pos - 5):pos].rstrip()
    return before[-1:] in "—–-" and before[:-1].rstrip()[-1:] in ",!?…"


def subject_of(toks: list[Tok], index: int) -> int | None:
    """The nominal subject of the verb at ``index``, climbing coordinated verbs and gerunds."""
    j = index
    for _ in range(4):
        for k, t in enumerate(toks):
            if t.head == j and t.rel.startswith("nsubj"):
                return k
        if toks[j].rel in ("conj", "advcl", "xcomp") and toks[j].head >= 0:
            j = toks[j].head
            continue
        break
    return None


def phrase_of(toks: list[Tok], j: int) -> list[Tok]:
    """The noun phrase headed by token ``j`` (its subtree without clauses)."""
    keep = {j}
    changed = True
    while changed:
        changed = False
        for k, t in enumerate(toks):
            if k not in keep and t.head in keep and t.rel not in CLAUSE_RELS:
                keep.add(k)
                changed = True
    return [toks[k] for k in sorted(keep)]


def writes_words(toks: list[Tok], index: int) -> bool:
    """'написал, что …' / 'как написал X' / 'написал сообщение' report words; 'написал книгу' does not."""
    if index > 0 and toks[index - 1].text.lower() == "как":
        return True
    objects = [t for t in toks if t.head == index and t.rel == "obj"]
    if not objects:
        return True
    return any(t.lemma in WRITTEN_WORDS for t in objects)


def names_something(toks: list[Tok], index: int) -> bool:
    """'назвал X беспрецедентной / победой': a complement in the instrumental case follows."""
    from tui_reader.analysis.nlp import morph_vocab

    for t in toks[index + 1:index + 8]:
        if t.text in (".", ";", "!", "?"):
            break
        for p in morph_vocab().parse(t.text.lower())[:3]:
            if p.tag.case == "ablt" and p.tag.POS in ("NOUN", "ADJF", "PRTF"):
                return True
    return False


def find_speakers(doc: Document, limit: int | None = None) -> None:
    """Fill doc.entities, doc.speakers, doc.statements and the quotes' speakers."""
    if not doc.sentences:
        doc.entities, doc.speakers, doc.statements = [], [], []
        return
    SpeakerAnalysis(doc, limit).run()
