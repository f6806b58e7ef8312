"""The label catalog from Python: groups, official terms, and coverage of a real lifecycle."""

from __future__ import annotations

import renda
from renda import Ledger

from conftest import LIFECYCLE

GROUPS = {
    "role", "level", "suggestion_status", "result_category", "satisfaction", "submission_period",
    "command", "event", "error_code", "error_kind", "day_kind", "duration_unit", "count_unit",
    "activity_kind", "deputy_status", "termination_reason", "education", "triage_outcome",
    "motion_status", "motion_kind", "handling_phase", "report_to", "year_outcome", "key_designator",
    "key_meeting_kind", "organ", "key_outcome", "supervision_mode", "sample_category",
    "evaluation_grade", "evaluation_use", "evaluation_status",
    # meetings, supervision items and evaluations (issue 5)
    "meeting_body", "meeting_kind", "agenda_item_kind", "speech_kind", "ballot_kind",
    "topic_source", "topic_status", "plan_status", "report_kind", "state_assets_kind",
    "report_status", "report_version", "hearing_mode", "follow_up_kind", "law_kind",
    "inspection_status", "opinion_about", "opinion_route", "opinion_status", "resolution_duty",
    "proposal_origin", "project_status", "work_evaluation_status", "work_evaluation_phase",
    "investigation_method", "satisfaction_result", "look_back_outcome",
    "work_evaluation_escalation", "escalation_kind", "escalation_status",
    "interpellation_answer_mode", "interpellation_rating", "issuer_kind", "review_mode",
    "filing_status", "budget_part", "audit_finding_status", "reminder_kind",
}


def test_groups_and_known_values() -> None:
    cat = renda.labels()
    assert set(cat) == GROUPS
    assert cat["suggestion_status"]["in_plan"] == {"zh": "列入计划", "en": "In the plan"}
    assert cat["suggestion_status"]["closed"]["zh"] == "已办结"
    assert cat["result_category"]["A"]["zh"] == "已解决或基本解决"
    assert cat["satisfaction"]["basically_satisfied"]["zh"] == "基本满意"
    assert cat["submission_period"]["session"]["zh"] == "大会期间"
    assert cat["role"]["director_meeting"]["zh"] == "主任会议"
    assert cat["count_unit"]["person_times"]["zh"] == "人次"
    assert cat["activity_kind"]["station_visit"]["zh"] == "进站"
    assert cat["deputy_status"]["terminated"]["zh"] == "代表资格终止"
    assert cat["triage_outcome"]["resolved_on_site"]["zh"] == "现场解决"
    assert cat["error_code"]["internal_error"]["en"] == "Internal error"
    for group in cat.values():
        for label in group.values():
            assert label["zh"].strip() and label["en"].strip()


def test_cached_but_returned_as_a_copy() -> None:
    a = renda.labels()
    a["role"]["deputy"]["zh"] = "changed"
    assert renda.labels()["role"]["deputy"]["zh"] == "人大代表"


def test_everything_a_lifecycle_produces_has_a_label() -> None:
    cat = renda.labels()
    ledger = Ledger()
    for c in LIFECYCLE:
        ledger.execute(c)
        assert c["command"]["type"] in cat["command"]
        assert c["actor"]["role"] in cat["role"]
    for e in ledger.events():
        assert e["event"]["type"] in cat["event"]
    for s in ledger.suggestions():
        assert s["during"] in cat["submission_period"]
        for _, status in s["history"]:
            assert status in cat["suggestion_status"]
        for r in s["replies"]:
            assert r["result"] in cat["result_category"]
        for f in s["feedback"]:
            assert f["rating"] in cat["satisfaction"]


def test_error_codes_have_labels() -> None:
    cat = renda.labels()
    ledger = Ledger()
    for bad in ["{", {"at": "2024-01-02", "actor": {"role": "admin", "id": "a"}, "command": {"type": "fly"}}]:
        try:
            ledger.execute(bad)
        except renda.RendaError as e:
            assert e.code in cat["error_code"]
            assert e.kind in cat["error_kind"]
        else:
            raise AssertionError("expected an error")
