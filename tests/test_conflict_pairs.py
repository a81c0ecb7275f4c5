"""The minimal pairs of issue 17 (tests/gold/conflict_pairs.yaml) and their runner.

The file's integrity (schema, size, coverage of every failure class with conflicts and
look-alikes, a held-out split, nothing from the seeds), the runner's scoring and command line,
and the issue's targets per kind, through the detector and through the export, as strict
xfails where today's engine misses them (they turn into failures, XPASS, when it meets them:
then drop the mark).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from alignment import AlignConfig
from bench.conflict_pairs import (
    CLASSES,
    KINDS,
    PAIRS,
    SPLITS,
    Flag,
    Outcome,
    PairRecord,
    PairsError,
    Scores,
    load_pairs,
    main,
    score,
    through_detector,
    through_export,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FAILURE_CLASSES = CLASSES[:9]
MIN_PAIRS = 240
MIN_PER_CLASS = 20
MIN_PER_KIND = 10
MIN_FRESH = 90
MIN_FRESH_PER_KIND = 8
SEED_WINDOW = 30
PRECISION_TARGET = 0.9
RECALL_TARGET = 0.8


@pytest.fixture(scope="module")
def pairs() -> tuple[PairRecord, ...]:
    return load_pairs(PAIRS)


# --------------------------------------------------------------------------- the file


def test_file_fits_the_schema_with_unique_ids(pairs):
    # load_pairs checks the schema and refuses repeated ids; this checks it found them all
    raw = PAIRS.read_text(encoding="utf-8")
    assert len(pairs) == len(re.findall(r"^- id:", raw, flags=re.MULTILINE))
    assert len({p.id for p in pairs}) == len(pairs)


FRESH_SPLITS = ["fresh", *(f"fresh{n}" for n in range(2, 19))]


def test_at_least_240_pairs(pairs):
    assert len(pairs) >= MIN_PAIRS


@pytest.mark.parametrize("cls", FAILURE_CLASSES)
def test_each_class_has_conflicts_and_lookalikes(pairs, cls):
    mine = [p for p in pairs if p.cls == cls]
    conflicts = sum(bool(p.expect) for p in mine)
    assert len(mine) >= MIN_PER_CLASS
    # roughly half and half: each side at least a third of the class
    assert len(mine) / 3 <= conflicts <= 2 * len(mine) / 3


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_support(pairs, kind):
    assert sum(kind in p.expect for p in pairs) >= MIN_PER_KIND


def test_every_conflict_names_its_words(pairs):
    bare = [p.id for p in pairs if p.expect and not (p.spans_a or p.spans_b)]
    assert bare == []


def test_a_third_is_held_out_in_every_class(pairs):
    # of the first set (dev and test); the fresh set is a second held-out set on its own
    # (the look-alikes a session added to dev later, ids "s6-", "s7-", were never drawn)
    first = [p for p in pairs if p.split in ("dev", "test") and not re.match(r"s\d+-", p.id)]
    split = Counter(p.split for p in first)
    assert 0.28 <= split["test"] / len(first) <= 0.38
    for cls in FAILURE_CLASSES:
        held = {bool(p.expect) for p in first if p.cls == cls and p.split == "test"}
        assert held == {True, False}, f"class {cls}: held-out conflicts and look-alikes"


@pytest.mark.parametrize("label", FRESH_SPLITS)
def test_fresh_set_covers_every_class_and_kind(pairs, label):
    fresh = [p for p in pairs if p.split == label]
    assert len(fresh) >= MIN_FRESH
    for cls in FAILURE_CLASSES:
        held = {bool(p.expect) for p in fresh if p.cls == cls}
        assert held == {True, False}, f"class {cls}: fresh conflicts and look-alikes"
    for kind in KINDS:
        assert sum(kind in p.expect for p in fresh) >= MIN_FRESH_PER_KIND, kind
    conflicts = sum(bool(p.expect) for p in fresh)
    assert len(fresh) / 3 <= conflicts <= 2 * len(fresh) / 3


@pytest.mark.parametrize("label", FRESH_SPLITS)
def test_fresh_set_shares_no_sentence_with_the_others(pairs, label):
    others = {t for p in pairs if p.split != label for t in (p.a, p.b)}
    assert [p.id for p in pairs if p.split == label and {p.a, p.b} & others] == []


def test_splits_partition_the_file(pairs):
    parts = [{p.id for p in load_pairs(PAIRS, split=s)} for s in SPLITS]
    assert set().union(*parts) == {p.id for p in pairs}
    assert sum(map(len, parts)) == len(pairs)


def _windows(text: str) -> set[str]:
    flat = re.sub(r"\s+", " ", text.casefold())
    return {flat[i : i + SEED_WINDOW] for i in range(len(flat) - SEED_WINDOW + 1)}


def test_no_sentence_comes_from_the_seeds(pairs):
    seeds = set().union(*(_windows(f.read_text(encoding="utf-8")) for f in SEEDS.glob("*.txt")))
    assert seeds, "the seeds were not found"
    copied = [p.id for p in pairs for text in (p.a, p.b) if _windows(text) & seeds]
    assert copied == []


# --------------------------------------------------------------------------- the runner


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pairs.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """pairs:
- id: one
  class: 1
  split: dev
  a: Five people died.
  b: Seven people died.
  expect: [number]
  spans: {a: [Five], b: [Seven]}
  published_a: 2025-03-11
  note: why
"""


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("class: 1", "class: 12"), "class '12'"),
        (("split: dev", "split: train"), "split must be one of dev, test, fresh"),
        (("[number]", "[numbers]"), "unknown kinds numbers"),
        (("[number]", "[number, number]"), "listed twice"),
        (("a: [Five]", "a: [Six]"), "span 'Six' is not in a"),
        (("2025-03-11", "yesterday"), "published_a must be an ISO date"),
        (("  note: why\n", ""), "missing note"),
        (("  note: why\n", "  note: why\n  colour: red\n"), "unknown fields colour"),
        (
            ("expect: [number]\n  spans: {a: [Five], b: [Seven]}", "expect: []\n  spans: {}"),
            "spans given",
        ),
    ],
)
def test_loader_names_each_problem(tmp_path, edit, message):
    path = _write(tmp_path, GOOD.replace(*edit))
    with pytest.raises(PairsError, match=re.escape(message)):
        load_pairs(path)


def test_loader_reads_a_good_record(tmp_path):
    (record,) = load_pairs(_write(tmp_path, GOOD))
    assert record.expect == {"number"}
    assert record.spans_a == ("Five",)
    assert record.published_a is not None
    assert record.published_a.isoformat() == "2025-03-11"
    assert record.published_b is None


def test_loader_refuses_repeated_ids(tmp_path):
    with pytest.raises(PairsError, match="id repeated"):
        load_pairs(_write(tmp_path, GOOD + GOOD.removeprefix("pairs:\n")))


def _record(rid: str, expect: set[str], **spans: tuple[str, ...]) -> PairRecord:
    return PairRecord(
        id=rid,
        cls="1",
        split="dev",
        a="Five people died.",
        b="Seven people died.",
        expect=frozenset(expect),
        **spans,
        note="",
    )


def test_score_counts_each_kind():
    records = [
        _record("hit", {"number"}, spans_a=("Five",), spans_b=("Seven",)),
        _record("wrong-kind", {"number"}),
        _record("lookalike", set()),
        _record("missed", {"time"}),
    ]
    outcomes = {
        "hit": Outcome((Flag("number", "deaths", ((0, 4),), ((0, 5),)),)),
        "wrong-kind": Outcome((Flag("negation", "died"),)),
        "lookalike": Outcome((Flag("number", "deaths"),)),
        "missed": Outcome((), linked=False),
    }
    scores: Scores = score(records, outcomes)
    number, negation, time = (scores.overall[k] for k in ("number", "negation", "time"))
    assert (number.tp, number.fp, number.fn, number.spans_hit) == (1, 1, 1, 1)
    assert (negation.tp, negation.fp, negation.fn) == (0, 1, 0)
    assert (time.tp, time.fp, time.fn) == (0, 0, 1)
    assert number.precision == 0.5
    assert time.recall == 0.0
    assert negation.recall is None
    assert (scores.pairs, scores.right, scores.linked) == (4, 1, 3)
    assert set(scores.by_class) == {"1"}


def test_spans_hit_needs_the_conflicting_words():
    record = _record("r", {"number"}, spans_a=("Five",), spans_b=("Seven",))
    # the flagged characters are "people" on both sides, not the figures
    off = Outcome((Flag("number", "deaths", ((5, 11),), ((6, 12),)),))
    assert score([record], {"r": off}).overall["number"].spans_hit == 0


def test_main_reports_bad_input_on_one_line(tmp_path, capsys):
    assert main(["--pairs", str(tmp_path / "missing.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("parallax: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_main_escapes_what_it_prints(tmp_path, capsys):
    # an escape sequence and a bidi override, in the file's name and in a sentence; the pair
    # expects a kind the engine cannot give it here, so --errors prints the sentence
    hostile = GOOD.replace("a: Five people died.", 'a: "Five \\e[31mpeople\\u202e died."')
    hostile = hostile.replace("[number]", "[quote]")
    path = tmp_path / "pairs\x1b[2J\u202e.yaml"
    path.write_text(hostile, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["--pairs", str(path), "--errors", "--through", "detector", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed
    assert "\u202e" not in printed
    assert printed.count("\\x1b") == 2
    assert "Five" in printed


def test_main_writes_both_paths(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main(["--pairs", str(_write(tmp_path, GOOD)), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["detector"]["pairs"] == data["export"]["pairs"] == 1
    assert set(data["detector"]["overall"]) >= set(KINDS)
    assert "through the export" in capsys.readouterr().out


# --------------------------------------------------------------------------- issue 17's targets


@pytest.fixture(scope="module")
def scores(pairs) -> dict[str, Scores]:
    # the whole file but the held-out splits (HELD_OUT, UNSCORED, below) aligns in a few
    # seconds (2,310 stories of two sentences)
    measured = [p for p in pairs if p.split not in HELD_OUT + UNSCORED]
    return {
        "detector": score(measured, through_detector(measured)),
        "export": score(measured, through_export(measured, AlignConfig())),
    }


def test_export_links_most_pairs(scores):
    # a pair the engine does not link has no conflict: the export figures need links
    export = scores["export"]
    assert export.linked / export.pairs >= 0.9


# Where the engine still misses the target, by path and kind: P / R over the whole file but
# the held-out splits (2,310 pairs, fresh16 now among them; session 19, 2026-12-06,
# bench/README.md). fresh3 to fresh16, each held out in its time, had their misses read later
# (a few rules came of them), or count here once their turn as the held-out split ended, so
# they pull recall under the target (fresh16's quotes pull the export's under it).
_WHOLE_FIGURES = {
    "detector": {
        "number": "P 0.95 R 0.71",
        "differs": "P 0.98 R 0.76",
        "negation": "P 0.92 R 0.74",
        "time": "P 0.97 R 0.79",
    },
    "export": {
        "number": "P 0.95 R 0.71",
        "differs": "P 0.99 R 0.74",
        "negation": "P 0.92 R 0.74",
        "time": "P 0.97 R 0.73",
        "quote": "P 0.99 R 0.79",
    },
}
MISSED: dict[tuple[str, str], str] = {
    (path, kind): why for path, figures in _WHOLE_FIGURES.items() for kind, why in figures.items()
}
# The same target on the held-out split alone: fresh17 (120 pairs), written in session 18 by a
# helper who read no rule and paraphrased each pair as two outlets would, scored at the end of
# session 18 (85 and 84 of 120) and again after session 19's rules, aggregated only (84 / 83
# after the first, 85 / 84 at the end, exactly right through the detector / the export), its
# misses never read (2026-12-06, bench/README.md). No kind meets the target.
HELD_OUT = ("fresh17",)
# a split in no score target: fresh18, written in session 19, held out for a later session
UNSCORED: tuple[str, ...] = ("fresh18",)
_HELD_OUT_FIGURES = {
    "detector": {
        "number": "P 0.60 R 0.46",
        "differs": "P 1.00 R 0.73",
        "negation": "P 0.78 R 0.50",
        "time": "P 1.00 R 0.45",
        "attribution": "P 0.86 R 0.55",
        "quote": "P 1.00 R 0.73",
    },
    "export": {
        "number": "P 0.60 R 0.46",
        "differs": "P 1.00 R 0.64",
        "negation": "P 0.78 R 0.50",
        "time": "P 1.00 R 0.45",
        "attribution": "P 0.86 R 0.55",
        "quote": "P 1.00 R 0.64",
    },
}
MISSED_HELD_OUT = {
    (path, kind): why
    for path, figures in _HELD_OUT_FIGURES.items()
    for kind, why in figures.items()
}


def _target(
    path: str, kind: str, missed: dict[tuple[str, str], str] = MISSED
) -> pytest.ParameterSet:
    why = missed.get((path, kind))
    if why is None:
        return pytest.param(path, kind)
    return pytest.param(
        path, kind, marks=pytest.mark.xfail(strict=True, reason=f"issue 17: {kind}, {why}")
    )


@pytest.mark.parametrize(
    ("path", "kind"), [_target(path, kind) for path in ("detector", "export") for kind in KINDS]
)
def test_issue_17_target_per_kind(scores, path, kind):
    assert_meets_target(scores[path].overall[kind])


def assert_meets_target(counts) -> None:  # type: ignore[no-untyped-def]
    assert counts.precision is not None
    assert counts.recall is not None
    assert counts.precision >= PRECISION_TARGET
    assert counts.recall >= RECALL_TARGET


@pytest.fixture(scope="module")
def held_out_scores(pairs) -> dict[str, Scores]:
    held = [p for p in pairs if p.split in HELD_OUT]
    return {
        "detector": score(held, through_detector(held)),
        "export": score(held, through_export(held, AlignConfig())),
    }


@pytest.mark.parametrize(
    ("path", "kind"),
    [_target(path, kind, MISSED_HELD_OUT) for path in ("detector", "export") for kind in KINDS],
)
def test_issue_17_target_per_kind_held_out(held_out_scores, path, kind):
    assert_meets_target(held_out_scores[path].overall[kind])
