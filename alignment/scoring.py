"""Scoring: the story as the scores see it, and every candidate pair of passages scored.

``segment`` splits the documents into sentences and their comparison keys; ``weigh`` fits the
story's word weights and the article gate on them; ``score_pairs`` scores the candidate pairs
of passages (whole passages, their best clauses, shared measures, meaning when a scorer is
given, neighbour evidence). Each stage takes and returns a small frozen value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from scipy import sparse

from .articles import article_similarities, doc_gate, events
from .boilerplate import ends_like_sentence, is_address
from .claims import Reading
from .config import AlignConfig
from .model import Document, Sentence
from .neighbours import neighbour_evidence, second_order
from .normalize import clause_spans, content_tokens, text_key
from .sentences import split_sentences
from .similarity import Tokens, Weights, candidates, fuzzy, normalised_sum, row_cosines

Scorer = Callable[[list[str], list[str]], np.ndarray]
Pairs = tuple[np.ndarray, np.ndarray]
ScoredPairs = tuple[np.ndarray, np.ndarray, np.ndarray]
# Per document, per sentence, its claims (``claims.Reading``, document offsets).
Readings = tuple[tuple[Reading, ...], ...]

# How many candidates each passage keeps; bounds memory and output on huge stories, where
# fewer are kept (a reader of a thousand articles needs a passage's best matches, not all).
TOP_K = 64
TOP_K_FLOOR = 16

# Candidate search leaves out words found in more than this share of the sentences (and in
# more than the floor): on a story of a thousand articles they would pair almost everything.
BLOCK_WORD_SHARE = 0.02
BLOCK_WORD_FLOOR = 200

# A quote shorter than this ("no comment") may be told of many things.
QUOTE_MIN_WORDS = 4

# Events are reported (``Alignment.events``) only when the articles across a cut are at most
# this share as alike as within: on ECB+ no cut of one event's articles went under 0.5, and
# two thirds of the true cuts did.
CLEAR_EVENTS = 0.45


def top_k_for(n_docs: int) -> int:
    """Candidates kept per passage: TOP_K up to 100 sources, then fewer, down to a floor."""
    return TOP_K if n_docs <= 100 else max(TOP_K_FLOOR, TOP_K * 100 // n_docs)


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive alignable sentences ``first..last`` of document ``doc`` (a passage while
    the engine works; one sentence when ``first == last``)."""

    doc: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Text:
    """The documents split into sentences, with the keys scoring compares.

    Attributes:
        documents: the sources, in order.
        sentences: per document, its sentences.
        tokens: per document, per sentence, its content words (folded, stemmed, name flag).
        alignable: per document, per sentence, whether it may be aligned (not junk, enough
            content words).
    """

    documents: tuple[Document, ...]
    sentences: tuple[tuple[Sentence, ...], ...]
    tokens: tuple[tuple[Tokens, ...], ...]
    alignable: tuple[tuple[bool, ...], ...]

    def text(self, run: Run) -> str:
        """The original characters of a run of sentences."""
        sents = self.sentences[run.doc]
        return self.documents[run.doc].text[sents[run.first].start : sents[run.last].end]

    def units(self) -> list[Run]:
        """Every alignable sentence as a run of one, in document order."""
        return [
            Run(d, i, i)
            for d, flags in enumerate(self.alignable)
            for i, ok in enumerate(flags)
            if ok
        ]


def segment(documents: Sequence[Document], config: AlignConfig) -> Text:
    """Split each document into sentences and read their content words."""
    docs = tuple(documents)
    sentences = tuple(
        split_sentences(
            d.text,
            i,
            extra_phrases=config.boilerplate_phrases,
            max_chars=config.max_passage_chars,
        )
        for i, d in enumerate(docs)
    )
    tokens = tuple(
        tuple(content_tokens(d.text[s.start : s.end]) for s in sents)
        for d, sents in zip(docs, sentences, strict=True)
    )
    alignable = tuple(
        tuple(not s.boilerplate and len(tokens[d][s.index]) >= config.min_words for s in sents)
        for d, sents in enumerate(sentences)
    )
    return Text(docs, sentences, tokens, alignable)


@dataclass(frozen=True, slots=True)
class Story:
    """The story's alignable sentences as scoring sees them.

    Attributes:
        text: the segmented documents.
        units: the alignable sentences, in document order.
        unit_docs: the document of each unit.
        weights: word weights fitted on the units.
        matrix: one weighted bag-of-words row per unit.
        keys: each unit's content words joined (what rapidfuzz compares).
        blocking: the words rare enough to search candidates with (None: all).
        gate: per pair of documents, the factor on their links (article gate, events).
        events: per document, its event (all 0 for one story).
        clear_events: per document, its event when the cut is clear enough to name, else ().
        top_k: candidates kept per passage.
    """

    text: Text
    units: tuple[Run, ...]
    unit_docs: np.ndarray
    weights: Weights
    matrix: sparse.csr_matrix
    keys: tuple[str, ...]
    blocking: np.ndarray | None
    gate: np.ndarray
    events: np.ndarray
    clear_events: tuple[int, ...]
    top_k: int


def weigh(text: Text, config: AlignConfig, readings: tuple[tuple[Reading, ...], ...] = ()) -> Story:
    """Fit the story's word weights on its alignable sentences and gate its articles."""
    n_docs = len(text.documents)
    units = text.units()
    unit_tokens = [text.tokens[u.doc][u.first] for u in units]
    unit_docs = np.asarray([u.doc for u in units], dtype=np.int64)
    weights = Weights.fit(
        unit_tokens,
        unit_docs.tolist(),
        n_docs,
        name_weight=config.name_weight,
        common_word_weight=config.common_word_weight,
    )
    matrix = weights.matrix(unit_tokens)
    blocking = weights.blocking_mask(
        len(unit_tokens), max_share=BLOCK_WORD_SHARE, floor=BLOCK_WORD_FLOOR
    )
    # A page's address (dimmed, never aligned) names its story and date: it counts here.
    addresses = [
        (d, text.tokens[d][s.index])
        for d, sents in enumerate(text.sentences)
        for s in sents
        if s.boilerplate and is_address(text.documents[d].text[s.start : s.end])
    ]
    if addresses:
        article_matrix = sparse.vstack([matrix, weights.matrix([t for _, t in addresses])]).tocsr()
        article_docs = np.concatenate([unit_docs, [d for d, _ in addresses]]).astype(np.int64)
    else:
        article_matrix, article_docs = matrix, unit_docs
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
    return Story(
        text=text,
        units=tuple(units),
        unit_docs=unit_docs,
        weights=weights,
        matrix=matrix,
        keys=tuple(text_key(t) for t in unit_tokens),
        blocking=blocking,
        gate=gate,
        events=event_of,
        clear_events=clear_events,
        top_k=top_k_for(n_docs),
    )


def threshold_of(config: AlignConfig, scorer: Scorer | None) -> float:
    """The link threshold: mixed with meaning, scores run higher (the extra's own one)."""
    mixed = scorer is not None and config.semantic_weight > 0
    return config.semantic_threshold if mixed else config.link_threshold


@dataclass(frozen=True, slots=True)
class Measures:
    """Pairs of passages (a < b, indices into the runs scored) that tell one fact in few
    shared words, or seem to and do not.

    Attributes:
        shared: their figures give one measure, by the same party.
        rival: their figures for one measure come from named, different parties only.
        quoted: they quote the same words (at least ``QUOTE_MIN_WORDS``), whoever is
            credited with them: one quote told twice is one fact, and who said it is for
            the conflict rules to compare.
    """

    shared: Pairs
    rival: Pairs
    quoted: Pairs = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))


@dataclass(frozen=True, slots=True)
class Scored:
    """Every candidate pair of passages with its final score.

    Attributes:
        a, b: indices into the runs that were scored (a < b, different documents).
        score: each pair's score in [0, 1] (roughly: neighbour evidence may lift it).
        threshold: a pair at or above it is a link.
    """

    a: np.ndarray
    b: np.ndarray
    score: np.ndarray
    threshold: float


@dataclass(frozen=True, slots=True)
class Lexical:
    """The scores of the candidate pairs that read no claims (``lexical_scores``).

    Attributes:
        matrix: the passages' word weights (rows normalised).
        docs: each passage's document.
        keys: each passage's comparison key.
        whole: the candidate pairs of whole passages (a, b, score).
        clauses: the pairs of best clauses (a, b, score, not yet weighted).
    """

    matrix: sparse.csr_matrix
    docs: np.ndarray
    keys: list[str]
    whole: ScoredPairs
    clauses: ScoredPairs


def lexical_scores(story: Story, runs: Sequence[Run], config: AlignConfig) -> Lexical:
    """The part of ``score_pairs`` that needs no claims: whole passages and best clauses.

    ``align`` computes it while the parser still reads the claims (in its own process, most
    often), so that the stages after the parse have less left to do."""
    index_of = {(u.doc, u.first): k for k, u in enumerate(story.units)}
    members = [[index_of[(p.doc, i)] for i in range(p.first, p.last + 1)] for p in runs]
    passage_matrix = normalised_sum(story.matrix, members)
    passage_docs = np.asarray([p.doc for p in runs], dtype=np.int64)
    passage_keys = [" ".join(story.keys[m] for m in ms) for ms in members]
    whole = scored_candidates(passage_matrix, passage_docs, passage_keys, story, config)
    clauses = clause_scores(story, runs, config)
    return Lexical(passage_matrix, passage_docs, passage_keys, whole, clauses)


def score_pairs(
    story: Story,
    runs: Sequence[Run],
    readings: Readings,
    measures: Measures,
    config: AlignConfig,
    scorer: Scorer | None = None,
    lexical: Lexical | None = None,
) -> Scored:
    """Every candidate pair of passages (a < b) with its final score: whole passages, their
    best clauses, shared measures, meaning when a scorer is given, rival claimants, then the
    neighbour evidence. ``lexical``: ``lexical_scores(story, runs, config)`` computed
    before, if it was."""
    threshold = threshold_of(config, scorer)
    gate = story.gate
    if lexical is None:
        lexical = lexical_scores(story, runs, config)
    passage_matrix, passage_docs, passage_keys = lexical.matrix, lexical.docs, lexical.keys
    la, lb, scores = lexical.whole
    clause_a, clause_b, clause_score = lexical.clauses
    claim_a, claim_b, claim_score = claim_scores(story, runs, readings, config)
    la, lb, scores = max_merge(
        (la, lb, scores),
        (clause_a, clause_b, clause_score * config.clause_weight),
        (claim_a, claim_b, claim_score * config.clause_weight),
    )
    heading = section_headings(story, runs, readings)
    la, lb, scores = _without(heading, (la, lb, scores))
    ma = np.concatenate([measures.shared[0], measures.quoted[0]])
    mb = np.concatenate([measures.shared[1], measures.quoted[1]])
    if ma.size:
        ma, mb = unique_pairs(ma, mb, len(runs))
    if ma.size and config.measure_boost > 0:
        base = combined(passage_matrix, passage_matrix, ma, mb, passage_keys, passage_keys, config)
        base *= gate[passage_docs[ma], passage_docs[mb]]
        la, lb, scores = max_merge((la, lb, scores), (ma, mb, base + config.measure_boost))
    if scorer is not None and la.size:
        w = config.semantic_weight
        # the article gate holds for meaning too: two earthquakes read alike
        extra = meaning(story, runs, la, lb, scorer, config)
        extra *= gate[passage_docs[la], passage_docs[lb]]
        scores = (1 - w) * scores + w * extra
    ra, rb = measures.rival
    if ra.size and config.measure_boost > 0 and la.size:
        n = len(runs)
        scores = scores - config.measure_boost * np.isin(la * n + lb, ra * n + rb)
    if config.neighbour_weight > 0 and la.size:
        w = config.neighbour_weight
        n = len(runs)
        floor = threshold * config.neighbour_floor
        na, nb = second_order(la, lb, scores, n, floor, passage_docs, max(4, story.top_k // 4))
        if na.size:
            extra = combined(
                passage_matrix, passage_matrix, na, nb, passage_keys, passage_keys, config
            )
            extra *= gate[passage_docs[na], passage_docs[nb]]
            la, lb, scores = max_merge((la, lb, scores), (na, nb, extra))
        near = neighbour_evidence(la, lb, scores, n, floor)
        scores = np.maximum(scores, (1 - w) * scores + w * near).astype(np.float32)
    # a shared measure, a quote or a neighbour may have brought a heading back
    la, lb, scores = _without(heading, (la, lb, scores))
    return Scored(la, lb, scores, threshold)


def _without(excluded: np.ndarray, pairs: ScoredPairs) -> ScoredPairs:
    """The scored pairs with neither passage in ``excluded`` (a mask over the passages)."""
    a, b, s = pairs
    if not excluded.any() or a.size == 0:
        return pairs
    keep = ~(excluded[a] | excluded[b])
    return a[keep], b[keep], s[keep]


def section_headings(story: Story, runs: Sequence[Run], readings: Readings) -> np.ndarray:
    """Per passage, whether it is a section heading ("Regime Response and Crackdown"): one
    sentence on a line of its own, below its article's first line, that does not end as a
    sentence does (``boilerplate.ends_like_sentence``) and has no claim (no predicate the
    parser finds, or only a reporting verb).

    A heading names what the next paragraphs tell and tells no fact itself; its words are
    the story's names and topics, so it would link to any passage of its topic. A headline
    is an article's first line and is kept: it states the story's main fact.
    """
    flags = np.zeros(len(runs), dtype=bool)
    if not readings:
        return flags
    text = story.text
    first_unit: dict[int, int] = {}
    for unit in story.units:
        first_unit.setdefault(unit.doc, unit.first)
    for k, run in enumerate(runs):
        if run.first != run.last or run.first == first_unit.get(run.doc):
            continue
        doc_text = text.documents[run.doc].text
        sentence = text.sentences[run.doc][run.first]
        before = doc_text[: sentence.start].rstrip(" \t")
        after = doc_text[sentence.end :].lstrip(" \t")
        on_its_own = (not before or before.endswith("\n")) and (not after or after[0] == "\n")
        body = doc_text[sentence.start : sentence.end]
        claims = readings[run.doc][run.first].claims
        if on_its_own and not ends_like_sentence(body) and all(claim.reporting for claim in claims):
            flags[k] = True
    return flags


def meaning(
    story: Story,
    runs: Sequence[Run],
    la: np.ndarray,
    lb: np.ndarray,
    scorer: Scorer,
    config: AlignConfig,
) -> np.ndarray:
    """How alike pairs of passages are in meaning, in [0, 1].

    Every passage of a story speaks of its subject (the people, the place, the crisis), so
    any two of them read alike to an embedding model; what tells one fact from another is
    the rest. When the scorer gives its vectors (``embed``), ``semantic_topic`` of the
    story's mean vector is taken out of each passage's before the cosine. A plain scorer is
    called on the pairs' texts.
    """
    texts = [story.text.text(u) for u in runs]
    embed = getattr(scorer, "embed", None)
    if embed is None or config.semantic_topic <= 0:
        found = scorer([texts[i] for i in la.tolist()], [texts[i] for i in lb.tolist()])
        return np.asarray(found, dtype=np.float32)
    vectors = np.asarray(embed(texts), dtype=np.float32)
    vectors = vectors - config.semantic_topic * vectors.mean(axis=0)
    vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
    cosine = np.einsum("ij,ij->i", vectors[la], vectors[lb])
    return cast(np.ndarray, np.clip(cosine, 0.0, 1.0).astype(np.float32))


def scored_candidates(
    matrix: sparse.csr_matrix,
    docs: np.ndarray,
    keys: Sequence[str],
    story: Story,
    config: AlignConfig,
) -> ScoredPairs:
    """Candidate pairs of rows (a < b; passages or clauses) and their lexical scores, gated
    by article."""
    qa, qb, _ = candidates(
        matrix,
        matrix,
        docs,
        docs,
        cutoff=config.candidate_cutoff,
        top_k=story.top_k,
        block=config.max_block_size,
        keep_columns=story.blocking,
    )
    la, lb = unique_pairs(qa, qb, max(len(keys), 1))
    scores = combined(matrix, matrix, la, lb, keys, keys, config)
    if la.size:
        scores *= story.gate[docs[la], docs[lb]]
    return la, lb, scores


def unique_pairs(qa: np.ndarray, qb: np.ndarray, n: int) -> Pairs:
    """Each unordered pair once, as (smaller, larger), sorted."""
    lo, hi = np.minimum(qa, qb), np.maximum(qa, qb)
    keys = np.unique(lo * n + hi)
    return keys // n, keys % n


def max_merge(*parts: ScoredPairs) -> ScoredPairs:
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


def clause_scores(story: Story, runs: Sequence[Run], config: AlignConfig) -> ScoredPairs:
    """Pairs of passages scored by their best pair of parts, clauses or sentences (a < b).

    A fact is often one clause of a long sentence; the rest (who said it, to whom, in reply
    to what) differs between outlets and drowns the shared part in a whole-sentence score.
    """
    text = story.text
    owner: list[int] = []
    clause_tokens: list[Tokens] = []
    for k, run in enumerate(runs):
        doc_text = text.documents[run.doc].text
        for i in range(run.first, run.last + 1):
            sentence = text.sentences[run.doc][i]
            body = doc_text[sentence.start : sentence.end]
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
    return best_parts(story, runs, owner, clause_tokens, config)


def combined(
    left: sparse.csr_matrix,
    right: sparse.csr_matrix,
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


def claim_scores(
    story: Story, runs: Sequence[Run], readings: Readings, config: AlignConfig
) -> ScoredPairs:
    """Pairs of passages scored by their best pair of claims (a < b).

    Each claim of a passage (not a reporting verb: "officials said" claims nothing) is
    compared on its own: its predicate's key, its subject's and object's words and the
    words of its clause, weighted as the story weighs words. Two passages that each tell
    several facts meet on the claim they share, whatever else they say; punctuation
    clauses (``clause_scores``) miss a fact told in the middle of a clause.
    """
    owner: list[int] = []
    frames: list[Tokens] = []
    for k, run in enumerate(runs):
        for i in range(run.first, run.last + 1) if readings else ():
            seen: set[frozenset[str]] = set()
            for claim in readings[run.doc][i].claims:
                if claim.reporting:
                    continue
                words = frozenset(
                    {claim.key, *claim.subject_words, *claim.object_words, *claim.words}
                )
                words -= {""}
                if len(words) >= config.clause_min_words and words not in seen:
                    seen.add(words)
                    owner.append(k)
                    frames.append([(w, False) for w in sorted(words)])
    return best_parts(story, runs, owner, frames, config)


def best_parts(
    story: Story,
    runs: Sequence[Run],
    owner: Sequence[int],
    parts: Sequence[Tokens],
    config: AlignConfig,
) -> ScoredPairs:
    """Pairs of passages (a < b) scored by their best pair of parts (clauses, claims):
    ``parts[k]`` is a part of passage ``owner[k]``."""
    empty = np.empty(0, dtype=np.int64)
    if len(parts) < 2:
        return empty, empty, np.empty(0, dtype=np.float32)
    matrix = story.weights.matrix(parts)
    owners = np.asarray(owner, dtype=np.int64)
    part_docs = np.asarray([runs[k].doc for k in owner], dtype=np.int64)
    keys = [text_key(t) for t in parts]
    ca, cb, scores = scored_candidates(matrix, part_docs, keys, story, config)
    pa, pb = owners[ca], owners[cb]
    return max_merge((np.minimum(pa, pb), np.maximum(pa, pb), scores))
