"""A big text's speakers, chunk by chunk, on every core.

The speaker analysis of a sentence reads little beyond its section: NER is per sentence,
cues, quotations and continuations stay within a paragraph.  So a long text (a novel) is
cut into chunks at paragraph boundaries — at a section's start where one is near — and
stages 1–4 (``analyse_part``) run on each chunk on their own; the people found in the
chunks are then merged across them (by the same name rule that groups the mentions of
one chunk), and what needs the whole text (an interview's answers, the furniture,
publishing) runs once over the merged result (``speakers.finish``).

Processes: the analysing process loads the models, then forks one helper per other core
(``os.fork``), which shares the models' memory copy-on-write instead of loading its own
(~90 MB), and works on chunks itself too.  Forking needs a process with no other thread
(``can_fork``): elsewhere (the app's thread fallback) the chunks run here, one by one.  Chunks are handed
out one at a time from a shared counter, so a slow chunk does not hold the others up;
a helper sends back only the chunk's people and statements (``ChunkResult``).  A chunk
a helper could not deliver (it died, it failed) is analysed in this process, so the
result never depends on the helpers.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, NoReturn

from tui_reader.analysis.speakers import finish, people
from tui_reader.analysis.speakers.context import SentenceTokens, SpeakerContext
from tui_reader.analysis.speakers.person import Person
from tui_reader.analysis.speakers.shared import Found
from tui_reader.model import Document, Entity

# Characters per chunk: a second or two of work, small enough to balance two cores
# and to keep each process's working memory small, big enough that the cut edges
# (a pronoun whose person is named in the chunk before) are rare.
CHUNK_CHARS = 120_000

Progress = Callable[[int, int], None]  # (chunks done, chunks in all)


@dataclass(slots=True)
class ChunkResult:
    """What a chunk gives: its people (mentions, titles, gender) and its statements so far."""

    people: list[Person]
    found: dict[int, Found]  # sentence index → statement; its person is one of ``people``
    entities: list[Entity]
    cut: dict[str, int]  # long inputs each model took in pieces (``nlp.inputs_cut``)


def plan_chunks(doc: Document, indices: list[int], size: int) -> list[list[int]]:
    """``indices`` (sentence indices, in order) cut into runs of about ``size`` characters,
    each ending at a paragraph's end — at a section's start when one comes within half a chunk
    more (a chunk is then up to 1.5 × ``size``)."""
    section_starts = {sec.start for sec in doc.sections}
    chunks: list[list[int]] = []
    current: list[int] = []
    start = 0
    for n, i in enumerate(indices):
        s = doc.sentences[i]
        if not current:
            start = s.start
        current.append(i)
        nxt = doc.sentences[indices[n + 1]] if n + 1 < len(indices) else None
        if nxt is None or nxt.paragraph == s.paragraph:
            continue
        filled = s.end - start
        next_paragraph = doc.paragraphs[nxt.paragraph].start
        if filled >= size and (next_paragraph in section_starts or filled >= size * 3 // 2
                               or not _section_within(section_starts, next_paragraph, next_paragraph + size // 2)):
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _section_within(section_starts: set[int], after: int, until: int) -> bool:
    return any(after < x <= until for x in section_starts)


def find_speakers_in_chunks(doc: Document, indices: list[int], *, size: int | None = None,
                            processes: int | None = None, progress: Progress | None = None) -> None:
    """Like ``find_speakers`` over ``indices``, chunk by chunk (see the module's doc).
    ``processes``: how many (this one included); default, the cores this process may use."""
    chunks = plan_chunks(doc, indices, size or CHUNK_CHARS)
    results = run_chunks(doc, chunks, processes if processes is not None else usable_cores(), progress)
    merge(doc, indices, [results[n] for n in range(len(chunks))])


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is safe only with no other thread running (a thread's lock held at the fork
    stays held in the child): the reader's analysis process and the CLI, not the app's
    thread fallback."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


# --- running the chunks -------------------------------------------------------------

_job: tuple[Document, list[list[int]]] | None = None  # what the forked helpers analyse


def analyse_chunk(doc: Document, indices: list[int]) -> ChunkResult:
    from tui_reader.analysis import nlp
    from tui_reader.analysis.speakers import analyse_part

    before = nlp.cut_counts()
    ctx = analyse_part(doc, indices)
    cut = {model: n - before[model] for model, n in nlp.cut_counts().items()}
    forget_words()
    for person in ctx.people:  # pymorphy's grammemes (str subclasses) do not pickle: plain strings
        person.gender = _plain(person.gender)
        for m in person.mentions:
            m.gender = _plain(m.gender)
    return ChunkResult(ctx.people, ctx.found, ctx.entities, cut)


def forget_words() -> None:
    """Let go of what was remembered about words (their parses, tokens, names) after a chunk.

    A process's memory would otherwise grow with every new word of a novel (~1.5 KB a word,
    ~60 MB over half of one), and the next chunk gains little from it: within a chunk the
    same words come back, across chunks far fewer (measured: no slower).  And the freed pages
    go back to the system."""
    from tui_reader.analysis import entities, nlp, tokens
    from tui_reader.analysis.speakers import cues
    from tui_reader.morph import word_parses

    word_parses.cache_clear()
    for module in (tokens, cues, entities):
        module.forget()
    nlp.forget_words()
    nlp.return_freed_memory()


def _plain(value: str | None) -> str | None:
    return None if value is None else str(value)


def run_chunks(doc: Document, chunks: list[list[int]], processes: int,
               progress: Progress | None = None) -> dict[int, ChunkResult]:
    """Every chunk analysed, here and in ``processes - 1`` forked helpers: chunk number → result."""
    global _job
    report = progress or (lambda done, total: None)
    results: dict[int, ChunkResult] = {}
    helpers = min(processes, len(chunks)) - 1
    if helpers < 1 or not can_fork():
        for n, chunk in enumerate(chunks):
            results[n] = analyse_chunk(doc, chunk)
            report(n + 1, len(chunks))
        return results

    from tui_reader.analysis.nlp import models
    from tui_reader.morph import analyzer

    models()  # loaded before the fork: the helpers share them
    analyzer()
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    _job = (doc, chunks)
    # Objects that exist now are left out of garbage collection, which would otherwise
    # touch (and so copy) every page of them in every helper.
    gc.freeze()
    children: list[int] = []
    receivers: list[Any] = []
    try:
        for _ in range(helpers):
            receiver, sender = context.Pipe(duplex=False)
            # os.fork, not multiprocessing.Process: the reader's analysis process is a
            # daemon, and multiprocessing lets no daemon have children
            pid = os.fork()
            if pid == 0:
                _helper(counter, sender, [*receivers, receiver])  # never returns
            sender.close()
            children.append(pid)
            receivers.append(receiver)
        drain = threading.Thread(target=_collect, args=(receivers, results), daemon=True)
        drain.start()
        mine: set[int] = set()
        while (taken := _take(counter, len(chunks))) is not None:
            results[taken] = analyse_chunk(doc, chunks[taken])
            mine.add(taken)
            report(len(results), len(chunks))
        drain.join()
        from tui_reader.analysis.nlp import count_cut

        for n, result in results.items():
            if n not in mine:  # (this process has counted its own)
                count_cut(result.cut)
    finally:
        for pid in children:
            _reap(pid)
        _job = None
        gc.unfreeze()
    for n, chunk in enumerate(chunks):  # what a helper failed to deliver
        if n not in results:
            results[n] = analyse_chunk(doc, chunk)
    report(len(chunks), len(chunks))
    return results


def _reap(pid: int) -> None:
    """Wait for a helper (it has sent all it will: its pipe is closed), or end it."""
    try:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            time.sleep(0.05)
            done, _status = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _take(counter: Any, total: int) -> int | None:
    with counter.get_lock():
        n = int(counter.value)
        if n >= total:
            return None
        counter.value = n + 1
    return n


def _collect(receivers: list[Any], results: dict[int, ChunkResult]) -> None:
    """(A thread of the parent) the helpers' results as they come, until each has hung up."""
    open_ = list(receivers)
    while open_:
        for ready in wait(open_):
            conn: Connection = ready  # type: ignore[assignment]  # (wait gives back what it was given)
            try:
                n, result = conn.recv()
            except (EOFError, OSError):
                open_.remove(conn)
                continue
            if result is not None:
                results[n] = result


def _helper(counter: Any, sender: Any, inherited: list[Any]) -> NoReturn:
    """(A forked helper) analyse chunks until none is left or the parent has gone; then leave
    at once, without the interpreter's teardown (nothing of the parent's to clean up here)."""
    code = 1
    try:
        parent = os.getppid()
        for conn in inherited:  # the parent's ends: a dead parent must mean a broken pipe here
            conn.close()
        assert _job is not None
        doc, chunks = _job
        while os.getppid() == parent and (n := _take(counter, len(chunks))) is not None:
            try:
                result: ChunkResult | None = analyse_chunk(doc, chunks[n])
            except Exception:  # noqa: BLE001 - the parent analyses this chunk itself (and sees why)
                result = None
            sender.send((n, result))
        sender.close()
        code = 0
    finally:
        os._exit(code)


# --- merging ------------------------------------------------------------------------

def merge(doc: Document, indices: list[int], parts: list[ChunkResult]) -> None:
    """The chunks' people merged into one list, their statements over the whole text, then
    what needs the whole text (``speakers.finish``)."""
    ctx = SpeakerContext(doc, indices, SentenceTokens(doc))
    doc.entities = []
    merged = _Merged(ctx.people)
    for part in parts:
        same: dict[int, Person] = {}
        for person in sorted(part.people, key=_first_seen):
            same[id(person)] = merged.add(person)
        for i, found in part.found.items():
            found.person = same[id(found.person)]
            ctx.found[i] = found
        doc.entities.extend(part.entities)
    ctx.person_of = {id(m): p for p in ctx.people for m in p.mentions}
    ctx.pers = sorted((m for p in ctx.people for m in p.mentions if m.type == "PER" and m.sentence >= 0),
                      key=lambda m: m.start)
    ctx.per_starts = [m.start for m in ctx.pers]
    for person in ctx.people:
        people.renormalise(ctx, person)  # a gender another chunk told
    finish(ctx)


def _first_seen(person: Person) -> int:
    return min([m.start for m in person.mentions] + [r[0] for r in person.title_refs] or [0])


def _last_seen(person: Person) -> int:
    return max([m.start for m in person.mentions] + [r[0] for r in person.title_refs] or [-1])


class _Merged:
    """The people of the chunks so far, looked up as ``person.cluster_people`` looks up a
    mention's: among those sharing a name word's first letters, the one seen last."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.order: dict[int, int] = {}  # id(person) → its place in ``people``
        self.last_seen: dict[int, int] = {}
        self.by_prefix: dict[str, list[Person]] = {}
        self.by_override: dict[str, Person] = {}

    def add(self, person: Person) -> Person:
        """The merged person ``person`` (of a later chunk) is: an earlier one, or itself, now added."""
        into = self._same_person(person)
        if into is None:
            person.id = f"p{len(self.people) + 1}"
            self.order[id(person)] = len(self.people)
            self.people.append(person)
            into = person
        else:
            _absorb(into, person)
        for key in into.keys:
            group = self.by_prefix.setdefault(key[:3], [])
            if not any(q is into for q in group):
                group.append(into)
        if into.name_override:
            self.by_override.setdefault(into.name_override, into)
        self.last_seen[id(into)] = max(self.last_seen.get(id(into), -1), _last_seen(person))
        return into

    def _same_person(self, person: Person) -> Person | None:
        if not person.keys:
            return self.by_override.get(person.name_override) if person.name_override else None
        pool = {id(p): p for k in person.keys for p in self.by_prefix.get(k[:3], ())}
        same = [p for p in pool.values() if p.keys and p.accepts(tuple(person.keys))]
        if person.name_override and not person.mentions:  # named by the data file or a user name
            named = self.by_override.get(person.name_override)
            if named is not None and id(named) not in {id(p) for p in same}:
                same.append(named)
        same.sort(key=lambda p: self.order[id(p)])  # (ties go to the earliest, as in one pass)
        return max(same, key=lambda p: self.last_seen.get(id(p), -1), default=None)


def _absorb(into: Person, person: Person) -> None:
    if len(person.keys) > len(into.keys):
        into.keys = list(person.keys)
    if into.gender is None:
        into.gender = person.gender
    into.mentions.extend(person.mentions)
    into.titles.extend(person.titles)
    into.title_refs.extend(person.title_refs)
    if into.name_override is None:
        into.name_override = person.name_override
