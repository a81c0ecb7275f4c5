"""Web pages -> article text and metadata (outlet, headline, author, publication date).

The main text is found by trafilatura (the optional ``web`` extra): navigation, share buttons,
cookie banners, "read more" boxes and comments are left out. Its metadata readers look at
``<meta property="og:...">``, JSON-LD, ``<time>`` and the like. This module decodes the page's
bytes (the declared charset checked against the bytes), calls trafilatura, and cleans what
comes back so that it can be shown: one line per field, no control or bidi characters.

The text returned is the article as Parallax keeps it (``--save`` writes it as ``NAME.txt``);
every offset of the model indexes it. Only :func:`extract_page` needs the extra, and it
imports trafilatura when first called, so ``import alignment`` stays light.
"""

from __future__ import annotations

import codecs
import logging
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import DocumentError
from .safe import clean_field

INSTALL_HINT = "pip install 'parallax-reader[web]'"
PAGE_SUFFIXES = (".html", ".htm")
# A page whose main text has fewer words is not an article (a shell that scripts fill in, a
# login wall, an error page); a short news brief still has more.
MIN_WORDS = 20
# Where a page's <meta charset> must be, by the HTML standard: in the first 1,024 bytes; a
# little more is read for pages that put a long comment first.
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
# Labels that browsers read as windows-1252 (WHATWG Encoding): a page that says latin-1 means it.
_AS_CP1252 = {"iso8859-1", "ascii", "cp1252"}
_SINGLE_BYTE = re.compile(
    r"^(?:cp125\d|cp437|cp85\d|cp866|cp874|iso8859-\d+|koi8-\w|mac-\w+|ascii)$"
)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Page:
    """An article found in a web page.

    Attributes:
        text: the main text, one paragraph a line; the offsets of the model index it.
        headline: the page's title ("" when it has none).
        outlet: the site's name from its metadata, "" when it gives none (the host name is
            no outlet's name: a web article's id is its host already).
        author: the byline ("" when unknown); several authors are joined by "; ".
        published: the publication date from the metadata, None when the page gives none.
        url: the page's own address (its canonical link, else the address it came from).
        encoding: the codec the bytes were decoded with.
        warnings: doubts on the way (a charset that did not fit the bytes), one line each.
    """

    text: str
    headline: str = ""
    outlet: str = ""
    author: str = ""
    published: date | None = None
    url: str = ""
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


def is_page_name(name: str) -> bool:
    """True for a saved web page's file name (``.html``, ``.htm``, any case)."""
    return name.lower().endswith(PAGE_SUFFIXES)


def available() -> bool:
    """Whether the ``web`` extra (trafilatura) is installed."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def clean_text(text: str) -> str:
    """Article text without control characters (tabs and line ends kept), lines stripped of
    trailing spaces, no empty lines at either end."""
    lines = [_CONTROLS.sub("", line).rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset a page declares, as a Python codec name: a byte-order mark first, then
    the HTTP header's ``charset``, then a ``<meta charset>`` near the top. None when there
    is none or the name is no codec Python knows."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    names = [header] if header else []
    found = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if found:
        names.append(found.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            return codecs.lookup(name.strip()).name
        except LookupError:
            continue
    return None


def decode_page(
    data: bytes,
    *,
    header: str | None,
    fallback: Callable[[bytes], tuple[str, str]],
    where: str,
) -> tuple[str, str, tuple[str, ...]]:
    """Decode a page's bytes with the charset it declares, when the bytes fit it.

    A page that declares a single-byte charset but whose bytes are UTF-8 with non-ASCII
    characters is read as UTF-8 (a CMS that sends a wrong header is common; a single-byte
    text that happens to be valid UTF-8 is very rare). A declaration the bytes do not fit,
    or none at all, leaves the decision to ``fallback``.

    Args:
        data: the page's bytes.
        header: the charset of the HTTP ``Content-Type`` header, when the page came from one.
        fallback: decodes bytes without a declaration (``alignment.load.decode``).
        where: the page's address or file, for warnings.

    Returns:
        The text, the codec used, and warnings about the declaration.
    """
    codec = declared_charset(data, header)
    if codec is None:
        text, used = fallback(data)
        return text, used, ()
    said = codec
    if codec in _AS_CP1252:
        codec = "cp1252"
    if _SINGLE_BYTE.match(codec) and not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8", (f"{where}: declares {said}, read as UTF-8",)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text, used = fallback(data)
        return text, used, (f"{where}: declares {said}, which does not fit; read as {used}",)
    return text.removeprefix("\ufeff"), codec, ()


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _host(url: str) -> str:
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return clean_field(host.removeprefix("www."))


def _own_address(value: object) -> str:
    """The address a saved page gives for itself (canonical link, og:url), when it is one."""
    address = clean_field(value)
    return address if address.lower().startswith(("http://", "https://")) else ""


def _trafilatura() -> Any:
    """The extractor module; a DocumentError with the install hint when it is missing."""
    try:
        import trafilatura
    except ImportError:
        raise DocumentError(f"reading web pages needs the web extra ({INSTALL_HINT})") from None
    # Its loggers warn about every odd page on stderr; the caller reports what matters.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
    return trafilatura


def extract_page(html: str, *, url: str = "", where: str, encoding: str = "utf-8") -> Page:
    """The article of one page: main text without the site around it, and its metadata.

    Args:
        html: the page, decoded (see :func:`decode_page`).
        url: the address it came from ("" for a saved page); used to resolve links and as
            the outlet's last resort (its host name).
        where: the address or file, for messages.
        encoding: the codec ``html`` was decoded with, kept on the result.

    Returns:
        The article.

    Raises:
        DocumentError: the ``web`` extra is not installed, or the page holds no article
            text (fewer than ``MIN_WORDS`` words: a page built by scripts, an error page).
    """
    trafilatura = _trafilatura()
    try:
        found = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # Only what the page says about itself, not a date guessed from its text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, LookupError) as exc:  # lxml refuses some inputs outright
        raise DocumentError(f"{where}: not readable as HTML ({exc})") from None
    text = clean_text(getattr(found, "text", None) or "") if found is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise DocumentError(
            f"{where}: no article text found (a page built by scripts, or not an article)"
        )
    assert found is not None
    # Without a site name in the metadata trafilatura gives the host: that names no outlet.
    address = url or _own_address(getattr(found, "url", None))
    site = clean_field(getattr(found, "sitename", None))
    try:
        netloc = urllib.parse.urlsplit(address).netloc.lower()
    except ValueError:
        netloc = ""
    hosts = (
        "",
        netloc,
        netloc.removeprefix("www."),
        getattr(found, "hostname", ""),
        _host(address),
    )
    if site.lower() in hosts:
        site = ""
    return Page(
        text=text,
        headline=clean_field(getattr(found, "title", None)),
        outlet=site,
        author=clean_field(getattr(found, "author", None)),
        published=_iso_date(getattr(found, "date", None)),
        url=url or _own_address(getattr(found, "url", None)),
        encoding=encoding,
    )


__all__ = [
    "INSTALL_HINT",
    "PAGE_SUFFIXES",
    "Page",
    "available",
    "declared_charset",
    "decode_page",
    "extract_page",
    "is_page_name",
]
