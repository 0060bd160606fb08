"""``summit-reader export FILE --format json|markdown``."""
from __future__ import annotations

import json
import sys

from tui_reader.cli.common import open_for_cli
from tui_reader.i18n import _
from tui_reader.model import to_dict


def add_arguments(p) -> None:
    p.add_argument("file", help=_("article to export (- for standard input, or a URL)"))
    p.add_argument("--format", choices=["json", "markdown"], default="json",
                   help=_("json: the document model; markdown: the who-said-what digest"))


def run(args) -> int:
    doc = open_for_cli(args.file, args)
    if args.format == "json":
        json.dump(to_dict(doc), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        from tui_reader.digest import render_markdown

        sys.stdout.write(render_markdown(doc))
    return 0
