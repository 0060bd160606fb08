"""A real HTTP server on 127.0.0.1 for the web tests (the standard library's, threaded).

Each route is a function ``(request) -> Reply``; a test registers routes and reads
``server.url(path)``.  Nothing here reaches past the machine.  Also: the pages the
tests serve (sentences written for these tests) and the feeds that list them.
"""
from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes | Iterable[bytes] = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a stalling server)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # a client hanging up is no error here


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], Reply]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, headers) as received
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # (the standard library's name for it)
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path.split("?")[0])
                reply = route(self) if route else Reply(b"not here", 404)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    body = reply.body
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if isinstance(body, bytes):
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                    else:
                        if "Content-Length" not in reply.headers:
                            self.send_header("Connection", "close")
                        self.end_headers()
                        for chunk in body:
                            self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (the size cap): as it should

            def log_message(self, *args) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def route(self, path: str, reply: Reply | Callable) -> None:
        self.routes[path] = reply if callable(reply) else (lambda _request: reply)

    def start(self) -> Server:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- what the server serves --------------------------------------------------------

ARTICLE_TITLE = "Городской совет обсудил новый мост"
PARAGRAPHS = [
    "Городской совет в четверг обсудил строительство нового моста через реку.",
    "«Мост будет готов через два года», — заявил мэр города Пётр Соколов.",
    "По словам главного инженера Анны Белевой, проект обойдётся в 4 млрд рублей.",
    "Жители собрали 12 тысяч подписей в поддержку стройки.",
]
SUBHEADING = "Что скажут жители"
MORE = [
    "Депутат Игорь Малинин сообщил, что публичные слушания пройдут в марте.",
    "«Мы выслушаем каждого», — добавил он.",
]


def article_html(title: str = ARTICLE_TITLE, charset: str | None = "utf-8", paragraphs=None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    more = "".join(f"<p>{p}</p>" for p in MORE)
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>"
            '<meta name="author" content="Мария Журавлёва">'
            '<meta property="article:published_time" content="2026-11-30T09:00:00+03:00">'
            f"</head><body><nav><a href='/'>Главная</a> <a href='/news'>Новости</a></nav>"
            f"<article><h1>{title}</h1>{body}<h2>{SUBHEADING}</h2>{more}</article>"
            "<footer>© Городская газета</footer></body></html>")


def rss(items: list[tuple[str, str, str, str]], title: str = "Городская газета") -> bytes:
    """An RSS 2.0 feed; items are (title, link, description, pubDate), titles already escaped."""
    parts = [f"<item><title>{t}</title><link>{link}</link><description>{d}</description>"
             f"<pubDate>{date}</pubDate><guid>{link}</guid></item>" for t, link, d, date in items]
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link><description>Новости</description>"
            + "".join(parts) + "</channel></rss>").encode("utf-8")


def rfc822(days_ago: float) -> str:
    return format_datetime(datetime(2026, 12, 1, 12, tzinfo=UTC) - timedelta(days=days_ago))


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)
