"""Which lines of an article are site junk: general rules on line shape plus a phrase list.

Nothing is removed: the engine gets line numbers back, keeps their offsets, shows them dimmed
and never aligns them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# Whole-line phrases (compared case-folded, without trailing punctuation). The config's
# ``boilerplate_phrases`` extends this list.
DEFAULT_PHRASES: tuple[str, ...] = (
    "share",
    "share post",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "exit mobile version",
    "leave a reply",
    "leave a comment",
    "please enter your comment",
    "please enter your name here",
    "you have entered an incorrect email address",
    "subscribe",
    "subscribe now",
    "sign up",
    "newsletter",
    "popular",
    "most popular",
    "more like this",
    "related",
    "related articles",
    "related stories",
    "read more",
    "read also",
    "see also",
    "advertisement",
    "sponsored",
    "published by",
    "useful links for further reading",
    "further reading",
    "tracking",
    "comments",
    "follow us",
    "skip to content",
    "print",
    "email",
    "date",
    "tags",
    "loading",
)
# Substrings that only ever occur in page furniture.
_JUNK_SUBSTRINGS = ("spot_img", "cookie policy", "all rights reserved", "javascript")
_COPYRIGHT = re.compile(r"^\s*(©|\(c\)\s|copyright\b)", re.IGNORECASE)
_BANNER = re.compile(
    r"^\d[\d,]*\s+(days?|hours?|weeks?|months?|years?)\s+(and\s+counting|ago|left)\b", re.I
)
_AGENCY = re.compile(
    r"(?:[.)/|(,\s]|^)\s*(?:photo:?\s*)?(AFP|AP|Reuters|Getty Images|EFE|Europa Press|Xinhua|"
    r"Shutterstock|Bloomberg|EPA|ANSA|DPA|AP Photo|Associated Press)(?: Photo)?\)?\s*$"
)
_DOMAIN = re.compile(r"\b[\w-]+\.(com|org|net|us|uk|es|co|news|info|io|tv)\b", re.I)
_TERMINAL = re.compile(r"[.!?…:;]['\"”’)\]]*\s*$|[\"”’]\s*$")
_WORD = re.compile(r"\w+")
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def fold(text: str) -> str:
    """Case- and accent-folded text with outer punctuation and spaces removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.strip(" \t.:;,!?-–—|•·*\"'“”‘’()[]")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_junk_line(line: str, phrases: frozenset[str]) -> bool:
    """True when one line, on its own, looks like site furniture."""
    folded = fold(line)
    if not folded:
        return True  # only punctuation or bullets
    if folded in phrases:
        return True
    lower = line.casefold()
    if any(s in lower for s in _JUNK_SUBSTRINGS):
        return True
    if _COPYRIGHT.match(line) or _BANNER.match(line.strip()):
        return True
    if is_address(line):
        return True  # the page's address, pasted with its text
    words = _words(line)
    letters = [c for c in line if c.isalpha()]
    if len(words) >= 2 and letters and all(not c.islower() for c in letters) and len(words) <= 20:
        return True  # an all-capitals banner
    if (
        len(words) <= 25
        and _AGENCY.search(line.strip())
        and not _TERMINAL.search(line[:-1] or line)
    ):
        return True  # a photo caption credited to an agency
    if len(words) <= 6 and _DOMAIN.search(line) and not _TERMINAL.search(line):
        return True  # a site name
    if len(words) == 1 and line.strip().islower():
        return True  # a lone lower-case word: a tracker or widget label
    return len(words) <= 3 and line.rstrip().endswith(":") and len(folded) <= 25  # empty label


def is_address(line: str) -> bool:
    """True when a line is only a web address ("https://...", "www....")."""
    return bool(_BARE_URL.match(line.strip()))


def ends_like_sentence(line: str) -> bool:
    """True when a line ends as a sentence or a lead-in does (a stop, a colon, a quote)."""
    return bool(_TERMINAL.search(line))


def boilerplate_lines(lines: Sequence[str], extra_phrases: Iterable[str] = ()) -> set[int]:
    """Indices of the non-empty lines that are boilerplate.

    Args:
        lines: the document's non-empty lines, stripped, in order.
        extra_phrases: more whole-line phrases from the config.

    Returns:
        The indices (into ``lines``) to show dimmed and never align.
    """
    phrases = frozenset(fold(p) for p in (*DEFAULT_PHRASES, *extra_phrases))
    junk = {i for i, line in enumerate(lines) if is_junk_line(line, phrases)}
    # A copyright line ends the article: the title-like lines after it are the site's other
    # headlines.
    for i, line in enumerate(lines):
        if _COPYRIGHT.match(line) or "all rights reserved" in line.casefold():
            junk.update(j for j in range(i + 1, len(lines)) if not ends_like_sentence(lines[j]))
            break
    # A trailing run of two or more title-like lines is a block of links, not the article.
    tail: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if i in junk:
            continue
        if ends_like_sentence(lines[i]):
            break
        tail.append(i)
    kept = len(lines) - len(junk)
    if len(tail) >= 2 and len(tail) * 2 < kept:  # never the bulk of the text
        junk.update(tail)
    return junk
