"""The article: a ScrollView that renders only the visible lines (Textual's line API).

Text from the file never goes through markup: each line is a ``rich.text.Text``
built from the (control-character-free, see ``sanitize``) slice of the document,
styled by offsets.  Styles come from component classes so they follow the theme.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.model import Document, Number, Statement
from tui_reader.reading.highlights import Highlights, TextOrderSpans
from tui_reader.reading.layout import BLANK, HEADING, HEADLINE, NOTICE, RULE, Block, Layout, build_blocks
from tui_reader.reading.paint import SPEAKER_COLOURS, LinePaint
from tui_reader.reading.sanitize import inert
from tui_reader.reading.state import ReaderState, only_hits_differ, same_paragraphs

MAX_MEASURE = 80  # text columns; a comfortable line for reading
MIN_MEASURE = 20
GUTTER = 2  # the statement mark and a space
CONTEXT_LINES = 2  # lines kept above a jump target


@dataclass
class Hover:
    """What is under the pointer or selected: a number or a statement."""

    number: Number | None = None
    statement: Statement | None = None


class ArticleView(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "article--headline", "article--rule", "article--heading", "article--notice",
        "article--quote", "article--number", "article--mention", "article--statement-selected",
        "article--search", "article--search-current", "article--target", "article--hover",
        *(f"article--speaker-{i}" for i in range(SPEAKER_COLOURS)),
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        scrollbar-gutter: stable;
        &:focus { background-tint: $foreground 3%; }
        & > .article--headline { color: $text-primary; text-style: bold; }
        & > .article--rule { color: $primary-muted; }
        & > .article--heading { color: $text-primary; text-style: bold; }
        & > .article--notice { color: $text-muted; text-style: italic; }
        & > .article--quote { color: $text-success; text-style: italic; }
        & > .article--number { color: $text-warning; text-style: bold; }
        & > .article--mention { color: $text-secondary; text-style: bold underline; }
        & > .article--statement-selected { background: $secondary-muted; }
        & > .article--search { background: $warning-muted; }
        & > .article--search-current { background: $warning; color: $background; }
        & > .article--target { text-style: underline; }
        & > .article--hover { text-style: reverse; }
        & > .article--speaker-0 { color: $primary; }
        & > .article--speaker-1 { color: $accent; }
        & > .article--speaker-2 { color: $success; }
        & > .article--speaker-3 { color: $error; }
        & > .article--speaker-4 { color: $secondary; }
        & > .article--speaker-5 { color: $warning; }
    }
    """

    BINDINGS = [
        Binding("down", "lines(1)", "Down", show=False, id="article.down"),
        Binding("up", "lines(-1)", "Up", show=False, id="article.up"),
        Binding("pagedown", "pages(1)", "Page down", show=False, id="article.page-down"),
        Binding("pageup", "pages(-1)", "Page up", show=False, id="article.page-up"),
        Binding("home", "edge(0)", "Top", show=False, id="article.top"),
        Binding("end", "edge(1)", "End", show=False, id="article.end"),
        Binding("tab", "app.switch_focus", "To the sidebar", show=False, id="article.to-sidebar"),
    ]

    class SectionChanged(Message):
        """The section at the top of the view changed (scrolling or a jump)."""

        def __init__(self, section: int) -> None:
            super().__init__()
            self.section = section

    class ItemChosen(Message):
        """The reader hovered or clicked a number or a statement (or left one: both None)."""

        def __init__(self, hover: Hover, clicked: bool) -> None:
            super().__init__()
            self.hover = hover
            self.clicked = clicked

    current_section: reactive[int] = reactive(0, init=False)

    def __init__(self, state: ReaderState, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.state = state  # the reader's state as last drawn (``show_state``): never changed here
        self.blocks: list[Block] = build_blocks(state.doc)
        self.highlights = Highlights(state.doc)
        self._lines: Layout | None = None
        self.target: tuple[int, int] | None = None  # the span a jump went to, underlined
        self.hover = Hover()
        self._search_index: TextOrderSpans | None = None
        self._cache: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._relayout_pending = False

    @property
    def doc(self) -> Document:
        return self.state.doc

    # --- the display lines -----------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _measure_for(self, width: int) -> int:
        return max(MIN_MEASURE, min(MAX_MEASURE, width - GUTTER - 2))

    @property
    def margin(self) -> int:
        lines = self._lines
        measure = lines.measure if lines else MAX_MEASURE
        return max(0, (self.text_width - measure - GUTTER) // 2)

    @property
    def lines(self) -> Layout:
        """The text as display lines at the current width (the paragraphs the state shows)."""
        if self._lines is None:
            self._relayout(keep_place=False)
        assert self._lines is not None
        return self._lines

    def _visible_blocks(self) -> list[Block]:
        state = self.state
        if state.showing_speaker_only and state.speaker is not None:
            return self._speaker_blocks(state.speaker)
        hits = self._search_index
        if not (state.filtering_hits and hits):
            return self.blocks
        hits.read_all()
        kept = [b for b in self.blocks
                if b.kind == HEADLINE or (b.text is None and hits.overlapping(b.start, b.end))]  # headings too
        return kept or self.blocks[:1]

    def _speaker_blocks(self, speaker: str) -> list[Block]:
        statements = self.highlights.statements
        kept = [b for b in self.blocks
                if b.kind == HEADLINE or (b.text is None and any(
                    st.speaker == speaker for _s, _e, st in statements.overlapping(b.start, b.end)))]
        return kept or self.blocks[:1]

    def _relayout(self, keep_place: bool = True) -> None:
        anchor = self.top_offset() if keep_place and self._lines is not None else None
        lines = self._lines = Layout(self.doc, self._visible_blocks(), self._measure_for(self.text_width))
        self._cache.clear()
        self.virtual_size = Size(self.text_width, len(lines))
        if anchor is not None:
            self.scroll_to_line(lines.line_for_offset(anchor))
        self.refresh()

    def _deferred_relayout(self) -> None:
        self._relayout_pending = False
        # the Resize may have come meanwhile and laid the text out already: on the novel
        # a second layout at the same width cost ~100 ms more each time the search opened
        if self._lines is None or self._lines.measure != self._measure_for(self.text_width):
            self._relayout()

    def on_resize(self, event: events.Resize) -> None:
        measure = self._measure_for(self.text_width)
        if self._lines is None or self._lines.measure != measure:
            self._relayout()
        else:
            self.virtual_size = Size(self.text_width, len(self._lines))
            self._cache.clear()

    @property
    def allow_vertical_scroll(self) -> bool:
        """Whether the text scrolls, by its lines: Textual asks whether it shows a
        scrollbar, which it decides only at the next layout, so a jump just after the
        filter was turned off (more lines than the bar knew) was ignored."""
        return self.max_scroll_y > 0

    def top_offset(self) -> int:
        """The document offset at the top of the view (what 'the reader's place' means)."""
        lines = self._lines
        if lines is None or not len(lines):
            return 0
        return lines.anchors[min(int(self.scroll_y), len(lines) - 1)]

    def shows(self, offset: int) -> bool:
        """Whether ``offset`` is in the paragraphs shown (not filtered out)."""
        state = self.state
        if state.showing_speaker_only:
            return any(b.start <= offset < b.end for b in self._visible_blocks())
        return not state.filtering_hits or bool(self._search_index and self._search_index.touches(offset))

    # --- the state ---------------------------------------------------------------

    def show_state(self, state: ReaderState) -> None:
        """Draw ``state`` (the app calls this for every new state): the paragraphs it
        shows, the chosen speaker's statements, the search hits and the current one."""
        old, self.state = self.state, state
        if state.doc is not old.doc:
            self._show_document(state.doc)
            return
        old_index = self._search_index
        if state.hits is not old.hits:
            self._search_index = TextOrderSpans(state.hits) if state.hits else None
        if not same_paragraphs(old, state):
            self._relayout()
        elif only_hits_differ(old, state):
            self._invalidate_hit_lines(old_index, self._search_index)
            return
        self._invalidate()

    def _show_document(self, doc: Document) -> None:
        """A (more complete) model of the same text, without moving the reader's place."""
        anchor = self.top_offset()
        row_in_line = int(self.scroll_y) - self.lines.line_for_offset(anchor) if self._lines else 0
        self.blocks = build_blocks(doc)
        self.highlights = Highlights(doc)
        self.hover = Hover()
        hits = self.state.hits
        self._search_index = TextOrderSpans(hits) if hits else None
        lines = self._lines = Layout(doc, self._visible_blocks(), self._measure_for(self.text_width))
        self._cache.clear()
        self.virtual_size = Size(self.text_width, len(lines))
        self.scroll_to_line(lines.line_for_offset(anchor) + max(0, row_in_line))
        self.refresh()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _invalidate_hit_lines(self, old: TextOrderSpans | None, new: TextOrderSpans | None) -> None:
        """New search hits (a keystroke in the search, n/N): redraw only the visible lines
        that had or have one.  Repainting every line took ~8 ms a keystroke on the
        novel; a screen holds a few hits at most.  Lines out of view are dropped from
        the cache, as any of them may hold a hit."""
        lines = self._lines
        if lines is None:
            self._invalidate()
            return
        top = int(self.scroll_y)
        region = self.scrollable_content_region
        kept: dict[int, Strip] = {}
        for line in range(top, min(top + region.height, len(lines))):
            if lines.in_document(line):
                lo, hi = lines.los[line], lines.his[line]
                if (old is not None and old.overlapping(lo, hi)) or (new is not None and new.overlapping(lo, hi)):
                    self.refresh(Region(0, line - top, region.width, 1))
                    continue
            strip = self._cache.get(line)
            if strip is not None:
                kept[line] = strip
        self._cache = kept

    # --- moving ------------------------------------------------------------------

    def scroll_to_offset(self, offset: int, end: int | None = None, *, flash: bool = True) -> None:
        """Bring ``offset`` into view, a few lines below the top; underline ``offset:end``.
        (An offset filtered out is the app's to show first: ``ReaderApp.show_offset``.)"""
        line = self.lines.line_for_offset(offset)
        self.target = (offset, end) if flash and end is not None and end > offset else None
        self._invalidate()
        self.scroll_to_line(max(0, line - CONTEXT_LINES))
        self._update_section()

    def put_at_top(self, offset: int) -> None:
        """A reading place back at the top of the view, exactly (no context lines)."""
        self.scroll_to_line(self.lines.line_for_offset(offset))

    def scroll_to_section(self, index: int) -> None:
        line = self.lines.section_line.get(index)
        if line is None:
            return
        self.target = None
        self.scroll_to_line(max(0, line - 1))
        self.current_section = index
        self._invalidate()

    def section_at_top(self) -> int:
        return self.lines.section_at_line(int(self.scroll_y))

    def _update_section(self) -> None:
        if self._lines is not None:
            self.current_section = self.section_at_top()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._update_section()

    def watch_current_section(self, value: int) -> None:
        self.post_message(self.SectionChanged(value))

    # Instant scrolling: a reader's keys should not animate (and G on the novel must be immediate).
    def scroll_to_line(self, line: float) -> None:
        self.scroll_to(y=line, animate=False, immediate=True)

    def scroll_by(self, lines: float) -> None:
        self.scroll_to_line(self.scroll_y + lines)

    def page(self, direction: int) -> None:
        """A screenful less one line, so the last line read stays in view."""
        self.scroll_by(direction * max(1, self.scrollable_content_region.height - 1))

    def half_page(self, direction: int) -> None:
        self.scroll_by(direction * max(1, self.scrollable_content_region.height // 2))

    def action_lines(self, lines: int) -> None:
        self.scroll_by(lines)

    def action_pages(self, direction: int) -> None:
        self.page(direction)

    def action_edge(self, end: int) -> None:
        """Home (0) or End (1)."""
        self.scroll_to_line(self.max_scroll_y if end else 0)

    # --- pointer -----------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The document offset under content cell (x, y), or None (margin, blank line)."""
        layout = self.lines
        line = int(self.scroll_y) + y
        if not (0 <= line < len(layout)) or not layout.in_document(line):
            return None
        column = x - self.margin - GUTTER
        lo, hi = layout.los[line], layout.his[line]
        if column < 0 or lo + column >= hi:
            return None
        return lo + column

    def hover_at(self, offset: int | None) -> Hover:
        if offset is None:
            return Hover()
        numbers = self.highlights.numbers.at(offset)
        statements = self.highlights.statements.at(offset)
        return Hover(number=numbers[0] if numbers else None, statement=statements[0] if statements else None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self.hover_at(self.offset_at(event.x, event.y))
        if hover != self.hover:
            self.hover = hover
            self._invalidate()
            self.post_message(self.ItemChosen(hover, clicked=False))

    def on_leave(self, event: events.Leave) -> None:
        if self.hover != Hover():
            self.hover = Hover()
            self._invalidate()

    def on_click(self, event: events.Click) -> None:
        hover = self.hover_at(self.offset_at(event.x, event.y))
        self.hover = hover
        self._invalidate()
        self.post_message(self.ItemChosen(hover, clicked=True))

    # --- drawing -----------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def style_named(self, name: str) -> Style:
        """The theme's style for ``article--NAME`` (cached until the theme changes)."""
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"article--{name}", partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        if y == 0 and self._lines is not None and not self._relayout_pending \
                and self._lines.measure != self._measure_for(self.text_width):
            # a size change that reached us without a Resize (seen while a sibling
            # appeared during the background analysis): re-wrap after this frame
            self._relayout_pending = True
            self.call_after_refresh(self._deferred_relayout)
        line = int(self.scroll_y) + y
        strip = self._cache.get(line)
        if strip is None:
            strip = self._render_display_line(line)
            if len(self._cache) > 1000:
                self._cache.clear()
            self._cache[line] = strip
        return strip

    def _render_display_line(self, line: int) -> Strip:
        base = self._styles.get("")  # the widget's own (~0.1 ms to work out: once, not per line)
        if base is None:
            base = self._styles[""] = self.rich_style
        width = self.size.width
        layout = self.lines
        if line >= len(layout):
            return Strip.blank(width, base)
        kind = layout.kinds[line]
        margin = Segment(" " * self.margin, base)
        if kind == BLANK:
            return Strip.blank(width, base)
        if kind == RULE:
            rule = Segment("━" * layout.measure, base + self.style_named("rule"))
            return Strip([margin, Segment(" " * GUTTER, base), rule]).crop_extend(0, width, base)

        lo, hi = layout.los[line], layout.his[line]
        text = Text(inert(layout.line_text(line)), no_wrap=True, end="")
        text.stylize(base)  # as a span: a Text's own style= is dropped by render() when it has no spans
        kind_style = {HEADLINE: "headline", HEADING: "heading", NOTICE: "notice"}.get(kind)
        if kind_style:
            text.stylize(self.style_named(kind_style))
        gutter = Segment(" " * GUTTER, base)
        if layout.in_document(line):
            paint = LinePaint(self.highlights, self._search_index, self.state, self.style_named, base)
            gutter = paint.line(text, lo, hi, self.target, self.hover.number or self.hover.statement) or gutter
        segments = [margin, gutter, *text.render(self.app.console)]
        return Strip(segments).crop_extend(0, width, base)
