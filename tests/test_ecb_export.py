"""ECB+ through the CSV export (bench/ecb_export.py, issue 16) on a tiny benchmark.

The whole benchmark is never run here (that is ``python -m bench.ecb_export``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment import AlignConfig
from bench import quality
from bench.ecb_export import evaluate, links_from_csv, main
from bench.quality import BenchDoc, build_document, make_link

from .test_quality_harness import _write_tiny_benchmark

HEADER = "group,source_a,start_a,end_a,text_a,source_b,start_b,end_b,text_b,similarity\r\n"


def _built(name: str, sentences: list[str], selected: list[int]):
    return build_document(
        BenchDoc("1", name, "ecb", frozenset(selected), tuple(enumerate(sentences))),
        selected_only=True,
    )


def test_each_row_predicts_every_pair_of_its_passages_lines():
    a = _built("1_1ecb", ["One here.", "Two here.", "Three."], [0, 1, 2])
    b = _built("-odd", ["Four here.", "Five."], [0, 1])  # the CSV writes it as '-odd
    text_a, text_b = a.document.text, b.document.text
    two_lines = (0, text_a.index("Three") - 1)  # a passage over lines 0 and 1
    rows = [
        f'0,1_1ecb,{two_lines[0]},{two_lines[1]},"x",\'-odd,0,{len("Four here.")},"y",0.5',
        f'1,1_1ecb,{text_a.index("Three")},{len(text_a)},"x",\'-odd,'
        f'{text_b.index("Five")},{len(text_b)},"y",0.5',
    ]
    links, count = links_from_csv(HEADER + "\r\n".join(rows) + "\r\n", [a, b])
    assert count == 2
    assert links == {
        make_link(("1_1ecb", 0), ("-odd", 0)),
        make_link(("1_1ecb", 1), ("-odd", 0)),
        make_link(("1_1ecb", 2), ("-odd", 1)),
    }


def test_unknown_sources_and_missing_columns_are_refused():
    a = _built("a", ["One."], [0])
    with pytest.raises(ValueError, match="unknown source"):
        links_from_csv(HEADER + '0,a,0,4,"x",zz,0,4,"y",0.5\r\n', [a])
    with pytest.raises(ValueError, match="header"):
        links_from_csv("group,source_a\r\n0,a\r\n", [a])


def test_export_matches_the_engine_in_process(tmp_path: Path):
    """The real command on each topic's folder scores as ``align()`` does on the same text."""
    _write_tiny_benchmark(tmp_path)
    result = evaluate(tmp_path, semantic=False)
    assert result["status"] == "ok"
    assert result["errors"] == 0
    assert result["documents"] == 5
    assert set(result["per_topic"]) == {"1", "3"}
    in_process = quality.evaluate(tmp_path, AlignConfig(), selected_only=True, baselines=False)
    assert result["overall"] == in_process["systems"]["engine"]["overall"]
    assert result["overall"]["correct"] >= 1  # the twin quake sentences are linked
    json.dumps(result)


def test_a_failed_export_is_reported_not_scored_as_empty(tmp_path: Path, capsys):
    _write_tiny_benchmark(tmp_path)
    with (tmp_path / "docs.jsonl").open("a", encoding="utf-8") as handle:
        row = {"topic": "5", "doc": "5_1ecb", "subcorpus": "ecb", "selected": [0]}
        handle.write(json.dumps({**row, "sentences": {"0": "Alone here ."}}) + "\n")
    out = tmp_path / "out.json"
    code = main(["--path", str(tmp_path), "--topics", "5", "--no-semantic", "--out", str(out)])
    assert code == 1
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "two usable sources" in written["per_topic"]["5"]["error"]
    assert "FAILED" in capsys.readouterr().out


def test_absent_benchmark_and_unknown_topic(tmp_path: Path, capsys):
    out = tmp_path / "out.json"
    assert main(["--path", str(tmp_path / "nowhere"), "--out", str(out)]) == 0
    assert "skipped" in capsys.readouterr().out
    assert not out.exists()
    _write_tiny_benchmark(tmp_path)
    assert main(["--path", str(tmp_path), "--topics", "9", "--out", str(out)]) == 2
    assert "unknown topic" in capsys.readouterr().err
