"""alignment.extract: the article and its metadata out of a page, decoded with care."""

from __future__ import annotations

from datetime import date

import pytest

from alignment import DocumentError
from alignment.extract import declared_charset, decode_page, extract_page
from alignment.load import decode
from alignment.safe import MAX_FIELD_CHARS, clean_field

from .fixtures.web import (
    ACCENTED,
    BROKEN,
    COURIER,
    COURIER_PARAGRAPHS,
    GAZETTE,
    JUNK,
    LEDGER,
    SCRIPT_APP,
)


@pytest.mark.parametrize(
    ("page", "headline", "outlet", "author", "published"),
    [
        pytest.param(
            COURIER,
            "Flood closes the old river bridge",
            "Riverside Courier",
            "Dana Whitfield",
            date(2024, 3, 12),
            id="open-graph",
        ),
        pytest.param(
            LEDGER,
            "Bridge shut as Millbrook river floods",
            "Millbrook Ledger",
            "Sam Okafor",
            date(2024, 3, 13),
            id="json-ld",
        ),
        pytest.param(GAZETTE, "River bridge closed by flood", "", "", date(2024, 3, 12), id="time"),
    ],
)
def test_metadata_from_each_place_a_page_keeps_it(page, headline, outlet, author, published):
    found = extract_page(page, url="http://127.0.0.1:8000/x", where="x")
    assert (found.headline, found.outlet, found.published) == (headline, outlet, published)
    if author:
        assert found.author == author
    assert found.url == "http://127.0.0.1:8000/x"


@pytest.mark.parametrize("page", [COURIER, LEDGER, GAZETTE], ids=["courier", "ledger", "gazette"])
def test_the_junk_around_the_article_is_left_out(page):
    text = extract_page(page, where="x").text
    for phrase in JUNK:
        assert phrase not in text
    assert "Millbrook" in text or "river" in text


def test_the_text_keeps_every_paragraph_one_a_line():
    text = extract_page(COURIER, where="x").text
    for paragraph in COURIER_PARAGRAPHS:
        assert paragraph in text.splitlines()


def test_broken_markup_still_gives_the_article():
    text = extract_page(BROKEN, where="broken.html").text
    assert COURIER_PARAGRAPHS[0] in text


def test_a_page_built_by_scripts_is_one_clear_error():
    with pytest.raises(DocumentError, match=r"^app.html: no article text found \("):
        extract_page(SCRIPT_APP, where="app.html")


def test_metadata_is_cleaned_for_the_terminal():
    hostile = COURIER.replace(
        'content="Riverside Courier"', 'content="River\x1b[31mside\u202e Courier\n\tNews"'
    )
    found = extract_page(hostile, where="x")
    assert found.outlet == "River[31mside Courier News"
    assert clean_field("x" * 1000) == "x" * (MAX_FIELD_CHARS - 1) + "…"
    assert clean_field(None) == ""


@pytest.mark.parametrize(
    ("data", "header", "expected"),
    [
        pytest.param(b"\xef\xbb\xbf<html>", None, "utf-8", id="bom"),
        pytest.param(b"<meta charset='windows-1252'>", None, "cp1252", id="meta"),
        pytest.param(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
            None,
            "iso8859-1",
            id="http-equiv",
        ),
        pytest.param(b"<meta charset=utf-8>", "koi8-r", "koi8-r", id="header-first"),
        pytest.param(b"<meta charset=no-such-codec>", None, None, id="unknown"),
        pytest.param(b"<html>", None, None, id="none"),
    ],
)
def test_declared_charset(data, header, expected):
    assert declared_charset(data, header) == expected


def test_a_utf8_page_that_says_latin1_is_read_as_utf8():
    data = ACCENTED.encode("utf-8")
    text, codec, warnings = decode_page(data, header="iso-8859-1", fallback=decode, where="p")
    assert "Café" in text
    assert codec == "utf-8"
    assert warnings == ("p: declares iso8859-1, read as UTF-8",)


def test_a_cp1252_page_that_says_utf8_falls_back():
    data = ACCENTED.encode("cp1252")
    text, codec, warnings = decode_page(data, header="utf-8", fallback=decode, where="p")
    assert "Crème brûlée" in text
    assert codec == "cp1252"
    assert warnings == ("p: declares utf-8, which does not fit; read as cp1252",)


def test_a_page_that_says_nothing_is_decoded_by_the_fallback():
    text, codec, warnings = decode_page(
        ACCENTED.encode("utf-8"), header=None, fallback=decode, where="p"
    )
    assert "Café" in text
    assert codec == "utf-8"
    assert warnings == ()
