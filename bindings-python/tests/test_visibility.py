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


# Every role but the third-party evaluator, who sees only the suggestions of its samples (W3;
# none here, see test_toolkit.py).
READERS = [r for r in ROLES if r != "third_party_evaluator"]


def test_back_to_back_ratings_are_hidden_until_published() -> None:
    ledger = rated()
    assert ledger.suggestions(reader=reader("third_party_evaluator")) == []
    unexpected = [r for r in READERS if sees_rating(ledger, reader(r)) == (r in ("handling_unit", "government_office"))]
    assert unexpected == []
    unit_figures = ledger.figures("2024-03-05", reader=reader("handling_unit"))
    assert unit_figures["ratings"]["satisfied"] == 0
    assert ledger.figures("2024-03-05")["ratings"]["satisfied"] == 1
    ledger.execute(env("2024-03-06", OFFICE, type="publish_results", congress="hd"))
    assert all(sees_rating(ledger, reader(r)) for r in READERS)
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


# Issue 3 (deputies), reads of the deputy family (wire-format §15, last three rows).

STREET = {"role": "street_working_committee", "id": "street"}
D1 = {"role": "deputy", "id": "D1"}
D2 = {"role": "deputy", "id": "D2"}
V1_TEXT, V2_TEXT = "学校门口交通拥堵", "楼道灯坏了"
# Voter issues (§6.2 "Home/station visit log; voter issue"): read by the office, admins, special
# committees, the director meeting, government staff and the street organs; D1 received V1 only;
# V1 was forwarded to `edu`; the plenary standing committee, evaluators and the public see none.
ISSUES_SEEN = {
    "admin": ["V1", "V2"], "deputy_affairs_office": ["V1", "V2"], "special_committee": ["V1", "V2"],
    "director_meeting": ["V1", "V2"], "street_working_committee": ["V1", "V2"],
    "government_office": ["V1", "V2"], "deputy": ["V1"], "handling_unit": ["V1"],
    "standing_committee": [], "third_party_evaluator": [], "public": [],
}
# Performance records of D2 (interview 约谈, notice to the electoral unit; R-D2).
SEES_INTERVIEW = {"admin", "deputy_affairs_office", "standing_committee", "director_meeting"}


def engaged() -> renda.Ledger:
    """Under beijing-district: V1 received by D1 at a station visit and forwarded to `edu`, V2
    received by D2 and kept as a record; the 2025 points published on 2026-01-05 (D1: 2 points for
    one activity, D2: 0), then D2 interviewed, which notifies D2's constituency."""
    ledger = renda.Ledger({"preset": "beijing-district"})
    for c in [
        env("2025-01-02", {"role": "admin", "id": "a"}, type="register_congress", congress="hd",
            name="海淀区人大", level="county", term=17, term_start="2021-11-01", term_end="2026-10-31"),
        env("2025-01-02", OFFICE, type="register_deputy", deputy="D1", congress="hd", name="王丽"),
        env("2025-01-02", OFFICE, type="register_deputy", deputy="D2", congress="hd", name="李强",
            profile={"elected_by": {"constituency": "第3选区"}}),
        env("2025-01-02", OFFICE, type="register_unit", unit="edu", name="区教委"),
        env("2025-02-10", D1, type="record_activity", activity="A1", congress="hd", kind="station_visit",
            on="2025-02-10", title="进站", participants=["D1"]),
        env("2025-02-10", D1, type="record_voter_issue", issue="V1", congress="hd", summary=V1_TEXT,
            deputy="D1", activity="A1"),
        env("2025-02-11", STREET, type="triage_voter_issue", issue="V1",
            triage={"outcome": "forwarded_to_department", "unit": "edu"}),
        env("2025-02-12", D2, type="record_voter_issue", issue="V2", congress="hd", summary=V2_TEXT,
            deputy="D2"),
        env("2026-01-05", {"role": "standing_committee", "id": "sc"}, type="publish_points",
            congress="hd", period="2025", scope="congress"),
        env("2026-01-06", OFFICE, type="record_interview", deputy="D2"),
    ]:
        ledger.execute(c)
    return ledger


def issue_ids_in_log(events: List[Dict[str, Any]]) -> List[str]:
    ids = set()
    for e in events:
        ev = e["event"]
        if ev["type"] == "voter_issue_recorded":
            ids.add(ev["issue"]["id"])
        elif ev["type"].startswith("voter_issue_"):
            ids.add(ev["issue"])
    return sorted(ids)


def test_the_trusted_reads_keep_everything() -> None:
    ledger = engaged()
    assert [v["id"] for v in ledger.voter_issues()] == ["V1", "V2"]
    assert [(r["deputy"], r["points"]) for r in ledger.points("hd", "2025")] == [("D1", 2), ("D2", 0)]
    assert ledger.state()["deputies"]["D2"]["interviews"] == ["2026-01-06"]
    assert [e["event"]["type"] for e in ledger.events()][-2:] == ["interview_held", "electoral_unit_notified"]
    a = ledger.archive("D2")
    assert ([v["id"] for v in a["voter_issues"]], a["interviews"]) == (["V2"], ["2026-01-06"])


@pytest.mark.parametrize("role", ROLES)
def test_voter_issues_follow_the_matrix(role: str) -> None:
    ledger = engaged()
    who = reader(role)
    expected = ISSUES_SEEN[role]
    assert [v["id"] for v in ledger.voter_issues(reader=who)] == expected
    state = ledger.state(reader=who)
    assert sorted(state.get("voter_issues", {})) == expected  # an empty map is left out
    events = ledger.events(reader=who)
    assert issue_ids_in_log(events) == expected
    # No trace of a hidden issue's text anywhere in the reader's state or log.
    for issue, text in (("V1", V1_TEXT), ("V2", V2_TEXT)):
        assert (text in str(state)) is (issue in expected), (role, issue)
        assert (text in str(events)) is (issue in expected), (role, issue)
    # The triage event goes with its issue.
    assert any(e["event"]["type"] == "voter_issue_triaged" for e in events) is ("V1" in expected)


@pytest.mark.parametrize("role", ROLES)
def test_interviews_and_their_notices_follow_the_matrix(role: str) -> None:
    ledger = engaged()
    who = reader(role)  # a deputy here is D1, not the deputy interviewed
    sees = role in SEES_INTERVIEW
    d2 = ledger.state(reader=who)["deputies"]["D2"]
    assert d2.get("interviews", []) == (["2026-01-06"] if sees else [])
    kinds = [e["event"]["type"] for e in ledger.events(reader=who)
             if e["event"]["type"] in ("interview_held", "electoral_unit_notified")]
    assert kinds == (["interview_held", "electoral_unit_notified"] if sees else [])
    assert ("第3选区" in str([e for e in ledger.events(reader=who)
                            if e["event"]["type"] == "electoral_unit_notified"])) is sees
    # The rest of D2's record stays: name and constituency are not performance records.
    assert (d2["name"], d2["profile"]["elected_by"]) == ("李强", {"constituency": "第3选区"})


def test_the_deputy_interviewed_sees_their_own_interview() -> None:
    ledger = engaged()
    assert ledger.state(reader=D2)["deputies"]["D2"]["interviews"] == ["2026-01-06"]
    assert [e["event"]["type"] for e in ledger.events(reader=D2)][-2:] == ["interview_held", "electoral_unit_notified"]
    assert ledger.archive("D2", reader=D2)["interviews"] == ["2026-01-06"]
    # D2 sees the issue they received, not D1's.
    assert [v["id"] for v in ledger.voter_issues(reader=D2)] == ["V2"]


@pytest.mark.parametrize("role", ROLES)
def test_live_points_follow_the_matrix(role: str) -> None:
    ledger = engaged()
    who = reader(role)
    if role == "public":
        with pytest.raises(renda.PermissionDeniedError) as info:
            ledger.points("hd", "2025", reader=who)
        assert (info.value.code, info.value.kind, info.value.field, info.value.value) == (
            "not_published", "permission", "as_of", "2025-12-31")
        # Also for a quarter, and with an explicit scope.
        with pytest.raises(renda.PermissionDeniedError):
            ledger.points("hd", "2025-Q1", "congress", reader=who)
        return
    rows = ledger.points("hd", "2025", reader=who)
    full = ledger.points("hd", "2025")
    if role == "deputy":
        assert rows == [r for r in full if r["deputy"] == "D1"]
        assert [(r["deputy"], r["points"]) for r in rows] == [("D1", 2)]
    else:
        assert rows == full
        assert [r["deputy"] for r in rows] == ["D1", "D2"]


def test_a_deputy_sees_only_their_own_points_row() -> None:
    ledger = engaged()
    assert [(r["deputy"], r["points"]) for r in ledger.points("hd", "2025", reader=D2)] == [("D2", 0)]
    assert ledger.points("hd", "2025", reader={"role": "deputy", "id": "D9"}) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_archive_leaves_out_what_the_reader_may_not_see(role: str) -> None:
    ledger = engaged()
    who = reader(role)
    seen = ISSUES_SEEN[role]
    a2 = ledger.archive("D2", reader=who)
    assert [v["id"] for v in a2["voter_issues"]] == [v for v in ["V2"] if v in seen]
    assert a2["interviews"] == (["2026-01-06"] if role in SEES_INTERVIEW else [])
    assert (V2_TEXT in str(a2)) is ("V2" in seen)
    a1 = ledger.archive("D1", reader=who)
    assert [v["id"] for v in a1["voter_issues"]] == [v for v in ["V1"] if v in seen]
    # What is not hidden is unchanged: activities, and the published points rows.
    assert [x["id"] for x in a1["activities"]] == ["A1"]
    assert [(p["period"], p["points"]) for p in a1["points"]] == [("2025", 2)]
    assert [(p["period"], p["points"]) for p in a2["points"]] == [("2025", 0)]
    full = ledger.archive("D2")
    assert {k: v for k, v in a2.items() if k not in ("voter_issues", "interviews")} == {
        k: v for k, v in full.items() if k not in ("voter_issues", "interviews")}


@pytest.mark.parametrize("role", ROLES)
def test_points_publications_stay_visible(role: str) -> None:
    ledger = engaged()
    published = ledger.points_publications()
    assert [(p["period"], p["published_on"], [r["points"] for r in p["rows"]]) for p in published] == [
        ("2025", "2026-01-05", [2, 0])]
    state = ledger.state(reader=reader(role))
    assert state["points_publications"] == published
    assert [e["event"]["type"] for e in ledger.events(reader=reader(role))].count("points_published") == 1


def test_a_bad_reader_is_an_input_error_for_the_deputy_reads() -> None:
    ledger = engaged()
    king = {"role": "king", "id": "x"}
    for read in (lambda: ledger.voter_issues(reader=king), lambda: ledger.points("hd", "2025", reader=king),
                 lambda: ledger.archive("D1", reader=king)):
        with pytest.raises(renda.InputError) as info:
            read()
        assert (info.value.field, info.value.value) == ("reader.role", "king")
    with pytest.raises(renda.NotFoundError):
        ledger.archive("D9", reader=reader("public"))
