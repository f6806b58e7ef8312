//! Property tests of the escalation tools (W23; `docs/escalation.md`): random sequences of
//! topic-inquiry, interpellation, investigation and removal commands, issued at non-decreasing
//! times by the right and sometimes the wrong roles, never panic and keep every invariant.
//!
//! Invariants, after every command:
//! - a rejected command changes neither state nor log, and [`Ledger::decide`] predicted it;
//!   an accepted one appends exactly the events `decide` predicted;
//! - the state validates, and replaying the log reproduces it (every few steps and at the end);
//! - every interpellation had at least 3 proposers (county, L-17), all standing-committee
//!   members; every investigation or removal proposed by SC members had at least one fifth of
//!   the 10 members (L-18, L-19);
//! - an answered or closed interpellation has an answer; an interpellation awaiting a second
//!   answer had more than half of its proposers dissatisfied with the previous one (L-17);
//! - a vote was over all 10 members and an item was adopted exactly when a majority of all
//!   members voted for it (L-4).

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use renda::oversight::escalation::{
    AnswerRating, EscalationDetail, EscalationStatus as S, Proposers,
};
use renda::rules::RuleBook;
use renda::{CommandEnvelope, Ledger, Role, Timestamp};
use serde_json::{json, Value};

const C: &str = "hd-17";
const ITEMS: u8 = 6;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn envelope(at: NaiveDate, role: Role, id: &str, command: Value) -> Option<CommandEnvelope> {
    let cmd = serde_json::from_value(command).ok()?;
    Some(CommandEnvelope {
        at: Timestamp::start_of_china_day(at),
        actor: renda::Actor::new(role, id).unwrap(),
        command: cmd,
    })
}

/// 14 deputies, D0…D9 on the standing committee; units U1, U2; SC meetings every month of
/// 2024 and 2025.
fn setup() -> Ledger {
    let mut l = Ledger::new(RuleBook::default());
    let at = date(2024, 1, 1);
    let mut run = |role: Role, cmd: Value| {
        l.execute(envelope(at, role, "x", cmd).unwrap()).unwrap();
    };
    run(
        Role::Admin,
        json!({"type": "register_congress", "congress": C, "name": "人大", "level": "county",
               "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    for u in ["U1", "U2"] {
        run(
            Role::Admin,
            json!({"type": "register_unit", "unit": u, "name": "单位"}),
        );
    }
    for i in 0..14 {
        run(
            Role::DeputyAffairsOffice,
            json!({"type": "register_deputy", "deputy": format!("D{i}"), "congress": C, "name": "代表"}),
        );
    }
    for i in 0..10 {
        run(
            Role::DeputyAffairsOffice,
            json!({"type": "join_standing_committee", "deputy": format!("D{i}"), "post": "member"}),
        );
    }
    for m in 0..24 {
        let held = date(2024 + m / 12, 1 + (m % 12) as u32, 20);
        run(
            Role::DirectorMeeting,
            json!({"type": "convene_meeting", "meeting": format!("M{m}"), "congress": C,
                   "body": "standing_committee", "kind": "regular", "held_on": held}),
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
        0u8..12,
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
        Role::HandlingUnit => "U1",
        _ => "x",
    }
}

/// `n` deputies from `D{start}` on (wrapping over all 14; some are not SC members).
fn members(start: u8, n: u8) -> Vec<String> {
    (0..n).map(|k| format!("D{}", (start + k) % 14)).collect()
}

/// The meeting of the month of `today` (or a later one).
fn meeting(today: NaiveDate, c: u8) -> String {
    let m = (today.year() - 2024) * 12 + today.month0() as i32 + i32::from(c % 2);
    format!("M{}", m.clamp(0, 23))
}

use chrono::Datelike;

fn vote(c: u8) -> Value {
    let yes = u32::from(c % 11);
    json!({"members": if c % 13 == 0 { 9 } else { 10 }, "present": 10, "yes": yes, "no": 10 - yes, "abstain": 0})
}

fn build(l: &Ledger, s: &Step, today: NaiveDate) -> (Role, String, Value) {
    let id = |p: &str| format!("{p}{}", s.a % ITEMS);
    let by = || match s.b % 4 {
        0 => json!({"by": "director_meeting"}),
        1 => json!({"by": "government"}),
        _ => json!({"by": "sc_members", "members": members(s.c % 12, 1 + s.b % 5)}),
    };
    let by_role = |by: &Value| match by["by"].as_str() {
        Some("director_meeting") => (Role::DirectorMeeting, "x".to_string()),
        Some("government") => (Role::GovernmentOffice, "x".to_string()),
        _ => (Role::DeputyAffairsOffice, "x".to_string()),
    };
    match s.kind {
        0 => (
            Role::StandingCommittee,
            "x".into(),
            json!({"type": "hold_topic_inquiry", "inquiry": id("TI"), "congress": C,
                   "meeting": meeting(today, s.c), "report": "报告",
                   "questioners": members(s.b % 14, 1 + s.c % 3), "responders": ["U1"]}),
        ),
        1 => (
            Role::DeputyAffairsOffice,
            "x".into(),
            json!({"type": "propose_interpellation", "interpellation": id("ZX"), "congress": C,
                   "addressee": "U1", "subject": "s", "questions": ["q"],
                   "by": {"by": "sc_members", "members": members(s.c % 12, 2 + s.b % 4)}}),
        ),
        2 => {
            let mode = ["oral_plenary", "written", "oral_committee"][usize::from(s.b % 3)];
            let mut cmd = json!({"type": "decide_interpellation_answer", "interpellation": id("ZX"), "mode": mode});
            if mode == "oral_committee" {
                cmd["committee"] = json!("教科文卫委");
            }
            (Role::DirectorMeeting, "x".into(), cmd)
        }
        3 => {
            let mut cmd =
                json!({"type": "answer_interpellation", "interpellation": id("ZX"), "answer": "a"});
            if s.b % 2 == 0 {
                cmd["meeting"] = json!(meeting(today, s.c));
            }
            (Role::HandlingUnit, "U1".into(), cmd)
        }
        4 | 5 => {
            // Mostly a proposer of the item (so more than half can be dissatisfied).
            let proposers = l
                .state()
                .escalations
                .get(&id("ZX").parse().unwrap())
                .and_then(|e| match &e.detail {
                    EscalationDetail::Interpellation { by, .. } => Some(by.deputies().to_vec()),
                    _ => None,
                })
                .unwrap_or_default();
            let deputy = match proposers.get(usize::from(s.b) % proposers.len().max(1)) {
                Some(d) if s.b % 8 != 0 => d.to_string(),
                _ => format!("D{}", s.b % 14),
            };
            (
                Role::DeputyAffairsOffice,
                "x".into(),
                json!({"type": "rate_interpellation_answer", "interpellation": id("ZX"),
                       "deputy": deputy,
                       "rating": if s.c % 3 == 0 { "satisfied" } else { "dissatisfied" }}),
            )
        }
        6 => (
            Role::DirectorMeeting,
            "x".into(),
            json!({"type": "close_interpellation", "interpellation": id("ZX")}),
        ),
        7 => {
            let mut b = by();
            if b["by"] == "government" {
                b = json!({"by": "director_meeting"});
            }
            let (role, aid) = by_role(&b);
            (
                role,
                aid,
                json!({"type": "propose_special_investigation", "investigation": id("DC"),
                       "congress": C, "subject": "s", "by": b}),
            )
        }
        8 => (
            Role::StandingCommittee,
            "x".into(),
            json!({"type": "decide_special_investigation", "investigation": id("DC"),
                   "meeting": meeting(today, s.b), "vote": vote(s.c), "members": members(s.b % 14, 1)}),
        ),
        9 => {
            let mut cmd = json!({"type": "report_special_investigation", "investigation": id("DC"),
                                 "meeting": meeting(today, s.b), "report": "r"});
            if s.b % 2 == 0 {
                cmd["resolution"] = vote(s.c);
            }
            (Role::StandingCommittee, "x".into(), cmd)
        }
        10 => {
            let b = by();
            let (role, aid) = by_role(&b);
            (
                role,
                aid,
                json!({"type": "propose_removal", "removal": id("CZ"), "congress": C,
                       "official": "某", "post": "局长", "reason": "r", "by": b}),
            )
        }
        _ => (
            Role::StandingCommittee,
            "x".into(),
            json!({"type": "decide_removal", "removal": id("CZ"), "meeting": meeting(today, s.b), "vote": vote(s.c)}),
        ),
    }
}

fn check_replay(l: &Ledger) {
    let replayed = Ledger::replay_from_json(RuleBook::default(), &l.events_to_json()).unwrap();
    assert_eq!(replayed.state(), l.state());
}

fn check_invariants(l: &Ledger) {
    let st = l.state();
    st.validate().expect("the state validates");
    let is_member = |d: &renda::DeputyId| st.committee_members.contains_key(d);
    for e in st.escalations.values() {
        let sc_proposers = |by: &Proposers, min: usize| {
            if let Proposers::ScMembers { members } = by {
                assert!(
                    members.len() >= min,
                    "{}: {} proposers",
                    e.id,
                    members.len()
                );
                assert!(members.iter().all(is_member));
            }
        };
        let check_decision = |d: &Option<renda::oversight::escalation::Decision>| {
            if let Some(d) = d {
                assert_eq!(d.vote.members, 10);
                assert_eq!(d.adopted, d.vote.passes_majority_of_all());
            }
        };
        match &e.detail {
            EscalationDetail::TopicInquiry { .. } => assert_eq!(e.status, S::Held),
            EscalationDetail::Interpellation { by, answers, .. } => {
                sc_proposers(by, 3);
                assert!(matches!(by, Proposers::ScMembers { .. }));
                if matches!(e.status, S::Answered | S::Closed) {
                    assert!(!answers.is_empty());
                }
                if e.status == S::AwaitingAnswer {
                    if let Some(last) = answers.last() {
                        let n = last
                            .ratings
                            .values()
                            .filter(|r| **r == AnswerRating::Dissatisfied)
                            .count();
                        assert!(
                            n * 2 > by.deputies().len(),
                            "{}: re-answer without a majority",
                            e.id
                        );
                    }
                }
                for a in answers {
                    assert!(a.ratings.keys().all(|d| by.deputies().contains(d)));
                }
            }
            EscalationDetail::SpecialInvestigation { by, decision, .. } => {
                sc_proposers(by, 2);
                check_decision(decision);
                assert_eq!(
                    matches!(e.status, S::Investigating | S::Reported),
                    decision.as_ref().is_some_and(|d| d.adopted)
                );
            }
            EscalationDetail::Removal { by, decision, .. } => {
                sc_proposers(by, 2);
                check_decision(decision);
                assert_eq!(
                    e.status == S::Adopted,
                    decision.as_ref().is_some_and(|d| d.adopted)
                );
            }
        }
    }
}

fn walk(start: u16, steps: &[Step]) -> std::collections::BTreeSet<&'static str> {
    let mut seen = std::collections::BTreeSet::new();
    let mut l = setup();
    let mut today = date(2024, 1, 2) + Days::days(i64::from(start));
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
                for k in &kinds {
                    seen.insert(k.type_name());
                }
                assert_eq!(predicted.unwrap(), kinds);
                assert_eq!(l.events().len(), n + kinds.len());
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
        check_invariants(&l);
        if i % 16 == 15 {
            check_replay(&l);
        }
    }
    check_replay(&l);
    seen
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_escalation_commands_keep_every_invariant(
        start in 0u16..300,
        steps in prop::collection::vec(step(), 1..100),
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
        let steps = prop::collection::vec(step(), 200)
            .new_tree(&mut rng)
            .unwrap()
            .current();
        seen.extend(walk(w * 10, &steps));
    }
    for t in [
        "topic_inquiry_held",
        "interpellation_proposed",
        "interpellation_answer_decided",
        "interpellation_answered",
        "interpellation_answer_rated",
        "interpellation_reanswer_required",
        "interpellation_closed",
        "special_investigation_proposed",
        "special_investigation_decided",
        "special_investigation_reported",
        "removal_proposed",
        "removal_decided",
    ] {
        assert!(seen.contains(t), "never reached {t}");
    }
}
