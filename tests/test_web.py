"""alignment.web: polite, bounded fetching from a local test site, and the page cache."""

from __future__ import annotations

import pytest

from alignment.web import (
    MAX_PARALLEL,
    FetchError,
    PageCache,
    fetch,
    fetch_all,
    is_address,
    normal_address,
    user_agent,
)

from .fixtures.web import COURIER, GAZETTE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://a.example/story", True),
        ("HTTP://A.EXAMPLE", True),
        ("ftp://a.example/x", False),
        ("a.example/story", False),
        ("notes.txt", False),
    ],
)
def test_is_address(text, expected):
    assert is_address(text) is expected


def test_normal_address_drops_the_fragment_and_lowers_the_host():
    assert normal_address("HTTPS://A.Example/Story?x=1#comments") == "https://a.example/Story?x=1"
    assert normal_address("http://a.example") == "http://a.example/"


def test_fetch_reads_a_page_and_names_itself(web_site):
    page = fetch(web_site.url("/courier/flood"), timeout=5)
    assert page.body == COURIER.encode("utf-8")
    assert page.charset == "utf-8"
    assert page.url == web_site.url("/courier/flood")
    sent = dict(web_site.requests)
    assert sent["/courier/flood"] == user_agent()
    assert user_agent().startswith("Parallax/")
    assert user_agent().endswith(" (+reader)")


def test_a_redirect_is_followed(web_site):
    page = fetch(web_site.url("/moved"), timeout=5)
    assert page.url == web_site.url("/courier/flood")
    assert page.address == web_site.url("/moved")


def test_gzip_sent_anyway_is_unpacked(web_site):
    assert fetch(web_site.url("/gzip"), timeout=5).body == GAZETTE.encode("utf-8")


@pytest.mark.parametrize(
    ("path", "why"),
    [
        pytest.param("/missing", "the server answered 404 Not Found", id="404"),
        pytest.param("/broken-server", "the server answered 500 Internal Server Error", id="500"),
        pytest.param("/loop-a", "redirects in a loop", id="redirect-loop"),
        pytest.param("/hop/0", "more than 5 redirects", id="too-many-redirects"),
        pytest.param("/report.pdf", "not a web page (application/pdf)", id="pdf"),
        pytest.param("/photo.png", "not a web page (image/png)", id="image"),
        pytest.param("/huge", "page too large (7.2 MB, the limit is 5.0 MB)", id="huge"),
        pytest.param("/huge-stream", "page too large (over 5.0 MB)", id="huge-no-length"),
    ],
)
def test_each_failure_is_one_line_naming_the_address(web_site, path, why):
    address = web_site.url(path)
    with pytest.raises(FetchError) as caught:
        fetch(address, timeout=5)
    assert caught.value.message == f"{address}: {why}"


def test_a_slow_page_times_out(web_site):
    with pytest.raises(FetchError, match=r"/slow: no answer within 0.3 s$"):
        fetch(web_site.url("/slow"), timeout=0.3)


def test_an_address_that_does_not_answer():
    # Port 9 (discard) on 127.0.0.1: nothing listens there on a test machine.
    with pytest.raises(FetchError, match=r"^http://127.0.0.1:9/x: does not answer \("):
        fetch("http://127.0.0.1:9/x", timeout=2)


def test_fetch_all_keeps_the_order_and_reports_failures_in_place(web_site):
    addresses = [web_site.url(p) for p in ("/gazette/flood", "/missing", "/courier/flood")]
    seen: list[tuple[int, int]] = []
    results = fetch_all(addresses, timeout=5, progress=lambda d, t: seen.append((d, t)))
    assert [type(r).__name__ for r in results] == ["Fetched", "FetchError", "Fetched"]
    assert results[0].body == GAZETTE.encode("utf-8")
    assert seen[0] == (0, 3)
    assert seen[-1] == (3, 3)


def test_fetch_all_fetches_at_most_four_at_once(web_site):
    web_site.active_max = 0
    addresses = [web_site.url(f"/slowish/{k}") for k in range(8)]
    results = fetch_all(addresses, timeout=10)
    assert all(not isinstance(r, FetchError) for r in results)
    assert 2 <= web_site.active_max <= MAX_PARALLEL == 4


def test_the_cache_spares_the_second_fetch(web_site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    address = web_site.url("/ledger/flood")
    first = fetch_all([address], timeout=5, cache=cache)[0]
    count = len(web_site.requests)
    second = fetch_all([address + "#comments"], timeout=5, cache=cache)[0]
    assert len(web_site.requests) == count  # nothing fetched
    assert second.cached
    assert not first.cached
    assert second.body == first.body
    assert second.charset == first.charset
    fetch_all([address], timeout=5, cache=cache, refresh=True)
    assert len(web_site.requests) == count + 1


def test_the_cache_is_bounded_and_ignores_damage(web_site, tmp_path):
    cache = PageCache(tmp_path / "pages", max_pages=2)
    paths = ("/courier/flood", "/ledger/flood", "/gazette/flood")
    for path in paths:
        fetch_all([web_site.url(path)], timeout=5, cache=cache)
    assert len(list((tmp_path / "pages").glob("*.json"))) == 2
    assert len(list((tmp_path / "pages").glob("*.html"))) == 2
    kept = web_site.url(paths[-1])
    assert cache.get(kept) is not None
    # A body cut short (a crash while writing) is no hit.
    for body in (tmp_path / "pages").glob("*.html"):
        body.write_bytes(b"<html>")
    assert cache.get(kept) is None


def test_an_unwritable_cache_is_no_error(web_site, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = PageCache(blocker / "pages")  # a folder under a file cannot be made
    results = fetch_all([web_site.url("/courier/flood")], timeout=5, cache=cache)
    assert not isinstance(results[0], FetchError)
