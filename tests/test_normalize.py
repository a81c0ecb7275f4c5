"""Comparison keys: the forms of one word meet, different words stay apart."""

from __future__ import annotations

import pytest

from alignment.normalize import content_tokens, fold, stem


@pytest.mark.parametrize(
    "forms",
    [
        ("offer", "offers", "offered", "offering"),
        ("pursue", "pursued", "pursuing", "pursues"),
        ("state", "states", "stated"),
        ("earthquake", "earthquakes"),
        ("incentivise", "incentivize", "incentivised", "incentivized"),
        ("organisation", "organization"),
        ("labour", "labor", "labours"),
        ("neighbouring", "neighboring"),
        ("win", "won"),
        ("hold", "held", "holding"),
        ("write", "wrote", "written", "writes"),
        ("choose", "chose", "chosen"),
    ],
)
def test_forms_of_a_word_meet(forms):
    assert len({stem(fold(w)) for w in forms}) == 1, {w: stem(fold(w)) for w in forms}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("four", "for"),
        ("hour", "her"),
        ("offer", "office"),
        ("state", "station"),
        ("arrest", "rest"),
    ],
)
def test_different_words_stay_apart(left, right):
    assert stem(left) != stem(right)


def test_names_and_numbers_are_flagged_after_folding():
    tokens = content_tokens("Officials in Caracas counted 2,000 arrests.")
    assert ("2000", True) in tokens
    assert ("caraca", True) in tokens or ("caracas", True) in tokens
    assert ("arrest", False) in tokens


def test_a_title_cased_headline_is_recased_as_prose_for_the_parser():
    from alignment.normalize import sentence_cased

    headline = "Storm Closes Airport In Tarsk, Strands Travellers"
    body = "The storm closed the airport in Tarsk on Monday and stranded thousands of travellers."
    recased, same = sentence_cased([headline, body])
    # common words go lower case, names and the first word stay, offsets do not move
    assert recased == "Storm closes airport in Tarsk, strands travellers"
    assert len(recased) == len(headline)
    assert same == body
    # prose is left alone, and so is a headline with no article to tell its words
    assert sentence_cased([body]) == [body]
    assert sentence_cased([headline]) == [headline]


def test_the_engine_reads_a_title_cased_headline_s_claims():
    from alignment import AlignConfig, Document, align

    # read as it is written, the parser finds no verb in this headline
    text = (
        "Court Jails Former Mayor For Bribery\n"
        "A court in Tarsk jailed the former mayor for six years on Monday for bribery.\n"
    )
    other = Document(id="b", text="The former mayor of Tarsk was jailed for bribery.\n")
    result = align([Document(id="a", text=text), other], AlignConfig(semantic="off"))
    headline = next(p for p in result.passages if p.doc == 0 and p.first == 0)
    assert "jail" in {c.predicate for c in result.reading(headline).claims}


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("programme", "program"),
        ("centres", "centers"),
        ("fibre", "fiber"),
        ("analysed", "analyzed"),
        ("catalogue", "catalog"),
        ("defence", "defense"),
        ("licence", "license"),
        ("organise", "organize"),
    ],
)
def test_a_quote_word_spelled_the_british_way_meets_the_american(british, american):
    from alignment.normalize import american_word

    assert american_word(british) == american_word(american) == american


@pytest.mark.parametrize("word", ["more", "genre", "here", "programmer", "dense", "acre"])
def test_words_that_only_look_british_stay(word):
    from alignment.normalize import american_word

    assert american_word(word) == word


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("Charles’ 226 yards", "Charles' 226 yards"),
        ("the players’ union", "the players' union"),
        ("it’s the club’s", "it’s the club’s"),  # the parser reads these as they are
        ("‘the rules’ said", "‘the rules’ said"),  # a closing mark stays one
        ("“fans’ anger”", "“fans' anger”"),
    ],
)
def test_the_parser_reads_a_curly_possessive_as_one(text, parsed):
    from alignment.normalize import parser_text

    assert parser_text(text) == parsed
    assert len(parser_text(text)) == len(text)
