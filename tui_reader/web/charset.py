"""Which encoding to decode a fetched page with.

The Content-Type header's charset is trusted when the bytes agree with it.  Pages
lie both ways: a header saying UTF-8 over cp1251 bytes (a misconfigured server),
or one saying windows-1251 over UTF-8 bytes (a site moved to UTF-8, the server
config did not).  In either case, and with no header charset, the loader decides
as it does for a file: byte-order mark, strict UTF-8, the page's ``<meta charset>``,
then detection.
"""
from __future__ import annotations

import codecs

from tui_reader.load.decode import BOMS


def encoding_for(content: bytes, declared: str | None) -> str | None:
    """The codec to decode ``content`` with, or None to let the loader decide."""
    if not declared:
        return None
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None  # a name no codec has: as if none were declared
    if any(content.startswith(bom) for bom, _name in BOMS):
        return None  # a byte-order mark outranks the header (as in browsers)
    if codec != "utf-8" and not content.isascii() and _decodes(content, "utf-8"):
        return None  # non-ASCII bytes that are valid UTF-8 are UTF-8, whatever the header says
    return codec if _decodes(content, codec) else None


def _decodes(content: bytes, codec: str) -> bool:
    # Incremental, not final: a page cut at the size cap may end inside a character.
    try:
        codecs.getincrementaldecoder(codec)().decode(content, final=False)
    except UnicodeDecodeError:
        return False
    return True
