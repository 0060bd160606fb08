"""The jump-to-topic pane: the model's topics, filtered fuzzily as you type.

Choosing a topic posts ``JumpTo`` at its first occurrence; choosing the same topic
again steps to its next occurrence (wrapping).  The command-palette provider in
``palette.py`` shares this stepping through ``TopicPane.choose``.
"""
from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.fuzzy import Matcher
from textual.message import Message
from textual.style import Style
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui_reader.app.messages import JumpTo
from tui_reader.app.widgets.vim_keys import VimOptionList
from tui_reader.i18n import _
from tui_reader.model import TOPIC_KINDS, Document, Topic
from tui_reader.reading.sanitize import name_text


def kind_title(kind: str) -> str:
    return {"section": _("Sections"), "speaker": _("Speakers"), "entity": _("People, places, organisations"),
            "phrase": _("Key phrases")}.get(kind, kind)
KIND_TAGS = {"section": "section", "speaker": "speaker", "entity": "entity", "phrase": "phrase"}
ENTITY_TAGS = {"PER": "person", "LOC": "place", "ORG": "org"}
TAG_WIDTH = max(len(t) for t in (*KIND_TAGS.values(), *ENTITY_TAGS.values()))
# Fuzzy matching every topic of a novel on each keystroke is fine; drawing them is
# not, so a filtered list shows the best this many.
MAX_FILTERED = 100
MATCH_STYLE = Style(bold=True, underline=True)


def fuzzy_content(matcher: Matcher, text: str, style: Style | None = None) -> tuple[float, Content]:
    """Score ``text`` against the matcher's query and light the matched letters.

    ``Matcher.highlight`` parses the candidate as markup, which would mangle a label
    holding square brackets; this builds plain Content instead.
    """
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    return score, lit_content(text, offsets if score else (), style or matcher.match_style)


def lit_content(text: str, offsets: Iterable[int], style: Style) -> Content:
    content = Content(text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


def entity_types(doc: Document | None) -> dict[int, str]:
    """Entity type by start offset, to tell a person from a place in the list."""
    return {e.start: e.type for e in doc.entities} if doc is not None else {}


def topic_tag(topic: Topic, types: dict[int, str]) -> str:
    """The short kind shown next to a topic; entities say person/place/org when known."""
    if topic.kind == "entity" and topic.occurrences:
        entity_type = types.get(topic.occurrences[0].start)
        if entity_type in ENTITY_TAGS:
            return ENTITY_TAGS[entity_type]
    return KIND_TAGS.get(topic.kind, topic.kind)


def ordered_topics(doc: Document | None) -> list[int]:
    """Indices into ``doc.topics`` grouped by kind (the contract's order), stable within."""
    if doc is None:
        return []
    rank = {kind: i for i, kind in enumerate(TOPIC_KINDS)}
    indices = [i for i, t in enumerate(doc.topics) if t.occurrences]
    return sorted(indices, key=lambda i: rank.get(doc.topics[i].kind, len(rank)))


class TopicPane(Vertical):
    """Jump to a section, speaker, entity or key phrase.

    The app mounts ``TopicPane(doc)`` and calls ``open()`` on ``t`` (``е`` on a Russian
    layout).  Replace ``pane.doc`` when the full model arrives.
    """

    DEFAULT_CSS = """
    TopicPane { height: 1fr; width: 1fr; }
    TopicPane > #topic-status { height: 1; padding: 0 1; color: $text-muted; }
    TopicPane > #topic-list { height: 1fr; border: none; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close topics"),
        Binding("down", "move(1)", "Next topic", show=False),
        Binding("up", "move(-1)", "Previous topic", show=False),
    ]

    class Closed(Message):
        """The pane closed itself (Esc): the app may give focus back to the article."""

    class Chosen(Message):
        """A topic was chosen (``JumpTo`` was posted just before it)."""

        def __init__(self, topic: Topic, occurrence: int) -> None:
            super().__init__()
            self.topic = topic
            self.occurrence = occurrence

    def __init__(self, doc: Document | None = None, *, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._doc = doc
        self._types = entity_types(doc)
        # The topic chosen last and which of its occurrences we are on, so choosing
        # it again steps on.  Keyed by (kind, label), which survive a model swap.
        self._last: tuple[str, str] | None = None
        self._occurrence = -1

    @property
    def doc(self) -> Document | None:
        return self._doc

    @doc.setter
    def doc(self, doc: Document | None) -> None:
        self._doc = doc
        self._types = entity_types(doc)
        if self.is_mounted:
            self._refill()

    def compose(self) -> ComposeResult:
        # Kept as attributes, not queried: every keystroke refills the list.
        self.input = Input(placeholder=_("Jump to topic…"), id="topic-input")
        self.topic_list = VimOptionList(id="topic-list")
        self.status = Label("", id="topic-status")
        yield self.input
        yield self.topic_list
        yield self.status

    def on_mount(self) -> None:
        self._refill()

    @property
    def status_text(self) -> str:
        return str(self.status.content)

    # --- what the app calls -----------------------------------------------------------

    def open(self) -> None:
        self.display = True
        self.input.focus()

    def close(self, *, notify: bool = True) -> None:
        """Hide the pane; ``notify=False`` skips the ``Closed`` message (see SearchPane.close)."""
        self.display = False
        if notify:
            self.post_message(self.Closed())

    def choose(self, index: int) -> None:
        """Jump to topic ``doc.topics[index]``: its first occurrence, or the next one if
        it was the topic chosen last."""
        doc = self._doc
        if doc is None or not 0 <= index < len(doc.topics):
            return
        topic = doc.topics[index]
        if not topic.occurrences:
            return
        key = (topic.kind, topic.label)
        if key == self._last:
            self._occurrence = (self._occurrence + 1) % len(topic.occurrences)
        else:
            self._last, self._occurrence = key, 0
        span = topic.occurrences[self._occurrence]
        self.post_message(JumpTo(span.start, span.end, record=True))
        self.post_message(self.Chosen(topic, self._occurrence))
        if self.is_mounted:
            self.status.update(
                Content.assemble((name_text(topic.label), "bold"),
                                 f"  {self._occurrence + 1}/{len(topic.occurrences)}"))

    def action_close(self) -> None:
        self.close()

    def action_move(self, delta: int) -> None:
        if delta > 0:
            self.topic_list.action_cursor_down()
        else:
            self.topic_list.action_cursor_up()

    # --- the list -------------------------------------------------------------------

    @on(Input.Changed, "#topic-input")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill()

    @on(Input.Submitted, "#topic-input")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.topic_list.highlighted_option
        if option is not None and option.id is not None:
            self.choose(int(option.id))

    @on(OptionList.OptionSelected, "#topic-list")
    def _option_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.choose(int(event.option.id))

    @on(OptionList.OptionHighlighted, "#topic-list")
    def _option_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # the app has no business with our cursor

    def _refill(self) -> None:
        query = self.input.value.strip()
        options = list(self._filtered(query) if query else self._grouped())
        topic_list = self.topic_list
        topic_list.set_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        topic_list.highlighted = first
        if not any(not o.disabled for o in options):
            self.status.update(
                _("no topics yet") if not self._doc or not self._doc.topics else _("no topic matches"))
        elif not self._last:
            self.status.update(
                _("{count} topics").format(count=sum(not o.disabled for o in options)))

    def _grouped(self) -> Iterable[Option]:
        doc = self._doc
        kind = None
        for i in ordered_topics(doc):
            assert doc is not None
            topic = doc.topics[i]
            if topic.kind != kind:
                kind = topic.kind
                count = sum(1 for t in doc.topics if t.kind == kind and t.occurrences)
                yield Option(Content.styled(f"{kind_title(kind)} ({count})", "bold dim"),
                             disabled=True)
            yield self._option(i, Content(name_text(topic.label)))

    def _filtered(self, query: str) -> Iterable[Option]:
        doc = self._doc
        if doc is None:
            return []
        fuzzy = Matcher(query).fuzzy_search
        scored = []
        for i in ordered_topics(doc):
            score, offsets = fuzzy.match(query, name_text(doc.topics[i].label))  # labels come from the file: inert, as shown
            if score > 0:
                scored.append((score, i, offsets))
        scored.sort(key=lambda item: -item[0])  # stable: kind order among equal scores
        # Only the shown ones get their letters lit: that costs more than the scoring.
        return [self._option(i, lit_content(name_text(doc.topics[i].label), offsets, MATCH_STYLE))
                for _, i, offsets in scored[:MAX_FILTERED]]

    def _option(self, index: int, label: Content) -> Option:
        doc = self._doc
        assert doc is not None
        topic = doc.topics[index]
        tag = topic_tag(topic, self._types).ljust(TAG_WIDTH)
        prompt = Content.assemble((tag, "dim"), " ", label, (f"  ×{len(topic.occurrences)}", "dim"))
        return Option(prompt, id=str(index))
