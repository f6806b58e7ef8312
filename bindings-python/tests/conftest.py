"""Shared helpers for the renda Python binding tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List

import pytest

if TYPE_CHECKING:
    # Imported by the fixtures that need it, so that tests of pure-Python code
    # (test_national_frames) run without the native extension.
    import renda

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
