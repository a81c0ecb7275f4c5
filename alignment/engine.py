"""align(): the stages in order: sentences, claims, weights, passages, links, groups,
conflicts."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy import sparse

from .claims import ClaimReader, Figure, Reading, default_reader, in_context
from .config import AlignConfig
from .conflicts import DEFAULT_LEXICON, Lexicon, Side, find_conflicts, is_hedged
from .conflicts.figures import comparable, same_party, same_value
from .grouping import Facts, choose_passages, group_facts
from .model import Alignment, Document, Group, Pair, Passage, Sentence, short_ids
from .normalize import fold, sentence_cased
from .scoring import (
    BLOCK_WORD_FLOOR,
    BLOCK_WORD_SHARE,
    QUOTE_MIN_WORDS,
    Measures,
    Run,
    Scorer,
    Story,
    Text,
    lexical_scores,
    score_pairs,
    segment,
    weigh,
)

Progress = Callable[[str, float], None]


def _noop(stage: str, fraction: float) -> None:
    return None


def align(
    documents: Sequence[Document],
    config: AlignConfig | None = None,
    *,
    progress: Progress | None = None,
    scorer: Scorer | None = None,
    claims: ClaimReader | None = None,
    warnings: Sequence[str] = (),
    text: Text | None = None,
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
        warnings: what happened before (files skipped while loading, a scorer that did not
            load); they open ``Alignment.warnings``, the engine's own follow.
        text: ``documents`` already split into sentences under ``config`` (what
            ``prefetch_claims`` returns), so that they are not split twice.

    Returns:
        The alignment: every sentence in exactly one passage, links, groups and conflicts.
    """
    config = config or AlignConfig()
    report = progress or _noop
    lexicon = _lexicon(config)
    labels = short_ids([d.id for d in documents])
    report("sentences", 0.0)
    if text is None:
        text = segment(documents, config)
    report("claims", 0.1)
    # The parser reads the claims in a thread while the words are weighed and the passages
    # chosen (spaCy and numpy leave the interpreter lock often): a cold run pays less.
    reader = claims or default_reader()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="claims") as pool:
        reading = pool.submit(_read_claims, text, reader, lexicon)
        try:
            report("weights", 0.2)
            story = weigh(text, config)
            report("passages", 0.35)
            runs = choose_passages(story, config)
            _embed_early(scorer, story, runs, config)
            # what needs no claims is scored while the parser reads them
            lexical = lexical_scores(story, runs, config)
            readings = reading.result()
        except BaseException:
            # Ctrl+C, a cancelled worker, a failed stage: a child parser stops now, so the
            # thread that waits for it ends and the error goes up without waiting for a parse.
            reader.cancel()
            raise
    report("links", 0.55)
    measures = _measures(runs, readings)
    scored = score_pairs(story, runs, readings, measures, config, scorer, lexical)
    report("groups", 0.8)
    passages = _all_passages(text.sentences, runs)
    facts = group_facts(passages, runs, scored, config)
    report("conflicts", 0.9)
    pairs = _detect(text, passages, facts, readings, labels, lexicon, config)
    report("done", 1.0)
    notes = (*warnings, *_copies(documents), *_unsearched(story))
    return _assemble(text, story, passages, facts, pairs, readings, lexicon, notes)


def _embed_early(
    scorer: Scorer | None, story: Story, runs: Sequence[Run], config: AlignConfig
) -> None:
    """Embed the passages while the parser still reads the claims (in its own process, or in
    a thread while onnxruntime leaves the interpreter lock): ``scoring.meaning`` then finds
    their vectors in the scorer's memory. The texts are the ones ``meaning`` embeds; vectors
    do not depend on the batch a text is in, so the scores are the same."""
    embed = getattr(scorer, "embed", None)
    if embed is None or config.semantic_weight <= 0 or config.semantic_topic <= 0 or not runs:
        return
    embed([story.text.text(u) for u in runs])


def _detect(
    text: Text,
    passages: Sequence[Passage],
    facts: Facts,
    readings: tuple[tuple[Reading, ...], ...],
    labels: Sequence[str],
    lexicon: Lexicon,
    config: AlignConfig,
) -> list[Pair]:
    """The links of each fact with the conflicts between their two passages."""
    docs = text.documents
    pair_values: list[Pair] = []
    sides: dict[int, Side] = {}  # a passage is on many links: its side is built once

    def side(p: int) -> Side:
        if p not in sides:
            sides[p] = _side(docs, passages[p], labels, readings)
        return sides[p]

    for a, b, s, g in facts.links():
        conflicts = find_conflicts(
            side(a),
            side(b),
            lexicon=lexicon,
            loose=s < config.number_similarity,
        )
        pair_values.append(
            Pair(a=a, b=b, similarity=round(min(1.0, max(0.0, s)), 4), group=g, conflicts=conflicts)
        )
    return pair_values


def _assemble(
    text: Text,
    story: Story,
    passages: Sequence[Passage],
    facts: Facts,
    pair_values: Sequence[Pair],
    readings: tuple[tuple[Reading, ...], ...],
    lexicon: Lexicon,
    warnings: tuple[str, ...],
) -> Alignment:
    """The result: passages with their groups, groups with their links and status."""
    docs = text.documents
    pairs_by_group: list[list[int]] = [[] for _ in facts.groups]
    for k, pair in enumerate(pair_values):
        pairs_by_group[pair.group].append(k)
    groups = tuple(
        Group(
            id=g,
            passages=ms,
            pairs=tuple(pairs_by_group[g]),
            status="conflict"
            if any(pair_values[k].conflicts for k in pairs_by_group[g])
            else "agree",
        )
        for g, ms in enumerate(facts.groups)
    )
    final = tuple(
        Passage(
            id=k,
            doc=p.doc,
            first=p.first,
            last=p.last,
            start=p.start,
            end=p.end,
            group=facts.group_of.get(k),
            boilerplate=p.boilerplate,
        )
        for k, p in enumerate(passages)
    )
    sentence_passages = tuple(tuple(owners) for owners in _sentence_owners(final, text.sentences))
    hedged = frozenset(
        p.id
        for p in final
        if not p.boilerplate and is_hedged(docs[p.doc].text[p.start : p.end], lexicon)
    )
    return Alignment(
        documents=docs,
        sentences=text.sentences,
        passages=final,
        pairs=tuple(pair_values),
        groups=groups,
        sentence_passages=sentence_passages,
        hedged=hedged,
        events=story.clear_events,
        readings=readings,
        warnings=warnings,
    )


def _names(ids: Sequence[str], limit: int = 5) -> str:
    """ "a, b and c"; past ``limit`` ids, "a, b, c, d, e and 12 more"."""
    if len(ids) > limit:
        return f"{', '.join(ids[:limit])} and {len(ids) - limit} more"
    return f"{', '.join(ids[:-1])} and {ids[-1]}" if len(ids) > 1 else ids[0]


def _copies(docs: Sequence[Document]) -> list[str]:
    """A warning per text given more than once under different names (copies are aligned,
    and many copies of one text drown the search, see ``_unsearched``)."""
    first: dict[str, int] = {}
    copies: dict[int, list[str]] = {}
    for k, doc in enumerate(docs):
        key = doc.text.strip()
        if key in first:
            copies.setdefault(first[key], []).append(doc.id)
        else:
            first[key] = k
    return [
        f"{_names(ids)}: the same text as {docs[k].id}"
        + (f" ({len(ids)} copies)" if len(ids) > 1 else "")
        for k, ids in copies.items()
    ]


def _unsearched(story: Story) -> list[str]:
    """A warning when some sentences hold only words too common to search by (every word in
    more sentences than ``BLOCK_WORD_FLOOR`` and ``BLOCK_WORD_SHARE`` allow): no candidate
    is ever found for them, so they link to nothing."""
    matrix: sparse.csr_matrix = story.matrix
    if story.blocking is None or not matrix.shape[0]:
        return []
    kept = matrix[:, np.flatnonzero(story.blocking)].tocsr()
    lost = int(((np.diff(matrix.indptr) > 0) & (np.diff(kept.indptr) == 0)).sum())
    if not lost:
        return []
    units = len(story.units)
    limit = max(BLOCK_WORD_FLOOR, int(BLOCK_WORD_SHARE * units))
    return [
        f"{lost} of {units} sentences were not searched for links: every word in them is "
        f"in more than {limit} sentences of the story (many copies of one text?)"
    ]


def _measures(runs: Sequence[Run], readings: tuple[tuple[Reading, ...], ...]) -> Measures:
    """The pairs of passages whose figures give one measure (see ``_measure_pairs``) or that
    quote the same words (``_quote_pairs``)."""
    shared, rival = _measure_pairs(runs, readings)
    return Measures(shared=shared, rival=rival, quoted=_quote_pairs(runs, readings))


# A quote's words, for comparing quotes whatever their punctuation and case.
_WORD = re.compile(r"\w+")


def _quote_pairs(
    runs: Sequence[Run], readings: tuple[tuple[Reading, ...], ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of passages (a < b, different sources) quoting the same words: "'Nobody is above
    the law,' the judge said" and "... the attorney general said" tell one quote, credited
    to two people, in two words of content."""
    by_words: dict[tuple[str, ...], set[int]] = {}
    for k, run in enumerate(runs):
        for reading in readings[run.doc][run.first : run.last + 1]:
            for quote in reading.quotes:
                words = tuple(_WORD.findall(fold(quote.words)))
                if len(words) >= QUOTE_MIN_WORDS:
                    by_words.setdefault(words, set()).add(k)
    found: set[tuple[int, int]] = set()
    for members in by_words.values():
        if len(members) > _MEASURE_LIMIT:
            continue
        ordered = sorted(members)
        for i, ka in enumerate(ordered):
            found.update((ka, kb) for kb in ordered[i + 1 :] if runs[ka].doc != runs[kb].doc)
    return _as_arrays(sorted(found))


# A measure shared by more passages than this is too common to tell one fact (and would
# cost a quadratic number of pairs).
_MEASURE_LIMIT = 300


def _measure_pairs(
    runs: Sequence[Run], readings: tuple[tuple[Reading, ...], ...]
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


def _all_passages(
    sentences: tuple[tuple[Sentence, ...], ...], runs: Sequence[Run]
) -> list[Passage]:
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


def prefetch_claims(
    documents: Sequence[Document], config: AlignConfig, reader: ClaimReader
) -> Text:
    """Start reading the claims that ``align(documents, config, claims=reader)`` will need,
    in the background (``ClaimReader.prefetch``): a caller that has other work first (the
    command line loads the embedding model) lets the parser run meanwhile. Splits the
    sentences as ``align`` does, and returns them for ``align(..., text=...)``; reads
    nothing for a config whose word lists are not the default ones (those readings are not
    cached)."""
    text = segment(documents, config)
    if _lexicon(config) is DEFAULT_LEXICON:
        reader.prefetch(_claim_texts(text))
    return text


def _claimed(text: Text) -> list[tuple[int, Sentence]]:
    """The sentences whose claims are read: the alignable ones (junk and too-short ones have
    none), as (document, sentence)."""
    return [
        (d, s)
        for d, sents in enumerate(text.sentences)
        for s in sents
        if text.alignable[d][s.index]
    ]


def _claim_texts(text: Text) -> list[str]:
    """What the parser reads, in ``_claimed`` order: each sentence, a title-cased headline
    recased as prose (``normalize.sentence_cased``, per article: its own words tell which
    are names)."""
    docs = text.documents
    wanted = _claimed(text)
    out: list[str] = []
    for d in range(len(docs)):
        mine = [docs[d].text[s.start : s.end] for dd, s in wanted if dd == d]
        out.extend(sentence_cased(mine))
    return out


def _read_claims(
    text: Text, reader: ClaimReader, lexicon: Lexicon
) -> tuple[tuple[Reading, ...], ...]:
    """Per document, per sentence, its claims in document offsets (nothing for junk)."""
    sentences = text.sentences
    wanted = _claimed(text)
    read = reader.read(_claim_texts(text), lexicon)
    out = [[Reading()] * len(sents) for sents in sentences]
    for (d, s), reading in zip(wanted, read, strict=True):
        out[d][s.index] = reading.shifted(s.start)
    return tuple(in_context(r) for r in out)


def _sentence_owners(
    passages: tuple[Passage, ...], sentences: tuple[tuple[Sentence, ...], ...]
) -> list[list[int]]:
    """Per document, per sentence, the id of its passage (one pass over the passages)."""
    owners = [[0] * len(sents) for sents in sentences]
    for p in passages:
        for i in range(p.first, p.last + 1):
            owners[p.doc][i] = p.id
    return owners
