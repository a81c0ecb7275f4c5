"""Splitting a story's articles into events: two look-alike events apart, one story whole."""

from __future__ import annotations

import numpy as np

from alignment import AlignConfig, Document, align
from alignment.articles import events


def _sims(blocks: list[int], within: float, between: float, seed: int = 0) -> np.ndarray:
    """Article similarities: ``within`` inside each block of articles, ``between`` across."""
    rng = np.random.default_rng(seed)
    label = np.repeat(np.arange(len(blocks)), blocks)
    sims = np.where(label[:, None] == label[None, :], within, between).astype(float)
    sims += rng.uniform(-0.02, 0.02, sims.shape)
    sims = (sims + sims.T) / 2
    np.fill_diagonal(sims, 0.0)
    return sims


def _same_partition(labels: np.ndarray, blocks: list[int]) -> bool:
    truth = np.repeat(np.arange(len(blocks)), blocks)
    pairs = labels[:, None] == labels[None, :]
    return bool(np.array_equal(pairs, truth[:, None] == truth[None, :]))


def test_two_events_are_split():
    labels = events(_sims([6, 5], within=0.5, between=0.15), 0.8)
    assert _same_partition(labels, [6, 5])


def test_three_events_are_split():
    labels = events(_sims([5, 5, 6], within=0.5, between=0.1), 0.8)
    assert _same_partition(labels, [5, 5, 6])


def test_an_event_is_cut_again_only_when_the_cut_is_clear():
    # two events; the first one's articles fall in two loose halves (two angles on one event,
    # 0.3 across against 0.5 within): a loose cut inside an event gates links that tell it
    sims = _sims([5, 5, 6], within=0.5, between=0.1)
    sims[:5, 5:10] = sims[5:10, :5] = 0.3
    labels = events(sims, 0.8)
    assert _same_partition(labels, [10, 6])


def test_one_story_stays_whole():
    labels = events(_sims([9], within=0.4, between=0.4), 0.8)
    assert set(labels.tolist()) == {0}


def test_halves_barely_apart_stay_together():
    labels = events(_sims([5, 5], within=0.5, between=0.45), 0.8)
    assert set(labels.tolist()) == {0}


def test_two_wire_copies_are_not_an_event():
    # a near-duplicate pair inside a story: the rest is no tighter than it is to the pair
    sims = _sims([8], within=0.3, between=0.3)
    sims[0, 1] = sims[1, 0] = 0.95
    assert set(events(sims, 0.8).tolist()) == {0}


def test_a_few_stray_articles_are_not_split_off():
    # two articles of twenty apart: below the smallest share an event may hold
    labels = events(_sims([18, 2], within=0.5, between=0.1), 0.8)
    assert set(labels.tolist()) == {0}


def test_zero_turns_splitting_off():
    assert set(events(_sims([6, 5], within=0.5, between=0.1), 0.0).tolist()) == {0}


# Each event told three ways; the two events share the words of any earthquake report.
_LEADS = [
    "A powerful earthquake struck {place} on {day}, killing dozens of people.",
    "Dozens of people were killed when a powerful earthquake hit {place} on {day}.",
    "The earthquake that shook {place} on {day} killed dozens, officials said.",
]
_RESCUE = [
    "Rescuers searched collapsed buildings through the night.",
    "Through the night rescue teams dug through collapsed buildings.",
    "Rescue crews combed the rubble of collapsed buildings overnight.",
]
_EVENTS = [
    {"place": "Nepal", "day": "Saturday", "detail": "Temples in Kathmandu were reduced to rubble."},
    {"place": "Chile", "day": "Tuesday", "detail": "Warehouses in Valparaiso burned down."},
]


def test_articles_about_two_earthquakes_link_less_across():
    docs = [
        Document(
            id=f"{e}{i}",
            text=" ".join([_LEADS[i].format(**event), _RESCUE[i], event["detail"]]),
        )
        for e, event in enumerate(_EVENTS)
        for i in range(3)
    ]

    def cross_scores(config: AlignConfig) -> list[float]:
        result = align(docs, config)
        return [
            p.similarity
            for p in result.pairs
            if (result.passages[p.a].doc < 3) != (result.passages[p.b].doc < 3)
        ]

    split = cross_scores(AlignConfig())
    whole = cross_scores(AlignConfig(event_split=0.0))
    assert sum(split) < sum(whole)


def test_only_clear_events_are_reported(monkeypatch):
    import alignment.scoring as scoring

    docs = [
        Document(
            id=f"{e}{i}",
            text=" ".join([_LEADS[i].format(**event), _RESCUE[i], event["detail"]]),
        )
        for e, event in enumerate(_EVENTS)
        for i in range(3)
    ]
    clear = align(docs)
    assert clear.event_count == 2
    assert clear.events == (0, 0, 0, 1, 1, 1) or clear.events == (1, 1, 1, 0, 0, 0)
    monkeypatch.setattr(scoring, "CLEAR_EVENTS", 0.0)  # no cut is that clear
    assert align(docs).event_count == 1


def test_a_toll_told_of_an_earlier_event_is_not_this_one_s():
    # a background sentence: the toll after "In March last year a cyclone struck" is that
    # cyclone's, so it does not contradict this week's (fails when the engine reads each
    # sentence without the one before it)
    a = Document(
        id="a",
        text="In March last year a cyclone struck the northern coast of Kelon. "
        "Eleven people died in the cyclone and its floods.\n",
    )
    b = Document(
        id="b",
        text="A cyclone struck the northern coast of Kelon this week. "
        "Forty people died in the cyclone and its floods.\n",
    )
    result = align([a, b], AlignConfig(semantic="off"))
    tolls = [p for p in result.pairs if "died" in result.text(result.passages[p.a])]
    assert tolls, "the two tolls are linked"
    assert [c.kind for p in tolls for c in p.conflicts] == []
