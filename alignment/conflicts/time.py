"""Time: parsed time expressions, and when two of them cannot be the time of one event.

Time expressions are parsed into comparable values: weekdays ("on Monday"), dates and
months ("July 28", "in June and September", "March 2021"), years ("in 2020") and
relative times ("last year", "this month", "yesterday", "two years ago"). Two are
*incompatible* only when no reading lets both be true: two different weekdays, disjoint
months of the same (or an unstated) year, two different years, a named month (this year by
default) against "last year". With both articles' publication dates, each expression is
resolved to the days it can mean ("on Tuesday" in an article of Thursday 5 June is 3 June)
and two times clash when those days are disjoint.

Which two times belong to one event is the claim layer's call (``negation.py``'s same-claim
test, used by ``conflicts.time_conflicts``): times are compared only within one claim.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from ..claims import HOURS, TIME_BOUNDS, WORD_CLOCK, Claim, TimeRef, same_claim
from ..dates import MONTHS, WEEKDAYS, resolve_relative
from ..lexer import Token, tokenize
from ..model import Conflict
from .view import View, conflict

_MONTH_ABBR = {m[:3]: k + 1 for k, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# A year of the last millennium or this century ("in 1347", "in 2019").
_YEAR_DIGITS = r"(?:1\d|20)\d\d"
_ONE_DATE = rf"{_MONTH_NAME}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
_DATE = re.compile(
    rf"(?:(?P<day_first>\d{{1,2}})\s+)?(?P<dates>{_ONE_DATE}(?:\s*(?:,|and|or|to|-|–)\s*{_ONE_DATE})*)"
    rf"(?:,?\s+(?P<year>{_YEAR_DIGITS})\b)?"
)
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)")
_YEAR = re.compile(
    r"\b(?:in|since|during|by|until|from|of|early|late|mid-?|spring|summer|autumn|fall|winter)"
    rf"\s+(?P<year>{_YEAR_DIGITS})\b(?![,.]\d)"
)
_RELATIVE = re.compile(
    r"\b(?P<which>last|this|next|previous|coming)\s+(?P<unit>year|month|week|weekend)\b"
    r"|\b(?P<day>yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|last night)\b"
    r"|\b(?P<count>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<units>years?|months?|weeks?|days?)\s+ago\b",
    re.IGNORECASE,
)
# A clock time: "8 p.m.", "2:30 a.m.", "14:05", "noon", "midnight", with the words that make it
# loose ("about 8 p.m.", "shortly after 2 a.m.") or open ("after 8 p.m.", "by noon").
_CLOCK = re.compile(
    r"(?P<lead>\b(?:about|around|roughly|approximately|shortly|just|soon|some|nearly|almost"
    r"|after|before|by|until|till|since|from|past)\s+(?:(?:after|before)\s+)?)?"
    r"(?:\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])\.?\s?m\b\.?"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?![:.]?\d)"
    r"|\b(?P<named>noon|midday|midnight)\b)",
    re.IGNORECASE,
)
# A part of the day, read as a loose clock time: its middle and the minutes either side it
# covers ("in the evening": 17:00 to 23:00). Morning and afternoon meet at noon, evening and
# night overlap: only parts far apart clash ("shortly after 7 a.m." / "late on Saturday
# evening", "in the morning" / "at night").
_DAY_PART = re.compile(
    r"\b(?P<part>morning|afternoon|evening|night|overnight|early hours)\b", re.IGNORECASE
)
_DAY_PARTS = {
    "morning": (510, 210),
    "afternoon": (900, 180),
    "evening": (1200, 180),
    "night": (60, 240),
    "overnight": (60, 240),
    "early hours": (150, 150),
}
# A decade: "the 1890s", "in the 1980s".
_DECADE = re.compile(r"\b(?P<decade>(?:1[89]|20)\d0)s\b")
_WORD_MINUTES = {"a quarter": 15, "quarter": 15, "half": 30, "five": 5, "ten": 10}
_WORD_MINUTES |= {"twenty": 20, "twenty-five": 25}
# Words after a clock time that put it in the afternoon or evening: "9:30 in the evening".
_LATER_HALF = re.compile(r"\s+(?:in the (?:evening|afternoon)|at night|tonight)\b", re.IGNORECASE)
# Minutes either side of a loose clock time ("about 8 p.m.") and of a stated one (rounding).
LOOSE_MINUTES = 60
STATED_MINUTES = 10
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}
_OFFSETS = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


@dataclass(frozen=True, slots=True)
class When:
    """A parsed time expression.

    Attributes:
        kind: "weekday", "date", "year", "relative" or "clock".
        start, end: offsets in the passage.
        text: the words as written ("last month").
        sentence: the sentence it is in.
        weekday: 0 (Monday) to 6, for weekdays.
        months: the months named (1 to 12), for dates.
        day: day of the month when one date is given.
        year: the year when stated (the first of a decade: "the 1890s").
        span: for years, how many the expression covers (10 for a decade).
        unit: for relative times, "year", "month", "week" or "day".
        offset: for relative times, how many units from now (-1 = last).
        minute: for clock times, minutes after midnight ("8 p.m." is 1200).
        slack: for clock times, the minutes either side it allows; -1 for a bound
            ("after 8 p.m."), which names no time of its own.
    """

    kind: str
    start: int
    end: int
    sentence: int
    text: str = ""
    weekday: int | None = None
    months: frozenset[int] = frozenset()
    day: int | None = None
    year: int | None = None
    unit: str = ""
    offset: int = 0
    minute: int | None = None
    slack: int = 0
    span: int = 1

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
        lone_may = (
            names == ["May"] and not days and not m.group("year") and not m.group("day_first")
        )
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
                m.group(),
                months=months,
                day=day,
                year=year,
            )
        )
    for m in _WEEKDAY.finditer(text):
        day_index = WEEKDAYS.index(m.group().lower())
        at = sentence_at(m.start())
        # "last Friday", "next Monday": the word before says which one
        which = re.search(r"\b(?:last|next|this past|this coming|this)\s+$", text[: m.start()])
        start = which.start() if which else m.start()
        add(When("weekday", start, m.end(), at, text[start : m.end()], weekday=day_index))
    for m in _YEAR.finditer(text):
        start = m.start("year")
        add(When("year", start, m.end(), sentence_at(start), m.group(), year=int(m.group("year"))))
    for m in _DECADE.finditer(text):
        start = m.start("decade")
        decade = int(m.group("decade"))
        add(When("year", start, m.end(), sentence_at(start), m.group(), year=decade, span=10))
    for m in WORD_CLOCK.finditer(text):
        if not (m.group("minutes") or m.group("oclock")):
            continue  # "five" alone is a number
        hour = HOURS.index(m.group("hour").lower()) + 1
        minutes = _WORD_MINUTES[m.group("minutes").lower()] if m.group("minutes") else 0
        if (m.group("dir") or "").lower() == "to":
            hour, minutes = hour - 1, 60 - minutes
        part = (m.group("part") or "").lower()
        hour %= 12
        if part and "morning" not in part:
            hour += 12
        # with no part of the day it may be morning or evening: a time that clashes with none
        slack = STATED_MINUTES if part else -1
        at = sentence_at(m.start())
        said = hour * 60 + minutes
        add(When("clock", m.start(), m.end(), at, m.group(), minute=said, slack=slack))
    for m in _RELATIVE.finditer(text):
        if m.group("which"):
            unit = m.group("unit").lower().replace("weekend", "week")
            offset = _OFFSETS[m.group("which").lower()]
        elif m.group("day"):
            unit = "day"
            day_word = m.group("day").lower()
            offset = (
                -1
                if day_word in ("yesterday", "last night")
                else 1
                if day_word == "tomorrow"
                else 0
            )
        else:
            unit = m.group("units").lower().rstrip("s")
            count = m.group("count").lower()
            offset = -(int(count) if count.isdigit() else _COUNTS[count])
        at = sentence_at(m.start())
        add(When("relative", m.start(), m.end(), at, m.group(), unit=unit, offset=offset))
    for m in _CLOCK.finditer(text):
        minute = _minute_of(m)
        if minute is None:
            continue
        lead = (m.group("lead") or "").lower().split()
        if not lead:
            slack = STATED_MINUTES
        elif len(lead) == 1 and lead[0] in TIME_BOUNDS:
            slack = -1  # "after 8 p.m.", "by noon": a bound
        else:
            slack = LOOSE_MINUTES  # "about 8 p.m.", "shortly after 2 a.m."
        at = sentence_at(m.start())
        add(When("clock", m.start(), m.end(), at, m.group(), minute=minute, slack=slack))
    for m in _DAY_PART.finditer(text):
        middle, slack = _DAY_PARTS[m.group("part").lower()]
        at = sentence_at(m.start())
        add(When("clock", m.start(), m.end(), at, m.group(), minute=middle, slack=slack))
    found.sort(key=lambda w: w.start)
    return found


def _minute_of(m: re.Match[str]) -> int | None:
    """Minutes after midnight of a clock time match; None for an impossible one ("13 p.m.")."""
    if m.group("named"):
        return 0 if m.group("named").lower() == "midnight" else 12 * 60
    if m.group("h24") is not None:
        hour, minute = int(m.group("h24")), int(m.group("m24"))
        if hour < 12 and _LATER_HALF.match(m.string, m.end()):
            hour += 12  # "9:30 in the evening"
        return hour * 60 + minute
    hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour %= 12
    if m.group("half").lower() == "p":
        hour += 12
    return hour * 60 + minute


def clocks_clash(x: When, y: When) -> bool:
    """Two clock times of one day that cannot be one moment: further apart than both allow
    ("8 p.m." / "10 p.m."; not "about 8 p.m." / "8:30 p.m."; never a bound, "after 8 p.m.");
    measured round the clock ("11:50 p.m." / "12:05 a.m." are 15 minutes apart)."""
    if x.minute is None or y.minute is None or x.slack < 0 or y.slack < 0:
        return False
    apart = abs(x.minute - y.minute)
    return min(apart, 24 * 60 - apart) > x.slack + y.slack


def incompatible(x: When, y: When) -> bool:
    """No reading lets both expressions be true of one event."""
    if x.kind == "clock" or y.kind == "clock":
        return x.kind == y.kind and clocks_clash(x, y)
    if x.kind == "weekday" and y.kind == "weekday":
        return x.weekday != y.weekday
    if x.kind in ("date", "year") and y.kind in ("date", "year"):
        if (
            x.year is not None
            and y.year is not None
            and (x.year + x.span <= y.year or y.year + y.span <= x.year)
        ):
            return True  # two years, or a year outside a decade ("the 1890s" / 1904)
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
        # two articles may be of two days: "this morning" and "yesterday" clash only
        # against publication dates (``times_clash``)
        return x.unit == y.unit and x.unit not in ("day", "week") and x.offset != y.offset
    for d, r in ((x, y), (y, x)):
        # a named month with no year is this year's; "last year" is not
        if d.kind == "date" and d.year is None and r.kind == "relative" and r.unit == "year":
            return r.offset != 0
    return False


def resolve(
    when: When, published: dt.date, *, future: bool = False
) -> tuple[dt.date, dt.date] | None:
    """The days an expression can mean, read against the article's publication date: weekdays
    and relative times as ``dates.resolve_relative`` reads them ("on Tuesday" is the Tuesday
    of the week up to that date, "last month" the month before), a month without a year the
    latest such month up to the date. None when it names no day."""
    if when.kind in ("weekday", "relative"):
        return resolve_relative(when.text, published, future=future)
    if when.kind == "year" and when.year is not None:
        return dt.date(when.year, 1, 1), dt.date(when.year + when.span - 1, 12, 31)
    if when.kind == "date" and when.months:
        if when.year is not None:
            year = when.year
        else:
            # a month named without a year: the latest one up to the date of the article
            latest = max(when.months)
            year = published.year if latest <= published.month else published.year - 1
        first, last = min(when.months), max(when.months)
        if when.day is not None and len(when.months) == 1:
            try:
                day = dt.date(year, first, when.day)
            except ValueError:
                return None
            return day, day
        return dt.date(year, first, 1), _month_end(year, last)
    return None


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def read_time(text: str, start: int) -> When | None:
    """The first time expression of ``text`` (a claim's time words), offsets moved by
    ``start``."""
    found = find_times(text, tokenize(text))
    if not found and re.fullmatch(_MONTH_NAME, text.strip()):
        # the parser's date entity of "in May" is the month alone (not the verb "may")
        found = find_times(f"in {text.strip()}", tokenize(f"in {text.strip()}"))
        start -= 3 - (len(text) - len(text.lstrip()))
    if not found and re.fullmatch(_YEAR_DIGITS, text.strip()):
        # the parser's date entity of "in 2019" is the year alone
        return When("year", start, start + len(text), 0, text.strip(), year=int(text.strip()))
    if not found:
        return None
    w = found[0]
    return dataclasses.replace(w, start=w.start + start, end=w.end + start)


def time_order(wa: When, wb: When, pa: dt.date | None, pb: dt.date | None) -> int:
    """+1 when ``wb`` is after ``wa``, -1 when before, 0 when it cannot be told: resolved
    against the articles' dates when both are known, else as written (two weekdays of one
    week, two years, two months of one year)."""
    if wa.kind == wb.kind == "clock" and wa.minute is not None and wb.minute is not None:
        if wa.slack < 0 or wb.slack < 0 or not clocks_clash(wa, wb):
            return 0
        return 1 if wb.minute > wa.minute else -1
    if pa is not None and pb is not None:
        ra, rb = resolve(wa, pa), resolve(wb, pb)
        if ra is not None and rb is not None:
            return 1 if rb[0] > ra[1] else -1 if ra[0] > rb[1] else 0
    if wa.kind == wb.kind == "weekday" and wa.weekday is not None and wb.weekday is not None:
        return 0 if wa.weekday == wb.weekday else 1 if wb.weekday > wa.weekday else -1
    if wa.year is not None and wb.year is not None and wa.year != wb.year:
        return 1 if wb.year > wa.year else -1
    if wa.kind == wb.kind == "date" and wa.months and wb.months and wa.year == wb.year:
        if max(wa.months) < min(wb.months):
            return 1
        if max(wb.months) < min(wa.months):
            return -1
    return 0


def times_clash(
    x: When,
    y: When,
    px: dt.date | None,
    py: dt.date | None,
    future: tuple[bool, bool] = (False, False),
) -> bool:
    """Two times that cannot be the time of one event; resolved against the articles' dates
    when both are known (a weekday of a claim told of the future is the coming one), else
    compared as written."""
    if x.kind == "clock" or y.kind == "clock":
        return incompatible(x, y)
    if px is not None and py is not None:
        rx, ry = resolve(x, px, future=future[0]), resolve(y, py, future=future[1])
        if rx is not None and ry is not None:
            return rx[1] < ry[0] or ry[1] < rx[0]
    return incompatible(x, y)


def time_conflicts(a: View, b: View, *, loose: bool = False) -> list[Conflict]:
    """One claim placed at two times that cannot both hold: the same predication (see
    ``claims.same_claim``), affirmed and firm in both, each with a time bound to it. Days are
    compared first; the clock only when no two days clash ("2 a.m. on Sunday" / "11 p.m. on
    Sunday"). Two verbs of one occurrence ("the quake struck" / "the quake hit") meet only
    when the passages are not ``loose``ly alike: a story tells of other quakes too."""
    out: list[Conflict] = []
    seen: set[str] = set()
    timed_b = [(cb, _whens(cb)) for cb in b.reading.claims if cb.times and _firm(cb)]
    for ca in a.reading.claims:
        if not ca.times or not _firm(ca):
            continue
        times_a = _whens(ca)
        for cb, times_b in timed_b:
            if ca.key in seen or not (
                same_claim(ca, cb) or (not loose and _one_occurrence(a, ca, b, cb))
            ):
                continue
            clash = _days_then_clocks(times_a, times_b, a, b, (ca.future, cb.future))
            if clash is None or _agrees_elsewhere(a, ca, b, cb) or _agrees_elsewhere(b, cb, a, ca):
                continue
            if _counts_apart(a, ca, b, cb):
                continue  # "sold 62,000 tickets this year" / "48,000 last year": two editions
            seen.add(ca.key)
            out.append(_when(f"when ({_what(a, ca)})", a, b, clash))
    return out if out else _event_conflicts(a, b)


def _event_conflicts(a: View, b: View) -> list[Conflict]:
    """One event named by a noun, placed at two times: "the runoff will be held on 9
    November" / "voters return to the polls for the runoff on 16 November", "a verdict is
    due on Thursday" / "will deliver its verdict on Tuesday". One of the two clauses must say
    when the event is (``Claim.event_placed``): two clauses that tell what happens at an
    event ("played a concert on Monday" / "played a concert on Friday") may tell two."""
    for ca in a.reading.claims:
        for cb in b.reading.claims:
            if not _one_event(ca, cb):
                continue
            clash = _days_then_clocks(
                read_times(ca.event_times),
                read_times(cb.event_times),
                a,
                b,
                (ca.future, cb.future),
            )
            if clash is not None:
                return [_when(f"when ({a.said(*ca.event_span).lower()})", a, b, clash)]
    return []


def read_times(times: tuple[TimeRef, ...]) -> list[When]:
    """The times that read as times."""
    return [w for t in times if (w := read_time(t.text, t.start)) is not None]


def days_and_clocks(whens: list[When]) -> tuple[list[When], list[When]]:
    """Times split into days (dates, weekdays, years...) and clock times or parts of a day:
    a day clashes before an hour does."""
    return [w for w in whens if w.kind != "clock"], [w for w in whens if w.kind == "clock"]


def _days_then_clocks(
    times_a: list[When], times_b: list[When], a: View, b: View, future: tuple[bool, bool]
) -> tuple[When, When] | None:
    """The first clash of two claims' days, resolved against the articles' dates; on the
    same day, or none told, of their clock times and parts of the day ("shortly after 7
    a.m." / "late on Saturday evening")."""
    days_a, clocks_a = days_and_clocks(times_a)
    days_b, clocks_b = days_and_clocks(times_b)
    clash = _first_clash(days_a, days_b, a.published, b.published, future)
    return clash if clash is not None else _first_clash(clocks_a, clocks_b, None, None)


def _what(view: View, claim: Claim) -> str:
    """What a time conflict is about: the event the clause places, as written ("went on
    strike": strike; "held talks": talks), else the clause's verb."""
    if claim.event_placed and claim.event_span != (0, 0):
        return view.said(*claim.event_span).lower()
    return claim.predicate


def _when(topic: str, a: View, b: View, clash: tuple[When, When]) -> Conflict:
    wa, wb = clash
    return conflict(
        "time", topic, a, (wa.start, wa.end), b, (wb.start, wb.end), "one event, two times"
    )


def _one_event(x: Claim, y: Claim) -> bool:
    """Two firm clauses timing one event: the same noun, one of them placing it, and words
    that tell no two events apart ("the first round" / "the runoff"; "the Ulden summit" /
    "the Brussels summit")."""
    if not (x.event and y.event and x.event_times and y.event_times):
        return False
    if x.event[0] != y.event[0] or not (x.event_placed or y.event_placed):
        return False
    if x.event_aspect != y.event_aspect:
        return False  # "the strike began on Monday" / "the strike ended on Friday"
    if not (_firm(x) and _firm(y)):
        return False
    rest_x, rest_y = set(x.event[1:]), set(y.event[1:])
    if (rest_x ^ rest_y) & _ONE_OF_SEVERAL:
        return False
    return not (rest_x and rest_y and not rest_x & rest_y)


# Predicate keys that say an event took place, whose subject names the event ("the stabbing
# happened", "took place"; "the quake struck", "hit").
_OCCURRENCE = frozenset({"happen", "occur", "strik", "hit", "erupt", "unfold"})


# Words that pick one event of several ("the first quake", "another blast").
_ONE_OF_SEVERAL = frozenset(
    {"first", "second", "third", "fourth", "latest", "earlier", "later", "another", "new"}
    | {"previous", "last", "next", "final", "initial", "main", "strongest", "biggest"}
)


def _occurs(c: Claim) -> bool:
    return c.key in _OCCURRENCE or (c.key == "take" and c.object == "plac")


def _one_occurrence(a: View, x: Claim, b: View, y: Claim) -> bool:
    """Two claims that an event took place, told by two verbs ("the stabbing happened" /
    "the stabbing took place", "the earthquake struck" / "the quake hit"): one event when
    their subjects name one thing."""
    if not (_occurs(x) and _occurs(y)) or not (x.subject and y.subject):
        return False
    said_x = set(a.said(*x.subject_span).lower().split())
    said_y = set(b.said(*y.subject_span).lower().split())
    if (said_x ^ said_y) & _ONE_OF_SEVERAL:
        return False  # "the first quake struck at 4:43" / "the quake struck at 7:48"
    heads = (x.subject, y.subject)
    return (
        heads[0].endswith(heads[1])
        or heads[1].endswith(heads[0])
        or bool(set(x.subject_words) & set(y.subject_words))
    )


def _counts_apart(x: View, cx: Claim, y: View, cy: Claim) -> bool:
    """Each claim counts what it acts on, of one measure, and the two counts differ: two
    occurrences told at their times ("sold 62,000 tickets this year" / "48,000 tickets last
    year"), not one placed twice ("sank on Sunday with 18 crew" / "on Tuesday with 22")."""
    ix = next((k for k, c in enumerate(x.reading.claims) if c is cx), -1)
    iy = next((k for k, c in enumerate(y.reading.claims) if c is cy), -1)
    xs = [f for f in x.reading.figures if f.claim == ix >= 0 and f.counted == cx.object != ""]
    ys = [f for f in y.reading.figures if f.claim == iy >= 0 and f.counted == cy.object != ""]
    return any(
        set(f.measure) & set(g.measure) and f.unit == g.unit and f.low != g.low
        for f in xs
        for g in ys
    )


def _agrees_elsewhere(x: View, cx: Claim, y: View, cy: Claim) -> bool:
    """Passage x tells the claim at two times, one of them cy's ("will close 40 shops this
    year, after closing 25 last year" against "will close 36 shops this year"): two events,
    one of which y tells at the same time."""
    whens_y = [w for w in _whens(cy) if w.kind != "clock"]
    for other in x.reading.claims:
        if other is cx or other.key != cx.key or not other.times or not same_claim(other, cy):
            continue
        mine = [w for w in _whens(other) if w.kind != "clock"]
        pair = (other.future, cy.future)
        if any(
            not times_clash(w, v, x.published, y.published, pair) for w in mine for v in whens_y
        ):
            return True
    return False


def _whens(c: Claim) -> list[When]:
    """A claim's times, less a weekday its date names again ("on Saturday, 3 August" is
    told by its date: without the articles' dates a weekday agrees with any date)."""
    whens = read_times(c.times)
    return [
        w
        for w in whens
        if not (
            w.kind == "weekday"
            and any(
                d.kind == "date" and d.day is not None and 0 <= d.start - w.end <= 2 for d in whens
            )
        )
    ]


def _first_clash(
    xs: list[When],
    ys: list[When],
    px: dt.date | None,
    py: dt.date | None,
    future: tuple[bool, bool] = (False, False),
) -> tuple[When, When] | None:
    """The first two times that clash, unless some time of one agrees with one of the other
    ("this year, after 90 cases last year" meets "this year")."""
    if any(not times_clash(x, y, px, py, future) for x in xs for y in ys):
        return None
    return next(((x, y) for x in xs for y in ys if times_clash(x, y, px, py, future)), None)


def _firm(c: Claim) -> bool:
    return not (c.negated or c.hedged or c.conditional or c.reporting)


__all__ = [
    "When",
    "clocks_clash",
    "find_times",
    "incompatible",
    "read_time",
    "resolve",
    "time_conflicts",
    "times_clash",
]
