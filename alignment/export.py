"""The CSV contract (and other exports), written atomically: all or nothing on disk."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType

from .errors import ExportError, os_reason
from .model import Alignment
from .verdicts import VerdictMatch

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
# After the contract's columns: the fact-checker's verdicts (empty when none).
VERDICT_COLUMNS = ("verdict", "note")
CSV_HEADER = CSV_COLUMNS + VERDICT_COLUMNS
# OWASP: a cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Signals that end a process without running ``finally`` blocks unless caught.
_ENDING_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
# ".{name}.{8 hex}.tmp": what a temporary name adds to the target's.
_TEMP_EXTRA = len(".") + len(".00000000.tmp")
# Temporary files of writes under way, in any thread: a signal handler removes them.
_live: set[Path] = set()
_live_lock = threading.Lock()


def neutralise(cell: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def verdict_cells(verdicts: VerdictMatch | None, pair_index: int, conflicts: int) -> list[str]:
    """The ``verdict`` and ``note`` cells of a link: empty when none of its conflicts is
    judged; with several conflicts, one verdict per conflict in the order of ``reason``
    ("not judged" for the others), joined with "; ", and the distinct notes."""
    if verdicts is None or not conflicts:
        return ["", ""]
    records = [verdicts.of(pair_index, c) for c in range(conflicts)]
    if all(r is None for r in records):
        return ["", ""]
    words = "; ".join(r.verdict if r is not None else "not judged" for r in records)
    notes = "; ".join(dict.fromkeys(r.note for r in records if r is not None and r.note))
    return [words, neutralise(notes)]


def csv_rows(alignment: Alignment, verdicts: VerdictMatch | None = None) -> Iterator[list[str]]:
    """One row per link, in the header's column order (header not included)."""
    docs = alignment.documents
    for k, pair in enumerate(alignment.pairs):
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
            *verdict_cells(verdicts, k, len(pair.conflicts)),
        ]


def csv_table(header: Sequence[str] | None, rows: Iterable[Sequence[str]]) -> str:
    """Rows as CSV text (RFC 4180, CRLF), after ``header`` when one is given.

    The one CSV dialect of every export; cells are written as given (``neutralise`` text
    that came from input first).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def csv_text(alignment: Alignment, verdicts: VerdictMatch | None = None) -> str:
    """The whole CSV as a string: header, then a row per link (RFC 4180, CRLF).

    The first columns are the contract's (``CSV_COLUMNS``), then ``verdict`` and ``note``.
    """
    return csv_table(CSV_HEADER, csv_rows(alignment, verdicts))


def _stat(path: Path) -> os.stat_result | None:
    """``path.stat()``, None when nothing is there; a name the system refuses is an error."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({os_reason(exc)})") from None


def _temp_stem(folder: Path, name: str) -> str:
    """``name`` cut so that the temporary name fits the folder's longest file name (255
    bytes almost everywhere), at a character boundary."""
    try:
        longest = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        longest = 255
    room = max(1, longest - _TEMP_EXTRA)
    raw = os.fsencode(name)
    if len(raw) <= room:
        return name
    cut = room
    while cut > 1 and (raw[cut] & 0xC0) == 0x80:  # not inside a UTF-8 character
        cut -= 1
    return os.fsdecode(raw[:cut])


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty temporary file beside the target, opened for writing, and registered so
    that a signal handler can remove it (``remove_temporaries``).

    ``os.open`` with mode 0o666 lets the umask decide the permissions, as for any new file
    (``tempfile.mkstemp`` would make it private to its owner).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    stem = _temp_stem(folder, name)
    for _ in range(100):
        tmp = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
        with _live_lock:
            try:
                fd = os.open(tmp, flags, 0o666)
            except FileExistsError:
                continue
            _live.add(tmp)
            return fd, tmp
    raise FileExistsError(errno.EEXIST, "cannot find a free temporary name", str(folder))


def _forget(tmp: Path) -> None:
    """Remove a temporary file (when it is still there) and stop tracking it."""
    with _live_lock:
        _live.discard(tmp)
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def remove_temporaries() -> None:
    """Remove the temporary files of every write under way, in any thread.

    For a signal handler: the process is about to end and those files would stay behind.
    """
    with _live_lock:
        for tmp in list(_live):
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _live.clear()


def _end_cleanly(signum: int, frame: FrameType | None) -> None:
    remove_temporaries()
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def cleanup_on_signals() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP remove the temporary files of writes under way and end
    the process with exit code 128 + the signal, as the shell reports it.

    Only signals left at their default (which would end the process on the spot, ``finally``
    blocks skipped) are taken over, and only from the main thread (Python runs signal
    handlers there); elsewhere this does nothing. The previous handlers come back on exit.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, object] = {}
    for sig in _ENDING_SIGNALS:
        with contextlib.suppress(OSError, ValueError):
            if signal.getsignal(sig) is signal.SIG_DFL:
                previous[sig] = signal.signal(sig, _end_cleanly)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(sig, handler)  # type: ignore[arg-type]


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, so best effort."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: str | Path, content: str, *, force: bool = False) -> Path:
    """Write ``content`` to ``path`` all at once: a temporary file beside it, then a rename.

    An interrupted or failed write (full disk, Ctrl+C, SIGTERM or SIGHUP) removes the
    temporary file and leaves any earlier file as it was; the temporary name is cut to fit
    when the target's name is near the longest the system allows. A ``str`` path that ends
    with a slash names a folder and is refused. Without ``force`` the file is moved in with
    ``os.link``, which refuses to replace a file that appeared in the meantime. A symbolic
    link is written through (the file it points to is replaced, the link stays). A new file
    gets the usual permissions (umask); a replaced file keeps its mode.

    Args:
        path: the target file.
        content: the text to write, as UTF-8 (characters that cannot be encoded, such as
            lone surrogates from undecodable file names, become U+FFFD).
        force: replace an existing file; without it an existing file is an error.

    Returns:
        The path written.

    Raises:
        ExportError: the target exists (without ``force``), is a folder, or cannot be
            written; no partial file is left behind and an earlier file is untouched.
    """
    if isinstance(path, str) and path.endswith(("/", os.sep)):
        raise ExportError(f"{path}: names a folder (it ends with '/'), not a file")
    target = Path(path)
    data = content.encode("utf-8", errors="replace")
    info = _stat(target)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{target}: is a folder, not a file")
    if info is not None and not stat.S_ISREG(info.st_mode):
        # A device or pipe (/dev/null, /dev/stdout): nothing to replace, write straight in.
        try:
            with target.open("wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise ExportError(f"{target}: cannot write ({os_reason(exc)})") from None
        return target
    if info is not None and not force:
        raise ExportError(f"{target}: already exists (use --force to replace it)")
    written = Path(os.path.realpath(target)) if target.is_symlink() else target
    folder = written.parent
    folder_info = _stat(folder)
    if folder_info is None:
        raise ExportError(f"{folder}: no such folder")
    if not stat.S_ISDIR(folder_info.st_mode):
        raise ExportError(f"{folder}: not a folder")
    with cleanup_on_signals():
        _write_new(target, written, data, info, force=force)
    return target


def _write_new(
    target: Path, written: Path, data: bytes, info: os.stat_result | None, *, force: bool
) -> None:
    """The temporary file, its contents, the move into place; see ``write_atomic``."""
    folder = written.parent
    tmp: Path | None = None
    try:
        fd, tmp = _create_temp(folder, written.name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
        if force:
            os.replace(tmp, written)
        else:
            _move_new(tmp, written)
        _fsync_folder(folder)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({os_reason(exc)})") from None
    finally:
        # Also on KeyboardInterrupt (and SIGTERM, SIGHUP): no temporary file is left behind.
        if tmp is not None:
            _forget(tmp)


def _move_new(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target``, refusing to replace a file that exists by now.

    The temporary name is removed by the caller.
    """
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise ExportError(f"{target}: already exists (use --force to replace it)") from None
    except OSError:
        # No hard links here (some network and FAT file systems): check, then rename.
        if os.path.lexists(target):
            raise ExportError(f"{target}: already exists (use --force to replace it)") from None
        os.replace(tmp, target)
