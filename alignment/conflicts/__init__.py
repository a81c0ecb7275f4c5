"""Contradictions between two linked passages: numbers, negation, time, attribution."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Conflict


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


def find_conflicts(a: Side, b: Side) -> tuple[Conflict, ...]:
    """Every reason to think ``a`` and ``b`` contradict each other, strongest first.

    Not built yet: the contradiction detectors land with their own issue.
    """
    return ()


__all__ = ["Side", "find_conflicts"]
