"""The only module that reads articles from disk: paths -> Documents (and warnings)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DocumentError
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


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise DocumentError(f"{path}: no such file or folder")
        if path.is_dir():
            try:
                found = sorted(p for p in path.glob("*.txt") if p.is_file())
            except OSError as exc:
                raise DocumentError(f"{path}: cannot list folder ({exc.strerror})") from None
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
        real = file.resolve()
        if real in seen:
            warnings.append(f"{file}: given more than once, read once")
            continue
        seen.add(real)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise DocumentError(f"{file}: cannot be read ({exc.strerror or exc})") from None
        if b"\x00" in data:
            warnings.append(f"{file}: skipped, looks like a binary file (NUL bytes)")
            continue
        text, codec = decode(data)
        if not text.strip():
            warnings.append(f"{file}: skipped, empty")
            continue
        if codec != "utf-8":
            warnings.append(f"{file}: not valid UTF-8, read as {codec}")
        doc_id = file.stem
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
