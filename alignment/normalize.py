"""Comparison keys for scoring only: folded content words, their weights, and a text key.

Nothing here is shown to users; offsets always come from the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Function words and newsroom verbs that say nothing about which fact a sentence tells.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are around as at be because
    been before being below between both but by can could did do does doing down during each
    either few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just least less let like may me might more most much
    must my myself near neither no nor not now of off on once one only or other others our
    ours ourselves out over own per same she should since so some such than that the their
    theirs them themselves then there these they this those though through thus to too under
    until up upon us very via was we were what when where whether which while who whom whose
    why will with within without would yet you your yours yourself said says say told
    according reported report reports added stated mr mrs ms s t however meanwhile moreover
    also even still already
    """.split()  # noqa: SIM905
)
# Clause boundaries: punctuation and quotes that usually end a reported claim or aside.
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:()\[\]\"“”‘’]|\s[—–-]\s|\.\s)\s*")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")


def fold(text: str) -> str:
    """Case-folded text without accents: "Nicolás" and "nicolas" fold alike."""
    if text.isascii():
        # The same answer, quicker: ASCII case-folds to its lower case, and NFKD leaves it
        # as it is, with no combining marks (most words of an English story; the claim
        # layer folds each word of a parse many times).
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> set[str]:
    """The folded words and numbers of a text ("Central Aceh" -> {"central", "aceh"})."""
    return {fold(m.group()) for m in _TOKEN.finditer(text)}


# British spellings meet American ones: "incentivise"/"incentivize", "labour"/"labor".
_BRITISH_ISE = re.compile(r"(?<=\w{3})is(?=(?:e|ed|es|ing|ation|ations)$)")
_BRITISH_OUR = re.compile(r"(?<=\w{2})our(?=(?:|s|ed|ing|ite|ites|able)$)")
# More British endings, for words compared one by one (a quote's): "centre"/"center",
# "fibre"/"fiber", "programme"/"program", "analyse"/"analyze", "catalogue"/"catalog",
# "defence"/"defense", "licence"/"license"
_BRITISH_ENDINGS = (
    (re.compile(r"(?<=\w{2})([tb])re(s?)$"), r"\1er\2"),
    (re.compile(r"(?<=\w{3})mme(s?)$"), r"m\1"),
    (re.compile(r"(?<=\w{2})yse(s|d)?$"), r"yze\1"),
    (re.compile(r"(?<=\w{2})logue(s?)$"), r"log\1"),
    (re.compile(r"^(de|of|pre)(f|t)ence(s?)$"), r"\1\2ense\3"),
    (re.compile(r"^licence(s|d)?$"), r"license\1"),
)


# Irregular forms of common verbs, so that "won" meets "win" and "held" meets "hold" as the
# parser's lemmas do (the claim layer keys verbs by lemma through ``stem``).
IRREGULAR = {
    "won": "win",
    "lost": "lose",
    "held": "hold",
    "met": "meet",
    "fled": "flee",
    "fell": "fall",
    "fallen": "fall",
    "rose": "rise",
    "risen": "rise",
    "began": "begin",
    "begun": "begin",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "sought": "seek",
    "fought": "fight",
    "struck": "strike",
    "stole": "steal",
    "stolen": "steal",
    "shot": "shoot",
    "sold": "sell",
    "bought": "buy",
    "caught": "catch",
    "brought": "bring",
    "thought": "think",
    "led": "lead",
    "ran": "run",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "chose": "choose",
    "chosen": "choose",
    "drove": "drive",
    "driven": "drive",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "broke": "break",
    "broken": "break",
    "froze": "freeze",
    "frozen": "freeze",
    "swore": "swear",
    "sworn": "swear",
    "knew": "know",
    "known": "know",
    "grew": "grow",
    "grown": "grow",
    "threw": "throw",
    "thrown": "throw",
    "flew": "fly",
    "flown": "fly",
    "hid": "hide",
    "hidden": "hide",
    "bore": "bear",
    "born": "bear",
    "died": "die",
    "dying": "die",
    "children": "child",
    "men": "man",
    "women": "woman",
}


def american(word: str) -> str:
    """A folded word in American spelling ("behaviour" -> "behavior", "organise" ->
    "organize"), so that a word spelt two ways is one word."""
    return _BRITISH_OUR.sub("or", _BRITISH_ISE.sub("iz", word))


@lru_cache(maxsize=200_000)
def american_word(word: str) -> str:
    """``american`` and more endings ("programme" -> "program", "centre" -> "center"), for
    words compared one by one, as a quote's are; the stemmer keeps to ``american``, whose
    changes the word scores were measured with. Cached: a quote's words are compared for every
    link that holds them."""
    word = american(word)
    for ending, american_ending in _BRITISH_ENDINGS:
        word = ending.sub(american_ending, word)
    return word


# A possessive after an "s" written with a curly apostrophe ("Charles’ 226 yards"): the
# parser's tokenizer reads the mark as a closing quote and loses the owner.
_SINGLE_MARKS = re.compile(r"[‘’]")


def parser_text(text: str) -> str:
    """The text as the parser reads it: a curly possessive apostrophe after an "s" made
    straight, outside a ‘single-quoted’ passage (where the mark may close the quote). One
    character for one, so the parser's offsets are the text's."""
    if "’" not in text:
        return text
    chars = list(text)
    quoted = False
    for m in _SINGLE_MARKS.finditer(text):
        at = m.start()
        if m.group() == "‘":
            quoted = True
        elif quoted:
            quoted = False
        elif (
            text[at - 2 : at - 1].isalpha()
            and text[at - 1 : at] == "s"
            and text[at + 1 : at + 2].isspace()
        ):
            chars[at] = "'"
    return "".join(chars)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "offers"/"offer", "arrested"/"arrest",
    irregular forms ("won"/"win") and British spellings with American ones."""
    word = american(IRREGULAR.get(word, word))
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + keep
            break
    # "pursue", "pursued", "pursuing" and "states", "state" meet without their final e.
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


def content_tokens(text: str) -> list[tuple[str, bool]]:
    """Content words of a text, folded and stemmed, each with a flag: a name or a number.

    A name is a capitalised word that is not the first word of the text; a number is digits
    (separators dropped, so "2,000" and "2000" meet).
    """
    out: list[tuple[str, bool]] = []
    for i, match in enumerate(_TOKEN.finditer(text)):
        raw = match.group()
        if raw[0].isdigit():
            out.append((raw.replace(",", ""), True))
            continue
        word = fold(raw)
        if "'" in word or "’" in word:
            word = re.split(r"['’]", word)[0]
        if len(word) < 2 or word in STOP_WORDS:
            continue
        out.append((stem(word), i > 0 and raw[0].isupper()))
    return out


def text_key(tokens: list[tuple[str, bool]]) -> str:
    """The content words joined: what rapidfuzz compares."""
    return " ".join(t for t, _ in tokens)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the clauses of a sentence (between commas, quotes, dashes, ...).

    Long news sentences wrap one fact in attributions and asides ("..., the official told
    reporters in response to ..."); comparing clauses finds the shared fact inside them.
    """
    spans = []
    pos = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


_WORD = re.compile(r"[A-Za-z][a-z]+(?:['’][a-z]+)?")


def _title_cased(words_in: Sequence[str]) -> bool:
    """Most words capitalised, as a headline is ("Lohan Checks Into Betty Ford Clinic")."""
    long = [w for w in words_in if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def sentence_cased(sentences: Sequence[str]) -> list[str]:
    """The sentences, each headline in title case recased as prose for the parser: a
    capitalised word goes lower case when the other sentences use it in lower case
    ("Checks Into Rehab" -> "checks into rehab"), names stay ("Lohan", "Betty Ford"). The
    first word and every offset are kept (only a letter's case changes); a parser reads a
    title-cased headline as a string of names and finds no verb in it."""
    titles = [_title_cased(_WORD.findall(s)) for s in sentences]
    common = {
        stem(w)
        for s, title in zip(sentences, titles, strict=True)
        if not title
        for w in _WORD.findall(s)
        if w.islower()
    }
    out = []
    for s, title in zip(sentences, titles, strict=True):
        if not title:
            out.append(s)
            continue
        chars = list(s)
        for k, match in enumerate(_WORD.finditer(s)):
            w = match.group()
            if k and w[0].isupper() and stem(w.lower()) in common:
                chars[match.start()] = w[0].lower()
        out.append("".join(chars))
    return out
