//! Department work evaluation (W5; R-E1…R-E6; `docs/work-evaluation.md`): the lifecycle
//! through the Rust API, the outputs it adds to (S001-2), the Popolo export of satisfaction
//! votes, the rule-set defaults and the labels.

use renda::labels::Labelled;
use renda::oversight::work_evaluation::{
    LookBackOutcome, SatisfactionResult, WorkEvaluationPhase, WorkEvaluationRules,
    WorkEvaluationStatus,
};
use renda::{CongressId, Ledger};
use serde_json::{json, Value};

use crate::common;

fn run(
    l: &mut Ledger,
    at: &str,
    role: &str,
    id: &str,
    command: Value,
) -> renda::Result<Vec<String>> {
    let env = json!({"at": format!("{at}T10:00:00+08:00"), "actor": {"role": role, "id": id}, "command": command});
    l.execute_json(&env.to_string()).map(|events| {
        events
            .iter()
            .map(|e| e.event.type_name().to_string())
            .collect()
    })
}

fn ok(l: &mut Ledger, at: &str, role: &str, id: &str, command: Value) {
    if let Err(e) = run(l, at, role, id, command.clone()) {
        panic!("{command}: {e}");
    }
}

fn hd() -> CongressId {
    "hd-17".parse().unwrap()
}

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// A congress with a vice director, a special-committee head, two members and three
/// departments, and one standing-committee meeting on 2024-06-27.
fn setup() -> Ledger {
    let mut l = Ledger::new(Default::default());
    let at = "2024-01-05";
    ok(
        &mut l,
        at,
        "admin",
        "a",
        json!({"type": "register_congress", "congress": "hd-17", "name": "海淀区第十七届人大", "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    for (u, n) in [
        ("edu", "区教委"),
        ("health", "区卫健委"),
        ("env", "区生态环境局"),
    ] {
        ok(
            &mut l,
            at,
            "admin",
            "a",
            json!({"type": "register_unit", "unit": u, "name": n}),
        );
    }
    for dep in ["D001", "D002", "D003", "D004"] {
        ok(
            &mut l,
            at,
            "deputy_affairs_office",
            "o",
            json!({"type": "register_deputy", "deputy": dep, "congress": "hd-17", "name": format!("代表{dep}")}),
        );
    }
    for (dep, post) in [
        ("D001", "vice_director"),
        ("D003", "member"),
        ("D004", "member"),
    ] {
        ok(
            &mut l,
            at,
            "deputy_affairs_office",
            "o",
            json!({"type": "join_standing_committee", "deputy": dep, "post": post}),
        );
    }
    ok(
        &mut l,
        at,
        "director_meeting",
        "dm",
        json!({"type": "convene_meeting", "meeting": "sc-10", "congress": "hd-17", "body": "standing_committee", "kind": "regular", "held_on": "2024-06-27"}),
    );
    l
}

/// Takes `we` for `dept` up to the opinion document issued on 2024-07-05, with `dissatisfied`
/// of 27 present voting 不满意.
fn to_opinion(l: &mut Ledger, we: &str, dept: &str, dissatisfied: u32) {
    let w = |extra: Value| {
        let mut c = json!({"work_evaluation": we});
        c.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        c
    };
    ok(
        l,
        "2024-03-01",
        "director_meeting",
        "dm",
        json!({"type": "plan_work_evaluation", "work_evaluation": we, "congress": "hd-17", "year": 2024, "department": dept, "team": {"leader": "D001", "vice_leaders": ["D002"], "members": ["D003", "D004"]}}),
    );
    ok(
        l,
        "2024-03-10",
        "special_committee",
        "sc",
        w(json!({"type": "start_work_evaluation"})),
    );
    ok(
        l,
        "2024-04-10",
        "handling_unit",
        dept,
        w(json!({"type": "submit_self_inspection_report", "summary": "自查报告"})),
    );
    ok(
        l,
        "2024-05-20",
        "special_committee",
        "sc",
        w(
            json!({"type": "submit_investigation_report", "methods": ["visit", "forum"], "deputy_person_times": 52, "summary": "调查报告"}),
        ),
    );
    ok(
        l,
        "2024-06-27",
        "standing_committee",
        "sc",
        w(
            json!({"type": "deliberate_work_evaluation", "meeting": "sc-10", "special_work_report": "专项工作报告"}),
        ),
    );
    ok(
        l,
        "2024-06-27",
        "standing_committee",
        "sc",
        w(
            json!({"type": "record_satisfaction_vote", "meeting": "sc-10", "members": 30, "present": 27, "counts": [{"option": "不满意", "votes": dissatisfied}, {"option": "满意", "votes": 27 - dissatisfied}]}),
        ),
    );
    ok(
        l,
        "2024-06-28",
        "standing_committee",
        "sc",
        w(json!({"type": "publish_work_evaluation_result", "notified": "海淀区人民政府"})),
    );
    ok(
        l,
        "2024-07-05",
        "standing_committee",
        "sc",
        w(json!({"type": "issue_evaluation_opinion", "items": ["一", "二"]})),
    );
}

#[test]
fn a_full_evaluation_closes_after_an_adequate_look_back() {
    let mut l = setup();
    to_opinion(&mut l, "WE1", "edu", 2);
    let e = l.work_evaluation_records().next().unwrap().clone();
    assert_eq!(e.status, WorkEvaluationStatus::OpinionIssued);
    assert_eq!(e.status.phase(), WorkEvaluationPhase::Rectification);
    let v = e.vote.as_ref().unwrap();
    // Counts come back in the order of the scale, with every option.
    let opts: Vec<(&str, u32)> = v
        .counts
        .iter()
        .map(|c| (c.option.as_str(), c.votes))
        .collect();
    assert_eq!(opts, [("满意", 25), ("基本满意", 0), ("不满意", 2)]);
    assert_eq!(
        (v.dissatisfied, v.result),
        (2, SatisfactionResult::Satisfied)
    );
    assert_eq!(v.held_on, d("2024-06-27"));
    assert_eq!(
        e.opinion.as_ref().unwrap().rectification_due,
        d("2024-10-05")
    );
    ok(
        &mut l,
        "2024-10-05",
        "handling_unit",
        "edu",
        json!({"type": "report_rectification", "work_evaluation": "WE1", "summary": "按期整改"}),
    );
    ok(
        &mut l,
        "2024-12-01",
        "director_meeting",
        "dm",
        json!({"type": "look_back_work_evaluation", "work_evaluation": "WE1", "finding": "adequate", "summary": "到位"}),
    );
    assert_eq!(
        run(
            &mut l,
            "2024-12-02",
            "director_meeting",
            "dm",
            json!({"type": "close_work_evaluation", "work_evaluation": "WE1"})
        )
        .unwrap(),
        ["work_evaluation_closed"]
    );
    let e = l.work_evaluation_records().next().unwrap();
    assert!(
        !e.rectification.as_ref().unwrap().late,
        "due day itself is on time"
    );
    assert_eq!(
        e.look_back.as_ref().unwrap().outcome,
        LookBackOutcome::Adequate
    );
    assert_eq!(
        e.status_as_of(d("2024-06-27")),
        Some(WorkEvaluationStatus::Rated)
    );
    assert_eq!(e.status_as_of(d("2024-02-01")), None);
    let rows = l.work_evaluations(&hd(), 2024).unwrap();
    assert_eq!(rows[0].phase, WorkEvaluationPhase::Closed);
    assert_eq!(rows[0].deputy_person_times, 52);
}

#[test]
fn evaluation_opinions_count_in_the_outputs_of_their_period() {
    let mut l = setup();
    to_opinion(&mut l, "WE1", "edu", 2);
    to_opinion_after(&mut l);
    let o = renda::oversight::outputs(l.state(), &hd(), d("2024-01-01"), d("2024-12-31"));
    assert_eq!(o.evaluation_opinions, 2);
    let o = renda::oversight::outputs(l.state(), &hd(), d("2024-07-06"), d("2024-12-31"));
    assert_eq!(o.evaluation_opinions, 1);
    let o = renda::oversight::outputs(l.state(), &hd(), d("2024-07-06"), d("2024-11-27"));
    assert_eq!(o.evaluation_opinions, 0);
    let o = renda::oversight::outputs(
        l.state(),
        &"other".parse().unwrap(),
        d("2024-01-01"),
        d("2024-12-31"),
    );
    assert_eq!(o.evaluation_opinions, 0);
}

/// A second evaluation (health) to the opinion, interleaved in time order after WE1.
fn to_opinion_after(l: &mut Ledger) {
    // Commands must not go back in time: the second evaluation starts after the first's
    // opinion, with its own later meeting.
    ok(
        l,
        "2024-07-06",
        "director_meeting",
        "dm",
        json!({"type": "convene_meeting", "meeting": "sc-12", "congress": "hd-17", "body": "standing_committee", "kind": "regular", "held_on": "2024-11-20"}),
    );
    let steps = [
        (
            "2024-07-06",
            "director_meeting",
            "dm",
            json!({"type": "plan_work_evaluation", "work_evaluation": "WE2", "congress": "hd-17", "year": 2024, "department": "health", "team": {"leader": "D001", "vice_leaders": ["D002"], "members": ["D003"]}}),
        ),
        (
            "2024-07-07",
            "special_committee",
            "sc",
            json!({"type": "start_work_evaluation", "work_evaluation": "WE2"}),
        ),
        (
            "2024-08-01",
            "government_office",
            "gov",
            json!({"type": "submit_self_inspection_report", "work_evaluation": "WE2", "summary": "自查"}),
        ),
        (
            "2024-09-01",
            "director_meeting",
            "dm",
            json!({"type": "submit_investigation_report", "work_evaluation": "WE2", "methods": ["site_inspection"], "summary": "调查"}),
        ),
        (
            "2024-11-20",
            "standing_committee",
            "sc",
            json!({"type": "deliberate_work_evaluation", "work_evaluation": "WE2", "meeting": "sc-12", "special_work_report": "报告"}),
        ),
        (
            "2024-11-20",
            "standing_committee",
            "sc",
            json!({"type": "record_satisfaction_vote", "work_evaluation": "WE2", "meeting": "sc-12", "members": 30, "present": 30, "counts": [{"option": "满意", "votes": 19}, {"option": "不满意", "votes": 11}]}),
        ),
        (
            "2024-11-21",
            "standing_committee",
            "sc",
            json!({"type": "publish_work_evaluation_result", "work_evaluation": "WE2", "notified": "区政府"}),
        ),
        (
            "2024-11-28",
            "director_meeting",
            "dm",
            json!({"type": "issue_evaluation_opinion", "work_evaluation": "WE2", "items": ["一"]}),
        ),
    ];
    for (at, role, id, c) in steps {
        ok(l, at, role, id, c);
    }
}

#[test]
fn satisfaction_votes_export_as_popolo_vote_events() {
    let mut l = setup();
    to_opinion(&mut l, "WE1", "edu", 2);
    to_opinion_after(&mut l);
    let tallies = l.work_evaluation_vote_tallies(&hd());
    assert_eq!(tallies.len(), 2);
    assert_eq!(tallies[0].id, "hd-17/work_evaluation/WE1");
    assert_eq!(tallies[0].organization_id, "hd-17/standing_committee");
    assert_eq!(tallies[0].motion, "对区教委工作的满意度测评（2024年）");
    assert_eq!(tallies[0].result.as_deref(), Some("pass"));
    assert_eq!(tallies[0].at.to_string(), "2024-06-27T00:00:00+08:00");
    // 11 of 30 present exceeds one third: not satisfied.
    assert_eq!(tallies[1].result.as_deref(), Some("fail"));
    let events = renda::popolo::vote_events_from_tallies(&tallies);
    assert_eq!(events[1].counts[2].option, "不满意");
    assert_eq!(events[1].counts[2].value, 11);
    assert_eq!(events[0].classification.as_deref(), Some("satisfaction"));
    assert!(l
        .work_evaluation_vote_tallies(&"x".parse().unwrap())
        .is_empty());
}

#[test]
fn an_overdue_rectification_can_be_escalated_and_a_rejection_changes_nothing() {
    let mut l = setup();
    to_opinion(&mut l, "WE1", "edu", 2);
    let before = l.state().clone();
    let e = run(&mut l, "2024-10-05", "standing_committee", "sc", json!({"type": "escalate_work_evaluation", "work_evaluation": "WE1", "kind": "interpellation", "reason": "逾期"})).unwrap_err();
    assert_eq!(
        (e.code(), e.rule()),
        ("no_grounds_for_escalation", Some("R-E4"))
    );
    assert_eq!(l.state(), &before);
    ok(
        &mut l,
        "2024-10-06",
        "standing_committee",
        "sc",
        json!({"type": "escalate_work_evaluation", "work_evaluation": "WE1", "kind": "special_question_investigation", "reason": "逾期未报告整改"}),
    );
    let rows = l.work_evaluations(&hd(), 2024).unwrap();
    assert_eq!(rows[0].phase, WorkEvaluationPhase::Escalated);
    assert_eq!(
        rows[0].escalation.map(|k| k.as_str()),
        Some("special_question_investigation")
    );
    l.state().validate().unwrap();
}

#[test]
fn the_coverage_planner_spreads_the_remaining_departments() {
    let l = common::scenario_ledger("we_re1_coverage_haidian.json");
    let c = l
        .evaluation_coverage(&"hd-16".parse().unwrap(), d("2018-12-31"))
        .unwrap();
    assert_eq!((c.scope, c.covered, c.remaining.len()), (16, 5, 11));
    assert_eq!((c.years_left, c.per_year_needed), (3, 4));
    assert_eq!(c.percent, "31.3");
    let c = l
        .evaluation_coverage(&"hd-16".parse().unwrap(), d("2021-10-31"))
        .unwrap();
    assert!(c.complete);
    let per_year: Vec<u32> = c.history.iter().map(|h| h.evaluated).collect();
    assert_eq!(per_year, [0, 0, 5, 5, 3, 3]);
}

#[test]
fn the_rule_set_defaults_are_the_documented_ones() {
    let r = WorkEvaluationRules::default();
    assert_eq!(
        renda::rules::RuleSet::national().oversight.work_evaluation,
        r
    );
    assert_eq!(
        renda::rules::RuleSet::beijing_district()
            .oversight
            .work_evaluation,
        r
    );
    assert!(r.vote_quorum_two_thirds && r.leader_must_be_vice_director);
    assert_eq!((r.min_vice_leaders, r.min_sc_members), (1, 1));
    assert_eq!(r.dissatisfied_options, ["不满意"]);
    // The boundary: exactly one third dissatisfied is still satisfied.
    assert_eq!(r.result(9, 27), SatisfactionResult::Satisfied);
    assert_eq!(r.result(10, 27), SatisfactionResult::NotSatisfied);
    assert_eq!(r.result(0, 0), SatisfactionResult::Satisfied);
}

#[test]
fn every_value_has_a_chinese_and_an_english_label() {
    for s in WorkEvaluationStatus::ALL {
        assert!(!s.label().zh.is_empty() && !s.label().en.is_empty());
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
    for p in WorkEvaluationPhase::ALL {
        assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
    }
    for o in LookBackOutcome::ALL {
        assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
    }
    let cat = renda::labels::catalog();
    assert_eq!(cat.investigation_method["opinion_poll"].zh, "民意测评");
    assert_eq!(cat.work_evaluation_escalation["interpellation"].zh, "质询");
    assert_eq!(
        cat.event["evaluation_opinion_issued"].zh,
        "评议意见书已印发"
    );
}
