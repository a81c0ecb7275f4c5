"""Conflicts summed up by claim: who says what, not pair by pair (issue 17)."""

from __future__ import annotations

import re

from alignment import Document, align
from alignment.summary import claim_splits


def _story() -> list[Document]:
    return [
        Document(id="a", text="Officials said 40 people were killed in the flood in the delta."),
        Document(id="b", text="Officials said 40 people were killed in the flood in the delta."),
        Document(id="c", text="Officials said 90 people were killed in the flood in the delta."),
    ]


def test_one_line_per_claim_with_every_source_on_its_side():
    result = align(_story())
    (group,) = [g for g in result.groups if g.status == "conflict"]
    splits = claim_splits(result, group.id)
    assert len(splits) == 1
    split = splits[0]
    assert split.kind == "number"
    assert split.topic == "deaths"
    assert split.positions == (("40", (0, 1)), ("90", (2,)))
    assert split.pairs == 2  # a-c and b-c, summed up in one line
    assert split.text(["a", "b", "c"]) == "deaths: 40 (a, b) · 90 (c)"


def test_negation_sides_say_who_denies():
    docs = [
        Document(id="a", text="The mayor did not sign the new parking order on Friday."),
        Document(id="b", text="The mayor signed the new parking order on Friday."),
    ]
    result = align(docs)
    (group,) = [g for g in result.groups if g.status == "conflict"]
    (split,) = claim_splits(result, group.id)
    assert split.kind == "negation"
    assert dict(split.positions) == {"says it did not happen": (0,), "says it happened": (1,)}


def test_agreeing_fact_has_no_split():
    docs = _story()[:2]
    result = align(docs)
    assert all(claim_splits(result, g.id) == () for g in result.groups)


def test_json_schema_names_every_conflict_kind():
    import json
    from pathlib import Path

    from alignment.model import CONFLICT_KINDS

    schema = json.loads(
        (Path(__file__).parent.parent / "alignment/schema/alignment.schema.json").read_text()
    )
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            kind = node.get("kind")
            if isinstance(kind, dict) and "enum" in kind:
                found.append(kind["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert found == [list(CONFLICT_KINDS)]


def test_the_detail_counts_its_conflicting_pairs_in_words(seed_alignment):
    from tui.render import detail_content

    counts = {}
    for group in seed_alignment.groups:
        text = detail_content(seed_alignment, group=group.id, passage=None).plain
        for n, noun in re.findall(r"(\d+) conflicting (pairs?):", text):
            counts[int(n)] = noun
    assert counts, "no disputed fact with its pairs in the seeds"
    for n, noun in counts.items():
        assert noun == ("pair" if n == 1 else "pairs")
