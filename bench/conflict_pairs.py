"""Conflicts on the minimal pairs of issue 17 (``tests/gold/conflict_pairs.yaml``).

Each record is two invented news sentences, the failure class it probes (1-9 of the issue, or
"other") and the conflict kinds a reader expects (``[]``: none). The pairs are scored two ways:

- through the detector: the engine's conflict detector on the two sentences directly (one
  adapter, :func:`detect`, holds that call, since its signature will change);
- through the export: two in-memory documents ("a" and "b") aligned with ``align()`` and
  exported with ``csv_text()``; the kinds are read from the ``contradiction`` column of the
  rows. A pair the engine does not link has no row, hence no conflict: the link rate is
  reported beside the figures.

For every kind: TP (the pair expects the kind and it is flagged), FP (flagged, not expected:
a kind outside ``expect`` is a false positive for that kind) and FN (expected, not flagged);
precision, recall and support (TP + FN), overall and per class. Through the detector, a TP
also counts as "spans hit" when the flagged characters overlap the record's conflicting words
on every side that names some.

Run: ``.venv/bin/python -m bench.conflict_pairs [--split SPLIT] [--errors]`` (SPLIT: dev, test,
fresh, fresh2, ..., fresh18 or all).
Other code calls :func:`load_pairs`, :func:`through_detector`, :func:`through_export` and
:func:`score`.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from alignment import AlignConfig, Document, align, load_config
from alignment.claims import default_reader
from alignment.conflicts import Side, find_conflicts
from alignment.errors import ParallaxError
from alignment.export import csv_text, write_atomic
from alignment.load import YamlAliasError, parse_yaml
from alignment.semantic import load_scorer

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "gold" / "conflict_pairs.yaml"
DEFAULT_OUT = Path(__file__).resolve().parent / "conflict_pairs.json"

KINDS = ("number", "differs", "negation", "time", "attribution", "quote")
CLASSES = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "other")
SPLITS = ("dev", "test", "fresh", *(f"fresh{n}" for n in range(2, 19)))
PATHS = ("detector", "export")
_FIELDS = {
    "id",
    "class",
    "split",
    "a",
    "b",
    "expect",
    "spans",
    "published_a",
    "published_b",
    "note",
}
_REQUIRED = ("id", "class", "split", "a", "b", "expect", "note")


class PairsError(ValueError):
    """The pairs file is missing, not YAML, or has records that do not fit the schema."""


@dataclass(frozen=True, slots=True)
class PairRecord:
    """One minimal pair.

    Attributes:
        id: unique slug.
        cls: the failure class, "1" to "9" or "other".
        split: "dev" (tuned on), "test" (held out), "fresh" (a second held-out set, written
            later, before the changes it measures), "fresh2" (a third, written in session 5),
            "fresh3" (a fourth, written in session 5 after fresh2 was read, held out for its end),
            "fresh4" (a fifth, written at the end of session 5, held out for the next),
            "fresh5" (a sixth, written in session 6 by a helper who read no rule),
            "fresh6" (a seventh, written in session 6 by another helper who read no rule)
            "fresh7" (an eighth, written in session 7 the same way, read in session 9),
            "fresh8" (a ninth, written in session 8 the same way, held out in session 9),
            "fresh9" (a tenth, written in session 9 the same way, read in session 11) or
            "fresh10" (an eleventh, written in session 10 the same way; read in session 13)
            "fresh11" (a twelfth, written in session 11 the same way; read in session 14),
            "fresh12" (a thirteenth, written in session 13 the same way; read in session 15),
            "fresh13" (a fourteenth, written in session 14 the same way; read in session 16),
            "fresh14" (a fifteenth, written in session 15 the same way; read in session 17),
            "fresh15" (a sixteenth, written in session 17 the same way; read in session 18),
            "fresh16" (a seventeenth, written in session 18 the same way; read in session 19),
            "fresh17" (an eighteenth, written in session 18 the same way; held out) or
            "fresh18" (a nineteenth, written in session 19 the same way; held out).
        a, b: the passages of source A and source B.
        expect: the kinds that must be flagged; empty when the pair does not conflict.
        spans_a, spans_b: the conflicting words in ``a`` and in ``b`` (may be empty).
        published_a, published_b: the articles' dates, when the record gives them.
        note: why.
    """

    id: str
    cls: str
    split: str
    a: str
    b: str
    expect: frozenset[str]
    spans_a: tuple[str, ...] = ()
    spans_b: tuple[str, ...] = ()
    published_a: dt.date | None = None
    published_b: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    """One conflict the engine reported for a pair.

    Attributes:
        kind: its kind, as the engine names it.
        reason: the engine's one-line reason.
        spans_a, spans_b: the flagged characters, as (start, end) in ``a`` and in ``b``.
    """

    kind: str
    reason: str
    spans_a: tuple[tuple[int, int], ...] = ()
    spans_b: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the engine said about one pair along one path.

    Attributes:
        flags: the conflicts reported (empty when it found none).
        linked: whether the pair was linked (always true through the detector).
    """

    flags: tuple[Flag, ...]
    linked: bool = True

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds flagged."""
        return frozenset(f.kind for f in self.flags)

    @property
    def reason(self) -> str:
        """The reasons given, joined."""
        return "; ".join(f.reason for f in self.flags if f.reason)


@dataclass(frozen=True, slots=True)
class Counts:
    """TP, FP and FN of one kind over some pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    spans_hit: int = 0

    @property
    def support(self) -> int:
        """Pairs that expect the kind."""
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP); None when the kind was never flagged."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN); None when no pair expects the kind."""
        return self.tp / self.support if self.support else None

    def plus(self, other: Counts) -> Counts:
        """The sum of two counts."""
        return Counts(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.spans_hit + other.spans_hit,
        )


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures of one path over some pairs.

    Attributes:
        overall: counts per kind (every kind of ``KINDS``, then any other kind flagged).
        by_class: counts per class and kind (only kinds expected or flagged in that class).
        pairs: how many pairs were scored.
        right: pairs whose flagged kinds are exactly the expected ones.
        linked: pairs the engine linked (all of them through the detector).
    """

    overall: dict[str, Counts]
    by_class: dict[str, dict[str, Counts]]
    pairs: int
    right: int
    linked: int

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready mapping of every figure."""

        def one(c: Counts) -> dict[str, Any]:
            return {
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
                "support": c.support,
                "precision": c.precision,
                "recall": c.recall,
                "spans_hit": c.spans_hit,
            }

        return {
            "pairs": self.pairs,
            "right": self.right,
            "linked": self.linked,
            "link_rate": self.linked / self.pairs if self.pairs else None,
            "overall": {k: one(c) for k, c in self.overall.items()},
            "by_class": {
                cls: {k: one(c) for k, c in kinds.items()} for cls, kinds in self.by_class.items()
            },
        }


# --------------------------------------------------------------------------- the pairs file


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _date(value: Any) -> dt.date | None:
    """YAML reads 2025-03-11 as a date already; a quoted one is parsed here."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _record(entry: Any, where: str, problems: list[str]) -> PairRecord | None:
    """One record checked against the schema; its problems are appended to ``problems``."""
    if not isinstance(entry, dict):
        problems.append(f"{where}: not a mapping")
        return None
    before = len(problems)
    unknown = sorted(str(k) for k in entry if k not in _FIELDS)
    if unknown:
        problems.append(f"{where}: unknown fields {', '.join(unknown)}")
    missing = [k for k in _REQUIRED if k not in entry]
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
        return None
    for key in ("id", "a", "b", "note"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            problems.append(f"{where}: {key} must be a non-empty string")
    cls = str(entry["class"])
    if cls not in CLASSES:
        problems.append(f"{where}: class {cls!r} is not one of {', '.join(CLASSES)}")
    if entry["split"] not in SPLITS:
        problems.append(f"{where}: split must be one of {', '.join(SPLITS)}")
    expect = _strings(entry["expect"])
    if expect is None:
        problems.append(f"{where}: expect must be a list of kinds")
        expect = ()
    bad = [k for k in expect if k not in KINDS]
    if bad:
        problems.append(f"{where}: unknown kinds {', '.join(bad)} (known: {', '.join(KINDS)})")
    if len(set(expect)) != len(expect):
        problems.append(f"{where}: a kind is listed twice in expect")
    spans = entry.get("spans", {"a": [], "b": []})
    spans_a = spans_b = None
    if isinstance(spans, dict) and set(spans) <= {"a", "b"}:
        spans_a, spans_b = _strings(spans.get("a", [])), _strings(spans.get("b", []))
    if spans_a is None or spans_b is None:
        problems.append(f"{where}: spans must be {{a: [words], b: [words]}}")
        spans_a = spans_b = ()
    if "spans" in entry and not expect:
        problems.append(f"{where}: spans given for a pair that expects no conflict")
    for side, words in (("a", spans_a), ("b", spans_b)):
        text = entry[side] if isinstance(entry[side], str) else ""
        for word in words:
            if not word or word not in text:
                problems.append(f"{where}: span {word!r} is not in {side}")
    dates = {}
    for key in ("published_a", "published_b"):
        dates[key] = _date(entry.get(key))
        if key in entry and dates[key] is None:
            problems.append(f"{where}: {key} must be an ISO date (2025-03-11)")
    if len(problems) > before:
        return None
    return PairRecord(
        id=entry["id"],
        cls=cls,
        split=entry["split"],
        a=entry["a"],
        b=entry["b"],
        expect=frozenset(expect),
        spans_a=spans_a,
        spans_b=spans_b,
        published_a=dates["published_a"],
        published_b=dates["published_b"],
        note=entry["note"],
    )


def load_pairs(path: Path = PAIRS, *, split: str = "all") -> tuple[PairRecord, ...]:
    """The records of a pairs file, in file order.

    Args:
        path: the YAML file (``tests/gold/conflict_pairs.yaml`` by default).
        split: one of ``SPLITS`` or "all".

    Returns:
        The records of that split.

    Raises:
        PairsError: the file cannot be read or parsed, or some records do not fit the schema
            (all problems are listed, a record's id or position first), or ids repeat.
    """
    if split not in (*SPLITS, "all"):
        raise PairsError(f"split must be {', '.join(SPLITS)} or all, not {split!r}")
    try:
        # the engine's YAML reader: libyaml when present (the file is over 10,000 lines)
        data = parse_yaml(Path(path).read_text(encoding="utf-8")).data
    except YamlAliasError as exc:
        raise PairsError(f"{path}: {exc}") from None
    except OSError as exc:
        raise PairsError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise PairsError(f"{path} is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise PairsError(f"{path} is not valid YAML{at}") from None
    if not isinstance(data, dict) or not isinstance(data.get("pairs"), list):
        raise PairsError(f"{path} must be a mapping with a list under 'pairs'")
    problems: list[str] = []
    records: list[PairRecord] = []
    seen: set[str] = set()
    for i, entry in enumerate(data["pairs"]):
        name = entry.get("id") if isinstance(entry, dict) else None
        where = f"pair {name!r}" if isinstance(name, str) else f"pair #{i + 1}"
        record = _record(entry, where, problems)
        if record is None:
            continue
        if record.id in seen:
            problems.append(f"{where}: id repeated")
        seen.add(record.id)
        records.append(record)
    if problems:
        shown = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise PairsError(f"{path}: {shown}{more}")
    return tuple(r for r in records if split in ("all", r.split))


# --------------------------------------------------------------------------- the two paths


def _dated(cls: type[Any], published: dt.date | None) -> dict[str, Any]:
    """``published=...`` for a value type that has that field (the engine has none yet)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {"published": published} if published is not None and "published" in names else {}


def detect(record: PairRecord) -> tuple[Flag, ...]:
    """The engine's conflict detector on a pair: the one place that calls it.

    Today it is ``alignment.conflicts.find_conflicts(Side, Side, lexicon=None)`` with the
    default lexicon; when its signature changes, only this function changes.
    """
    a = Side(doc=0, label="a", text=record.a, offset=0, **_dated(Side, record.published_a))
    b = Side(doc=1, label="b", text=record.b, offset=0, **_dated(Side, record.published_b))
    flags = []
    for conflict in find_conflicts(a, b, lexicon=None):
        in_a = tuple((s.start, s.end) for s in conflict.spans if s.doc == 0)
        in_b = tuple((s.start, s.end) for s in conflict.spans if s.doc == 1)
        flags.append(Flag(str(conflict.kind), conflict.reason, in_a, in_b))
    return tuple(flags)


def through_detector(records: Iterable[PairRecord]) -> dict[str, Outcome]:
    """Every record through :func:`detect`, by id. The passages are read by the claim reader
    in one batch first (the parser is twice as fast on many texts at once as on one at a
    time); :func:`detect` then finds their readings kept."""
    records = list(records)
    default_reader().read(list(dict.fromkeys(t for r in records for t in (r.a, r.b))))
    return {r.id: Outcome(detect(r)) for r in records}


def documents(record: PairRecord) -> tuple[Document, Document]:
    """The two in-memory documents of a pair, ids "a" and "b", dated when ``Document`` can be."""
    return (
        Document(id="a", text=record.a, **_dated(Document, record.published_a)),
        Document(id="b", text=record.b, **_dated(Document, record.published_b)),
    )


# The contradiction column holds one kind today; a list ("number; time") is read as well.
_KIND_SPLIT = re.compile(r"[;,|\s]+")


def exported(record: PairRecord, config: AlignConfig, scorer: Any = None) -> Outcome:
    """One pair aligned and exported: the kinds of the CSV's ``contradiction`` column.

    Args:
        record: the pair.
        config: the engine's configuration.
        scorer: the optional semantic scorer (``alignment.semantic.load_scorer``).

    Returns:
        The flags read from the rows (a row per kind, with the row's reason) and whether any
        row links the two documents.
    """
    alignment = align(documents(record), config, scorer=scorer)
    rows = list(csv.DictReader(io.StringIO(csv_text(alignment), newline="")))
    flags: list[Flag] = []
    for row in rows:
        reason = row["reason"]
        for kind in _KIND_SPLIT.split(row["contradiction"].strip()):
            if kind and all(f.kind != kind for f in flags):
                flags.append(Flag(kind, reason))
    return Outcome(tuple(flags), linked=bool(rows))


def through_export(
    records: Iterable[PairRecord], config: AlignConfig | None = None, scorer: Any = None
) -> dict[str, Outcome]:
    """Every record through ``align()`` and the CSV export, by id."""
    config = config or AlignConfig()
    return {r.id: exported(r, config, scorer) for r in records}


# --------------------------------------------------------------------------- scoring


def _places(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)]


def _overlaps(flagged: Sequence[tuple[int, int]], wanted: Sequence[tuple[int, int]]) -> bool:
    return any(s < we and ws < e for s, e in flagged for ws, we in wanted)


def spans_hit(record: PairRecord, flags: Sequence[Flag], kind: str) -> bool:
    """Whether the flags of ``kind`` mark the record's conflicting words on every side that
    names some (a side whose words were dropped names none)."""
    mine = [f for f in flags if f.kind == kind]
    for text, words, side in ((record.a, record.spans_a, "a"), (record.b, record.spans_b, "b")):
        wanted = [p for w in words for p in _places(text, w)]
        if not wanted:
            continue
        flagged = [s for f in mine for s in (f.spans_a if side == "a" else f.spans_b)]
        if not _overlaps(flagged, wanted):
            return False
    return True


def pair_counts(record: PairRecord, outcome: Outcome) -> dict[str, Counts]:
    """TP / FP / FN of one pair, per kind expected or flagged."""
    got = outcome.kinds
    counts: dict[str, Counts] = {}
    for kind in sorted(record.expect | got):
        if kind in record.expect and kind in got:
            hit = int(spans_hit(record, outcome.flags, kind))
            counts[kind] = Counts(tp=1, spans_hit=hit)
        elif kind in got:
            counts[kind] = Counts(fp=1)
        else:
            counts[kind] = Counts(fn=1)
    return counts


def score(records: Sequence[PairRecord], outcomes: Mapping[str, Outcome]) -> Scores:
    """Per-kind counts of one path, overall and per class.

    Args:
        records: the pairs scored.
        outcomes: what the path said, by record id (every record must have one).

    Returns:
        The scores (every kind of ``KINDS`` appears overall, with zero counts if need be).
    """
    overall: dict[str, Counts] = {k: Counts() for k in KINDS}
    by_class: dict[str, dict[str, Counts]] = {}
    right = linked = 0
    for record in records:
        outcome = outcomes[record.id]
        right += outcome.kinds == record.expect
        linked += outcome.linked
        per_class = by_class.setdefault(record.cls, {})
        for kind, c in pair_counts(record, outcome).items():
            overall[kind] = overall.get(kind, Counts()).plus(c)
            per_class[kind] = per_class.get(kind, Counts()).plus(c)
    rank = {k: i for i, k in enumerate(KINDS)}
    ordered = {
        c: dict(sorted(by_class[c].items(), key=lambda kc: (rank.get(kc[0], len(rank)), kc[0])))
        for c in CLASSES
        if c in by_class
    }
    return Scores(overall, ordered, len(records), right, linked)


# --------------------------------------------------------------------------- the report


def shown(text: str) -> str:
    """``text`` safe for a terminal: control, format (bidi) and line characters escaped."""
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _rows(counts: Mapping[str, Counts], *, spans: bool) -> list[str]:
    lines = []
    for kind, c in counts.items():
        if not (c.support or c.fp):
            continue
        hit = f" {c.spans_hit:>5}" if spans else ""
        lines.append(
            f"  {kind:<12}{_figure(c.precision):>6}{_figure(c.recall):>6}"
            f"{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.support:>5}{hit}"
        )
    return lines


def format_scores(name: str, scores: Scores, *, by_class: bool = True) -> str:
    """A table of one path: each kind overall, then each class."""
    spans = name == "detector"
    head = f"  {'kind':<12}{'P':>6}{'R':>6}{'TP':>5}{'FP':>5}{'FN':>5}{'sup':>5}"
    head += "  spans" if spans else ""
    link = f", linked {scores.linked}/{scores.pairs}" if name == "export" else ""
    lines = [f"through the {name}: {scores.right}/{scores.pairs} pairs exactly right{link}", head]
    lines += _rows(scores.overall, spans=spans)
    if by_class:
        for cls, counts in scores.by_class.items():
            lines.append(f" class {cls}")
            lines += _rows(counts, spans=spans)
    return "\n".join(lines)


def format_errors(name: str, records: Sequence[PairRecord], outcomes: Mapping[str, Outcome]) -> str:
    """Every pair whose flagged kinds are not the expected ones, with the engine's reason."""
    lines = [f"wrong through the {name}:"]
    for r in records:
        o = outcomes[r.id]
        if o.kinds == r.expect:
            continue
        expect = ", ".join(sorted(r.expect)) or "none"
        got = ", ".join(sorted(o.kinds)) or ("none" if o.linked else "none (not linked)")
        lines.append(f"  {shown(r.id)} [class {r.cls}, {r.split}] expect {expect}; got {got}")
        if o.reason:
            lines.append(f"      reason: {shown(o.reason)}")
        lines.append(f"      a: {shown(r.a)}")
        lines.append(f"      b: {shown(r.b)}")
    if len(lines) == 1:
        lines.append("  none")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: score the pairs, print the tables, write ``bench/conflict_pairs.json``."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.conflict_pairs",
        description="Conflict precision and recall on the minimal pairs of issue 17.",
    )
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="the pairs file")
    parser.add_argument(
        "--through", choices=("detector", "export", "both"), default="both", help="which path"
    )
    parser.add_argument("--config", type=Path, help="a YAML config file (default: app defaults)")
    parser.add_argument(
        "--semantic",
        action="store_true",
        help="mix in the semantic scorer for the export path, as the app does when installed",
    )
    parser.add_argument("--errors", action="store_true", help="list every wrong pair")
    parser.add_argument("--no-classes", action="store_true", help="overall figures only")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON result file")
    args = parser.parse_args(argv)

    try:
        records = load_pairs(args.pairs, split=args.split)
        config = load_config(args.config) if args.config else AlignConfig()
        scorer = load_scorer(config) if args.semantic else None
        if args.semantic and scorer is None:
            raise PairsError("--semantic: the semantic extra is not installed or is off")
        paths = PATHS if args.through == "both" else (args.through,)
        outcomes = {
            p: through_detector(records)
            if p == "detector"
            else through_export(records, config, scorer)
            for p in paths
        }
        result: dict[str, Any] = {
            "date": dt.date.today().isoformat(),
            "pairs_file": str(args.pairs),
            "split": args.split,
            "semantic": scorer is not None,
        }
        print(f"conflict pairs: {len(records)} ({args.split}) from {shown(str(args.pairs))}")
        for p, found in outcomes.items():
            scores = score(records, found)
            result[p] = scores.as_json()
            print()
            print(format_scores(p, scores, by_class=not args.no_classes))
            if args.errors:
                print()
                print(format_errors(p, records, found))
        write_atomic(args.out, json.dumps(result, indent=2) + "\n", force=True)
    except (ParallaxError, PairsError) as exc:
        print(f"parallax: {shown(str(exc))}", file=sys.stderr)
        return 2
    print(f"\nwritten {shown(str(args.out))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
