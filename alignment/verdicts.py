"""A fact-checker's verdicts on the conflicts: keyed by what they judge, kept in a file.

A flagged conflict is a lead; a verdict ("confirmed", "false alarm", "unsure", with a note)
is the checker's decision about it. Verdicts live in ``parallax-verdicts.json`` beside the
story and must survive re-runs, another config and another engine, so a verdict is keyed by
the judged text, never by run-dependent ids: the two sources' ids, the SHA-256 of each side's
judged text and the conflict kind. A side's judged text is the text of the sentences that hold
its conflicting words, followed by those words (white space runs count as one space): the
sentences stay put when passages are cut differently (``max_passage_sentences``,
``merge_gain``), and the words tell apart two conflicts of one kind between the same two
sentences. A verdict whose text no longer appears is kept and reported as orphaned.

Everything here is pure except ``read_verdicts`` and ``save_verdicts``, which read and
write the file (atomically, through ``export.write_atomic``).
"""

from __future__ import annotations

import difflib
import hashlib
import json
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

from .errors import DocumentError, ParallaxError
from .load import read_regular
from .model import Alignment, Conflict, Group, Pair, Span
from .web import is_address

VERDICTS_FORMAT = "parallax.verdicts"
VERDICTS_VERSION = 1
VERDICTS_NAME = "parallax-verdicts.json"
MAX_VERDICTS_BYTES = 50_000_000  # far more than any story's verdicts; refuses runaway files

Verdict = Literal["confirmed", "false alarm", "unsure"]
# In the order of the dialog's keys 1, 2, 3.
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
# Which verdict a passage or a fact shows when its conflicts were judged differently: a
# confirmed contradiction matters most, a false alarm least.
PRECEDENCE: tuple[Verdict, ...] = ("confirmed", "unsure", "false alarm")

_FIELDS = (
    "source_a",
    "sha256_a",
    "source_b",
    "sha256_b",
    "kind",
    "verdict",
    "note",
    "judged",
    "reason",
    "words_a",
    "words_b",
)
_REQUIRED = ("source_a", "sha256_a", "source_b", "sha256_b", "kind", "verdict")
_HEX = frozenset("0123456789abcdef")


class VerdictError(ParallaxError):
    """The verdict file cannot be used: it does not parse, is of a newer format, holds an
    unknown verdict or the same conflict twice, or cannot be read or written."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="Verdicts")


@dataclass(frozen=True, slots=True, order=True)
class VerdictKey:
    """What a verdict judges, independent of the run.

    The two sides are ordered by source id (then hash), so the key does not depend on the
    order the sources were given in.

    Attributes:
        source_a, source_b: the sources' ids (file stems).
        sha256_a, sha256_b: SHA-256 (hex) of each side's judged text.
        kind: the conflict kind (``ConflictKind``), a string so that a file written by
            another version with other kinds still reads (its verdicts become orphans).
    """

    source_a: str
    sha256_a: str
    source_b: str
    sha256_b: str
    kind: str


@dataclass(frozen=True, slots=True)
class VerdictRecord:
    """One verdict as the file keeps it.

    Attributes:
        key: what it judges.
        verdict: confirmed, false alarm or unsure.
        note: the checker's one-line note ("" when none).
        judged: when it was decided (ISO 8601, UTC), "" when unknown.
        reason: the conflict's reason at the time, for people and for orphan lists.
        words_a, words_b: the conflicting words of each side at the time.
    """

    key: VerdictKey
    verdict: Verdict
    note: str = ""
    judged: str = ""
    reason: str = ""
    words_a: str = ""
    words_b: str = ""


@dataclass(frozen=True, slots=True)
class VerdictBook:
    """Every verdict of a story, by key (never mutated: changes make a new book).

    Attributes:
        records: key -> record.
    """

    records: Mapping[VerdictKey, VerdictRecord] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.records)

    def get(self, key: VerdictKey) -> VerdictRecord | None:
        """The verdict on ``key``, None when not judged."""
        return self.records.get(key)

    def changed(self, changes: Mapping[VerdictKey, VerdictRecord | None]) -> VerdictBook:
        """A new book with ``changes`` applied (None clears a verdict)."""
        return merge_verdicts(self, changes)


@dataclass(frozen=True, slots=True)
class VerdictMatch:
    """A book laid over one alignment: which conflict carries which verdict.

    Attributes:
        keys: (pair index, conflict index) -> the conflict's key, for every conflict.
        verdicts: (pair index, conflict index) -> its record, for the judged ones.
        orphans: records whose text no longer appears in the story (sorted by key).
    """

    keys: Mapping[tuple[int, int], VerdictKey] = field(default_factory=dict)
    verdicts: Mapping[tuple[int, int], VerdictRecord] = field(default_factory=dict)
    orphans: tuple[VerdictRecord, ...] = ()

    def of(self, pair: int, conflict: int) -> VerdictRecord | None:
        """The verdict on conflict ``conflict`` of pair ``pair``, None when not judged."""
        return self.verdicts.get((pair, conflict))


# -- keys ------------------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def _side_text(alignment: Alignment, doc: int, passage_span: Span, spans: Sequence[Span]) -> str:
    """A side's judged text: the sentences holding its conflicting words, then the words."""
    mine = sorted((s for s in spans if s.doc == doc and s.end > s.start), key=lambda s: s.start)
    if not mine:
        return _flat(alignment.text(passage_span))
    sentences = alignment.sentences[doc]
    starts = [s.start for s in sentences]
    held: dict[int, None] = {}
    for span in mine:
        first = max(0, bisect_right(starts, span.start) - 1)
        k = first
        while k < len(sentences) and sentences[k].start < span.end:
            if sentences[k].end > span.start or k == first:
                held[k] = None
            k += 1
    text = alignment.documents[doc].text
    said = " ".join(_flat(text[sentences[k].start : sentences[k].end]) for k in held)
    words = " | ".join(_flat(text[s.start : s.end]) for s in mine)
    return f"{said}\n{words}"


def _words(alignment: Alignment, doc: int, spans: Sequence[Span]) -> str:
    text = alignment.documents[doc].text
    mine = sorted((s for s in spans if s.doc == doc and s.end > s.start), key=lambda s: s.start)
    return ", ".join(_flat(text[s.start : s.end]) for s in mine)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()


def conflict_key(alignment: Alignment, pair: Pair, conflict: Conflict) -> VerdictKey:
    """The key of one conflict of a link: sources, judged texts' hashes, kind."""
    sides = []
    for pid in (pair.a, pair.b):
        passage = alignment.passages[pid]
        span = Span(passage.doc, passage.start, passage.end)
        judged = _side_text(alignment, passage.doc, span, conflict.spans)
        sides.append((alignment.documents[passage.doc].id, _sha(judged)))
    (source_a, sha_a), (source_b, sha_b) = sorted(sides)
    return VerdictKey(source_a, sha_a, source_b, sha_b, conflict.kind)


def make_record(
    alignment: Alignment,
    pair_index: int,
    conflict_index: int,
    verdict: Verdict,
    *,
    note: str = "",
    judged: str = "",
) -> VerdictRecord:
    """A verdict on conflict ``conflict_index`` of link ``pair_index``, with the conflict's
    reason and words kept for people (and for listing it if it is ever orphaned)."""
    pair = alignment.pairs[pair_index]
    conflict = pair.conflicts[conflict_index]
    key = conflict_key(alignment, pair, conflict)
    docs = {
        alignment.documents[alignment.passages[p].doc].id: alignment.passages[p].doc
        for p in (pair.a, pair.b)
    }
    return VerdictRecord(
        key,
        verdict,
        note=_flat(note),
        judged=judged,
        reason=conflict.reason,
        words_a=_words(alignment, docs[key.source_a], conflict.spans),
        words_b=_words(alignment, docs[key.source_b], conflict.spans),
    )


def conflict_keys(alignment: Alignment) -> dict[tuple[int, int], VerdictKey]:
    """Every conflict's key, by (pair index, conflict index): they depend on the alignment
    only, so a reader computes them once per result."""
    return {
        (k, c): conflict_key(alignment, pair, conflict)
        for k, pair in enumerate(alignment.pairs)
        for c, conflict in enumerate(pair.conflicts)
    }


def match_verdicts(
    alignment: Alignment,
    book: VerdictBook,
    *,
    keys: Mapping[tuple[int, int], VerdictKey] | None = None,
) -> VerdictMatch:
    """Lay ``book`` over ``alignment``: each conflict's key and verdict, and the orphans.

    ``keys`` are ``conflict_keys(alignment)`` when already computed.
    """
    keys = conflict_keys(alignment) if keys is None else keys
    verdicts: dict[tuple[int, int], VerdictRecord] = {}
    seen: set[VerdictKey] = set()
    for where, key in keys.items():
        record = book.get(key)
        if record is not None:
            verdicts[where] = record
            seen.add(key)
    orphans = tuple(book.records[key] for key in sorted(book.records) if key not in seen)
    return VerdictMatch(keys, verdicts, orphans)


# -- verdicts of passages and facts -----------------------------------------------------------


def strongest(verdicts: Iterable[Verdict]) -> Verdict | None:
    """The verdict that shows for several: confirmed, then unsure, then false alarm."""
    given = set(verdicts)
    return next((v for v in PRECEDENCE if v in given), None)


def group_conflicts(alignment: Alignment, group: Group) -> list[tuple[int, int]]:
    """Every conflict of a fact, as (pair index, conflict index), in pair order."""
    return [(k, c) for k in group.pairs for c in range(len(alignment.pairs[k].conflicts))]


def fact_verdict(alignment: Alignment, match: VerdictMatch, group: Group) -> Verdict | None:
    """A disputed fact's verdict: confirmed or unsure when any of its conflicts is; false
    alarm only when every one is; None while a conflict is not judged (or there is none)."""
    conflicts = group_conflicts(alignment, group)
    given = [match.verdicts[c].verdict for c in conflicts if c in match.verdicts]
    top = strongest(given)
    if top in ("confirmed", "unsure"):
        return top
    if conflicts and len(given) == len(conflicts):
        return "false alarm"
    return None


def unjudged_groups(alignment: Alignment, match: VerdictMatch) -> frozenset[int]:
    """The disputed facts with at least one conflict not judged yet."""
    return frozenset(
        g.id
        for g in alignment.groups
        if any(c not in match.verdicts for c in group_conflicts(alignment, g))
    )


def dismissed_groups(alignment: Alignment, match: VerdictMatch) -> frozenset[int]:
    """The facts whose every conflict was marked false alarm: no longer disputed."""
    return frozenset(
        g.id
        for g in alignment.groups
        if g.status == "conflict" and fact_verdict(alignment, match, g) == "false alarm"
    )


def passage_verdicts(alignment: Alignment, match: VerdictMatch) -> dict[int, Verdict]:
    """Passages whose every conflict is judged, with the verdict their gutter shows."""
    given: dict[int, list[Verdict]] = {}
    open_: set[int] = set()
    for k, pair in enumerate(alignment.pairs):
        for c in range(len(pair.conflicts)):
            record = match.verdicts.get((k, c))
            for pid in (pair.a, pair.b):
                if record is None:
                    open_.add(pid)
                else:
                    given.setdefault(pid, []).append(record.verdict)
    out: dict[int, Verdict] = {}
    for pid, verdicts in given.items():
        top = strongest(verdicts)
        if pid not in open_ and top is not None:
            out[pid] = top
    return out


def without_false_alarms(alignment: Alignment, match: VerdictMatch) -> Alignment:
    """The alignment as the checker sees it: conflicts marked false alarm dropped, and a
    fact with no conflict left counted as agreeing (for the overview and the counts)."""
    if not any(r.verdict == "false alarm" for r in match.verdicts.values()):
        return alignment
    pairs = tuple(
        replace(
            pair,
            conflicts=tuple(
                conflict
                for c, conflict in enumerate(pair.conflicts)
                if (r := match.verdicts.get((k, c))) is None or r.verdict != "false alarm"
            ),
        )
        for k, pair in enumerate(alignment.pairs)
    )
    groups = tuple(
        replace(g, status="conflict" if any(pairs[k].conflicts for k in g.pairs) else "agree")
        for g in alignment.groups
    )
    return replace(alignment, pairs=pairs, groups=groups)


# -- the file ---------------------------------------------------------------------------------


def default_verdicts_path(paths: Sequence[str | Path]) -> Path:
    """Where a story's verdicts live: in its folder, or beside its first file; the working
    folder for the bundled seeds (no paths), which may not be writable, and for a story of
    web addresses."""
    local = [p for p in paths if not is_address(str(p))]
    if not local:
        return Path.cwd() / VERDICTS_NAME
    first = Path(local[0])
    folder = first if first.is_dir() else first.parent
    return folder / VERDICTS_NAME


def _shown(value: object) -> str:
    """A value from the file quoted for an error line: escaped, and cut when long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _no_repeats(where: str) -> Any:
    def hook(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in items:
            if name in out:
                raise VerdictError(f"{where}: key {_shown(name)} appears twice in one object")
            out[name] = value
        return out

    return hook


def _record(where: str, index: int, raw: object) -> VerdictRecord:
    at = f"{where}: verdict {index + 1}"
    if not isinstance(raw, dict):
        raise VerdictError(f"{at}: expected an object, got {type(raw).__name__}")
    unknown = [k for k in raw if k not in _FIELDS]
    if unknown:
        hint = difflib.get_close_matches(unknown[0], _FIELDS, n=1)
        more = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise VerdictError(f"{at}: unknown field {_shown(unknown[0])}{more}")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise VerdictError(f"{at}: missing field {missing[0]!r}")
    for name in _FIELDS:
        if name in raw and not isinstance(raw[name], str):
            raise VerdictError(f"{at}: {name} must be a string, got {_shown(raw[name])}")
    verdict = raw["verdict"]
    if verdict not in VERDICTS:
        expected = ", ".join(VERDICTS[:-1]) + f" or {VERDICTS[-1]}"
        raise VerdictError(f"{at}: unknown verdict {_shown(verdict)} (expected {expected})")
    for name in ("sha256_a", "sha256_b"):
        value = raw[name]
        if len(value) != 64 or not set(value) <= _HEX:
            raise VerdictError(f"{at}: {name} must be 64 lower-case hex digits")
    for name in ("source_a", "source_b", "kind"):
        if not raw[name]:
            raise VerdictError(f"{at}: {name} is empty")
    key = VerdictKey(
        raw["source_a"], raw["sha256_a"], raw["source_b"], raw["sha256_b"], raw["kind"]
    )
    return VerdictRecord(
        key,
        verdict,
        note=raw.get("note", ""),
        judged=raw.get("judged", ""),
        reason=raw.get("reason", ""),
        words_a=raw.get("words_a", ""),
        words_b=raw.get("words_b", ""),
    )


def parse_verdicts(text: str, *, where: str = "verdicts") -> VerdictBook:
    """Read a verdict file's text.

    Args:
        text: the file's content.
        where: the file's name, for messages.

    Returns:
        The verdicts, by key.

    Raises:
        VerdictError: the text is not JSON, not a Parallax verdict file, of a newer format
            version, or holds a bad record (unknown verdict or field, wrong type) or the same
            conflict twice. The message is one line naming the file.
    """
    try:
        data = json.loads(text, object_pairs_hook=_no_repeats(where))
    except json.JSONDecodeError as exc:
        raise VerdictError(
            f"{where}, line {exc.lineno}: not a verdict file (JSON: {exc.msg})"
        ) from None
    except RecursionError:
        raise VerdictError(f"{where}: not a verdict file (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != VERDICTS_FORMAT:
        raise VerdictError(f"{where}: not a Parallax verdict file (no format {VERDICTS_FORMAT!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise VerdictError(f"{where}: format version must be a whole number, got {_shown(version)}")
    if version > VERDICTS_VERSION:
        raise VerdictError(
            f"{where}: format version {version} is newer than this Parallax reads "
            f"({VERDICTS_VERSION}); update Parallax"
        )
    unknown = [k for k in data if k not in ("format", "version", "verdicts")]
    if unknown:
        raise VerdictError(f"{where}: unknown key {_shown(unknown[0])}")
    raw = data.get("verdicts", [])
    if not isinstance(raw, list):
        raise VerdictError(f"{where}: 'verdicts' must be a list")
    records: dict[VerdictKey, VerdictRecord] = {}
    first: dict[VerdictKey, int] = {}
    for index, item in enumerate(raw):
        record = _record(where, index, item)
        if record.key in records:
            key = record.key
            raise VerdictError(
                f"{where}: verdicts {first[key] + 1} and {index + 1} judge the same conflict "
                f"({_shown(key.source_a)}–{_shown(key.source_b)}, {_shown(key.kind)})"
            )
        records[record.key] = record
        first[record.key] = index
    return VerdictBook(records)


def verdicts_text(book: VerdictBook) -> str:
    """The file's content: indented JSON, non-ASCII kept, records sorted by key."""
    records = []
    for key in sorted(book.records):
        r = book.records[key]
        records.append(
            {
                "source_a": key.source_a,
                "sha256_a": key.sha256_a,
                "source_b": key.source_b,
                "sha256_b": key.sha256_b,
                "kind": key.kind,
                "verdict": r.verdict,
                "note": r.note,
                "judged": r.judged,
                "reason": r.reason,
                "words_a": r.words_a,
                "words_b": r.words_b,
            }
        )
    data = {"format": VERDICTS_FORMAT, "version": VERDICTS_VERSION, "verdicts": records}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def merge_verdicts(
    base: VerdictBook, changes: Mapping[VerdictKey, VerdictRecord | None]
) -> VerdictBook:
    """``base`` with ``changes`` laid over it, key by key: a record replaces the one on its
    key, None removes it, and every other key of ``base`` stays (another reader's work)."""
    records = dict(base.records)
    for key, record in changes.items():
        if record is None:
            records.pop(key, None)
        else:
            records[key] = record
    return VerdictBook(records)


def read_verdicts(path: str | Path, *, missing_ok: bool = True) -> VerdictBook:
    """The verdicts in ``path``; an empty book when there is no such file and ``missing_ok``.

    Raises:
        VerdictError: the file cannot be read (not a regular file, too large, no
            permission, not UTF-8) or does not parse (see ``parse_verdicts``).
    """
    target = Path(path)
    if missing_ok and not target.exists() and not target.is_symlink():
        return VerdictBook()
    try:
        data = read_regular(target, MAX_VERDICTS_BYTES)
    except DocumentError as exc:  # missing, unreadable, not a regular file, too large
        raise VerdictError(exc.message) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise VerdictError(f"{target}: not UTF-8 text (byte {exc.start})") from None
    return parse_verdicts(text, where=str(target))


def save_verdicts(
    path: str | Path, changes: Mapping[VerdictKey, VerdictRecord | None]
) -> VerdictBook:
    """Merge ``changes`` into the file as it is now and write it atomically.

    The file is read again just before writing, so verdicts another reader saved meanwhile
    are kept (merge by key; on one key the later write wins).

    Returns:
        The merged book, as written.

    Raises:
        VerdictError: the file as it is now cannot be read or parsed (it is left as it is),
            or the new file cannot be written (nothing half-written is left).
    """
    # export imports nothing of this module; importing it here keeps the two independent.
    from .errors import ExportError
    from .export import write_atomic

    merged = merge_verdicts(read_verdicts(path), changes)
    try:
        write_atomic(path, verdicts_text(merged), force=True)
    except ExportError as exc:
        raise VerdictError(exc.message) from None
    return merged


__all__ = [
    "MAX_VERDICTS_BYTES",
    "PRECEDENCE",
    "VERDICTS",
    "VERDICTS_FORMAT",
    "VERDICTS_NAME",
    "VERDICTS_VERSION",
    "Verdict",
    "VerdictBook",
    "VerdictError",
    "VerdictKey",
    "VerdictMatch",
    "VerdictRecord",
    "conflict_key",
    "conflict_keys",
    "default_verdicts_path",
    "dismissed_groups",
    "fact_verdict",
    "group_conflicts",
    "make_record",
    "match_verdicts",
    "merge_verdicts",
    "parse_verdicts",
    "passage_verdicts",
    "read_verdicts",
    "save_verdicts",
    "strongest",
    "unjudged_groups",
    "verdicts_text",
    "without_false_alarms",
]
