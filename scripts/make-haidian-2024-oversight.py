#!/usr/bin/env python3
"""Writes tests/scenarios/o_s001_haidian_2024_oversight.json: a data set that encodes the
standing committee's 2024 work in Haidian as seed 001 reports it (domain.md §4.2), so that the
`oversight_figures` query reproduces S001-1 (1 congress session, 7 standing-committee meetings,
17 director meetings; 7 >= 6 for L-5) and S001-2 (46 reports heard, 19 resolutions and decisions,
13 review-opinion documents, 7 evaluation-opinion documents) exactly.

The seed gives the counts only; dates, organs, titles and tallies here are illustrative. The 19
resolutions and decisions are 16 adopted standing-committee ballots and 3 budget adjustments
(L-21, seed 001 "预算调整…3次"); one more ballot fails and must not count.

Usage: python3 scripts/make-haidian-2024-oversight.py   (rewrites the file; deterministic)
"""
import json
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "scenarios" / "o_s001_haidian_2024_oversight.json"
C = "hd-17"
ADMIN = {"role": "admin", "id": "admin"}
OFFICE = {"role": "deputy_affairs_office", "id": "office"}
DM = {"role": "director_meeting", "id": "directors"}
SC = {"role": "standing_committee", "id": "sc"}
COMMITTEE = {"role": "special_committee", "id": "committee"}
steps = []


def step(at, actor, command, ok):
    steps.append({"at": f"{at}T10:00:00+08:00", "actor": actor, "command": command, "expect": {"ok": ok}})


def iso(d):
    return d.isoformat()


step("2023-12-01", ADMIN, {"type": "register_congress", "congress": C, "name": "北京市海淀区第十七届人民代表大会",
                           "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"},
     ["congress_registered"])
UNITS = [("gov", "区人民政府"), ("edu", "区教委"), ("health", "区卫健委"), ("env", "区生态环境局"),
         ("finance", "区财政局"), ("audit", "区审计局"), ("dev", "区发展改革委"), ("city", "区城管委"),
         ("court", "区人民法院"), ("procuratorate", "区人民检察院")]
for u, name in UNITS:
    step("2023-12-01", ADMIN, {"type": "register_unit", "unit": u, "name": name}, ["unit_registered"])
# The standing committee: 45 members (L-6: the cap for a district over 1 million people).
for i in range(1, 46):
    d = f"D{i:02d}"
    step("2023-12-01", OFFICE, {"type": "register_deputy", "deputy": d, "congress": C, "name": f"代表{i}"},
         ["deputy_registered"])
for i in range(1, 46):
    post = "director" if i == 1 else "vice_director" if i <= 6 else "member"
    step("2023-12-02", OFFICE, {"type": "join_standing_committee", "deputy": f"D{i:02d}", "post": post},
         ["standing_committee_joined"])

# S001-1: one congress session (its sitting), 7 standing-committee meetings, 17 director meetings.
step("2023-12-05", OFFICE, {"type": "schedule_session", "session": "hd-17-3", "congress": C,
                            "opens_on": "2024-01-08", "closes_on": "2024-01-12", "motions_due": "2024-01-10"},
     ["session_scheduled"])
step("2023-12-05", OFFICE, {"type": "convene_meeting", "meeting": "hd-17-3-1", "congress": C, "body": "congress",
                            "kind": "regular", "held_on": "2024-01-08", "session": "hd-17-3"}, ["meeting_convened"])
SC_DAYS = [date(2024, 2, 27), date(2024, 4, 25), date(2024, 6, 27), date(2024, 8, 29),
           date(2024, 10, 29), date(2024, 11, 28), date(2024, 12, 26)]
SC_IDS = [f"hd-17-sc-{21 + k}" for k in range(7)]
for m, day in zip(SC_IDS, SC_DAYS):
    step("2023-12-06", DM, {"type": "convene_meeting", "meeting": m, "congress": C, "body": "standing_committee",
                            "kind": "regular", "held_on": iso(day)}, ["meeting_convened"])
for k in range(17):
    day = date(2024, 1, 15) + timedelta(days=20 * k)
    step("2023-12-06", DM, {"type": "convene_meeting", "meeting": f"hd-17-dm-{k + 1}", "congress": C,
                            "body": "director_meeting", "kind": "regular", "held_on": iso(day)}, ["meeting_convened"])

# S001-2: 46 reports heard (7, 7, 7, 7, 6, 6, 6 per meeting), 13 of them with a review opinion.
KINDS = ["plan_execution", "audit_work", "environment", "rule_of_law_government", "budget_execution", "audit_rectification"] + ["special_work"] * 40
ORGANS = ["gov", "edu", "health", "env", "city", "court", "procuratorate", "dev"]
reports = []
n = 0
for m, day, count in zip(SC_IDS, SC_DAYS, [7, 7, 7, 7, 6, 6, 6]):
    for _ in range(count):
        n += 1
        reports.append((f"R{n:02d}", m, day, KINDS[n - 1], ORGANS[n % len(ORGANS)]))
for r, m, day, kind, organ in reports:
    step("2024-01-04", DM, {"type": "schedule_work_report", "report": r, "congress": C, "year": 2024, "kind": kind,
                            "title": f"关于第{r}项工作情况的报告", "organ": organ, "meeting": m},
         ["work_report_scheduled"])
events = []
for r, m, day, kind, organ in reports:
    unit = {"role": "handling_unit", "id": organ}
    events.append((day - timedelta(days=25), unit, {"type": "submit_work_report", "report": r, "version": "first"},
                   ["work_report_submitted"]))
    events.append((day - timedelta(days=12), unit, {"type": "submit_work_report", "report": r, "version": "revised"},
                   ["work_report_submitted"]))

# Each standing-committee meeting: attendance (L-3 quorum), its reports heard, its ballots.
BALLOTS = [2, 3, 3, 2, 2, 2, 3]  # 17 ballots: 16 adopted, the last of sc-27 fails (20 of 45)
TALLY = {"members": 45, "present": 42, "yes": 40, "no": 1, "abstain": 1}
b = 0
for m, day, nballots in zip(SC_IDS, SC_DAYS, BALLOTS):
    events.append((day, OFFICE, {"type": "set_meeting_agenda", "meeting": m, "items": [
        {"number": 1, "kind": "report", "title": "听取和审议报告"},
        {"number": 2, "kind": "ballot", "title": "表决决议、决定"}]}, ["meeting_agenda_set"]))
    events.append((day, OFFICE, {"type": "record_attendance", "meeting": m, "members": 45, "present": 42},
                   ["attendance_recorded"]))
    for r, rm, rday, kind, organ in reports:
        if rm == m:
            events.append((day, SC, {"type": "hear_work_report", "report": r, "mode": "oral"}, ["work_report_heard"]))
    for j in range(nballots):
        b += 1
        fails = b == 17
        tally = dict(TALLY, yes=20, no=15, abstain=7) if fails else TALLY
        events.append((day, SC, {"type": "hold_ballot", "meeting": m, "ballot": f"B{b:02d}", "item": 2,
                                 "subject": f"关于第{b}项事项的{'决议' if b % 2 else '决定'}",
                                 "kind": "resolution" if b % 2 else "decision", "vote": tally}, ["ballot_held"]))
for k, r in enumerate(reports[:13]):
    events.append((r[2] + timedelta(days=10), DM, {"type": "issue_review_opinion", "report": r[0],
                                                    "opinion": f"对{r[0]}的审议意见"}, ["work_report_opinion_issued"]))
# Three budget adjustments approved by the standing committee (L-21, L-4).
for m, day in [(SC_IDS[2], SC_DAYS[2]), (SC_IDS[4], SC_DAYS[4]), (SC_IDS[6], SC_DAYS[6])]:
    events.append((day, SC, {"type": "approve_budget_adjustment", "congress": C, "year": 2024, "meeting": m,
                             "title": f"{day.month}月预算调整方案", "vote": TALLY}, ["budget_adjustment_approved"]))

# Seven department work evaluations (W5), each with its evaluation-opinion document (R-E6).
DEPTS = ["edu", "health", "env", "city", "dev", "finance", "audit"]
for i, dep in enumerate(DEPTS):
    we = f"WE-2024-{dep}"
    team = {"leader": f"D0{2 + i % 5}", "vice_leaders": ["D07"], "members": ["D08", "D09"]}
    events.append((date(2024, 3, 1), DM, {"type": "plan_work_evaluation", "work_evaluation": we, "congress": C,
                                          "year": 2024, "department": dep, "team": team}, ["work_evaluation_planned"]))
    events.append((date(2024, 3, 10), COMMITTEE, {"type": "start_work_evaluation", "work_evaluation": we},
                   ["work_evaluation_started"]))
    events.append((date(2024, 4, 10), {"role": "handling_unit", "id": dep},
                   {"type": "submit_self_inspection_report", "work_evaluation": we, "summary": "自检自查工作情况报告"},
                   ["self_inspection_report_submitted"]))
    events.append((date(2024, 5, 20), COMMITTEE, {"type": "submit_investigation_report", "work_evaluation": we,
                                                  "methods": ["visit", "forum", "questionnaire"],
                                                  "deputy_person_times": 20, "summary": "评议小组调查报告"},
                   ["investigation_report_submitted"]))
    events.append((SC_DAYS[2], SC, {"type": "deliberate_work_evaluation", "work_evaluation": we, "meeting": SC_IDS[2],
                                    "special_work_report": "专项工作报告"}, ["work_evaluation_deliberated"]))
    events.append((SC_DAYS[2], SC, {"type": "record_satisfaction_vote", "work_evaluation": we, "meeting": SC_IDS[2],
                                    "members": 45, "present": 42, "counts": [
                                        {"option": "满意", "votes": 30}, {"option": "基本满意", "votes": 10},
                                        {"option": "不满意", "votes": 2}]}, ["satisfaction_vote_recorded"]))
    events.append((SC_DAYS[2] + timedelta(days=1), SC, {"type": "publish_work_evaluation_result",
                                                        "work_evaluation": we, "notified": "海淀区人民政府"},
                   ["work_evaluation_result_published"]))
    events.append((date(2024, 7, 5), SC, {"type": "issue_evaluation_opinion", "work_evaluation": we,
                                          "items": ["加强队伍建设", "完善工作机制"]}, ["evaluation_opinion_issued"]))

for day, actor, command, ok in sorted(events, key=lambda e: e[0]):
    step(iso(day), actor, command, ok)

scenario = {
    "name": "S001-1, S001-2, L-5, L-4: the standing committee's 2024 in Haidian as seed 001 counts it — 1 congress "
            "session, 7 standing-committee meetings, 17 director meetings; 46 reports heard, 19 resolutions and "
            "decisions (16 adopted ballots and 3 budget adjustments; a failed ballot does not count), 13 review-opinion "
            "documents, 7 evaluation-opinion documents (generated by scripts/make-haidian-2024-oversight.py)",
    "rules": {"preset": "national"},
    "steps": steps,
    "queries": [
        {"query": "oversight_figures", "congress": C, "from": "2024-01-01", "to": "2024-12-31", "expect": {
            "congress_sessions": 1, "standing_committee_meetings": 7, "director_meetings": 17,
            "outputs": {"reports_heard": 46, "resolutions_and_decisions": 19, "review_opinions": 13,
                        "evaluation_opinions": 7, "inspections": 0, "topic_inquiries": 0}}},
        {"query": "meeting_compliance", "congress": C, "year": "2024", "expect": {
            "standing_committee_meetings": 7, "congress_sessions": 1}},
    ],
}
OUT.write_text(json.dumps(scenario, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{OUT.name}: {len(steps)} steps")
