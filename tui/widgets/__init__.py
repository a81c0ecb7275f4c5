"""The reader's widgets: one piece of data each."""

from __future__ import annotations

from .detail import DetailPanel
from .source_pane import PaneData, PaneView, SourcePane

__all__ = ["DetailPanel", "PaneData", "PaneView", "SourcePane"]
