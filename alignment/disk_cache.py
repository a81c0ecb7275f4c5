"""A table in an SQLite file that only saves time: the embeddings' and the claims' caches.

Both caches map a key to a value across runs, in the user's cache folder
(``default_cache_dir``). A folder that cannot be written, a locked or
full database: each means no cache (or a value not kept), never an error, since the next run
only computes again.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

# Keys per SQL lookup: SQLite allows a bounded number of parameters per statement.
CHUNK = 500
# The caches' folder: environment override, else $XDG_CACHE_HOME/parallax, else ~/.cache/parallax.
CACHE_ENV = "PARALLAX_CACHE_DIR"


def default_cache_dir() -> Path:
    """The folder of the caches (embeddings, claims, web pages): ``$PARALLAX_CACHE_DIR``, else
    the user's cache folder.

    Returns:
        ``$PARALLAX_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/parallax``, else
        ``~/.cache/parallax``.
    """
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "parallax"


class DiskTable:
    """One table of a cache file in ``folder``, created with ``schema`` when first used.

    Args:
        folder: where the file lives (created when needed).
        file: the file's name.
        schema: the ``CREATE TABLE IF NOT EXISTS`` statement of the table.
    """

    def __init__(self, folder: Path, file: str, schema: str) -> None:
        self.path = folder / file
        self.schema = schema

    def _connect(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=5.0)
            db.execute(self.schema)
        except (OSError, sqlite3.Error):
            return None
        return db

    def select(
        self, query: str, fixed: Sequence[Any], keys: Sequence[Any]
    ) -> list[tuple[Any, ...]]:
        """The rows of ``query`` for every chunk of ``keys``: the query ends with ``IN ({})``,
        filled with one mark per key of the chunk, after the ``fixed`` parameters. No rows
        when the cache cannot be read."""
        db = self._connect()
        if db is None:
            return []
        rows: list[tuple[Any, ...]] = []
        try:
            with db:
                for chunk in _chunks(keys):
                    marks = ",".join("?" * len(chunk))
                    rows.extend(db.execute(query.format(marks), [*fixed, *chunk]).fetchall())
        except sqlite3.Error:
            return []
        finally:
            db.close()
        return rows

    def any_row(self, query: str, params: Sequence[Any]) -> bool:
        """Whether ``query`` finds a row; False when there is no file (none is created) or
        it cannot be read."""
        if not self.path.is_file():
            return False
        db = self._connect()
        if db is None:
            return False
        try:
            return db.execute(query, list(params)).fetchone() is not None
        except sqlite3.Error:
            return False
        finally:
            db.close()

    def insert(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        """Write ``rows`` with ``statement`` (an ``INSERT OR REPLACE``); a disk that is full
        or locked costs the next run some time, nothing else."""
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                db.executemany(statement, rows)
        except sqlite3.Error:
            pass
        finally:
            db.close()


def _chunks(keys: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]


__all__ = ["CACHE_ENV", "CHUNK", "DiskTable", "default_cache_dir"]
