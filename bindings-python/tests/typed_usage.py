"""Checked by mypy --strict in test_typing.py (not run as a test): the public API as a
typed program would use it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List

import renda
from renda import JsonObject, Ledger, RendaError


def use() -> None:
    ledger = Ledger({"preset": "beijing-district"})
    ledger2 = Ledger([{"preset": "national"}, {"preset": "beijing-district"}])
    ledger3 = Ledger('{"preset": "national"}')
    events: List[JsonObject] = ledger.execute({"at": "2024-01-02", "actor": {"role": "admin", "id": "a"},
                                               "command": {"type": "register_unit", "unit": "u", "name": "n"}})
    decided: List[JsonObject] = ledger2.decide('{"at": "2024-01-02"}')
    seq: int = ledger.seq
    n: int = len(ledger3)
    snap: Dict[str, Any] = ledger.snapshot()
    restored: Ledger = Ledger.restore(snap, rules={"preset": "beijing-district"})
    replayed: Ledger = Ledger.replay(ledger.events())
    figures: JsonObject = restored.figures(dt.date(2025, 1, 1), {"congress": "hd-17"})
    view: JsonObject = replayed.suggestion_view("S1", "2025-01-01")
    state: JsonObject = ledger.state()
    suggestions: List[JsonObject] = ledger.suggestions()
    preset: JsonObject = renda.rule_set_preset("national")
    try:
        ledger.execute("{")
    except renda.InputError as e:
        code: str = e.code
        field: str | None = e.field
        info: JsonObject = e.info
    except RendaError as e:
        kind: str = e.kind
    print(events, decided, seq, n, figures, view, state, suggestions, preset)
