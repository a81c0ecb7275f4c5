"""The Markdown report and the JSON model: content, caps, escaping, and the schema."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from datetime import date
from typing import Any

import pytest

from alignment import Alignment, Conflict, Span
from alignment.model import short_ids
from alignment.report import SCHEMA_PATH, json_model, json_text, md_escape, report_markdown

from .fixtures.story import TEXTS, build_story

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def _is(value: object, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def schema_errors(value: object, schema: dict[str, Any], path: str = "$") -> list[str]:
    """A tiny JSON Schema check: the keywords our schema uses (type, const, enum, required,
    properties, additionalProperties, items, minimum, maximum, pattern, $ref to #/$defs)."""
    if "$ref" in schema:
        return schema_errors(value, SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]], path)
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, k) for k in kinds):
            return [f"{path}: {value!r} is not {'/'.join(kinds)}"]
    errors = []
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: {value!r} != {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if _is(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:  # type: ignore[operator]
            errors.append(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:  # type: ignore[operator]
            errors.append(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{path}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"{path}: unexpected {k}" for k in value if k not in props]
        for key, sub in props.items():
            if key in value:
                errors += schema_errors(value[key], sub, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += schema_errors(item, schema["items"], f"{path}[{i}]")
    return errors


def validate(value: object) -> list[str]:
    """Our tiny check, and the real validator too when it happens to be installed."""
    errors = schema_errors(value, SCHEMA)
    try:
        import jsonschema
    except ImportError:
        return errors
    real = [e.message for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(value)]
    assert bool(real) == bool(errors), (real, errors)
    return errors


@pytest.fixture(scope="module")
def story() -> Alignment:
    return build_story()


# -- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["story", "agreeing story", "seeds"])
def test_json_validates_against_the_schema(which, story, seed_alignment):
    alignment = {
        "story": story,
        "agreeing story": build_story(conflicts={}),
        "seeds": seed_alignment,
    }[which]
    data = json.loads(json_text(alignment))
    assert validate(data) == []


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        pytest.param(lambda d: d.pop("groups"), "missing groups", id="missing-key"),
        pytest.param(lambda d: d["documents"][0].update(length="7"), "is not integer", id="type"),
        pytest.param(lambda d: d["groups"][0].update(status="maybe"), "not in", id="enum"),
        pytest.param(lambda d: d["passages"][0].update(extra=1), "unexpected extra", id="extra"),
        pytest.param(lambda d: d["pairs"][0].update(similarity=1.5), "> 1", id="range"),
        pytest.param(
            lambda d: d["documents"][0].update(published="12 March"), "does not match", id="date"
        ),
        pytest.param(
            lambda d: d["pairs"][0]["conflicts"][0]["spans"][0].pop("end"),
            "missing end",
            id="nested-ref",
        ),
    ],
)
def test_the_schema_check_catches_broken_output(story, change, complaint):
    data = json_model(story)
    data["pairs"][0]["conflicts"] = json_model(story)["pairs"][0]["conflicts"] or [
        {"kind": "number", "reason": "r", "spans": [{"doc": 0, "start": 0, "end": 1}]}
    ]
    change(data)
    assert any(complaint in e for e in schema_errors(data, SCHEMA))


def test_json_offsets_and_references_hold(story):
    data = json_model(story)
    texts = [TEXTS[d["id"]] for d in data["documents"]]
    assert [d["length"] for d in data["documents"]] == [len(t) for t in texts]
    for kind in ("passages", "pairs", "groups"):
        assert [r["id"] for r in data[kind]] == list(range(len(data[kind])))
    for s in data["sentences"]:
        assert (
            story.text(story.sentences[s["doc"]][s["index"]])
            == texts[s["doc"]][s["start"] : s["end"]]
        )
    for pair in data["pairs"]:
        a, b = data["passages"][pair["a"]], data["passages"][pair["b"]]
        assert a["group"] == b["group"] == pair["group"]
        assert pair["id"] in data["groups"][pair["group"]]["pairs"]
        for conflict in pair["conflicts"]:
            for span in conflict["spans"]:
                assert texts[span["doc"]][span["start"] : span["end"]]
    words = {
        texts[s["doc"]][s["start"] : s["end"]]
        for p in data["pairs"]
        for c in p["conflicts"]
        for s in c["spans"]
    }
    assert {"nine", "Twelve", "denied", "On Wednesday"} <= words
    assert sum(len(p["conflicts"]) for p in data["pairs"]) == 8


def _dated(alignment: Alignment) -> Alignment:
    """The story with its first source dated, addressed and signed (as a web page gives)."""
    doc = dataclasses.replace(
        alignment.documents[0],
        published=date(2024, 3, 12),
        url="https://harbour.example/news/barge?id=1",
        author="Dana *Whitfield*",
    )
    return dataclasses.replace(alignment, documents=(doc, *alignment.documents[1:]))


def test_json_carries_date_address_and_author(story):
    data = json_model(_dated(story))
    assert data["version"] >= 3  # 3 added the date, address and author
    first, second = data["documents"][:2]
    assert (first["published"], first["url"], first["author"]) == (
        "2024-03-12",
        "https://harbour.example/news/barge?id=1",
        "Dana *Whitfield*",
    )
    assert (second["published"], second["url"], second["author"]) == (None, "", "")
    assert validate(data) == []


def test_json_text_is_stable_and_keeps_non_ascii():
    doc_story = build_story()
    doc = dataclasses.replace(doc_story.documents[0], outlet="Süddeutsche “Zeitung”")
    alignment = dataclasses.replace(doc_story, documents=(doc, *doc_story.documents[1:]))
    text = json_text(alignment)
    assert "Süddeutsche “Zeitung”" in text
    assert text.endswith("\n")
    assert text == json_text(alignment)


# -- Markdown --------------------------------------------------------------------------------


def _section(report: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}.*?(?=^## |\Z)", report, re.M | re.S)
    assert match, f"no section {heading!r}"
    return match.group(0)


def test_report_names_the_sources(story):
    sources = _section(report_markdown(story), "Sources")
    assert "- `times` Harbour Times: “Barge strikes Elm Street bridge”" in sources
    assert "- `courier` outlet unknown" in sources
    assert sources.count("\n- ") == 4


def test_report_gives_each_sources_date_author_and_address(story):
    sources = _section(report_markdown(_dated(story)), "Sources")
    assert (
        "- `times` Harbour Times, 2024-03-12, by Dana \\*Whitfield\\*: "
        "“Barge strikes Elm Street bridge” · https://harbour.example/news/barge?id=1"
    ) in sources


def test_report_quotes_every_sources_wording_and_offsets_for_each_contradiction(story):
    section = _section(report_markdown(story), "Contradictions")
    headings = re.findall(r"^### \d+\. Group (\d+) · (\w+) · (.*)$", section, re.M)
    assert headings == [
        ("1", "number", "3 sources agree, 1 conflicts: courier stands alone"),
        ("0", "time", "3 sources agree, 1 conflicts: wire stands alone"),
        ("2", "negation", "2 sources agree, 1 conflicts: gazette stands alone"),
    ]
    injured = section.split("### ")[1]
    for passage_id in story.groups[1].passages:
        p = story.passages[passage_id]
        assert f"`{story.documents[p.doc].id}`" in injured
        assert f"chars {p.start}–{p.end}" in injured
    assert "Officials said **nine** people were injured." in injured
    assert "(disputes the others)" in injured.split("`courier`")[1].split("\n")[0]
    assert "- Why: injured: times says 12, courier says 9" in injured
    assert "Not reported by: `wire`" in section.split("### ")[3]


def test_report_lists_agreed_facts_and_what_each_source_alone_reports(story):
    report = report_markdown(story)
    agreed = _section(report, "What the sources agree on")
    assert "**2 of 4** (`times`, `wire`), group 3: “Engineers will inspect the piers" in agreed
    alone = _section(report, "What only one source reports")
    assert "### `courier` (1 passage)" in alone
    assert "“Local shops fear a sharp drop in trade while the bridge is shut.”" in alone
    assert "### `wire` Wire (1 passage)" in alone
    assert "Share this article" not in report  # boilerplate is not news
    assert "Nothing of their own: `times`, `gazette`." in alone


def test_report_without_conflicts_says_so():
    report = report_markdown(build_story(conflicts={}))
    assert "No contradiction found" in _section(report, "Contradictions (0)")
    assert "**All 4 sources**" in report  # the strike and the injured count
    assert "**3 of 4** (all but `wire`), group 2" in report


def test_long_lists_end_with_and_n_more(story):
    report = report_markdown(story, max_contradictions=1, max_agreed=0, max_unique=0)
    assert report.count("\n### 1. ") == 1
    assert "### 2. " not in report
    assert "… and 2 more contradictions." in report
    assert "- … and 1 more" in _section(report, "What the sources agree on")
    assert _section(report, "What only one source reports").count("- … and 1 more") == 2


def test_many_reasons_are_capped():
    groups = [[(i, 1) for i in TEXTS]]
    every = {
        (0, a, b): ("number", TEXTS[a].split(". ")[1].split()[0], "people", f"reason {a}-{b}")
        for k, a in enumerate(TEXTS)
        for b in list(TEXTS)[k + 1 :]
    }
    report = report_markdown(build_story(groups=groups, conflicts=every))
    assert report.count("- Why: ") == 3
    assert "- … and 3 more reasons" in report


def test_long_passages_are_cut_around_the_conflicting_words(story):
    doc = story.documents[0]
    filler = "Witnesses described a long and confused night on the river bank. " * 20
    text = filler + doc.text
    shift = len(filler)
    moved = dataclasses.replace(
        story, documents=(dataclasses.replace(doc, text=text), *story.documents[1:])
    )
    passages = list(moved.passages)
    first = passages[story.groups[1].passages[0]]
    passages[first.id] = dataclasses.replace(first, start=0, end=first.end + shift)
    pairs = []
    for pair in moved.pairs:
        conflicts = tuple(
            dataclasses.replace(
                c,
                spans=tuple(
                    dataclasses.replace(s, start=s.start + shift, end=s.end + shift)
                    if s.doc == 0
                    else s
                    for s in c.spans
                ),
            )
            for c in pair.conflicts
        )
        pairs.append(dataclasses.replace(pair, conflicts=conflicts))
    moved = dataclasses.replace(moved, passages=tuple(passages), pairs=tuple(pairs))
    line = next(
        ln for ln in report_markdown(moved, quote_chars=100).splitlines() if "chars 0–" in ln
    )
    assert "**Twelve**" in line
    assert "“…" in line
    assert len(line) < 320


def test_a_capped_contradiction_quotes_both_sides_first(story):
    section = _section(report_markdown(story, max_quotes=2), "Contradictions")
    injured = section.split("### ")[1]  # courier stands alone against three sources
    quoted = re.findall(r"^- `(\w+)`.*chars", injured, re.M)
    assert len(quoted) == 2
    assert "courier" in quoted  # the dissenter is always on one side
    assert "- … and 2 more passages of this fact (2 in a conflict)" in injured


def test_capped_disputes_take_turns_between_pairs_of_sources():
    # times and wire disagree, gazette and wire too; with room for four quotes both
    # disputes show, not two quotes of the first
    groups = [[("times", 0), ("courier", 0), ("gazette", 0), ("wire", 0)]]
    conflicts = {
        (0, "times", "wire"): ("time", "Tuesday", "Wednesday", "times-wire"),
        (0, "gazette", "wire"): ("time", "Tuesday", "Wednesday", "gazette-wire"),
    }
    report = report_markdown(build_story(groups=groups, conflicts=conflicts), max_quotes=3)
    quoted = re.findall(r"^- `(\w+)`.*chars", report, re.M)
    assert sorted(quoted) == ["gazette", "times", "wire"]
    assert "- Why: times-wire" in report
    assert "- Why: gazette-wire" in report


def test_markup_in_news_text_is_escaped():
    assert md_escape("a *b* _c_ [d](e) <f> `g`\n#h") == r"a \*b\* \_c\_ \[d\](e) \<f\> \`g\` \#h"
    story = build_story()
    doc = dataclasses.replace(story.documents[1], outlet="*Bold* [Link](x)")
    report = report_markdown(
        dataclasses.replace(story, documents=(story.documents[0], doc, *story.documents[2:]))
    )
    assert r"`courier` \*Bold\* \[Link\](x)" in report
    assert "*Bold*" not in report.replace(r"\*Bold\*", "")


def test_the_engine_result_reports(seed_alignment):
    report = report_markdown(seed_alignment)
    assert report.startswith("# Parallax report: 5 sources\n")
    for doc in seed_alignment.documents:
        assert f"`{doc.id}`" in report
    assert len(report.splitlines()) < 200  # capped, not a dump


def test_conflicts_from_the_detectors_reach_the_report(monkeypatch, seed_documents):
    """A stub detector that flags the first character of every link: each is reported."""
    import alignment.engine as engine

    def flag(a, b, **options):
        spans = (Span(a.doc, a.offset, a.offset + 1), Span(b.doc, b.offset, b.offset + 1))
        return (Conflict("time", spans, f"stub {a.label}-{b.label}"),)

    monkeypatch.setattr(engine, "find_conflicts", flag)
    result = engine.align(seed_documents)
    section = _section(
        report_markdown(result, max_contradictions=100, max_reasons=100, max_quotes=1000),
        "Contradictions",
    )
    assert section.count("\n### ") == len(result.groups) > 0
    labels = short_ids([d.id for d in result.documents])
    for pair in result.pairs:
        a, b = result.passages[pair.a], result.passages[pair.b]
        assert f"stub {labels[a.doc]}-{labels[b.doc]}" in section
        assert f"chars {a.start}–{a.end}" in section


def test_underscores_inside_ids_stay_readable():
    assert md_escape("000_ab12 and _stressed_") == r"000_ab12 and \_stressed\_"


# -- command line ----------------------------------------------------------------------------


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    from tui.__main__ import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_report_and_json_to_stdout(capsys):
    code, out, err = _cli(capsys, "--report", "-")
    assert code == 0, err
    assert out.startswith("# Parallax report: 5 sources\n")
    code, out, err = _cli(capsys, "--export-json", "-")
    assert code == 0, err
    assert validate(json.loads(out)) == []


def test_cli_writes_several_outputs_in_one_run(capsys, tmp_path):
    csv_file, md, js = tmp_path / "pairs.csv", tmp_path / "story.md", tmp_path / "story.json"
    code, out, err = _cli(
        capsys, "--export", str(csv_file), "--report", str(md), "--export-json", str(js)
    )
    assert code == 0, err
    assert out == ""
    assert md.read_text(encoding="utf-8").startswith("# Parallax report")
    data = json.loads(js.read_text(encoding="utf-8"))
    with csv_file.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == len(data["pairs"]) + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.csv", "story.json", "story.md"]


def test_cli_refuses_to_replace_without_force_and_writes_nothing(capsys, tmp_path):
    md, js = tmp_path / "story.md", tmp_path / "story.json"
    js.write_text("old", encoding="utf-8")
    code, _, err = _cli(capsys, "--report", str(md), "--export-json", str(js))
    assert code == 2
    assert "already exists" in err
    assert "--force" in err
    assert not md.exists()  # refused before anything was written
    assert js.read_text(encoding="utf-8") == "old"
    code, _, err = _cli(capsys, "--report", str(md), "--export-json", str(js), "--force")
    assert code == 0, err
    assert json.loads(js.read_text(encoding="utf-8"))["format"] == "parallax.alignment"


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        pytest.param(("--report", "-", "--export-json", "-"), "only one", id="two-stdout"),
        pytest.param(("--report", "x.md", "--export", "x.md"), "different files", id="same-file"),
    ],
)
def test_cli_refuses_outputs_that_would_collide(capsys, tmp_path, monkeypatch, args, complaint):
    monkeypatch.chdir(tmp_path)
    code, out, err = _cli(capsys, *args)
    assert code == 2
    assert complaint in err
    assert out == ""
    assert list(tmp_path.iterdir()) == []


# -- the seeds' gold --------------------------------------------------------------------------


def test_every_gold_contradiction_the_engine_flags_is_in_the_report(seed_alignment):
    """Each contradiction of tests/gold/conflicts.yaml that the engine reports on a link
    between the two gold passages reaches the report: its group under Contradictions with the
    kind in the heading, and (lists uncapped) both passages with their offsets, the
    conflicting words in bold, and the reason."""
    from .conflict_gold import load_gold

    a = seed_alignment
    default = report_markdown(a)
    full = report_markdown(a, max_contradictions=10_000, max_reasons=10_000, max_quotes=10_000)

    def covers(passage, side) -> bool:
        return (
            passage.doc == side.doc
            and passage.start < side.offset + len(side.text)
            and passage.end > side.offset
        )

    def group_section(report: str, group: int) -> str:
        match = re.search(rf"^### \d+\. Group {group} · .*?(?=^###? |\Z)", report, re.M | re.S)
        assert match, f"group {group} is not under Contradictions"
        return match.group(0)

    flagged = 0
    for gold in (g for g in load_gold() if g.contradiction):
        for pair in a.pairs:
            pa, pb = a.passages[pair.a], a.passages[pair.b]
            linked = (covers(pa, gold.a) and covers(pb, gold.b)) or (
                covers(pa, gold.b) and covers(pb, gold.a)
            )
            found = [c for c in pair.conflicts if c.kind == gold.kind]
            if not (linked and found):
                continue
            flagged += 1
            heading = group_section(default, pair.group).splitlines()[0]
            assert gold.kind in heading, (gold.id, heading)
            section = group_section(full, pair.group)
            for p in (pa, pb):
                assert f"chars {p.start}–{p.end}" in section, (gold.id, p)
            bold = " ".join(re.findall(r"\*\*(.+?)\*\*", section))
            for conflict in found:
                assert f"- Why: {md_escape(conflict.reason)}" in section, gold.id
                for span in conflict.spans:
                    assert md_escape(a.text(span)) in bold, (gold.id, a.text(span))
    assert flagged, "the engine flags none of the gold contradictions on the seeds"


def test_report_and_json_name_each_source_event(seed_alignment):
    two = dataclasses.replace(seed_alignment, events=(0, 0, 1, 0, 1))
    report = report_markdown(two)
    assert "tell 2 look-alike events" in report
    assert re.search(r"`002_c194564cfc5ebc50`.*\(event B\)", report)
    assert [d["event"] for d in json_model(two)["documents"]] == [0, 0, 1, 0, 1]
    assert "look-alike" not in report_markdown(seed_alignment)
