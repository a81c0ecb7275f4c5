"""The claim layer: what each sentence asserts, read from a dependency parse.

A sentence becomes its claims: a predicate (lemma) with its subject and object, whether it
is negated, hedged or conditional, who says it (attribution), the times bound to it, and each
figure bound to what it counts (the counted noun, the event it measures, its role: a count,
a part of a total, a share, a rate, a range). Quotes are read apart, with their speakers.
It is the common ground of linking (``facts.py``) and of the conflict rules
(``conflicts/``).

Every claim is read by spaCy's parse (``parse.py``), never by phrase patterns over strings:
a number's binding comes from ``token.head`` and ``token.dep_``, a negation from a ``neg``
dependent (or a "no" determiner, or a denial verb above the clause), a speaker from the
subject of a reporting verb. The word lists (hedges, denials, reporting verbs, measures)
are data from ``Lexicon``.

Offsets are character offsets into the sentence text that was read; ``shifted`` moves them
into a document. Reading is cached per text (``ClaimReader``): in memory for the run, and on
disk across runs (SQLite in the user's cache folder, keyed by the extractor's version, the
model's digest and the text's sha256), so a second run never loads the parser.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Sequence
from concurrent.futures import Future, wait
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .dates import MONTHS
from .disk_cache import DiskTable
from .errors import ParallaxError
from .lexicon import DEFAULT_LEXICON, Lexicon
from .normalize import fold, stem
from .quantities import parse_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .parser_process import ParserPool

# Bump when what ``read_claims`` returns changes: cached claims of older versions are ignored.
CLAIMS_VERSION = 1

Role = Literal["count", "part", "total", "share", "rate", "range"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A number bound to what it counts.

    Attributes:
        low, high: the values it allows (``high`` may be ``inf``: "over 2,400").
        unit: "%", a currency sign, "days" for a length of time ("six weeks": 42), or "" for a
            count.
        qualifier: "about", "nearly", "just over", "min", "max", "vague", "range" or "".
        start, end: offsets of the whole expression ("at least two dozen").
        counted: lemma of the noun it counts ("people"), "" when none.
        measure: keys of what it measures (the lexicon's measure labels or stems:
            "deaths" for "21 people were killed" and "the deaths of 21").
        label: the word shown in reasons ("deaths", "members").
        role: count, part (of a total), total, share, rate or range.
        total: for a part, the total it is part of ("312 of 450": 450), else None.
        scope: time words bound to the figure's own event ("last year's flood"), and the
            window of a sequence it counts in ("five of the team's first eight points": first).
        claim: index of the claim (in its sentence's claims) the figure belongs to, -1 if none.
        holder: the names whose quantity it is ("Charles' 226 yards", "Hillis added 101
            yards"): two figures of two named holders are two quantities.
        place: the place it counts in: its noun and its names ("in Bener Meriah
            district": district, bener, meriah), or the noun alone of an unnamed one ("in
            the province": province).
        running: told as a running total ("so far", "to date", "in total").
        incident: told as one past event in the simple past ("three died when a missile
            hit"), which a running total does not count alone.
        increment: told as an amount on top of another ("another 15 centimetres", "a
            further 300 troops"): not the whole of anything.
        partial: a figure its own claim goes on to add to ("killed 170,000 people in the
            province and tens of thousands more around the Indian Ocean"): a part.
        whom: the key of the specific noun a figure counts when its verb tells the measure
            ("five miners were killed": miner, the measure deaths); "" otherwise. Two
            figures of two such nouns ("12 passengers drowned" / "19 crew drowned") count
            two groups.
    """

    low: float
    high: float
    unit: str
    qualifier: str
    start: int
    end: int
    counted: str
    measure: tuple[str, ...]
    label: str
    role: Role
    total: float | None = None
    scope: tuple[str, ...] = ()
    claim: int = -1
    holder: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    running: bool = False
    incident: bool = False
    increment: bool = False
    partial: bool = False
    whom: str = ""


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression bound to a claim ("on Sunday", "in June", "last year")."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks and who says them.

    Attributes:
        words: the quoted text, without the marks.
        start, end: offsets of the quoted text.
        speaker: the speaker's phrase as written ("" when the sentence does not say).
        speaker_key: content words of the speaker's phrase, for comparing parties.
        speaker_names: the person names in it ("Maria Costa"), for comparing speakers.
        fragment: the quote is a piece of the sentence ('they were "deeply disappointed"'),
            not a whole utterance.
        speaker_start, speaker_end: offsets of the speaker's phrase (0, 0 when none).
    """

    words: str
    start: int
    end: int
    speaker: str = ""
    speaker_key: tuple[str, ...] = ()
    speaker_names: tuple[str, ...] = ()
    speaker_start: int = 0
    speaker_end: int = 0
    fragment: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """One predication of a sentence.

    Attributes:
        predicate: the predicate's lemma ("offer"; for "X was captain", "captain").
        key: the predicate's comparison key (folded stem, lexicon synonyms met).
        start, end: offsets of the predicate word.
        subject, object: the arguments' head lemmas ("" when absent).
        subject_words, object_words: content keys of the whole argument phrases.
        subject_span, object_span: their offsets ((0, 0) when absent).
        negated: the claim is denied or negated ("has not offered", "no one claimed",
            "denied offering", "without meetings").
        negation: offsets of the negating word(s) ((0, 0) when not negated).
        hedged: told as uncertain ("may", "reportedly", "whether", "unclear").
        conditional: hypothetical ("would", "if", "in exchange for").
        limited: bounded in time ("since the vote", "not yet"): a denial that does not
            reach earlier events.
        reporting: the predicate is a reporting verb ("said"): it credits, it claims nothing.
        negative_subject: the subject itself negates ("no one", "nobody", "neither").
        degree: an ordinal on the predicate ("the third tallest"): "third".
        declares: the predicate is a verb of saying, whatever its complement ("the council
            proclaimed Maduro the winner"): its subject is the party that claims.
        claimant: for a declaring claim, the content words of its subject's phrase ("a
            spokeswoman for Nordvik Air": air, nordvik, spokeswoman), for comparing parties.
        doer_named: the doer's head is a proper name ("health minister Ana Belo"), not a noun
            ("Hamas fighters").
        object_names: the proper names in the object's phrase, folded ("responsibility for
            the Tarso bombing": tarso), which tell two things of one kind apart.
        absent: key of a thing the claim says does not exist or did not happen ("no fire
            broke out": "fire"; "without meetings": "meet"), "" otherwise.
        denied_by: the claim is negated by a denial verb above it ("denied offering").
        speaker: who the sentence credits the claim to (phrase as written), "" for the source.
        speaker_key: lemmas of the speaker's head and names.
        times: time expressions bound to this claim.
        reported: time expressions of the reporting verb that credits it ("officials said
            on Monday"): when it was told.
        words: content keys of the clause (predicate, arguments, modifiers).
        owners: keys of the possessors in the subject and object ("Larsen's assistant":
            larsen): a phrase that shares only its owner with another is another party.
        indefinite: "agent" when the doer of a passive is an indefinite phrase ("has never
            been sacked by a club"): a negated claim of one covers every such doer.
        numbered: a number naming the object in a definite phrase ("the 100 metres", "the
            2019 final"): another number is another thing, not a count told two ways.
        future: told of the future ("will open", "is expected", "is due to launch"): a
            weekday it names is the coming one.
        ceased: told as a state that has ended ("is no longer chief executive"): it denies
            the present, not the past.
        past: told in the past tense ("was chief executive", "had signed").
        event: the event the claim's times belong to, as its noun's key and then its other
            words' ("the summit will be held on 3 March": meet; "called a snap election for
            May 18": election, snap); () when the clause names none.
        event_span: where the event's noun is (its offsets), to name it as written.
        event_times: the claim's times that are the event's ("for May 18"; not the day an
            election was called on).
        event_placed: the clause says when the event is ("will be held", "is due",
            "Saturday's auction", "began on Monday"), rather than what happens at it ("will
            play the concert on 19 September", "meet on 10 March for the summit").
        event_aspect: the part of the event its times place: "start" ("the strike began on
            Monday", "the truce takes effect at noon"), "end", or "" for the whole.
        lasting: a state told as lasting ("remains closed", "is still missing", "remains at
            large"), read as the denial of the event that would end it (the key is that
            event's: "reopen", "find", "arrest"), whoever would have done it.
        doer_words: for a personal pronoun subject in a report, the reporter's words ("the
            coach said he had no regrets": coach); the claim's doer when comparing claims,
            while ``subject_words`` keeps what the sentence says (for linking).
    """

    predicate: str
    key: str
    start: int
    end: int
    subject: str = ""
    object: str = ""
    subject_words: tuple[str, ...] = ()
    object_words: tuple[str, ...] = ()
    subject_span: tuple[int, int] = (0, 0)
    object_span: tuple[int, int] = (0, 0)
    negated: bool = False
    negation: tuple[int, int] = (0, 0)
    hedged: bool = False
    conditional: bool = False
    limited: bool = False
    reporting: bool = False
    declares: bool = False
    claimant: tuple[str, ...] = ()
    doer_named: bool = False
    negative_subject: bool = False
    degree: str = ""
    absent: str = ""
    denied_by: str = ""
    speaker: str = ""
    speaker_key: tuple[str, ...] = ()
    times: tuple[TimeRef, ...] = ()
    reported: tuple[TimeRef, ...] = ()
    words: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    object_names: tuple[str, ...] = ()
    indefinite: tuple[str, ...] = ()
    numbered: str = ""
    future: bool = False
    ceased: bool = False
    past: bool = False
    doer_words: tuple[str, ...] = ()
    lasting: bool = False
    event: tuple[str, ...] = ()
    event_span: tuple[int, int] = (0, 0)
    event_times: tuple[TimeRef, ...] = ()
    event_placed: bool = False
    event_aspect: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the claim layer reads from one text."""

    claims: tuple[Claim, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def shifted(self, offset: int) -> Reading:
        """The same reading with every offset moved by ``offset`` (sentence -> document)."""
        if offset == 0:
            return self
        return Reading(
            claims=tuple(_shift(c, offset) for c in self.claims),
            figures=tuple(_shift(f, offset) for f in self.figures),
            quotes=tuple(_shift(q, offset) for q in self.quotes),
        )

    @staticmethod
    def joined(readings: Sequence[Reading]) -> Reading:
        """Several sentences' readings as one (a passage); figure-to-claim links kept."""
        claims: list[Claim] = []
        figures: list[Figure] = []
        quotes: list[Quote] = []
        for r in readings:
            base = len(claims)
            claims.extend(r.claims)
            figures.extend(
                f if f.claim < 0 else dataclasses.replace(f, claim=f.claim + base)
                for f in r.figures
            )
            quotes.extend(r.quotes)
        return Reading(tuple(claims), tuple(figures), tuple(quotes))


def in_context(sentences: Sequence[Reading]) -> tuple[Reading, ...]:
    """One article's sentence readings, each figure given the event of the sentence before
    it when it names that event and no time of its own: in "In April last year a quake struck
    off Banda Aceh. Five people died in the quake.", the five died last year, not in the
    quake the story tells. A sentence with a time of its own starts afresh."""
    out: list[Reading] = []
    for reading in sentences:
        before = out[-1] if out else None
        out.append(_scoped_by(reading, before) if before is not None else reading)
    return tuple(out)


def _scoped_by(reading: Reading, before: Reading) -> Reading:
    """``reading`` with the scope of ``before``'s event, when it tells of that event."""
    if not reading.figures or any(f.scope for f in reading.figures):
        return reading
    if any(c.times for c in reading.claims):
        return reading
    # the dated events of the sentence before: the subjects and objects of its claims timed
    # by a year or "last", "previous" ("another two were killed" is more of this event); an
    # object its figures count is no event ("killed 170,000 people": people are in every toll)
    counted = {stem(fold(f.counted)) for f in before.figures} | {
        fold(f.counted) for f in before.figures
    }
    events: dict[str, tuple[str, ...]] = {}
    for c in before.claims:
        words = [w for t in c.times for w in fold(t.text).split()]
        dated = tuple(w for w in words if (w.isdigit() and len(w) == 4) or w in _BEFORE_NOW)
        for key in ({c.subject} | ({c.object} - counted)) - {""} if dated else ():
            events.setdefault(key, dated)
    told = {w for c in reading.claims for w in c.words}
    scope = next((events[k] for k in sorted(events) if k in told), ())
    if not scope:
        return reading
    figures = tuple(dataclasses.replace(f, scope=scope) for f in reading.figures)
    return dataclasses.replace(reading, figures=figures)


_SPAN_FIELDS = ("subject_span", "object_span", "negation", "event_span")


def _shift(item: Any, offset: int) -> Any:
    changes: dict[str, Any] = {"start": item.start + offset, "end": item.end + offset}
    for name in _SPAN_FIELDS:
        span = getattr(item, name, None)
        if span is not None and span != (0, 0):
            changes[name] = (span[0] + offset, span[1] + offset)
    if isinstance(item, Claim):
        changes["times"] = tuple(_shift(t, offset) for t in item.times)
        changes["reported"] = tuple(_shift(t, offset) for t in item.reported)
        changes["event_times"] = tuple(_shift(t, offset) for t in item.event_times)
    if isinstance(item, Quote) and item.speaker_end:
        changes["speaker_start"] = item.speaker_start + offset
        changes["speaker_end"] = item.speaker_end + offset
    return dataclasses.replace(item, **changes)


def _shared(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    return bool(set(x) & set(y))


# Verbs that carry no claim of their own: what is made, had or taken is the claim ("no
# offers were made", "did not have a gun").
LIGHT_VERBS = frozenset({"make", "be", "have", "take", "give", "get", "do", "extend"})


def same_claim(x: Claim, y: Claim) -> bool:
    """Whether two claims (of two sources) tell one predication, whatever their polarity:
    the same predicate key with arguments that agree (a shared word in the subject or the
    object, and no two subjects or objects that share nothing: "Smith was never captain"
    says nothing of "Jones was captain"); or one says a thing did not exist ("no fire",
    "without meetings") and the other has that thing as its predicate or an argument."""
    for holder, other in ((x, y), (y, x)):
        absent = holder.absent
        if not absent or (absent == holder.subject and holder.key == other.key):
            continue  # "no group claimed": the same predicate, compared below
        if absent == holder.subject and holder.predicate not in LIGHT_VERBS | _EXISTENCE:
            continue  # "no ministers resigned" denies the resigning, not the ministers
        if absent not in (other.key, other.subject, other.object, *other.words):
            continue
        if other.declares and absent == other.object:
            continue  # what a report says is not what happened ("reported a proposal")
        # the thing happening ("meetings were held", "talks took place")
        if other.predicate in _EXISTENCE and absent in (other.subject, other.object):
            return True
        rest = set(holder.words) - {absent, holder.key}
        # a subject that is only the missing thing names no doer ("released without charge"
        # says no one charged her)
        if set(doer(holder)) - {absent} and _different_doers(holder, other):
            continue  # "the coach had no regrets" / "the striker regretted missing"
        if other.key == absent:
            # "no amnesty offers were made" / "offered amnesty", not "offers a path"
            return not other.object_words or bool(rest & set(other.object_words))
        # the thing doing something in the same place ("no fire at the depot" / "a fire swept
        # the depot"), not a thing merely named ("closed to trains")
        if absent == other.subject and rest & set(other.words):
            return True
    for still, moved in ((x, y), (y, x)):
        if still.key == UNCHANGED and moved.predicate in _CHANGE_VERBS:
            # "left its rate unchanged" / "cut its rate": one change, made or not
            return (
                _shared(still.object_words, moved.object_words)
                and not _things_apart(still, moved)
                and not _different_doers(still, moved)
            )
    if x.key != y.key or x.degree != y.degree:
        return False
    for state, event in ((x, y), (y, x)):
        if state.lasting and not event.lasting:
            # "the motorway remained closed" / "authorities reopened the motorway": the
            # thing in that state is what the event befalls, whoever does it
            things = (*event.subject_words, *event.object_words)
            # the same thing, not another of the place ("the Ellan bridge" / "the Ellan tunnel")
            heads = {event.subject, event.object} - {""}
            return _shared(state.subject_words, things) and (
                state.subject in things or bool(heads & set(state.subject_words))
            )
    if x.key in LIGHT_VERBS and not (x.object_words and y.object_words):
        return False  # "will have to consult" / "do not have the expertise": the object tells
    if x.key in LIGHT_VERBS and x.object != y.object:
        # the object is the claim, so one head: "there were no casualties in the camp" says
        # nothing of "there were varying reports of casualties"
        return False
    for thing, deed in ((x, y), (y, x)):
        if (
            thing.subject
            and not thing.object
            and thing.subject == deed.object
            and set(thing.owners) & set(doer(deed))
        ):
            # "Eker's transfer fell through" / "Eker completed his transfer": the owner's
            # thing, told as what happened and as what its owner did
            return True
    # "no group", "neither candidate", "no one": a negated subject covers any doer
    universal = any((c.absent and c.absent == c.subject) or c.negative_subject for c in (x, y))
    # "has never been sacked by a club": any club, so Vester FC's sacking is denied
    open_subject = any(c.negated and "agent" in c.indefinite for c in (x, y))
    dx, dy = doer(x), doer(y)
    kinds = {_PRONOUN_KINDS.get(x.subject), _PRONOUN_KINDS.get(y.subject)}
    if not (dx or dy) and None not in kinds and len(kinds) == 2:
        return False  # "he did not turn the ball over" / "that turned the ball over"
    subjects = bool(dx and dy) and not (universal or open_subject)
    if x.predicate in _ERGATIVE and (_undergoer(x, y) or _undergoer(y, x)):
        return True  # "the bridge reopened" / "authorities reopened the bridge"
    if subjects and (not _shared(dx, dy) or _told_apart(x, y)):
        return False
    objects = bool(x.object_words and y.object_words)
    # "no one was hurt" / "two guards were injured": nobody of all those it could befall
    anyone = any(c.negated and c.object in _ANYBODY and c.absent in ("", c.object) for c in (x, y))
    if anyone and not subjects and (x.object_words or y.object_words):
        return True
    if objects and (not _shared(x.object_words, y.object_words) or _things_apart(x, y)):
        return False
    if subjects or objects:
        return True
    if _undergoer(x, y) or _undergoer(y, x):
        return True
    # a negated subject with nothing else in common is another event ("told to leave by
    # noon" / "no one in the village left")
    shared = (set(x.words) & set(y.words)) - {x.key, y.key, x.absent, y.absent}
    return universal and bool(shared)


# Heads of a negated object that name any person at all ("no one was hurt", "nobody",
# "did not hurt anyone").
_ANYBODY = frozenset({"one", "body", "nobody", "people", "person", "anyone"})


# Pronoun subjects that name a person and those that name a thing: two of different kinds
# are two doers, whoever they stand for.
_PRONOUN_KINDS = {
    **dict.fromkeys(("he", "she", "i", "we", "you"), "person"),
    **dict.fromkeys(("it", "that", "this", "which"), "thing"),
}


def _undergoer(x: Claim, y: Claim) -> bool:
    """One thing told as what acts and as what is acted on, each with no other argument:
    "the museum opened in 1988" / "the museum was opened in 1996", "the mine closed" / "the
    mine has been closed"."""
    return bool(
        (
            x.predicate == y.predicate
            # "production restarted" / "resumed production": two verbs of one change
            or (x.key == y.key and {x.predicate, y.predicate} <= _ERGATIVE)
        )
        and x.subject_words  # a pronoun ("it") may stand for two things
        and x.predicate not in _PATIENT_SUBJECT  # already read as what befalls its subject
        and x.subject
        and not x.object
        and y.object
        # "the bridge reopened" / "authorities reopened the bridge": a verb told of what it
        # befalls, with or without the one who does it
        and (not (y.subject or doer(y)) or x.predicate in _ERGATIVE)
        and x.subject == y.object
        and not _timed_argument(x.subject_span, x)
        and not _timed_argument(y.object_span, y)
    )


# Verbs whose subject, told without an object, is what they befall: "the bridge reopened",
# "the ferry sank", "talks resumed".
_ERGATIVE = frozenset(
    """
    open reopen close shut sink resume restart stop halt suspend end
    """.split()  # noqa: SIM905
)


def _timed_argument(span: tuple[int, int], c: Claim) -> bool:
    """An argument that is one of the claim's times ("updated: 22:07 GMT")."""
    return any(t.start < span[1] and span[0] < t.end for t in c.times)


def doer(c: Claim) -> tuple[str, ...]:
    """Who does what a claim says: the reporter a pronoun stands for, else the subject."""
    return c.doer_words or c.subject_words


def _different_doers(x: Claim, y: Claim) -> bool:
    """Two claims whose subjects are both told and share nothing, or only an owner."""
    if not (doer(x) and doer(y)):
        return False
    if any(c.negative_subject or "agent" in c.indefinite for c in (x, y)):
        return False
    shared = set(doer(x)) & set(doer(y))
    return not shared or _only_owners(shared, x, y, x.subject, y.subject)


def _only_owners(shared: set[str], x: Claim, y: Claim, head_x: str, head_y: str) -> bool:
    """Two phrases with different heads that share only the owner of one: "Larsen" and
    "Larsen's assistant", "the club" and "the club's doctor"."""
    if head_x == head_y:
        return False
    owners = set(x.owners) | set(y.owners)
    return shared <= owners and not (head_x in y.owners and head_y in x.owners)


def _told_apart(x: Claim, y: Claim) -> bool:
    """Two subjects with one head that their modifiers tell apart: "the central bank" and
    "commercial banks", "the Tamil rebels" and "Maoist rebels" (figures in them do not
    count: "300 workers" and "420 workers" may be one group told two ways); or two heads
    that share only an owner ("Larsen" and "Larsen's assistant")."""
    if _ranks_apart(doer(x), x.subject, doer(y), y.subject):
        return True  # "the mayor of Dorn" / "the deputy mayor of Dorn"
    if x.subject and y.subject and x.subject != y.subject:
        shared = set(doer(x)) & set(doer(y))
        # two named people, or two things a verb befalls ("the Kell bridge opened" / "the
        # Kell tunnel opened"), whose heads neither names
        named = (x.doer_named and y.doer_named) or x.predicate in _ERGATIVE
        if named and x.subject not in doer(y) and y.subject not in doer(x):
            return True  # "health minister Ana Belo" / "finance minister Rui Sal"
        return _only_owners(shared, x, y, x.subject, y.subject)
    if not x.subject or x.subject != y.subject:
        return False
    rest_x = {w for w in doer(x) if w != x.subject and not w[:1].isdigit()}
    rest_y = {w for w in doer(y) if w != y.subject and not w[:1].isdigit()}
    return bool(rest_x and rest_y and not rest_x & rest_y)


# Words that make a role another person's: "the deputy mayor" is not the mayor.
_RANKS = frozenset({"deputy", "vice", "assistant", "junior"})


def _ranks_apart(x: Iterable[str], x_head: str, y: Iterable[str], y_head: str) -> bool:
    """One phrase has a rank word the other lacks before its head: "the mayor" / "the
    deputy mayor" (not "the opposition" / "opposition deputies": the head itself)."""
    return bool(((set(x) - {x_head}) ^ (set(y) - {y_head})) & _RANKS)


def _things_apart(x: Claim, y: Claim) -> bool:
    """Two objects that are two things: one head told apart by modifiers ("a red card" / "a
    yellow card", "its Leeds plant" / "its Bristol plant"), or two heads neither of which the
    other names ("the opening of the festival" / "the closing ceremony of the festival")."""
    if not x.object or not y.object:
        return False
    if x.numbered and y.numbered and x.numbered != y.numbered:
        return True  # "the 100 metres" / "the 200 metres"
    if x.object != y.object and _only_owners(
        set(x.object_words) & set(y.object_words), x, y, x.object, y.object
    ):
        return True
    if _ranks_apart(x.object_words, x.object, y.object_words, y.object):
        return True
    names_x, names_y = set(x.object_names), set(y.object_names)
    if x.object == y.object and names_x and names_y and not names_x & names_y:
        return True  # "the Tarso bombing" / "the Varo bombing"
    rest_x = {w for w in x.object_words if w != x.object and not w[:1].isdigit()}
    rest_y = {w for w in y.object_words if w != y.object and not w[:1].isdigit()}
    if x.object == y.object:
        return bool(rest_x and rest_y and not rest_x & rest_y)
    return x.object not in y.object_words and y.object not in x.object_words


# ---------------------------------------------------------------------------- word lists


@dataclass(frozen=True, slots=True)
class _Words:
    """The lexicon as lemma sets, built once per lexicon."""

    hedges: frozenset[str]
    irrealis: frozenset[str]
    irrealis_phrases: tuple[tuple[str, ...], ...]
    negations: frozenset[str]
    not_negating: tuple[str, ...]
    denials: frozenset[str]
    reporting: frozenset[str]
    quoting: frozenset[str]
    claim_nouns: frozenset[str]
    synonyms: dict[str, str]
    antonyms: dict[str, str]
    measures: dict[str, str]
    harms: frozenset[str]
    degrees: dict[str, str]
    complements: dict[tuple[str, str], str]
    place_nouns: frozenset[str]
    intentions: frozenset[str]
    beliefs: frozenset[str]
    phrasal_antonyms: dict[str, str]
    phrasal_denials: frozenset[str]
    negated_states: frozenset[str]
    lasting_states: dict[str, str]
    counted: dict[str, str]
    bodies: dict[str, str]


def _words(lexicon: Lexicon) -> _Words:
    def singles(items: Iterable[str]) -> frozenset[str]:
        return frozenset(fold(w) for w in items if " " not in w)

    synonyms: dict[str, str] = {}
    for group in lexicon.synonyms:
        for word in group:
            synonyms.setdefault(stem(fold(word)), stem(fold(group[0])))
    measures: dict[str, str] = {}
    for group in lexicon.measures:
        for word in group:
            measures.setdefault(stem(fold(word)), group[0])
            measures.setdefault(fold(word), group[0])
    antonyms: dict[str, str] = {}
    phrasal: dict[str, str] = {}
    for pair in (*lexicon.antonyms, *lexicon.negative_words):
        word, _, base = pair.partition(":")
        if word and base and " " not in word:
            antonyms[stem(fold(word))] = synonyms.get(stem(fold(base)), stem(fold(base)))
        elif word and base:
            # a phrasal verb as lemma and particle: "call off:hold"
            phrasal[fold(word)] = synonyms.get(stem(fold(base)), stem(fold(base)))
    reporting = singles(lexicon.reporting_verbs)
    return _Words(
        hedges=singles(lexicon.hedges),
        irrealis=singles(lexicon.irrealis),
        negations=singles(lexicon.negations),
        not_negating=tuple(fold(p) for p in lexicon.not_negating),
        irrealis_phrases=tuple(tuple(fold(w).split()) for w in lexicon.irrealis if " " in w),
        denials=singles(lexicon.denials) | {"deny", "reject", "dismiss", "refute", "rebut"},
        reporting=reporting,
        quoting=reporting | singles(lexicon.quote_verbs),
        claim_nouns=singles(lexicon.claim_nouns),
        synonyms=synonyms,
        antonyms=antonyms,
        measures=measures,
        harms=frozenset(lexicon.harms),
        degrees={fold(w): fold(group[0]) for group in lexicon.degrees for w in group},
        complements={
            (stem(fold(verb)), fold(complement)): stem(fold(predicate))
            for entry in lexicon.complement_predicates
            for phrase, _, predicate in [entry.partition(":")]
            for verb, _, complement in [phrase.partition(" ")]
        },
        place_nouns=singles((*lexicon.place_nouns, *lexicon.region_parts)),
        intentions=singles(lexicon.intentions),
        beliefs=singles(lexicon.beliefs),
        phrasal_antonyms=phrasal,
        phrasal_denials=frozenset(
            fold(w) for w in lexicon.denials if len(w.split()) == 2 and not w.endswith(" to")
        ),
        negated_states=singles(lexicon.negated_states),
        counted={fold(w): fold(group[0]) for group in lexicon.counted_synonyms for w in group},
        bodies={
            stem(fold(member)): stem(fold(body))
            for member, _, body in (pair.partition(":") for pair in lexicon.members)
        },
        lasting_states={
            fold(state): synonyms.get(stem(fold(ending)), stem(fold(ending)))
            for state, _, ending in (pair.partition(":") for pair in lexicon.lasting_states)
        },
    )


# Determiners and pronouns that negate their noun phrase ("no one claimed", "no fire").
_NEGATIVE_HEADS = frozenset({"no", "none", "nobody", "nothing", "neither", "nowhere", "never"})
# Words that bound a claim in time: "no offers since the vote", "not yet signed".
_LIMITS = frozenset({"since", "until"})
# Prepositions whose object is a circumstance of the event, not what it is about ("closed
# after a gas leak", "resigned despite the vote").
_CIRCUMSTANCE = frozenset(
    {
        "according",
        "after",
        "before",
        "since",
        "during",
        "amid",
        "despite",
        "following",
        "until",
        "over",
        "because",
    }
)
# Nouns that count people or things in general: what they count is told by the verb above.
_GENERIC_COUNTED = frozenset(
    """people persons person individuals individual civilians residents citizens protesters
    protestors demonstrators dissidents activists children adults men women others victims
    members workers students soldiers troops officers staff those more""".split()  # noqa: SIM905
)
# The same nouns as lemmas ("resident", "child"), as a figure's ``counted`` holds them.
GENERIC_COUNTED = (
    _GENERIC_COUNTED
    | {w[:-1] for w in _GENERIC_COUNTED if w.endswith("s")}
    | {
        "child",
        "man",
        "woman",
    }
)
# Nouns of a whole campaign, whose toll is a running total: "the war has killed 600" (not
# "the crackdown ended with the arrest of 2,400": the story's own count).
_CAMPAIGNS = frozenset(
    {"conflict", "war", "offensive", "campaign", "insurgency", "uprising"}
    | {"epidemic", "pandemic"}
)
# Words that make a figure a running total: "600 killed so far", "to date".
_RUNNING = (" so far ", " to date ", " in total ", " in all ", " altogether ", " overall ")
# Words that place a figure's event before the story's own: "last year's flood".
_EARLIER = frozenset(
    {"last", "previous", "earlier", "past", "ago", "prior", "similar", "another", "separate"}
)
# Those of them that date an event before the story's: its sentences after it tell of it.
_BEFORE_NOW = _EARLIER - {"similar", "another", "separate"}
# The modifiers of a figure's event or counted noun that can say which event it is.
_SCOPE_DEPS = frozenset(
    {"poss", "amod", "compound", "nmod", "npadvmod", "prep", "det", "nummod", "advmod"}
)
# Verbs that only give a quantity its value: "turnout reached 72%", "the toll stood at 40"; the
# figure measures their subject, not the verb.
VALUE_VERBS = frozenset(
    {"be", "reach", "stand", "hit", "rise", "fall", "climb", "total", "number", "top", "exceed"}
    | {"surpass", "remain", "percent", "drop", "increase", "decrease", "grow", "jump"}
)
# Verbs that give a figure to its thing as the value verbs do, but whose subject is not what
# it measures: "the service recorded 182 millimetres of rain", "caused $2 billion in losses".
MEASURING_VERBS = VALUE_VERBS | {"record", "register", "measure", "cause"}
# Spans of a calendar that a figure may be told "before" of: "the season before".
_SEASONS = frozenset({"season", "quarter", "term", "decade", "century"})
# Words that make a figure a norm, not a count of the story's event.
_HABITUAL = frozenset({"usually", "normally", "typically", "generally", "ordinarily"})
# Verbs whose bare length of time is how long the thing went on: "lasted four months".
_LASTING_FOR = frozenset({"last", "take", "run", "continue", "spend"})
# Dependencies of a clause's verb, for a verb the tagger took for a noun.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis"})
# Verbs of taking part, whose figure also counts those at the event they name: "12,000
# people joined the march" counts marchers, as "12,000 marched" does.
_TAKING_PART = {"join": "", "attend": "", "participate": "in", "take": "in"}
# Prepositions of a comparison: the figure they bring is another one ("against $25,000 in
# 2024", "compared with 65,000 last year").
_COMPARISON = frozenset({"against", "compared", "than", "versus", "unlike", "from"})
# Determiners that make a time noun a rate: "50 a day", "3% each year" (not "this year").
_RATE_DETS = frozenset({"a", "an", "each", "every", "per"})
# Periods a figure may be told per: "50 a day", "3 per cent a year"; and, read off the words
# after the noun, "eight rebounds a game".
_CALENDAR_PERIODS = frozenset({"day", "week", "month", "year", "hour"})
_PERIODS = _CALENDAR_PERIODS | {"night", "game", "match", "season"}
# Units of a length of time given or served ("sentenced to six years").
_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "season", "game", "match"})
# Words that make a length of time a date: "the past three years", "the next two weeks".
_RELATIVE_TIME = frozenset({"past", "last", "next", "first", "final", "coming", "previous"})
# Units of a length of time, in days: a figure counting them is a duration.
_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
# Verbs whose subject undergoes them, as the object of "kill" does: "died", "survived".
_PATIENT_SUBJECT = frozenset({"die", "survive", "perish", "drown"})
_PATIENT_PHRASES = frozenset({"pass away"})
# Words that put a figure in the whole country, and the place they name.
_NATIONWIDE = frozenset({"nationwide", "countrywide", "nationally", "national"})
NATION = "nation"
# Prepositions that put a figure in a place ("in the province", "across 14 countries").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "around", "throughout", "inside"})
# A unit glued to a figure by a hyphen: "30-point", "10-game", "86-yard".
_HYPHEN_UNIT = re.compile(r"[-–]([^\W\d_]+)")
# Words that make a bound loose: "shortly after 6 a.m." is about 6 a.m.
_LOOSE_BOUND = frozenset({"shortly", "just", "soon", "right"})
# The part of the day after a clock time: "9:30 in the evening".
_DAY_PART = re.compile(r"\s+(?:in the (?:morning|afternoon|evening)|at night)\b", re.IGNORECASE)
# A token that is a clock time: "23:40", "10.40pm", "9:30".
_CLOCK_TOKEN = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ap]\.?m\.?)?", re.IGNORECASE)
# A clock time in words: "a quarter past five in the morning", "half past six", "ten o'clock"
# (with neither minutes nor "o'clock" a number word is no time; the time rule reads it too).
HOURS = ["one", "two", "three", "four", "five", "six"]
HOURS += ["seven", "eight", "nine", "ten", "eleven", "twelve"]
WORD_CLOCK = re.compile(
    r"\b(?:(?P<minutes>a quarter|quarter|half|twenty-five|twenty|ten|five)\s+(?P<dir>past|to)\s+)?"
    rf"(?P<hour>{'|'.join(HOURS)})(?P<oclock>\s+o'clock)?"
    r"(?P<part>\s+in the (?:morning|afternoon|evening)|\s+at night)?",
    re.IGNORECASE,
)
# Prepositions that make a clock time a bound: "after 8 p.m.", "until midnight" (the time rule
# reads them too).
TIME_BOUNDS = frozenset({"after", "before", "by", "until", "till", "since", "from", "past"})
# Verbs by which a source relays another's figure: "Reuters, citing the ministry, said".
_RELAY_VERBS = frozenset({"cite", "quote"})
# Verbs that voice words of another's text: "the senator read out the letter: '...'".
_RECITING = frozenset({"read", "recite", "cite", "quote"})
# Verbs that put the speaker's words on a thing: "she called the plan 'a costly mistake'",
# "he described it as 'a disgrace'"; the quote in their clause is the subject's.
_LABELLING = frozenset({"call", "describe", "dub", "brand", "label", "term"})
# Verbs that say a thing happened: "meetings were held", "talks took place".
_EXISTENCE = frozenset(
    {
        "hold",
        "take",
        "happen",
        "occur",
        "be",
        "convene",
        "exist",
        "break",
        "reach",
        "strike",
        "seal",
    }
)


# Words no time expression holds: a date entity with one is an amount.
# "between 40 and 60 million", "the age of 81", "aged 81": the parser's dates that are none.
_NOT_A_TIME = re.compile(
    r"\b(?:million|billion|trillion|percent|age|aged)\b|[%$€£¥]", re.IGNORECASE
)
_GLUED_AFTER = re.compile(r"[-–/:.]\d")
_GLUED_BEFORE = re.compile(r"\d[/:.]$")


def _glued(text: str, start: int, end: int, *, ranged: bool) -> bool:
    """A number that is a piece of a score, a date or a clock time ("won 3-0", "a 20-13 win",
    "14/09/2013", "13:26"), or a team's record in brackets ("the Chiefs (2-13)"): no count."""
    if _GLUED_AFTER.match(text, end) or _GLUED_BEFORE.search(text[max(0, start - 2) : start]):
        return True
    return ranged and text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _name(token: Token) -> bool:
    """A proper name that can own a figure: not a day or a month ("Sunday's earthquake")."""
    return token.pos_ == "PROPN" and token.ent_type_ not in ("DATE", "TIME")


def _generic(token: Token) -> bool:
    """A noun that counts people or things in general ("2,000 individuals", "an activist")."""
    return fold(token.text) in _GENERIC_COUNTED or fold(token.lemma_) + "s" in _GENERIC_COUNTED


# Clause dependencies: a token with one of these heads a clause of its own.
_CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj", "csubjpass"}
)
_CLAUSE_DEPS_ALL = _CLAUSE_DEPS | {"parataxis"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "dative"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
_QUOTE_PAIRS = re.compile(
    r"“([^”]{3,}?)”|\"([^\"]{3,}?)\"|‘([^’]{12,}?)’"
    # straight single quotes, as many outlets print them: an opening one after a space or
    # a colon and before a capital, a closing one before a space or a stop; an apostrophe
    # inside a word ("we'll", "minister's") is neither
    r"|(?<![^\s(\[:—–])'([A-Z](?:[^'\n]|(?<=\w)'(?=\w)){11,}?)'(?=[\s,.;:!?)\]]|$)"
    # or before a small letter after "that": "said that 'there will be no new taxes'"
    r"|(?<=\bthat )'([a-z](?:[^'\n]|(?<=\w)'(?=\w)){11,}?)'(?=[\s,.;:!?)\]]|$)"
)


def _key(token: Token, words: _Words) -> str:
    """A word's comparison key: the stem of its lemma for verbs (irregular forms meet:
    "won"/"win"), of the word itself otherwise (the one stemmer of ``normalize``), with the
    lexicon's synonyms met."""
    key = _stem_key(token)
    complement = _complement(token, key, words)
    if complement is not None:
        key = words.complements[(key, fold(complement.text))]  # "was found guilty": convicted
    return words.synonyms.get(key, key)


# Prefixes that negate an adjective: "unarmed", "illegal", "irregular", "dishonest".
_NEGATING_PREFIXES = ("non-", "non", "un", "in", "il", "im", "ir", "dis")


def _prefixed_opposite(token: Token) -> str | None:
    """The key of what a negated adjective denies ("unarmed": arm, "illegal": legal), for a
    predicate adjective only: a prefix on a verb or noun ("unveil", "inform", "discover")
    rarely negates. The key meets only a claim that uses the bare word, so a prefix that
    does not negate ("intense", "unique") finds nothing to deny."""
    if token.pos_ != "ADJ" or token.dep_ not in ("ROOT", "acomp", "oprd", "conj", "ccomp"):
        return None
    word = fold(token.text)
    for prefix in _NEGATING_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and rest.isalpha():
            return stem(rest)
    return None


def _stem_key(token: Token) -> str:
    """The stem of a word's lemma for verbs, of the word itself otherwise."""
    base = token.lemma_ if token.pos_ in ("VERB", "AUX") else token.text
    return stem(fold(base or token.text))


def _charge(complement: Token | None, words: _Words) -> tuple[str, ...]:
    """What a verdict or a charge is of ("not guilty of murder", "was convicted of perjury"):
    part of what the claim is about, so that "guilty of manslaughter" is another verdict."""
    if complement is None:
        return ()
    return tuple(
        _key(pobj, words)
        for prep in complement.children
        if prep.dep_ == "prep" and fold(prep.text) == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    )


def _complement(token: Token, key: str, words: _Words) -> Token | None:
    """The complement that makes a verb (its stem ``key``) another predicate of the lexicon
    ("guilty" in "was found guilty", "found the captain not guilty"), if any."""
    if not words.complements:
        return None
    # an adjective right after the object (or after its apposition) is said of it: "found
    # the fisherman alive", "found the former mayor, Piet Vanner, guilty"
    obj = _argument(token, frozenset({"dobj"}))
    after_object = (
        [c for c in obj.children if c.dep_ == "amod" and _only_apposition_between(obj, c)]
        if obj is not None
        else []
    )
    return next(
        (
            child
            for child in [*token.children, *after_object]
            if child.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "amod")
            and (key, fold(child.text)) in words.complements
        ),
        None,
    )


# Units of a gap that puts a clause's event before the story's: "two years after", "months
# after".
_LONG_UNITS = frozenset({"year", "month", "decade"})


def _long_after(clause: Token) -> bool:
    """A clause the story tells as long before its own event: "..., two years after a crash
    injured 90", "months after floods killed 12" (the parser may hang "after" as the
    clause's mark or preposition, or hang the clause under it)."""

    def long_gap(after: Token, *more: Token) -> bool:
        gaps = [*after.children, *(c for t in more for c in t.children)]
        return any(c.dep_ == "npadvmod" and fold(c.lemma_) in _LONG_UNITS for c in gaps)

    if clause.dep_ == "advcl":
        for after in clause.children:
            if (
                after.dep_ in ("prep", "mark")
                and fold(after.text) == "after"
                and long_gap(after, clause)
            ):
                return True
    for above in list(clause.ancestors)[:4]:
        if above.dep_ == "prep" and fold(above.text) == "after" and long_gap(above):
            return True
    return False


def _sharing_participle(verb: Token) -> bool:
    """A present participle after its host's clause, with no subject or time of its own
    ("walked out on Saturday, launching a strike"): one act with its host, at its time. Not
    one that counts ("derailed on Tuesday, killing nine"): its count is the event's toll,
    which a time of its own would tell apart from a later one."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "mark" for c in verb.children)
        and not any(t.like_num for t in _own_subtree(verb))
    )


# The key of a claim that a thing was left as it was ("kept rates on hold"), and the verbs of
# the changes it denies.
UNCHANGED = "unchanged"
_DOBJ = frozenset({"dobj"})
_CHANGE_VERBS = frozenset(
    {"cut", "raise", "lower", "hike", "increase", "reduce", "lift", "slash", "trim", "change"}
)
_STEADY = frozenset({"unchanged", "steady", "stable", "flat"})
# How the parser may hang that word: on the verb or, after it, on the object.
_STATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "advmod", "amod"})


def _held_steady(verb: Token) -> Token | None:
    """The word that says a verb left its object as it was ("left its cash rate unchanged",
    "kept interest rates on hold", "held rates steady"), or None."""
    obj = _argument(verb, _DOBJ)
    if fold(verb.lemma_) not in ("leave", "keep", "hold") or obj is None:
        return None
    # "left its main rate unchanged": the parser may hang the state on the object
    after = [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
    for child in [*verb.children, *after]:
        if fold(child.text) in _STEADY and child.dep_ in _STATE_DEPS:
            return child
        if child.dep_ == "prep" and fold(child.text) == "on":
            hold = _argument(child, frozenset({"pobj"}))
            if hold is not None and fold(hold.text) == "hold":
                return hold
    return None


def _reschedules(verb: Token) -> bool:
    """A verb that gives an event a new time ("moved to Sunday", "pushed back to May")."""
    if fold(verb.lemma_) in _RESCHEDULING:
        return True
    # the particle may take the time itself ("pushed back to Sunday": "back" holds "to")
    particles = (c for c in verb.children if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1)
    return any(f"{fold(verb.lemma_)} {fold(c.text)}" in _RESCHEDULING_PHRASES for c in particles)


def _puts_at(verb: Token) -> bool:
    """ "put the toll at 37", "placed the damage at $2 million", "police counted 8,000": an
    estimate, its subject the party that claims it."""
    lemma = fold(verb.lemma_)
    if lemma in ("count", "tally"):
        # "police counted 8,000", "counted 15,000 marchers": the counter's figure
        return any(
            c.dep_ == "dobj" and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
            for c in verb.children
        )
    return lemma in ("put", "place") and _put_at_figure(verb) is not None


# Verbs whose counted object is a figure told, not a deed: "reported nine deaths".
_FIGURE_REPORTS = frozenset({"report", "record", "announce", "confirm", "estimate", "cite"})


def _claims_a_figure(verb: Token) -> bool:
    """A verb of saying or estimating that tells a figure as its subject's word: "organisers
    claimed 25,000", "police counted 8,000", "put the toll at 37", "said 40 died" (not "the
    floods claimed 65 lives": a deed)."""
    if _puts_at(verb):
        return True
    # "the ministry reported nine deaths": a counted object told by a verb that only reports
    # (not "claimed 65 lives", "added 120 beds": deeds)
    counts = fold(verb.lemma_) in _FIGURE_REPORTS
    return any(
        c.dep_ in ("ccomp", "xcomp", "parataxis")
        or (
            c.dep_ == "dobj"
            and (c.like_num or (counts and any(g.dep_ == "nummod" for g in c.children)))
        )
        for c in verb.children
    )


def _put_at_figure(verb: Token) -> Token | None:
    """The "at" that gives the figure a verb puts something at: "put the toll at 37"; also
    when the parser hangs it lower ("put the number of marchers protesting ... at 22,000")."""
    direct = next((c for c in verb.children if c.dep_ == "prep" and fold(c.text) == "at"), None)
    if direct is not None:
        return direct
    return next(
        (
            t
            for t in verb.subtree
            if t.dep_ == "prep" and fold(t.text) == "at" and any(c.like_num for c in t.children)
        ),
        None,
    )


def _own_doors(obj: Token) -> bool:
    """ "its doors", "their doors": a thing's own doors, closed or opened as itself."""
    return fold(obj.lemma_) == "door" and any(
        c.dep_ == "poss" and fold(c.text) in ("its", "their") for c in obj.children
    )


# Words that make a phrasal verb with the verb before them.
_PARTICLES = frozenset(
    {"out", "off", "up", "down", "away", "back", "through", "over", "ahead", "in", "on"}
)


def _predicate_end(token: Token) -> int:
    """Where the predicate's words end: after its particle when it follows at once ("turned
    down", "step down"), for a phrasal verb is one word to a reader."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    particle = (
        following is not None
        and following.head.i == token.i
        and (
            following.dep_ == "prt"
            # "fell through on deadline day", "walked out": a bare particle the parser read
            # as a preposition or an adverb (not "rose sharply")
            or (
                following.dep_ in ("prep", "advmod")
                and fold(following.text) in _PARTICLES
                and not list(following.children)
            )
        )
    )
    if following is not None and particle:
        return following.idx + len(following.text)
    return token.idx + len(token.text)


def _only_apposition_between(noun: Token, after: Token) -> bool:
    """A word after the noun, with nothing but the noun's apposition and its commas between."""
    if after.i <= noun.i:
        return False
    between = noun.doc[noun.i + 1 : after.i]
    appositions = [c for c in noun.children if c.dep_ == "appos"]
    return all(t.dep_ == "punct" or any(t in a.subtree for a in appositions) for t in between)


def _phrase(token: Token) -> tuple[int, int]:
    """Offsets of a token's subtree, without clauses hanging from it."""
    left, right = token.i, token.i
    for t in token.subtree:
        if t.dep_ in ("relcl", "acl", "ccomp", "advcl", "punct") and t.head.i == token.i:
            continue
        inside = all(
            a.i == token.i or a.dep_ not in ("relcl", "acl", "ccomp", "advcl")
            for a in _path(t, token)
        )
        if inside and t.dep_ != "punct":
            left, right = min(left, t.i), max(right, t.i)
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _identity(head: Token) -> list[Token]:
    """The words that say who or what a phrase is: its head with compounds, adjectives,
    possessors and "of" phrases ("thousands of homes"), not where it is ("near the
    hospital") or clauses hung on it."""
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for child in t.children:
            keep = child.dep_ in ("compound", "amod", "poss", "nmod", "appos", "nummod")
            keep = keep or (child.dep_ == "prep" and fold(child.text) == "of")
            keep = keep or (child.dep_ == "pobj" and fold(t.text) == "of")
            if keep:
                out.append(child)
                stack.append(child)
    return out


# Words that head a phrase for the noun of their "of" phrase: "none of the hostages", "three of
# the victims", "some of the staff".
_QUANTIFIERS = frozenset(
    [
        "none",
        "some",
        "all",
        "many",
        "most",
        "few",
        "several",
        "each",
        "any",
        "both",
        "one",
        "half",
        "either",
        "neither",
    ]
)


def _head_noun(token: Token) -> Token:
    """The noun a phrase is about: the "of" noun of a quantifier ("none of the hostages":
    hostages), else the phrase's head."""
    if fold(token.text) in _QUANTIFIERS or token.like_num:
        for child in token.children:
            if child.dep_ == "prep" and fold(child.text) == "of":
                pobj = _argument(child, frozenset({"pobj"}))
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return token


def _owner_keys(token: Token | None, words: _Words) -> set[str]:
    """Keys of the possessors of a phrase's head ("Larsen's assistant": larsen), or of what it
    is "of" ("results of Williams' test": williams, not the one released)."""
    if token is None:
        return set()
    keys = {
        _key(t, words)
        for child in token.children
        if child.dep_ == "poss"
        for t in child.subtree
        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop
    }
    for prep in token.children:
        if prep.dep_ == "prep" and fold(prep.text) == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    keys |= _owner_keys(pobj, words)
    return keys


def _indefinite(token: Token | None) -> bool:
    """A phrase about any one thing of a kind: "a club", "any club", "a single club"."""
    if token is None or token.pos_ not in ("NOUN",):
        return False
    dets = [c for c in token.children if c.dep_ == "det"]
    return bool(dets) and fold(dets[0].text) in ("a", "an", "any")


def _numbered(token: Token | None) -> str:
    """The number that names a definite phrase ("the 100 metres", "the 2019 final")."""
    if token is None:
        return ""
    children = list(token.children)
    if not any(c.dep_ == "det" and fold(c.text) == "the" for c in children):
        return ""
    for child in children:
        if child.dep_ in ("nummod", "compound", "amod") and child.text[:1].isdigit():
            if _score(child):
                continue  # "the 2-1 victory": a result, not a name
            return child.text.replace(",", "")
    return ""


def _score(token: Token) -> bool:
    """A number of a score or result: "2-1", "3–0" (told as one word or three)."""
    if re.fullmatch(r"\d+[-–]\d+", token.text):
        return True
    return _joined_to_next(token) and token.doc[token.i + 2].text.isdigit()


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    t = token
    while t.i != top.i and t.head.i != t.i:
        path.append(t)
        t = t.head
    return path


def _stop(token: Token) -> bool:
    """A stop word, less the nouns spaCy's list holds as other words ("the mine", "the
    front", "his side")."""
    return bool(token.is_stop) and token.pos_ != "NOUN"


def _content_keys(tokens: Iterable[Token], words: _Words) -> tuple[str, ...]:
    keys = {
        _key(t, words)
        for t in tokens
        if t.pos_ in _CONTENT_POS and not _stop(t) and len(t.text) > 1 and not t.like_num
    }
    keys |= {t.text.replace(",", "") for t in tokens if t.like_num and t.text[:1].isdigit()}
    keys |= {words.bodies[k] for k in keys if k in words.bodies}  # "senators": the senate
    return tuple(sorted(keys))


def _object_keys(obj: Token, words: _Words) -> tuple[str, ...]:
    """An object's content keys, with its ordinals ("the first round", "the second
    recording"): a stop word to spaCy, which thing it is to a reader."""
    ordinals = {fold(t.text) for t in obj.subtree if t.ent_type_ == "ORDINAL" and t.is_alpha}
    return tuple(sorted(set(_content_keys(obj.subtree, words)) | ordinals))


def _own_subtree(token: Token) -> list[Token]:
    """A clause's tokens without its sub-clauses (their own claims)."""
    out = []
    stack = [token]
    while stack:
        t = stack.pop()
        out.append(t)
        for child in t.children:
            if child.dep_ in _CLAUSE_DEPS_ALL and _is_predicate(child):
                continue
            stack.append(child)
    return out


def _is_predicate(token: Token) -> bool:
    if (
        token.lemma_ in ("have", "be")
        and any(c.dep_ == "xcomp" for c in token.children)
        and any(fold(c.text) == "yet" for c in token.children)
    ):
        return False  # "has yet to sign": the claim is the signing
    if token.pos_ == "VERB":
        return token.dep_ not in ("aux", "auxpass", "amod", "compound")
    if token.pos_ == "AUX":
        # a copula heading its clause: "Smith was captain", "the toll is 40"
        return token.dep_ in _CLAUSE_DEPS_ALL and any(
            c.dep_ in ("attr", "acomp", "nsubj") for c in token.children
        )
    return False


def _argument(token: Token, deps: frozenset[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    # passive agent: "was arrested by police" -> the agent is the doer, not an object
    return None


def _condition(clause: Token) -> bool:
    """A clause of condition: "if the team were in contention", "unless talks resume"."""
    return clause.dep_ == "advcl" and any(
        fold(m.text) in ("if", "unless") for m in clause.children if m.dep_ == "mark"
    )


def _participle_host(token: Token) -> Token | None:
    """The clause a bare participle hangs from, whose doer is its doer: "Opened in 1996, the
    museum will close"; "she won the race by leading from the start", "while adding six"
    (None otherwise)."""
    if token.tag_ not in ("VBN", "VBG") or any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children
    ):
        return None
    if token.dep_ == "advcl":
        return token.head
    by = token.head
    # "than" may be read as a conjunction: "sent it back rather than rejecting it"
    if (
        token.dep_ == "pcomp"
        and token.tag_ == "VBG"
        and by.dep_ in ("prep", "cc")
        and by.head.i != by.i
    ):
        return by.head if by.head.pos_ in ("VERB", "AUX") else None
    return None


def _being_done(token: Token) -> bool:
    """A passive gerund with no subject of its own: "after being turned away"."""
    return (
        token.dep_ == "pcomp"
        and token.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in token.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _antecedent(token: Token) -> Token:
    """What a relative pronoun stands for ("the Chiefs, who had 352 yards": the Chiefs); any
    other word is itself."""
    clause = token.head
    if token.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return _told_of(clause)
    return token


def _told_of(clause: Token) -> Token:
    """The noun a relative clause tells of: the one it hangs on, or, when the clause is set
    off by a comma after a subject's prepositional phrase ("the strike at the Antwerp port,
    which began on Wednesday"; "the tunnel under the Elbe, which opened in 2001"), the
    subject's head, which the parser leaves for the nearer noun."""
    noun = clause.head
    prep = noun.head
    comma = clause.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","
    if (
        comma
        and noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.dep_ in ("nsubj", "nsubjpass")
        and prep.head.pos_ in ("NOUN", "PROPN")
        and noun.ent_type_ != "PERSON"
    ):
        return prep.head
    return noun


# Predicates that place an event in time: what they are told of is the event ("the summit
# will be held on 3 March", "the verdict is due on Thursday").
_PLACING = frozenset({"hold", "happen", "occur", "schedule"})
# Verbs that give an event a new time, the one after "to", "until" or "for" ("the final has
# been moved to Sunday", "the vote was postponed until March"; not the day it was moved on).
_RESCHEDULING = frozenset({"move", "postpone", "delay", "reschedule"})
_RESCHEDULING_PHRASES = frozenset({"push back", "put off", "put back", "bring forward"})
_NEW_TIME = frozenset({"to", "until", "till", "for"})
# Phrasal verbs that tell an event took place ("the blast went off at 7 a.m.").
_PLACING_PHRASES = frozenset({"go off", "break out"})
# Verbs of going, whose "to" names the event gone to ("voters go to the polls on Sunday").
_GOING = frozenset({"go", "return", "head"})
# Verbs of deciding or telling: their object's time is its own only after "for" ("called an
# election for May 18"; "announced the election on Monday" tells when it was announced).
_SETTING = frozenset({"call", "set", "announce", "schedule", "fix", "confirm", "plan"})
# Nouns of a stretch of time: after a preposition, when a thing happened ("on deadline day",
# "in the morning"), not what it is about.
_TIME_NOUNS = frozenset(
    {"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year"}
)
# Nouns that say when a thing is, not what it is ("set the date of the by-election").
_WHEN_NOUNS = frozenset({"date", "day", "time"})
_NOUNS = frozenset({"NOUN", "PROPN"})


# Verbs whose "on" names an event that starts ("workers went on strike", "will go on trial").
_STARTING_ON = frozenset({"go", "come"})
# What "came into" names when a thing starts to hold ("the truce came into force").
_IN_FORCE = frozenset({"force", "effect"})


def _prep_object(verb: Token, preposition: str) -> str:
    """The folded object of the verb's preposition ("came into force": force), "" if none."""
    for c in verb.children:
        if c.dep_ == "prep" and fold(c.text) == preposition:
            pobj = _argument(c, frozenset({"pobj"}))
            if pobj is not None:
                return fold(pobj.text)
    return ""


# Verbs that place an event's start or end: "the truce takes effect at noon", "the strike
# began on Monday", "production started in May".
_ASPECTS = {"begin": "start", "start": "start", "commence": "start", "end": "end"}
_ASPECTS |= {"finish": "end", "conclude": "end", "break out": "start", "launch": "start"}


def _event_noun(verb: Token) -> tuple[Token, bool, str] | None:
    """The noun of the event the clause's times belong to, whether the clause places it
    ("the runoff will be held on 9 November", "the verdict is due", "the auction, held on
    Sunday", "Saturday's auction raised", "the strike began on Monday") or tells of it ("meet
    on 10 March for the summit", "at the auction", "will play her farewell concert on 19
    September"), and the part of it placed: "start", "end", or "" for the whole."""
    lemma = fold(verb.lemma_)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    took_effect = lemma == "take" and obj is not None and fold(obj.text) == "effect"
    took_effect = took_effect or (lemma == "come" and _prep_object(verb, "into") in _IN_FORCE)
    aspect = "start" if took_effect else _ASPECTS.get(_phrasal(verb)) or _ASPECTS.get(lemma, "")
    if lemma == "open" and obj is None and subject is not None and subject.pos_ in _NOUNS:
        return subject, True, "start"  # "the trial will open in October"
    if lemma in _STARTING_ON:
        begun = next(
            (
                p
                for c in verb.children
                if c.dep_ == "prep" and fold(c.text) == "on"
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.ent_type_
            ),
            None,
        )
        if begun is not None:
            return begun, True, "start"  # "went on strike on Tuesday", "goes on trial in May"
    passive_subject = subject is not None and subject.dep_ == "nsubjpass"
    placing = (
        aspect
        or lemma in _PLACING
        or _reschedules(verb)
        or (lemma == "play" and passive_subject)  # "the final will be played on Saturday"
        # "the election is set for 10 March" (not "set a record")
        or (lemma == "set" and passive_subject and _prep_object(verb, "for") != "")
        or _phrasal(verb) in _PLACING_PHRASES
        or (lemma == "take" and obj is not None and fold(obj.text) == "place")
        or (
            lemma == "be"
            and any(c.dep_ == "acomp" and fold(c.text) == "due" for c in verb.children)
        )
    )
    if placing:
        if obj is not None and obj.pos_ in _NOUNS and lemma != "take":
            return obj, True, aspect  # "leaders held talks on Monday", "began production in May"
        if subject is not None and subject.pos_ in _NOUNS:
            return subject, True, aspect
        told_of = _told_of(verb) if verb.dep_ == "relcl" else None
        if told_of is not None and told_of.pos_ in _NOUNS:
            return told_of, True, aspect  # "a truce that takes effect"
        if verb.dep_ == "acl" and verb.head.pos_ in _NOUNS:
            return verb.head, True, aspect  # "the auction, held on Sunday"
        return None
    for arg in (subject, obj):
        if arg is not None and any(
            c.dep_ == "poss" and c.ent_type_ == "DATE" for c in arg.children
        ):
            return arg, True, ""  # "Saturday's auction raised €80k"
    # "meet for the summit", "spoke at the rally", "voters go to the polls"
    going = lemma in _GOING
    for prep in verb.children:
        if prep.dep_ == "prep" and (
            fold(prep.text) in ("for", "at") or (going and fold(prep.text) == "to")
        ):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and not pobj.ent_type_:
                    return pobj, False, ""
    if obj is not None and fold(obj.lemma_) in _WHEN_NOUNS:
        obj = next(
            (
                p
                for c in obj.children
                if c.dep_ == "prep" and fold(c.text) == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    if obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_:
        return obj, False, ""
    return None


def _event_keys(noun: Token, words: _Words) -> tuple[str, ...]:
    """An event noun's key, then the keys of the other words that say which it is."""
    head = _key(noun, words)
    rest = _content_keys(
        (
            t
            for t in _identity(noun)
            if t is not noun and t.ent_type_ not in ("DATE", "TIME") and not _in_compound(t)
        ),
        words,
    )
    # "the first round", "the next summit", "the previous strike": stop words to spaCy, which
    # event it is to a reader
    marks = {
        fold(t.text)
        for t in noun.children
        if t.dep_ == "amod" and t.is_alpha and not _in_compound(t)
    }
    return (head, *sorted((set(rest) | marks) - {head}))


# Verbs that tell a state as lasting ("remains closed", "stayed shut").
_LASTING_VERBS = frozenset({"remain", "stay"})


_AUX_DEPS = frozenset({"aux", "auxpass"})


def _lasting_verb(token: Token) -> bool:
    """ "remain" or "stay", also where the parser left the word its own lemma ("stayed" as
    an auxiliary)."""
    return fold(token.lemma_) in _LASTING_VERBS or stem(fold(token.text)) in _LASTING_VERBS


def _lasting_state(verb: Token, state: Token, words: _Words) -> tuple[str, Token] | None:
    """The key of the event a lasting state denies, and the state's word: "remains closed"
    (reopen), "is still missing" (find), "remains at large" (arrest); None when the clause
    tells no lasting state of the lexicon's, or bounds it ("remains closed until March"
    says when it reopens)."""
    if fold(verb.lemma_) == "keep" and not _until(verb):
        # "kept the bridge closed": its object stays in the state
        for c in verb.children:
            if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and not _until(c):
                ending = words.lasting_states.get(fold(c.text))
                if ending is not None:
                    return ending, c
    still = any(
        c.dep_ == "advmod" and fold(c.text) == "still" for t in (verb, state) for c in t.children
    )
    lasting = _lasting_verb(verb) or any(
        c.dep_ in _AUX_DEPS and _lasting_verb(c) for c in verb.children
    )  # "stayed shut" with "stayed" read as an auxiliary
    if not (still or lasting) or _until(verb) or _until(state):
        return None
    ending = words.lasting_states.get(fold(state.text))
    if ending is not None:
        return ending, state  # "closed", or "missing" parsed as the verb ("are still missing")
    for prep in verb.children:
        # "at large" (the parser may hang "large" on "at" as a modifier), "in force"
        for noun in prep.children if prep.dep_ == "prep" else ():
            phrase = f"{fold(prep.text)} {fold(noun.text)}"
            if phrase in words.lasting_states:
                return words.lasting_states[phrase], noun
    return None


# Prepositions that bring in the figure a figure is compared with: "up from 48,000 last
# year", "compared with 40,000 in 2021", "down 8 percent on last year".
_BASE_PREPOSITIONS = frozenset({"from", "with", "than", "on"})


def _of_a_base(ent: Span, verb: Token) -> bool:
    """A time that dates the figure a clause compares with, not the clause: "sold 62,000
    tickets, up from 48,000 last year" was told of this year."""
    t = ent.root
    while t.i != verb.i and t.head.i != t.i:
        if (
            t.dep_ == "prep"
            and fold(t.text) in _BASE_PREPOSITIONS
            and any(n.like_num and not (ent.start <= n.i < ent.end) for n in t.subtree)
        ):
            return True
        t = t.head
    return False


def _until(verb: Token) -> bool:
    """A clause bounded by "until" ("did not leave until midnight", "could not reach the yacht
    until the wind dropped"): told of when it happens."""
    return any(
        (c.dep_ == "prep" and fold(c.text) == "until")
        or (
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and fold(m.text) in ("until", "till") for m in c.children)
        )
        for c in verb.children
    )


# Words that make a figure an amount on top of another: "another 15", "a further 300", "four
# other people died".
_INCREMENTS = frozenset({"another", "additional", "further", "extra", "other"})


def _increment(top: Token, counted: Token | None) -> bool:
    """A figure told as more of something: "another 15 centimetres of snow fell"; "two more"
    (not "two more than last year"; whether a bare "more" adds to a figure told before is for
    the sentence's other figures to say, in ``_Reader._figures``)."""
    if any(
        c.dep_ in ("det", "amod", "advmod", "quantmod") and fold(c.text) in _INCREMENTS
        for t in (top, counted)
        if t is not None
        for c in t.children
    ):
        return True
    return _more(top, counted)


def _more(top: Token, counted: Token | None) -> bool:
    """ "two more", "three more people", "dozens more" right after the figure."""
    doc = top.doc
    places = [top.i + 1]  # "three more people"
    if counted is not None and counted.i == top.i + 1:
        places.append(counted.i + 1)  # "three people more"
    more = next((i for i in places if i < len(doc) and fold(doc[i].text) == "more"), None)
    return more is not None and (more + 1 >= len(doc) or fold(doc[more + 1].text) != "than")


def _more_after(verb: Token, top: Token, counted: Token | None) -> bool:
    """The clause goes on with "... more" after the figure ("killed 170,000 people in the
    province and tens of thousands more in countries around the Indian Ocean"); not the
    figure's own "more" ("injuring dozens more")."""
    doc = verb.doc
    last = max(top.i, counted.i if counted is not None else top.i)
    return any(
        c.dep_ == "advmod"
        and fold(c.text) == "more"
        and c.i > last + 1
        and (c.i + 1 >= len(doc) or fold(doc[c.i + 1].text) != "than")
        for c in verb.children
    )


def _alone_after(verb: Token, top: Token) -> bool:
    """The clause narrows its figure to a place "alone" ("killing 170,000 people in Sumatra
    alone"): a part of a larger toll."""
    return any(
        fold(t.text) == "alone" and t.i > top.i + 1 and t.doc[t.i - 1].dep_ == "pobj"
        for t in verb.subtree
    )


def _semicolon_between(x: Token, y: Token) -> bool:
    """A semicolon between two words: they are in two clauses."""
    lo, hi = sorted((x.i, y.i))
    return any(t.text == ";" for t in x.doc[lo:hi])


# Verbs that hold a state as a copula does: "remains chief executive", "stayed open",
# "escaped unharmed".
_STATE_VERBS = frozenset({"remain", "stay", "escape"})


def _no_longer_at(token: Token) -> bool:
    """ "no longer" ("is no longer chief executive"): "longer" with its "no"."""
    return (
        fold(token.text) == "longer"
        and token.dep_ == "advmod"
        and any(fold(c.text) == "no" and c.i == token.i - 1 for c in token.children)
    )


# The alternative a clause sets aside: "rather than rejecting it", "instead of fighting".
_SET_ASIDE = frozenset({("rather", "than"), ("instead", "of")})


def _alternative_declined(verb: Token) -> bool:
    """A verb told as the road not taken ("sent the appeal back rather than rejecting it"):
    the parser hangs it under "than" / "of" with "rather" / "instead" beside."""
    head = verb.head
    return verb.dep_ == "pcomp" and any(
        (fold(c.text), fold(head.text)) in _SET_ASIDE for c in head.children if c.i < head.i
    )


# Verbs whose complement has ended: "stopped making", "ceased trading", "quit smoking".
_CEASING = frozenset({"stop", "cease", "quit", "halt", "discontinue"})


def _stopped(verb: Token) -> bool:
    """A clause its verb of ceasing governs ("stopped dumping waste", "has stopped"), told as
    done: not advice or a plan ("stop using it", "will stop selling")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VBG"
        and fold(head.lemma_) in _CEASING
        and head.tag_ in ("VBD", "VBZ", "VBP", "VBN")
    )


def _no_longer(verb: Token) -> bool:
    return any(_no_longer_at(c) for c in verb.children)


def _past(verb: Token) -> bool:
    """A clause in the past tense: the verb (or its first auxiliary) is a past form."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    first = auxes[0] if auxes else verb
    return first.tag_ == "VBD" and fold(first.text) not in ("would", "could", "might")


def _in_compound(token: Token) -> bool:
    """A part of a hyphenated adjective ("open-ended", "long-running"): how the event goes,
    not which event it is."""
    return _hyphened(token) or _joined_to_next(token)


def _joined_to_next(token: Token) -> bool:
    """A word joined by a hyphen to the word after it, with no space either side ("open" in
    "open-ended", "2" in "2-1")."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text in ("-", "–")
        and not token.whitespace_
        and not doc[token.i + 1].whitespace_
    )


def _hyphened(token: Token) -> bool:
    """A word joined to the one before it by a hyphen ("death" in "pro-death jurors"): part
    of a compound adjective, not a word of its own."""
    i = token.i
    if i < 2:
        return False
    dash = token.doc[i - 1]
    return dash.text in ("-", "–") and not dash.whitespace_ and not token.doc[i - 2].whitespace_


# Verbs whose object does the gerund after their preposition: "accused the army of
# shelling" (the army shelled), "thanked the crew for rescuing", "charged him with stealing".
_OBJECT_CONTROL = frozenset(
    {
        "accuse",
        "blame",
        "charge",
        "convict",
        "suspect",
        "condemn",
        "criticize",
        "criticise",
        "fault",
        "thank",
        "praise",
        "congratulate",
        "sue",
        "fine",
        "punish",
    }
)
# Of those, the ones that credit the deed to their subject, as a claim of its own: "South
# Sudan accused Sudan of bombing the camp" is South Sudan's word that the bombing happened.
_ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise"})


def _controller(gerund: Token) -> Token | None:
    """The verb above a gerund after its preposition, when the verb's object does the gerund
    ("accused Sudan of bombing": accused), else None."""
    by = gerund.head
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or by.dep_ != "prep":
        return None
    if by.lower_ not in ("of", "for", "with"):
        return None
    host = by.head
    return host if fold(host.lemma_) in _OBJECT_CONTROL else None


# Parts of speech that open a noun phrase ("each player").
_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})


def _apiece(counted: Token) -> bool:
    """ "two players ran for 100 yards apiece", "120 yards each": a figure per member
    (read off the words, which the parser hangs in many ways)."""
    doc = counted.doc
    after = doc[counted.i + 1] if counted.i + 1 < len(doc) else None
    if after is None or after.lower_ not in ("apiece", "each"):
        return False
    # "each" that opens a noun phrase is another claim's: "40 points, each player ..."
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return after.lower_ == "apiece" or following is None or following.pos_ not in _PHRASE_POS


def _per_period(counted: Token) -> bool:
    """ "eight rebounds a game": a figure per period, read off the words right after its
    noun (the parser may take "a game" for the clause's subject)."""
    doc = counted.doc
    det, noun = (doc[counted.i + k] if counted.i + k < len(doc) else None for k in (1, 2))
    return (
        det is not None
        and noun is not None
        and det.lower_ in _RATE_DETS
        and fold(noun.lemma_) in _PERIODS
    )


# Words that cut a window out of a sequence: "the first eight points", "her last three games".
_WINDOWS = frozenset({"first", "opening", "last", "final"})


def _window(counted: Token | None) -> str:
    """ "first" for "five of the team's first eight points": the figure counts within a
    window of the sequence, not the whole of it ("" otherwise)."""
    if counted is None:
        return ""
    numbers = {c.i for c in counted.children if c.dep_ == "nummod"}
    for child in counted.children:
        # right before the number: "the first eight", not "the final injured 73 people"
        if child.dep_ == "amod" and child.lower_ in _WINDOWS and child.i + 1 in numbers:
            return child.lower_
    return ""


# Words of a capacity: "enough food for 5,000 people", "room for 300 cars".
_ENOUGH = frozenset({"enough", "room", "space", "sufficient", "capacity"})


def _capacity(counted: Token) -> bool:
    """A counted noun told as what a thing has room for ("holds enough supplies for 15,000
    refugees", "room for 300 cars"): a capacity, not a count of those there."""
    prep = counted.head
    if counted.dep_ != "pobj" or fold(prep.text) != "for" or prep.head.i == prep.i:
        return False
    host = prep.head
    near = [host, *host.children, *(g for c in host.children for g in c.children)]
    return any(fold(t.text) in _ENOUGH for t in near)


def _bare_count(token: Token) -> bool:
    """A number the parser took for a date all by itself ("the death toll was 74"): a plain
    number under 1,000, alone in its entity, is no day or year."""
    if not token.text.isdigit() or int(token.text) >= 1000:
        return False
    return any(e.start == token.i and e.end == token.i + 1 for e in token.doc.ents)


# Modals of ability: negated, they tell that a thing did not happen ("could not reach").
_ABILITY = frozenset({"could", "can", "ca"})


def _negated_here(verb: Token) -> bool:
    """A ``neg`` dependent on the verb itself ("could not reach", "can't confirm")."""
    return any(c.dep_ == "neg" for c in verb.children)


def _when_clause(clause: Token) -> bool:
    """A clause that says when its host happened: "when the roof collapsed", "as the water
    rose on Wednesday", "while talks went on"."""
    return any(
        (c.dep_ == "advmod" and fold(c.text) == "when")
        or (c.dep_ == "mark" and fold(c.text) in ("as", "while"))
        for c in clause.children
    )


def _inherited_subject(token: Token) -> Token | None:
    """The subject a clause shares with the one it hangs from ("arrested and charged",
    "wants to leave", "won by leading"), or the object that does it ("accused the army of
    shelling")."""
    host = _controller(token)
    if host is not None:
        return _argument(host, frozenset({"dobj"})) or _argument(host, frozenset({"nsubjpass"}))
    t = token
    if _being_done(token) and token.head.dep_ == "prep":
        # "three patients were sent home after being turned away": the patients were
        main_verb = token.head.head
        return _argument(main_verb, _SUBJECT_DEPS) if main_verb.pos_ in ("VERB", "AUX") else None
    for _ in range(4):
        host = _participle_host(t)
        if host is not None:
            main = _argument(host, _SUBJECT_DEPS)
            if main is not None:
                return main
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
            if t.dep_ == "acomp" and t.head.i != t.i:
                t = t.head  # "the probe is due to launch": the probe launches
            subject = _argument(t, _SUBJECT_DEPS)
            if subject is not None:
                return subject
        else:
            return None
    return None


# Nouns that name a count rather than a thing counted ("the number of passengers").
_COUNT_NOUNS = frozenset({"number", "total", "count", "tally", "toll", "figure"})


def _valued_noun(top: Token) -> Token | None:
    """What a figure given "at" counts: "put the number of passengers affected at 19,000"
    counts passengers, "put the death toll at 40" a toll."""
    at = top.head
    if top.dep_ != "pobj" or fold(at.text) != "at":
        return None
    # the count noun is the object of the verb "at" hangs on, or of one above it when the
    # parser hung "at" on the counted noun's own clause ("passengers affected ... at")
    objects = [c for c in at.head.children if c.dep_ == "dobj"] + list(at.ancestors)[:5]
    valued = next((t for t in objects if t.dep_ == "dobj" and fold(t.lemma_) in _COUNT_NOUNS), None)
    if valued is None:
        return None
    for child in valued.children:
        thing = _argument(child, frozenset({"pobj"})) if fold(child.text) == "of" else None
        if thing is not None and thing.pos_ in ("NOUN", "PROPN"):
            return thing
    return valued


def _reduced(token: Token) -> bool:
    """A past participle hung on a noun as its clause ("85 homes destroyed by the fire",
    "the 12 people killed"): what befell the noun."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _negative_phrase(token: Token | None) -> Token | None:
    """The negating word of a noun phrase ("no one", "no fire", "nobody"), if any; none when
    the phrase sets an exception apart ("nobody but the minister")."""
    if token is None:
        return None
    found = _negative_word(token)
    return None if found is None or _excepted(token) else found


def _negative_word(token: Token) -> Token | None:
    """The word that makes a noun phrase negative, exceptions or not."""
    if (
        fold(token.lemma_) in _NEGATIVE_HEADS or fold(token.text) in _NEGATIVE_HEADS
    ) and not _numero(token):
        return token
    for child in token.children:
        if (
            child.dep_ in ("det", "neg", "advmod")
            and fold(child.text) in _NEGATIVE_HEADS
            and not _numero(child)
        ):
            return child
        if child.dep_ == "neg" and _one_of(token):
            return child  # "not a single patient", "not one resident"
    return None


# Words that set someone apart from a "nobody": "nobody but the minister", "no one except".
_EXCEPT = frozenset({"but", "except", "besides", "save"})


def _excepted(token: Token) -> bool:
    """A negative head with an exception ("nobody but the finance minister knew"): the claim
    holds of the exception, so it denies nothing another source says of it."""
    return any(
        fold(c.text) in _EXCEPT and c.dep_ in ("cc", "prep") for c in token.children
    ) and any(c.dep_ in ("conj", "prep") for c in token.children)


def _scant(noun: Token | None) -> bool:
    """A noun told as nearly none: "little warning", "very few residents" (not "a few")."""
    if noun is None:
        return False
    for c in noun.children:
        if c.dep_ in ("amod", "det") and fold(c.text) in ("little", "few"):
            return not any(fold(t.text) == "a" for t in c.doc[max(0, c.i - 2) : c.i])
    return False


# Nouns that hold a figure of something else: "the number of people killed", "the jobless
# rate", "the level of the river".
_CONTAINERS = frozenset({"number", "rate", "level", "total", "tally", "count", "figure"})


def _contents(noun: Token) -> Token | None:
    """What a container noun holds a figure of: the object of its "of" ("the number of
    passengers"), else its modifier ("the jobless rate"); None for any other noun."""
    if fold(noun.lemma_) not in _CONTAINERS:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and fold(child.text) == "of":
            inner = _argument(child, frozenset({"pobj"}))
            if inner is not None:
                return inner
    return next(
        (c for c in noun.children if c.dep_ in ("compound", "amod") and not _hyphened(c)), None
    )


# Reporting verbs the parser may read as plural nouns at a sentence's end ("..., the
# company's filing shows.").
_REPORT_FORMS = frozenset({"shows", "says", "reports", "states", "suggests", "indicates"})


def _trailing_report(obj: Token) -> bool:
    """An "object" that is the verb of a trailing attribution: the sentence's last word,
    after a comma, a reporting verb's form the parser took for a noun."""
    doc = obj.doc
    last = obj.i + 1 >= len(doc) or doc[obj.i + 1].is_punct
    start = obj.left_edge.i
    return (
        fold(obj.text) in _REPORT_FORMS
        and obj.tag_ in ("NNS", "NN")
        and last
        and start > 0
        and doc[start - 1].text == ","
    )


def _one_of(noun: Token) -> bool:
    """A noun told as one of its kind ("a single patient", "one resident"), which "not"
    makes none; not "not all", "not every", "not many"."""
    return any(
        (c.dep_ == "det" and fold(c.text) in ("a", "an"))
        or (c.dep_ == "nummod" and fold(c.text) == "one")
        for c in noun.children
    )


def _numero(token: Token) -> bool:
    """ "No" as the sign for number ("No. 5 seed", "ranked No 1"): it negates nothing."""
    if fold(token.text) not in ("no", "no.") or token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    attached = after.text == "." and after.idx == token.idx + len(token.text)
    return attached or after.text[:1].isdigit()  # "no one" is no number


# Pronouns that, in a report, stand for the one who reports: "the coach said he had no regrets".
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})


def _reported_person(verb: Token, subject: Token | None, reporter: Token | None) -> Token | None:
    """A claim's doer: its subject, or, for a personal pronoun in a report, the reporter
    ("the coach said he had no regrets": the coach). Inside the reporter's own quoted words
    only "I" and "we" are the reporter ('"he's a great coach," DiLeo said': someone else)."""
    if subject is None or reporter is None or fold(subject.text) not in _PERSONAL:
        return subject
    if subject.pos_ != "PRON":
        return subject
    first_person = fold(subject.text) in ("i", "we")
    if _quoted(subject) != first_person:
        return subject
    speaker = _speaker_of(reporter)
    if speaker is None or speaker.pos_ not in ("NOUN", "PROPN"):
        return subject
    return speaker


# Words that put a present-tense clause in the future: "is expected", "is due to", "is set to".
_FUTURE_WORDS = frozenset({"expect", "due", "schedule", "set", "plan", "go", "poise", "slate"})


# Verbs of a plan that, told in the present, announce what will be done: "Varo plans to cut
# 1,800 jobs" is the company's word, as "Varo will cut 1,800 jobs" is (not "hopes to").
_PLANS = frozenset({"plan", "intend", "aim"})


def _announced_plan(verb: Token) -> bool:
    """ "plans to", "intends to", "aims to" in the present: the future, announced."""
    return fold(verb.lemma_) in _PLANS and verb.tag_ in ("VBZ", "VBP")


def _future(verb: Token) -> bool:
    """A clause told of the future: "will" or "shall", or a present "is expected / is due to /
    is set to / is scheduled" (on the verb or the one it completes)."""
    above = verb.head if verb.dep_ == "xcomp" else None
    # "the probe is due to launch": launch hangs on "due", which hangs on "is"
    beyond = above.head if above is not None and above.dep_ == "acomp" else None
    for t in (verb, above, beyond):
        if t is None:
            continue
        auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(fold(c.text) in ("will", "shall", "'ll") for c in auxes):
            return True
        present = any(c.tag_ in ("VBZ", "VBP") for c in auxes) or t.tag_ in ("VBZ", "VBP")
        if present and fold(t.lemma_) in _FUTURE_WORDS:
            return True
        acomp = _argument(t, frozenset({"acomp"}))
        if present and acomp is not None and fold(acomp.lemma_) in _FUTURE_WORDS:
            return True
    return False


def _quoted(token: Token) -> bool:
    """Whether a token lies inside quotation marks."""
    text = token.doc.text
    return any(m.start() < token.idx < m.end() for m in _QUOTE_PAIRS.finditer(text))


def _gerund_object(clause: Token, verb: Token) -> bool:
    """A gerund right after a verb and its particle, read by the parser as a clause of its
    own: "ruled out running for mayor" (not "denied the charge, saying ...")."""
    particles = [c.i for c in verb.children if c.dep_ == "prt"]
    return clause.tag_ == "VBG" and clause.i == max([verb.i, *particles]) + 1


def _phrasal(verb: Token) -> str:
    """A verb with its particle, as "lemma particle" ("called off": "call off"); "" without."""
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    if particle is None:
        # "the deal fell through on Monday": a bare preposition right after the verb
        particle = next(
            (
                c
                for c in verb.children
                if c.i == verb.i + 1
                and c.dep_ in ("prep", "advmod")
                # "stayed away from the vote", "were moved out of the town": a particle that
                # takes the preposition
                and (
                    not list(c.children)
                    or (
                        fold(c.text) in _PARTICLES
                        and (c.dep_ == "advmod" or all(g.dep_ == "prep" for g in c.children))
                    )
                )
            ),
            None,
        )
    return f"{fold(verb.lemma_)} {fold(particle.text)}" if particle is not None else ""


def _with_preposition(verb: Token) -> str:
    """A verb with the first preposition it takes an object through, as "lemma preposition"
    ("was cleared of neglect": "clear of"); "" without."""
    prep = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)
        ),
        None,
    )
    return f"{fold(verb.lemma_)} {fold(prep.text)}" if prep is not None else ""


def _key_as_verb(noun: Token, words: _Words) -> str:
    """A noun predicate's key as its verb would have it ("training" meets "trained"): the
    stem of the word, with the lexicon's synonyms met."""
    key = stem(fold(noun.text))
    return words.synonyms.get(key, key)


def _speaker_of(verb: Token) -> Token | None:
    # a passive verb of saying names its speaker after "by" ("Dorn was told by the minister
    # that ..."): its subject is the listener
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        said_by = _argument(agent, frozenset({"pobj"}))
        if said_by is not None:
            return said_by
    subject = _argument(verb, frozenset({"nsubj", "nsubjpass"}))
    if subject is None:
        subject = _inherited_subject(verb) or _noun_root(verb)
    return subject


def _noun_root(verb: Token) -> Token | None:
    """The noun a sentence's verb was hung on when the parser made the noun the root ("A
    newspaper reported on Monday that ..." read as a newspaper that was reported): the noun
    is what acts."""
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _key_of_phrase(head: Token) -> tuple[str, ...]:
    """A speaker's comparison key: the content words of its phrase ("an army spokesman" ->
    army, spokesman; "the government's election board" -> board, election, government), so
    a body of one side meets that side."""
    lo, hi = _phrase(head)
    words = {
        # stemmed, so that "Rebels said" meets "a rebel statement"
        stem(fold(t.text).removesuffix("'s").removesuffix("’s"))
        for t in head.subtree
        if lo <= t.idx < hi and t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "ADJ")
    }
    return tuple(sorted(words))


def _its_owner(speaker: Token, verb: Token) -> tuple[str, ...]:
    """The body a speaker belongs to when the phrase says only "its" ("Skyline Air will cut
    900 jobs, its chief executive said"): the subject of the claim it reports, so that the
    chief executive speaks for the airline."""
    if not any(c.dep_ == "poss" and fold(c.text) in ("its", "their") for c in speaker.children):
        return ()
    subject = _argument(verb, frozenset({"nsubj"}))
    return _key_of_phrase(subject) if subject is not None and subject.pos_ == "PROPN" else ()


def _relayed(verb: Token) -> tuple[str, ...]:
    """The party a reporting verb or its reporter relays ("Reuters reported, citing the
    interior ministry"; "State television, quoting the commission, said"; "the agency,
    which quoted the fire service"): its key joins the speaker's, so the relay and its
    source are one party."""
    out: list[str] = []
    for child in verb.children:
        if fold(child.lemma_) in _RELAY_VERBS and child.pos_ == "VERB":
            source = _argument(child, frozenset({"dobj"}))
            if source is not None:
                out.extend(_key_of_phrase(source))
    return tuple(out)


# Titles told before a person's name.
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame", "lord", "lady"})


class _Reader:
    """Reads one parsed sentence."""

    def __init__(self, doc: Doc, words: _Words) -> None:
        self.doc = doc
        self.words = words
        self.text = doc.text

    def read(self) -> Reading:
        predicates = [t for t in self.doc if _is_predicate(t)]
        index_of = {t.i: k for k, t in enumerate(predicates)}
        claims = [self._claim(t) for t in predicates]
        # a clause under a hedged or hypothetical one is as uncertain: "unclear whether they
        # offered him amnesty for ceding power"
        for k, token in enumerate(predicates):
            if _reduced(token):
                continue  # "to reach the miners trapped since Monday": they are trapped
            for above in token.ancestors:
                j = index_of.get(above.i)
                if j is None or claims[j].reporting:
                    continue
                if claims[j].hedged or claims[j].conditional:
                    claims[k] = dataclasses.replace(
                        claims[k],
                        hedged=claims[k].hedged or claims[j].hedged,
                        conditional=claims[k].conditional or claims[j].conditional,
                    )
                    break
        claims.extend(self._absences())
        figures = self._figures(predicates, index_of, claims)
        quotes = self._quotes()
        return Reading(tuple(claims), tuple(figures), tuple(quotes))

    # ------------------------------------------------------------------ one claim

    def _claim(self, verb: Token) -> Claim:
        words = self.words
        lemma = fold(verb.lemma_)
        predicate_token = verb
        own_subject = _argument(verb, _SUBJECT_DEPS) or next(
            # a subject the parser hung from an auxiliary ("the airport stayed shut", read as
            # "stayed" an auxiliary of "shut") is the verb's
            (
                s
                for c in verb.children
                if c.dep_ in _AUX_DEPS and (s := _argument(c, _SUBJECT_DEPS)) is not None
            ),
            None,
        )
        subject = own_subject or _inherited_subject(verb)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        if own_subject is None and any(c.dep_ == "auxpass" for c in verb.children):
            # a shared subject of a passive infinitive is what it befalls: "the accord has
            # yet to be signed", "she hopes to be elected"
            passive = passive or subject is not None
        if subject is not None and verb.dep_ == "advcl" and verb.tag_ == "VBN":
            # a fronted past participle is passive: "Launched in 2021, the probe reached"
            # tells that the probe was launched, as "the probe, launched in 2021" does
            passive = passive or _participle_host(verb) is not None
        if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subject = _told_of(verb)  # "a tsunami that killed 230,000": the tsunami killed
        if subject is None:
            subject = _noun_root(verb)  # "A fire swept through the depot" read as a fire swept
        obj = _argument(verb, _OBJECT_DEPS)
        if obj is not None and _trailing_report(obj):
            obj = None  # "voted against the merger, the company's filing shows."
        if obj is not None and obj.pos_ == "PRON" and _alternative_declined(verb):
            # "sent the plan back rather than rejecting it": the plan, not rejected
            obj = _argument(verb.head.head, _OBJECT_DEPS) or obj
        participle = verb.dep_ == "acl" and verb.tag_ == "VBN"
        if subject is None and obj is None and participle and verb.head.pos_ in ("NOUN", "PROPN"):
            obj = verb.head  # a participle on a noun tells of it: "the orchestra, founded in 1908"
        grammatical_subject = subject
        by_agent = False
        complement = obj is not None and obj.dep_ in ("oprd", "acomp")  # "was found guilty"
        if passive and (obj is None or complement):
            # "homes were destroyed by the tornado" tells what "the tornado destroyed homes"
            # tells: the passive subject is the object, the agent the subject
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = subject
            subject = _argument(agent, frozenset({"pobj"})) if agent is not None else None
            by_agent = subject is not None
        befalls_subject = (
            fold(verb.lemma_) in _PATIENT_SUBJECT or _phrasal(verb) in _PATIENT_PHRASES
        )
        if subject is not None and befalls_subject and not by_agent:
            # "the pilot survived the crash", "two hikers died in the storm": the subject is
            # what befalls it, as the object of "the pilot was killed" is
            obj, subject = subject, None
        if obj is not None and subject is not None and _own_doors(obj):
            # "the plant closed its doors": the plant closed, as "the plant was closed" tells
            # (and as "the plant closed" does: it stays the subject too)
            obj = subject
        phrasal = _phrasal(verb)  # "went ahead", "passed away", "called off"
        if obj is not None and not phrasal and obj.i == verb.i + 1 and not list(obj.children):
            idiom = f"{fold(verb.lemma_)} {fold(obj.text)}"
            if idiom in words.synonyms:
                # "the bridge gave way": a listed verb and bare noun are one word, and the
                # noun no thing the verb acts on
                phrasal, obj = idiom, None
        went_ahead = phrasal == "go ahead" and obj is None
        if went_ahead:
            # "the festival went ahead" tells that it was held (and "was cancelled", not)
            obj, subject = subject, None
        if obj is None:
            # "offered amnesty to Maduro": the first prepositional object tells what it is about
            # (not whom a thing opens to: "the bridge opened to traffic")
            opening = fold(verb.lemma_) in _ERGATIVE and subject is not None
            for child in verb.children:
                if opening and fold(child.text) == "to":
                    continue
                if child.dep_ in ("prep", "agent") and fold(child.text) not in _CIRCUMSTANCE:
                    pobj = _argument(child, frozenset({"pobj"}))
                    if (
                        pobj is not None
                        and pobj.ent_type_ not in ("DATE", "TIME")
                        and fold(pobj.lemma_) not in _TIME_NOUNS  # "fell through on deadline day"
                    ):
                        obj = pobj
                        break
        if fold(verb.lemma_) == "take" and obj is not None and fold(obj.lemma_) == "part":
            # "did not take part in training": the claim is the training
            activity = next(
                (
                    pobj
                    for c in (*obj.children, *verb.children)
                    if c.dep_ == "prep" and fold(c.text) == "in"
                    for pobj in c.children
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "VERB")
                ),
                None,
            )
            if activity is not None:
                predicate_token, obj = activity, None
        if verb.pos_ == "AUX" or fold(verb.lemma_) in _STATE_VERBS:
            # a copula: the attribute is the predicate ("captain", "tallest"; "remains chief
            # executive")
            attribute = _argument(verb, frozenset({"attr", "acomp"}))
            if attribute is None and verb.pos_ != "AUX":
                # "escaped unharmed" (an adjective the parser may hang as a clause)
                attribute = next(
                    (
                        c
                        for c in verb.children
                        if c.dep_ in ("advcl", "xcomp")
                        and (c.pos_ == "ADJ" or (c.tag_ == "VBN" and _lasting_verb(verb)))
                    ),
                    None,
                )
            if attribute is not None:
                predicate_token, obj = attribute, None
                lemma = fold(attribute.lemma_)
                if (
                    verb.pos_ == "AUX"
                    and verb.tag_ not in ("VBZ", "VBP")
                    and attribute.tag_ == "VBN"
                    and attribute.pos_ == "VERB"
                ):
                    # a participle the parser hung as the copula's complement is a passive:
                    # "the bridge was closed yesterday" tells what "closed the bridge" tells
                    # ("is closed", in the present, is a state)
                    obj, subject = subject, None
        own = _own_subtree(verb)
        verdict = _complement(verb, _stem_key(verb), words)
        if verdict is not None and obj is None:
            obj = _argument(verdict, frozenset({"nsubj"}))  # "found the captain guilty"
        negation = self._negation(verb, subject, obj)
        if negation is None and verdict is not None:
            # "found the captain not guilty": the complement's negation is the verdict's
            negation = next(
                ((c.idx, c.idx + len(c.text), "", "") for c in verdict.children if c.dep_ == "neg"),
                None,
            )
        if negation is not None and not negation[2] and not negation[3] and _until(verb):
            negation = None  # "will not open until March" says when it opens, not that it won't
        hedged, conditional = self._modality(verb, own)
        # "had little warning", "few residents left": nearly none, neither said nor denied
        hedged = hedged or _scant(subject) or _scant(obj)
        limited = any(fold(t.text) in _LIMITS and t.dep_ == "prep" for t in own)
        speaker = self._speaker(verb)
        declares = lemma in words.reporting or _puts_at(verb)
        spans = self._times_of(verb, own)
        if not spans:
            # "no one was hurt when the roof collapsed overnight": when the other thing did
            for clause in (c for c in verb.children if c.dep_ == "advcl" and _when_clause(c)):
                spans = self._times_of(clause, _own_subtree(clause))
        if not spans and _sharing_participle(verb):
            # "walked out on Saturday, launching a strike", "chose a mayor on Sunday, electing
            # Oda Brin": the participle happens when its host does
            spans = self._times_of(verb.head, _own_subtree(verb.head))
        if not spans and fold(verb.lemma_) in _ASPECTS:
            # "will start carrying passengers in 2027": when the doing starts
            for clause in (c for c in verb.children if c.dep_ == "xcomp"):
                spans = spans or self._times_of(clause, _own_subtree(clause))
        times = tuple(TimeRef(self.text[s:e], s, e) for s, e in spans)
        reporter = speaker[3] if speaker else None
        reported = (
            tuple(
                TimeRef(self.text[s:e], s, e)
                for s, e in self._times_of(reporter, _own_subtree(reporter))
            )
            if reporter is not None
            else ()
        )
        key = _key(predicate_token, words)
        if predicate_token is verb and phrasal in words.synonyms:
            # a listed phrasal verb is its own word: "passed away" died, where "passed"
            # approved; "stepped down" resigned
            key = words.synonyms[phrasal]
        if predicate_token is not verb and predicate_token.pos_ == "NOUN":
            key = _key_as_verb(predicate_token, words)
        if went_ahead:
            key = words.synonyms.get("hold", "hold")
        steady = _held_steady(verb) if predicate_token is verb and negation is None else None
        if steady is not None:
            # "left its cash rate unchanged", "kept rates on hold": no change made to it
            key = UNCHANGED
            negation = (steady.idx, steady.idx + len(steady.text), "", "")
        doer = _reported_person(verb, subject, speaker[3] if speaker else None)
        subject_head = _head_noun(doer) if doer is not None else None
        object_head = _head_noun(obj) if obj is not None else None
        state_of: Token | None = None  # a subject moved to the object of its state's verb
        opposite = (
            words.phrasal_antonyms.get(phrasal)
            or words.phrasal_antonyms.get(_with_preposition(verb))
            if predicate_token is verb
            else None
        )
        opposite = opposite or words.antonyms.get(key) or _prefixed_opposite(predicate_token)
        if predicate_token is verb and any(c.dep_ == "xcomp" for c in verb.children):
            # "failed to reach a decision" tells of the reaching, not the opposite of passing
            opposite = None
        if opposite is not None:
            # "lost" states the opposite of "won", "called off" of "held": the same claim, the
            # other polarity
            key = opposite
            flipped = (predicate_token.idx, _predicate_end(predicate_token), "", "")
            negation = flipped if negation is None else None
            # "30 passengers escaped unharmed": who was not injured, as the object of "three
            # passengers were hurt" is who was (a toll's verb: not "alive", told of anyone)
            befalls = key in words.measures and fold(predicate_token.text) in words.negated_states
            if predicate_token.pos_ == "ADJ" and befalls and obj is None and subject is not None:
                obj, subject, doer = subject, None, None
                subject_head, object_head = None, _head_noun(obj)
                state_of = obj
        beaten = _beaten(verb, obj) if predicate_token is verb and opposite is None else None
        if beaten is not None:
            # "Kara Obi was defeated in the election", "Dan Ude beat Kara Obi": the one beaten
            # lost it, as "Kara Obi lost the election" tells
            subject, obj = beaten
            doer = subject
            subject_head = _head_noun(subject)
            object_head = _head_noun(obj) if obj is not None else None
            flipped = (predicate_token.idx, _predicate_end(predicate_token), "", "")
            negation = flipped if negation is None else None
        event = _event_noun(verb) if times else None  # an event without a time tells no when
        lasting = _lasting_state(verb, predicate_token, words) if negation is None else None
        if lasting is not None:
            # "the bridge remains closed": it was not reopened
            key, state = lasting
            negation = (state.idx, state.idx + len(state.text), "", "")
            if fold(verb.lemma_) == "keep" and obj is not None:
                # "authorities kept the bridge closed": the bridge stayed closed
                subject, doer, obj = obj, obj, None
                subject_head, object_head = _head_noun(subject), None
        return Claim(
            predicate=lemma,
            key=key,
            start=predicate_token.idx,
            end=_predicate_end(predicate_token),
            subject=_key(subject_head, words) if subject_head is not None else "",
            object=_key(object_head, words) if object_head is not None else "",
            subject_words=_content_keys(_identity(subject), words) if subject is not None else (),
            doer_named=subject_head is not None and subject_head.pos_ == "PROPN",
            doer_words=_content_keys(_identity(doer), words)
            if doer is not None and doer is not subject
            else (),
            object_words=(
                _content_keys(_identity(obj), words)
                if obj is not None and obj is state_of  # as its subject's words would be
                else _object_keys(obj, words)
                if obj is not None
                else ()
            )
            + _charge(verdict or (verb if passive else None), words),
            subject_span=_phrase(subject) if subject is not None else (0, 0),
            object_span=_phrase(obj) if obj is not None else (0, 0),
            negated=negation is not None,
            negation=negation[:2] if negation else (0, 0),
            absent=negation[2] if negation else "",
            denied_by=negation[3] if negation else "",
            hedged=hedged,
            conditional=conditional,
            limited=limited,
            declares=declares,
            claimant=_key_of_phrase(grammatical_subject)
            if declares and grammatical_subject is not None and _claims_a_figure(verb)
            else (),
            negative_subject=grammatical_subject is not None
            and _negative_phrase(grammatical_subject) is not None,
            degree=next(
                (fold(c.text) for c in predicate_token.children if c.ent_type_ == "ORDINAL"), ""
            ),
            reporting=(
                (lemma in words.reporting or lemma in words.denials)
                and any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children)
            )
            # "I didn't feel we were ready": a belief credits its clause, it claims nothing
            or (lemma in words.beliefs and any(c.dep_ == "ccomp" for c in verb.children))
            or verb.dep_ == "parataxis",
            speaker=self.text[speaker[0] : speaker[1]] if speaker else "",
            speaker_key=speaker[2] if speaker else (),
            times=times,
            reported=reported,
            words=_content_keys(own, words),
            object_names=_names_in(obj) if obj is not None else (),
            owners=tuple(
                sorted(_owner_keys(subject_head, words) | _owner_keys(object_head, words))
            ),
            indefinite=("agent",) if by_agent and _indefinite(subject_head) else (),
            numbered=_numbered(object_head),
            future=_future(verb),
            ceased=negation is not None and (_no_longer(verb) or _stopped(verb)),
            past=_past(verb),
            lasting=lasting is not None,
            event=_event_keys(event[0], words) if event is not None else (),
            event_span=(event[0].idx, event[0].idx + len(event[0].text)) if event else (0, 0),
            event_times=tuple(
                t
                for t in times
                if event is not None
                and (event[1] or fold(verb.lemma_) not in _SETTING or self._after(t, {"for"}))
                and (not _reschedules(verb) or self._after(t, _NEW_TIME))
            ),
            event_placed=event is not None and event[1],
            event_aspect=event[2] if event is not None else "",
        )

    def _after(self, time: TimeRef, prepositions: Collection[str]) -> bool:
        """The time follows one of the prepositions ("set the vote for 18 March")."""
        before = fold(self.text[max(0, time.start - 7) : time.start]).split()[-1:]
        return bool(before) and before[0] in prepositions

    def _negation(
        self, verb: Token, subject: Token | None, obj: Token | None
    ) -> tuple[int, int, str, str] | None:
        """What negates the clause: its offsets, the key of a thing said not to exist ("no
        fire"), and the denial verb's lemma when a denial negates it; None when nothing."""

        def at(t: Token, absent: str = "", denial: str = "") -> tuple[int, int, str, str]:
            return t.idx, t.idx + len(t.text), absent, denial

        if _stopped(verb):
            return at(verb.head)  # "stopped making the painkiller": no longer makes it
        for child in verb.children:
            if child.dep_ == "neg" and not self._idiom_at(child):
                return at(child)
            if _no_longer_at(child):
                start = child.doc[child.i - 1].idx  # "no longer"
                return start, child.idx + len(child.text), "", ""
            # a negation word of the lexicon (the config may add some) modifying the verb
            if (
                child.dep_ in ("advmod", "npadvmod", "preconj")
                and fold(child.text) in self.words.negations
                and not self._idiom_at(child)
            ):
                return at(child)
        # a negation word right before the verb, whatever the parser made of it (a word the
        # config adds may be unknown to the model: "nary approved")
        if verb.i > 0 and fold(self.doc[verb.i - 1].text) in self.words.negations:
            before = self.doc[verb.i - 1]
            if before.pos_ not in ("DET",) and not self._idiom_at(
                before
            ):  # "no" before a verb is a determiner elsewhere
                return at(before)
        # an auxiliary's negation: "did not", "has never"
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass"):
                for grand in child.children:
                    if grand.dep_ == "neg":
                        return at(grand)
        for argument in (subject, obj):
            negative = _negative_phrase(argument)
            if negative is not None and argument is not None and not self._idiom_at(negative):
                thing = "" if negative.i == argument.i else _key(argument, self.words)
                return at(negative, thing)
        # "failed to reach", "refused to sign", "has yet to sign"
        head = verb.head
        if verb.dep_ == "xcomp" and fold(head.lemma_) in ("have", "be"):
            for child in head.children:
                if fold(child.text) == "yet":
                    return at(child)
        if verb.dep_ == "xcomp" and fold(head.lemma_) in ("fail", "refuse", "decline"):
            return at(head)
        if _alternative_declined(verb):
            return at(head)  # "sent it back rather than rejecting it": not rejected
        # a denial above the clause: "denied offering", "denied reports that it offered"
        t = verb
        for _ in range(4):
            if t.head.i == t.i:
                break
            parent = t.head
            denial = fold(parent.lemma_) in self.words.denials
            denial = denial or _phrasal(parent) in self.words.phrasal_denials
            if denial and parent.i != verb.i:
                if t.dep_ in ("conj", "advcl", "parataxis") and not _gerund_object(t, parent):
                    return None  # "denied doping and said she would appeal": beside the denial
                if any(c.dep_ == "neg" for c in parent.children):
                    return None  # "did not deny meeting them": the meeting is not denied
                return at(parent, "", fold(parent.lemma_))
            if parent.pos_ == "NOUN" and fold(parent.lemma_) in self.words.claim_nouns:
                t = parent
                continue
            # not up from a relative clause: "refused to disclose the reason why she checked
            # into rehab" takes her checking in as told
            # a conjunct of a denied clause is denied too: "denied taking bribes or rigging
            # the vote"
            if t.dep_ in ("ccomp", "xcomp", "pcomp", "dobj", "acl", "pobj", "prep", "conj"):
                t = parent
                continue
            break
        return None

    def _idiom_at(self, token: Token) -> bool:
        """A negation word that starts a phrase negating nothing ("not only", "not the first",
        "whether or not"), or "No" for number ("No. 5")."""
        if _numero(token):
            return True
        ahead = fold(self.text[token.idx : token.idx + 40])
        behind = fold(self.text[max(0, token.idx - 20) : token.idx + len(token.text)])
        return any(ahead.startswith(p) or behind.endswith(p) for p in self.words.not_negating)

    def _absences(self) -> list[Claim]:
        """Things said not to have happened, told without a verb of their own: "talks
        without any in-person meetings", "with no injuries"."""
        out = []
        for prep in self.doc:
            if prep.dep_ != "prep" or fold(prep.text) not in ("without", "with"):
                continue
            noun = _argument(prep, frozenset({"pobj"}))
            if noun is not None:
                noun = _head_noun(noun)  # "without both of their backs": the backs
            if noun is None or noun.pos_ not in ("NOUN", "PROPN") or self._idiom_at(prep):
                continue
            if fold(prep.text) == "with" and _negative_phrase(noun) is None:
                continue
            key = _key(noun, self.words)
            hedged, conditional = self._modality(noun, [noun])
            if prep.head.pos_ in ("VERB", "AUX"):
                # "without the patch, the flaw could allow ...": as uncertain as its clause
                above = self._modality(prep.head, _own_subtree(prep.head))
                hedged, conditional = hedged or above[0], conditional or above[1]
            # the clause it hangs on tells whose absence it is: "the suspect was released
            # without charge" denies the suspect's charging
            clause = prep.head if prep.head.pos_ in ("VERB", "AUX") else None
            around: list[Token] = []
            if clause is not None:
                for argument in (
                    _argument(clause, _SUBJECT_DEPS) or _inherited_subject(clause),
                    _argument(clause, _OBJECT_DEPS),
                ):
                    if argument is not None:
                        around.extend(_identity(argument))
            out.append(
                Claim(
                    predicate=fold(noun.lemma_),
                    key=key,
                    start=noun.idx,
                    end=noun.idx + len(noun.text),
                    subject_words=_content_keys(noun.subtree, self.words),
                    negated=True,
                    negation=(prep.idx, prep.idx + len(prep.text)),
                    absent=key,
                    hedged=hedged,
                    conditional=conditional,
                    words=_content_keys([*noun.subtree, *around], self.words),
                )
            )
        return out

    def _modality(self, verb: Token, own: list[Token]) -> tuple[bool, bool]:
        words = self.words
        hedged = conditional = False
        # a phrase of the lexicon right before the clause or a preposition above it: "in
        # exchange for ceding power", "in order to win"
        for t in [verb, *list(verb.ancestors)[:3]]:
            if t.dep_ not in ("pcomp", "pobj", "xcomp", "advcl", "prep") and t.i != verb.i:
                break
            left = fold(self.text[max(0, t.idx - 40) : t.idx]).split()
            for phrase in words.irrealis_phrases:
                n = len(phrase)
                if tuple(left[-n:]) == phrase or (*left[-n + 1 :], fold(t.text)) == phrase:
                    conditional = True
        if verb.dep_ == "xcomp" and any(
            c.dep_ == "advmod" and fold(c.text) == "too" for c in verb.head.children
        ):
            conditional = True  # "too soon to lift the ban": a lifting that does not happen
        if (
            verb.dep_ == "advcl"
            and any(c.dep_ == "aux" and fold(c.text) == "to" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        ):
            # "used my legs to make a play": a purpose, not a deed ("enough for Scotland to
            # qualify" names its doer and tells what came of it)
            conditional = True
        # the parser may hang "would" on the auxiliary it goes with ("would have placed")
        helpers = [g for c in verb.children if c.dep_ == "aux" for g in c.children]
        for child in [*verb.children, *helpers]:
            if _condition(child):
                conditional = True  # "if the team were in contention, he would have ..."
            lemma = fold(child.lemma_)
            text = fold(child.text)
            if child.dep_ in ("aux", "advmod", "mark") and (
                lemma in words.hedges or text in words.hedges
            ):
                # "could not reach the yacht": an inability, told firmly
                hedged = hedged or not (text in _ABILITY and _negated_here(verb))
            if child.dep_ in ("aux", "mark") and (
                lemma in words.irrealis or text in words.irrealis
            ):
                conditional = conditional or not self._reported_future(verb, child)
        # governed by a hedge or a hypothetical: "unclear whether", "considering offering",
        # "in exchange for leaving", "if he leaves"
        t = verb
        for _ in range(4):
            if t.head.i == t.i:
                break
            parent = t.head
            lemma = fold(parent.lemma_)
            if lemma in words.hedges or fold(parent.text) in words.hedges:
                hedged = True
            if _condition(t):
                conditional = True
            if lemma in words.irrealis or fold(parent.text) in words.irrealis:
                conditional = True
            if (
                lemma in words.intentions
                and t.dep_ in ("xcomp", "acl", "pcomp", "prep")
                and not _alternative_declined(verb)  # "negotiated instead of striking"
                and not _announced_plan(parent)
            ):
                # "offered to plead guilty", "trying to determine", "plans to cut": meant,
                # not done
                conditional = True
            if lemma in words.beliefs and (
                lemma == "doubt" or any(c.dep_ == "neg" for c in parent.children)
            ):
                hedged = True  # "don't believe he had a gun", "doubted he was armed"
            if t.dep_ not in ("ccomp", "xcomp", "pcomp", "acl", "pobj", "prep", "advcl"):
                break
            t = parent
        return hedged, conditional

    def _reported_future(self, verb: Token, aux: Token) -> bool:
        """ "would" as the future of a past report ("the council said the repairs would cost
        $4 million", "said it would cut 1,200 jobs"): what was announced, not a hypothesis,
        unless a condition hangs on it ("said he would resign if ..."); also of a past
        denial ("denied that it would close the plant", "rejected reports that the plant
        would shut")."""
        if fold(aux.text) not in ("would", "'d") or verb.dep_ not in ("ccomp", "acl"):
            return False
        if verb.tag_ == "VBN" or any(
            c.dep_ == "aux" and fold(c.lemma_) == "have" for c in verb.children
        ):
            return False  # "would have placed him": what did not happen, not what was told
        report = verb.head
        if fold(report.lemma_) in self.words.claim_nouns and report.head.i != report.i:
            report = report.head  # "rejected reports that ...": the reports' verb
        elif verb.dep_ != "ccomp":
            return False
        told = self.words.reporting | self.words.denials
        if fold(report.lemma_) not in told or report.tag_ != "VBD":
            return False
        return not any(_condition(c) for c in verb.children)

    def _speaker(self, verb: Token) -> tuple[int, int, tuple[str, ...], Token | None] | None:
        """Who the sentence credits ``verb``'s claim to: the subject of a reporting verb
        above it ("officials said"), or "according to X"; its offsets, its key (with the
        party it relays: "Reuters, citing the ministry"), and the reporting verb."""
        words = self.words
        for child in verb.children:
            if fold(child.text) == "according":
                for grand in child.children:
                    pobj = grand if grand.dep_ == "pobj" else _argument(grand, frozenset({"pobj"}))
                    if pobj is not None:
                        s, e = _phrase(pobj)
                        # "according to the agency, which quoted the fire service"
                        return s, e, (*_key_of_phrase(pobj), *_relayed(pobj)), None
        t = verb
        relays: list[str] = []
        for _ in range(4):
            # "citing the ministry" may hang on the claim's clause as well as on the report
            relays.extend(_relayed(t))
            if t.head.i == t.i:
                # "X happened, officials said": spaCy hangs the reporting verb as a
                # parataxis or makes it the root with the claim as its ccomp
                for child in t.children:
                    if child.dep_ == "parataxis" and fold(child.lemma_) in words.reporting:
                        subject = _speaker_of(child)
                        if subject is not None:
                            s, e = _phrase(subject)
                            key = (*_key_of_phrase(subject), *relays, *_relayed(child))
                            key = (*key, *_relayed(subject))
                            return s, e, (*key, *_its_owner(subject, verb)), child
                break
            parent = t.head
            accuser = _controller(t)
            if accuser is not None and fold(accuser.lemma_) in _ACCUSING:
                # "South Sudan accused Sudan of bombing": the accuser's word
                subject = _argument(accuser, frozenset({"nsubj"}))
                if subject is not None:
                    s, e = _phrase(subject)
                    return s, e, (*_key_of_phrase(subject), *relays), accuser
                return None
            if t.dep_ in ("ccomp", "xcomp", "conj", "advcl") and (
                fold(parent.lemma_) in words.reporting or fold(parent.lemma_) in words.denials
            ):
                above = parent.head
                if (
                    t.i < parent.i
                    and _semicolon_between(t, parent)
                    and above.i < t.i
                    and fold(above.lemma_) in words.reporting
                ):
                    # "the government says 12 died; a rights group says 37": the parser
                    # may hang the first claim on the second report
                    parent = above
                subject = _speaker_of(parent)
                if subject is not None:
                    s, e = _phrase(subject)
                    # "AFP, citing doctors, reported": the relay may hang on the reporter
                    key = (*_key_of_phrase(subject), *relays, *_relayed(parent))
                    key = (*key, *_relayed(subject))
                    return s, e, (*key, *_its_owner(subject, verb)), parent
                return None
            # "estimate that 2,000 barrels of oil leaked", parsed as barrels (the report's
            # clause) with a participle: the participle is what is reported
            misparsed = t.dep_ == "acl" and parent.dep_ == "ccomp"
            if t.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "pcomp", "pobj", "prep") and not (
                misparsed
            ):
                break
            t = parent
        return None

    def _times_of(self, verb: Token, own: list[Token]) -> list[tuple[int, int]]:
        """The claim's time expressions; a clock time keeps the word that makes it a bound
        ("after 8 p.m.", "by noon"), which the parser leaves out of the entity."""
        mine = {t.i for t in own}
        out = []
        for ent in self.doc.ents:
            if (
                ent.label_ in ("DATE", "TIME")
                and ent.root.i in mine
                # not the parser's date of "between 40 and 60 million (euros)"
                and not _NOT_A_TIME.search(ent.text)
                and not _of_a_base(ent, verb)
            ):
                start = ent.start_char
                before = self.doc[ent.start - 1] if ent.start > 0 else None
                if (
                    ent.label_ == "TIME"
                    and before is not None
                    and before.dep_ == "prep"
                    and fold(before.text) in TIME_BOUNDS
                ):
                    start = before.idx
                    ahead = self.doc[ent.start - 2] if ent.start > 1 else None
                    if ahead is not None and fold(ahead.text) in _LOOSE_BOUND:
                        start = ahead.idx  # "shortly after 6 a.m.": about 6 a.m.
                end = ent.end_char
                half = _DAY_PART.match(self.text, end)
                if ent.label_ == "TIME" and half:
                    end = half.end()  # "about 9:30 in the evening"
                out.append((start, end))
        # a date the parser did not tag ("on Friday, 12 May": the entity is the weekday)
        for t in own:
            if (
                t.tag_ == "NNP"
                and fold(t.text) in MONTHS
                and not any(s <= t.idx < e for s, e in out)
            ):
                parts = [t, *(c for c in t.children if c.like_num)]
                out.append((min(p.idx for p in parts), max(p.idx + len(p.text) for p in parts)))
        # a clock time in words the parser did not tag ("at a quarter to seven"), or whose
        # part of the day it left out ("a quarter past five" + "in the morning")
        lo = min((t.idx for t in own), default=0)
        hi = max((t.idx + len(t.text) for t in own), default=0)
        for m in WORD_CLOCK.finditer(self.text, lo, hi):
            if not (m.group("minutes") or m.group("oclock")):
                continue
            out = [(s, e) for s, e in out if not (m.start() <= s and e <= m.end())]
            if not any(s < m.end() and m.start() < e for s, e in out):
                out.append(m.span())
        # a clock time the parser did not tag ("left at 23:40", "at 10.40pm")
        for t in own:
            if _CLOCK_TOKEN.fullmatch(t.text) and not any(s <= t.idx < e for s, e in out):
                end = t.idx + len(t.text)
                after = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
                if after is not None and fold(after.text).rstrip(".") in ("a.m", "p.m", "am", "pm"):
                    end = after.idx + len(after.text)
                out.append((t.idx, end))
        return out

    # ------------------------------------------------------------------ figures

    def _figures(
        self, predicates: list[Token], index_of: dict[int, int], claims: list[Claim]
    ) -> list[Figure]:
        out: list[Figure] = []
        bare_more: set[int] = set()  # figures told as "N more", by start
        quantities = parse_quantities(self.text)
        for q in quantities:
            tokens = [t for t in self.doc if q.start <= t.idx < q.end]
            if not tokens:
                continue
            dated = any(
                t.ent_type_ in ("DATE", "TIME", "ORDINAL") and not _bare_count(t)
                for t in tokens
                if t.like_num
            )
            if dated and q.unit and _NOT_A_TIME.search(self.text[q.start : q.end]):
                dated = False  # the parser's date of "between 40 and 60 million euros"
            if dated and not self._duration(q.end):
                continue
            if _glued(self.text, q.start, q.end, ranged=q.qualifier == "range"):
                continue
            numbers = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
            core = numbers[-1] if numbers else tokens[-1]
            # climb from the number through the words of the figure itself ("two dozen",
            # "$15 million")
            top = core
            for _ in range(4):
                if top.head.i != top.i and q.start <= top.head.idx < q.end:
                    top = top.head
                else:
                    break
            counted, role, total = self._counted(top, quantities, q)
            anchor = top
            # "65% to 30%": a figure that modifies another is bound where that one is
            while counted is None and anchor.dep_ == "quantmod" and anchor.head.i != anchor.i:
                anchor = anchor.head
                while (
                    anchor.head.i != anchor.i
                    and anchor.dep_ in ("nummod", "compound")
                    and (
                        anchor.head.like_num
                        or anchor.head.pos_ in ("NUM", "SYM")
                        or anchor.head.text == "%"
                    )
                ):
                    anchor = anchor.head
                counted, _, _ = self._counted(anchor, quantities, q)
            if counted is not None and top.is_ancestor(counted):
                # "nearly 300 of the refinery's 450 workers walked out": the number is the
                # argument, the noun hangs from it
                event = self._event(top)
            else:
                event = self._event(counted if counted is not None else anchor)
            if counted is not None and counted.tag_ == "NNP":
                continue  # "Indianapolis 27", "Route 66": a score or a name, not a count
            if counted is not None and _capacity(counted):
                continue  # "enough supplies for 15,000 refugees": room for them, not them
            measure, label = self._measure(counted, event, q.unit, part=role == "part")
            taken = _event_taken_part_in(event) if event is not None else None
            if measure and taken is not None and stem(fold(taken.lemma_)) not in measure:
                measure = (*measure, stem(fold(taken.lemma_)))
            if q.unit and counted is None and fold(top.head.text) == "worth":
                # "jewellery worth an estimated €9 million", "are worth about €4 million": a
                # value, whatever else the clause tells
                measure, label = ("value",), "worth"
            if not measure:
                continue
            degree = self._degree(counted, event)
            if degree:
                # "30 seriously injured" is a part of "50 injured", not another count of it
                measure = tuple(f"{degree}:{m}" for m in measure)
                label = f"{degree} {label}"
            glued_unit = _HYPHEN_UNIT.match(self.text, q.end)
            if glued_unit:
                # "a 30-point win", "a 10-game streak": a size of the thing, not a count of it
                unit_key = stem(fold(glued_unit.group(1)))
                measure = tuple(f"{unit_key}-{m}" for m in measure)
                label = f"{fold(glued_unit.group(1))} {label}"
            if q.unit == "%":
                role = "share"
            elif q.qualifier == "range":
                role = "range"
            claim = self._claim_of(top, index_of)
            # "4,000 residents were evacuated and 85 homes destroyed": the homes' own reduced
            # clause tells what befell them, not the verb their phrase is coordinated under
            # (a noun that is its verb's argument keeps that verb: "two officers involved in
            # the shooting were arrested")
            loose = counted is not None and counted.dep_ in ("conj", "appos", "ROOT")
            # so does the object of a deed only meant ("trying to reach 14 miners trapped
            # since Monday": the miners are trapped, whether they are reached or not)
            meant = claim >= 0 and (claims[claim].conditional or claims[claim].hedged)
            told = (
                [c.i for c in counted.children if _reduced(c)]
                if counted is not None and (loose or meant)
                else []
            )
            if told and told[0] in index_of:
                claim = index_of[told[0]]
            reported = claim >= 0 and fold(predicates[claim].lemma_) in self.words.reporting
            if (claim < 0 or reported) and counted is not None:
                # nothing above it (a number the parser made the root): the clause hung on
                # what it counts ("two of the nine judges dissented")
                # ("two of the nine judges dissented"; "700 tonnes of oil leaked")
                hung = [*counted.children] + [
                    g
                    for c in counted.children
                    if c.dep_ == "prep" and fold(c.text) == "of"
                    for p in c.children
                    if p.dep_ == "pobj"
                    for g in p.children
                ]
                claim = next(
                    (index_of[c.i] for c in hung if c.dep_ in ("acl", "relcl") and c.i in index_of),
                    claim,
                )
            verb = predicates[claim] if claim >= 0 else None
            if role == "count" and self._is_rate(top, counted, verb):
                role = "rate"
            scope = self._scope(counted, event, top, verb)
            window = _window(counted)
            if window and window not in scope:
                scope = (*scope, window)
            low, high, unit, end = q.low, q.high, q.unit, q.end
            days = _DAYS.get(fold(counted.lemma_)) if counted is not None and not unit else None
            if days is not None and counted is not None and role == "count":
                # a length of time in days, so that "six weeks" meets "three months"
                low, high, unit = low * days, high * days, "days"
                measure, label = ("duration",), "duration"
                end = max(end, counted.idx + len(counted.text))
            if _more(top, counted):
                bare_more.add(q.start)
            out.append(
                Figure(
                    low=low,
                    high=high,
                    unit=unit,
                    qualifier=q.qualifier,
                    start=q.start,
                    end=end,
                    counted=self._counted_key(counted) if counted is not None else "",
                    measure=measure,
                    label=label,
                    role=role,
                    total=total,
                    scope=scope,
                    claim=claim,
                    holder=self._holder(counted, verb, part=role == "part"),
                    place=self._place(counted, event, verb),
                    running=self._running(top, counted, verb),
                    increment=_increment(top, counted),
                    partial=verb is not None
                    and (_more_after(verb, top, counted) or _alone_after(verb, top)),
                    incident=verb is not None and self._incident(verb),
                    whom=self._counted_key(counted)
                    if counted is not None
                    and not _generic(counted)
                    and role != "part"
                    and self._befell(counted, event)
                    else "",
                )
            )
        # "two more" adds to a figure of the same measure told before it ("five died in the
        # town and two more in hospital"); with none ("killing three and injuring dozens
        # more") it only means others
        out = [
            dataclasses.replace(f, increment=False)
            if f.increment
            and f.start in bare_more
            and not any(
                g.start < f.start and set(g.measure) & set(f.measure) for g in out if g is not f
            )
            else f
            for f in out
        ]
        out = _elliptic_figures(out, claims)
        # a figure its claim adds to: "five died in the town and two more in hospital"
        added = {(f.claim, m) for f in out if f.increment and f.claim >= 0 for m in f.measure}
        out = [
            dataclasses.replace(f, partial=True)
            if not f.increment and any((f.claim, m) in added for m in f.measure)
            else f
            for f in out
        ]
        # the total a part is of: "312 of 450 members" -> 450 is the total
        totals = {(f.total, f.counted) for f in out if f.role == "part" and f.total is not None}
        return [
            dataclasses.replace(f, role="total")
            if f.role == "count" and ((f.low + f.high) / 2, f.counted) in totals
            else f
            for f in out
        ]

    def _duration(self, end: int) -> bool:
        """A number of a length of time given or served ("sentenced to six years", "banned
        for two seasons", "served four months"), not a date ("two years ago", "six years
        old", "the past three years"): a count of that unit."""
        unit = next((t for t in self.doc if t.idx >= end), None)
        if unit is None or fold(unit.lemma_) not in _DURATION_UNITS:
            return False
        if unit.dep_ == "pobj":
            if fold(unit.head.text) not in ("to", "for"):
                return False
        elif unit.dep_ == "npadvmod":
            if fold(unit.head.lemma_) not in _LASTING_FOR:
                return False  # "the trial lasted four months", not "four months ago"
        elif unit.dep_ != "dobj":
            return False
        after = {fold(t.text) for t in unit.doc[unit.i + 1 : unit.i + 3]}
        before = {fold(t.text) for t in unit.doc[max(0, unit.i - 4) : unit.i]}
        return not (after & {"ago", "old", "later", "earlier"} or before & _RELATIVE_TIME)

    def _counted(
        self, top: Token, quantities: Sequence[Any], q: Any
    ) -> tuple[Token | None, Role, float | None]:
        """The noun a figure counts, its role, and the total when it is a part."""

        def own(t: Token) -> bool:
            return bool(q.start <= t.idx < q.end)

        def value_at(t: Token) -> float | None:
            found = next((x for x in quantities if x.start <= t.idx < x.end), None)
            if found is None or found.high == float("inf"):
                return None
            return float(found.low + found.high) / 2

        role: Role = "count"
        total: float | None = None
        counted: Token | None = None
        head = top.head
        if (
            top.dep_ == "quantmod"
            and head.like_num
            and any(fold(c.text) == "of" for c in head.children if c.dep_ == "quantmod")
        ):
            # "312 of 450 members": a part, the total is the other figure
            total, role = value_at(head), "part"
            counted = head.head if head.head.pos_ in ("NOUN", "PROPN") else None
            return counted, role, total
        if (
            top.dep_ in ("nummod", "quantmod", "amod", "compound", "appos")
            and head.pos_ in ("NOUN", "PROPN")
            and not own(head)
        ):
            counted = head
        if counted is None:
            counted = _valued_noun(top)
        base = counted if counted is not None else top
        if counted is None and q.unit and q.unit not in ("%", "days"):
            # "$2 billion in insured losses", "$40 million in aid": the money is of that
            for child in top.children:
                pobj = _argument(child, frozenset({"pobj"})) if child.dep_ == "prep" else None
                if fold(child.text) == "in" and pobj is not None and pobj.pos_ == "NOUN":
                    return pobj, role, total
        # "52% of the votes", "three of the victims", "thousands of visitors", "312 of 450"
        for child in base.children:
            if child.dep_ != "prep" or fold(child.text) not in ("of", "out"):
                continue
            pobj = _argument(child, frozenset({"pobj"}))
            if pobj is None and fold(child.text) == "out":
                for grand in child.children:
                    pobj = _argument(grand, frozenset({"pobj"})) or pobj
            if pobj is None:
                continue
            if pobj.like_num or pobj.pos_ == "NUM":
                total, role = value_at(pobj), "part"
                nouns = [g for g in pobj.children if g.pos_ in ("NOUN", "PROPN")]
                counted = nouns[0] if nouns else counted
            elif counted is None or (
                _generic(counted) and (counted.is_stop or pobj.pos_ != "PROPN")
            ):
                # "three of the victims", "12 members of one family": of that group; not
                # "9,000 members of the Transit Union": a name, its members are counted
                counted = pobj
                for grand in pobj.children:
                    if grand.dep_ == "nummod" and grand.like_num and not own(grand):
                        total, role = value_at(grand), "part"
            break
        if (
            counted is None
            and not q.unit
            and top.dep_ in ("nsubj", "nsubjpass")
            and top.head.i != top.i
        ):
            # "Of the 1,200 delegates, 640 backed the motion": a part of the fronted whole
            for child in top.head.children:
                whole = _argument(child, frozenset({"pobj"})) if child.dep_ == "prep" else None
                if fold(child.text) == "of" and child.i < top.i and whole is not None:
                    numbers = [g for g in whole.children if g.dep_ == "nummod" and g.like_num]
                    if whole.pos_ in ("NOUN", "PROPN") and numbers and not own(numbers[0]):
                        counted, role, total = whole, "part", value_at(numbers[0])
        if (
            counted is not None
            and counted.dep_ in ("amod", "compound", "nmod")
            and counted.head.pos_ == "NOUN"
            and "-" in self.text[q.start : counted.idx + len(counted.text)]
        ):
            counted = counted.head  # "an 86-yard run", "the 10-yard line": a run, a line
        if counted is not None and fold(counted.lemma_) == "total":
            role = "total"
        return counted, role, total

    def _place(
        self, counted: Token | None, event: Token | None, predicate: Token | None = None
    ) -> tuple[str, ...]:
        """Where a figure counts: the place its event or counted noun is "in" ("killed 70 in
        Bener Meriah district", "170,000 people in the province"); see ``Figure.place``."""
        # the verbs it shares with ("10 were killed and 140 injured in the district")
        verbs = [] if event is None else [event]
        t = event
        while t is not None and t.dep_ == "conj" and t.head.i != t.i and len(verbs) < 4:
            t = t.head
            verbs.append(t)
        verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "conj"]
        # "seven were killed and 12 injured by a mudslide in the village": the elided verb
        verbs += [c for v in list(verbs) if v.like_num for c in v.children if c.dep_ == "acl"]
        around: list[Token | None] = [counted, *verbs]
        anchor = event if event is not None else counted
        frame = anchor.sent[0] if anchor is not None else None
        if (
            frame is not None
            and frame.dep_ == "prep"
            and fold(frame.text) in _PLACE_PREPOSITIONS
            and frame.right_edge.i + 1 < len(frame.doc)
            and frame.doc[frame.right_edge.i + 1].text == ","
        ):
            # a fronted place frames every clause after it: "In Central Aceh district, 10
            # were killed, 140 were injured"
            around.append(frame.head)
        for verb in verbs:
            for clause in verb.children:
                # the incident it counts: "two were killed when a shell hit a school in Khan
                # Younis"
                marks = {fold(m.text) for m in clause.children if m.dep_ in ("mark", "advmod")}
                if clause.dep_ == "advcl" and marks & {"when", "as", "after"}:
                    around += [clause, *(c for c in clause.children if c.dep_ == "dobj")]
                # what did it: "killed by a landslide in Bener Meriah district", "during an
                # attack on a school in Gaza"
                if clause.dep_ in ("agent", "prep") and fold(clause.text) in ("by", "during"):
                    around += [c for c in clause.children if c.dep_ == "pobj"]
        for t in around:
            if t is None:
                continue
            for child in t.children:
                if child.dep_ != "prep" or fold(child.text) not in _PLACE_PREPOSITIONS:
                    continue
                for where in child.children:
                    named = any(w.ent_type_ in ("GPE", "LOC", "FAC") for w in _identity(where))
                    if where.dep_ != "pobj" or not (
                        named or fold(where.lemma_) in self.words.place_nouns
                    ):
                        continue
                    names = {fold(w.text) for w in _identity(where) if w.pos_ == "PROPN"}
                    if names:
                        return (fold(where.lemma_), *sorted(names))
                    return (fold(where.lemma_),)
        # "nationwide, unemployment held at 9 percent", "national unemployment": the whole
        # country, which a region's figure is a part of
        for t in (*around, predicate):
            for child in t.children if t is not None else ():
                if fold(child.text) in _NATIONWIDE and child.dep_ in ("advmod", "amod", "npadvmod"):
                    return (NATION,)
        return ()

    def _degree(self, counted: Token | None, event: Token | None) -> str:
        """The degree that narrows a figure's measure: an adverb of its event ("seriously
        injured"), an adjective of what it counts ("critical injuries"), or "in ...
        condition" ("four remain in critical condition"); "" when none."""
        degrees = self.words.degrees
        for t in (event, counted):
            if t is None:
                continue
            for child in t.children:
                if child.dep_ in ("advmod", "amod") and fold(child.text) in degrees:
                    return degrees[fold(child.text)]
                if child.dep_ == "prep" and fold(child.text) == "in":
                    for place in child.children:
                        said = [fold(w.text) for w in place.subtree]
                        if fold(place.lemma_) == "condition" and set(said) & set(degrees):
                            return degrees[next(w for w in said if w in degrees)]
        return ""

    def _event(self, counted: Token) -> Token | None:
        """The event a counted noun belongs to: "arrest" for "the arrest of 2,000
        individuals", "kill" for "three people were killed", "toll" for "the toll rose to 40".
        """
        t = counted
        if t.like_num:
            # "seven were killed and 12 injured": the participle hung on the number is its
            # event, not the verb the number is joined to
            for child in t.children:
                if child.dep_ in ("acl", "amod") and child.tag_ in ("VBN", "JJ"):
                    return child
        if t.dep_ == "pobj" and t.head.head.i != t.head.i:
            above = t.head.head
            if above.pos_ in ("NOUN", "PROPN"):
                return above
            if above.pos_ in ("VERB", "AUX"):
                # "put turnout at 58 percent", "estimated the crowd at 40,000": what is put
                valued = _argument(above, frozenset({"dobj"}))
                if valued is not None and valued.i != t.i and valued.pos_ == "NOUN":
                    return valued
                # "rose to 40": what rose; a number for subject is a figure of its own ("of
                # the 300 workers, 120 walked out": the walk-out)
                subject = _argument(above, _SUBJECT_DEPS)
                return subject if subject is not None and not subject.like_num else above
        if t.dep_ == "nsubj" and t.head.pos_ == "AUX":
            quality = _argument(t.head, frozenset({"acomp", "attr"}))
            if quality is not None and quality.i != t.i:
                return quality  # "of which 310,000 were electric"
        # a number the parser hangs on a copula as its complement ("the toll was 74")
        number_complement = t.dep_ == "acomp" and t.like_num
        if (
            t.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "attr") or number_complement
        ) and t.head.pos_ in ("VERB", "AUX"):
            verb = t.head
            if t.dep_ == "conj":
                return self._event(t.head) if t.head.pos_ in ("NOUN", "NUM") else verb
            if t.dep_ in ("attr", "acomp") or verb.pos_ == "AUX":
                subject = _argument(verb, _SUBJECT_DEPS)
                if subject is not None and subject.i != t.i:
                    return subject
            return verb
        if t.dep_ == "dobj" and t.head.dep_ in _CLAUSE_DEPS:
            return t.head  # "the strike cost 30 million euros", its verb tagged as a noun
        if t.dep_ in ("amod",) and t.head.pos_ in ("NOUN",):
            return t.head
        if t.dep_ == "npadvmod" and t.head.pos_ == "VERB":
            return t.head  # "won 44 percent", "rose 4 percent"
        if t.like_num and t.dep_ == "nummod" and t.head.pos_ == "ADJ" and t.head.dep_ == "oprd":
            return t.head  # "left 40 dead": the state the figure counts
        return None

    def _measure(
        self, counted: Token | None, event: Token | None, unit: str, *, part: bool = False
    ) -> tuple[tuple[str, ...], str]:
        """Keys of what a figure measures, and the word to show; empty when nothing tells.
        A part ("four of the family") is no toll of its noun."""
        found: list[str] = []
        shown = ""
        phrased = self._phrase_measure(event) if event is not None else ""
        specific = counted is not None and not (
            _generic(counted) or counted.is_stop or counted.like_num
        )
        if phrased and specific and counted is not None and phrased not in self.words.harms:
            # "1,150 farmers took part": the turnout, and a count of farmers
            return (phrased, stem(self._counted_key(counted))), phrased
        if phrased:
            return (phrased,), phrased  # "claimed 40 lives", "forced 300 from their homes"
        if counted is not None and fold(counted.lemma_) in _CONTAINERS:
            held, _ = self._contained(counted)
            if held:
                return (held,), held  # "the number who marched", counted by "at 75,000"
        if event is not None and event.pos_ in ("NOUN", "PROPN"):
            held, inner = self._contained(event)
            if held:
                return (held,), held
            event = inner or event
        # words of the event and of the counted noun, with their compounds ("death toll")
        candidates: list[Token] = []
        # a specific counted noun says what is counted ("two trucks", "14 homes"); a generic
        # one ("21 people") leaves it to the event ("were killed")
        for token in (counted,) if specific else (event, counted):
            if token is None:
                continue
            candidates.append(token)
            candidates.extend(
                c for c in token.children if c.dep_ in ("compound", "amod") and not _hyphened(c)
            )
            if token is event:
                # "left 22 people dead": the object's state is what is counted (not "dead
                # and missing": a count of more than one state)
                candidates.extend(
                    c
                    for c in token.children
                    if c.dep_ == "oprd" and not any(g.dep_ == "conj" for g in c.children)
                )
        # adjectives after a count: "21 dead", "eleven wounded"
        for token in candidates:
            label = self._measure_label(token)
            if label and label not in found:
                found.append(label)
                shown = shown or label
        if not found and counted is not None and _generic(counted):
            # "left 40 people injured": the participle on whom it counts tells what befell them
            befell = (self._measure_label(c) for c in counted.children if _reduced(c))
            found = [label for label in befell if label][:1]
            shown = found[0] if found else shown
        if found:
            return tuple(found), shown
        if counted is not None and not _generic(counted):
            if counted.is_stop or counted.like_num:
                return (), ""
            substance = _substance(counted)
            if substance is not None:
                # "90 mm of rain", "2 tonnes of cocaine": the rain, counted in millimetres
                return (stem(fold(substance.lemma_)),), fold(f"{counted.text} of {substance.text}")
            # one thing told by its lexicon names ("houses" / "homes") is one measure
            named = self._counted_key(counted)
            harm = "" if part else self._befell(counted, event)
            if harm:
                # "five miners were killed": a toll, which "seven people were killed" also
                # counts (the noun is the figure's ``whom``); not a count of all the miners
                return (harm,), fold(counted.text)
            return (stem(named),), fold(counted.text)
        if event is not None and event.pos_ == "VERB" and fold(event.lemma_) in VALUE_VERBS:
            # "turnout reached 72%", "inflation stood at 6%": what the verb's subject is; a
            # verb of its own ("35,000 people marched", "forced 8,000 from their homes") is
            # what the figure counts
            subject = _argument(event, _SUBJECT_DEPS)
            own = counted is not None and subject is not None and subject.i == counted.i
            if (
                subject is not None
                and not own
                # a capitalised first noun may be tagged a verb ("Turnout in the race")
                and (
                    subject.pos_ in ("NOUN", "PROPN")
                    or (subject.pos_ == "VERB" and subject.dep_ == "nsubj")
                )
                and not subject.is_stop
            ):
                event = subject
                held, inner = self._contained(subject)
                if held:
                    return (held,), held
                event = inner or event
        if (
            event is not None
            and not event.is_stop
            and event.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
        ):
            listed = self._measure_label(event)  # "the toll had reached 87": deaths
            key = listed or stem(fold(event.lemma_))
            shown_word = fold(event.text)
            if counted is not None:
                return (key,), f"{fold(counted.text)} {shown_word}"
            return (key,), shown_word
        if unit:
            return (), ""
        return (), ""

    def _phrase_measure(self, verb: Token) -> str:
        """The lexicon's measure a verb names with its particle, object or prepositional
        object ("move out", "lose life", "force from home", "take into custody"), or ""."""
        if verb.pos_ != "VERB":
            return ""
        lemma = fold(verb.lemma_)
        phrases = [_phrasal(verb)]
        for c in verb.children:
            if c.dep_ == "dobj":
                phrases.append(f"{lemma} {fold(c.lemma_)}")
            elif c.dep_ == "prep":
                phrases.extend(
                    f"{lemma} {fold(c.text)} {fold(p.lemma_)}"
                    for p in c.children
                    if p.dep_ == "pobj"
                )
        measures = self.words.measures
        return next((measures[p] for p in phrases if " " in p and p in measures), "")

    def _contained(self, noun: Token) -> tuple[str, Token | None]:
        """What a container noun holds a figure of ("the number of people killed rose to
        45", "the jobless rate fell to 4.6%"): a measure of the lexicon ("deaths",
        "unemployment"), else the specific noun inside; ("", None) for any other noun."""
        inner = _contents(noun)
        if inner is None:
            told = [c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"]
            if fold(noun.lemma_) in _CONTAINERS and told:
                # "put the number who marched at 75,000": the marchers
                verb = told[0]
                listed = self._phrase_measure(verb) or self._measure_label(verb)
                return listed or stem(fold(verb.lemma_)), None
            return "", None
        inside = [inner, *(c for c in inner.children if c.dep_ in ("compound", "amod"))]
        if _generic(inner):
            # the participle may hang on either noun: "the number of people killed"
            inside.extend(c for t in (inner, noun) for c in t.children if c.dep_ == "acl")
        label = next((m for t in inside if (m := self._measure_label(t))), "")
        if label:
            return label, None
        return "", None if _generic(inner) or inner.is_stop else inner

    def _counted_key(self, counted: Token) -> str:
        """A counted noun's key: its lexicon group's first word ("houses": home), else its
        folded lemma."""
        return self.words.counted.get(fold(counted.lemma_), fold(counted.lemma_))

    def _befell(self, counted: Token, event: Token | None) -> str:
        """The lexicon's measure of what a verb tells befell its argument ("five miners were
        killed", "the blast injured 12 workers"), or ""."""
        if event is None or event.pos_ != "VERB":
            return ""
        if (
            counted.ent_type_ == "NORP"
            or counted.pos_ == "PROPN"
            or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in counted.children)
        ):
            return ""  # "nine Israelis", "six Hamas gunmen": one side's dead, not the toll
        argument = counted
        if counted.dep_ == "pobj" and fold(counted.head.text) == "of":
            argument = counted.head.head  # "scores of sheep died": the amount is the subject
            if argument.pos_ != "NOUN":
                return ""  # "12 of one family": some of them
        if argument.head.i != event.i or argument.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return ""
        label = self._measure_label(event)
        return label if label in self.words.harms else ""

    def _measure_label(self, token: Token) -> str:
        """The lexicon's measure a word points to ("killed": deaths), or ""."""
        measures = self.words.measures
        lemma = fold(token.lemma_)
        return (
            measures.get(stem(lemma)) or measures.get(lemma) or measures.get(fold(token.text)) or ""
        )

    def _holder(
        self, counted: Token | None, verb: Token | None, *, part: bool = False
    ) -> tuple[str, ...]:
        """Names that own a figure: a possessor of the counted noun, or the named subject of
        the figure's claim when the figure is not the subject itself. A part's counted noun
        is its total's ("won 107 of the Riksdag's 349 seats"): its possessor owns the total."""
        names: set[str] = set()
        if counted is not None and not part:
            for child in counted.children:
                if child.dep_ == "poss":
                    names |= {fold(t.text) for t in child.subtree if _name(t)}
        if verb is not None and not names:
            subject = _argument(verb, frozenset({"nsubj"})) or _inherited_subject(verb)
            subject = _antecedent(subject) if subject is not None else None
            own = subject is not None and counted is not None and subject.i == counted.i
            if subject is not None and not own and not any(t.like_num for t in subject.subtree):
                names |= {fold(t.text) for t in _identity(subject) if _name(t)}
        return tuple(sorted(names))

    def _running(self, top: Token, counted: Token | None, verb: Token | None) -> bool:
        around = [t for t in (top, counted, verb) if t is not None]
        words = " ".join(fold(t.text) for a in around for t in a.subtree)
        if any(marker in f" {words} " for marker in _RUNNING):
            return True
        # "the conflict has taken more than 600 lives", "the war killed 600": a whole
        # campaign's toll, not one attack's
        subject = _argument(verb, _SUBJECT_DEPS) if verb is not None else None
        return subject is not None and fold(subject.lemma_) in _CAMPAIGNS

    def _incident(self, verb: Token) -> bool:
        """Simple past with no perfect auxiliary: "died when a missile hit"."""
        if verb.tag_ != "VBD":
            return False
        return not any(
            c.dep_ in ("aux", "auxpass") and fold(c.lemma_) == "have" for c in verb.children
        )

    def _is_rate(self, top: Token, counted: Token | None, verb: Token | None) -> bool:
        """ "50 a day", "3 per cent a year", "thousands of visitors a day" """
        around = [top, counted, verb]
        for t in around:
            if t is None:
                continue
            for child in t.children:
                if fold(child.text) == "per" and child.dep_ == "prep":
                    return True
                if (
                    child.dep_ == "npadvmod"
                    and fold(child.lemma_) in _CALENDAR_PERIODS
                    and any(fold(d.text) in _RATE_DETS for d in child.children if d.dep_ == "det")
                ):
                    return True  # "a day", not "this year" or "last week"
                if child.dep_ == "npadvmod" and fold(child.text) in ("each", "apiece"):
                    return True  # "costing about 133,000 euros each"
        return counted is not None and (_apiece(counted) or _per_period(counted))

    def _claim_of(self, top: Token, index_of: dict[int, int]) -> int:
        # a figure a verb puts something at is that verb's: "put the number of marchers
        # protesting the reform at 22,000" (not the protesting)
        for verb in top.ancestors:
            if fold(verb.lemma_) in ("put", "place") and verb.i in index_of:
                at = _put_at_figure(verb)
                if at is not None and at.is_ancestor(top):
                    return index_of[verb.i]
        t = top
        for _ in range(8):
            if t.i in index_of:
                return index_of[t.i]
            if t.head.i == t.i:
                break
            t = t.head
        return -1

    def _scope(self, *tokens: Token | None) -> tuple[str, ...]:
        """Words that tie a figure to another event than the story's ("last year's flood",
        "the 2019 quake", "the previous attack", "at the last election"): a year, or a word
        that points back. Only the event's and the counted noun's own modifiers count, not
        an aside hung on them ("18,000 hectares, twice the area lost in the 2019 fire")."""
        out: list[str] = []
        around = list(tokens)
        # a figure inside the comparison keeps the words after it ("against 35 ... in 2021")
        compared_figure = any(
            fold(a.text) in _COMPARISON for t in tokens[:3] if t is not None for a in t.ancestors
        )
        for token in tokens:
            if token is not None and token.pos_ in ("NOUN", "PROPN"):
                # "the 112 deaths caused when the same dam failed in 1998": the clause that
                # tells of the counted noun, and the "when" clause that times it
                for clause in (c for c in token.children if c.dep_ == "acl"):
                    around.append(clause)
                    around += [c for c in clause.children if c.dep_ == "advcl" and _when_clause(c)]
            if token is not None and token.pos_ in ("VERB", "AUX") and _long_after(token):
                out.append("earlier")  # "two years after a crash on the same line injured 90"
            if (
                token is not None
                and token.dep_ == "relcl"
                and token.head.ent_type_ == "DATE"
                and re.fullmatch(r"(?:1[89]|20)\d\d", token.head.text)
            ):
                out.append(token.head.text)  # "since 2009, when 37 people died in a mudslide"
            if token is not None and token.pos_ in ("VERB", "AUX"):
                # "58 died when Cyclone Pemba hit the islands last year": the "when" clause
                # dates the count
                around += [c for c in token.children if c.dep_ == "advcl" and _when_clause(c)]
                subject = _argument(token, _SUBJECT_DEPS)
                # "a 2019 storm that killed 12": the storm's
                around.append(_antecedent(subject) if subject is not None else None)
                # "last year's flood killed 12"
                # the clauses it hangs from: "In 2004 a quake triggered a tsunami that killed
                # 230,000"; "... on 4 November 2008, when troops raided Gaza and killed six"
                for above in list(token.ancestors)[:3]:
                    if _semicolon_between(token, above):
                        break  # "was jailed for nine years; his co-defendant received four
                        # years last month": another clause, whatever the parser hung on it
                    if above.pos_ in ("VERB", "AUX"):
                        around.append(above)
        for token in around:
            if token is None:
                continue
            # a comparison names another figure's time: "$40,000, against $25,000 in 2024"
            # what follows a comparison is the compared figure's ("needed 80 firefighters,
            # against 35 at a fire on the same site in 2021": 2021 is the 35's)
            compared = [c.i for c in token.children if fold(c.text) in _COMPARISON]
            near = [
                c
                for c in token.children
                if c.dep_ in _SCOPE_DEPS
                and fold(c.text) not in _COMPARISON
                and not (compared and token.i < min(compared) < c.i and not compared_figure)
            ]
            # "last year's flood", "the flood of 2019", "90 cases last year", "in the whole of
            # last season"
            near += [
                g
                for c in near
                if c.dep_ in ("prep", "poss", "npadvmod")
                for g in c.children
                if fold(g.text) not in _COMPARISON  # "up from 21 in the previous vote"
            ]
            for _ in range(3):
                near += [
                    g
                    for c in list(near)
                    if c.dep_ in ("pobj", "prep")
                    # "the worst since a 2016 blaze": a period's bound, another event's year
                    and not (c.dep_ == "prep" and fold(c.text) in _LIMITS)
                    for g in c.children
                    if g not in near and fold(g.text) not in _COMPARISON
                ]
            for child in near:
                word = fold(child.text)
                # a year is four digits ("the 2019 quake"), not the word "four" or "five"; a
                # year that bounds a period ("its lowest since 2008") names no other event
                year = child.text.isdigit() and len(child.text) == 4 and child.ent_type_ == "DATE"
                year = year and fold(child.head.text) not in _LIMITS
                if year or word in _EARLIER:
                    out.append(word)
                elif (
                    word == "before"
                    and child.i > 0
                    and (fold(self.doc[child.i - 1].lemma_) in _TIME_NOUNS | _SEASONS)
                ):
                    out.append("earlier")  # "the season before", "the year before"
                elif word in _HABITUAL:
                    out.append("usual")  # "usually gets about 70 mm in July": a norm
        return tuple(dict.fromkeys(out))

    # ------------------------------------------------------------------ quotes

    def _speaker_names(self, start: int, end: int) -> tuple[str, ...]:
        """The person names in a speaker's phrase ``[start, end)``, folded: not a name the
        speaker is "for" or "of" ("a spokesman for Senator Moreno"), or whose the speaker is
        ("Paula Greer's chief scientist, Dr Ewan Tolle"), nor one in a clause of it
        ("Pavel Danek, whose brother Ivan ..."), nor one that qualifies a title before the
        speaker's own name ("Ajax coach Maarten de Wit", the parser's PERSON "Ajax")."""
        persons = [e for e in self.doc.ents if e.label_ == "PERSON" and start <= e.start_char < end]
        kept: list[Token] = [] if persons else self._after_honorific(start, end)
        if not persons and not kept:
            kept = self._after_title(start, end) or self._apposed_name(start, end)
        for n, ent in enumerate(persons):
            after = self.doc[ent.end] if ent.end < len(self.doc) else None
            title = after is not None and after.pos_ == "NOUN"
            if title and any(later.start_char < end for later in persons[n + 1 :]):
                continue
            kept.extend(ent)
        return tuple(
            sorted(
                {
                    fold(t.text)
                    for t in kept
                    if t.text[:1].isalnum()
                    # "Ms Ostrova" is Lena Ostrova: a form of address names no one
                    and fold(t.text).rstrip(".") not in _HONORIFICS
                    and not any(
                        h.dep_ in ("prep", "relcl", "acl", "poss")
                        for h in (t, *t.ancestors)
                        if h.idx >= start
                    )
                }
            )
        )

    def _headline_speaker(self, start: int) -> tuple[int, int, tuple[str, ...]] | None:
        """A headline's speaker, the noun phrase before a colon that opens the quote
        ("Fire chief: 'Arson cannot be ruled out'"): a few words, no verb among them."""
        before = [t for t in self.doc if t.idx < start and not t.is_punct]
        verbs = [t for t in before if t.pos_ in ("VERB", "AUX") and t.dep_ != "compound"]
        if not 1 <= len(before) <= 6 or verbs:
            return None
        head = next((t for t in before if t.head.i == t.i or t.head.idx >= start), None)
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            return None
        first, last = before[0], before[-1]
        return first.idx, last.idx + len(last.text), _key_of_phrase(head)

    def _introducer(self, start: int) -> tuple[int, int, tuple[str, ...]] | None:
        """The person who opens a quote after a colon with a verb that is not a reporting
        one ("Coach Hal Rennard summed up the defeat: '...'"): the subject of the verb
        nearest before the colon, when that subject names a person."""
        verbs = [t for t in self.doc if t.idx < start and t.pos_ == "VERB"]
        if not verbs or fold(verbs[-1].lemma_) in _RECITING:
            return None  # "the senator read out the letter: '...'": the letter's words
        subject = _argument(verbs[-1], frozenset({"nsubj"}))
        if subject is None:
            return None
        s, e = _phrase(subject)
        if not self._speaker_names(s, e):
            return None
        return s, e, _key_of_phrase(subject)

    def _after_honorific(self, start: int, end: int) -> list[Token]:
        """A name the parser did not take for a person, told after an honorific ("Dr Amara
        Diallo", which it may read as an organisation): the proper nouns that follow it."""
        tokens = [t for t in self.doc if start <= t.idx < end]
        for k, t in enumerate(tokens):
            if fold(t.text).rstrip(".") in _HONORIFICS:
                name = list(itertools.takewhile(lambda n: n.pos_ == "PROPN", tokens[k + 1 :]))
                return name if name else []
        return []

    def _beside_report(self, end: int) -> tuple[int, int, tuple[str, ...]] | None:
        """The person a verb of saying just after a quote names, where the parser hung the
        name elsewhere: a run of proper nouns right after the verb ('"...," said
        Vice-Chancellor Georg Wimmer as ...') or a person's name just before it ('"...," a
        police officer at the scene, Sergeant Luis Navarro, told ...')."""
        after = [t for t in self.doc if t.idx >= end][:16]
        for k, verb in enumerate(after):
            if verb.pos_ != "VERB" or fold(verb.lemma_) not in self.words.quoting:
                continue
            named = _titled_name(after[k + 1 :])
            if named is not None:
                first, run = named
                return first.idx, run[-1].idx + len(run[-1].text), _name_key(run)
            people = [
                e
                for e in self.doc.ents
                if e.label_ == "PERSON" and e.start_char >= end and e.end_char <= verb.idx
            ]
            if people and all(not t.is_alpha for t in self.doc[people[-1].end : verb.i]):
                person = people[-1]
                return person.start_char, person.end_char, _name_key(list(person))
            return None
        return None

    def _after_title(self, start: int, end: int) -> list[Token]:
        """A name the parser did not take for a person, told after a title in one run of
        three or more proper nouns ("Mayor Ilse Brandt", which it may read as a work of art):
        the run but its first word. Two ("Mayor Brandt") may be a title and a surname, or a
        body's name, and give none."""
        tokens = [t for t in self.doc if start <= t.idx < end]
        run = list(itertools.takewhile(lambda t: t.pos_ == "PROPN", tokens))
        if len(run) >= 3 and len(run) == len(tokens):
            return run[1:]
        # a title in small letters, then two proper nouns or more that end the phrase:
        # "Ravens captain Eli Strand", which it may read as a body
        last = _trailing_names(tokens)
        before = tokens[len(tokens) - len(last) - 1] if len(tokens) > len(last) else None
        titled = before is not None and before.pos_ == "NOUN" and before.text.islower()
        return last if len(last) >= 2 and titled else []

    def _apposed_name(self, start: int, end: int) -> list[Token]:
        """A name the parser did not take for a person, set after a role by a comma ("her
        aide, Ivo Brand"): two or more proper nouns that end the phrase."""
        tokens = [t for t in self.doc if start <= t.idx < end and not t.is_punct]
        run = _trailing_names(tokens)
        if len(run) < 2 or len(run) == len(tokens):
            return []
        comma = self.doc[run[0].i - 1] if run[0].i > 0 else None
        return run if comma is not None and comma.text == "," else []

    def _named_before(self, start: int, end: int) -> tuple[str, ...]:
        """For a speaker told as "he" or "she", the one person the passage names before it,
        if it names exactly one (two, and whose words they are is the reader's guess)."""
        if fold(self.text[start:end]) not in ("he", "she"):
            return ()
        people = {
            tuple(fold(t.text) for t in e if t.text[:1].isalnum())
            for e in self.doc.ents
            if e.label_ == "PERSON" and e.end_char <= start
        }
        surnames = {person[-1] for person in people if person}
        if len(surnames) != 1:
            return ()
        return tuple(sorted({w for person in people for w in person}))

    def _reports(self, start: int) -> bool:
        """The words before offset ``start`` end with a verb of saying, or with "that" after
        one ("said", "declared that"): what follows is what was said, whole."""
        before = [t for t in self.doc if t.idx + len(t.text) <= start and not t.is_punct]
        if before and fold(before[-1].text) == "that":
            that = before[-1]
            if that.dep_ == "mark" and fold(that.head.head.lemma_) in self.words.quoting:
                return True  # "said on Wednesday that '...'": the clause it marks is said
            before = before[:-1]
        return bool(before) and fold(before[-1].lemma_) in self.words.quoting

    def _according_to(self, start: int, end: int) -> tuple[int, int, tuple[str, ...]] | None:
        """The speaker of "according to X" outside the quote ('According to striker Leo Park,
        "the dressing room is united"')."""
        for token in self.doc:
            if fold(token.text) != "according" or start <= token.idx < end:
                continue
            after = list(self.doc[token.i + 1 : token.i + 8])
            if after and fold(after[0].text) == "to":
                # "according to engineer Tomas Reiner", its title parsed as a verb
                named = _titled_name(after[1:])
                if named is not None:
                    first, run = named
                    return first.idx, run[-1].idx + len(run[-1].text), _name_key(run)
            for child in token.children:
                pobj = child if child.dep_ == "pobj" else _argument(child, frozenset({"pobj"}))
                if pobj is not None and not (start <= pobj.idx < end):
                    s, e = _phrase(pobj)
                    return s, e, _key_of_phrase(pobj)
        return None

    def _quotes(self) -> list[Quote]:
        out: list[Quote] = []
        words = self.words
        for match in _QUOTE_PAIRS.finditer(self.text):
            group = next(g for g in range(1, 6) if match.group(g) is not None)
            start, end = match.start(group), match.end(group)
            body = match.group(group)
            if len(body.split()) < 3:
                continue  # a scare-quoted word or a title, not a quote
            inside = [t for t in self.doc if start <= t.idx < end]
            outside = [t for t in self.doc if not (start <= t.idx < end)]
            speaker: tuple[int, int, tuple[str, ...]] | None = None
            # the reporting verb outside the quote whose subtree holds it; of two, the
            # nearer ("X told reporters that the manager had assured workers: '...'": the
            # manager's words, relayed by X)
            found: list[tuple[tuple[int, int], Token]] = []
            # a quote after a colon is the words of the clause just before it
            colon = self.text[:start].rstrip(" \"“‘'").endswith(":")
            for verb in outside:
                labelling = fold(verb.lemma_) in _LABELLING
                if (fold(verb.lemma_) in words.quoting or labelling) and verb.pos_ == "VERB":
                    covered = {t.i for t in verb.subtree}
                    near = any(t.i in covered for t in inside) or any(
                        t.head.i == verb.i or verb.head.i == t.i for t in inside
                    )
                    if labelling and not near:
                        continue
                    # the verb just before a colon, else the one most tightly around
                    # the quote, else any verb of a short attribution
                    if colon and verb.idx < start:
                        rank = (0, start - verb.idx)
                    elif near:
                        rank = (1, len(covered))
                    elif len(outside) <= 8:
                        rank = (2, 0)
                    else:
                        continue
                    subject = _speaker_of(verb)
                    if subject is not None and not (start <= subject.idx < end):
                        found.append((rank, subject))
            if found:
                subject = min(found, key=lambda f: f[0])[1]
                s, e = _phrase(subject)
                key = _key_of_phrase(subject)
                rest = _dangling_object(subject)
                if rest is not None:
                    # "a spokesman for health minister Lena Ostrova said", parsed as two
                    # subjects: the second is what the first's "for" takes
                    e = _phrase(rest)[1]
                    key = tuple(sorted({*key, *_key_of_phrase(rest)}))
                speaker = (s, e, key)
            if speaker is None:
                speaker = self._according_to(start, end)
            if speaker is None:
                speaker = self._beside_report(end)
            if speaker is None and colon:
                speaker = self._headline_speaker(start) or self._introducer(start)
            names = self._speaker_names(speaker[0], speaker[1]) if speaker else ()
            if speaker is not None and not names:
                names = self._named_before(speaker[0], speaker[1])
                if names:
                    # "Prosecutor Ines Duarte spoke first. '...,' she told the court": hers
                    speaker = (speaker[0], speaker[1], names)
            before = self.text[: match.start()].rstrip()
            out.append(
                Quote(
                    words=body,
                    start=start,
                    end=end,
                    speaker=self.text[speaker[0] : speaker[1]] if speaker else "",
                    speaker_key=speaker[2] if speaker else (),
                    speaker_names=names,
                    speaker_start=speaker[0] if speaker else 0,
                    speaker_end=speaker[1] if speaker else 0,
                    # 'they were "deeply disappointed"': quoted words inside the sentence,
                    # not the words a verb of saying reports ('said "this vote was stolen"')
                    fragment=bool(before) and before[-1].isalnum() and not self._reports(start),
                )
            )
        return out


# Units a substance is measured in: "90 mm of rain", "2 tonnes of cocaine".
MEASURE_UNITS = frozenset(
    """mm millimetre millimeter cm centimetre centimeter metre meter km kilometre kilometer
    inch foot feet yard mile kg kilogram kilo gram tonne ton pound ounce litre liter gallon
    barrel hectare acre""".split()  # noqa: SIM905
)


def _substance(unit: Token) -> Token | None:
    """What a unit measures, after its "of" ("90 mm of rain"); None for any other noun."""
    if fold(unit.lemma_) not in MEASURE_UNITS:
        return None
    for child in unit.children:
        if child.dep_ == "prep" and fold(child.text) == "of":
            substance = _argument(child, frozenset({"pobj"}))
            if substance is not None and substance.pos_ == "NOUN":
                return substance
    return None


def _event_taken_part_in(verb: Token) -> Token | None:
    """The event a verb of taking part names ("joined the march", "took part in the
    strike"), when it is a common noun; else None."""
    lemma = fold(verb.lemma_)
    if lemma not in _TAKING_PART:
        return None
    preposition = _TAKING_PART[lemma]
    if lemma == "take" and not any(
        c.dep_ == "dobj" and fold(c.text) == "part" for c in verb.children
    ):
        return None
    if preposition:
        places = [c for c in verb.children if c.dep_ == "prep" and fold(c.text) == preposition]
        found = [_argument(p, frozenset({"pobj"})) for p in places]
    else:
        found = [_argument(verb, frozenset({"dobj"}))]
    event = next((t for t in found if t is not None), None)
    # a common noun, whatever the tagger says ("the march" may read as the month)
    common = event is not None and (event.pos_ == "NOUN" or event.text.islower())
    if event is None or not common or _generic(event):
        return None
    return event


# Verbs of beating someone: their object lost.
BEATING = frozenset({"beat", "defeat", "unseat", "oust"})


def _beaten(verb: Token, obj: Token | None) -> tuple[Token, Token | None] | None:
    """The one a verb of beating says lost, and what they lost ("in the election"); None
    for any other verb, or an object that is no one ("defeated the bill")."""
    if fold(verb.lemma_) not in BEATING or obj is None or obj.pos_ not in ("PROPN", "NOUN"):
        return None
    if obj.pos_ == "NOUN" and obj.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None  # "defeated the bill", "beat the deadline"
    arena = next(
        (
            pobj
            for c in verb.children
            if c.dep_ == "prep"
            and fold(c.text) in ("in", "at", "for")
            and (pobj := _argument(c, frozenset({"pobj"}))) is not None
            and pobj.ent_type_ not in ("DATE", "TIME")
        ),
        None,
    )
    return obj, arena


def _names_in(phrase: Token) -> tuple[str, ...]:
    """The proper names in a phrase (less its clauses), folded: "the Tarso bombing"."""
    start, end = _phrase(phrase)
    return tuple(
        sorted(
            {
                fold(t.text)
                for t in phrase.subtree
                if start <= t.idx < end and t.pos_ == "PROPN" and t.text[:1].isupper()
            }
        )
    )


def _dangling_object(subject: Token) -> Token | None:
    """The subject right after ``subject`` whose phrase ends in a preposition with no object
    ("a spokesman for | health minister Lena Ostrova said"): the parser's second subject of
    one verb, which is the preposition's object."""
    last = subject.doc[_phrase_end(subject)]
    if last.dep_ != "prep" or list(last.children) or last.head.i != subject.i:
        return None
    after = subject.doc[last.i + 1] if last.i + 1 < len(subject.doc) else None
    if after is None:
        return None
    head = after
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    same_verb = head.head.i == subject.head.i and head.dep_ in ("nsubj", "nsubjpass")
    return head if same_verb and head.i != subject.i else None


def _phrase_end(token: Token) -> int:
    """The index of the last token of ``_phrase(token)``."""
    end = _phrase(token)[1]
    return max(t.i for t in token.subtree if t.idx < end)


def _elliptic_figures(figures: list[Figure], claims: list[Claim]) -> list[Figure]:
    """A bare figure one claims or counts ("organisers claimed 25,000", "while police counted
    8,000") counts what the figure told before it counts ("said 12,000 people joined the
    march"), not the verb of claiming."""
    out: list[Figure] = []
    for f in figures:
        claim = claims[f.claim] if 0 <= f.claim < len(claims) else None
        before = [g for g in out if g.end <= f.start and g.unit == f.unit and g.counted]
        bare = not f.counted and claim is not None and claim.declares
        if bare and claim is not None and f.measure == (claim.key,) and before:
            told = before[-1]
            f = dataclasses.replace(f, measure=told.measure, label=told.label, counted=told.counted)
        out.append(f)
    return out


def _trailing_names(tokens: Sequence[Token]) -> list[Token]:
    """The run of proper nouns that ends ``tokens`` ("captain | Eli Strand")."""
    return list(itertools.takewhile(lambda t: t.pos_ == "PROPN", reversed(tokens)))[::-1]


def _titled_name(tokens: Sequence[Token]) -> tuple[Token, list[Token]] | None:
    """A name that opens ``tokens``, after at most three title words in small letters
    ("engineer Tomas Reiner", "Vice-Chancellor Georg Wimmer"): its first token (the title's)
    and the name's run of proper nouns, two or more; None otherwise."""
    titles = list(
        itertools.takewhile(
            lambda t: t.is_alpha and t.text.islower() and t.pos_ in ("NOUN", "VERB", "ADJ"),
            tokens[:3],
        )
    )
    run = list(
        itertools.takewhile(
            lambda t: t.pos_ == "PROPN" or (t.text in ("-", "–") and not t.whitespace_),
            tokens[len(titles) :],
        )
    )
    while run and not run[-1].text[:1].isalpha():
        run.pop()
    if sum(t.pos_ == "PROPN" for t in run) < 2:
        return None
    return (titles[0] if titles else run[0]), run


def _name_key(tokens: Sequence[Token]) -> tuple[str, ...]:
    """A name's words, folded, as a speaker's key."""
    return tuple(sorted({fold(t.text) for t in tokens if t.text[:1].isalpha()}))


def read_parsed(doc: Doc, lexicon: Lexicon = DEFAULT_LEXICON) -> Reading:
    """The claims, figures and quotes of one parsed text."""
    return _Reader(doc, _words_for(lexicon)).read()


_WORDS_CACHE: OrderedDict[int, tuple[Lexicon, _Words]] = OrderedDict()


def _words_for(lexicon: Lexicon) -> _Words:
    found = _WORDS_CACHE.get(id(lexicon))
    if found is None or found[0] is not lexicon:
        found = (lexicon, _words(lexicon))
        _WORDS_CACHE[id(lexicon)] = found
        while len(_WORDS_CACHE) > 4:
            _WORDS_CACHE.popitem(last=False)
    return found[1]


# ---------------------------------------------------------------------------- the reader


CACHE_FILE = "claims.sqlite3"
_SCHEMA = "CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, value TEXT)"


class ClaimReader:
    """Reads texts into claims, each distinct text once.

    Holds a bounded in-memory map (text sha256 -> Reading) and, when given a folder, an
    SQLite cache across runs. The parser is loaded only for texts found in neither.

    Args:
        cache_dir: folder of the disk cache, None for none.
        max_items: readings kept in memory.
        child: parse in child processes (``parser_process.ParserPool``) instead of this
            one, so that the parse runs on other cores beside the caller's work (on POSIX
            systems; elsewhere in this process).
    """

    def __init__(
        self, *, cache_dir: Path | None = None, max_items: int = 100_000, child: bool = False
    ) -> None:
        self.cache_dir = cache_dir
        self.max_items = max_items
        self._memory: OrderedDict[str, Reading] = OrderedDict()
        self._lock = threading.Lock()  # the memory map is shared with prefetch threads
        self._pending: dict[str, Future[None]] = {}
        self._child: ParserPool | None = None
        if child:
            from .parser_process import SUPPORTED, ParserPool

            self._child = ParserPool() if SUPPORTED else None

    def prefetch(self, texts: Sequence[str]) -> None:
        """Start reading ``texts`` in the background (default lexicon): those in neither
        cache go to the child parser at once, so that spaCy loads and parses while the
        caller does other work (loading the embedding model); ``read`` then waits for them.

        Does nothing for a reader that parses in its own process (a thread beside the
        caller would only fight it for the interpreter lock).
        """
        if self._child is None:
            return
        mine, done = self._claim(texts)
        try:
            missing = self._from_disk(mine)
            if missing:
                self._child.start(len(missing))
        except BaseException as error:
            self._release(mine, done, error)
            if isinstance(error, ParallaxError):
                return  # read() meets the same problem and reports it
            raise
        if not missing:
            self._release(mine, done, None)
            return
        # A daemon thread, not an executor's: an exit must not wait for a parse.
        threading.Thread(
            target=self._fetch, args=(mine, missing, done), name="claims-prefetch", daemon=True
        ).start()

    @property
    def parsing(self) -> bool:
        """True while a prefetch is parsing (its texts are not read yet)."""
        with self._lock:
            return bool(self._pending)

    def _fetch(self, mine: dict[str, str], missing: dict[str, str], done: Future[None]) -> None:
        try:
            self._store(missing, self._parse(list(missing.values()), DEFAULT_LEXICON))
        except BaseException as error:  # read() parses again what is still missing
            self._release(mine, done, error)
        else:
            self._release(mine, done, None)

    def _claim(self, texts: Sequence[str]) -> tuple[dict[str, str], Future[None]]:
        """The texts (by key) in memory nor under way, now under way on a new future: each
        text is read by one caller at a time, the others wait for it."""
        done: Future[None] = Future()
        with self._lock:
            mine = {
                k: t
                for k, t in zip(map(_digest, texts), texts, strict=True)
                if k not in self._memory and k not in self._pending
            }
            for k in mine:
                self._pending[k] = done
        return mine, done

    def _release(
        self, mine: dict[str, str], done: Future[None], error: BaseException | None
    ) -> None:
        with self._lock:
            for k in mine:
                if self._pending.get(k) is done:
                    del self._pending[k]
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)

    def _from_disk(self, texts: dict[str, str]) -> dict[str, str]:
        """Remember what the disk cache holds of ``texts``; returns the rest."""
        missing = dict(texts)
        if missing and self.cache_dir is not None:
            for k, reading in self._read_disk(list(missing)).items():
                self._remember(k, reading)
                missing.pop(k, None)
        return missing

    def cancel(self) -> None:
        """Stop a child parser at once (its read under way fails); the next read that needs
        the parser starts a new one. Does nothing for a reader that parses in its own process."""
        if self._child is not None:
            self._child.close()

    def _parse(self, texts: list[str], lexicon: Lexicon) -> list[Reading]:
        """Parse and read ``texts``: in the child process when there is one, else here."""
        if self._child is not None:
            return self._child.read(texts, None if lexicon is DEFAULT_LEXICON else lexicon)
        from .parse import parse

        return [read_parsed(doc, lexicon) for doc in parse(texts)]

    def read(self, texts: Sequence[str], lexicon: Lexicon = DEFAULT_LEXICON) -> list[Reading]:
        """The reading of each text, in order. Readings under a custom lexicon are not kept:
        they differ from the default's."""
        if lexicon is not DEFAULT_LEXICON:
            return self._parse(list(texts), lexicon)
        mine, done = self._claim(texts)
        found: dict[str, Reading] = {}
        try:
            missing = self._from_disk(mine)
            if missing:
                found.update(self._store(missing, self._parse(list(missing.values()), lexicon)))
        except BaseException as error:
            self._release(mine, done, error)
            raise
        self._release(mine, done, None)
        keys = [_digest(t) for t in texts]
        with self._lock:
            waiting = {self._pending[k] for k in keys if k in self._pending}
        wait(waiting)  # texts another caller reads (a prefetch): theirs, when it ends
        rest: dict[str, str] = {}
        with self._lock:
            for k, t in zip(keys, texts, strict=True):
                if k in found:
                    continue
                reading = self._memory.get(k)
                if reading is None:
                    rest[k] = t  # its reader failed (or it left the memory meanwhile)
                else:
                    found[k] = reading
        if rest:
            found.update(self._store(rest, self._parse(list(rest.values()), lexicon)))
        return [found[k] for k in keys]

    def _store(self, texts: dict[str, str], readings: list[Reading]) -> dict[str, Reading]:
        """Keep fresh readings in memory and on disk; returns them by key."""
        fresh = dict(zip(texts, readings, strict=True))
        for k, reading in fresh.items():
            self._remember(k, reading)
        if self.cache_dir is not None:
            self._write_disk(fresh)
        return fresh

    def _remember(self, key: str, reading: Reading) -> None:
        with self._lock:
            self._memory[key] = reading
            self._memory.move_to_end(key)
            while len(self._memory) > self.max_items:
                self._memory.popitem(last=False)

    # ------------------------------------------------------------------ disk cache

    def _table(self) -> DiskTable:
        assert self.cache_dir is not None
        return DiskTable(self.cache_dir, CACHE_FILE, _SCHEMA)

    def _read_disk(self, keys: list[str]) -> dict[str, Reading]:
        rows = self._table().select(
            "SELECT key, value FROM claims WHERE key IN ({})", [], [_disk_key(k) for k in keys]
        )
        found: dict[str, Reading] = {}
        for key, value in rows:
            try:
                found[key.rsplit(":", 1)[1]] = _from_json(json.loads(value))
            except (ValueError, KeyError, TypeError):
                continue  # a row another version wrote: parsed again
        return found

    def _write_disk(self, readings: dict[str, Reading]) -> None:
        self._table().insert(
            "INSERT OR REPLACE INTO claims (key, value) VALUES (?, ?)",
            [
                (_disk_key(k), json.dumps(dataclasses.asdict(r), separators=(",", ":")))
                for k, r in readings.items()
            ],
        )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# The modules whose code decides what a text reads as.
_READING_CODE = ("claims.py", "dates.py", "lexicon.py", "normalize.py", "quantities.py", "lexer.py")


@lru_cache(maxsize=1)
def _extractor_key() -> str:
    """Names this extractor in the disk cache: its version, the model's digest and the
    digest of the code that decides a reading (this module and the word lists, folding and
    quantities it reads with), so a changed rule or word list never reads stale claims."""
    from .parse import PARSER_KEY

    code = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _READING_CODE:
        code.update((here / name).read_bytes())
    return f"v{CLAIMS_VERSION}:{PARSER_KEY}:{code.hexdigest()[:12]}"


def _disk_key(digest: str) -> str:
    return f"{_extractor_key()}:{digest}"


def _from_json(data: dict[str, Any]) -> Reading:
    def tuples(value: Any) -> Any:
        return tuple(value) if isinstance(value, list) else value

    def claim(c: dict[str, Any]) -> Claim:
        fields = {k: tuples(v) for k, v in c.items()}
        fields["times"] = tuple(TimeRef(**t) for t in c["times"])
        fields["reported"] = tuple(TimeRef(**t) for t in c.get("reported", ()))
        fields["event_times"] = tuple(TimeRef(**t) for t in c.get("event_times", ()))
        return Claim(**fields)

    def figure(f: dict[str, Any]) -> Figure:
        return Figure(**{k: tuples(v) for k, v in f.items()})

    def quote(q: dict[str, Any]) -> Quote:
        return Quote(**{k: tuples(v) for k, v in q.items()})

    return Reading(
        claims=tuple(claim(c) for c in data["claims"]),
        figures=tuple(figure(f) for f in data["figures"]),
        quotes=tuple(quote(q) for q in data["quotes"]),
    )


@lru_cache(maxsize=1)
def default_reader() -> ClaimReader:
    """The process's reader: bounded, in memory only (callers that want the disk cache pass
    their own ``ClaimReader`` to ``align``)."""
    return ClaimReader(max_items=50_000)


@lru_cache(maxsize=1)
def disk_claims_reader() -> ClaimReader:
    """The process's reader with the disk cache in the user's cache folder (the CLI's and the
    reader's): a second run over the same texts never loads the parser. It parses in a
    child process, beside the lexical stages and the embeddings."""
    return ClaimReader(cache_dir=default_cache_dir(), child=True)


def default_cache_dir() -> Path:
    """The claims cache folder: the same as the embeddings' (``PARALLAX_CACHE_DIR``, else the
    user's cache folder)."""
    from .disk_cache import default_cache_dir as folder

    return folder()


def cache_holds_claims(cache_dir: Path) -> bool:
    """Whether the disk cache in ``cache_dir`` holds any reading of this extractor (a cheap
    look, without the parser: a run that finds none is a first run, whose texts all need
    the parser)."""
    prefix = f"{_extractor_key()}:"
    end = prefix[:-1] + chr(ord(":") + 1)  # every key that starts with the prefix sorts before
    table = DiskTable(cache_dir, CACHE_FILE, _SCHEMA)
    return table.any_row("SELECT 1 FROM claims WHERE key > ? AND key < ? LIMIT 1", [prefix, end])


__all__ = [
    "CLAIMS_VERSION",
    "GENERIC_COUNTED",
    "Claim",
    "ClaimReader",
    "Figure",
    "Quote",
    "Reading",
    "TimeRef",
    "cache_holds_claims",
    "default_cache_dir",
    "default_reader",
    "disk_claims_reader",
    "in_context",
    "read_parsed",
    "same_claim",
]
