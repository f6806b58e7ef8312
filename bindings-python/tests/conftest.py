"""Shared helpers for the renda Python binding tests."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List

import pytest

if TYPE_CHECKING:
    # Imported by the fixtures that need it, so that tests of pure-Python code
    # (test_national_frames) run without the native extension.
    import renda

REPO = Path(__file__).resolve().parents[2]


def cargo() -> str | None:
    """The cargo to build the Rust examples with: ``$CARGO``, the one on ``PATH`` or rustup's."""
    for candidate in (os.environ.get("CARGO"), shutil.which("cargo"), str(Path.home() / ".cargo" / "bin" / "cargo")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@functools.lru_cache(maxsize=None)
def rust_example(name: str) -> Path:
    """The debug executable of the core example ``name``, built once per session.

    Built with ``--workspace`` so that the features are unified as in ``cargo test
    --workspace`` (which ``make test`` has run before): the library and the example are the ones
    already built, instead of a second debug build of renda with ``-p renda``'s features (a few
    GB on disk and minutes of CI). A failing build fails the test with cargo's own error.
    """
    exe = cargo()
    if exe is None:
        pytest.skip("cargo not found")
    run = subprocess.run(
        [exe, "build", "-q", "--workspace", "--example", name, "--message-format=json"],
        cwd=REPO, capture_output=True, text=True, timeout=1800,
    )
    if run.returncode != 0:
        pytest.fail(f"cargo build of the {name} example failed (exit {run.returncode}):\n{run.stderr[-4000:]}")
    for line in run.stdout.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("target", {}).get("name") == name:
            if msg.get("executable"):
                return Path(msg["executable"])
    pytest.fail(f"cargo did not report the {name} example's executable")


ADMIN = {"role": "admin", "id": "admin"}
OFFICE = {"role": "deputy_affairs_office", "id": "office"}


def cmd(at: str, actor: Dict[str, str], **command: Any) -> Dict[str, Any]:
    """A command envelope; ``type`` is given as ``type_``."""
    command["type"] = command.pop("type_")
    return {"at": at, "actor": actor, "command": command}


def deputy(i: str) -> Dict[str, str]:
    return {"role": "deputy", "id": i}


def unit(i: str) -> Dict[str, str]:
    return {"role": "handling_unit", "id": i}


REGISTRY: List[Dict[str, Any]] = [
    cmd("2024-01-02T09:00:00+08:00", ADMIN, type_="register_congress", congress="hd-17",
        name="北京市海淀区第十七届人民代表大会", level="county", term=17,
        term_start="2021-11-01", term_end="2026-10-31"),
    cmd("2024-01-02T09:00:00+08:00", OFFICE, type_="register_deputy", deputy="D001", congress="hd-17", name="王丽"),
    cmd("2024-01-02T09:00:00+08:00", OFFICE, type_="register_deputy", deputy="D002", congress="hd-17", name="李强"),
    cmd("2024-01-02T09:00:00+08:00", OFFICE, type_="register_unit", unit="edu", name="区教委"),
    cmd("2024-01-02T09:00:00+08:00", OFFICE, type_="register_unit", unit="fin", name="区财政局"),
]

SUBMIT = cmd("2024-01-08T10:00:00+08:00", deputy("D001"), type_="submit_suggestion", suggestion="2024-001",
             congress="hd-17", title="关于增加幼儿园学位的建议", lead="D001", cosigners=["D002"],
             during="session", topic="教育")
ACCEPT = cmd("2024-01-10T10:00:00+08:00", OFFICE, type_="accept_suggestion", suggestion="2024-001")
ASSIGN = cmd("2024-01-15T10:00:00+08:00", OFFICE, type_="assign_suggestion", suggestion="2024-001",
             lead_unit="edu", co_units=["fin"])
OPINION = cmd("2024-03-01T10:00:00+08:00", unit("fin"), type_="submit_co_unit_opinion", suggestion="2024-001",
              opinion="同意增加专项经费")
REPLY = cmd("2024-04-10T10:00:00+08:00", unit("edu"), type_="reply_suggestion", suggestion="2024-001",
            result="A", summary="新增学位1200个")
FEEDBACK_COSIGNER = cmd("2024-04-20T10:00:00+08:00", deputy("D002"), type_="give_feedback",
                        suggestion="2024-001", rating="basically_satisfied")
FEEDBACK_LEAD = cmd("2024-04-21T10:00:00+08:00", deputy("D001"), type_="give_feedback",
                    suggestion="2024-001", rating="satisfied")

LIFECYCLE = REGISTRY + [SUBMIT, ACCEPT, ASSIGN, OPINION, REPLY, FEEDBACK_COSIGNER, FEEDBACK_LEAD]


@pytest.fixture
def registered() -> renda.Ledger:
    import renda

    ledger = renda.Ledger({"preset": "national"})
    for c in REGISTRY:
        ledger.execute(c)
    return ledger


@pytest.fixture
def assigned(registered: renda.Ledger) -> renda.Ledger:
    for c in (SUBMIT, ACCEPT, ASSIGN):
        registered.execute(c)
    return registered
