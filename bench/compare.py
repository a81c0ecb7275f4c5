"""What a user might use instead of Parallax, on the same input: difflib and CollateX.

Both baselines get the engine's own sentence splitting and boilerplate marks for free (so the
comparison is about matching, not splitting) and give sentence links: two sentences of
different documents judged to tell the same thing. ``links_to_alignment`` turns links into an
``Alignment`` (one passage per sentence, groups = connected components), so one gold scorer
serves the engine and the baselines alike.

CollateX runs in a child process with a time cap (``python -m bench.compare collatex ...``):
it is a progressive, order-preserving token aligner and can take minutes on large inputs.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from alignment import AlignConfig, Alignment, Document, Group, Pair, Passage, Sentence
from alignment.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILE = ROOT / "tests" / "gold" / "alignment.yaml"
_WORDS = re.compile(r"\w+")

# A sentence link: (doc_a, sentence_a, doc_b, sentence_b, score), doc_a < doc_b.
Link = tuple[int, int, int, int, float]


def split_all(documents: Sequence[Document], config: AlignConfig) -> list[tuple[Sentence, ...]]:
    """The engine's sentences of every document."""
    return [
        split_sentences(
            d.text, i, extra_phrases=config.boilerplate_phrases, max_chars=config.max_passage_chars
        )
        for i, d in enumerate(documents)
    ]


def difflib_links(
    documents: Sequence[Document],
    sentences: Sequence[Sequence[Sentence]],
    *,
    threshold: float = 0.5,
    time_cap: float = 60.0,
) -> tuple[list[Link], dict[str, Any]]:
    """A plain matcher: every cross-document sentence pair, ``SequenceMatcher`` on words.

    Lower-cased words; pairs kept when ``ratio() >= threshold``, with the cheap upper bounds
    (``real_quick_ratio``, ``quick_ratio``) tried first as the difflib docs advise.

    Returns:
        The links, and ``{"seconds", "compared", "total", "timed_out"}``.
    """
    words = [
        [
            (s.index, _WORDS.findall(documents[d].text[s.start : s.end].lower()))
            for s in sents
            if not s.boilerplate
        ]
        for d, sents in enumerate(sentences)
    ]
    total = sum(
        len(words[a]) * len(words[b]) for a in range(len(words)) for b in range(a + 1, len(words))
    )
    links: list[Link] = []
    compared = 0
    start = time.perf_counter()
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    timed_out = False
    for b in range(len(words)):
        if timed_out:
            break
        for ib, wb in words[b]:
            matcher.set_seq2(wb)
            for a in range(b):
                for ia, wa in words[a]:
                    matcher.set_seq1(wa)
                    if (
                        matcher.real_quick_ratio() >= threshold
                        and matcher.quick_ratio() >= threshold
                    ):
                        ratio = matcher.ratio()
                        if ratio >= threshold:
                            links.append((a, ia, b, ib, ratio))
                compared += len(words[a])
            if time.perf_counter() - start > time_cap:
                timed_out = True
                break
    return links, {
        "seconds": time.perf_counter() - start,
        "compared": compared,
        "total": total,
        "timed_out": timed_out,
        "links": len(links),
    }


def _collatex_table(documents: Sequence[Document]) -> list[list[Any]]:
    from collatex import Collation, collate

    collation = Collation()
    for d in documents:
        collation.add_plain_witness(d.id, d.text)
    # Transposition detection is broken in collatex 2.3 (AttributeError), near matching is
    # far slower: the default order-preserving aligner is what a user gets.
    return list(json.loads(collate(collation, output="json", segmentation=False))["table"])


def collatex_links(
    documents: Sequence[Document],
    sentences: Sequence[Sequence[Sentence]],
    *,
    share: float = 0.5,
) -> tuple[list[Link], dict[str, Any]]:
    """CollateX aligns tokens; two sentences are linked when enough of their words align.

    A word token aligns with another witness's when both sit in the same column of the
    alignment table with the same (case-folded) reading. Sentences ``sa`` and ``sb`` are
    linked when the aligned words between them make at least ``share`` of the shorter one's
    words (and at least three words).
    """
    start = time.perf_counter()
    table = _collatex_table(documents)
    collate_s = time.perf_counter() - start
    # sentence of each token, per witness, from the token's character offset
    owner: list[list[int]] = []
    for d, row in enumerate(table):
        text = documents[d].text
        bounds = [(s.start, s.end, s.index) for s in sentences[d] if not s.boilerplate]
        offsets: list[int] = []
        cursor = 0
        for cell in row:
            for token in cell or ():
                offsets.append(cursor)
                cursor += len(token["t"])
        assert cursor == len(text), "collatex tokens must tile the text"
        owner_row: list[int] = []
        k = 0
        for off in offsets:
            while k < len(bounds) and bounds[k][1] <= off:
                k += 1
            owner_row.append(bounds[k][2] if k < len(bounds) and bounds[k][0] <= off else -1)
        owner.append(owner_row)
    counts: dict[tuple[int, int, int, int], int] = {}
    position = [0] * len(table)
    for col in range(len(table[0]) if table else 0):
        readings: list[tuple[int, int, str]] = []
        for d, row in enumerate(table):
            for token in row[col] or ():
                sent = owner[d][position[d]]
                position[d] += 1
                reading = str(token["n"]).casefold()
                if sent >= 0 and _WORDS.fullmatch(reading):
                    readings.append((d, sent, reading))
        for i, (da, sa, ra) in enumerate(readings):
            for db, sb, rb in readings[i + 1 :]:
                if da != db and ra == rb:
                    key = (da, sa, db, sb) if da < db else (db, sb, da, sa)
                    counts[key] = counts.get(key, 0) + 1
    lengths = [
        {s.index: len(_WORDS.findall(documents[d].text[s.start : s.end])) for s in sents}
        for d, sents in enumerate(sentences)
    ]
    links: list[Link] = []
    for (da, sa, db, sb), aligned in sorted(counts.items()):
        shorter = min(lengths[da][sa], lengths[db][sb])
        if aligned >= 3 and shorter and aligned / shorter >= share:
            links.append((da, sa, db, sb, aligned / shorter))
    return links, {
        "seconds": time.perf_counter() - start,
        "collate_s": collate_s,
        "links": len(links),
    }


def links_to_alignment(
    documents: Sequence[Document], sentences: Sequence[Sequence[Sentence]], links: Sequence[Link]
) -> Alignment:
    """Sentence links as an ``Alignment``: a passage per sentence, groups = linked components.

    Every link joins its two sentences' group, so a pair is "aligned" in the result exactly
    when the baseline linked it, directly or through others (as in the engine's groups).
    """
    passages_at: dict[tuple[int, int], int] = {}
    for d, sents in enumerate(sentences):
        for s in sents:
            passages_at[(d, s.index)] = len(passages_at)
    parent = list(range(len(passages_at)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for da, sa, db, sb, _ in links:
        ra, rb = find(passages_at[(da, sa)]), find(passages_at[(db, sb)])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for p in range(len(passages_at)):
        members.setdefault(find(p), []).append(p)
    grouped = [ms for ms in members.values() if len(ms) > 1]
    grouped.sort(key=lambda ms: ms[0])
    group_of = {p: g for g, ms in enumerate(grouped) for p in ms}
    pairs = sorted(
        (
            (group_of[passages_at[(da, sa)]], passages_at[(da, sa)], passages_at[(db, sb)], s)
            for da, sa, db, sb, s in links
        ),
    )
    pair_values = tuple(
        Pair(a=a, b=b, similarity=round(min(1.0, s), 4), group=g) for g, a, b, s in pairs
    )
    by_group: list[list[int]] = [[] for _ in grouped]
    for k, pair in enumerate(pair_values):
        by_group[pair.group].append(k)
    passages = tuple(
        Passage(
            id=pid,
            doc=d,
            first=i,
            last=i,
            start=sentences[d][i].start,
            end=sentences[d][i].end,
            group=group_of.get(pid),
            boilerplate=sentences[d][i].boilerplate,
        )
        for (d, i), pid in passages_at.items()
    )
    return Alignment(
        documents=tuple(documents),
        sentences=tuple(tuple(s) for s in sentences),
        passages=passages,
        pairs=pair_values,
        groups=tuple(
            Group(id=g, passages=tuple(ms), pairs=tuple(by_group[g]))
            for g, ms in enumerate(grouped)
        ),
        sentence_passages=tuple(
            tuple(passages_at[(d, s.index)] for s in sents) for d, sents in enumerate(sentences)
        ),
    )


# Where the lead's gold scorer may live: (module, function). The function takes an
# Alignment (and optionally the gold file's path) and returns a mapping with precision/recall.
GOLD_SCORERS: tuple[tuple[str, str], ...] = (("tests.gold", "score_alignment"),)


def find_gold_scorer() -> Callable[[Alignment], dict[str, Any]] | None:
    """The tests' gold scorer, when the lead has written it; None otherwise.

    PLUG IN HERE: when ``tests/gold/alignment.yaml`` and its scorer exist under another name,
    add ``(module, function)`` to ``GOLD_SCORERS``.
    """
    if not GOLD_FILE.is_file():
        return None
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for module_name, function_name in GOLD_SCORERS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        scorer = getattr(module, function_name, None)
        if callable(scorer):
            return scorer  # type: ignore[no-any-return]
    return None


def score_against_gold(alignment: Alignment) -> dict[str, Any] | None:
    """Precision and recall of an alignment against the tests' gold; None when unavailable."""
    scorer = find_gold_scorer()
    if scorer is None:
        return None
    result = scorer(alignment)
    if hasattr(result, "_asdict"):
        result = result._asdict()
    elif not isinstance(result, dict) and hasattr(result, "__dataclass_fields__"):
        import dataclasses

        result = dataclasses.asdict(result)
    out: dict[str, Any] = {}
    for key, value in dict(result).items():
        if isinstance(value, int | float | str):
            out[key] = value
        elif isinstance(value, list | tuple):
            out[f"{key}_count"] = len(value)
    return out


def run_collatex(
    documents: Sequence[Document], config: AlignConfig, *, time_cap: float
) -> tuple[list[Link], dict[str, Any]]:
    """CollateX in a child process, killed after ``time_cap`` seconds."""
    try:
        import collatex  # noqa: F401
    except ImportError:
        return [], {"error": "collatex not installed (pip install '.[bench]')"}
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        spec = Path(tmp) / "docs.json"
        spec.write_text(
            json.dumps([{"id": d.id, "text": d.text} for d in documents]), encoding="utf-8"
        )
        cmd = [sys.executable, "-m", "bench.compare", "collatex", str(spec)]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                cmd, cwd=ROOT, capture_output=True, text=True, timeout=time_cap, check=False
            )
        except subprocess.TimeoutExpired:
            return [], {"error": f"gave up after {time_cap:.0f} s", "timed_out": True}
        if done.returncode != 0:
            tail = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            return [], {"error": tail}
        out = json.loads(done.stdout.strip().splitlines()[-1])
        stats = dict(out["stats"])
        stats["process_s"] = time.perf_counter() - start
        return [tuple(link) for link in out["links"]], stats  # type: ignore[misc]


def _collatex_child(spec: str) -> int:
    data = json.loads(Path(spec).read_text(encoding="utf-8"))
    documents = [Document(id=d["id"], text=d["text"]) for d in data]
    config = AlignConfig()
    sentences = split_all(documents, config)
    links, stats = collatex_links(documents, sentences)
    print(json.dumps({"links": links, "stats": stats}))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare")
    parser.add_argument("kind", choices=("collatex",))
    parser.add_argument("spec", help="JSON file: a list of {id, text}")
    args = parser.parse_args(argv)
    return _collatex_child(args.spec)


if __name__ == "__main__":
    sys.exit(main())
