"""Issue 18: what is read from disk. Only regular files, of a bounded size; YAML without
aliases; encodings named right; entries a folder should not lend to a shareable report skipped.

Each case failed before the fix (a hang, a MemoryError, a silent last-key-wins, a wrong codec).
The command-line cases run in a subprocess with a timeout, so a hang fails instead of blocking.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from alignment import AlignConfig, ConfigError, DocumentError, load_config, load_documents
from alignment.load import MAX_YAML_BYTES, decode, stray_utf8

from .conftest import ROOT
from .fixtures.flood import STORY_A, STORY_B, write_story

WARNING = "parallax: warning: "
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=60,  # a hang (a FIFO waiting for a writer) fails here instead of blocking
    )


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if not line.startswith(WARNING)]
    assert result.returncode == 2, result.stderr
    assert len(errors) == 1, result.stderr
    assert result.stdout == ""
    return errors[0]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write_story(tmp_path)


# --- only regular files are read --------------------------------------------------------------


@needs_fifo
def test_issue18_fifo_named_on_the_command_line_is_refused_not_waited_on(story: Path):
    fifo = story / "pipe.txt"
    os.mkfifo(fifo)
    line = one_error(run(story / "a.txt", fifo, "--export", "-"))
    assert line == f"parallax: {fifo}: is a named pipe (FIFO), not a regular file"


@needs_fifo
def test_issue18_fifo_inside_a_folder_is_skipped_with_a_warning(story: Path):
    fifo = story / "pipe.txt"
    os.mkfifo(fifo)
    loaded = load_documents([story])
    assert [d.id for d in loaded.documents] == ["a", "b"]
    assert loaded.warnings == (f"{fifo}: skipped, a named pipe (FIFO)",)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_issue18_endless_device_is_refused_before_reading(story: Path):
    line = one_error(run(story / "a.txt", "/dev/zero", "--export", "-"))
    assert line == "parallax: /dev/zero: is a device, not a regular file"


def test_issue18_file_above_max_file_bytes_named_is_an_error(story: Path):
    big = story / "a.txt"
    with pytest.raises(DocumentError) as caught:
        load_documents([big, story / "b.txt"], max_file_bytes=len(STORY_A.encode()) - 1)
    assert str(caught.value) == (
        f"{big}: larger than {len(STORY_A.encode()) - 1} bytes (max_file_bytes in the config)"
    )
    # At the limit exactly, it is read.
    assert len(load_documents([big], max_file_bytes=len(STORY_A.encode())).documents) == 1


def test_issue18_file_above_max_file_bytes_in_a_folder_is_skipped(story: Path, tmp_path: Path):
    (story / "c.txt").write_text(STORY_B * 40, encoding="utf-8")
    config = tmp_path / "limits.yaml"
    config.write_text("max_file_bytes: 2000\n", encoding="utf-8")
    assert load_config(config).max_file_bytes == 2000
    result = run(story, "--config", config, "--export", "-")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{WARNING}{story / 'c.txt'}: skipped, larger than 2 kB (max_file_bytes in the config)"
    )


def test_issue18_read_stops_at_the_limit_whatever_the_size_reported(
    story: Path, monkeypatch: pytest.MonkeyPatch
):
    # A file that grows after stat (or a /proc file that reports size 0) is still bounded.
    import alignment.load

    real_fstat = os.fstat

    def fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((*info[:6], 0, *info[7:10]))  # st_size = 0

    monkeypatch.setattr(alignment.load.os, "fstat", fstat)
    with pytest.raises(DocumentError, match="larger than 100 bytes"):
        load_documents([story / "a.txt"], max_file_bytes=100)


def test_issue18_symlink_loop_inside_a_folder_skips_only_that_entry(story: Path):
    loop = story / "loop.txt"
    loop.symlink_to(loop)
    loaded = load_documents([story])
    assert [d.id for d in loaded.documents] == ["a", "b"]
    assert loaded.warnings == (f"{loop}: skipped, a symbolic link loop",)


def test_issue18_broken_symlink_inside_a_folder_is_skipped(story: Path):
    dangling = story / "gone.txt"
    dangling.symlink_to(story / "nowhere.txt")
    loaded = load_documents([story])
    assert loaded.warnings == (f"{dangling}: skipped, a broken symbolic link",)


def test_issue18_symlink_out_of_the_folder_is_not_read_unless_named(story: Path, tmp_path: Path):
    secret = tmp_path / "private" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("My bank password is hunter2, do not share it with anyone.\n")
    link = story / "notes.txt"
    link.symlink_to(secret)
    loaded = load_documents([story])
    assert [d.id for d in loaded.documents] == ["a", "b"]
    (warning,) = loaded.warnings
    assert warning.startswith(f"{link}: skipped, a symbolic link to a file outside the folder")
    assert all("hunter2" not in d.text for d in loaded.documents)
    # Named on its own, the user asked for it: read.
    assert [d.id for d in load_documents([story / "a.txt", link]).documents] == ["a", "notes"]


def test_issue18_symlink_within_the_folder_is_read_once(story: Path):
    (story / "same.txt").symlink_to(story / "a.txt")
    loaded = load_documents([story])
    assert [d.id for d in loaded.documents] == ["a", "b"]
    assert loaded.warnings == (f"{story / 'same.txt'}: given more than once, read once",)


# --- encodings and empty files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "name"), [("utf-32", "UTF-32"), ("utf-16", "UTF-16")], ids=["utf-32", "utf-16"]
)
def test_issue18_utf32_and_utf16_are_named_right(story: Path, codec: str, name: str):
    (story / "wide.txt").write_bytes(STORY_A.encode(codec))
    loaded = load_documents([story])
    assert loaded.warnings == (
        f"{story / 'wide.txt'}: skipped, {name} text is not supported (save it as UTF-8)",
    )


def test_issue18_stray_byte_in_utf8_is_one_replacement_character_with_its_offset(story: Path):
    head = "Café owners in Millbrook — about 1,200 people — left their homes.\n".encode()
    tail = b" Mayor Dana Ortiz said the river rose four feet overnight.\n"
    (story / "c.txt").write_bytes(head + b"\x81" + tail)
    loaded = load_documents([story])
    doc = loaded.documents[2]
    assert doc.encoding == "utf-8"
    assert doc.text == head.decode() + "\ufffd" + tail.decode()
    assert "\x81" not in doc.text
    assert loaded.warnings == (
        f"{story / 'c.txt'}: not valid UTF-8 at byte {len(head)}; read as UTF-8, "
        "each bad byte sequence shown as U+FFFD",
    )


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        pytest.param("caf\xe9 cr\xe8me, r\xe9sum\xe9\n".encode("cp1252"), "cp1252", id="cp1252"),
        pytest.param(b"one \x81 stray byte in plain ASCII\n", "latin-1", id="ascii-and-a-byte"),
        pytest.param("ça — 1 ½\n".encode() * 3 + b"\xff\xfe.", "utf-8", id="utf8-two-bad"),
    ],
)
def test_issue18_utf8_with_stray_bytes_is_told_from_legacy_encodings(data: bytes, codec: str):
    assert decode(data)[1] == codec
    assert (stray_utf8(data) is not None) == (codec == "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf", id="bom-only"),
        pytest.param("\ufeff\n \u200b\u200c\u200d\u2060 \n\u200e".encode(), id="zero-width-only"),
    ],
)
def test_issue18_file_of_only_invisible_characters_is_not_a_source(story: Path, data: bytes):
    (story / "c.txt").write_bytes(data)
    loaded = load_documents([story])
    assert [d.id for d in loaded.documents] == ["a", "b"]
    assert loaded.warnings == (
        f"{story / 'c.txt'}: skipped, empty or only white space and invisible marks",
    )


# --- sources.yaml -----------------------------------------------------------------------------


def test_issue18_repeated_key_in_sources_yaml_is_reported(story: Path):
    (story / "sources.yaml").write_text(
        "a.txt:\n  outlet: First\nb.txt:\n  outlet: Bee\na.txt:\n  outlet: Second\n",
        encoding="utf-8",
    )
    loaded = load_documents([story])
    assert loaded.documents[0].outlet == "Second"
    assert loaded.warnings == (
        f"{story / 'sources.yaml'}, line 5: 'a.txt' is given twice (first on line 1); "
        "the last one is used",
    )


def test_issue18_alias_in_sources_yaml_is_refused(story: Path):
    (story / "sources.yaml").write_text(
        "a.txt: &meta\n  outlet: Copied\nb.txt: *meta\n", encoding="utf-8"
    )
    loaded = load_documents([story])
    assert [d.outlet for d in loaded.documents] == ["", ""]
    assert loaded.warnings == (
        f"{story / 'sources.yaml'}, line 1: anchors and aliases (&name, *name) are not "
        "accepted: ignored",
    )


def test_issue18_huge_sources_yaml_is_ignored_unread(story: Path):
    filler = "".join(f"x{i}.txt:\n  outlet: Outlet {i}\n" for i in range(40_000))
    (story / "sources.yaml").write_text(filler, encoding="utf-8")
    assert (story / "sources.yaml").stat().st_size > MAX_YAML_BYTES
    loaded = load_documents([story])
    assert loaded.warnings == (f"{story / 'sources.yaml'}: ignored, larger than 1 MB",)


@needs_fifo
def test_issue18_sources_yaml_that_is_a_fifo_is_ignored(story: Path):
    os.mkfifo(story / "sources.yaml")
    loaded = load_documents([story])
    assert loaded.warnings == (
        f"{story / 'sources.yaml'}: ignored, is a named pipe (FIFO), not a regular file",
    )


# --- the config ------------------------------------------------------------------------------


def _alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\nworkers: *a{levels - 1}\n"


def test_issue18_alias_bomb_in_the_config_is_refused_before_it_is_built(tmp_path: Path):
    # Before: 9**9 strings reached repr() in the error message (48 s, 3.1 GB, MemoryError).
    config = tmp_path / "parallax.yaml"
    config.write_text(_alias_bomb(), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert str(caught.value) == (
        f"{config}, line 1: anchors and aliases (&name, *name) are not accepted"
    )


def test_issue18_alias_bomb_through_the_cli_is_one_line(tmp_path: Path, story: Path):
    (tmp_path / "parallax.yaml").write_text(_alias_bomb(), encoding="utf-8")
    line = one_error(run(story, "--export", "-", cwd=tmp_path))
    assert "anchors and aliases" in line


def test_issue18_wrong_value_message_is_bounded_however_deep(tmp_path: Path):
    deep = "[" * 40 + "1" + "]" * 40
    config = tmp_path / "parallax.yaml"
    config.write_text(f"semantic: {deep}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'semantic' must be a string, got \[\[\[\.\.\.\]\]\]"):
        load_config(config)


@needs_fifo
def test_issue18_config_that_is_a_fifo_is_refused(tmp_path: Path, story: Path):
    config = tmp_path / "parallax.yaml"
    os.mkfifo(config)
    line = one_error(run(story, "--export", "-", cwd=tmp_path))
    assert line == f"parallax: {config}: is a named pipe (FIFO), not a config file"


def test_issue18_config_larger_than_a_megabyte_is_refused(tmp_path: Path):
    config = tmp_path / "big.yaml"
    config.write_text("# padding\n" * 200_000, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}: larger than 1 MB, too large for a config file"


@pytest.mark.parametrize("workers", [0, -2, -100, 257, 100_000])
def test_issue18_workers_out_of_range_is_refused(tmp_path: Path, workers: int):
    config = tmp_path / "parallax.yaml"
    config.write_text(f"workers: {workers}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 1: 'workers' must be"):
        load_config(config)


@pytest.mark.parametrize("workers", [-1, 1, 2, 256])
def test_issue18_workers_in_range_is_taken(tmp_path: Path, workers: int):
    config = tmp_path / "parallax.yaml"
    config.write_text(f"workers: {workers}\n", encoding="utf-8")
    assert load_config(config) == AlignConfig(workers=workers)


@needs_fifo
async def test_issue18_reader_given_a_fifo_shows_one_line_and_keeps_running(story: Path):
    from tui.app import ParallaxApp

    fifo = story / "pipe.txt"
    os.mkfifo(fifo)
    app = ParallaxApp(paths=[str(story / "a.txt"), str(fifo)], config=AlignConfig(semantic="off"))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1000):  # before: the worker waited on the pipe forever
            if app.reader.state != "loading":
                break
            await pilot.pause(0.01)
        assert app.reader.state != "loading"
        assert app.reader.failure is not None
        assert app.reader.failure[1] == f"{fifo}: is a named pipe (FIFO), not a regular file"
        await pilot.press("q")
