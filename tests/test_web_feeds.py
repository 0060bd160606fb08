"""Feeds: parsing (feedparser), refusing entity bombs, malformed XML, HTML and
control codes in titles, read/unread, [feeds] in config.toml, OPML import; and
``summit-reader feed/feeds/export/search/index`` with URLs from a real local server."""
from __future__ import annotations

import json

import pytest

from tests.web_server import ARTICLE_TITLE, Reply, Server, article_html, rfc822, rss
from tui_reader.cli.main import main
from tui_reader.store.config import add_feeds, config_path, load_config
from tui_reader.web.feeds import FeedError, is_feed, load_feed, parse_feed, plain
from tui_reader.web.fetch import Fetched
from tui_reader.web.opml import read_opml
from tui_reader.web.read_state import ReadItems

BASE = "http://127.0.0.1/feed.xml"


@pytest.fixture(scope="module")
def server():
    s = Server().start()
    s.route("/article", Reply(article_html().encode(), headers={"Content-Type": "text/html; charset=utf-8"}))
    s.route("/gone", Reply(b"gone", 404))
    s.route("/feed", Reply(rss([
        ("Мост через реку", s.url("/article"), "Совет обсудил мост.", rfc822(1)),
        ("Пропавшая новость", s.url("/gone"), "Её больше нет.", rfc822(0.5)),
    ]), headers={"Content-Type": "application/rss+xml; charset=utf-8"}))
    yield s
    s.stop()


def test_items_are_plain_text_newest_first_with_links_resolved():
    data = rss([("Старое", "/old", "&lt;p&gt;Было &amp;amp; прошло&lt;/p&gt;", rfc822(5)),
                ("Новое", "new.html", "Сегодня", rfc822(0)),
                ("Среднее", "http://example.org/mid", "Вчера", rfc822(1))])
    feed = parse_feed(data, BASE)
    assert feed.title == "Городская газета"
    assert [i.title for i in feed.items] == ["Новое", "Среднее", "Старое"]
    assert feed.items[0].link == "http://127.0.0.1/new.html" and feed.items[2].link == "http://127.0.0.1/old"
    assert feed.items[2].summary == "Было & прошло"
    assert feed.items[0].source == "Городская газета" and feed.items[0].date.year == 2026
    assert feed.notes == []  # well-formed: nothing to warn about


def test_a_loosely_parsed_feed_says_so():
    feed = parse_feed(rss([("Один", "/1", "x", rfc822(0))]).replace(b"</channel>", b"<b></channel>"), BASE)
    assert [i.title for i in feed.items] == ["Один"] and feed.notes and "not well-formed" in feed.notes[0]


def test_atom_is_read_too():
    atom = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Атом</title>"
            "<entry><title>Запись</title><link href='http://127.0.0.1/e1'/><id>urn:e1</id>"
            "<updated>2026-11-30T10:00:00Z</updated><summary>Кратко</summary></entry></feed>").encode()
    feed = parse_feed(atom, BASE)
    assert feed.title == "Атом" and feed.items[0].key == "urn:e1" and feed.items[0].link == "http://127.0.0.1/e1"
    assert is_feed(Fetched(atom, BASE, {"content-type": "application/xml"}))


def test_html_and_control_codes_in_titles_come_out_as_text():
    # An escaped <b> is HTML in the title; ESC and BEL are not even legal XML (feedparser's loose parser reads on).
    data = rss([("Заголовок &lt;b&gt;жирный&lt;/b&gt; \x1b[31mкрасный\x07 &lt;script&gt;x()&lt;/script&gt;",
                 "/a", "&lt;img src=x onerror=alert(1)&gt;Текст", rfc822(0))])
    item = parse_feed(data, BASE).items[0]
    assert "<" not in item.title and "жирный" in item.title
    assert "\x1b" in item.title  # still data here: drawing makes it inert (see the app test)
    assert item.summary == "Текст"


def test_malformed_xml_is_one_line():
    with pytest.raises(FeedError, match="not a readable feed") as e:
        parse_feed(b"<rss><channel><title>broken<item><title>one", BASE)
    assert "\n" not in str(e.value)
    with pytest.raises(FeedError, match="not a readable feed"):
        parse_feed(b"just some text, not XML", BASE)


def billion_laughs(encoding: str = "utf-8") -> bytes:
    entities = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'
            '<rss version="2.0"><channel><title>&lol9;</title><item><title>x</title></item></channel></rss>'
            ).encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_an_entity_bomb_is_refused_before_parsing(encoding):
    with pytest.raises(FeedError, match="refused"):
        parse_feed(billion_laughs(encoding), BASE)


def test_an_external_entity_is_refused_too():
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'
    with pytest.raises(FeedError, match="refused"):
        parse_feed(xxe, BASE)


def test_a_plain_doctype_is_fine():
    data = rss([("Новость", "/n", "Текст", rfc822(0))]).replace(
        b"<rss", b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://x/rss.dtd"><rss', 1)
    assert [i.title for i in parse_feed(data, BASE).items] == ["Новость"]


def test_pages_are_told_from_feeds():
    assert not is_feed(Fetched(article_html().encode(), BASE, {"content-type": "text/html"}))
    assert is_feed(Fetched(rss([]), BASE, {"content-type": "text/xml"}))
    assert is_feed(Fetched(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c -->\n<rss/>", BASE, {}))


def test_plain_strips_tags_and_entities():
    assert plain("<p>Один&nbsp;<b>два</b></p><p>три</p>") == "Один два три"
    assert plain("A &amp; B") == "A & B"


def test_read_state_survives_and_a_damaged_file_reads_as_nothing_read(tmp_path):
    path = tmp_path / "read.json"
    read = ReadItems(path)
    assert read.mark("urn:1") is None
    assert ReadItems(path).is_read("urn:1") and not ReadItems(path).is_read("urn:2")
    path.write_text("{not json")
    assert not ReadItems(path).is_read("urn:1")


def test_feeds_in_config_and_opml_import(tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
                    '<outline text="Новости"><outline text="Газета" xmlUrl="http://127.0.0.1/a.xml"/>'
                    '<outline title="Радио" text="r" xmlUrl="http://127.0.0.1/b.xml"/></outline>'
                    '<outline text="Газета" xmlUrl="http://127.0.0.1/c.xml"/></body></opml>', encoding="utf-8")
    assert read_opml(opml) == [("Газета", "http://127.0.0.1/a.xml"), ("Радио", "http://127.0.0.1/b.xml"),
                               ("Газета", "http://127.0.0.1/c.xml")]
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('# my settings\ntheme = "nord"\n\n[keys]\n"marks.set" = "M"\n', encoding="utf-8")
    added, problem = add_feeds(read_opml(opml))
    assert problem is None and added == {"Газета": "http://127.0.0.1/a.xml", "Радио": "http://127.0.0.1/b.xml",
                                         "Газета (2)": "http://127.0.0.1/c.xml"}
    config = load_config()
    assert config.feeds == added and config.theme == "nord" and config.keys == {"marks.set": "M"}
    assert path.read_text(encoding="utf-8").startswith("# my settings\n")
    assert add_feeds(read_opml(opml)) == ({}, None)  # already there: nothing twice


def test_opml_that_is_not_is_one_line(tmp_path):
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline", encoding="utf-8")
    with pytest.raises(FeedError, match="not valid OPML"):
        read_opml(bad)
    bomb = tmp_path / "bomb.opml"
    bomb.write_bytes(billion_laughs().replace(b"<rss", b"<opml").replace(b"</rss>", b"</opml>"))
    with pytest.raises(FeedError, match="refused"):
        read_opml(bomb)


# --- the command line, against the local server ----------------------------------------

def test_feeds_lists_unread_counts(server, capsys):
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(f'[feeds]\n"город" = "{server.url("/feed")}"\n', encoding="utf-8")
    assert main(["feeds"]) == 0
    out = capsys.readouterr().out
    assert "город" in out and "2 unread of 2" in out
    feed = load_feed(server.url("/feed"))
    ReadItems().mark(feed.items[0].key)
    assert main(["feeds"]) == 0
    assert "1 unread of 2" in capsys.readouterr().out


def test_feeds_with_a_broken_feed_is_a_line_and_status_2(server, capsys):
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(f'[feeds]\ngood = "{server.url("/feed")}"\nbad = "{server.url("/gone")}"\n',
                             encoding="utf-8")
    assert main(["feeds"]) == 2
    captured = capsys.readouterr()
    assert "good" in captured.out and "bad" not in captured.out
    assert captured.err.count("\n") == 1 and "404" in captured.err


def test_feeds_import_from_the_command_line(tmp_path, capsys):
    opml = tmp_path / "s.opml"
    opml.write_text('<opml><body><outline text="A" xmlUrl="http://127.0.0.1/a"/></body></opml>', encoding="utf-8")
    assert main(["feeds", "import", str(opml)]) == 0
    assert "1 feeds added" in capsys.readouterr().out and load_config().feeds == {"A": "http://127.0.0.1/a"}
    assert main(["feeds", "import", str(tmp_path / "missing.opml")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_export_search_and_index_take_urls(server, capsys):
    url = server.url("/article")
    assert main(["export", url]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"] == ARTICLE_TITLE and doc["source"]["url"] == url
    assert any("Соколов" in sp["name"] for sp in doc["speakers"])
    assert main(["search", "мост", url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"]
    assert main(["index", url]) == 0
    assert f"{url}: cached" in capsys.readouterr().out
    assert main(["export", "--offline", url, "--format", "markdown"]) == 0  # from the caches alone
    assert "Пётр Соколов" in capsys.readouterr().out


@pytest.mark.parametrize("argv,message", [
    (["export", "/gone"], "404"),
    (["export", "/feed"], "a news feed, not an article"),
    (["export", "--offline", "/never"], "not in the cache (offline)"),
    (["feed", "/gone"], "404"),
    (["index", "/gone"], "404"),
])
def test_url_failures_are_one_line_and_status_2(server, capsys, argv, message):
    argv = [server.url(a) if a.startswith("/") else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("summit-reader: ")
    assert "Traceback" not in err


def test_a_feed_file_that_is_a_bomb_is_refused_on_the_command_line(tmp_path, capsys):
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(billion_laughs())
    assert main(["feed", str(bomb)]) == 2
    assert "refused" in capsys.readouterr().err


def test_a_site_page_leads_to_the_feed_it_announces(server):
    server.route("/home", Reply(("<html><head><link rel='alternate' type='application/rss+xml' href='/feed'>"
                                 "</head><body><p>Главная</p></body></html>").encode(),
                                headers={"Content-Type": "text/html"}))
    assert [i.title for i in load_feed(server.url("/home")).items][-1] == "Мост через реку"
    with pytest.raises(FeedError, match="names no feed"):
        load_feed(server.url("/article"))
