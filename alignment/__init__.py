"""Parallax's alignment engine: N articles in, linked passages, fact groups and conflicts out.

A pure library (no UI import). One entry: ``align(documents, config) -> Alignment``.
"""

from __future__ import annotations

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
