"""Keep the interface's translations up to date (a developer's tool, not shipped).

    python tools/i18n_catalogs.py extract   # every msgid in the source → the .pot, new ones into each .po
    python tools/i18n_catalogs.py compile   # each .po → its .mo (what the package loads)

The msgids are found with ``ast``: the first argument of ``_()``, the first two of
``ngettext()``, and the description of every ``Binding(...)`` (the footer shows them;
``ReaderFooter`` translates them).  Babel reads and writes the catalogs.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tui_reader"
LOCALE = PACKAGE / "locale"
DOMAIN = "summit_reader"
LANGUAGES = ("ru", "en")


def msgids(package: Path = PACKAGE) -> dict[str | tuple[str, str], list[str]]:
    """msgid (or (singular, plural)) → where it is used ("path:line")."""
    found: dict[str | tuple[str, str], list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else None
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            key: str | tuple[str, str] | None = None
            if name == "_" and args and args[0]:
                key = args[0]
            elif name == "ngettext" and len(args) >= 2 and args[0] and args[1]:
                key = (args[0], args[1])
            elif name == "Binding":
                description = args[2] if len(args) > 2 else None
                for kw in node.keywords:
                    if kw.arg == "description" and isinstance(kw.value, ast.Constant):
                        description = kw.value.value
                key = description or None
            if key:
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(key, []).append(where)
    return found


def extract() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    ids = msgids()
    template = Catalog(project="summit-reader", domain=DOMAIN)
    for key, places in ids.items():
        template.add(key, locations=[(p.rsplit(":", 1)[0], int(p.rsplit(":", 1)[1])) for p in places])
    LOCALE.mkdir(exist_ok=True)
    with open(LOCALE / f"{DOMAIN}.pot", "wb") as f:
        write_po(f, template, width=100, omit_header=False)
    for lang in LANGUAGES:
        po = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if po.exists():
            with open(po, "rb") as f:
                catalog = read_po(f, locale=lang)
        else:
            catalog = Catalog(locale=lang, project="summit-reader", domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        if lang == "en":  # the source language: every msgstr is its msgid
            for message in catalog:
                if message.id and not _translated(message):
                    message.string = message.id
        with open(po, "wb") as f:
            write_po(f, catalog, width=100, ignore_obsolete=True)
        missing = [m.id for m in catalog if m.id and not _translated(m)]
        print(f"{po.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} untranslated")


def _translated(message) -> bool:
    string = message.string
    return bool(string) if isinstance(string, str) else bool(string) and all(string)


def compile_catalogs() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for lang in LANGUAGES:
        po = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        with open(po, "rb") as f:
            catalog = read_po(f, locale=lang)
        with open(po.with_suffix(".mo"), "wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        print(f"{po.with_suffix('.mo').relative_to(ROOT)}: {len(catalog)} messages")


if __name__ == "__main__":
    {"extract": extract, "compile": compile_catalogs}[sys.argv[1]]()
