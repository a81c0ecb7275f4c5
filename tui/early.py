"""The parser's child process, started first thing on a first run.

spaCy's import and the model's load take about a second, and the engine's imports about
half of one. ``python -m tui`` calls ``start_parser_early`` before it imports anything else:
when the claims cache holds no reading of this extractor (a first run, or the first after
the claim layer changed), every text of the story will need the parser, so its child starts
now and loads spaCy while this process imports the engine; the claims reader then takes it
(``parser_process.start_early``). On a later run the cache answers, and no child starts
before the story's texts are known to need one.

Only the standard library and the light part of ``alignment`` are imported here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Runs that never align in this process: the help, and batches (their workers parse); and
# ``--save`` alone, which only writes the story's files.
_NO_ALIGNMENT = ("-h", "--help", "--batch")
_SAVE = "--save"
_OUTPUTS = ("--export", "--report", "--export-json")


def start_parser_early(argv: Sequence[str] | None = None) -> bool:
    """Start the parser's child now when this run will surely need it; True if started.

    Args:
        argv: the command line's arguments (``sys.argv[1:]`` when None).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    flags = {a.split("=", 1)[0] for a in args if a.startswith("-")}
    if flags & {*_NO_ALIGNMENT} or (_SAVE in flags and not flags & {*_OUTPUTS}):
        return False
    try:
        if not claims_cache_cold():
            return False
        from alignment.parser_process import start_early

        return start_early()
    except Exception:  # only a head start: the reader starts its child when it needs one
        return False


# ``claims.CACHE_FILE``, named here so that a first run, which has no such file, starts its
# parser without importing the claim layer first (a test keeps the two the same).
CLAIMS_FILE = "claims.sqlite3"


def claims_cache_cold() -> bool:
    """True when the claims cache holds no reading of this extractor (no file, or none of
    its rows from this version of the claim layer and model)."""
    from alignment.disk_cache import default_cache_dir

    folder = default_cache_dir()
    if not (folder / CLAIMS_FILE).is_file():
        return True
    from alignment.claims import cache_holds_claims

    return not cache_holds_claims(folder)
