"""Bytes → str: byte-order marks, a strict UTF-8 fast path, then detection.

Russian text still arrives in cp1251 or KOI8-R (old archives, Windows exports)
and sometimes in UTF-16 (Windows "Unicode" text).  Order of trust:

1. the user's ``--encoding``;
2. a byte-order mark (UTF-32, UTF-8, UTF-16);
3. strict UTF-8 (nearly every file today, and a false positive is very
   unlikely: cp1251/KOI8-R bytes are almost never valid UTF-8);
4. charset-normalizer on a *sample* (detecting on a whole 3 MB novel costs
   seconds; a 64 KB sample is enough and takes ~50 ms).

Files that are not text at all (images, archives, a NUL byte anywhere) raise
``NotText``.  A file that is mostly UTF-8 with a few bad bytes is read as UTF-8 with a
note; one that mixes UTF-8 lines with single-byte ones is read line by line, with a note.
"""
from __future__ import annotations

import codecs
import re

from tui_reader.i18n import _

# Known binary formats by their first bytes: name them in the error message.
MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x7fELF", "a program (ELF)"),
]

BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

SAMPLE_BYTES = 64 * 1024

# Encodings a Russian reader meets; detection is restricted to them so a short
# cp1251 text is not taken for, say, a Turkish code page.
CANDIDATES = ["cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5", "cp1252", "latin_1"]


class NotText(ValueError):
    """The bytes are not a text file; the message says what they look like."""


def decode(data: bytes, encoding: str | None = None, notes: list[str] | None = None) -> tuple[str, str]:
    """Return (text, encoding used).  Newlines are left as they are.  What the reader
    should know about the decoding (bytes replaced, encodings mixed) is added to ``notes``."""
    notes = notes if notes is not None else []
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise NotText(_("unknown encoding {encoding!r}").format(encoding=encoding)) from None
        # The user asked for this encoding: show the text even where a byte is
        # wrong (as U+FFFD) rather than refuse the whole file.
        return data.decode(codec, errors="replace"), codec
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec
    _reject_binary(data)
    # Before UTF-8: UTF-16 text of ASCII and Cyrillic is also valid UTF-8 (NULs and
    # control bytes), so the UTF-8 fast path would accept it as garbage.
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    text: str | None
    try:
        text, codec = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, codec = _mostly_utf8(data), "utf-8"
        if text is not None:
            notes.append(_("Some bytes are not valid UTF-8 and are shown as \ufffd."))
        else:
            codec = detect(data)
            text = _mixed_lines(data, codec)
            if text is not None:
                notes.append(_("This file mixes UTF-8 and {encoding}: each line was read in its own encoding.").format(
                    encoding=codec))
            else:
                text = data.decode(codec, errors="replace")
    _reject_control_noise(text)
    return text, codec


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _mixed_lines(data: bytes, codec: str) -> str | None:
    """A file pasted together from a UTF-8 and a cp1251 one (say): each line decoded in
    the encoding it is valid in, rather than all of it garbled as one.  None when no
    line with letters beyond ASCII is valid UTF-8 (the usual single-encoding file)."""
    if b"\xd0\xbe" not in data and b"\xd0\xb0" not in data:
        # "о" and "а" in UTF-8 (in cp1251 "Рѕ" and "Р°", never seen): no UTF-8 Russian here
        return None
    lines = data.splitlines(keepends=True)
    decoded: list[str] = []
    utf8_lines = 0
    for line in lines:
        if line.isascii():
            decoded.append(line.decode("ascii"))
            continue
        try:
            as_utf8 = line.decode("utf-8")
        except UnicodeDecodeError:
            as_utf8 = None
        # A short cp1251 line can be valid UTF-8 by chance ("Я«" is one N'Ko letter):
        # only a line that reads as Cyrillic counts as UTF-8.
        if as_utf8 is not None and _CYRILLIC.search(as_utf8):
            decoded.append(as_utf8)
            utf8_lines += 1
        else:
            decoded.append(line.decode(codec, errors="replace"))
    return "".join(decoded) if utf8_lines else None


def detect(data: bytes) -> str:
    """The most likely single-byte encoding of ``data`` (which is not UTF-8)."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE_BYTES]
    if len(data) > SAMPLE_BYTES:
        # Cut at a line end so the sample does not end inside a word.
        cut = sample.rfind(b"\n")
        if cut > SAMPLE_BYTES // 2:
            sample = sample[:cut]
    best = from_bytes(sample, cp_isolation=CANDIDATES).best()
    if best is None:
        # Nothing fits well; cp1251 maps every byte but one, so the reader still
        # gets something to look at.
        return "cp1251"
    return codecs.lookup(best.encoding).name


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a stray bad byte (a file cut mid-character, one pasted cp1251
    word) is still UTF-8: re-reading it all as cp1251 would garble every other
    letter.  A cp1251 or KOI8-R text fails on nearly every Cyrillic byte instead."""
    def fits(chunk: bytes) -> str | None:
        text = chunk.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        non_ascii = len(text) - len(text.encode("ascii", "ignore")) - bad
        return text if bad <= max(2, non_ascii // 100) else None

    if len(data) > SAMPLE_BYTES and fits(data[:SAMPLE_BYTES]) is None:
        return None  # decided on the sample: a large cp1251 file costs nothing here
    return fits(data)


def _reject_binary(data: bytes) -> None:
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise NotText(_("this is {what}, not a text file").format(what=what))
    # Anywhere in the file, not only in a sample: one rule for every NUL (the scan is memchr).
    if b"\x00" in data and not _bomless_utf16(data):
        raise NotText(_("this is a binary file (it contains NUL bytes), not text"))


def _reject_control_noise(text: str) -> None:
    """Bytes with no NUL that are still not text (compressed or random data)
    decode in a single-byte code page to a mess of control characters."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return
    noise = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v\x1b")
    if noise > 0.05 * len(sample):
        raise NotText(_("this is a binary file (mostly control bytes), not text"))


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: every other byte is NUL (for mostly-ASCII
    text) or the high bytes are all 0x04 (Cyrillic).  None when it is not that."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    for high, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = sum(1 for b in high if b in (0, 4)) / len(high)
        if share > 0.9:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None
