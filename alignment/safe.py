"""Text from input made safe to show: the one owner of display neutralising.

Articles, file names and ``sources.yaml`` come from the web. Shown raw, a control character
can retitle the terminal, write its clipboard (OSC 52) or clear the screen, a bidi override
can reorder what a reader sees, and a zero-width character can hide a difference between two
names. ``printable`` maps each such character to one visible placeholder, one character for
one, so ``len()`` and every offset into the text stay exact; ``markdown`` escapes a value for
the Markdown report; ``clean_field`` keeps a metadata field (an outlet, a headline) one
plain line when it is loaded. Exports of data (CSV, JSON) keep the raw text: they are
faithful.
"""

from __future__ import annotations

import re
import unicodedata

# Control pictures for C0 and DEL (U+2400 + code, U+2421): they say which control it was.
# Everything else that must not reach a terminal raw becomes the replacement character.
PLACEHOLDER = "\ufffd"
_C0 = {chr(c): chr(0x2400 + c) for c in range(0x20)}
_OTHER = (
    "\x7f"  # DEL
    + "".join(chr(c) for c in range(0x80, 0xA0))  # C1 controls (U+009B is a one-byte CSI)
    + "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    + "".join(chr(c) for c in range(0x202A, 0x202F))  # bidi embeddings and overrides
    + "".join(chr(c) for c in range(0x2066, 0x206A))  # bidi isolates
    + "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, non-joiner, joiner, word joiner, BOM
    + "\u2028\u2029"  # line and paragraph separators: line breaks to some terminals
)
_TABLE: dict[str, str] = {**_C0, **dict.fromkeys(_OTHER, PLACEHOLDER), "\x7f": "\u2421"}
# Lone surrogates (undecodable file names) and tag characters (invisible text) too.
_UNSAFE_CLASS = "".join(re.escape(c) for c in _TABLE) + "\ud800-\udfff" + "\U000e0000-\U000e007f"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
# Characters no person can see: a text made only of them (and white space) is empty.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c"
# Characters that Markdown (CommonMark, GitHub, Slack, Mattermost) would read as markup; an
# underscore inside a word (file stems such as 000_ab12) is left alone, as CommonMark does.
_MARKUP = re.compile(r"([\\`*\[\]<>|~#!]|(?<!\w)_|_(?!\w))")
_SPACE = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")
# Mentions that notify people when a report is pasted into a chat (@channel, @here, @user).
_MENTION = re.compile(r"(?<![\w`])@(?=\w)")
# A field of metadata longer than this is cut (a headline is rarely 200 characters).
MAX_FIELD_CHARS = 300


def clean_field(value: object) -> str:
    """A metadata value (outlet, headline, author, address) as one plain line: white space
    runs become one space, control and format characters (bidi marks, zero-width ones) go,
    and it is cut at ``MAX_FIELD_CHARS``; "" for anything that is not text. Unlike
    ``printable`` this changes the value: a field has no offsets to keep."""
    if not isinstance(value, str):
        return ""
    kept = "".join(
        " " if ch.isspace() else ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cf")
    )
    line = " ".join(_UNSAFE.sub("", kept).split())
    return line if len(line) <= MAX_FIELD_CHARS else line[: MAX_FIELD_CHARS - 1] + "…"


def _picture(match: re.Match[str]) -> str:
    return _TABLE.get(match.group(), PLACEHOLDER)


def printable(text: str, *, keep: str = "\n\t") -> str:
    """``text`` with every character unsafe for a terminal replaced by one visible character.

    C0 controls become their control pictures (ESC shows as ␛, so an injected escape
    sequence is visible as text), DEL shows as ␡; C1 controls, bidi marks, embeddings,
    overrides and isolates, zero-width characters, line and paragraph separators, tag
    characters and lone surrogates become U+FFFD. One character is replaced by one, so the
    result has the same length and offsets into ``text`` index it too.

    Args:
        text: text from input (an article, a file name, a field of ``sources.yaml``).
        keep: the controls that layout needs and are left as they are (line ends and tabs in
            a pane; pass ``""`` for a one-line value such as a title or a file name). A
            carriage return right before a kept line feed (a CRLF line end) becomes a space.

    Returns:
        The text, safe to print, of the same length.
    """
    if _UNSAFE.search(text) is None:
        return text
    crlf = "\n" in keep and "\r" not in keep and "\r\n" in text
    if crlf:
        text = text.replace("\r\n", " \n")
    if not keep:
        return _UNSAFE.sub(_picture, text)
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _picture(m), text)


def one_line(text: str) -> str:
    """A value shown on one line (a title, a file name, a toast's name): no control kept."""
    return printable(text, keep="")


def markdown(text: str, *, edges: bool = False) -> str:
    """A value from input made inert for the Markdown report: one line, no markup, no pings.

    Runs of white space become one space (a line break in a file name can no longer start
    a heading), the remaining controls are neutralised (``one_line``), characters Markdown
    would read as markup are escaped with a backslash, and so is ``@`` before a word
    (``\\@channel`` renders as ``@channel`` and notifies no one). Bare web addresses are left
    as they are: they are the text.

    Args:
        text: an outlet, headline, path, warning, reason or passage.
        edges: keep a space at either end (for pieces of a longer line) instead of trimming.

    Returns:
        Text that renders as itself in CommonMark and chat dialects.
    """
    flat = _SPACE.sub(" ", text)
    flat = one_line(flat if edges else flat.strip())
    return _MENTION.sub(r"\\@", _MARKUP.sub(r"\\\1", flat))


def markdown_code(text: str) -> str:
    """A value from input as a Markdown code span (source ids): shown as typed, inert.

    Nothing inside a code span is markup, so only its fence matters: it is one backtick
    longer than any run of backticks in the text (CommonMark), padded when the text starts
    or ends with one.
    """
    flat = one_line(" ".join(text.split())) or " "
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(flat)), default=0) + 1)
    pad = " " if flat[0] == "`" or flat[-1] == "`" else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing a person can read: white space and invisible marks."""
    rest = text.strip()
    while rest and (rest[0] in INVISIBLE or rest[-1] in INVISIBLE):
        rest = rest.strip(INVISIBLE).strip()
    return not rest
