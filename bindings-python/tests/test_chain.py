"""Issue 8 item 1 through the Python binding: the hash chain, its head and verify_log."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import renda

GOLDEN = Path(__file__).resolve().parents[2] / "tests" / "golden"


def test_events_carry_the_chain_and_the_head_is_the_last_hash(assigned: renda.Ledger) -> None:
    events = assigned.events()
    assert events[0]["prev"] == "0" * 64
    for before, after in zip(events, events[1:]):
        assert after["prev"] == before["hash"]
    assert assigned.head == {"seq": len(events), "hash": events[-1]["hash"]}
    report = renda.verify_log(events)
    assert report == {"ok": True, "events": len(events), "head": assigned.head}


@pytest.mark.parametrize(
    "tamper, index, problem",
    [
        (lambda ev: ev[2]["event"].__setitem__("name", "改名"), 2, "hash"),
        (lambda ev: ev.pop(1), 1, "sequence"),
        (lambda ev: ev.insert(3, copy.deepcopy(ev[0])), 3, "sequence"),
        (lambda ev: ev.__setitem__(slice(1, 3), [ev[2], ev[1]]), 1, "sequence"),
    ],
    ids=["edit", "delete", "insert", "swap"],
)
def test_tampering_is_reported_at_the_first_bad_position(
    assigned: renda.Ledger, tamper: object, index: int, problem: str
) -> None:
    events = assigned.events()
    tamper(events)  # type: ignore[operator]
    report = renda.verify_log(events)
    assert report["ok"] is False
    assert (report["break"]["index"], report["break"]["problem"]) == (index, problem)
    with pytest.raises(renda.IntegrityError) as info:
        renda.Ledger.replay(events)
    assert info.value.code == "chain_broken"
    assert info.value.kind == "integrity"
    assert info.value.field is not None and info.value.field.startswith(f"events[{index}]")


def test_a_schema_1_log_still_loads_and_is_sealed() -> None:
    text = (GOLDEN / "schema-1" / "rs5_plan_ledger_second_reply.events.json").read_text("utf-8")
    rules = json.loads(
        (Path(__file__).resolve().parents[2] / "tests" / "scenarios" / "rs5_plan_ledger_second_reply.json").read_text("utf-8")
    )["rules"]
    ledger = renda.Ledger.replay(text, rules)
    assert ledger.seq == len(json.loads(text))
    assert len(ledger.head["hash"]) == 64 and ledger.head["hash"] != "0" * 64
    # A schema-1 log has no hashes of its own, so verifying it as it is fails at once.
    assert renda.verify_log(text)["break"]["index"] == 0
    assert renda.verify_log(ledger.events())["ok"] is True


def test_verify_log_rejects_what_is_not_a_log() -> None:
    with pytest.raises(renda.InputError):
        renda.verify_log("{not json")
    with pytest.raises(renda.InputError):
        renda.verify_log([{"seq": 1}])
