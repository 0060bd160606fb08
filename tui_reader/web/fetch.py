"""One HTTP GET, done carefully: timeouts, few redirects, a size cap, a named User-Agent.

httpx does the protocol (redirects, gzip/deflate/br decoding, timeouts); this
module adds the limits a reader needs and turns every failure into ``FetchError``
with a one-line message.  The cap counts *decoded* bytes, so a small gzip bomb is
cut like a large page: reading stops at the cap and the page is marked
``truncated`` (the first 10 MB of a news page hold its article).

Timeouts come from the caller, else ``$SUMMIT_READER_TIMEOUT`` (seconds; tests set
it short), else ``READ_TIMEOUT``.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from tui_reader import __version__
from tui_reader.i18n import _

MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
TIMEOUT_ENV = "SUMMIT_READER_TIMEOUT"
USER_AGENT = f"summit-reader/{__version__} (terminal news reader)"


class FetchError(Exception):
    """A page that could not be fetched; the message is one line for the user.
    ``status``: the HTTP status when the server answered with an error."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Fetched:
    content: bytes
    final_url: str  # after redirects
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    status: int = 200
    truncated: bool = False  # cut at the size cap
    from_cache: bool = False  # served from the page cache (not modified, or offline)
    url: str = ""  # what was asked for
    notes: list[str] = field(default_factory=list)  # what the reader should be told

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, if any."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _sep, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip().strip("\"'"):
                return value.strip().strip("\"'")
        return None


def is_url(text: str) -> bool:
    return str(text).lower().startswith(("http://", "https://"))


def timeout_seconds(timeout: float | None = None) -> float:
    if timeout is not None:
        return timeout
    try:
        return float(os.environ.get(TIMEOUT_ENV, "")) or READ_TIMEOUT
    except ValueError:
        return READ_TIMEOUT


def fetch(url: str, *, timeout: float | None = None, max_bytes: int = MAX_BYTES,
          headers: dict[str, str] | None = None) -> Fetched:
    """GET ``url``; a 304 comes back as ``status=304`` with no content (the caller
    asked with validators); any other status from 400 up is a ``FetchError``."""
    import httpx

    seconds = timeout_seconds(timeout)
    limits = httpx.Timeout(seconds, connect=min(seconds, CONNECT_TIMEOUT))
    # A server that sends a byte every few seconds never trips the read timeout:
    # the whole transfer gets a deadline too.
    deadline = time.monotonic() + max(seconds * 3, seconds + 5)
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=limits,
                          headers={"User-Agent": USER_AGENT}) as client, \
                client.stream("GET", url, headers=headers or {}) as response:
            final = str(response.url)
            got = {k.lower(): v for k, v in response.headers.items()}
            if response.status_code == 304:
                return Fetched(b"", final, got, 304, url=url)
            if response.status_code >= 400:
                reason = response.reason_phrase or ""
                raise FetchError(_("{url}: the server answered {status} {reason}").format(
                    url=final, status=response.status_code, reason=reason).rstrip(), response.status_code)
            body = bytearray()
            truncated = False
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:  # a page of exactly the cap is whole
                    del body[max_bytes:]
                    truncated = True
                    break
                if time.monotonic() > deadline:
                    raise FetchError(_("{url}: timed out (the page kept coming for {seconds:.0f} s)").format(
                        url=url, seconds=seconds * 3))
            return Fetched(bytes(body), final, got, response.status_code, truncated, url=url)
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(_("{url}: too many redirects (more than {n})").format(url=url, n=MAX_REDIRECTS)) from None
    except httpx.TimeoutException:
        raise FetchError(_("{url}: timed out (no answer in {seconds:g} s)").format(url=url, seconds=seconds)) from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL, ValueError):
        raise FetchError(_("{url}: not a web address summit-reader can open").format(url=url)) from None
    except httpx.ConnectError as e:
        raise FetchError(_("{url}: cannot connect ({reason})").format(url=url, reason=_reason(e))) from None
    except httpx.DecodingError:
        raise FetchError(_("{url}: the server sent a damaged compressed page").format(url=url)) from None
    except httpx.HTTPError as e:
        raise FetchError(_("{url}: the transfer failed ({reason})").format(url=url, reason=_reason(e))) from None


def _reason(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[-1][:120] if text else type(e).__name__
