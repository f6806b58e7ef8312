//! Property tests of the supervision plan (W9) and the reports the standing committee hears
//! (W10; `docs/supervision-plan-and-reports.md`): random sequences of plan and report
//! commands, at non-decreasing times, by the right and sometimes the wrong roles, never panic
//! and keep every invariant.
//!
//! Invariants, after every command:
//! - a rejected command changes neither state nor log, and [`Ledger::decide`] predicted the
//!   outcome; an accepted one appends exactly the events `decide` returned;
//! - the state validates, and replaying the log and restoring a snapshot reproduce it (checked
//!   every few steps and at the end);
//! - at most one plan per congress and year; a plan's topics are in the plan, of its year;
//!   enrolments only on published plans' topics, each deputy once per topic (W9);
//! - a submission is late exactly when made after its due date, which is 20 (first) or 10
//!   (revised) days before the meeting (L-15); a revised version never precedes a first one;
//! - a heard report was heard on its meeting's day, after a revised version (L-15, W10); its
//!   review opinion came on or after the hearing and its handling report is due 2 months later
//!   (L-16); a closed report has its handling report; the outputs count what was heard.

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use renda::oversight::plan::{PlanStatus, TopicSource, TopicStatus};
use renda::oversight::work_report::{
    FollowUpKind, ReportKind, ReportStatus, ReportVersion, StateAssetsKind,
};
use renda::rules::RuleBook;
use renda::{CommandEnvelope, Ledger, Role, Timestamp};
use serde_json::{json, Value};

const MEETINGS: [(&str, &str, &str); 4] = [
    ("M0", "standing_committee", "2024-03-20"),
    ("M1", "standing_committee", "2024-06-25"),
    ("M2", "standing_committee", "2024-09-24"),
    ("MD", "director_meeting", "2024-04-01"),
];

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn envelope(at: NaiveDate, role: Role, id: &str, command: Value) -> Option<CommandEnvelope> {
    let cmd = serde_json::from_value(command).ok()?;
    Some(CommandEnvelope {
        at: Timestamp::start_of_china_day(at),
        actor: renda::Actor::new(role, id).unwrap(),
        command: cmd,
    })
}

fn setup() -> Ledger {
    let mut l = Ledger::new(RuleBook::default());
    let at = date("2023-10-01");
    let mut run = |role: Role, cmd: Value| {
        l.execute(envelope(at, role, "x", cmd).unwrap()).unwrap();
    };
    run(
        Role::Admin,
        json!({"type": "register_congress", "congress": "C", "name": "人大", "level": "county", "term": 1, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    for i in 0..4 {
        run(
            Role::Admin,
            json!({"type": "register_deputy", "deputy": format!("D{i}"), "congress": "C", "name": "代表"}),
        );
    }
    for u in ["U0", "U1"] {
        run(
            Role::Admin,
            json!({"type": "register_unit", "unit": u, "name": "单位"}),
        );
    }
    for (m, body, held_on) in MEETINGS {
        run(
            Role::DirectorMeeting,
            json!({"type": "convene_meeting", "meeting": m, "congress": "C", "body": body, "kind": "regular", "held_on": held_on}),
        );
    }
    l
}

#[derive(Debug, Clone)]
struct Step {
    advance: u8,
    kind: u8,
    wrong_role: u8,
    a: u8,
    b: u8,
    c: u8,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..12,
        0u8..15,
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
    )
        .prop_map(|(advance, kind, wrong_role, a, b, c)| Step {
            advance: advance.saturating_sub(6),
            kind,
            wrong_role,
            a,
            b,
            c,
        })
}

fn actor_id(role: Role) -> &'static str {
    match role {
        Role::Deputy => "D0",
        Role::HandlingUnit => "U0",
        _ => "x",
    }
}

/// The command of a step, with the role that would normally issue it; may move `today` to the
/// meeting day for a hearing.
fn build(l: &Ledger, s: &Step, today: &mut NaiveDate) -> (Role, String, Value) {
    let topic = format!("T{}", s.a % 8);
    let topic2 = format!("T{}", s.b % 8);
    let plan = format!("P{}", s.c % 2);
    let mut report = format!("R{}", s.a % 6);
    // Steps after the hearing mostly pick a report that has been heard, so that walks reach the
    // review opinion, its handling report, follow-up and closing.
    if s.c % 3 != 0 {
        use renda::oversight::work_report::ReportStatus as RS;
        let heard: Vec<String> = l
            .state()
            .work_reports
            .values()
            .filter(|r| {
                matches!(
                    r.status,
                    RS::Heard | RS::OpinionIssued | RS::HandlingReported | RS::FollowedUp
                )
            })
            .map(|r| r.id.to_string())
            .collect();
        if !heard.is_empty() {
            report = heard[usize::from(s.b) % heard.len()].clone();
        }
    }
    let report_id: renda::WorkReportId = report.parse().unwrap();
    let existing = l.state().work_reports.get(&report_id);
    let organ = existing.map_or("U0".to_string(), |r| r.organ.to_string());
    let year = if s.c % 9 == 0 { 2025 } else { 2024 };
    let (role, cmd) = match s.kind {
        0 => (
            Role::Public,
            json!({"type": "propose_supervision_topic", "topic": topic, "congress": "C", "year": year,
                   "source": TopicSource::ALL[s.b as usize % 9], "title": "议题"}),
        ),
        1 => (
            Role::SpecialCommittee,
            json!({"type": "shortlist_supervision_topics", "congress": "C", "year": year, "topics": [topic]}),
        ),
        2 => {
            let mut topics = vec![topic.clone()];
            if topic2 != topic {
                topics.push(topic2);
            }
            // Mostly the year's shortlisted topics, so that walks reach approval, publication
            // and the deputies' choices; otherwise the random ones (mostly refused).
            if s.c % 3 != 0 {
                let shortlisted: Vec<String> = l
                    .state()
                    .supervision_topics
                    .values()
                    .filter(|t| t.year == year && t.status == TopicStatus::Shortlisted)
                    .map(|t| t.id.to_string())
                    .collect();
                if !shortlisted.is_empty() {
                    topics = shortlisted;
                }
            }
            (
                Role::DirectorMeeting,
                json!({"type": "approve_supervision_plan", "plan": plan, "congress": "C", "year": year, "topics": topics,
                       "party_committee_ref": "区委", "party_committee_approved_on": today.to_string()}),
            )
        }
        3 => (
            Role::StandingCommittee,
            json!({"type": "publish_supervision_plan", "plan": plan}),
        ),
        4 => (
            Role::DeputyAffairsOffice,
            json!({"type": "choose_supervision_topic", "plan": plan, "topic": topic, "deputy": format!("D{}", s.b % 4)}),
        ),
        5 => (
            Role::StandingCommittee,
            json!({"type": "adjust_supervision_plan", "plan": plan,
                   "add": if s.b % 2 == 0 { vec![topic2.clone()] } else { vec![] },
                   "drop": if s.b % 3 == 0 { vec![topic.clone()] } else { vec![] }, "reason": "调整"}),
        ),
        6 => {
            let kind = ReportKind::ALL[s.b as usize % ReportKind::ALL.len()];
            let mut cmd = json!({"type": "schedule_work_report", "report": report, "congress": "C", "year": 2024,
                "kind": kind, "title": "报告", "organ": format!("U{}", s.c % 2), "meeting": MEETINGS[s.c as usize % 4].0});
            if kind == ReportKind::StateAssets || s.c % 11 == 0 {
                cmd["state_assets_kind"] = json!(StateAssetsKind::ALL[s.c as usize % 5]);
            }
            (Role::DirectorMeeting, cmd)
        }
        7 => (
            Role::SpecialCommittee,
            json!({"type": "record_report_research", "report": report, "summary": "调研"}),
        ),
        8 | 9 => {
            let version = if s.kind == 8 { "first" } else { "revised" };
            let role = if s.b % 2 == 0 {
                Role::GovernmentOffice
            } else {
                Role::HandlingUnit
            };
            let mut cmd =
                json!({"type": "submit_work_report", "report": report, "version": version});
            if s.c % 2 == 0 {
                cmd["performance_reports"] = json!(["绩效评价报告"]);
            }
            return (
                role,
                if role == Role::HandlingUnit {
                    organ
                } else {
                    "gov".into()
                },
                cmd,
            );
        }
        10 => (
            Role::DirectorMeeting,
            json!({"type": "return_work_report", "report": report, "reason": "不符合要求"}),
        ),
        11 => {
            if let Some(r) = existing {
                let held = l.state().meetings[&r.meeting].held_on;
                if held >= *today && s.c % 4 != 0 {
                    *today = held;
                }
            }
            (
                Role::StandingCommittee,
                json!({"type": "hear_work_report", "report": report, "mode": if s.b % 2 == 0 { "oral" } else { "written" }}),
            )
        }
        12 => (
            Role::DirectorMeeting,
            json!({"type": "issue_review_opinion", "report": report, "opinion": "意见"}),
        ),
        13 => {
            return (
                Role::HandlingUnit,
                organ,
                json!({"type": "report_opinion_handling", "report": report, "summary": "办理"}),
            )
        }
        _ => {
            if s.b % 2 == 0 {
                (
                    Role::StandingCommittee,
                    json!({"type": "follow_up_work_report", "report": report,
                           "kind": FollowUpKind::ALL[s.c as usize % 3], "summary": "跟踪"}),
                )
            } else {
                (
                    Role::DirectorMeeting,
                    json!({"type": "close_work_report", "report": report}),
                )
            }
        }
    };
    let role = if s.wrong_role % 9 == 0 {
        Role::ALL[s.wrong_role as usize % Role::ALL.len()]
    } else {
        role
    };
    (role, actor_id(role).to_string(), cmd)
}

fn check_invariants(l: &Ledger) {
    let st = l.state();
    st.validate().unwrap();
    let mut years = std::collections::BTreeSet::new();
    for p in st.supervision_plans.values() {
        assert!(
            years.insert((p.congress.clone(), p.year)),
            "two plans for one year"
        );
        for t in &p.topics {
            let topic = &st.supervision_topics[t];
            assert_eq!(topic.status, TopicStatus::InPlan);
            assert_eq!(topic.year, p.year);
        }
    }
    for t in st.supervision_topics.values() {
        let mut seen = std::collections::BTreeSet::new();
        for (d, on) in &t.enrolled {
            assert!(seen.insert(d.clone()), "a deputy enrolled twice");
            let plan = &st.supervision_plans[t.plan.as_ref().unwrap()];
            assert_eq!(plan.status, PlanStatus::Published);
            assert!(plan.published_on.unwrap() <= *on);
        }
    }
    let national = renda::oversight::work_report::ReportRules::national();
    let mut heard_2024 = 0;
    for r in st.work_reports.values() {
        let held = st.meetings[&r.meeting].held_on;
        let mut first_seen = false;
        for s in &r.submissions {
            let before = match s.version {
                ReportVersion::First => national.first_version_days_before,
                ReportVersion::Revised => national.revised_version_days_before,
            };
            assert_eq!(s.due, held - Days::days(i64::from(before)));
            assert_eq!(s.late, s.on > s.due);
            match s.version {
                ReportVersion::First => first_seen = true,
                ReportVersion::Revised => assert!(first_seen, "revised before first"),
            }
        }
        if let Some(h) = &r.hearing {
            heard_2024 += 1;
            assert_eq!(h.on, held);
            assert!(r
                .submissions
                .iter()
                .any(|s| s.version == ReportVersion::Revised && s.on <= h.on));
            if let Some(o) = &r.opinion {
                assert!(o.issued_on >= h.on);
                assert_eq!(
                    o.due,
                    o.issued_on
                        .checked_add_months(chrono::Months::new(2))
                        .unwrap()
                );
                if let Some(hd) = o.handled_on {
                    assert_eq!(o.handled_late, hd > o.due);
                }
            }
        }
        if r.status == ReportStatus::Closed {
            assert!(r.opinion.as_ref().is_some_and(|o| o.handled_on.is_some()));
        }
    }
    let out = renda::oversight::outputs(
        st,
        &"C".parse().unwrap(),
        date("2024-01-01"),
        date("2024-12-31"),
    );
    assert_eq!(out.reports_heard, heard_2024);
}

fn check_replay(l: &Ledger) {
    let replayed = Ledger::replay(l.rules().clone(), l.events().to_vec()).unwrap();
    assert_eq!(replayed.state(), l.state());
    let json = serde_json::to_string(&l.snapshot()).unwrap();
    let restored =
        Ledger::restore(l.rules().clone(), serde_json::from_str(&json).unwrap()).unwrap();
    assert_eq!(restored.state(), l.state());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn plan_and_report_invariants(steps in proptest::collection::vec(step(), 1..80)) {
        let mut l = setup();
        let mut today = date("2023-11-01");
        for (i, s) in steps.iter().enumerate() {
            today += Days::days(i64::from(s.advance) * 3);
            let (role, id, cmd) = build(&l, s, &mut today);
            let Some(env) = envelope(today, role, &id, cmd) else { continue };
            let before = l.state().clone();
            let n = l.events().len();
            let decided = l.decide(&env);
            let outcome = l
                .execute(env)
                .map(|events| events.iter().map(|e| e.event.clone()).collect::<Vec<_>>());
            match outcome {
                Ok(kinds) => {
                    prop_assert_eq!(l.events().len(), n + kinds.len());
                    prop_assert_eq!(decided.unwrap(), kinds);
                }
                Err(e) => {
                    prop_assert_eq!(decided.unwrap_err().code(), e.code());
                    prop_assert_eq!(l.state(), &before);
                    prop_assert_eq!(l.events().len(), n);
                }
            }
            check_invariants(&l);
            if i % 10 == 9 {
                check_replay(&l);
            }
        }
        check_replay(&l);
    }
}

/// The generator reaches the plan and the report up to its hearing: deterministic walks record
/// these event types. Known gap: the walks do not yet reach the review opinion and the steps
/// after it (its handling report, follow-up, closing); those are covered by
/// `core/tests/work_reports.rs` and the `sv_*` scenarios, not by this property test.
#[test]
fn the_generator_reaches_every_event() {
    use proptest::strategy::ValueTree;
    let mut rng = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    // Walks as long as the property test's (the plan year and its meetings are 2024).
    for _ in 0..300 {
        let steps = proptest::collection::vec(step(), 60)
            .new_tree(&mut rng)
            .unwrap()
            .current();
        let mut l = setup();
        let mut today = date("2023-11-01");
        for s in &steps {
            today += Days::days(i64::from(s.advance) * 3);
            let (role, id, cmd) = build(&l, s, &mut today);
            let Some(env) = envelope(today, role, &id, cmd) else {
                continue;
            };
            if let Ok(events) = l.execute(env) {
                seen.extend(events.iter().map(|e| e.event.type_name()));
            }
        }
    }
    let missing: Vec<&str> = [
        "supervision_topic_proposed",
        "supervision_topics_shortlisted",
        "supervision_plan_approved",
        "supervision_plan_published",
        "supervision_topic_chosen",
        "supervision_plan_adjusted",
        "work_report_scheduled",
        "work_report_research_recorded",
        "work_report_submitted",
        "work_report_returned",
        "work_report_heard",
    ]
    .into_iter()
    .filter(|t| !seen.contains(t))
    .collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
}
