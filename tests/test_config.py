"""load_config: a good file gives a typed value; a bad one, one line naming file, line, key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from alignment import AlignConfig, ConfigError, load_config
from alignment.config import config_from_mapping


def write(tmp_path: Path, text: str | bytes, name: str = "parallax.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = caught.value.message
    assert "\n" not in message, "one line"
    assert message.startswith(str(path)), "names the file first"
    assert caught.value.title == "Config error"
    return message


# --- good files ---------------------------------------------------------------------------------


def test_every_field_can_be_set_and_comes_back_typed(tmp_path: Path):
    path = write(
        tmp_path,
        "link_threshold: 0.6\nmin_words: 2\nsemantic: off\nmax_passage_chars: 500\n"
        "boilerplate_phrases:\n  - Sign up for our newsletter\n  - Read more\n",
    )
    config = load_config(path)
    assert config.link_threshold == 0.6
    assert config.min_words == 2
    assert config.max_passage_chars == 500
    assert config.boilerplate_phrases == ("Sign up for our newsletter", "Read more")
    assert config.semantic == "off"


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("on", "on"),
        ("yes", "on"),
        ("off", "off"),
        ("no", "off"),
        ("'off'", "off"),
        ("auto", "auto"),
    ],
)
def test_semantic_on_off_reads_as_words_not_booleans(tmp_path: Path, word: str, value: str):
    # YAML 1.1 turns a bare on/off/yes/no into a boolean.
    assert load_config(write(tmp_path, f"semantic: {word}\n")).semantic == value


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_file_gives_the_defaults(tmp_path: Path, text: str):
    assert load_config(write(tmp_path, text)) == AlignConfig()


def test_an_integer_is_accepted_for_a_float(tmp_path: Path):
    config = load_config(write(tmp_path, "link_threshold: 1\n"))
    assert config.link_threshold == 1.0
    assert isinstance(config.link_threshold, float)


def test_no_file_in_the_working_folder_gives_the_defaults(tmp_path: Path):
    assert load_config(cwd=tmp_path) == AlignConfig()


def test_file_in_the_working_folder_is_used(tmp_path: Path):
    write(tmp_path, "min_words: 5\n")
    assert load_config(cwd=tmp_path).min_words == 5


def test_defaults_pass_their_own_checks():
    defaults = {
        f.name: list(v) if isinstance(v := getattr(AlignConfig(), f.name), tuple) else v
        for f in dataclasses.fields(AlignConfig)
    }
    assert config_from_mapping(defaults) == AlignConfig()


# --- files that do not parse --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        pytest.param("min_words: 3\nlink_threshold: [0.5\n", 2, "link_threshold", id="open-list"),
        pytest.param(
            "min_words: 3\nboilerplate_phrases: [a, b\nlink_threshold: 0.3\n",
            3,
            "boilerplate_phrases",
            id="list-runs-into-next-key",
        ),
        pytest.param(
            'min_words: 3\nboilerplate_phrases: "Read more\n',
            2,
            "boilerplate_phrases",
            id="open-quote",
        ),
        pytest.param("min_words: 3\n  link_threshold: 0.5\n", 2, "link_threshold", id="indent"),
        # libyaml reads a tab after the colon as a space, but not a tab that indents a key.
        pytest.param("min_words: 3\n\tlink_threshold: 0.5\n", 2, "min_words", id="tab"),
        pytest.param("min_words: 3\n- stray item\n", 2, "min_words", id="stray-item"),
        pytest.param("link_threshold: {a\n\n\n", 1, "link_threshold", id="open-brace-eof"),
    ],
)
def test_syntax_error_names_file_line_and_key(tmp_path: Path, text: str, line: int, key: str):
    path = write(tmp_path, text)
    message = error_of(path)
    assert message.startswith(f"{path}, line {line} (key '{key}'): ")
    assert len(message) > len(f"{path}, line {line} (key '{key}'): ")


def test_syntax_error_without_a_key_still_names_the_line(tmp_path: Path):
    path = write(tmp_path, "[unclosed\n")
    message = error_of(path)
    assert message.startswith(f"{path}, line 1: ")


def test_several_documents_are_refused(tmp_path: Path):
    path = write(tmp_path, "min_words: 3\n---\nmin_words: 4\n")
    assert "single document" in error_of(path)


# --- unknown keys, duplicates, wrong types, out of range ----------------------------------------


def test_unknown_key_names_line_and_suggests(tmp_path: Path):
    path = write(tmp_path, "min_words: 3\nlink_treshold: 0.4\n")
    assert error_of(path) == (
        f"{path}, line 2: unknown key 'link_treshold' (did you mean 'link_threshold'?)"
    )


def test_all_unknown_keys_are_reported_at_once(tmp_path: Path):
    path = write(tmp_path, "colour: blue\nmin_words: 3\nmin_wrds: 4\n")
    message = error_of(path)
    assert message.startswith(f"{path}, line 1: unknown key 'colour'")
    assert "line 3: unknown key 'min_wrds' (did you mean 'min_words'?)" in message


def test_duplicate_key_is_refused_with_both_lines(tmp_path: Path):
    path = write(tmp_path, "min_words: 3\nlink_threshold: 0.4\nmin_words: 5\n")
    assert error_of(path) == f"{path}, line 3: key 'min_words' is given twice (first on line 1)"


@pytest.mark.parametrize(
    ("text", "line", "key", "expected"),
    [
        pytest.param("link_threshold: high\n", 1, "link_threshold", "a number", id="str-float"),
        pytest.param("min_words: 2.5\n", 1, "min_words", "an integer", id="float-int"),
        pytest.param("min_words: true\n", 1, "min_words", "an integer", id="bool-int"),
        pytest.param("doc_gate: yes\n", 1, "doc_gate", "a number", id="bool-float"),
        pytest.param("semantic: 3\n", 1, "semantic", "a string", id="int-str"),
        pytest.param(
            "min_words: 3\nboilerplate_phrases: Read more\n",
            2,
            "boilerplate_phrases",
            "a list of strings",
            id="str-list",
        ),
        pytest.param(
            "boilerplate_phrases: [1, 2]\n",
            1,
            "boilerplate_phrases",
            "a list of strings",
            id="int-list",
        ),
        pytest.param("link_threshold:\n  a: 1\n", 1, "link_threshold", "a number", id="mapping"),
        pytest.param("link_threshold:\n", 1, "link_threshold", "a number", id="empty-value"),
    ],
)
def test_wrong_type_names_file_line_and_key(
    tmp_path: Path, text: str, line: int, key: str, expected: str
):
    path = write(tmp_path, text)
    message = error_of(path)
    assert message.startswith(f"{path}, line {line}: '{key}' must be {expected}, got ")


def test_long_wrong_value_is_shortened(tmp_path: Path):
    path = write(tmp_path, "semantic: [" + ", ".join(["word"] * 200) + "]\n")
    message = error_of(path)
    assert len(message) < len(str(path)) + 120
    assert message.endswith("...]")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("link_threshold: 1.5\n", "link_threshold"),
        ("link_threshold: -0.1\n", "link_threshold"),
        ("link_threshold: .nan\n", "link_threshold"),
        ("max_passage_sentences: 4\n", "max_passage_sentences"),
        ("max_passage_chars: 10\n", "max_passage_chars"),
    ],
)
def test_out_of_range_names_the_range(tmp_path: Path, text: str, key: str):
    message = error_of(write(tmp_path, text))
    assert f", line 1: '{key}' must be between " in message


def test_bad_choice_lists_the_choices(tmp_path: Path):
    path = write(tmp_path, "semantic: always\n")
    assert error_of(path) == f"{path}, line 1: 'semantic' must be one of auto, on, off"


@pytest.mark.parametrize("text", ["- a\n- b\n", "just words\n", "42\n"])
def test_not_a_mapping_is_refused(tmp_path: Path, text: str):
    assert "expected a mapping" in error_of(write(tmp_path, text))


# --- files that cannot be read ------------------------------------------------------------------


def test_missing_named_file(tmp_path: Path):
    path = tmp_path / "nope.yaml"
    assert error_of(path) == f"{path}: config file not found"


def test_folder_instead_of_file(tmp_path: Path):
    path = tmp_path / "conf.yaml"
    path.mkdir()
    assert error_of(path) == f"{path}: is a folder, not a config file"


def test_not_utf8_names_the_line(tmp_path: Path):
    path = write(tmp_path, b"min_words: 3\nboilerplate_phrases: [caf\xe9]\n")
    assert error_of(path) == f"{path}, line 2: not valid UTF-8"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = write(tmp_path, "min_words: 3\n")

    import alignment.load

    def denied(path: object, *args: object) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(alignment.load.os, "open", denied)
    assert error_of(path) == f"{path}: cannot read config file (permission denied)"
