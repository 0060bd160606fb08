"""The interface in the user's language: every string shown has a Russian translation,
and the language follows --lang, config.toml's ``language`` and the locale."""
from __future__ import annotations

import gettext
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui_reader.i18n import DOMAIN, LOCALE_DIR, _, set_language

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_catalogs", ROOT / "tools" / "i18n_catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalog(lang: str) -> dict:
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as f:
        return gettext.GNUTranslations(f)._catalog


def test_every_interface_string_has_a_russian_translation() -> None:
    """Fails with the list of msgids that have none.  To fix: python tools/i18n_catalogs.py
    extract, translate them in tui_reader/locale/ru/LC_MESSAGES/summit_reader.po, then
    python tools/i18n_catalogs.py compile."""
    ru = catalog("ru")
    missing = []
    for key, places in _tool().msgids().items():
        if isinstance(key, tuple):
            ok = all(ru.get((key[0], i)) for i in range(3))
            shown = key[0]
        else:
            ok = bool(ru.get(key))
            shown = key
        if not ok:
            missing.append(f"  {shown!r}  ({places[0]})")
    assert not missing, "no Russian translation for:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders() -> None:
    field = re.compile(r"\{[^}]*\}")
    for key, string in catalog("ru").items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid:
            assert sorted(field.findall(string)) == sorted(field.findall(msgid)), (msgid, string)


def test_the_english_catalog_is_complete_too() -> None:
    en = catalog("en")
    keys = [k if isinstance(k, str) else k[0] for k in _tool().msgids()]
    assert all(k in en or (k, 0) in en for k in keys)


def test_the_catalogs_are_compiled_from_the_po_files() -> None:
    for lang in ("ru", "en"):
        po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        mo = po.with_suffix(".mo")
        assert mo.stat().st_mtime >= po.stat().st_mtime - 1, f"{mo} is older than {po}: run tools/i18n_catalogs.py compile"


def test_language_follows_set_language_and_the_locale(monkeypatch) -> None:
    set_language("ru")
    assert _("Figures") == "Цифры"
    set_language("en")
    assert _("Figures") == "Figures"
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    set_language(None)
    assert _("Figures") == "Цифры"


def _cli(*argv: str, env_extra: dict | None = None, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update({"SUMMIT_READER_CONFIG_DIR": str(tmp_path / "config"), "SUMMIT_READER_CACHE_DIR": str(tmp_path / "c"),
                "SUMMIT_READER_STATE_DIR": str(tmp_path / "s"), **(env_extra or {})})
    return subprocess.run([sys.executable, "-m", "tui_reader.cli.main", *argv] if False else
                          [sys.executable, "-c", "import sys; from tui_reader.cli.main import main; "
                           "sys.exit(main(sys.argv[1:]))", *argv],
                          capture_output=True, text=True, env=env, timeout=60)


def test_cli_help_in_russian_by_flag_config_and_locale(tmp_path: Path) -> None:
    assert "статьи" in _cli("--lang", "ru", "--help", tmp_path=tmp_path).stdout
    assert "articles" in _cli("--lang", "en", "--help", tmp_path=tmp_path, env_extra={"LANG": "ru_RU.UTF-8"}).stdout
    assert "статьи" in _cli("--help", tmp_path=tmp_path, env_extra={"LANG": "ru_RU.UTF-8"}).stdout
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('language = "ru"\n', encoding="utf-8")
    assert "статьи" in _cli("--help", tmp_path=tmp_path).stdout


def test_errors_and_digest_headings_follow_the_language(tmp_path: Path) -> None:
    missing = _cli("--lang", "ru", "export", str(tmp_path / "нет.txt"), tmp_path=tmp_path)
    assert missing.returncode == 2 and "нет такого файла" in missing.stderr
    article = tmp_path / "a.txt"
    article.write_text("Рост составил 5% за год.\n", encoding="utf-8")
    english = _cli("--lang", "en", "export", str(article), "--format", "markdown", tmp_path=tmp_path)
    assert "## Figures" in english.stdout
    russian = _cli("--lang", "ru", "export", str(article), "--format", "markdown", tmp_path=tmp_path)
    assert "## Цифры" in russian.stdout


@pytest.mark.parametrize("lang,word", [("ru", "Разделы"), ("en", "Sections")])
async def test_the_reader_speaks_the_language(lang: str, word: str) -> None:
    pytest.importorskip("textual")
    from tests.sample import sample_document
    from tui_reader.app.reader_app import ReaderApp

    set_language(lang)
    app = ReaderApp(sample_document())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert str(app.query_one("#sections-label").render()) == word
        footer = " ".join(str(k.description) for k in app.query("FooterKey"))
        assert word in footer
