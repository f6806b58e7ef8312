//! Property tests of the follow-up family (W11 inspections, W14 deliberation opinions and
//! resolution follow-up, W19 livelihood projects; `docs/inspections-and-follow-up.md`): random
//! command sequences, issued at non-decreasing times by the right and sometimes the wrong
//! roles, never panic and keep every invariant.
//!
//! Invariants, after every command:
//! - a rejected command changes neither state nor log and [`Ledger::decide`] predicted it; an
//!   accepted one appends exactly the events `decide` predicted;
//! - the state validates, and replaying the log reproduces it;
//! - an inspection that was reported has its report, with an issue list or the no-issues
//!   statement but not both (R-L2); a closed one has every issue rectified or a look-back
//!   (W11, R-L4); a look-back came on or after the transition period's end (R-L4); the
//!   inspection year is not before the law took effect (R-L1);
//! - one recorder per delegation and session (R-M6); an opinion whose handling report was
//!   heard was routed to the government (R-M7), at a director meeting in the fourth quarter;
//! - resolution duties are recorded once per year and duty, for a planned year;
//! - livelihood figures add up: approved = on time + late + open, monitored ≤ approved.

use chrono::{Datelike, Duration as Days, NaiveDate};
use proptest::prelude::*;
use renda::oversight::deliberation::{OpinionRoute, OpinionStatus};
use renda::oversight::inspection::InspectionStatus;
use renda::rules::RuleBook;
use renda::{CommandEnvelope, CongressId, Ledger, Role, Timestamp};
use serde_json::{json, Value};
use std::collections::BTreeMap;

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

/// Months from 2024-01 to 2026-06: one standing-committee and one director meeting each,
/// on the 10th.
fn months() -> Vec<NaiveDate> {
    (0..30)
        .map(|i| date(2024 + i / 12, (i % 12) as u32 + 1, 10))
        .collect()
}

fn setup() -> Ledger {
    let mut l = Ledger::new(RuleBook::default());
    let at = date(2024, 1, 1);
    let mut cmds = vec![
        (
            Role::Admin,
            json!({"type":"register_congress","congress":"C","name":"区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}),
        ),
        (
            Role::DeputyAffairsOffice,
            json!({"type":"schedule_session","session":"S1","congress":"C","opens_on":"2024-01-08","closes_on":"2024-01-12","motions_due":"2024-01-10"}),
        ),
        (
            Role::DirectorMeeting,
            json!({"type":"convene_meeting","meeting":"cg","congress":"C","body":"congress","kind":"regular","held_on":"2024-01-09"}),
        ),
    ];
    for i in 0..6 {
        cmds.push((
            Role::DeputyAffairsOffice,
            json!({"type":"register_deputy","deputy":format!("D{i}"),"congress":"C","name":"代表"}),
        ));
    }
    for u in 0..3 {
        cmds.push((
            Role::Admin,
            json!({"type":"register_unit","unit":format!("U{u}"),"name":"单位"}),
        ));
    }
    for (i, d) in months().iter().enumerate() {
        for body in ["standing_committee", "director_meeting"] {
            cmds.push((Role::DirectorMeeting, json!({"type":"convene_meeting","meeting":format!("{body}-{i}"),"congress":"C","body":body,"kind":"regular","held_on":d.to_string()})));
        }
    }
    for (role, c) in cmds {
        let env = envelope(at, role, "setup", c).unwrap();
        l.execute(env).unwrap();
    }
    l
}

#[derive(Debug, Clone)]
struct Step {
    op: u8,
    a: u8,
    b: u8,
    flag: bool,
    advance: u8,
    wrong_role: u8,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..18,
        any::<u8>(),
        any::<u8>(),
        any::<bool>(),
        0u8..25,
        any::<u8>(),
    )
        .prop_map(|(op, a, b, flag, advance, wrong_role)| Step {
            op,
            a,
            b,
            flag,
            advance,
            wrong_role,
        })
}

fn meeting_near(today: NaiveDate, body: &str, b: u8) -> String {
    let ms = months();
    let i = ms.iter().position(|d| *d >= today).unwrap_or(ms.len() - 1);
    let j = (i + usize::from(b % 3)).min(ms.len() - 1);
    format!("{body}-{j}")
}

const DUTIES: [&str; 4] = [
    "inspection_or_research",
    "sc_report_and_review",
    "report_to_congress",
    "special_supervision",
];

fn build(s: &Step, today: NaiveDate) -> (Role, String, Value) {
    let insp = format!("I{}", s.a % 3);
    let issue = format!("q{}", s.b % 4);
    let year = 2024 + i64::from(s.b % 3);
    let deputy = |k: u8| format!("D{}", k % 6);
    let (role, id, cmd) = match s.op {
        0 => (
            Role::DirectorMeeting,
            "dm",
            json!({"type":"plan_inspection","inspection":insp,"congress":"C","year":year,
            "law":{"title":format!("条例{}", s.a % 2),"kind":"local_regulation","effective_on":format!("{}-03-01", 2024 + i64::from(s.a % 3))},
            "joint":s.flag,"transition_ends": if s.b % 2 == 0 { Value::Null } else { json!((today + Days::days(i64::from(s.b))).to_string()) }}),
        ),
        1 => (
            Role::SpecialCommittee,
            "sp",
            json!({"type":"form_inspection_team","inspection":insp,
            "groups":[{"name":"一组","leader":"组长","deputies":[deputy(s.b), deputy(s.b / 7 + 1)]}]}),
        ),
        2 => (
            Role::SpecialCommittee,
            "sp",
            json!({"type":"record_inspection_issues","inspection":insp,
            "issues":[{"issue":issue,"unit":format!("U{}", s.b % 3),"text":"问题","handed_over":s.flag}]}),
        ),
        3 => (
            Role::StandingCommittee,
            "sc",
            json!({"type":"report_inspection","inspection":insp,
            "meeting":meeting_near(today, "standing_committee", s.b),"presenter":"副主任","no_issues":s.flag}),
        ),
        4 => (
            Role::StandingCommittee,
            "sc",
            json!({"type":"issue_inspection_review_opinion","inspection":insp,"text":"意见"}),
        ),
        5 => (
            Role::HandlingUnit,
            "U0",
            json!({"type":"rectify_inspection_issue","inspection":insp,"issue":issue}),
        ),
        6 => (
            Role::SpecialCommittee,
            "sp",
            json!({"type":"look_back_inspection","inspection":insp}),
        ),
        7 => (
            Role::DirectorMeeting,
            "dm",
            json!({"type":"close_inspection","inspection":insp}),
        ),
        8 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"record_deliberation_opinion","opinion":format!("O{}", s.a % 5),
            "congress":"C","session":"S1","delegation":format!("团{}", s.b % 2),"recorder":format!("记录员{}", s.a % 3 / 2),
            "text":"意见","about": if s.flag { "government_work" } else { "congress_work" }}),
        ),
        9 => (
            Role::DirectorMeeting,
            "dm",
            json!({"type":"route_deliberation_opinion","opinion":format!("O{}", s.a % 5),
            "meeting":meeting_near(today, "director_meeting", s.b),"route": if s.b % 3 == 0 { "sc_work_plan" } else { "government" }}),
        ),
        10 => (
            Role::DirectorMeeting,
            "dm",
            json!({"type":"report_deliberation_handling","congress":"C",
            "meeting":meeting_near(today, "director_meeting", s.b),"opinions":[format!("O{}", s.a % 5)]}),
        ),
        11 => (
            Role::StandingCommittee,
            "sc",
            json!({"type":"plan_resolution_follow_up","resolution":format!("R{}", s.a % 2),
            "congress":"C","title":"决议","years":[2024, 2025]}),
        ),
        12 => (
            Role::StandingCommittee,
            "sc",
            json!({"type":"record_resolution_duty","resolution":format!("R{}", s.a % 2),
            "year":year,"duty":DUTIES[usize::from(s.b % 4)]}),
        ),
        13 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"propose_livelihood_project","project":format!("P{}", s.a % 5),
            "congress":"C","year":year,"title":"实事","origin": if s.flag { "voters" } else { "deputies" }}),
        ),
        14 => (
            Role::StandingCommittee,
            "sc",
            json!({"type":"approve_livelihood_projects","congress":"C",
            "meeting":meeting_near(today, "standing_committee", s.b),"year":year,
            "projects":[{"project":format!("P{}", s.a % 5),"due_on":(today + Days::days(i64::from(s.b) * 2)).to_string()}]}),
        ),
        15 => (
            Role::DeputyAffairsOffice,
            "office",
            json!({"type":"monitor_livelihood_project","project":format!("P{}", s.a % 5),
            "deputies":[deputy(s.b)]}),
        ),
        16 => (
            Role::GovernmentOffice,
            "gov",
            json!({"type":"complete_livelihood_project","project":format!("P{}", s.a % 5),
            "completed_on":(today - Days::days(i64::from(s.b % 40))).to_string()}),
        ),
        _ => (
            Role::StandingCommittee,
            "sc",
            json!({"type":"report_livelihood_completion","congress":"C",
            "meeting":meeting_near(today, "standing_committee", s.b),"year":year}),
        ),
    };
    let (role, id) = if s.op == 5 {
        (role, format!("U{}", s.b % 3))
    } else {
        (role, id.to_string())
    };
    (role, id, cmd)
}

fn check_invariants(l: &Ledger) {
    let st = l.state();
    st.validate().expect("the state validates");
    for i in st.inspections.values() {
        assert!(i.year >= i.law.effective_on.year() as u32, "R-L1");
        if i.status >= InspectionStatus::Reported {
            let r = i
                .report
                .as_ref()
                .expect("a reported inspection has its report");
            assert_ne!(r.no_issues, !i.issues.is_empty(), "R-L2");
        }
        if i.status == InspectionStatus::Closed {
            assert!(i.open_issues().count() == 0 || i.look_back.is_some());
        }
        if let (Some(lb), Some(end)) = (&i.look_back, i.transition_ends) {
            assert!(lb.on >= end, "R-L4");
        }
    }
    let mut recorders: BTreeMap<(String, String), String> = BTreeMap::new();
    for o in st.deliberation_opinions.values() {
        let key = (o.session.to_string(), o.delegation.clone());
        let r = recorders.entry(key).or_insert_with(|| o.recorder.clone());
        assert_eq!(r, &o.recorder, "R-M6");
        if o.status == OpinionStatus::HandlingReported {
            assert_eq!(o.route, Some(OpinionRoute::Government));
            let m = &st.meetings[o.handling_reported_at.as_ref().unwrap()];
            assert!(m.held_on.month() >= 10, "R-M7");
        }
    }
    for r in st.resolution_follow_ups.values() {
        for (k, d) in r.duties.iter().enumerate() {
            assert!(r.years.contains(&d.year));
            assert!(!r.duties[..k]
                .iter()
                .any(|x| x.year == d.year && x.duty == d.duty));
        }
    }
    let c = CongressId::new("C").unwrap();
    for y in 2024..2027 {
        let f = l.livelihood_projects(&c, y).unwrap();
        assert_eq!(f.approved, f.completed_on_time + f.completed_late + f.open);
        assert!(f.monitored <= f.approved && f.approved <= f.proposed);
    }
}

fn check_replay(l: &Ledger) {
    let replayed = Ledger::replay_from_json(RuleBook::default(), &l.events_to_json()).unwrap();
    assert_eq!(replayed.state(), l.state());
}

fn walk(start: u16, steps: &[Step]) -> usize {
    let mut l = setup();
    let mut today = date(2024, 1, 2) + Days::days(i64::from(start));
    let mut accepted = 0;
    for (i, s) in steps.iter().enumerate() {
        today += Days::days(i64::from(s.advance));
        let (mut role, mut id, cmd) = build(s, today);
        if s.wrong_role % 9 == 0 {
            role = Role::ALL[s.wrong_role as usize % Role::ALL.len()];
            id = "someone".into();
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
            }
        }
        check_invariants(&l);
        if i % 16 == 15 {
            check_replay(&l);
        }
    }
    check_replay(&l);
    accepted
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_follow_up_commands_keep_every_invariant(
        start in 0u16..300,
        steps in prop::collection::vec(step(), 1..100),
    ) {
        walk(start, &steps);
    }
}

/// The generator reaches every event of the family in deterministic long walks.
#[test]
fn the_generator_reaches_every_event() {
    use proptest::strategy::ValueTree;
    let mut rng = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for w in 0..40u16 {
        let steps = prop::collection::vec(step(), 150)
            .new_tree(&mut rng)
            .unwrap()
            .current();
        let mut l = setup();
        let mut today = date(2024, 1, 2) + Days::days(i64::from(w * 7));
        for s in &steps {
            today += Days::days(i64::from(s.advance));
            let (role, id, cmd) = build(s, today);
            let Some(env) = envelope(today, role, &id, cmd) else {
                continue;
            };
            if let Ok(events) = l.execute(env) {
                seen.extend(events.iter().map(|e| e.event.type_name()));
            }
        }
    }
    let missing: Vec<&str> = [
        "inspection_planned",
        "inspection_team_formed",
        "inspection_issues_recorded",
        "inspection_reported",
        "inspection_review_opinion_issued",
        "inspection_issue_rectified",
        "inspection_looked_back",
        "inspection_closed",
        "deliberation_opinion_recorded",
        "deliberation_opinion_routed",
        "deliberation_handling_reported",
        "resolution_follow_up_planned",
        "resolution_duty_recorded",
        "livelihood_project_proposed",
        "livelihood_projects_approved",
        "livelihood_project_monitored",
        "livelihood_project_completed",
        "livelihood_completion_reported",
    ]
    .into_iter()
    .filter(|t| !seen.contains(t))
    .collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
}
