"""Figures: the same quantity told with numbers that cannot both hold, or that differ.

Two figures are compared only when the claim layer binds them to the same thing: the same
unit, the same measure (the event they count: "deaths" for "21 people were killed" and "the
deaths of 21"), the same role (a part is not a total, a share not a count, a rate not a
toll), the same scope (a figure tied to "last year's flood" is of another event), and the same
party (the opposition's count and the electoral council's count are two claims, each reported
correctly; a body of one side, "the government's election board", is that side). Hedged,
conditional and negated claims give no figure to compare.

Two kinds come out:

- ``number``: the ranges do not overlap ("21" against "at least two dozen": 21 is below 24).
- ``differs`` (graded, weaker): the ranges overlap but the figures are not the same ("at
  least 40" against "43", "about 2,000" against "2,150"): compatible, worth a look (an early
  toll and a later one).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..claims import (
    GENERIC_COUNTED,
    MEASURE_UNITS,
    MEASURING_VERBS,
    NATION,
    Claim,
    Figure,
    TimeRef,
)
from ..lexicon import DEFAULT_LEXICON, Lexicon
from ..model import Conflict, ConflictKind
from ..normalize import words
from ..quantities import ordinal
from .time import read_time, time_order, times_clash
from .view import View, conflict

# Two counts within this share of each other are one figure told with rounding
# ("2,000" / "2,004"; "2,000" / "2,100" is another figure).
SAME_FIGURE = 0.005
# Shares within half a point are one share told with rounding.
SAME_POINTS = 0.5
# A share told as about something is that share within a point.
ABOUT_POINTS = 1.0
# Two counts further apart than this factor are not one count told two ways.
FAR_APART = 50.0
# Roles that may be compared with each other: a range is a count with two ends, a part is
# a count of some of a whole ("640 of the delegates").
_ROLE_CLASS = {"count": "count", "range": "count", "part": "count", "total": "total"}


def _point(f: Figure) -> float:
    """The value a figure names: its stated number ("at least 40" names 40)."""
    if f.qualifier in ("min", "just over"):
        return f.low
    if f.qualifier in ("max", "nearly"):
        return f.high
    if f.high == float("inf"):
        return f.low
    return (f.low + f.high) / 2


def _claim(view: View, f: Figure) -> Claim | None:
    claims = view.reading.claims
    return claims[f.claim] if 0 <= f.claim < len(claims) else None


# Subjects that name no one: whose figure it is, the sentence does not say.
_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "these", "those"]
)


def _unnamed(view: View, claim: Claim) -> bool:
    """A claim whose subject is a pronoun ("he had 269 yards", "they scored 88 points"): whose
    figure it is the sentence does not say, so an unlisted measure is no one quantity. A
    number for subject ("of the 64 patients, four remain") is the figure itself."""
    if not claim.subject or claim.subject_words or claim.doer_words:
        return False  # named, or a pronoun for the one who reports ("the coach said we ...")
    said = view.said(*claim.subject_span).strip().lower()
    if said == "it" and claim.speaker_key:
        return False  # "the retailer said it would close 45 stores": the retailer's figure
    return said in _PRONOUNS


def _about(claim: Claim) -> set[str]:
    """The heads of a claim's subject and object."""
    return {claim.subject, claim.object} - {""}


def _usable(view: View, f: Figure) -> bool:
    """A figure of a firm claim, told whole: not hedged, hypothetical or negated ("did not
    kill 40"), nor a part ("five in the town and two more"). A claim read as
    the opposite of another predicate ("shares fell 4%": not "rose") is still firm."""
    if f.partial:
        return False  # "five in the town and two more": a part
    claim = _claim(view, f)
    if claim is None:
        return True
    opposite = claim.negation == (claim.start, claim.end)
    return not (claim.hedged or claim.conditional or (claim.negated and not opposite))


def _told_unharmed(view: View, f: Figure, states: frozenset[str]) -> bool:
    """A figure of a claim told by a word that negates a state ("30 escaped unharmed",
    ``Lexicon.negative_words``): it counts others than the state's ("three were hurt")."""
    claim = _claim(view, f)
    return claim is not None and claim.negated and claim.predicate in states


def _party(view: View, f: Figure) -> tuple[str, ...]:
    """Who claims a figure: the claimant of a claim that tells it as its subject's word
    ("police counted 8,000"); else the speaker its claim is credited to; else, for another
    declaration ("the council proclaimed Maduro the winner with 52%"), its subject, unless
    the figure is the deed's own object ("the floods claimed 65 lives")."""
    claim = _claim(view, f)
    if claim is None:
        return ()
    if claim.claimant:
        # "organisers said 25,000 marched, while police counted 8,000": the police's
        return claim.claimant
    if claim.speaker_key:
        return claim.speaker_key
    if claim.object_span[0] <= f.start < claim.object_span[1]:
        return ()  # "the floods claimed 65 lives": a deed, its subject no claimant
    return claim.subject_words if claim.declares else ()


def _moments(a: View, x: Figure, b: View, y: Figure) -> str:
    """Whether two figures are of one moment: "same"; "later" when they are counts told at
    two times and the later one is higher (a toll that rose: "12 by Monday", "19 by
    Tuesday"; or two articles of different days); "apart" for other figures of two times
    ("6.1% in May", "5.4% in April")."""
    ca, cb = _claim(a, x), _claim(b, y)
    order = 0  # > 0: b's figure is the later one
    if ca is not None and cb is not None:
        pairs = [
            (wa, wb)
            for ta in _count_times(ca)
            if (wa := read_time(ta.text, ta.start)) is not None
            for tb in _count_times(cb)
            if (wb := read_time(tb.text, tb.start)) is not None
            # a clock time against a day tells nothing ("by noon on Monday" / "by Tuesday")
            and (wa.kind == "clock") == (wb.kind == "clock")
        ]
        # days first: the hours of two days tell nothing of one moment ("by Monday morning"
        # / "by Tuesday night")
        days = [(wa, wb) for wa, wb in pairs if wa.kind != "clock"]
        pairs = days or pairs
        # one time in common is one moment: "6.1% in May, from 5.4% in April" meets "6.8%
        # in May"
        if not any(not times_clash(wa, wb, a.published, b.published) for wa, wb in pairs):
            for wa, wb in pairs:
                order = time_order(wa, wb, a.published, b.published)
                if order == 0:
                    return "apart"
    if order == 0 and a.published and b.published and a.published != b.published:
        order = 1 if b.published > a.published else -1
    if order == 0:
        return "same"
    if x.unit or x.role not in ("count", "range", "total"):
        return "apart"
    earlier, later = (x, y) if order > 0 else (y, x)
    return "later" if _point(later) > _point(earlier) else "same"


# A stretch of several days told as a count's time: "over four nights", "in three days".
_STRETCH = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
    r"(?:days|nights|weeks|months|years)\b",
    re.IGNORECASE,
)


def _span_and_day(x: Claim | None, y: Claim | None) -> bool:
    """One count told over a stretch of days and the other on one day: a whole and a part
    of it ("over 50 arrests over four nights" / "46 were arrested Wednesday night")."""
    if x is None or y is None:
        return False

    def stretch(c: Claim) -> bool:
        return any(_STRETCH.search(t.text) for t in c.times)

    def one_day(c: Claim) -> bool:
        read = [read_time(t.text, t.start) for t in c.times]
        return any(w is not None and w.kind in ("weekday", "date") for w in read)

    return (stretch(x) and one_day(y) and not stretch(y)) or (
        stretch(y) and one_day(x) and not stretch(x)
    )


# A word of a phrase, for its ordinals ("the second strike", "the 2nd strike").
_WORD = re.compile(r"[^\W_]+")


def _event_marks(view: View, claim: Claim | None, f: Figure) -> set[int]:
    """The ranks of the ordinals in a claim's subject and object phrases ("the second strike":
    2); not one that tells the figure itself ("the first 300 votes")."""
    if claim is None:
        return set()
    found: set[int] = set()
    for lo, hi in (claim.subject_span, claim.object_span):
        if hi <= lo:
            continue
        text = view.text[lo - view.offset : hi - view.offset]
        for m in _WORD.finditer(text):
            rank = ordinal(m.group().casefold())
            told_of_figure = 0 <= f.start - (lo + m.end()) <= 1
            if rank is not None and not told_of_figure:
                found.add(rank)
    return found


def _events_apart(a: View, x: Figure, b: View, y: Figure) -> bool:
    """Two figures of differently numbered events ("the second strike at the port" / "the
    first stoppage at the port"): two events."""
    mx, my = _event_marks(a, _claim(a, x), x), _event_marks(b, _claim(b, y), y)
    return bool(mx and my and not mx & my)


def _count_times(claim: Claim) -> tuple[TimeRef, ...]:
    """When a figure's count stood: its claim's times, not those naming its subject ("the
    toll from Sunday's earthquake rose to 64 on Tuesday": Tuesday); else when it was told
    ("killed 40 people, officials said on Monday": Monday)."""
    lo, hi = claim.subject_span
    own = tuple(t for t in claim.times if not (lo <= t.start and t.end <= hi and hi > lo))
    return own or claim.reported


def _puts(claim: Claim) -> bool:
    """A claim that puts a value on its object: "police put the toll at 37"."""
    return claim.declares and claim.predicate in ("put", "place")


def same_party(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two speakers may be one party: either unsaid, or their keys share a word
    ("the government" and "the government's election board" do; "the opposition" and "the
    electoral council" do not)."""
    return not x or not y or bool(set(x) & set(y))


def _places_apart(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two places that cannot be one: two named ones with no name in common (70 injured in
    Bener Meriah district, 140 in Central Aceh district), or two unnamed ones of two nouns
    (170,000 killed in the province, 230,000 in 14 countries); a named place and a "region"
    may be one."""
    if (x == (NATION,)) != (y == (NATION,)) and x and y:
        return True  # the whole country and a place in it: "nationwide" / "in the Varro region"
    if len(x) > 1 and len(y) > 1:
        return not set(x[1:]) & set(y[1:])
    return len(x) == len(y) == 1 and x != y


def _part_of_the_place(f: Figure, other: Callable[[], set[str]], parts: frozenset[str]) -> bool:
    """A figure told of a named part of a region ("10 killed in Central Aceh district")
    that the other passage (``other()``: its words) never names: a part of the whole it
    tells, not another count of it."""
    if len(f.place) < 2 or f.place[0] not in parts:
        return False
    return not set(f.place[1:]) <= other()


# What a figure counts when it is a pronoun for a group told before ("four of them").
_GROUP_PRONOUNS = frozenset({"they", "them", "those", "whom", "which", "these"})


def _doer_of(noun: str, verb: str) -> bool:
    """A noun that names who does a verb: "visitor" / "visit", "voter" / "vote", "runner" /
    "run", "protester" / "protest"."""
    return noun in (verb + "er", verb + "or", verb + "r", verb + verb[-1:] + "er")


# Units of measure, which any quantity of a story may be counted in.
_UNITS = frozenset(
    """
    yard point mile kilometre kilometer km metre meter foot feet inch kilogram kg tonne ton
    pound hectare acre degree minute second hour day week month year round game goal run
    lap percent mm cm millimetre millimeter centimetre centimeter litre liter gallon
    """.split()  # noqa: SIM905
)
# How close two loosely told figures of one noun must be to be one quantity ("at least 80" /
# "some 95"): "more than 40" and "more than 300" are two.
CLOSE = 0.35


def _event_words(claim: Claim, counted: str) -> set[str]:
    """What a claim tells besides its verb, the counted noun and numbers: its event."""
    return {w for w in claim.words if not w[:1].isdigit()} - {claim.key, counted, ""}


def _one_thing_counted(x: Figure, cx: Claim, y: Figure, cy: Claim) -> bool:
    """The same specific thing counted at one event, whatever the verbs: "needed at least 80
    firefighters" / "some 95 firefighters tackled the blaze" (the blaze at the plant is in
    both). A generic noun ("people", "residents") is counted by every figure of a story and
    names no quantity alone."""
    counted = x.counted
    if not counted or counted != y.counted or counted in GENERIC_COUNTED:
        return False
    if cx.negated or cy.negated:
        return False
    # only figures that can both hold, told one of them loosely ("at least 80" / "some 95"):
    # two plain figures of one noun in one story are as often two quantities
    if not (x.qualifier or y.qualifier) or not overlap(x, y):
        return False
    if counted in _UNITS or abs(_point(x) - _point(y)) > CLOSE * max(_point(x), _point(y)):
        return False  # yards, points, miles: counted by every play; far apart: two counts
    return bool(_event_words(cx, counted) & _event_words(cy, counted))


# Currency signs: a sum's unit.
_MONEY = frozenset({"$", "€", "£", "¥"})


def _one_account(x: Figure, cx: Claim, y: Figure, cy: Claim) -> bool:
    """Two sums named by one noun, whatever the verbs: "a net profit of 96 million" / "net
    profit came to 180 million" (not sums named by their verbs: "raised $5 million" /
    "spent $3 million")."""
    if x.unit not in _MONEY or x.counted or y.counted:
        return False
    return bool(set(x.measure) & set(y.measure) - {cx.key, cy.key})


def measures_meet(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two figures' measures name one thing: a key in common, or the doers of the other's
    verb ("230,000 visitors" / "visited by 238,000")."""
    if set(x) & set(y):
        return True
    return any(_doer_of(m, n) or _doer_of(n, m) for m in x for n in y if m and n)


def comparable(x: Figure, y: Figure, *, any_role: bool = False, any_measure: bool = False) -> bool:
    """Two figures of one quantity: unit, measure, role and scope agree (the role is left
    out with ``any_role``: "three of the seven bullets" and "seven bullets" tell one 7; the
    measure with ``any_measure``, when the caller knows the two count one thing)."""
    if x.unit != y.unit or not (any_measure or measures_meet(x.measure, y.measure)):
        return False
    roles = (_ROLE_CLASS.get(x.role, x.role), _ROLE_CLASS.get(y.role, y.role))
    if x.unit != "%" and roles[0] != roles[1] and not any_role:
        return False
    if x.role == "part" and y.role == "part" and x.total and y.total and x.total != y.total:
        return False  # parts of different wholes
    if set(x.scope) != set(y.scope) and (x.scope or y.scope):
        return False
    if x.holder and y.holder and not set(x.holder) & set(y.holder):
        return False  # Charles' yards and Hillis' yards
    if x.place and y.place and _places_apart(x.place, y.place):
        return False
    if x.increment != y.increment:
        return False  # "another 15 centimetres fell": more of it, against the whole
    if (x.counted in _GROUP_PRONOUNS) != (y.counted in _GROUP_PRONOUNS):
        return False  # "killing four of them": some of a group named before, not a toll
    if x.whom and y.whom and x.whom != y.whom:
        return False  # "12 passengers drowned" / "19 crew drowned": two groups' tolls
    if (x.running and y.incident) or (y.running and x.incident):
        return False  # "600 killed so far" and "three died when a missile hit"
    if {x.counted, y.counted} <= GENERIC_COUNTED:
        return True  # "1,000 people" / "1,340 residents": whom, the measure tells
    # two specific counted nouns that differ count different things ("12 children", "40 people"
    # is left to the measure): only when both are specific
    return not (x.counted and y.counted and x.counted != y.counted and x.label == x.counted)


def overlap(x: Figure, y: Figure) -> bool:
    """Ranges that share a value; two plain figures that only touch ("51" is up to 51.5,
    "52" from 51.5) do not."""
    if not x.qualifier and not y.qualifier:
        return x.low < y.high and y.low < x.high
    return x.low <= y.high and y.low <= x.high


def same_value(x: Figure, y: Figure) -> bool:
    """The same figure, told with rounding or a qualifier of the same value."""
    if x.qualifier == y.qualifier == "vague":
        # "hundreds" / "several hundred": one vague amount (not "thousands" / "tens of
        # thousands")
        return max(x.low, y.low) <= 2 * min(x.low, y.low)
    px, py = _point(x), _point(y)
    if (x.unit == "%" or y.unit == "%") and not (x.qualifier or y.qualifier):
        # two plain shares are one when one rounds to the other: "65%" / "65.2%"; not
        # "51%" / "52%", nor "4.2%" / "4.6%" (told to a tenth, a tenth apart counts)
        return x.low < y.high and y.low < x.high
    if x.unit == "%" or y.unit == "%":
        rough = "about" in (x.qualifier, y.qualifier)  # "roughly two-thirds" / "66 percent"
        return abs(px - py) <= (ABOUT_POINTS if rough else SAME_POINTS)
    return abs(px - py) <= SAME_FIGURE * max(abs(px), abs(py), 1.0)


# Why two figures of one quantity conflict, by kind.
_WHY = {"number": "the ranges cannot both hold", "differs": "compatible, but not the same figure"}


def figure_conflicts(
    a: View, b: View, *, listed_only: bool = False, lexicon: Lexicon = DEFAULT_LEXICON
) -> list[Conflict]:
    """Per measure, the strongest disagreement between the two passages' figures.

    A figure with an equal counterpart on the other side agrees; one with none is compared
    with its nearest counterpart: ``number`` when their ranges are disjoint, ``differs`` when
    they overlap with different values. With ``listed_only``, only figures of the lexicon's
    measures (deaths, arrests, votes, ...) are compared: loosely linked passages' other
    figures are as likely about other things.
    """
    found: dict[str, tuple[int, Conflict]] = {}
    listed = {group[0] for group in lexicon.measures}
    states = lexicon.negated_states
    parts = frozenset(lexicon.region_parts)
    # each passage's words, read once and only when a figure of a region part asks
    words_a = functools.cache(lambda: words(a.text))
    words_b = functools.cache(lambda: words(b.text))

    def known(f: Figure) -> bool:
        """A measure of the lexicon, narrowed or not ("serious:injuries")."""
        return bool(listed & {m.rpartition(":")[2] for m in f.measure})

    def wanted(f: Figure) -> bool:
        return not listed_only or known(f)

    xs = [f for f in a.reading.figures if _usable(a, f) and wanted(f)]
    ys = [f for f in b.reading.figures if _usable(b, f) and wanted(f)]

    def one_quantity(x: Figure, y: Figure) -> bool:
        if not comparable(x, y) or not same_party(_party(a, x), _party(b, y)):
            return False
        if _events_apart(a, x, b, y):
            return False  # "the second strike" / "the first stoppage": two events
        if _span_and_day(_claim(a, x), _claim(b, y)):
            return False  # "over 50 arrests over four nights" / "46 arrested Wednesday night"
        if _told_unharmed(a, x, states) != _told_unharmed(b, y, states):
            return False  # "30 escaped unharmed" counts others than "three were hurt"
        if _part_of_the_place(x, words_b, parts) or _part_of_the_place(y, words_a, parts):
            return False
        # a measure the lexicon knows (deaths, arrests, votes) names the quantity; any other
        # ("yards", "points", "hectares") only within one claim: "Charles rushed for 226
        # yards" and "Hillis added 101 yards" are two
        if known(x):
            return True
        ca, cb = _claim(a, x), _claim(b, y)
        if ca is None or cb is None or _unnamed(a, ca) or _unnamed(b, cb):
            return False
        if ca.key == cb.key or (
            ca.predicate in MEASURING_VERBS and cb.predicate in MEASURING_VERBS
        ):
            return True
        # an estimate of the thing the other counts: "put the number of passengers affected
        # at 19,000" / "28,000 passengers were affected"
        if (_puts(ca) or _puts(cb)) and set(x.measure) & set(y.measure):
            return True
        # the doers counted by name, doing it to one thing, whatever the verb: "1,100
        # firefighters were battling the blaze" / "650 firefighters were fighting the blaze"
        # (not a figure inside the object: "broke Newton's record of 4,051 yards"; not two
        # things done to them: "three miners were killed" / "eleven were injured")
        if (
            x.counted
            and x.counted == y.counted == ca.subject == cb.subject
            and ca.object not in ("", x.counted)
            and ca.object == cb.object
            and not set(x.measure) & {ca.key, cb.key}
        ):
            return True
        if not set(x.measure) & set(y.measure):
            return True  # the doers of the other's verb: "drew 230,000 visitors" / "visited"
        # people counted by what they did, told by its verb or its noun: "25,000 marched" /
        # "12,000 people joined the march" (a noun that counts, "yards", is no deed)
        deeds = {ca.key, cb.key, ca.object, cb.object} & set(x.measure) & set(y.measure)
        if deeds and {x.counted, y.counted} <= GENERIC_COUNTED | {""}:
            return True
        if _one_thing_counted(x, ca, y, cb) or _one_account(x, ca, y, cb):
            return True
        if x.counted == y.counted and x.counted in MEASURE_UNITS and " of " in x.label:
            # a substance in one unit, whatever the verbs: "dumped 90 mm of rain" / "brought
            # 150 millimetres of rain" (the measures, the substances, met above)
            return True
        # a value given to the thing both claims are about: "the commission put turnout at
        # 58 percent" / "turnout was 54 percent"
        if x.counted or y.counted:
            return False
        # ("the repairs will cost 40 to 60 million" / "put the cost of the repairs at 52
        # million": the verb names what the other's object is)
        about_a, about_b = _about(ca) | {ca.key}, _about(cb) | {cb.key}
        return bool(about_a & about_b & set(x.measure) & set(y.measure))

    def near_enough(x: Figure, y: Figure) -> bool:
        # no two reports of one count are 50 times apart: "some 2 million died in the civil
        # war" and "seven were killed in the bombing" are two quantities
        # the nearest ends ("thousands" may be 1,000; "at least seven" is seven at its end)
        tops = [f.high if f.high != float("inf") else f.low for f in (x, y)]
        higher, lower = max(x.low, y.low), min(tops)
        return x.unit == "%" or higher <= FAR_APART * max(lower, 1.0)

    # A figure the other passage also tells, for the same measure, is told by both, whoever
    # each one credits it to: "14 points from Artino, while Echenique scored 11" holds
    # "Artino scored 14 points" and is no reason to compare that 14 with the 11.
    candidates = sorted(
        (abs(_point(x) - _point(y)) / max(abs(_point(x)), abs(_point(y)), 1.0), n, m)
        for n, x in enumerate(xs)
        for m, y in enumerate(ys)
        if (one_quantity(x, y) and near_enough(x, y))
        or (same_value(x, y) and comparable(x, y, any_role=True))
    )
    # each figure meets at most one counterpart, the nearest first: "65% to 30%" against
    # "67%" compares 65 with 67, and leaves 30 (another candidate's share) alone
    used_x: set[int] = set()
    used_y: set[int] = set()
    for _, n, m in candidates:
        if n in used_x or m in used_y:
            continue
        used_x.add(n)
        used_y.add(m)
        x, y = xs[n], ys[m]
        if same_value(x, y):
            continue
        moment = _moments(a, x, b, y)
        if moment == "apart":
            continue  # "6.1% in May" and "5.4% in April": two moments, two quantities
        shared = sorted(set(x.measure) & set(y.measure)) or sorted(x.measure)
        label = x.label or shared[0]
        kind: ConflictKind = "differs" if overlap(x, y) or moment == "later" else "number"
        strength = 2 if kind == "number" else 1
        why = "an earlier count and a later, higher one" if moment == "later" else _WHY[kind]
        made = conflict(kind, label, a, (x.start, x.end), b, (y.start, y.end), why)
        if label not in found or found[label][0] < strength:
            found[label] = (strength, made)
    if not found:
        left = _one_left(a, b, xs, ys, used_x, used_y) or _one_each(a, b, xs, ys, used_x, used_y)
        if left is not None:
            found[left.topic] = (2 if left.kind == "number" else 1, left)
    return [c for _, c in sorted(found.values(), key=lambda t: (-t[0], t[1].spans[0].start))]


# Qualifiers that bound a figure ("fewer than ten", "at least two dozen", "nearly half"),
# where "some" and "about" only round it.
_BOUNDS = frozenset({"min", "max", "nearly", "just over"})


def _one_each(
    a: View, b: View, xs: list[Figure], ys: list[Figure], used_x: set[int], used_y: set[int]
) -> Conflict | None:
    """Two passages of one figure each, one told loosely and the other within it, close
    ("more than 1,000 people were evacuated" / "authorities moved 1,340 residents", "up to
    1,800 jobs" / "1,250 jobs"): one quantity told two ways, whatever the verbs, graded; or
    close but outside a bound, of one specific noun ("fewer than ten flights" / "14
    flights"): a number conflict. Two figures told loosely, or far apart, or of two specific
    nouns or a unit, may be two quantities."""
    if len(xs) != 1 or len(ys) != 1 or used_x or used_y:
        return None
    x, y = xs[0], ys[0]
    if bool(x.qualifier) == bool(y.qualifier) or same_value(x, y):
        return None
    if x.unit != "%" and abs(_point(x) - _point(y)) > CLOSE * max(_point(x), _point(y)):
        return None
    if {x.counted, y.counted} & _UNITS:
        return None
    two_nouns = x.counted and y.counted and x.counted != y.counted
    if two_nouns and not {x.counted, y.counted} <= GENERIC_COUNTED:
        # a specific noun for the generic one, told by one verb: "at least 40 people were
        # killed" / "killed 43 villagers"; two specific nouns count two things
        cx, cy = _claim(a, x), _claim(b, y)
        one_generic = len({x.counted, y.counted} & GENERIC_COUNTED) == 1
        if not (one_generic and cx is not None and cy is not None and cx.key == cy.key):
            return None
    kind: ConflictKind = "differs"
    if not overlap(x, y):
        # close but apart ("fewer than ten flights" / "14 flights", "21 migrants" / "at
        # least two dozen migrants"): one quantity only when one specific noun counts both
        if x.counted != y.counted or not x.counted or x.counted in GENERIC_COUNTED:
            return None
        if not {x.qualifier, y.qualifier} & _BOUNDS:
            return None  # "80 firefighters" / "some 95 firefighters": maybe two counts
        if x.unit not in ("", "%"):
            return None  # "90 mm of rain" / "about 70 mm of rain": measured, not counted
        kind = "number"
    if not comparable(x, y, any_measure=True):
        return None
    if not same_party(_party(a, x), _party(b, y)) or _moments(a, x, b, y) == "apart":
        return None
    label = x.label or y.label or x.counted or y.counted
    return conflict(kind, label, a, (x.start, x.end), b, (y.start, y.end), _WHY[kind])


def _one_left(
    a: View, b: View, xs: list[Figure], ys: list[Figure], used_x: set[int], used_y: set[int]
) -> Conflict | None:
    """Two passages that tell a figure alike ("14 crew") and each one figure more of the
    same specific noun, whatever their verbs: "was carrying 230 passengers and 14 crew" /
    "ran aground with 310 passengers and 14 crew on board". The figure told alike shows
    the two tell one thing; a generic noun ("people") or a unit ("yards") may count
    anything of a story, so neither is enough."""
    if not any(same_value(xs[n], ys[m]) for n in used_x for m in used_y):
        return None
    left_x = [f for n, f in enumerate(xs) if n not in used_x]
    left_y = [f for m, f in enumerate(ys) if m not in used_y]
    if len(left_x) != 1 or len(left_y) != 1:
        return None
    x, y = left_x[0], left_y[0]
    if not x.counted or x.counted != y.counted or x.counted in _UNITS | GENERIC_COUNTED:
        return None
    if not comparable(x, y, any_measure=True) or same_value(x, y):
        return None
    if not same_party(_party(a, x), _party(b, y)) or _moments(a, x, b, y) == "apart":
        return None
    kind: ConflictKind = "differs" if overlap(x, y) else "number"
    label = x.label or x.counted
    return conflict(kind, label, a, (x.start, x.end), b, (y.start, y.end), _WHY[kind])


__all__ = ["comparable", "figure_conflicts", "overlap", "same_party", "same_value"]
