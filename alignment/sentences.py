"""Sentences with exact offsets: lines, then pysbd inside each line, then bounded pieces.

pysbd (the Golden Rules segmenter) handles abbreviations such as "U.S.", initials such as
"Daniel P." and titles such as "Sen." far better than a regex; it returns character spans
into the text it is given, so no offset is ever recomputed by searching.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pysbd

from .boilerplate import boilerplate_lines
from .model import Sentence

# A list marker: a bullet sign, or a dash or star followed by a space.
_BULLET = re.compile(r"(?:[•·▪◦●■‣]|[-–—*](?=\s))\s*")
_SPACE = re.compile(r"\s")
# pysbd is slow on very long runs without a stop; cut lines longer than this first.
_PYSBD_MAX = 5000

_segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)


# A boundary no segmenter would doubt: a stop after a lower-case word of three letters or
# more (not an abbreviation such as "U.S.", "Sen." or "P."), then space and a capital.
_SAFE_BOUNDARY = re.compile(r"(?:(?<=[a-z]{3}[.!?])|(?<=[a-z]{3}[.!?][\"”’]))(?=\s+[\"“‘(]?[A-Z])")
# Anything that might end a sentence inside a chunk.
_INNER_STOP = re.compile(r"[.!?…][\"”’)]*\s+(\S)")
# Words before a full stop that never end a sentence when a capitalised name follows.
_TITLE_WORDS = "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Capt Cmdr Adm St Mt Ft Jr Sr Prof Rev "
_TITLES = frozenset((_TITLE_WORDS + "Hon Pres Supt Det Insp No Nos Vol Art Sec Messrs").split())
_WORD_BEFORE = re.compile(r"(\S+)$")


def _needs_pysbd(chunk: str) -> bool:
    """True when a stop inside the chunk might end a sentence (pysbd must decide)."""
    for match in _INNER_STOP.finditer(chunk):
        following = match.group(1)
        if following.islower() or following.isdigit():
            continue  # "the U.S. is", "approx. 20": not a boundary
        before = _WORD_BEFORE.search(chunk, 0, match.start())
        word = before.group(1) if before else ""
        if (len(word) == 1 and word.isupper()) or word in _TITLES:
            continue  # an initial ("Daniel P. Erikson") or a title ("Sen. Heinrich")
        return True
    return False


def _split_line(line: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans inside one line.

    The line is first cut at boundaries no one would doubt; pysbd then only sees the chunks
    that may still hold a boundary (abbreviations, initials, quotes). It is by far the
    slowest stage, and this keeps its judgement where it matters.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in (*_SAFE_BOUNDARY.finditer(line), None):
        end = match.start() if match else len(line)
        chunk = line[pos:end]
        if _needs_pysbd(chunk.rstrip()):
            spans.extend((pos + a, pos + b) for a, b in _split_chunk(chunk))
        else:
            stripped_start = len(chunk) - len(chunk.lstrip())
            stripped_end = len(chunk.rstrip())
            if stripped_end > stripped_start:
                spans.append((pos + stripped_start, pos + stripped_end))
        pos = end
    return tuple(spans)


@lru_cache(maxsize=65536)
def _split_chunk(line: str) -> tuple[tuple[int, int], ...]:
    """pysbd's sentences inside a chunk, without outer spaces (cached: stories repeat).

    Only where pysbd starts a sentence is taken from it; each sentence then runs to the next
    start. pysbd's ``char_span`` can overlap and skip characters (on "...... H" it gives
    0-2, 0-4 and 7-8, so 4-6 belonged to no sentence): the result tiles the chunk whatever
    the segmenter returns.
    """
    starts = sorted({0} | {s.start for s in _segmenter.segment(line) if 0 < s.start < len(line)})
    spans = []
    for start, end in zip(starts, [*starts[1:], len(line)], strict=True):
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def _bounded(start: int, end: int, text: str, limit: int) -> Iterable[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``limit`` characters, at spaces."""
    while end - start > limit:
        cut = start + limit
        space = text.rfind(" ", start + limit // 2, cut)
        if space > start:
            cut = space
        # End the piece before a run of spaces, not inside it: pieces have no outer space.
        while cut > start + 1 and text[cut - 1].isspace():
            cut -= 1
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without its outer spaces."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def split_sentences(
    text: str,
    doc: int = 0,
    *,
    extra_phrases: Iterable[str] = (),
    max_chars: int = 1000,
) -> tuple[Sentence, ...]:
    """Split a document into sentences, marking boilerplate lines.

    Args:
        text: the document text as read.
        doc: the document index to put on each sentence.
        extra_phrases: boilerplate phrases from the config.
        max_chars: longest sentence; longer runs are cut at spaces.

    Returns:
        Sentences in order, disjoint, each ``text[s.start:s.end]`` stripped of outer space.
    """
    lines = _lines(text)
    junk = boilerplate_lines([text[s:e] for s, e in lines], extra_phrases)
    spans: list[tuple[int, int, bool]] = []
    for i, (ls, le) in enumerate(lines):
        if i in junk:
            spans.extend((s, e, True) for s, e in _bounded(ls, le, text, max_chars))
            continue
        bullet = _BULLET.match(text, ls, le)
        if bullet and bullet.end() < le:
            ls = bullet.end()
        for cs, ce in _bounded(ls, le, text, _PYSBD_MAX):
            for s, e in _split_line(text[cs:ce]):
                spans.extend((a, b, False) for a, b in _bounded(cs + s, cs + e, text, max_chars))
    return tuple(
        Sentence(doc=doc, index=i, start=s, end=e, boilerplate=b)
        for i, (s, e, b) in enumerate(spans)
    )
