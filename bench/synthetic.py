"""Synthetic stories for scale benchmarks, built from the seed articles.

Every article is a fresh draw of seed sentences (shuffled across articles), lightly edited the
way outlets rewrite each other: words dropped, neighbours swapped, a word replaced by one from
elsewhere in the story, numbers perturbed. The result is deterministic for a given ``seed``, and
article ``i`` is the same whatever the story's size, so a story of 200 articles starts with the
story of 50.

The generator splits the seeds with a plain regular expression of its own, so the stories do not
change when the engine's sentence splitter is tuned.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

from alignment import Document
from alignment.load import SEEDS_DIR

# Sentence ends: ., ! or ? (optionally closing a quote), then space and an upper-case start.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_WORD = re.compile(r"\S+")

# Edit rates per word, and per number.
DROP_RATE = 0.04
SWAP_RATE = 0.04
REPLACE_RATE = 0.03
NUMBER_RATE = 0.35
# Sentences per article (the seeds hold 20 to 45) and per paragraph.
ARTICLE_SENTENCES = (18, 42)
PARAGRAPH_SENTENCES = (1, 4)


def seed_sentences(texts: Sequence[str]) -> list[str]:
    """Sentences of the given texts, split by line and then by sentence ends.

    Lines of fewer than four words (headlines, bylines, site furniture) are left out.
    """
    out: list[str] = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if len(line.split()) < 4:
                continue
            out.extend(s.strip() for s in _SENTENCE_END.split(line) if len(s.split()) >= 4)
    return out


def _perturb_number(match: re.Match[str], rng: random.Random) -> str:
    raw = match.group()
    if rng.random() >= NUMBER_RATE:
        return raw
    if "." in raw:
        value = float(raw) * rng.uniform(0.8, 1.25)
        return f"{value:.{len(raw.split('.')[1])}f}"
    value = int(raw.replace(",", ""))
    if 1900 <= value <= 2100 and "," not in raw:  # a year: off by one or two
        return str(value + rng.choice((-2, -1, 1, 2)))
    new = max(0, round(value * rng.uniform(0.75, 1.3)))
    if new == value:
        new = value + 1
    return f"{new:,}" if "," in raw else str(new)


def edit_sentence(sentence: str, rng: random.Random, vocabulary: Sequence[str]) -> str:
    """One sentence rewritten: numbers perturbed, some words dropped, swapped or replaced."""
    sentence = _NUMBER.sub(lambda m: _perturb_number(m, rng), sentence)
    words = _WORD.findall(sentence)
    out: list[str] = []
    i = 0
    while i < len(words):
        roll = rng.random()
        if roll < DROP_RATE and len(words) > 5 and i > 0:
            i += 1
            continue
        if roll < DROP_RATE + SWAP_RATE and i + 1 < len(words):
            out.extend((words[i + 1], words[i]))
            i += 2
            continue
        if roll < DROP_RATE + SWAP_RATE + REPLACE_RATE and vocabulary:
            out.append(rng.choice(vocabulary))
        else:
            out.append(words[i])
        i += 1
    return " ".join(out)


def _article(index: int, seed: int, pool: Sequence[str], vocabulary: Sequence[str]) -> str:
    # A string seed is hashed the same way in every run (unlike hash(), which is salted).
    rng = random.Random(f"parallax-bench:{seed}:{index}")
    count = min(len(pool), rng.randint(*ARTICLE_SENTENCES))
    chosen = rng.sample(pool, count)
    paragraphs: list[str] = []
    k = 0
    while k < len(chosen):
        size = rng.randint(*PARAGRAPH_SENTENCES)
        paragraphs.append(" ".join(edit_sentence(s, rng, vocabulary) for s in chosen[k : k + size]))
        k += size
    return "\n".join(paragraphs) + "\n"


def make_story(
    n_articles: int, *, seed: int = 0, seed_texts: Sequence[str] | None = None
) -> tuple[Document, ...]:
    """A synthetic story of ``n_articles`` articles, deterministic for a given ``seed``.

    Args:
        n_articles: how many articles to make.
        seed: any integer; the same seed gives the same story.
        seed_texts: the texts to draw sentences from; the bundled seeds when None.

    Returns:
        Documents with ids ``syn0000``, ``syn0001``, ... and no path.
    """
    if n_articles < 0:
        raise ValueError("n_articles must be >= 0")
    if seed_texts is None:
        seed_texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    pool = seed_sentences(seed_texts)
    if not pool:
        raise ValueError("the seed texts hold no sentence to draw from")
    vocabulary = sorted({w for s in pool for w in s.split() if w.isalpha() and len(w) > 3})
    return tuple(
        Document(id=f"syn{i:04d}", text=_article(i, seed, pool, vocabulary))
        for i in range(n_articles)
    )


def write_story(folder: str | Path, n_articles: int, *, seed: int = 0) -> list[Path]:
    """Write a synthetic story as ``<id>.txt`` files into ``folder`` (created if needed)."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for doc in make_story(n_articles, seed=seed):
        path = target / f"{doc.id}.txt"
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths
