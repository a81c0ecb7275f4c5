"""Numbers: the same quantity reported differently.

Every figure is parsed into a range of values: digits with separators ("2,000", "2.4"),
money and scale words ("$15 million", "$2bn"), percentages ("52%", "52 percent"), written
numbers ("twenty-one", "two dozen", "three hundred"), vague amounts ("dozens", "thousands",
"hundreds of thousands") and qualifiers ("approximately", "about", "over", "more than",
"at least", "close to", "up to", "or more"). A bare number is exact up to its rounding
("52" is 51.5 to 52.5); "about 2,000" is 1,800 to 2,200; "over 2,400" is 2,400 and up.

Two figures are compared only when they measure the same thing and are claimed by the same
party: the same unit (%, $, none), a shared measure (the counted noun, or a measure word
around the figure: "arrests" for "arrested 2,000" and "the arrest of 2,400 people") and the
same claimant (see ``attribution``). They conflict when their ranges do not overlap:
"approximately 2,000" and "over 2,400" do, "thousands" and "2,000" do not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Conflict
from .attribution import Party, same_party
from .text import STOPWORDS, Compiled, Token, content, tokenize, two_sided, word_set

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
_APPROX = 0.1  # "about 2,000" is 2,000 give or take 10%
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
        core = _core(tokens, i)
        if core is None:
            i += 1
            continue
        value, spread, unit, last, vague = core
        mode, first = _qualifier(tokens, i)
        # a percentage or a currency word after the figure
        k = last + 1
        if k < len(tokens) and (tokens[k].text == "%" or tokens[k].lower in ("percent", "pct")):
            unit, last = "%", k
        elif k + 1 < len(tokens) and (tokens[k].lower, tokens[k + 1].lower) == ("per", "cent"):
            unit, last = "%", k + 1
        elif k < len(tokens) and tokens[k].lower in _CURRENCY_WORDS and not unit:
            unit, last = _CURRENCY_WORDS[tokens[k].lower], k
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
            end_value, end_spread, end_unit, end_last = joined
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
    return out


def _range_end(tokens: list[Token], last: int, first: int) -> tuple[float, float, str, int] | None:
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
    if end_last + 1 < len(tokens) and tokens[end_last + 1].text == "%":
        unit, end_last = "%", end_last + 1
    return value, spread, unit, end_last


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


@dataclass(frozen=True, slots=True)
class Measured:
    """A figure with what it measures and who claims it."""

    quantity: Quantity
    keys: frozenset[str]
    labels: dict[str, str]
    claimant: Party | None
    sentence: int
    years: frozenset[int] = frozenset()  # the years its sentence names ("in 2004")
    listed: bool = False  # measured by a word of the lexicon's measures, or money


# Nouns that count people or things in general: what they count is told by the words around.
_GENERIC_COUNTED = word_set(
    "people persons person individuals individual civilians residents citizens protesters "
    "protestors demonstrators dissidents activists children adults men women others victims "
    "members workers students soldiers troops officers staff"
)


def measure(
    tokens: list[Token], q: Quantity, bounds: tuple[int, int], compiled: Compiled
) -> dict[str, str]:
    """What a figure counts, as comparison keys with the words to show in reasons: measure
    labels from the words around it ("arrests", "deaths"), else the counted noun after it,
    else the three content words before it. Empty when nothing tells."""
    lo, hi = bounds
    concepts: list[str] = []
    # the counted noun: "2,000 individuals", "52% of the votes", "$15 million bounty"
    k = q.last + 1
    while k < hi and tokens[k].lower in ("of", "the", "a", "an", "all", "its", "their", "those"):
        k += 1
    phrase: list[Token] = []
    while k < hi and len(phrase) < 4:
        t = tokens[k]
        if not t.is_word or t.lower in STOPWORDS:
            break
        if phrase and t.lower.endswith("ed"):
            break
        phrase.append(t)
        k += 1
    head = phrase[-1] if phrase else None
    # words before the figure, back to the clause start or the previous figure
    before: list[Token] = []
    j = q.first - 1
    while j >= lo and len(before) < 8:
        t = tokens[j]
        if t.kind == "punct" and t.text in ",;:()":
            break
        if t.kind == "num":
            break
        if t.is_word:
            before.append(t)
        j -= 1
    # a verb or noun right after: "21 people were killed", stopping at "and"
    after: list[Token] = []
    m = k
    while m < hi and len(after) < 4:
        t = tokens[m]
        if t.kind != "word" or t.lower in ("and", "or", "but"):
            break
        after.append(t)
        m += 1
    # A specific counted noun says what the figure counts ("eight days ago", "five days of
    # rioting", "235,000 comments"): the words around it only tell for generic nouns
    # ("2,000 individuals" arrested, "six children" killed) or when there is no noun.
    if head is not None and content(head) and head.lower not in _GENERIC_COUNTED:
        label = compiled.measures.get(head.stem) or compiled.measures.get(head.lower)
        return {label: label} if label else {head.stem: head.lower}
    for t in [*([head] if head else []), *before, *after]:
        label = compiled.measures.get(t.stem) or compiled.measures.get(t.lower)
        if label and label not in concepts:
            concepts.append(label)
    if concepts:
        return {c: c for c in concepts}
    if head is not None and content(head):
        return {head.stem: head.lower}
    # "Turnout was 61%", "Inflation fell to 3.1%": the content words just before the figure,
    # for a rate or an amount only ("Indianapolis 27" is a score, "record 9" nothing at all)
    if q.unit not in ("%", *_MONEY):
        return {}
    near = [t for t in before if content(t)][:3]
    return {t.stem: t.lower for t in reversed(near)}


def measured(
    tokens: list[Token],
    quantities: list[Quantity],
    claimants: list[Party | None],
    hedged: list[bool],
    compiled: Compiled,
) -> list[Measured]:
    """The figures of a passage that can be compared: known measure, not hedged."""
    out: list[Measured] = []
    known = set(compiled.measures.values())
    years: dict[int, set[int]] = {}
    for t in tokens:
        if (
            t.kind == "num"
            and t.text.isdigit()
            and len(t.text) == 4
            and 1800 <= int(t.text) <= 2199
        ):
            years.setdefault(t.sentence, set()).add(int(t.text))
    for n, q in enumerate(quantities):
        if hedged[q.first] or hedged[q.last]:
            continue
        sentence = tokens[q.first].sentence
        lo = quantities[n - 1].last + 1 if n > 0 else 0
        hi = quantities[n + 1].first if n + 1 < len(quantities) else len(tokens)
        lo = max(lo, next(k for k in range(len(tokens)) if tokens[k].sentence == sentence))
        hi = min(hi, max(k for k in range(len(tokens)) if tokens[k].sentence == sentence) + 1)
        labels = measure(tokens, q, (lo, hi), compiled)
        if labels:
            out.append(
                Measured(
                    q,
                    frozenset(labels),
                    labels,
                    claimants[q.first],
                    sentence,
                    frozenset(years.get(sentence, ())),
                    bool(known & set(labels)) or q.unit in _MONEY,
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class NumberSide:
    """One passage as the number rule reads it."""

    doc: int
    label: str
    text: str
    offset: int
    figures: list[Measured]


def comparable(x: Measured, y: Measured) -> bool:
    """Two figures that measure the same thing (unit and measure) for the same party."""
    return (
        x.quantity.unit == y.quantity.unit
        and bool(x.keys & y.keys)
        and same_party(
            x.claimant.key if x.claimant else None, y.claimant.key if y.claimant else None
        )
    )


def same_figure(x: Measured, y: Measured) -> bool:
    """Two figures of the same measure that agree ("close to 52%" and "52%"), whoever
    claims them: two parties giving one figure tell one fact, not two rival claims."""
    return (
        x.quantity.unit == y.quantity.unit
        and bool(x.keys & y.keys)
        and _compatible(x.quantity, y.quantity)
    )


def _compatible(x: Quantity, y: Quantity) -> bool:
    return x.low <= y.high and y.low <= x.high


def _distance(x: Quantity, y: Quantity) -> float:
    return max(x.low - y.high, y.low - x.high, 0.0)


# Spans of time ("five days of rioting", "eight days ago") measure from different starting
# points in each story: two of them differing is no contradiction.
_DURATIONS = word_set(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries"
)


_MONEY = word_set("$ € £ ¥ ₹")


def _same_time(x: Measured, y: Measured, listed_only: bool = False) -> bool:
    """Comparable, not a span of time, and placed in the same years: "killed 230,000 in 2004"
    tells of another event than "killed six", though both count deaths."""
    shared = {x.labels.get(k, k) for k in x.keys & y.keys}
    # With ``listed_only``, only the lexicon's measures and money: in a match report, "32
    # yards" and "205 yards" are two plays, not two accounts of one.
    if listed_only and not (x.listed and y.listed):
        return False
    return comparable(x, y) and x.years == y.years and not shared <= _DURATIONS


def number_conflicts(a: NumberSide, b: NumberSide, *, listed_only: bool = False) -> list[Conflict]:
    """Figures of the same measure and claimant whose ranges cannot both hold.

    ``listed_only`` keeps to the measures of the lexicon and money, for loosely linked
    passages whose other figures are as likely about other things.

    A figure with a compatible counterpart on the other side is matched (two sources may
    each give several figures); an unmatched one conflicts with its nearest counterpart.
    One conflict per measure.
    """
    found: dict[str, tuple[Measured, Measured]] = {}
    for xs, ys, flip in ((a.figures, b.figures, False), (b.figures, a.figures, True)):
        matched = [
            any(_same_time(x, y, listed_only) and _compatible(x.quantity, y.quantity) for y in ys)
            for x in xs
        ]
        for n, x in enumerate(xs):
            partners = [y for y in ys if _same_time(x, y, listed_only)]
            if not partners or matched[n]:
                continue
            # "52% of the votes against 43%" meets "52%": the sentence agrees on one figure of
            # this measure, so its other figures are about something else (another candidate)
            if any(
                matched[m] and xs[m].keys & x.keys and xs[m].sentence == x.sentence
                for m in range(len(xs))
                if m != n
            ):
                continue
            y = min(partners, key=lambda p: _distance(x.quantity, p.quantity))
            first, second = (y, x) if flip else (x, y)
            label = sorted(x.keys & y.keys)[0]
            found.setdefault(label, (first, second))
    conflicts: list[Conflict] = []
    for fa, fb in sorted(found.values(), key=lambda p: p[0].quantity.start):
        qa, qb = fa.quantity, fb.quantity
        label = fa.labels[min(fa.keys & fb.keys)]
        conflicts.append(two_sided("number", label, a, (qa.start, qa.end), b, (qb.start, qb.end)))
    return conflicts


__all__ = [
    "Measured",
    "NumberSide",
    "Quantity",
    "measure",
    "measured",
    "number_conflicts",
    "parse_quantities",
]
