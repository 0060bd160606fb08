"""``summit-reader export FILE --format json|markdown``."""
from __future__ import annotations

import argparse
import json
import sys

from tui_reader.cli.common import open_for_cli
from tui_reader.i18n import _
from tui_reader.model import to_dict
from tui_reader.terminal_text import for_stream, is_terminal, json_for_terminal


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help=_("article to export (- for standard input, or a URL)"))
    p.add_argument("--format", choices=["json", "markdown"], default="json",
                   help=_("json: the document model; markdown: the who-said-what digest"))


def run(args: argparse.Namespace) -> int:
    doc = open_for_cli(args.file, args)
    if args.format == "json":
        write_json(to_dict(doc))
    else:
        from tui_reader.digest import render_markdown

        sys.stdout.write(for_stream(render_markdown(doc), sys.stdout))
    return 0


def write_json(data: object) -> None:
    """Strict JSON on standard output (a NaN or infinity is refused, not written as
    ``Infinity``); on a terminal the characters it would act on are escaped."""
    if is_terminal(sys.stdout):
        sys.stdout.write(json_for_terminal(json.dumps(data, ensure_ascii=False, allow_nan=False)))
    else:
        json.dump(data, sys.stdout, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")
