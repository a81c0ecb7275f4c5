"""Issue 19 through the command line: addresses in every export, one line per bad address,
``--save`` and reopening the folder offline."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .fixtures.flood import STORY_A
from .fixtures.web import JUNK

WARNING = "parallax: warning: "
PAGES = ("/courier/flood", "/ledger/flood", "/gazette/flood")


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--no-semantic", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
    )


def lines(stderr: str) -> tuple[list[str], list[str]]:
    assert "Traceback" not in stderr, stderr
    out = stderr.splitlines()
    return [x for x in out if x.startswith(WARNING)], [x for x in out if not x.startswith(WARNING)]


@pytest.fixture(scope="module")
def addresses(web_site) -> list[str]:
    return [web_site.url(p) for p in PAGES]


def rows(text: str) -> list[dict[str, str]]:
    table = list(csv.reader(io.StringIO(text, newline="")))
    return [dict(zip(table[0], row, strict=True)) for row in table[1:]]


def test_export_from_addresses_and_a_text_file(addresses, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(STORY_A, encoding="utf-8")
    result = run("--export", "-", *addresses, notes)
    assert result.returncode == 0, result.stderr
    warnings, others = lines(result.stderr)
    assert warnings == []
    assert others == []  # stderr is not a terminal: no progress bar either
    found = rows(result.stdout)
    assert found
    assert {r["source_a"] for r in found} | {r["source_b"] for r in found} >= {
        "127.0.0.1",
        "127.0.0.1~2",
    }
    for row in found:
        for phrase in JUNK:
            assert phrase not in row["text_a"]
            assert phrase not in row["text_b"]


def test_the_json_model_and_report_carry_outlet_and_date(addresses, tmp_path):
    report = tmp_path / "report.md"
    result = run("--export-json", "-", "--report", report, *addresses)
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout)["documents"]
    assert [(d["outlet"], d["published"]) for d in docs] == [
        ("Riverside Courier", "2024-03-12"),
        ("Millbrook Ledger", "2024-03-13"),
        ("", "2024-03-12"),
    ]
    assert docs[0]["author"] == "Dana Whitfield"
    assert docs[0]["url"] == addresses[0]
    text = report.read_text(encoding="utf-8")
    assert "Riverside Courier, 2024-03-12, by Dana Whitfield" in text


def test_bad_addresses_are_one_line_each_and_the_story_goes_on(web_site, addresses):
    bad = [web_site.url(p) for p in ("/missing", "/loop-a", "/photo.png", "/app")]
    result = run("--export", "-", addresses[0], *bad, addresses[1])
    assert result.returncode == 0, result.stderr
    warnings, others = lines(result.stderr)
    assert others == []
    assert len(warnings) == 4
    for address, warning in zip(bad, warnings, strict=True):
        assert warning.startswith(f"{WARNING}{address}: ")
    assert rows(result.stdout)


def test_fewer_than_two_sources_left_is_exit_2(web_site, addresses):
    result = run("--export", "-", addresses[0], web_site.url("/missing"))
    assert result.returncode == 2
    warnings, others = lines(result.stderr)
    assert len(warnings) == 1
    assert others == ["parallax: need at least two usable sources to align, got 1"]
    assert result.stdout == ""


def test_save_then_reopen_offline_gives_the_same_export(addresses, tmp_path):
    folder = tmp_path / "story"
    first = tmp_path / "first.csv"
    result = run("--save", folder, "--export", first, *addresses)
    assert result.returncode == 0, result.stderr
    assert f"parallax: saved 3 articles to {folder}" in result.stderr
    second = tmp_path / "second.csv"
    # Offline: only the folder is named, nothing is fetched.
    again = run("--export", second, folder)
    assert again.returncode == 0, again.stderr
    assert second.read_bytes() == first.read_bytes()
    for row in rows(first.read_text(encoding="utf-8")):
        for side in "ab":
            text = (folder / f"{row[f'source_{side}']}.txt").read_text(encoding="utf-8")
            piece = text[int(row[f"start_{side}"]) : int(row[f"end_{side}"])]
            assert row[f"text_{side}"] in (piece, "'" + piece)
    saved = json.loads(run("--export-json", "-", folder).stdout)["documents"]
    assert saved[0]["outlet"] == "Riverside Courier"
    assert saved[0]["published"] == "2024-03-12"
    assert saved[0]["url"] == addresses[0]


def test_save_refuses_a_folder_with_files_without_force(addresses, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("--save", folder, *addresses)
    assert result.returncode == 2
    _, others = lines(result.stderr)
    assert others == [f"parallax: {folder}: already holds files (use --force to write over them)"]
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]
    forced = run("--save", folder, "--force", *addresses)
    assert forced.returncode == 0, forced.stderr
    warnings, _ = lines(forced.stderr)
    assert warnings == [
        f"{WARNING}{folder}: also holds keep.txt, which reopening the folder reads too"
    ]
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert (folder / "sources.yaml").is_file()
