"""The shareable outputs: a Markdown report of the story and the whole model as JSON.

Pure functions returning strings; ``alignment.export.write_atomic`` writes them. The JSON
layout is described by ``schema/alignment.schema.json`` (JSON Schema, draft 2020-12).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import Alignment, Group, Passage, Span, event_name, short_ids
from .safe import markdown, markdown_code
from .summary import (
    KIND_ORDER,
    GroupSummary,
    agreed_facts,
    claim_splits,
    disputed_facts,
    fact_passages,
    snippet,
    unique_passages,
)
from .verdicts import Verdict, VerdictMatch, VerdictRecord, fact_verdict

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "alignment.schema.json"
JSON_FORMAT = "parallax.alignment"
# 2: documents carry their event, passages whether they are hedged; 3: documents carry their
# publication date, web address and author; 4: conflicts carry the checker's verdict and note,
# and the top-level verdicts list
JSON_VERSION = 4


# -- JSON -----------------------------------------------------------------------------------


def _span(span: Span) -> dict[str, int]:
    return {"doc": span.doc, "start": span.start, "end": span.end}


def _verdict_json(record: VerdictRecord, pairs: list[int], orphaned: bool) -> dict[str, Any]:
    key = record.key
    return {
        "source_a": key.source_a,
        "sha256_a": key.sha256_a,
        "source_b": key.source_b,
        "sha256_b": key.sha256_b,
        "kind": key.kind,
        "verdict": record.verdict,
        "note": record.note,
        "judged": record.judged,
        "reason": record.reason,
        "words_a": record.words_a,
        "words_b": record.words_b,
        "pairs": pairs,
        "orphaned": orphaned,
    }


def _verdicts_json(verdicts: VerdictMatch | None) -> list[dict[str, Any]]:
    """Every verdict: those that judge a conflict of this story (with the links they judge),
    then the orphans."""
    if verdicts is None:
        return []
    pairs: dict[Any, list[int]] = {}
    records: dict[Any, VerdictRecord] = {}
    for (k, _c), record in sorted(verdicts.verdicts.items()):
        pairs.setdefault(record.key, [])
        if k not in pairs[record.key]:
            pairs[record.key].append(k)
        records[record.key] = record
    out = [_verdict_json(records[key], pairs[key], False) for key in sorted(records)]
    return out + [_verdict_json(r, [], True) for r in verdicts.orphans]


def json_model(alignment: Alignment, verdicts: VerdictMatch | None = None) -> dict[str, Any]:
    """The whole alignment as plain JSON values (see ``SCHEMA_PATH`` for the layout).

    Offsets are character offsets into each document's decoded text (``encoding`` says how
    the file was decoded); document, passage, pair and group references are list indices.
    ``verdicts`` (``verdicts.match_verdicts``) gives each conflict its verdict and note and
    fills the top-level ``verdicts`` list, orphans included.
    """

    def judged(k: int, c: int) -> dict[str, Any]:
        record = verdicts.of(k, c) if verdicts is not None else None
        if record is None:
            return {"verdict": None, "note": ""}
        return {"verdict": record.verdict, "note": record.note}

    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "outlet": d.outlet,
                "headline": d.headline,
                "encoding": d.encoding,
                "length": len(d.text),
                "event": alignment.event_of(k),
                "published": d.published.isoformat() if d.published else None,
                "url": d.url,
                "author": d.author,
            }
            for k, d in enumerate(alignment.documents)
        ],
        "sentences": [
            {
                "doc": s.doc,
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "boilerplate": s.boilerplate,
            }
            for sents in alignment.sentences
            for s in sents
        ],
        "passages": [
            {
                "id": p.id,
                "doc": p.doc,
                "first": p.first,
                "last": p.last,
                "start": p.start,
                "end": p.end,
                "group": p.group,
                "boilerplate": p.boilerplate,
                "hedged": p.id in alignment.hedged,
            }
            for p in alignment.passages
        ],
        "pairs": [
            {
                "id": k,
                "a": pair.a,
                "b": pair.b,
                "similarity": pair.similarity,
                "group": pair.group,
                "conflicts": [
                    {
                        "kind": conflict.kind,
                        "reason": conflict.reason,
                        "spans": [_span(s) for s in conflict.spans],
                        **judged(k, c),
                    }
                    for c, conflict in enumerate(pair.conflicts)
                ],
            }
            for k, pair in enumerate(alignment.pairs)
        ],
        "groups": [
            {
                "id": g.id,
                "status": g.status,
                "passages": list(g.passages),
                "pairs": list(g.pairs),
            }
            for g in alignment.groups
        ],
        "warnings": list(alignment.warnings),
        "verdicts": _verdicts_json(verdicts),
    }


def json_text(alignment: Alignment, verdicts: VerdictMatch | None = None) -> str:
    """``json_model`` as UTF-8-ready text: indented, non-ASCII kept, newline at the end."""
    return json.dumps(json_model(alignment, verdicts), ensure_ascii=False, indent=2) + "\n"


# -- Markdown -------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """``text`` on one line, inert in Markdown (``alignment.safe.markdown``)."""
    return markdown(text)


def _source(alignment: Alignment, doc: int) -> str:
    d = alignment.documents[doc]
    return f"{markdown_code(d.id)} {markdown(d.outlet)}" if d.outlet else markdown_code(d.id)


def _ids(alignment: Alignment, docs: tuple[int, ...]) -> str:
    return ", ".join(markdown_code(alignment.documents[d].id) for d in docs)


def _more(shown: int, total: int) -> list[str]:
    return [f"- … and {total - shown} more"] if total > shown else []


def _marked_quote(alignment: Alignment, passage: Passage, marks: list[Span], limit: int) -> str:
    """The passage's text with the conflicting characters in bold, cut around them to
    about ``limit`` characters when longer."""
    text = alignment.documents[passage.doc].text
    ranges = sorted(
        (max(s.start, passage.start), min(s.end, passage.end))
        for s in marks
        if s.doc == passage.doc and s.start < passage.end and s.end > passage.start
    )
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    lo, hi = passage.start, passage.end
    if hi - lo > limit:
        centre_lo = merged[0][0] if merged else lo
        centre_hi = merged[-1][1] if merged else lo
        pad = max(0, (limit - (centre_hi - centre_lo)) // 2)
        lo = max(passage.start, centre_lo - pad)
        hi = min(passage.end, max(centre_hi + pad, lo + limit))
    out = "…" if lo > passage.start else ""
    at = lo
    for start, end in merged:
        start, end = max(start, lo), min(end, hi)
        if start >= end:
            continue
        out += _inline(text[at:start])
        word = _inline(text[start:end])
        # emphasis must not start or end with a space; keep the spaces outside it
        core = word.strip()
        lead, trail = word[: len(word) - len(word.lstrip())], word[len(word.rstrip()) :]
        out += f"{lead}**{core}**{trail}" if core else word
        at = end
    out += _inline(text[at:hi])
    if hi < passage.end:
        out += "…"
    return out.strip()


def _inline(text: str) -> str:
    """Escaped text whose white space runs became single spaces (edges kept)."""
    return markdown(text, edges=True)


def _conflict_order(alignment: Alignment, group_id: int) -> list[int]:
    """The group's conflicting links, strongest kind first, taking turns between pairs of
    sources so that a capped list still shows every dispute once before any twice."""
    buckets: dict[tuple[int, int], list[int]] = {}
    for k in alignment.groups[group_id].pairs:
        pair = alignment.pairs[k]
        if pair.conflicts:
            docs = (alignment.passages[pair.a].doc, alignment.passages[pair.b].doc)
            buckets.setdefault(docs, []).append(k)

    def strength(k: int) -> int:
        return min(KIND_ORDER.index(c.kind) for c in alignment.pairs[k].conflicts)

    queues = sorted(
        (sorted(ks, key=lambda k: (strength(k), k)) for ks in buckets.values()),
        key=lambda ks: (strength(ks[0]), ks[0]),
    )
    order: list[int] = []
    for turn in range(max((len(q) for q in queues), default=0)):
        order += [q[turn] for q in queues if turn < len(q)]
    return order


def _pick_quotes(
    alignment: Alignment, group_id: int, order: list[int], limit: int
) -> tuple[list[int], list[int]]:
    """Passages to quote: both sides of each conflicting link in ``order`` while they fit in
    ``limit``, then the other passages of the group, one source at a time."""
    shown: list[int] = []
    for k in order:
        pair = alignment.pairs[k]
        new = [p for p in (pair.a, pair.b) if p not in shown]
        if len(shown) + len(new) > limit:
            continue
        shown += new
    others = [p for p in alignment.groups[group_id].passages if p not in shown]
    turn_of: dict[int, int] = {}
    keyed = []
    for p in others:
        doc = alignment.passages[p].doc
        keyed.append((turn_of.get(doc, 0), doc, p))
        turn_of[doc] = turn_of.get(doc, 0) + 1
    turns = [p for _, _, p in sorted(keyed)]
    room = max(0, limit - len(shown))
    shown += turns[:room]
    return shown, turns[room:]


def _reason_verdicts(
    alignment: Alignment, group: Group, verdicts: VerdictMatch | None
) -> dict[str, str]:
    """Per reason of a fact, its verdicts and notes as the report writes them after the
    reason (" — **confirmed**: the 26 is a later count"), for the judged ones."""
    if verdicts is None:
        return {}
    given: dict[str, list[VerdictRecord | None]] = {}
    for k in group.pairs:
        for c, conflict in enumerate(alignment.pairs[k].conflicts):
            given.setdefault(conflict.reason, []).append(verdicts.of(k, c))
    out: dict[str, str] = {}
    for reason, records in given.items():
        judged = [r for r in records if r is not None]
        if not judged:
            continue
        words: list[str] = list(dict.fromkeys(r.verdict for r in judged))
        if len(judged) < len(records):
            words.append("not judged")
        notes = list(dict.fromkeys(r.note for r in judged if r.note))
        said = ", ".join(f"**{w}**" for w in words)
        out[reason] = f" — {said}" + "".join(f": {markdown(n)}" for n in notes)
    return out


def _disputed_section(
    alignment: Alignment,
    facts: tuple[GroupSummary, ...],
    limit: int,
    quote_chars: int,
    max_reasons: int,
    max_quotes: int,
    *,
    heading: str = "Contradictions",
    empty: str = "No contradiction found between linked passages.",
    verdicts: VerdictMatch | None = None,
) -> list[str]:
    lines = [f"## {heading} ({len(facts)})", ""]
    if not facts:
        return [*lines, empty, ""]
    for rank, fact in enumerate(facts[:limit], start=1):
        group = alignment.groups[fact.group]
        order = _conflict_order(alignment, fact.group)
        marks = [
            span
            for k in order
            for conflict in alignment.pairs[k].conflicts
            for span in conflict.spans
        ]
        kinds = ", ".join(fact.kinds) or "conflict"
        lines.append(f"### {rank}. Group {fact.group} · {kinds} · {md_escape(fact.text)}")
        lines.append("")
        shown, rest = _pick_quotes(alignment, group.id, order, max_quotes)
        for p in sorted((alignment.passages[k] for k in shown), key=lambda p: (p.doc, p.start)):
            minority = len(fact.agreeing) > len(fact.conflicting) and p.doc in fact.conflicting
            side = " (disputes the others)" if minority else ""
            lines.append(
                f"- {_source(alignment, p.doc)}, chars {p.start}–{p.end}{side}: "
                f"“{_marked_quote(alignment, p, marks, quote_chars)}”"
            )
        if rest:
            involved = {q for k in order for q in (alignment.pairs[k].a, alignment.pairs[k].b)}
            in_conflict = sum(q in involved for q in rest)
            lines.append(
                f"- … and {len(rest)} more passages of this fact ({in_conflict} in a conflict)"
            )
        names = short_ids([d.id for d in alignment.documents])
        for split in claim_splits(alignment, fact.group)[:max_reasons]:
            lines.append(f"- Who says what ({split.kind}): {md_escape(split.text(names))}")
        reasons = list(dict.fromkeys(c.reason for k in order for c in alignment.pairs[k].conflicts))
        judged = _reason_verdicts(alignment, group, verdicts)
        for reason in reasons[:max_reasons]:
            lines.append(f"- Why: {md_escape(reason)}{judged.get(reason, '')}")
        if len(reasons) > max_reasons:
            lines.append(f"- … and {len(reasons) - max_reasons} more reasons")
        if fact.missing:
            lines.append(f"- Not reported by: {_ids(alignment, fact.missing)}")
        lines.append("")
    if len(facts) > limit:
        lines += [f"… and {len(facts) - limit} more contradictions.", ""]
    return lines


def _agreed_section(
    alignment: Alignment, facts: tuple[GroupSummary, ...], limit: int, quote_chars: int
) -> list[str]:
    lines = [f"## What the sources agree on ({len(facts)})", ""]
    if not facts:
        return [*lines, "No fact is told alike by two or more sources.", ""]
    n = len(alignment.documents)
    names = fact_passages(alignment)
    for fact in facts[:limit]:
        if len(fact.docs) == n:
            who = f"**All {n} sources**"
        elif len(fact.missing) < len(fact.docs):
            who = f"**{len(fact.docs)} of {n}** (all but {_ids(alignment, fact.missing)})"
        else:
            who = f"**{len(fact.docs)} of {n}** ({_ids(alignment, fact.docs)})"
        p = names[fact.group]
        quote = md_escape(snippet(alignment.text(p), quote_chars))
        lines.append(
            f"- {who}, group {fact.group}: “{quote}” "
            f"({markdown_code(alignment.documents[p.doc].id)}, chars {p.start}–{p.end})"
        )
    return [*lines, *_more(min(limit, len(facts)), len(facts)), ""]


def _unique_section(alignment: Alignment, limit: int, quote_chars: int) -> list[str]:
    unique = unique_passages(alignment)
    lines = ["## What only one source reports", ""]
    for doc, passages in enumerate(unique):
        if not passages:
            continue
        count = f"{len(passages)} passage" + ("" if len(passages) == 1 else "s")
        lines += [f"### {_source(alignment, doc)} ({count})", ""]
        for p in passages[:limit]:
            quote = md_escape(snippet(alignment.text(p), quote_chars))
            lines.append(f"- “{quote}” (chars {p.start}–{p.end})")
        lines += [*_more(min(limit, len(passages)), len(passages)), ""]
    silent = tuple(d for d, passages in enumerate(unique) if not passages)
    if silent:
        lines += [f"Nothing of their own: {_ids(alignment, silent)}.", ""]
    return lines


# The report's sections of disputed facts when verdicts are given, in order.
_VERDICT_SECTIONS: tuple[tuple[Verdict | None, str, str], ...] = (
    ("confirmed", "Confirmed contradictions", "No contradiction was confirmed."),
    ("unsure", "Unsure", "No contradiction was marked unsure."),
    (None, "Not yet judged", "Every contradiction has a verdict."),
    ("false alarm", "False alarms", "No contradiction was marked a false alarm."),
)


def _orphan_section(orphans: tuple[VerdictRecord, ...], limit: int) -> list[str]:
    lines = [
        f"## Orphaned verdicts ({len(orphans)})",
        "",
        "Verdicts kept in the verdict file whose text no longer appears in these sources "
        "(a source changed, or the conflict is no longer found):",
        "",
    ]
    for r in orphans[:limit]:
        key = r.key
        words = " / ".join(markdown(w) for w in (r.words_a, r.words_b) if w)
        lines.append(
            f"- `{markdown(key.source_a)}` and `{markdown(key.source_b)}`, "
            f"{markdown(key.kind)}: **{r.verdict}**"
            + (f" ({words})" if words else "")
            + (f" — {markdown(r.reason)}" if r.reason else "")
            + (f": {markdown(r.note)}" if r.note else "")
        )
    return [*lines, *_more(min(limit, len(orphans)), len(orphans)), ""]


def report_markdown(
    alignment: Alignment,
    *,
    verdicts: VerdictMatch | None = None,
    title: str = "",
    max_contradictions: int = 20,
    max_agreed: int = 10,
    max_unique: int = 5,
    max_reasons: int = 3,
    max_quotes: int = 8,
    quote_chars: int = 200,
) -> str:
    """A Markdown report of the story, for a newsroom chat or a fact-check draft.

    Sections: the sources; each contradiction with every source's wording (conflicting words
    in bold) and character offsets; the facts the sources agree on, most sources first; what
    each source alone reports (boilerplate and fragments left out). Long lists end with
    "… and N more". With verdicts, the contradictions are grouped by the fact's verdict:
    confirmed, unsure, not yet judged, then the false alarms with their notes, and the
    orphaned verdicts are listed.

    Args:
        alignment: the result of ``align()``.
        verdicts: the checker's verdicts laid over it (``verdicts.match_verdicts``).
        title: the report's heading; by default names the number of sources.
        max_contradictions, max_agreed, max_unique, max_reasons, max_quotes: how many items
            each list shows (unique passages per source; reasons and quoted passages per
            contradiction, passages in a conflicting link quoted first).
        quote_chars: the length quotes are cut to (contradictions get twice as much).

    Returns:
        The report, ending with a newline.
    """
    docs = alignment.documents
    disputed = disputed_facts(alignment)
    agreed = agreed_facts(alignment)
    unique_total = sum(len(ps) for ps in unique_passages(alignment))
    judged = verdicts is not None and bool(verdicts.verdicts or verdicts.orphans)
    sections: dict[Verdict | None, list[GroupSummary]] = {v: [] for v, _, _ in _VERDICT_SECTIONS}
    if verdicts is not None and judged:
        for fact in disputed:
            group = alignment.groups[fact.group]
            sections[fact_verdict(alignment, verdicts, group)].append(fact)
    counts = f"{len(disputed)} disputed"
    if verdicts is not None and judged:
        dismissed = len(sections["false alarm"])
        counts = f"{len(disputed) - dismissed} disputed · {dismissed} false alarms"
        if verdicts.orphans:
            counts += f" · {len(verdicts.orphans)} orphaned verdicts"
    lines = [
        f"# {md_escape(title) or f'Parallax report: {len(docs)} sources'}",
        "",
        f"{len(docs)} sources · {len(alignment.groups)} shared facts · "
        f"{counts} · {unique_total} passages told by one source only",
        "",
        f"## Sources ({len(docs)})",
        "",
    ]
    events = alignment.event_count
    for k, doc in enumerate(docs):
        outlet = md_escape(doc.outlet) if doc.outlet else "outlet unknown"
        when = f", {doc.published.isoformat()}" if doc.published else ""
        author = f", by {md_escape(doc.author)}" if doc.author else ""
        headline = f": “{md_escape(doc.headline)}”" if doc.headline else ""
        event = f" ({event_name(alignment.event_of(k))})" if events > 1 else ""
        address = f" · {md_escape(doc.url)}" if doc.url else ""
        lines.append(f"- {markdown_code(doc.id)} {outlet}{when}{author}{headline}{event}{address}")
    lines.append("")
    if events > 1:
        lines += [
            f"The sources tell {events} look-alike events, not one: links between sources of "
            "different events needed stronger evidence.",
            "",
        ]
    if verdicts is not None and judged:
        for verdict, heading, empty in _VERDICT_SECTIONS:
            lines += _disputed_section(
                alignment,
                tuple(sections[verdict]),
                max_contradictions,
                quote_chars * 2,
                max_reasons,
                max_quotes,
                heading=heading,
                empty=empty,
                verdicts=verdicts,
            )
        if verdicts.orphans:
            lines += _orphan_section(verdicts.orphans, max_contradictions)
    else:
        lines += _disputed_section(
            alignment, disputed, max_contradictions, quote_chars * 2, max_reasons, max_quotes
        )
    lines += _agreed_section(alignment, agreed, max_agreed, quote_chars)
    lines += _unique_section(alignment, max_unique, quote_chars)
    if alignment.warnings:
        lines += ["## Warnings", "", *(f"- {md_escape(w)}" for w in alignment.warnings), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = [
    "JSON_FORMAT",
    "JSON_VERSION",
    "SCHEMA_PATH",
    "json_model",
    "json_text",
    "md_escape",
    "report_markdown",
]
