"""Issue 21: many stories at once (``python -m tui --batch ROOT --out OUTDIR``), locally and on
a Dask cluster: outputs, summary rows, exit codes, the skip on rerun, Ctrl+C, bad options."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import get_args

import pytest

from alignment import AlignConfig, DocumentError, align, load_documents
from alignment import batch as story_batch
from alignment.batch import OUTPUT_FILES, conflict_kinds, run_story, summary_columns
from alignment.model import ConflictKind
from alignment.verdicts import VERDICTS_NAME, make_record, save_verdicts
from bench.synthetic import write_story
from tui import batch
from tui.__main__ import main

from .conftest import ROOT, SEEDS
from .fixtures.flood import write_story as write_flood
from .fixtures.web import COURIER, LEDGER

EVIL = "=evil\x1b[2J\u202e"  # a formula for spreadsheets, a terminal escape, a bidi override
# Stories of the shared batch, and what each must end as.
EXPECTED = {
    "seeds": "ok",
    "flood": "ok",
    "synthetic": "ok",
    "blank": "skipped",
    "empty": "skipped",
    "unreadable": "skipped",
    "unwritable": "failed",
    EVIL: "skipped",
}
TIMEOUT_S = 300  # bounds every batch run here; a healthy one takes seconds


def make_root(root: Path) -> Path:
    """Story folders covering each outcome: three good, three with no usable source (blank
    files, no file, files that cannot be read as articles), one whose name is hostile, and
    one whose outputs cannot be written (see ``make_out``)."""
    root.mkdir()
    shutil.copytree(SEEDS, root / "seeds")
    (write_flood(root)).rename(root / "flood")
    write_story(root / "synthetic", 3, seed=21)
    (root / "blank").mkdir()
    (root / "blank" / "a.txt").write_text("", encoding="utf-8")
    (root / "blank" / "b.txt").write_text("  \n\n", encoding="utf-8")
    (root / "empty").mkdir()
    unreadable = root / "unreadable"
    unreadable.mkdir()
    (unreadable / "binary.txt").write_bytes(b"\x00\x01 not text \x00" * 20)
    (unreadable / "utf16.txt").write_bytes("A flood in Millbrook.".encode("utf-16"))
    (unreadable / "loop.txt").symlink_to("loop.txt")
    shutil.copytree(root / "flood", root / "unwritable")
    (root / EVIL).mkdir()
    (root / EVIL / "a.txt").write_text("Only one source tells this story.\n", "utf-8")
    (root / ".hidden").mkdir()  # not a story
    return root


def make_out(out: Path) -> Path:
    """An output folder where the story ``unwritable`` cannot go: a file holds its name."""
    out.mkdir()
    (out / "unwritable").write_text("in the way\n", encoding="utf-8")
    return out


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=TIMEOUT_S,
        check=False,
    )


def summary(out: Path) -> dict[str, dict[str, str]]:
    text = (out / "summary.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames or ()) == summary_columns()
    return {row["story"]: row for row in reader}


def outputs(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "summary.csv"
    }


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    """The shared batch, run once by the command line with two local workers."""
    base = tmp_path_factory.mktemp("batch")
    root = make_root(base / "root")
    out = make_out(base / "out")
    result = run_cli("--batch", root, "--out", out, "--workers", "2")
    return root, out, result


def test_summary_columns_follow_the_model_kinds():
    kinds = get_args(ConflictKind)
    assert conflict_kinds() == kinds
    columns = summary_columns()
    assert [c for c in columns if c.startswith("conflicts_")] == [f"conflicts_{k}" for k in kinds]
    assert columns[:5] == ("story", "sources", "passages", "shared_facts", "disputed_facts")
    assert columns[-3:] == ("seconds", "status", "error")


def test_batch_rows_outputs_and_exit_code(local_run):
    _, out, result = local_run
    assert result.returncode == 1, result.stderr  # the unwritable story failed
    assert "Traceback" not in result.stderr
    rows = summary(out)
    shown = {"'" + EVIL if name == EVIL else name: status for name, status in EXPECTED.items()}
    assert {story: row["status"] for story, row in rows.items()} == shown
    assert rows["unwritable"]["error"].endswith("unwritable: cannot write, not a folder")
    assert rows["unwritable"]["sources"] == "2"  # the story was aligned, only the write failed
    assert rows["empty"]["error"] == "empty folder"
    assert rows["blank"]["error"].startswith("fewer than two usable sources (0)")
    reason = rows["unreadable"]["error"]
    assert reason.startswith("fewer than two usable sources (0): ")
    assert f"{os.sep}unreadable{os.sep}" in reason
    assert ": skipped, " in reason  # the loader's first warning, then how many more
    assert reason.endswith("(+2 more)")
    assert rows["'" + EVIL]["error"].startswith("fewer than two usable sources (1)")
    # only ok stories get outputs, all three of them, and no temporary file is left
    names = sorted(p.name for p in out.iterdir())
    assert names == ["flood", "seeds", "summary.csv", "synthetic", "unwritable"]
    assert (out / "unwritable").read_text(encoding="utf-8") == "in the way\n"
    for story in ("flood", "seeds", "synthetic"):
        assert sorted(p.name for p in (out / story).iterdir()) == sorted(OUTPUT_FILES)


def test_batch_outputs_are_the_single_story_exports(local_run, tmp_path):
    """A story's pairs.csv and model.json are what ``--export`` and ``--export-json`` give."""
    root, out, _ = local_run
    csv_file, json_file = tmp_path / "pairs.csv", tmp_path / "model.json"
    single = run_cli(root / "seeds", "--export", csv_file, "--export-json", json_file)
    assert single.returncode == 0, single.stderr
    assert (out / "seeds" / "pairs.csv").read_bytes() == csv_file.read_bytes()
    assert (out / "seeds" / "model.json").read_bytes() == json_file.read_bytes()
    report = (out / "seeds" / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# Parallax report: seeds\n")


def test_summary_counts_match_the_alignment(local_run):
    root, out, _ = local_run
    loaded = load_documents([root / "flood"])
    assert int(summary(out)["flood"]["sources"]) == len(loaded.documents) == 2
    # the seeds: counts from the model.json the batch wrote
    model = json.loads((out / "seeds" / "model.json").read_text(encoding="utf-8"))
    seeds = summary(out)["seeds"]
    assert int(seeds["sources"]) == len(model["documents"]) == 5
    assert int(seeds["passages"]) == len(model["passages"])
    assert int(seeds["shared_facts"]) == len(model["groups"])
    disputed = sum(g["status"] == "conflict" for g in model["groups"])
    assert int(seeds["disputed_facts"]) == disputed > 0
    for kind in conflict_kinds():
        links = sum(any(c["kind"] == kind for c in p["conflicts"]) for p in model["pairs"])
        assert int(seeds[f"conflicts_{kind}"]) == links
    assert float(seeds["seconds"]) > 0


def test_progress_lines_escape_names(local_run):
    _, _, result = local_run
    lines = result.stderr.splitlines()
    per_story = [line for line in lines if line.startswith("parallax: [")]
    assert len(per_story) == len(EXPECTED)
    assert "\x1b" not in result.stderr
    assert "\u202e" not in result.stderr
    assert any("=evil\u241b[2J\ufffd" in line for line in per_story)  # ESC shown as a picture
    assert lines[-1].startswith(f"parallax: {len(EXPECTED)} stories: 3 ok, 4 skipped, 1 failed")


def test_rerun_skips_what_is_up_to_date(local_run, tmp_path):
    root, first_out, _ = local_run
    out = tmp_path / "out"
    shutil.copytree(first_out, out, copy_function=shutil.copy2)  # keeps the mtimes
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.*")}
    again = run_cli("--batch", root, "--out", out, "--workers", "1", "--no-semantic")
    assert again.returncode == 1, again.stderr
    rows, earlier = summary(out), summary(first_out)
    for story in ("seeds", "flood", "synthetic"):
        assert rows[story]["status"] == "skipped"
        assert rows[story]["error"].startswith("up to date")
        assert rows[story]["shared_facts"] == earlier[story]["shared_facts"]  # counts kept
    assert rows["unwritable"]["status"] == "failed"  # a failed story is tried again
    assert all(p.stat().st_mtime_ns == t for p, t in before.items() if p.name != "summary.csv")

    # an input newer than the outputs: that story (only) is done again
    later = (out / "flood" / "report.md").stat().st_mtime + 10
    os.utime(root / "flood" / "a.txt", (later, later))
    third = run_cli("--batch", root, "--out", out, "--workers", "1", "--no-semantic")
    rows = summary(out)
    assert third.returncode == 1, third.stderr
    assert rows["flood"]["status"] == "ok"
    assert rows["seeds"]["status"] == rows["synthetic"]["status"] == "skipped"

    # a config file newer than the outputs: every story; --force: every story too
    config = tmp_path / "parallax.yaml"
    config.write_text("semantic: off\n", encoding="utf-8")
    newest = time.time() + 60  # past every output written so far
    os.utime(config, (newest, newest))
    fourth = run_cli("--batch", root, "--out", out, "--workers", "1", "--config", config)
    assert {summary(out)[s]["status"] for s in ("seeds", "flood", "synthetic")} == {"ok"}
    assert fourth.returncode == 1, fourth.stderr
    forced = run_cli("--batch", root, "--out", out, "--workers", "1", "--no-semantic", "--force")
    assert {summary(out)[s]["status"] for s in ("seeds", "flood", "synthetic")} == {"ok"}
    assert forced.returncode == 1


def test_exit_0_when_no_story_failed(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    write_flood(root)
    (root / "lonely").mkdir()
    (root / "lonely" / "a.txt").write_text("One source alone.\n", encoding="utf-8")
    result = run_cli("--batch", root, "--out", tmp_path / "out", "--no-semantic")
    assert result.returncode == 0, result.stderr
    assert {s: r["status"] for s, r in summary(tmp_path / "out").items()} == {
        "story": "ok",
        "lonely": "skipped",
    }


def test_one_story_bug_fails_that_story_only(monkeypatch, tmp_path):
    """An engine bug on one story is that story's failed row, not a crash of the batch."""
    folder = write_flood(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(story_batch, "align", broken)
    result = run_story(str(folder), story_batch.batch_config(AlignConfig(semantic="off")))
    assert result.row.status == "failed"
    assert result.row.error == "internal error: RuntimeError: boom second line"
    assert result.outputs == ()


def test_saved_web_pages_are_sources(tmp_path):
    pytest.importorskip("trafilatura", reason="saved web pages need the web extra")
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "courier.html").write_text(COURIER, encoding="utf-8")
    (folder / "ledger.html").write_text(LEDGER, encoding="utf-8")
    result = run_story(str(folder), story_batch.batch_config(AlignConfig(semantic="off")))
    assert result.row.status == "ok", result.row.error
    assert result.row.sources == 2
    assert result.row.shared_facts


def test_story_that_cannot_be_read_fails_with_the_reason(monkeypatch, tmp_path):
    folder = write_flood(tmp_path)

    def refuse(paths, **kwargs):
        raise DocumentError(f"{paths[0]}/a.txt: cannot be read (input/output error)")

    monkeypatch.setattr(story_batch, "load_documents", refuse)
    result = run_story(str(folder), story_batch.batch_config(AlignConfig(semantic="off")))
    assert result.row.status == "failed"
    assert result.row.error == f"{folder}/a.txt: cannot be read (input/output error)"


def test_a_storys_verdicts_reach_its_outputs(tmp_path):
    """A story judged in the reader keeps its verdicts in the batch's CSV, JSON and report."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    config = story_batch.batch_config(AlignConfig(semantic="off"))
    loaded = load_documents([folder])
    alignment = align(loaded.documents, config)
    k = next(k for k, pair in enumerate(alignment.pairs) if pair.conflicts)
    save_verdicts(
        folder / VERDICTS_NAME,
        {
            (record := make_record(alignment, k, 0, "false alarm", note="a later count")).key: (
                record
            )
        },
    )
    result = run_story(str(folder), config)
    assert result.row.status == "ok", result.row.error
    files = dict(result.outputs)
    rows = list(csv.DictReader(io.StringIO(files["pairs.csv"], newline="")))
    assert [(r["verdict"], r["note"]) for r in rows if r["verdict"]] == [
        ("false alarm", "a later count")
    ]
    assert "false alarm" in files["report.md"]
    assert "false alarm" in files["model.json"]


def test_a_bad_verdict_file_fails_its_story_with_one_line(tmp_path):
    folder = write_flood(tmp_path)
    (folder / VERDICTS_NAME).write_text("{not json", encoding="utf-8")
    result = run_story(str(folder), story_batch.batch_config(AlignConfig(semantic="off")))
    assert result.row.status == "failed"
    assert VERDICTS_NAME in result.row.error
    assert "\n" not in result.row.error
    assert result.outputs == ()


def test_interrupt_keeps_complete_stories_and_writes_the_summary(tmp_path):
    root = tmp_path / "root"
    for k in range(6):
        write_story(root / f"story{k}", 8, seed=k)
    out = tmp_path / "out"
    command = ["-m", "tui", "--batch", str(root), "--out", str(out), "--workers", "1"]
    process = subprocess.Popen(
        [sys.executable, *command, "--no-semantic"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        assert ": ok" in first, first
        process.send_signal(signal.SIGINT)
        rest = process.stderr.read()
        assert process.wait(timeout=TIMEOUT_S) == 130
    finally:
        process.kill()
        process.wait()
    assert "Traceback" not in rest
    assert "interrupted after" in rest
    rows = summary(out)
    assert 1 <= len(rows) < 6
    assert {r["status"] for r in rows.values()} == {"ok"}
    for story in rows:
        assert sorted(p.name for p in (out / story).iterdir()) == sorted(OUTPUT_FILES)
    done = {p.name for p in out.iterdir() if p.is_dir()}
    assert done == set(rows), "a story without its summary row, or the reverse"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--batch", "{root}"], "--batch needs --out"),
        (["--out", "{out}"], "go with --batch"),
        (["--batch", "{root}", "--out", "{root}/inside"], "--out must be outside ROOT"),
        (["--batch", "{root}", "--out", "{root}"], "--out must be outside ROOT"),
        (["--batch", "{root}/nothing", "--out", "{out}"], "not a folder of story folders"),
        (["--batch", "{root}", "--out", "{out}", "--workers", "0"], "--workers must be"),
        (
            ["--batch", "{root}", "--out", "{out}", "--workers", "2", "--scheduler", "x:1"],
            "--workers is for local runs",
        ),
        (["--batch", "{root}", "--out", "{out}", "{root}"], "give no other PATHS"),
        (["--batch", "{root}", "--out", "{out}", "--export", "-"], "no --export"),
        (["--batch", "{root}", "--out", "{out}", "--save", "{out}"], "no --export"),
        (["--batch", "{out_file}", "--out", "{out}"], "not a folder of story folders"),
        (["--batch", "{root}", "--out", "{out_file}"], "not a folder"),
        (["--batch", "{bare}", "--out", "{out}"], "no story folders"),
    ],
)
def test_bad_batch_options_are_one_line_and_exit_2(tmp_path, capsys, args, message):
    root = tmp_path / "root"
    root.mkdir()
    write_flood(root)
    (tmp_path / "bare").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    values = {
        "root": root,
        "out": tmp_path / "out",
        "out_file": tmp_path / "file.txt",
        "bare": tmp_path / "bare",
    }
    assert main([a.format(**values) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("parallax: ")
    assert message in err
    assert not (tmp_path / "out").exists()


def test_unreachable_scheduler_is_one_line(tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed", reason="the cluster extra is not installed")
    monkeypatch.setattr(batch, "CONNECT_TIMEOUT_S", 1)
    root = tmp_path / "root"
    root.mkdir()
    write_flood(root)
    code = main(
        ["--batch", str(root), "--out", str(tmp_path / "out"), "--scheduler", "127.0.0.1:9"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("parallax: cannot reach the Dask scheduler at 127.0.0.1:9")
    assert err.count("\n") == 1


DASK_SCRIPT = textwrap.dedent(
    """
    import sys
    from distributed import LocalCluster
    from tui.__main__ import main

    if __name__ == "__main__":
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None,
        ) as cluster:
            code = main(["--batch", sys.argv[1], "--out", sys.argv[2],
                         "--scheduler", cluster.scheduler_address])
        sys.exit(code)
    """
)


def test_dask_cluster_gives_the_same_outputs(local_run, tmp_path):
    """Two Dask workers on 127.0.0.1 run the same batch: byte-identical outputs and rows."""
    pytest.importorskip("distributed", reason="the cluster extra is not installed")
    root, local_out, _ = local_run
    out = make_out(tmp_path / "out")
    script = tmp_path / "dask_batch.py"
    script.write_text(DASK_SCRIPT, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(root), str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # the cluster's processes go with it on a timeout
        # the test's own cluster, closed as the batch ends, may log a worker's heartbeat to
        # the closing scheduler as a traceback (distributed's logging, not Parallax's output)
        env={**os.environ, "DASK_LOGGING__DISTRIBUTED": "critical"},
    )
    try:
        _, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the Dask batch took more than {TIMEOUT_S} s")
    assert process.returncode == 1, err  # the unwritable story fails there too
    assert "Traceback" not in err
    assert outputs(out) == outputs(local_out)
    assert len(outputs(out)) == 3 * 3 + 1  # and the file in the way of "unwritable"

    def comparable(folder):
        """Rows without the seconds, and with the output folder's name (in errors) left out."""
        rows = summary(folder).items()
        return {
            story: {k: v.replace(str(folder), "OUT") for k, v in row.items() if k != "seconds"}
            for story, row in rows
        }

    assert comparable(out) == comparable(local_out)


def test_bench_batch_runs_on_a_tiny_batch(tmp_path, capsys):
    """``python -m bench.batch`` end to end on 3 tiny stories (no timing is checked)."""
    from bench import batch as bench_batch

    output = tmp_path / "batch.json"
    args = ["--stories", "3", "--articles", "3", "--semantic", "off", "--no-dask"]
    assert bench_batch.main([*args, "--output", str(output)]) == 0
    results = json.loads(output.read_text(encoding="utf-8"))
    assert [r["run"] for r in results["runs"]] == ["local-1", "local-2"]
    assert [r["ok"] for r in results["runs"]] == [3, 3]
    assert results["identical_outputs"] is True
    assert results["runs"][0]["workers"] == 1
    assert all(r["peak_rss_mb_per_worker"] for r in results["runs"])
    assert set(results["projection"]["table"]) >= {"100000@2", "1000000@64"}
    assert "identical outputs across runs: True" in capsys.readouterr().out
