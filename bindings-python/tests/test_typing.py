"""Static checks: the stub of the native module matches it (mypy.stubtest), and the public
layer plus a typed usage file pass mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PKG = HERE.parent / "python" / "renda"

pytest.importorskip("mypy")


def run(*args: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=HERE.parent)


def test_stub_matches_native_module() -> None:
    p = run("mypy.stubtest", "renda._native")
    assert p.returncode == 0, p.stdout + p.stderr


def test_public_layer_and_usage_are_strictly_typed() -> None:
    p = run("mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", str(PKG), str(HERE / "typed_usage.py"))
    assert p.returncode == 0, p.stdout + p.stderr
