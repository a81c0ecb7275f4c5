"""The engine's data model: small frozen values whose offsets index the original text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .claims import Reading


def event_name(event: int) -> str:
    """A reader's name for an event: "event A", "event B", ... ("event 27" past Z)."""
    return f"event {chr(ord('A') + event)}" if event < 26 else f"event {event + 1}"


def short_ids(ids: Sequence[str]) -> tuple[str, ...]:
    """Short names for sources: the part of each id before its first "_" when those parts
    are unique and not empty (file stems like "000_bf1e7b1d" become "000"), else the ids."""
    heads = [re.split(r"[_\s]", i, maxsplit=1)[0] for i in ids]
    if all(heads) and len(set(heads)) == len(heads):
        return tuple(heads)
    return tuple(ids)


GroupStatus = Literal["agree", "conflict", "unique"]
ConflictKind = Literal["number", "negation", "time", "quote", "attribution", "differs"]
# Every kind, strongest first: ``differs`` is graded (compatible but different figures).
CONFLICT_KINDS: tuple[ConflictKind, ...] = (
    "number",
    "negation",
    "time",
    "quote",
    "attribution",
    "differs",
)


@dataclass(frozen=True, slots=True)
class Document:
    """One source article as read from disk or the web.

    Attributes:
        id: the file stem (for a web address, its host), unique in a story.
        text: the text as decoded (for a web page, its extracted article); every offset in
            the model indexes it.
        path: where it was read from: a file, a web address ("" for in-memory documents).
        outlet: display name of the publisher, "" when unknown.
        headline: headline as the text shows it, "" when unknown.
        encoding: the codec the text was decoded with.
        published: the publication date (the page's metadata or sources.yaml), None when
            unknown; relative times in the text ("on Tuesday") are read against it.
        url: the article's web address, "" when unknown.
        author: the byline, "" when unknown.
    """

    id: str
    text: str
    path: str = ""
    outlet: str = ""
    headline: str = ""
    encoding: str = "utf-8"
    published: date | None = None
    url: str = ""
    author: str = ""

    @property
    def label(self) -> str:
        """The outlet when known, else the id."""
        return self.outlet or self.id


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``[start, end)`` of document ``doc`` (an index into ``Alignment.documents``)."""

    doc: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or headline, bullet, boilerplate line) of one document.

    Attributes:
        doc: index of the document in ``Alignment.documents``.
        index: position of the sentence in its document.
        start, end: character offsets into the document's text, end exclusive.
        boilerplate: site junk; shown dimmed, never aligned.
    """

    doc: int
    index: int
    start: int
    end: int
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Passage:
    """One to three consecutive sentences of a document, the unit that is aligned.

    Every sentence of every document lies in exactly one passage.

    Attributes:
        id: index in ``Alignment.passages``.
        doc: document index.
        first, last: sentence indices in the document, inclusive.
        start, end: character offsets of the whole passage.
        group: id of its home group (the fact it tells first), or None when unique to its
            source. A passage that tells two facts also sits in the other fact's group
            (``Alignment.groups_of``).
        boilerplate: made of boilerplate sentences only.
    """

    id: int
    doc: int
    first: int
    last: int
    start: int
    end: int
    group: int | None = None
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Conflict:
    """A reason to think two linked passages contradict each other.

    Attributes:
        kind: one of ``CONFLICT_KINDS``, strongest first; ``differs`` is the graded kind
            (figures that can both hold but are not the same).
        spans: the conflicting characters, in both passages' documents.
        reason: one line a person can read.
        topic: what the two disagree about ("deaths", "offer"), for summaries by claim.
        sides: what each passage says of it, first passage first ("21", "at least two
            dozen"; "did not happen", "happened"), for summaries by claim.
    """

    kind: ConflictKind
    spans: tuple[Span, ...]
    reason: str
    topic: str = ""
    sides: tuple[str, str] = ("", "")


@dataclass(frozen=True, slots=True)
class Pair:
    """A link: two passages of different documents judged to tell the same fact.

    Attributes:
        a, b: passage ids, ``a`` from the lower document index.
        similarity: the score in [0, 1] that made the link.
        group: a group holding both passages (the home group of ``a`` when it holds ``b``).
        conflicts: empty when the two agree.
    """

    a: int
    b: int
    similarity: float
    group: int
    conflicts: tuple[Conflict, ...] = ()

    @property
    def contradiction(self) -> str:
        """The strongest conflict kind, "" when the pair agrees."""
        return self.conflicts[0].kind if self.conflicts else ""

    @property
    def reason(self) -> str:
        """The reasons of all conflicts, joined; "" when the pair agrees."""
        return "; ".join(c.reason for c in self.conflicts)


@dataclass(frozen=True, slots=True)
class Group:
    """One fact across the story: passages of two or more sources that tell one claim.

    A group is cohesive: its passages from different sources are linked, or nearly, for the
    most part (``group_cohesion``), so a fact never chains into a topic. A passage telling two
    facts sits in both groups; its ``Passage.group`` names the first.

    Attributes:
        id: index in ``Alignment.groups``, in reading order of the first source.
        passages: passage ids, sorted by document then position.
        pairs: indices into ``Alignment.pairs`` of the links inside the group.
        status: "conflict" when any link conflicts, else "agree".
    """

    id: int
    passages: tuple[int, ...]
    pairs: tuple[int, ...]
    status: GroupStatus = "agree"

    @property
    def size(self) -> int:
        return len(self.passages)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of ``align()``: every input accounted for.

    Attributes:
        documents: the inputs, in order.
        sentences: per document, its sentences in order.
        passages: all passages, by document then position.
        pairs: all links, sorted by group then passages.
        groups: all groups (facts told by two or more sources).
        sentence_passages: per document, per sentence, the id of its passage.
        warnings: problems met on the way that did not stop the run.
        events: per document, the event it tells (0, 1, ...) when the sources clearly tell
            several look-alike events (two earthquakes); empty or all 0 for one story.
        hedged: ids of the passages that tell something as uncertain ("it remains unclear
            whether", "reportedly", "might"): a hedged claim contradicts nothing.
        readings: per document, per sentence, its claims, figures and quotes (document
            offsets; empty for junk and for sentences too short to align).
    """

    documents: tuple[Document, ...]
    sentences: tuple[tuple[Sentence, ...], ...]
    passages: tuple[Passage, ...]
    pairs: tuple[Pair, ...]
    groups: tuple[Group, ...]
    sentence_passages: tuple[tuple[int, ...], ...] = ()
    warnings: tuple[str, ...] = field(default=())
    events: tuple[int, ...] = field(default=())
    hedged: frozenset[int] = field(default=frozenset())
    readings: tuple[tuple[Reading, ...], ...] = field(default=())

    @property
    def event_count(self) -> int:
        """How many events the sources tell (1 for one story)."""
        return max(self.events, default=0) + 1

    def event_of(self, doc: int) -> int:
        """The event document ``doc`` tells (0 for one story)."""
        return self.events[doc] if self.events else 0

    def text(self, item: Sentence | Passage | Span) -> str:
        """The original characters of a sentence, passage or span."""
        return self.documents[item.doc].text[item.start : item.end]

    def group_docs(self, group: Group) -> tuple[int, ...]:
        """The documents that have a passage in ``group``, in order."""
        return tuple(sorted({self.passages[p].doc for p in group.passages}))

    def groups_of(self, passage: int) -> tuple[int, ...]:
        """The ids of the groups holding passage ``passage`` (its home group first)."""
        home = self.passages[passage].group
        others = (g.id for g in self.groups if g.id != home and passage in g.passages)
        return ((home,) if home is not None else ()) + tuple(others)

    def passage_status(self, passage: Passage) -> GroupStatus:
        """agree / conflict for a grouped passage, unique otherwise."""
        if passage.group is None:
            return "unique"
        return self.groups[passage.group].status

    def reading(self, passage: Passage) -> Reading:
        """The claims, figures and quotes of a passage, from its sentences'."""
        from .claims import Reading

        if not self.readings:
            return Reading()
        return Reading.joined(self.readings[passage.doc][passage.first : passage.last + 1])

    def passage_of_sentence(self, doc: int, index: int) -> Passage:
        """The passage that holds sentence ``index`` of document ``doc``."""
        return self.passages[self.sentence_passages[doc][index]]
