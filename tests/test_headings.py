"""Section headings tell no fact: they are shown but never linked (issue 16)."""

from __future__ import annotations

from alignment import AlignConfig, Document, align

_A = (
    "Floods force thousands from their homes in northern Italy\n"
    "Heavy rain swelled the Po river on Sunday and forced 3,000 residents to leave their homes.\n"
    "Rescue Efforts and Flood Defences\n"
    "Firefighters rescued 40 people from rooftops near Ferrara, the regional civil protection "
    "agency said.\n"
)
_B = (
    "Thousands flee as the Po river floods in Italy\n"
    "Some 3,000 residents left their homes on Sunday after heavy rain swelled the Po river.\n"
    "Firefighters pulled 40 people from rooftops near Ferrara, the civil protection agency "
    "said.\n"
    "Flood Defences and Rescue Efforts Along the Po\n"
    "Engineers raised the river banks with sandbags overnight.\n"
)


def _linked_texts(docs: list[Document]) -> set[str]:
    result = align(docs, AlignConfig(semantic="off"))
    texts: set[str] = set()
    for pair in result.pairs:
        texts.add(result.text(result.passages[pair.a]).strip())
        texts.add(result.text(result.passages[pair.b]).strip())
    return texts


def test_a_section_heading_links_to_nothing_and_its_facts_still_link():
    linked = _linked_texts([Document("a", _A), Document("b", _B)])
    assert "Rescue Efforts and Flood Defences" not in linked
    assert "Flood Defences and Rescue Efforts Along the Po" not in linked
    assert any(t.startswith("Firefighters rescued 40 people") for t in linked)


def test_the_same_words_as_a_sentence_with_a_verb_still_link():
    # a line that states something (a verb, an end stop) is a fact, wherever it stands
    a = _A.replace("Rescue Efforts and Flood Defences", "Rescuers reinforced the flood defences.")
    b = _B.replace(
        "Flood Defences and Rescue Efforts Along the Po",
        "Rescuers reinforced the flood defences along the Po.",
    )
    linked = _linked_texts([Document("a", a), Document("b", b)])
    assert "Rescuers reinforced the flood defences." in linked


def test_a_headline_without_a_verb_still_links():
    # an article's first line is its headline: it states the story's main fact
    a = "Po River Floods: 3,000 Residents Out of Their Homes in Northern Italy\n" + _A
    b = "Northern Italy Floods: 3,000 Residents Out of Their Homes Along the Po\n" + _B
    linked = _linked_texts([Document("a", a), Document("b", b)])
    assert "Po River Floods: 3,000 Residents Out of Their Homes in Northern Italy" in linked


async def test_the_reader_shows_a_heading_as_its_source_s_own(monkeypatch):
    # what a user sees: searching the heading lands on it, lit as told by its source alone
    import tui.app as app_module
    from alignment import Loaded
    from tui.app import ParallaxApp
    from tui.widgets import DetailPanel

    result = align([Document("a", _A), Document("b", _B)], AlignConfig(semantic="off"))
    monkeypatch.setattr(
        app_module, "load_documents", lambda paths, **_: Loaded(result.documents, ())
    )
    monkeypatch.setattr(app_module, "align", lambda documents, config=None, **_: result)
    app = ParallaxApp(paths=[], config=AlignConfig(semantic="off"), verdicts_path=None)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            if app.reader.state != "loading":
                break
            await pilot.pause(0.01)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *"Rescue Efforts and", "enter")
        await pilot.pause()
        detail = app.reader.query_one(DetailPanel).text
        assert "Only a reports this" in detail
        assert "Rescue Efforts and Flood Defences" in detail
