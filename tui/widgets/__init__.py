"""The reader's widgets: one piece of data each."""

from __future__ import annotations

from .detail import DetailPanel
from .search_bar import SearchBar
from .source_pane import PaneData, PaneView, SourcePane
from .verdict_keeper import VerdictKeeper

__all__ = ["DetailPanel", "PaneData", "PaneView", "SearchBar", "SourcePane", "VerdictKeeper"]
