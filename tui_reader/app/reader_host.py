"""What the reader's mixins (``navigation``, ``less_keys``, ``place_keeping``,
``copying``, ``full_analysis``) use of ``ReaderApp``, as a Protocol.

Each mixin method is typed ``self: ReaderHost``, the way mypy types a mixin: the
mixins stay small classes of their own, and mypy checks that ReaderApp, which
mixes them in, has everything they use.
"""
from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker

from tui_reader.app.messages import JumpTo
from tui_reader.model import Document
from tui_reader.reading.marks import Marks
from tui_reader.reading.place import ReadingPlace
from tui_reader.reading.state import ReaderState

if TYPE_CHECKING:
    from tui_reader.app.widgets.article_view import ArticleView
    from tui_reader.app.widgets.search_pane import SearchPane


class ReaderHost(Protocol):
    # the app's own
    state: ReaderState
    place: ReadingPlace
    count: int | None  # a count typed before the key (5j), while its action runs
    key_reader: Callable[[events.Key], bool] | None
    files: list[str]
    file_index: int
    switch_to: int | None
    start_line: int | None
    source_label: str

    @property
    def article(self) -> ArticleView: ...
    @property
    def doc(self) -> Document: ...
    @property
    def marks(self) -> Marks: ...

    def record_jump(self) -> None: ...
    def jump_from_view(self, jump: JumpTo | None) -> None: ...
    def show_offset(self, offset: int, end: int | None = None) -> None: ...
    def show_details(self, details: Text | None) -> None: ...
    def save_place(self, *, now: bool = False) -> None: ...
    def search_pane(self) -> SearchPane | None: ...
    def search_again(self, direction: int) -> None: ...
    def go_to_text_line(self, line: int) -> None: ...

    # Textual's
    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...
    def exit(self, result: int | None = None, return_code: int = 0, message: RenderableType | None = None) -> None: ...
    def suspend(self) -> AbstractContextManager[None]: ...
    def push_screen(self, screen: Screen[Any], callback: Callable[[Any], None] | None = None) -> object: ...
    def run_worker(self, work: Callable[[], Any], *, thread: bool = False, group: str = "default",
                   exclusive: bool = False) -> Worker[Any]: ...
    def call_from_thread(self, callback: Callable[..., Any], *args: Any) -> Any: ...
    def copy_to_clipboard(self, text: str) -> None: ...
