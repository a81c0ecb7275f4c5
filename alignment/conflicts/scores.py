"""Scores: one match told with two results ("Ajax beat Feyenoord 3-1" / "Feyenoord lost 2-1
to Ajax").

A score counts only where a contest word holds it: a verb of winning or losing right before
it ("beat Feyenoord 3-1", "lost 20-13 to the Colts") or a noun of the result right after it
("a 65-53 victory"). Leads, runs and records ("a 17-7 lead at half-time", "a 15-2 run", "the
Colts (10-5)") are no result. Two results are of one match when their claims share a name
(a team, the venue, the day) and neither is told of an earlier match ("months after losing
the reverse fixture 6-0"); results read as the higher and the lower tally, so a result told
from the loser's side ("went down 20-27") is the same result.
"""

from __future__ import annotations

import dataclasses
import re

from ..claims import Claim
from ..dates import MONTHS, WEEKDAYS
from ..model import Conflict
from ..quantities import Score, find_scores
from .time import read_times, times_clash
from .view import View, conflict

# The key every verb of winning or losing reads as (the lexicon's synonyms and antonyms).
_CONTEST_KEY = "win"
# How far before a score its contest verb may stand: "beat Feyenoord 3-1", "lost 20-13 to".
_VERB_REACH = 40
_RESULT_AFTER = re.compile(r"\s*(?:win|victory|defeat|loss|triumph|draw|home win|away win)\b")
# Words of a score that is not a result: a lead, a run, a record, a start.
_NOT_A_RESULT = re.compile(
    r"\b(?:lead|led|leading|trail\w*|down|run|spurt|start|record|half-?time|at the break)\b",
    re.IGNORECASE,
)
# Words that may stand between a contest verb and its result: the match itself.
_BETWEEN = frozenset(
    """
    the a an their its his her 's game match final semi-final semifinal derby tie contest
    clash opener decider showdown fixture
    """.split()  # noqa: SIM905
)
# Words that tell a result of an earlier match.
_EARLIER = frozenset({"last", "previous", "earlier", "ago", "reverse", "prior", "first-leg"})


def _contest(view: View, score: Score) -> Claim | None:
    """The claim of winning or losing that holds ``score`` (document offsets), or None."""
    start, end = score.start, score.end
    before = [
        c
        for c in view.reading.claims
        if c.key == _CONTEST_KEY and c.end <= start and start - c.end <= _VERB_REACH
    ]
    between = view.said(before[-1].end, start) if before else ""
    if before and not _NOT_A_RESULT.search(between) and not find_scores(between):
        # only the other side or the match between them: "beat the Chiefs 20-13", "won the
        # final 2-1"; not "won the turnover battle 3-0"
        told = [w for w in re.findall(r"[\w'’-]+", between) if not w[:1].isupper()]
        if all(w.casefold() in _BETWEEN for w in told):
            return before[-1]
        return None
    if _RESULT_AFTER.match(view.said(end, end + 16)):
        # "a 65-53 victory": the claim of the sentence that holds it
        around = [c for c in view.reading.claims if abs(c.start - start) <= 2 * _VERB_REACH]
        return min(around, key=lambda c: abs(c.start - start), default=None)
    return None


def _results(view: View) -> list[tuple[Score, Claim]]:
    """The passage's match results with the claims that hold them, in document offsets."""
    out = []
    for found in find_scores(view.text):
        score = dataclasses.replace(
            found, start=found.start + view.offset, end=found.end + view.offset
        )
        claim = _contest(view, score)
        if claim is not None and not (claim.hedged or claim.conditional):
            out.append((score, claim))
    return out


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*|\b[A-Z]{2,}\b")
# Capitalised words that name no side: days, months, a sentence's first article.
_CALENDAR = frozenset((*WEEKDAYS, *MONTHS, "the", "a", "an"))


def _names(view: View, claim: Claim, score: Score) -> set[str]:
    """The names told around a result: from its claim's predicate (or the clause before it)
    to just after the score ("Ajax beat Feyenoord 3-1", "lost 2-1 to Ajax"), days and
    months aside."""
    first = max(min(claim.start, claim.subject_span[0] or claim.start) - 40, view.offset)
    before = re.split(r"[.;!?]\s", view.said(first, score.start))[-1]
    after = re.split(r"[.;!?](?:\s|$)", view.said(score.end, score.end + 30))[0]
    text = f"{before} {after}"
    return {m.group().casefold() for m in _CAPITALISED.finditer(text)} - _CALENDAR


def _earlier(claim: Claim) -> bool:
    words = set(claim.words) | {w.casefold() for t in claim.times for w in t.text.split()}
    return bool(_EARLIER & words)


def _one_match(a: View, x: Claim, sx: Score, b: View, y: Claim, sy: Score) -> bool:
    if _earlier(x) != _earlier(y):
        return False  # this match's result and an earlier one's
    names_x, names_y = _names(a, x, sx), _names(b, y, sy)
    if not names_x & names_y or (names_x - names_y and names_y - names_x):
        return False  # no side in common, or each names a side the other does not
    xs, ys = read_times(x.times), read_times(y.times)
    pair = (x.future, y.future)
    return not any(times_clash(p, q, a.published, b.published, pair) for p in xs for q in ys)


def score_conflicts(a: View, b: View) -> list[Conflict]:
    """At most one conflict: a match result of one passage that the other tells otherwise."""
    xs, ys = _results(a), _results(b)
    told = {(s.high, s.low) for s, _ in xs} & {(s.high, s.low) for s, _ in ys}
    for x, cx in xs:
        if (x.high, x.low) in told:
            continue
        for y, cy in ys:
            if (y.high, y.low) in told or not _one_match(a, cx, x, b, cy, y):
                continue
            return [
                conflict(
                    "number",
                    "score",
                    a,
                    (x.start, x.end),
                    b,
                    (y.start, y.end),
                    "one match, two results",
                )
            ]
    return []


__all__ = ["score_conflicts"]
