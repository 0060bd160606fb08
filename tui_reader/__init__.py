"""summit-reader: a terminal reader for Russian news articles.

The package is split into rooms that data passes through in one direction:
``load`` (bytes → text) → ``analysis`` (text → ``model.Document``) → ``store``
(the on-disk cache) → ``app`` (Textual).  ``search`` answers queries over a
model, ``cli`` wires it all to the command line.  Only ``app`` imports Textual.
"""

__version__ = "0.1.0"
