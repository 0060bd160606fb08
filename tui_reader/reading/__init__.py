"""The reader without Textual: what the app draws and keeps, in plain Python.

The article as display lines (``layout``), the spans that light them (``highlights``),
text made inert for the terminal (``sanitize``), the reading place and marks kept
across runs (``place``, ``marks``), the full analysis run away from the UI
(``background``), the clipboard tools and one-line error messages.  Only ``app``
and ``cli`` import this package; it imports no Textual, so each piece can be
tested (and timed) alone.
"""
