"""The on-disk model cache (``cache``) and its file format (``codec``).

Imports only the model and the standard library (platformdirs, lazily), so a
cached document opens without the NLP stack.
"""
