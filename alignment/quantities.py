"""Numbers: the same quantity reported differently.

Every figure is parsed into a range of values: digits with separators ("2,000", "2.4"),
money and scale words ("$15 million", "$2bn"), percentages ("52%", "52 percent"), written
numbers ("twenty-one", "two dozen", "three hundred"), vague amounts ("dozens", "thousands",
"hundreds of thousands") and qualifiers ("approximately", "about", "over", "more than",
"at least", "close to", "up to", "or more"). A bare number is exact up to its rounding
("52" is 51.5 to 52.5); "about 2,000" is 1,800 to 2,200; "over 2,400" is 2,400 and up.

What a figure counts, and whether two figures are of one quantity, is the claim layer's
(``claims.py``) and the figure rule's (``conflicts/figures.py``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexer import Token, tokenize, word_set

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    word: n
    for n, word in enumerate(
        [
            *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"),
            *("ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"),
            *("fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"),
        ],
        start=1,
    )
}
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")


def ordinal(word: str) -> int | None:
    """The rank an ordinal word tells ("second" and "2nd": 2), None for any other word
    (folded words in)."""
    if word in _ORDINALS:
        return _ORDINALS[word]
    digits = _ORDINAL_DIGITS.fullmatch(word)
    return int(digits.group(1)) if digits else None


def spelled_alike(word: str) -> str:
    """One spelling of a number word, so that words told in figures or letters meet:
    "eleven" and "11" -> "11"; "eleventh" and "11th" -> "11th"; other words unchanged
    (folded words in, as the quote rule reads them)."""
    if word in _SMALL:
        return str(_SMALL[word])
    if word in _ORDINALS:
        return f"{_ORDINALS[word]}th"
    digits = _ORDINAL_DIGITS.fullmatch(word)
    return f"{digits.group(1)}th" if digits else word


_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1e9}
# Vague plurals: (low, high) of what a reader may take them to mean, kept wide on purpose.
_VAGUE = {
    "dozens": (13.0, 144.0),
    "scores": (40.0, 200.0),
    "hundreds": (100.0, 1_000.0),
    "thousands": (1_000.0, 100_000.0),
    "millions": (1_000_000.0, 1e9),
    "billions": (1e9, 1e12),
}
_VAGUE_OF = {  # "tens of thousands", "hundreds of thousands"
    ("tens", "thousands"): (10_000.0, 100_000.0),
    ("hundreds", "thousands"): (100_000.0, 1_000_000.0),
    ("tens", "millions"): (10_000_000.0, 100_000_000.0),
    ("hundreds", "millions"): (100_000_000.0, 1e9),
}
# A vague number of a scale's units: "several hundred" (200 to 999), "a few thousand".
_FEW = {("several",): (2.0, 9.99), ("a", "few"): (2.0, 9.99)}
_CURRENCY = {"$": "$", "€": "€", "£": "£", "¥": "¥"}
_CURRENCY_WORDS = {
    "dollar": "$",
    "dollars": "$",
    "euro": "€",
    "euros": "€",
    "pound": "£",
    "pounds": "£",
}
# Qualifiers before a figure and how they turn a value into a range.
_QUALIFIERS: dict[tuple[str, ...], str] = {
    **dict.fromkeys(
        [
            ("approximately",),
            ("about",),
            ("around",),
            ("roughly",),
            ("some",),
            ("estimated",),
            ("an", "estimated"),
            ("circa",),
            ("approx",),
            ("nearly", "about"),
            ("or", "so"),
        ],
        "about",
    ),
    **dict.fromkeys(
        [
            ("nearly",),
            ("almost",),
            ("close", "to"),
            ("just", "under"),
            ("just", "shy", "of"),
            ("just", "below"),
            ("shy", "of"),
        ],
        "nearly",
    ),
    **dict.fromkeys(
        [
            ("just", "over"),
            ("just", "above"),
            ("slightly", "more", "than"),
            ("just", "more", "than"),
        ],
        "just over",
    ),
    **dict.fromkeys(
        [
            ("over",),
            ("more", "than"),
            ("above",),
            ("at", "least"),
            ("in", "excess", "of"),
            ("upwards", "of"),
            ("no", "fewer", "than"),
            ("no", "less", "than"),
            ("not", "less", "than"),
            ("a", "minimum", "of"),
            ("exceeding",),
            ("well", "over"),
            ("well", "above"),
            ("greater", "than"),
        ],
        "min",
    ),
    **dict.fromkeys(
        [
            ("under",),
            ("less", "than"),
            ("fewer", "than"),
            ("below",),
            ("at", "most"),
            ("up", "to"),
            ("no", "more", "than"),
            ("not", "more", "than"),
            ("as", "many", "as"),
            ("as", "much", "as"),
            ("a", "maximum", "of"),
        ],
        "max",
    ),
}
_SUFFIX_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "min",
    ("plus",): "min",
    ("+",): "min",
    ("or", "so"): "about",
    ("or", "fewer"): "max",
    ("or", "less"): "max",
}
_APPROX = 0.15  # "about 30" is 30 give or take 15%: 34 is about 30 to a reader, 40 is not
# A plain figure stands for what rounds to it; a little under half a unit, so that 21 and 22
# do not touch.
_ROUNDING = 0.45
_MONTH_WORDS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure of a passage, as a range.

    Attributes:
        low, high: the values it allows (``high`` may be ``math.inf``).
        unit: "%", a currency sign, or "" for a count.
        start, end: offsets of the whole expression (qualifier included) in the passage.
        first, last: its first and last token.
        qualifier: how it was qualified ("about", "nearly", "just over", "min", "max",
            "vague" or "" for a plain figure).
    """

    low: float
    high: float
    unit: str
    start: int
    end: int
    first: int
    last: int
    qualifier: str = ""


def _attached(tokens: list[Token], i: int, j: int) -> bool:
    """Tokens ``i`` and ``j`` touch (no space between them)."""
    return 0 <= i < len(tokens) and 0 <= j < len(tokens) and tokens[i].end == tokens[j].start


def _digits(token: Token) -> tuple[float, float] | None:
    """The value of a digit token and half its last unit (its rounding)."""
    raw = token.text.replace(",", "")
    if raw.count(".") > 1:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return value, _ROUNDING * 10.0**-decimals


def _written(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A written number at token ``i``: (value, tokens used); "one" alone is not a number."""
    total = 0.0
    current = 0.0
    used = 0
    seen_scale = False
    k = i
    while k < len(tokens) and tokens[k].kind == "word":
        parts = tokens[k].lower.split("-")
        if all(p in _SMALL for p in parts) and (len(parts) == 1 or parts[0] in _SMALL):
            current += sum(_SMALL[p] for p in parts)
        elif tokens[k].lower in ("a", "an") and used == 0:
            if k + 1 < len(tokens) and tokens[k + 1].lower in _SCALES:
                current = 1
            else:
                break
        elif tokens[k].lower == "half" and used == 0:
            # "half a dozen", "half a million"
            if (
                k + 2 < len(tokens)
                and tokens[k + 1].lower == "a"
                and tokens[k + 2].lower in _SCALES
            ):
                total += 0.5 * _SCALES[tokens[k + 2].lower]
                return total, 3
            break
        elif tokens[k].lower in _SCALES and (used > 0):
            scale = _SCALES[tokens[k].lower]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            seen_scale = True
        elif tokens[k].lower == "and" and used > 0 and k + 1 < len(tokens):
            if tokens[k + 1].lower.split("-")[0] not in _SMALL:
                break
        else:
            break
        used = k - i + 1
        k += 1
    value = total + current
    if used == 0 or value == 0:
        return None
    if used == 1 and tokens[i].lower == "one" and not seen_scale:
        return None
    return value, used


def _core(tokens: list[Token], i: int) -> tuple[float, float, str, int, str] | None:
    """The figure starting at token ``i``: (value, rounding, unit, last token, vague or "")."""
    t = tokens[i]
    unit = ""
    k = i
    if t.text in _CURRENCY and k + 1 < len(tokens) and tokens[k + 1].kind == "num":
        unit = _CURRENCY[t.text]
        k += 1
        t = tokens[k]
    if t.kind == "num":
        parsed = _digits(t)
        if parsed is None:
            return None
        value, half = parsed
        last = k
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == "word":
            if nxt.lower in _SCALES and nxt.lower != "dozen":
                value *= _SCALES[nxt.lower]
                half *= _SCALES[nxt.lower]
                last = k + 1
            elif _attached(tokens, k, k + 1) and nxt.lower in _SUFFIX_SCALES:
                value *= _SUFFIX_SCALES[nxt.lower]
                half *= _SUFFIX_SCALES[nxt.lower]
                last = k + 1
            elif _attached(tokens, k, k + 1):
                return None  # "28th", "3D"
        return value, half, unit, last, ""
    if t.kind != "word":
        return None
    two = (t.lower, tokens[k + 2].lower) if k + 2 < len(tokens) else ("", "")
    if k + 2 < len(tokens) and tokens[k + 1].lower == "of" and two in _VAGUE_OF:
        low, high = _VAGUE_OF[two]
        return low, high, unit, k + 2, "vague"
    if t.lower in _VAGUE:
        low, high = _VAGUE[t.lower]
        return low, high, unit, k, "vague"
    for words, (low, high) in _FEW.items():
        scale = k + len(words)
        if scale < len(tokens) and tuple(x.lower for x in tokens[k:scale]) == words:
            size = _SCALES.get(tokens[scale].lower)
            if size is not None:
                return low * size, high * size, unit, scale, "vague"
    written = _written(tokens, k)
    if written is None:
        return None
    value, used = written
    return value, _ROUNDING, unit, k + used - 1, ""


def _qualifier(tokens: list[Token], first: int) -> tuple[str, int]:
    """The qualifier that ends just before token ``first``: (mode, its first token)."""
    best = ("", first)
    for phrase, mode in _QUALIFIERS.items():
        n = len(phrase)
        if first - n < 0:
            continue
        if all(tokens[first - n + j].lower == phrase[j] for j in range(n)) and n > first - best[1]:
            best = (mode, first - n)
    return best


def _suffix(tokens: list[Token], last: int) -> tuple[str, int]:
    """A qualifier right after a figure ("or more", "-plus"): (mode, its last token)."""
    for phrase, mode in _SUFFIX_QUALIFIERS.items():
        n = len(phrase)
        k = last + 1
        if phrase == ("plus",) and k < len(tokens) and tokens[k].text == "-":
            k += 1
        if k + n <= len(tokens) and all(tokens[k + j].lower == phrase[j] for j in range(n)):
            return mode, k + n - 1
    return "", last


_AGE_WORDS = word_set("year-old years-old year-olds month-old week-old day-old")


def _is_age(tokens: list[Token], last: int) -> bool:
    """A figure that gives someone's age: "15-year-old", "15 years old", "aged 15"."""
    k = last + 1
    while k < len(tokens) and tokens[k].text in "-–":
        k += 1
    if k < len(tokens) and tokens[k].lower in _AGE_WORDS:
        return True
    unit = k < len(tokens) and tokens[k].lower in ("year", "years")
    return unit and k + 1 < len(tokens) and tokens[k + 1].lower == "old"


def _is_date_or_year(tokens: list[Token], i: int, last: int, value: float, plain: bool) -> bool:
    t = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if prev is not None and prev.capitalised and prev.lower.rstrip(".") in _MONTH_WORDS:
        return True  # "July 28"
    before = tokens[i - 2] if i > 1 else None
    month = before is not None and before.capitalised and before.lower in _MONTH_WORDS
    if prev is not None and prev.text == "." and month:
        return True  # "Dec. 6"
    if _is_age(tokens, last):
        return True  # "15-year-old", "15 years old": an age, not a count
    if nxt is not None and nxt.capitalised and nxt.lower.rstrip(".") in _MONTH_WORDS:
        return True  # "28 July" (but not "500 may have died")
    if nxt is not None and nxt.text == ":" and _attached(tokens, last, last + 1):
        return True  # "10:30"
    if nxt is not None and nxt.lower in ("a.m.", "p.m.", "am", "pm"):
        return True
    if prev is not None and prev.text in "-/:" and _attached(tokens, i - 1, i):
        return True  # "COVID-19", "2023/24", "10:30"
    return (
        plain
        and t.kind == "num"
        and "," not in t.text
        and 1800 <= value <= 2199
        and (value == int(value))
    )


def parse_quantities(text: str, tokens: list[Token] | None = None) -> list[Quantity]:
    """Every figure of ``text`` as a range, in order.

    >>> [(round(q.low, 2), q.unit) for q in parse_quantities("about 2,000 people and 52%")]
    [(1800.0, ''), (51.55, '%')]
    """
    tokens = tokens if tokens is not None else tokenize(text)
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        core = _fraction(tokens, i) or _core(tokens, i)
        if core is None:
            i += 1
            continue
        value, spread, unit, last, vague = core
        mode, first = _qualifier(tokens, i)
        unit, last = _unit_after(tokens, last, unit)
        plain = not mode and not unit and not vague and last == i
        if _is_date_or_year(tokens, i, last, value, plain):
            i = last + 1
            continue
        if vague:
            low, high = value, spread
            mode = mode or "vague"
        else:
            low, high = value - spread, value + spread
        # "between 10 and 20", "10 to 20", "10-20": a range when it goes up
        joined = _range_end(tokens, last, first)
        if joined is not None and not vague:
            end_value, end_spread, end_unit, end_last, end_scale = joined
            if end_scale > 1 and not _SCALES.get(tokens[last].lower) and value < 1_000:
                # "between 40 and 60 million": the scale word serves both ends
                value, spread = value * end_scale, spread * end_scale
            if end_value > value and (end_unit == unit or not unit or not end_unit):
                unit = unit or end_unit
                low, high, last = value - spread, end_value + end_spread, end_last
                mode = mode if mode in ("about",) else "range"
                if first > 0 and tokens[first - 1].lower in ("between", "from"):
                    first -= 1
        suffix_mode, last = _suffix(tokens, last)
        mode = suffix_mode or mode
        low, high = _apply(mode, value if not vague else low, low, high, bool(vague))
        if unit == "%":
            high = min(high, 100.0)
        out.append(
            Quantity(low, high, unit, tokens[first].start, tokens[last].end, first, last, mode)
        )
        i = last + 1
    return _currency_carried(out, tokens)


# Words that may follow a sum told bare: "a profit of 96 million for the year".
_AFTER_A_SUM = frozenset(
    "for in on and at to from of or but as while with after before this last the a".split()  # noqa: SIM905
)
# Sentence ends between two figures, where a currency told once stops serving the next.
_SENTENCE_END = frozenset({".", "!", "?", ";"})


def _currency_carried(found: list[Quantity], tokens: list[Token]) -> list[Quantity]:
    """A sum of millions or billions told without its currency after one told with it, in
    the same sentence, is in that currency: "revenue of 1.8 billion euros and a net profit
    of 96 million"."""
    out: list[Quantity] = []
    for q in found:
        before = out[-1] if out else None
        scaled = tokens[q.last].lower in ("million", "billion", "trillion", "bn", "m", "mn")
        after = tokens[q.last + 1] if q.last + 1 < len(tokens) else None
        # not a count of something named after it: "and was seen by 40 million people"
        bare = after is None or after.kind != "word" or after.lower in _AFTER_A_SUM
        if (
            before is not None
            and not q.unit
            and scaled
            and bare
            and before.unit in _CURRENCY.values()
            and not any(t.text in _SENTENCE_END for t in tokens[before.last + 1 : q.first])
        ):
            q = Quantity(q.low, q.high, before.unit, q.start, q.end, q.first, q.last, q.qualifier)
        out.append(q)
    return out


# Fractions of a whole, as shares: "half of the voters", "a third of", "two-thirds of".
_FRACTIONS = {
    "half": 50.0,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25.0,
    "quarters": 25.0,
    "fifth": 20.0,
    "fifths": 20.0,
}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Points either side of a fraction: "half" is told of 48% as readily as of 50%.
_FRACTION_SPREAD = 3.0


def _fraction(tokens: list[Token], i: int) -> tuple[float, float, str, int, str] | None:
    """A fraction of a whole followed by "of" ("more than half of voters", "a third of the
    homes", "two-thirds of members"), as a share: (value, spread, "%", last token, "")."""
    k = i
    numerator = 1
    if tokens[k].lower in _NUMERATORS and k + 1 < len(tokens):
        numerator = _NUMERATORS[tokens[k].lower]
        k += 1
        if tokens[k].text in "-–" and k + 1 < len(tokens):
            k += 1
    word = tokens[k].lower
    top, dash, rest = word.partition("-")
    if dash and top in _NUMERATORS and k == i:
        numerator, word = _NUMERATORS[top], rest  # "two-thirds" as one token
    share = _FRACTIONS.get(word)
    if share is None or k + 1 >= len(tokens) or tokens[k + 1].lower != "of":
        return None
    if k == i and word != "half" and not dash:
        return None  # "third of" alone is an ordinal ("the third of five games")
    if word.endswith("s") and numerator == 1:
        return None
    value = share * numerator
    if value > 100:
        return None
    return value, _FRACTION_SPREAD, "%", k, ""


def _range_end(
    tokens: list[Token], last: int, first: int
) -> tuple[float, float, str, int, float] | None:
    """The far end of a range ("to 60 million euros"): value, spread, unit, its last token
    and the scale word it ends with (1 for none)."""
    k = last + 1
    if k >= len(tokens):
        return None
    joiner = tokens[k].lower
    between = first > 0 and tokens[first - 1].lower in ("between", "from")
    if joiner not in ("to", "-", "–") and not (joiner == "and" and between):
        return None
    if k + 1 >= len(tokens):
        return None
    core = _core(tokens, k + 1)
    if core is None or core[4]:
        return None
    value, spread, unit, end_last, _ = core
    scale = float(_SCALES.get(tokens[end_last].lower, 1))
    unit, end_last = _unit_after(tokens, end_last, unit)
    return value, spread, unit, end_last, scale


def _unit_after(tokens: list[Token], last: int, unit: str) -> tuple[str, int]:
    """A percentage or a currency word after a figure ending at ``last``: the unit and the
    figure's new last token (both unchanged when none; a currency told before stays)."""
    k = last + 1
    if k < len(tokens) and (tokens[k].text == "%" or tokens[k].lower in ("percent", "pct")):
        return "%", k
    if k + 1 < len(tokens) and (tokens[k].lower, tokens[k + 1].lower) == ("per", "cent"):
        return "%", k + 1
    if k < len(tokens) and tokens[k].lower in _CURRENCY_WORDS and not unit:
        return _CURRENCY_WORDS[tokens[k].lower], k
    return unit, last


def _apply(mode: str, value: float, low: float, high: float, vague: bool) -> tuple[float, float]:
    """Widen a figure's range for its qualifier."""
    if mode == "about" and not vague:
        return value * (1 - _APPROX), value * (1 + _APPROX)
    if mode == "nearly":
        return (value * (1 - _APPROX), high) if not vague else (low * (1 - _APPROX), high)
    if mode == "just over":
        return low, value * (1 + _APPROX)
    if mode == "min":
        return low, math.inf
    if mode == "max":
        return 0.0, high
    return low, high


# A match score: "3-1", "27–20", "2 - 1"; not a date or season ("2012-13"), a share ("3-1
# majority" is left to the contest words), nor a figure glued to more ("4-0-1", "3-1.5").
_SCORE = re.compile(r"(?<![\w.,/–-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w%/–-]|[.,]\d)")


@dataclass(frozen=True, slots=True)
class Score:
    """A match score as written ("3-1"), read as the higher and the lower tally, so that
    "beat them 27-20" and "lost 20-27" are one result."""

    high: int
    low: int
    start: int
    end: int


@lru_cache(maxsize=4096)
def find_scores(text: str) -> tuple[Score, ...]:
    """Every score-shaped pair of numbers in ``text`` ("3-1", "65–53"); outside a
    parenthesis, where they are records ("the Colts (10-5)"). Cached: a passage is read for
    every link that holds it."""
    found: list[Score] = []
    for m in _SCORE.finditer(text):
        before, after = text[: m.start()].rstrip(), text[m.end() :].lstrip()
        if before.endswith("(") and after.startswith(")"):
            continue
        x, y = int(m.group(1)), int(m.group(2))
        found.append(Score(max(x, y), min(x, y), m.start(), m.end()))
    return tuple(found)


__all__ = ["Quantity", "Score", "find_scores", "parse_quantities"]
