"""One passage as the conflict rules see it, and the one way a conflict is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..claims import Reading
from ..model import Conflict, ConflictKind, Span


@dataclass(frozen=True, slots=True)
class View:
    """A passage of a link with its claims.

    Attributes:
        doc: document index (for the Spans of a Conflict).
        label: the source's name in reasons (its short id).
        text: the passage's original text.
        offset: where ``text`` starts in the document.
        reading: the passage's claims, figures and quotes, in document offsets.
        published: the article's publication date, when known (resolves "on Tuesday").
    """

    doc: int
    label: str
    text: str
    offset: int
    reading: Reading
    published: dt.date | None = None

    @property
    def absent(self) -> frozenset[str]:
        """What the passage says is missing or did not happen ("without power", "no fire")."""
        return frozenset(c.absent for c in self.reading.claims if c.absent)

    def said(self, start: int, end: int) -> str:
        """The characters ``[start, end)`` of the document, as the passage holds them."""
        return self.text[start - self.offset : end - self.offset]


def conflict(
    kind: ConflictKind,
    topic: str,
    a: View,
    at_a: tuple[int, int],
    b: View,
    at_b: tuple[int, int],
    why: str = "",
) -> Conflict:
    """A conflict between one span of each passage (document offsets), with the reason
    "topic: A says x, B says y (why)"."""
    said_a, said_b = a.said(*at_a), b.said(*at_b)
    reason = f"{topic}: {a.label} says {said_a}, {b.label} says {said_b}"
    return Conflict(
        kind=kind,
        spans=(Span(a.doc, *at_a), Span(b.doc, *at_b)),
        reason=f"{reason} ({why})" if why else reason,
        topic=topic,
        sides=(" ".join(said_a.split()), " ".join(said_b.split())),
    )
