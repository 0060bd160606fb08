"""The library: many analysed articles in one SQLite database, and who said what across them.

No Textual here (the screens are in ``tui_reader.app.library``) and no NLP import
until an article is analysed or a query word must be lemmatised.

* ``db`` — where the database lives, opening it (WAL, schema version, migrations),
  and the one-line error for a damaged or foreign file;
* ``meta`` — an article's date and source, from its text, HTML metadata or the file;
* ``records`` — a document model → the rows the library keeps (pure);
* ``adding`` — ``library add``: files → analysis in a process pool → rows;
  ``add_bytes`` adds one document from bytes (a fetched page);
* ``queries`` — articles, people, statements and figures across the library;
* ``search`` — word-form search across articles (the FTS5 table of lemmas).

The per-article document models stay in the model cache (``tui_reader.store.cache``);
the database keeps what is needed to list, search and cross-reference them.
"""

# The public modules (the package itself defines nothing).
__all__ = ["adding", "db", "meta", "queries", "records", "search", "store"]
