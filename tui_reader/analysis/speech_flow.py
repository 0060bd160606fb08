"""Statements beyond one cue's sentence: every sentence of a quotation, and the
sentences that continue a person's words.  A mixin of ``SpeakerAnalysis``."""
from __future__ import annotations

import bisect

from tui_reader.analysis.speech_cues import Cue
from tui_reader.analysis.speech_shared import MAX_BACKWARD, PRONOUN_GENDER, Found
from tui_reader.analysis.speech_syntax import dash_attribution


class QuotesAndContinuation:
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
