"""Negation and polarity: a claim in one passage, its denial in the other.

Each content word gets a polarity from the cues before it in its clause: a negation word
("not", "no", "never", "without"), a denial verb ("denied that", "rejected", "refused to")
or a negative word ("unwilling") flips everything after it up to the end of the clause; an
antonym ("lost" for "win") flips only itself. Words after a hedge ("unclear whether",
"may", "reportedly") or inside a hypothetical ("would", "in exchange for") are left out:
a hedged statement contradicts nothing.

Two sentences conflict when words the first negates are affirmed by the second, with
enough of them shared to be the same claim (two, one not a name), or when the first says
an event never happened ("without any meetings", "no talks took place") and the second
says it did ("meetings were held"). An affirmation credited to a party ("X claimed that
...") only conflicts with a denial by the same party.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Conflict, Span
from .attribution import Party, same_party
from .text import Compiled, Token, content, is_negation, phrase_at, shorten, word_set

# Clause ends: a negation or hedge stops here.
_BOUNDARY_PUNCT = frozenset(",;:()—–")
_CLAUSE_PUNCT = _BOUNDARY_PUNCT - {":"}
_DETERMINERS = word_set("the a an this that these those its his her their our your")
_BOUNDARY_WORDS = word_set("but while although though whereas however because and which who")
# Quantifier negations: "no X", "without X", "none of the X" (and "not ... any X").
_QUANTIFIERS = word_set("no without none")
_PAST_ANCHORS = word_set("previously formerly earlier ago once before")
_TIME_NOUNS = word_set("year month week day time today yesterday tomorrow")
_NEAR = 3  # content words after a cue that it bears on


@dataclass(frozen=True, slots=True)
class Mark:
    """The polarity of one content word.

    Attributes:
        index: the token.
        key: its comparison key (synonym group or stem).
        negated: the clause denies it.
        hedged: inside a hedge or a hypothetical: no polarity to compare.
        cue: the token that negates it, None when affirmed.
        antonym: the polarity comes from the word itself ("lost" for "win").
        quantified: right after a quantifier negation ("no meetings").
    """

    index: int
    key: str
    negated: bool
    hedged: bool
    cue: int | None
    antonym: bool = False
    quantified: bool = False


def polarity_marks(tokens: list[Token], compiled: Compiled) -> tuple[list[Mark], list[bool]]:
    """A Mark for every content word of a passage, in order, and for every token whether it
    is hedged or hypothetical (numbers use that)."""
    marks: list[Mark] = []
    flags = [False] * len(tokens)
    parity = False
    cue: int | None = None
    # the noun phrase right after a quantifier negation: "no [amnesty offers]", "not made
    # any [arrests]", "without any [in-person meetings]"
    phrase = "closed"  # "open" before its first word, "in" inside it, then "closed"
    quantifier = False
    hedged = False
    irrealis = False
    sentence = -1
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.sentence != sentence:
            sentence = t.sentence
            parity, cue, hedged, irrealis = False, None, False, False
        if t.kind == "punct":
            if t.text in _BOUNDARY_PUNCT:
                parity, cue, hedged, irrealis = False, None, False, False
            i += 1
            continue
        flags[i] = hedged or irrealis
        if t.lower in _BOUNDARY_WORDS:
            parity, cue = False, None
            i += 1
            continue
        skip = phrase_at(tokens, i, compiled.not_negating)
        if skip:
            i += skip
            continue
        if t.kind == "num":
            i += 1
            continue
        length = phrase_at(tokens, i, compiled.irrealis)
        if length:
            irrealis = True
            i += length
            continue
        length = phrase_at(tokens, i, compiled.hedges)
        if length and t.capitalised and not t.first:
            length = 0  # "in May": a name, not a hedge
        if length and not parity:
            hedged = True
            i += length
            continue
        if is_negation(t, compiled) and not (t.lower == "no" and _is_number_sign(tokens, i)):
            parity = not parity
            cue = i if parity else None
            phrase, quantifier = "open", t.lower in _QUANTIFIERS
            i += 1
            continue
        length = phrase_at(tokens, i, compiled.denials)
        if length and i > 0 and _modifies(tokens, i):
            length = 0  # "the disputed election": an adjective, not a denial
        if length:
            parity = not parity
            cue = i if parity else None
            phrase, quantifier = "open", False
            i += length
            continue
        if t.lower in compiled.negative_words:
            parity = not parity
            cue = i if parity else None
            phrase = "closed"
            key = compiled.canon(compiled.negative_words[t.lower])
            marks.append(Mark(i, key, parity, hedged or irrealis, cue))
            i += 1
            continue
        if not content(t):
            if t.lower == "any":
                quantifier = True
            if phrase == "in":
                phrase = "closed"
            i += 1
            continue
        quantified = parity and quantifier and phrase != "closed"
        if phrase == "open":
            phrase = "in"
        if t.stem in compiled.antonyms:
            key = compiled.canon(compiled.antonyms[t.stem])
            negated = not parity
            marks.append(
                Mark(i, key, negated, hedged or irrealis, i if negated else cue, antonym=True)
            )
        else:
            key = compiled.canon(t.stem)
            marks.append(Mark(i, key, parity, hedged or irrealis, cue, quantified=quantified))
        i += 1
    return marks, flags


def _modifies(tokens: list[Token], i: int) -> bool:
    """A participle used as an adjective: "the disputed election", "its rejected bid"."""
    prev = tokens[i - 1]
    return tokens[i].lower.endswith("ed") and (
        prev.lower in _DETERMINERS or prev.lower.endswith("'s")
    )


def _is_number_sign(tokens: list[Token], i: int) -> bool:
    """ "No. 10": an abbreviation, not a negation."""
    return i + 1 < len(tokens) and tokens[i + 1].text == "."


def name_keys(tokens: list[Token], marks: list[Mark]) -> set[str]:
    """Keys that only ever appear capitalised mid-sentence (names, not claims)."""
    title_sentences = _title_case_sentences(tokens)
    capital: set[str] = set()
    lower: set[str] = set()
    for m in marks:
        t = tokens[m.index]
        if t.kind == "abbr":
            capital.add(m.key)
        elif not t.capitalised:
            lower.add(m.key)
        elif not t.first and t.sentence not in title_sentences:
            capital.add(m.key)
    return capital - lower


def _title_case_sentences(tokens: list[Token]) -> set[int]:
    """Sentences written in Title Case (headlines): their capitals say nothing about names."""
    counts: dict[int, list[int]] = {}
    for t in tokens:
        if t.kind == "word" and len(t.text) >= 4:
            c = counts.setdefault(t.sentence, [0, 0])
            c[0] += 1
            c[1] += t.capitalised
    return {s for s, (total, caps) in counts.items() if total >= 3 and caps / total >= 0.6}


def existence_at(tokens: list[Token], i: int, compiled: Compiled) -> bool:
    """Token ``i`` is said to have happened: "meetings were held", "there were talks"."""
    sentence = tokens[i].sentence
    for k in range(i + 1, min(i + 4, len(tokens))):
        if tokens[k].sentence != sentence or tokens[k].kind == "punct":
            break
        if phrase_at(tokens, k, compiled.existence):
            return True
    for k in range(max(0, i - 4), i):
        if tokens[k].sentence == sentence and phrase_at(tokens, k, compiled.existence):
            length = phrase_at(tokens, k, compiled.existence)
            if tokens[k].lower == "there" and k + length <= i:
                return True
    return False


@dataclass(frozen=True, slots=True)
class PolaritySide:
    """One passage as the polarity rule reads it."""

    doc: int
    label: str
    text: str
    offset: int
    tokens: list[Token]
    marks: list[Mark]
    claimants: list[Party | None]
    names: set[str]
    clauses: list[int]
    past: set[int]  # sentences anchored in the past ("last year", "in 2020", "previously")
    # Derived once per passage (a passage is in many links): its marks by sentence, and the
    # sentences that say "since".
    marks_by_sentence: dict[int, list[Mark]] = field(init=False, compare=False)
    since: frozenset[int] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        by_sentence: dict[int, list[Mark]] = {}
        for mark in self.marks:
            by_sentence.setdefault(self.tokens[mark.index].sentence, []).append(mark)
        object.__setattr__(self, "marks_by_sentence", dict(sorted(by_sentence.items())))
        since = frozenset(t.sentence for t in self.tokens if t.lower == "since")
        object.__setattr__(self, "since", since)


def past_sentences(tokens: list[Token], times: list[tuple[int, bool]]) -> set[int]:
    """Sentences with a past anchor: a past time expression or "previously", "ago"."""
    past = {s for s, is_past in times if is_past}
    past |= {t.sentence for t in tokens if t.lower in _PAST_ANCHORS}
    return past


def negation_conflicts(a: PolaritySide, b: PolaritySide, compiled: Compiled) -> list[Conflict]:
    """A claim one side makes and the other denies: at most one conflict per pair."""
    best: tuple[int, Conflict] | None = None
    for neg, pos in ((a, b), (b, a)):
        names = neg.names | pos.names
        for s_neg, n_marks in neg.marks_by_sentence.items():
            since = s_neg in neg.since
            for s_pos, p_marks in pos.marks_by_sentence.items():
                if since and s_pos in pos.past:
                    continue  # "none since the election" against "one last year"
                found = _compare(neg, n_marks, pos, p_marks, names, compiled)
                if found and (best is None or found[0] > best[0]):
                    conflict = _conflict(a, b, neg, pos, found[1], found[2], found[3])
                    best = (found[0], conflict)
    return [best[1]] if best else []


def _near(n_marks: list[Mark], names: set[str], compiled: Compiled) -> set[str]:
    """The words a negation bears on: for each cue, the first three content words after it
    that are not names, claim nouns ("denied reports that ...") or time words. "has not made
    any offers of amnesty to Maduro since the election" bears on offers and amnesty, not on
    the election."""
    near: set[str] = set()
    seen: dict[int, int] = {}
    for m in n_marks:
        if not m.negated or m.cue is None or m.key in names:
            continue
        if m.key in compiled.claim_nouns or m.key in _TIME_NOUNS:
            continue
        count = seen.get(m.cue, 0)
        if count < _NEAR:
            near.add(m.key)
            seen[m.cue] = count + 1
    return near


# Negations of a verb: what they deny is the verb that follows ("did not mean", "don't
# require"), unlike denial verbs ("denied that ...") and quantifiers ("no meetings").
_VERB_NEGATIONS = word_set(
    "not n't never cannot can't won't don't doesn't didn't isn't aren't wasn't weren't hasn't "
    "haven't hadn't wouldn't shouldn't couldn't no none without nothing nobody"
)


def _compare(
    neg: PolaritySide,
    n_marks: list[Mark],
    pos: PolaritySide,
    p_marks: list[Mark],
    names: set[str],
    compiled: Compiled,
) -> tuple[int, list[str], dict[str, Mark], dict[str, Mark]] | None:
    """The keys ``neg`` denies and ``pos`` affirms in one sentence each, when they make a
    conflict: (strength, keys, marks on the negative side, marks on the positive side).

    The rules, in order: a word from an antonym ("lost" for "won") needs two more words the
    sentences share the same way; a negated quantifier ("no meetings", "not any arrests")
    needs the event said to happen ("meetings were held") or one more shared word; anything
    else needs two words, not names, denied near the cue and affirmed in one clause.
    """
    near = _near(n_marks, names, compiled)
    denied: dict[str, Mark] = {}
    for m in n_marks:
        if m.negated and not m.hedged and (m.key in near or m.key in names or m.antonym):
            denied.setdefault(m.key, m)
    if not denied:
        return None
    negated_in_pos = {m.key for m in p_marks if m.negated}
    by_clause: dict[int, dict[str, Mark]] = {}
    for m in p_marks:
        if m.negated or m.hedged or m.key in negated_in_pos or m.key not in denied:
            continue
        # a claim the positive side credits to someone only counts against that party
        who_pos = pos.claimants[m.index]
        who_neg = neg.claimants[denied[m.key].index]
        if who_pos is not None and not same_party(who_pos.key, _key(who_neg)):
            continue
        by_clause.setdefault(pos.clauses[m.index], {}).setdefault(m.key, m)
    # the negative sentence must not also affirm the same word in the same voice
    also_said = {
        m.key
        for m in n_marks
        if m.key in denied
        and not m.negated
        and not m.hedged
        and same_party(_key(neg.claimants[m.index]), _key(neg.claimants[denied[m.key].index]))
    }
    # words both sentences state the same way: the subject, the place ...
    agreeing = {m.key for m in n_marks if not m.hedged and not m.negated} & {
        m.key for m in p_marks if not m.hedged and not m.negated
    }
    agreeing -= names | set(denied)
    # "no tsunami warnings": the quantifier denies the warnings; "tsunami" only says which
    quantified_at = {m.index for m in n_marks if m.quantified}
    modifiers = {m.key for m in n_marks if m.quantified and m.index + 1 in quantified_at}
    # what a negation bears on first is its predicate ("don't require federal agencies"
    # denies requiring, not the agencies): that word must be among the flipped ones
    first_after: dict[int, tuple[int, str]] = {}
    for m in n_marks:
        verb_negation = m.cue is not None and neg.tokens[m.cue].lower in _VERB_NEGATIONS
        if m.negated and verb_negation and m.key not in modifiers and not m.antonym:
            assert m.cue is not None
            if m.cue not in first_after or m.index < first_after[m.cue][0]:
                first_after[m.cue] = (m.index, m.key)
    predicates = {key for _, key in first_after.values()}
    best: tuple[int, list[str], dict[str, Mark]] | None = None
    for affirmed in by_clause.values():
        flipped = [k for k in denied if k in affirmed and k not in also_said]
        claims = [k for k in flipped if k not in names]
        if not claims or set(claims) <= modifiers:
            continue
        if (
            predicates
            and not (set(claims) & predicates)
            and not any(denied[k].antonym or affirmed[k].antonym for k in claims)
        ):
            continue
        strength = len(flipped)
        antonym = any(denied[k].antonym or affirmed[k].antonym for k in claims)
        quantified = [k for k in claims if denied[k].quantified]
        exists = any(existence_at(pos.tokens, affirmed[k].index, compiled) for k in quantified)
        if antonym:
            # "lost" against "won" by the same subject, with two more words in common
            ok = len(agreeing) >= 2 and all(
                _subject(neg, denied[k]) == _subject(pos, affirmed[k]) is not None
                for k in claims
                if denied[k].antonym or affirmed[k].antonym
            )
        elif quantified:
            ok = exists or strength >= 2 or bool(agreeing)
        else:
            ok = len(claims) >= 2
        score = strength + 2 * exists
        if ok and (best is None or score > best[0]):
            best = (score, flipped, affirmed)
    if best is None:
        return None
    return best[0], best[1], denied, best[2]


def _subject(side: PolaritySide, mark: Mark) -> str | None:
    """The key of the nearest content word before ``mark`` in its clause ("party" in "the
    ruling party lost"), None when there is none."""
    clause = side.clauses[mark.index]
    before = [m for m in side.marks if m.index < mark.index and side.clauses[m.index] == clause]
    return before[-1].key if before else None


def clause_ids(tokens: list[Token]) -> list[int]:
    """For each token, the clause it is in: clauses end at commas, semicolons, dashes,
    brackets, sentence ends and at "but", "while", "although" ...; not at "and" or ":"
    ("an offer to Maduro: amnesty" is one claim)."""
    out: list[int] = []
    clause = 0
    sentence = 0
    for t in tokens:
        if t.sentence != sentence or (t.kind == "punct" and t.text in _CLAUSE_PUNCT):
            clause += 1
            sentence = t.sentence
        elif t.lower in _BOUNDARY_WORDS and t.lower not in ("and", "which", "who"):
            clause += 1
        out.append(clause)
    return out


def _key(who: Party | None) -> frozenset[str] | None:
    return who.key if who is not None else None


def _conflict(
    a: PolaritySide,
    b: PolaritySide,
    neg: PolaritySide,
    pos: PolaritySide,
    keys: list[str],
    denied: dict[str, Mark],
    affirmed: dict[str, Mark],
) -> Conflict:
    """The Conflict for ``keys`` denied by ``neg`` and affirmed by ``pos``."""
    names = neg.names | pos.names
    claims = [k for k in keys if k not in names] or keys
    n_idx = sorted({denied[k].index for k in claims})
    p_idx = sorted({affirmed[k].index for k in claims})
    cue = denied[claims[0]].cue
    n_spans = sorted({*(n_idx), *([cue] if cue is not None else [])})
    spans_neg = [_span(neg, neg.tokens[i]) for i in n_spans]
    spans_pos = [_span(pos, pos.tokens[i]) for i in p_idx]
    first_n = n_spans[0]
    neg_text = _snippet(neg, first_n, n_spans[-1])
    pos_text = _snippet(pos, p_idx[0], p_idx[-1])
    topic = ", ".join(pos.tokens[affirmed[k].index].lower for k in claims[:3])
    said_neg, said_pos = f'says "{neg_text}"', f'says "{pos_text}"'
    said_a, said_b = (said_neg, said_pos) if neg is a else (said_pos, said_neg)
    reason = f"{topic}: {a.label} {said_a}, {b.label} {said_b}"
    spans = tuple(sorted([*spans_neg, *spans_pos], key=lambda s: (s.doc, s.start)))
    return Conflict(kind="negation", spans=spans, reason=reason)


def _span(side: PolaritySide, t: Token) -> Span:
    return Span(side.doc, side.offset + t.start, side.offset + t.end)


def _snippet(side: PolaritySide, first: int, last: int) -> str:
    start, end = side.tokens[first].start, side.tokens[last].end
    if end - start <= 60:
        return shorten(side.text[start:end], 60)
    return f"{side.tokens[first].text} … {side.tokens[last].text}"


__all__ = [
    "Mark",
    "PolaritySide",
    "clause_ids",
    "existence_at",
    "name_keys",
    "negation_conflicts",
    "past_sentences",
    "polarity_marks",
]
