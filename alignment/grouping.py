"""Links -> fact groups, without chaining unrelated facts together.

Plain connected components chain: A~B and B~C put A and C together even when they tell
different facts. Here groups grow from the strongest links first (average-linkage
agglomerative clustering): two groups merge only when the pairs between them that could be
linked (pairs from different sources) are, for at least ``cohesion`` of them, supported by a
score of at least ``support``. Support is a little below the link threshold, so that a group
is not refused for a pair that only just missed the threshold.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .config import AlignConfig
from .model import Passage
from .scoring import Run, Scored, Story, combined
from .similarity import candidates, normalised_sum


@dataclass(frozen=True, slots=True)
class Linkage:
    """The scored pairs of passages as grouping reads them.

    Attributes:
        docs: the document of each passage.
        a, b, score: scored candidate pairs of passages (parallel arrays).
        link_threshold: a pair at or above it is a link, and may merge or extend groups.
        support: a pair at or above it (and below the threshold) still supports a merge or
            a passage joining a group.
    """

    docs: Sequence[int]
    a: np.ndarray
    b: np.ndarray
    score: np.ndarray
    link_threshold: float
    support: float

    def supported(self) -> list[tuple[int, int]]:
        """The pairs scoring at least the support (or the threshold, when lower)."""
        keep = self.score >= min(self.support, self.link_threshold)
        return list(zip(self.a[keep].tolist(), self.b[keep].tolist(), strict=True))

    def links(self, at_least: float | None = None) -> list[tuple[int, int, float]]:
        """The links (a, b, score) scoring at least ``at_least`` (the threshold by default),
        strongest first, ties by passage ids."""
        keep = self.score >= (self.link_threshold if at_least is None else at_least)
        la, lb, ls = self.a[keep], self.b[keep], self.score[keep]
        order = np.lexsort((lb, la, -ls)).tolist()
        return [(int(la[k]), int(lb[k]), float(ls[k])) for k in order]


def build_groups(linkage: Linkage, *, cohesion: float, attach: float = 1.0) -> list[list[int]]:
    """Cluster passages into groups.

    Args:
        linkage: the scored pairs, their threshold and support.
        cohesion: share of cross-source member pairs that must be supported for a merge.
        attach: a passage still alone joins the group of its best link at or above this.

    Returns:
        Groups of two or more passages (sorted ids), from at least two documents, sorted by
        their first passage.
    """
    passage_docs = linkage.docs
    cluster_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    doc_counts: dict[int, dict[int, int]] = {}
    # Per cluster, how many supported pairs join it to each other cluster; kept up to date on
    # merges so a merge test costs one look-up, not a walk over both clusters.
    between: dict[int, dict[int, int]] = defaultdict(dict)

    def cluster(p: int) -> int:
        if p not in cluster_of:
            cluster_of[p] = p
            members[p] = [p]
            doc_counts[p] = {passage_docs[p]: 1}
        return cluster_of[p]

    for a, b in linkage.supported():
        ca, cb = cluster(a), cluster(b)
        between[ca][cb] = between[ca].get(cb, 0) + 1
        between[cb][ca] = between[cb].get(ca, 0) + 1

    refused: dict[tuple[int, int], tuple[int, int]] = {}  # nothing changed: same answer
    for a, b, _ in linkage.links():
        ca, cb = cluster(a), cluster(b)
        if ca == cb:
            continue
        small, large = (ca, cb) if len(members[ca]) <= len(members[cb]) else (cb, ca)
        sizes = (len(members[small]), len(members[large]))
        if refused.get((small, large)) == sizes:
            continue
        linked = between[small].get(large, 0)
        possible = len(members[small]) * len(members[large]) - sum(
            n * doc_counts[large].get(d, 0) for d, n in doc_counts[small].items()
        )
        if possible <= 0 or linked < cohesion * possible:
            refused[(small, large)] = sizes
            continue
        for p in members[small]:
            cluster_of[p] = large
        members[large].extend(members.pop(small))
        for d, n in doc_counts.pop(small).items():
            doc_counts[large][d] = doc_counts[large].get(d, 0) + n
        for other, n in between.pop(small).items():
            del between[other][small]
            if other != large:
                between[large][other] = between[large].get(other, 0) + n
                between[other][large] = between[other].get(large, 0) + n
        between[large].pop(small, None)
    # A passage left on its own with a strong link (``attach`` or more) to a group joins its
    # best link's group: one step, never a chain, since what joins this way brings nobody.
    formed = {c for c, ps in members.items() if len(ps) > 1}
    joins: dict[int, int] = {}
    for a, b, _ in linkage.links(max(attach, linkage.link_threshold)):
        for p, q in ((a, b), (b, a)):
            if p not in joins and len(members[cluster_of[p]]) == 1 and cluster_of[q] in formed:
                joins[p] = cluster_of[q]
    for p, c in joins.items():
        members.pop(cluster_of[p])
        doc_counts.pop(cluster_of[p])
        cluster_of[p] = c
        members[c].append(p)
        doc_counts[c][passage_docs[p]] = doc_counts[c].get(passage_docs[p], 0) + 1
    groups = [sorted(ps) for c, ps in members.items() if len(ps) > 1 and len(doc_counts[c]) > 1]
    groups.sort(key=lambda g: g[0])
    return groups


def choose_passages(story: Story, config: AlignConfig) -> list[Run]:
    """Sentences, joined into runs of two or three where one source says in two what another
    says in one: a run is kept when it matches a sentence elsewhere clearly better than any of
    its parts does. Runs never overlap; the best ones win.
    """
    units = list(story.units)
    if config.max_passage_sentences < 2 or not units:
        return units
    matrix, unit_docs, keys, gate = story.matrix, story.unit_docs, story.keys, story.gate
    windows: list[list[int]] = []
    for k in range(len(units)):
        for size in range(2, config.max_passage_sentences + 1):
            last = k + size - 1
            if last >= len(units):
                break
            # consecutive sentences of one document, with nothing skipped between them
            if units[last].doc != units[k].doc or units[last].first - units[k].first != size - 1:
                break
            windows.append(list(range(k, last + 1)))
    if not windows:
        return units
    window_matrix = normalised_sum(matrix, windows)
    window_docs = np.asarray([unit_docs[w[0]] for w in windows], dtype=np.int64)
    wi, si, _ = candidates(
        window_matrix,
        matrix,
        window_docs,
        unit_docs,
        cutoff=config.candidate_cutoff,
        top_k=max(1, story.top_k // 4),
        block=config.max_block_size,
        keep_columns=story.blocking,
    )
    if wi.size == 0:
        return units
    window_keys = [" ".join(keys[m] for m in w) for w in windows]
    whole = combined(window_matrix, matrix, wi, si, window_keys, keys, config)
    whole *= gate[window_docs[wi], unit_docs[si]]
    # the best single member of each window against the same sentence
    best_part = np.zeros_like(whole)
    width = max(len(w) for w in windows)
    for j in range(width):
        member = np.asarray(
            [windows[w][j] if j < len(windows[w]) else windows[w][0] for w in wi.tolist()],
            dtype=np.int64,
        )
        part = (
            combined(matrix, matrix, member, si, keys, keys, config)
            * gate[unit_docs[member], unit_docs[si]]
        )
        best_part = np.maximum(best_part, part)
    good = (whole >= config.link_threshold) & (whole >= best_part + config.merge_gain)
    taken = np.zeros(len(units), dtype=bool)
    chosen: dict[int, list[int]] = {}
    for k in np.lexsort((wi, -whole))[good[np.lexsort((wi, -whole))]].tolist():
        w = windows[int(wi[k])]
        if taken[w].any():
            continue
        taken[w] = True
        chosen[w[0]] = w
    out: list[Run] = []
    k = 0
    while k < len(units):
        if k in chosen:
            w = chosen[k]
            out.append(Run(units[k].doc, units[w[0]].first, units[w[-1]].first))
            k = w[-1] + 1
        else:
            out.append(units[k])
            k += 1
    return out


def extend_groups(
    groups: Sequence[Sequence[int]],
    linkage: Linkage,
    *,
    cohesion: float,
    pair_at: float = float("inf"),
) -> list[list[int]]:
    """Groups that also take in passages telling their fact among others.

    A sentence often tells two facts ("arrests, deaths and the ban of X"): its link to a
    passage of the other fact's group is right, but it sits in the group of its first fact.
    Here, for each link between two passages that share no group (strongest first), one of
    them joins a group of the other when it is supported by at least ``cohesion`` of that
    group's members from other sources, the test a merge passes: a fact takes in a passage
    that tells it, never another fact. A link scoring ``pair_at`` or more whose passages
    join no group this way is a fact of its own: a new group of the two.

    Args:
        groups: the groups (passage ids) from ``build_groups``.
        linkage: the scored pairs, their threshold and support.
        cohesion: share of a group's members from other sources that must support it.
        pair_at: a link at or above it that joins no group becomes a group of two.

    Returns:
        The groups with their new members (sorted ids), in the same order, then the new
        groups of two (less those whose two passages both joined another group).
    """
    passage_docs = linkage.docs
    members = [list(g) for g in groups]
    doc_counts = [Counter(passage_docs[p] for p in g) for g in members]
    where: dict[int, set[int]] = defaultdict(set)
    for g, ms in enumerate(members):
        for p in ms:
            where[p].add(g)
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in linkage.supported():
        neighbours[a].add(b)
        neighbours[b].add(a)
    member_sets = [set(ms) for ms in members]

    def add(p: int, g: int) -> None:
        members[g].append(p)
        member_sets[g].add(p)
        doc_counts[g][passage_docs[p]] += 1
        where[p].add(g)

    for a, b, score in linkage.links():
        if where[a] & where[b]:
            continue
        joined = False
        for x, y in ((b, a), (a, b)):
            for g in sorted(where[y]):
                others = len(members[g]) - doc_counts[g][passage_docs[x]]
                if others > 0 and len(neighbours[x] & member_sets[g]) >= cohesion * others:
                    add(x, g)
                    joined = True
                    break
            if joined:
                break
        if not joined and score >= pair_at:
            # a strong link that fits neither side's fact tells a fact of its own
            members.append([])
            member_sets.append(set())
            doc_counts.append(Counter())
            add(a, len(members) - 1)
            add(b, len(members) - 1)
    # a group of two whose passages both joined another group later tells that group's
    # fact: its link is that group's, and it would be a fact without a link
    first_new = len(groups)
    kept = [
        ms
        for g, ms in enumerate(members)
        if g < first_new or not (where[ms[0]] & where[ms[1]]) - {g}
    ]
    return [sorted(ms) for ms in kept]


@dataclass(frozen=True, slots=True)
class Facts:
    """The scored pairs in passage ids, and the fact groups they make.

    Attributes:
        a, b, score: every scored pair (passage ids of the result).
        threshold: a pair at or above it is a link.
        groups: the members of each group (sorted passage ids), by first passage.
        group_of: passage id -> its group.
    """

    a: np.ndarray
    b: np.ndarray
    score: np.ndarray
    threshold: float
    groups: tuple[tuple[int, ...], ...]
    group_of: dict[int, int]

    def links(self) -> list[tuple[int, int, float, int]]:
        """The links inside a group (a, b, score, group), by group then passages. A link
        whose passages share several groups belongs to the home group of ``a``, else of
        ``b``, else to the first they share."""
        where: dict[int, set[int]] = defaultdict(set)
        for g, ms in enumerate(self.groups):
            for p in ms:
                where[p].add(g)
        is_link = self.score >= self.threshold
        found = []
        for a, b, s in zip(
            self.a[is_link].tolist(),
            self.b[is_link].tolist(),
            self.score[is_link].tolist(),
            strict=True,
        ):
            shared = where[a] & where[b]
            if not shared:
                continue  # a link the grouping refused: not part of any fact
            home = self.group_of.get(a), self.group_of.get(b)
            g = next((h for h in home if h in shared), min(shared))
            found.append((a, b, s, g))
        return sorted(found, key=lambda t: (t[3], t[0], t[1]))


def group_facts(
    passages: Sequence[Passage], runs: Sequence[Run], scored: Scored, config: AlignConfig
) -> Facts:
    """Fact groups from the scored pairs of runs, in the ids of the result's passages."""
    at = {(p.doc, p.first): p.id for p in passages}
    ids = np.asarray([at[(r.doc, r.first)] for r in runs], dtype=np.int64)
    a = ids[scored.a] if scored.a.size else scored.a
    b = ids[scored.b] if scored.b.size else scored.b
    threshold = scored.threshold
    linkage = Linkage(
        docs=[p.doc for p in passages],
        a=a,
        b=b,
        score=scored.score,
        link_threshold=threshold,
        support=threshold * config.group_support,
    )
    members = build_groups(
        linkage, cohesion=config.group_cohesion, attach=threshold * config.group_attach
    )
    home = {p: g for g, ms in enumerate(members) for p in ms}
    members = extend_groups(
        members, linkage, cohesion=config.group_join, pair_at=threshold * config.group_pair
    )
    # Groups in reading order of their first passage; a passage that had no group is at home
    # in the first of the groups it joined.
    order = sorted(range(len(members)), key=lambda g: (members[g][0], g))
    new_id = {g: k for k, g in enumerate(order)}
    members = [members[g] for g in order]
    group_of = {p: new_id[g] for p, g in home.items()}
    for g in order:
        for p in members[new_id[g]]:
            group_of.setdefault(p, new_id[g])
    return Facts(a, b, scored.score, threshold, tuple(tuple(m) for m in members), group_of)
