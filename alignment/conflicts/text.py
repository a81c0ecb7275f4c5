"""Tokens with offsets, light stems, sentences, and the compiled word lists the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from ..model import Conflict, ConflictKind, Span
from .lexicon import Lexicon


class Passage(Protocol):
    """What every rule's view of a passage has: where it sits and how to name its source."""

    @property
    def doc(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def offset(self) -> int: ...


def two_sided(
    kind: ConflictKind,
    topic: str,
    a: Passage,
    at_a: tuple[int, int],
    b: Passage,
    at_b: tuple[int, int],
) -> Conflict:
    """A conflict between one span of each passage, with the reason "topic: A says x, B says
    y" (spans given in passage offsets, stored in document offsets)."""
    said_a, said_b = a.text[at_a[0] : at_a[1]], b.text[at_b[0] : at_b[1]]
    return Conflict(
        kind=kind,
        spans=(
            Span(a.doc, a.offset + at_a[0], a.offset + at_a[1]),
            Span(b.doc, b.offset + at_b[0], b.offset + at_b[1]),
        ),
        reason=f"{topic}: {a.label} says {said_a}, {b.label} says {said_b}",
    )


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (for word lists written as one string)."""
    return frozenset(text.split())


# Function words and light verbs: never evidence that two clauses tell the same claim.
STOPWORDS = word_set(
    """a an the and or but of to in on at for from by with as that this these those it its
    he she they them his her their we our you your i me my him who whom whose which what when
    where how why be is are was were been being am have has had having do does did will would
    shall should can could may might must so if than then there here also just only very more
    most such any all some each other others about into over after before since during between
    against under up down out off again further once while because until both own same too s
    t one whether yet however make made making get got take took put give given say said says
    according also said told tell let lets us itself themselves himself herself via per upon
    amid amidst among despite though although whereas even still already now just well much
    many few several various new"""
)

IRREGULAR = {
    "won": "win",
    "winning": "win",
    "lost": "lose",
    "losing": "lose",
    "made": "make",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "died": "die",
    "dying": "die",
    "dead": "die",
    "met": "meet",
    "began": "begin",
    "begun": "begin",
    "said": "say",
    "says": "say",
    "told": "tell",
    "sought": "seek",
    "fought": "fight",
    "fell": "fall",
    "fallen": "fall",
    "rose": "rise",
    "risen": "rise",
    "gave": "give",
    "given": "give",
    "fled": "flee",
    "left": "leave",
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "lives": "life",
}

# Abbreviations that end with a period but do not end a sentence.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st sen rep gov gen lt col sgt jr sr vs no inc co corp ltd prof rev fr mt"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)

_SENTENCE_STARTERS = word_set(
    "the a an in it its this that these those he she they we i but however and yet so while"
    " after before when on at for as if there his her their our"
)

_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Za-z]\.){2,})"  # U.S., U.N.
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<punct>[^\w\s])",
    re.UNICODE,
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark of a passage.

    Attributes:
        text: the characters as written.
        start, end: offsets into the passage text.
        kind: "word", "abbr", "num" or "punct".
        lower: ``text`` lowercased, with curly apostrophes made straight.
        stem: the light stem of ``lower`` (words only; else ``lower``).
        sentence: index of the sentence the token is in.
        first: the token starts its sentence.
    """

    text: str
    start: int
    end: int
    kind: str
    lower: str
    stem: str
    sentence: int
    first: bool

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbr")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def stem(word: str) -> str:
    """A light suffix-stripping stem: enough to match "offered", "offers" and "offer".

    >>> [stem(w) for w in ("offered", "Offers", "arresting", "deaths", "won", "Maduro's")]
    ['offer', 'offer', 'arrest', 'death', 'win', 'maduro']
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in IRREGULAR:
        w = IRREGULAR[w]
    if "'" in w or len(w) <= 3 or "." in w:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if base in STOPWORDS:
                break
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            w = base
            break
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]
    return w


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentences of a passage as ``(start, end)`` offsets (a light splitter: passages are
    already one to three sentences, so this only has to find the ends between them)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith("."):
            before = re.search(r"([A-Za-z]+)\.$", text[start : match.start() + 1])
            # "Daniel P. Erikson", "Sen. Heinrich", "U.S. officials": not an end
            if before and (len(before.group(1)) == 1 or before.group(1).lower() in _ABBREVIATIONS):
                continue
            if re.search(r"(?:[A-Za-z]\.){2,}$", text[start : match.start() + 1]):
                # "the U.S. Treasury" goes on; "... in the U.S. The next day" ends
                nxt = re.match(r"\s*[\"'“‘(]?([A-Za-z]+)", text[end:])
                if not nxt or nxt.group(1).lower() not in _SENTENCE_STARTERS:
                    continue
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def tokenize(text: str) -> list[Token]:
    """Every word, number and punctuation mark of ``text`` with its offsets and sentence."""
    bounds = sentence_bounds(text)
    tokens: list[Token] = []
    s = 0
    previous_sentence = -1
    for match in _TOKEN.finditer(text):
        while s + 1 < len(bounds) and match.start() >= bounds[s][1]:
            s += 1
        kind = match.lastgroup or "punct"
        raw = match.group()
        lower = raw.lower().replace("’", "'")
        word_stem = stem(raw) if kind in ("word", "abbr") else lower
        first = s != previous_sentence and kind in ("word", "abbr", "num")
        if first:
            previous_sentence = s
        tokens.append(
            Token(raw, match.start(), match.end(), kind, lower, word_stem, s, first=first)
        )
    return tokens


@dataclass(frozen=True, slots=True)
class Phrases:
    """Words and phrases to look for, indexed by their first word.

    Attributes:
        by_word: first word (lowercase) -> the phrases starting with it, longest first.
        stems: single words that also match by stem ("deny" matches "denied").
    """

    by_word: dict[str, tuple[tuple[str, ...], ...]]
    stems: frozenset[str]


def phrase_at(tokens: list[Token], i: int, phrases: Phrases) -> int:
    """Length in tokens of the longest phrase of ``phrases`` starting at token ``i`` (0: none)."""
    t = tokens[i]
    for phrase in phrases.by_word.get(t.lower, ()):
        n = len(phrase)
        if i + n <= len(tokens) and all(tokens[i + k].lower == phrase[k] for k in range(1, n)):
            return n
    return 1 if t.stem in phrases.stems else 0


@dataclass(frozen=True, slots=True)
class Compiled:
    """A Lexicon turned into lookups (built once per Lexicon, cached)."""

    negations: frozenset[str]
    denials: Phrases
    negative_words: dict[str, str]
    antonyms: dict[str, str]
    not_negating: Phrases
    hedges: Phrases
    irrealis: Phrases
    reporting: Phrases
    quote_verbs: frozenset[str]
    generic_claimants: frozenset[str]
    claim_nouns: frozenset[str]
    existence: Phrases
    canonical: dict[str, str]
    measures: dict[str, str]

    def canon(self, word_stem: str) -> str:
        """The synonym group of a stem, or the stem itself."""
        return self.canonical.get(word_stem, word_stem)


def _phrases(words: tuple[str, ...], stemmed: bool = True) -> Phrases:
    by_word: dict[str, list[tuple[str, ...]]] = {}
    stems: set[str] = set()
    for w in words:
        parts = tuple(p.lower() for p in w.split())
        if not parts:
            continue
        by_word.setdefault(parts[0], []).append(parts)
        if len(parts) == 1 and stemmed:
            stems.add(stem(parts[0]))
    return Phrases(
        {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in by_word.items()},
        frozenset(stems),
    )


def _pairs(items: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        word, _, base = item.partition(":")
        if word and base:
            out[stem(word.strip())] = stem(base.strip())
            out[word.strip().lower()] = stem(base.strip())
    return out


@lru_cache(maxsize=8)
def compile_lexicon(lexicon: Lexicon) -> Compiled:
    """Lookups for ``lexicon``; cached, so call it freely."""
    canonical: dict[str, str] = {}
    for group in lexicon.synonyms:
        label = stem(group[0])
        for w in group:
            if " " not in w:
                canonical[stem(w)] = label
    measures: dict[str, str] = {}
    for group in lexicon.measures:
        for w in group[1:]:
            measures[stem(w)] = group[0]
            measures[w.lower()] = group[0]
    return Compiled(
        negations=frozenset(w.lower().replace("’", "'") for w in lexicon.negations),
        denials=_phrases(lexicon.denials),
        negative_words=_pairs(lexicon.negative_words),
        antonyms=_pairs(lexicon.antonyms),
        not_negating=_phrases(lexicon.not_negating, stemmed=False),
        hedges=_phrases(lexicon.hedges),
        irrealis=_phrases(lexicon.irrealis, stemmed=False),
        reporting=_phrases(lexicon.reporting_verbs),
        quote_verbs=frozenset(w.lower() for w in lexicon.quote_verbs),
        generic_claimants=frozenset(stem(w) for w in lexicon.generic_claimants),
        claim_nouns=frozenset(stem(w) for w in lexicon.claim_nouns),
        existence=_phrases(lexicon.existence_verbs, stemmed=False),
        canonical=canonical,
        measures=measures,
    )


def is_negation(token: Token, compiled: Compiled) -> bool:
    """A negation word: "not", "never", "no", or a contraction ending in "n't"."""
    if not token.is_word:
        return False
    if token.lower in compiled.negations:
        return True
    return token.lower.endswith("n't") and "n't" in compiled.negations


def content(token: Token) -> bool:
    """A word that can carry a claim: not a function word, not a lone letter."""
    if not token.is_word or token.lower in STOPWORDS or len(token.stem) <= 1:
        return False
    # contractions ("we've", "hasn't") carry no claim; possessives ("Maduro's") do
    return "'" not in token.lower or token.lower.endswith("'s")


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at a word with an ellipsis when longer than ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


__all__ = [
    "STOPWORDS",
    "Compiled",
    "Phrases",
    "Token",
    "compile_lexicon",
    "content",
    "is_negation",
    "phrase_at",
    "sentence_bounds",
    "shorten",
    "stem",
    "tokenize",
    "word_set",
]
