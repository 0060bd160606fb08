"""Which on-disk format for the model cache?  Measures size, save and load time.

    .venv/bin/python benchmarks/formats.py [FILE [ENCODING]]

The model is the real structure pass plus a stand-in search index (every word,
lemma = the lower-cased word) and stand-in entities, so the sizes match what the
full analysis stores even while parts of the analysis are still stubs.  Every
candidate is timed from bytes on disk to a ``Document`` in memory: decoding the
bytes *and* building the dataclasses, since the app needs both.
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui_reader.analysis import analyse_structure
from tui_reader.load import load_path
from tui_reader.model import Document, Entity, WordIndex, from_dict, to_dict

NOVEL = Path(__file__).resolve().parents[2] / "shared/corpus/large/war_and_peace-cp1251.txt"


def stand_in_model(path: Path, encoding: str | None) -> Document:
    loaded = load_path(path, encoding)
    doc = analyse_structure(loaded.text, loaded.source)
    index = WordIndex()
    for n, m in enumerate(re.finditer(r"\w+", doc.text)):
        index.starts.append(m.start())
        index.ends.append(m.end())
        index.lemmas.setdefault(m.group().lower(), []).append(n)
    doc.index = index
    doc.entities = [Entity(m.start(), m.end(), "PER", m.group())
                    for m in re.finditer(r"\b[А-Я][а-я]+ [А-Я][а-я]+\b", doc.text[:400_000])]
    return doc


def best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def candidates():
    out = {
        "json (stdlib) + from_dict": (
            lambda d: json.dumps(to_dict(d, include_index=True), ensure_ascii=False).encode(),
            lambda b: from_dict(json.loads(b))),
    }
    try:
        import orjson

        out["orjson + from_dict"] = (lambda d: orjson.dumps(to_dict(d, include_index=True)),
                                     lambda b: from_dict(orjson.loads(b)))
    except ImportError:
        pass
    try:
        import msgspec

        enc, dec = msgspec.msgpack.Encoder(), msgspec.msgpack.Decoder(Document)
        out["msgspec msgpack, typed"] = (enc.encode, dec.decode)
        jenc, jdec = msgspec.json.Encoder(), msgspec.json.Decoder(Document)
        out["msgspec json, typed"] = (jenc.encode, jdec.decode)
    except ImportError:
        pass
    try:
        from tui_reader.store import codec

        out["ours: columnar binary (stdlib)"] = (codec.encode_document, codec.decode_document)
    except ImportError:
        pass
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else NOVEL
    encoding = sys.argv[2] if len(sys.argv) > 2 else ("cp1251" if path == NOVEL else None)
    doc = stand_in_model(path, encoding)
    print(f"{path.name}: {len(doc.text):,} chars, {len(doc.sentences):,} sentences, "
          f"{len(doc.index.starts):,} words, {len(doc.index.lemmas):,} lemmas")
    print(f"{'format':34} {'size':>9} {'save':>9} {'load':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (encode, decode) in candidates().items():
            blob = encode(doc)
            file = Path(tmp) / "entry"
            save = best_of(lambda file=file, encode=encode: file.write_bytes(encode(doc)), 3)
            load = best_of(lambda file=file, decode=decode: decode(file.read_bytes()))
            assert decode(blob) == doc, name
            print(f"{name:34} {len(blob) / 1e6:7.2f}MB {save * 1e3:7.1f}ms {load * 1e3:7.1f}ms")


if __name__ == "__main__":
    main()
