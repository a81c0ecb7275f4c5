"""The verdict file and how verdicts follow the judged text (issue 20), engine side."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from alignment import AlignConfig, Alignment, align, load_documents
from alignment.export import CSV_COLUMNS, CSV_HEADER, csv_text
from alignment.report import JSON_VERSION, json_model, report_markdown
from alignment.verdicts import (
    VERDICTS,
    VERDICTS_FORMAT,
    VERDICTS_VERSION,
    VerdictBook,
    VerdictError,
    VerdictKey,
    VerdictRecord,
    conflict_key,
    conflict_keys,
    default_verdicts_path,
    dismissed_groups,
    fact_verdict,
    make_record,
    match_verdicts,
    merge_verdicts,
    parse_verdicts,
    passage_verdicts,
    read_verdicts,
    save_verdicts,
    unjudged_groups,
    verdicts_text,
    without_false_alarms,
)

from .conftest import SEEDS
from .fixtures.reader_story import build_reader_story
from .test_report import schema_errors

OFF = AlignConfig(semantic="off")
SHA = "0" * 64


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_reader_story()


def judge_all(alignment: Alignment, verdict="confirmed", note="") -> VerdictBook:
    match = match_verdicts(alignment, VerdictBook())
    return VerdictBook(
        {
            key: make_record(alignment, p, c, verdict, note=note)
            for (p, c), key in match.keys.items()
        }
    )


def conflicts_of(alignment: Alignment, group: int) -> list[tuple[int, int]]:
    return [
        (k, c)
        for k in alignment.groups[group].pairs
        for c in range(len(alignment.pairs[k].conflicts))
    ]


# --- keys ---------------------------------------------------------------------------------------


def test_every_conflict_has_a_key_of_its_sources_texts_and_kind(story):
    match = match_verdicts(story, VerdictBook())
    n = sum(len(p.conflicts) for p in story.pairs)
    assert len(match.keys) == n
    for (k, c), key in match.keys.items():
        pair = story.pairs[k]
        ids = sorted(story.documents[story.passages[p].doc].id for p in (pair.a, pair.b))
        assert [key.source_a, key.source_b] == ids
        assert key.kind == pair.conflicts[c].kind
        assert len(key.sha256_a) == len(key.sha256_b) == 64
    # distinct conflicts, distinct keys
    assert len(set(match.keys.values())) == n


def test_keys_do_not_depend_on_the_order_of_the_sources(seed_documents):
    forward = align(seed_documents, OFF)
    backward = align(tuple(reversed(seed_documents)), OFF)
    keys = set(match_verdicts(forward, VerdictBook()).keys.values())
    assert keys
    assert keys == set(match_verdicts(backward, VerdictBook()).keys.values())


def test_a_changed_word_beside_the_conflict_changes_its_key(story):
    pair_index = next(k for k, p in enumerate(story.pairs) if p.conflicts)
    pair = story.pairs[pair_index]
    before = conflict_key(story, pair, pair.conflicts[0])
    doc = story.passages[pair.a].doc
    document = story.documents[doc]
    passage = story.passages[pair.a]
    # one letter of the sentence, outside the conflicting words, becomes another
    spans = [(s.start, s.end) for s in pair.conflicts[0].spans if s.doc == doc]
    at = next(
        i
        for i in range(passage.start, passage.end)
        if document.text[i].isalpha() and not any(s <= i < e for s, e in spans)
    )
    text = document.text[:at] + ("x" if document.text[at] != "x" else "y") + document.text[at + 1 :]
    edited = replace(story, documents=tuple(
        replace(d, text=text) if k == doc else d for k, d in enumerate(story.documents)
    ))  # fmt: skip
    assert conflict_key(edited, pair, pair.conflicts[0]) != before


# --- surviving re-runs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"max_passage_sentences": 1},
        {"link_threshold": 0.30},
        {"merge_gain": 0.05},
        {"max_passage_sentences": 2, "link_threshold": 0.36},
    ],
    ids=["one-sentence-passages", "lower-threshold", "easier-merges", "two-and-higher"],
)
def test_a_rerun_with_another_config_keeps_the_verdicts(seed_alignment, changes):
    """Judge every conflict of the seeds, align again with another config: every conflict
    found again (same sources, kind and reason) has its verdict; the others are orphans."""
    book = judge_all(seed_alignment, "unsure", note="checked")
    before = {(r.key.source_a, r.key.source_b, r.key.kind, r.reason) for r in book.records.values()}
    rerun = align(seed_alignment.documents, replace(OFF, **changes))
    match = match_verdicts(rerun, book)
    found_again = 0
    for (k, c), key in match.keys.items():
        conflict = rerun.pairs[k].conflicts[c]
        if (key.source_a, key.source_b, key.kind, conflict.reason) in before:
            found_again += 1
            record = match.of(k, c)
            assert record is not None, conflict.reason
            assert (record.verdict, record.note) == ("unsure", "checked")
    assert found_again > 0
    kept = {r.key for r in match.verdicts.values()}
    assert {r.key for r in match.orphans} == set(book.records) - kept


def test_a_changed_passage_makes_one_orphan(tmp_path, seed_alignment):
    """Edit one sentence that only one conflict judges (a word outside the conflicting
    words): that verdict, and only it, becomes an orphan; it stays in the book."""
    alignment = seed_alignment
    book = judge_all(alignment)
    match = match_verdicts(alignment, book)
    # sentences of each side, by the keys that judge them
    judged_by: dict[tuple[int, int], set[VerdictKey]] = {}
    for (k, c), key in match.keys.items():
        pair = alignment.pairs[k]
        for span in pair.conflicts[c].spans:
            for s in alignment.sentences[span.doc]:
                if s.start < span.end and s.end > span.start:
                    judged_by.setdefault((span.doc, s.index), set()).add(key)
    (doc, index), keys = next((where, ks) for where, ks in judged_by.items() if len(ks) == 1)
    sentence = alignment.sentences[doc][index]
    spans = [
        (s.start, s.end)
        for k, pair in enumerate(alignment.pairs)
        for conflict in pair.conflicts
        for s in conflict.spans
        if s.doc == doc
    ]
    text = alignment.documents[doc].text
    # the first word of the sentence that no conflict marks, made upper case
    at = next(
        i
        for i in range(sentence.start, sentence.end)
        if text[i].islower() and not any(s <= i < e for s, e in spans)
    )
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    source = alignment.documents[doc]
    path = folder / Path(source.path).name
    path.write_text(text[:at] + text[at].upper() + text[at + 1 :], encoding="utf-8", newline="")
    rerun = align(load_documents([folder]).documents, OFF)
    again = match_verdicts(rerun, book)
    assert [r.key for r in again.orphans] == list(keys)
    assert len(again.orphans) == 1


# --- facts and passages -------------------------------------------------------------------------


def test_fact_and_passage_verdicts(story):
    conflicting = [g.id for g in story.groups if g.status == "conflict"]
    first, second = conflicting[0], conflicting[1]
    match = match_verdicts(story, VerdictBook())
    assert unjudged_groups(story, match) == frozenset(conflicting)
    assert fact_verdict(story, match, story.groups[first]) is None
    # every conflict of the first fact a false alarm; one of the second confirmed
    changes = {
        match.keys[c]: make_record(story, *c, "false alarm") for c in conflicts_of(story, first)
    }
    one = conflicts_of(story, second)[0]
    changes[match.keys[one]] = make_record(story, *one, "confirmed")
    book = VerdictBook().changed(changes)
    match = match_verdicts(story, book)
    assert fact_verdict(story, match, story.groups[first]) == "false alarm"
    assert fact_verdict(story, match, story.groups[second]) == "confirmed"
    assert dismissed_groups(story, match) == frozenset({first})
    assert first not in unjudged_groups(story, match)
    signs = passage_verdicts(story, match)
    for k in story.groups[first].pairs:
        pair = story.pairs[k]
        if pair.conflicts and all(
            p not in passage_of_other(story, first) for p in (pair.a, pair.b)
        ):
            assert signs[pair.a] == signs[pair.b] == "false alarm"
    checked = without_false_alarms(story, match)
    assert checked.groups[first].status == "agree"
    assert checked.groups[second].status == "conflict"
    assert [g.id for g in checked.groups] == [g.id for g in story.groups]


def passage_of_other(story: Alignment, group: int) -> set[int]:
    """Passages of ``group`` that also take part in a conflict of another group."""
    out: set[int] = set()
    for pair in story.pairs:
        if pair.conflicts and pair.group != group:
            out.update((pair.a, pair.b))
    return out


def test_a_passage_with_an_unjudged_conflict_keeps_its_conflict_sign(story):
    match = match_verdicts(story, VerdictBook())
    (k, c), key = next(iter(match.keys.items()))
    book = VerdictBook({key: make_record(story, k, c, "confirmed")})
    signs = passage_verdicts(story, match_verdicts(story, book))
    pair = story.pairs[k]
    for pid in (pair.a, pair.b):
        others = [
            (j, d)
            for j, p in enumerate(story.pairs)
            for d in range(len(p.conflicts))
            if pid in (p.a, p.b) and (j, d) != (k, c)
        ]
        assert (pid in signs) is (not others)


# --- the file ----------------------------------------------------------------------------------


def test_the_file_round_trips_and_reads_as_json(story, tmp_path):
    book = judge_all(story, "false alarm", note="AP updated at 18:00 — “26”")
    text = verdicts_text(book)
    data = json.loads(text)
    assert data["format"] == VERDICTS_FORMAT
    assert data["version"] == VERDICTS_VERSION
    assert {r["verdict"] for r in data["verdicts"]} == {"false alarm"}
    assert "“26”" in text  # human-readable: non-ASCII kept
    assert parse_verdicts(text) == book
    path = tmp_path / "v.json"
    assert save_verdicts(path, book.records) == book
    assert read_verdicts(path) == book
    assert verdicts_text(read_verdicts(path)) == text


def record(source_a="a", kind="number", verdict="confirmed", **extra) -> dict[str, object]:
    out: dict[str, object] = {
        "source_a": source_a,
        "sha256_a": SHA,
        "source_b": "b",
        "sha256_b": "1" * 64,
        "kind": kind,
        "verdict": verdict,
    }
    out.update(extra)
    return out


def file_of(*records: dict[str, object], version: object = 1) -> str:
    return json.dumps({"format": VERDICTS_FORMAT, "version": version, "verdicts": list(records)})


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("{not json", "line 1", id="not-json"),
        pytest.param("[]", "not a Parallax verdict file", id="a-list"),
        pytest.param(
            '{"format": "other", "version": 1}', "not a Parallax verdict file", id="format"
        ),
        pytest.param(file_of(version=2), "newer than this Parallax", id="future-version"),
        pytest.param(file_of(version=True), "whole number", id="version-bool"),
        pytest.param(file_of(version=0), "whole number", id="version-0"),
        pytest.param(file_of(record(verdict="maybe")), "unknown verdict 'maybe'", id="verdict"),
        pytest.param(file_of(record(verdict="Confirmed")), "unknown verdict", id="verdict-case"),
        pytest.param(file_of(record(notes="x")), "did you mean 'note'", id="unknown-field"),
        pytest.param(file_of({"verdict": "unsure"}), "missing field", id="missing-field"),
        pytest.param(file_of(record(sha256_a="abc")), "64 lower-case hex", id="bad-sha"),
        pytest.param(file_of(record(note=3)), "must be a string", id="note-number"),
        pytest.param(file_of(record(source_a="")), "source_a is empty", id="empty-source"),
        pytest.param(
            file_of(record(), record(verdict="unsure")), "judge the same conflict", id="duplicate"
        ),
        pytest.param(
            file_of(record(), record(note="x")), "verdicts 1 and 2", id="duplicate-numbered"
        ),
        pytest.param(
            '{"format": "parallax.verdicts", "version": 1, "version": 1, "verdicts": []}',
            "appears twice",
            id="duplicate-json-key",
        ),
        pytest.param(
            '{"format": "parallax.verdicts", "version": 1, "verdicts": {}}',
            "must be a list",
            id="not-a-list",
        ),
        pytest.param(
            '{"format": "parallax.verdicts", "version": 1, "extra": 1}', "unknown key", id="top-key"
        ),
        pytest.param("[" * 100_000, "not a verdict file", id="deep"),
    ],
)
def test_a_bad_file_is_one_line_naming_it(text, words):
    with pytest.raises(VerdictError) as caught:
        parse_verdicts(text, where="story/parallax-verdicts.json")
    message = caught.value.message
    assert words in message
    assert message.startswith("story/parallax-verdicts.json")
    assert "\n" not in message


def test_values_from_the_file_are_escaped_in_messages():
    with pytest.raises(VerdictError) as caught:
        parse_verdicts(file_of(record(verdict="\x1b]0;pwned\x07")))
    assert "\x1b" not in caught.value.message
    assert "\\x1b" in caught.value.message


def test_every_verdict_value_reads(story):
    for verdict in VERDICTS:
        book = parse_verdicts(file_of(record(verdict=verdict)))
        assert next(iter(book.records.values())).verdict == verdict


def test_unknown_kinds_read_and_become_orphans(story):
    """A file from a version with other conflict kinds still reads; what it judges here is
    nothing, so its verdicts are orphans, never dropped."""
    book = parse_verdicts(file_of(record(kind="a kind from the future")))
    match = match_verdicts(story, book)
    assert len(match.orphans) == 1
    assert match.orphans[0].key.kind == "a kind from the future"


def test_reading_missing_folders_and_other_files(tmp_path):
    assert read_verdicts(tmp_path / "none.json") == VerdictBook()
    with pytest.raises(VerdictError, match="no such file"):
        read_verdicts(tmp_path / "none.json", missing_ok=False)
    with pytest.raises(VerdictError):
        read_verdicts(tmp_path)
    (tmp_path / "latin.json").write_bytes(b"\xff\xfe{}")
    with pytest.raises(VerdictError, match="not UTF-8"):
        read_verdicts(tmp_path / "latin.json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "parallax-verdicts.json"
    os.mkfifo(fifo)
    with pytest.raises(VerdictError, match="not a regular file"):
        read_verdicts(fifo)


# --- two readers, merges ----------------------------------------------------------------------


def test_two_readers_on_one_story_keep_each_others_verdicts(story, tmp_path):
    path = tmp_path / "parallax-verdicts.json"
    keys = list(match_verdicts(story, VerdictBook()).keys.items())
    (k1, c1), key1 = keys[0]
    (k2, c2), key2 = keys[1]
    # both open the (empty) story; the first saves, then the second
    first = save_verdicts(path, {key1: make_record(story, k1, c1, "confirmed", note="first")})
    second = save_verdicts(path, {key2: make_record(story, k2, c2, "unsure", note="second")})
    assert set(first.records) == {key1}
    assert set(second.records) == {key1, key2}
    on_disk = read_verdicts(path)
    assert on_disk.records[key1].note == "first"
    assert on_disk.records[key2].note == "second"
    # the first clears its verdict: only that key goes
    save_verdicts(path, {key1: None})
    assert set(read_verdicts(path).records) == {key2}
    # on one key, the later write wins
    save_verdicts(path, {key2: make_record(story, k2, c2, "false alarm")})
    assert read_verdicts(path).records[key2].verdict == "false alarm"


def test_a_file_that_no_longer_reads_is_never_overwritten(story, tmp_path):
    path = tmp_path / "parallax-verdicts.json"
    path.write_text("{ someone else's half-typed edit", encoding="utf-8")
    (k, c), key = next(iter(match_verdicts(story, VerdictBook()).keys.items()))
    with pytest.raises(VerdictError):
        save_verdicts(path, {key: make_record(story, k, c, "confirmed")})
    assert path.read_text(encoding="utf-8") == "{ someone else's half-typed edit"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_merge_lays_changes_over_the_base():
    a = VerdictKey("a", SHA, "b", SHA, "number")
    b = VerdictKey("a", SHA, "c", SHA, "time")
    base = VerdictBook({a: VerdictRecord(a, "confirmed"), b: VerdictRecord(b, "unsure")})
    merged = merge_verdicts(base, {a: None, b: VerdictRecord(b, "false alarm", note="n")})
    assert set(merged.records) == {b}
    assert merged.records[b].verdict == "false alarm"
    assert base.records[a].verdict == "confirmed"  # the base is not changed


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        ((), Path("parallax-verdicts.json")),
        (("seeds",), Path("seeds") / "parallax-verdicts.json"),
        (("seeds/000_bf1e7b1d739a4bca.txt", "seeds"), Path("seeds") / "parallax-verdicts.json"),
        (("https://news.example/a", "seeds"), Path("seeds") / "parallax-verdicts.json"),
        (("https://news.example/a",), Path("parallax-verdicts.json")),
    ],
    ids=["bundled-seeds", "folder", "first-file", "after-addresses", "addresses-only"],
)
def test_where_the_verdicts_live(monkeypatch, paths, expected):
    monkeypatch.chdir(SEEDS.parent)
    found = default_verdicts_path(paths)
    # the working folder's file comes as an absolute path
    assert found == (Path.cwd() / expected if len(expected.parts) == 1 else expected)


# --- outputs -----------------------------------------------------------------------------------


def test_csv_gains_verdict_and_note_after_the_contract(story):
    conflicting = next(g.id for g in story.groups if g.status == "conflict")
    book = VerdictBook()
    match = match_verdicts(story, book)
    changes = {
        match.keys[c]: make_record(story, *c, "false alarm", note="=HYPERLINK(1) later count")
        for c in conflicts_of(story, conflicting)
    }
    match = match_verdicts(story, book.changed(changes))
    rows = list(csv.reader(io.StringIO(csv_text(story, match), newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert tuple(rows[0][: len(CSV_COLUMNS)]) == CSV_COLUMNS
    assert CSV_HEADER[len(CSV_COLUMNS) :] == ("verdict", "note")
    for k, row in enumerate(rows[1:]):
        cells = dict(zip(CSV_HEADER, row, strict=True))
        pair = story.pairs[k]
        if pair.group == conflicting and pair.conflicts:
            assert cells["verdict"] == "; ".join(["false alarm"] * len(pair.conflicts))
            assert cells["note"] == "'=HYPERLINK(1) later count"  # no formula
        else:
            assert cells["verdict"] == cells["note"] == ""
    # without verdicts, the same rows with the two columns empty
    plain = list(csv.reader(io.StringIO(csv_text(story), newline="")))
    assert [r[:12] for r in plain] == [r[:12] for r in rows]
    assert all(r[12:] == ["", ""] for r in plain[1:])


def test_json_carries_the_verdicts_and_the_orphans(story):
    book = judge_all(story, "confirmed", note="seen")
    orphan_key = VerdictKey("north", SHA, "south", SHA, "time")
    book = book.changed({orphan_key: VerdictRecord(orphan_key, "unsure", reason="gone")})
    model = json_model(story, match_verdicts(story, book))
    assert model["version"] == JSON_VERSION == 4
    assert schema_errors(model, SCHEMA) == []
    conflicts = [c for p in model["pairs"] for c in p["conflicts"]]
    assert conflicts
    assert all(c["verdict"] == "confirmed" and c["note"] == "seen" for c in conflicts)
    orphans = [v for v in model["verdicts"] if v["orphaned"]]
    assert [(v["kind"], v["reason"], v["pairs"]) for v in orphans] == [("time", "gone", [])]
    judged = [v for v in model["verdicts"] if not v["orphaned"]]
    assert sorted(k for v in judged for k in v["pairs"]) == [
        k for k, p in enumerate(story.pairs) if p.conflicts
    ]
    bare = json_model(story)
    assert schema_errors(bare, SCHEMA) == []
    assert bare["verdicts"] == []
    assert all(c["verdict"] is None for p in bare["pairs"] for c in p["conflicts"])


SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "alignment/schema/alignment.schema.json").read_text()
)


def test_report_groups_conflicts_by_verdict(story):
    conflicting = [g.id for g in story.groups if g.status == "conflict"]
    assert len(conflicting) >= 3
    confirmed, false_alarm, left = conflicting[0], conflicting[1], conflicting[2]
    match = match_verdicts(story, VerdictBook())
    changes = {}
    for c in conflicts_of(story, confirmed):
        changes[match.keys[c]] = make_record(story, *c, "confirmed")
    for c in conflicts_of(story, false_alarm):
        changes[match.keys[c]] = make_record(story, *c, "false alarm", note="*later* count @here")
    orphan = VerdictKey("north", SHA, "east", SHA, "number")
    changes[orphan] = VerdictRecord(orphan, "unsure", note="old", reason="gone: 1 vs 2")
    text = report_markdown(story, verdicts=match_verdicts(story, VerdictBook().changed(changes)))
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    order = [h.split(" (")[0] for h in headings]
    assert order.index("## Confirmed contradictions") < order.index("## Unsure")
    assert order.index("## Unsure") < order.index("## Not yet judged")
    assert order.index("## Not yet judged") < order.index("## False alarms")
    assert "## Orphaned verdicts (1)" in headings
    sections = section_texts(text)
    assert f"Group {confirmed} " in sections["## Confirmed contradictions"]
    assert f"Group {false_alarm} " in sections["## False alarms"]
    assert f"Group {left} " in sections["## Not yet judged"]
    assert "\\*later\\* count \\@here" in sections["## False alarms"]  # the note, escaped
    assert "gone: 1 vs 2" in sections["## Orphaned verdicts"]
    assert "1 false alarms" in text.splitlines()[2]
    # no verdicts: the report is as it was, one list of contradictions
    assert report_markdown(story, verdicts=match_verdicts(story, VerdictBook())) == (
        report_markdown(story)
    )


def section_texts(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("## "):
            current = line.split(" (")[0]
            out[current] = ""
        elif current:
            out[current] += line + "\n"
    return out


def test_verdicts_module_needs_no_textual():
    code = "import sys, alignment.verdicts; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


# --- the command line --------------------------------------------------------------------------


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--no-semantic", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


@pytest.fixture
def judged_story(tmp_path, seed_alignment) -> Path:
    """The seeds in a folder of their own, every conflict judged confirmed in its default
    verdict file."""
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    save_verdicts(folder / "parallax-verdicts.json", judge_all(seed_alignment).records)
    return folder


def test_headless_outputs_read_the_storys_verdicts(judged_story, tmp_path):
    result = cli("--export", "-", str(judged_story), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    cells = [dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]]
    conflicting = [c for c in cells if c["contradiction"]]
    assert conflicting
    assert all(set(c["verdict"].split("; ")) == {"confirmed"} for c in conflicting)
    assert all(c["verdict"] == "" for c in cells if not c["contradiction"])
    report = cli("--report", "-", str(judged_story), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "## Confirmed contradictions" in report.stdout
    assert "## Not yet judged (0)" in report.stdout
    model = cli("--export-json", "-", str(judged_story), cwd=tmp_path)
    data = json.loads(model.stdout)
    assert data["verdicts"]
    assert not any(v["orphaned"] for v in data["verdicts"])


@pytest.mark.parametrize(
    "content",
    [
        "{broken",
        json.dumps({"format": VERDICTS_FORMAT, "version": 7, "verdicts": []}),
        file_of(record(verdict="wrong")),
        file_of(record(), record()),
    ],
    ids=["does-not-parse", "future-version", "unknown-verdict", "duplicate-key"],
)
def test_a_bad_verdict_file_is_one_line_and_exit_2(tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = cli("--verdicts", str(bad), "--export", str(out), str(SEEDS), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("parallax: ")
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr
    assert not out.exists()
    assert bad.read_text(encoding="utf-8") == content


def test_a_named_verdict_file_that_is_missing_stops_the_export(tmp_path):
    result = cli("--verdicts", "nope.json", "--export", "-", str(SEEDS), cwd=tmp_path)
    assert result.returncode == 2
    assert "nope.json" in result.stderr
    assert result.stdout == ""


def test_orphans_are_a_warning_for_headless_outputs(tmp_path):
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    (folder / "parallax-verdicts.json").write_text(file_of(record()), encoding="utf-8")
    result = cli("--export", "-", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "parallax: warning: 1 verdict judges text no longer" in result.stderr
    assert "orphaned" in result.stderr


def test_keys_computed_once_give_the_same_match(story):
    book = judge_all(story, "unsure")
    keys = conflict_keys(story)
    assert match_verdicts(story, book, keys=keys) == match_verdicts(story, book)
    assert set(keys) == set(match_verdicts(story, VerdictBook()).keys)
