"""The README stays true: its config example is valid and states the real defaults."""

from __future__ import annotations

import dataclasses

import yaml

from alignment import AlignConfig
from alignment.config import config_from_mapping

from .conftest import ROOT


def _config_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```yaml\n# how passages are scored") + len("```yaml\n")
    return text[start : text.index("```", start)]


def test_readme_config_example_loads_and_names_every_key():
    data = yaml.safe_load(_config_block())
    config = config_from_mapping(data)
    assert set(data) == {f.name for f in dataclasses.fields(AlignConfig)}
    defaults = AlignConfig()
    for key in data:
        if key != "boilerplate_phrases":
            assert getattr(config, key) == getattr(defaults, key), key
