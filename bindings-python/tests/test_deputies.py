"""The deputy family (issue 3) through Python: the tables (deputies, participations, voter
issues, points, compliance) as lists of records that load into a pandas DataFrame, the
composition figures of domain §4.1 reproduced from the Haidian 2016 roster fixture, the
performance archive, privacy of the public tables, and typed errors.

Every expected value below is worked out by hand from the rules (docs/deputies.md,
shared/domain.md) and the commands of the fixtures; the arithmetic is in the comments.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List

import pandas as pd
import pytest

import renda
from renda import InputError, Ledger, NotFoundError, RendaError, RuleSetError

from conftest import ADMIN, OFFICE, cmd, deputy

ROSTER = Path(__file__).resolve().parents[2] / "tests" / "rosters" / "haidian-2016.json"

STREET = {"role": "street_working_committee", "id": "street"}
SC = {"role": "standing_committee", "id": "sc"}
PUBLIC = {"role": "public", "id": "citizen"}
TRANS = {"role": "handling_unit", "id": "trans"}


def persons(n: int) -> Dict[str, Any]:
    return {"value": n, "unit": "persons"}


# ------------------------------------------------------------------ the Haidian 2016 roster


@pytest.fixture(scope="module")
def haidian() -> Ledger:
    """tests/rosters/haidian-2016.json (a JSON array of command envelopes), every one accepted."""
    envelopes = json.loads(ROSTER.read_text(encoding="utf-8"))
    ledger = Ledger()
    for e in envelopes:
        ledger.execute(e)
    assert ledger.seq == len(envelopes)
    return ledger


def test_composition_reproduces_s000_2_and_s000_4(haidian: Ledger) -> None:
    c = haidian.composition("hd-16", "2017-12-31")
    assert (c["congress"], c["as_of"], c["decimals"]) == ("hd-16", "2017-12-31", 2)
    # S000-1: 445 elected in November 2016; one left on the 15th of each month of 2017.
    assert c["elected"] == persons(445)
    assert c["by_election"] == persons(0)
    assert c["holding_mandate"] == persons(433)
    assert c["suspended"] == persons(0)
    assert c["terminated"] == persons(12)
    assert c["terminated_by_reason"] == [{"reason": "moved_out", "count": persons(12)}]
    # S000-2: 436 / 445 = 97.9775… → "97.98" (half up, 2 places), over the 445 elected.
    assert c["college_or_above"] == {
        "count": persons(436),
        "missing": persons(0),
        "share": {"numerator": persons(436), "denominator": persons(445), "decimals": 2,
                  "percent": "97.98", "warnings": []},
    }
    # S000-4: 179 / 445 = 40.2247… → "40.22".
    assert c["re_elected"]["count"] == persons(179)
    assert c["re_elected"]["share"]["percent"] == "40.22"
    assert c["re_elected"]["share"]["denominator"] == persons(445)
    # Gender and party are not in the roster: missing for all 445, and no share (never 0 %).
    for attr in ("female", "cpc"):
        assert c[attr] == {"count": persons(0), "missing": persons(445), "share": None}
    # S000-6: 45 standing-committee members, 24 new: 24 / 45 = 53.333… → "53.33".
    sc = c["standing_committee"]
    assert sc["members"] == persons(45)
    assert sc["new_this_term"]["count"] == persons(24)
    assert sc["new_this_term"]["share"]["percent"] == "53.33"
    assert sc["can_serve_two_terms"] == {"count": persons(0), "missing": persons(45), "share": None}
    # Both published figures follow from the ledger's counts.
    for attr, stated in (("college_or_above", "97.98"), ("re_elected", "40.22")):
        share = c[attr]["share"]
        check = renda.check_figure({
            "numerator": share["numerator"]["value"], "numerator_unit": "persons",
            "denominator": share["denominator"]["value"], "denominator_unit": "persons",
            "stated_percent": stated})
        assert check == {"reproducible": True, "decimals": 2, "computed_percent": stated, "warnings": []}


def test_postgraduates_compute_55_51_and_s000_3_stays_inconsistent(haidian: Ledger) -> None:
    post = haidian.composition("hd-16", "2017-12-31")["postgraduate"]
    # 247 / 445 = 55.5056… → "55.51"; the published 57.75 % is not "fixed" into the data.
    assert post["count"] == persons(247)
    assert post["share"]["percent"] == "55.51"
    check = renda.check_figure({
        "numerator": post["count"]["value"], "numerator_unit": "persons",
        "denominator": post["share"]["denominator"]["value"], "denominator_unit": "persons",
        "stated_percent": "57.75"})
    assert check["reproducible"] is False
    assert check["warnings"] == [
        {"code": "percent_mismatch", "stated_percent": "57.75", "computed_percent": "55.51"}]


def test_composition_decimals_and_dates(haidian: Ledger) -> None:
    # One decimal: S000-5's hypothesis, 272 resident-unit deputies over 445 = 61.12… → "61.1".
    c = haidian.composition("hd-16", dt.date(2017, 12, 31), decimals=1)
    assert c["decimals"] == 1
    assert c["resident_unit"]["count"] == persons(272)
    assert c["resident_unit"]["share"]["percent"] == "61.1"
    assert c["college_or_above"]["share"]["percent"] == "98.0"  # 97.977… at one place
    # Zero decimals: 436 / 445 → "98".
    assert haidian.composition("hd-16", "2017-12-31", 0)["college_or_above"]["share"]["percent"] == "98"
    # On 2017-06-30 six had left (January to June): 439 hold the mandate; the base stays 445.
    mid = haidian.composition("hd-16", "2017-06-30")
    assert (mid["holding_mandate"], mid["terminated"]) == (persons(439), persons(6))
    assert mid["college_or_above"]["share"]["percent"] == "97.98"
    # Before the election (term from 2016-11-15) nobody is counted and no share exists.
    before = haidian.composition("hd-16", "2016-11-14")
    assert before["elected"] == persons(0)
    assert before["college_or_above"]["share"] is None


def test_participation_2017_reproduces_s000_8_with_unit_warning(haidian: Ledger) -> None:
    s = haidian.participation("hd-16", "2017-01-01", "2017-12-31")
    # 7 rounds × 51 deputies = 357 person-times over the 433 in office on 2017-12-31:
    # 82.448… → "82.4" (one decimal by default), person-times over persons.
    assert s == {
        "numerator": {"value": 357, "unit": "person_times"},
        "denominator": persons(433),
        "decimals": 1,
        "percent": "82.4",
        "warnings": [{"code": "unit_mismatch", "numerator_unit": "person_times",
                      "denominator_unit": "persons"}],
    }
    # The window decides: the December 2016 training (40) and the January 2018 visit (10)
    # count only in a wider window: 407 / 433 = 93.995… → "94.00" at two places.
    wide = haidian.participation("hd-16", dt.date(2016, 12, 1), dt.date(2018, 1, 31), decimals=2)
    assert (wide["numerator"]["value"], wide["denominator"]["value"], wide["percent"]) == (407, 433, "94.00")
    # The published 82.4 % is reproducible, but carries the unit warning.
    check = renda.check_figure({"numerator": 357, "numerator_unit": "person_times", "denominator": 433,
                                "denominator_unit": "persons", "stated_percent": "82.4"})
    assert check["reproducible"] and [w["code"] for w in check["warnings"]] == ["unit_mismatch"]


def test_participations_table_counts_person_times(haidian: Ledger) -> None:
    rows = haidian.participations()
    # 40 (training, December 2016) + 357 (2017) + 10 (January 2018) person-times, one row each.
    assert len(rows) == 407
    df = pd.DataFrame(rows)
    in_2017 = df[df["on"].str.startswith("2017")]
    assert len(in_2017) == 357
    # …by 300 different deputies: the share of deputies who took part is 300 / 433, not 82.4 %.
    assert in_2017["deputy"].nunique() == 300
    assert df.groupby("kind").size().to_dict() == {"training": 40, "voter_contact": 367}
    assert set(df["deputy_congress"]) == {"hd-16"}
    # Ordered by day: the training first, the 2018 visit last.
    assert (rows[0]["activity"], rows[0]["on"], rows[0]["deputy"]) == ("A2016-training", "2016-12-27", "D046")
    assert rows[-1]["activity"] == "A2018-1" and rows[-1]["deputy"] == "D010"


def test_check_organisation_l7_holds(haidian: Ledger) -> None:
    f = haidian.check_organisation("hd-16", "2017-12-31")
    assert [x["rule"] for x in f] == ["L-7", "L-6", "R-O1"]
    # L-7: county quota 140 + 3,130,000 / 5,000 = 766, capped at 450 ≥ 433 holding the mandate.
    assert f[0]["status"] == "holds"
    assert f[0]["figures"]["quota"] == 450
    assert f[0]["figures"]["holding_mandate"] == 433
    assert f[0]["figures"]["population"] == 3_130_000
    assert "在任代表433名" in f[0]["message"]
    # L-6: 45 members, at the cap for more than 1 million people.
    assert f[1]["status"] == "holds"
    assert (f[1]["figures"]["members"], f[1]["figures"]["min"], f[1]["figures"]["max"]) == (45, 15, 45)
    # R-O1: two-term eligibility is not recorded for anyone: not checkable, not "holds".
    assert f[2]["status"] == "not_checkable"
    assert (f[2]["figures"]["required"], f[2]["figures"]["unknown"]) == (15, 45)
    # Before the first session (2016-12-20) the standing committee is empty: L-6 violated.
    early = haidian.check_organisation("hd-16", "2016-11-30")
    assert early[1]["status"] == "violated" and early[1]["figures"]["members"] == 0


DEPUTY_COLUMNS = [
    "id", "congress", "name", "status", "elected_on", "mandate", "person", "gender", "education",
    "re_elected", "resident_unit", "party", "elected_by_kind", "elected_by", "delegation", "groups",
    "work_unit", "stations", "committee_post",
]


def test_deputies_table_loads_into_a_dataframe(haidian: Ledger) -> None:
    rows = haidian.deputies("2017-12-31")
    assert len(rows) == 445
    assert [r["id"] for r in rows[:3]] == ["D001", "D002", "D003"]
    assert all(list(r) == DEPUTY_COLUMNS for r in rows)
    df = pd.DataFrame(rows)
    assert list(df.columns) == DEPUTY_COLUMNS
    assert df.shape == (445, 19)
    # 433 in office, and the 12 who moved out: D046, D076, …, D376 (every 30th from D046).
    assert df["status"].value_counts().to_dict() == {"in_office": 433, "terminated": 12}
    terminated = df.loc[df["status"] == "terminated", "id"].tolist()
    assert terminated == [f"D{46 + 30 * k:03d}" for k in range(12)]
    # The roster's attributes (make-haidian-2016.py): 10+40 doctorates, 13+184 masters,
    # 22+147 bachelors, 20 college, 9 secondary or below.
    assert df["education"].value_counts().to_dict() == {
        "master": 197, "bachelor": 169, "doctorate": 50, "college": 20, "secondary_or_below": 9}
    assert int(df["re_elected"].sum()) == 179
    assert int(df["resident_unit"].sum()) == 272
    assert set(df["elected_on"]) == {"2016-11-15"} and set(df["mandate"]) == {"elected"}
    # Gender and party are not recorded: null, not a guess.
    assert df["gender"].isna().all() and df["party"].isna().all()
    # Posts: D001 director, D002–D008 vice-directors, D009 secretary-general, D010–D045 members.
    assert df["committee_post"].value_counts().to_dict() == {
        "member": 36, "vice_director": 7, "director": 1, "secretary_general": 1}
    assert df["committee_post"].isna().sum() == 400
    # The status is that of the date asked: 445 in office at the end of 2016, nobody before
    # the election.
    assert Counter(r["status"] for r in haidian.deputies(dt.date(2016, 12, 31))) == {"in_office": 445}
    assert Counter(r["status"] for r in haidian.deputies("2016-11-14")) == {"not_yet_elected": 445}
    # D046 left on 2017-01-15: in office the day before, terminated that day.
    assert haidian.deputies("2017-01-14")[45]["status"] == "in_office"
    assert haidian.deputies("2017-01-15")[45]["status"] == "terminated"


# ------------------------------------------------------------------ a story in 2025


def voter(at: str, **command: Any) -> Dict[str, Any]:
    return cmd(at, PUBLIC, **command)


CONTACT = {"phone": "13800138000", "id_number": "110108198001010023", "address": "北京市海淀区学院路20号"}
D001_PROFILE = {
    "gender": "female", "education": "master", "re_elected": True, "resident_unit": False,
    "party": "non_party", "elected_by": {"electoral_unit": "学院路街道"}, "delegation": "学院路街道代表组",
    "groups": ["教科文卫"], "work_unit": "北京石油大学",
}

STORY: List[Dict[str, Any]] = [
    cmd("2025-01-02T09:00:00+08:00", ADMIN, type_="register_congress", congress="hd-17",
        name="北京市海淀区第十七届人民代表大会", level="county", term=17,
        term_start="2021-11-01", term_end="2026-10-31"),
    cmd("2025-01-02T09:00:00+08:00", OFFICE, type_="register_deputy", deputy="D001", congress="hd-17",
        name="王丽", contact=CONTACT, profile=D001_PROFILE),
    cmd("2025-01-02T09:00:00+08:00", OFFICE, type_="register_deputy", deputy="D002", congress="hd-17",
        name="李强", profile={"gender": "male", "education": "bachelor",
                            "elected_by": {"constituency": "第12选区"}}),
    cmd("2025-01-02T09:00:00+08:00", OFFICE, type_="register_deputy", deputy="D003", congress="hd-17", name="张伟"),
    cmd("2025-01-02T09:00:00+08:00", OFFICE, type_="register_unit", unit="trans", name="区交通委"),
    cmd("2025-01-02T10:00:00+08:00", OFFICE, type_="register_station", station="H1", congress="hd-17",
        name="学院路街道代表之家", tier="home"),
    cmd("2025-01-02T10:00:00+08:00", OFFICE, type_="register_station", station="ST1", congress="hd-17",
        name="石油大院社区代表联络站", tier="station", parent="H1"),
    cmd("2025-01-06T10:00:00+08:00", OFFICE, type_="assign_station", deputy="D001", station="H1"),
    cmd("2025-01-06T10:00:00+08:00", OFFICE, type_="assign_station", deputy="D001", station="ST1"),
    cmd("2025-01-06T10:00:00+08:00", STREET, type_="assign_station", deputy="D002", station="ST1"),
    cmd("2025-01-06T10:00:00+08:00", OFFICE, type_="assign_station", deputy="D003", station="H1"),
    # A1: both D001 and D002 at the station (月进站 for January).
    cmd("2025-01-15T15:00:00+08:00", deputy("D001"), type_="record_activity", activity="A1", congress="hd-17",
        kind="station_visit", on="2025-01-15", title="进站接待选民", participants=["D001", "D002"],
        station="ST1", voters_received=12, opinions_collected=5),
    cmd("2025-01-15T16:00:00+08:00", deputy("D001"), type_="record_voter_issue", issue="V1", congress="hd-17",
        summary="小区门口路灯损坏", deputy="D001", station="ST1", activity="A1"),
    cmd("2025-01-16T10:00:00+08:00", deputy("D001"), type_="triage_voter_issue", issue="V1",
        triage={"outcome": "resolved_on_site"}),
    voter("2025-01-18T10:00:00+08:00", type_="record_voter_issue", issue="V2", congress="hd-17",
          summary="学校周边早高峰交通拥堵", station="ST1"),
    cmd("2025-01-20T10:00:00+08:00", STREET, type_="triage_voter_issue", issue="V2",
        triage={"outcome": "forwarded_to_department", "unit": "trans"}),
    cmd("2025-02-10T10:00:00+08:00", TRANS, type_="answer_voter_issue", issue="V2"),
    cmd("2025-02-12T10:00:00+08:00", STREET, type_="close_voter_issue", issue="V2"),
    cmd("2025-02-12T15:00:00+08:00", STREET, type_="record_activity", activity="A2", congress="hd-17",
        kind="station_visit", on="2025-02-12", title="进站接待选民", participants=["D001"], station="ST1",
        voters_received=8, opinions_collected=3),
    # A4: a station visit recorded at the home: it does not count for 月进站 (tier `station`).
    cmd("2025-03-05T15:00:00+08:00", STREET, type_="record_activity", activity="A4", congress="hd-17",
        kind="station_visit", on="2025-03-05", title="到代表之家接待选民", participants=["D002"], station="H1"),
    # A3: the quarter's home visit (季回家) of D001 and D002.
    cmd("2025-03-20T15:00:00+08:00", STREET, type_="record_activity", activity="A3", congress="hd-17",
        kind="home_visit", on="2025-03-20", title="代表回家活动", participants=["D001", "D002"], station="H1",
        voters_received=30, opinions_collected=11),
    # The street organ publishes Q1 at the station (event 22: 21 events before it).
    cmd("2025-04-02T10:00:00+08:00", STREET, type_="publish_points", congress="hd-17", period="2025-Q1",
        scope={"station": "ST1"}),
    cmd("2025-04-10T10:00:00+08:00", deputy("D001"), type_="submit_suggestion", suggestion="S1",
        congress="hd-17", title="关于在学院路增设公交接驳线的建议", lead="D001", cosigners=["D003"],
        during="recess", topic="交通"),
    cmd("2025-06-10T15:00:00+08:00", STREET, type_="record_activity", activity="A6", congress="hd-17",
        kind="research", on="2025-06-10", title="交通拥堵专题调研", participants=["D003"]),
    cmd("2025-09-15T10:00:00+08:00", OFFICE, type_="terminate_qualification", deputy="D003", reason="moved_out"),
    cmd("2025-12-10T15:00:00+08:00", deputy("D001"), type_="record_activity", activity="A5", congress="hd-17",
        kind="debrief", on="2025-12-10", title="2025年度向选民述职", participants=["D001"], station="H1",
        voters_received=40, opinions_collected=6, debrief="yearly"),
    # The standing committee publishes 2025 for the whole congress (event 27).
    cmd("2026-01-08T10:00:00+08:00", SC, type_="publish_points", congress="hd-17", period="2025", scope="congress"),
    # A7: recorded after the publication, back-dated into December 2025.
    cmd("2026-01-10T10:00:00+08:00", STREET, type_="record_activity", activity="A7", congress="hd-17",
        kind="station_visit", on="2025-12-20", title="进站接待选民（补录）", participants=["D002"], station="ST1"),
    # D002 had 6 < 20 points in the annual publication: interviewed, electoral unit notified.
    cmd("2026-01-15T10:00:00+08:00", OFFICE, type_="record_interview", deputy="D002"),
]


@pytest.fixture(scope="module")
def story() -> Ledger:
    ledger = Ledger({"preset": "beijing-district"})
    for c in STORY:
        ledger.execute(c)
    # Every command records one event; the interview two (interview_held, electoral_unit_notified).
    assert ledger.seq == len(STORY) + 1
    return ledger


# Points with the preset's illustrative table (PointRules::illustrative): station or home
# visit 2, research 2, debrief 5, leading a suggestion 3, co-signing 1.
#   D001: A1 2 + A2 2 + A3 2 + A5 5 + S1 led 3 = 14 (4 activities), in office all 365 days.
#   D002: A1 2 + A4 2 + A3 2 (+ A7 2 once recorded) = 6 published, 8 now.
#   D003: A6 2 + S1 co-signed 1 = 3; in office 2025-01-01..2025-09-14 = 243 + 14 = 257 days.
ROW_D001 = {"deputy": "D001", "points": 14, "activities": 4, "suggestions_led": 1,
            "suggestions_cosigned": 0, "days_in_office": 365}
ROW_D002_PUBLISHED = {"deputy": "D002", "points": 6, "activities": 3, "suggestions_led": 0,
                      "suggestions_cosigned": 0, "days_in_office": 365}
ROW_D002_NOW = {**ROW_D002_PUBLISHED, "points": 8, "activities": 4}
ROW_D003 = {"deputy": "D003", "points": 3, "activities": 1, "suggestions_led": 0,
            "suggestions_cosigned": 1, "days_in_office": 257}
# Q1 2025 (90 days): D001 A1, A2, A3; D002 A1, A4, A3; D003 nothing.
Q1 = {"points": 6, "activities": 3, "suggestions_led": 0, "suggestions_cosigned": 0, "days_in_office": 90}


def test_points_as_they_stand_now(story: Ledger) -> None:
    assert story.points("hd-17", "2025") == [ROW_D001, ROW_D002_NOW, ROW_D003]
    assert story.points("hd-17", "2025", {"station": "ST1"}) == [ROW_D001, ROW_D002_NOW]
    assert story.points("hd-17", "2025-Q1", {"station": "ST1"}) == [
        {"deputy": "D001", **Q1}, {"deputy": "D002", **Q1}]
    # H1's deputies are D001 and D003 (assignments as they stand now).
    assert story.points("hd-17", "2025-Q1", '{"station": "H1"}') == [
        {"deputy": "D001", **Q1},
        {"deputy": "D003", "points": 0, "activities": 0, "suggestions_led": 0,
         "suggestions_cosigned": 0, "days_in_office": 90}]
    # Q4: D003 was no longer in office (terminated 2025-09-15): left out. 92 days.
    q4 = story.points("hd-17", "2025-Q4")
    assert [(r["deputy"], r["points"], r["days_in_office"]) for r in q4] == [("D001", 5, 92), ("D002", 2, 92)]
    df = pd.DataFrame(story.points("hd-17", "2025"))
    assert list(df.columns) == ["deputy", "points", "activities", "suggestions_led",
                                "suggestions_cosigned", "days_in_office"]
    assert int(df["points"].sum()) == 14 + 8 + 3


def test_points_scope_is_a_name_an_object_or_json_text(story: Ledger) -> None:
    whole = story.points("hd-17", "2025")
    assert story.points("hd-17", "2025", "congress") == whole
    assert story.points("hd-17", "2025", '"congress"') == whole
    assert story.points("hd-17", "2025", None) == whole
    with pytest.raises(InputError) as e:
        story.points("hd-17", "2025", "province")
    assert e.value.field == "scope"


def test_points_for_an_unknown_station_is_not_found(story: Ledger) -> None:
    with pytest.raises(NotFoundError) as e:
        story.points("hd-17", "2025-Q1", {"station": "ST9"})
    assert (e.value.code, e.value.field, e.value.value) == ("not_found", "scope.station", "ST9")


def test_points_publications_are_frozen(story: Ledger) -> None:
    pubs = story.points_publications()
    assert pubs == [
        {"congress": "hd-17", "period": "2025-Q1", "scope": {"station": "ST1"}, "published_on": "2025-04-02",
         "through_seq": 21, "rows": [{"deputy": "D001", **Q1}, {"deputy": "D002", **Q1}]},
        {"congress": "hd-17", "period": "2025", "scope": "congress", "published_on": "2026-01-08",
         "through_seq": 26, "rows": [ROW_D001, ROW_D002_PUBLISHED, ROW_D003]},
    ]
    # The publication events sit right after their through_seq.
    seqs = [e["seq"] for e in story.events() if e["event"]["type"] == "points_published"]
    assert seqs == [22, 27]
    # A7, back-dated into 2025 after the publication, changes the live table, not the published one.
    assert story.points("hd-17", "2025")[1] != pubs[1]["rows"][1]
    frame = pd.DataFrame([{"period": p["period"], **r} for p in pubs for r in p["rows"]])
    assert frame.shape == (5, 7)
    assert frame.groupby("period")["points"].sum().to_dict() == {"2025": 23, "2025-Q1": 12}


def test_participations_are_long_format(story: Ledger) -> None:
    rows = story.participations()
    # Ordered by day, activity, participant: one row per deputy and activity.
    assert [(r["activity"], r["deputy"]) for r in rows] == [
        ("A1", "D001"), ("A1", "D002"), ("A2", "D001"), ("A4", "D002"), ("A3", "D001"), ("A3", "D002"),
        ("A6", "D003"), ("A5", "D001"), ("A7", "D002")]
    assert rows[0] == {
        "activity": "A1", "congress": "hd-17", "kind": "station_visit", "on": "2025-01-15",
        "title": "进站接待选民", "deputy": "D001", "deputy_congress": "hd-17", "station": "ST1",
        "voters_received": 12, "opinions_collected": 5, "debrief": None}
    assert rows[6]["station"] is None and rows[7]["debrief"] == "yearly"
    df = pd.DataFrame(rows)
    # Counting rows counts person-times (人次); the activity's voters repeat on each row.
    assert df.groupby("deputy").size().to_dict() == {"D001": 4, "D002": 4, "D003": 1}
    assert df.drop_duplicates("activity")["voters_received"].sum() == 12 + 8 + 30 + 40
    assert df.groupby("kind").size().to_dict() == {
        "debrief": 1, "home_visit": 2, "research": 1, "station_visit": 5}


def test_voter_issues_after_triage(story: Ledger) -> None:
    assert story.voter_issues() == [
        {"id": "V1", "congress": "hd-17", "received_on": "2025-01-15", "summary": "小区门口路灯损坏",
         "deputy": "D001", "station": "ST1", "outcome": "resolved_on_site", "triaged_on": "2025-01-16",
         "target": None, "answered_on": None, "closed_on": None},
        {"id": "V2", "congress": "hd-17", "received_on": "2025-01-18", "summary": "学校周边早高峰交通拥堵",
         "deputy": None, "station": "ST1", "outcome": "forwarded_to_department", "triaged_on": "2025-01-20",
         "target": "trans", "answered_on": "2025-02-10", "closed_on": "2025-02-12"},
    ]
    df = pd.DataFrame(story.voter_issues())
    assert df["closed_on"].notna().sum() == 1


MONTH = "月进站 / Station visit every month"
QUARTER = "季回家 / Home visit every quarter"
YEAR = "年述职 / Debrief every year"


def test_compliance_at_the_end_of_2025(story: Ledger) -> None:
    c = story.compliance("hd-17", "2025-12-31")
    assert (c["congress"], c["as_of"], c["rule_set"], c["decimals"]) == ("hd-17", "2025-12-31", "beijing-district", 1)
    # Duties start with the district rules (2025-01-01), not with the term (2021-11-01).
    # Every period of 2025 has ended on 2025-12-31: nothing open.
    assert c["open"] == []
    # D001, D002: 12 months + 4 quarters + 1 year = 17 each; D003 (in office until
    # 2025-09-14): January–September, Q1–Q3 and 2025 = 13.
    assert Counter(r["deputy"] for r in c["rows"]) == {"D001": 17, "D002": 17, "D003": 13}
    d001 = [r for r in c["rows"] if r["deputy"] == "D001"]
    # Ordered by cadence, duty and period.
    assert [r["period"] for r in d001] == [f"2025-{m:02d}" for m in range(1, 13)] + [
        "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025"]
    assert d001[0] == {"deputy": "D001", "duty": MONTH, "kind": "station_visit", "tier": "station",
                       "period": "2025-01", "required": 1, "done": 1, "met": True}
    assert d001[12] == {"deputy": "D001", "duty": QUARTER, "kind": "home_visit", "tier": "home",
                        "period": "2025-Q1", "required": 1, "done": 1, "met": True}
    # The yearly debrief may take place anywhere: no tier.
    assert d001[16] == {"deputy": "D001", "duty": YEAR, "kind": "debrief", "period": "2025",
                        "required": 1, "done": 1, "met": True}
    # D001: January, February (A1, A2), Q1 (A3), 2025 (A5): 4 of 17 = 23.529… → "23.5".
    # D002: January (A1), December (A7, back-dated), Q1 (A3); A4 was at the home, so March is
    #       missed: 3 of 17 = 17.647… → "17.6".
    # D003: nothing of the kinds required: 0 of 13.
    assert c["deputies"] == [
        {"deputy": "D001", "name": "王丽", "due": 17, "met": 4, "missed": 13, "open": 0, "rate": "23.5"},
        {"deputy": "D002", "name": "李强", "due": 17, "met": 3, "missed": 14, "open": 0, "rate": "17.6"},
        {"deputy": "D003", "name": "张伟", "due": 13, "met": 0, "missed": 13, "open": 0, "rate": "0.0"},
    ]
    # Per home or station, over the deputies assigned now: H1 = D001 + D003: 4 of 30 = "13.3";
    # ST1 = D001 + D002: 7 of 34 = 20.588… → "20.6".
    assert c["stations"] == [
        {"station": "H1", "name": "学院路街道代表之家", "tier": "home", "deputies": ["D001", "D003"],
         "due": 30, "met": 4, "rate": "13.3"},
        {"station": "ST1", "name": "石油大院社区代表联络站", "tier": "station", "deputies": ["D001", "D002"],
         "due": 34, "met": 7, "rate": "20.6"},
    ]
    df = pd.DataFrame(c["rows"])
    assert df.groupby(["deputy", "kind"])["met"].sum().to_dict() == {
        ("D001", "debrief"): 1, ("D001", "home_visit"): 1, ("D001", "station_visit"): 2,
        ("D002", "debrief"): 0, ("D002", "home_visit"): 1, ("D002", "station_visit"): 2,
        ("D003", "debrief"): 0, ("D003", "home_visit"): 0, ("D003", "station_visit"): 0}
    assert pd.DataFrame(c["deputies"]).set_index("deputy")["missed"].sum() == 40


def test_compliance_with_open_periods(story: Ledger) -> None:
    c = story.compliance("hd-17", dt.date(2025, 4, 15))
    # Ended: January–March and Q1; open: April, Q2 and 2025 (reported, never failed).
    # D001: Jan, Feb, Q1 met, March missed: 3 / 4. D002: Jan, Q1: 2 / 4. D003: 0 / 4.
    assert [(d["deputy"], d["due"], d["met"], d["open"], d["rate"]) for d in c["deputies"]] == [
        ("D001", 4, 3, 3, "75.0"), ("D002", 4, 2, 3, "50.0"), ("D003", 4, 0, 3, "0.0")]
    open_d001 = [r for r in c["open"] if r["deputy"] == "D001"]
    # The December debrief lies after the "as of" date: the open year is not met yet.
    assert [(r["period"], r["done"], r["met"]) for r in open_d001] == [
        ("2025-04", 0, False), ("2025-Q2", 0, False), ("2025", 0, False)]


def test_archive_of_a_deputy(story: Ledger) -> None:
    a = story.archive("D001")
    assert (a["deputy"], a["name"], a["congress"], a["first_day"], a["mandate"]) == (
        "D001", "王丽", "hd-17", "2021-11-01", "elected")
    assert a["profile"] == D001_PROFILE
    assert a["history"] == [] and a["absences"] == [] and a["interviews"] == []
    assert "committee" not in a and "resignation_advised" not in a and "resignation_submitted" not in a
    assert a["stations"] == [
        {"station": "H1", "name": "学院路街道代表之家", "tier": "home"},
        {"station": "ST1", "name": "石油大院社区代表联络站", "tier": "station"}]
    assert [x["id"] for x in a["activities"]] == ["A1", "A2", "A3", "A5"]
    assert a["activities"][3] == {
        "id": "A5", "congress": "hd-17", "kind": "debrief", "on": "2025-12-10", "title": "2025年度向选民述职",
        "participants": ["D001"], "station": "H1", "voters_received": 40, "opinions_collected": 6,
        "debrief": "yearly"}
    assert a["suggestions_led"] == [
        {"suggestion": "S1", "congress": "hd-17", "title": "关于在学院路增设公交接驳线的建议",
         "during": "recess", "submitted_on": "2025-04-10", "status": "submitted"}]
    assert a["suggestions_cosigned"] == []
    assert [(v["id"], v["triage"]) for v in a["voter_issues"]] == [("V1", {"outcome": "resolved_on_site"})]
    # The published points, each with its publication (the row flattened in).
    assert a["points"] == [
        {"congress": "hd-17", "period": "2025-Q1", "scope": {"station": "ST1"}, "published_on": "2025-04-02",
         "deputy": "D001", **Q1},
        {"congress": "hd-17", "period": "2025", "scope": "congress", "published_on": "2026-01-08", **ROW_D001},
    ]

    # D002: points as published (6), not as they stand now (8), and the interview.
    b = story.archive("D002")
    assert [(p["period"], p["points"]) for p in b["points"]] == [("2025-Q1", 6), ("2025", 6)]
    assert b["interviews"] == ["2026-01-15"]
    assert [x["id"] for x in b["activities"]] == ["A1", "A4", "A3", "A7"]
    assert b["voter_issues"] == []

    # D003: the termination in the history, the co-signed suggestion.
    c = story.archive("D003")
    assert c["history"] == [{"on": "2025-09-15", "change": "terminated", "reason": "moved_out"}]
    assert [s["suggestion"] for s in c["suggestions_cosigned"]] == ["S1"]
    assert [x["id"] for x in c["activities"]] == ["A6"]
    assert [(p["period"], p["points"], p["days_in_office"]) for p in c["points"]] == [("2025", 3, 257)]


def test_story_deputies_table(story: Ledger) -> None:
    rows = story.deputies("2025-12-31")
    assert [(r["id"], r["status"], r["stations"]) for r in rows] == [
        ("D001", "in_office", ["H1", "ST1"]), ("D002", "in_office", ["ST1"]), ("D003", "terminated", ["H1"])]
    assert rows[0] == {
        "id": "D001", "congress": "hd-17", "name": "王丽", "status": "in_office", "elected_on": "2021-11-01",
        "mandate": "elected", "person": None, "gender": "female", "education": "master", "re_elected": True,
        "resident_unit": False, "party": "non_party", "elected_by_kind": "electoral_unit",
        "elected_by": "学院路街道", "delegation": "学院路街道代表组", "groups": ["教科文卫"],
        "work_unit": "北京石油大学", "stations": ["H1", "ST1"], "committee_post": None}
    assert (rows[1]["elected_by_kind"], rows[1]["elected_by"]) == ("constituency", "第12选区")
    assert story.deputies("2025-09-14")[2]["status"] == "in_office"


def test_no_personal_data_in_public_tables(story: Ledger) -> None:
    secrets = list(CONTACT.values())
    # The contact is recorded (a trusted caller sees it in the state)…
    trusted = json.dumps(story.state(), ensure_ascii=False)
    assert all(s in trusted for s in secrets)
    # …but no table carries it, whatever the date.
    tables = {
        "deputies": story.deputies("2025-12-31"),
        "deputies_2021": story.deputies("2021-11-01"),
        "participations": story.participations(),
        "voter_issues": story.voter_issues(),
        "points": story.points("hd-17", "2025"),
        "points_station": story.points("hd-17", "2025-Q1", {"station": "H1"}),
        "points_publications": story.points_publications(),
        "compliance": story.compliance("hd-17", "2025-12-31"),
        "archive": story.archive("D001"),
        "composition": story.composition("hd-17", "2025-12-31"),
    }
    for name, table in tables.items():
        text = json.dumps(table, ensure_ascii=False)
        for s in secrets:
            assert s not in text, f"{name} carries {s}"
        assert "contact" not in text and "phone" not in text, name
    # Nor does the DataFrame (no column for it).
    assert not {"contact", "phone", "id_number", "address"} & set(pd.DataFrame(tables["deputies"]).columns)


def test_story_composition_and_organisation(story: Ledger) -> None:
    c = story.composition("hd-17", "2025-12-31", 1)
    # Three elected, D003 terminated (moved out): 2 hold the mandate.
    assert (c["elected"], c["holding_mandate"], c["terminated"]) == (persons(3), persons(2), persons(1))
    # Education given for D001 (master) and D002 (bachelor), missing for D003: 2 / 3 = "66.7",
    # a lower bound; postgraduate 1 / 3 = "33.3"; female 1 / 3 with 1 missing.
    assert c["college_or_above"] == {
        "count": persons(2), "missing": persons(1),
        "share": {"numerator": persons(2), "denominator": persons(3), "decimals": 1, "percent": "66.7",
                  "warnings": []}}
    assert c["postgraduate"]["share"]["percent"] == "33.3"
    assert (c["female"]["count"], c["female"]["missing"]) == (persons(1), persons(1))
    # 2025: 9 person-times of hd-17 deputies over the 2 in office on 2025-12-31: 450.0 %.
    s = story.participation("hd-17", "2025-01-01", "2025-12-31")
    assert (s["numerator"]["value"], s["denominator"]["value"], s["percent"]) == (9, 2, "450.0")
    assert [w["code"] for w in s["warnings"]] == ["unit_mismatch"]
    # No population registered: the quota and committee size cannot be checked.
    f = story.check_organisation("hd-17", "2025-12-31")
    assert [(x["rule"], x["status"]) for x in f] == [
        ("L-7", "not_checkable"), ("L-6", "not_checkable"), ("R-O1", "not_checkable")]
    assert f[0]["figures"] == {"holding_mandate": 2}


# ------------------------------------------------------------------ errors across the boundary


def raises(cls: type, f: Any, **expected: Any) -> RendaError:
    with pytest.raises(cls) as info:
        f()
    err = info.value
    assert isinstance(err, RendaError)
    for k, v in expected.items():
        assert getattr(err, k) == v, (k, getattr(err, k), v)
    return err


def test_unknown_entities_are_not_found(story: Ledger) -> None:
    raises(NotFoundError, lambda: story.points("hd-99", "2025"),
           code="not_found", kind="not_found", field="congress", value="hd-99")
    raises(NotFoundError, lambda: story.compliance("hd-99", "2025-12-31"), code="not_found", field="congress")
    raises(NotFoundError, lambda: story.composition("hd-99", "2025-12-31"), code="not_found", field="congress")
    raises(NotFoundError, lambda: story.participation("hd-99", "2025-01-01", "2025-12-31"),
           code="not_found", field="congress")
    raises(NotFoundError, lambda: story.check_organisation("hd-99", "2025-12-31"), code="not_found")
    raises(NotFoundError, lambda: story.archive("D999"), code="not_found", field="deputy", value="D999")


def test_bad_input_is_an_input_error(story: Ledger) -> None:
    raises(InputError, lambda: story.points("hd-17", "2025-Q5"), code="invalid_field", field="period")
    raises(InputError, lambda: story.points("hd-17", "2025", "{not json"), code="invalid_json")
    raises(InputError, lambda: story.points("hd-17", "2025", {"county": "x"}), kind="input")
    raises(InputError, lambda: story.deputies("2025-13-01"), code="invalid_field", field="as_of", value="2025-13-01")
    raises(InputError, lambda: story.compliance("hd-17", "31/12/2025"), field="as_of")
    raises(InputError, lambda: story.participation("hd-17", "2025-12-31", "2025-01-01"),
           code="invalid_field", field="from")
    raises(InputError, lambda: story.participation("hd-17", "not a day", "2025-01-01"), field="from")
    raises(InputError, lambda: story.participation("hd-17", "2025-01-01", "2025-13-01"), field="to")
    # No deputy holds the mandate before the term: the rate has no base.
    raises(InputError, lambda: story.participation("hd-17", "2021-01-01", "2021-06-30"), field="to")
    # Ids are checked before they are looked up (no leading or trailing white space).
    raises(InputError, lambda: story.archive(" D001"), code="invalid_field", kind="input")
    raises(InputError, lambda: story.points("hd-17 ", "2025"), code="invalid_field", kind="input")
    raises(NotFoundError, lambda: story.archive("no such deputy"), code="not_found")


def test_rule_set_errors(story: Ledger) -> None:
    # beijing-district is in force from 2025-01-01: nothing for a county congress before.
    raises(RuleSetError, lambda: story.compliance("hd-17", "2024-12-31"), code="no_rule_set")
    raises(RuleSetError, lambda: story.points("hd-17", "2024"), code="no_rule_set")
    # The national preset has no point table.
    national = Ledger({"preset": "national"})
    national.execute(STORY[0])
    raises(renda.RuleViolationError, lambda: national.points("hd-17", "2025"),
           code="no_point_table", rule="W6", field="congress", value="hd-17")


def test_bad_decimals_raise_before_crossing(haidian: Ledger) -> None:
    for bad in (7, -1):
        with pytest.raises(ValueError):
            haidian.composition("hd-16", "2017-12-31", bad)
        with pytest.raises(ValueError):
            haidian.participation("hd-16", "2017-01-01", "2017-12-31", bad)
    for wrong in (True, 1.5, "2", None):
        with pytest.raises(TypeError):
            haidian.composition("hd-16", "2017-12-31", wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        haidian.deputies(dt.datetime(2017, 12, 31, 12))  # a datetime is ambiguous: use .date()
    with pytest.raises(TypeError):
        haidian.points(16, "2017")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        haidian.archive(None)  # type: ignore[arg-type]
    # Six decimals is the most: 436 / 445 = 97.977528…
    assert haidian.composition("hd-16", "2017-12-31", 6)["college_or_above"]["share"]["percent"] == "97.977528"


def test_interview_recommendations_from_the_latest_annual_publication(story: Ledger) -> None:
    # Published 2026-01-08 for 2025: D001 14, D002 6, D003 3, all below the illustrative 20;
    # D002 was interviewed on 2026-01-15. The live points (D002 now 8) do not matter.
    recs = story.interview_recommendations("hd-17")
    assert [(r["deputy"], r["points"], r["threshold"], r["interviewed_on"]) for r in recs] == [
        ("D001", 14, 20, []), ("D002", 6, 20, ["2026-01-15"]), ("D003", 3, 20, [])]
    assert {r["period"] for r in recs} == {"2025"}
    with pytest.raises(NotFoundError):
        story.interview_recommendations("hd-99")
