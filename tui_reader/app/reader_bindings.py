"""The reader's keys: every binding has an id (a keymap file rebinds it by id) and,
beside the Latin key, the letter on the same physical key of the Russian ЙЦУКЕН layout."""
from __future__ import annotations

from textual.app import App
from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    # as in less: j/ctrl+e a line, space/f/ctrl+f a page, d/ctrl+d half a page; a count
    # typed before (5j, 10G, 50%) repeats or aims the move (see key_router)
    Binding("j,о,ctrl+e", "scroll_lines(1)", "Down", show=False, id="reader.down"),
    Binding("k,л,ctrl+y", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
    Binding("space,f,а,ctrl+f", "page(1)", "Page down", show=False, id="reader.page-down"),
    Binding("b,и,ctrl+b", "page(-1)", "Page up", show=False, id="reader.page-up"),
    Binding("d,в,ctrl+d", "half_page(1)", "Half page down", show=False, id="reader.half-down"),
    Binding("u,г,ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half-up"),
    Binding("g,п", "top", "Top", show=False, id="reader.top"),
    Binding("G,П", "bottom", "End", show=False, id="reader.bottom"),
    Binding("percent_sign,p,з", "percent", "Percent", show=False, id="reader.percent"),
    Binding("equals_sign,ctrl+g", "file_info", "File and line", show=False, id="reader.file-info"),
    Binding("left_square_bracket,х", "section(-1)", "Prev section", show=False, id="reader.section-prev"),
    Binding("right_square_bracket,ъ", "section(1)", "Sections", key_display="[ ]", id="reader.section-next"),
    Binding("s,ы", "speakers", "Speakers", id="reader.speakers"),
    Binding("n,т", "step(1)", "Next", show=False, id="reader.next"),
    Binding("N,Т", "step(-1)", "Previous", show=False, id="reader.previous"),
    Binding("slash,full_stop", "search", "Search", key_display="/", id="reader.search"),
    Binding("ctrl+o", "only", "Only these paragraphs", show=False, id="reader.only"),
    Binding("t,е", "topics", "Topics", id="reader.topics"),
    Binding("S,Ы", "speakers_view", "Who said what", show=False, id="reader.speakers-view"),
    Binding("number_sign,numero_sign", "numbers_view", "Figures", key_display="#", id="reader.numbers-view"),
    Binding("backslash", "toggle_sidebar", "Sidebar", show=False, id="reader.sidebar"),
    Binding("escape", "clear", "Clear", show=False, id="reader.clear"),
    Binding("question_mark,comma,h,р,f1", "help", "Help", key_display="?", id="reader.help"),
    Binding("y,н", "copy", "Copy quote", show=False, id="reader.copy"),
    Binding("v,м", "edit", "Edit", show=False, id="reader.edit"),
    Binding("colon,Ж", "colon", "Next/previous file", show=False, id="reader.files"),
    Binding("q,й", "quit", "Quit", id="reader.quit"),
    Binding("m,ь", "mark_set", "Mark", show=False, id="marks.set"),
    Binding("apostrophe,э", "mark_jump", "Go to mark", show=False, id="marks.jump"),
]


def help_binding_ids(app_class: type[App[int]], reader: type[App[int]]) -> list[tuple[str, str]]:
    """(id, keys) of every binding of ``app_class`` from ``reader`` down: a subclass's
    BINDINGS add to the reader's (the web reader's o), all of them, by id."""
    by_id: dict[str, str] = {}
    for cls in reversed(app_class.__mro__):
        if issubclass(cls, reader):
            by_id.update((b.id, b.key) for b in cls.__dict__.get("BINDINGS", ())
                         if isinstance(b, Binding) and b.id)
    return list(by_id.items())
