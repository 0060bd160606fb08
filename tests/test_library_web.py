"""`library add URL` and `library add --feed URL` against a real HTTP server on 127.0.0.1."""
from __future__ import annotations

from tests.web_server import ARTICLE_TITLE, Reply, Server, article_html, rfc822, rss
from tui_reader.cli.main import main
from tui_reader.library import db, queries

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_pages_and_a_feeds_items_go_into_the_library(tmp_path, capsys):
    server = Server().start()
    try:
        server.route("/a", Reply(article_html().encode(), headers=HTML))
        server.route("/b", Reply(article_html("Второй мост через реку").encode(), headers=HTML))
        server.route("/feed", Reply(rss([("Второй мост", server.url("/b"), "Совет обсудил мост.", rfc822(0)),
                                         ("Пропавшая", server.url("/gone"), "Её нет.", rfc822(1))]),
                                    headers={"Content-Type": "application/rss+xml"}))
        database = tmp_path / "library.db"
        assert main(["library", "--db", str(database), "add", server.url("/a")]) == 0
        assert "added:" in capsys.readouterr().out
        # the same page again is known; the feed's second item is a 404: one line, exit 2
        assert main(["library", "--db", str(database), "add", server.url("/a"), "--feed", server.url("/feed")]) == 2
        out, err = capsys.readouterr()
        assert "already in the library" in out and "added:" in out
        assert "/gone" in err and len(err.strip().splitlines()) == 1
        conn = db.connect(database)
        titles = [row.title for row in queries.articles(conn)]
        assert len(titles) == 2 and any(ARTICLE_TITLE in (t or "") for t in titles)
    finally:
        server.stop()


def test_nothing_to_add_is_one_line(tmp_path, capsys):
    assert main(["library", "--db", str(tmp_path / "l.db"), "add"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
