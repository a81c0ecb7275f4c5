"""alignment.dates.resolve_relative: relative times read against a publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignment.dates import resolve_relative

THU = date(2024, 3, 14)  # a Thursday in a leap year
MON_JAN = date(2024, 1, 8)  # a Monday early in the year
SUN = date(2024, 3, 17)


def d(month: int, day: int, year: int = 2024) -> date:
    return date(year, month, day)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        pytest.param("today", THU, (THU, THU), id="today"),
        pytest.param("yesterday", THU, (d(3, 13), d(3, 13)), id="yesterday"),
        pytest.param("Yesterday,", THU, (d(3, 13), d(3, 13)), id="case-and-punctuation"),
        pytest.param("last night", THU, (d(3, 13), THU), id="last-night"),
        pytest.param("the day before yesterday", THU, (d(3, 12), d(3, 12)), id="day-before"),
        pytest.param("tomorrow", THU, (d(3, 15), d(3, 15)), id="tomorrow"),
        pytest.param("on Tuesday", THU, (d(3, 12), d(3, 12)), id="weekday-before"),
        pytest.param("on Thursday", THU, (THU, THU), id="weekday-same-day"),
        pytest.param("on Friday", THU, (d(3, 8), d(3, 8)), id="weekday-last-week"),
        pytest.param("Tuesday night", THU, (d(3, 12), d(3, 12)), id="weekday-part-of-day"),
        pytest.param("last Thursday", THU, (d(3, 7), d(3, 7)), id="last-weekday-not-today"),
        pytest.param("next Tuesday", THU, (d(3, 19), d(3, 19)), id="next-weekday"),
        pytest.param("on Monday", MON_JAN, (MON_JAN, MON_JAN), id="monday-on-monday"),
        pytest.param("on Sunday", MON_JAN, (d(1, 7), d(1, 7)), id="sunday-from-monday"),
        pytest.param("last week", THU, (d(3, 4), d(3, 10)), id="last-week-mon-sun"),
        pytest.param("this week", THU, (d(3, 11), d(3, 17)), id="this-week"),
        pytest.param("two weeks ago", THU, (d(2, 26), d(3, 3)), id="two-weeks-ago"),
        pytest.param("a fortnight ago", THU, (d(2, 26), d(3, 3)), id="fortnight"),
        pytest.param("3 days ago", THU, (d(3, 11), d(3, 11)), id="days-ago-digits"),
        pytest.param("a few days earlier", THU, (d(3, 11), d(3, 11)), id="a-few-days"),
        pytest.param("last month", THU, (d(2, 1), d(2, 29)), id="last-month-leap"),
        pytest.param("last month", MON_JAN, (d(12, 1, 2023), d(12, 31, 2023)), id="month-wraps"),
        pytest.param("this month", THU, (d(3, 1), d(3, 31)), id="this-month"),
        pytest.param("next month", d(12, 5), (d(1, 1, 2025), d(1, 31, 2025)), id="next-month"),
        pytest.param("two months ago", MON_JAN, (d(11, 1, 2023), d(11, 30, 2023)), id="months"),
        pytest.param("last year", THU, (d(1, 1, 2023), d(12, 31, 2023)), id="last-year"),
        pytest.param("three years ago", THU, (d(1, 1, 2021), d(12, 31, 2021)), id="years-ago"),
        pytest.param("in March", THU, (d(3, 1), d(3, 31)), id="in-this-month"),
        pytest.param("in March", MON_JAN, (d(3, 1, 2023), d(3, 31, 2023)), id="in-march-past"),
        pytest.param("in February", THU, (d(2, 1), d(2, 29)), id="in-earlier-month"),
        pytest.param("last March", THU, (d(3, 1, 2023), d(3, 31, 2023)), id="last-march"),
        pytest.param("next March", THU, (d(3, 1, 2025), d(3, 31, 2025)), id="next-march"),
        pytest.param("early March", THU, (d(3, 1), d(3, 31)), id="early-month"),
        pytest.param("mid-February", THU, (d(2, 1), d(2, 29)), id="mid-month"),
        pytest.param("on March 3", THU, (d(3, 3), d(3, 3)), id="month-day"),
        pytest.param("on 3 March", THU, (d(3, 3), d(3, 3)), id="day-month"),
        pytest.param("the 20th of March", THU, (d(3, 20, 2023), d(3, 20, 2023)), id="day-ahead"),
        pytest.param("Feb. 29", d(3, 1, 2025), None, id="no-such-day-that-year"),
        pytest.param("in two weeks", THU, (d(3, 25), d(3, 31)), id="in-two-weeks"),
        pytest.param("earlier this week", THU, (d(3, 11), THU), id="earlier-this-week"),
        pytest.param("earlier this month", THU, (d(3, 1), THU), id="earlier-this-month"),
        pytest.param("last weekend", THU, (d(3, 9), d(3, 10)), id="last-weekend"),
        pytest.param("last weekend", SUN, (d(3, 9), d(3, 10)), id="last-weekend-on-sunday"),
        pytest.param("over the weekend", SUN, (d(3, 16), d(3, 17)), id="over-the-weekend"),
        pytest.param("since Tuesday", THU, (d(3, 12), d(3, 12)), id="since"),
        pytest.param("may", THU, None, id="bare-may-is-a-verb"),
        pytest.param("in May", THU, (d(5, 1, 2023), d(5, 31, 2023)), id="in-may"),
        pytest.param("March 2023", THU, None, id="absolute-month-year"),
        pytest.param("the weather", THU, None, id="not-a-time"),
        pytest.param("", THU, None, id="empty"),
    ],
)
def test_resolve_relative(expression, published, expected):
    assert resolve_relative(expression, published) == expected


@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    expression=st.sampled_from(
        [
            "yesterday",
            "on Tuesday",
            "on Sunday",
            "last week",
            "last month",
            "two weeks ago",
            "in March",
            "in December",
            "last year",
            "last weekend",
            "on March 3",
        ]
    ),
)
def test_past_expressions_start_on_or_before_the_date(published, expression):
    span = resolve_relative(expression, published)
    assert span is not None
    start, end = span
    assert start <= end
    assert start <= published
    if expression not in ("in March", "in December"):  # the current month may go on
        assert end <= published
    # and not absurdly far back: "last year" seen from December 31 starts two years back
    assert published - start <= timedelta(days=2 * 366)


def test_the_docstring_examples_hold():
    import doctest

    import alignment.dates

    assert doctest.testmod(alignment.dates).failed == 0
