"""The search modes, in the order ctrl+r cycles them: a module of its own so that the
reader's search pane and the command line can name them without importing the engine."""
from __future__ import annotations

__all__ = ["MODES"]

MODES = ("lemma", "exact", "regex")
