"""The claim layer: predicates, negation, modality, speakers and figures from the parse.

Sentences are made up (none from the seeds); each names the shape it checks.
"""

from __future__ import annotations

import pytest

from alignment.claims import ClaimReader, Reading
from alignment.parse import PARSER_SHA256, ParserError, model_folder, verify


def _claim(reading: Reading, predicate: str):  # type: ignore[no-untyped-def]
    found = [c for c in reading.claims if c.predicate == predicate]
    assert found, f"no claim {predicate!r} in {[c.predicate for c in reading.claims]}"
    return found[0]


def test_each_number_binds_to_its_own_event(read) -> None:  # type: ignore[no-untyped-def]
    r = read("Three people were killed and eleven wounded in the blast, police said.")
    by_value = {f.low: f for f in r.figures}
    assert by_value[2.55].measure == ("deaths",)
    assert by_value[10.55].measure == ("injuries",)


def test_part_and_total(read) -> None:  # type: ignore[no-untyped-def]
    r = read("312 of 450 members voted for the motion.")
    roles = sorted((f.role, round(f.low)) for f in r.figures)
    assert roles == [("part", 312), ("total", 450)]
    part = next(f for f in r.figures if f.role == "part")
    assert part.total == 450


def test_a_noun_with_a_reduced_clause_counts_for_that_clause(read) -> None:  # type: ignore[no-untyped-def]
    # "85 homes destroyed" is coordinated under "evacuated" but tells a destruction
    r = read("About 900 residents were evacuated and 85 homes destroyed by the fire.")
    homes = next(f for f in r.figures if f.counted == "home")
    assert r.claims[homes.claim].predicate == "destroy"
    # a noun that is its own verb's argument keeps that verb, whatever hangs on it
    r = read("Two guards involved in the escape were arrested on Monday.")
    assert r.claims[r.figures[0].claim].predicate == "arrest"


def test_a_figure_given_at_counts_the_number_s_noun(read) -> None:  # type: ignore[no-untyped-def]
    # "put the number of X at N": N counts X, wherever the parser hung "at"
    r = read("The airline put the number of travellers stranded by the strike at 12,000.")
    assert [f.counted for f in r.figures] == ["traveller"]
    r = read("Organisers put the number of marchers at 40,000.")
    assert [f.counted for f in r.figures] == ["marcher"]


def test_a_fronted_place_frames_every_clause_after_it(read) -> None:  # type: ignore[no-untyped-def]
    r = read("In the border province of Tarsk, eight people died, 60 were hurt and 300 fled.")
    assert [f.place[:1] for f in r.figures] == [("province",)] * 3
    # a place inside a later phrase frames nothing: "officials in the capital" only speak
    r = read("Sixty people were hurt, officials in the capital said.")
    assert r.figures[0].place == ()


def test_a_figure_told_of_the_event_before_takes_its_time(read) -> None:  # type: ignore[no-untyped-def]
    from alignment.claims import in_context

    background = read("In March last year a cyclone struck the northern coast of Kelon.")
    toll = read("Eleven people died in the cyclone and its floods.")
    later = in_context([background, toll])
    assert later[1].figures[0].scope == ("last",)
    # a sentence with a time of its own, or of another event, starts afresh
    dated = read("Eleven people died in the cyclone on Monday.")
    assert in_context([background, dated])[1].figures[0].scope == ()
    other = read("Eleven people died in the landslide.")
    assert in_context([background, other])[1].figures[0].scope == ()
    # "another" is more of this event, not a time before it
    more = read("Another two people were killed by the cyclone.")
    assert in_context([more, toll])[1].figures[0].scope == ()


def test_rate_and_share(read) -> None:  # type: ignore[no-untyped-def]
    assert read("Thousands of visitors a day come to the old square.").figures[0].role == "rate"
    assert read("The party won 52% of the vote.").figures[0].role == "share"


def test_figure_of_another_event_is_scoped(read) -> None:  # type: ignore[no-untyped-def]
    r = read("Last year's flood killed 12 people in the valley.")
    assert r.figures
    assert "last" in r.figures[0].scope
    assert read("The flood killed 40 people in the valley.").figures[0].scope == ()


@pytest.mark.parametrize(
    ("text", "predicate", "negated"),
    [
        ("The company has not yet signed the deal.", "sign", True),
        ("The company signed the deal on Friday.", "sign", False),
        ("No one has claimed the bombing.", "claim", True),
        ("The group claimed responsibility for the bombing.", "claim", False),
        ("The ministry denied reports that it had offered a pardon.", "offer", True),
        ("Smith was never the club's captain.", "captain", True),
        ("Jones was captain under Smith.", "captain", False),
        ("The mayor refused to sign the order.", "sign", True),
        # a denial reaches its clause and that clause's conjuncts, not the verbs beside it
        ("The minister denied taking bribes or rigging the tender.", "rig", True),
        ("The coach denied cheating and said he would appeal the ban.", "say", False),
        ("The coach denied cheating and said he would appeal the ban.", "appeal", False),
        ("The army denied the report, and the village was shelled again.", "shell", False),
    ],
)
def test_negation(read, text: str, predicate: str, negated: bool) -> None:  # type: ignore[no-untyped-def]
    assert _claim(read(text), predicate).negated is negated


def test_hedged_and_conditional(read) -> None:  # type: ignore[no-untyped-def]
    assert _claim(read("It is unclear whether officials offered a deal."), "offer").hedged
    assert _claim(read("Officials may have offered a deal."), "offer").hedged
    assert _claim(read("The plant would close if sales fall."), "close").conditional
    assert not _claim(read("Officials offered a deal."), "offer").hedged


def test_speaker_is_the_subject_of_the_reporting_verb(read) -> None:  # type: ignore[no-untyped-def]
    r = read("Monday's memo to the remaining staff said the plant would close.")
    assert _claim(r, "close").speaker == "Monday's memo to the remaining staff"
    r = read("The bridge will reopen in May, the transport minister said.")
    assert _claim(r, "reopen").speaker == "the transport minister"


def test_quote_and_its_speaker(read) -> None:  # type: ignore[no-untyped-def]
    r = read('"We will not raise taxes on working families," the finance minister said.')
    assert [q.words.rstrip(",") for q in r.quotes] == [
        "We will not raise taxes on working families"
    ]
    assert r.quotes[0].speaker == "the finance minister"


def test_offsets_slice_the_text(read) -> None:  # type: ignore[no-untyped-def]
    text = "About 300 workers walked out on Tuesday, the union said."
    r = read(text)
    for f in r.figures:
        assert text[f.start : f.end] == "About 300"
    # a phrasal verb's particle is part of its words
    assert sorted(text[c.start : c.end] for c in r.claims) == ["said", "walked out"]
    moved = r.shifted(10)
    assert moved.figures[0].start == r.figures[0].start + 10


def test_disk_cache_gives_the_same_reading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "Rescuers pulled 14 survivors from the rubble on Sunday."
    first = ClaimReader(cache_dir=tmp_path).read([text])[0]
    assert (tmp_path / "claims.sqlite3").exists()
    again = ClaimReader(cache_dir=tmp_path).read([text])[0]
    assert again == first


def test_changed_model_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = model_folder()
    verify(folder)  # the installed model is the pinned one
    fake = tmp_path / "model"
    for name in PARSER_SHA256:
        target = fake / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((folder / name).read_bytes())
    (fake / "parser" / "model").write_bytes(b"not the weights")
    with pytest.raises(ParserError, match="parser/model"):
        verify(fake)


def test_the_claims_cache_key_covers_the_code_that_reads():
    """Cached readings are keyed by the digest of the modules that decide them: every module
    of the package the claim layer reads with (imported at the top, transitively) is among
    them, so changing a word list or a rule never serves stale claims."""
    import ast
    from pathlib import Path

    from alignment import claims

    folder = Path(claims.__file__).parent
    not_readings = {"errors.py", "disk_cache.py"}  # errors and storage change no reading

    def imports(name: str) -> set[str]:
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        return {
            f"{node.module}.py"
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module
        }

    seen, todo = set(), ["claims.py"]
    while todo:
        name = todo.pop()
        if name in seen or name in not_readings:
            continue
        seen.add(name)
        todo.extend(imports(name))
    assert seen <= set(claims._READING_CODE)


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_plural_owner_s_figure_is_theirs_whatever_the_apostrophe(read, mark) -> None:  # type: ignore[no-untyped-def]
    # "Charles’ 226 yards": the curly mark after an "s" is a possessive, not a closing quote
    r = read(f"Charles{mark} 226 yards rushing set a club record on Sunday.")
    (figure,) = [f for f in r.figures if f.low <= 226 <= f.high]
    assert figure.holder == ("charles",)
