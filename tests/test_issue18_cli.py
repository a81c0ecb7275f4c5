"""Issue 18 on the command line and in writes: a trailing slash, stdout or stderr closed,
Ctrl+C while starting, SIGTERM or SIGHUP during a write, a target name of 255 bytes.

The signal cases run in a subprocess that sends itself the signal in the middle of the write
(right after the data reached the temporary file), so they are exact, not timed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from alignment import ExportError
from alignment.export import write_atomic

from .conftest import ROOT
from .fixtures.flood import write_story

needs_posix_signals = pytest.mark.skipif(
    not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system"
)


def python(code: str, *args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
    )


def shell(command: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", command, sys.executable],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write_story(tmp_path)


# --- --export new.csv/ ---------------------------------------------------------------------------


def test_issue18_trailing_slash_names_a_folder_and_writes_nothing(story: Path, tmp_path: Path):
    target = tmp_path / "out" / "new.csv"
    target.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "tui", str(story), "--no-semantic", "--export", f"{target}/"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"parallax: {target}/: names a folder (it ends with '/'), not a file\n"
    assert list(target.parent.iterdir()) == []


def test_issue18_write_atomic_refuses_a_trailing_slash(tmp_path: Path):
    with pytest.raises(ExportError, match="names a folder"):
        write_atomic(f"{tmp_path / 'new.csv'}/", "x")
    assert list(tmp_path.iterdir()) == []


# --- stdout or stderr closed ----------------------------------------------------------------------


def test_issue18_export_to_closed_stdout_is_one_line(story: Path):
    result = shell(f'exec "$0" -m tui "{story}" --no-semantic --export - >&-')
    assert result.returncode == 2, result.stderr
    assert result.stderr == "parallax: stdout is closed: name a file instead of '-'\n"


def test_issue18_closed_stderr_keeps_warnings_out_of_the_csv(story: Path):
    (story / "empty.txt").write_text("\n", encoding="utf-8")
    result = shell(f'exec "$0" -m tui "{story}" --no-semantic --export - 2>&-')
    assert result.returncode == 0
    assert result.stdout.startswith("group,source_a,")
    assert "parallax" not in result.stdout


# --- Ctrl+C while starting -----------------------------------------------------------------------

# Sends SIGINT to itself when a module is first imported: as a user pressing Ctrl+C while the
# engine's libraries load.
INTERRUPT_ON_IMPORT = """
import os, runpy, signal, sys
target = sys.argv[1]
class Interrupt:
    def find_spec(self, name, path=None, target_module=None):
        if name == target:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
sys.argv = ["parallax", *sys.argv[2:]]
runpy.run_module("tui", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize(
    ("module", "args"),
    [
        pytest.param("numpy", ["--export", "-"], id="export-loading-numpy"),
        pytest.param("textual.app", [], id="reader-loading-textual"),
    ],
)
def test_issue18_ctrl_c_during_start_up_is_exit_130_without_traceback(
    story: Path, module: str, args: list[str]
):
    result = python(INTERRUPT_ON_IMPORT, module, str(story), "--no-semantic", *args)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr == "parallax: interrupted\n"
    assert result.stdout == ""


# --- SIGTERM / SIGHUP during a write ------------------------------------------------------------

SIGNAL_DURING_WRITE = """
import os, signal, sys, threading
from alignment.export import cleanup_on_signals, write_atomic
target, name, where = sys.argv[1], sys.argv[2], sys.argv[3]
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    os.kill(os.getpid(), getattr(signal, name))  # the data is in the temporary file now
    if where == "thread":
        threading.Event().wait(30)  # the main thread handles the signal meanwhile
os.fsync = fsync
if where == "main":
    write_atomic(target, "id,text\\r\\n" * 1000)
else:  # as the reader does: the write in a worker, the handler in the main thread
    with cleanup_on_signals():
        worker = threading.Thread(target=write_atomic, args=(target, "x" * 1000), daemon=True)
        worker.start()
        worker.join()
print("the write ended normally")
"""


@needs_posix_signals
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("where", ["main", "thread"])
def test_issue18_signal_during_a_write_leaves_no_temporary_file(
    tmp_path: Path, name: str, where: str
):
    out = tmp_path / "out"
    out.mkdir()
    result = python(SIGNAL_DURING_WRITE, out / "pairs.csv", name, where)
    assert result.returncode == 128 + getattr(signal, name), result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.iterdir()) == []  # neither a hidden .tmp nor a half-written file


@needs_posix_signals
def test_issue18_an_ignored_hangup_stays_ignored(tmp_path: Path):
    # Under nohup SIGHUP is ignored: a write must not turn it into an exit.
    code = """
    import os, signal, sys
    from alignment.export import write_atomic
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    real_fsync = os.fsync
    def fsync(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGHUP)
    os.fsync = fsync
    write_atomic(sys.argv[1], "data")
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    """
    result = python(code, tmp_path / "kept.csv")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kept.csv").read_text() == "data"


# --- a target name as long as the system allows -------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("a" * 251 + ".csv", id="255-bytes"),
        pytest.param("p" * 250 + ".csv", id="254-bytes"),
        pytest.param("é" * 125 + ".csv", id="254-bytes-two-byte-characters"),
    ],
)
def test_issue18_longest_target_names_are_written(tmp_path: Path, name: str):
    try:
        longest = os.pathconf(tmp_path, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        longest = 255
    if len(os.fsencode(name)) > longest:
        pytest.skip(f"names here are at most {longest} bytes")
    written = write_atomic(tmp_path / name, "group,source_a\r\n")
    assert written.read_bytes() == b"group,source_a\r\n"
    assert [p.name for p in tmp_path.iterdir()] == [name]


async def test_issue18_reader_export_dialog_refuses_a_trailing_slash(tmp_path: Path, monkeypatch):
    from textual.widgets import Input

    from alignment import AlignConfig
    from tui.app import ParallaxApp
    from tui.screens import ExportScreen

    monkeypatch.chdir(tmp_path)
    story = write_story(tmp_path)
    app = ParallaxApp(paths=[str(story)], config=AlignConfig(semantic="off"))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1000):
            if app.reader.state != "loading":
                break
            await pilot.pause(0.01)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = "new.csv/"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # still asking
        assert any("names a folder" in n.message for n in app._notifications)
    assert not (tmp_path / "new.csv").exists()
