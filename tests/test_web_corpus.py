"""Corpus articles served as whole news pages (menus, "read also", comments, footer)
by a local server, compressed and in cp1251: the web door must find the same article
the file door finds.  Skipped where ../shared/corpus is absent."""
from __future__ import annotations

import gzip
import html

import pytest

from tests.web_server import Reply, Server
from tui_reader.load import load_path
from tui_reader.pipeline import finish_analysis, open_document, open_url_for_reading

CHROME_TOP = ("<header><nav><a href='/'>Главная</a> <a href='/politics'>Политика</a> <a href='/economy'>Экономика</a>"
              " <a href='/sport'>Спорт</a> <a href='/login'>Войти</a></nav></header>")
CHROME_BOTTOM = ("<aside><h3>Читайте также</h3><ul><li><a href='/1'>Погода на выходные: дожди и ветер</a></li>"
                 "<li><a href='/2'>Курс рубля на сегодня</a></li></ul></aside>"
                 "<section class='comments'><h3>Комментарии</h3><div class='comment'>Отличная статья, спасибо!</div>"
                 "</section><footer>© Новостное агентство. Все права защищены. Подписывайтесь на рассылку.</footer>")
BOILERPLATE = ["Курс рубля на сегодня", "Все права защищены", "Отличная статья", "Политика Экономика"]


def page(title: str, body_html: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head><body>{CHROME_TOP}"
            f"<main><article><h1>{html.escape(title)}</h1>{body_html}</article>{CHROME_BOTTOM}</main>"
            "</body></html>").encode("cp1251", errors="xmlcharrefreplace")


@pytest.fixture(scope="module")
def server():
    s = Server().start()
    yield s
    s.stop()


def serve(server, path: str, data: bytes) -> str:
    server.route(path, Reply(gzip.compress(data), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    return server.url(path)


def test_the_html_article_of_the_corpus_as_a_whole_page(server, corpus):
    fragment_path = corpus / "formats" / "ria-corus-2.html"
    if not fragment_path.is_file():
        pytest.skip("the corpus HTML article is not here")
    fragment = fragment_path.read_text(encoding="utf-8")
    from_file = load_path(fragment_path).text
    url = serve(server, "/ria", page("«лютые» выборы", fragment))
    doc = open_url_for_reading(url, use_cache=False).doc
    assert doc.source.encoding in ("cp1251", "windows-1251")
    paragraphs = [p for p in from_file.split("\n\n") if len(p) > 40]
    missing = [p[:60] for p in paragraphs if p not in doc.text]
    assert not missing, missing
    assert not [b for b in BOILERPLATE if b in doc.text]
    assert len([s for s in doc.sections if s.title]) >= 5  # the bold sub-headings


@pytest.mark.parametrize("name", ["bsnlp-nordstream-file_16.txt", "bsnlp-brexit-file_1077.txt"])
def test_a_corpus_article_as_a_page_has_the_speakers_of_the_file(server, corpus, name, tmp_path):
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the corpus")
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if paragraphs[1:2] == ["ru"]:  # BSNLP files start with id, language, date and URL lines
        paragraphs = paragraphs[4:]
    title, body = paragraphs[0], paragraphs[1:]
    plain = tmp_path / "article.txt"
    plain.write_text("\n\n".join([title, *body]) + "\n", encoding="utf-8")
    url = serve(server, f"/{name}", page(title, "".join(f"<p>{html.escape(p)}</p>" for p in body)))
    web = finish_analysis(open_url_for_reading(url, use_cache=False))
    local = open_document(plain, use_cache=False)
    assert not [b for b in BOILERPLATE if b in web.text]
    assert local.speakers  # else the comparison below proves nothing
    assert sorted(sp.name for sp in web.speakers) == sorted(sp.name for sp in local.speakers)
    assert len(web.statements) == len(local.statements)
