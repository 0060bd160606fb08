"""The cache's file format: a document model as a compact columnar binary.

Why not JSON or pickle: JSON spends its time building millions of small dicts
that ``from_dict`` then turns into dataclasses (the novel: ~0.4 s); pickle would
run code from a file anyone can write.  Here every list of flat records
(sentences, paragraphs, …) is stored column by column, integer columns as raw
machine arrays, which load with one ``memcpy`` and a ``tolist``; the records are
then built with one ``map`` over the columns.  Only the standard library is used.

Layout (little-endian)::

    MAGIC  u16 FORMAT_VERSION  u16 len  analyser version (utf-8)
    u32 len  u64 len  u32 crc32        sizes of the manifest and the payload, checksum of both
    manifest (JSON)                    what is where in the payload
    payload                            the columns and the text, back to back

The header says cheaply whether a file is ours and current (see ``read_header``),
before anything large is decoded; the sizes catch a truncated file and the
checksum (3 ms for the novel's 12 MB) any other damage.
"""
from __future__ import annotations

import gc
import json
import struct
import sys
import zlib
from array import array
from dataclasses import asdict, fields, is_dataclass
from typing import Any

from tui_reader.model import (
    Document,
    Entity,
    Number,
    Paragraph,
    Quote,
    Section,
    Sentence,
    Span,
    Speaker,
    Statement,
    Topic,
    WordIndex,
    from_dict,
)

MAGIC = b"SRMODEL\x00"
FORMAT_VERSION = 2
# Integer columns are 4-byte where every value fits (offsets into any text a reader
# opens do), else 8-byte.
INT32, INT64 = "i", "q"
assert array(INT32).itemsize == 4 and array(INT64).itemsize == 8
_SIZES = struct.Struct("<IQI")

# Lists of flat records stored column by column.
_TABLES: dict[str, type] = {
    "sections": Section, "paragraphs": Paragraph, "sentences": Sentence, "statements": Statement,
    "quotes": Quote, "numbers": Number, "entities": Entity,
}
# Lists of records that each hold a list of spans (the novel's topics hold ~16k):
# stored as JSON with the spans flattened to [start, end, start, end, …], which
# loads several times faster than a dict per span.
_SPANNED: dict[str, tuple[type, str]] = {"speakers": (Speaker, "mentions"), "topics": (Topic, "occurrences")}
# Every other field of Document (title, source, analysis, … and any field added
# later) is small: stored as JSON, read back by ``model.from_dict``.
_SPECIAL = {"text", "index", *_TABLES, *_SPANNED}


class FormatError(ValueError):
    """Not a cache file of this format and analyser version (or a damaged one)."""


def encode_document(doc: Document, analyser_version: str = "", extra: dict[str, Any] | None = None) -> bytes:
    """``doc`` as bytes; ``extra`` (JSON-able) is stored beside it and comes back
    from ``decode_entry``."""
    return b"".join(encode_parts(doc, analyser_version, extra))


def encode_parts(doc: Document, analyser_version: str = "", extra: dict[str, Any] | None = None) -> list[bytes]:
    """``encode_document`` as pieces to write one after the other: joining them
    would copy the novel's 15 MB once more at the moment memory peaks."""
    writer = _Writer()
    manifest: dict[str, Any] = {
        "extra": extra or {},
        "text": writer.add_bytes(doc.text.encode("utf-8")),
        "json": {f.name: _plain(getattr(doc, f.name)) for f in fields(Document) if f.name not in _SPECIAL},
        "spanned": {name: [_flatten_spans(row, spans) for row in getattr(doc, name)]
                    for name, (_cls, spans) in _SPANNED.items()},
        "tables": {name: _encode_table(writer, getattr(doc, name), cls) for name, cls in _TABLES.items()},
        "index": _encode_index(writer, doc.index) if doc.index is not None else None,
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode()
    crc = zlib.crc32(manifest_bytes)
    for part in writer.parts:
        crc = zlib.crc32(part, crc)
    version = analyser_version.encode()
    head = MAGIC + struct.pack("<HH", FORMAT_VERSION, len(version)) + version
    return [head + _SIZES.pack(len(manifest_bytes), writer.size, crc), manifest_bytes, *writer.parts]


def read_header(data: bytes | memoryview) -> tuple[int, str, int]:
    """(format version, analyser version, where the manifest starts); FormatError if not ours."""
    if bytes(data[: len(MAGIC)]) != MAGIC or len(data) < len(MAGIC) + 4:
        raise FormatError("not a summit-reader model")
    at = len(MAGIC)
    fmt, vlen = struct.unpack_from("<HH", data, at)
    at += 4
    version = bytes(data[at:at + vlen]).decode("utf-8", errors="replace")
    return fmt, version, at + vlen


def decode_document(data: bytes, analyser_version: str | None = None) -> Document:
    """The model in ``data``; FormatError if it is foreign, of another format or
    analyser version (when given), truncated or damaged."""
    return decode_entry(data, analyser_version)[0]


def decode_entry(data: bytes, analyser_version: str | None = None) -> tuple[Document, dict[str, Any]]:
    """``decode_document`` plus the ``extra`` dict stored beside the model."""
    fmt, version, at = read_header(data)
    if fmt != FORMAT_VERSION:
        raise FormatError(f"format {fmt}, expected {FORMAT_VERSION}")
    if analyser_version is not None and version != analyser_version:
        raise FormatError(f"analyser {version!r}, expected {analyser_version!r}")
    # Building ~1M objects would trigger the cyclic GC dozens of times for nothing:
    # none of them can form a cycle.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _decode_body(memoryview(data), at)
    except FormatError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, struct.error, UnicodeDecodeError) as e:
        raise FormatError(f"damaged model ({type(e).__name__}: {e})") from None
    finally:
        if gc_was_on:
            gc.enable()


def _decode_body(view: memoryview, at: int) -> tuple[Document, dict[str, Any]]:
    mlen, plen, crc = _SIZES.unpack_from(view, at)
    at += _SIZES.size
    if at + mlen + plen != len(view):
        raise FormatError(f"truncated model ({len(view)} bytes, expected {at + mlen + plen})")
    manifest_bytes, payload = view[at:at + mlen], view[at + mlen:]
    if zlib.crc32(payload, zlib.crc32(manifest_bytes)) != crc:
        raise FormatError("damaged model (checksum)")
    manifest = json.loads(bytes(manifest_bytes))
    reader = _Reader(payload)
    doc = from_dict({**manifest["json"], "text": reader.text(manifest["text"])})
    for name, (cls, spans) in _SPANNED.items():
        setattr(doc, name, [_unflatten_spans(cls, spans, record) for record in manifest["spanned"][name]])
    for name, cls in _TABLES.items():
        setattr(doc, name, _decode_table(reader, manifest["tables"][name], cls))
    if manifest["index"] is not None:
        doc.index = _decode_index(reader, manifest["index"])
    return doc, manifest["extra"]


# --- records with span lists ---------------------------------------------------------

def _flatten_spans(row: Any, spans: str) -> dict[str, Any]:
    record = {f.name: _plain(getattr(row, f.name)) for f in fields(row) if f.name != spans}
    record[spans] = [n for span in getattr(row, spans) for n in (span.start, span.end)]
    return record


def _unflatten_spans(cls: type, spans: str, record: dict[str, Any]) -> Any:
    flat = record[spans]
    if len(flat) % 2:
        raise FormatError(f"damaged {spans}")
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in record.items() if k in known}
    values[spans] = list(map(Span, flat[0::2], flat[1::2]))
    return cls(**values)


# --- tables ----------------------------------------------------------------------

def _encode_table(writer: _Writer, rows: list[Any], cls: type) -> dict[str, Any]:
    columns = {}
    for f in fields(cls):
        values = [getattr(row, f.name) for row in rows]
        if all(type(v) is int for v in values):
            columns[f.name] = ["i", writer.add_ints(values)]
        else:
            columns[f.name] = ["j", writer.add_bytes(json.dumps(values, ensure_ascii=False).encode())]
    return {"n": len(rows), "columns": columns}


def _decode_table(reader: _Reader, table: dict[str, Any], cls: type) -> list[Any]:
    n = table["n"]
    columns = []
    for f in fields(cls):  # positional, in the dataclass's field order
        kind, where = table["columns"][f.name]
        column = reader.ints(where) if kind == "i" else json.loads(bytes(reader.bytes(where)))
        if len(column) != n:
            raise FormatError(f"column {f.name} has {len(column)} rows, expected {n}")
        columns.append(column)
    return list(map(cls, *columns)) if columns else []


# --- the word index: two int columns and the lemma → token lists, flattened --------

def _encode_index(writer: _Writer, index: WordIndex) -> dict[str, Any]:
    lemmas = list(index.lemmas)
    if any("\n" in lemma for lemma in lemmas):  # never from the analyser, but be safe
        return {"json": writer.add_bytes(json.dumps([index.starts, index.ends, index.lemmas]).encode())}
    bounds, flat = [0], []
    for lemma in lemmas:
        flat.extend(index.lemmas[lemma])
        bounds.append(len(flat))
    return {
        "starts": writer.add_ints(index.starts),
        "ends": writer.add_ints(index.ends),
        "lemmas": writer.add_bytes("\n".join(lemmas).encode("utf-8")),
        "count": len(lemmas),
        "bounds": writer.add_ints(bounds),
        "tokens": writer.add_ints(flat),
    }


def _decode_index(reader: _Reader, meta: dict[str, Any]) -> WordIndex:
    if "json" in meta:
        starts, ends, lemmas = json.loads(bytes(reader.bytes(meta["json"])))
        return WordIndex(starts=starts, ends=ends, lemmas=lemmas)
    names = reader.text(meta["lemmas"]).split("\n") if meta["count"] else []
    bounds, flat = reader.ints(meta["bounds"]), reader.ints(meta["tokens"])
    if len(names) != meta["count"] or len(bounds) != len(names) + 1 or bounds[-1] != len(flat):
        raise FormatError("damaged word index")
    lemmas = {name: flat[bounds[i]:bounds[i + 1]] for i, name in enumerate(names)}
    return WordIndex(starts=reader.ints(meta["starts"]), ends=reader.ints(meta["ends"]), lemmas=lemmas)


# --- the payload -------------------------------------------------------------------

class _Writer:
    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def add_bytes(self, blob: bytes) -> list[int]:
        where = [self.size, len(blob)]
        self.parts.append(blob)
        self.size += len(blob)
        return where

    def add_ints(self, values: list[int]) -> list[Any]:
        try:
            column = array(INT32, values)
        except OverflowError:
            column = array(INT64, values)
        if sys.byteorder != "little":
            column.byteswap()
        return [*self.add_bytes(column.tobytes()), column.typecode]


class _Reader:
    def __init__(self, payload: memoryview) -> None:
        self._payload = payload

    def bytes(self, where: list[Any]) -> memoryview:
        start, size = where[0], where[1]
        if start < 0 or size < 0 or start + size > len(self._payload):
            raise FormatError("truncated model")
        return self._payload[start:start + size]

    def text(self, where: list[int]) -> str:
        return str(self.bytes(where), "utf-8")

    def ints(self, where: list[Any]) -> list[int]:
        if where[2] not in (INT32, INT64):
            raise FormatError(f"unknown column type {where[2]!r}")
        column = array(where[2])
        column.frombytes(self.bytes(where))
        if sys.byteorder != "little":
            column.byteswap()
        return column.tolist()


def _plain(value: Any) -> Any:
    """A field's value as JSON-able data (dataclasses as dicts, as ``model.to_dict`` does)."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
