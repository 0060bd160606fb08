"""The command palette's topics: Ctrl+P offers every topic of the model as "go to".

Register with ``COMMANDS = App.COMMANDS | {TopicsProvider}``.  The provider finds the
document through the screen's ``TopicPane`` (so that choosing a topic again steps to
its next occurrence, exactly as in the pane), or else through the app's ``document``
(or ``doc``) attribute; it posts ``JumpTo`` like the pane does.
"""
from __future__ import annotations

from contextlib import suppress
from functools import partial

from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui_reader.app.messages import JumpTo
from tui_reader.app.widgets.topic_pane import (
    MATCH_STYLE,
    TopicPane,
    entity_types,
    fuzzy_content,
    ordered_topics,
    topic_tag,
)
from tui_reader.i18n import _, ngettext
from tui_reader.model import Document
from tui_reader.reading.sanitize import name_text


class SafeCommandPalette(CommandPalette):
    """Textual's palette, but PageDown/PageUp pressed before its list is laid out are
    ignored: Textual 8.2.8 crashes there with ``KeyError: 0`` (reported upstream, see
    ``tests/upstream/textual_palette_pagedown.py``)."""

    def _action_command_list(self, action: str) -> None:
        lists = self.query(CommandList)
        if not lists or lists.first().scrollable_content_region.height <= 0:
            return  # not laid out yet: no page to move by
        with suppress(KeyError):  # the same bug reached some other way: a lost key, not a crash
            super()._action_command_list(action)


# The palette shows this many topics before anything is typed (sections and
# speakers come first), so opening it on a novel stays instant.
MAX_DISCOVERED = 60


class TopicsProvider(Provider):
    """Go to a section, speaker, entity or key phrase from the command palette."""

    def _pane(self) -> TopicPane | None:
        panes = self.screen.query(TopicPane)
        return panes.first() if panes else None

    def _document(self) -> Document | None:
        pane = self._pane()
        if pane is not None and pane.doc is not None:
            return pane.doc
        for name in ("document", "doc"):
            doc = getattr(self.app, name, None)
            if isinstance(doc, Document):
                return doc
        return None

    def _go(self, doc: Document, index: int) -> None:
        pane = self._pane()
        if pane is not None and pane.doc is doc:
            pane.choose(index)  # shares the pane's step-to-next-occurrence
            return
        span = doc.topics[index].occurrences[0]
        self.screen.post_message(JumpTo(span.start, span.end, record=True))

    def _help(self, doc: Document, index: int, types: dict[int, str]) -> str:
        topic = doc.topics[index]
        n = len(topic.occurrences)
        return f"{topic_tag(topic, types)} · " + ngettext("{n} occurrence", "{n} occurrences", n).format(n=n)

    async def discover(self) -> Hits:
        doc = self._document()
        if doc is None:
            return
        types = entity_types(doc)
        for index in ordered_topics(doc)[:MAX_DISCOVERED]:
            label = name_text(doc.topics[index].label)
            yield DiscoveryHit(Content.assemble(_("Go to") + " ", (label, "bold")), partial(self._go, doc, index),
                               text=f"{_('Go to')} {label}", help=self._help(doc, index, types))

    async def search(self, query: str) -> Hits:
        doc = self._document()
        if doc is None:
            return
        matcher = self.matcher(query)
        types = entity_types(doc)
        for index in ordered_topics(doc):
            label = name_text(doc.topics[index].label)
            score, content = fuzzy_content(matcher, label, self.match_style or MATCH_STYLE)
            if score > 0:
                yield Hit(score, Content.assemble(_("Go to") + " ", content), partial(self._go, doc, index),
                          text=f"{_('Go to')} {label}", help=self._help(doc, index, types))
