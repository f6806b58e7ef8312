//! Property tests of class cases (类案, W1 step 4): random sequences of suggestion and
//! class-case commands (submit, accept, assign, reply, withdraw, merge, add, split), issued
//! mostly by the right role and sometimes by a wrong one, keep every invariant:
//!
//! - a rejected command changes neither state nor log; an accepted one appends exactly the
//!   events [`Ledger::decide`] predicted;
//! - the state validates ([`renda::State::validate`]): a suggestion is in at most one group at a
//!   time, a group that exists has at least two members of its congress;
//! - every current member that is assigned is assigned to its group's lead unit;
//! - a member split off had no reply at the split; a dissolved group has no members;
//! - the class-case report as of the last day counts exactly the existing groups and members;
//! - replaying the log and restoring a snapshot reproduce the state.

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use renda::{Actor, CommandEnvelope, Ledger, Role, Timestamp};
use serde_json::json;

const SUGGESTIONS: [&str; 7] = ["S1", "S2", "S3", "S4", "S5", "S6", "X1"]; // X1: township
const UNITS: [&str; 3] = ["U1", "U2", "U9"]; // U9 is never registered
const GROUPS: [&str; 3] = ["G1", "G2", "G3"];

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 2).unwrap()
}

fn env(at: NaiveDate, role: Role, id: &str, command: serde_json::Value) -> CommandEnvelope {
    CommandEnvelope {
        at: Timestamp::start_of_china_day(at),
        actor: Actor::new(role, id).unwrap(),
        command: serde_json::from_value(command).unwrap(),
    }
}

fn setup() -> Ledger {
    let mut l = Ledger::new(Default::default());
    let d = start();
    let admin = |c| env(d, Role::Admin, "admin", c);
    for (id, level) in [("C", "county"), ("T", "township")] {
        l.execute(admin(
            json!({"type":"register_congress","congress":id,"name":"人大",
            "level":level,"term":1,"term_start":"2021-11-01","term_end":"2026-10-31"}),
        ))
        .unwrap();
    }
    for (d, c) in [("D1", "C"), ("D2", "C"), ("D3", "C"), ("T1", "T")] {
        l.execute(admin(
            json!({"type":"register_deputy","deputy":d,"congress":c,"name":"代表"}),
        ))
        .unwrap();
    }
    for u in &UNITS[..2] {
        l.execute(admin(
            json!({"type":"register_unit","unit":u,"name":"单位"}),
        ))
        .unwrap();
    }
    // S1–S5 and X1 submitted, all but S5 accepted: the walks start deep (S5 and S6 are left
    // for the submit and accept steps).
    for s in ["S1", "S2", "S3", "S4", "S5", "X1"] {
        let congress = if s == "X1" { "T" } else { "C" };
        l.execute(env(
            d,
            Role::Deputy,
            lead_of(s),
            json!({"type":"submit_suggestion",
            "suggestion":s,"congress":congress,"title":"关于增加幼儿园学位的建议",
            "lead":lead_of(s),"during":"session"}),
        ))
        .unwrap();
        if s != "S5" {
            l.execute(env(
                d,
                Role::DeputyAffairsOffice,
                "office",
                json!({"type":"accept_suggestion","suggestion":s}),
            ))
            .unwrap();
        }
    }
    l
}

fn lead_of(s: &str) -> &'static str {
    match s {
        "X1" => "T1",
        "S1" | "S4" => "D1",
        "S2" | "S5" => "D2",
        _ => "D3",
    }
}

#[derive(Debug, Clone)]
struct Step {
    days: i64,
    kind: usize,
    s: usize,
    t: usize,
    unit: usize,
    group: usize,
    wrong_role: Option<usize>,
    flag: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (
        prop_oneof![6 => 0i64..10, 1 => 30i64..120],
        prop_oneof![
            2 => Just(0usize), 3 => Just(1), 3 => Just(2), 4 => Just(3), 4 => Just(4),
            3 => Just(5), 3 => Just(6), 1 => Just(7), 2 => Just(8)
        ],
        0usize..SUGGESTIONS.len(),
        0usize..SUGGESTIONS.len(),
        prop_oneof![5 => 0usize..2, 1 => 2usize..3],
        prop_oneof![3 => Just(0usize), 1 => 0usize..GROUPS.len()],
        prop_oneof![9 => Just(None), 1 => (0usize..Role::ALL.len()).prop_map(Some)],
        any::<bool>(),
    )
        .prop_map(|(days, kind, s, t, unit, group, wrong_role, flag)| Step {
            days,
            kind,
            s,
            t,
            unit,
            group,
            wrong_role,
            flag,
        })
}

fn build(st: &Step, date: NaiveDate) -> CommandEnvelope {
    let s = SUGGESTIONS[st.s];
    let t = SUGGESTIONS[st.t];
    let u = UNITS[st.unit];
    let g = GROUPS[st.group];
    let (role, actor, cmd) = match st.kind {
        0 => {
            let congress = if s == "X1" { "T" } else { "C" };
            (
                Role::Deputy,
                lead_of(s),
                json!({"type":"submit_suggestion","suggestion":s,
                "congress":congress,"title":"关于增加幼儿园学位的建议","lead":lead_of(s),
                "during":"session"}),
            )
        }
        1 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"accept_suggestion","suggestion":s}),
        ),
        2 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"assign_suggestion","suggestion":s,"lead_unit":u}),
        ),
        3 => {
            let list = if st.flag {
                vec![s, t]
            } else {
                vec![s, t, SUGGESTIONS[(st.s + 1) % 6]]
            };
            (
                Role::DeputyAffairsOffice,
                "office",
                json!({"type":"merge_suggestions","group":g,
                "title":"类案","suggestions":list,"lead_unit":u}),
            )
        }
        4 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"add_to_class_case","group":g,"suggestion":s}),
        ),
        5 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"split_suggestion","group":g,"suggestion":s}),
        ),
        6 => (
            Role::HandlingUnit,
            u,
            json!({"type":"reply_suggestion","suggestion":s,
                "result": if st.flag { "A" } else { "B" },"summary":"答复"}),
        ),
        7 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"withdraw_suggestion","suggestion":s}),
        ),
        _ => (
            Role::Deputy,
            lead_of(s),
            json!({"type":"give_feedback","suggestion":s,
                "rating": if st.flag { "satisfied" } else { "dissatisfied" }}),
        ),
    };
    let role = st.wrong_role.map_or(role, |r| Role::ALL[r]);
    env(date, role, actor, cmd)
}

fn check_invariants(ledger: &Ledger, date: NaiveDate) -> Result<(), TestCaseError> {
    let st = ledger.state();
    prop_assert!(st.validate().is_ok(), "{:?}", st.validate());
    let mut groups = 0u64;
    let mut members = 0u64;
    for g in ledger.class_cases() {
        let current: Vec<_> = g.current_members().collect();
        if g.is_active() {
            groups += 1;
            members += current.len() as u64;
            prop_assert!(current.len() >= 2);
        } else {
            prop_assert!(current.is_empty());
        }
        for s in &current {
            let sug = &st.suggestions[*s];
            prop_assert_eq!(&sug.congress, &g.congress);
            if let Some(a) = &sug.assignment {
                prop_assert_eq!(&a.lead_unit, &g.lead_unit, "member assigned elsewhere");
            }
        }
        for m in g.members.iter().filter(|m| m.left_on.is_some()) {
            let sug = &st.suggestions[&m.suggestion];
            let left = m.left_on.unwrap();
            // Split off (not by dissolution) only before a reply.
            if g.dissolved_on != Some(left) {
                prop_assert!(sug.replies.iter().all(|r| r.on >= left));
            }
        }
    }
    let report = ledger.class_case_report(date, None).unwrap();
    prop_assert_eq!(report.figures.groups, groups);
    prop_assert_eq!(report.figures.suggestions_grouped, members);
    Ok(())
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut ledger = setup();
    let mut date = start();
    for st in steps {
        date += Days::days(st.days);
        let cmd = build(st, date);
        let before = ledger.state().clone();
        let before_len = ledger.events().len();
        let predicted = ledger.decide(&cmd);
        match ledger.execute(cmd) {
            Ok(events) => {
                let kinds: Vec<_> = events.iter().map(|e| e.event.clone()).collect();
                prop_assert_eq!(predicted.unwrap(), kinds);
            }
            Err(e) => {
                prop_assert_eq!(predicted.unwrap_err(), e);
                prop_assert_eq!(ledger.state(), &before, "rejected command changed state");
                prop_assert_eq!(ledger.events().len(), before_len);
            }
        }
        check_invariants(&ledger, date)?;
    }
    let replayed = Ledger::replay(Default::default(), ledger.events().to_vec()).unwrap();
    prop_assert_eq!(replayed.state(), ledger.state());
    let snap = serde_json::to_string(&ledger.snapshot()).unwrap();
    let restored = Ledger::restore_from_json(Default::default(), &snap).unwrap();
    prop_assert_eq!(restored.state(), ledger.state());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// 2,000 random sequences of up to 80 commands.
    #[test]
    fn class_cases_keep_invariants(steps in prop::collection::vec(step(), 1..80)) {
        run(&steps)?;
    }
}

/// The generator is not vacuous: groups are formed, joined, split and dissolved.
#[test]
fn generator_reaches_every_class_case_event() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..300 {
        let steps = prop::collection::vec(step(), 40..80)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let mut ledger = setup();
        let mut date = start();
        for st in &steps {
            date += Days::days(st.days);
            if let Ok(events) = ledger.execute(build(st, date)) {
                for e in events {
                    seen.insert(e.event.type_name());
                }
            }
        }
    }
    for t in [
        "class_case_formed",
        "class_case_joined",
        "class_case_split",
        "class_case_dissolved",
        "suggestion_assigned",
        "suggestion_replied",
    ] {
        assert!(seen.contains(t), "{t} never happens: {seen:?}");
    }
}
