"""Should fix: the Markdown digest passes no HTML and no ``javascript:`` link from
the article on to whoever renders it."""
from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tests.hostile.capped import run_capped

pytestmark = pytest.mark.hostile

ARTICLE = ("Заголовок <img src=x onerror=alert(1)>\n\n"
           "Президент Владимир Путин заявил, что <script>alert(1)</script> переговоры прошли успешно. "
           "«Жмите [сюда](javascript:alert(1)) и <javascript:alert(2)>», — сказал Путин.\n\n"
           "Министр сообщил, что бюджет <b onmouseover=alert(3)>вырастет</b> на 5%.\n")


def test_the_digest_renders_to_inert_html(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = run_capped(["export", str(path), "--format", "markdown"], cwd=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    digest = out.stdout.decode()
    assert "заявил" in digest and "бюджет" in digest  # the statements are there
    html = MarkdownIt("commonmark").render(digest)
    for active in ("<script", "<img", "<b ", "javascript:alert(1)\"", "href=\"javascript"):
        assert active not in html, (active, html)
    assert "&lt;script&gt;" in html or "&amp;lt;script&gt;" in html  # shown as text
