"""Fetching articles from a real HTTP server on 127.0.0.1: encodings, redirects,
errors, timeouts, the size cap, compression and the URL cache."""
from __future__ import annotations

import time
import zlib

import pytest

from tests.web_server import ARTICLE_TITLE, SUBHEADING, Reply, Server, article_html, gzipped
from tui_reader.load import LoadError
from tui_reader.pipeline import finish_analysis, open_for_reading, open_url_for_reading
from tui_reader.web.article import fetch_article
from tui_reader.web.fetch import MAX_BYTES, USER_AGENT, FetchError, fetch

HTML = "text/html"


@pytest.fixture(scope="module")
def server():
    s = Server().start()
    yield s
    s.stop()


def serve(server, path, body, content_type=HTML, **headers) -> str:
    server.route(path, Reply(body, headers={"Content-Type": content_type, **headers}))
    return server.url(path)


def test_an_article_opens_with_title_sections_byline_and_its_url(server):
    url = serve(server, "/news/bridge", article_html().encode(), "text/html; charset=utf-8")
    opened = open_url_for_reading(url)
    doc = opened.doc
    assert doc.title == ARTICLE_TITLE
    assert "заявил мэр города Пётр Соколов" in doc.text
    assert "Главная" not in doc.text and "Городская газета" not in doc.text  # navigation and footer dropped
    assert SUBHEADING in [s.title for s in doc.sections]
    assert doc.source.url == url and doc.source.path == url and doc.source.format == "html"
    assert doc.source.author == "Мария Журавлёва"
    assert doc.source.date == "2026-11-30"
    _path, headers = server.requests[-1]
    assert headers["user-agent"] == USER_AGENT and "summit-reader/" in USER_AGENT


def test_the_model_is_cached_by_content_and_has_speakers(server):
    url = serve(server, "/news/cached", article_html().encode(), "text/html; charset=utf-8")
    first = open_url_for_reading(url)
    assert not first.complete
    doc = finish_analysis(first)
    assert any("Соколов" in sp.name for sp in doc.speakers)
    again = open_url_for_reading(url)
    assert again.complete and again.doc.source.url == url
    assert [sp.name for sp in again.doc.speakers] == [sp.name for sp in doc.speakers]


@pytest.mark.parametrize("content_type,meta", [
    ("text/html; charset=windows-1251", None),  # the header says so
    ("text/html", "windows-1251"),  # the page's meta says so
    ("text/html", None),  # nobody says: detected
    ("text/html; charset=utf-8", None),  # the header lies
    ("text/html", "utf-8"),  # the meta lies
])
def test_cp1251_pages_however_declared(server, content_type, meta):
    path = f"/cp1251/{abs(hash((content_type, meta)))}"
    url = serve(server, path, article_html(charset=meta).encode("cp1251"), content_type)
    doc = open_url_for_reading(url, use_cache=False).doc
    assert doc.title == ARTICLE_TITLE
    assert "Пётр Соколов" in doc.text and "\ufffd" not in doc.text
    assert doc.source.encoding in ("cp1251", "windows-1251")


def test_a_header_claiming_cp1251_over_utf8_bytes_is_not_believed(server):
    url = serve(server, "/utf8-said-cp1251", article_html(charset=None).encode(), "text/html; charset=windows-1251")
    doc = open_url_for_reading(url, use_cache=False).doc
    assert "Пётр Соколов" in doc.text and doc.source.encoding == "utf-8"


def test_gzip_and_brotli_bodies_are_decoded(server):
    import brotli

    url = serve(server, "/gz", gzipped(article_html().encode()), "text/html; charset=utf-8", **{"Content-Encoding": "gzip"})
    assert open_url_for_reading(url, use_cache=False).doc.title == ARTICLE_TITLE
    url = serve(server, "/br", brotli.compress(article_html().encode()), "text/html; charset=utf-8",
                **{"Content-Encoding": "br"})
    assert open_url_for_reading(url, use_cache=False).doc.title == ARTICLE_TITLE


def test_redirects_are_followed_up_to_five(server):
    target = serve(server, "/final", article_html().encode(), HTML)
    for i in range(5):
        server.route(f"/hop{i}", Reply(status=302, headers={"Location": f"/hop{i + 1}" if i < 4 else "/final"}))
    page = fetch(server.url("/hop0"))
    assert page.final_url == target and b"<article>" in page.content
    server.route("/hop-extra", Reply(status=301, headers={"Location": "/hop0"}))  # six hops
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(server.url("/hop-extra"))


def test_a_redirect_loop_is_one_line(server):
    server.route("/loop", Reply(status=302, headers={"Location": "/loop"}))
    with pytest.raises(FetchError, match="too many redirects") as e:
        fetch(server.url("/loop"))
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("status", [404, 500])
def test_error_statuses_are_one_line(server, status):
    server.route(f"/status{status}", Reply(b"<h1>no</h1>", status=status))
    with pytest.raises(FetchError, match=str(status)) as e:
        fetch_article(server.url(f"/status{status}"))
    assert e.value.status == status and "\n" not in str(e.value)


def test_a_stalling_server_times_out(server):
    server.route("/stall", Reply(b"late", delay=5))
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/stall"), timeout=0.5)
    assert time.monotonic() - started < 3


def test_the_timeout_comes_from_the_environment(server, monkeypatch):
    server.route("/stall-env", Reply(b"late", delay=5))
    monkeypatch.setenv("SUMMIT_READER_TIMEOUT", "0.3")
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/stall-env"))
    assert time.monotonic() - started < 3


def _chunks(total: int, chunk: bytes):
    for _ in range(total // len(chunk)):
        yield chunk  # the same object each time: the server never holds the whole body


def test_a_50_mb_body_is_cut_at_the_cap(server):
    chunk = b"<p>" + "строка ".encode() * 9000 + b"</p>\n"
    total = 50 * 1024 * 1024
    server.route("/huge", Reply(_chunks(total, chunk), headers={"Content-Type": HTML,
                                                                "Content-Length": str(total // len(chunk) * len(chunk))}))
    page = fetch_article(server.url("/huge"), use_cache=False)
    assert len(page.content) == MAX_BYTES and page.truncated
    assert any("10 MB" in note for note in page.notes)


def test_a_gzip_bomb_is_cut_at_the_cap_too(server):
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip container
    zeros = b"\0" * (1024 * 1024)
    packed = b"".join(packer.compress(zeros) for _ in range(50)) + packer.flush()
    assert len(packed) < 200_000
    server.route("/bomb", Reply(packed, headers={"Content-Type": "text/plain", "Content-Encoding": "gzip"}))
    page = fetch(server.url("/bomb"))
    assert len(page.content) == MAX_BYTES and page.truncated


def test_a_page_with_no_article_is_one_line(server):
    page = ("<html><head><title>Вход</title></head><body><nav><a href='/'>Главная</a> <a href='/news'>Новости</a>"
            "</nav><form><p>Войдите, чтобы читать дальше.</p><input name=login></form></body></html>")
    url = serve(server, "/empty", page.encode())
    with pytest.raises(LoadError, match="no article text"):
        open_url_for_reading(url, use_cache=False)


def test_not_a_web_address_we_open(server):
    with pytest.raises(FetchError, match=r"cannot connect|not a web address"):
        fetch("http://127.0.0.1:1/")  # nothing listens on port 1


def test_the_url_cache_revalidates_with_etag_and_serves_offline(server):
    seen = []

    def handler(request):
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304, headers={"ETag": '"v1"'})
        return Reply(article_html().encode(), headers={"Content-Type": HTML, "ETag": '"v1"'})

    server.route("/etag", handler)
    url = server.url("/etag")
    first = fetch_article(url)
    second = fetch_article(url)
    assert seen == [None, '"v1"']
    assert second.from_cache and second.content == first.content
    offline = fetch_article(url, offline=True)
    assert offline.content == first.content and len(seen) == 2
    with pytest.raises(FetchError, match="offline"):
        fetch_article(server.url("/never-fetched"), offline=True)


def test_last_modified_is_sent_back(server):
    stamp = "Mon, 30 Nov 2026 09:00:00 GMT"
    seen = []

    def handler(request):
        seen.append(request.headers.get("If-Modified-Since"))
        if request.headers.get("If-Modified-Since") == stamp:
            return Reply(status=304)
        return Reply(article_html().encode(), headers={"Content-Type": HTML, "Last-Modified": stamp})

    server.route("/lastmod", handler)
    fetch_article(server.url("/lastmod"))
    assert fetch_article(server.url("/lastmod")).from_cache
    assert seen == [None, stamp]


def test_an_unreachable_site_falls_back_to_the_cached_copy_with_a_note():
    other = Server().start()
    other.route("/a", Reply(article_html().encode(), headers={"Content-Type": HTML}))
    url = other.url("/a")
    fetch_article(url)
    other.stop()
    page = fetch_article(url, timeout=1)
    assert page.from_cache and page.notes and "copy from" in page.notes[0]


def test_open_for_reading_takes_urls_and_offline(server):
    url = serve(server, "/via-pipeline", article_html().encode())
    assert open_for_reading(url).doc.title == ARTICLE_TITLE
    with pytest.raises(FetchError, match="offline"):
        open_for_reading(server.url("/not-cached"), offline=True)


def test_cache_info_and_clear_count_the_pages(server, capsys):
    from tui_reader.cli.main import main

    fetch_article(serve(server, "/counted", article_html().encode()))
    assert main(["cache", "info"]) == 0
    assert "web pages: 1 " in capsys.readouterr().out
    assert main(["cache", "clear"]) == 0
    assert "removed 1 web page" in capsys.readouterr().out
    with pytest.raises(FetchError, match="offline"):
        fetch_article(server.url("/counted"), offline=True)


def test_a_page_that_changes_only_around_the_article_reopens_from_the_cache(server):
    served = []

    def handler(request):
        served.append(1)
        page = article_html().replace("© Городская газета", f"© Городская газета, просмотров: {len(served)}")
        return Reply(page.encode(), headers={"Content-Type": "text/html; charset=utf-8"})

    server.route("/dynamic", handler)
    url = server.url("/dynamic")
    first = open_url_for_reading(url)
    finish_analysis(first)
    again = open_url_for_reading(url)
    assert len(served) == 2 and again.complete  # fetched again, the model from the cache
    assert again.doc.source.sha256 == first.doc.source.sha256  # so the reading place is the same


def test_a_page_whose_article_changed_is_read_anew(server):
    versions = iter(["Первая версия статьи о мосте через реку, с подробностями стройки. " * 3,
                     "Вторая версия: мэр уточнил сроки, стройка начнётся весной следующего года. " * 3])

    def handler(request):
        return Reply(article_html(paragraphs=[next(versions)]).encode(),
                     headers={"Content-Type": "text/html; charset=utf-8"})

    server.route("/changed", handler)
    first = open_url_for_reading(server.url("/changed"))
    again = open_url_for_reading(server.url("/changed"))
    assert "Вторая версия" in again.doc.text and again.doc.source.sha256 != first.doc.source.sha256
