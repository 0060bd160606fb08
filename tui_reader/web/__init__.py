"""The web door: fetching pages and feeds (httpx, feedparser).  No Textual here.

* ``fetch`` — one careful GET (timeouts, ≤5 redirects, a 10 MB cap, User-Agent).
* ``article.fetch_article`` — a page through the URL cache (ETag/Last-Modified,
  ``offline``); what the pipeline's URL door and ``library add URL`` call.
* ``charset`` — the header's charset, when the bytes agree with it.
* ``feeds`` — RSS/Atom → items; ``read_state`` — which items were read.
* ``page_cache`` — pages by URL on disk.

httpx and feedparser are imported only when a URL is actually opened.
"""
from tui_reader.web.fetch import Fetched, FetchError, is_url

__all__ = ["FetchError", "Fetched", "is_url"]
