"""Morphology-aware search over a document model.  No Textual here, and no pymorphy3
until a word must be lemmatised.

* ``index.build_index(text)`` — the ``WordIndex`` the analysis stores with the model;
* ``query.search(doc, query, mode)`` — hits in text order (``lemma``, ``exact``, ``regex``);
  ``query.warm_up(doc)`` prepares a document before the first keystroke;
* ``suggest.suggest(doc, prefix)`` / ``suggest.complete(doc, value)`` — completion
  from the document's own words;
* ``context`` — per-document caches.

The pymorphy3 wrapper search shares with the analysers is ``tui_reader.morph``.
"""

# The public modules (the package itself defines nothing).
__all__ = ["context", "index", "modes", "query", "suggest"]
