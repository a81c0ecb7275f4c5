"""Shared fixtures: the seeds, loaded and aligned once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment import Alignment, align, load_documents

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _private_embedding_cache(tmp_path_factory):
    """Tests never write the semantic extra's cache into the user's home."""
    mp = pytest.MonkeyPatch()
    mp.setenv("PARALLAX_CACHE_DIR", str(tmp_path_factory.mktemp("parallax-cache")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def web_site():
    """The test web site on 127.0.0.1 (tests/fixtures/web.py): no test touches the internet."""
    from .fixtures.web import serve

    with serve() as site:
        yield site


@pytest.fixture(scope="session")
def read():
    """One text's claims (``claims.Reading``), read by a reader of the tests' own."""
    from alignment.claims import ClaimReader

    reader = ClaimReader()
    return lambda text: reader.read([text])[0]


@pytest.fixture(scope="session")
def seed_documents():
    return load_documents([SEEDS]).documents


@pytest.fixture(scope="session")
def seed_alignment(seed_documents) -> Alignment:
    return align(seed_documents)


# Cases the old phrase rules passed and the claim layer does not read yet (issue 17): each
# stays a strict xfail, so a fix shows up as an XPASS to remove from the list, and a case that
# never fails cannot hide here.
_GAPS = Path(__file__).with_name("claim_layer_gaps.txt")


def pytest_collection_modifyitems(config, items):
    gaps = {
        line.strip()
        for line in _GAPS.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for item in items:
        if item.nodeid in gaps:
            item.add_marker(
                pytest.mark.xfail(strict=True, reason="issue 17: not read by the claim layer yet")
            )
