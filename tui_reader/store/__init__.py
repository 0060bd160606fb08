"""What the reader keeps on disk: the model cache, reading state, settings.

* ``cache`` — analysed models by the raw file's hash (``codec``: their file format);
  the caller passes the model version in (``pipeline.MODEL_VERSION``), so the store
  imports neither the analysers nor the loader;
* ``state`` — where each document was left, its marks; ``config`` — the settings file;
* ``files`` — atomic writes and the user directories; ``cleanup`` — temporary files
  a killed run left behind.

Imports only the model, ``i18n`` and the standard library (platformdirs, lazily),
so a cached document opens without the NLP stack.
"""

# The public modules (the package itself defines nothing).
__all__ = ["cache", "cleanup", "codec", "config", "files", "state"]
