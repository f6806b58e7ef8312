//! Property tests of the work-evaluation state machine (W5; `docs/work-evaluation.md`):
//! random sequences of work-evaluation commands, issued at non-decreasing times by the right
//! and sometimes the wrong roles, never panic and keep every invariant.
//!
//! Invariants, after every command:
//! - a rejected command changes neither state nor log, and [`Ledger::decide`] predicted it; an
//!   accepted one appends exactly the events `decide` predicted;
//! - the state validates, and replaying the log and restoring a snapshot reproduce it;
//! - each evaluation's history follows the lifecycle order (R-E2), dates never go back;
//! - a department is evaluated at most once a year (R-E1); the team is led by a
//!   standing-committee vice director with standing-committee members (R-E5);
//! - the deliberation meeting was held after both reports, and the vote was taken there, with
//!   the result the rule set gives (R-E3);
//! - rectification is late exactly when reported after its due date; a closed evaluation had
//!   an adequate look-back, an escalated one a weak or late look-back or an overdue report (R-E4);
//! - coverage adds up (covered + in progress + remaining = scope), and the outputs count every
//!   opinion document (S001-2).

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use renda::oversight::work_evaluation::{
    LookBackOutcome, WorkEvaluationRules, WorkEvaluationStatus as S,
};
use renda::{CommandEnvelope, CongressId, Ledger, Role, Timestamp};
use serde_json::{json, Value};

const EVALS: usize = 4;
const UNITS: [&str; 4] = ["U0", "U1", "U2", "U3"];
/// Standing-committee meetings `M0`…`M11`, one a quarter from 2024-01-15.
fn meetings() -> Vec<(String, NaiveDate)> {
    (0..12)
        .map(|i| {
            let held = date(2024 + i / 4, 1 + 3 * (i as u32 % 4), 15);
            (format!("M{i}"), held)
        })
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn envelope(at: NaiveDate, role: Role, id: &str, command: Value) -> Option<CommandEnvelope> {
    let cmd = serde_json::from_value(command).ok()?;
    Some(CommandEnvelope {
        at: Timestamp::start_of_china_day(at),
        actor: renda::Actor {
            role,
            id: id.parse().ok()?,
        },
        command: cmd,
    })
}

fn setup() -> Ledger {
    let mut l = Ledger::new(Default::default());
    let run = |l: &mut Ledger, role: &str, c: Value| {
        let env = json!({"at": "2023-12-01", "actor": {"role": role, "id": "x"}, "command": c});
        l.execute_json(&env.to_string()).unwrap();
    };
    run(
        &mut l,
        "admin",
        json!({"type": "register_congress", "congress": "C", "name": "区人大", "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    for u in UNITS {
        run(
            &mut l,
            "admin",
            json!({"type": "register_unit", "unit": u, "name": format!("部门{u}")}),
        );
    }
    for d in ["D0", "D1", "D2", "D3", "D4"] {
        run(
            &mut l,
            "deputy_affairs_office",
            json!({"type": "register_deputy", "deputy": d, "congress": "C", "name": d}),
        );
    }
    for (d, post) in [
        ("D0", "vice_director"),
        ("D1", "member"),
        ("D2", "member"),
        ("D4", "director"),
    ] {
        run(
            &mut l,
            "deputy_affairs_office",
            json!({"type": "join_standing_committee", "deputy": d, "post": post}),
        );
    }
    for (m, held) in meetings() {
        run(
            &mut l,
            "director_meeting",
            json!({"type": "convene_meeting", "meeting": m, "congress": "C", "body": "standing_committee", "kind": "regular", "held_on": held.to_string()}),
        );
    }
    run(
        &mut l,
        "director_meeting",
        json!({"type": "convene_meeting", "meeting": "DM", "congress": "C", "body": "director_meeting", "kind": "regular", "held_on": "2024-06-01"}),
    );
    l
}

#[derive(Debug, Clone)]
struct Step {
    action: u8,
    eval: usize,
    variant: u8,
    advance: u8,
    wrong_role: u8,
}

fn step() -> impl Strategy<Value = Step> {
    (0u8..22, 0..EVALS, any::<u8>(), 0u8..8, any::<u8>()).prop_map(
        |(action, eval, variant, advance, wrong_role)| Step {
            action,
            eval,
            variant,
            advance,
            wrong_role,
        },
    )
}

/// The next command of the lifecycle for the evaluation's status (so that walks get far).
fn natural(l: &Ledger, we: &str, v: u8) -> u8 {
    let status = l
        .state()
        .work_evaluations
        .get(&we.parse().unwrap())
        .map(|e| e.status);
    match status {
        None => 1,
        Some(S::Planned) => 2,
        Some(S::SelfInspecting) => 3,
        Some(S::SelfReportSubmitted) => 4,
        Some(S::Investigated) => 5,
        Some(S::Deliberated) => 6,
        Some(S::Rated) => 7,
        Some(S::Published) => 8,
        Some(S::OpinionIssued) if v % 4 == 0 => 12,
        Some(S::OpinionIssued) => 9,
        Some(S::RectificationReported) => 10,
        Some(S::LookedBack) if v % 2 == 0 => 11,
        Some(S::LookedBack) => 12,
        Some(S::Closed | S::Escalated) => 0,
    }
}

fn build(l: &Ledger, s: &Step, today: NaiveDate) -> (Role, String, Value) {
    let we = format!("W{}", s.eval);
    let v = s.variant;
    let action = if s.action >= 13 {
        natural(l, &we, v)
    } else {
        s.action
    };
    let dept_of = |we: &str| {
        l.state()
            .work_evaluations
            .get(&we.parse().unwrap())
            .map_or("U0".to_string(), |e| e.department.to_string())
    };
    let sc = (Role::StandingCommittee, "sc".to_string());
    let dm = (Role::DirectorMeeting, "dm".to_string());
    let spc = (Role::SpecialCommittee, "spc".to_string());
    let (role, id, cmd) = match action {
        0 => {
            let deps: Vec<&str> = UNITS
                .iter()
                .enumerate()
                .filter(|(i, _)| v & (1 << i) != 0)
                .map(|(_, u)| *u)
                .collect();
            (
                dm.0,
                dm.1,
                json!({"type": "declare_evaluation_scope", "congress": "C", "departments": deps}),
            )
        }
        1 => {
            let leader = if v % 7 == 0 { "D1" } else { "D0" };
            let members = if v % 11 == 0 {
                vec!["D3"]
            } else {
                vec!["D1", "D2"]
            };
            (
                dm.0,
                dm.1,
                json!({"type": "plan_work_evaluation", "work_evaluation": we, "congress": "C",
                "year": 2024 + i32::from(v % 3), "department": UNITS[usize::from(v / 3) % 4],
                "team": {"leader": leader, "vice_leaders": ["D3"], "members": members}}),
            )
        }
        2 => (
            spc.0,
            spc.1,
            json!({"type": "start_work_evaluation", "work_evaluation": we}),
        ),
        3 => {
            let unit = if v % 5 == 0 {
                "U3".to_string()
            } else {
                dept_of(&we)
            };
            (
                Role::HandlingUnit,
                unit,
                json!({"type": "submit_self_inspection_report", "work_evaluation": we, "summary": "自查"}),
            )
        }
        4 => {
            let methods = if v % 9 == 0 {
                json!([])
            } else {
                json!(["visit", "forum"])
            };
            (
                spc.0,
                spc.1,
                json!({"type": "submit_investigation_report", "work_evaluation": we, "methods": methods, "deputy_person_times": v, "summary": "调查"}),
            )
        }
        5 => {
            let all = meetings();
            let next = all.iter().find(|(_, held)| *held >= today);
            let m = match (v % 8, next) {
                (0, _) => "DM".to_string(),
                (1 | 2, _) | (_, None) => all[usize::from(v) % all.len()].0.clone(),
                (_, Some((m, _))) => m.clone(),
            };
            (
                sc.0,
                sc.1,
                json!({"type": "deliberate_work_evaluation", "work_evaluation": we, "meeting": m, "special_work_report": "报告"}),
            )
        }
        6 => {
            let held = l
                .state()
                .work_evaluations
                .get(&we.parse().unwrap())
                .and_then(|e| e.deliberation.as_ref())
                .map_or("M0".to_string(), |d| d.meeting.to_string());
            let m = if v % 6 == 0 {
                meetings()[usize::from(v) % 12].0.clone()
            } else {
                held
            };
            let present = 15 + u32::from(v % 16);
            let bad = u32::from(v / 16) % (present + 2);
            let option = if v % 13 == 0 { "很满意" } else { "满意" };
            (
                sc.0,
                sc.1,
                json!({"type": "record_satisfaction_vote", "work_evaluation": we, "meeting": m,
                "members": 30, "present": present,
                "counts": [{"option": "不满意", "votes": bad}, {"option": option, "votes": present.saturating_sub(bad)}]}),
            )
        }
        7 => (
            sc.0,
            sc.1,
            json!({"type": "publish_work_evaluation_result", "work_evaluation": we, "notified": "区政府"}),
        ),
        8 => (
            sc.0,
            sc.1,
            json!({"type": "issue_evaluation_opinion", "work_evaluation": we, "items": ["一"]}),
        ),
        9 => (
            Role::GovernmentOffice,
            "gov".into(),
            json!({"type": "report_rectification", "work_evaluation": we, "summary": "整改"}),
        ),
        10 => {
            let f = if v % 2 == 0 { "adequate" } else { "weak" };
            (
                dm.0,
                dm.1,
                json!({"type": "look_back_work_evaluation", "work_evaluation": we, "finding": f, "summary": "回头看"}),
            )
        }
        11 => (
            dm.0,
            dm.1,
            json!({"type": "close_work_evaluation", "work_evaluation": we}),
        ),
        _ => {
            let kind = [
                "interpellation",
                "topic_inquiry",
                "special_question_investigation",
            ][usize::from(v) % 3];
            (
                sc.0,
                sc.1,
                json!({"type": "escalate_work_evaluation", "work_evaluation": we, "kind": kind, "reason": "整改不力"}),
            )
        }
    };
    (role, id, cmd)
}

fn check_replay(l: &Ledger) {
    let replayed = Ledger::replay_from_json(Default::default(), &l.events_to_json()).unwrap();
    assert_eq!(replayed.state(), l.state());
    let restored = Ledger::restore_from_json(Default::default(), &l.snapshot_to_json()).unwrap();
    assert_eq!(restored.state(), l.state());
}

fn check_invariants(l: &Ledger, today: NaiveDate) {
    use renda::deputy::CommitteePost;
    let st = l.state();
    st.validate().expect("the state validates");
    let rules = WorkEvaluationRules::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut opinions = 0;
    for e in st.work_evaluations.values() {
        assert!(
            seen.insert((e.department.clone(), e.year)),
            "R-E1: once a year"
        );
        assert!(
            e.history
                .windows(2)
                .all(|w| w[0].1 < w[1].1 && w[0].0 <= w[1].0),
            "R-E2 order"
        );
        let leader = &st.committee_members[&e.team.leader];
        assert_eq!(leader.post, CommitteePost::ViceDirector, "R-E5 leader");
        for m in &e.team.members {
            assert!(st.committee_members.contains_key(m), "R-E5 members");
        }
        if let Some(d) = &e.deliberation {
            assert!(d.held_on >= e.self_report.as_ref().unwrap().on);
            assert!(d.held_on >= e.investigation.as_ref().unwrap().on);
            assert_eq!(
                st.meetings[&d.meeting].body,
                renda::oversight::meeting::Body::StandingCommittee
            );
        }
        if let Some(v) = &e.vote {
            assert_eq!(
                Some(&v.meeting),
                e.deliberation.as_ref().map(|d| &d.meeting),
                "R-E3 on the spot"
            );
            assert!(v.counts.iter().map(|c| c.votes).sum::<u32>() <= v.present);
            assert!(v.present * 3 >= v.members * 2, "L-3 quorum");
            assert_eq!(v.result, rules.result(v.dissatisfied, v.present));
        }
        if let (Some(o), Some(r)) = (&e.opinion, &e.rectification) {
            assert_eq!(r.late, r.on > o.rectification_due);
        }
        if let Some(o) = &e.opinion {
            opinions += 1;
            assert_eq!(
                o.rectification_due,
                o.on.checked_add_months(chrono::Months::new(3)).unwrap()
            );
        }
        match e.status {
            S::Closed => assert_eq!(
                e.look_back.as_ref().unwrap().outcome,
                LookBackOutcome::Adequate
            ),
            S::Escalated => {
                let x = e.escalation.as_ref().unwrap();
                let by_look_back = e
                    .look_back
                    .as_ref()
                    .is_some_and(|l| l.outcome != LookBackOutcome::Adequate);
                let overdue = e.rectification.is_none()
                    && x.on > e.opinion.as_ref().unwrap().rectification_due;
                assert!(by_look_back || overdue, "R-E4 grounds");
            }
            _ => {}
        }
    }
    let congress: CongressId = "C".parse().unwrap();
    for day in [today, date(2024, 12, 31)] {
        let c = l.evaluation_coverage(&congress, day).unwrap();
        assert_eq!(
            c.covered + c.in_progress + c.remaining.len() as u32,
            c.scope
        );
        assert!(c.per_year_needed <= c.remaining.len() as u32);
    }
    let o = renda::oversight::outputs(st, &congress, date(2021, 11, 1), date(2026, 10, 31));
    assert_eq!(o.evaluation_opinions, opinions);
}

fn walk(start: u16, steps: &[Step]) -> std::collections::BTreeSet<&'static str> {
    let mut l = setup();
    let mut today = date(2024, 1, 1) + Days::days(i64::from(start));
    let mut kinds = std::collections::BTreeSet::new();
    for (i, s) in steps.iter().enumerate() {
        today += Days::days(i64::from(s.advance));
        let (mut role, mut id, cmd) = build(&l, s, today);
        if s.wrong_role % 9 == 0 {
            role = Role::ALL[s.wrong_role as usize % Role::ALL.len()];
            id = "w".into();
        }
        let Some(env) = envelope(today, role, &id, cmd) else {
            continue;
        };
        let predicted = l.decide(&env);
        let before = l.state().clone();
        let n = l.events().len();
        match l.execute(env) {
            Ok(events) => {
                let got: Vec<_> = events.iter().map(|e| e.event.clone()).collect();
                for e in &got {
                    kinds.insert(e.type_name());
                }
                assert_eq!(predicted.unwrap(), got);
            }
            Err(e) => {
                assert_eq!(predicted.unwrap_err(), e);
                assert_eq!(
                    l.state(),
                    &before,
                    "a rejected command changes nothing: {e}"
                );
                assert_eq!(l.events().len(), n);
            }
        }
        check_invariants(&l, today);
        if i % 16 == 15 {
            check_replay(&l);
        }
    }
    check_replay(&l);
    kinds
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_work_evaluation_commands_keep_every_invariant(
        start in 0u16..300,
        steps in prop::collection::vec(step(), 1..120),
    ) {
        walk(start, &steps);
    }
}

/// The generator reaches every event of the family.
#[test]
fn the_generator_reaches_every_event() {
    let mut rng = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for w in 0..30 {
        let steps = prop::collection::vec(step(), 300)
            .new_tree(&mut rng)
            .unwrap()
            .current();
        seen.extend(walk(w * 7, &steps));
    }
    for t in [
        "evaluation_scope_declared",
        "work_evaluation_planned",
        "work_evaluation_started",
        "self_inspection_report_submitted",
        "investigation_report_submitted",
        "work_evaluation_deliberated",
        "satisfaction_vote_recorded",
        "work_evaluation_result_published",
        "evaluation_opinion_issued",
        "work_evaluation_rectification_reported",
        "work_evaluation_looked_back",
        "work_evaluation_closed",
        "work_evaluation_escalated",
    ] {
        assert!(seen.contains(t), "never reached: {t}");
    }
}
