"""align(): the stages in order: sentences, weights, passages, links, groups, conflicts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .articles import article_similarities, doc_gate, events
from .boilerplate import is_address
from .claims import ClaimReader, Figure, Reading, default_reader
from .config import AlignConfig
from .conflicts import DEFAULT_LEXICON, Lexicon, Side, find_conflicts, is_hedged
from .conflicts.figures import comparable, same_party, same_value
from .grouping import build_groups
from .model import Alignment, Document, Group, Pair, Passage, Sentence, short_ids
from .neighbours import neighbour_evidence, second_order
from .normalize import clause_spans, content_tokens, text_key
from .sentences import split_sentences
from .similarity import Weights, candidates, fuzzy, normalised_sum, row_cosines

# How many candidates each passage keeps; bounds memory and output on huge stories, where
# fewer are kept (a reader of a thousand articles needs a passage's best matches, not all).
TOP_K = 64
TOP_K_FLOOR = 16


def top_k_for(n_docs: int) -> int:
    """Candidates kept per passage: TOP_K up to 100 sources, then fewer, down to a floor."""
    return TOP_K if n_docs <= 100 else max(TOP_K_FLOOR, TOP_K * 100 // n_docs)


# Candidate search leaves out words found in more than this share of the sentences (and in
# more than the floor): on a story of a thousand articles they would pair almost everything.
BLOCK_WORD_SHARE = 0.02
BLOCK_WORD_FLOOR = 200

# Events are reported (``Alignment.events``) only when the articles across a cut are at most
# this share as alike as within: on ECB+ no cut of one event's articles went under 0.5, and
# two thirds of the true cuts did.
CLEAR_EVENTS = 0.45

Progress = Callable[[str, float], None]


@dataclass(frozen=True, slots=True)
class _Unit:
    """An alignable run of sentences while the engine works (not part of the result)."""

    doc: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What the lexical stages before linking hand on (see ``_prepare``)."""

    weights: Weights
    matrix: sparse.csr_matrix  # weighted words, one row per alignable sentence
    blocking: np.ndarray | None
    gate: np.ndarray  # article x article score factor
    events: tuple[int, ...]  # per document, its event when the cut is clear
    top_k: int
    keys: list[str]  # rapidfuzz keys of the sentences
    passages: list[_Unit]


def _noop(stage: str, fraction: float) -> None:
    return None


def align(
    documents: Sequence[Document],
    config: AlignConfig | None = None,
    *,
    progress: Progress | None = None,
    scorer: Callable[[list[str], list[str]], np.ndarray] | None = None,
    claims: ClaimReader | None = None,
) -> Alignment:
    """Align several articles about one story.

    Args:
        documents: the sources, in display order.
        config: thresholds and weights; defaults when None.
        progress: called with a stage name and a fraction in [0, 1], for progress bars.
        scorer: an optional extra scorer (for example sentence embeddings): given two aligned
            lists of passage texts, returns similarities in [0, 1] that are mixed into the
            lexical score with ``config.semantic_weight``.
        claims: reads sentences into claims (``claims.ClaimReader``); give one with a disk
            cache to spare the parser on the next run. By default, the process's in-memory one.

    Returns:
        The alignment: every sentence in exactly one passage, links, groups and conflicts.
    """
    config = config or AlignConfig()
    report = progress or _noop
    docs = tuple(documents)
    n_docs = len(docs)

    report("sentences", 0.0)
    sentences = tuple(
        split_sentences(
            d.text,
            i,
            extra_phrases=config.boilerplate_phrases,
            max_chars=config.max_passage_chars,
        )
        for i, d in enumerate(docs)
    )
    tokens = [
        [content_tokens(d.text[s.start : s.end]) for s in sents]
        for d, sents in zip(docs, sentences, strict=True)
    ]
    alignable = [
        [not s.boilerplate and len(tokens[d][s.index]) >= config.min_words for s in sents]
        for d, sents in enumerate(sentences)
    ]

    units = [_Unit(d, i, i) for d in range(n_docs) for i, ok in enumerate(alignable[d]) if ok]
    report("claims", 0.1)
    lexicon = _lexicon(config)
    # The parser reads the claims in a thread while the words are weighed and the passages
    # chosen (spaCy and numpy leave the interpreter lock often): a cold run pays less.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="claims") as pool:
        reading = pool.submit(
            _read_claims, docs, sentences, alignable, claims or default_reader(), lexicon
        )
        prepared = _prepare(docs, sentences, tokens, units, config, report)
        readings = reading.result()
    weights, sentence_matrix = prepared.weights, prepared.matrix
    blocking, gate, top_k = prepared.blocking, prepared.gate, prepared.top_k
    sentence_keys, passages_units = prepared.keys, prepared.passages
    clear_events = prepared.events

    report("links", 0.55)
    # Mixed with meaning, scores run higher: the semantic extra has its own threshold.
    mixed = scorer is not None and config.semantic_weight > 0
    threshold = config.semantic_threshold if mixed else config.link_threshold
    labels = short_ids([d.id for d in docs])
    la, lb, scores = _score_pairs(
        docs,
        sentences,
        units,
        passages_units,
        weights,
        sentence_matrix,
        sentence_keys,
        gate,
        blocking,
        readings,
        config,
        scorer,
        top_k,
        threshold,
    )
    report("groups", 0.8)
    # Passages in the result: the alignable runs plus one per remaining sentence.
    result = _all_passages(sentences, passages_units)
    unit_to_result = {(p.doc, p.first): k for k, p in enumerate(result)}
    ra = np.asarray(
        [unit_to_result[(passages_units[i].doc, passages_units[i].first)] for i in la.tolist()],
        dtype=np.int64,
    )
    rb = np.asarray(
        [unit_to_result[(passages_units[i].doc, passages_units[i].first)] for i in lb.tolist()],
        dtype=np.int64,
    )
    groups_members = build_groups(
        [p.doc for p in result],
        ra,
        rb,
        scores,
        link_threshold=threshold,
        support=threshold * config.group_support,
        cohesion=config.group_cohesion,
        attach=threshold * config.group_attach,
    )
    group_of = {p: g for g, ms in enumerate(groups_members) for p in ms}

    report("conflicts", 0.9)
    pair_values: list[Pair] = []
    is_link = scores >= threshold
    for a, b, s in sorted(
        zip(ra[is_link].tolist(), rb[is_link].tolist(), scores[is_link].tolist(), strict=True),
        key=lambda t: (group_of.get(t[0], -1), t[0], t[1]),
    ):
        g = group_of.get(a)
        if g is None or group_of.get(b) != g:
            continue  # a link the grouping refused: not part of any fact
        pa, pb = result[a], result[b]
        conflicts = find_conflicts(
            _side(docs, pa, labels, readings),
            _side(docs, pb, labels, readings),
            lexicon=lexicon,
            loose=s < config.number_similarity,
        )
        pair_values.append(
            Pair(a=a, b=b, similarity=round(min(1.0, max(0.0, s)), 4), group=g, conflicts=conflicts)
        )

    pairs_by_group: list[list[int]] = [[] for _ in groups_members]
    for k, pair in enumerate(pair_values):
        pairs_by_group[pair.group].append(k)
    groups = tuple(
        Group(
            id=g,
            passages=tuple(ms),
            pairs=tuple(pairs_by_group[g]),
            status="conflict"
            if any(pair_values[k].conflicts for k in pairs_by_group[g])
            else "agree",
        )
        for g, ms in enumerate(groups_members)
    )
    final = tuple(
        Passage(
            id=k,
            doc=p.doc,
            first=p.first,
            last=p.last,
            start=p.start,
            end=p.end,
            group=group_of.get(k),
            boilerplate=p.boilerplate,
        )
        for k, p in enumerate(result)
    )
    sentence_passages = tuple(tuple(owners) for owners in _sentence_owners(final, sentences))
    hedged = frozenset(
        p.id
        for p in final
        if not p.boilerplate and is_hedged(docs[p.doc].text[p.start : p.end], lexicon)
    )
    report("done", 1.0)
    return Alignment(
        documents=docs,
        sentences=sentences,
        passages=final,
        pairs=tuple(pair_values),
        groups=groups,
        sentence_passages=sentence_passages,
        hedged=hedged,
        events=clear_events,
        readings=readings,
    )


def _prepare(
    docs: Sequence[Document],
    sentences: tuple[tuple[Sentence, ...], ...],
    tokens: list[list[list[tuple[str, bool]]]],
    units: list[_Unit],
    config: AlignConfig,
    report: Progress,
) -> _Prepared:
    """The lexical stages before linking: word weights, the article gate and events, and the
    passages (runs of sentences) to link."""
    n_docs = len(docs)
    report("weights", 0.2)
    unit_tokens = [tokens[u.doc][u.first] for u in units]
    unit_docs = np.asarray([u.doc for u in units], dtype=np.int64)
    weights = Weights.fit(
        unit_tokens,
        unit_docs.tolist(),
        n_docs,
        name_weight=config.name_weight,
        common_word_weight=config.common_word_weight,
    )
    sentence_matrix = weights.matrix(unit_tokens)
    blocking = weights.blocking_mask(
        len(unit_tokens), max_share=BLOCK_WORD_SHARE, floor=BLOCK_WORD_FLOOR
    )
    # A page's address (dimmed, never aligned) names its story and date: it counts here.
    addresses = [
        (d, tokens[d][s.index])
        for d, sents in enumerate(sentences)
        for s in sents
        if s.boilerplate and is_address(docs[d].text[s.start : s.end])
    ]
    if addresses:
        article_matrix = sparse.vstack(
            [sentence_matrix, weights.matrix([t for _, t in addresses])]
        ).tocsr()
        article_docs = np.concatenate([unit_docs, [d for d, _ in addresses]]).astype(np.int64)
    else:
        article_matrix, article_docs = sentence_matrix, unit_docs
    article_sims = article_similarities(article_matrix, article_docs, n_docs)
    gate = doc_gate(article_sims, config.doc_gate)
    # Articles about another event (a second earthquake, an earlier arrest) link to this
    # event's articles only on stronger evidence.
    event_of = events(article_sims, config.event_split)
    gate = np.where(event_of[:, None] != event_of[None, :], gate * (1 - config.event_gate), gate)
    # Named to the reader only when the cut is clear: a soft gate may be wrong, a claim that
    # the sources tell two events should not be (no looser cut, no clear one either).
    clear_events = (
        tuple(int(e) for e in events(article_sims, min(config.event_split, CLEAR_EVENTS)))
        if event_of.any()
        else ()
    )
    top_k = top_k_for(n_docs)
    sentence_keys = [text_key(t) for t in unit_tokens]

    report("passages", 0.35)
    passages_units = _choose_passages(
        units, sentence_matrix, unit_docs, sentence_keys, gate, config, blocking, top_k
    )

    return _Prepared(
        weights,
        sentence_matrix,
        blocking,
        gate,
        clear_events,
        top_k,
        sentence_keys,
        passages_units,
    )


def _score_pairs(
    docs: Sequence[Document],
    sentences: tuple[tuple[Sentence, ...], ...],
    units: list[_Unit],
    passages_units: list[_Unit],
    weights: Weights,
    sentence_matrix: sparse.csr_matrix,
    sentence_keys: list[str],
    gate: np.ndarray,
    blocking: np.ndarray | None,
    readings: tuple[tuple[Reading, ...], ...],
    config: AlignConfig,
    scorer: Callable[[list[str], list[str]], np.ndarray] | None,
    top_k: int,
    threshold: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every candidate pair of passages (a < b) with its final score: whole passages, their
    best clauses, shared measures, meaning when a scorer is given, rival claimants."""
    index_of = {(u.doc, u.first): k for k, u in enumerate(units)}
    members = [[index_of[(p.doc, i)] for i in range(p.first, p.last + 1)] for p in passages_units]
    passage_matrix = normalised_sum(sentence_matrix, members)
    passage_docs = np.asarray([p.doc for p in passages_units], dtype=np.int64)
    passage_keys = [" ".join(sentence_keys[m] for m in ms) for ms in members]
    la, lb, scores = _scored_candidates(
        passage_matrix, passage_docs, passage_keys, gate, config, blocking, top_k
    )
    clause_a, clause_b, clause_score = _clause_scores(
        docs, sentences, passages_units, weights, gate, config, blocking, top_k
    )
    la, lb, scores = _max_merge(
        (la, lb, scores), (clause_a, clause_b, clause_score * config.clause_weight)
    )
    (ma, mb), rivals = _measure_pairs(passages_units, readings)
    if ma.size and config.measure_boost > 0:
        base = _combined(passage_matrix, passage_matrix, ma, mb, passage_keys, passage_keys, config)
        base *= gate[passage_docs[ma], passage_docs[mb]]
        la, lb, scores = _max_merge((la, lb, scores), (ma, mb, base + config.measure_boost))
    if scorer is not None and la.size:
        texts = [_text(docs, u, sentences) for u in passages_units]
        extra = scorer([texts[i] for i in la.tolist()], [texts[i] for i in lb.tolist()])
        w = config.semantic_weight
        # the article gate holds for meaning too: two earthquakes read alike
        extra = np.asarray(extra, dtype=np.float32) * gate[passage_docs[la], passage_docs[lb]]
        scores = (1 - w) * scores + w * extra
    if rivals[0].size and config.measure_boost > 0 and la.size:
        n = len(passages_units)
        scores = scores - config.measure_boost * np.isin(la * n + lb, rivals[0] * n + rivals[1])
    if config.neighbour_weight > 0 and la.size:
        w = config.neighbour_weight
        n = len(passages_units)
        floor = threshold * config.neighbour_floor
        na, nb = second_order(la, lb, scores, n, floor, passage_docs, max(4, top_k // 4))
        if na.size:
            extra = _combined(
                passage_matrix, passage_matrix, na, nb, passage_keys, passage_keys, config
            )
            extra *= gate[passage_docs[na], passage_docs[nb]]
            la, lb, scores = _max_merge((la, lb, scores), (na, nb, extra))
        near = neighbour_evidence(la, lb, scores, n, floor)
        scores = np.maximum(scores, (1 - w) * scores + w * near).astype(np.float32)
    return la, lb, scores


def _scored_candidates(
    matrix: object,
    docs: np.ndarray,
    keys: list[str],
    gate: np.ndarray,
    config: AlignConfig,
    blocking: np.ndarray | None,
    top_k: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs of rows (a < b; passages or clauses) and their lexical scores, gated
    by article."""
    qa, qb, _ = candidates(
        matrix,
        matrix,
        docs,
        docs,
        cutoff=config.candidate_cutoff,
        top_k=top_k,
        block=config.max_block_size,
        keep_columns=blocking,
    )
    la, lb = _unique_pairs(qa, qb, max(len(keys), 1))
    scores = _combined(matrix, matrix, la, lb, keys, keys, config)
    if la.size:
        scores *= gate[docs[la], docs[lb]]
    return la, lb, scores


def _unique_pairs(qa: np.ndarray, qb: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each unordered pair once, as (smaller, larger), sorted."""
    lo, hi = np.minimum(qa, qb), np.maximum(qa, qb)
    keys = np.unique(lo * n + hi)
    return keys // n, keys % n


def _max_merge(
    *parts: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Union of scored pair lists, keeping the best score of each pair."""
    a = np.concatenate([p[0] for p in parts])
    b = np.concatenate([p[1] for p in parts])
    s = np.concatenate([p[2] for p in parts]).astype(np.float32)
    if a.size == 0:
        return a, b, s
    n = int(max(a.max(), b.max())) + 1
    keys = a * n + b
    order = np.lexsort((-s, keys))
    keys, s = keys[order], s[order]
    first = np.ones(keys.size, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    keys, s = keys[first], s[first]
    return keys // n, keys % n, s


def _clause_scores(
    docs: Sequence[Document],
    sentences: tuple[tuple[Sentence, ...], ...],
    runs: list[_Unit],
    weights: Weights,
    gate: np.ndarray,
    config: AlignConfig,
    blocking: np.ndarray | None,
    top_k: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of passages scored by their best pair of parts, clauses or sentences (a < b).

    A fact is often one clause of a long sentence; the rest (who said it, to whom, in reply
    to what) differs between outlets and drowns the shared part in a whole-sentence score.
    """
    owner: list[int] = []
    clause_tokens: list[list[tuple[str, bool]]] = []
    for k, run in enumerate(runs):
        text = docs[run.doc].text
        for i in range(run.first, run.last + 1):
            sentence = sentences[run.doc][i]
            body = text[sentence.start : sentence.end]
            spans = clause_spans(body)
            if run.first != run.last:
                spans.append((0, len(body)))  # a sentence of a longer passage is a part too
            if len(spans) < 2:
                continue  # a lone one-clause sentence is already compared whole
            for cs, ce in spans:
                tokens = content_tokens(body[cs:ce])
                if len(tokens) >= config.clause_min_words:
                    owner.append(k)
                    clause_tokens.append(tokens)
    empty = np.empty(0, dtype=np.int64)
    if len(clause_tokens) < 2:
        return empty, empty, np.empty(0, dtype=np.float32)
    matrix = weights.matrix(clause_tokens)
    owners = np.asarray(owner, dtype=np.int64)
    clause_docs = np.asarray([runs[k].doc for k in owner], dtype=np.int64)
    keys = [text_key(t) for t in clause_tokens]
    ca, cb, scores = _scored_candidates(matrix, clause_docs, keys, gate, config, blocking, top_k)
    pa, pb = owners[ca], owners[cb]
    lo, hi = np.minimum(pa, pb), np.maximum(pa, pb)
    return _max_merge((lo, hi, scores))


# A measure shared by more passages than this is too common to tell one fact (and would
# cost a quadratic number of pairs).
_MEASURE_LIMIT = 300


def _measure_pairs(
    runs: list[_Unit], readings: tuple[tuple[Reading, ...], ...]
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Pairs of passages (a < b, different sources) that give a figure for the same quantity
    (the claim layer's measure, unit and role), claimed by the same party: "the arrest of
    approximately 2,000" and "arresting over 2,400 dissidents" tell one fact in few shared
    words, and it is the fact a reader must compare. Also, apart, the pairs whose figures for
    a quantity are claimed by two named, different parties and never by the same one: the
    opposition's count and the council's count are two claims, each reported correctly, not
    one fact told twice.
    """
    by_measure: dict[tuple[str, str, str], list[tuple[int, Figure, tuple[str, ...]]]] = {}
    for k, run in enumerate(runs):
        reading = Reading.joined(readings[run.doc][run.first : run.last + 1])
        for figure in reading.figures:
            claim = reading.claims[figure.claim] if figure.claim >= 0 else None
            if claim is not None and (claim.hedged or claim.conditional or claim.negated):
                continue
            party = claim.speaker_key if claim is not None else ()
            for key in figure.measure:
                by_measure.setdefault((figure.unit, key, figure.role), []).append(
                    (k, figure, party)
                )
    found: set[tuple[int, int]] = set()
    rival: set[tuple[int, int]] = set()
    for members in by_measure.values():
        if len(members) > _MEASURE_LIMIT:
            continue
        for i, (ka, fa, pa) in enumerate(members):
            for kb, fb, pb in members[i + 1 :]:
                if runs[ka].doc == runs[kb].doc or not comparable(fa, fb):
                    continue
                pair = (min(ka, kb), max(ka, kb))
                if same_party(pa, pb) or same_value(fa, fb):
                    found.add(pair)
                else:
                    rival.add(pair)
    return _as_arrays(sorted(found)), _as_arrays(sorted(rival - found))


def _as_arrays(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    return (
        np.asarray([a for a, _ in pairs], dtype=np.int64),
        np.asarray([b for _, b in pairs], dtype=np.int64),
    )


def _combined(
    left: object,
    right: object,
    li: np.ndarray,
    ri: np.ndarray,
    left_keys: Sequence[str],
    right_keys: Sequence[str],
    config: AlignConfig,
) -> np.ndarray:
    """The lexical score: weighted cosine mixed with rapidfuzz on the content words."""
    cos = row_cosines(left, right, li, ri)
    fz = fuzzy(
        [left_keys[i] for i in li.tolist()], [right_keys[i] for i in ri.tolist()], config.workers
    )
    w = config.cosine_weight
    return (w * cos + (1 - w) * fz).astype(np.float32)


def _choose_passages(
    units: list[_Unit],
    matrix: object,
    unit_docs: np.ndarray,
    keys: list[str],
    gate: np.ndarray,
    config: AlignConfig,
    blocking: np.ndarray | None,
    top_k: int,
) -> list[_Unit]:
    """Sentences, joined into runs of two or three where one source says in two what another
    says in one: a run is kept when it matches a sentence elsewhere clearly better than any of
    its parts does. Runs never overlap; the best ones win.
    """
    if config.max_passage_sentences < 2 or not units:
        return units
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
        top_k=max(1, top_k // 4),
        block=config.max_block_size,
        keep_columns=blocking,
    )
    if wi.size == 0:
        return units
    window_keys = [" ".join(keys[m] for m in w) for w in windows]
    whole = _combined(window_matrix, matrix, wi, si, window_keys, keys, config)
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
            _combined(matrix, matrix, member, si, keys, keys, config)
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
    out: list[_Unit] = []
    k = 0
    while k < len(units):
        if k in chosen:
            w = chosen[k]
            out.append(_Unit(units[k].doc, units[w[0]].first, units[w[-1]].first))
            k = w[-1] + 1
        else:
            out.append(units[k])
            k += 1
    return out


def _all_passages(sentences: tuple[tuple[Sentence, ...], ...], runs: list[_Unit]) -> list[Passage]:
    """Every sentence in exactly one passage: the alignable runs, and one per other sentence."""
    run_at = {(u.doc, u.first): u for u in runs}
    out: list[Passage] = []
    for d, sents in enumerate(sentences):
        i = 0
        while i < len(sents):
            run = run_at.get((d, i))
            last = run.last if run else i
            out.append(
                Passage(
                    id=len(out),
                    doc=d,
                    first=i,
                    last=last,
                    start=sents[i].start,
                    end=sents[last].end,
                    boilerplate=all(s.boilerplate for s in sents[i : last + 1]),
                )
            )
            i = last + 1
    return out


def _text(
    docs: Sequence[Document], unit: _Unit | Passage, sentences: tuple[tuple[Sentence, ...], ...]
) -> str:
    sents = sentences[unit.doc]
    return docs[unit.doc].text[sents[unit.first].start : sents[unit.last].end]


def _side(
    docs: Sequence[Document],
    p: Passage,
    labels: Sequence[str],
    readings: tuple[tuple[Reading, ...], ...],
) -> Side:
    doc = docs[p.doc]
    return Side(
        doc=p.doc,
        label=labels[p.doc],
        text=doc.text[p.start : p.end],
        offset=p.start,
        reading=Reading.joined(readings[p.doc][p.first : p.last + 1]),
        published=getattr(doc, "published", None),
    )


def _lexicon(config: AlignConfig) -> Lexicon:
    extra = {
        "negations": config.negation_words,
        "denials": config.denial_words,
        "hedges": config.hedge_words,
        "reporting_verbs": config.reporting_verbs,
    }
    extra = {k: v for k, v in extra.items() if v}
    return DEFAULT_LEXICON.extended(**extra) if extra else DEFAULT_LEXICON


def _read_claims(
    docs: Sequence[Document],
    sentences: tuple[tuple[Sentence, ...], ...],
    alignable: list[list[bool]],
    reader: ClaimReader,
    lexicon: Lexicon,
) -> tuple[tuple[Reading, ...], ...]:
    """Per document, per sentence, its claims in document offsets (nothing for junk)."""
    wanted = [(d, s) for d, sents in enumerate(sentences) for s in sents if alignable[d][s.index]]
    read = reader.read([docs[d].text[s.start : s.end] for d, s in wanted], lexicon)
    out = [[Reading()] * len(sents) for sents in sentences]
    for (d, s), reading in zip(wanted, read, strict=True):
        out[d][s.index] = reading.shifted(s.start)
    return tuple(tuple(r) for r in out)


def _sentence_owners(
    passages: tuple[Passage, ...], sentences: tuple[tuple[Sentence, ...], ...]
) -> list[list[int]]:
    """Per document, per sentence, the id of its passage (one pass over the passages)."""
    owners = [[0] * len(sents) for sents in sentences]
    for p in passages:
        for i in range(p.first, p.last + 1):
            owners[p.doc][i] = p.id
    return owners
