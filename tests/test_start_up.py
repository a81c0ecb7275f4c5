"""A first run's start (issue 16's cold guards): the parser loads faster and starts first.

``parse.load_parser`` builds the same pipeline as ``spacy.load`` without its needless costs,
and ``python -m tui`` starts the parser's child before the engine's imports when the claims
cache is cold (``tui/early.py``, ``parser_process.start_early``). Speed itself is measured in
``bench/``, never asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from alignment import AlignConfig, parser_process
from alignment.claims import ClaimReader, cache_holds_claims, read_parsed
from alignment.engine import _claimed
from alignment.parse import _EXCLUDE, load_parser, model_folder, parse
from alignment.parser_process import ParserProcess, drop_early, start_early
from alignment.scoring import segment
from tui.early import claims_cache_cold, start_parser_early

from .conftest import ROOT

posix_only = pytest.mark.skipif(not parser_process.SUPPORTED, reason="child parsers need POSIX")


@pytest.fixture(scope="module")
def seed_texts(seed_documents) -> list[str]:
    text = segment(seed_documents, AlignConfig())
    docs = text.documents
    return [docs[d].text[s.start : s.end] for d, s in _claimed(text)]


def _tokens(doc):  # type: ignore[no-untyped-def]
    return [
        (t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.norm_)
        for t in doc
    ]


def test_the_fast_load_is_spacys_pipeline(seed_texts):
    """Same tokenizer, same weights, same word lists, same parse as a plain ``spacy.load``.

    Serialized without the vocabulary's strings: they grow with every text parsed, and the
    process's parser may have read others before."""
    import spacy

    fast = load_parser()
    plain = spacy.load(model_folder(), exclude=list(_EXCLUDE))
    assert fast.pipe_names == plain.pipe_names
    assert fast.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    assert fast.vocab.lookups.to_bytes() == plain.vocab.lookups.to_bytes()
    for name in plain.pipe_names:
        if name == "lemmatizer":
            ours = fast.get_pipe(name).lookups
            theirs = plain.get_pipe(name).lookups
            assert ours.tables == theirs.tables
            for table in theirs.tables:
                want = theirs.get_table(table)
                got = ours.get_table(table)
                assert {k: sorted(v) for k, v in got.items()} == {
                    k: sorted(v) for k, v in want.items()
                }
        else:
            ours_bytes = fast.get_pipe(name).to_bytes(exclude=["vocab"])
            assert ours_bytes == plain.get_pipe(name).to_bytes(exclude=["vocab"])
    assert [_tokens(d) for d in parse(seed_texts)] == [_tokens(d) for d in plain.pipe(seed_texts)]


# Sentences for the attribute ruler's rarer rules: two-word ones ("gonna", "let's", "y'all",
# "ain't", "there is"), the regular expressions, sets of tags, a space token.
_RULE_SENTENCES = (
    "Y'all ain't gonna believe it, but there is nothin' left and there were two of them.",
    "Let's go, c'mon, we gotta leave  now; they're done and it's over.",
    "He said: I ain't seen him, she isn't sure, and were there any others?",
)


def test_the_quick_attribute_rules_match_as_spacys_matcher(seed_texts):
    """``_RuleMatcher`` is the ruler's ``match``, and it finds what spaCy's ``Matcher`` finds."""
    from spacy.pipeline import AttributeRuler

    nlp = load_parser()
    ruler = nlp.get_pipe("attribute_ruler")
    assert type(getattr(ruler.match, "__self__", None)).__name__ == "_RuleMatcher"
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe([*seed_texts, *_RULE_SENTENCES]))
    found = 0
    for doc in docs:
        quick = ruler.match(doc)
        assert quick == AttributeRuler.match(ruler, doc), doc.text
        found += sum(end - start > 1 for _, _, start, end in quick)
    assert found >= 3  # the two-word rules were met


def test_the_parser_loads_without_spacys_command_line():
    code = (
        "import sys; from alignment.parse import load_parser; load_parser(); "
        "loaded = [m for m in ('spacy.cli', 'typer', 'weasel') if m in sys.modules]; "
        "assert not loaded, loaded; "
        "import spacy, spacy.cli; assert callable(spacy.info) and callable(spacy.cli.info)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_early_check_names_the_claims_cache_file():
    from alignment import claims
    from tui import early

    assert early.CLAIMS_FILE == claims.CACHE_FILE


def test_cache_holds_claims_only_after_a_reading(tmp_path):
    assert not cache_holds_claims(tmp_path)
    assert not (tmp_path / "claims.sqlite3").exists()  # looking creates nothing
    ClaimReader(cache_dir=tmp_path).read(["Rescuers pulled 14 survivors from the rubble."])
    assert cache_holds_claims(tmp_path)


def test_rows_of_another_extractor_leave_the_cache_cold(tmp_path):
    import sqlite3

    with sqlite3.connect(tmp_path / "claims.sqlite3") as db:
        db.execute("CREATE TABLE claims (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO claims VALUES ('v0:old:code:abc', '{}')")
    db.close()
    assert not cache_holds_claims(tmp_path)


@posix_only
def test_the_early_child_is_the_one_a_reader_uses(seed_texts):
    assert start_early()
    early = parser_process._early
    assert early is not None
    child = ParserProcess()
    try:
        assert child.read(seed_texts[:5]) == [read_parsed(d) for d in parse(seed_texts[:5])]
        assert child._process is early[0]
        assert parser_process._early is None
    finally:
        child.close()


@posix_only
def test_an_early_child_no_one_takes_is_killed():
    assert start_early()
    early = parser_process._early
    assert early is not None
    drop_early()
    assert parser_process._early is None
    assert early[0].poll() is not None


@posix_only
def test_the_command_starts_the_parser_early_only_on_a_cold_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    try:
        assert claims_cache_cold()
        assert not start_parser_early(["--help"])
        assert not start_parser_early(["--batch", "stories", "out"])
        assert not start_parser_early(["--save=story", "https://example.org/a"])
        assert parser_process._early is None
        assert start_parser_early(["--save", "story", "--export", "x.csv"])
        assert parser_process._early is not None
    finally:
        drop_early()
    ClaimReader(cache_dir=tmp_path).read(["Rescuers pulled 14 survivors from the rubble."])
    assert not claims_cache_cold()
    assert not start_parser_early([])
    assert parser_process._early is None


def test_a_cold_export_and_a_warm_one_write_the_same_file(tmp_path):
    """The early child reads the claims of a first run; the second run reads them from disk."""
    env = {**os.environ, "PARALLAX_CACHE_DIR": str(tmp_path / "cache")}
    outputs = []
    for name in ("cold.csv", "warm.csv"):
        done = subprocess.run(
            [sys.executable, "-m", "tui", "--export", str(tmp_path / name), "--no-semantic"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
