"""The article: a ScrollView that renders only the visible lines (Textual's line API).

Text from the file never goes through markup: each line is a ``rich.text.Text``
built from the (control-character-free, see ``sanitize``) slice of the document,
styled by offsets.  Styles come from component classes so they follow the theme.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.i18n import _
from tui_reader.model import Document, Number, Statement
from tui_reader.reading.highlights import Highlights, TextOrderSpans
from tui_reader.reading.layout import BLANK, HEADING, HEADLINE, NOTICE, RULE, Block, Layout, build_blocks
from tui_reader.reading.sanitize import inert

MAX_MEASURE = 80  # text columns; a comfortable line for reading
MIN_MEASURE = 20
GUTTER = 2  # the statement mark and a space
SPEAKER_THEME_COLOURS = ("primary", "accent", "success", "error", "secondary", "warning")
SPEAKER_COLOURS = len(SPEAKER_THEME_COLOURS)
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
        Binding("down", "scroll_down", "Down", show=False, id="article.down"),
        Binding("up", "scroll_up", "Up", show=False, id="article.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="article.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article.page-up"),
        Binding("home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("end", "scroll_end", "End", show=False, id="article.end"),
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

    def __init__(self, doc: Document, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc
        self.blocks: list[Block] = build_blocks(doc)
        self.highlights = Highlights(doc)
        self.layout_: Layout | None = None
        self.selected_speaker: str | None = None
        self.search_spans: Sequence[tuple[int, int]] = ()
        self.search_current: int | None = None
        self.only_matching = False
        self.only_speaker = False  # show only the paragraphs where the chosen speaker speaks
        self.target: tuple[int, int] | None = None
        self.hover = Hover()
        self._search_index: TextOrderSpans | None = None
        self._cache: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._relayout_pending = False

    # --- layout ------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _measure_for(self, width: int) -> int:
        return max(MIN_MEASURE, min(MAX_MEASURE, width - GUTTER - 2))

    @property
    def margin(self) -> int:
        layout = self.layout_
        measure = layout.measure if layout else MAX_MEASURE
        return max(0, (self.text_width - measure - GUTTER) // 2)

    @property
    def layout(self) -> Layout:
        if self.layout_ is None:
            self._relayout(keep_place=False)
        assert self.layout_ is not None
        return self.layout_

    def _visible_blocks(self) -> list[Block]:
        if self.only_speaker and self.selected_speaker is not None:
            return self._speaker_blocks(self.selected_speaker)
        hits = self._search_index
        if not (self.only_matching and hits):
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

    def set_only_speaker(self, on: bool) -> None:
        """Show only the chosen speaker's paragraphs (``ctrl+o`` with a speaker chosen)."""
        if on != self.only_speaker:
            self.only_speaker = on
            self._relayout()

    def _relayout(self, keep_place: bool = True) -> None:
        anchor = self.top_offset() if keep_place and self.layout_ is not None else None
        measure = self._measure_for(self.text_width)
        self.layout_ = Layout(self.doc, self._visible_blocks(), measure)
        self._cache.clear()
        self.virtual_size = Size(self.text_width, len(self.layout_))
        if anchor is not None:
            self.scroll_to_line(self.layout_.line_for_offset(anchor))
        self.refresh()

    def _deferred_relayout(self) -> None:
        self._relayout_pending = False
        self._relayout()

    def on_resize(self, event: events.Resize) -> None:
        measure = self._measure_for(self.text_width)
        if self.layout_ is None or self.layout_.measure != measure:
            self._relayout()
        else:
            self.virtual_size = Size(self.text_width, len(self.layout_))
            self._cache.clear()

    def top_offset(self) -> int:
        """The document offset at the top of the view (what 'the reader's place' means)."""
        layout = self.layout_
        if layout is None or not len(layout):
            return 0
        return layout.anchors[min(int(self.scroll_y), len(layout) - 1)]

    # --- the model ---------------------------------------------------------------

    def set_document(self, doc: Document) -> None:
        """Swap in a (more complete) model of the same text without moving the reader's place."""
        anchor = self.top_offset()
        row_in_line = int(self.scroll_y) - self.layout.line_for_offset(anchor) if self.layout_ else 0
        self.doc = doc
        self.blocks = build_blocks(doc)
        self.highlights = Highlights(doc)
        self.hover = Hover()
        self.layout_ = Layout(doc, self._visible_blocks(), self._measure_for(self.text_width))
        self._cache.clear()
        self.virtual_size = Size(self.text_width, len(self.layout_))
        self.scroll_to_line(self.layout_.line_for_offset(anchor) + max(0, row_in_line))
        self.refresh()

    def set_selected_speaker(self, speaker_id: str | None) -> None:
        self.selected_speaker = speaker_id
        if self.only_speaker:
            self.only_speaker = False
            self._relayout()
        self._invalidate()

    def set_search(self, spans: Sequence[tuple[int, int]], current: int | None, only_matching: bool) -> None:
        """Highlight search hits (in text order).  The pane sends the same ``spans`` object
        while only the current hit moves (n/N), so identity tells a new result set."""
        new_hits = spans is not self.search_spans
        refilter = only_matching != self.only_matching or (only_matching and new_hits)
        self.search_spans = spans
        self.search_current = current
        self.only_matching = only_matching
        if new_hits:
            self._search_index = TextOrderSpans(spans) if spans else None
        if refilter:
            self._relayout()
        self._invalidate()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    # --- moving ------------------------------------------------------------------

    def scroll_to_offset(self, offset: int, end: int | None = None, *, flash: bool = True) -> None:
        """Bring ``offset`` into view, a few lines below the top; underline ``offset:end``."""
        if self.only_matching and not (self._search_index and self._search_index.touches(offset)):
            # the target may be filtered out: show it in the full text
            self.only_matching = False
            self._relayout()
        line = self.layout.line_for_offset(offset)
        self.target = (offset, end) if flash and end is not None and end > offset else None
        self._invalidate()
        self.scroll_to_line(max(0, line - CONTEXT_LINES))
        self._update_section()

    def scroll_to_section(self, index: int) -> None:
        line = self.layout.section_line.get(index)
        if line is None:
            return
        self.target = None
        self.scroll_to_line(max(0, line - 1))
        self.current_section = index
        self._invalidate()

    def section_at_top(self) -> int:
        return self.layout.section_at_line(int(self.scroll_y))

    def _update_section(self) -> None:
        if self.layout_ is not None:
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

    def action_scroll_down(self) -> None:
        self.scroll_by(1)

    def action_scroll_up(self) -> None:
        self.scroll_by(-1)

    def action_page_down(self) -> None:
        self.page(1)

    def action_page_up(self) -> None:
        self.page(-1)

    def action_scroll_home(self) -> None:
        self.scroll_to_line(0)

    def action_scroll_end(self) -> None:
        self.scroll_to_line(self.max_scroll_y)

    # --- pointer -----------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The document offset under content cell (x, y), or None (margin, blank line)."""
        layout = self.layout
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

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"article--{name}", partial=True)
            self._styles[name] = style
        return style

    def legend(self) -> list[tuple[Text, str]]:
        """A sample of each highlight, drawn in this view's styles, and what it means (for help)."""

        def sample(text: str, *names: str) -> Text:
            out = Text(text)
            for name in names:
                out.stylize(self._style(name))
            return out

        speaker_marks = Text()
        for i in range(SPEAKER_COLOURS):
            speaker_marks.append("▎", style=self._style(f"speaker-{i}"))
        return [
            (sample("«Так и будет»", "quote"), _("a quotation")),
            (sample("52 млрд долларов", "number"), _("a figure: hover or click it for kind, value and unit")),
            (sample("Путин", "mention"), _("a speaker's name")),
            (speaker_marks, _("a statement: the bar in the margin has the speaker's colour (┏ ┃ ┗ for the chosen "
                              "speaker); hover or click for who said it and the reporting word")),
            (Text("╎", style=Style(dim=True)), _("a statement whose speaker the analysis is unsure of "
                                                 "(a '?' after the name in the details)")),
            (sample("заявил, что …", "statement-selected"), _("statements of the speaker chosen in Speakers")),
            (sample("найдено", "search"), _("a search hit (the current one is brighter)")),
            (sample("Заголовок раздела", "heading"), _("a section heading")),
        ]

    def render_line(self, y: int) -> Strip:
        if y == 0 and self.layout_ is not None and not self._relayout_pending \
                and self.layout_.measure != self._measure_for(self.text_width):
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
        base = self.rich_style
        width = self.size.width
        layout = self.layout
        if line >= len(layout):
            return Strip.blank(width, base)
        kind = layout.kinds[line]
        margin = Segment(" " * self.margin, base)
        if kind == BLANK:
            return Strip.blank(width, base)
        if kind == RULE:
            rule = Segment("━" * layout.measure, base + self._style("rule"))
            return Strip([margin, Segment(" " * GUTTER, base), rule]).crop_extend(0, width, base)

        lo, hi = layout.los[line], layout.his[line]
        text = Text(inert(layout.line_text(line)), no_wrap=True, end="")
        text.stylize(base)  # as a span: a Text's own style= is dropped by render() when it has no spans
        kind_style = {HEADLINE: "headline", HEADING: "heading", NOTICE: "notice"}.get(kind)
        if kind_style:
            text.stylize(self._style(kind_style))
        gutter = Segment(" " * GUTTER, base)
        if layout.in_document(line):
            gutter = self._stylize_spans(text, lo, hi) or gutter
        segments = [margin, gutter, *text.render(self.app.console)]
        return Strip(segments).crop_extend(0, width, base)

    @staticmethod
    def _selected_mark(st, lo: int, hi: int) -> str:
        """The chosen speaker's gutter: ┏ where a statement starts, ┗ where it ends, ┃
        between, so its edges show inside a long paragraph."""
        starts, ends = lo <= st.start < hi, lo < st.end <= hi
        if starts and not ends:
            return "┏ "
        if ends and not starts:
            return "┗ "
        return "┃ "

    def _stylize_spans(self, text: Text, lo: int, hi: int) -> Segment | None:
        """Apply the model's highlights to one line; return its gutter mark, if any."""
        hl = self.highlights

        def paint(start: int, end: int, style: Style) -> None:
            a, b = max(start, lo) - lo, min(end, hi) - lo
            if b > a:
                text.stylize(style, a, b)

        gutter = None
        for start, end, st in hl.statements.overlapping(lo, hi):
            colour = self._style(f"speaker-{hl.colour_of.get(st.speaker, 0) % SPEAKER_COLOURS}")
            if gutter is None or st.speaker == self.selected_speaker:
                if st.speaker == self.selected_speaker:
                    mark = self._selected_mark(st, lo, hi)
                    if st.unsure:  # the chosen speaker's edges stay, dim: the attribution is a guess
                        colour = colour + Style(dim=True)
                elif st.unsure:
                    # a guessed attribution: a dashed, dim bar ('?' after the name in the details)
                    mark, colour = "╎ ", colour + Style(dim=True)
                else:
                    mark = "▎ "
                gutter = Segment(mark, self.rich_style + colour)
            if self.selected_speaker is not None and st.speaker == self.selected_speaker:
                paint(start, end, self._style("statement-selected"))
        for start, end, _item in hl.quotes.overlapping(lo, hi):
            paint(start, end, self._style("quote"))
        for start, end, _item in hl.mentions.overlapping(lo, hi):
            paint(start, end, self._style("mention"))
        for start, end, _item in hl.numbers.overlapping(lo, hi):
            paint(start, end, self._style("number"))
        if self._search_index is not None:
            for start, end, i in self._search_index.overlapping(lo, hi):
                paint(start, end, self._style("search-current" if i == self.search_current else "search"))
        if self.target is not None:
            paint(*self.target, self._style("target"))
        hover = self.hover.number or self.hover.statement
        if hover is not None:
            paint(hover.start, hover.end, self._style("hover"))
        return gutter
