"""Negation: one source states a claim, the other denies it or says it did not happen.

Read from the claim layer, not from phrases: a claim is negated by a ``neg`` dependent of its
predicate ("has not signed"), a negative argument ("no one claimed", "no fire broke out"), a
verb of failure ("refused to sign"), a denial above it ("denied offering", "denied reports
that it offered") or "without" ("talks without meetings"). Two claims conflict when

- one is negated and the other is not, neither hedged, conditional or a report of speech;
- they are the same claim: the same predicate (lexicon synonyms met) with arguments that
  agree (a shared word in the subject or the object, and no two different named subjects:
  "Smith was never captain" says nothing of "Jones was captain"); or the negated one says a
  thing did not exist ("no fire", "without meetings") and the other has that thing happen;
- the denial is not limited in time ("no offers since the vote" leaves an earlier offer
  alone), and it does not answer a claim the other source credits to a party (a report that
  X happened and a denial that it did are each told correctly).
"""

from __future__ import annotations

import datetime as dt

from ..claims import BEATING, LIGHT_VERBS, Claim, doer, same_claim
from ..model import Conflict, Span
from ..normalize import stem, words
from .time import days_and_clocks, read_times, time_order, times_clash
from .view import View, conflict


def _usable(c: Claim) -> bool:
    """Firm claims only: a hedge, a hypothesis or a report of speech ("officials said that
    ...") states nothing to deny."""
    return not (c.hedged or c.conditional or c.reporting)


def _acts(x: Claim, y: Claim) -> bool:
    """A verb of saying with a noun for object ("the paper reported an offer") tells what was
    said, not that it happened: it meets only the same act, of the same thing, on the other
    side ("no group claimed responsibility" / "a group claimed responsibility"; not "declined
    to say if ..." / "said on Saturday")."""
    if not (x.declares or y.declares):
        return True
    return x.key == y.key and bool(set(x.object_words) & set(y.object_words))


# Words that place a claim before a time limit ("it has offered a deal before").
_EARLIER = frozenset({"before", "previously", "earlier", "ago", "past", "once", "last", "formerly"})


def _earlier(c: Claim, limit: Claim, pc: dt.date | None, pl: dt.date | None) -> bool:
    """Placed before a limit: an earlier-marker among its words or times, times all before
    the limit's ("scored in January" against "has not scored since March"), or no time at
    all after it ("resumed production a week after the explosion" is after)."""
    words = set(c.words) | {w for t in c.times for w in t.text.lower().split()}
    if words & _EARLIER:
        return True
    mine = read_times(c.times)
    limits = read_times(limit.times)
    if mine and limits:
        return all(any(time_order(w, lim, pc, pl) > 0 for lim in limits) for w in mine)
    return not (words & {"after", "since", "later"} or c.times)


# Words that place a state in the past, over with: "previously, agencies were required to
# consult" does not answer "the new rules do not require it".
_FORMERLY = frozenset({"previously", "formerly"})


# Heads of a negated subject that name anyone at all ("no one", "no group", "nobody").
_ANYONE = frozenset({"one", "body", "thing", "group", "party", "people", "person"})
# First words of a subject phrase that make it indefinite or counted ("one steward").
_INDEFINITE = frozenset({"a", "an", "one", "two", "three", "four", "five", "some", "several"})


def _other_kind(neg: Claim, pos: Claim, pos_view: View) -> bool:
    """A negated subject that names a kind ("none of the fans", "no homes") and a subject
    of another kind, not a name ("one steward"): the denial does not reach it."""
    if not (neg.negative_subject and neg.subject and pos.subject) or neg.subject == pos.subject:
        return False
    if neg.subject in _ANYONE or neg.subject in pos.subject_words:
        return False
    # an indefinite or counted phrase of common nouns ("one steward", "two guards"; not "the
    # chair of the board", who may be one of its members, nor a name)
    said = pos_view.said(*pos.subject_span).split()
    counted = bool(said) and (said[0].lower() in _INDEFINITE or said[0][:1].isdigit())
    return counted and not any(w[:1].isupper() for w in said[1:])


def _told_apart_in_time(x: Claim, y: Claim, px: dt.date | None, py: dt.date | None) -> bool:
    """Both claims timed, and no time of one can be a time of the other: two events (a
    denial bounded by "since" or "until" is read by ``_earlier`` instead)."""
    xs, ys = read_times(x.times), read_times(y.times)
    days_x, days_y = days_and_clocks(xs)[0], days_and_clocks(ys)[0]
    if days_x and days_y:
        # days first: "on Monday" / "on Tuesday morning" are two days, whatever the hour
        xs, ys = days_x, days_y
    pair = (x.future, y.future)
    return bool(xs and ys) and all(times_clash(a, b, px, py, pair) for a in xs for b in ys)


def _opposite(c: Claim) -> bool:
    """A claim negated by its own word, an antonym ("lost" for "won", "survived" for
    "died")."""
    return c.negated and c.negation == (c.start, c.end)


# Predicates of a contest, whose opposite ("lost") is told of the other side: they meet
# only when both name one doer.
_CONTESTS = frozenset({"win"})


def _one_doer(x: Claim, y: Claim) -> bool:
    """Both claims name their doer and the two share a word, or neither names one ("no
    ballots were lost": a loss, not a defeat)."""
    dx, dy = set(doer(x)), set(doer(y))
    return bool(dx & dy) or not (dx or dy)


def _one_contest(x: Claim, y: Claim) -> bool:
    """Both claims name what was contested, and one thing: "was defeated in the Tarsk
    mayoral election" / "won the Tarsk mayoral election"."""
    shared = set(x.object_words) & set(y.object_words)
    return bool(x.object and x.object == y.object and shared - {x.object})


# A speaker told as someone's own ("her party", "his lawyer"): the side of the one the
# sentence is about, not another party.
_OWN = frozenset({"his", "her", "its", "their"})


def _own_side(speaker: str) -> bool:
    """ "her party announced": the subject's own side speaks."""
    first = speaker.split(maxsplit=1)[0].lower() if speaker.strip() else ""
    return first in _OWN


def _marks(c: Claim) -> list[tuple[int, int]]:
    """The conflicting words to mark: the negation (when it is a word of its own) and the
    predicate."""
    marks = [c.negation] if c.negated and c.negation != (c.start, c.end) else []
    return sorted({*marks, (c.start, c.end)})


def _extent(c: Claim, missing: str = "") -> tuple[int, int]:
    """The words to show: the negation through the predicate and its object, and the
    subject too when it is the thing the other side says is missing ("no offers were made"
    / "the offer of amnesty is a bold move", not just "move")."""
    spans = [c.negation, c.object_span] + ([c.subject_span] if missing == c.subject else [])
    starts = [c.start] + [s for s, e in spans if e]
    ends = [c.end] + [e for s, e in spans if e]
    return min(starts), max(ends)


def negation_conflicts(a: View, b: View) -> list[Conflict]:
    """At most one conflict per predicate: a claim of one passage and its negation in the
    other."""
    out: dict[str, Conflict] = {}
    for ca in a.reading.claims:
        if not _usable(ca):
            continue
        for cb in b.reading.claims:
            if not _usable(cb) or ca.negated == cb.negated or not _acts(ca, cb):
                continue
            neg, pos = (ca, cb) if ca.negated else (cb, ca)
            pub_pos, pub_neg = (
                (a.published, b.published) if pos is ca else (b.published, a.published)
            )
            if pos.negated or (neg.limited and _earlier(pos, neg, pub_pos, pub_neg)):
                continue  # "no offers since the vote" leaves "an offer last year" alone
            if bool(_FORMERLY & set(pos.words)) != bool(_FORMERLY & set(neg.words)):
                continue  # what held before and what holds now
            if neg.ceased and pos.past:
                continue  # "is no longer chief executive" / "was chief executive": both hold
            if _other_kind(neg, pos, b if pos is cb else a):
                continue  # "none of the injured fans" says nothing of "one steward"
            if (
                neg.denied_by
                and pos.speaker
                and not set(pos.speaker_key) & set(doer(neg))
                and not _own_side(pos.speaker)
            ):
                # a party's claim, reported, against another party's denial (the denier's own
                # word that it happened is a conflict: "denied taking money" / "told the panel
                # that he took money")
                continue
            if neg.absent and neg.absent in (a.absent if pos is ca else b.absent):
                continue  # both say it is missing: "were without power" / "homes without power"
            if _opposite(neg) and neg.key in _CONTESTS and not _one_doer(neg, pos):
                # one side's loss is the other side's win: "the Chiefs lost" says nothing of
                # "became the first rookie to win ten games"
                continue
            if _opposite(neg) and neg.predicate in BEATING and not _one_contest(neg, pos):
                # "the Colts were beaten by the Texans in week 14" says nothing of "the Colts
                # won the game": a season has many games; only one contest named by both
                continue
            if not same_claim(neg, pos) or neg.key in out:
                continue
            if not neg.limited and _told_apart_in_time(neg, pos, pub_neg, pub_pos):
                continue  # "did not open on Sunday" / "opened on Monday": two events
            topic = neg.predicate if neg.predicate == pos.predicate else pos.predicate
            if pos.object and pos.object != topic:
                holder = a if pos is ca else b
                topic = f"{topic}, {holder.said(*pos.object_span)}"
            missing = neg.absent if neg.absent and neg.absent != neg.subject else ""
            at_a = _extent(ca, missing if ca is pos else "")
            at_b = _extent(cb, missing if cb is pos else "")
            if missing and missing == pos.subject:
                # "no offers were made" / "the offer is a bold move": the dispute is the offer,
                # named as the denial words it
                denial = (a if neg is ca else b).said(*_extent(neg))
                topic = next((w for w in sorted(words(denial)) if stem(w) == missing), topic)
            quoted_a = f'"{a.said(*at_a)}"'
            quoted_b = f'"{b.said(*at_b)}"'
            made = conflict(
                "negation",
                topic,
                a,
                at_a,
                b,
                at_b,
                "one states it, the other says it did not happen",
            )
            # quoted words read better in the reason
            reason = made.reason.replace(f"says {a.said(*at_a)},", f"says {quoted_a},", 1).replace(
                f"says {b.said(*at_b)} (", f"says {quoted_b} (", 1
            )
            spans = tuple(
                [Span(a.doc, *m) for m in _marks(ca)] + [Span(b.doc, *m) for m in _marks(cb)]
            )
            said = ("says it did not happen", "says it happened")
            sides = said if ca.negated else (said[1], said[0])
            # "no offers were made" against "offered": the dispute is about the offer; a
            # denial told by another verb ("refused to step down", "stayed shut") is of what
            # the other side says happened ("resign", "reopen")
            subject = neg.predicate if pos.predicate in LIGHT_VERBS else pos.predicate
            if subject in LIGHT_VERBS:
                # "no offers were made" / "made a similar offer": the dispute is the offer
                subject = neg.absent or pos.object or pos.predicate
            out[neg.key] = Conflict(made.kind, spans, reason, subject, sides)
    return list(out.values())


__all__ = ["negation_conflicts"]
