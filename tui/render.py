"""Pure rendering helpers: an Alignment turned into wrapped pane lines and readable content.

Nothing here touches a widget. Source panes wrap each document once per width with
``layout_pane``; every wrapped line keeps the document offsets of its characters, so
highlights (conflict spans, search matches) and mouse clicks map back exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from rich.cells import cell_len, get_character_cell_size
from textual.content import Content

from alignment import Alignment, Document, Group, Passage
from alignment.model import event_name, short_ids
from alignment.safe import one_line
from alignment.summary import claim_splits, publication_order
from alignment.verdicts import Verdict, VerdictMatch, fact_verdict, strongest

FilterMode = Literal["all", "conflicts", "unjudged", "unique"]
FILTER_MODES: tuple[FilterMode, ...] = ("all", "conflicts", "unjudged", "unique")
# How the top line names a filter.
FILTER_NAMES: dict[FilterMode, str] = {"unjudged": "not yet judged"}
PassageKind = Literal[
    "agree",
    "conflict",
    "differs",
    "hedged",
    "unique",
    "boilerplate",
    "confirmed",
    "false-alarm",
    "unsure",
]
Ranges = tuple[tuple[int, int], ...]

# Signs make the status readable without colour (monochrome, colour-blind readers).
SIGNS: dict[str, str] = {
    "agree": "≡",
    "conflict": "≠",
    "differs": "≈",
    "hedged": "?",
    "unique": "◆",
    "boilerplate": "·",
    # a conflicting passage whose every conflict the checker judged
    "confirmed": "!",
    "false-alarm": "×",
    "unsure": "~",
}
# A verdict's passage kind (also its component class) and sign.
VERDICT_KINDS: dict[Verdict, PassageKind] = {
    "confirmed": "confirmed",
    "false alarm": "false-alarm",
    "unsure": "unsure",
}
VERDICT_SIGNS: dict[Verdict, str] = {v: SIGNS[k] for v, k in VERDICT_KINDS.items()}
SIGN_WORDS: dict[str, str] = {
    "agree": "agrees with another source",
    "conflict": "conflicts with another source",
    "differs": "gives a figure another source gives differently, compatible (at least 40 / 43)",
    "hedged": "shared with another source, told as uncertain (unclear, reportedly, might)",
    "unique": "told by this source only",
    "boilerplate": "site junk (dimmed, never aligned)",
    "confirmed": "conflict you judged confirmed (v: verdicts)",
    "false-alarm": "conflict you marked a false alarm: no longer counted as disputed",
    "unsure": "conflict you judged unsure",
}
LIT_BAR = "▌"
# What the detail panel lists of one fact before it only counts the rest.
DETAIL_CONFLICTS = 8
DETAIL_PAIR_REASONS = 4  # the pairs behind the claims, after them
DETAIL_PASSAGES = 12
DETAIL_SCORES = 6
DETAIL_NAMES = 12
# Gutter: lit bar, sign, space.
GUTTER = 3
# Every whitespace character becomes one space: the display keeps one cell per character of
# the original text, so offsets stay exact.
_WHITESPACE = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\x85\u2028\u2029\xa0", " "))
_WORD = re.compile(r"\S+\s*|\s+")


def shown(text: str) -> str:
    """Text from input as a pane or the detail panel shows it: white space as spaces, every
    other control, bidi or invisible character as one visible placeholder (``one_line``).

    One character for one, so document offsets index the result too.
    """
    return one_line(text.translate(_WHITESPACE))


def source_names(alignment: Alignment) -> tuple[str, ...]:
    """The sources' short names (``short_ids``) made safe to show."""
    return tuple(one_line(n) for n in short_ids([d.id for d in alignment.documents]))


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of one line's characters that are consecutive in the document.

    Attributes:
        text: the characters as displayed (whitespace as spaces, same length as the source).
        start: document offset of ``text[0]``; -1 for text that is not in the document.
        dim: boilerplate or a note: drawn dimmed.
    """

    text: str
    start: int
    dim: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class PaneLine:
    """One wrapped line of a source pane.

    Attributes:
        passage: the passage shown on this line; -1 for a note (hidden passages, empty pane).
        sentence: index of the sentence at the start of the line; -1 for a note.
        sign: gutter sign, only on the first line of a passage.
        kind: the passage's kind (agree, conflict, unique, boilerplate), "note" for notes.
        chunks: the text, by runs of consecutive document characters.
    """

    passage: int
    sentence: int
    sign: str
    kind: str
    chunks: tuple[Chunk, ...]

    def offset_at(self, column: int) -> int | None:
        """The document offset of the character at ``column`` (cells after the gutter)."""
        x = 0
        for chunk in self.chunks:
            for i, char in enumerate(chunk.text):
                x += get_character_cell_size(char)
                if x > column:
                    return None if chunk.start < 0 else chunk.start + i
        return None


@dataclass(frozen=True, slots=True)
class PaneLayout:
    """A document wrapped to one width: the lines and where each passage sits.

    Attributes:
        width: the width the text was wrapped to, gutter included.
        lines: all wrapped lines, top to bottom.
        passage_lines: passage id -> (first line, number of lines).
    """

    width: int
    lines: tuple[PaneLine, ...]
    passage_lines: dict[int, tuple[int, int]] = field(default_factory=dict)


def passage_kinds(
    alignment: Alignment, judged: dict[int, Verdict] | None = None
) -> tuple[PassageKind, ...]:
    """Each passage's kind: conflict (in a conflicting link), hedged (shared, told as
    uncertain), agree, boilerplate or unique; a conflicting passage whose every conflict is
    judged (``judged``: ``verdicts.passage_verdicts``) takes its verdict's kind; a passage
    whose conflicts are all of the graded kind is "differs"."""
    conflicting: set[int] = set()
    differing: set[int] = set()
    for pair in alignment.pairs:
        if any(c.kind != "differs" for c in pair.conflicts):
            conflicting.update((pair.a, pair.b))
        elif pair.conflicts:
            differing.update((pair.a, pair.b))
    kinds: list[PassageKind] = []
    judged = judged or {}
    for p in alignment.passages:
        if p.id in judged and (p.id in conflicting or p.id in differing):
            kinds.append(VERDICT_KINDS[judged[p.id]])
        elif p.id in conflicting:
            kinds.append("conflict")
        elif p.id in differing:
            kinds.append("differs")
        elif p.group is not None:
            kinds.append("hedged" if p.id in alignment.hedged else "agree")
        elif p.boilerplate:
            kinds.append("boilerplate")
        else:
            kinds.append("unique")
    return tuple(kinds)


def conflict_spans(alignment: Alignment) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Per document, the sorted, merged character ranges that take part in a conflict."""
    per_doc: list[list[tuple[int, int]]] = [[] for _ in alignment.documents]
    for pair in alignment.pairs:
        for conflict in pair.conflicts:
            for span in conflict.spans:
                if 0 <= span.doc < len(per_doc) and span.end > span.start:
                    per_doc[span.doc].append((span.start, span.end))
    return tuple(merge_ranges(ranges) for ranges in per_doc)


def merge_ranges(ranges: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sort ranges and join those that overlap or touch."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def doc_conflict_counts(alignment: Alignment) -> tuple[int, ...]:
    """Per document, how many facts (groups) it is on a conflicting side of."""
    groups: list[set[int]] = [set() for _ in alignment.documents]
    for pair in alignment.pairs:
        if pair.conflicts:
            for pid in (pair.a, pair.b):
                groups[alignment.passages[pid].doc].add(pair.group)
    return tuple(len(g) for g in groups)


def doc_passages(alignment: Alignment) -> tuple[tuple[int, ...], ...]:
    """Per document, its passage ids in reading order."""
    per_doc: list[list[int]] = [[] for _ in alignment.documents]
    for p in alignment.passages:
        per_doc[p.doc].append(p.id)
    return tuple(tuple(ids) for ids in per_doc)


def keeps(
    alignment: Alignment,
    passage: Passage,
    mode: FilterMode,
    unjudged: Collection[int] = (),
) -> bool:
    """Whether ``passage`` shows under filter ``mode`` (``unjudged``: the facts with a
    conflict not judged yet, for that filter)."""
    if mode == "all":
        return True
    if mode == "conflicts":
        return passage.group is not None and alignment.groups[passage.group].status == "conflict"
    if mode == "unjudged":
        return passage.group is not None and passage.group in unjudged
    return passage.group is None and not passage.boilerplate


def layout_pane(
    alignment: Alignment,
    doc: int,
    width: int,
    *,
    mode: FilterMode = "all",
    kinds: Sequence[str] | None = None,
    passages: Sequence[int] | None = None,
    unjudged: Collection[int] = (),
) -> PaneLayout:
    """Wrap one document's passages to ``width`` cells (gutter included).

    Each passage starts on a new line; a run of passages the filter hides becomes one dim
    note line, so nothing disappears without a trace.

    Args:
        alignment: the result to show.
        doc: the document index.
        width: the pane's content width in cells.
        mode: the filter.
        kinds: ``passage_kinds(alignment)``, when already computed.
        passages: ``doc_passages(alignment)[doc]``, when already computed.
        unjudged: the facts the "unjudged" filter keeps.

    Returns:
        The wrapped lines and each shown passage's line range.
    """
    kinds = kinds if kinds is not None else passage_kinds(alignment)
    ids = passages if passages is not None else doc_passages(alignment)[doc]
    text_width = max(4, width - GUTTER)
    document = alignment.documents[doc]
    sentences = alignment.sentences[doc]
    lines: list[PaneLine] = []
    where: dict[int, tuple[int, int]] = {}
    hidden = 0

    def note(message: str) -> None:
        lines.append(PaneLine(-1, -1, "", "note", (Chunk(message[:text_width], -1, True),)))

    for pid in ids:
        passage = alignment.passages[pid]
        if not keeps(alignment, passage, mode, unjudged):
            hidden += 1
            continue
        if hidden:
            note(f"┄ {hidden} hidden ┄")
            hidden = 0
        kind = kinds[pid]
        # The passage as one string of sentences joined by a space, with its chunk map.
        pieces: list[Chunk] = []
        starts: list[int] = []  # position of each piece in the joined string
        firsts: list[int] = []  # sentence index of each piece
        pos = 0
        for index in range(passage.first, passage.last + 1):
            sentence = sentences[index]
            raw = shown(document.text[sentence.start : sentence.end])
            if pieces:
                pieces.append(Chunk(" ", -1))
                starts.append(pos)
                firsts.append(index)
                pos += 1
            pieces.append(Chunk(raw, sentence.start, sentence.boilerplate))
            starts.append(pos)
            firsts.append(index)
            pos += len(raw)
        joined = "".join(c.text for c in pieces)
        first_line = len(lines)
        for a, b in _wrap(joined, text_width):
            k = bisect_right(starts, a) - 1
            chunks: list[Chunk] = []
            at = a
            while at < b and k < len(pieces):
                piece, base = pieces[k], starts[k]
                stop = min(b, base + len(piece.text))
                if stop > at:
                    part = piece.text[at - base : stop - base]
                    offset = piece.start + (at - base) if piece.start >= 0 else -1
                    chunks.append(Chunk(part, offset, piece.dim))
                at = stop
                k += 1
            sign = SIGNS[kind] if len(lines) == first_line else ""
            sentence_index = firsts[bisect_right(starts, a) - 1] if starts else passage.first
            lines.append(PaneLine(pid, sentence_index, sign, kind, tuple(chunks)))
        if len(lines) == first_line:  # an empty passage still takes a line
            lines.append(PaneLine(pid, passage.first, SIGNS[kind], kind, ()))
        where[pid] = (first_line, len(lines) - first_line)
    if hidden:
        note(f"┄ {hidden} hidden ┄")
    if not where:
        note(f"nothing here under filter: {FILTER_NAMES.get(mode, mode)}")
    return PaneLayout(width, tuple(lines), where)


def _wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by cells: ``[start, end)`` ranges of ``text``, one per line.

    Spaces at the end of a line are dropped from the range; a word wider than the line is cut.
    """
    out: list[tuple[int, int]] = []
    line_start = 0
    used = 0
    ascii_text = text.isascii()
    for match in _WORD.finditer(text):
        word = match.group()
        bare = word.rstrip(" ")
        bare_cells = len(bare) if ascii_text else cell_len(bare)
        cells = len(word) if ascii_text else cell_len(word)
        if used and used + bare_cells > width:
            out.append((line_start, _rstrip_end(text, line_start, match.start())))
            line_start, used = match.start(), 0
        if bare_cells > width:  # a word wider than a line: cut it
            start = match.start()
            for char_index, char in enumerate(bare):
                size = get_character_cell_size(char)
                if used + size > width:
                    out.append((line_start, start + char_index))
                    line_start, used = start + char_index, 0
                used += size
            used += cells - bare_cells
            continue
        used += cells
    if line_start < len(text) or not out:
        out.append((line_start, _rstrip_end(text, line_start, len(text))))
    return out


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


# --- the top line, pane headers and the detail panel -------------------------------------


def group_kinds(alignment: Alignment, group: Group) -> tuple[str, ...]:
    """The conflict kinds inside a group, strongest first, each once."""
    seen: list[str] = []
    for k in group.pairs:
        for conflict in alignment.pairs[k].conflicts:
            if conflict.kind not in seen:
                seen.append(conflict.kind)
    return tuple(seen)


def status_text(
    alignment: Alignment | None,
    *,
    group: int | None,
    passage: int | None,
    position: int,
    total: int,
    mode: FilterMode,
    kinds: Sequence[str] | None = None,
    verdict: Verdict | None = None,
) -> str:
    """The right-hand side of the top line: "fact k of n · ≠ number" and the filter.

    ``kinds`` are the current group's conflict kinds when already known (``group_kinds``);
    ``verdict`` is the fact's verdict (``verdicts.fact_verdict``): a fact whose conflicts are
    all false alarms no longer reads as disputed.
    """
    if alignment is None:
        return ""
    suffix = "" if mode == "all" else f" · filter: {FILTER_NAMES.get(mode, mode)}"
    if group is not None:
        g = alignment.groups[group]
        kinds = kinds if kinds is not None else group_kinds(alignment, g)
        state = f"≠ {', '.join(kinds)}" if kinds else "≡ agree"
        if kinds and verdict == "false alarm":
            state = f"{VERDICT_SIGNS[verdict]} false alarm ({', '.join(kinds)})"
        elif kinds and verdict is not None:
            state += f" · {VERDICT_SIGNS[verdict]} {verdict}"
        if mode in ("conflicts", "unjudged"):  # walking conflicts: which fact of the story
            return f"conflict {position} of {total} · fact {group + 1} · {state}{suffix}"
        return f"fact {position} of {total} · {state}{suffix}"
    if passage is not None:
        name = source_names(alignment)[alignment.passages[passage].doc]
        return f"unique {position} of {total} · ◆ only {name}{suffix}"
    if not alignment.groups:
        return f"no shared facts{suffix}"
    return f"{total} facts{suffix}"


def core_passages(alignment: Alignment, group: Group) -> frozenset[int]:
    """Per source, the passage that tells a fact most directly: the one whose links to the
    group's other passages weigh most (ties: the first). A source may repeat a fact
    (headline, lead, body); the reader lights these brightly and marks the rest."""
    weight: dict[int, float] = {}
    for k in group.pairs:
        pair = alignment.pairs[k]
        weight[pair.a] = weight.get(pair.a, 0.0) + pair.similarity
        weight[pair.b] = weight.get(pair.b, 0.0) + pair.similarity
    best: dict[int, int] = {}
    for p in group.passages:  # sorted by document then position
        doc = alignment.passages[p].doc
        if doc not in best or weight.get(p, 0.0) > weight.get(best[doc], 0.0):
            best[doc] = p
    return frozenset(best.values())


def date_label(day: date) -> str:
    """A publication date as a reader writes it, the same in every locale: "12 Mar 2024"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def source_label(document: Document) -> str:
    """What a source is, after its id: "Latin Times · 12 Mar 2024" ("" when neither is
    known)."""
    parts = [document.outlet, date_label(document.published) if document.published else ""]
    return shown(" · ".join(p for p in parts if p))


def pane_title(alignment: Alignment, doc: int, conflicts: int) -> str:
    """A pane header: "000 · Latin Times · 12 Mar 2024 · 2≠" (short id always, outlet and
    publication date when known), and "· event B" when the sources tell several look-alike
    events."""
    document = alignment.documents[doc]
    name = source_names(alignment)[doc]
    label = source_label(document)
    if label:
        name = f"{name} · {label}"
    if alignment.event_count > 1:
        name = f"{name} · {event_name(alignment.event_of(doc))}"
    return f"{name} · {conflicts}≠" if conflicts else name


def pane_subtitle(alignment: Alignment, doc: int) -> str:
    """The headline when known, else the first line of the text."""
    document = alignment.documents[doc]
    if document.headline:
        return shown(document.headline)
    for s in alignment.sentences[doc]:
        if not s.boilerplate:
            return shown(document.text[s.start : s.end]).strip()
    return ""


def _quote(alignment: Alignment, passage: Passage, spans: Ranges, limit: int) -> Content:
    """A passage's text on one line, its conflicting spans marked, cut at ``limit``."""
    text = shown(alignment.text(passage))
    content = Content(text)
    for start, end in spans:
        if end > passage.start and start < passage.end:
            content = content.stylize(
                "bold underline $text-error",
                max(0, start - passage.start),
                min(len(text), end - passage.start),
            )
    if len(text) > limit:
        content = content[: limit - 1] + Content("…")
    return content


def detail_content(
    alignment: Alignment,
    *,
    group: int | None,
    passage: int | None,
    position: int = 0,
    limit: int = 300,
    spans: Sequence[Ranges] | None = None,
    verdicts: VerdictMatch | None = None,
) -> Content:
    """What a fact-checker asks next about the current fact.

    Who says what (every source's passage, also of sources not shown as panes), each
    conflict's kind and reason, how sure each match is, and who does not report the fact.

    Args:
        alignment: the result.
        group: the current group, or None.
        passage: the current unique passage when no group is current.
        position: the fact's number in the current navigation (for the heading).
        limit: the longest quote of a passage, in characters.
        spans: ``conflict_spans(alignment)``, when already computed.
        verdicts: the checker's verdicts, shown beside each conflict they judge.

    Returns:
        Content styled with theme variables.
    """
    docs = alignment.documents
    names = source_names(alignment)
    parts: list[Content] = []
    if group is None and passage is None:
        if not alignment.groups:
            return Content.from_markup(
                "[b]No fact is shared by two sources.[/b] Every passage is unique to its "
                "source; the panes show them all."
            )
        return Content("Press j or k to walk through the facts, n for the next conflict.")
    if group is None:
        p = alignment.passages[passage]  # type: ignore[index]
        others = [names[i] for i in range(len(docs)) if i != p.doc]
        parts.append(
            Content.assemble(
                ("◆ Only ", "bold"),
                (names[p.doc], "bold $text-accent"),
                (" reports this", "bold"),
                (f" · not in {', '.join(others)}" if others else "", "$text-muted"),
            )
        )
        parts.append(_quote(alignment, p, (), limit))
        return Content("\n").join(parts)
    spans = spans if spans is not None else conflict_spans(alignment)
    g = alignment.groups[group]
    present = alignment.group_docs(g)
    # One pass over the group's links (a big story has thousands in one fact).
    # (kind, reason) -> the verdicts and notes given to the conflicts that read so
    reasons: dict[tuple[str, str], list[tuple[Verdict, str] | None]] = {}
    conflicting: set[int] = set()
    scores: list[float] = []
    for k in g.pairs:
        pair = alignment.pairs[k]
        scores.append(pair.similarity)
        for c, conflict in enumerate(pair.conflicts):
            record = verdicts.of(k, c) if verdicts is not None else None
            reasons.setdefault((conflict.kind, conflict.reason), []).append(
                (record.verdict, record.note) if record is not None else None
            )
            conflicting.update((alignment.passages[pair.a].doc, alignment.passages[pair.b].doc))
    heading = f"Fact {position} · {len(present)} sources"
    fact = fact_verdict(alignment, verdicts, g) if verdicts is not None else None
    if reasons and fact == "false alarm":
        parts.append(
            Content.styled(
                f"{VERDICT_SIGNS[fact]} {heading} · every conflict marked a false alarm",
                "bold $text-success",
            )
        )
    elif reasons:
        who = [names[d] for d in sorted(conflicting)]
        heading += f" · {_names(who)} disagree"
        if fact is not None:
            heading += f" · {fact}"
        parts.append(Content.styled(f"≠ {heading}", "bold $text-error"))
    else:
        parts.append(Content.styled(f"≡ {heading} · they agree", "bold $text-success"))
    # Who says what, claim by claim; then the pairs' own reasons with their verdicts.
    splits = claim_splits(alignment, group) if reasons else ()
    for split in splits[:DETAIL_CONFLICTS]:
        sign = SIGNS["differs"] if split.kind == "differs" else SIGNS["conflict"]
        style = "bold $text-warning" if split.kind == "differs" else "bold $text-error"
        parts.append(
            Content.assemble((f"  {sign} {split.kind}  ", style), (one_line(split.text(names)), ""))
        )
    if len(splits) > DETAIL_CONFLICTS:
        parts.append(
            Content.styled(
                f"  … {len(splits) - DETAIL_CONFLICTS} more disputed claims", "$text-muted italic"
            )
        )
    if splits:
        pairs = f"{len(reasons)} conflicting pair{'s' if len(reasons) != 1 else ''}"
        parts.append(Content.styled(f"  {pairs}:", "$text-muted"))
    # under the claim lines, a few; alone (conflicts made without claims), as many as before
    shown = DETAIL_PAIR_REASONS if splits else DETAIL_CONFLICTS
    for (kind, reason), given in list(reasons.items())[:shown]:
        parts.append(_conflict_line(kind, reason, given))
    if len(reasons) > shown:
        parts.append(
            Content.styled(f"  … {len(reasons) - shown} more conflicts", "$text-muted italic")
        )
    width = max(len(names[d]) for d in present) + 2
    # Each source's most direct telling first (the one its pane shows lit), then repeats.
    core = core_passages(alignment, g)
    told = sorted(g.passages, key=lambda pid: (pid not in core, pid))
    for pid in told[:DETAIL_PASSAGES]:
        p = alignment.passages[pid]
        parts.append(
            Content.assemble(
                (names[p.doc].ljust(width), "bold $text-accent"),
                _quote(alignment, p, spans[p.doc], limit),
            )
        )
    if len(g.passages) > DETAIL_PASSAGES:
        parts.append(
            Content.styled(
                f"… {len(g.passages) - DETAIL_PASSAGES} more passages", "$text-muted italic"
            )
        )
    if len(g.pairs) <= DETAIL_SCORES:
        match = " · ".join(
            f"{names[alignment.passages[alignment.pairs[k].a].doc]}–"
            f"{names[alignment.passages[alignment.pairs[k].b].doc]} "
            f"{alignment.pairs[k].similarity:.2f}"
            for k in g.pairs
        )
    else:
        ordered = sorted(scores)
        match = (
            f"{len(scores)} links, {ordered[0]:.2f} to {ordered[-1]:.2f}, "
            f"median {ordered[len(ordered) // 2]:.2f}"
        )
    told_by = _told_by(alignment, present, names)
    if told_by is not None:
        parts.append(told_by)
    missing = [names[i] for i in range(len(docs)) if i not in set(present)]
    parts.append(
        Content.assemble(
            ("Match ", "$text-muted"),
            (match or "-", ""),
            ("   Not reported by ", "$text-muted"),
            (_names(missing, limit=DETAIL_NAMES) if missing else "- (every source reports it)", ""),
        )
    )
    return Content("\n").join(parts)


def _told_by(alignment: Alignment, present: Sequence[int], names: Sequence[str]) -> Content | None:
    """ "Told by 001 Latin Times 12 Mar 2024 (first) · 000 Voz 13 Mar 2024": the sources of the
    fact with outlet and date, earliest first; None when no source of the fact is dated (the
    pane titles already name the outlets)."""
    docs = alignment.documents
    if not any(docs[d].published for d in present):
        return None
    wanted = set(present)
    order = [d for d in publication_order(docs) if d in wanted]
    dated = [d for d in order if docs[d].published]
    first = (
        dated[0]
        if len(dated) >= 2 and docs[dated[0]].published != docs[dated[1]].published
        else None
    )
    items = []
    for d in order[:DETAIL_NAMES]:
        label = " ".join(x for x in (names[d], source_label(docs[d]).replace(" · ", " ")) if x)
        items.append(label + (" (first)" if d == first else ""))
    more = f" and {len(order) - DETAIL_NAMES} more" if len(order) > DETAIL_NAMES else ""
    return Content.assemble(("Told by ", "$text-muted"), (" · ".join(items) + more, ""))


def _conflict_line(kind: str, reason: str, given: Sequence[tuple[Verdict, str] | None]) -> Content:
    """A conflict of the detail panel: its sign (its verdict's once every conflict of that
    reason is judged), kind and reason, then the verdict and the note."""
    judged = [g for g in given if g is not None]
    verdict = strongest(v for v, _ in judged) if len(judged) == len(given) else None
    graded = kind == "differs"  # compatible but different figures: shown apart, not as an error
    sign = VERDICT_SIGNS[verdict] if verdict is not None else SIGNS[kind if graded else "conflict"]
    style = "bold $text-warning" if graded else "bold $text-error"
    line = Content.assemble((f"  {sign} {kind}  ", style), (one_line(reason), ""))
    if not judged:
        return line
    words: list[str] = sorted({v for v, _ in judged}, key=lambda v: (v != verdict, v))
    if len(judged) < len(given):
        words.append("not judged")
    notes = list(dict.fromkeys(n for _, n in judged if n))
    tail = " · ".join(words) + "".join(f" — {one_line(n)}" for n in notes)
    return line + Content.styled(f"  [{tail}]", "bold $text-accent")


def _names(names: Sequence[str], *, limit: int = 8) -> str:
    """ "a, b and c"; past ``limit`` names, "a, b, … and 12 more"."""
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return names[0] if names else ""


def find_matches(
    alignment: Alignment,
    query: str,
    *,
    mode: FilterMode = "all",
    unjudged: Collection[int] = (),
) -> tuple[tuple[int, int, int], ...]:
    """Case-insensitive matches of ``query`` in every document, as (doc, start, end).

    Only passages shown under ``mode`` count (``unjudged``: see ``keeps``); the order is by
    document, then offset.
    """
    needle = query.casefold()
    if not needle.strip():
        return ()
    out: list[tuple[int, int, int]] = []
    per_doc = doc_passages(alignment)
    for d, document in enumerate(alignment.documents):
        # casefold can change lengths (ß -> ss); search per passage with an exact fallback.
        for pid in per_doc[d]:
            p = alignment.passages[pid]
            if not keeps(alignment, p, mode, unjudged):
                continue
            text = document.text[p.start : p.end]
            folded = text.casefold()
            exact = len(folded) == len(text)
            hay, pat = (folded, needle) if exact else (text.lower(), query.lower())
            start = hay.find(pat)
            while start >= 0 and pat:
                out.append((d, p.start + start, p.start + start + len(pat)))
                start = hay.find(pat, start + max(1, len(pat)))
    return tuple(out)
