"""Problems a user can fix: each carries a one-line message."""

from __future__ import annotations


class ParallaxError(Exception):
    """A user-fixable problem, shown as one line and exit code 2.

    Args:
        message: the line to show.
        title: a short heading for dialogs and toasts.
    """

    def __init__(self, message: str, title: str = "Error") -> None:
        super().__init__(message)
        self.message = message
        self.title = title

    def __str__(self) -> str:
        return self.message


class ConfigError(ParallaxError):
    """The config file does not parse or holds a bad key or value."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="Config error")


class DocumentError(ParallaxError):
    """An input path cannot be used."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="Input error")


class ExportError(ParallaxError):
    """An export could not be written; nothing was changed on disk."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="Export failed")


def os_reason(exc: OSError) -> str:
    """The system's words for an OS error, in lower case ("no space left on device")."""
    text = exc.strerror or exc.__class__.__name__
    return text[:1].lower() + text[1:]
