"""The exhaustive fact gold of the seeds (``facts.yaml``) and the scorers that judge every
output of the engine against it (issue 16).

Gold sentences are mapped to the engine's passages by character overlap: a passage tells the
facts of every gold sentence it overlaps, so another splitter or passages of several
sentences still score. A passage that overlaps only junk or fact-less text tells nothing, and
any link or group pair touching it is wrong.

- link precision: share of the linked pairs (``Alignment.pairs``, one CSV row each) whose two
  passages share a fact;
- main pairs: for each fact and each two sources telling it, their main (most direct)
  sentences. Link recall: share found linked directly (some passage overlapping one linked
  to some passage overlapping the other); group recall: share found in one group;
- groups: how many (the reader's shared facts), the largest in passages, group pair precision
  (share of cross-source passage pairs inside one group that share a fact), and how many gold
  facts told by two or more sources some group covers (holds tellings from two sources).

Run ``python -m tests.gold.facts`` for today's figures (words only, and with the semantic
extra when it is installed); ``--list`` shows the wrong links and the missed main pairs.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from alignment import Alignment, Passage

GOLD_FILE = Path(__file__).resolve().parent / "facts.yaml"

# Issue 16's targets, shown next to the figures.
TARGET_LINK_PRECISION = 0.85
TARGET_LINK_RECALL = 0.9
TARGET_GROUPS = 20
TARGET_LARGEST = 25
TARGET_GROUP_PAIR_PRECISION = 0.7


class GoldError(ValueError):
    """The gold file is malformed or does not match the texts it describes."""


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One hand-tagged sentence.

    Attributes:
        source: the file name it comes from ("000_bf1e7b1d739a4bca.txt").
        start, end: its characters in the file's text, end exclusive.
        text: the sentence as in the file.
        facts: the facts it tells (empty for junk and for fact-less text).
        main: the facts for which it is its source's most direct telling.
        junk: site furniture.
        none: why article text tells no fact ("" when it tells some, or is junk).
    """

    source: str
    start: int
    end: int
    text: str
    facts: frozenset[str]
    main: frozenset[str]
    junk: bool = False
    none: str = ""


@dataclass(frozen=True, slots=True)
class MainPair:
    """Two sources' main tellings of one fact: what a careful reader puts side by side."""

    fact: str
    a: GoldSentence
    b: GoldSentence


@dataclass(frozen=True, slots=True)
class FactGold:
    """The loaded gold.

    Attributes:
        facts: fact id -> one-line description, in file order.
        documents: file name -> its sentences, in order.
    """

    facts: Mapping[str, str]
    documents: Mapping[str, tuple[GoldSentence, ...]]

    def sentences(self) -> Iterator[GoldSentence]:
        """Every gold sentence, document by document."""
        for sentences in self.documents.values():
            yield from sentences

    def sources_of(self, fact: str) -> tuple[str, ...]:
        """The documents that tell ``fact``, in order."""
        return tuple(n for n, ss in self.documents.items() if any(fact in s.facts for s in ss))

    def shared_facts(self) -> tuple[str, ...]:
        """The facts told by two or more sources."""
        return tuple(f for f in self.facts if len(self.sources_of(f)) >= 2)

    def main_of(self, source: str, fact: str) -> GoldSentence:
        """The main telling of ``fact`` in ``source``."""
        hits = [s for s in self.documents[source] if fact in s.main]
        if len(hits) != 1:
            raise GoldError(f"{source}: {len(hits)} main tellings of {fact!r}, expected 1")
        return hits[0]

    def main_pairs(self) -> tuple[MainPair, ...]:
        """Every pair of main tellings of one fact by two different sources."""
        pairs = []
        for fact in self.facts:
            sources = self.sources_of(fact)
            for a, b in itertools.combinations(sources, 2):
                pairs.append(MainPair(fact, self.main_of(a, fact), self.main_of(b, fact)))
        return tuple(pairs)


_ENTRY_KEYS = {"start", "text", "facts", "main", "junk", "none"}


def _entry(source: str, raw: Any, known: Mapping[str, str]) -> GoldSentence:
    """One entry of the YAML checked and turned into a ``GoldSentence``."""
    where = f"{source}: entry {raw!r:.60}"
    if not isinstance(raw, dict) or not _ENTRY_KEYS.issuperset(raw):
        raise GoldError(f"{where}: expected a mapping with keys among {sorted(_ENTRY_KEYS)}")
    start, text = raw.get("start"), raw.get("text")
    if not isinstance(start, int) or not isinstance(text, str) or not text:
        raise GoldError(f"{where}: needs an integer start and a non-empty text")
    kinds = [k for k in ("facts", "junk", "none") if k in raw]
    if len(kinds) != 1:
        raise GoldError(f"{where}: needs exactly one of facts, junk, none (has {kinds})")
    facts = raw.get("facts", [])
    main = raw.get("main", [])
    if not isinstance(facts, list) or not isinstance(main, list):
        raise GoldError(f"{where}: facts and main must be lists")
    if "facts" in raw and not facts:
        raise GoldError(f"{where}: an empty facts list (use none: reason)")
    unknown = sorted(set(facts) - set(known))
    if unknown:
        raise GoldError(f"{where}: unknown facts {unknown}")
    if not set(main) <= set(facts):
        raise GoldError(f"{where}: main {sorted(set(main) - set(facts))} not among its facts")
    if len(set(facts)) != len(facts):
        raise GoldError(f"{where}: a fact listed twice")
    if raw.get("junk", True) is not True:
        raise GoldError(f"{where}: junk must be true when given")
    reason = raw.get("none", "")
    if "none" in raw and (not isinstance(reason, str) or not reason.strip()):
        raise GoldError(f"{where}: none needs a reason")
    return GoldSentence(
        source=source,
        start=start,
        end=start + len(text),
        text=text,
        facts=frozenset(facts),
        main=frozenset(main),
        junk=bool(raw.get("junk", False)),
        none=reason,
    )


def load_fact_gold(path: Path = GOLD_FILE) -> FactGold:
    """Read and check the structure of a fact gold file (not yet its texts).

    Raises:
        GoldError: malformed file, unknown or unused fact ids, a source with no or two
            main tellings of a fact it tells.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != {"facts", "documents"}:
        raise GoldError(f"{path.name}: expected the keys facts and documents")
    facts, documents = data["facts"], data["documents"]
    if not isinstance(facts, dict) or not isinstance(documents, dict):
        raise GoldError(f"{path.name}: facts and documents must be mappings")
    for fact, description in facts.items():
        if not isinstance(description, str) or not description.strip() or "\n" in description:
            raise GoldError(f"{path.name}: fact {fact!r} needs a one-line description")
    docs: dict[str, tuple[GoldSentence, ...]] = {}
    for source, entries in documents.items():
        if not isinstance(entries, list) or not entries:
            raise GoldError(f"{path.name}: {source}: expected a list of sentences")
        sentences = tuple(_entry(str(source), e, facts) for e in entries)
        for before, after in itertools.pairwise(sentences):
            if after.start < before.end:
                raise GoldError(f"{source}: sentences out of order or overlapping at {after.start}")
        docs[str(source)] = sentences
    gold = FactGold(facts=dict(facts), documents=docs)
    unused = [f for f in gold.facts if not gold.sources_of(f)]
    if unused:
        raise GoldError(f"{path.name}: facts told by no sentence: {unused}")
    for source, sentences in docs.items():
        told = {f for s in sentences for f in s.facts}
        for fact in sorted(told):
            gold.main_of(source, fact)
    return gold


def check_texts(gold: FactGold, texts: Mapping[str, str]) -> None:
    """Check each gold sentence against the text of its file.

    Args:
        gold: the loaded gold.
        texts: file name -> the file's text.

    Raises:
        GoldError: a file is missing, or a sentence is not at its offset.
    """
    for source, sentences in gold.documents.items():
        if source not in texts:
            raise GoldError(f"{source}: no such document")
        text = texts[source]
        for s in sentences:
            if text[s.start : s.end] != s.text:
                raise GoldError(f"{source}: no {s.text[:50]!r} at offset {s.start}")


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class FactScore:
    """Every figure of an alignment against the fact gold.

    Attributes:
        links: linked pairs (CSV rows).
        links_right: those whose passages share a fact.
        main_pairs: pairs of main tellings (fact, two sources).
        main_linked: main pairs whose passages are linked directly.
        main_grouped: main pairs whose passages sit in one group.
        groups: the shared facts the engine shows.
        largest: passages in its largest group (0 without groups).
        group_pairs: cross-source passage pairs inside groups.
        group_pairs_right: those sharing a fact.
        gold_shared: gold facts told by two or more sources.
        gold_covered: of those, the facts some group holds tellings of from two sources.
        wrong: the wrong links, as readable lines.
        missed: the main pairs not linked directly, as readable lines.
        ungrouped: the main pairs not in one group, as readable lines.
    """

    links: int
    links_right: int
    main_pairs: int
    main_linked: int
    main_grouped: int
    groups: int
    largest: int
    group_pairs: int
    group_pairs_right: int
    gold_shared: int
    gold_covered: int
    wrong: tuple[str, ...] = field(default=(), repr=False)
    missed: tuple[str, ...] = field(default=(), repr=False)
    ungrouped: tuple[str, ...] = field(default=(), repr=False)

    @property
    def link_precision(self) -> float:
        return self.links_right / self.links if self.links else 0.0

    @property
    def link_recall(self) -> float:
        return self.main_linked / self.main_pairs if self.main_pairs else 0.0

    @property
    def group_recall(self) -> float:
        return self.main_grouped / self.main_pairs if self.main_pairs else 0.0

    @property
    def group_pair_precision(self) -> float:
        return self.group_pairs_right / self.group_pairs if self.group_pairs else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The figures, rounded, for JSON."""
        return {
            "link_precision": round(self.link_precision, 4),
            "link_recall": round(self.link_recall, 4),
            "group_recall": round(self.group_recall, 4),
            "links": self.links,
            "links_right": self.links_right,
            "main_pairs": self.main_pairs,
            "main_linked": self.main_linked,
            "main_grouped": self.main_grouped,
            "groups": self.groups,
            "largest": self.largest,
            "group_pair_precision": round(self.group_pair_precision, 4),
            "group_pairs": self.group_pairs,
            "gold_shared": self.gold_shared,
            "gold_covered": self.gold_covered,
        }


def plain(text: str, limit: int = 70) -> str:
    """Text made safe for one terminal line: spaces of any kind become " ", control, format
    (bidi), line and paragraph separator characters become U+FFFD; cut to ``limit``."""
    out = []
    for c in text:
        kind = unicodedata.category(c)
        out.append(
            " " if kind == "Zs" else "\ufffd" if kind[0] == "C" or kind in ("Zl", "Zp") else c
        )
    safe = "".join(out)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def _source_index(alignment: Alignment, gold: FactGold) -> dict[str, int]:
    """Gold file name -> document index, matched by file stem; texts checked."""
    by_id = {d.id: i for i, d in enumerate(alignment.documents)}
    index = {}
    for source in gold.documents:
        doc = by_id.get(Path(source).stem)
        if doc is None:
            raise GoldError(f"{source}: not among the aligned documents")
        index[source] = doc
    check_texts(gold, {s: alignment.documents[i].text for s, i in index.items()})
    return index


def _overlapping(passages: Sequence[Passage], start: int, end: int) -> list[int]:
    return [p.id for p in passages if p.start < end and start < p.end]


def score_facts(alignment: Alignment, gold: FactGold | None = None) -> FactScore:
    """Score every link and every group of an alignment of the seeds against the gold.

    Args:
        alignment: the engine's result on (at least) the gold's documents.
        gold: the fact gold; ``facts.yaml`` when None.

    Raises:
        GoldError: a gold document is missing from the alignment or its text differs.
    """
    gold = gold or load_fact_gold()
    index = _source_index(alignment, gold)
    per_doc: dict[int, list[Passage]] = defaultdict(list)
    for p in alignment.passages:
        per_doc[p.doc].append(p)
    tags: dict[int, frozenset[str]] = defaultdict(frozenset)
    passages_of: dict[tuple[str, int], list[int]] = {}
    for source, sentences in gold.documents.items():
        doc_passages = per_doc[index[source]]
        for s in sentences:
            hit = _overlapping(doc_passages, s.start, s.end)
            passages_of[(source, s.start)] = hit
            for pid in hit:
                tags[pid] = tags[pid] | s.facts

    def show(pid: int) -> str:
        p = alignment.passages[pid]
        return f"{alignment.documents[p.doc].id[:3]} {plain(alignment.text(p))!r}"

    links_right = 0
    wrong = []
    linked = set()
    for pair in alignment.pairs:
        linked.add(frozenset((pair.a, pair.b)))
        if tags[pair.a] & tags[pair.b]:
            links_right += 1
        else:
            wrong.append(f"{pair.similarity:.2f} {show(pair.a)} ~ {show(pair.b)}")

    # A passage that tells two facts may sit in both groups (Alignment.groups_of).
    groups_of: dict[int, set[int]] = defaultdict(set)
    for group in alignment.groups:
        for pid in group.passages:
            groups_of[pid].add(group.id)
    main_linked = main_grouped = 0
    missed, ungrouped = [], []
    main_pairs = gold.main_pairs()
    for mp in main_pairs:
        left = passages_of[(mp.a.source, mp.a.start)]
        right = passages_of[(mp.b.source, mp.b.start)]
        cross = [(a, b) for a in left for b in right]
        line = f"{mp.fact}: {mp.a.source[:3]} {plain(mp.a.text, 50)!r} ~ "
        line += f"{mp.b.source[:3]} {plain(mp.b.text, 50)!r}"
        if any(frozenset(c) in linked for c in cross):
            main_linked += 1
        else:
            missed.append(line)
        if any(groups_of[a] & groups_of[b] for a, b in cross):
            main_grouped += 1
        else:
            ungrouped.append(line)

    group_pairs = group_pairs_right = 0
    fact_docs: dict[int, dict[str, set[int]]] = {}
    for group in alignment.groups:
        for a, b in itertools.combinations(group.passages, 2):
            if alignment.passages[a].doc != alignment.passages[b].doc:
                group_pairs += 1
                group_pairs_right += bool(tags[a] & tags[b])
        told: dict[str, set[int]] = defaultdict(set)
        for pid in group.passages:
            for fact in tags[pid]:
                told[fact].add(alignment.passages[pid].doc)
        fact_docs[group.id] = told
    shared = gold.shared_facts()
    covered = sum(any(len(t.get(f, ())) >= 2 for t in fact_docs.values()) for f in shared)

    return FactScore(
        links=len(alignment.pairs),
        links_right=links_right,
        main_pairs=len(main_pairs),
        main_linked=main_linked,
        main_grouped=main_grouped,
        groups=len(alignment.groups),
        largest=max((g.size for g in alignment.groups), default=0),
        group_pairs=group_pairs,
        group_pairs_right=group_pairs_right,
        gold_shared=len(shared),
        gold_covered=covered,
        wrong=tuple(wrong),
        missed=tuple(missed),
        ungrouped=tuple(ungrouped),
    )


# --------------------------------------------------------------------------- command line


def _ok(good: bool) -> str:
    return "OK" if good else "MISS"


def format_score(name: str, s: FactScore) -> str:
    """The figures of one engine setting, each next to issue 16's target."""
    pair_ok = s.group_pair_precision >= TARGET_GROUP_PAIR_PRECISION
    lines = [
        f"{name}:",
        f"  link precision   {s.link_precision:6.3f}  ({s.links_right}/{s.links} rows)"
        f"   target >= {TARGET_LINK_PRECISION}  {_ok(s.link_precision >= TARGET_LINK_PRECISION)}",
        f"  link recall      {s.link_recall:6.3f}  ({s.main_linked}/{s.main_pairs} main pairs)"
        f"   target >= {TARGET_LINK_RECALL}  {_ok(s.link_recall >= TARGET_LINK_RECALL)}",
        f"  group recall     {s.group_recall:6.3f}  ({s.main_grouped}/{s.main_pairs} main pairs)",
        f"  shared facts     {s.groups:6d}   target >= {TARGET_GROUPS}  "
        f"{_ok(s.groups >= TARGET_GROUPS)}",
        f"  largest group    {s.largest:6d}   passages, target <= {TARGET_LARGEST}  "
        f"{_ok(0 < s.largest <= TARGET_LARGEST)}",
        f"  group pair prec. {s.group_pair_precision:6.3f}  "
        f"({s.group_pairs_right}/{s.group_pairs} pairs)   target >= "
        f"{TARGET_GROUP_PAIR_PRECISION}  {_ok(pair_ok)}",
        f"  gold facts covered {s.gold_covered}/{s.gold_shared} (told by 2+ sources, in a group)",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the fact-gold figures of the engine on the seeds; exit 2 on a bad gold file."""
    from alignment import AlignConfig, align, load_documents
    from alignment.errors import ParallaxError
    from alignment.semantic import load_scorer

    parser = argparse.ArgumentParser(
        prog="python -m tests.gold.facts", description="The engine on the seeds vs facts.yaml."
    )
    parser.add_argument("--list", action="store_true", help="list wrong links and missed pairs")
    args = parser.parse_args(argv)
    seeds = GOLD_FILE.parents[2] / "seeds"
    try:
        gold = load_fact_gold()
        documents = load_documents([seeds]).documents
        config = AlignConfig()
        runs: list[tuple[str, Any]] = [("words only", None)]
        scorer = load_scorer(config)
        if scorer is not None:
            runs.append(("words and meaning (semantic extra; the app's default)", scorer))
        else:
            runs[0] = ("words only (the app's default: semantic extra not installed)", None)
        sentences = list(gold.sentences())
        told = [s for s in sentences if s.facts]
        print(
            f"fact gold: {len(gold.facts)} facts ({len(gold.shared_facts())} told by 2+ "
            f"sources), {len(sentences)} sentences ({len(told)} telling facts, "
            f"{sum(s.junk for s in sentences)} junk, {sum(bool(s.none) for s in sentences)} "
            f"without a fact), {len(gold.main_pairs())} main pairs"
        )
        for name, extra in runs:
            score = score_facts(align(documents, config, scorer=extra), gold)
            print(format_score(name, score))
            if args.list:
                for title, items in (
                    ("wrong links", score.wrong),
                    ("main pairs not linked", score.missed),
                    ("main pairs not in one group", score.ungrouped),
                ):
                    print(f"  {title} ({len(items)}):")
                    print("\n".join(f"    {item}" for item in items))
    except (GoldError, ParallaxError) as exc:
        print(f"facts gold: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
