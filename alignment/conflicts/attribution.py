"""Who says what: the party a claim is credited to, quotes and their speakers, and the
attribution conflict (the same quote credited to different speakers).

A claim's *claimant* is the party a sentence credits it to ("the opposition claims ...",
"according to the Journal ...", "... , a spokesman said"), or None when the source states
it in its own voice. Claimants are compared by key words (heads of their noun phrases), so
"the opposition" and "the Venezuelan opposition" are one party, "the opposition" and "the
electoral council" two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Conflict
from .text import (
    STOPWORDS,
    Compiled,
    Token,
    content,
    is_negation,
    phrase_at,
    shorten,
    two_sided,
    word_set,
)

# Words that end a speaker's noun phrase read forwards ("said a U.S. official told ...").
_NP_STOP = word_set(
    "told who whom which that in on at to during after before while when where as because "
    "and but said says added stated stressed declared"
)
# ... and read backwards from a verb ("the Journal report that suggested ...").
_SUBJECT_STOP = word_set(
    "who whom which that while when where because and but said says added told"
)
_PREPOSITIONS = word_set("from of for in at with on by")
_DETERMINERS = word_set(
    "the a an those these this that its his her their our such any no every each"
)
# Modifiers that do not tell one speaker from another.
_VAGUE = word_set(
    "senior top former current anonymous unnamed unidentified high ranking high-ranking "
    "another one two three some certain"
)
_PRONOUNS = word_set("he she they we i it you who")
_MIN_QUOTE_WORDS = 5
_QUOTE_SIMILARITY = 90.0


@dataclass(frozen=True, slots=True)
class Party:
    """A speaker or claimant.

    Attributes:
        key: stems of the head words ("official", "patel", "journal").
        named: the phrase names someone (a capitalised word), not only a role.
        start, end: offsets of the phrase in the passage.
    """

    key: frozenset[str]
    named: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote of a passage.

    Attributes:
        start, end: offsets of the quoted words (inside the marks) in the passage.
        first, last: token indices of the opening and closing marks.
        speaker: who the passage credits it to, None when it does not say.
    """

    start: int
    end: int
    first: int
    last: int
    speaker: Party | None


def same_party(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """Both claims are the source's own (None), or their claimants share a key word."""
    if a is None or b is None:
        return a is None and b is None
    return bool(a & b)


def party(tokens: list[Token], compiled: Compiled) -> Party | None:
    """The key of a noun phrase naming a party: the head word of each of its chunks (split at
    prepositions), plus acronyms given in parentheses. None when it names nobody."""
    words = [t for t in tokens if t.kind != "punct" or t.text in "()"]
    if not words:
        return None
    key: set[str] = set()
    named = False
    chunk: list[Token] = []
    inside = False

    def close(chunk: list[Token]) -> None:
        heads = [
            t
            for t in chunk
            if content(t)
            and t.stem not in compiled.generic_claimants
            and not is_negation(t, compiled)
        ]
        heads = [t for t in heads if t.lower not in _VAGUE and t.kind != "abbr"]
        if heads:
            key.add(heads[-1].stem)

    for t in words:
        if t.text == "(":
            inside = True
            continue
        if t.text == ")":
            inside = False
            continue
        if inside:
            if t.text.isupper() and len(t.text) >= 2:
                key.add(t.lower)
            continue
        if t.lower in _PREPOSITIONS:
            close(chunk)
            chunk = []
            continue
        chunk.append(t)
        if (
            t.capitalised
            and t.kind == "word"
            and t.lower not in _DETERMINERS
            and t.lower not in STOPWORDS
            and not (t.first and t.lower in _DETERMINERS)
        ):
            named = True
    close(chunk)
    key -= {t for t in key if t in _PRONOUNS}
    if not key:
        return None
    return Party(frozenset(key), named, tokens[0].start, tokens[-1].end)


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation at both ends of a phrase."""
    while tokens and tokens[0].kind == "punct" and tokens[0].text != "(":
        tokens = tokens[1:]
    while tokens and tokens[-1].kind == "punct" and tokens[-1].text != ")":
        tokens = tokens[:-1]
    return tokens


def _phrase_after(tokens: list[Token], i: int, limit: int = 7) -> list[Token]:
    """The noun phrase that starts at token ``i`` (a speaker after "said")."""
    out: list[Token] = []
    sentence = tokens[i].sentence if i < len(tokens) else -1
    while i < len(tokens) and len(out) < limit and tokens[i].sentence == sentence:
        t = tokens[i]
        if t.kind == "punct" and t.text not in "()'’-":
            break
        if t.lower in _NP_STOP:
            break
        out.append(t)
        i += 1
    return _trim(out)


def _phrase_before(tokens: list[Token], i: int, limit: int = 8) -> list[Token]:
    """The noun phrase that ends just before token ``i`` (a subject before "said"); for a
    relative clause ("an article in the Journal that reported"), the noun before "that"."""
    out: list[Token] = []
    j = i - 1
    if j >= 1 and tokens[j].lower in ("that", "which", "who"):
        j -= 1
        while j >= 0 and tokens[j].is_word and tokens[j].lower not in _NP_STOP:
            out.insert(0, tokens[j])
            j -= 1
        return _trim(out[-limit:])
    sentence = tokens[i].sentence if i < len(tokens) else tokens[-1].sentence
    # "The opposition, meanwhile, claims": step over one comma-enclosed aside
    if j >= 1 and tokens[j].text == ",":
        k = j - 1
        while k >= 0 and tokens[k].text != "," and tokens[k].sentence == sentence and j - k < 6:
            k -= 1
        if k >= 0 and tokens[k].text == "," and tokens[k].sentence == sentence:
            j = k - 1
    while j >= 0 and len(out) < limit and tokens[j].sentence == sentence:
        t = tokens[j]
        if t.kind == "punct" and t.text not in "()'’-":
            break
        if t.lower in _SUBJECT_STOP:
            break
        out.insert(0, t)
        j -= 1
    return _trim(out)


def _sentence_subject(tokens: list[Token], i: int) -> list[Token]:
    """The noun phrase that opens the sentence of token ``i`` ("The official ... stating")."""
    sentence = tokens[i].sentence
    j = i
    while j > 0 and tokens[j - 1].sentence == sentence:
        j -= 1
    out: list[Token] = []
    while j < i and len(out) < 6:
        t = tokens[j]
        if not t.is_word:
            break
        if out and not t.capitalised and t.lower not in _VAGUE and not t.lower.endswith("'s"):
            # a lowercase word after the head ends the phrase, unless it is the head itself
            if t.lower in STOPWORDS or t.lower.endswith(("ed", "ly")):
                break
            out.append(t)
            break
        out.append(t)
        j += 1
    return out


def _is_verb_use(tokens: list[Token], i: int) -> bool:
    """A reporting word used as a verb: "claims that", not "those claims", "reports from",
    "denied reports" or "the United States"."""
    if tokens[i].capitalised and not tokens[i].first:
        return False
    if i > 0 and tokens[i - 1].lower == "that" and tokens[i].lower.endswith("ed"):
        return True  # "an article that reported ..."
    if i > 0 and tokens[i - 1].lower in _DETERMINERS | {"of", "'s"}:
        return False
    if i > 0 and tokens[i - 1].lower.endswith("ed") and tokens[i].lower.endswith("s"):
        return False
    if i > 0 and tokens[i - 1].lower.endswith("'s"):
        return False
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return nxt not in _PREPOSITIONS - {"on", "in"} and nxt not in {"and", "or"}


def find_quotes(tokens: list[Token], compiled: Compiled) -> list[Quote]:
    """Direct quotes (double quotation marks) with the speaker the passage gives them."""
    marks = [k for k, t in enumerate(tokens) if t.text in '"“”']
    quotes: list[Quote] = []
    k = 0
    while k + 1 < len(marks):
        i, j = marks[k], marks[k + 1]
        if tokens[i].text == "”" or tokens[j].text == "“":
            k += 1
            continue
        words = [t for t in tokens[i + 1 : j] if t.is_word]
        start, end = tokens[i].end, tokens[j].start
        if words:
            speaker = _speaker(tokens, i, j, compiled)
            quotes.append(Quote(start, end, i, j, speaker))
        k += 2
    return quotes


def _with_apposition(tokens: list[Token], phrase: list[Token], compiled: Compiled) -> Party | None:
    """The party of ``phrase``, with the keys of an apposition after it: "Maria Lopez, a
    resident of Antakya," is both "lopez" and "resident"."""
    found = party(phrase, compiled)
    if found is None or not phrase:
        return found
    end = next((k for k, t in enumerate(tokens) if t.start == phrase[-1].start), -1)
    apposition = (
        0 <= end < len(tokens) - 2
        and tokens[end + 1].text == ","
        and tokens[end + 2].lower in ("a", "an", "the")
    )
    extra = party(_phrase_after(tokens, end + 2), compiled) if apposition else None
    if extra is not None:
        return Party(found.key | extra.key, found.named, found.start, found.end)
    return found


def _speaker(tokens: list[Token], i: int, j: int, compiled: Compiled) -> Party | None:
    """Who a quote between marks ``i`` and ``j`` is credited to, in the same sentence."""
    verbs = compiled.quote_verbs
    # after the quote: '"...," said a U.S. official' or '"...," Patel added'
    k = j + 1
    while k < len(tokens) and tokens[k].text in ",.":
        k += 1
    if k < len(tokens) and (
        tokens[k].sentence == tokens[j].sentence
        or (tokens[j].text in '"”' and tokens[j - 1].text in ",.")
    ):
        if k < len(tokens) and tokens[k].lower in verbs:
            found = _with_apposition(tokens, _phrase_after(tokens, k + 1), compiled)
            if found:
                return found
        before: list[Token] = []
        m = k
        while m < len(tokens) and len(before) < 6 and tokens[m].is_word:
            if tokens[m].lower in verbs:
                found = party(before, compiled) if before else None
                if found:
                    return found
                break
            before.append(tokens[m])
            m += 1
    # before the quote: 'The official stressed, "..."' or '..., stating, "..."'
    k = i - 1
    while k >= 0 and tokens[k].text in ",:":
        k -= 1
    for back in range(3):
        v = k - back
        if v < 0 or tokens[v].sentence != tokens[i].sentence:
            break
        if tokens[v].lower in verbs:
            if tokens[v].lower.endswith("ing"):
                return _with_apposition(tokens, _sentence_subject(tokens, v), compiled)
            return _with_apposition(tokens, _phrase_before(tokens, v), compiled)
    return None


def claimants(tokens: list[Token], quotes: list[Quote], compiled: Compiled) -> list[Party | None]:
    """For each token, the party its sentence credits it to (None: the source's own voice)."""
    out: list[Party | None] = [None] * len(tokens)
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        length = phrase_at(tokens, i, compiled.reporting) if t.is_word else 0
        if length and (length > 1 or _is_verb_use(tokens, i)):
            if length > 1:  # "according to X": the whole sentence is X's
                phrase = _phrase_after(tokens, i + length)
                who = party(phrase, compiled)
                first = i
                while first > 0 and tokens[first - 1].sentence == t.sentence:
                    first -= 1
                targets = range(first, n)
            else:
                subject = _phrase_before(tokens, i)
                if not subject and t.lower.endswith("ing"):
                    subject = _sentence_subject(tokens, i)
                who = party(subject, compiled)
                targets = range(i + 1, n)
            if who is not None:
                for k in targets:
                    if tokens[k].sentence != t.sentence:
                        break
                    out[k] = who
        i += max(length, 1)
    # '... , a State Department spokesman said.': the sentence before the verb is theirs
    for k, t in enumerate(tokens):
        if t.lower not in compiled.quote_verbs or k == 0:
            continue
        rest = [x for x in tokens[k + 1 :] if x.sentence == t.sentence]
        if any(x.kind != "punct" for x in rest):
            continue  # not the last word of its sentence
        subject = _phrase_before(tokens, k)
        if subject and subject[0].start > 0:
            prev = [x for x in range(k) if tokens[x].end <= subject[0].start]
            if prev and tokens[prev[-1]].text == ",":
                who = party(subject, compiled)
                if who is not None:
                    for x in prev:
                        if tokens[x].sentence == t.sentence and out[x] is None:
                            out[x] = who
    for q in quotes:
        if q.speaker is not None:
            for k in range(q.first, q.last + 1):
                out[k] = q.speaker
    return out


def _normal_quote(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"'ve\b", " have", t)
    t = re.sub(r"'re\b", " are", t)
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"\b(the|this|that|a|an)\b", " ", t)
    return " ".join(re.findall(r"[^\W_]+", t))


@dataclass(frozen=True, slots=True)
class QuoteSide:
    """The quotes of one side, as the attribution rule needs them."""

    doc: int
    label: str
    text: str
    offset: int
    quotes: tuple[Quote, ...]


def attribution_conflicts(a: QuoteSide, b: QuoteSide) -> list[Conflict]:
    """The same quote credited to different speakers: at most one conflict per pair.

    Speakers differ when their key words are disjoint and at least one of them is named
    ("Vedant Patel" against "a U.S. official"); two roles ("an official", "a spokesman")
    could be one person and are left alone.
    """
    best: tuple[float, Quote, Quote] | None = None
    for qa in a.quotes:
        if qa.speaker is None:
            continue
        na = _normal_quote(a.text[qa.start : qa.end])
        for qb in b.quotes:
            if qb.speaker is None:
                continue
            nb = _normal_quote(b.text[qb.start : qb.end])
            if min(len(na.split()), len(nb.split())) < _MIN_QUOTE_WORDS:
                continue
            score = fuzz.partial_ratio(na, nb)
            if score < _QUOTE_SIMILARITY:
                continue
            sa, sb = qa.speaker, qb.speaker
            if sa.key & sb.key or not (sa.named or sb.named):
                continue
            if best is None or score > best[0]:
                best = (score, qa, qb)
    if best is None:
        return []
    _, quote_a, quote_b = best
    who_a, who_b = quote_a.speaker, quote_b.speaker
    if who_a is None or who_b is None:  # pragma: no cover - filtered above
        return []
    words = shorten(a.text[quote_a.start : quote_a.end].strip(' ,."“”'), 48)
    topic = f'speaker of "{words}"'
    at_a, at_b = (who_a.start, who_a.end), (who_b.start, who_b.end)
    return [two_sided("attribution", topic, a, at_a, b, at_b)]


__all__ = [
    "Party",
    "Quote",
    "QuoteSide",
    "attribution_conflicts",
    "claimants",
    "find_quotes",
    "party",
    "same_party",
]
