"""A head start for the reader: the parser reads the story's claims while Textual loads.

The reader's worker loads the documents and aligns them once the app is mounted; spaCy then
still has to load (about a second) before it can parse. Started here, before Textual is
imported, the parser's child process loads and parses the story's new sentences meanwhile,
and the worker's ``align`` finds their claims ready (``ClaimReader.prefetch``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from alignment import AlignConfig, load_documents
from alignment.claims import disk_claims_reader
from alignment.engine import prefetch_claims
from alignment.web import is_address


def head_start(paths: Sequence[str | Path], config: AlignConfig) -> None:
    """For a story of local files, start reading its claims in the background.

    Web addresses are left to the reader, which fetches them with a progress line. Any
    problem is left to the reader's worker too: it reads the same files and reports it.
    """
    if any(is_address(str(p)) for p in paths):
        return
    # The process's reader, made here and not in the thread: two threads that both make it
    # first (this one and the reader's worker) could each get their own, and parse twice.
    reader = disk_claims_reader()

    def prefetch() -> None:
        try:
            loaded = load_documents(list(paths), max_file_bytes=config.max_file_bytes)
            if len(loaded.documents) >= 2:
                prefetch_claims(loaded.documents, config, reader)
        except Exception:  # only a head start: the worker meets the same problem
            return

    threading.Thread(target=prefetch, name="claims-head-start", daemon=True).start()
