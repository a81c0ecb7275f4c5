"""Alignment quality on real multi-source news: the ECB+ sample (issue 9).

Each ECB+ topic holds many articles about two similar but different events (two celebrity rehab
stays, two earthquakes). For every topic, all its articles are fed together, as one story, to
the same engine the app uses; the predicted cross-document links are mapped back to the
benchmark's sentence numbers and scored against the gold event links, over the annotated
("selected") sentences only:

- precision: share of predicted sentence pairs that share an event (``n_shared_events > 0``);
- recall: share of the event-sharing gold pairs that were predicted.

A naive baseline (rapidfuzz ``token_set_ratio`` over all cross-document pairs of selected
sentences, fixed threshold) and, when importable, CollateX run on the same input in the same run.

Run: ``.venv/bin/python -m bench.quality [--path DIR] [--topics 1,3] [--set key=value ...]``.
Other code calls ``evaluate(path, config)``.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import itertools
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rapidfuzz import fuzz, process

from alignment import AlignConfig, Alignment, ConfigError, Document, align, load_config
from alignment.config import config_from_mapping
from alignment.errors import ParallaxError
from alignment.export import write_atomic
from alignment.semantic import load_scorer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT.parent / "shared" / "benchmarks" / "ecbplus"
DEFAULT_OUT = Path(__file__).resolve().parent / "quality.json"
BASELINE_THRESHOLD = 50.0
# CollateX links two sentences when at least this many of their tokens fall in one column.
COLLATEX_MIN_TOKENS = 3

# A sentence of one document: (document name, sentence number in the benchmark).
SentenceKey = tuple[str, int]
# An unordered link between sentences of two documents, stored sorted.
Link = tuple[SentenceKey, SentenceKey]
Scorer = Callable[[list[str], list[str]], np.ndarray]


# --------------------------------------------------------------------------- detokenising

_CLITIC = re.compile(r"^(?:['’](?:s|re|ve|m|ll|d)|n['’]t)$", re.IGNORECASE)
_CLITIC_TAIL = {"s", "t", "m", "re", "ve", "ll", "d"}  # what follows a split "’"
_LEFT = {",", ":", ";", "?", "!", ")", "]", "}", "%", "''", "”", "...", "…"}
_RIGHT = {"(", "[", "{", "$", "#", "``", "“", "‘"}
_BOTH = {"/", "_"}
_QUOTES = {'"', "'", "’"}
_CLOSERS = {".", ",", "!", "?", "...", "…"}


def _word_end(token: str) -> bool:
    return bool(token) and token[-1].isalnum()


def _word_start(token: str) -> bool:
    return bool(token) and token[0].isalnum()


def detokenise(tokens: str) -> str:
    """Turn a space-separated token string back into natural text.

    Undoes the Penn-Treebank habits of the corpus: ``\\`\\``` and ``''`` become straight
    quotes, punctuation sticks to its word, clitics join ("do n't" -> "don't", "Reid 's" ->
    "Reid's"), brackets and currency close up ("( x )" -> "(x)", "$ 5" -> "$5"), and the
    finer split of the newer articles is undone ("90 - day", "6 . 1", "4 , 051", "1 : 30",
    "p . m .", "www . site . com / a / b").

    Args:
        tokens: the tokens, separated by single spaces.

    Returns:
        The text, with single spaces where the tokens stay apart.
    """
    words = tokens.split()
    n = len(words)
    out: list[str] = []
    glue_next = False  # the previous token sticks to this one
    open_double = False
    open_single = False
    for i, tok in enumerate(words):
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        left = right = False
        text = tok
        if tok == "``":
            text, right, open_double = '"', True, True
        elif tok == "''":
            text, left, open_double = '"', True, False
        elif tok == ".":
            left = True
            initials = len(prev) == len(nxt) == 1 and prev.isalpha() and nxt.isalpha()
            domain = len(prev) > 1 and _word_end(prev) and nxt[:1].islower()
            if (prev.isdigit() and nxt.isdigit()) or initials or domain:
                right = True  # "6 . 1", "p . m", "U . S", "www . site . com"
        elif _CLITIC.match(tok) or tok in _LEFT:
            left = True
            if tok in {",", ":"} and prev.isdigit() and nxt.isdigit():
                # "4 , 051" and "1 : 30": a number split at its separator
                right = tok == ":" or len(nxt) == 3
            elif tok == ":" and nxt == "/":
                right = True  # "http : / /"
        elif tok in _RIGHT:
            right = True
        elif tok in _BOTH or (tok == "-" and _word_end(prev) and _word_start(nxt)):
            left = right = True
        elif tok == "’" and _word_end(prev) and nxt.lower() in _CLITIC_TAIL:
            left = right = True  # "didn ’ t", "AMD ’ s"
        elif tok in _QUOTES:
            single = tok != '"'
            is_open = open_single if single else open_double
            if tok in {"'", "’"} and not is_open and prev.lower().endswith("s") and prev.isalpha():
                left = True  # "the Saints ' season": a plural possessive
            elif is_open or not nxt or prev in _CLOSERS:
                left = True
                is_open = False
            else:
                right = True
                is_open = True
            if single:
                open_single = is_open
            else:
                open_double = is_open
        if out and not (glue_next or left):
            out.append(" ")
        out.append(text)
        glue_next = right
    return "".join(out)


# --------------------------------------------------------------------------- the benchmark


class BenchmarkMissing(Exception):
    """The benchmark folder or one of its files is not there."""


@dataclass(frozen=True, slots=True)
class BenchDoc:
    """One article of the benchmark.

    Attributes:
        topic: the topic it belongs to ("1", "3", ...).
        name: the document name, unique in the benchmark (e.g. "1_10ecb").
        subcorpus: "ecb" or "ecbplus", the two sub-stories of a topic.
        selected: sentence numbers that were fully annotated.
        sentences: (number, token string) in number order.
    """

    topic: str
    name: str
    subcorpus: str
    selected: frozenset[int]
    sentences: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class Benchmark:
    """The loaded sample.

    Attributes:
        docs: every document, in file order.
        gold: per topic, the event-sharing pairs of selected sentences.
    """

    docs: tuple[BenchDoc, ...]
    gold: Mapping[str, frozenset[Link]]

    def topics(self) -> list[str]:
        """Topic ids in numeric order."""
        return sorted({d.topic for d in self.docs}, key=_topic_order)


def _topic_order(topic: str) -> tuple[int, str]:
    return (int(topic), topic) if topic.isdigit() else (sys.maxsize, topic)


def make_link(a: SentenceKey, b: SentenceKey) -> Link:
    """An order-insensitive link between two sentences."""
    return (a, b) if a <= b else (b, a)


def load_benchmark(path: str | Path) -> Benchmark:
    """Read ``docs.jsonl`` and ``pairs.tsv`` from the benchmark folder.

    Raises:
        BenchmarkMissing: the folder or one of the two files is absent.
    """
    folder = Path(path)
    docs_file, pairs_file = folder / "docs.jsonl", folder / "pairs.tsv"
    for file in (docs_file, pairs_file):
        if not file.is_file():
            raise BenchmarkMissing(f"{file} not found")
    docs = []
    with docs_file.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            sentences = sorted((int(k), v) for k, v in row["sentences"].items())
            docs.append(
                BenchDoc(
                    topic=str(row["topic"]),
                    name=row["doc"],
                    subcorpus=row["subcorpus"],
                    selected=frozenset(int(s) for s in row["selected"]),
                    sentences=tuple(sentences),
                )
            )
    gold: dict[str, set[Link]] = defaultdict(set)
    with pairs_file.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if int(row["n_shared_events"]) > 0:
                gold[str(row["topic"])].add(
                    make_link(
                        (row["doc_a"], int(row["sent_a"])), (row["doc_b"], int(row["sent_b"]))
                    )
                )
    return Benchmark(docs=tuple(docs), gold={t: frozenset(v) for t, v in gold.items()})


def open_benchmark(
    folder: Path, topics: Iterable[str | int] | None = None
) -> tuple[Benchmark, list[str]]:
    """The benchmark and the topic ids to run (all when ``topics`` is None).

    Raises:
        BenchmarkMissing: the folder or one of its files is absent.
        ValueError: an unknown topic id.
    """
    bench = load_benchmark(folder)
    wanted = bench.topics() if topics is None else [str(t) for t in topics]
    unknown = sorted(set(wanted) - set(bench.topics()))
    if unknown:
        raise ValueError(f"unknown topic(s): {', '.join(unknown)}")
    return bench, wanted


@dataclass(frozen=True, slots=True)
class Built:
    """A benchmark document turned into an engine input.

    Attributes:
        source: the benchmark document.
        document: its detokenised text, one sentence a line; id = the document name.
        spans: (sentence number, start, end) of each line in ``document.text``.
    """

    source: BenchDoc
    document: Document
    spans: tuple[tuple[int, int, int], ...]


def build_document(doc: BenchDoc, *, selected_only: bool = False) -> Built:
    """Detokenise a document's sentences and join them, one a line, keeping each one's span.

    Args:
        doc: the benchmark document.
        selected_only: keep only the annotated sentences (the rest are left out of the text).
    """
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for number, tokens in doc.sentences:
        if selected_only and number not in doc.selected:
            continue
        text = detokenise(tokens)
        if parts:
            pos += 1  # the newline before this sentence
        spans.append((number, pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
    return Built(doc, Document(id=doc.name, text="\n".join(parts)), tuple(spans))


# --------------------------------------------------------------------------- predictions


def links_from_alignment(
    alignment: Alignment, built: Sequence[Built], *, via: str = "pairs"
) -> set[Link]:
    """The sentence links an alignment predicts, restricted to selected sentences.

    A passage covers the benchmark sentences whose spans it overlaps. With ``via="pairs"``
    each ``Pair`` predicts a link between every cross pair of its two passages' sentences;
    with ``via="groups"`` every group predicts links between all its sentences of different
    documents (what a reader sees as one fact).

    Args:
        alignment: the engine's result on ``[b.document for b in built]``, in that order.
        built: the inputs with their sentence spans.
        via: "pairs" (the links the engine made) or "groups".
    """

    def covered(passage_id: int) -> list[SentenceKey]:
        passage = alignment.passages[passage_id]
        b = built[passage.doc]
        return [
            (b.source.name, number)
            for number, start, end in b.spans
            if start < passage.end and passage.start < end and number in b.source.selected
        ]

    if via == "pairs":
        sides = [(covered(pair.a), covered(pair.b)) for pair in alignment.pairs]
    elif via == "groups":
        sides = []
        for group in alignment.groups:
            sentences = [s for p in group.passages for s in covered(p)]
            sides.append((sentences, sentences))
    else:
        raise ValueError(f"via must be 'pairs' or 'groups', got {via!r}")
    links: set[Link] = set()
    for left, right in sides:
        for a in left:
            for b in right:
                if a[0] != b[0]:
                    links.add(make_link(a, b))
    return links


def _selected_sentences(built: Sequence[Built]) -> list[tuple[SentenceKey, int, str]]:
    """(key, index of the document, text) of every selected sentence."""
    rows = []
    for k, b in enumerate(built):
        for number, start, end in b.spans:
            if number in b.source.selected:
                rows.append(((b.source.name, number), k, b.document.text[start:end]))
    return rows


def baseline_links(built: Sequence[Built], threshold: float = BASELINE_THRESHOLD) -> set[Link]:
    """The naive baseline: token_set_ratio >= threshold over all cross-document pairs."""
    rows = _selected_sentences(built)
    if len(rows) < 2:
        return set()
    texts = [r[2] for r in rows]
    matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=-1)
    docs = np.asarray([r[1] for r in rows])
    hit = (matrix >= threshold) & (docs[:, None] < docs[None, :])
    return {make_link(rows[i][0], rows[j][0]) for i, j in zip(*np.nonzero(hit), strict=True)}


def collatex_available() -> bool:
    """Whether the optional CollateX package can be imported."""
    try:
        import collatex  # noqa: F401
    except ImportError:
        return False
    return True


def collatex_links(built: Sequence[Built], min_tokens: int = COLLATEX_MIN_TOKENS) -> set[Link]:
    """CollateX on the selected sentences of one topic: every document a witness.

    Two sentences are linked when at least ``min_tokens`` of their tokens are aligned in the
    same column of the alignment table.
    """
    from collatex import Collation, collate

    rows = _selected_sentences(built)
    witnesses: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for key, _, text in rows:
        for word in re.findall(r"\w+", text):
            witnesses[key[0]].append({"t": word, "n": word.lower(), "s": key[1]})
    if len(witnesses) < 2:
        return set()
    collation = Collation.create_from_dict(
        {"witnesses": [{"id": w, "tokens": toks} for w, toks in witnesses.items()]}
    )
    table = collate(collation, output="table", segmentation=False, layout="vertical")
    shared: dict[Link, int] = defaultdict(int)
    for column in table.columns:
        cells = [
            (sigil, token.token_data["s"])
            for sigil, tokens in column.tokens_per_witness.items()
            for token in tokens
        ]
        for a, b in itertools.combinations(sorted(set(cells)), 2):
            if a[0] != b[0]:
                shared[make_link(a, b)] += 1
    return {link for link, count in shared.items() if count >= min_tokens}


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall of predicted links against gold links.

    Attributes:
        predicted: distinct predicted links.
        gold: gold links.
        correct: predicted links that are gold.
    """

    predicted: int
    gold: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.predicted + other.predicted, self.gold + other.gold, self.correct + other.correct
        )

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "gold": self.gold,
            "correct": self.correct,
        }


def score(predicted: Iterable[Link], gold: Iterable[Link]) -> Score:
    """Score links, order-insensitive and without duplicates.

    Args:
        predicted: predicted sentence links (either order).
        gold: the gold links (either order).
    """
    p = {make_link(*link) for link in predicted}
    g = {make_link(*link) for link in gold}
    return Score(predicted=len(p), gold=len(g), correct=len(p & g))


def _cross_substory(links: Iterable[Link], subcorpus: Mapping[str, str]) -> tuple[int, int]:
    """(links between the two sub-stories, all links)."""
    links = list(links)
    cross = sum(subcorpus[a[0]] != subcorpus[b[0]] for a, b in links)
    return cross, len(links)


# --------------------------------------------------------------------------- evaluation


@dataclass
class _System:
    """Running totals of one system over the topics."""

    name: str
    total: Score = dataclasses.field(default_factory=lambda: Score(0, 0, 0))
    per_topic: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    seconds: float = 0.0
    cross: int = 0
    links: int = 0

    def add(
        self,
        topic: str,
        links: set[Link],
        gold: frozenset[Link],
        seconds: float,
        subcorpus: Mapping[str, str],
    ) -> None:
        """Score one topic's links and add them to the totals."""
        s = score(links, gold)
        self.total = self.total + s
        self.seconds += seconds
        cross, n = _cross_substory(links, subcorpus)
        self.cross += cross
        self.links += n
        self.per_topic[topic] = {**s.as_dict(), "cross_substory": cross}

    def result(self) -> dict[str, Any]:
        return {
            "status": "ok",
            "overall": self.total.as_dict(),
            "cross_substory": self.cross,
            "cross_substory_share": round(self.cross / self.links, 4) if self.links else 0.0,
            "seconds": round(self.seconds, 2),
            "per_topic": self.per_topic,
        }


def evaluate(
    path: str | Path | None = None,
    config: AlignConfig | None = None,
    *,
    topics: Sequence[str] | None = None,
    selected_only: bool = False,
    baselines: bool = True,
    collatex: bool = True,
    scorer: Scorer | None = None,
) -> dict[str, Any]:
    """Run the engine (and the baselines) on the ECB+ sample and score them.

    Args:
        path: the benchmark folder; ``../shared/benchmarks/ecbplus`` from the repo by default.
        config: the engine's config; the app's defaults when None.
        topics: only these topic ids (all when None).
        selected_only: give the engine only the annotated sentences, not whole articles.
        baselines: also run the token_set_ratio baseline.
        collatex: also run CollateX when it is importable (slow on big topics).
        scorer: an optional extra scorer passed through to ``align()`` (the semantic extra).

    Returns:
        ``{"status": "skipped", "reason": ...}`` when the benchmark is absent, else
        ``{"status": "ok", "systems": {name: {"overall": {...}, "per_topic": {...}, ...}}, ...}``.
    """
    started = time.perf_counter()
    folder = Path(path) if path is not None else DEFAULT_PATH
    config = config or AlignConfig()
    try:
        bench, wanted = open_benchmark(folder, topics)
    except BenchmarkMissing as exc:
        return {"status": "skipped", "reason": f"ECB+ benchmark absent: {exc}", "path": str(folder)}
    subcorpus = {d.name: d.subcorpus for d in bench.docs}

    engine = _System("engine")
    engine_groups = _System("engine (groups)")
    # With the semantic extra the app mixes meaning in; the words-only engine is shown too.
    words_only = _System("engine, words only")
    naive = _System(f"token_set_ratio>={BASELINE_THRESHOLD:g}")
    cx = _System("collatex")
    run_collatex = collatex and baselines and collatex_available()
    gold_cross = 0
    gold_total = 0
    for topic in wanted:
        built = [
            build_document(d, selected_only=selected_only) for d in bench.docs if d.topic == topic
        ]
        gold = bench.gold.get(topic, frozenset())
        c, n = _cross_substory(gold, subcorpus)
        gold_cross += c
        gold_total += n

        t0 = time.perf_counter()
        alignment = align([b.document for b in built], config, scorer=scorer)
        links = links_from_alignment(alignment, built)
        seconds = time.perf_counter() - t0
        engine.add(topic, links, gold, seconds, subcorpus)
        grouped = links_from_alignment(alignment, built, via="groups")
        engine_groups.add(topic, grouped, gold, seconds, subcorpus)
        if scorer is not None:
            t0 = time.perf_counter()
            lexical = align([b.document for b in built], config)
            seconds = time.perf_counter() - t0
            words_only.add(topic, links_from_alignment(lexical, built), gold, seconds, subcorpus)

        if baselines:
            t0 = time.perf_counter()
            naive.add(topic, baseline_links(built), gold, time.perf_counter() - t0, subcorpus)
        if run_collatex:
            t0 = time.perf_counter()
            cx.add(topic, collatex_links(built), gold, time.perf_counter() - t0, subcorpus)

    systems: dict[str, Any] = {
        "engine": engine.result(),
        engine_groups.name: engine_groups.result(),
    }
    if scorer is not None:
        systems[words_only.name] = words_only.result()
    if baselines:
        systems[naive.name] = naive.result()
        systems["collatex"] = (
            cx.result()
            if run_collatex
            else {
                "status": "skipped",
                "reason": "collatex not importable" if collatex else "not asked",
            }
        )
    return {
        "status": "ok",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "path": str(folder),
        "topics": wanted,
        "documents": sum(d.topic in set(wanted) for d in bench.docs),
        "selected_only": selected_only,
        "semantic": scorer is not None,
        "config": dataclasses.asdict(config),
        "gold_cross_substory": gold_cross,
        "gold_links": gold_total,
        "systems": systems,
        "seconds": round(time.perf_counter() - started, 2),
    }


# --------------------------------------------------------------------------- report and CLI


def format_report(result: Mapping[str, Any], *, per_topic: bool = True) -> str:
    """The human-readable table of an ``evaluate()`` result."""
    if result["status"] != "ok":
        return f"quality: skipped ({result['reason']})"
    lines = [
        f"ECB+ quality: {len(result['topics'])} topics, {result['documents']} documents, "
        f"{result['gold_links']} gold event links"
        + (", selected sentences only" if result["selected_only"] else ""),
        "engine: the app's defaults, "
        + (
            "words and meaning (semantic extra installed)"
            if result.get("semantic")
            else "words only (semantic extra not installed or off)"
        ),
        "",
        f"{'system':<24} {'P':>6} {'R':>6} {'F1':>6} {'pred':>7} {'correct':>7} "
        f"{'cross-sub':>9} {'time':>7}",
    ]
    for name, s in result["systems"].items():
        if s["status"] != "ok":
            lines.append(f"{name:<24} skipped: {s['reason']}")
            continue
        o = s["overall"]
        lines.append(
            f"{name:<24} {o['precision']:>6.3f} {o['recall']:>6.3f} {o['f1']:>6.3f} "
            f"{o['predicted']:>7} {o['correct']:>7} {s['cross_substory_share']:>9.1%} "
            f"{s['seconds']:>6.1f}s"
        )
    if per_topic:
        names = [n for n, s in result["systems"].items() if s["status"] == "ok"]
        header = "  ".join(f"{n[:20]:<20}" for n in names)
        lines += ["", "per topic (P / R / F1):", f"{'topic':>6} {'gold':>5}  {header}"]
        for topic in result["topics"]:
            cells = []
            for n in names:
                t = result["systems"][n]["per_topic"][topic]
                cells.append(f"{t['precision']:.2f} / {t['recall']:.2f} / {t['f1']:.2f}  ")
            gold = result["systems"][names[0]]["per_topic"][topic]["gold"]
            lines.append(f"{topic:>6} {gold:>5}  " + "  ".join(f"{c:<20}" for c in cells))
    lines += [
        "",
        "cross-sub: share of predicted links joining the topic's two sub-stories "
        f"(gold: {result['gold_cross_substory']} of {result['gold_links']})",
        f"total time {result['seconds']:.1f}s",
    ]
    return "\n".join(lines)


def parse_overrides(items: Sequence[str], base: AlignConfig) -> AlignConfig:
    """Apply ``key=value`` overrides (values read as YAML) to a config, checked like a file.

    Raises:
        ConfigError: a malformed item, an unknown key, a wrong type or a value out of range.
    """
    data: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--set {item!r}: expected key=value")
        data[key.strip()] = yaml.safe_load(value)
    checked = config_from_mapping(data, source="--set")
    return dataclasses.replace(base, **{k: getattr(checked, k) for k in data})


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: run, print the table, write ``bench/quality.json``."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.quality", description="Alignment quality on the ECB+ sample."
    )
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="the benchmark folder")
    parser.add_argument("--topics", help="comma-separated topic ids (default: all)")
    parser.add_argument("--config", type=Path, help="a YAML config file (default: app defaults)")
    parser.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override one config key (repeatable), e.g. --set link_threshold=0.6",
    )
    parser.add_argument("--threshold", type=float, help="shorthand for --set link_threshold=")
    parser.add_argument(
        "--selected-only", action="store_true", help="feed only the annotated sentences"
    )
    parser.add_argument("--no-baselines", action="store_true", help="score the engine only")
    parser.add_argument("--no-collatex", action="store_true", help="skip CollateX")
    parser.add_argument("--quiet", action="store_true", help="overall figures only")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON result file")
    args = parser.parse_args(argv)

    try:
        config = load_config(args.config) if args.config else AlignConfig()
        overrides = list(args.overrides)
        if args.threshold is not None:
            overrides.append(f"link_threshold={args.threshold}")
        config = parse_overrides(overrides, config)
        topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
        # the app's defaults: meaning mixed in when the semantic extra is installed
        scorer = load_scorer(config)
        result = evaluate(
            args.path,
            config,
            topics=topics,
            selected_only=args.selected_only,
            baselines=not args.no_baselines,
            collatex=not args.no_collatex,
            scorer=scorer,
        )
    except (ParallaxError, ValueError) as exc:
        print(f"quality: {exc}", file=sys.stderr)
        return 2
    print(format_report(result, per_topic=not args.quiet))
    if result["status"] == "ok":
        write_atomic(args.out, json.dumps(result, indent=2) + "\n", force=True)
        print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
