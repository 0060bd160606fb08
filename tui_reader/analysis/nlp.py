"""Lazy, cached access to the natasha/slovnet models.

Nothing is imported at module import time: opening a cached document must not
pay for the NLP stack.  The first call to :func:`models` imports natasha and
loads the embeddings and taggers once per process.

natasha 1.6 (and yargy, which it imports) still do ``import pymorphy2``.  On
Python >= 3.12 pymorphy2 is broken (it needs ``pkg_resources`` and an
``inspect`` API that is gone), so before importing natasha we point the
``pymorphy2`` module names at pymorphy3, its maintained drop-in fork.  We do
this on every Python, so all versions use the same dictionary.
"""
from __future__ import annotations

import importlib
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any

# Every pymorphy2 module that natasha or yargy import (directly or through the
# package ``__init__``), mapped to the pymorphy3 module that replaces it.
_PYMORPHY_MODULES = ("", ".analyzer", ".tagset", ".units", ".units.base", ".shapes", ".utils")

BATCH_SIZE = 32

_lock = threading.Lock()
_models: "Models | None" = None


def alias_pymorphy2() -> bool:
    """Make ``import pymorphy2...`` resolve to pymorphy3.  Returns True when aliased.

    Leaves things alone when pymorphy3 is missing (then a working pymorphy2 is
    the only hope) or when natasha is already imported (too late to matter).
    """
    if "natasha" in sys.modules:
        return False
    try:
        importlib.import_module("pymorphy3")
    except ImportError:
        return False
    for suffix in _PYMORPHY_MODULES:
        target = importlib.import_module("pymorphy3" + suffix)
        sys.modules["pymorphy2" + suffix] = target
    return True


def single_threaded_blas() -> None:
    """Ask OpenBLAS for one thread, if numpy is not loaded yet (the variable is read then).

    slovnet multiplies small matrices: a second BLAS thread buys nothing, and on a
    busy machine its spin-waiting made the analysis three times slower (measured:
    ~30 KB/s with the default, ~90 KB/s with one thread, on 2 shared cores).
    An explicit setting by the user is left alone.
    """
    if "numpy" in sys.modules:
        return
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


@dataclass(slots=True)
class Models:
    """The loaded models.  ``ner``/``syntax`` take batches (``.map``).

    No slovnet morph tagger: nothing reads it, and leaving it out saves ~40 MB at
    the novel's peak and ~0.15 s of loading (pymorphy3 gives the lemmas we need).
    """

    ner: Any  # slovnet NER: .map(list[str]) -> markups with .spans (start, stop, type)
    syntax: Any  # slovnet syntax parser: .map(list[list[str]]) -> markups with .tokens (id, head_id, rel)


def release_models() -> None:
    """Let the models go (a later ``models()`` loads them again)."""
    global _models
    with _lock:
        _models = None
    import gc

    gc.collect()  # their numpy arrays are freed now, not at some later collection


def models() -> Models:
    """Load the models once (thread-safe) and return them."""
    global _models
    if _models is not None:
        return _models
    with _lock:
        if _models is None:
            single_threaded_blas()
            alias_pymorphy2()
            from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser

            emb = NewsEmbedding()
            loaded = Models(ner=NewsNERTagger(emb), syntax=NewsSyntaxParser(emb))
            # Callers sort sentences by length before batching, so bigger batches cost
            # little padding and save per-batch overhead (default is 8).
            for model in (loaded.ner, loaded.syntax):
                model.batch_size = BATCH_SIZE
            _models = loaded
    return _models
