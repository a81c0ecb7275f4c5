"""The ECB+ quality harness (issue 9): detokenising, mapping, scoring, absent data.

The whole benchmark is never run here (that is ``python -m bench.quality``); a tiny
benchmark is written to a temporary folder instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment import AlignConfig, Alignment, ConfigError, Document, Group, Pair, Passage
from bench.quality import (
    BenchDoc,
    Score,
    baseline_links,
    build_document,
    detokenise,
    evaluate,
    links_from_alignment,
    load_benchmark,
    main,
    make_link,
    parse_overrides,
    score,
)


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("Reid checked in , her rep told People .", "Reid checked in, her rep told People."),
        ("`` We appreciate it , '' he said .", '"We appreciate it," he said.'),
        ("She was n't there and ca n't go .", "She wasn't there and can't go."),
        ("the actress 's rep", "the actress's rep"),
        ("I 'm sure they 're fine", "I'm sure they're fine"),
        ("the Tar Heels ( 10-0 ) won", "the Tar Heels (10-0) won"),
        ("a fine of $ 5 , or 5 % of it", "a fine of $5, or 5% of it"),
        ("a 90 - day court - mandated stay", "a 90-day court-mandated stay"),
        ("a 6 . 1 - magnitude quake", "a 6.1-magnitude quake"),
        ("at 3 : 30 p . m . on Friday", "at 3:30 p.m. on Friday"),
        ("killed 4 , 051 people", "killed 4,051 people"),
        ("May 2 , 2013", "May 2, 2013"),
        ("SeaMicro ’ s servers did n’t", "SeaMicro’s servers didn’t"),
        ("didn ’ t", "didn’t"),
        ("“ We won , ” he said .", "“We won,” he said."),
        ('" We won , " he said .', '"We won," he said.'),
        ('he said : " Stop it . "', 'he said: "Stop it."'),
        ("the Saints ' season", "the Saints' season"),
        ("http : / / www . site . com / a / b", "http://www.site.com/a/b"),
        ("Lohan -- who was late -- arrived", "Lohan -- who was late -- arrived"),
        ("Wait ... what ?", "Wait... what?"),
        ("", ""),
    ],
)
def test_detokenise(tokens: str, text: str) -> None:
    assert detokenise(tokens) == text


def test_score_counts_exact_precision_and_recall() -> None:
    a0, a1, b0, b1, c0 = ("A", 0), ("A", 1), ("B", 0), ("B", 1), ("C", 0)
    gold = {(a0, b0), (b1, a1), (a0, c0), (b0, c0)}
    # one duplicate given in the other order, one wrong link
    predicted = [(a0, b0), (b0, a0), (a1, b1), (a1, c0)]
    s = score(predicted, gold)
    assert (s.predicted, s.gold, s.correct) == (3, 4, 2)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 4)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_score_empty_cases_are_zero_not_errors() -> None:
    assert score([], []).as_dict()["f1"] == 0.0
    assert score([(("A", 0), ("B", 0))], []).precision == 0.0
    assert Score(1, 2, 1) + Score(3, 4, 2) == Score(4, 6, 3)


def _doc(name: str, sentences: list[str], selected: list[int], sub: str = "ecb") -> BenchDoc:
    return BenchDoc(
        topic="1",
        name=name,
        subcorpus=sub,
        selected=frozenset(selected),
        sentences=tuple(enumerate(sentences)),
    )


def test_build_document_spans_slice_back_to_each_sentence() -> None:
    doc = _doc("d", ["Hello , world .", "Second one .", "Third ( x ) ."], [0, 2])
    built = build_document(doc)
    assert built.document.id == "d"
    assert [built.document.text[s:e] for _, s, e in built.spans] == [
        "Hello, world.",
        "Second one.",
        "Third (x).",
    ]
    assert built.document.text.count("\n") == 2
    only = build_document(doc, selected_only=True)
    assert [n for n, _, _ in only.spans] == [0, 2]
    assert only.document.text == "Hello, world.\nThird (x)."


def test_links_from_alignment_expands_passages_and_keeps_selected_only() -> None:
    x = build_document(_doc("x", ["One a .", "Two b .", "Three c ."], [0, 1]))
    y = build_document(_doc("y", ["Four d .", "Five e ."], [0, 1], sub="ecbplus"))
    (_, x0, _), (_, _, x1), (_, x2, x2e) = x.spans
    (_, y0, y0e), (_, y1, y1e) = y.spans
    passages = (
        Passage(id=0, doc=0, first=0, last=1, start=x0, end=x1, group=0),  # x0 and x1
        Passage(id=1, doc=0, first=2, last=2, start=x2, end=x2e, group=1),  # x2, not selected
        Passage(id=2, doc=1, first=0, last=0, start=y0, end=y0e, group=0),
        Passage(id=3, doc=1, first=1, last=1, start=y1, end=y1e, group=1),
    )
    alignment = Alignment(
        documents=(x.document, y.document),
        sentences=((), ()),
        passages=passages,
        pairs=(Pair(a=0, b=2, similarity=0.9, group=0), Pair(a=1, b=3, similarity=0.9, group=1)),
        groups=(Group(id=0, passages=(0, 2), pairs=(0,)), Group(id=1, passages=(1, 3), pairs=(1,))),
    )
    expected = {make_link(("x", 0), ("y", 0)), make_link(("x", 1), ("y", 0))}
    assert links_from_alignment(alignment, [x, y]) == expected
    assert links_from_alignment(alignment, [x, y], via="groups") == expected
    with pytest.raises(ValueError, match="via"):
        links_from_alignment(alignment, [x, y], via="nope")


def test_baseline_links_cross_document_only() -> None:
    a = build_document(
        _doc("a", ["The quake killed ten people .", "The quake hit at dawn ."], [0, 1])
    )
    b = build_document(
        _doc("b", ["Ten people were killed by the quake .", "Stocks rose ."], [0, 1])
    )
    links = baseline_links([a, b])
    assert make_link(("a", 0), ("b", 0)) in links
    assert make_link(("a", 1), ("a", 0)) not in links  # same document, never a link
    assert all(x[0] != y[0] for x, y in links)
    assert make_link(("a", 0), ("b", 1)) not in links


def _write_tiny_benchmark(folder: Path) -> None:
    docs = [
        ("1", "1_1ecb", "ecb", [0, 1], ["Tara Reid checked into Promises rehab on Tuesday .",
                                         "Her rep told People magazine the news ."]),
        ("1", "1_2ecb", "ecb", [0], ["Actress Tara Reid checked into Promises rehab Tuesday ."]),
        ("1", "1_1ecbplus", "ecbplus", [0], ["Lindsay Lohan entered Betty Ford on Friday ."]),
        ("3", "3_1ecb", "ecb", [0], ["A quake of magnitude 6 shook the island ."]),
        ("3", "3_2ecb", "ecb", [0], ["The island was shaken by a magnitude 6 quake ."]),
    ]  # fmt: skip
    with (folder / "docs.jsonl").open("w", encoding="utf-8") as handle:
        for topic, name, sub, selected, sentences in docs:
            row = {
                "topic": topic,
                "doc": name,
                "subcorpus": sub,
                "selected": selected,
                "sentences": {str(i): s for i, s in enumerate(sentences)},
            }
            handle.write(json.dumps(row) + "\n")
    (folder / "pairs.tsv").write_text(
        "topic\tdoc_a\tsent_a\tdoc_b\tsent_b\tn_shared_events\tn_shared_entities\tshared\n"
        "1\t1_1ecb\t0\t1_2ecb\t0\t2\t1\tx\n"
        "1\t1_1ecb\t1\t1_2ecb\t0\t0\t1\ty\n"  # entities only: not a gold event link
        "3\t3_1ecb\t0\t3_2ecb\t0\t1\t1\tz\n",
        encoding="utf-8",
    )


def test_load_benchmark_keeps_event_pairs_only(tmp_path: Path) -> None:
    _write_tiny_benchmark(tmp_path)
    bench = load_benchmark(tmp_path)
    assert bench.topics() == ["1", "3"]
    assert bench.gold["1"] == {make_link(("1_2ecb", 0), ("1_1ecb", 0))}
    assert len(bench.docs) == 5


def test_evaluate_tiny_benchmark(tmp_path: Path) -> None:
    _write_tiny_benchmark(tmp_path)
    result = evaluate(tmp_path, AlignConfig(), collatex=False)
    assert result["status"] == "ok"
    assert result["topics"] == ["1", "3"]
    assert result["gold_links"] == 2
    for name in ("engine", "token_set_ratio>=50"):
        overall = result["systems"][name]["overall"]
        assert overall["gold"] == 2
        assert 0 <= overall["correct"] <= overall["predicted"]
        assert set(result["systems"][name]["per_topic"]) == {"1", "3"}
    assert result["systems"]["collatex"]["status"] == "skipped"
    json.dumps(result)  # the result is written as JSON
    with pytest.raises(ValueError, match="unknown topic"):
        evaluate(tmp_path, topics=["2"])


def test_main_writes_json_for_chosen_topics(tmp_path: Path, capsys) -> None:
    _write_tiny_benchmark(tmp_path)
    out = tmp_path / "quality.json"
    code = main(["--path", str(tmp_path), "--topics", "3", "--no-collatex", "--out", str(out)])
    assert code == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["topics"] == ["3"]
    assert "engine" in capsys.readouterr().out


def test_absent_benchmark_is_skipped_with_one_line(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere"
    result = evaluate(missing)
    assert result["status"] == "skipped"
    out = tmp_path / "quality.json"
    assert main(["--path", str(missing), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1
    assert "skipped" in printed[0]
    assert str(missing) in printed[0]
    assert not out.exists()


def test_parse_overrides() -> None:
    config = parse_overrides(["link_threshold=0.6", "max_passage_sentences=2"], AlignConfig())
    assert config.link_threshold == 0.6
    assert config.max_passage_sentences == 2
    assert config.cosine_weight == AlignConfig().cosine_weight
    with pytest.raises(ConfigError, match="did you mean"):
        parse_overrides(["link_treshold=0.6"], AlignConfig())
    with pytest.raises(ConfigError, match="key=value"):
        parse_overrides(["link_threshold"], AlignConfig())
    assert main(["--set", "link_threshold=2"]) == 2


def test_document_ids_are_names() -> None:
    built = build_document(_doc("7_3ecbplus", ["A b c ."], [0]))
    assert isinstance(built.document, Document)
    assert built.document.id == "7_3ecbplus"
