"""The model cache: its file format round-trips every field, and a bad entry
(truncated, damaged, foreign, older analyser) or an unwritable directory never
breaks anything: it reads as a miss."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui_reader.model import (
    Analysis,
    Document,
    Entity,
    Number,
    Paragraph,
    Quote,
    Section,
    Sentence,
    Source,
    Span,
    Speaker,
    Statement,
    Topic,
    WordIndex,
)
from tui_reader.store import cache, codec, files

VERSION = "test-model-version"  # what the pipeline would pass: the store only compares it

TEXT = ("Президент России Владимир Путин заявил, что товарооборот вырос на 3%.\n"
        "«Мы продолжим работу», — сказал он. Объём торговли достиг 52 млрд долларов.")


def full_document() -> Document:
    """A model with every field filled, including the awkward values (None, floats, big ints)."""
    return Document(
        text=TEXT,
        source=Source(path="/somewhere/article.txt", sha256="ab" * 32, encoding="cp1251", format="text"),
        title="Президент России",
        sections=[Section(None, 0, 69, 0), Section("Торговля", 69, len(TEXT), 2)],
        paragraphs=[Paragraph(0, 68, 0), Paragraph(69, len(TEXT), 1)],
        sentences=[Sentence(0, 68, 0), Sentence(69, 103, 1), Sentence(104, len(TEXT), 1)],
        speakers=[Speaker("putin", "Владимир Путин", ["Путин", "Президент России"], [Span(17, 31), Span(0, 16)]),
                  Speaker("nobody", "Никто")],
        statements=[Statement("putin", 0, 68, 0, "indirect", "заявил"), Statement("nobody", 69, 103, 1, "direct", None, 0.4)],
        quotes=[Quote(69, 90, "putin"), Quote(70, 80, None)],
        numbers=[Number(61, 67, "percent", 3.0, "%"), Number(125, 142, "money", 5.2e10, "USD"),
                 Number(1, 2, "other", None, None), Number(3, 4, "count", 2**40, None, 2**41, True),
                 Number(5, 6, "date", None, None, None, False, "--01-20")],
        entities=[Entity(17, 31, "PER", "Владимир Путин"), Entity(10, 16, "LOC", "Россия")],
        topics=[Topic("Торговля", "section", [Span(69, 77)]), Topic("Путин", "speaker", [])],
        analysis=Analysis(level="limited", version="7", notes=["Large text: …"]),
        index=WordIndex(starts=[0, 11, 2**33], ends=[10, 17, 2**33 + 4],
                        lemmas={"президент": [0], "россия": [1, 2], "": []}),
    )


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(directory))
    return directory


# --- the format -------------------------------------------------------------------

def test_codec_round_trip_keeps_every_field():
    doc = full_document()
    assert codec.decode_document(codec.encode_document(doc, "v1"), "v1") == doc


def test_codec_round_trip_of_an_empty_document():
    doc = Document(text="")
    assert codec.decode_document(codec.encode_document(doc)) == doc


def test_codec_round_trip_of_a_real_analysis(seed_text):
    from tui_reader.analysis import analyse

    doc = analyse(seed_text, Source(path="seed.txt", sha256="00" * 32))
    back = codec.decode_document(codec.encode_document(doc))
    assert back == doc
    assert back.text == seed_text


def test_lemma_with_a_newline_still_round_trips():
    doc = Document(text="a b", index=WordIndex([0, 2], [1, 3], {"a\nb": [0, 1]}))
    assert codec.decode_document(codec.encode_document(doc)) == doc


def test_extra_data_comes_back():
    blob = codec.encode_document(Document(text="x"), extra={"heading_hints": [[0, 1, 2]]})
    assert codec.decode_entry(blob)[1] == {"heading_hints": [[0, 1, 2]]}


def test_header_names_format_and_analyser_version():
    blob = codec.encode_document(Document(text="x"), "analyser-9")
    fmt, version, _ = codec.read_header(blob)
    assert (fmt, version) == (codec.FORMAT_VERSION, "analyser-9")


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign", "empty", "json", "old-format"])
def test_damaged_blobs_raise_format_error(damage):
    blob = bytearray(codec.encode_document(full_document(), "v1"))
    if damage == "truncate":
        blob = blob[: len(blob) - 7]
    elif damage == "flip":
        blob[len(blob) // 2] ^= 0xFF
    elif damage == "foreign":
        blob = bytearray(os.urandom(200))
    elif damage == "empty":
        blob = bytearray()
    elif damage == "json":
        blob = bytearray(b'{"schema": "summit-reader/document@1", "text": ""}')
    elif damage == "old-format":
        blob[len(codec.MAGIC)] += 1  # the format version's low byte
    with pytest.raises(codec.FormatError):
        codec.decode_document(bytes(blob), "v1")


def test_other_analyser_version_is_refused():
    blob = codec.encode_document(full_document(), "v1")
    with pytest.raises(codec.FormatError):
        codec.decode_document(blob, "v2")


# --- the cache directory -----------------------------------------------------------

def test_save_then_load(cache_dir):
    doc = full_document()
    key = cache.cache_key(doc.source.sha256)
    assert cache.save(key, doc, {"notes": ["n"]}, version=VERSION)
    entry = cache.load(key, version=VERSION)
    assert entry is not None and entry.doc == doc and entry.extra == {"notes": ["n"]}
    assert cache.info().entries == 1


def test_key_depends_on_options():
    sha = "ab" * 32
    keys = {cache.cache_key(sha), cache.cache_key(sha, encoding="cp1251"), cache.cache_key(sha, suffix=".md")}
    assert len(keys) == 3
    assert cache.cache_key(sha, encoding="CP1251") == cache.cache_key(sha, encoding="cp1251")
    assert all(k.startswith(sha) for k in keys)


def entry_path(key: str) -> Path:
    return cache.cache_dir() / (key + cache.SUFFIX)


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 3],                       # truncated
    lambda b: b[:100] + bytes([b[100] ^ 1]) + b[101:],  # one bit flipped
    lambda b: b"garbage" * 10,                          # foreign
    lambda b: b"",                                      # empty
])
def test_bad_entry_is_a_miss(cache_dir, damage):
    doc = full_document()
    key = cache.cache_key(doc.source.sha256)
    cache.save(key, doc, version=VERSION)
    path = entry_path(key)
    path.write_bytes(damage(path.read_bytes()))
    assert cache.load(key, version=VERSION) is None


def test_entry_from_an_older_analyser_is_a_miss(cache_dir, monkeypatch):
    doc = full_document()
    key = cache.cache_key(doc.source.sha256)
    cache.save(key, doc, version="0/0.0.1")
    assert cache.load(key, version="0/0.0.1") is not None
    assert cache.load(key, version=VERSION) is None


def test_entry_of_other_bytes_under_this_name_is_a_miss(cache_dir):
    doc = full_document()
    cache.save(cache.cache_key("cd" * 32), doc, version=VERSION)  # doc's sha256 is "ab…"
    assert cache.load(cache.cache_key("cd" * 32), version=VERSION) is None


def test_missing_directory_is_created(cache_dir):
    assert not cache_dir.exists()
    assert cache.save("k", Document(text="x"), version=VERSION)
    assert cache.load("k", version=VERSION) is not None


def test_unusable_directory_means_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    assert cache.save("k", Document(text="x"), version=VERSION) is False
    assert cache.load("k", version=VERSION) is None
    assert cache.info().entries == 0 and cache.clear() == 0


def test_read_only_directory_means_no_cache(cache_dir, monkeypatch):
    cache_dir.mkdir()
    if os.geteuid() == 0:  # root writes through mode bits: make the write itself fail as EROFS would
        def refuse(*args, **kwargs):
            raise PermissionError(30, "Read-only file system")

        monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    else:
        cache_dir.chmod(0o500)
    try:
        assert cache.save("k", Document(text="x"), version=VERSION) is False
        assert cache.load("k", version=VERSION) is None
        assert list(cache_dir.iterdir()) == []
    finally:
        cache_dir.chmod(0o700)


def test_failed_replace_leaves_no_temporary_file(cache_dir, monkeypatch):
    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", refuse)
    assert cache.save("k", Document(text="x"), version=VERSION) is False
    assert list(cache_dir.iterdir()) == []


def test_info_and_clear(cache_dir):
    for n in range(3):
        cache.save(f"key{n}", Document(text="x" * n), version=VERSION)
    (cache_dir / "unrelated.txt").write_text("keep me")
    before = cache.info()
    assert before.entries == 3 and before.size > 0 and before.directory == cache_dir
    assert cache.clear() == 3
    assert cache.info().entries == 0
    assert (cache_dir / "unrelated.txt").exists()


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_store import VERSION, full_document
    from tui_reader.store import cache
    doc = full_document()
    doc.text = doc.text * 2000  # big enough that writes overlap
    for _ in range(40):
        assert cache.save(cache.cache_key(doc.source.sha256), doc, version=VERSION)
""")


def test_concurrent_writers_never_leave_a_broken_entry(cache_dir):
    """Two processes store the same document again and again while this one reads:
    once the entry exists every read finds it whole, and it is whole at the end."""
    env = {**os.environ, cache.ENV_DIR: str(cache_dir)}
    code = WRITER.format(tests=str(Path(__file__).parent))
    writers = [subprocess.Popen([sys.executable, "-c", code], env=env) for _ in range(2)]
    expected = full_document()
    expected.text = expected.text * 2000
    key = cache.cache_key(expected.source.sha256)
    reads = 0
    while any(w.poll() is None for w in writers):
        entry = cache.load(key, version=VERSION)
        if entry is None:
            # before the first write, a miss; after it, a reader must always find a whole entry
            assert reads == 0, "a reader saw a half-written entry"
            continue
        assert entry.doc == expected
        reads += 1
    assert [w.wait() for w in writers] == [0, 0]
    assert cache.load(key, version=VERSION).doc == expected
    assert [p.name for p in cache_dir.iterdir()] == [key + cache.SUFFIX]  # no temporary file left


def test_prune_drops_least_recently_used_entries(cache_dir):
    for n in range(4):
        cache.save(f"key{n}", Document(text="слово " * 2000), version=VERSION)
        os.utime(entry_path(f"key{n}"), (1000 + n, 1000 + n))
    assert cache.load("key0", version=VERSION) is not None  # a hit makes key0 the most recently used
    size = entry_path("key1").stat().st_size
    removed = cache.prune(cache_dir, limit=2 * size + 10, keep="key2" + cache.SUFFIX)
    assert removed == 2
    assert sorted(p.name for p in cache_dir.iterdir()) == ["key0.model", "key2.model"]


def test_prune_removes_stale_temporary_files_but_not_fresh_ones(cache_dir):
    cache_dir.mkdir()
    stale, fresh = cache_dir / ".tmp-old.model", cache_dir / ".tmp-new.model"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (1000, 1000))
    cache.prune(cache_dir)
    assert not stale.exists() and fresh.exists()


def test_the_round_trip_fixture_fills_every_model_field():
    """A field added to the model later must be filled in ``full_document`` above,
    so that the round trip proves the cache keeps it."""
    from dataclasses import fields

    doc = full_document()
    empty = Document(text="")
    for f in fields(Document):
        if f.name != "schema":
            assert getattr(doc, f.name) != getattr(empty, f.name), f"full_document() leaves {f.name} empty"
    for name, cls in codec._TABLES.items():
        rows = getattr(doc, name)
        for f in fields(cls):
            assert len({repr(getattr(row, f.name)) for row in rows}) > 1, f"{name}.{f.name} has one value only"


@pytest.mark.parametrize("doc", [
    Document(text="x", title=object()),                       # not JSON-able
    Document(text="bad \udc80 surrogate"),                    # not UTF-8-encodable
    Document(text="x", paragraphs=[Paragraph(0, 2**70, 0)]),  # too big for any int column
])
def test_unencodable_model_is_not_cached_and_does_not_raise(cache_dir, doc):
    assert cache.save("k", doc, version=VERSION) is False
    assert cache.load("k", version=VERSION) is None
