"""Parallax's alignment engine: N articles in, linked passages, fact groups and conflicts out.

A pure library (no UI import). One entry: ``align(documents, config) -> Alignment``.

The public names load on first use (PEP 562): ``import alignment.parse`` in the parser's
child process (``parser_process.py``) must not pay for numpy, scipy and the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import AlignConfig, load_config
    from .engine import align
    from .errors import ConfigError, DocumentError, ExportError, ParallaxError
    from .load import Loaded, load_documents
    from .model import (
        Alignment,
        Conflict,
        Document,
        Group,
        Pair,
        Passage,
        Sentence,
        Span,
    )

# Each public name and the module that owns it.
_OWNERS = {
    "AlignConfig": "config",
    "load_config": "config",
    "align": "engine",
    "ConfigError": "errors",
    "DocumentError": "errors",
    "ExportError": "errors",
    "ParallaxError": "errors",
    "Loaded": "load",
    "load_documents": "load",
    "Alignment": "model",
    "Conflict": "model",
    "Document": "model",
    "Group": "model",
    "Pair": "model",
    "Passage": "model",
    "Sentence": "model",
    "Span": "model",
}


def __getattr__(name: str) -> Any:
    owner = _OWNERS.get(name)
    if owner is None:
        raise AttributeError(f"module 'alignment' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{owner}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AlignConfig",
    "Alignment",
    "ConfigError",
    "Conflict",
    "Document",
    "DocumentError",
    "ExportError",
    "Group",
    "Loaded",
    "Pair",
    "ParallaxError",
    "Passage",
    "Sentence",
    "Span",
    "align",
    "load_config",
    "load_documents",
]
