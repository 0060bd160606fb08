"""Morphology-aware search over a document model.  No Textual here."""
