"""Upstream report for Textual (not collected by pytest: run it by hand).

Title: CommandPalette: PageDown right after opening crashes with ``KeyError: 0`` in OptionList._move_page

Textual 8.2.8, Python 3.11, Linux (tmux and xterm alike).

Steps: in any app, press ctrl+p and PageDown in quick succession (a paste, a
key-repeat, ``tmux send-keys C-p PageDown``, or this script, which posts both keys
before the palette has been laid out).

Expected: the palette opens; PageDown does nothing (or moves a page once there is one).

Actual: the app exits with a traceback::

    File ".../textual/command.py", in _action_command_list
        command_action()
    File ".../textual/widgets/_option_list.py", line 1026, in action_page_down
        self._move_page(1)
    File ".../textual/widgets/_option_list.py", line 1002, in _move_page
        self._index_to_line[self.highlighted or 0] + direction * height,
    KeyError: 0

Cause: the command list has options (the discovery hits) but has not been laid out
yet (``scrollable_content_region.height == 0``), so its line cache is empty and
``_index_to_line`` has no entry for option 0.  ``_move_page`` (and likely
``scroll_to_highlight``) should return early when the line cache is empty.

Workaround used by summit-reader: a ``CommandPalette`` subclass whose
``_action_command_list`` ignores the action while the list is not laid out
(``tui_reader/app/palette.py``).

Run: ``python tests/upstream/textual_palette_pagedown.py`` prints the exception
(``KeyError: 0`` on 8.2.8) or "no crash".
"""
from __future__ import annotations

import asyncio

from textual import events
from textual.app import App


async def main() -> None:
    app = App()
    async with app.run_test() as pilot:
        for key in ("ctrl+p", "pagedown"):
            app.post_message(events.Key(key, None))  # both at once, as a fast typist or a paste
        await pilot.pause(0.5)
    print(repr(app._exception) if app._exception else "no crash")


if __name__ == "__main__":
    asyncio.run(main())
