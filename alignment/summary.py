"""The shape of the disagreement: who agrees, who stands alone, who reports what alone.

Pure functions over an ``Alignment``, shared by the overview screen, the detail panel and the
Markdown report. Sources are counted, not passages: a source with two passages in a fact
counts once, and it conflicts when any of its passages does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .model import CONFLICT_KINDS, Alignment, ConflictKind, Document, Group, Passage, short_ids

# Strongest first, as ``Pair.conflicts`` orders them: attribution is the weakest signal.
KIND_ORDER: tuple[ConflictKind, ...] = CONFLICT_KINDS
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """Who tells one fact, and how the sources split over it.

    Attributes:
        group: the group id.
        docs: the sources that report the fact (document indices, sorted).
        agreeing: the sources on the larger side: no conflict between any two of them.
        conflicting: the fewest sources that, set apart, leave no conflict (empty when the
            group agrees).
        missing: the sources that do not report the fact.
        kinds: the conflict kinds met in the group, strongest first.
        reasons: the conflicts' reasons, in pair order, without repeats.
        conflict_pairs: how many links of the group conflict.
        text: one line such as "4 sources agree, 1 conflicts: 003 stands alone".
    """

    group: int
    docs: tuple[int, ...]
    agreeing: tuple[int, ...]
    conflicting: tuple[int, ...]
    missing: tuple[int, ...]
    kinds: tuple[ConflictKind, ...]
    reasons: tuple[str, ...]
    conflict_pairs: int
    text: str

    @property
    def disputed(self) -> bool:
        """True when any link of the group conflicts."""
        return self.conflict_pairs > 0

    @property
    def alone(self) -> int | None:
        """The one source that contradicts all the others, when there is exactly one."""
        if len(self.conflicting) == 1 and len(self.agreeing) > 1:
            return self.conflicting[0]
        return None


@dataclass(frozen=True, slots=True)
class SourceMatrix:
    """Sources by sources: how many facts each two share, and how many of those conflict.

    Attributes:
        shared: ``shared[i][j]`` is the number of groups holding a passage of both ``i`` and
            ``j``; on the diagonal, the number of groups ``i`` is part of.
        conflicts: ``conflicts[i][j]`` is the number of groups where a link between ``i`` and
            ``j`` conflicts; on the diagonal, the number of groups where ``i`` is on the
            conflicting side (``GroupSummary.conflicting``).
    """

    shared: tuple[tuple[int, ...], ...]
    conflicts: tuple[tuple[int, ...], ...]


def snippet(text: str, width: int = 80) -> str:
    """``text`` on one line (runs of white space become one space), cut to ``width`` characters.

    A cut falls on a word boundary when one is near and ends with an ellipsis.

    >>> snippet("The  council\\napproved the budget.", 20)
    'The council…'
    """
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= width:
        return flat
    cut = flat[: max(1, width - 1)]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _links(alignment: Alignment, group: Group) -> tuple[list[tuple[int, int]], list[int]]:
    """The (doc, doc) of each conflicting link of ``group`` (lower document first), and the
    agreeing links by document (the links of each source that do not conflict)."""
    conflicting: list[tuple[int, int]] = []
    agreeing = [0] * len(alignment.documents)
    for k in group.pairs:
        pair = alignment.pairs[k]
        da, db = alignment.passages[pair.a].doc, alignment.passages[pair.b].doc
        if pair.conflicts:
            conflicting.append((min(da, db), max(da, db)))
        else:
            agreeing[da] += 1
            agreeing[db] += 1
    return conflicting, agreeing


def _dissenters(
    docs: tuple[int, ...], links: list[tuple[int, int]], agreeing: list[int]
) -> tuple[int, ...]:
    """A small set of sources whose removal leaves no conflict (greedy vertex cover).

    The source in most conflicts goes first; among equals, the one with fewer agreeing links,
    then the later document, so that in a two-source dispute the first source reads as the
    reference. Deterministic.
    """
    remaining = set(links)
    chosen: set[int] = set()
    while remaining:
        degree = dict.fromkeys(docs, 0)
        for a, b in remaining:
            degree[a] = degree.get(a, 0) + 1
            degree[b] = degree.get(b, 0) + 1
        pick = max(degree, key=lambda d: (degree[d], -agreeing[d], d))
        chosen.add(pick)
        remaining = {(a, b) for a, b in remaining if pick not in (a, b)}
    return tuple(sorted(chosen))


def _ids(alignment: Alignment, docs: tuple[int, ...]) -> str:
    names = short_ids([d.id for d in alignment.documents])
    return ", ".join(names[d] for d in docs)


def _count_text(
    alignment: Alignment,
    docs: tuple[int, ...],
    agreeing: tuple[int, ...],
    conflicting: tuple[int, ...],
) -> str:
    n = len(docs)
    noun = "source" if n == 1 else "sources"
    if not conflicting:
        if n == len(alignment.documents) and n > 2:
            return f"all {n} sources agree"
        return f"{n} {noun} agree" if n > 1 else f"1 {noun}"
    if len(agreeing) > len(conflicting):
        verb = "conflicts" if len(conflicting) == 1 else "conflict"
        who = _ids(alignment, conflicting)
        tail = f"{who} stands alone" if len(conflicting) == 1 else who
        return f"{len(agreeing)} sources agree, {len(conflicting)} {verb}: {tail}"
    return f"{n} sources disagree: {_ids(alignment, agreeing)} vs {_ids(alignment, conflicting)}"


@dataclass(frozen=True, slots=True)
class ClaimSplit:
    """Who says what about one disputed claim of a fact: "deaths: 21 (000) · at least two
    dozen (004)"; "offer: says it did not happen (000, 001, 002) · says it happened (003)".

    Attributes:
        kind: the conflict kind.
        topic: what the sources disagree about.
        positions: each thing said, with the documents that say it, most sources first.
        pairs: how many linked pairs of passages the split sums up.
    """

    kind: ConflictKind
    topic: str
    positions: tuple[tuple[str, tuple[int, ...]], ...]
    pairs: int

    def text(self, names: Sequence[str]) -> str:
        """One line: "topic: what (who, who) · what (who)"."""
        told = " · ".join(
            f"{said} ({', '.join(names[d] for d in docs)})" for said, docs in self.positions
        )
        return f"{self.topic}: {told}"


def claim_splits(alignment: Alignment, group_id: int) -> tuple[ClaimSplit, ...]:
    """The disputes of a fact summed up by claim, strongest kind first: each conflict of its
    links credits what each passage says to that passage's source."""
    found: dict[tuple[str, str], dict[str, set[int]]] = {}
    counts: dict[tuple[str, str], int] = {}
    kinds: dict[tuple[str, str], ConflictKind] = {}
    for k in alignment.groups[group_id].pairs:
        pair = alignment.pairs[k]
        docs = (alignment.passages[pair.a].doc, alignment.passages[pair.b].doc)
        for conflict in pair.conflicts:
            if not conflict.topic:
                continue  # a conflict made without its claims (by hand): its reason only
            key = (conflict.kind, conflict.topic)
            kinds[key] = conflict.kind
            counts[key] = counts.get(key, 0) + 1
            said = found.setdefault(key, {})
            for side, doc in zip(conflict.sides, docs, strict=True):
                said.setdefault(side or "?", set()).add(doc)
    out = [
        ClaimSplit(
            kind=kinds[key],
            topic=key[1],
            positions=tuple(
                (said, tuple(sorted(docs)))
                for said, docs in sorted(found[key].items(), key=lambda t: (-len(t[1]), t[0]))
            ),
            pairs=counts[key],
        )
        for key in found
    ]
    out.sort(key=lambda s: (KIND_ORDER.index(s.kind), -s.pairs, s.topic))
    return tuple(out)


def summarise_group(alignment: Alignment, group_id: int) -> GroupSummary:
    """Count the sources of one group: who agrees, who conflicts, who is missing.

    Args:
        alignment: the result of ``align()``.
        group_id: index into ``alignment.groups``.

    Returns:
        The summary; its ``text`` is the one-line count for a detail panel or a report.

    Raises:
        IndexError: ``group_id`` is not a group of ``alignment``.
    """
    group = alignment.groups[group_id]
    docs = alignment.group_docs(group)
    links, agree_links = _links(alignment, group)
    conflicting = _dissenters(docs, links, agree_links)
    agreeing = tuple(d for d in docs if d not in conflicting)
    missing = tuple(d for d in range(len(alignment.documents)) if d not in docs)
    kinds: set[ConflictKind] = set()
    reasons: list[str] = []
    for k in group.pairs:
        for conflict in alignment.pairs[k].conflicts:
            kinds.add(conflict.kind)
            if conflict.reason and conflict.reason not in reasons:
                reasons.append(conflict.reason)
    return GroupSummary(
        group=group.id,
        docs=docs,
        agreeing=agreeing,
        conflicting=conflicting,
        missing=missing,
        kinds=tuple(k for k in KIND_ORDER if k in kinds),
        reasons=tuple(reasons),
        conflict_pairs=len(links),
        text=_count_text(alignment, docs, agreeing, conflicting),
    )


def describe_group(alignment: Alignment, group_id: int) -> str:
    """The one-line count of a group, e.g. "4 sources agree, 1 conflicts: 003 stands alone".

    Other forms: "3 sources agree", "all 5 sources agree", "2 sources disagree: 000 vs 004".
    """
    return summarise_group(alignment, group_id).text


def source_matrix(alignment: Alignment) -> SourceMatrix:
    """Sources by sources: facts shared, and facts over which the two conflict.

    Returns:
        Two square tables indexed by document (see ``SourceMatrix``).
    """
    n = len(alignment.documents)
    shared = [[0] * n for _ in range(n)]
    conflicts = [[0] * n for _ in range(n)]
    for group in alignment.groups:
        docs = alignment.group_docs(group)
        for i in docs:
            for j in docs:
                shared[i][j] += 1
        for a, b in set(_links(alignment, group)[0]):
            conflicts[a][b] += 1
            conflicts[b][a] += 1
        for d in summarise_group(alignment, group.id).conflicting:
            conflicts[d][d] += 1
    return SourceMatrix(
        shared=tuple(tuple(row) for row in shared),
        conflicts=tuple(tuple(row) for row in conflicts),
    )


def _strength(summary: GroupSummary) -> int:
    return KIND_ORDER.index(summary.kinds[0]) if summary.kinds else len(KIND_ORDER)


def disputed_facts(alignment: Alignment) -> tuple[GroupSummary, ...]:
    """The groups with a conflict, most disputed first.

    Ranked by the number of sources that report the fact, then the number of sources on the
    minority side, then the strongest conflict kind, then group id.
    """
    summaries = [summarise_group(alignment, g.id) for g in alignment.groups]
    disputed = [s for s in summaries if s.disputed]
    return tuple(
        sorted(
            disputed,
            key=lambda s: (-len(s.docs), -len(s.conflicting), _strength(s), s.group),
        )
    )


def agreed_facts(alignment: Alignment) -> tuple[GroupSummary, ...]:
    """The groups without a conflict, those told by most sources first (ties by group id)."""
    summaries = [summarise_group(alignment, g.id) for g in alignment.groups]
    return tuple(
        sorted((s for s in summaries if not s.disputed), key=lambda s: (-len(s.docs), s.group))
    )


def unique_passages(alignment: Alignment, *, min_words: int = 4) -> tuple[tuple[Passage, ...], ...]:
    """Per source, the passages only it reports: in no group, not boilerplate.

    Args:
        alignment: the result of ``align()``.
        min_words: passages with fewer words (bylines, captions, "Read more") are left out.

    Returns:
        One tuple per document, in document order, passages in reading order.
    """
    out: list[list[Passage]] = [[] for _ in alignment.documents]
    for passage in alignment.passages:
        if passage.group is not None or passage.boilerplate:
            continue
        if len(_WORD.findall(alignment.text(passage))) < min_words:
            continue
        out[passage.doc].append(passage)
    return tuple(tuple(ps) for ps in out)


def fact_passages(alignment: Alignment) -> tuple[Passage, ...]:
    """Per group, the passage that names the fact in lists.

    Each fact is named by its most typical telling: a passage at home in it (a passage
    telling two facts would name both alike), linked to the most of the fact's other
    passages, then the first source's, earliest in its text; a passage already naming an
    earlier fact is taken only when the fact has no other, so two facts in a list do not
    read the same.
    """
    named: set[int] = set()
    out: list[Passage] = []
    for group in alignment.groups:
        links: Counter[int] = Counter()
        for k in group.pairs:
            links.update((alignment.pairs[k].a, alignment.pairs[k].b))
        best = min(
            (alignment.passages[p] for p in group.passages),
            key=lambda p: (p.id in named, p.group != group.id, -links[p.id], p.doc, p.start, p.id),
        )
        named.add(best.id)
        out.append(best)
    return tuple(out)


def publication_order(documents: Sequence[Document]) -> tuple[int, ...]:
    """Document indices by publication date, earliest first ("who reported it first"); the
    undated after them, each group in story order."""
    return tuple(
        sorted(
            range(len(documents)),
            key=lambda k: (documents[k].published is None, documents[k].published or date.min, k),
        )
    )


__all__ = [
    "KIND_ORDER",
    "ClaimSplit",
    "GroupSummary",
    "SourceMatrix",
    "agreed_facts",
    "claim_splits",
    "describe_group",
    "disputed_facts",
    "fact_passages",
    "publication_order",
    "snippet",
    "source_matrix",
    "summarise_group",
    "unique_passages",
]
