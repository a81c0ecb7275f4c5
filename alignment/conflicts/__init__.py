"""Contradictions between two linked passages: numbers, negation, time, attribution.

``find_conflicts(a, b)`` reads both passages once (tokens, who claims what, polarity, figures,
time expressions, quotes) and runs four rules, each in its own module:

- ``numbers``: the same quantity reported differently ("about 2,000" against "over 2,400").
- ``polarity``: a claim and its denial ("has not offered amnesty" against "offered amnesty").
- ``time``: the same event at different times ("in June" against "last year").
- ``attribution``: the same quote credited to different speakers (the weakest kind).

Hedged statements ("it remains unclear whether ...") contradict nothing. All rules are word
lists and parse patterns from ``Lexicon``; pass ``lexicon=DEFAULT_LEXICON.extended(...)`` to
add words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Conflict
from .attribution import QuoteSide, attribution_conflicts, claimants, find_quotes
from .lexicon import DEFAULT_LEXICON, Lexicon
from .numbers import (
    Measured,
    NumberSide,
    comparable,
    measured,
    number_conflicts,
    parse_quantities,
    same_figure,
)
from .polarity import (
    PolaritySide,
    clause_ids,
    name_keys,
    negation_conflicts,
    past_sentences,
    polarity_marks,
)
from .text import Compiled, compile_lexicon, tokenize
from .time import TimeSide, find_times, time_conflicts

# Strongest first: what the Pair's ``contradiction`` column shows.
KIND_ORDER = {"number": 0, "negation": 1, "time": 2, "attribution": 3}


@dataclass(frozen=True, slots=True)
class Side:
    """One passage of a link, as the detectors see it.

    Attributes:
        doc: document index (for the Spans of a Conflict).
        label: the source's name in reasons (its id).
        text: the passage's original text.
        offset: where ``text`` starts in the document, so spans index the document.
    """

    doc: int
    label: str
    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class _Read:
    numbers: NumberSide
    polarity: PolaritySide
    time: TimeSide
    quotes: QuoteSide


_READERS: dict[int, tuple[Lexicon, Callable[[Side], _Read]]] = {}


def _reader(lexicon: Lexicon) -> Callable[[Side], _Read]:
    """A cached reader per lexicon, found by identity: hashing a lexicon is dear."""
    found = _READERS.get(id(lexicon))
    if found is None or found[0] is not lexicon:
        found = (lexicon, lru_cache(maxsize=65536)(lambda side: _read(side, lexicon)))
        _READERS.clear()
        _READERS[id(lexicon)] = found
    return found[1]


_COMPILED: dict[int, tuple[Lexicon, Compiled]] = {}


def _compiled(lexicon: Lexicon) -> Compiled:
    found = _COMPILED.get(id(lexicon))
    if found is None or found[0] is not lexicon:
        found = (lexicon, compile_lexicon(lexicon))
        _COMPILED.clear()
        _COMPILED[id(lexicon)] = found
    return found[1]


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


def figures(side: Side, lexicon: Lexicon | None = None) -> tuple[Measured, ...]:
    """The figures of a passage with what they measure and who claims them (cached)."""
    return tuple(_reader(lexicon or DEFAULT_LEXICON)(side).numbers.figures)


def clear_cache() -> None:
    """Forget the passages read so far (the engine calls it after each run, to free memory)."""
    _READERS.clear()


def _read(side: Side, lexicon: Lexicon) -> _Read:
    """Everything the rules need from one passage; cached, since a passage is in many links
    (the result holds lists, which nobody mutates)."""
    compiled = compile_lexicon(lexicon)
    tokens = tokenize(side.text)
    quotes = find_quotes(tokens, compiled)
    who = claimants(tokens, quotes, compiled)
    marks, hedged = polarity_marks(tokens, compiled)
    names = name_keys(tokens, marks)
    times = find_times(side.text, tokens)
    figures = measured(tokens, parse_quantities(side.text, tokens), who, hedged, compiled)
    past = past_sentences(tokens, [(w.sentence, w.past or w.kind == "year") for w in times])
    base = (side.doc, side.label, side.text, side.offset)
    return _Read(
        numbers=NumberSide(*base, figures),
        polarity=PolaritySide(*base, tokens, marks, who, names, clause_ids(tokens), past),
        time=TimeSide(*base, tokens, times, names),
        quotes=QuoteSide(*base, tuple(quotes)),
    )


def find_conflicts(
    a: Side, b: Side, *, lexicon: Lexicon | None = None, loose: bool = False
) -> tuple[Conflict, ...]:
    """Every reason to think ``a`` and ``b`` contradict each other, strongest first.

    Args:
        a, b: the two passages of a link (``a`` is shown first in reasons).
        lexicon: the word lists of the rules; ``DEFAULT_LEXICON`` when None.
        loose: the two passages are only loosely alike: compare figures only for the
            lexicon's measures (arrests, deaths, votes, ...) and money.

    Returns:
        Conflicts ordered number, negation, time, attribution; empty when they agree.
        Each Conflict's spans index the documents' text.
    """
    lexicon = lexicon or DEFAULT_LEXICON
    compiled = _compiled(lexicon)
    read = _reader(lexicon)
    ra, rb = read(a), read(b)
    found = [
        *number_conflicts(ra.numbers, rb.numbers, listed_only=loose),
        *negation_conflicts(ra.polarity, rb.polarity, compiled),
        *time_conflicts(ra.time, rb.time, compiled),
        *attribution_conflicts(ra.quotes, rb.quotes),
    ]
    found.sort(key=lambda c: KIND_ORDER[c.kind])
    return tuple(found)


__all__ = [
    "DEFAULT_LEXICON",
    "KIND_ORDER",
    "Lexicon",
    "Measured",
    "Side",
    "clear_cache",
    "comparable",
    "figures",
    "find_conflicts",
    "is_hedged",
    "same_figure",
]
