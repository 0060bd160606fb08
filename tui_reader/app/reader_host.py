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

if TYPE_CHECKING:  # annotations only: nothing here costs the reader's start-up
    from rich.text import Text
    from textual import events
    from textual.worker import Worker

    from tui_reader.app.messages import JumpTo
    from tui_reader.app.widgets.article_view import ArticleView
    from tui_reader.app.widgets.search_pane import SearchPane
    from tui_reader.model import Document
    from tui_reader.reading.marks import Marks
    from tui_reader.reading.place import ReadingPlace
    from tui_reader.reading.state import ReaderState


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

    # Textual's, as read-only callables: a restated signature's keyword names read as
    # unused variables to vulture.  (So the mixins' calls to these go unchecked.)
    @property
    def notify(self) -> Callable[..., None]: ...
    @property
    def exit(self) -> Callable[..., None]: ...
    @property
    def suspend(self) -> Callable[[], AbstractContextManager[None]]: ...
    @property
    def push_screen(self) -> Callable[..., object]: ...
    @property
    def run_worker(self) -> Callable[..., Worker[Any]]: ...
    @property
    def call_from_thread(self) -> Callable[..., Any]: ...
    @property
    def copy_to_clipboard(self) -> Callable[[str], None]: ...
