"""The parser in a child process: spaCy reads claims on one core while the caller works on another.

spaCy's parse is Python-heavy: in a thread beside the lexical stages and the embeddings it
fights them for the interpreter lock, and a cold run pays the sum of both. A
``ParserProcess`` is a fresh interpreter, ``python -m alignment.parser_process``, started with
``subprocess`` (never a ``fork`` of a process that already runs threads; and unlike
multiprocessing's ``spawn`` it does not import the caller's main module again). It imports
spaCy, loads the checked pipeline (``parse.load_parser``) and then answers requests: a list
of texts in, their ``Reading``s out, parsed in the same batches and by the same code
(``claims.read_parsed``) as in the caller's process, so the readings are the same.

Started early (``start``), the child imports spaCy and loads the model while the caller
still loads documents and splits sentences. Errors are one line: the child reports a
``ParallaxError``'s message (a missing or changed model) or the name of an unexpected
exception; a child that dies (killed, out of memory) is reported with how it ended. The child
writes nothing to the terminal, ignores Ctrl+C (the caller decides), ends when its caller
ends or closes the socket, and is killed by ``close``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from .errors import ParallaxError

if TYPE_CHECKING:
    from .claims import Reading
    from .lexicon import Lexicon

# The child inherits its end of a socket pair by descriptor (``pass_fds``): POSIX only.
# Elsewhere readers parse in their own process.
SUPPORTED = os.name == "posix"
# How often the caller looks whether the child is still alive while it waits (seconds).
POLL_SECONDS = 0.1
# How often the child looks whether its caller is still alive (seconds).
WATCH_SECONDS = 0.5
# How long a killed child gets to be reaped.
CLOSE_GRACE = 2.0


class ParserProcessError(ParallaxError):
    """The parser's child process failed or ended before it answered."""


def _watch_parent(parent: int) -> None:
    """End the child when its caller is gone (killed before it could close the socket)."""
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(0)


def _serve(connection: Connection, parent: int) -> None:
    """The child's loop: load the parser, then answer ``(texts, lexicon)`` requests.

    Each answer is ``("ok", readings)`` or ``("error", one line)``; ``None`` or a closed
    socket ends the loop.
    """
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    from .claims import read_parsed
    from .lexicon import DEFAULT_LEXICON
    from .parse import load_parser, parse

    failure: str | None = None
    try:
        load_parser()
    except ParallaxError as error:
        failure = error.message
    except Exception as error:  # reported through the socket, as one line
        failure = f"the parser cannot be loaded ({type(error).__name__})"
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        if failure is not None:
            answer: tuple[str, Any] = ("error", failure)
        else:
            texts, lexicon = request
            try:
                words = DEFAULT_LEXICON if lexicon is None else lexicon
                answer = ("ok", [read_parsed(doc, words) for doc in parse(texts)])
            except ParallaxError as error:
                answer = ("error", error.message)
            except Exception as error:
                answer = ("error", f"the parser failed ({type(error).__name__})")
        try:
            connection.send(answer)
        except (OSError, ValueError):
            return


def main(argv: Sequence[str]) -> int:
    """The child's entry: ``python -m alignment.parser_process FD PARENT_PID``."""
    # The terminal sends Ctrl+C to the whole process group: the caller handles it and
    # closes this child.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        fd, parent = int(argv[0]), int(argv[1])
    except (IndexError, ValueError):
        return 2
    _serve(Connection(fd), parent)
    return 0


class ParserProcess:
    """One child process that parses texts and reads their claims.

    Thread-safe: requests from several threads are answered one after another. The child is
    started by ``start`` or the first ``read``, and again by a ``read`` after ``close``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self._closing = threading.Event()
        self._registered = False

    @property
    def running(self) -> bool:
        """True while a child is started and not closed."""
        return self._process is not None

    def start(self) -> None:
        """Start the child now (it loads the parser at once), unless it runs already.

        Raises:
            ParserProcessError: the system cannot start it.
        """
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._process is not None:
            return
        # A child started early (``start_early``) is this one, if no other reader took it.
        self._process, self._connection = _take_early() or _spawn()
        self._closing.clear()
        if not self._registered:
            # A normal exit stops and reaps the child at once (it would see the caller gone
            # within WATCH_SECONDS anyway).
            atexit.register(self.close)
            self._registered = True

    def read(self, texts: Sequence[str], lexicon: Lexicon | None = None) -> list[Reading]:
        """The reading of each text, in order, read by the child.

        Args:
            texts: the texts to parse.
            lexicon: the word lists for the claims; None for the default one.

        Raises:
            ParserProcessError: the child failed, ended, or was closed meanwhile.
        """
        if not texts:
            return []
        with self._lock:
            self._start_locked()
            process, connection = self._process, self._connection
            assert process is not None
            assert connection is not None
            try:
                connection.send((list(texts), lexicon))
                while not connection.poll(POLL_SECONDS):
                    if self._closing.is_set() or process.poll() is not None:
                        break
                answer = connection.recv()
            except (EOFError, OSError):
                stopped = self._closing.is_set()
                self._close_locked()
                if stopped:
                    raise ParserProcessError("the parser process was stopped") from None
                raise ParserProcessError(
                    f"the parser process ended unexpectedly ({_how(process)})"
                ) from None
        kind, value = answer
        if kind != "ok":
            raise ParserProcessError(str(value))
        readings: list[Reading] = value
        return readings

    def close(self) -> None:
        """Stop the child at once (a request under way fails with ``ParserProcessError``).

        The child holds nothing to clean up (it writes no file), so it is killed rather than
        asked to end: a parse under way would finish first.
        """
        self._closing.set()
        process = self._process
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()
        with self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if process is not None and connection is not None:
            _stop(process, connection)


def _spawn() -> tuple[subprocess.Popen[bytes], Connection]:
    """Start a child (it loads the parser at once) and return it with the caller's end of
    its socket.

    Raises:
        ParserProcessError: the system cannot start it.
    """
    mine, theirs = socket.socketpair()
    command = [sys.executable, "-m", __name__, str(theirs.fileno()), str(os.getpid())]
    try:
        # Nothing from the child may reach the terminal (the reader draws on it):
        # problems come back through the socket, or as the way the child ended.
        process = subprocess.Popen(
            command,
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except (OSError, ValueError) as error:  # ValueError: no interpreter path
        mine.close()
        reason = error.strerror if isinstance(error, OSError) else None
        raise ParserProcessError(f"cannot start the parser process ({reason or error})") from None
    finally:
        theirs.close()  # the child holds its end; ours reads EOF when the child dies
    return process, Connection(mine.detach())


# The child started by ``start_early``, until a ``ParserProcess`` takes it.
_early: tuple[subprocess.Popen[bytes], Connection] | None = None
_early_lock = threading.Lock()


def start_early() -> bool:
    """Start one child now, before the caller knows what it will parse.

    spaCy's import and the model's load take about a second; started first thing in a
    process (``python -m tui`` on a cold cache), the child spends it while the caller still
    imports the engine. The first ``ParserProcess`` that starts a child takes this one
    instead; one never taken is killed at exit (``drop_early``). Returns False when no child
    could be started (not POSIX, or the system refused): readers then start their own.
    """
    global _early
    if not SUPPORTED:
        return False
    with _early_lock:
        if _early is None:
            try:
                _early = _spawn()
            except ParserProcessError:
                return False
            atexit.register(drop_early)
    return True


def _take_early() -> tuple[subprocess.Popen[bytes], Connection] | None:
    """The early child, now the caller's; None when there is none (or it died)."""
    global _early
    with _early_lock:
        early, _early = _early, None
    if early is not None and early[0].poll() is not None:
        _stop(*early)
        return None
    return early


def drop_early() -> None:
    """Kill the early child if no reader took it."""
    global _early
    with _early_lock:
        early, _early = _early, None
    if early is not None:
        _stop(*early)


def _stop(process: subprocess.Popen[bytes], connection: Connection) -> None:
    connection.close()
    if process.poll() is None:
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(CLOSE_GRACE)


class ParserPool:
    """Child parsers for one reader: one for most stories, more for a big request.

    A request of at least ``split_texts`` texts is cut into contiguous parts of about the
    same number of characters, one per child, parsed at once and joined back in order (a
    text's reading does not depend on the batch it is parsed in). Each further child costs
    its own spaCy load (about a second of CPU), so smaller requests go to the first child.

    Args:
        processes: children at most (at most one per core).
        split_texts: the smallest request cut into parts.
    """

    def __init__(self, processes: int = 2, split_texts: int = 600) -> None:
        cores = os.cpu_count() or 1
        self.children = [ParserProcess() for _ in range(max(1, min(processes, cores)))]
        self.split_texts = split_texts

    @property
    def running(self) -> bool:
        """True while a child is started and not closed."""
        return any(c.running for c in self.children)

    def start(self, count: int) -> None:
        """Start now the children that a request of ``count`` texts will use.

        Raises:
            ParserProcessError: the system cannot start one.
        """
        for child in self.children[: self._parts(count)]:
            child.start()

    def _parts(self, count: int) -> int:
        return len(self.children) if count >= self.split_texts else 1

    def read(self, texts: Sequence[str], lexicon: Lexicon | None = None) -> list[Reading]:
        """The reading of each text, in order (see ``ParserProcess.read``).

        Raises:
            ParserProcessError: a child failed, ended, or was closed meanwhile.
        """
        parts = _cut(list(texts), self._parts(len(texts)))
        if len(parts) == 1:
            return self.children[0].read(parts[0], lexicon)
        threads: list[threading.Thread] = []
        answers: list[list[Reading] | BaseException] = [[] for _ in parts]

        def read_part(k: int) -> None:
            try:
                answers[k] = self.children[k].read(parts[k], lexicon)
            except BaseException as error:
                answers[k] = error

        for k in range(len(parts)):
            threads.append(threading.Thread(target=read_part, args=(k,), daemon=True))
            threads[-1].start()
        for thread in threads:
            thread.join()
        out: list[Reading] = []
        for answer in answers:
            if isinstance(answer, BaseException):
                raise answer
            out.extend(answer)
        return out

    def close(self) -> None:
        """Stop every child at once."""
        for child in self.children:
            child.close()


def _cut(texts: list[str], parts: int) -> list[list[str]]:
    """``texts`` in ``parts`` contiguous runs of about the same number of characters."""
    if parts <= 1 or len(texts) < parts:
        return [texts]
    total = sum(len(t) for t in texts) or 1
    out: list[list[str]] = [[]]
    done = 0
    for text in texts:
        if done >= total * len(out) / parts and len(out) < parts:
            out.append([])
        out[-1].append(text)
        done += len(text)
    return out


def _how(process: subprocess.Popen[bytes]) -> str:
    """How a child ended, in words ("exit code 1", "killed by signal 9")."""
    try:
        code = process.wait(CLOSE_GRACE)
    except subprocess.TimeoutExpired:
        return "still running"
    if code < 0:
        return f"killed by signal {-code}"
    return f"exit code {code}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
