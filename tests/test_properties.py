"""Property-based tests (issue 6): for any text in any number of documents, the engine holds.

The documents mix sentences from a small vocabulary (so that sources share facts), arbitrary
unicode, empty and blank lines, list items, punctuation-only lines and very long words; hypothesis
shrinks any failure to a minimal input. Example counts are modest so that the file stays fast.
"""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alignment import AlignConfig, Alignment, Document, align
from alignment.export import CSV_COLUMNS, CSV_HEADER, csv_rows, csv_text, neutralise, write_atomic

# Lexical only, whatever extra is installed: the properties are about the structure.
CONFIG = AlignConfig(semantic="off")
SETTINGS = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = [
    "flood", "river", "Millbrook", "mayor", "Ortiz", "said", "residents", "shelters", "opened",
    "rain", "Tuesday", "school", "bridge", "closed", "police", "not", "never", "1,200", "4",
    "€4 million", "café", "naïve", "東京", "🙂", "U.S.", "Dr.", "e.g.", "at least", "about",
]  # fmt: skip
# Words that carry no fact alone, or abbreviations that may end a sentence.
NOT_CONTENT = {"said", "not", "never", "at least", "about", "🙂", "U.S.", "Dr.", "e.g."}
ENDS = ["", ".", "!", "?", "…", '."', ".”", ";", ":", " —"]
SPACES = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\u00a0", "\u2028", "\u3000", "\n \n"]
MARKERS = ["", "", "", "• ", "- ", "* ", "1. ", "> "]
PUNCTUATION = st.text(alphabet=".,;:!?-—–…\"'“”()[]*•#=+@", min_size=1, max_size=12)

sentence = st.builds(
    lambda marker, words, end: marker + " ".join(words) + end,
    st.sampled_from(MARKERS),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
    st.sampled_from(ENDS),
)
chunk = st.one_of(
    sentence,
    sentence,
    sentence,
    st.text(max_size=30),
    PUNCTUATION,
    st.integers(min_value=1, max_value=2500).map(lambda n: "w" * n),
)
document_text = st.builds(
    lambda parts: "".join(c + s for c, s in parts),
    st.lists(st.tuples(chunk, st.sampled_from(SPACES)), max_size=10),
)
IDS = ["a", "=cmd", "+44", "-minus", "@at", "\tTab", "b c", "é"]


@st.composite
def stories(draw: st.DrawFn, min_docs: int = 0, max_docs: int = 4) -> list[Document]:
    texts = draw(st.lists(document_text, min_size=min_docs, max_size=max_docs))
    return [Document(id=IDS[i], text=t) for i, t in enumerate(texts)]


def align_story(docs: list[Document]) -> Alignment:
    return align(docs, CONFIG)


# --- structure ------------------------------------------------------------------------------------


def check_sentences(model: Alignment) -> None:
    """Sentences: exact, stripped, in order, disjoint, and covering the non-space text."""
    for d, (doc, sentences) in enumerate(zip(model.documents, model.sentences, strict=True)):
        text = doc.text
        for i, s in enumerate(sentences):
            assert (s.doc, s.index) == (d, i)
            assert 0 <= s.start < s.end <= len(text)
            piece = model.text(s)
            assert piece == text[s.start : s.end]
            assert piece == piece.strip(), "no outer space"
            assert len(piece) <= CONFIG.max_passage_chars
        for a, b in itertools.pairwise(sentences):
            assert a.end <= b.start, "in order, without overlap"
        covered = bytearray(len(text))
        for s in sentences:
            covered[s.start : s.end] = b"\x01" * (s.end - s.start)
        missing = [i for i, c in enumerate(text) if not c.isspace() and not covered[i]]
        assert all(_is_list_marker(text, i) for i in missing), [text[i] for i in missing]


def _is_list_marker(text: str, i: int) -> bool:
    """A bullet sign or a dash or star then a space, first on its line: kept out of sentences."""
    line_start = max(text.rfind(sep, 0, i) + 1 for sep in "\n\r\u2028\x0b\x0c\x1c\x1d\x1e\x85")
    before = text[line_start:i]
    if before.strip():
        return False
    if text[i] in "•·▪◦●■‣":
        return True
    return text[i] in "-–—*" and i + 1 < len(text) and text[i + 1].isspace()


def check_passages_and_groups(model: Alignment) -> None:
    """Each sentence in exactly one passage; each grouped passage in its home group (and
    maybe in others: a passage telling two facts); each link inside its group."""
    for d, sentences in enumerate(model.sentences):
        own = [p for p in model.passages if p.doc == d]
        assert [i for p in own for i in range(p.first, p.last + 1)] == list(range(len(sentences)))
        for p in own:
            assert p.last - p.first < CONFIG.max_passage_sentences
            assert (p.start, p.end) == (sentences[p.first].start, sentences[p.last].end)
            assert model.text(p) == model.documents[d].text[p.start : p.end]
            assert all(model.sentence_passages[d][i] == p.id for i in range(p.first, p.last + 1))
    assert [p.id for p in model.passages] == list(range(len(model.passages)))
    member_of: dict[int, set[int]] = {}
    for g, group in enumerate(model.groups):
        assert group.id == g
        assert len(group.passages) >= 2
        assert list(group.passages) == sorted(set(group.passages))
        for p in group.passages:
            member_of.setdefault(p, set()).add(g)
        assert len({model.passages[p].doc for p in group.passages}) >= 2, "two sources or more"
        for k in group.pairs:
            assert model.pairs[k].group == g
    for p in model.passages:
        if p.group is None:
            assert p.id not in member_of, "a passage in a group has a home group"
        else:
            assert p.group in member_of[p.id]
            assert model.groups_of(p.id)[0] == p.group
    for pair in model.pairs:
        a, b = model.passages[pair.a], model.passages[pair.b]
        assert a.doc < b.doc
        assert pair.group in member_of[a.id] & member_of[b.id]
        assert 0.0 <= pair.similarity <= 1.0
        for conflict in pair.conflicts:
            for span in conflict.spans:
                assert 0 <= span.start <= span.end <= len(model.documents[span.doc].text)


@SETTINGS
@given(stories())
@example([Document(id="a", text="")])
@example([Document(id="a", text="w" * 600 + "  " + "w" * 600)])  # found by this test
@example(
    [
        Document(id="a", text="• Flood waters rose.\n- Mayor Ortiz said so."),
        Document(id="b", text="w" * 2500),
    ]
)
def test_any_story_gives_a_sound_alignment(docs: list[Document]):
    model = align_story(docs)
    assert model.documents == tuple(docs)
    check_sentences(model)
    check_passages_and_groups(model)


@SETTINGS
@given(stories(min_docs=1, max_docs=3))
def test_same_input_same_output(docs: list[Document]):
    assert align_story(docs) == align_story(list(docs))


@st.composite
def distinct_sentences(draw: st.DrawFn) -> list[str]:
    """Sentences that share no word: in a copy, each can only match its own twin."""
    words = draw(st.permutations([w for w in WORDS if w not in NOT_CONTENT]))
    sizes = draw(st.lists(st.integers(min_value=4, max_value=7), min_size=1, max_size=4))
    out, used = [], 0
    for size in sizes:
        if used + size > len(words):
            break
        out.append(" ".join(words[used : used + size]) + draw(st.sampled_from(ENDS)))
        used += size
    return out


@SETTINGS
@given(distinct_sentences(), st.sampled_from(SPACES))
def test_identical_documents_agree(sentences: list[str], space: str):
    text = space.join(sentences)
    model = align_story([Document(id="a", text=text), Document(id="b", text=text)])
    assert model.groups, "the copies tell the same facts"
    assert all(not pair.conflicts for pair in model.pairs)
    assert all(group.status == "agree" for group in model.groups)
    for group in model.groups:
        spans = sorted(
            (model.passages[p].doc, model.passages[p].start, model.passages[p].end)
            for p in group.passages
        )
        assert [s[1:] for s in spans if s[0] == 0] == [s[1:] for s in spans if s[0] == 1]


# --- export round trip ---------------------------------------------------------------------------


def undo(cell: str, exact: str) -> str:
    """The text a neutralised cell stands for, recovered with the offsets."""
    if cell != exact:
        assert cell == "'" + exact, (cell, exact)
        assert exact.startswith(("=", "+", "-", "@", "\t", "\r"))
    return exact


@SETTINGS
@given(docs=stories(min_docs=2, max_docs=4))
def test_export_reads_back_the_same_rows(
    docs: list[Document], tmp_path_factory: pytest.TempPathFactory
):
    model = align_story(docs)
    text = csv_text(model)
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0][: len(CSV_COLUMNS)]) == CSV_COLUMNS
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1:] == list(csv_rows(model))
    assert len(rows) - 1 == len(model.pairs)
    ids = {neutralise(d.id): d for d in model.documents}
    for row, pair in zip(rows[1:], model.pairs, strict=True):
        record = dict(zip(CSV_HEADER, row, strict=True))
        for side, passage in (("a", model.passages[pair.a]), ("b", model.passages[pair.b])):
            doc = ids[record[f"source_{side}"]]
            assert doc is model.documents[passage.doc]
            start, end = int(record[f"start_{side}"]), int(record[f"end_{side}"])
            assert (start, end) == (passage.start, passage.end)
            assert undo(record[f"text_{side}"], doc.text[start:end]) == model.text(passage)
        assert float(record["similarity"]) == pytest.approx(pair.similarity, abs=1e-4)
        assert record["contradiction"] == pair.contradiction
        assert undo(record["reason"], pair.reason) == pair.reason
    # The same bytes through a file.
    target = tmp_path_factory.mktemp("export") / "pairs.csv"
    write_atomic(target, text)
    with open(target, encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == rows
    assert Path(target).read_bytes() == text.encode("utf-8")
