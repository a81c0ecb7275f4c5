"""Contradictions between two linked passages, read from their claims.

``find_conflicts(a, b)`` compares the claim layer's reading of both passages (``claims.py``:
predicates with their arguments, polarity and modality, figures bound to what they count,
times bound to claims, quotes with speakers) and runs one rule per kind, each in its own
module:

- ``figures``: ``number``, the same quantity with figures that cannot both hold ("21"
  against "at least two dozen"); ``differs``, graded: compatible but not the same ("at least
  40" against "43").
- ``negation``: one claim and its negation ("has not signed the deal" / "signed the deal").
- ``time``: one claim placed at incompatible times (resolved against publication dates).
- ``quotes``: ``quote``, one speaker's quote told with words dropped or changed;
  ``attribution``, the same words credited to different speakers.

Hedged, conditional and reported-speech claims contradict nothing. Word lists (hedges,
denials, reporting verbs, measures) come from ``Lexicon``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..claims import Reading, default_reader
from ..lexicon import DEFAULT_LEXICON, Lexicon
from ..model import CONFLICT_KINDS, Conflict
from .figures import figure_conflicts
from .negation import negation_conflicts
from .quotes import quote_conflicts
from .scores import score_conflicts
from .time import time_conflicts
from .view import View

# Strongest first: what the Pair's ``contradiction`` column shows.
KIND_ORDER = {kind: rank for rank, kind in enumerate(CONFLICT_KINDS)}


@dataclass(frozen=True, slots=True)
class Side:
    """One passage of a link, as the detectors see it.

    Attributes:
        doc: document index (for the Spans of a Conflict).
        label: the source's name in reasons (its id).
        text: the passage's original text.
        offset: where ``text`` starts in the document, so spans index the document.
        reading: its claims in document offsets; read from ``text`` when None.
        published: the article's publication date, when known.
    """

    doc: int
    label: str
    text: str
    offset: int
    reading: Reading | None = None
    published: dt.date | None = None


@lru_cache(maxsize=8)
def _hedge_pattern(hedges: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(hedges, key=len, reverse=True)
    # the word and its inflections ("suggested", "appears"), not longer words ("mayor")
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\b(?:{body})(?:s|es|d|ed|ly|ing)?\b", re.IGNORECASE)


def is_hedged(text: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a passage tells something as uncertain: a hedge of the lexicon ("unclear",
    "reportedly", "may", "alleged", ...), not capitalised inside a sentence ("in May")."""
    pattern = _hedge_pattern((lexicon or DEFAULT_LEXICON).hedges)
    for match in pattern.finditer(text):
        before = text[: match.start()].rstrip()
        first = not before or before[-1] in ".!?\"“”'‘’:\n"
        if first or not match.group()[0].isupper():
            return True
    return False


def _view(side: Side, lexicon: Lexicon) -> View:
    reading = side.reading
    if reading is None:
        reading = default_reader().read([side.text], lexicon)[0].shifted(side.offset)
    return View(side.doc, side.label, side.text, side.offset, reading, side.published)


def find_conflicts(
    a: Side, b: Side, *, lexicon: Lexicon | None = None, loose: bool = False
) -> tuple[Conflict, ...]:
    """Every reason to think ``a`` and ``b`` contradict each other, strongest first.

    Args:
        a, b: the two passages of a link (``a`` is shown first in reasons).
        lexicon: the word lists used when a side's claims must be read; the default when None.
        loose: the two passages are only loosely alike: figures are compared only for the
            lexicon's measures (arrests, deaths, votes, ...), times only of one predicate.

    Returns:
        Conflicts ordered as ``model.CONFLICT_KINDS``; empty when they agree. Each
        Conflict's spans index the documents' text.
    """
    lexicon = lexicon or DEFAULT_LEXICON
    va, vb = _view(a, lexicon), _view(b, lexicon)
    found = [
        *figure_conflicts(va, vb, listed_only=loose, lexicon=lexicon),
        *score_conflicts(va, vb),
        *negation_conflicts(va, vb),
        *time_conflicts(va, vb, loose=loose),
        *quote_conflicts(va, vb),
    ]
    found.sort(key=lambda c: KIND_ORDER[c.kind])
    return tuple(found)


__all__ = [
    "DEFAULT_LEXICON",
    "KIND_ORDER",
    "Lexicon",
    "Side",
    "find_conflicts",
    "is_hedged",
]
