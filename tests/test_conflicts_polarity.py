"""Issue 4, negation and polarity: one table per rule, with cases that must not fire."""

from __future__ import annotations

import pytest

from alignment.conflicts import DEFAULT_LEXICON, Lexicon, Side, find_conflicts, is_hedged


def negations(a: str, b: str, lexicon: Lexicon | None = None):
    found = find_conflicts(Side(0, "A", a, 0), Side(1, "B", b, 0), lexicon=lexicon)
    return [c for c in found if c.kind == "negation"]


def span_texts(conflict, a: str, b: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {0: [], 1: []}
    for s in conflict.spans:
        out[s.doc].append((a, b)[s.doc][s.start : s.end])
    return out


FIRES = [
    # negation words
    pytest.param(
        "The company did not raise its prices this year.",
        "The company raised its prices this year.",
        ["not", "raise"],
        ["raised"],
        id="not",
    ),
    pytest.param(
        "The minister never met the rebel leaders.",
        "The minister met the rebel leaders in March.",
        ["never", "met"],
        ["met"],
        id="never",
    ),
    pytest.param(
        "The company raised prices, but it did not cut wages.",
        "The company raised prices and cut wages.",
        ["not", "cut"],
        ["cut"],
        id="negation-in-second-clause",
    ),
    # denial verbs
    pytest.param(
        "The ministry denied that troops had entered the town.",
        "Troops entered the town on Tuesday.",
        ["denied", "entered"],
        ["entered"],
        id="deny",
    ),
    pytest.param(
        "The board rejected the merger proposal.",
        "The board approved the merger proposal.",
        ["rejected", "proposal"],
        ["proposal"],
        id="reject",
    ),
    pytest.param(
        "Officials disputed that the dam had collapsed.",
        "The dam collapsed after days of rain.",
        ["disputed", "collapsed"],
        ["collapsed"],
        id="dispute",
    ),
    pytest.param(
        "The government has denied reports that it offered the rebels an amnesty.",
        "The government offered the rebels an amnesty last week.",
        ["denied", "offered"],
        ["offered"],
        id="denied-reports-that",
    ),
    # antonym verbs and negative words
    pytest.param(
        "The ruling party won the election.",
        "The ruling party lost the election.",
        ["won"],
        ["lost"],
        id="antonym-win-lose",
    ),
    pytest.param(
        "Prices rose sharply in May.",
        "Prices fell sharply in May.",
        ["rose"],
        ["fell"],
        id="rise-fall",
    ),
    pytest.param(
        "The minister was unwilling to resign.",
        "The minister was willing to resign.",
        ["unwilling"],
        ["willing"],
        id="unwilling",
    ),
    # negated quantifiers
    pytest.param(
        "No talks took place between the two sides.",
        "Talks were held between the two sides on Friday.",
        ["No", "talks"],
        ["Talks"],
        id="no-X-took-place",
    ),
    pytest.param(
        "The vote passed without any debate.",
        "A long debate was held before the vote.",
        ["without", "debate"],
        ["debate"],
        id="without-any",
    ),
    pytest.param(
        "The reporter was freed without charge after a night in custody.",
        "Prosecutors charged the reporter with espionage after a night in custody.",
        ["without", "charge"],
        ["charged"],
        id="without-names-no-doer",
    ),
    pytest.param(
        "Ivo Brandt denied taking bribes from a betting syndicate.",
        "Ivo Brandt told the tribunal that he took bribes from a betting syndicate.",
        ["denied", "taking"],
        ["took"],
        id="denier-says-it-happened",
    ),
    pytest.param(
        "Police have not made any arrests.",
        "Police made several arrests overnight.",
        ["not", "arrests"],
        ["arrests"],
        id="not-any",
    ),
    pytest.param(
        "None of the hostages were released.",
        "Four hostages were released on Sunday.",
        ["None", "hostages"],
        ["hostages"],
        id="none-of-the",
    ),
    pytest.param(
        "No one was hurt in the blast.",
        "Three people were hurt in the blast.",
        ["No", "hurt"],
        ["hurt"],
        id="no-one",
    ),
    pytest.param(
        "The company reported a profit of $3.2 billion.",
        "The company reported a loss of $3.2 billion.",
        ["profit"],
        ["loss"],
        id="antonym-profit-loss",
    ),
    pytest.param(
        "The government has not declared a state of emergency.",
        "The government declared a state of emergency in three provinces.",
        ["not", "state"],
        ["state"],
        id="not-with-a-reporting-verb",
    ),
    # synonyms make one claim of two wordings
    pytest.param(
        "No amnesty offers have been made to the general.",
        "Officials have proposed a pardon for the general.",
        ["No", "offers"],
        ["proposed"],
        id="synonyms",
    ),
]


@pytest.mark.parametrize(("a", "b", "words_a", "words_b"), FIRES)
def test_negation_fires(a, b, words_a, words_b):
    (found,) = negations(a, b)
    texts = span_texts(found, a, b)
    for word in words_a:
        assert word in texts[0], (word, texts)
    for word in words_b:
        assert word in texts[1], (word, texts)
    assert " A says " in found.reason or found.reason.split(": ", 1)[1].startswith("A says")
    # the same conflict, whichever side comes first
    assert [c.kind for c in negations(b, a)] == ["negation"]


MUST_NOT_FIRE = [
    # a light verb's object is the claim: two heads, two claims
    pytest.param(
        "There were no casualties at the depot, the fire brigade said.",
        "There were conflicting reports of casualties at the depot.",
        id="there-were-no-X-vs-reports-of-X",
    ),
    pytest.param(
        "The striker had no chance in the second half.",
        "The striker had one final shot in the second half.",
        id="had-no-X-vs-had-a-Y",
    ),
    pytest.param(
        "Ivo Brandt denied taking bribes from a betting syndicate.",
        "Ivo Brandt took bribes from a betting syndicate, the league's inquiry said.",
        id="a-denial-against-another-party-s-finding",
    ),
    pytest.param(
        "The company did not raise prices.",
        "The company has not raised prices.",
        id="both-negative",
    ),
    pytest.param(
        "It remains unclear whether the company raised prices.",
        "The company raised prices.",
        id="hedge-unclear-whether",
    ),
    pytest.param(
        "The company may not raise prices.", "The company raised prices.", id="hedge-modal"
    ),
    pytest.param(
        "The minister reportedly met the rebels.",
        "The minister never met the rebels.",
        id="hedge-reportedly",
    ),
    pytest.param(
        "The army did not enter the city.",
        "Aid convoys entered the capital.",
        id="one-shared-word-is-not-a-claim",
    ),
    pytest.param(
        "The newspaper claimed that troops entered the town.",
        "Troops did not enter the town.",
        id="claim-credited-to-another-party",
    ),
    pytest.param(
        "Not only did the army enter the town, it stayed for a week.",
        "The army entered the town.",
        id="idiom-not-only",
    ),
    pytest.param(
        "It is not the first time the company has raised prices.",
        "The company raised prices.",
        id="idiom-not-the-first-time",
    ),
    pytest.param(
        "Whether or not the talks happened, the deal was signed.",
        "The deal was signed.",
        id="idiom-whether-or-not",
    ),
    pytest.param(
        "He refused to relinquish power.",
        "He was offered a pension in exchange for relinquishing power.",
        id="hypothetical-in-exchange-for",
    ),
    pytest.param(
        "He would not accept the offer.",
        "He accepted the offer.",
        id="hypothetical-would",
    ),
    pytest.param(
        "No offers have been made since the election.",
        "An offer was made to the rebels last year.",
        id="denial-since-vs-past",
    ),
    pytest.param(
        "The company did not raise prices, but it cut wages.",
        "The company cut wages.",
        id="negation-ends-at-clause",
    ),
    pytest.param(
        "The minister was not willing to discuss leaving office.",
        "The minister was unwilling to discuss leaving office.",
        id="not-willing-vs-unwilling",
    ),
    pytest.param(
        "The results were announced in May.",
        "The results were announced in May.",
        id="month-may-is-no-hedge",
    ),
    pytest.param(
        "The party won the election.",
        "The party won the election comfortably.",
        id="same-polarity",
    ),
    pytest.param(
        "The president has not ruled out new sanctions.",
        "The president announced new sanctions.",
        id="double-negation-not-ruled-out",
    ),
    pytest.param(
        "Evidence supports the victory of the opposition leader in the election.",
        "There is evidence that the president lost the election.",
        id="antonym-with-different-subjects",
    ),
    pytest.param(
        "The disputed election outcome led to protests.",
        "The election outcome led to protests.",
        id="participle-adjective-is-no-denial",
    ),
    pytest.param(
        "The minister has not made any offers of a pardon to the rebels since the election.",
        "The rebels rejected the election results.",
        id="negation-does-not-reach-the-adjunct",
    ),
]


@pytest.mark.parametrize(("a", "b"), MUST_NOT_FIRE)
def test_negation_does_not_fire(a, b):
    assert negations(a, b) == []
    assert negations(b, a) == []


def test_lexicon_extends_denials():
    a = "The government disavowed the agreement with the rebels."
    b = "The government signed the agreement with the rebels."
    assert negations(a, b) == []
    extended = DEFAULT_LEXICON.extended(denials=["disavow"])
    assert [c.kind for c in negations(a, b, extended)] == ["negation"]


def test_lexicon_extends_hedges():
    a = "The minister apparently met the rebel leaders."
    b = "The minister never met the rebel leaders."
    assert [c.kind for c in negations(a, b)] == ["negation"]
    assert negations(a, b, DEFAULT_LEXICON.extended(hedges=["apparently"])) == []


def test_lexicon_rejects_unknown_list():
    with pytest.raises(TypeError, match="no word list"):
        DEFAULT_LEXICON.extended(negation_words=["nope"])


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("It remains unclear whether the U.S. made an offer.", True),
        ("The U.S. might offer amnesty to Maduro.", True),
        ("Reportedly, the talks were held in Doha.", True),
        ("Reports suggested a deal was close.", True),
        ("May officials confirm the talks?", True),  # a hedge opening a sentence
        ("The talks were held in May.", False),  # a month, not a hedge
        ("The mayor opened the bridge.", False),  # a longer word, not "may"
        ("The State Department denied the reports.", False),
    ],
)
def test_hedged_passages(text, hedged):
    assert is_hedged(text) is hedged


def test_hedges_from_the_config_count():
    text = "Officials hinted at a deal."
    assert not is_hedged(text)
    assert is_hedged(text, DEFAULT_LEXICON.extended(hedges=("hinted",)))
