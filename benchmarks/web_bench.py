"""A web article reopened (URL cache revalidated with a 304, model from the cache)
against the same page opened as a local file: ``summit-reader export``, whole
processes, alternated round by round, medians.  The page is served by a local
server (tests/web_server.py); nothing leaves the machine.

    .venv/bin/python benchmarks/web_bench.py [--rounds 9]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web_server import Reply, Server, article_html  # noqa: E402

READER = [str(Path(sys.executable).parent / "summit-reader")]


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    rounds = parser.parse_args().rounds
    page = article_html().encode()

    def answer(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304, headers={"ETag": '"v1"'})
        return Reply(page, headers={"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'})

    server = Server().start()
    server.route("/article", answer)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, **{f"SUMMIT_READER_{d}_DIR": f"{tmp}/{d.lower()}" for d in ("CACHE", "STATE", "CONFIG")}}
        file = Path(tmp) / "article.html"
        file.write_bytes(page)
        commands = {"URL": [*READER, "export", server.url("/article")], "file": [*READER, "export", str(file)]}
        for argv in commands.values():
            timed(argv, env)  # the model into the cache, the page into the URL cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, argv in commands.items():
                times[name].append(timed(argv, env))
    server.stop()
    url, local = statistics.median(times["URL"]), statistics.median(times["file"])
    print(f"export of a cached web article (304 + model cache): {url:.3f} s")
    print(f"export of the same page as a file (model cache):    {local:.3f} s")
    print(f"ratio: {url / local:.2f}x over {rounds} rounds")


if __name__ == "__main__":
    main()
