"""The layering of docs/architecture.md, enforced: ruff runs over the tree with each package's banned imports."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _packages() -> list[str]:
    include = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]["include"]
    return sorted(pattern.rstrip("*") for pattern in include)


def _ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, timeout=120, check=False)


def test_the_tree_passes_ruff():
    result = _ruff("check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_declares_its_boundaries():
    missing = [name for name in _packages() if not (ROOT / name / "ruff.toml").is_file()]
    assert missing == [], f"packages without a ruff.toml of banned imports: {missing}"


def _imports(package: str, module: str) -> list[str]:
    """Rule codes ruff reports for ``import module`` in a new file of ``package``."""
    source = f'"""A module."""\n\nimport {module}\n\nprint_ = {module.split(".")[0]}\n'
    result = _ruff("check", "--no-cache", "--output-format", "concise", "--select", "TID251",
                   "--stdin-filename", f"{package}/probe.py", "-", stdin=source)
    return [line.split(" ")[1] for line in result.stdout.splitlines() if line.startswith(f"{package}/probe.py:")]


@pytest.mark.parametrize(("package", "module"), [
    ("core", "catalog"), ("core", "lakehouse"),
    ("catalog", "jobs"), ("catalog", "checks"), ("catalog", "pyarrow.flight"),
    ("checks", "jobs"), ("checks", "pyiceberg"),
    ("jobs", "pyiceberg"), ("jobs", "lakehouse"), ("jobs", "flight_server"), ("jobs", "web"),
    ("flight_server", "jobs"), ("flight_server", "pyiceberg"), ("flight_server", "web"),
    ("web", "lakehouse"), ("web", "pyiceberg"), ("web", "pyarrow.flight"),
    ("lakehouse", "pyiceberg"), ("lakehouse", "pyarrow.flight"),
    ("synthetic", "catalog"),
])
def test_an_upward_or_forbidden_import_fails(package, module):
    assert _imports(package, module) == ["TID251"]


@pytest.mark.parametrize(("package", "module"), [
    ("catalog", "pyiceberg"), ("catalog", "core"), ("checks", "catalog"), ("jobs", "checks"),
    ("flight_server", "pyarrow.flight"), ("web", "flight_server"), ("lakehouse", "web"), ("tests", "pyiceberg"),
])
def test_a_downward_import_passes(package, module):
    assert _imports(package, module) == []
