//! Property tests of the suggestion lifecycle: random command sequences from random actors
//! keep every invariant of the ledger.
//!
//! - a rejected command changes nothing (state, events);
//! - replaying the log reproduces the live state exactly; so does restoring a snapshot;
//! - commands, events and snapshots round-trip through JSON exactly;
//! - every status change follows the lifecycle graph;
//! - figures never count an item twice (counts partition, per-unit sums equal totals).

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use renda::rules::{RuleBook, RuleSet};
use renda::{
    Actor, Command, CommandEnvelope, DeputyId, Event, Ledger, ResultCategory, Role, Satisfaction,
    Snapshot, SubmissionPeriod, SuggestionId, SuggestionStatus, Timestamp, UnitId,
};

const DEPUTIES: [&str; 4] = ["D1", "D2", "D3", "X9"]; // X9 sits in another congress
const UNITS: [&str; 4] = ["U1", "U2", "U3", "U404"]; // U404 is never registered
const SUGGESTIONS: [&str; 4] = ["S1", "S2", "S3", "S4"];

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 2).unwrap()
}

fn cmd(at: NaiveDate, role: Role, id: &str, command: Command) -> CommandEnvelope {
    CommandEnvelope {
        at: Timestamp::start_of_china_day(at),
        actor: Actor::new(role, id).unwrap(),
        command,
    }
}

fn setup(rules: RuleBook) -> Ledger {
    let mut l = Ledger::new(rules);
    let d = start();
    let admin = |c| cmd(d, Role::Admin, "admin", c);
    for (id, level) in [("C", "county"), ("T", "township")] {
        l.execute(admin(
            serde_json::from_value(serde_json::json!({"type":"register_congress","congress":id,
                "name":"人大","level":level,"term":1,"term_start":"2021-11-01","term_end":"2026-10-31"}))
            .unwrap(),
        ))
        .unwrap();
    }
    for dep in DEPUTIES {
        let congress = if dep == "X9" { "T" } else { "C" };
        l.execute(admin(
            serde_json::from_value(serde_json::json!({"type":"register_deputy","deputy":dep,
                "congress":congress,"name":"代表"}))
            .unwrap(),
        ))
        .unwrap();
    }
    for u in &UNITS[..3] {
        l.execute(admin(Command::RegisterUnit {
            unit: UnitId::new(*u).unwrap(),
            name: "单位".into(),
        }))
        .unwrap();
    }
    l
}

fn sid(i: usize) -> SuggestionId {
    SuggestionId::new(SUGGESTIONS[i % SUGGESTIONS.len()]).unwrap()
}
fn did(i: usize) -> DeputyId {
    DeputyId::new(DEPUTIES[i % DEPUTIES.len()]).unwrap()
}
fn uid(i: usize) -> UnitId {
    UnitId::new(UNITS[i % UNITS.len()]).unwrap()
}

/// One random step: time advance (sometimes backwards), actor, and command.
#[derive(Debug, Clone)]
struct Step {
    days: i64,
    role: usize,
    actor: usize,
    kind: usize,
    s: usize,
    a: usize,
    b: usize,
    flag: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (
        prop_oneof![8 => 0i64..20, 1 => -3i64..0, 1 => 60i64..200],
        prop_oneof![6 => Just(usize::MAX), 1 => 0usize..Role::ALL.len()],
        0usize..8,
        0usize..13,
        prop_oneof![3 => 0usize..2, 1 => 0usize..8],
        0usize..8,
        0usize..8,
        any::<bool>(),
    )
        .prop_map(|(days, role, actor, kind, s, a, b, flag)| Step {
            days,
            role,
            actor,
            kind,
            s,
            a,
            b,
            flag,
        })
}

/// Builds the command for a step. With `role == usize::MAX` the "natural" role for the command
/// is used (so most commands are well-placed and the lifecycle goes deep); otherwise a random
/// role, to exercise permissions.
fn build(st: &Step, date: NaiveDate, ledger: &Ledger) -> CommandEnvelope {
    let s = sid(st.s);
    let existing = ledger.state().suggestions.get(&s);
    // Usually (actor < 5) steer towards the next step of the lifecycle, so walks go deep;
    // otherwise keep the random command, to exercise rejections.
    let kind = if st.role == usize::MAX && st.actor < 5 {
        use SuggestionStatus::*;
        match existing.map(|x| (x.status, x)) {
            None => 0,
            Some((Submitted, _)) => [1, 1, 1, 2, 4][st.b % 5],
            Some((ReturnedForRevision, _)) => 3,
            Some((Accepted, _)) => 6,
            Some((Assigned, x)) => {
                let a = x.assignment.as_ref().unwrap();
                let missing = a
                    .co_units
                    .iter()
                    .any(|u| !x.co_unit_opinions.iter().any(|o| &o.unit == u));
                if missing && st.b % 4 != 0 {
                    9
                } else if st.b == 7 {
                    8
                } else {
                    10
                }
            }
            Some((Replied, _)) => 11,
            Some((Rehandling | InPlan, _)) => 10,
            Some(_) => st.kind,
        }
    } else {
        st.kind
    };
    let (natural, command) = match kind {
        0 => (
            Role::Deputy,
            Command::SubmitSuggestion {
                suggestion: s,
                congress: renda::CongressId::new(if st.b == 7 { "T" } else { "C" }).unwrap(),
                title: if st.b == 6 {
                    " ".into()
                } else {
                    "关于改善交通的建议".into()
                },
                lead: did(st.a),
                cosigners: if st.flag { vec![did(st.a + 1)] } else { vec![] },
                during: if st.flag {
                    SubmissionPeriod::Session
                } else {
                    SubmissionPeriod::Recess
                },
                topic: None,
            },
        ),
        1 => (
            Role::DeputyAffairsOffice,
            Command::AcceptSuggestion { suggestion: s },
        ),
        2 => (
            Role::DeputyAffairsOffice,
            Command::ReturnSuggestion {
                suggestion: s,
                reason: "请补充调研".into(),
            },
        ),
        3 => (
            Role::Deputy,
            Command::ReviseSuggestion {
                suggestion: s,
                title: "修改后的建议".into(),
            },
        ),
        4 => (
            Role::DeputyAffairsOffice,
            Command::RejectSuggestion {
                suggestion: s,
                reason: "个人事项".into(),
            },
        ),
        5 => (
            Role::Deputy,
            Command::WithdrawSuggestion {
                suggestion: s,
                reason: None,
            },
        ),
        6 | 7 => (
            Role::DeputyAffairsOffice,
            Command::AssignSuggestion {
                suggestion: s,
                lead_unit: uid(st.a % 3),
                co_units: if st.flag { vec![uid(st.b)] } else { vec![] },
            },
        ),
        8 => (
            Role::DeputyAffairsOffice,
            Command::ExtendReplyDeadline {
                suggestion: s,
                reason: "涉及面广".into(),
            },
        ),
        9 => (
            Role::HandlingUnit,
            Command::SubmitCoUnitOpinion {
                suggestion: s,
                opinion: "协办意见".into(),
            },
        ),
        10 => (
            Role::HandlingUnit,
            Command::ReplySuggestion {
                suggestion: s,
                result: ResultCategory::ALL[st.b % 4],
                in_plan: st.flag,
                summary: "答复".into(),
                reason: if st.a % 2 == 0 {
                    Some("原因".into())
                } else {
                    None
                },
            },
        ),
        _ => (
            Role::Deputy,
            Command::GiveFeedback {
                suggestion: s,
                rating: [
                    Satisfaction::Satisfied,
                    Satisfaction::BasicallySatisfied,
                    Satisfaction::Dissatisfied,
                ][st.b % 3],
                comment: None,
            },
        ),
    };
    let role = if st.role == usize::MAX {
        natural
    } else {
        Role::ALL[st.role]
    };
    // Most of the time the natural actor is the right party (the lead deputy, the lead unit
    // or a co-unit), so random walks go deep into the lifecycle; otherwise a random one.
    let party = existing.filter(|_| st.role == usize::MAX && st.actor < 6);
    let id: String = match (role, party) {
        (Role::Deputy, Some(x)) if st.actor < 4 || x.cosigners.is_empty() => x.lead.to_string(),
        (Role::Deputy, Some(x)) => x.cosigners[0].to_string(),
        (Role::HandlingUnit, Some(x)) if x.assignment.is_some() => {
            let a = x.assignment.as_ref().unwrap();
            if kind == 9 && !a.co_units.is_empty() {
                a.co_units[st.actor % a.co_units.len()].to_string()
            } else {
                a.lead_unit.to_string()
            }
        }
        (Role::Deputy, _) if st.role == usize::MAX && kind == 0 && st.actor < 6 => {
            did(st.a).to_string()
        }
        (Role::Deputy, _) => DEPUTIES[st.actor % DEPUTIES.len()].into(),
        (Role::HandlingUnit, _) => UNITS[st.actor % UNITS.len()].into(),
        _ => "staff".into(),
    };
    cmd(date, role, &id, command)
}

fn allowed_transition(from: SuggestionStatus, to: SuggestionStatus) -> bool {
    use SuggestionStatus::*;
    matches!(
        (from, to),
        (
            Submitted,
            Accepted | ReturnedForRevision | Rejected | Withdrawn
        ) | (ReturnedForRevision, Submitted | Withdrawn)
            | (Accepted, Assigned | Withdrawn)
            | (Assigned, Replied | Withdrawn)
            | (Replied, Closed | Rehandling | InPlan)
            | (Rehandling, Replied)
            | (InPlan, Replied)
    )
}

fn check_figures(ledger: &Ledger, as_of: NaiveDate) {
    let f = ledger.figures(as_of).unwrap();
    let c = &f.counts;
    let n = ledger
        .suggestions()
        .filter(|s| s.submitted_on() <= as_of)
        .count() as u64;
    assert_eq!(c.submitted, n);
    assert_eq!(c.during_session + c.during_recess, c.submitted);
    assert!(c.replied <= c.assigned && c.assigned <= c.accepted && c.accepted <= c.submitted);
    assert!(c.replied_on_time <= c.replied);
    let r = &f.results;
    assert_eq!(r.A + r.B + r.C + r.D, c.replied);
    assert_eq!(f.overdue.len() as u64, c.overdue);
    assert_eq!(f.units.iter().map(|u| u.assigned).sum::<u64>(), c.assigned);
    assert_eq!(f.units.iter().map(|u| u.replied).sum::<u64>(), c.replied);
    assert_eq!(f.units.iter().map(|u| u.overdue).sum::<u64>(), c.overdue);
    let terminal_or_waiting =
        c.awaiting_vetting + c.rejected + c.withdrawn + c.rehandling + c.in_plan + c.closed;
    assert!(terminal_or_waiting <= c.submitted);
    let p = &f.plan_ledger;
    assert!(p.open + p.second_replied <= p.entered + p.second_replied);
    assert!(p.solved <= p.second_replied);
    let mut ids: Vec<_> = f.overdue.iter().map(|o| o.suggestion.clone()).collect();
    ids.dedup();
    assert_eq!(ids.len(), f.overdue.len(), "an overdue item counted twice");
}

fn run(rules: RuleBook, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut ledger = setup(rules.clone());
    let mut date = start();
    for st in steps {
        date = (date + Days::days(st.days)).max(start() - Days::days(5));
        let env = build(st, date, &ledger);
        // Wire round trip of the command.
        let text = serde_json::to_string(&env).unwrap();
        prop_assert_eq!(&CommandEnvelope::from_json(&text).unwrap(), &env);
        let before_state = ledger.state().clone();
        let before_len = ledger.events().len();
        let before_seq = ledger.seq();
        match ledger.execute(env) {
            Ok(events) => prop_assert!(!events.is_empty()),
            Err(_) => {
                prop_assert_eq!(
                    ledger.state(),
                    &before_state,
                    "rejected command changed state"
                );
                prop_assert_eq!(ledger.events().len(), before_len);
                prop_assert_eq!(ledger.seq(), before_seq);
            }
        }
    }
    // The log verifies to the ledger's head (issue 8 item 1), and replay equals live state.
    prop_assert_eq!(
        renda::chain::verify(ledger.events(), renda::chain::Anchor::GENESIS).unwrap(),
        ledger.head()
    );
    let replayed = Ledger::replay(rules.clone(), ledger.events().to_vec()).unwrap();
    prop_assert_eq!(replayed.state(), ledger.state());
    prop_assert_eq!(replayed.head(), ledger.head());
    // A reader's view never shows more than the whole: no rating appears that the full
    // figures lack, and the counts of suggestions are the same for every reader (but a
    // third-party evaluator, who sees only its sample, W3: tests/handling_evaluation.rs).
    let full = ledger.figures(date).unwrap();
    for role in Role::ALL
        .into_iter()
        .filter(|r| !matches!(r, Role::Public | Role::ThirdPartyEvaluator))
    {
        let reader = renda::Actor::new(role, "U0").unwrap();
        let seen = ledger
            .figures_as(&reader, date, &Default::default())
            .unwrap();
        prop_assert_eq!(&seen.counts, &full.counts);
        let (a, b) = (&seen.ratings, &full.ratings);
        prop_assert!(a.satisfied <= b.satisfied && a.basically_satisfied <= b.basically_satisfied);
        prop_assert!(a.dissatisfied <= b.dissatisfied);
    }
    // Events and snapshot round-trip through JSON exactly.
    let text = serde_json::to_string(ledger.events()).unwrap();
    let back: Vec<Event> = serde_json::from_str(&text).unwrap();
    prop_assert_eq!(back.as_slice(), ledger.events());
    let snap_text = serde_json::to_string(&ledger.snapshot()).unwrap();
    let snap: Snapshot = serde_json::from_str(&snap_text).unwrap();
    let restored = Ledger::restore(rules, snap).unwrap();
    prop_assert_eq!(restored.state(), ledger.state());
    prop_assert_eq!(restored.seq(), ledger.seq());
    // Every status change follows the lifecycle graph, in date order.
    for s in ledger.suggestions() {
        prop_assert_eq!(s.history[0].1, SuggestionStatus::Submitted);
        for w in s.history.windows(2) {
            prop_assert!(w[0].0 <= w[1].0);
            prop_assert!(
                allowed_transition(w[0].1, w[1].1),
                "{:?} -> {:?}",
                w[0].1,
                w[1].1
            );
        }
        prop_assert_eq!(s.status, s.history.last().unwrap().1);
    }
    // Figures partition correctly at several dates.
    for offset in [0, 30, 100, 400, 900] {
        check_figures(&ledger, start() + Days::days(offset));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    /// 10,000 random sequences under the national rules.
    #[test]
    fn national_rules_keep_invariants(steps in prop::collection::vec(step(), 1..60)) {
        run(RuleBook::default(), &steps)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Beijing-district rules (from 2025) with tighter overrides.
    #[test]
    fn beijing_rules_keep_invariants(steps in prop::collection::vec(step(), 1..60)) {
        let beijing = RuleSet::beijing_district()
            .with_overrides(&serde_json::json!({
                "effective_from": "2020-01-01",
                "suggestion": {"withdraw_until": "before_reply", "max_rehandling_rounds": 2,
                               "feedback_from": "lead_deputy", "max_cosigners": 0}
            }))
            .unwrap();
        run(RuleBook::new(vec![RuleSet::national(), beijing]).unwrap(), &steps)?;
    }
}

/// The generator is not vacuous: across a few hundred random sequences, every status of the
/// lifecycle is reached and both accepted and rejected commands occur.
#[test]
fn generator_reaches_every_status() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = prop::collection::vec(step(), 1..60);
    let mut seen = std::collections::BTreeSet::new();
    let (mut ok, mut rejected) = (0, 0);
    for _ in 0..500 {
        let steps = strategy.new_tree(&mut runner).unwrap().current();
        let mut ledger = setup(RuleBook::default());
        let mut date = start();
        for st in &steps {
            date = (date + Days::days(st.days)).max(start() - Days::days(5));
            let env = build(st, date, &ledger);
            match ledger.execute(env) {
                Ok(_) => ok += 1,
                Err(e) => {
                    rejected += 1;
                    if st.kind >= 11 && std::env::var("DEBUG_PROPS").is_ok() {
                        eprintln!("feedback rejected: {}", e);
                    }
                }
            }
        }
        for s in ledger.suggestions() {
            seen.extend(s.history.iter().map(|h| h.1));
        }
    }
    assert_eq!(
        seen.len(),
        SuggestionStatus::ALL.len(),
        "reached only {seen:?}"
    );
    assert!(ok > 1000 && rejected > 1000, "ok {ok}, rejected {rejected}");
}
