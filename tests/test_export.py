"""Issue 6, export safety: atomic writes, no silent overwrite, clear errors, formula injection.

Failures of the disk (full, read-only, interrupted) are simulated with monkeypatch, so the
tests also run as root, which no permission can stop.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from alignment import Document, ExportError, align
from alignment import export as export_module
from alignment.export import CSV_COLUMNS, CSV_HEADER, csv_text, neutralise, write_atomic
from tui.__main__ import main

from .conftest import ROOT
from .fixtures.flood import write_story

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

EARLIER = "group,earlier\r\n0,kept\r\n"
NEW = "group,new\r\n1,written\r\n"


def read(path: Path) -> str:
    """The file's text with its line ends as written (CRLF stays CRLF)."""
    return path.read_bytes().decode("utf-8")


def leftovers(folder: Path) -> list[str]:
    """Temporary files of write_atomic still in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write_story(tmp_path)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, list[str]]:
    """Run the command line in-process: exit code, stdout, stderr lines (never a traceback)."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err.splitlines()


# --- atomic writes ------------------------------------------------------------------------------


def test_new_file_is_written_whole(out: Path):
    target = out / "pairs.csv"
    assert write_atomic(target, NEW) == target
    assert target.read_bytes() == NEW.encode()
    assert leftovers(out) == []


def test_new_file_gets_the_umask_permissions_not_private_ones(out: Path):
    old = os.umask(0o022)
    try:
        write_atomic(out / "pairs.csv", NEW)
    finally:
        os.umask(old)
    assert stat.S_IMODE((out / "pairs.csv").stat().st_mode) == 0o644


def test_replaced_file_keeps_its_mode(out: Path):
    target = out / "pairs.csv"
    target.write_text(EARLIER, encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, NEW, force=True)
    assert target.read_bytes() == NEW.encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("where", "error"),
    [
        pytest.param("fsync", OSError(errno.ENOSPC, "No space left on device"), id="disk-full"),
        pytest.param("replace", OSError(errno.EIO, "Input/output error"), id="rename-fails"),
        pytest.param("write", OSError(errno.ENOSPC, "No space left on device"), id="mid-write"),
    ],
)
def test_failed_write_keeps_the_earlier_file_and_leaves_no_temp(
    out: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError
):
    target = out / "pairs.csv"
    target.write_text(EARLIER, encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    if where == "write":
        # Half the bytes reach the temporary file, then the disk is full.
        real_fdopen = os.fdopen

        class HalfWriter(io.BufferedWriter):
            def write(self, data: object) -> int:
                super().write(bytes(data)[: len(bytes(data)) // 2])  # type: ignore[call-overload]
                self.flush()
                raise error

        def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
            return HalfWriter(real_fdopen(fd, "wb", buffering=0))

        monkeypatch.setattr(export_module.os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(export_module.os, where, fail)
    with pytest.raises(ExportError) as caught:
        write_atomic(target, NEW, force=True)
    message = str(caught.value)
    assert message.startswith(f"{target}: cannot write (")
    assert error.strerror.lower() in message
    assert "\n" not in message
    assert read(target) == EARLIER
    assert leftovers(out) == []


def test_interrupted_write_keeps_the_earlier_file_and_leaves_no_temp(
    out: Path, monkeypatch: pytest.MonkeyPatch
):
    target = out / "pairs.csv"
    target.write_text(EARLIER, encoding="utf-8")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export_module.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW, force=True)
    assert read(target) == EARLIER
    assert leftovers(out) == []


def test_interrupted_cli_export_leaves_no_file(
    story: Path, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export_module.os, "fsync", interrupt)
    code, stdout, err = cli(capsys, story, "--export", out / "pairs.csv")
    assert code == 130
    assert (stdout, len(err)) == ("", 1)
    assert "interrupted" in err[0]
    assert list(out.iterdir()) == []


def test_full_disk_in_cli_is_one_line_and_exit_2(
    story: Path, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    target = out / "pairs.csv"
    target.write_text(EARLIER, encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module.os, "fsync", full)
    code, _, err = cli(capsys, story, "--export", target, "--force")
    assert code == 2
    assert err == [f"parallax: {target}: cannot write (no space left on device)"]
    assert read(target) == EARLIER
    assert leftovers(out) == []


# --- never overwrite silently -------------------------------------------------------------------


def test_existing_file_is_refused_without_force(out: Path):
    target = out / "pairs.csv"
    target.write_text(EARLIER, encoding="utf-8")
    with pytest.raises(ExportError, match=r"already exists \(use --force"):
        write_atomic(target, NEW)
    assert read(target) == EARLIER
    write_atomic(target, NEW, force=True)
    assert read(target) == NEW
    assert leftovers(out) == []


def test_file_that_appears_during_the_write_is_not_replaced(
    out: Path, monkeypatch: pytest.MonkeyPatch
):
    target = out / "pairs.csv"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:
        real_fsync(fd)
        target.write_text(EARLIER, encoding="utf-8")

    monkeypatch.setattr(export_module.os, "fsync", someone_else_writes)
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(target, NEW)
    assert read(target) == EARLIER
    assert leftovers(out) == []


def test_without_hard_links_a_new_file_is_still_written(out: Path, monkeypatch: pytest.MonkeyPatch):
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(export_module.os, "link", no_links)
    target = out / "pairs.csv"
    write_atomic(target, NEW)
    assert read(target) == NEW
    assert leftovers(out) == []
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(target, EARLIER)
    assert read(target) == NEW


def test_cli_refuses_to_overwrite_without_force(
    story: Path, out: Path, capsys: pytest.CaptureFixture[str]
):
    target = out / "pairs.csv"
    target.write_text(EARLIER, encoding="utf-8")
    code, _, err = cli(capsys, story, "--export", target)
    assert code == 2
    assert err == [f"parallax: {target}: already exists (use --force to replace it)"]
    assert read(target) == EARLIER
    code, _, err = cli(capsys, story, "--export", target, "--force")
    assert code == 0, err
    assert read(target).startswith(",".join(CSV_COLUMNS))


def test_symlink_is_written_through(out: Path):
    real = out / "real.csv"
    real.write_text(EARLIER, encoding="utf-8")
    link = out / "link.csv"
    link.symlink_to(real)
    write_atomic(link, NEW, force=True)
    assert link.is_symlink()
    assert read(real) == NEW
    assert leftovers(out) == []


# --- read-only folder, a folder as target, no folder --------------------------------------------


def test_read_only_folder_is_a_clear_error(out: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(folder: Path, name: str) -> tuple[int, Path]:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder / name))

    monkeypatch.setattr(export_module, "_create_temp", refuse)
    target = out / "pairs.csv"
    with pytest.raises(ExportError, match=r"pairs\.csv: cannot write \(permission denied\)"):
        write_atomic(target, NEW)
    assert not target.exists()


@pytest.mark.skipif(AS_ROOT, reason="root writes into any folder: no EACCES")
def test_read_only_folder_for_real(story: Path, out: Path, capsys: pytest.CaptureFixture[str]):
    out.chmod(0o555)
    try:
        code, _, err = cli(capsys, story, "--export", out / "pairs.csv")
    finally:
        out.chmod(0o755)
    assert code == 2
    assert err == [f"parallax: {out / 'pairs.csv'}: cannot write (permission denied)"]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(lambda d: d, "is a folder, not a file", id="folder"),
        pytest.param(lambda d: d / "missing" / "pairs.csv", "no such folder", id="no-folder"),
        pytest.param(lambda d: d / "file.txt" / "pairs.csv", "not a folder", id="file-as-folder"),
        pytest.param(lambda d: d / ("x" * 300), "file name too long", id="name-too-long"),
    ],
)
def test_bad_target_is_a_one_line_error_in_cli(
    story: Path, out: Path, capsys: pytest.CaptureFixture[str], make, expected: str
):
    (out / "file.txt").write_text("x", encoding="utf-8")
    target = make(out)
    with pytest.raises(ExportError, match=expected):
        write_atomic(target, NEW)
    code, stdout, err = cli(capsys, story, "--export", target)
    assert code == 2
    assert stdout == ""
    assert len(err) == 1
    assert err[0].startswith("parallax: ")
    assert expected.split()[0] in err[0].lower()
    assert sorted(p.name for p in out.iterdir()) == ["file.txt"]


def test_device_is_written_straight_in():
    assert write_atomic(os.devnull, NEW) == Path(os.devnull)


def test_text_that_cannot_be_encoded_does_not_crash(out: Path):
    write_atomic(out / "odd.csv", "name\r\nbad\udcff byte\r\n")
    assert read(out / "odd.csv") == "name\r\nbad? byte\r\n"


# --- '-' writes stdout --------------------------------------------------------------------------


def test_dash_writes_csv_to_stdout_and_no_file(story: Path, tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "tui", str(story), "--export", "-"],
        capture_output=True,
        cwd=tmp_path,
        check=False,
        env={**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode("utf-8")  # UTF-8 whatever the locale says
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0][: len(CSV_COLUMNS)]) == CSV_COLUMNS  # the contract, then verdict, note
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) > 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]
    assert result.stderr == b""


def test_reader_that_goes_away_is_not_a_traceback(story: Path):
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", str(story), "--export", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None
    process.stdout.close()  # like `| head` that has read enough
    _, stderr = process.communicate(timeout=120)
    assert b"Traceback" not in stderr
    assert stderr == b""
    assert process.returncode == 141


# --- formula injection --------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_get_an_apostrophe(start: str):
    cell = f"{start}SUM(A1:A9)"
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Plain text", "'quoted", " =space first", "1,200 people"])
def test_other_cells_are_left_alone(cell: str):
    assert neutralise(cell) == cell


def test_exported_formulas_are_neutralised_and_offsets_recover_the_text():
    lines = [
        '=HYPERLINK("http://x") flood forced 1,200 residents of Millbrook from homes.',
        "-40 degrees froze the river near Millbrook overnight, officials said.",
        "@MillbrookCity posted that shelters opened at the high school on Tuesday.",
        "+1 555 0100 is the Millbrook flood hotline for residents needing help.",
    ]
    docs = [
        Document(id="=cmd", text="\n".join(lines) + "\n"),
        Document(id="plain", text="\n\n".join(lines) + "\n"),
    ]
    model = align(docs)
    rows = list(csv.reader(io.StringIO(csv_text(model), newline="")))
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    by_id = {d.id: d.text for d in docs}
    exported: set[str] = set()
    for record in records:
        for side in "ab":
            source = record[f"source_{side}"]
            original_id = source[1:] if source.startswith("'=") else source
            assert source == neutralise(original_id)
            original = by_id[original_id]
            exact = original[int(record[f"start_{side}"]) : int(record[f"end_{side}"])]
            assert exact[0] in "=-@+", "every line starts with a formula sign"
            assert record[f"text_{side}"] == "'" + exact
            exported.add(exact)
    assert set(lines) <= exported, "each line is linked to its copy in the other source"
    assert {r["source_a"] for r in records} == {"'=cmd"}


def test_readme_states_the_neutralisation():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## CSV columns", 1)[1].split("\n## ", 1)[0]
    for sign in ("`=`", "`+`", "`-`", "`@`", "tab", "carriage return", "apostrophe", "offsets"):
        assert sign in section
