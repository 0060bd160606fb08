"""Cue → speaker for one sentence: 'по словам X', the subject of a reporting verb,
'его заявление'.  A mixin of ``SpeakerAnalysis`` (see ``speakers.py``)."""
from __future__ import annotations

import re

from tui_reader.analysis.speech_cues import CLAUSE_VERBS, NAMING_VERBS, NO_CONTINUATION, Cue, Tok, denies_report
from tui_reader.analysis.speech_people import Person
from tui_reader.analysis.speech_shared import GLUED, PRONOUN_GENDER, WRITING_VERBS, Found
from tui_reader.analysis.speech_syntax import (
    dash_attribution, is_common_noun, names_something, phrase_of, subject_of, writes_words,
)
from tui_reader.search.lemmas import word_parses


# People known by a user name ('пользователь ЖЖ zyalt', 'блогер navalny'), and what one looks like:
# Latin letters, digits, '_', '.', '-', starting lower-case (an upper-case Latin word is a brand: 'ЖЖ',
# 'Twitter').
HANDLE_NOUNS = frozenset({"пользователь", "блогер", "блоггер", "блогерка", "юзер"})
HANDLE = re.compile(r"[a-z][a-z0-9_.-]{2,}")


# Reporting verbs that a thing can be the subject of: 'план предполагает', 'документ утверждает',
# 'закон исключает'.  With these, 'он' may well be the plan.
THING_VERBS = frozenset({"предполагать", "утверждать", "подтверждать", "указывать", "исключать",
                         "требовать", "констатировать", "оценивать"})


def only_plural(word: str) -> bool:
    """'сторонников' (only plural), not 'женщины' (also the genitive singular)."""
    nouns = [p for p in word_parses(word.lower()) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


class CueAttribution:
    def attribute(self, i: int, cues: list[Cue]) -> None:
        toks = self.tokens[i]
        par = self.doc.sentences[i].paragraph
        # finite verbs first: a gerund ('Говоря о …, Брин заявил') or 'по словам' only when nothing else
        rank = {"verb": 0, "adjective": 0, "object": 0, "according": 1, "noun": 2, "gerund": 2}
        for cue in sorted(cues, key=lambda c: rank.get(c.kind, 3)):
            if cue.kind == "first-person" or denies_report(toks, cue):
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
                if phrase and phrase[0].pos == "NOUN" and phrase[0].text[:1].islower() \
                        and only_plural(phrase[0].text):
                    return None  # 'по мнению сторонников Трампа': a group around the person, not them
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
        if self.noun_in_circumstance(toks, cue.index):
            return None
        before = toks[cue.index - 1].text.lower() if cue.index > 0 else ""
        if before in ("его", "её", "ее"):
            person = self.resolve_pronoun(i, pos, PRONOUN_GENDER[before])
            return Found(person, cue.word, "indirect", True, pos) if person else None
        if cue.index + 1 < len(toks):
            span = self.per_at(toks[cue.index + 1].start)
            if span is not None:
                return Found(self.person_of[id(span)], cue.word, "indirect", True, pos)
        return None

    @staticmethod
    def reports_a_topic(toks: list[Tok], index: int) -> bool:
        """'X заявил о готовности …' names what was said about; 'X заявил о том, что …',
        'X заявил: …' and 'X заявил, что …' give the words themselves."""
        rest = toks[index + 1:]
        if not rest or rest[0].text.lower() not in ("о", "об", "обо"):
            return False
        # '…, который, по его словам, создает …': the words are there after all
        return not any(t.text.lower() in ("что", "словам", "мнению") or t.text in (":", "«", "\"", "„", "“")
                       for t in rest)

    @staticmethod
    def noun_in_circumstance(toks: list[Tok], index: int) -> bool:
        """'После выхода заявления Миллера …', 'в ответ на его заявление': the statement only
        sets the scene (a preposition or another noun governs it); the sentence reports something else."""
        for t in reversed(toks[max(0, index - 3):index]):
            if t.text.lower() in ("его", "её", "ее", "их") or t.pos in ("ADJF", "PRTF", "NPRO"):
                continue
            return t.pos in ("PREP", "NOUN")
        return False

    def by_syntax(self, i: int, cue: Cue) -> Found | None:
        toks = self.tokens[i]
        verb = toks[cue.index]
        if cue.extra.get("number") == "plur":
            return None
        clause = any(t.text.lower() == "что" for t in toks[cue.index + 1:cue.index + 4])
        if cue.lemma in NAMING_VERBS and not names_something(toks, cue.index) \
                and not (cue.lemma in CLAUSE_VERBS and clause):
            return None
        if cue.lemma in CLAUSE_VERBS and cue.lemma not in NAMING_VERBS and not clause:
            return None
        if cue.lemma in WRITING_VERBS and not writes_words(toks, cue.index):
            return None
        gender = cue.gender
        if cue.kind == "object":
            target = next((j for j, t in enumerate(toks) if t.head == cue.index and t.rel in ("obj", "iobj")), None)
            person = self.named_in_phrase(i, target, any_case=True) if target is not None else None
            if person is None and target is not None:
                person = self.resolve_token(i, target, gender)
            return Found(person, cue.word, "indirect", False, verb.start, False) if person else None
        subject = subject_of(toks, cue.index)
        person = None
        between = self.name_between(i, subject, cue.index) if subject is not None else None
        if between is not None:
            person = between
        elif subject is not None:
            low = toks[subject].text.lower()
            if cue.lemma in THING_VERBS and low in PRONOUN_GENDER:
                prev = self.previous_narration(i)
                if prev is not None and self.thing_before(prev, PRONOUN_GENDER[low]):
                    return None  # '…согласовало план. Он предполагает, что …': the plan does
            if toks[subject].tag is not None and "plur" in toks[subject].tag and toks[subject].pos in ("NOUN", "NPRO") \
                    and not self.per_at(toks[subject].start) \
                    and not (toks[subject].text[:1].isupper() and self.known_name(toks[subject], gender)):
                return None  # a plural subject ('эксперты считают'), unless a known surname misread as one
            person = self.resolve_token(i, subject, gender)
            subj = toks[subject]
            if person is None and subj.pos in ("NOUN", None) and subj.text[:1].islower():
                self.unnamed_speakers.add(i)  # '— сказала бойкая агитаторша': someone, but no name
        else:
            person = self.adjacent_name(i, cue.index) or self.title_after(i, cue.index, gender)
            if person is None and any(t.pos == "NOUN" and t.text[:1].islower() and t.tag is not None
                                      and t.tag.case == "nomn" and "anim" in t.tag for t in toks[cue.index + 1:]):
                self.unnamed_speakers.add(i)  # the parser lost the subject, but it is someone unnamed
        if person is None:
            return None
        subject_after = subject is not None and subject > cue.index
        after_kak = cue.index > 0 and toks[cue.index - 1].text.lower() == "как"
        leading = not subject_after or after_kak
        if self.after_quote(i, cue.index):
            leading = False
        # 'X ранее сообщал, что …' recalls an old statement in passing: the text moves on after it
        continues = cue.lemma not in NO_CONTINUATION and not any(
            t.text.lower() == "ранее" for t in toks[:cue.index])
        if leading and self.reports_a_topic(toks, cue.index):
            continues = False  # 'заявил о своей победе': a topic, not words that could run on
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

    def title_after(self, i: int, index: int, gender: str | None) -> Person | None:
        """'Как подчеркнула главный внештатный гериатр, …' where the parser lost the subject: a
        nominative noun right after the cue is the subject; it names someone only by a title the
        text gives a named person (never by guessing from who was near)."""
        toks = self.tokens[i]
        for k in range(index + 1, min(len(toks), index + 6)):
            t = toks[k]
            if not t.text[:1].isalpha():
                return None
            if t.pos == "NOUN" and t.text[:1].islower() and t.tag is not None and t.tag.case == "nomn":
                return self.resolve_title(i, t.start, phrase_of(toks, k) or [t], gender, t, fallback=False)
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

    def named_in_phrase(self, i: int, j: int, any_case: bool = False) -> Person | None:
        """A name inside the noun phrase of token ``j`` ('биограф Баффета Энди Килпатрик' → Килпатрик).

        ``any_case``: the phrase is an object ('цитирует мать Светлану Ващенко'), so the name
        is not nominative either."""
        toks = self.tokens[i]
        phrase = phrase_of(toks, j)
        if not any(self.per_at(t.start) for t in phrase):
            # 'комедиантка и телеведущая Эллен Дедженерес': the name hangs on the second title
            for k, t in enumerate(toks):
                if t.head == j and t.rel == "conj" and t.pos == "NOUN" and t.text[:1].islower():
                    phrase = phrase + phrase_of(toks, k)
        names = list({id(n): n for n in (self.per_at(t.start) for t in phrase) if n is not None}.values())
        if not names:
            return None
        own = self.per_at(toks[j].start)
        # 'штаб Трампа', 'пресс-служба Путина': a name in the genitive is not the subject
        if not any_case:
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
        handle = self.user_handle(phrase, tok)
        if handle is not None:
            return handle
        low = tok.text.lower()
        if low in PRONOUN_GENDER:
            return self.resolve_pronoun(i, tok.start, gender or PRONOUN_GENDER[low])
        if tok.text[:1].isupper():
            if j == 0 and is_common_noun(tok):
                # 'Столбунов, однако, сомневается…': a surname the dictionary only guesses at (as a
                # plural noun) opening the sentence, of someone the text has named
                return self.known_name(tok, gender) if len(phrase) == 1 and self.known_name(tok, gender) \
                    else self.resolve_title(i, tok.start, phrase, gender, tok, fallback=True)
            # a name the tagger missed here ('Трамп анонсировал…' opening a paragraph), else a
            # place or a firm: not a person
            return self.person_from_word(tok) if len(phrase) == 1 else self.known_name(tok, gender)
        if tok.pos == "NOUN" and tok.text[:1].islower() or (tok.pos == "NOUN" and j == 0):
            return self.resolve_title(i, tok.start, phrase, gender, tok, fallback=True)
        return None

    def user_handle(self, phrase: list[Tok], head: Tok) -> Person | None:
        """'Пользователь ЖЖ zyalt сообщает': a blogger known by a Latin user name speaks as that name."""
        if head.lemma not in HANDLE_NOUNS:
            return None
        handle = next((t.text for t in phrase if t is not head and HANDLE.fullmatch(t.text)), None)
        if handle is None:
            return None
        for person in self.people:
            if person.name_override == handle:
                return person
        person = Person(id=f"p{len(self.people) + 1}", keys=[handle.lower()], name_override=handle)
        self.people.append(person)
        return person

    # --- reference resolution ---------------------------------------------------------
