"""The reader's search: a query, its matches in every source and the current one.

A pure value (no widget): the reader holds one as a reactive and passes it down to the panes
with ``data_bind``; each pane picks the matches of its own document.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from alignment import Alignment

from .render import FilterMode, find_matches

Match = tuple[int, int, int]  # (doc, start, end): document offsets, end exclusive
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchState:
    """A search and where the reader is in its matches.

    Attributes:
        query: what was searched ("" for no search).
        matches: every match as (doc, start, end), by document then offset.
        index: the current match, None before the first jump.
    """

    query: str = ""
    matches: tuple[Match, ...] = ()
    index: int | None = None

    @classmethod
    def find(
        cls,
        alignment: Alignment,
        query: str,
        *,
        mode: FilterMode,
        unjudged: Collection[int] = (),
    ) -> SearchState:
        """Search every source for ``query`` (case-insensitive) in the passages ``mode`` shows
        (``unjudged``: the facts the "unjudged" filter keeps)."""
        return cls(query, find_matches(alignment, query, mode=mode, unjudged=unjudged), None)

    @property
    def current(self) -> Match | None:
        """The current match, if any."""
        return self.matches[self.index] if self.index is not None else None

    def at(self, index: int) -> SearchState:
        """The same search with match ``index`` current (wrapping around both ends)."""
        if not self.matches:
            return self
        return replace(self, index=index % len(self.matches))

    def step(self, delta: int) -> SearchState:
        """The next (``delta`` 1) or previous (-1) match; the first step picks the first or
        the last match."""
        if self.index is None:
            return self.at(0 if delta > 0 else -1)
        return self.at(self.index + delta)

    def first_in(self, doc: int | None) -> int:
        """The index of the first match in document ``doc``, else 0."""
        for k, (d, _, _) in enumerate(self.matches):
            if d == doc:
                return k
        return 0

    def in_doc(self, doc: int) -> Ranges:
        """The matches of one document, as (start, end)."""
        return tuple((s, e) for d, s, e in self.matches if d == doc)

    def current_in(self, doc: int) -> tuple[int, int] | None:
        """The current match when it is in document ``doc``."""
        match = self.current
        return (match[1], match[2]) if match is not None and match[0] == doc else None
