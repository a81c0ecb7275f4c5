"""Quotes: one quote told two ways, or credited to two speakers.

The claim layer finds the words in quotation marks and their speaker (the subject of the
reporting verb that holds them). Two quotes of two passages are one quote when their words
mostly agree (at least ``MIN_WORDS`` words in common, and most of the shorter one). Then:

- ``quote``: the same speaker (or one unsaid) and the words differ: words dropped, added or
  changed ("we will not raise taxes on working families" against "we will not raise taxes").
  The changed words are the spans.
- ``attribution``: the same words credited to two named speakers whose names share nothing
  ("the minister" against "a spokesman" could be one person and is left alone: both must name
  someone, one by a proper name).
- both, when one quote with words added or dropped is credited to two named speakers ("We
  will appeal" / "We will certainly appeal"); a word changed between two speakers' quotes
  may be each one's own view, and is left alone.
"""

from __future__ import annotations

import difflib
import functools
import re

from ..claims import Quote
from ..model import Conflict, Span
from ..normalize import american_word, fold
from ..quantities import spelled_alike
from .view import View

MIN_WORDS = 5
# A short quote is one quote told two ways only from one named speaker, with this share of
# the longer one's words ("We will appeal the verdict" / "We may appeal the verdict").
MIN_SHORT_WORDS = 3
SAME_SHORT_QUOTE = 0.6
# The same words, whole, credited to two named speakers: four words are one quote ("the ship
# was overloaded"); three are a phrase anyone may say ("we will win").
MIN_ATTRIBUTED = 4
# The share of the longer quote's words that the other must hold to be the same quote.
SAME_QUOTE = 0.6
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


# Words whose change alters no claim of a quote.
_FUNCTION_WORDS = frozenset(["a", "an", "the", "this", "that", "these", "those"])
_JOINING = frozenset(["and", "or", "but", "so", "then"])
# Contractions told either way are the same words ("we've" / "we have").
_CONTRACTIONS = {"ve": "have", "re": "are", "ll": "will", "d": "would", "m": "am", "t": "not"}
# Negated auxiliaries whose stem is not the word less its "n": "won't", "can't", "shan't".
_NEGATED_HEADS = {"won": "will", "can": "can", "shan": "shall", "ain": "is"}


EDITED = "[…]"
# An editor's words inside a quote: "she [Reid] is fine", "he (the coach) said no".
_EDITORIAL = re.compile(r"\[[^\[\]]*\]|\([^()]*\)")


def _words(view: View, q: Quote) -> list[tuple[str, int, int]]:
    """The quote's words (``_text_words``)."""
    return _text_words(view, q.start, q.end)


def _text_words(view: View, first: int, last: int) -> list[tuple[str, int, int]]:
    """The words of the document's ``[first, last)``, folded, contractions spelt out,
    numbers spelt one way ("11th" / "eleventh"), with their document offsets; an editor's
    words in brackets are not the speaker's: they stand as one ``EDITED`` mark, which meets
    whatever the other outlet has there ("[The police] came" / "They came")."""
    return list(_spelt_words(view.said(first, last), first))


# A passage's quotes are compared with those of every passage it links to: their words are
# spelt once per text.
@functools.lru_cache(maxsize=4096)
def _spelt_words(text: str, first: int) -> tuple[tuple[str, int, int], ...]:
    """``_text_words`` of ``text``, which starts at document offset ``first``."""
    editorial = [m.span() for m in _EDITORIAL.finditer(text)]
    out: list[tuple[str, int, int]] = [(EDITED, first + s, first + e) for s, e in editorial]
    for m in _WORD.finditer(text):
        if any(s <= m.start() < e for s, e in editorial):
            continue
        word = american_word(spelled_alike(fold(m.group()).replace("’", "'")))
        start, end = first + m.start(), first + m.end()
        head, _, tail = word.partition("'")
        if tail in _CONTRACTIONS:
            if tail == "t":
                # "won't" is "will not", "can't" "can not", "doesn't" "does not"
                head = _NEGATED_HEADS.get(head, head.removesuffix("n"))
            out.append((head, start, end))
            out.append((_CONTRACTIONS[tail], start, end))
        else:
            out.append((head if tail == "s" else word, start, end))
    return tuple(sorted(out, key=lambda w: w[1]))


def _named(q: Quote, view: View) -> bool:
    said = view.said(q.speaker_start, q.speaker_end) if q.speaker_end else ""
    return any(w[:1].isupper() for w in said.split()[1:]) or (
        bool(said) and said[:1].isupper() and said.split()[0].lower() not in ("the", "a", "an")
    )


# Speaker nouns that may name one person however the outlet puts it ("a spokesman" / "an
# official"): two such phrases are apart only by the bodies they speak for.
_VAGUE_SPEAKERS = frozenset(
    {
        "official",
        "officials",
        "source",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "aide",
        "person",
        "someone",
        "statement",
        "team",
        "camp",
        "office",
        "group",
        "side",
    }
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_OWNERS = frozenset({"his", "her", "its", "their", "our", "my"})
_SPEAKER_HEAD = re.compile(r",|\bof\b|\bwho\b|\bfor\b|\bat\b|\bin\b|\bfrom\b")


def _role(q: Quote, view: View) -> tuple[str, set[str], set[str]]:
    """A speaker phrase's head noun, its other words and its capitalised words ("the
    foreign minister": minister, {foreign}, {}; "a Kremlin spokesperson": spokesperson,
    {kremlin}, {kremlin})."""
    said = view.said(q.speaker_start, q.speaker_end) if q.speaker_end else ""
    words = _WORD.findall(_SPEAKER_HEAD.split(said, maxsplit=1)[0])
    words = [w for w in words if w.lower() not in _FUNCTION_WORDS and w.lower() not in _OWNERS]
    if not words:
        return "", set(), set()
    if not words[-1][:1].islower() or words[-1] in _PRONOUNS:
        return "", set(), set()  # a name ("Mayor Ana Ruiz") or a pronoun is no role
    head = words[-1]
    rest = {w.lower() for w in words[:-1]}
    return head, rest, {w.lower() for w in words[:-1] if w[:1].isupper()}


def _bodies(q: Quote, view: View) -> set[str]:
    """The capitalised words of the body a role speaks for ("a spokesman for the Armenian
    defence ministry": {armenian})."""
    said = view.said(q.speaker_start, q.speaker_end) if q.speaker_end else ""
    parts = _SPEAKER_HEAD.split(said, maxsplit=1)
    if len(parts) < 2:
        return set()
    return {w.lower() for w in _WORD.findall(parts[1]) if w[:1].isupper()}


def _roles_apart(qa: Quote, a: View, qb: Quote, b: View) -> bool:
    """Two unnamed speakers who cannot be one person: two roles ("the striker" / "the
    manager", "the foreign minister" / "the prime minister"), or one role for two named
    bodies ("a Kremlin spokesperson" / "a State Department spokesperson")."""
    if qa.speaker_names or qb.speaker_names:
        return False
    (ha, ra, pa), (hb, rb, pb) = _role(qa, a), _role(qb, b)
    if not (ha and hb):
        return False
    if pa and pb and not pa & pb:
        return True
    bodies_a, bodies_b = _bodies(qa, a), _bodies(qb, b)
    if ha == hb and bodies_a and bodies_b and not bodies_a & bodies_b:
        return True  # "a spokesman for the Armenian ministry" / "... the Azerbaijani ministry"
    relays = {ha.lower(), hb.lower()} <= _RELAYS
    whole = "government" in ra | rb  # a ministry's spokesman is the government's
    if relays and ra and rb and not ra & rb and not (bodies_a or bodies_b or whole):
        return True  # "a ministry spokesman" / "a union spokeswoman": two bodies' voices
    if {ha, hb} & _VAGUE_SPEAKERS or any(
        h.endswith("s") and not h.endswith("ss") for h in (ha, hb)
    ):
        return False  # "a spokesman" / "an official", "lawyers" / "the legal team": maybe one
    return ha != hb or bool(ra - rb and rb - ra)


# Speakers who relay another's words: "a spokesman for the minister", "her aide".
_RELAYS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "aide"})


def _relays(qx: Quote, x: View, qy: Quote, y: View) -> bool:
    """Speaker x speaks for speaker y: a spokesman for y's named person or body ("a
    spokesman for health minister Lena Ostrova"), or an unnamed one of an owner's ("her
    spokesman"), whose words are the owner's."""
    head, _, _ = _role(qx, x)
    if head.lower() not in _RELAYS:
        return False
    said = x.said(qx.speaker_start, qx.speaker_end).lower() if qx.speaker_end else ""
    if set(_WORD.findall(said)) & _OWNERS and not qx.speaker_names:
        return True  # not one named: "her aide, Paul Dunn" / "her lawyer, Clara Holt"
    names = set(qy.speaker_names) or {w for w in qy.speaker_key if len(w) > 2}
    return bool(names) and names <= _bodies(qx, x) | set(qx.speaker_names)


def _relayed_either(qa: Quote, a: View, qb: Quote, b: View) -> bool:
    """Either speaker relays the other's words ("a spokesman for the minister")."""
    return _relays(qa, a, qb, b) or _relays(qb, b, qa, a)


def _utterances(view: View) -> list[tuple[Quote, list[tuple[str, int, int]]]]:
    """The passage's quotes with their words, a quote split by its attribution joined
    ('"We will rebuild the bridge," the governor said, "and we will do it within a year."'
    is one utterance)."""
    out: list[tuple[Quote, list[tuple[str, int, int]]]] = []
    for q in view.reading.quotes:
        words = _words(view, q)
        if out:
            last, last_words = out[-1]
            between = view.said(last.end, q.start)
            one_speaker = not q.speaker or not last.speaker or q.speaker_key == last.speaker_key
            # within the sentence; or the next sentence quoted on with no speaker of its own
            # ('"Members have rejected the offer," the union leader said. "We will strike."')
            same_sentence = not re.search(r"[.!?][\"”’']?\s", between)
            goes_on = not q.speaker and bool(last.speaker) and not q.fragment
            if (
                one_speaker
                and not last.fragment
                and len(between) <= 80
                and (same_sentence or goes_on)
            ):
                speaker = last if last.speaker else q
                joined = Quote(
                    words=f"{last.words} {q.words}",
                    start=last.start,
                    end=q.end,
                    speaker=speaker.speaker,
                    speaker_key=speaker.speaker_key,
                    speaker_names=speaker.speaker_names,
                    speaker_start=speaker.speaker_start,
                    speaker_end=speaker.speaker_end,
                )
                out[-1] = (joined, last_words + words)
                continue
        out.append((q, words))
    return out


def _one_speaker(qa: Quote, qb: Quote) -> bool:
    """Both quotes credited, to speakers whose keys agree ("the plant operator" twice), or one
    a shorter telling of the other ("Obi" / "housing campaigner Grace Obi")."""
    ka, kb = set(qa.speaker_key), set(qb.speaker_key)
    return bool(ka and kb) and (ka <= kb or kb <= ka)


def _one_named_person(qa: Quote, qb: Quote) -> bool:
    """Both quotes credited to one person named on both sides ("Ruth Abara" / "Mayor Ruth
    Abara"): a few words of theirs quoted inside a sentence are theirs, not a common phrase."""
    na, nb = set(qa.speaker_names), set(qb.speaker_names)
    return bool(na and nb) and _one_person(na, nb)


def _one_person(x: set[str], y: set[str]) -> bool:
    """Two tellings of one name: each name of the shorter in the longer, spelt alike or as
    its initial ("Butler" / "A.J. Butler", "AJ Butler" / "A.J. Butler", "J. Ortiz" / "Juan
    Ortiz"); "Pavel Danek" and "Ivan Danek" are two people."""

    def bare(name: str) -> str:
        return "".join(ch for ch in name if ch.isalnum())

    shorter, longer = sorted(({bare(n) for n in x} - {""}, {bare(n) for n in y} - {""}), key=len)

    def met(name: str) -> bool:
        return any(
            name == other
            or (len(name) <= 2 and other.startswith(name))
            or (len(other) <= 2 and name.startswith(other))
            for other in longer
        )

    return all(met(name) for name in shorter)


def quote_conflicts(a: View, b: View) -> list[Conflict]:
    """Altered quotes and quotes credited to different speakers."""
    out: list[Conflict] = []
    quotes_b = _utterances(b)
    for qa, wa in _utterances(a):
        for qb, wb in quotes_b:
            matcher = difflib.SequenceMatcher(a=[w for w, _, _ in wa], b=[w for w, _, _ in wb])
            blocks = matcher.get_matching_blocks()
            common = sum(block.size for block in blocks)
            longer = max(len(wa), len(wb))
            shorter = min(len(wa), len(wb))
            # the shorter one whole inside the longer: a cut quote ("I will step down" of "I
            # will step down when a successor is found")
            inside = shorter >= 3 and matcher.find_longest_match().size == shorter
            same_words = common == len(wa) == len(wb)
            # a short quote of one speaker with one word changed or added: "will" / "may"
            short_same = (
                _one_speaker(qa, qb)
                and (not (qa.fragment or qb.fragment) or _one_named_person(qa, qb))
                and common >= MIN_SHORT_WORDS
                and common >= SAME_SHORT_QUOTE * longer
            )
            # one speaker's quote that opens with the same words and ends otherwise: "The
            # ruling is a victory for every tenant in this city" / "... for tenants"
            first = blocks[0]
            same_opening = (
                _one_speaker(qa, qb)
                and not (qa.fragment or qb.fragment)
                and first.a == first.b == 0
                and first.size >= MIN_WORDS
            )
            alike = (
                inside
                or same_words
                or short_same
                or same_opening
                or (common >= MIN_WORDS and common >= SAME_QUOTE * longer)
            )
            # two outlets quoting different words in the same sentence: "called the scheme
            # 'unaffordable and badly planned'" / "called the scheme 'unworkable and ...'"
            framed = not same_words and (not alike or inside) and _same_frame(a, qa, b, qb)
            if not (alike or framed):
                continue
            na, nb = set(qa.speaker_names), set(qb.speaker_names)
            ka, kb = set(qa.speaker_key), set(qb.speaker_key)
            named_apart = bool(na and nb and not _one_person(na, nb))
            different = named_apart or bool(ka and kb and not ka & kb and not (na & nb))
            if same_words:
                if common < (MIN_WORDS if qa.fragment or qb.fragment else MIN_ATTRIBUTED):
                    # "We will win": too short to be one person's words; a few words quoted
                    # inside a sentence ('selling servers "for the foreseeable future"') are
                    # a phrase, not a quote
                    continue
                # two roles ("the striker" / "the manager") tell the same words apart; they
                # are weaker than two names, so a changed quote of theirs stays a quote
                roles_apart = _roles_apart(qa, a, qb, b)
                if _relayed_either(qa, a, qb, b):
                    continue  # "a spokesman for the minister" / "the minister": her words
                if named_apart or roles_apart or (different and (_named(qa, a) or _named(qb, b))):
                    out.append(_attribution(a, qa, b, qb, wa))
                continue
            if different:
                # one quote told with words added or dropped and credited to two named
                # people ("We will appeal" / "We will certainly appeal"): both wrongs; a
                # word changed may be two speakers' own views ("The budget protects the
                # poorest" / "punishes the poorest")
                close = common == shorter >= MIN_WORDS and common >= SAME_QUOTE * longer
                credited = named_apart or _roles_apart(qa, a, qb, b)
                if not (close and credited) or _relayed_either(qa, a, qb, b):
                    continue  # another speaker's words, alike by chance
                out.append(_attribution(a, qa, b, qb, wa, same=False))
                made = _altered(a, qa, wa, b, qb, wb, matcher, one_speaker=False)
                if made is not None:
                    out.append(made)
                continue
            short = qa if len(wa) < len(wb) else qb
            if inside and short.fragment and not framed:
                continue  # a few words quoted inside a sentence, not the whole quote
            if inside and _whole_sentences(a, wa, b, wb, matcher):
                continue  # one outlet quotes a sentence more: a shorter quote, not an altered one
            made = _altered(a, qa, wa, b, qb, wb, matcher)
            if made is not None:
                out.append(made)
    return out


# Words of the sentence around a quote that make it one sentence told twice.
FRAME_WORDS = 3


def _same_frame(a: View, qa: Quote, b: View, qb: Quote) -> bool:
    """The words around the two quotes are the same: the ``FRAME_WORDS`` words before each
    (from the sentence's start at most) and the word after, or a sentence end after both."""

    def frame(view: View, q: Quote) -> tuple[list[str], str]:
        # the sentence's last words before the quote, and its first word after
        text = view.said(max(view.offset, q.start - 80), q.start)
        before = re.split(r"[.!?][\"”’']?\s", text)[-1]
        words = [w for w, _, _ in _text_words(view, q.start - len(before), q.start)]
        after = view.said(q.end, min(view.offset + len(view.text), q.end + 40))
        following = [w for w, _, _ in _text_words(view, q.end, q.end + len(after))]
        # a stop or a comma closes the frame: 'had shown "no remorse".' and 'had shown
        # "little remorse", the judge said' are one sentence told twice
        ends = re.match(r"[\"”’']?\s*[.!?,;]", after) is not None
        return words[-FRAME_WORDS:], "." if ends or not following else following[0]

    (before_a, after_a), (before_b, after_b) = frame(a, qa), frame(b, qb)
    return len(before_a) == FRAME_WORDS and before_a == before_b and after_a == after_b


def _whole_sentences(
    a: View,
    wa: list[tuple[str, int, int]],
    b: View,
    wb: list[tuple[str, int, int]],
    matcher: difflib.SequenceMatcher[str],
) -> bool:
    """The shorter quote is whole sentences of the longer one: the words the longer adds
    start or end at a sentence end ('"We have no plans to close the plant." / "... the
    plant. Our workers can be confident."'), not a cut inside a sentence ("we will not raise
    taxes" of "we will not raise taxes on working families")."""
    block = matcher.find_longest_match()
    view, words, i, size = (
        (b, wb, block.b, block.size) if len(wa) < len(wb) else (a, wa, block.a, block.size)
    )
    j = i + size

    def sentence_end(k: int) -> bool:
        """A sentence ends between word k-1 and word k."""
        if k <= 0 or k >= len(words):
            return True
        return bool(re.search(r"[.!?]", view.said(words[k - 1][2], words[k][1])))

    def clause_added(k: int) -> bool:
        """A clause joined on by ", and" or ";" starts at word k ('"The bridge will reopen on
        Monday, and the buses will return"'): more of the quote, not a cut that changes it
        (", but only ...", "unless ..." qualify what comes before, and are not this)."""
        if k <= 0 or k >= len(words):
            return False
        gap = view.said(words[k - 1][2], words[k][1])
        return ";" in gap or ("," in gap and words[k][0] == "and")

    return sentence_end(i) and (sentence_end(j) or clause_added(j))


def _attribution(
    a: View, qa: Quote, b: View, qb: Quote, wa: list[tuple[str, int, int]], *, same: bool = True
) -> Conflict:
    # the quote's opening as written (a contraction may stand for two words: "We're")
    head = a.said(wa[0][1], wa[:6][-1][2]) if wa else ""
    return Conflict(
        kind="attribution",
        spans=(
            Span(a.doc, qa.speaker_start, qa.speaker_end),
            Span(b.doc, qb.speaker_start, qb.speaker_end),
        ),
        reason=(
            f'speaker of "{head}…": {a.label} says {qa.speaker}, {b.label} says {qb.speaker} '
            + ("(the same words, two speakers)" if same else "(one quote, two speakers)")
        ),
        topic=f'speaker of "{head}…"',
        sides=(qa.speaker, qb.speaker),
    )


def _told_elsewhere(words: list[tuple[str, int, int]], view: View) -> bool:
    """The words, in order, somewhere in the other passage: quoted in a quote of its own
    (split by "he said", or in single quotes) rather than dropped."""
    said = [w for w, _, _ in _text_words(view, view.offset, view.offset + len(view.text))]
    wanted = [w for w, _, _ in words]
    # the word that joined them to the rest ("or we'll shoot you again") may go
    while wanted and wanted[0] in _JOINING:
        wanted = wanted[1:]
    n = len(wanted)
    return n > 0 and any(said[k : k + n] == wanted for k in range(len(said) - n + 1))


def _cut_marked(view: View, quote: Quote, words: list[tuple[str, int, int]], k: int) -> bool:
    """An ellipsis between the quote's words k-1 and k, where the other quote has more; at
    its start or end too ('"...we have a deal"')."""
    if not words:
        return False
    start = words[k - 1][2] if k > 0 else quote.start
    end = words[k][1] if k < len(words) else quote.end
    gap = view.said(start, end) if start <= end else ""
    return "..." in gap or "…" in gap


def _altered(
    a: View,
    qa: Quote,
    wa: list[tuple[str, int, int]],
    b: View,
    qb: Quote,
    wb: list[tuple[str, int, int]],
    matcher: difflib.SequenceMatcher[str],
    *,
    one_speaker: bool = True,
) -> Conflict | None:
    """The words one quote drops, adds or changes; named by its speaker, or by its opening
    when the two passages credit it to two people (``one_speaker`` false)."""
    spans: list[Span] = []
    told: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = {w for w, _, _ in wa[i1:i2]} | {w for w, _, _ in wb[j1:j2]}
        if tag == "equal" or changed <= _FUNCTION_WORDS:
            continue  # "the" for "this": the same words to a reader
        if EDITED in changed:
            continue  # an editor's words, in brackets, for the speaker's: "[Reid]" / "she"
        if (i1 == i2 and _told_elsewhere(wb[j1:j2], a)) or (
            j1 == j2 and _told_elsewhere(wa[i1:i2], b)
        ):
            continue  # words one quote lacks that its passage tells anyway (another quote)
        if (j1 == j2 and _cut_marked(b, qb, wb, j1)) or (i1 == i2 and _cut_marked(a, qa, wa, i1)):
            continue  # the outlet marks its cut with an ellipsis: "encouraging ... and we need"
        # a quote cut at its ends is a shorter quote, not an altered one, unless it drops
        # words inside
        if i1 < i2:
            spans.append(Span(a.doc, wa[i1][1], wa[i2 - 1][2]))
        if j1 < j2:
            spans.append(Span(b.doc, wb[j1][1], wb[j2 - 1][2]))
        gone = a.said(wa[i1][1], wa[i2 - 1][2]) if i1 < i2 else ""
        new = b.said(wb[j1][1], wb[j2 - 1][2]) if j1 < j2 else ""
        if gone and new:
            told.append(f'"{gone}" became "{new}"')
        elif gone:
            told.append(f'{b.label} drops "{gone}"')
        else:
            told.append(f'{b.label} adds "{new}"')
    if not spans:
        return None
    if one_speaker:
        named = qa.speaker or qb.speaker or "the speaker"
    else:
        # the quote's opening, as written: neither speaker is the quote's for sure
        named = f'"{a.said(wa[0][1], wa[:6][-1][2])}…"' if wa else "the quote"
    return Conflict(
        kind="quote",
        spans=tuple(spans),
        reason=f"quote of {named}: " + "; ".join(told[:3]) + " (one quote, told two ways)",
        topic=f"quote of {named}",
        sides=("the longer quote", "a shorter quote")
        if len(wa) > len(wb)
        else ("a shorter quote", "the longer quote")
        if len(wa) < len(wb)
        else ("one wording", "another wording"),
    )


__all__ = ["quote_conflicts"]
