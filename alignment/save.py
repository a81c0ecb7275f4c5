"""``--save DIR``: a story written as a folder that anyone can reopen offline.

For each article ``NAME.txt`` (its text as Parallax read it: every offset of the model
indexes it), ``NAME.html`` (the page as it came, for an article read from the web or a saved
page), and one ``sources.yaml`` with outlet, headline, author, date and url, listing the files
in the story's order. ``alignment.load`` reads the folder back to the same documents in the
same order, so the exports of the reopened folder equal the ones of the first run, byte for
byte.

Writing is all or nothing: a new folder is built under a temporary name beside the target
and renamed into place; into an existing folder the files are written under temporary names
first, then renamed over the old ones (which needs ``force``).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import ExportError, os_reason
from .extract import is_page_name
from .model import Document

SOURCES_FILE = "sources.yaml"
_UNSAFE = re.compile(r"[^\w .~-]+")
_HEADER = (
    "# Written by parallax --save: the story's articles in order. NAME.txt is the text the\n"
    "# offsets index; NAME.html, when present, is the page it was read from.\n"
)


def file_names(documents: Sequence[Document]) -> list[str]:
    """A file stem per document: its id when that is a safe file name (so that the reopened
    folder gives the same ids), else the id with unsafe characters replaced, made unique."""
    names: list[str] = []
    taken: set[str] = set()
    for doc in documents:
        name = _UNSAFE.sub("_", doc.id).strip(". _") or "article"
        base, k = name, 1
        while name.lower() in taken:
            k += 1
            name = f"{base}~{k}"
        taken.add(name.lower())
        names.append(name)
    return names


def sources_yaml(documents: Sequence[Document], names: Sequence[str]) -> str:
    """The folder's ``sources.yaml``: per file, in story order, what is known of its article."""
    entries: dict[str, dict[str, Any]] = {}
    for doc, name in zip(documents, names, strict=True):
        fields = {
            "outlet": doc.outlet,
            "headline": doc.headline,
            "author": doc.author,
            "date": doc.published.isoformat() if doc.published else "",
            "url": doc.url,
        }
        entries[f"{name}.txt"] = fields
    body = str(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100))
    return _HEADER + body


def _planned(
    documents: Sequence[Document], pages: Sequence[bytes | None]
) -> list[tuple[str, bytes]]:
    names = file_names(documents)
    files: list[tuple[str, bytes]] = []
    for doc, name, page in zip(documents, names, pages, strict=True):
        files.append((f"{name}.txt", doc.text.encode("utf-8", errors="replace")))
        if page is not None:
            files.append((f"{name}.html", page))
    files.append((SOURCES_FILE, sources_yaml(documents, names).encode("utf-8")))
    return files


def _write(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def save_story(
    folder: str | Path,
    documents: Sequence[Document],
    pages: Sequence[bytes | None] = (),
    *,
    force: bool = False,
) -> tuple[Path, tuple[str, ...]]:
    """Write the story to ``folder``, all or nothing.

    Args:
        folder: the target; a new folder, an empty one, or (with ``force``) one to write over.
        documents: the articles, in story order.
        pages: per document, the page's bytes as fetched or read (None for a text file);
            empty for none at all.
        force: write into a folder that already holds files, replacing those of the same
            names.

    Returns:
        The folder, and warnings (other articles in the folder, which reopening it reads too).

    Raises:
        ExportError: the folder holds files and ``force`` is not given, the target is a file,
            or writing fails; nothing is left half-written.
    """
    target = Path(folder)
    files = _planned(documents, list(pages) or [None] * len(documents))
    try:
        exists = target.exists()
        if exists and not target.is_dir():
            raise ExportError(f"{target}: is a file, not a folder")
        present = sorted(p.name for p in target.iterdir()) if exists else []
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({os_reason(exc)})") from None
    if present and not force:
        raise ExportError(f"{target}: already holds files (use --force to write over them)")
    parent = target.parent if not exists else target
    try:
        if not parent.is_dir():
            raise ExportError(f"{parent}: no such folder")
    except OSError as exc:
        raise ExportError(f"{parent}: cannot write ({os_reason(exc)})") from None
    staging = parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        staging.mkdir()
        for name, data in files:
            _write(staging / name, data)
        if not exists:
            os.rename(staging, target)
        else:
            for name, _ in files:
                os.replace(staging / name, target / name)
    except FileExistsError:
        raise ExportError(f"{target}: appeared while saving (nothing was written)") from None
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({os_reason(exc)})") from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    written = {name for name, _ in files}
    others = [
        name
        for name in present
        if name not in written and (name.endswith(".txt") or is_page_name(name))
    ]
    warnings: tuple[str, ...] = ()
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        warnings = (f"{target}: also holds {shown}, which reopening the folder reads too",)
    return target, warnings


__all__ = ["SOURCES_FILE", "file_names", "save_story", "sources_yaml"]
