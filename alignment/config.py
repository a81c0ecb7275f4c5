"""AlignConfig and load_config(): a YAML file turned into a typed, checked value."""

from __future__ import annotations

import dataclasses
import difflib
import re
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

import yaml

from .errors import ConfigError, DocumentError
from .load import (
    MAX_FILE_BYTES,
    MAX_YAML_BYTES,
    FileRefused,
    YamlAliasError,
    parse_yaml,
    read_regular,
)

DEFAULT_CONFIG_NAME = "parallax.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignConfig:
    """Thresholds, weights and word lists of the engine; every field has a default.

    Attributes:
        link_threshold: minimum combined score in [0, 1] for two passages to be linked.
        candidate_cutoff: weighted-cosine floor below which a pair is never scored further
            (the blocking step that keeps large stories sub-quadratic).
        cosine_weight: share of the weighted cosine in the combined score; the rest is
            rapidfuzz token_set_ratio on the normalised text.
        name_weight: multiplier of a word's weight when it is a name or a number.
        common_word_weight: multiplier for words found in every source (they tell little).
        doc_gate: how much a pair's score is pulled down when its two articles are
            dissimilar (0 = ignore article similarity, 1 = full gate).
        event_split: the articles are split into events (two earthquakes, two arrests) when
            the articles of two halves are less alike than this share of the articles within
            them (0 = never split).
        event_gate: how much a pair's score is pulled down when its two articles tell two
            different events.
        clause_weight: a pair's score is at least this times the score of its best pair of
            clauses (0 turns clause matching off).
        measure_boost: added to the score of two passages that give a figure for the same
            measure (arrests, deaths, a bounty) claimed by the same party, and taken from two
            whose figures for a measure are claimed by different named parties (0: off).
        number_similarity: below this score, two linked passages are compared only on the
            measures of the word lists (arrests, deaths, votes, ...) and money, not on any
            noun they both count (in a match report "32 yards" and "205 yards" are two plays).
        clause_min_words: clauses with fewer content words are not compared on their own.
        max_passage_sentences: longest passage (1 to 3 consecutive sentences).
        merge_gain: how much better a multi-sentence passage must score than its parts.
        neighbour_weight: share of the neighbour evidence in a pair's score: how alike the two
            passages' links to the rest of the story are (two passages that the same other
            sources echo tell the same fact; 0 = off).
        neighbour_floor: a link counts as a neighbour when it scores at least this times the
            link threshold.
        group_cohesion: share of the cross-source pairs of two groups that must be supported
            for them to merge into one fact (high: facts, not topics).
        group_join: share of a fact's passages from other sources that must support a
            passage linked to it for it to join that fact too (a passage telling two facts
            sits in both).
        group_pair: a link scoring this times the threshold that fits no fact (neither
            passage joins the other's group) is a fact of its own, of the two passages.
        group_attach: a passage left out of every group joins the group of its best link when
            that link scores at least this times the link threshold.
        group_support: a pair scoring at least this share of ``link_threshold`` counts as
            support when groups merge (a near-link is evidence, not a link).
        max_block_size: sentences per cdist block on large inputs.
        max_passage_chars: long runs without sentence ends are cut into pieces of this size.
        min_words: sentences with fewer content words are not aligned.
        boilerplate_phrases: extra phrases (case-insensitive) that mark a line as site junk.
        negation_words: more words that negate what follows ("not", "never", ...).
        denial_words: more verbs that deny what follows ("deny", "reject", ...).
        hedge_words: more words after which a claim is uncertain ("unclear", "may", ...).
        reporting_verbs: more verbs that credit a claim to their subject ("claim", ...).
        workers: threads for rapidfuzz (-1 = all cores, else 1 to 256).
        max_file_bytes: the largest article read, in bytes (a larger one is refused; in a
            folder, skipped with a warning).
        semantic: use the optional embedding extra: "auto", "on" or "off".
        semantic_weight: share of the embedding cosine in the score when semantic is on.
        semantic_threshold: the link threshold when semantic is on (mixed scores run higher).
        semantic_topic: share of the story's mean meaning taken out of each passage's before
            two are compared (what every passage says is the story, not a fact).
        semantic_model_path: a local folder with the model, instead of the packaged one.
        fetch_timeout: seconds to fetch one web page (redirects included) before giving up.
    """

    link_threshold: float = 0.33
    candidate_cutoff: float = 0.1
    cosine_weight: float = 0.55
    name_weight: float = 2.0
    common_word_weight: float = 0.5
    doc_gate: float = 0.7
    event_split: float = 0.8
    event_gate: float = 0.3
    clause_weight: float = 0.8
    measure_boost: float = 0.15
    number_similarity: float = 0.5
    clause_min_words: int = 3
    max_passage_sentences: int = 3
    merge_gain: float = 0.15
    neighbour_weight: float = 0.6
    neighbour_floor: float = 1.0
    group_cohesion: float = 0.8
    group_join: float = 0.6
    group_pair: float = 1.2
    group_support: float = 1.0
    group_attach: float = 1.0
    max_block_size: int = 4000
    max_passage_chars: int = 1000
    min_words: int = 3
    boilerplate_phrases: tuple[str, ...] = field(default=())
    negation_words: tuple[str, ...] = field(default=())
    denial_words: tuple[str, ...] = field(default=())
    hedge_words: tuple[str, ...] = field(default=())
    reporting_verbs: tuple[str, ...] = field(default=())
    workers: int = -1
    max_file_bytes: int = MAX_FILE_BYTES
    semantic: str = "auto"
    semantic_weight: float = 0.5
    semantic_threshold: float = 0.36
    semantic_topic: float = 0.5
    semantic_model_path: str = ""
    fetch_timeout: float = 20.0


# Closed ranges checked on load; anything not listed only needs the right type.
_RANGES: dict[str, tuple[float, float]] = {
    "link_threshold": (0.0, 1.0),
    "candidate_cutoff": (0.0, 1.0),
    "cosine_weight": (0.0, 1.0),
    "name_weight": (0.0, 100.0),
    "common_word_weight": (0.0, 1.0),
    "doc_gate": (0.0, 1.0),
    "event_split": (0.0, 1.0),
    "event_gate": (0.0, 1.0),
    "clause_weight": (0.0, 1.0),
    "clause_min_words": (1, 100),
    "measure_boost": (0.0, 1.0),
    "number_similarity": (0.0, 1.0),
    "max_passage_sentences": (1, 3),
    "merge_gain": (0.0, 1.0),
    "neighbour_weight": (0.0, 1.0),
    "neighbour_floor": (0.0, 10.0),
    "group_cohesion": (0.0, 1.0),
    "group_join": (0.0, 1.0),
    "group_pair": (1.0, 10.0),
    "group_support": (0.0, 1.0),
    "group_attach": (1.0, 10.0),
    "max_block_size": (100, 1_000_000),
    "max_passage_chars": (50, 1_000_000),
    "min_words": (0, 100),
    "workers": (-1, 256),
    "max_file_bytes": (1, 2**40),
    "semantic_weight": (0.0, 1.0),
    "semantic_threshold": (0.0, 1.0),
    "semantic_topic": (0.0, 1.0),
    "fetch_timeout": (0.1, 600.0),
}
_CHOICES: dict[str, tuple[str, ...]] = {"semantic": ("auto", "on", "off")}


# A top-level key at the start of a line ("key:" then a space or the end of the line).
_TOP_KEY = re.compile(r"^([^\s#\-?:][^:#]*?)\s*:(?:\s|$)")


def _syntax_error(path: Path, text: str, exc: yaml.YAMLError) -> ConfigError:
    """One line for a YAML syntax error: file, line, the top-level key it is in, the problem."""
    lines = text.splitlines()
    filled = [i + 1 for i, line in enumerate(lines) if line.strip()]
    last = filled[-1] if filled else 1
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    line = problem_mark.line + 1 if problem_mark is not None else None
    if line is not None and line > last:
        # The parser ran off the end: the unfinished value started at the context mark.
        line = last
        if context_mark is not None and context_mark.line + 1 <= last:
            line = context_mark.line + 1
    # The key whose value holds the error: where an unfinished bracket or quote was opened,
    # else the line of the problem.
    anchor = line
    context = str(getattr(exc, "context", None) or "")
    if context_mark is not None and "block" not in context and context_mark.line + 1 <= last:
        anchor = context_mark.line + 1
    key = None
    if anchor is not None and 0 < anchor <= len(lines):
        # A key on the line itself (even indented), else the top-level key above it.
        above = [lines[anchor - 1].strip(), *reversed(lines[: anchor - 1])]
        for candidate in above:
            found = _TOP_KEY.match(candidate)
            if found:
                key = found.group(1).strip().strip("'\"")
                break
    problem = str(getattr(exc, "problem", None) or "not valid YAML")
    if problem.startswith("but ") and context:
        problem = f"{context} {problem}"
    problem = " ".join(problem.split())
    where = str(path)
    if line is not None:
        where += f", line {line}"
    if key:
        where += f" (key '{key}')"
    return ConfigError(f"{where}: {problem}")


# A bounded repr: a huge or deeply nested value costs no more than its first few items.
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring = 2, 4, 4, 50


def _coerce(name: str, value: Any, kind: Any, where: str) -> Any:
    shown = _SHORT.repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    bad = ConfigError(f"{where}: '{name}' must be {_describe(kind)}, got {shown}")
    if kind is bool:
        if not isinstance(value, bool):
            raise bad
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad
        return float(value)
    if kind is str:
        if not isinstance(value, str):
            raise bad
        return value
    # tuple[str, ...]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad
    return tuple(value)


def _describe(kind: Any) -> str:
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(
        kind, "a list of strings"
    )


def config_from_mapping(data: dict[str, Any], source: str = "config") -> AlignConfig:
    """Build an AlignConfig from a mapping, checking keys, types and ranges.

    Args:
        data: key -> value, as read from YAML or given by a caller.
        source: how to name the origin in messages (a file name, with line numbers known).

    Raises:
        ConfigError: on an unknown key, a wrong type or a value out of range.
    """
    return _build(data, source, {})


def _build(data: dict[str, Any], source: str, lines: dict[str, int]) -> AlignConfig:
    hints = get_type_hints(AlignConfig)
    names = [f.name for f in dataclasses.fields(AlignConfig)]
    unknown = [k for k in data if k not in names]
    if unknown:
        parts = []
        for key in unknown:
            hint = difflib.get_close_matches(str(key), names, n=1)
            at = f"line {lines[str(key)]}: " if str(key) in lines else ""
            parts.append(
                f"{at}unknown key '{key}'" + (f" (did you mean '{hint[0]}'?)" if hint else "")
            )
        # "file, line 3: unknown key ..." like the other messages; ": " when no line is known.
        raise ConfigError(
            f"{source}{', ' if parts[0].startswith('line') else ': '}" + "; ".join(parts)
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        where = f"{source}, line {lines[key]}" if key in lines else source
        if key in _CHOICES and isinstance(value, bool):
            # YAML 1.1 reads a bare on/off (yes/no) as a boolean: take it as the word meant.
            value = "on" if value else "off"
        value = _coerce(key, value, hints[key], where)
        if key in _RANGES:
            low, high = _RANGES[key]
            if not low <= value <= high:
                raise ConfigError(f"{where}: '{key}' must be between {low} and {high}, got {value}")
            if key == "workers" and value == 0:
                raise ConfigError(
                    f"{where}: 'workers' must be -1 (all cores) or 1 to {high}, got 0"
                )
        if key in _CHOICES and value not in _CHOICES[key]:
            raise ConfigError(f"{where}: '{key}' must be one of {', '.join(_CHOICES[key])}")
        values[key] = value
    return AlignConfig(**values)


def load_config(path: str | Path | None = None, *, cwd: Path | None = None) -> AlignConfig:
    """Read a YAML config file; defaults when there is none.

    Args:
        path: the file given with ``--config``; None looks for ``parallax.yaml`` in ``cwd``.
        cwd: the folder to look in (the working folder by default).

    Returns:
        The checked config.

    Raises:
        ConfigError: the file is missing (when named), unreadable, not YAML, not a mapping,
            or holds an unknown key or a bad value.
    """
    if path is None:
        candidate = (cwd or Path.cwd()) / DEFAULT_CONFIG_NAME
        if not candidate.exists():
            return AlignConfig()
        path = candidate
    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder, not a config file")
    try:
        raw = read_regular(path, MAX_YAML_BYTES)
    except FileRefused as exc:
        what = exc.reason.removesuffix(", not a regular file")
        end = "not a config file" if what.startswith("is ") else "too large for a config file"
        raise ConfigError(f"{path}: {what}, {end}") from None
    except DocumentError as exc:
        if exc.message.endswith("no such file or folder"):
            raise ConfigError(f"{path}: config file not found") from None
        reason = exc.message.removeprefix(f"{path}: cannot be read ")
        raise ConfigError(f"{path}: cannot read config file {reason}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}, line {line}: not valid UTF-8") from None
    try:
        parsed = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    except YamlAliasError as exc:
        raise ConfigError(f"{path}, {exc}") from None
    data = parsed.data
    if data is None:
        return AlignConfig()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of key: value, got {type(data).__name__}")
    for key, line, first in parsed.repeated[:1]:
        raise ConfigError(
            f"{path}, line {line}: key '{key}' is given twice (first on line {first})"
        )
    return _build(data, str(path), parsed.lines)
