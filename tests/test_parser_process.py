"""The parser in a child process (alignment/parser_process.py): the same readings as in the
caller's process, one-line errors, no hang, no child left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from alignment import AlignConfig
from alignment.claims import ClaimReader, read_parsed
from alignment.engine import _claimed, prefetch_claims
from alignment.lexicon import DEFAULT_LEXICON
from alignment.parse import PARSER_FOLDER, PARSER_MODULE, parse
from alignment.parser_process import ParserProcess, ParserProcessError
from alignment.scoring import segment

from .conftest import ROOT

CHILD_MODULE = "alignment.parser_process"


@pytest.fixture(scope="module")
def seed_texts(seed_documents) -> list[str]:
    """The sentences of the seeds whose claims the engine reads."""
    text = segment(seed_documents, AlignConfig())
    docs = text.documents
    return [docs[d].text[s.start : s.end] for d, s in _claimed(text)]


@pytest.fixture
def child():
    process = ParserProcess()
    yield process
    process.close()


def _broken_model(tmp_path: Path) -> dict[str, str]:
    """An environment whose parser model package has no weights (it shadows the real one)."""
    package = tmp_path / "shadow" / PARSER_MODULE
    (package / PARSER_FOLDER).mkdir(parents=True)
    (package / "__init__.py").write_text("")
    path = os.pathsep.join([str(tmp_path / "shadow"), os.environ.get("PYTHONPATH", "")])
    return {"PYTHONPATH": path.rstrip(os.pathsep)}


def test_child_readings_equal_in_process_ones(child, seed_texts):
    here = [read_parsed(doc) for doc in parse(seed_texts)]
    assert child.read(seed_texts) == here
    # A second request to the same child, in another order, reads the same.
    assert child.read(seed_texts[::-1]) == here[::-1]


def test_child_reads_with_a_custom_lexicon(child, seed_texts):
    lexicon = DEFAULT_LEXICON.extended(hedges=("reportedly", "apparently"))
    texts = [*seed_texts[:10], "The minister apparently said that 40 people were hurt."]
    here = [read_parsed(doc, lexicon) for doc in parse(texts)]
    assert child.read(texts, lexicon) == here


def test_a_killed_child_is_one_error_not_a_hang(child, seed_texts):
    child.start()
    process = child._process
    assert process is not None
    process.kill()
    process.wait(10)
    with pytest.raises(ParserProcessError, match="ended unexpectedly") as info:
        child.read(seed_texts)
    assert "\n" not in info.value.message
    assert not child.running
    # The next read starts a new child.
    assert len(child.read(seed_texts[:2])) == 2


def test_close_stops_a_read_under_way(child, seed_texts):
    errors: list[BaseException] = []

    def read() -> None:
        try:
            child.read(seed_texts * 20)
        except ParserProcessError as error:
            errors.append(error)

    thread = threading.Thread(target=read)
    thread.start()
    time.sleep(0.5)
    child.close()
    thread.join(30)
    assert not thread.is_alive()
    assert errors
    assert "stopped" in str(errors[0])


def test_a_broken_model_is_reported_by_the_child(tmp_path, monkeypatch, seed_texts):
    for key, value in _broken_model(tmp_path).items():
        monkeypatch.setenv(key, value)
    process = ParserProcess()
    try:
        with pytest.raises(ParserProcessError, match="parser model is incomplete"):
            process.read(seed_texts[:3])
    finally:
        process.close()


def test_cli_with_a_broken_model_says_one_line(tmp_path):
    env = {**os.environ, **_broken_model(tmp_path), "PARALLAX_CACHE_DIR": str(tmp_path / "c")}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--export", "-", "--no-semantic"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("parallax: the parser model is incomplete")
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_reader_prefetch_fills_both_caches(tmp_path, seed_documents, seed_texts):
    reader = ClaimReader(cache_dir=tmp_path, child=True)
    try:
        prefetch_claims(seed_documents, AlignConfig(), reader)
        assert reader._child is not None
        assert reader._child.running  # the texts are new: the child parses them
        assert reader.parsing
        got = reader.read(seed_texts)
        assert not reader.parsing
    finally:
        reader.cancel()
    assert got == [read_parsed(doc) for doc in parse(seed_texts)]
    # A second reader over the same disk cache never starts the parser.
    again = ClaimReader(cache_dir=tmp_path, child=True)
    prefetch_claims(seed_documents, AlignConfig(), again)
    assert again.read(seed_texts) == got
    assert again._child is not None
    assert not again._child.running


def _children(pid: int) -> list[int]:
    """The parser children of ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        ppid = next(
            (line.split()[1] for line in status.splitlines() if line.startswith("PPid")), ""
        )
        if ppid == str(pid) and CHILD_MODULE in cmdline:
            found.append(int(entry.name))
    return found


def _gone(pid: int, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except OSError:
            return True
        if state == "Z":  # ended, waiting to be reaped by its new parent
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, -15)])
def test_ctrl_c_or_sigterm_ends_the_parser_child(tmp_path, sig, code):
    out = tmp_path / "out.csv"
    cli = subprocess.Popen(
        [sys.executable, "-m", "tui", "--export", str(out), "--no-semantic"],
        cwd=ROOT,
        env={**os.environ, "PARALLAX_CACHE_DIR": str(tmp_path / "cache")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, as a shell's job
    )
    try:
        children: list[int] = []
        end = time.monotonic() + 60
        while not children and cli.poll() is None and time.monotonic() < end:
            children = _children(cli.pid)
            time.sleep(0.02)
        assert children, "the export never started a parser process"
        # Ctrl+C reaches the whole group; SIGTERM (kill PID) only the command.
        if sig == signal.SIGINT:
            os.killpg(cli.pid, sig)
        else:
            cli.send_signal(sig)
        _, err = cli.communicate(timeout=30)
    finally:
        if cli.poll() is None:
            cli.kill()
    assert cli.returncode == code
    assert "Traceback" not in err
    assert all(_gone(pid) for pid in children)
    assert not out.exists()


def test_the_child_does_not_load_the_engine():
    """The child imports the claim layer and the parser only: ``import alignment`` is lazy,
    so numpy, scipy and the engine stay out of it."""
    code = (
        "import sys, alignment.parser_process, alignment.claims, alignment.parse; "
        "heavy = [m for m in ('numpy', 'scipy', 'alignment.engine') if m in sys.modules]; "
        "sys.exit(1 if heavy else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0
    # The public names are still there, loaded on first use.
    code = "import alignment; from alignment import align, Document; print(alignment.AlignConfig)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "AlignConfig" in done.stdout


def test_each_text_is_parsed_once_whoever_asks(tmp_path, seed_texts):
    """A prefetch and reads from two threads share one parse of each text."""
    reader = ClaimReader(cache_dir=tmp_path, child=True)
    assert reader._child is not None
    asked: list[int] = []
    real = reader._child.read

    def counted(texts, lexicon=None):
        asked.append(len(texts))
        return real(texts, lexicon)

    reader._child.read = counted  # type: ignore[method-assign]
    results: list[list] = []
    try:
        reader.prefetch(seed_texts[:40])
        threads = [
            threading.Thread(target=lambda: results.append(reader.read(seed_texts[:60])))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        reader.cancel()
    # the first 40 by the prefetch, the other 20 by one of the readers
    assert sum(asked) == len(set(seed_texts[:60]))
    assert results[0] == results[1] == [read_parsed(doc) for doc in parse(seed_texts[:60])]


def test_a_big_request_is_shared_by_two_children_in_order(seed_texts):
    from alignment.parser_process import ParserPool

    pool = ParserPool(processes=2, split_texts=20)
    try:
        got = pool.read(seed_texts)
        used = sum(child.running for child in pool.children)
    finally:
        pool.close()
    assert got == [read_parsed(doc) for doc in parse(seed_texts)]
    assert used == min(2, os.cpu_count() or 1)


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
@pytest.mark.parametrize(
    "texts", [[], ["a"], ["a", "bb"], ["x" * n for n in (5, 50, 1, 1, 300, 2, 40, 40, 9)]]
)
def test_cut_keeps_every_text_in_order(texts, parts):
    from alignment.parser_process import _cut

    runs = _cut(list(texts), parts)
    assert [t for run in runs for t in run] == texts
    assert len(runs) <= max(1, parts)
    assert all(runs) or runs == [[]]


def test_a_failing_stage_stops_the_parse_under_way(tmp_path, seed_documents):
    """align() fails on a stage beside the parse: the child is stopped, nothing waits for it."""
    from alignment import align

    class Broken:
        def __call__(self, left, right):
            raise AssertionError("never scored")

        def embed(self, texts):
            raise RuntimeError("the model broke")

    reader = ClaimReader(cache_dir=tmp_path, child=True)
    with pytest.raises(RuntimeError, match="the model broke"):
        align(seed_documents, AlignConfig(), scorer=Broken(), claims=reader)
    assert reader._child is not None
    assert not reader._child.running


def test_without_posix_descriptors_the_reader_parses_in_process(monkeypatch, seed_texts):
    import alignment.parser_process

    monkeypatch.setattr(alignment.parser_process, "SUPPORTED", False)
    reader = ClaimReader(child=True)
    assert reader._child is None
    assert reader.read(seed_texts[:3]) == [read_parsed(doc) for doc in parse(seed_texts[:3])]
