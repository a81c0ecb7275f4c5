"""Time: the same event placed at different times.

Time expressions are parsed into comparable values: weekdays ("on Monday"), dates and
months ("July 28", "in June and September", "March 2021"), years ("in 2020") and
relative times ("last year", "this month", "yesterday", "two years ago"). Two are
*incompatible* only when no reading lets both be true: two different weekdays, disjoint
months of the same (or an unstated) year, two different years, a named month (this year by
default) against "last year". A month against "last month" is left alone: without the
publication date nothing is known.

Two expressions are about the same event when the words around them (eight on each side,
in the same sentence) share three content words, or two with a name among them ("talks in
Doha") or with the same word right next to both expressions ("agreed on Monday"), and not
only names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Conflict
from .text import Compiled, Token, content, two_sided, word_set

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBR = {m[:3]: k + 1 for k, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_ONE_DATE = rf"{_MONTH_NAME}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
_DATE = re.compile(
    rf"(?:(?P<day_first>\d{{1,2}})\s+)?(?P<dates>{_ONE_DATE}(?:\s*(?:,|and|or|to|-|–)\s*{_ONE_DATE})*)"
    rf"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
)
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)")
_YEAR = re.compile(
    r"\b(?:in|since|during|by|until|from|of|early|late|mid-?|spring|summer|autumn|fall|winter)"
    r"\s+(?P<year>(?:1[89]|20)\d\d)\b(?![,.]\d)"
)
_RELATIVE = re.compile(
    r"\b(?P<which>last|this|next|previous|coming)\s+(?P<unit>year|month|week|weekend)\b"
    r"|\b(?P<day>yesterday|today|tonight|tomorrow)\b"
    r"|\b(?P<count>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<units>years?|months?|weeks?|days?)\s+ago\b",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}
_OFFSETS = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
# Words that are part of a time expression, never evidence of the same event.
_TIME_WORDS = frozenset(
    [
        *WEEKDAYS,
        *MONTHS,
        *word_set("year month week weekend day last this next ago yesterday today tonight"),
        *word_set("tomorrow time previous coming date"),
    ]
)
_WINDOW = 8


@dataclass(frozen=True, slots=True)
class When:
    """A parsed time expression.

    Attributes:
        kind: "weekday", "date", "year" or "relative".
        start, end: offsets in the passage.
        sentence: the sentence it is in.
        weekday: 0 (Monday) to 6, for weekdays.
        months: the months named (1 to 12), for dates.
        day: day of the month when one date is given.
        year: the year when stated.
        unit: for relative times, "year", "month", "week" or "day".
        offset: for relative times, how many units from now (-1 = last).
    """

    kind: str
    start: int
    end: int
    sentence: int
    weekday: int | None = None
    months: frozenset[int] = frozenset()
    day: int | None = None
    year: int | None = None
    unit: str = ""
    offset: int = 0

    @property
    def past(self) -> bool:
        """Placed before now for sure ("last year", "two weeks ago")."""
        return self.kind == "relative" and self.offset < 0


def _month(word: str) -> int:
    return _MONTH_ABBR[word.lower().rstrip(".")[:3]] if word[:4].lower() != "sept" else 9


def find_times(text: str, tokens: list[Token]) -> list[When]:
    """Every time expression of a passage, in order."""
    found: list[When] = []
    taken: list[tuple[int, int]] = []

    def sentence_at(offset: int) -> int:
        for t in tokens:
            if t.end > offset:
                return t.sentence
        return tokens[-1].sentence if tokens else 0

    def add(when: When) -> None:
        if any(s < when.end and when.start < e for s, e in taken):
            return
        taken.append((when.start, when.end))
        found.append(when)

    for m in _DATE.finditer(text):
        names = re.findall(_MONTH_NAME, m.group("dates"))
        if not names:
            continue
        days = re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", m.group("dates"))
        lone_may = names == ["May"] and not days and not m.group("year")
        if lone_may and not re.search(
            r"\b(?:in|since|until|by|of|early|late|mid)\s+$", text[: m.start()]
        ):
            continue  # "May" the verb
        months = frozenset(_month(x) for x in names)
        day = int(days[0]) if len(names) == 1 and len(days) == 1 else None
        if m.group("day_first") and len(names) == 1:
            day = int(m.group("day_first"))
        year = int(m.group("year")) if m.group("year") else None
        add(
            When(
                "date",
                m.start(),
                m.end(),
                sentence_at(m.start()),
                months=months,
                day=day,
                year=year,
            )
        )
    for m in _WEEKDAY.finditer(text):
        day_index = WEEKDAYS.index(m.group().lower())
        add(When("weekday", m.start(), m.end(), sentence_at(m.start()), weekday=day_index))
    for m in _YEAR.finditer(text):
        start = m.start("year")
        add(When("year", start, m.end(), sentence_at(start), year=int(m.group("year"))))
    for m in _RELATIVE.finditer(text):
        if m.group("which"):
            unit = m.group("unit").lower().replace("weekend", "week")
            offset = _OFFSETS[m.group("which").lower()]
        elif m.group("day"):
            unit = "day"
            offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[
                m.group("day").lower()
            ]
        else:
            unit = m.group("units").lower().rstrip("s")
            count = m.group("count").lower()
            offset = -(int(count) if count.isdigit() else _COUNTS[count])
        add(When("relative", m.start(), m.end(), sentence_at(m.start()), unit=unit, offset=offset))
    found.sort(key=lambda w: w.start)
    return found


def incompatible(x: When, y: When) -> bool:
    """No reading lets both expressions be true of one event."""
    if x.kind == "weekday" and y.kind == "weekday":
        return x.weekday != y.weekday
    if x.kind in ("date", "year") and y.kind in ("date", "year"):
        if x.year is not None and y.year is not None and x.year != y.year:
            return True
        if x.kind == "date" and y.kind == "date" and x.year == y.year:
            if not x.months & y.months:
                return True
            return (
                len(x.months) == len(y.months) == 1
                and x.day is not None
                and y.day is not None
                and x.day != y.day
            )
        return False
    if x.kind == "relative" and y.kind == "relative":
        return x.unit == y.unit and x.offset != y.offset
    for d, r in ((x, y), (y, x)):
        # a named month with no year is this year's; "last year" is not
        if d.kind == "date" and d.year is None and r.kind == "relative" and r.unit == "year":
            return r.offset != 0
    return False


@dataclass(frozen=True, slots=True)
class TimeSide:
    """One passage as the time rule reads it."""

    doc: int
    label: str
    text: str
    offset: int
    tokens: list[Token]
    times: list[When]
    names: set[str]


def _anchors(side: TimeSide, when: When, compiled: Compiled) -> dict[str, Token]:
    """Content words near a time expression, by comparison key."""
    inside = [k for k, t in enumerate(side.tokens) if when.start <= t.start < when.end]
    if not inside:
        return {}
    lo, hi = inside[0], inside[-1]
    out: dict[str, Token] = {}
    for rng in (range(lo - 1, -1, -1), range(hi + 1, len(side.tokens))):
        words = 0
        for k in rng:
            t = side.tokens[k]
            if t.sentence != when.sentence or words >= _WINDOW:
                break
            if t.kind == "punct" or t.lower in _TIME_WORDS:
                continue
            words += 1
            if content(t):
                out.setdefault(compiled.canon(t.stem), t)
    return out


def _next_to(side: TimeSide, when: When, compiled: Compiled) -> tuple[str, str]:
    """The keys of the content words right before and right after a time expression (three
    tokens at most each way, in its sentence); "" when there is none."""
    inside = [k for k, t in enumerate(side.tokens) if when.start <= t.start < when.end]
    if not inside:
        return "", ""
    found: list[str] = []
    for rng in (
        range(inside[0] - 1, max(inside[0] - 4, -1), -1),
        range(inside[-1] + 1, min(inside[-1] + 4, len(side.tokens))),
    ):
        key = ""
        for k in rng:
            t = side.tokens[k]
            if t.sentence != when.sentence:
                break
            if content(t) and t.lower not in _TIME_WORDS:
                key = compiled.canon(t.stem)
                break
        found.append(key)
    return found[0], found[1]


def time_conflicts(a: TimeSide, b: TimeSide, compiled: Compiled) -> list[Conflict]:
    """The same event placed at different times: at most one conflict per pair."""
    names = a.names | b.names
    best: tuple[int, Conflict] | None = None
    for x in a.times:
        ax = _anchors(a, x, compiled)
        for y in b.times:
            if not incompatible(x, y):
                continue
            by = _anchors(b, y, compiled)
            shared = [k for k in ax if k in by]
            # the same event: three shared words, or two with a name ("talks in Doha") or
            # with the same word right before or after ("agreed on Monday")
            if all(k in names for k in shared) or len(shared) < 2:
                continue
            if len(shared) < 3 and not any(k in names for k in shared):
                before_x, after_x = _next_to(a, x, compiled)
                before_y, after_y = _next_to(b, y, compiled)
                if not (before_x and before_x == before_y) and not (after_x and after_x == after_y):
                    continue
            # another expression of the same sentences that agrees: a different event
            if any(
                not incompatible(x2, y2)
                for x2 in a.times
                if x2.sentence == x.sentence
                for y2 in b.times
                if y2.sentence == y.sentence and _same_class(x2, y2)
            ):
                continue
            topic = ", ".join(ax[k].text for k in shared[:3])
            conflict = two_sided(
                "time", f"when ({topic})", a, (x.start, x.end), b, (y.start, y.end)
            )
            if best is None or len(shared) > best[0]:
                best = (len(shared), conflict)
    return [best[1]] if best else []


def _same_class(x: When, y: When) -> bool:
    """Two expressions that can be compared at all (a weekday and a year cannot)."""
    if x.kind == "weekday" or y.kind == "weekday":
        return x.kind == y.kind
    if x.kind == "relative" and y.kind == "relative":
        return x.unit == y.unit
    if x.kind == "relative" or y.kind == "relative":
        other = y if x.kind == "relative" else x
        rel = x if x.kind == "relative" else y
        return rel.unit == "year" and other.kind == "date" and other.year is None
    return True


__all__ = ["TimeSide", "When", "find_times", "incompatible", "time_conflicts"]
