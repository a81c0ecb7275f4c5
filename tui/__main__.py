"""``python -m tui`` and the ``parallax`` command: the command line of ``tui/cli.py``.

Only the standard library is imported before Ctrl+C can be caught: an interrupt while the
engine's libraries load (or at any later moment) ends the run with exit code 130 and one line,
never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        from .early import start_parser_early

        # Before the engine's imports: on a first run the parser loads meanwhile.
        start_parser_early(argv)
        from .cli import run

        return run(argv)
    except KeyboardInterrupt:
        if sys.stderr is not None:
            print("parallax: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
