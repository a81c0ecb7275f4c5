"""The only module that reads articles from disk: paths -> Documents (and warnings)."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DocumentError, os_reason
from .model import Document
from .safe import is_blank

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
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


@dataclass(frozen=True, slots=True)
class Loaded:
    """Documents ready to align, and what was skipped or doubtful on the way."""

    documents: tuple[Document, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    """A file to read; ``named`` when the user gave it (its problems are errors, not warnings)."""

    path: Path
    named: bool


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


def _scan(folder: Path, warnings: list[str]) -> list[Path]:
    """A folder's ``*.txt`` regular files, sorted by name; other entries skipped with a warning."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".txt"))
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


def _expand(paths: list[Path], warnings: list[str]) -> list[_Entry]:
    files: list[_Entry] = []
    for path in paths:
        try:
            info = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            raise DocumentError(f"{path}: no such file or folder") from None
        except OSError as exc:
            raise DocumentError(f"{path}: cannot be read ({os_reason(exc)})") from None
        if stat.S_ISDIR(info.st_mode):
            skipped = len(warnings)
            found = _scan(path, warnings)
            if not found:
                why = " usable" if len(warnings) > skipped else ""
                raise DocumentError(f"{path}: no{why} *.txt files in this folder")
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
                    meta[Path(str(key)).stem] = {
                        k: str(v) for k, v in value.items() if isinstance(v, str | int | float)
                    }
        elif data is not None:
            warnings.append(f"{file}: ignored, expected a mapping of file name to fields")
    cache[folder] = meta
    return meta


def load_documents(
    paths: list[str | Path] | None = None, *, max_file_bytes: int = MAX_FILE_BYTES
) -> Loaded:
    """Read articles from files and folders (a folder means its ``*.txt``, sorted by name).

    Only regular files are read, each of at most ``max_file_bytes``. Inside a folder, an
    entry that is not a regular file (a pipe, a device, a symbolic link loop, a link to a
    file outside the folder) or is too large is skipped with a warning; named on its own it
    is an error.

    Args:
        paths: files or folders; None or empty reads the bundled seeds.
        max_file_bytes: the largest article read, in bytes.

    Returns:
        The usable documents in order, and a warning per file skipped or decoded with a
        fallback.

    Raises:
        DocumentError: a path does not exist, cannot be read, is not a regular file or is
            too large, or a folder holds no usable ``*.txt``.
    """
    targets = [Path(p) for p in paths] if paths else default_paths()
    warnings: list[str] = []
    seen: set[Path] = set()
    ids: dict[str, int] = {}
    meta_cache: dict[Path, dict[str, dict[str, str]]] = {}
    documents: list[Document] = []
    for entry in _expand(targets, warnings):
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
        doc_id = _printable(file.stem)
        if doc_id in ids:  # two folders holding the same name: keep both, apart
            ids[doc_id] += 1
            doc_id = f"{doc_id}~{ids[doc_id]}"
        else:
            ids[doc_id] = 1
        fields = _sources(file.parent, meta_cache, warnings).get(file.stem, {})
        documents.append(
            Document(
                id=doc_id,
                text=text,
                path=str(file),
                outlet=fields.get("outlet", ""),
                headline=fields.get("headline", ""),
                encoding=codec,
            )
        )
    return Loaded(tuple(documents), tuple(warnings))
