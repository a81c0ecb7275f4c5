"""The CSV contract (and other exports), written atomically: all or nothing on disk."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import ExportError
from .model import Alignment

CSV_COLUMNS = (
    "group",
    "source_a",
    "start_a",
    "end_a",
    "text_a",
    "source_b",
    "start_b",
    "end_b",
    "text_b",
    "similarity",
    "contradiction",
    "reason",
)
# OWASP: a cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_rows(alignment: Alignment) -> Iterator[list[str]]:
    """One row per link, in the contract's column order (header not included)."""
    docs = alignment.documents
    for pair in alignment.pairs:
        a, b = alignment.passages[pair.a], alignment.passages[pair.b]
        yield [
            str(pair.group),
            neutralise(docs[a.doc].id),
            str(a.start),
            str(a.end),
            neutralise(alignment.text(a)),
            neutralise(docs[b.doc].id),
            str(b.start),
            str(b.end),
            neutralise(alignment.text(b)),
            f"{pair.similarity:.4f}",
            pair.contradiction,
            neutralise(pair.reason),
        ]


def csv_text(alignment: Alignment) -> str:
    """The whole CSV as a string: header, then a row per link (RFC 4180, CRLF)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(alignment))
    return buffer.getvalue()


def write_atomic(path: str | Path, content: str, *, force: bool = False) -> Path:
    """Write ``content`` to ``path`` all at once: a temporary file beside it, then a rename.

    Args:
        path: the target file.
        content: the text to write, UTF-8.
        force: replace an existing file; without it an existing file is an error.

    Returns:
        The path written.

    Raises:
        ExportError: the target exists (without ``force``), is a folder, or cannot be
            written; no partial file is left behind and an earlier file is untouched.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target}: is a folder, not a file")
    if target.exists() and not target.is_file():
        # A device or pipe (/dev/null, /dev/stdout): nothing to replace, write straight in.
        try:
            with target.open("w", encoding="utf-8", newline="") as handle:
                handle.write(content)
        except OSError as exc:
            raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from None
        return target
    if target.exists() and not force:
        raise ExportError(f"{target}: already exists (use --force to replace it)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target
