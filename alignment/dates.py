"""Relative times ("on Tuesday", "last month", "two weeks ago") resolved against a date.

A news article says "on Tuesday" and means the Tuesday of the week it was written; two
articles published on different days can both be right with "on Tuesday" and "yesterday".
:func:`resolve_relative` turns such an expression into the span of calendar days it names,
given the article's publication date, so that the time rules can compare spans rather than
words. Pure functions over :class:`datetime.date`; nothing here reads a clock.

The reading is the past one, as news reports mostly are: "on Tuesday" is the Tuesday on or
before the publication date, "in March" the latest March not after it. Explicitly future
words ("next week", "tomorrow", "in two weeks") are read forward.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .quantities import _SMALL

DateSpan = tuple[date, date]

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
_MONTH_ABBREVIATIONS = {m[:3]: k for k, m in enumerate(MONTHS, start=1)} | {"sept": 9}
# Counts of units ("two weeks ago"): the number words of ``quantities`` up to twelve, and the
# vague ones a reader takes as about two or three.
_NUMBER_WORDS = {w: int(n) for w, n in _SMALL.items() if 1 <= n <= 12} | {
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
}

_NUMBER = (
    r"(?P<n>\d{1,3}|a couple of|a few|several|"
    + "|".join(sorted((w for w in _NUMBER_WORDS if " " not in w), key=len, reverse=True))
    + ")"
)
_UNIT = r"(?P<unit>day|week|fortnight|month|year)s?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_MONTH = (
    r"(?P<month>"
    + "|".join([*MONTHS, *sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True)])
    + r")\.?"
)

_AGO = re.compile(rf"{_NUMBER}\s+{_UNIT}\s+(?:ago|earlier|before)")
_IN_FUTURE = re.compile(rf"(?:in|within)\s+{_NUMBER}\s+{_UNIT}(?:'|’)?(?:\s+time)?")
_LAST_UNIT = re.compile(rf"(?P<which>last|past|previous|this|next|coming)\s+{_UNIT}")
_WEEKDAY_PHRASE = re.compile(
    rf"(?:(?P<which>last|this|next|this past|this coming|on|until|by)\s+)?{_WEEKDAY}"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_IN_MONTH = re.compile(
    rf"(?:(?P<which>in|last|this|next|early|late|mid|earlier in|later in)(?:\s+|-))?{_MONTH}"
)
_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH = (
    re.compile(rf"(?:on\s+)?(?:the\s+)?{_ORDINAL}(?:\s+of)?\s+{_MONTH}"),
    re.compile(rf"(?:on\s+)?{_MONTH}\s+{_ORDINAL}"),
)
_SIMPLE: dict[str, tuple[int, int] | None] = {
    "today": (0, 0),
    "this morning": (0, 0),
    "this afternoon": (0, 0),
    "this evening": (0, 0),
    "tonight": (0, 0),
    "earlier today": (0, 0),
    "yesterday": (-1, -1),
    "yesterday morning": (-1, -1),
    "yesterday afternoon": (-1, -1),
    "yesterday evening": (-1, -1),
    "last night": (-1, 0),
    "overnight": (-1, 0),
    "the day before yesterday": (-2, -2),
    "tomorrow": (1, 1),
    "the day after tomorrow": (2, 2),
    "last weekend": None,
    "over the weekend": None,
    "at the weekend": None,
    "earlier this week": None,
    "earlier this month": None,
    "earlier this year": None,
}


def _normal(expression: str) -> str:
    text = expression.lower().replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip(" .,;:!?\"'()")
    return re.sub(r"^(?:since|as of|from|during)\s+", "", text)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _month_span(year: int, month: int) -> DateSpan:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _week_span(day: date) -> DateSpan:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _unit_span(published: date, unit: str, offset: int) -> DateSpan:
    """The calendar day, week (Monday to Sunday), month or year ``offset`` units away."""
    if unit == "day":
        day = published + timedelta(days=offset)
        return day, day
    if unit == "week":
        return _week_span(published + timedelta(weeks=offset))
    if unit == "month":
        return _month_span(*_add_months(published.year, published.month, offset))
    year = published.year + offset
    return date(year, 1, 1), date(year, 12, 31)


def _unit(word: str) -> tuple[str, int]:
    """A unit word and how many of it: "fortnight" is two weeks."""
    return ("week", 2) if word == "fortnight" else (word, 1)


def _weekday(published: date, weekday: int, which: str | None, future: bool) -> DateSpan:
    back = (published.weekday() - weekday) % 7
    if future and which in (None, "on", "this"):
        # told of the future ("is expected on Tuesday"): the coming one, that day included
        day = published + timedelta(days=(weekday - published.weekday()) % 7)
    elif which in ("next", "this coming", "until", "by"):
        forward = (weekday - published.weekday()) % 7 or 7
        day = published + timedelta(days=forward)
    elif which == "last":
        day = published - timedelta(days=back or 7)
    else:  # "on Tuesday", "Tuesday", "this past Tuesday", "this Tuesday": the latest one
        day = published - timedelta(days=back)
    return day, day


def _month(published: date, month: int, which: str | None) -> DateSpan:
    if which == "next":
        year = published.year if month > published.month else published.year + 1
    elif which == "last":
        year = published.year if month < published.month else published.year - 1
    elif which == "this":
        year = published.year
    else:
        year = published.year if month <= published.month else published.year - 1
    return _month_span(year, month)


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return _MONTH_ABBREVIATIONS[word]


def _special(text: str, published: date) -> DateSpan | None:
    if text.endswith("weekend"):
        # The latest Saturday and Sunday; "last weekend" seen from a weekend is the one before.
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if text == "last weekend" and published.weekday() >= 5:
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    unit = text.removeprefix("earlier this ")
    start, _ = _unit_span(published, unit, 0)
    return start, published


def resolve_relative(expression: str, published: date, *, future: bool = False) -> DateSpan | None:
    """The calendar days a relative time names, seen from an article's publication date.

    Examples:
        >>> resolve_relative("on Tuesday", date(2024, 3, 14))  # a Thursday
        (datetime.date(2024, 3, 12), datetime.date(2024, 3, 12))
        >>> resolve_relative("last month", date(2024, 3, 14))
        (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
        >>> resolve_relative("the weather", date(2024, 3, 14)) is None
        True

    Args:
        expression: the words of the text, such as "on Tuesday", "yesterday", "last
            month", "two weeks ago", "in March", "on March 3" (case and surrounding
            punctuation do not matter).
        published: the article's publication date.
        future: the expression is told of the future ("the verdict is expected on
            Tuesday"): a bare weekday is the coming one (that day included), not the
            latest past one.

    Returns:
        The first and last day (both inclusive) the expression can mean: one day for
        "yesterday", Monday to Sunday for "last week" and "two weeks ago" (the calendar
        week holding the day 14 days back), the whole month for "last month" and "in
        March", the whole year for "last year". None when the expression is not a
        relative time this function reads (an absolute date with a year, or other words).
    """
    text = _normal(expression)
    if text in _SIMPLE:
        offsets = _SIMPLE[text]
        if offsets is None:
            return _special(text, published)
        return published + timedelta(days=offsets[0]), published + timedelta(days=offsets[1])
    found = _AGO.fullmatch(text)
    if found:
        unit, size = _unit(found["unit"])
        return _unit_span(published, unit, -_count(found["n"]) * size)
    found = _IN_FUTURE.fullmatch(text)
    if found:
        unit, size = _unit(found["unit"])
        return _unit_span(published, unit, _count(found["n"]) * size)
    found = _LAST_UNIT.fullmatch(text)
    if found:
        unit, size = _unit(found["unit"])
        step = {"last": -1, "past": -1, "previous": -1, "this": 0}.get(found["which"], 1)
        return _unit_span(published, unit, step * size)
    found = _WEEKDAY_PHRASE.fullmatch(text)
    if found:
        return _weekday(published, WEEKDAYS.index(found["weekday"]), found["which"], future)
    found = _DAY_MONTH[0].fullmatch(text) or _DAY_MONTH[1].fullmatch(text)
    if found:
        month = _month_number(found["month"])
        day = int(found["day"])
        start, end = _month(published, month, None)
        if day > end.day:
            return None
        if start.year == published.year and (month, day) > (published.month, published.day):
            start = start.replace(year=start.year - 1)
            if day > calendar.monthrange(start.year, month)[1]:
                return None
        exact = start.replace(day=day)
        return exact, exact
    found = _IN_MONTH.fullmatch(text)
    if found and (found["which"] or found["month"].rstrip(".") in MONTHS):
        # A bare "may" or "mar" is too often another word; a full month name is not.
        if found["month"].rstrip(".") == "may" and not found["which"]:
            return None
        return _month(published, _month_number(found["month"]), found["which"])
    return None


__all__ = ["DateSpan", "resolve_relative"]
