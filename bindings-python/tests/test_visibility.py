"""Issue 8 item 3 (reads) through the Python binding: back-to-back ratings, unpublished
figures and personal data are invisible to every role that may not see them."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

import renda

ROLES = [
    "deputy", "deputy_affairs_office", "handling_unit", "government_office", "special_committee",
    "director_meeting", "standing_committee", "street_working_committee",
    "third_party_evaluator", "public", "admin",
]
OFFICE = {"role": "deputy_affairs_office", "id": "office"}
BACK_TO_BACK = {"preset": "national", "overrides": {"suggestion": {"back_to_back_feedback": True}}}


def env(at: str, actor: Dict[str, str], **command: Any) -> Dict[str, Any]:
    return {"at": at, "actor": actor, "command": command}


def rated() -> renda.Ledger:
    ledger = renda.Ledger(BACK_TO_BACK)
    commands: List[Dict[str, Any]] = [
        env("2024-01-02", {"role": "admin", "id": "a"}, type="register_congress", congress="hd",
            name="海淀区人大", level="county", term=17, term_start="2021-11-01", term_end="2026-10-31"),
        env("2024-01-02", OFFICE, type="register_deputy", deputy="D1", congress="hd", name="王丽",
            contact={"phone": "13800000000", "id_number": "110108199001011234"}),
        env("2024-01-02", OFFICE, type="register_unit", unit="edu", name="区教委"),
        env("2024-01-08", {"role": "deputy", "id": "D1"}, type="submit_suggestion", suggestion="S1",
            congress="hd", title="关于增加幼儿园学位的建议", lead="D1", during="session"),
        env("2024-01-10", OFFICE, type="accept_suggestion", suggestion="S1"),
        env("2024-01-15", OFFICE, type="assign_suggestion", suggestion="S1", lead_unit="edu"),
        env("2024-03-01", {"role": "handling_unit", "id": "edu"}, type="reply_suggestion",
            suggestion="S1", result="A", summary="已新增学位300个"),
        env("2024-03-05", {"role": "deputy", "id": "D1"}, type="give_feedback", suggestion="S1",
            rating="satisfied"),
    ]
    for c in commands:
        ledger.execute(c)
    return ledger


def reader(role: str) -> Dict[str, str]:
    return {"role": role, "id": {"deputy": "D1", "handling_unit": "edu"}.get(role, "someone")}


def sees_rating(ledger: renda.Ledger, who: Dict[str, str]) -> bool:
    in_state = bool(ledger.suggestions(reader=who)[0]["feedback"])
    in_log = any(e["event"]["type"] == "feedback_given" for e in ledger.events(reader=who))
    assert in_state == in_log
    return in_state


def test_back_to_back_ratings_are_hidden_until_published() -> None:
    ledger = rated()
    unexpected = [r for r in ROLES if sees_rating(ledger, reader(r)) == (r in ("handling_unit", "government_office"))]
    assert unexpected == []
    unit_figures = ledger.figures("2024-03-05", reader=reader("handling_unit"))
    assert unit_figures["ratings"]["satisfied"] == 0
    assert ledger.figures("2024-03-05")["ratings"]["satisfied"] == 1
    ledger.execute(env("2024-03-06", OFFICE, type="publish_results", congress="hd"))
    assert all(sees_rating(ledger, reader(r)) for r in ROLES)
    assert ledger.figures("2024-03-05", reader=reader("handling_unit"))["ratings"]["satisfied"] == 1


def test_the_public_sees_only_published_figures() -> None:
    ledger = rated()
    with pytest.raises(renda.PermissionDeniedError) as info:
        ledger.figures("2024-03-05", reader=reader("public"))
    assert (info.value.code, info.value.field, info.value.value) == ("not_published", "as_of", "2024-03-05")
    ledger.execute(env("2024-03-31", OFFICE, type="publish_results", congress="hd"))
    assert ledger.figures("2024-03-31", reader=reader("public")) == ledger.figures("2024-03-31")
    with pytest.raises(renda.PermissionDeniedError):
        ledger.figures("2024-04-01", reader=reader("public"))


def test_personal_data_only_for_office_admin_and_the_deputy() -> None:
    ledger = rated()
    for role in ROLES:
        for who in ({"role": role, "id": "D1"}, {"role": role, "id": "other"}):
            expected = role in ("admin", "deputy_affairs_office") or who == {"role": "deputy", "id": "D1"}
            state = ledger.state(reader=who)
            assert ("contact" in state["deputies"]["D1"]) is expected, who
            assert ("13800000000" in str(ledger.events(reader=who))) is expected, who
    assert ledger.state()["deputies"]["D1"]["contact"]["phone"] == "13800000000"


def test_a_bad_reader_is_an_input_error() -> None:
    ledger = rated()
    with pytest.raises(renda.InputError) as info:
        ledger.state(reader={"role": "king", "id": "x"})
    assert info.value.field == "reader.role"
