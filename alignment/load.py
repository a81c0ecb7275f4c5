"""The one place that turns what the user names into Documents (and warnings).

Text files and folders are read here; web addresses are fetched by ``alignment.web`` and web
pages (fetched or saved) turned into article text and metadata by ``alignment.extract``.
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import os
import re
import stat
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from . import extract, web
from .errors import DocumentError, os_reason
from .model import Document
from .safe import clean_field, is_blank


def _seeds_dir() -> Path:
    """The bundled seeds: ``alignment/seeds`` in an installed wheel (setuptools maps the
    repository's top-level ``seeds/`` there), else ``seeds/`` beside the package in a clone."""
    packaged = Path(str(resources.files("alignment") / "seeds"))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


SEEDS_DIR = _seeds_dir()
SOURCES_FILE = "sources.yaml"
# Tried in order when a file is not valid UTF-8; latin-1 decodes any byte, so it ends the list.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
MAX_FILE_BYTES = 20_000_000  # an article larger than this is refused (max_file_bytes)
MAX_YAML_BYTES = 1_000_000  # sources.yaml and the config: far more than any real one needs
# A well-formed multi-byte UTF-8 sequence (what a UTF-8 file with one stray byte is full of).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)
try:  # libyaml's parser is about ten times faster than the pure-Python one
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - pyyaml built without libyaml
    from yaml import SafeLoader as _YamlLoader


# The fields of a sources.yaml entry that Documents carry.
SOURCE_FIELDS = ("outlet", "headline", "author", "date", "url")
DEFAULT_FETCH_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class Loaded:
    """Documents ready to align, and what was skipped or doubtful on the way.

    Attributes:
        documents: the usable articles, in order.
        warnings: one line per source skipped or doubtful.
        pages: per document, the web page it was read from as bytes (fetched or saved),
            None for a text file; empty when nobody filled it in.
    """

    documents: tuple[Document, ...]
    warnings: tuple[str, ...]
    pages: tuple[bytes | None, ...] = ()


@dataclass(frozen=True, slots=True)
class _Entry:
    """A file to read, or a web address (``address``, then ``path`` is empty); ``named`` when
    the user gave it (its problems are errors, not warnings)."""

    path: Path
    named: bool
    address: str = ""


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A parsed YAML text and where its top-level keys are.

    Attributes:
        data: the value, as ``yaml.safe_load`` builds it.
        lines: top-level key -> line (1-based) of its first occurrence.
        repeated: (key, line, first line) for each top-level key given again.
    """

    data: Any
    lines: dict[str, int]
    repeated: tuple[tuple[str, int, int], ...]


class FileRefused(DocumentError):
    """A file that is not read: ``"{path}: {reason}"``; in a folder it is skipped instead."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class YamlAliasError(ValueError):
    """The YAML uses an anchor and alias (``&a`` / ``*a``), which Parallax refuses."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: anchors and aliases (&name, *name) are not accepted")
        self.line = line


def default_paths() -> list[Path]:
    """The bundled seeds: the story shown when no path is given."""
    return [SEEDS_DIR]


def size_text(limit: int) -> str:
    """A byte count for people: "20 MB", "1.5 MB", "900 bytes"."""
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    return f"{limit / 1000:g} kB" if limit >= 1000 else f"{limit} bytes"


def _kind(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe (FIFO)", ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: Path, limit: int, *, setting: str = "") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, read with that bound.

    A named pipe, a device or a socket is refused before it is read (reading one can wait
    forever or never end); the check is repeated on the opened file, and the read stops at
    ``limit + 1`` bytes whatever the size the system reported.

    Args:
        path: the file.
        limit: the largest size accepted, in bytes.
        setting: the config key that sets ``limit``, named when the file is too large.

    Raises:
        FileRefused: not a regular file, or larger than ``limit``.
        DocumentError: the path is missing or cannot be read; the message names the path.
    """
    try:
        kind = _kind(os.stat(path).st_mode)
        if kind is not None:
            raise FileRefused(path, f"is {kind}, not a regular file")
        # O_NONBLOCK: if a pipe took the file's place meanwhile, opening it does not wait.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise DocumentError(f"{path}: no such file or folder") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({os_reason(exc)})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise FileRefused(path, f"is {kind}, not a regular file")
        where = f" ({setting} in the config)" if setting else ""
        too_big = FileRefused(path, f"larger than {size_text(limit)}{where}")
        if info.st_size > limit:
            raise too_big
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise DocumentError(f"{path}: cannot be read ({os_reason(exc)})") from None
    if len(data) > limit:
        raise too_big
    return data


def parse_yaml(text: str) -> YamlDocument:
    """Parse YAML safely: libyaml's ``CSafeLoader`` when present, anchors and aliases refused.

    An alias lets a few lines stand for an exponential amount of data (a "billion laughs"
    bomb); no config or ``sources.yaml`` needs one, so any node met twice is refused before
    anything is built.

    Raises:
        yaml.YAMLError: the text is not YAML.
        YamlAliasError: the text uses an alias.
    """
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {}, ())
        seen: set[int] = set()
        todo: list[Any] = [node]
        while todo:
            current = todo.pop()
            if id(current) in seen:
                raise YamlAliasError(current.start_mark.line + 1)
            seen.add(id(current))
            if isinstance(current, yaml.MappingNode):
                todo.extend(part for pair in current.value for part in pair)
            elif isinstance(current, yaml.SequenceNode):
                todo.extend(current.value)
        lines: dict[str, int] = {}
        repeated: list[tuple[str, int, int]] = []
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                key, line = str(key_node.value), key_node.start_mark.line + 1
                if key in lines:
                    repeated.append((key, line, lines[key]))
                else:
                    lines[key] = line
        return YamlDocument(loader.construct_document(node), lines, tuple(repeated))
    finally:
        loader.dispose()


def _link_problem(entry: Path, folder: Path) -> str | None:
    """Why a symbolic link inside a folder is not read, or None when it is fine to follow."""
    try:
        real = Path(os.path.realpath(entry, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        return "a broken symbolic link"
    inside = Path(os.path.realpath(folder))
    if not real.is_relative_to(inside):
        return (
            "a symbolic link to a file outside the folder "
            "(name the file itself on the command line to read it)"
        )
    return None


def _article_names(names: list[str], listed: list[str]) -> list[str]:
    """The article files among a folder's ``names``: ``*.txt`` and saved pages (``*.html``,
    ``*.htm``), except a page beside a ``.txt`` of the same name (``--save`` keeps the page
    a text came from; the text is the article). Those ``listed`` in sources.yaml (stems, in
    its order) come first, the others after them by name."""
    texts = {Path(n).stem for n in names if n.endswith(".txt")}
    found = sorted(
        n
        for n in names
        if n.endswith(".txt") or (extract.is_page_name(n) and Path(n).stem not in texts)
    )
    rank = {stem: k for k, stem in enumerate(listed)}
    return sorted(found, key=lambda n: (rank.get(Path(n).stem, len(rank)), n))


def _scan(folder: Path, warnings: list[str], listed: list[str]) -> list[Path]:
    """A folder's article files (see ``_article_names``); other entries skipped with a
    warning."""
    try:
        with os.scandir(folder) as entries:
            names = _article_names([e.name for e in entries], listed)
    except OSError as exc:
        raise DocumentError(f"{folder}: cannot list folder ({os_reason(exc)})") from None
    found: list[Path] = []
    for name in names:
        entry = folder / name
        problem = _link_problem(entry, folder) if entry.is_symlink() else None
        if problem is None:
            try:
                problem = _kind(entry.stat().st_mode)
            except OSError as exc:
                problem = f"cannot be read ({os_reason(exc)})"
            if problem == "a folder":
                continue  # a folder named like an article: subfolders are not read
        if problem is None:
            found.append(entry)
        else:
            warnings.append(f"{entry}: skipped, {problem}")
    return found


def _expand(
    paths: list[str | Path],
    warnings: list[str],
    meta: dict[Path, dict[str, dict[str, str]]],
) -> list[_Entry]:
    files: list[_Entry] = []
    for given in paths:
        if isinstance(given, str) and web.is_address(given):
            files.append(_Entry(Path(), named=True, address=given.strip()))
            continue
        path = Path(given)
        try:
            info = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            raise DocumentError(f"{path}: no such file or folder") from None
        except OSError as exc:
            raise DocumentError(f"{path}: cannot be read ({os_reason(exc)})") from None
        if stat.S_ISDIR(info.st_mode):
            skipped = len(warnings)
            found = _scan(path, warnings, list(_sources(path, meta, warnings)))
            if not found:
                why = " usable" if len(warnings) > skipped else ""
                raise DocumentError(f"{path}: no{why} *.txt or *.html files in this folder")
            files.extend(_Entry(f, named=False) for f in found)
        else:
            kind = _kind(info.st_mode)
            if kind is not None:
                raise FileRefused(path, f"is {kind}, not a regular file")
            if not os.access(path, os.R_OK):
                raise DocumentError(f"{path}: cannot be read (permission denied)")
            files.append(_Entry(path, named=True))
    return files


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (a BOM is kept as text), else the first fallback that works.

    Text that is UTF-8 but for a few stray bytes (more well-formed multi-byte sequences than
    bad bytes) stays UTF-8: each bad sequence becomes U+FFFD, one character (``stray_utf8``
    says where they were). Otherwise the file is taken for a legacy 8-bit encoding.

    Returns:
        The text and the name of the codec used ("utf-8", "cp1252" or "latin-1").
    """
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if stray_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    for codec in FALLBACK_ENCODINGS:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def stray_utf8(data: bytes) -> tuple[int, int] | None:
    """(byte offset of the first bad byte, number of bad sequences) when ``data`` is UTF-8 with
    a few stray bytes, None when it is valid UTF-8 or looks like another encoding.

    It counts as UTF-8 when its well-formed multi-byte sequences outnumber its bad ones: a
    cp1252 or latin-1 text has almost none (an accented letter followed by ASCII is a bad
    sequence), a UTF-8 article with one stray byte has many.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    else:
        return None
    replaced = data.decode("utf-8", errors="replace").count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    good = len(_UTF8_MULTIBYTE.findall(data))
    return (first, bad) if good > bad else None


def _printable(name: str) -> str:
    """A file name that was not valid UTF-8 (surrogate escapes) made safe to show and export."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read_sources(file: Path, warnings: list[str]) -> Any:
    """The value of a ``sources.yaml``; None, with a warning, when it cannot be used."""
    try:
        parsed = parse_yaml(read_regular(file, MAX_YAML_BYTES).decode("utf-8"))
    except FileRefused as exc:
        warnings.append(f"{file}: ignored, {exc.reason}")
        return None
    except DocumentError as exc:
        warnings.append(f"{exc.message}; ignored")
        return None
    except YamlAliasError as exc:
        warnings.append(f"{file}, {exc}: ignored")
        return None
    except (UnicodeDecodeError, yaml.YAMLError):
        warnings.append(f"{file}: ignored, not readable YAML")
        return None
    for key, line, first in parsed.repeated:
        warnings.append(
            f"{file}, line {line}: '{key}' is given twice (first on line {first}); "
            "the last one is used"
        )
    return parsed.data


def _sources(
    folder: Path, cache: dict[Path, dict[str, dict[str, str]]], warnings: list[str]
) -> dict[str, dict[str, str]]:
    if folder in cache:
        return cache[folder]
    meta: dict[str, dict[str, str]] = {}
    file = folder / SOURCES_FILE
    if os.path.lexists(file):
        data = _read_sources(file, warnings)
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, dict):
                    meta[Path(str(key)).stem] = _fields(file, str(key), value, warnings)
        elif data is not None:
            warnings.append(f"{file}: ignored, expected a mapping of file name to fields")
    cache[folder] = meta
    return meta


def _fields(file: Path, name: str, value: dict[Any, Any], warnings: list[str]) -> dict[str, str]:
    """One entry of a sources.yaml as text fields; a date that is none is dropped, with a
    warning (YAML reads an unquoted 2024-03-12 as a date, a quoted one as text: both do)."""
    fields: dict[str, str] = {}
    for key, raw in value.items():
        if isinstance(raw, date):
            fields[str(key)] = raw.isoformat()[:10]
        elif isinstance(raw, str | int | float) and not isinstance(raw, bool):
            fields[str(key)] = str(raw)
    when = fields.get("date", "").strip()
    if when and _date(when) is None:
        shown = clean_field(when)[:40]
        warnings.append(f"{file}: {name}: date '{shown}' is not a date (YYYY-MM-DD), ignored")
        del fields["date"]
    return fields


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _address_id(url: str) -> str:
    """A web article's id: its host as a reader writes it ("courier.example")."""
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    return _printable(host.removeprefix("www.")) or "page"


def _unique_id(name: str, ids: dict[str, int]) -> str:
    """``name``, or ``name~2``, ``name~3``, ... when another source has it already."""
    if name in ids:
        ids[name] += 1
        return f"{name}~{ids[name]}"
    ids[name] = 1
    return name


def _with_fields(doc: Document, fields: dict[str, str]) -> Document:
    """``doc`` with what sources.yaml says of it (it wins over a page's own metadata)."""
    if not fields:
        return doc
    when = _date(fields["date"]) if fields.get("date") else None
    return Document(
        id=doc.id,
        text=doc.text,
        path=doc.path,
        outlet=clean_field(fields.get("outlet")) or doc.outlet,
        headline=clean_field(fields.get("headline")) or doc.headline,
        encoding=doc.encoding,
        published=when or doc.published,
        url=clean_field(fields.get("url")) or doc.url,
        author=clean_field(fields.get("author")) or doc.author,
    )


def _page_document(
    data: bytes, doc_id: str, where: str, url: str, header: str | None
) -> tuple[Document, list[str]]:
    """A web page's bytes as a Document: decoded, its article and metadata extracted.

    Raises:
        DocumentError: the page holds no article text.
    """
    html, codec, doubts = extract.decode_page(data, header=header, fallback=decode, where=where)
    page = extract.extract_page(html, url=url, where=where, encoding=codec)
    document = Document(
        id=doc_id,
        text=page.text,
        path=where,
        outlet=page.outlet,
        headline=page.headline,
        encoding=codec,
        published=page.published,
        url=page.url,
        author=page.author,
    )
    return document, list(doubts)


def _fetch(
    entries: list[_Entry],
    warnings: list[str],
    *,
    timeout: float,
    refresh: bool,
    cache: web.PageCache | None,
    progress: Callable[[int, int], None] | None,
) -> dict[str, web.Fetched | web.FetchError]:
    """Every address among ``entries`` fetched (or read from the cache), keyed by its normal
    form; an address given twice is fetched once, with a warning."""
    wanted: dict[str, str] = {}
    for entry in entries:
        if not entry.address:
            continue
        key = web.normal_address(entry.address)
        if key not in wanted:
            wanted[key] = entry.address
    if not wanted:
        return {}
    results = web.fetch_all(
        list(wanted.values()), timeout=timeout, cache=cache, refresh=refresh, progress=progress
    )
    return dict(zip(wanted, results, strict=True))


def load_documents(
    paths: list[str | Path] | None = None,
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT,
    refresh: bool = False,
    page_cache: web.PageCache | Literal["default"] | None = "default",
    progress: Callable[[int, int], None] | None = None,
) -> Loaded:
    """Read articles from web addresses, files and folders.

    A folder means its ``*.txt`` and saved web pages (``*.html``, ``*.htm``; a page beside a
    ``.txt`` of the same name is that text's source and is not read twice), those named in
    its ``sources.yaml`` first in that file's order, the others by name. Web addresses
    (``http://``, ``https://``) are fetched, at most four at once, or read from the page cache;
    web pages need the ``web`` extra. An address that gives no article (no answer, an error
    status, not HTML, too large, no text) is a warning, and the others still load.

    Only regular files are read, each of at most ``max_file_bytes``. Inside a folder, an
    entry that is not a regular file (a pipe, a device, a symbolic link loop, a link to a
    file outside the folder) or is too large is skipped with a warning; named on its own it
    is an error.

    Args:
        paths: web addresses, files or folders; None or empty reads the bundled seeds.
        max_file_bytes: the largest article read, in bytes.
        fetch_timeout: seconds to fetch one page.
        refresh: fetch every address anew rather than from the cache.
        page_cache: where fetched pages are kept (``alignment.web.PageCache``); by default
            the user's cache folder, None for no cache.
        progress: called with (pages fetched, pages to fetch) while fetching.

    Returns:
        The usable documents in order, a warning per source skipped or decoded with a
        fallback, and the web page of each document read from one.

    Raises:
        DocumentError: a path does not exist, cannot be read, is not a regular file or is
            too large, a folder holds no usable article, a page named on its own holds no
            article text, or web pages are given without the ``web`` extra.
    """
    targets: list[str | Path] = list(paths) if paths else list(default_paths())
    warnings: list[str] = []
    seen: set[Path] = set()
    seen_pages: dict[str, str] = {}
    ids: dict[str, int] = {}
    meta_cache: dict[Path, dict[str, dict[str, str]]] = {}
    documents: list[Document] = []
    pages: list[bytes | None] = []
    entries = _expand(targets, warnings, meta_cache)
    needs_web = next(
        (
            e.address or str(e.path)
            for e in entries
            if e.address or extract.is_page_name(e.path.name)
        ),
        None,
    )
    if needs_web is not None and not extract.available():
        raise DocumentError(
            f"{needs_web}: reading web pages needs the web extra ({extract.INSTALL_HINT})"
        )
    cache = web.PageCache.default() if page_cache == "default" else page_cache
    fetched = _fetch(
        entries,
        warnings,
        timeout=fetch_timeout,
        refresh=refresh,
        cache=cache,
        progress=progress,
    )
    for entry in entries:
        if entry.address:
            key = web.normal_address(entry.address)
            if key in seen_pages:
                earlier = seen_pages[key]
                if key == web.normal_address(earlier):
                    warnings.append(f"{entry.address}: given more than once, read once")
                else:
                    warnings.append(f"{entry.address}: the same page as {earlier}, read once")
                continue
            result = fetched[key]
            if isinstance(result, web.FetchError):
                seen_pages[key] = entry.address
                warnings.append(result.message)
                continue
            final = web.normal_address(result.url)
            if final in seen_pages:
                warnings.append(f"{entry.address}: the same page as {seen_pages[final]}, read once")
                seen_pages[key] = entry.address
                continue
            seen_pages[key] = seen_pages[final] = entry.address
            try:
                doc, doubts = _page_document(
                    result.body,
                    _unique_id(_address_id(result.url), ids),
                    entry.address,
                    result.url,
                    result.charset,
                )
            except DocumentError as exc:
                warnings.append(exc.message)
                continue
            warnings.extend(doubts)
            documents.append(doc)
            pages.append(result.body)
            continue
        file = entry.path
        real = Path(os.path.realpath(file))
        if real in seen:
            warnings.append(f"{file}: given more than once, read once")
            continue
        seen.add(real)
        try:
            data = read_regular(file, max_file_bytes, setting="max_file_bytes")
        except FileRefused as exc:
            if entry.named:
                raise
            warnings.append(f"{file}: skipped, {exc.reason}")
            continue
        fields = _sources(file.parent, meta_cache, warnings).get(file.stem, {})
        if extract.is_page_name(file.name):
            try:
                doc, doubts = _page_document(
                    data, _printable(file.stem), str(file), url="", header=None
                )
            except DocumentError as exc:
                if entry.named:
                    raise
                warnings.append(exc.message.replace(f"{file}: ", f"{file}: skipped, ", 1))
                continue
            warnings.extend(doubts)
            documents.append(_with_fields(_renamed(doc, _unique_id(doc.id, ids)), fields))
            pages.append(data)
            continue
        if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            warnings.append(f"{file}: skipped, UTF-32 text is not supported (save it as UTF-8)")
            continue
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            warnings.append(f"{file}: skipped, UTF-16 text is not supported (save it as UTF-8)")
            continue
        if b"\x00" in data:
            warnings.append(f"{file}: skipped, looks like a binary file (NUL bytes)")
            continue
        text, codec = decode(data)
        if is_blank(text):
            warnings.append(f"{file}: skipped, empty or only white space and invisible marks")
            continue
        stray = stray_utf8(data) if codec == "utf-8" else None
        if stray is not None:
            first, count = stray
            more = f" and {count - 1} more place{'s' if count > 2 else ''}" if count > 1 else ""
            warnings.append(
                f"{file}: not valid UTF-8 at byte {first}{more}; read as UTF-8, "
                "each bad byte sequence shown as U+FFFD"
            )
        elif codec != "utf-8":
            warnings.append(f"{file}: not valid UTF-8, read as {codec}")
        # two folders holding the same name: keep both, apart
        doc_id = _unique_id(_printable(file.stem), ids)
        document = Document(id=doc_id, text=text, path=str(file), encoding=codec)
        documents.append(_with_fields(document, fields))
        pages.append(None)
    return Loaded(tuple(documents), tuple(warnings), tuple(pages))


def _renamed(doc: Document, doc_id: str) -> Document:
    """``doc`` under another id."""
    return dataclasses.replace(doc, id=doc_id)
