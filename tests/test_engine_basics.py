"""The engine's contracts: offsets slice exactly, every sentence is accounted for, no Textual."""

from __future__ import annotations

import subprocess
import sys

from alignment import AlignConfig, Document, align


def test_engine_imports_no_textual():
    code = (
        "import alignment, alignment.export, sys; "
        "sys.exit(1 if any(m.startswith('textual') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_passages_cover_every_sentence_once(seed_alignment):
    for d, sentences in enumerate(seed_alignment.sentences):
        owners = [p for p in seed_alignment.passages if p.doc == d]
        covered = [i for p in owners for i in range(p.first, p.last + 1)]
        assert covered == list(range(len(sentences)))


def test_pair_offsets_slice_to_text(seed_alignment):
    assert seed_alignment.pairs, "the seeds tell shared facts: there must be links"
    for pair in seed_alignment.pairs:
        a, b = seed_alignment.passages[pair.a], seed_alignment.passages[pair.b]
        assert a.doc != b.doc
        # a passage telling two facts may sit in both groups: the pair's holds both
        assert {a.id, b.id} <= set(seed_alignment.groups[pair.group].passages)
        assert pair.group in (a.group, b.group) or pair.group in seed_alignment.groups_of(a.id)
        assert 0.0 <= pair.similarity <= 1.0
        assert seed_alignment.text(a) == seed_alignment.documents[a.doc].text[a.start : a.end]


def test_identical_documents_align_fully():
    text = (
        "The council approved the new budget on Monday. "
        "Spending on schools rises by 12 percent next year. "
        "Opposition members walked out before the vote."
    )
    result = align([Document(id="a", text=text), Document(id="b", text=text)])
    assert all(p.group is not None for p in result.passages)
    assert all(g.status == "agree" for g in result.groups)


def test_disjoint_documents_have_no_links():
    a = Document(id="a", text="The river flooded three villages after heavy rain in the north.")
    b = Document(
        id="b", text="A new smartphone model sold out within hours of its launch in Tokyo."
    )
    result = align([a, b])
    assert result.pairs == ()
    assert all(p.group is None for p in result.passages)


def test_config_word_lists_reach_the_conflict_rules():
    a = Document(id="a", text="The city council nary approved the new school budget on Monday.")
    b = Document(id="b", text="The city council approved the new school budget on Monday.")
    plain = align([a, b])
    extended = align([a, b], AlignConfig(negation_words=("nary",)))
    assert plain.pairs, "the two sentences tell the same fact"
    assert not plain.pairs[0].conflicts
    assert extended.pairs[0].contradiction == "negation"


def test_reasons_name_sources_by_short_id():
    a = Document(id="010_abc", text="Officials said 40 people were arrested during the march.")
    b = Document(id="011_def", text="Officials said 90 people were arrested during the march.")
    result = align([a, b])
    assert result.pairs[0].contradiction == "number"
    assert "010 says" in result.pairs[0].reason
    assert "011 says" in result.pairs[0].reason


def _echo_story() -> list[Document]:
    # Sources 0 and 2 tell one fact in words they do not share; sources 1 and 3 tell it in
    # both sets of words, so the only evidence that 0 and 2 agree is that 1 and 3 echo both.
    first = "Harbour cranes stopped loading container ships overnight."
    second = "Dockworkers walked off their shifts demanding higher wages."
    both = f"{first[:-1]} as {second[0].lower()}{second[1:]}"
    filler = "Unrelated weather forecasts promise sunshine across northern valleys."
    return [
        Document(id="a", text=f"{first} {filler}"),
        Document(id="b", text=both),
        Document(id="c", text=second),
        Document(id="d", text=both),
    ]


def _linked(alignment, doc_a: int, doc_b: int) -> bool:
    return any(
        {alignment.passages[p.a].doc, alignment.passages[p.b].doc} == {doc_a, doc_b}
        for p in alignment.pairs
    )


def test_passages_echoed_by_the_same_sources_are_linked():
    docs = _echo_story()
    assert not _linked(align(docs, AlignConfig(neighbour_weight=0.0)), 0, 2)
    echoed = align(docs, AlignConfig(neighbour_weight=0.6))
    assert _linked(echoed, 0, 2)
    # the filler sentence is echoed by nobody and stays unique to its source
    filler = [p for p in echoed.passages if p.doc == 0 and p.first == 1]
    assert filler
    assert filler[0].group is None


def test_neighbour_evidence_never_lowers_a_score():
    docs = _echo_story()
    plain = align(docs, AlignConfig(neighbour_weight=0.0))
    echoed = align(docs, AlignConfig(neighbour_weight=0.6))
    before = {(p.a, p.b): p.similarity for p in plain.pairs}
    after = {(p.a, p.b): p.similarity for p in echoed.pairs}
    assert before
    assert all(after.get(k, 0.0) >= v for k, v in before.items())


def test_page_addresses_are_shown_dimmed_and_never_linked():
    body = "The council approved the new budget on Monday. Spending on schools rises next year."
    docs = [
        Document(id=f"s{i}", text=f"https://news{i}.example.com/2024/05/06/council-budget\n{body}")
        for i in range(3)
    ]
    result = align(docs)
    addresses = [p for p in result.passages if result.text(p).startswith("https://")]
    assert len(addresses) == 3
    assert all(p.boilerplate and p.group is None for p in addresses)
    assert result.pairs  # the articles themselves still align
