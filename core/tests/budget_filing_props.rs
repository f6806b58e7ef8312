//! Property tests of the filing review (W12) and budget (W13) state machines
//! (`docs/budget-and-filing.md`): random sequences of their commands, issued at non-decreasing
//! times by the right and sometimes the wrong roles, never panic and keep every invariant.
//!
//! The rule book has the national rules until 2024-12-31 and the beijing-district preset from
//! 2025 (2-day pre-review meeting hearing the plan too, a 7-department key review, the R-B1
//! coverage path), so commands cross a change of rules.
//!
//! Invariants, after every command:
//! - a rejected command changes neither state nor log, and [`Ledger::decide`] predicted it; an
//!   accepted one appends exactly the events it returns;
//! - the state validates, and replaying the log and restoring a snapshot reproduce it;
//! - a document is marked late exactly when filed more than 30 days after publication (L-22);
//!   an open issue or a closed one always has its issue text; a revoked document has an adopted
//!   ballot with a majority of all members, and a not-adopted ballot never changed the status
//!   (R-F1, L-4); an answered opinion was answered after it was sent;
//! - every pre-review is of a department paired with its committee for the year (R-B1), at
//!   most one per department and year, with the four questions answered (R-B11); a department
//!   is paired with one committee per year;
//! - a struck-off audit finding was tracked first and has evidence (R-B8); every formal
//!   letter follows a reminder to the same unit in the same year (R-B9);
//! - coverage figures add up (per committee and overall) and the filing report's counts add up.

use chrono::{Datelike, Duration as Days, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use renda::oversight::budget::{AuditFindingStatus, ReminderKind};
use renda::oversight::filing::FilingStatus;
use renda::rules::RuleBook;
use renda::{CommandEnvelope, CongressId, Ledger, Role, Timestamp};
use serde_json::{json, Value};

const C: &str = "hd";
const DOCS: usize = 4;
const UNITS: usize = 6;
const FINDINGS: usize = 8;
const COMMITTEES: [&str; 2] = ["财经委", "教科文卫委"];
const ISSUERS: [&str; 4] = [
    "government",
    "court",
    "procuratorate",
    "supervisory_commission",
];
const MODES: [&str; 5] = [
    "own_initiative",
    "on_request",
    "thematic",
    "transferred",
    "joint",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn book() -> RuleBook {
    RuleBook::from_spec(&json!([{"preset": "national"}, {"preset": "beijing-district"}])).unwrap()
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
    let mut run = |role: Role, cmd: Value| {
        l.execute(envelope(at, role, "x", cmd).unwrap()).unwrap();
    };
    run(
        Role::Admin,
        json!({"type": "register_congress", "congress": C, "name": "人大", "level": "county",
               "term": 1, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    for u in 0..UNITS {
        run(
            Role::Admin,
            json!({"type": "register_unit", "unit": format!("u{u}"), "name": format!("单位{u}")}),
        );
    }
    // Standing-committee meetings every two months and one director meeting.
    for (i, m) in (1..=12).step_by(2).enumerate() {
        for y in [2024, 2025, 2026] {
            if y == 2026 && m > 9 {
                continue;
            }
            run(
                Role::DirectorMeeting,
                json!({"type": "convene_meeting", "meeting": format!("sc-{y}-{i}"), "congress": C,
                       "body": "standing_committee", "kind": "regular",
                       "held_on": date(y, m, 15).to_string()}),
            );
        }
    }
    for (i, opens) in ["2025-01-06", "2025-03-01", "2026-01-05"]
        .iter()
        .enumerate()
    {
        run(
            Role::DeputyAffairsOffice,
            json!({"type": "schedule_session", "session": format!("s{i}"), "congress": C,
                   "opens_on": opens, "closes_on": opens}),
        );
    }
    run(
        Role::DirectorMeeting,
        json!({"type": "convene_meeting", "meeting": "dm", "congress": C,
               "body": "director_meeting", "kind": "regular", "held_on": "2024-01-10"}),
    );
    l
}

#[derive(Debug, Clone)]
struct Step {
    advance: u8,
    kind: u8,
    a: u8,
    b: u8,
    c: u16,
    wrong_role: u8,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..12,
        0u8..18,
        any::<u8>(),
        any::<u8>(),
        any::<u16>(),
        any::<u8>(),
    )
        .prop_map(|(advance, kind, a, b, c, wrong_role)| Step {
            advance,
            kind,
            a,
            b,
            c,
            wrong_role,
        })
}

fn vote(yes: u32) -> Value {
    json!({"members": 45, "present": 40, "yes": yes.min(40), "no": 0, "abstain": 0})
}

fn build(l: &Ledger, s: &Step, today: NaiveDate) -> (Role, Value) {
    let doc = format!("N{}", s.a as usize % DOCS);
    let unit = format!("u{}", s.b as usize % UNITS);
    let year = today.year() + i32::from(s.b % 2);
    let committee = COMMITTEES[s.a as usize % 2];
    let finding = format!("F{}", s.a as usize % FINDINGS);
    // A meeting already held (or, sometimes, not yet).
    let meeting = {
        let held: Vec<_> = l
            .meetings()
            .filter(|m| m.held_on <= today || s.c % 11 == 0)
            .map(|m| m.id.to_string())
            .collect();
        held.get(s.c as usize % held.len().max(1))
            .cloned()
            .unwrap_or_else(|| "none".into())
    };
    let text = if s.c % 13 == 0 { "" } else { "文本" };
    match s.kind {
        0 => (
            Role::GovernmentOffice,
            json!({"type": "file_normative_document", "document": doc, "congress": C,
                   "issuer": unit, "issuer_kind": ISSUERS[s.b as usize % 4],
                   "title": "办法", "published_on": (today - Days::days(i64::from(s.c % 45))).to_string()}),
        ),
        1 => (
            Role::SpecialCommittee,
            json!({"type": "review_normative_document", "document": doc,
                   "mode": MODES[s.b as usize % 5]}),
        ),
        2 => {
            let mut c = json!({"type": "record_review_finding", "document": doc});
            if s.b % 2 == 0 {
                c["issue"] = text.into();
            }
            (Role::SpecialCommittee, c)
        }
        3 => (
            Role::SpecialCommittee,
            json!({"type": "send_filing_review_opinion", "document": doc, "opinion": text}),
        ),
        4 => (
            Role::GovernmentOffice,
            json!({"type": "answer_filing_review_opinion", "document": doc, "answer": text}),
        ),
        5 => (
            Role::GovernmentOffice,
            json!({"type": "correct_normative_document", "document": doc}),
        ),
        6 => (
            Role::StandingCommittee,
            json!({"type": "revoke_normative_document", "document": doc, "meeting": meeting,
                   "vote": vote(u32::from(s.b % 40))}),
        ),
        7 => {
            let n = 1 + s.c as usize % 3;
            let deps: Vec<String> = (0..n)
                .map(|k| format!("u{}", (s.b as usize + k) % UNITS))
                .collect();
            (
                Role::DirectorMeeting,
                json!({"type": "pair_committee_departments", "congress": C, "committee": committee,
                       "from_year": year, "departments": deps}),
            )
        }
        8 => (
            Role::SpecialCommittee,
            json!({"type": "pre_review_department_budget", "congress": C, "year": year,
                   "committee": committee, "department": unit, "opinions": s.c % 20,
                   "projects_adjusted": s.c % 7, "amount_cut": u64::from(s.c) * 1000,
                   "amount_increased": u64::from(s.b) * 1000,
                   "four_questions": {"should_spend": "是", "by_government": "是", "how_much": text, "now": "是"}}),
        ),
        9 => {
            let mut heard = vec![
                "general_public",
                "government_funds",
                "state_capital",
                "social_insurance",
            ];
            if s.b % 3 != 0 {
                heard.push("development_plan");
            }
            if s.b % 7 == 0 {
                heard.remove(1);
            }
            (
                Role::SpecialCommittee,
                json!({"type": "hold_budget_pre_review_meeting", "congress": C, "year": year,
                       "held_on": today.to_string(), "days": 1 + s.c % 3, "heard": heard}),
            )
        }
        10 => {
            let n = 1 + s.c as usize % UNITS;
            let deps: Vec<String> = (0..n).map(|k| format!("u{k}")).collect();
            (
                Role::SpecialCommittee,
                json!({"type": "key_budget_review", "congress": C, "year": year, "departments": deps,
                       "amount_reviewed": 1_000_000, "projects_adjusted": s.b,
                       "amount_adjusted": u64::from(s.c) * 100}),
            )
        }
        11 => (
            Role::StandingCommittee,
            json!({"type": "approve_budget_adjustment", "congress": C, "year": year,
                   "meeting": meeting, "title": "预算调整", "vote": vote(u32::from(s.b % 40))}),
        ),
        12 => {
            let n = 1 + s.c as usize % 3;
            let fs: Vec<Value> = (0..n)
                .map(|k| {
                    json!({"finding": format!("F{}", (s.a as usize + k) % FINDINGS),
                           "unit": format!("u{}", (s.b as usize + k) % UNITS), "summary": "问题"})
                })
                .collect();
            (
                Role::GovernmentOffice,
                json!({"type": "record_audit_findings", "congress": C, "year": today.year() - 1, "findings": fs}),
            )
        }
        13 => (
            Role::SpecialCommittee,
            json!({"type": "track_audit_finding", "finding": finding}),
        ),
        14 => (
            Role::SpecialCommittee,
            json!({"type": "strike_off_audit_finding", "finding": finding, "evidence": text}),
        ),
        16 => (
            Role::GovernmentOffice,
            json!({"type": "submit_preliminary_budget", "congress": C, "year": year,
                   "session": format!("s{}", s.b % 3),
                   "submitted_on": (today - Days::days(i64::from(s.c % 5))).to_string()}),
        ),
        17 => {
            let approved = today - Days::days(i64::from(s.c % 50));
            let finance = approved + Days::days(i64::from(s.b % 25));
            let departments = (finance + Days::days(i64::from(s.a % 20))).min(today);
            (
                Role::GovernmentOffice,
                json!({"type": "record_budget_issuance", "congress": C, "year": year,
                       "approved_on": approved.to_string(), "finance_issued_on": finance.to_string(),
                       "departments_issued_on": departments.to_string()}),
            )
        }
        _ => (
            Role::SpecialCommittee,
            json!({"type": "send_budget_reminder", "congress": C, "year": today.year(),
                   "unit": unit, "kind": if s.c % 2 == 0 { "reminder" } else { "letter" }, "reason": "进度慢"}),
        ),
    }
}

fn check_replay(l: &Ledger) {
    let replayed = Ledger::replay_from_json(book(), &l.events_to_json()).unwrap();
    assert_eq!(replayed.state(), l.state());
    let restored = Ledger::restore_from_json(book(), &l.snapshot_to_json()).unwrap();
    assert_eq!(restored.state(), l.state());
}

fn check_invariants(l: &Ledger) {
    let st = l.state();
    st.validate().expect("the state validates");
    let congress: CongressId = C.parse().unwrap();
    for d in st.normative_documents.values() {
        assert_eq!(
            d.late,
            (d.filed_on - d.published_on).num_days() > 30,
            "L-22"
        );
        if d.status.issue_open()
            || matches!(d.status, FilingStatus::Corrected | FilingStatus::Revoked)
        {
            assert!(d.issue.is_some(), "R-F1: an issue behind every correction");
        }
        for r in &d.revocations {
            assert_eq!(r.adopted, r.vote.yes * 2 > r.vote.members, "L-4");
        }
        if d.status == FilingStatus::Revoked {
            assert!(d.opinion.is_some(), "L-22: revoked only after the opinion");
        }
        if let Some(o) = &d.opinion {
            assert!(o.answered_on.is_none_or(|a| a >= o.sent_on));
        }
    }
    if let Some(b) = st.budgets.get(&congress) {
        let mut seen = std::collections::BTreeSet::new();
        for r in &b.pre_reviews {
            assert!(seen.insert((r.year, r.department.clone())), "one per year");
            assert!(!r.four_questions.how_much.trim().is_empty(), "R-B11");
        }
        for y in 2024..=2027 {
            let mut owner = std::collections::BTreeMap::new();
            for p in b.pairings_for(y) {
                for d in &p.departments {
                    assert!(
                        owner.insert(d.clone(), &p.committee).is_none(),
                        "one committee per department"
                    );
                }
            }
            let c = l.budget_pre_review_coverage(&congress, y).unwrap();
            assert_eq!(c.paired, c.committees.iter().map(|r| r.paired).sum::<u32>());
            assert_eq!(
                c.pre_reviewed,
                c.committees.iter().map(|r| r.pre_reviewed).sum::<u32>()
            );
            for r in &c.committees {
                assert_eq!(
                    r.paired as usize,
                    r.pre_reviewed as usize + r.not_reviewed.len()
                );
            }
        }
        for (i, r) in b.reminders.iter().enumerate() {
            if r.kind == ReminderKind::Letter {
                assert!(
                    b.reminders[..i]
                        .iter()
                        .any(|p| p.kind == ReminderKind::Reminder
                            && p.unit == r.unit
                            && p.year == r.year),
                    "R-B9"
                );
            }
        }
    }
    for f in st.audit_findings.values() {
        if f.status == AuditFindingStatus::StruckOff {
            assert!(f.tracked_on.is_some() && f.evidence.is_some(), "R-B8");
        }
    }
    for y in 2023..=2026 {
        let r = l.filing_review(&congress, y).unwrap();
        assert_eq!(r.filed, r.reviewed + r.unreviewed.len() as u32);
        assert_eq!(r.reviewed, r.reviewed_by_mode.values().sum::<u32>());
        assert_eq!(
            r.issues,
            r.corrected_voluntarily
                + r.corrected_after_opinion
                + r.revoked
                + r.open_issues.len() as u32
        );
        let d = l.audit_double_list(&congress, y).unwrap();
        assert_eq!(d.findings, d.untracked + d.tracked);
        assert_eq!(d.tracked, d.open + d.struck_off);
    }
}

/// Runs the steps from `start` days after 2024-01-01.
fn walk(start: u16, steps: &[Step]) -> std::collections::BTreeSet<&'static str> {
    let mut l = setup();
    let mut today = date(2024, 1, 1) + Days::days(i64::from(start));
    let mut seen = std::collections::BTreeSet::new();
    for (i, s) in steps.iter().enumerate() {
        today += Days::days(i64::from(s.advance));
        let (mut role, cmd) = build(&l, s, today);
        if s.wrong_role % 9 == 0 {
            role = Role::ALL[s.wrong_role as usize % Role::ALL.len()];
        }
        let Some(env) = envelope(today, role, "x", cmd) else {
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
                for k in &kinds {
                    seen.insert(k.type_name());
                    // R-B1: the department was paired with the committee when pre-reviewed
                    // (a later re-pairing may move it).
                    if let renda::EventKind::DepartmentBudgetPreReviewed { congress, review } = k {
                        assert!(
                            before.budgets[congress]
                                .pairing(&review.committee, review.year)
                                .is_some_and(|p| p.departments.contains(&review.department)),
                            "R-B1: pre-review of a paired department"
                        );
                    }
                }
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
    fn random_budget_and_filing_commands_keep_every_invariant(
        start in 0u16..600,
        steps in prop::collection::vec(step(), 1..100),
    ) {
        walk(start, &steps);
    }
}

/// The generator reaches the interesting states: fixed long walks accept commands of every
/// kind of the family.
#[test]
fn the_generator_reaches_every_event() {
    let mut rng = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for w in 0..16 {
        let steps = prop::collection::vec(step(), 300)
            .new_tree(&mut rng)
            .unwrap()
            .current();
        seen.extend(walk(w * 30, &steps));
    }
    let ours = renda::EventKind::TYPES
        .iter()
        .skip_while(|t| **t != "normative_document_filed")
        .take_while(|t| **t != "budget_issuance_recorded");
    for t in ours.chain(["budget_issuance_recorded"].iter()) {
        assert!(seen.contains(t), "never reached: {t}");
    }
}
