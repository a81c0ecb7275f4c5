"""Issue 18, packaging: the wheel runs on its own and installs nothing the user did not ask for.

The wheel is built offline from a copy of the sources (``--no-build-isolation``: the test
extra brings setuptools), installed with ``--no-deps`` into a fresh virtual environment that
borrows the test environment's libraries through a ``.pth`` file (so nothing is downloaded),
and ``python -m tui --export -`` runs from a folder far from the repository: before, it said
"site-packages/seeds: no such file or folder" and a top-level ``bench`` package was installed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

SOURCES = ("pyproject.toml", "README.md", "alignment", "tui", "seeds")


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    # No PYTHONPATH: the installed environment must find the wheel's packages, not a clone's.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("dist")
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "--quiet", "-w", out, src, cwd=src,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("parallax_reader-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the wheel installed; returns its python."""
    env = tmp_path_factory.mktemp("env")
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env)
    python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    done = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--quiet", wheel, cwd=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=env)
    # The libraries (textual, numpy, ...) come from the test environment, after the wheel's own.
    (Path(site.stdout.strip()) / "test-libraries.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return python


def test_wheel_holds_only_the_engine_the_reader_and_the_seeds(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        top = {name.split("/")[0] for name in names}
        assert top == {"alignment", "tui", f"{wheel.name.split('-')[0]}-0.1.0.dist-info"}
        seeds = sorted(n.removeprefix("alignment/seeds/") for n in names if "/seeds/" in n)
        assert seeds == sorted(p.name for p in SEEDS.iterdir() if p.is_file())
        for name in seeds:  # the owner's files, byte for byte
            assert archive.read(f"alignment/seeds/{name}") == (SEEDS / name).read_bytes()
        assert "tui/parallax.tcss" in names
        assert "alignment/schema/alignment.schema.json" in names


def test_installed_wheel_opens_its_seeds_from_any_folder(installed: Path, tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = _run(installed, "-m", "tui", "--no-semantic", "--export", "-", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0][:3] == ["group", "source_a", "start_a"]
    assert len(rows) > 10
    model = _run(installed, "-m", "tui", "--no-semantic", "--export-json", "-", cwd=elsewhere)
    documents = json.loads(model.stdout)["documents"]
    assert len(documents) == 5
    assert all("site-packages" in d["path"] and "/alignment/seeds/" in d["path"] for d in documents)
    assert documents[1]["outlet"] == "Latin Times"  # sources.yaml came along


def test_installed_wheel_puts_no_bench_or_tests_package(installed: Path, tmp_path: Path):
    probe = "import importlib.util as u; print(u.find_spec('bench'), u.find_spec('tests'))"
    result = _run(installed, "-c", probe, cwd=tmp_path)
    assert result.stdout.split() == ["None", "None"], result.stderr


def test_mypy_strict_covers_the_reader_too():
    import tomllib

    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert settings["strict"] is True
    assert {"alignment", "tui"} <= set(settings["files"])
