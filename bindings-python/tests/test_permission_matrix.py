"""The permission matrix (domain §6.2), every cell, through the Python binding.

The expected answers are the hand-written table ``tests/permissions/commands.json`` (see
``tests/README.md``); the same table drives the Rust and JS tests. Each cell runs the row's
sample command as the column's role on an empty ledger: a "deny" cell must raise
``PermissionDeniedError`` (code ``permission_denied``), an "allow" cell anything else,
because the permission check comes before any look at the state.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import renda
from renda import PermissionDeniedError, RendaError

TABLE_PATH = Path(__file__).resolve().parents[2] / "tests" / "permissions" / "commands.json"
TABLE: Dict[str, Any] = json.loads(TABLE_PATH.read_text(encoding="utf-8"))


def envelope(command_type: str, role: str) -> Dict[str, Any]:
    return {
        "at": TABLE["at"],
        "actor": {"role": role, "id": TABLE["actors"][role]},
        "command": TABLE["commands"][command_type]["sample"],
    }


def denied(ledger: renda.Ledger, command: Dict[str, Any]) -> Optional[RendaError]:
    """The permission error if the command is refused for the role, else ``None``."""
    try:
        ledger.execute(command)
    except PermissionDeniedError as e:
        if e.code == "permission_denied":
            return e
        return None  # not_party: the role passed, the item refused the actor
    except RendaError:
        return None
    return None


def test_the_table_covers_every_role_and_command_type_the_binding_knows() -> None:
    labels = renda.labels()
    assert set(TABLE["roles"]) == set(labels["role"])
    assert set(TABLE["actors"]) == set(labels["role"])
    assert set(TABLE["commands"]) == set(labels["command"])
    for name, row in TABLE["commands"].items():
        assert set(row["cells"]) == set(labels["role"]), name
        assert set(row["cells"].values()) <= {"allow", "deny"}, name
        assert row["sample"]["type"] == name


def test_every_cell_through_execute() -> None:
    deny = TABLE["deny"]
    unexpected_allows: List[str] = []
    unexpected_denies: List[str] = []
    cells = 0
    for command_type, row in TABLE["commands"].items():
        for role, want in row["cells"].items():
            cells += 1
            cell = f"{command_type} × {role}"
            ledger = renda.Ledger()
            command = envelope(command_type, role)
            # The dry run gives the same answer as execution.
            try:
                ledger.decide(command)
                decided = None
            except RendaError as e:
                decided = e.code
            err = denied(ledger, command)
            if err is not None:
                assert decided == "permission_denied", cell
                assert err.code == deny["code"], cell
                assert err.kind == deny["kind"], cell
                assert err.field == deny["field"], cell
                assert err.value == role, cell
                assert err.rule is not None and err.rule.startswith(deny["rule_prefix"]), cell
                assert ledger.seq == 0 and ledger.events() == [], f"{cell}: nothing changes"
            else:
                assert decided != "permission_denied", cell
            if want == "deny" and err is None:
                unexpected_allows.append(cell)
            if want == "allow" and err is not None:
                unexpected_denies.append(cell)
    assert cells == len(TABLE["roles"]) * len(TABLE["commands"])
    assert unexpected_allows == []
    assert unexpected_denies == []


@pytest.mark.parametrize("command_type", sorted(TABLE["commands"]))
def test_each_sample_is_a_well_formed_command(command_type: str) -> None:
    # Run as admin on an empty ledger: refused for permission or state, never for its form.
    ledger = renda.Ledger()
    try:
        ledger.execute(envelope(command_type, "admin"))
    except RendaError as e:
        assert e.kind != "input", f"{command_type}: {e!r}"
