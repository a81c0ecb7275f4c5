"""The only module that reads articles from disk: paths -> Documents (and warnings)."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DocumentError, os_reason
from .model import Document

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SOURCES_FILE = "sources.yaml"
# Tried in order when a file is not valid UTF-8; latin-1 decodes any byte, so it ends the list.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class Loaded:
    """Documents ready to align, and what was skipped or doubtful on the way."""

    documents: tuple[Document, ...]
    warnings: tuple[str, ...]


def default_paths() -> list[Path]:
    """The bundled seeds: the story shown when no path is given."""
    return [SEEDS_DIR]


def _stat(path: Path) -> os.stat_result | None:
    """``path.stat()``, None when nothing is there; other failures are a DocumentError."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None
        raise DocumentError(f"{path}: cannot be read ({os_reason(exc)})") from None


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        info = _stat(path)
        if info is None:
            raise DocumentError(f"{path}: no such file or folder")
        if stat.S_ISDIR(info.st_mode):
            try:
                with os.scandir(path) as entries:
                    found = sorted(
                        path / e.name for e in entries if e.name.endswith(".txt") and e.is_file()
                    )
            except OSError as exc:
                raise DocumentError(f"{path}: cannot list folder ({os_reason(exc)})") from None
            if not found:
                raise DocumentError(f"{path}: no *.txt files in this folder")
            files.extend(found)
        else:
            if not os.access(path, os.R_OK):
                raise DocumentError(f"{path}: cannot be read (permission denied)")
            files.append(path)
    return files


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (a BOM is kept as text), else the first fallback that works.

    Returns:
        The text and the name of the codec used.
    """
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in FALLBACK_ENCODINGS:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _printable(name: str) -> str:
    """A file name that was not valid UTF-8 (surrogate escapes) made safe to show and export."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _sources(
    folder: Path, cache: dict[Path, dict[str, dict[str, str]]], warnings: list[str]
) -> dict[str, dict[str, str]]:
    if folder in cache:
        return cache[folder]
    meta: dict[str, dict[str, str]] = {}
    file = folder / SOURCES_FILE
    if file.is_file():
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            warnings.append(f"{file}: ignored, not readable YAML")
            data = None
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


def load_documents(paths: list[str | Path] | None = None) -> Loaded:
    """Read articles from files and folders (a folder means its ``*.txt``, sorted by name).

    Args:
        paths: files or folders; None or empty reads the bundled seeds.

    Returns:
        The usable documents in order, and a warning per file skipped or decoded with a
        fallback.

    Raises:
        DocumentError: a path does not exist, cannot be read, or a folder holds no ``*.txt``.
    """
    targets = [Path(p) for p in paths] if paths else default_paths()
    warnings: list[str] = []
    seen: set[Path] = set()
    ids: dict[str, int] = {}
    meta_cache: dict[Path, dict[str, dict[str, str]]] = {}
    documents: list[Document] = []
    for file in _expand(targets):
        real = Path(os.path.realpath(file))
        if real in seen:
            warnings.append(f"{file}: given more than once, read once")
            continue
        seen.add(real)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise DocumentError(f"{file}: cannot be read ({os_reason(exc)})") from None
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            warnings.append(f"{file}: skipped, UTF-16 text is not supported (save it as UTF-8)")
            continue
        if b"\x00" in data:
            warnings.append(f"{file}: skipped, looks like a binary file (NUL bytes)")
            continue
        text, codec = decode(data)
        if not text.strip():
            warnings.append(f"{file}: skipped, empty or only whitespace")
            continue
        if codec != "utf-8":
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
