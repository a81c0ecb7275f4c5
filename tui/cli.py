"""Command line: open the reader, or export headless. Problems print one line and exit 2.

``tui/__main__.py`` imports this module only once it can catch Ctrl+C: loading the engine's
libraries takes a moment, and an interrupt then must not print a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from alignment import (
    AlignConfig,
    ExportError,
    Loaded,
    ParallaxError,
    align,
    load_config,
    load_documents,
)
from alignment.claims import disk_claims_reader
from alignment.engine import prefetch_claims
from alignment.export import cleanup_on_signals, csv_text, write_atomic
from alignment.report import json_text, report_markdown
from alignment.safe import one_line
from alignment.save import save_story
from alignment.semantic import load_scorer
from alignment.verdicts import default_verdicts_path, match_verdicts, read_verdicts
from alignment.web import is_address

from . import batch
from .head_start import head_start

EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # as a shell reports a reader killed by SIGPIPE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description=(
            "Read one news story through many sources: aligned passages, the facts they share "
            "and where they contradict each other. With no PATHS, opens the bundled seeds."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATHS",
        help=(
            "articles: web addresses (http://, https://), text files (.txt), saved web pages "
            "(.html, .htm) or folders of them (a folder means its .txt and .html files, by name)"
        ),
    )
    parser.add_argument(
        "--export",
        metavar="FILE",
        help="write the aligned pairs as CSV to FILE ('-' for stdout) and exit without the UI",
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        help="write a Markdown report of the story to FILE ('-' for stdout), without the UI",
    )
    parser.add_argument(
        "--export-json",
        metavar="FILE",
        help="write the whole model as JSON to FILE ('-' for stdout), without the UI",
    )
    parser.add_argument(
        "--save",
        metavar="DIR",
        help=(
            "write the story to the folder DIR (NAME.txt, NAME.html, sources.yaml), to reopen "
            "it offline, and exit without the UI"
        ),
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch web pages anew instead of reading them from the cache",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="let --export, --report, --export-json and --save replace existing files; "
        "with --batch, redo stories that are up to date",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="YAML config file (default: parallax.yaml in the working folder, if present)",
    )
    parser.add_argument(
        "--semantic",
        dest="semantic",
        action="store_const",
        const="on",
        help="use the optional sentence-embedding extra (error if it is not installed)",
    )
    parser.add_argument(
        "--no-semantic",
        dest="semantic",
        action="store_const",
        const="off",
        help="use the lexical scores only, even when the extra is installed",
    )
    parser.add_argument(
        "--verdicts",
        metavar="FILE",
        help=(
            "the fact-checker's verdict file (default: parallax-verdicts.json in the story's "
            "folder, or beside the first file); read by --export, --report and --export-json"
        ),
    )
    parser.add_argument("--theme", metavar="NAME", help="Textual theme for the reader")
    batch.add_arguments(parser)
    return parser


def _config(args: argparse.Namespace) -> AlignConfig:
    import dataclasses

    config = load_config(args.config)
    if args.semantic:
        config = dataclasses.replace(config, semantic=args.semantic)
    return config


def _say(line: str) -> None:
    """One line on stderr, ``parallax: ...``; names and text from input are shown inert.

    Nothing when stderr is closed (``2>&-``): ``print`` would fall back to stdout, which may
    be the CSV.
    """
    if sys.stderr is not None:
        print(f"parallax: {one_line(line)}", file=sys.stderr)


def _warn(lines: Sequence[str]) -> None:
    for line in lines:
        _say(f"warning: {line}")


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (``tui.__main__.main`` catches Ctrl+C)."""
    args = build_parser().parse_args(argv)
    try:
        config = _config(args)
        if batch.wanted(args):
            return batch.cli(args, config)
        if any(t is not None for t in (args.export, args.report, args.export_json, args.save)):
            return _export(args, config)
    except ParallaxError as exc:
        _say(exc.message)
        return EXIT_USAGE
    except OSError as exc:
        # The system refused a path (too long, a loop, no access): the user's to fix.
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"{where}{exc.strerror or exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("interrupted; no partial file was left")
        return 130
    head_start(args.paths, config)  # the parser reads the claims while Textual loads
    from .app import ParallaxApp

    app = ParallaxApp(
        paths=args.paths,
        config=config,
        theme_name=args.theme,
        refresh=args.refresh,
        verdicts_path=_verdicts_path(args),
        head_start=False,  # given above
    )
    with cleanup_on_signals():  # SIGTERM, SIGHUP: the reader's writes leave no temporary file
        app.run()
    return app.return_code or 0


def _outputs(args: argparse.Namespace) -> list[tuple[str, str]]:
    """The headless outputs asked for, as (kind, target); refused before any work is done
    when two share stdout or a file, or a file exists without --force."""
    wanted = [("csv", args.export), ("report", args.report), ("json", args.export_json)]
    outputs = [(kind, target) for kind, target in wanted if target is not None]
    if [target for _, target in outputs].count("-") > 1:
        raise ExportError("only one of --export, --report and --export-json can write to '-'")
    if any(target == "-" for _, target in outputs) and not _stdout_open():
        raise ExportError("stdout is closed: name a file instead of '-'")
    for _, target in outputs:
        if target != "-" and target.endswith(("/", os.sep)):
            raise ExportError(f"{target}: names a folder (it ends with '/'), not a file")
    files = [Path(target) for _, target in outputs if target != "-"]
    if len({f.resolve() for f in files}) < len(files):
        raise ExportError("--export, --report and --export-json must name different files")
    for file in files:
        if file.is_file() and not args.force:
            raise ExportError(f"{file}: already exists (use --force to replace it)")
    return outputs


def _load(args: argparse.Namespace, config: AlignConfig) -> Loaded:
    """The documents, with a progress bar on stderr while pages are fetched (only when stderr
    is a terminal: a pipe or a log file gets the warnings alone)."""
    if (
        sys.stderr is None
        or not sys.stderr.isatty()
        or not any(is_address(str(p)) for p in args.paths)
    ):
        return load_documents(
            args.paths,
            max_file_bytes=config.max_file_bytes,
            fetch_timeout=config.fetch_timeout,
            refresh=args.refresh,
        )
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("fetching pages"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("fetch", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return load_documents(
            args.paths,
            max_file_bytes=config.max_file_bytes,
            fetch_timeout=config.fetch_timeout,
            refresh=args.refresh,
            progress=progress,
        )


def _verdicts_path(args: argparse.Namespace) -> Path:
    """The verdict file: ``--verdicts``, else the story's default."""
    return Path(args.verdicts) if args.verdicts else default_verdicts_path(args.paths)


def _export(args: argparse.Namespace, config: AlignConfig) -> int:
    outputs = _outputs(args)
    # Before any work: a verdict file named but missing, or one that does not parse, stops
    # the run (the default file is read when it is there).
    book = read_verdicts(_verdicts_path(args), missing_ok=not args.verdicts)
    if args.save is not None:
        _check_save_target(Path(args.save), force=args.force)
    loaded = _load(args, config)
    _warn(loaded.warnings)
    if args.save is not None:
        if not loaded.documents:
            _say("no usable source to save")
            return EXIT_USAGE
        folder, warnings = save_story(args.save, loaded.documents, loaded.pages, force=args.force)
        _warn(warnings)
        count = len(loaded.documents)
        _say(f"saved {count} article{'s' if count != 1 else ''} to {folder}")
        if not outputs:
            return 0
    if len(loaded.documents) < 2:
        _say(f"need at least two usable sources to align, got {len(loaded.documents)}")
        return EXIT_USAGE
    # The parser reads the claims in its own process while the embedding model loads.
    reader = disk_claims_reader()
    text = prefetch_claims(loaded.documents, config, reader)
    before = [*loaded.warnings]
    # While the parser's process works, onnxruntime runs each batch on one thread, a batch per
    # core at once: the batches share the cores with the parse, and take them all once it is
    # done (one run on every core slowed the parse more than it sped the embeddings).
    parallel = (os.cpu_count() or 1) if reader.parsing else 1
    scorer = load_scorer(
        config, warn=before.append, threads=1 if reader.parsing else 0, parallel=parallel
    )
    _warn(before[len(loaded.warnings) :])
    alignment = align(
        loaded.documents, config, scorer=scorer, warnings=before, claims=reader, text=text
    )
    _warn(alignment.warnings[len(before) :])  # the engine's own
    judged = match_verdicts(alignment, book)
    if judged.orphans:
        n = len(judged.orphans)
        _warn(
            [
                f"{n} verdict{'s judge' if n != 1 else ' judges'} text no longer in these sources "
                "(orphaned: kept in the file, listed in the report)"
            ]
        )
    render: dict[str, Callable[[], str]] = {
        "csv": lambda: csv_text(alignment, judged),
        "report": lambda: report_markdown(alignment, verdicts=judged),
        "json": lambda: json_text(alignment, judged),
    }
    what = {"csv": f"{len(alignment.pairs)} pairs", "report": "the report", "json": "the model"}
    for kind, target in outputs:
        content = render[kind]()
        if target == "-":
            if not _write_stdout(content):
                return EXIT_BROKEN_PIPE
        else:
            path = write_atomic(target, content, force=args.force)
            _say(f"wrote {what[kind]} to {path}")
    return 0


def _check_save_target(folder: Path, *, force: bool) -> None:
    """Refuse ``--save`` into a folder that holds files before any page is fetched."""
    if force:
        return
    try:
        if folder.is_dir() and any(folder.iterdir()):
            raise ExportError(f"{folder}: already holds files (use --force to write over them)")
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"{folder}: is a file, not a folder")
    except OSError as exc:
        raise ExportError(f"{folder}: cannot write ({exc.strerror or exc})") from None


def _stdout_open() -> bool:
    """True when there is a stdout to write to (``>&-`` closes it: Python sets it to None)."""
    if sys.stdout is None:
        return False
    try:
        os.fstat(sys.stdout.fileno())
    except io.UnsupportedOperation:
        return True  # a stream with no descriptor (tests capture output this way)
    except (OSError, ValueError):
        return False
    return True


def _write_stdout(content: str) -> bool:
    """Write UTF-8 to stdout whatever the locale; False when the reader went away (``| head``)."""
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(content.encode("utf-8", errors="replace"))
            buffer.flush()
        else:
            sys.stdout.write(content)
            sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at devnull so that the flush at exit does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return False
    except OSError as exc:
        raise ExportError(f"cannot write to stdout ({exc.strerror or exc})") from None
    return True
