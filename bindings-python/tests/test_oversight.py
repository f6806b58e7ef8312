"""Meetings, supervision items and evaluations (issue 5) through Python: the named-query entry
point ``Ledger.query`` on the Haidian 2024 oversight data set (S001-1, S001-2), its argument
checks, and a rejected oversight command that changes nothing. The same cases run in
bindings-wasm/tests/oversight.test.mjs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest

import renda
from renda import InputError, Ledger, RuleViolationError

HAIDIAN = Path(__file__).resolve().parents[2] / "tests" / "scenarios" / "o_s001_haidian_2024_oversight.json"


def haidian() -> Ledger:
    ledger = Ledger()
    for step in json.loads(HAIDIAN.read_text(encoding="utf-8"))["steps"]:
        ledger.execute({"at": step["at"], "actor": step["actor"], "command": step["command"]})
    return ledger


def test_s001_1_and_s001_2_through_the_named_query() -> None:
    # `from` is a Python keyword, so the arguments go in a dict.
    f: Dict[str, Any] = haidian().query(
        "oversight_figures", **{"congress": "hd-17", "from": "2024-01-01", "to": "2024-12-31"})
    # S001-1: 1 session, 7 standing-committee meetings, 17 director meetings.
    assert (f["congress_sessions"], f["standing_committee_meetings"], f["director_meetings"]) == (1, 7, 17)
    # S001-2: 46 reports heard, 19 resolutions and decisions (16 ballots + 3 budget adjustments),
    # 13 review opinions, 7 evaluation opinions; one failed ballot of 17 does not count.
    assert f["outputs"]["reports_heard"] == 46
    assert f["outputs"]["resolutions_and_decisions"] == 19
    assert f["outputs"]["review_opinions"] == 13
    assert f["outputs"]["evaluation_opinions"] == 7
    assert (f["ballots"], f["ballots_adopted"]) == (17, 16)


def test_a_year_may_be_an_int_and_l5_holds() -> None:
    c = haidian().query("meeting_compliance", congress="hd-17", year=2024)
    l5 = [x for x in c["findings"] if x["rule"] == "L-5"][0]
    assert (l5["status"], l5["expected"], l5["found"]) == ("holds", 6, 7)


def test_queries_lists_every_query_with_its_arguments() -> None:
    specs = {q["name"]: q for q in renda.queries()}
    for name in ("oversight_figures", "meeting_compliance", "work_evaluations", "escalations",
                 "filing_review", "report_calendar", "inspections", "livelihood_projects", "plan_ledger"):
        assert name in specs
    assert [a for a, _ in specs["oversight_figures"]["required"]] == ["congress", "from", "to"]


def test_bad_queries_name_the_field() -> None:
    ledger = Ledger()
    with pytest.raises(InputError) as e:
        ledger.query("no_such_query")
    assert e.value.field == "query.query"
    with pytest.raises(InputError) as e:
        ledger.query("meeting_compliance", congress="hd-17")
    assert (e.value.code, e.value.field) == ("missing_field", "query.year")
    with pytest.raises(InputError) as e:
        ledger.query("meeting_compliance", congress="hd-17", year="2024", colour="red")
    assert e.value.field == "query.colour"


def test_a_rejected_ballot_changes_nothing() -> None:
    ledger = haidian()
    before = ledger.events()
    with pytest.raises(renda.RendaError) as e:
        ledger.execute({"at": "2024-12-27T10:00:00+08:00", "actor": {"role": "standing_committee", "id": "sc"},
                        "command": {"type": "hold_ballot", "meeting": "hd-17-sc-27", "ballot": "B01", "item": 2,
                                    "subject": "关于某事项的决定", "kind": "decision",
                                    "vote": {"members": 45, "present": 42, "yes": 40, "no": 1, "abstain": 1}}})
    assert (e.value.code, e.value.value) == ("already_exists", "B01")
    assert ledger.events() == before
    with pytest.raises(RuleViolationError) as e2:
        ledger.execute({"at": "2024-12-27T10:00:00+08:00", "actor": {"role": "standing_committee", "id": "sc"},
                        "command": {"type": "hold_ballot", "meeting": "hd-17-sc-27", "ballot": "B99", "item": 2,
                                    "subject": "关于某事项的决定", "kind": "decision",
                                    "vote": {"members": 44, "present": 42, "yes": 40, "no": 1, "abstain": 1}}})
    assert e2.value.code == "vote_members_mismatch"
    assert ledger.events() == before
