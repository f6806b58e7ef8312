//! Property tests of the motion state machine (issue 4 item 1; `docs/motions.md`): random
//! sequences of session and motion commands, issued at non-decreasing times by the right and
//! sometimes the wrong roles, never panic and keep every invariant.
//!
//! The rule book has the national rules until 2025-06-30 and from 2025-07-01 a version that
//! tracks motions for the whole term, needs the handling report at the congress (R-P5) and lets
//! the plan come before the working group (R-P3), so commands cross a change of rules.
//!
//! Invariants, after every command:
//! - a rejected command changes neither state nor log, and [`Ledger::decide`] predicted it; an
//!   accepted one appends exactly the events it returns (and `decide` predicted them);
//! - the state validates ([`renda::State::validate`]), and replaying the log (through JSON) and
//!   restoring a snapshot reproduce it (checked every few steps and at the end);
//! - every motion of deputies had at least the joint-signature threshold in force on its
//!   submission day, distinct deputies of its congress (L-2, R-P7), and was submitted within
//!   its session's window (L-2);
//! - a merged motion is listed among its target's merged motions, which is of the same
//!   congress; a converted motion names an existing suggestion with its lead deputy;
//! - handling years are numbered 1, 2, …, each started on or after the previous; a year
//!   concluded as continued was within the tracking period of the rules in force then (R-P2);
//!   a year's conclusion came after its standing-committee report and review opinion (W4);
//! - the motion figures add up, on every day looked at, and never count a motion before its
//!   submission.

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use renda::motion::{MotionStatus, ReportTo, Sponsor, Tracking, YearOutcome};
use renda::rules::RuleBook;
use renda::{CommandEnvelope, CongressId, Ledger, Role, Timestamp};
use serde_json::{json, Value};

const COUNTY: &str = "C";
const TOWNSHIP: &str = "T";
const MOTIONS: usize = 12;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn book() -> RuleBook {
    let spec = json!([
        {"preset": "national"},
        {"preset": "national", "overrides": {
            "id": "later", "effective_from": "2025-07-01",
            "motion": {"tracking": "whole_term", "report_to_congress": true,
                       "require_working_group": false, "min_joint_deputies": {"township": 3}}}}
    ]);
    RuleBook::from_spec(&spec).unwrap()
}

fn county_deputy(i: usize) -> String {
    format!("D{}", i % 12)
}
fn town_deputy(i: usize) -> String {
    format!("T{}", i % 6)
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
    let mut l = Ledger::new(book());
    let at = date(2024, 1, 1);
    let mut run = |cmd: Value| {
        l.execute(envelope(at, Role::Admin, "admin", cmd).unwrap())
            .unwrap();
    };
    for (id, level) in [(COUNTY, "county"), (TOWNSHIP, "township")] {
        run(
            json!({"type": "register_congress", "congress": id, "name": "人大", "level": level,
                   "term": 1, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
        );
    }
    for i in 0..12 {
        run(
            json!({"type": "register_deputy", "deputy": county_deputy(i), "congress": COUNTY, "name": "代表"}),
        );
    }
    for i in 0..6 {
        run(
            json!({"type": "register_deputy", "deputy": town_deputy(i), "congress": TOWNSHIP, "name": "镇代表"}),
        );
    }
    for u in ["U1", "U2"] {
        run(json!({"type": "register_unit", "unit": u, "name": "单位"}));
    }
    l
}

/// One random step.
#[derive(Debug, Clone)]
struct Step {
    advance: u8,
    kind: u8,
    wrong_role: u8,
    a: u8,
    b: u8,
    c: u8,
    flag: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..16,
        0u8..40,
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<bool>(),
    )
        .prop_map(|(advance, kind, wrong_role, a, b, c, flag)| Step {
            // Most steps happen on the same day as the one before, so sessions are open.
            advance: advance.saturating_sub(10),
            kind,
            wrong_role,
            a,
            b,
            c,
            flag,
        })
}

fn actor_id(role: Role) -> &'static str {
    match role {
        Role::Deputy => "D0",
        Role::DeputyAffairsOffice => "office",
        Role::HandlingUnit => "U1",
        Role::GovernmentOffice => "gov",
        Role::SpecialCommittee => "committee",
        Role::DirectorMeeting => "directors",
        Role::StandingCommittee => "sc",
        Role::StreetWorkingCommittee => "street",
        Role::ThirdPartyEvaluator => "eval",
        Role::Public => "citizen",
        Role::Admin => "admin",
    }
}

/// The command of a step, with the role (and actor id) that would normally issue it.
fn build(l: &Ledger, s: &Step, today: NaiveDate) -> (Role, String, Value) {
    // Lifecycle commands mostly pick a motion in a status they fit (else any id, often wrong).
    let fitting = |statuses: &[MotionStatus], k: u8| -> String {
        let fit: Vec<_> = l
            .state()
            .motions
            .values()
            .filter(|m| statuses.contains(&m.status))
            .collect();
        match fit.get(k as usize % fit.len().max(1)) {
            Some(m) if s.wrong_role % 7 != 0 => m.id.to_string(),
            _ => format!("M{}", k as usize % MOTIONS),
        }
    };
    use MotionStatus as S;
    let motion = match s.kind {
        14..=18 => fitting(&[S::Submitted], s.a),
        19 => fitting(&[S::Submitted, S::Listed, S::Assigned], s.a),
        20..=25 => fitting(&[S::Listed, S::Assigned], s.a),
        26..=32 | 34.. => fitting(&[S::InHandling], s.a),
        33 => fitting(&[S::InHandling, S::Completed], s.a),
        _ => format!("M{}", s.a as usize % MOTIONS),
    };
    let other = fitting(&[S::Listed], s.b);
    let current = l
        .state()
        .motions
        .get(&motion.parse().unwrap())
        .and_then(|m| m.current_year())
        .map_or(1, |y| y.year);
    let year = if s.c % 6 == 0 {
        1 + u32::from(s.c % 5)
    } else {
        current
    };
    let existing = l.state().motions.get(&motion.parse().unwrap()).map(|m| {
        (
            m.congress.to_string(),
            m.sponsor.lead().map(|d| d.to_string()),
        )
    });
    // Mostly the command family's kinds in proportion: submissions and the yearly cycle often.
    match s.kind {
        0..=3 => {
            let congress = if s.flag { COUNTY } else { TOWNSHIP };
            let opens = today + Days::days(i64::from(s.b % 3));
            let closes = opens + Days::days(i64::from(s.c % 30));
            let mut cmd = json!({"type": "schedule_session", "session": format!("{congress}-{}", s.a % 40),
                "congress": congress, "opens_on": opens, "closes_on": closes});
            if s.c % 3 == 0 {
                cmd["motions_due"] = json!(opens + Days::days(i64::from(s.a % 30)));
            }
            let role = [
                Role::DeputyAffairsOffice,
                Role::StandingCommittee,
                Role::Admin,
            ][s.b as usize % 3];
            (role, actor_id(role).to_string(), cmd)
        }
        4..=13 => {
            // Submit to a session whose window holds today, if there is one (mostly).
            let open: Vec<_> = l
                .state()
                .sessions
                .values()
                .filter(|se| se.accepts_motions_on(today) || s.c % 9 == 0)
                .collect();
            let (congress, session) = match open.get(s.c as usize % open.len().max(1)) {
                Some(se) => (se.congress.to_string(), se.id.to_string()),
                None => (COUNTY.to_string(), "C-0".to_string()),
            };
            let town = congress == TOWNSHIP;
            let pick = |i: usize| {
                if town {
                    town_deputy(i)
                } else {
                    county_deputy(i)
                }
            };
            let (role, id, sponsor) = match s.b % 8 {
                0..=3 => {
                    let n = if town {
                        3 + (s.a as usize / 8) % 4
                    } else {
                        8 + (s.a as usize / 8) % 5
                    };
                    let lead = pick(s.c as usize);
                    let mut cos: Vec<String> = (1..n).map(|k| pick(s.c as usize + k)).collect();
                    if s.flag && s.a % 5 == 0 && !cos.is_empty() {
                        cos[0] = lead.clone(); // a duplicate
                    }
                    if s.a % 11 == 0 {
                        cos.push(if town {
                            county_deputy(1)
                        } else {
                            town_deputy(1)
                        }); // wrong congress
                    }
                    let sponsor = json!({"by": "deputies", "lead": lead, "cosigners": cos});
                    if s.flag {
                        (Role::Deputy, lead, sponsor)
                    } else {
                        (Role::DeputyAffairsOffice, "office".into(), sponsor)
                    }
                }
                4 => (
                    Role::StandingCommittee,
                    "sc".into(),
                    json!({"by": "presidium"}),
                ),
                5 => (
                    Role::StandingCommittee,
                    "sc".into(),
                    json!({"by": "standing_committee"}),
                ),
                6 => (
                    Role::SpecialCommittee,
                    "committee".into(),
                    json!({"by": "special_committee", "name": "财经委"}),
                ),
                _ => (
                    Role::GovernmentOffice,
                    "gov".into(),
                    json!({"by": "government"}),
                ),
            };
            let kind = ["legislative", "supervisory", "other"][s.a as usize % 3];
            (
                role,
                id,
                json!({"type": "submit_motion", "motion": motion, "congress": congress,
                "session": session, "title": "议案", "sponsor": sponsor, "kind": kind}),
            )
        }
        14..=18 => {
            let decision = match s.b % 6 {
                0..=2 => json!({"as": "listed"}),
                3 => json!({"as": "suggestion", "suggestion": format!("S{}", s.c % 4)}),
                4 => json!({"as": "merged", "into": other}),
                _ => json!({"as": "legislative_research"}),
            };
            let role = [
                Role::StandingCommittee,
                Role::SpecialCommittee,
                Role::DeputyAffairsOffice,
            ][s.c as usize % 3];
            (
                role,
                actor_id(role).into(),
                json!({"type": "review_motion", "motion": motion, "decision": decision}),
            )
        }
        19 => {
            let cmd =
                json!({"type": "withdraw_motion", "motion": motion, "presidium_consent": s.flag});
            match existing.and_then(|e| e.1) {
                Some(lead) if s.c % 2 == 0 => (Role::Deputy, lead, cmd),
                _ => (Role::DeputyAffairsOffice, "office".into(), cmd),
            }
        }
        20..=21 => {
            let role = if s.flag {
                Role::StandingCommittee
            } else {
                Role::DeputyAffairsOffice
            };
            let co = if s.c % 3 == 0 {
                json!(["U2"])
            } else {
                json!([])
            };
            (
                role,
                actor_id(role).into(),
                json!({"type": "assign_motion", "motion": motion, "lead_unit": "U1", "co_units": co}),
            )
        }
        22..=23 => {
            let congress = existing
                .as_ref()
                .map_or(COUNTY.to_string(), |e| e.0.clone());
            let pick = |i: usize| {
                if congress == TOWNSHIP {
                    town_deputy(i)
                } else {
                    county_deputy(i)
                }
            };
            let members: Vec<String> = (0..(s.b % 3) as usize)
                .map(|k| pick(s.c as usize + k))
                .collect();
            let proposing: Vec<String> = match existing.as_ref().and_then(|e| e.1.clone()) {
                Some(lead) if s.flag => vec![lead],
                _ if s.c % 4 == 0 => vec![pick(s.a as usize)],
                _ => vec![],
            };
            let role = if s.flag {
                Role::StandingCommittee
            } else {
                Role::DirectorMeeting
            };
            (
                role,
                actor_id(role).into(),
                json!({"type": "form_motion_working_group", "motion": motion,
                "leader": "副主任", "committee": "教科文卫委", "members": members, "proposing_deputies": proposing}),
            )
        }
        24..=25 => {
            let deadline = today + Days::days(i64::from(s.b) * 2);
            let goals = if s.c % 7 == 0 {
                json!([])
            } else {
                json!(["目标"])
            };
            (
                Role::GovernmentOffice,
                "gov".into(),
                json!({"type": "agree_motion_plan", "motion": motion, "goals": goals, "deadline": deadline}),
            )
        }
        26..=29 => {
            let to = if s.flag {
                "congress"
            } else {
                "standing_committee"
            };
            (
                Role::GovernmentOffice,
                "gov".into(),
                json!({"type": "report_motion_handling", "motion": motion, "year": year, "to": to, "summary": "办理情况"}),
            )
        }
        30..=32 => (
            Role::StandingCommittee,
            "sc".into(),
            json!({"type": "issue_motion_review_opinion", "motion": motion, "year": year, "opinion": "意见"}),
        ),
        33 => (
            Role::ThirdPartyEvaluator,
            "eval".into(),
            json!({"type": "record_motion_evaluation", "motion": motion, "year": year,
                "evaluator": format!("评估{}", s.b % 2), "summary": "评估"}),
        ),
        _ => {
            let outcome = if s.b % 4 == 0 {
                "completed"
            } else {
                "continued"
            };
            (
                Role::StandingCommittee,
                "sc".into(),
                json!({"type": "conclude_motion_year", "motion": motion, "year": year, "outcome": outcome}),
            )
        }
    }
}

fn check_replay(l: &Ledger) {
    let replayed = Ledger::replay_from_json(book(), &l.events_to_json()).unwrap();
    assert_eq!(replayed.state(), l.state());
    let restored = Ledger::restore_from_json(book(), &l.snapshot_to_json()).unwrap();
    assert_eq!(restored.state(), l.state());
}

fn check_invariants(l: &Ledger, today: NaiveDate) {
    let st = l.state();
    st.validate().expect("the state validates");
    let book = l.rules();
    for m in st.motions.values() {
        let c = &st.congresses[&m.congress];
        let session = &st.sessions[&m.session];
        let submitted = m.submitted_on();
        assert_eq!(session.congress, m.congress);
        assert!(
            session.accepts_motions_on(submitted),
            "L-2 window: {}",
            m.id
        );
        if let Sponsor::Deputies { lead, cosigners } = &m.sponsor {
            let rules = book.in_force(c.level, submitted).unwrap();
            let n = 1 + cosigners.len();
            assert!(
                n >= rules.motion.min_joint_deputies.for_level(c.level) as usize,
                "L-2: {}",
                m.id
            );
            let mut all: Vec<_> = m.sponsor.deputies().collect();
            all.sort();
            all.dedup();
            assert_eq!(all.len(), n, "distinct sponsors");
            for d in m.sponsor.deputies() {
                assert_eq!(st.deputies[d].congress, m.congress);
            }
            if let Some(s) = &m.suggestion {
                assert_eq!(&st.suggestions[s].lead, lead);
            }
        }
        if let Some(t) = &m.merged_into {
            let target = &st.motions[t];
            assert!(target.merged.contains(&m.id));
            assert_eq!(target.congress, m.congress);
        }
        for w in m.years.windows(2) {
            assert!(w[0].started_on <= w[1].started_on);
        }
        for y in &m.years {
            if let Some(done) = &y.concluded {
                assert!(y.reported_to(ReportTo::StandingCommittee) && y.review_opinion.is_some());
                let rules = &book.in_force(c.level, done.on).unwrap().motion;
                if rules.report_to_congress {
                    assert!(y.reported_to(ReportTo::Congress), "R-P5");
                }
                if done.outcome == YearOutcome::Continued {
                    match rules.tracking {
                        Tracking::Years(t) => assert!(y.year < rules.supervision_years + t, "R-P2"),
                        Tracking::WholeTerm => assert!(done.on < c.term_end, "R-P2"),
                    }
                }
            }
        }
        if m.status == MotionStatus::Completed {
            assert_eq!(
                m.years
                    .last()
                    .and_then(|y| y.concluded.as_ref())
                    .map(|c| c.outcome),
                Some(YearOutcome::Completed)
            );
        }
    }
    for congress in [COUNTY, TOWNSHIP] {
        let id: CongressId = congress.parse().unwrap();
        for day in [today, today - Days::days(30), date(2024, 1, 1)] {
            let f = l.motion_figures(&id, day).unwrap();
            assert_eq!(
                f.submitted,
                f.awaiting_review
                    + f.items
                    + f.merged
                    + f.handled_as_suggestions
                    + f.legislative_research
                    + f.withdrawn
            );
            assert_eq!(
                f.items,
                f.awaiting_assignment + f.assigned + f.in_supervision + f.in_tracking + f.completed
            );
            assert!(f.item_motions >= f.items && f.item_motions <= f.items + f.merged);
            assert!(f.in_supervision_plan <= f.items);
            let before = st
                .motions
                .values()
                .filter(|m| m.congress == id && m.submitted_on() <= day)
                .count();
            assert_eq!(f.submitted as usize, before);
        }
    }
}

/// Runs the steps from `start` days after 2024-01-01 (the rules change on 2025-07-01, the term
/// ends on 2026-10-31).
fn walk(start: u16, steps: &[Step]) -> (usize, usize) {
    let mut l = setup();
    let mut today = date(2024, 1, 1) + Days::days(i64::from(start));
    let (mut accepted, mut rejected) = (0, 0);
    for (i, s) in steps.iter().enumerate() {
        today += Days::days(i64::from(s.advance));
        let (mut role, mut id, cmd) = build(&l, s, today);
        if s.wrong_role % 9 == 0 {
            role = Role::ALL[s.wrong_role as usize % Role::ALL.len()];
            id = actor_id(role).into();
        }
        let Some(env) = envelope(today, role, &id, cmd) else {
            continue;
        };
        let predicted = l.decide(&env);
        let before = l.state().clone();
        let n = l.events().len();
        match l.execute(env) {
            Ok(events) => {
                let kinds: Vec<_> = events.iter().map(|e| e.event.clone()).collect();
                assert_eq!(predicted.unwrap(), kinds);
                assert_eq!(l.events().len(), n + kinds.len());
                accepted += 1;
            }
            Err(e) => {
                assert_eq!(predicted.unwrap_err(), e);
                assert_eq!(
                    l.state(),
                    &before,
                    "a rejected command changes nothing: {e}"
                );
                assert_eq!(l.events().len(), n);
                rejected += 1;
            }
        }
        check_invariants(&l, today);
        if i % 16 == 15 {
            check_replay(&l);
        }
    }
    check_replay(&l);
    (accepted, rejected)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_motion_commands_keep_every_invariant(
        start in 0u16..1000,
        steps in prop::collection::vec(step(), 1..120),
    ) {
        walk(start, &steps);
    }
}

/// The generator reaches the interesting states: a fixed long walk accepts commands of every
/// kind of the family.
#[test]
fn the_generator_reaches_every_command() {
    let mut rng = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for walk in 0..40 {
        let steps = prop::collection::vec(step(), 200)
            .new_tree(&mut rng)
            .unwrap()
            .current();
        let mut l = setup();
        let mut today = date(2024, 1, 1) + Days::days(walk * 25);
        for s in &steps {
            today += Days::days(i64::from(s.advance));
            let (role, id, cmd) = build(&l, s, today);
            if let Some(env) = envelope(today, role, &id, cmd) {
                if let Ok(events) = l.execute(env) {
                    for e in events {
                        seen.insert(e.event.type_name());
                    }
                }
            }
        }
        check_invariants(&l, today);
    }
    for t in [
        "session_scheduled",
        "motion_submitted",
        "motion_listed",
        "motion_converted",
        "motion_merged",
        "motion_to_research",
        "motion_withdrawn",
        "motion_assigned",
        "motion_working_group_formed",
        "motion_plan_agreed",
        "motion_year_started",
        "motion_handling_reported",
        "motion_review_opinion_issued",
        "motion_evaluation_recorded",
        "motion_year_concluded",
        "motion_completed",
    ] {
        assert!(seen.contains(t), "never reached: {t} (seen {seen:?})");
    }
}
