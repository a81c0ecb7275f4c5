"""Issue 19: web addresses and saved pages through alignment.load, beside text files."""

from __future__ import annotations

from datetime import date

import pytest

import alignment.extract
from alignment import DocumentError, align, load_documents
from alignment.save import save_story
from alignment.web import PageCache

from .fixtures.flood import STORY_A, STORY_B
from .fixtures.web import BROKEN, COURIER, COURIER_PARAGRAPHS, GAZETTE, JUNK, LEDGER

PAGES = ("/courier/flood", "/ledger/flood", "/gazette/flood")


def load(*paths, cache=None, **options):
    return load_documents(list(map(str, paths)), page_cache=cache, fetch_timeout=5, **options)


def test_addresses_become_documents_with_their_metadata(web_site):
    loaded = load(*(web_site.url(p) for p in PAGES))
    assert loaded.warnings == ()
    courier, ledger, gazette = loaded.documents
    assert [d.id for d in loaded.documents] == ["127.0.0.1", "127.0.0.1~2", "127.0.0.1~3"]
    assert (courier.outlet, courier.headline, courier.author, courier.published) == (
        "Riverside Courier",
        "Flood closes the old river bridge",
        "Dana Whitfield",
        date(2024, 3, 12),
    )
    assert (ledger.outlet, ledger.published) == ("Millbrook Ledger", date(2024, 3, 13))
    assert (gazette.outlet, gazette.published) == ("", date(2024, 3, 12))  # no site name
    assert courier.url == courier.path == web_site.url(PAGES[0])
    assert loaded.pages == tuple(p.encode("utf-8") for p in (COURIER, LEDGER, GAZETTE))
    for paragraph in COURIER_PARAGRAPHS:
        assert paragraph in courier.text


def test_the_junk_never_reaches_a_passage(web_site):
    loaded = load(*(web_site.url(p) for p in PAGES))
    result = align(loaded.documents)
    assert result.groups, "the three reports share facts"
    for passage in result.passages:
        for phrase in JUNK:
            assert phrase not in result.text(passage)


def test_addresses_pages_and_text_files_mix_in_order(web_site, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(STORY_A, encoding="utf-8")
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "ledger.html").write_text(LEDGER, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B, encoding="utf-8")
    loaded = load(web_site.url(PAGES[0]), notes, folder)
    assert [d.id for d in loaded.documents] == ["127.0.0.1", "notes", "b", "ledger"]
    ledger = loaded.documents[3]
    assert (ledger.outlet, ledger.published, ledger.url) == (
        "Millbrook Ledger",
        date(2024, 3, 13),
        "",
    )
    assert loaded.pages[1] is None
    assert loaded.pages[2] is None
    assert loaded.pages[3] == LEDGER.encode("utf-8")


def test_failed_addresses_are_warnings_and_the_rest_load(web_site):
    addresses = [web_site.url(p) for p in ("/courier/flood", "/missing", "/app", "/report.pdf")]
    loaded = load(*addresses, web_site.url(PAGES[1]))
    assert len(loaded.documents) == 2
    assert loaded.warnings == (
        f"{addresses[1]}: the server answered 404 Not Found",
        f"{addresses[2]}: no article text found (a page built by scripts, or not an article)",
        f"{addresses[3]}: not a web page (application/pdf)",
    )


def test_the_same_address_or_page_twice_is_read_once(web_site, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(GAZETTE, encoding="utf-8")
    address = web_site.url(PAGES[0])
    loaded = load(address, address + "#comments", web_site.url("/moved"), page, page)
    assert len(loaded.documents) == 2
    assert loaded.warnings == (
        f"{address}#comments: given more than once, read once",
        f"{web_site.url('/moved')}: the same page as {address}, read once",
        f"{page}: given more than once, read once",
    )


def test_broken_markup_and_charsets_of_saved_pages(tmp_path):
    (tmp_path / "broken.html").write_text(BROKEN, encoding="utf-8")
    # declares utf-8 in a <meta>, but the bytes are cp1252
    (tmp_path / "cafe.htm").write_bytes(
        GAZETTE.replace("Flood water", "Café flood water").encode("cp1252")
    )
    loaded = load(tmp_path)
    assert [d.id for d in loaded.documents] == ["broken", "cafe"]
    assert COURIER_PARAGRAPHS[0] in loaded.documents[0].text
    assert "Café flood water" in loaded.documents[1].text
    assert loaded.documents[1].encoding == "cp1252"
    assert loaded.warnings == (
        f"{tmp_path / 'cafe.htm'}: declares utf-8, which does not fit; read as cp1252",
    )


def test_a_saved_page_without_article_is_skipped_in_a_folder_and_an_error_alone(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    app = tmp_path / "app.html"
    app.write_text("<html><body><div id=root></div><script>x()</script></body></html>")
    loaded = load(tmp_path)
    assert [d.id for d in loaded.documents] == ["a"]
    assert loaded.warnings == (
        f"{app}: skipped, no article text found (a page built by scripts, or not an article)",
    )
    with pytest.raises(DocumentError, match="no article text found"):
        load(app)


def test_a_saved_story_folder_reads_its_text_not_its_pages(web_site, tmp_path):
    loaded = load(*(web_site.url(p) for p in PAGES))
    folder, warnings = save_story(tmp_path / "story", loaded.documents, loaded.pages)
    assert warnings == ()
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "127.0.0.1.html",
        "127.0.0.1.txt",
        "127.0.0.1~2.html",
        "127.0.0.1~2.txt",
        "127.0.0.1~3.html",
        "127.0.0.1~3.txt",
        "sources.yaml",
    ]
    again = load(folder)
    assert again.warnings == ()
    for first, second in zip(loaded.documents, again.documents, strict=True):
        assert (second.id, second.text, second.outlet, second.headline) == (
            first.id,
            first.text,
            first.outlet,
            first.headline,
        )
        assert (second.author, second.published, second.url) == (
            first.author,
            first.published,
            first.url,
        )
    assert (folder / "127.0.0.1.txt").read_text(encoding="utf-8") == loaded.documents[0].text


def test_sources_yaml_gives_dates_order_and_overrides_page_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY_B, encoding="utf-8")
    (tmp_path / "c.html").write_text(COURIER, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "c.html:\n  outlet: The Courier (print)\n"
        "b.txt:\n  date: 2024-03-11\n  author: Kim\n"
        "a.txt:\n  date: 'the 12th'\n  url: https://a.example/story\n",
        encoding="utf-8",
    )
    loaded = load(tmp_path)
    # the files sources.yaml names come in its order
    assert [d.id for d in loaded.documents] == ["c", "b", "a"]
    c, b, a = loaded.documents
    assert (c.outlet, c.published, c.author) == (
        "The Courier (print)",
        date(2024, 3, 12),
        "Dana Whitfield",
    )
    assert (b.published, b.author) == (date(2024, 3, 11), "Kim")
    assert (a.published, a.url) == (None, "https://a.example/story")
    assert loaded.warnings == (
        f"{tmp_path / 'sources.yaml'}: a.txt: date 'the 12th' is not a date (YYYY-MM-DD), ignored",
    )


def test_the_cache_spares_the_second_load_and_refresh_fetches_again(web_site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    addresses = [web_site.url(p) for p in PAGES]
    first = load(*addresses, cache=cache)
    count = len(web_site.requests)
    second = load(*addresses, cache=cache)
    assert len(web_site.requests) == count
    assert second.documents == first.documents
    load(*addresses, cache=cache, refresh=True)
    assert len(web_site.requests) == count + 3


def test_progress_is_reported_while_fetching(web_site):
    seen: list[tuple[int, int]] = []
    load(*(web_site.url(p) for p in PAGES), progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 3)
    assert seen[-1] == (3, 3)


def test_without_the_web_extra_one_line_says_how_to_get_it(monkeypatch, tmp_path, web_site):
    monkeypatch.setattr(alignment.extract, "available", lambda: False)
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    assert len(load(tmp_path).documents) == 1  # text files need no extra
    with pytest.raises(DocumentError) as caught:
        load(tmp_path, web_site.url(PAGES[0]))
    assert caught.value.message == (
        f"{web_site.url(PAGES[0])}: reading web pages needs the web extra "
        "(pip install 'parallax-reader[web]')"
    )
