//! The annual supervision plan (W9) and the reports the standing committee hears (W10) through
//! the Rust API (`docs/supervision-plan-and-reports.md`): lifecycles, rejections, rule-set
//! overrides, replay and snapshots, hostile snapshots, the report calendar and the outputs of
//! a work report (S001-2: 46 reports heard, 13 review opinions in Haidian 2024).

use renda::oversight::plan::{PlanStatus, TopicSource, TopicStatus};
use renda::oversight::work_report::{ReportKind, ReportStatus, ReportVersion};
use renda::rules::RuleBook;
use renda::{Ledger, State};
use serde_json::{json, Value};

fn envelope(date: &str, who: &str, command: Value) -> String {
    let (role, id) = match who {
        "admin" => ("admin", "admin"),
        "office" => ("deputy_affairs_office", "office"),
        "sc" => ("standing_committee", "sc"),
        "gov" => ("government_office", "gov"),
        "committee" => ("special_committee", "committee"),
        "directors" => ("director_meeting", "directors"),
        "edu" => ("handling_unit", "edu"),
        "public" => ("public", "citizen"),
        deputy => ("deputy", deputy),
    };
    json!({"at": format!("{date}T10:00:00+08:00"), "actor": {"role": role, "id": id}, "command": command})
        .to_string()
}

struct World {
    ledger: Ledger,
}

impl World {
    fn new(rules: RuleBook) -> Self {
        let mut w = World {
            ledger: Ledger::new(rules),
        };
        let at = "2023-10-08";
        w.ok(at, "admin", json!({"type": "register_congress", "congress": "hd-17", "name": "海淀区第十七届人大", "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}));
        w.ok(at, "admin", json!({"type": "register_congress", "congress": "cy-17", "name": "朝阳区第十七届人大", "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}));
        for d in ["D001", "D002"] {
            w.ok(at, "office", json!({"type": "register_deputy", "deputy": d, "congress": "hd-17", "name": "代表"}));
        }
        w.ok(at, "office", json!({"type": "register_deputy", "deputy": "C001", "congress": "cy-17", "name": "代表"}));
        for u in ["edu", "fin"] {
            w.ok(
                at,
                "admin",
                json!({"type": "register_unit", "unit": u, "name": "单位"}),
            );
        }
        w.ok(at, "directors", json!({"type": "convene_meeting", "meeting": "sc-6", "congress": "hd-17", "body": "standing_committee", "kind": "regular", "held_on": "2024-06-25"}));
        w.ok(at, "directors", json!({"type": "convene_meeting", "meeting": "sc-12", "congress": "hd-17", "body": "standing_committee", "kind": "regular", "held_on": "2024-12-24"}));
        w
    }

    fn run(
        &mut self,
        date: &str,
        who: &str,
        command: Value,
    ) -> Result<Vec<String>, renda::RendaError> {
        let before = self.ledger.state().clone();
        let n = self.ledger.events().len();
        let out = self
            .ledger
            .execute_json(&envelope(date, who, command))
            .map(|evs| {
                evs.iter()
                    .map(|e| e.event.type_name().to_string())
                    .collect()
            });
        if out.is_err() {
            assert_eq!(
                self.ledger.state(),
                &before,
                "a rejected command changed the state"
            );
            assert_eq!(self.ledger.events().len(), n);
        }
        out
    }

    fn ok(&mut self, date: &str, who: &str, command: Value) -> Vec<String> {
        let c = command.to_string();
        self.run(date, who, command)
            .unwrap_or_else(|e| panic!("{c}: {e}"))
    }

    /// The error's code, field and rule.
    fn err(
        &mut self,
        date: &str,
        who: &str,
        command: Value,
    ) -> (String, Option<String>, Option<String>) {
        let e = self.run(date, who, command).expect_err("must be refused");
        (
            e.code().to_string(),
            e.field().map(str::to_string),
            e.rule().map(str::to_string),
        )
    }

    /// Schedules, submits both versions on time, and hears report `r` at `meeting` (`day`).
    fn heard(&mut self, r: &str, kind: &str, meeting: &str, day: &str, first: &str, revised: &str) {
        self.ok("2024-01-05", "directors", json!({"type": "schedule_work_report", "report": r, "congress": "hd-17", "year": 2024, "kind": kind, "title": "报告", "organ": "edu", "meeting": meeting}));
        self.ok(
            first,
            "edu",
            json!({"type": "submit_work_report", "report": r, "version": "first"}),
        );
        self.ok(
            revised,
            "edu",
            json!({"type": "submit_work_report", "report": r, "version": "revised"}),
        );
        self.ok(
            day,
            "sc",
            json!({"type": "hear_work_report", "report": r, "mode": "oral"}),
        );
    }

    fn check_replay(&self) {
        self.ledger.state().validate().unwrap();
        let replayed =
            Ledger::replay(self.ledger.rules().clone(), self.ledger.events().to_vec()).unwrap();
        assert_eq!(replayed.state(), self.ledger.state());
        let restored =
            Ledger::restore(self.ledger.rules().clone(), self.ledger.snapshot()).unwrap();
        assert_eq!(restored.state(), self.ledger.state());
    }
}

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn w9_plan_from_proposal_to_enrolment_and_adjustment() {
    let mut w = World::new(RuleBook::default());
    for (t, source, who) in [
        ("T1", "public_solicitation", "public"),
        ("T2", "deputies", "D001"),
        ("T3", "inspection_finding", "committee"),
        ("T4", "motions_and_suggestions", "office"),
    ] {
        w.ok("2023-11-01", who, json!({"type": "propose_supervision_topic", "topic": t, "congress": "hd-17", "year": 2024, "source": source, "title": "议题"}));
    }
    w.ok("2023-12-01", "committee", json!({"type": "shortlist_supervision_topics", "congress": "hd-17", "year": 2024, "topics": ["T1", "T2", "T3"]}));
    // Duplicates in a list are refused.
    let (code, field, _) = w.err("2023-12-02", "committee", json!({"type": "shortlist_supervision_topics", "congress": "hd-17", "year": 2024, "topics": ["T4", "T4"]}));
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("invalid_field", Some("command.topics[1]"))
    );
    w.ok("2023-12-20", "sc", json!({"type": "approve_supervision_plan", "plan": "P", "congress": "hd-17", "year": 2024, "topics": ["T1", "T2"], "party_committee_ref": "区委常委会", "party_committee_approved_on": "2023-12-19"}));
    w.ok(
        "2024-01-31",
        "office",
        json!({"type": "publish_supervision_plan", "plan": "P"}),
    );
    w.ok(
        "2024-02-01",
        "D001",
        json!({"type": "choose_supervision_topic", "plan": "P", "topic": "T1", "deputy": "D001"}),
    );
    // A deputy of another congress cannot enrol.
    let (code, field, _) = w.err(
        "2024-02-01",
        "office",
        json!({"type": "choose_supervision_topic", "plan": "P", "topic": "T1", "deputy": "C001"}),
    );
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("wrong_congress", Some("command.deputy"))
    );
    w.ok("2024-07-01", "directors", json!({"type": "adjust_supervision_plan", "plan": "P", "add": ["T3"], "drop": ["T1"], "reason": "调整"}));
    let view = w
        .ledger
        .supervision_plan(&"hd-17".parse().unwrap(), 2024)
        .unwrap();
    assert_eq!(view.status, Some(PlanStatus::Published));
    assert_eq!(view.proposals, 4);
    assert_eq!(view.by_source[&TopicSource::InspectionFinding], 1);
    assert_eq!(view.in_plan, 2);
    // T1 was dropped: its enrolment no longer counts.
    assert_eq!(view.enrolments, 0);
    let statuses: Vec<(String, TopicStatus)> = view
        .topics
        .iter()
        .map(|t| (t.topic.to_string(), t.status))
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("T2".into(), TopicStatus::InPlan),
            ("T3".into(), TopicStatus::InPlan),
            ("T1".into(), TopicStatus::Dropped),
            ("T4".into(), TopicStatus::Proposed),
        ]
    );
    // A report can carry a topic of the plan, not a dropped one.
    let (code, field, _) = w.err("2024-01-05", "directors", json!({"type": "schedule_work_report", "report": "R1", "congress": "hd-17", "year": 2024, "kind": "special_work", "title": "报告", "organ": "edu", "meeting": "sc-6", "topic": "T1"}));
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("out_of_order", Some("at"))
    );
    let (code, field, _) = w.err("2024-07-02", "directors", json!({"type": "schedule_work_report", "report": "R1", "congress": "hd-17", "year": 2024, "kind": "special_work", "title": "报告", "organ": "edu", "meeting": "sc-12", "topic": "T1"}));
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("invalid_field", Some("command.topic"))
    );
    w.ok("2024-07-02", "directors", json!({"type": "schedule_work_report", "report": "R1", "congress": "hd-17", "year": 2024, "kind": "special_work", "title": "报告", "organ": "edu", "meeting": "sc-12", "topic": "T3"}));
    w.check_replay();
}

#[test]
fn w10_full_lifecycle_with_late_marks_and_outputs() {
    let mut w = World::new(RuleBook::default());
    w.ok("2024-01-05", "directors", json!({"type": "schedule_work_report", "report": "R1", "congress": "hd-17", "year": 2024, "kind": "special_work", "title": "报告", "organ": "edu", "meeting": "sc-6"}));
    // Due 2024-06-05 and 2024-06-15 (L-15).
    w.ok(
        "2024-06-06",
        "gov",
        json!({"type": "submit_work_report", "report": "R1", "version": "first"}),
    );
    w.ok(
        "2024-06-15",
        "edu",
        json!({"type": "submit_work_report", "report": "R1", "version": "revised"}),
    );
    w.ok(
        "2024-06-25",
        "sc",
        json!({"type": "hear_work_report", "report": "R1", "mode": "written"}),
    );
    w.ok(
        "2024-06-30",
        "sc",
        json!({"type": "issue_review_opinion", "report": "R1", "opinion": "意见"}),
    );
    let r = w.ledger.work_reports().next().unwrap();
    assert_eq!(r.status, ReportStatus::OpinionIssued);
    assert!(r.submissions[0].late && !r.submissions[1].late);
    assert_eq!(r.submissions[1].version, ReportVersion::Revised);
    // 30 June + 2 months = 30 August (L-16, rule set).
    assert_eq!(r.opinion.as_ref().unwrap().due, d("2024-08-30"));
    w.ok(
        "2024-08-30",
        "gov",
        json!({"type": "report_opinion_handling", "report": "R1", "summary": "已办理"}),
    );
    w.ok("2024-09-30", "sc", json!({"type": "follow_up_work_report", "report": "R1", "kind": "resolution", "summary": "作出决议"}));
    w.ok(
        "2024-10-30",
        "sc",
        json!({"type": "close_work_report", "report": "R1"}),
    );
    let r = w.ledger.work_reports().next().unwrap();
    assert_eq!(r.status, ReportStatus::Closed);
    assert!(!r.opinion.as_ref().unwrap().handled_late);
    let out = renda::oversight::outputs(
        w.ledger.state(),
        &"hd-17".parse().unwrap(),
        d("2024-01-01"),
        d("2024-12-31"),
    );
    assert_eq!((out.reports_heard, out.review_opinions), (1, 1));
    // A period before the hearing counts nothing; another congress counts nothing.
    let out = renda::oversight::outputs(
        w.ledger.state(),
        &"hd-17".parse().unwrap(),
        d("2024-01-01"),
        d("2024-06-24"),
    );
    assert_eq!((out.reports_heard, out.review_opinions), (0, 0));
    let out = renda::oversight::outputs(
        w.ledger.state(),
        &"cy-17".parse().unwrap(),
        d("2024-01-01"),
        d("2024-12-31"),
    );
    assert_eq!(out.reports_heard, 0);
    w.check_replay();
}

#[test]
fn s001_2_haidian_2024_outputs_46_reports_13_review_opinions() {
    let mut w = World::new(RuleBook::default());
    for i in 0..46 {
        let (meeting, day, first, revised) = if i < 23 {
            ("sc-6", "2024-06-25", "2024-06-05", "2024-06-15")
        } else {
            ("sc-12", "2024-12-24", "2024-12-04", "2024-12-14")
        };
        let id = format!("R{i:02}");
        w.ok("2024-01-05", "directors", json!({"type": "schedule_work_report", "report": id, "congress": "hd-17", "year": 2024, "kind": if i % 2 == 0 { "special_work" } else { "budget_execution" }, "title": "报告", "organ": "edu", "meeting": meeting}));
        let _ = (day, first, revised);
    }
    for (meeting, day, first, revised, range) in [
        ("sc-6", "2024-06-25", "2024-06-05", "2024-06-15", 0..23),
        ("sc-12", "2024-12-24", "2024-12-04", "2024-12-14", 23..46),
    ] {
        let _ = meeting;
        for i in range.clone() {
            w.ok(first, "edu", json!({"type": "submit_work_report", "report": format!("R{i:02}"), "version": "first"}));
        }
        for i in range.clone() {
            w.ok(revised, "edu", json!({"type": "submit_work_report", "report": format!("R{i:02}"), "version": "revised"}));
        }
        for i in range {
            w.ok(
                day,
                "sc",
                json!({"type": "hear_work_report", "report": format!("R{i:02}"), "mode": "oral"}),
            );
        }
    }
    for i in 0..13 {
        w.ok("2024-12-30", "directors", json!({"type": "issue_review_opinion", "report": format!("R{:02}", 23 + i), "opinion": "审议意见"}));
    }
    let hd = "hd-17".parse().unwrap();
    let out = renda::oversight::outputs(w.ledger.state(), &hd, d("2024-01-01"), d("2024-12-31"));
    assert_eq!((out.reports_heard, out.review_opinions), (46, 13));
    let cal = w
        .ledger
        .report_calendar(&hd, 2024, d("2024-12-31"))
        .unwrap();
    assert_eq!(cal.heard, 46);
    assert!(cal.late_submissions.is_empty());
    // Nothing overdue yet: the handling reports are due 2025-02-28.
    assert!(cal.overdue_handling.is_empty());
    let cal = w
        .ledger
        .report_calendar(&hd, 2024, d("2025-03-01"))
        .unwrap();
    assert_eq!(cal.overdue_handling.len(), 13);
    assert_eq!(cal.overdue_handling[0].days_overdue, 1);
    w.check_replay();
}

#[test]
fn rule_overrides_change_deadlines_and_flags() {
    let spec = json!({"preset": "national", "overrides": {"oversight": {"reports": {
        "first_version_days_before": 30, "revised_version_days_before": 7,
        "handling_report_months": 3, "final_accounts_need_performance_reports": true}}}});
    let mut w = World::new(RuleBook::from_spec(&spec).unwrap());
    w.ok("2024-01-05", "directors", json!({"type": "schedule_work_report", "report": "F", "congress": "hd-17", "year": 2024, "kind": "final_accounts", "title": "决算", "organ": "fin", "meeting": "sc-6"}));
    w.ok(
        "2024-05-26",
        "gov",
        json!({"type": "submit_work_report", "report": "F", "version": "first"}),
    );
    w.ok("2024-06-18", "gov", json!({"type": "submit_work_report", "report": "F", "version": "revised", "performance_reports": ["绩效评价报告"]}));
    let r = w.ledger.work_reports().next().unwrap();
    assert_eq!(
        (r.submissions[0].due, r.submissions[0].late),
        (d("2024-05-26"), false)
    );
    assert_eq!(
        (r.submissions[1].due, r.submissions[1].late),
        (d("2024-06-18"), false)
    );
    // Only the organ itself (or the government office) submits.
    let (code, _, _) = w.err(
        "2024-06-19",
        "edu",
        json!({"type": "submit_work_report", "report": "F", "version": "revised"}),
    );
    assert_eq!(code, "not_party");
    w.ok(
        "2024-06-25",
        "sc",
        json!({"type": "hear_work_report", "report": "F", "mode": "oral"}),
    );
    w.ok(
        "2024-06-25",
        "sc",
        json!({"type": "issue_review_opinion", "report": "F", "opinion": "意见"}),
    );
    let r = w.ledger.work_reports().next().unwrap();
    assert_eq!(r.kind, ReportKind::FinalAccounts);
    assert_eq!(r.opinion.as_ref().unwrap().due, d("2024-09-25"));
}

#[test]
fn hostile_snapshots_are_refused() {
    let mut w = World::new(RuleBook::default());
    w.heard(
        "R1",
        "special_work",
        "sc-6",
        "2024-06-25",
        "2024-06-05",
        "2024-06-15",
    );
    w.ok("2024-06-26", "public", json!({"type": "propose_supervision_topic", "topic": "T1", "congress": "hd-17", "year": 2024, "source": "other", "title": "议题"}));
    let good = serde_json::to_value(w.ledger.state()).unwrap();
    let bad = |mutate: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        mutate(&mut v);
        let st: State = serde_json::from_value(v).unwrap();
        assert!(st.validate().is_err());
    };
    // Heard without a hearing record.
    bad(&|v| v["work_reports"]["R1"]["hearing"] = Value::Null);
    // A status not matching the history.
    bad(&|v| v["work_reports"]["R1"]["status"] = json!("closed"));
    // An unknown organ.
    bad(&|v| v["work_reports"]["R1"]["organ"] = json!("nobody"));
    // A topic in the plan without a plan.
    bad(&|v| v["supervision_topics"]["T1"]["status"] = json!("in_plan"));
    // A key not matching the id.
    bad(&|v| v["supervision_topics"]["T1"]["id"] = json!("T2"));
}
