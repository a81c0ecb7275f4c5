"""The headless command line: the CSV contract and one-line errors."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from alignment.export import CSV_COLUMNS

from .conftest import ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_export_stdout_follows_the_contract():
    result = run("--export", "-")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert tuple(rows[0][: len(CSV_COLUMNS)]) == CSV_COLUMNS
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    assert len(rows) > 1
    for row in rows[1:]:
        rec = dict(zip(rows[0], row, strict=True))
        for side in "ab":
            text = texts[rec[f"source_{side}"]][int(rec[f"start_{side}"]) : int(rec[f"end_{side}"])]
            assert text.lstrip("'") == text or rec[f"text_{side}"] in (text, "'" + text)
            assert rec[f"text_{side}"] in (text, "'" + text)
        assert 0.0 <= float(rec["similarity"]) <= 1.0


def test_missing_path_is_one_line_and_exit_2():
    result = run("no/such/folder", "--export", "-")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no/such/folder" in result.stderr
    assert "Traceback" not in result.stderr
