"""The lexer of figures and time expressions: words, numbers and marks with their offsets.

Only ``numbers.py`` (values of figures) and ``time.py`` (time expressions) read text this
way, inside the few characters the claim layer points them to; everything about sentences,
words, stems and stop words belongs to ``sentences.py``, ``normalize.py`` and the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (for word lists written as one string)."""
    return frozenset(text.split())


_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Za-z]\.){2,})"  # U.S., U.N.
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<punct>[^\w\s])",
    re.UNICODE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark.

    Attributes:
        text: the characters as written.
        start, end: offsets into the text lexed.
        kind: "word", "abbr", "num" or "punct".
        lower: ``text`` lowercased, with curly apostrophes made straight.
        sentence: always 0 (kept for the time parser's bookkeeping).
    """

    text: str
    start: int
    end: int
    kind: str
    lower: str
    sentence: int = 0

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Every word, number and punctuation mark of ``text`` with its offsets."""
    return [
        Token(
            m.group(),
            m.start(),
            m.end(),
            m.lastgroup or "punct",
            m.group().lower().replace("’", "'"),
        )
        for m in _TOKEN.finditer(text)
    ]
