"""Web addresses -> the bytes of their pages: polite, bounded fetching and a page cache.

Fetching uses the standard library (``urllib``) and is bounded on every side: a user agent
that names Parallax, a time limit per page (``fetch_timeout`` in the config; redirects
included, and a server that trickles its answer is cut off after at most twice that), at most
``MAX_PARALLEL`` pages at once, at most ``MAX_REDIRECTS`` redirects (a loop is named as such),
at most ``MAX_PAGE_BYTES`` bytes, and only HTML (a PDF or an image is refused before its body
is read). Each problem is a :class:`FetchError` whose message names the address and why.

Fetched pages are kept in the user's cache folder (``$PARALLAX_CACHE_DIR/pages``, else
``$XDG_CACHE_HOME/parallax/pages``, else ``~/.cache/parallax/pages``), at most
``MAX_CACHED_PAGES`` of them (the oldest go first), so a second run reads them from disk;
``refresh`` fetches anew. The cache only saves time: a folder that cannot be written means no
cache, never an error.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http
import json
import os
import secrets
import socket
import time
import urllib.parse
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DocumentError, os_reason
from .safe import clean_field

# Every run imports this module (``load`` reads local files and web addresses alike); the
# HTTP client (``http.client``, ``urllib.request``, the ``email`` parser they bring) is
# imported only by a run that fetches.
if TYPE_CHECKING:
    import http.client
    import urllib.request


@functools.cache
def user_agent() -> str:
    """The ``User-Agent`` of every request: ``Parallax/VERSION (+reader)``."""
    import importlib.metadata

    try:
        version = importlib.metadata.version("parallax-reader")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout
        version = "dev"
    return f"Parallax/{version} (+reader)"


MAX_PARALLEL = 4
MAX_REDIRECTS = 5
MAX_PAGE_BYTES = 5_000_000
MAX_CACHED_PAGES = 500
HTML_TYPES = ("text/html", "application/xhtml+xml")
CACHE_SUBDIR = "pages"
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024

Progress = Callable[[int, int], None]


class FetchError(DocumentError):
    """A web address that gave no usable page; the message names it and says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.title = "Page not read"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as the server sent it.

    Attributes:
        address: the address as given.
        url: the address the page came from, after redirects.
        body: the page's bytes (decompressed when the server compressed them).
        charset: the charset of the ``Content-Type`` header, None when it names none.
        cached: read from the cache rather than the network.
    """

    address: str
    url: str
    body: bytes
    charset: str | None = None
    cached: bool = False


def is_address(text: str) -> bool:
    """True for an ``http://`` or ``https://`` address (any case)."""
    return text[:8].lower().startswith(("http://", "https://"))


def normal_address(address: str) -> str:
    """The address without its fragment (``#comments`` names the same page) and with the
    scheme and host in lower case: the key for duplicates and the cache."""
    parts = urllib.parse.urlsplit(address.strip())
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def _opener() -> urllib.request.OpenerDirector:
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        """Redirects come back as errors, so that ``fetch`` counts them and spots loops."""

        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    return urllib.request.build_opener(NoRedirect)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _reason(exc: BaseException) -> str:
    """Words for why a connection failed ("connection refused", "name not known")."""
    import urllib.error

    inner = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(inner, TimeoutError):
        return "timed out"
    if isinstance(inner, socket.gaierror):
        return "no such host"
    if isinstance(inner, OSError):
        return os_reason(inner)
    return str(inner) or type(inner).__name__


def _read_body(
    response: http.client.HTTPResponse, address: str, deadline: float, timeout: float, cap: int
) -> bytes:
    """The body, at most ``cap`` bytes, read before ``deadline``."""
    import http.client

    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > cap:
        raise FetchError(
            f"{address}: page too large ({_megabytes(int(length))}, the limit is {_megabytes(cap)})"
        )
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{address}: no complete answer within {timeout:g} s")
        try:
            chunk = response.read1(_CHUNK)
        except TimeoutError:
            raise FetchError(f"{address}: no complete answer within {timeout:g} s") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"{address}: the connection broke ({_reason(exc)})") from None
        if not chunk:
            break
        size += len(chunk)
        if size > cap:
            raise FetchError(f"{address}: page too large (over {_megabytes(cap)})")
        chunks.append(chunk)
    return b"".join(chunks)


def _decompress(body: bytes, coding: str, address: str, cap: int) -> bytes:
    """Undo a ``Content-Encoding`` the server used although none was asked for."""
    coding = clean_field(coding).lower()[:40]
    if coding in ("", "identity"):
        return body
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"{address}: compressed as {coding}, which Parallax cannot read")
    inflater = zlib.decompressobj(47)  # 32 + 15: gzip or zlib header, detected
    try:
        data = inflater.decompress(body, cap + 1)
    except zlib.error:
        raise FetchError(f"{address}: the compressed page is damaged") from None
    if len(data) > cap or inflater.unconsumed_tail:
        raise FetchError(f"{address}: page too large (over {_megabytes(cap)} unpacked)")
    return data


def _status(code: int) -> str:
    """ "404 Not Found": the code with the standard's words (not the server's own)."""
    try:
        return f"{code} {http.HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<!--", b"<meta", b"<body"))


def fetch(
    address: str,
    *,
    timeout: float,
    max_bytes: int = MAX_PAGE_BYTES,
    opener: urllib.request.OpenerDirector | None = None,
) -> Fetched:
    """Fetch one page, following at most ``MAX_REDIRECTS`` redirects.

    Args:
        address: an ``http://`` or ``https://`` address.
        timeout: seconds for the whole page, redirects included.
        max_bytes: the largest body accepted.
        opener: the urllib opener (one that does not follow redirects itself).

    Returns:
        The page.

    Raises:
        FetchError: the address is not one, does not answer, answers with an error
            status, redirects in a loop or too often, is not HTML, or is too large.
    """
    import http.client
    import urllib.error
    import urllib.request

    opener = opener or _opener()
    deadline = time.monotonic() + timeout
    url = address.strip()
    visited = [normal_address(url)]
    for _ in range(MAX_REDIRECTS + 1):
        if not is_address(url):
            raise FetchError(f"{address}: redirected to {url!r}, which is not a web address")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"{address}: no complete answer within {timeout:g} s")
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": user_agent(),
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "identity",
            },
        )
        try:
            response = opener.open(request, timeout=remaining)
        except urllib.error.HTTPError as exc:
            with contextlib.closing(exc):
                location = exc.headers.get("Location") if exc.code in _REDIRECTS else None
                if exc.code in _REDIRECTS and not location:
                    raise FetchError(f"{address}: redirect ({exc.code}) to nowhere") from None
                if location is None:
                    raise FetchError(
                        f"{address}: the server answered {_status(exc.code)}"
                    ) from None
            url = urllib.parse.urljoin(url, location.strip())
            key = normal_address(url) if is_address(url) else url
            if key in visited:
                raise FetchError(f"{address}: redirects in a loop") from None
            visited.append(key)
            continue
        except TimeoutError:
            raise FetchError(f"{address}: no answer within {timeout:g} s") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise FetchError(f"{address}: no answer within {timeout:g} s") from None
            raise FetchError(f"{address}: does not answer ({_reason(exc)})") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(f"{address}: does not answer ({_reason(exc)})") from None
        except ValueError:
            raise FetchError(f"{address}: not a usable web address") from None
        with response:
            content_type = clean_field(response.headers.get_content_type())[:80]
            declared = response.headers.get("Content-Type")
            if declared and content_type not in HTML_TYPES:
                raise FetchError(f"{address}: not a web page ({content_type})")
            body = _read_body(response, address, deadline, timeout, max_bytes)
            body = _decompress(
                body, response.headers.get("Content-Encoding", ""), address, max_bytes
            )
            if not declared and not _looks_like_html(body):
                raise FetchError(f"{address}: not a web page (no content type, not HTML)")
            return Fetched(
                address=address,
                url=response.geturl() or url,
                body=body,
                charset=response.headers.get_content_charset(),
            )
    raise FetchError(f"{address}: more than {MAX_REDIRECTS} redirects")


class PageCache:
    """Pages fetched before, one ``KEY.html`` and ``KEY.json`` per address, at most
    ``max_pages`` of them (the least recently written go first).

    Args:
        folder: where the pages are kept; created when first written.
        max_pages: how many pages to keep.
    """

    def __init__(self, folder: Path, *, max_pages: int = MAX_CACHED_PAGES) -> None:
        self.folder = folder
        self.max_pages = max_pages

    @classmethod
    def default(cls) -> PageCache:
        """The cache in the user's cache folder (beside the embeddings)."""
        from .disk_cache import default_cache_dir

        return cls(default_cache_dir() / CACHE_SUBDIR)

    def _key(self, address: str) -> str:
        return hashlib.sha256(normal_address(address).encode("utf-8")).hexdigest()[:40]

    def get(self, address: str) -> Fetched | None:
        """The cached page of ``address``, None when there is none (or it is unreadable)."""
        key = self._key(address)
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            body = (self.folder / f"{key}.html").read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("address") != normal_address(address):
            return None
        if meta.get("size") != len(body):  # a page cut short by a crash is no page
            return None
        charset = meta.get("charset")
        return Fetched(
            address=address,
            url=str(meta.get("url") or address),
            body=body,
            charset=charset if isinstance(charset, str) else None,
            cached=True,
        )

    def put(self, page: Fetched) -> None:
        """Keep ``page``; problems writing are ignored (the cache only saves time)."""
        key = self._key(page.address)
        meta = {
            "address": normal_address(page.address),
            "url": page.url,
            "charset": page.charset,
            "size": len(page.body),
            "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # The body first: a meta file is only ever beside a complete body.
            _replace(self.folder / f"{key}.html", page.body)
            _replace(self.folder / f"{key}.json", json.dumps(meta).encode("utf-8"))
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        metas = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in metas[: max(0, len(metas) - self.max_pages)]:
            for path in (old, old.with_suffix(".html")):
                with contextlib.suppress(OSError):
                    path.unlink()


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def fetch_all(
    addresses: Sequence[str],
    *,
    timeout: float,
    cache: PageCache | None = None,
    refresh: bool = False,
    progress: Progress | None = None,
    max_bytes: int = MAX_PAGE_BYTES,
) -> list[Fetched | FetchError]:
    """Fetch several pages, at most ``MAX_PARALLEL`` at once; cached ones are not fetched.

    Args:
        addresses: the web addresses, in order.
        timeout: seconds per page.
        cache: where fetched pages are kept and looked up; None for no cache.
        refresh: fetch every page anew (and update the cache).
        progress: called with (pages done, pages in all) as pages arrive.
        max_bytes: the largest page accepted.

    Returns:
        Per address, in order, the page or the reason it could not be had.
    """
    results: list[Fetched | FetchError | None] = [None] * len(addresses)
    todo: list[int] = []
    for k, address in enumerate(addresses):
        hit = None if refresh or cache is None else cache.get(address)
        if hit is None:
            todo.append(k)
        else:
            results[k] = hit
    done = len(addresses) - len(todo)
    if progress is not None:
        progress(done, len(addresses))

    def one(k: int) -> Fetched | FetchError:
        try:
            page = fetch(addresses[k], timeout=timeout, max_bytes=max_bytes)
        except FetchError as exc:
            return exc
        if cache is not None:
            cache.put(page)
        return page

    if todo:
        with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(todo))) as pool:
            futures = {pool.submit(one, k): k for k in todo}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                done += 1
                if progress is not None:
                    progress(done, len(addresses))
    return [r for r in results if r is not None]


__all__ = [
    "MAX_PAGE_BYTES",
    "MAX_PARALLEL",
    "MAX_REDIRECTS",
    "FetchError",
    "Fetched",
    "PageCache",
    "fetch",
    "fetch_all",
    "is_address",
    "normal_address",
    "user_agent",
]
