//! Property tests of the key-suggestion lifecycle (W2), the supervision overlays (W1 step 7)
//! and the evaluation status machine (W3): random command sequences, issued at
//! non-decreasing times by plausible and sometimes wrong roles, never panic and keep every
//! invariant.
//!
//! Fixed start: county congress `C` with deputies D0–D5, township congress `T` with X0, units
//! U0 and U1; suggestions S0 (D0 with D1), S1 (D2), S2 (D3 with D4), S3 (D5), S4 (D0), all
//! submitted, S0–S3 accepted, S0–S2 assigned. The rule book's key rules are drawn per walk.
//!
//! Invariants, after every command:
//! - a refused command changes neither state nor log; an accepted one appends exactly the
//!   events [`Ledger::decide`] predicted; the state validates;
//! - designation follows a recommendation when the rule set asks for one (R-S7), by a body the
//!   rule set allows;
//! - quality ratings: only on key suggestions, after a reply, once per proposer, never after
//!   the announcement (R-S8); outcomes only after a reply, never the same twice in a row;
//! - meetings per suggestion follow the three-meeting order (assignment first and once, the
//!   meeting before handling once, progress and supervision between, the results meeting once
//!   and last, after a reply); on-the-spot ratings only at supervision meetings;
//! - at most one running overlay per mode and suggestion; `key` overlays only on key
//!   suggestions; monitors are unique and never proposers;
//! - an evaluation's history is a prefix of planned → … → applied, its evaluator is set from
//!   `commissioned` on, and from `reported` on its findings cover the sample exactly;
//! - a handling unit's and the government office's views (state and log) hold no quality
//!   rating before its announcement; an evaluator's view holds only its sample.
//!
//! At the end of a walk the log replays (directly and through JSON) to the same state and a
//! snapshot restores it.

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use renda::handling_evaluation::EvaluationStatus;
use renda::key_suggestion::KeyMeetingKind;
use renda::supervision::SupervisionMode;
use renda::{Actor, CommandEnvelope, Event, EventKind, Ledger, Role, SuggestionId};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const DEPUTIES: [&str; 7] = ["D0", "D1", "D2", "D3", "D4", "D5", "X0"];
const SUGGESTIONS: [&str; 6] = ["S0", "S1", "S2", "S3", "S4", "S9"];
const EVALUATIONS: [&str; 2] = ["E0", "E1"];
const EVALUATORS: [&str; 2] = ["ev0", "ev1"];
const KINDS: usize = 16;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 2).unwrap()
}

fn env(day: NaiveDate, role: Role, id: &str, command: Value) -> CommandEnvelope {
    CommandEnvelope::from_value(json!({
        "at": format!("{day}T10:00:00+08:00"),
        "actor": {"role": role, "id": id},
        "command": command,
    }))
    .unwrap_or_else(|e| panic!("{command}: {e}"))
}

fn book(require_recommendation: bool, designators: u8) -> renda::rules::RuleBook {
    let designated_by: Vec<&str> = [(1, "director_meeting"), (2, "standing_committee")]
        .into_iter()
        .filter(|(bit, _)| designators & bit != 0)
        .map(|(_, d)| d)
        .collect();
    let spec = json!({"preset": "national", "overrides": {"key": {
        "designated_by": designated_by, "require_recommendation": require_recommendation}}});
    renda::api::rule_book(Some(&spec.to_string())).unwrap()
}

fn setup(rules: renda::rules::RuleBook) -> Ledger {
    let mut l = Ledger::new(rules);
    let d = start();
    let mut run = |role: Role, id: &str, c: Value| {
        l.execute(env(d, role, id, c.clone()))
            .unwrap_or_else(|e| panic!("{c}: {e}"));
    };
    for (c, level) in [("C", "county"), ("T", "township")] {
        run(
            Role::Admin,
            "a",
            json!({"type": "register_congress", "congress": c, "name": "人大", "level": level,
                   "term": 1, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
        );
    }
    for dep in DEPUTIES {
        let c = if dep == "X0" { "T" } else { "C" };
        run(
            Role::Admin,
            "a",
            json!({"type": "register_deputy", "deputy": dep, "congress": c, "name": "代表"}),
        );
    }
    for u in ["U0", "U1"] {
        run(
            Role::Admin,
            "a",
            json!({"type": "register_unit", "unit": u, "name": "单位"}),
        );
    }
    for (s, lead, co) in [
        ("S0", "D0", json!(["D1"])),
        ("S1", "D2", json!([])),
        ("S2", "D3", json!(["D4"])),
        ("S3", "D5", json!([])),
        ("S4", "D0", json!([])),
    ] {
        run(
            Role::Deputy,
            lead,
            json!({"type": "submit_suggestion", "suggestion": s, "congress": "C", "title": "建议",
                   "lead": lead, "cosigners": co, "during": "session"}),
        );
    }
    for s in ["S0", "S1", "S2", "S3"] {
        run(
            Role::DeputyAffairsOffice,
            "o",
            json!({"type": "accept_suggestion", "suggestion": s}),
        );
    }
    for (s, u) in [("S0", "U0"), ("S1", "U1"), ("S2", "U0")] {
        run(
            Role::DeputyAffairsOffice,
            "o",
            json!({"type": "assign_suggestion", "suggestion": s, "lead_unit": u}),
        );
    }
    l
}

#[derive(Debug, Clone)]
struct Step {
    days: i64,
    wrong_role: Option<usize>,
    kind: usize,
    a: usize,
    b: usize,
    c: u8,
    flag: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (
        prop_oneof![6 => 0i64..5, 2 => 5i64..40, 1 => 60i64..120],
        prop_oneof![8 => Just(None), 1 => (0usize..Role::ALL.len()).prop_map(Some)],
        0usize..KINDS,
        0usize..8,
        0usize..8,
        any::<u8>(),
        any::<bool>(),
    )
        .prop_map(|(days, wrong_role, kind, a, b, c, flag)| Step {
            days,
            wrong_role,
            kind,
            a,
            b,
            c,
            flag,
        })
}

fn pick<T: Copy>(list: &[T], i: usize) -> T {
    list[i % list.len()]
}

/// The command of a step, with a plausible role (or a random one).
fn build(st: &Step, day: NaiveDate, l: &Ledger) -> CommandEnvelope {
    let s = pick(&SUGGESTIONS, st.a);
    let s2 = pick(&SUGGESTIONS, st.b);
    let dep = pick(&DEPUTIES, st.b);
    let ev = pick(&EVALUATIONS, st.a);
    // Usually the evaluation that is in the status the command needs.
    let needs = match st.kind {
        12 => Some(EvaluationStatus::Planned),
        13 => Some(EvaluationStatus::Commissioned),
        14 => Some(EvaluationStatus::Reported),
        15 => Some(EvaluationStatus::Distributed),
        _ => None,
    };
    let ev: String = needs
        .filter(|_| st.a % 4 != 0)
        .and_then(|status| {
            l.state()
                .handling_evaluations
                .values()
                .find(|e| e.status == status)
                .map(|e| e.id.to_string())
        })
        .unwrap_or_else(|| ev.to_string());
    let ev = ev.as_str();
    let rating = pick(
        &["satisfied", "basically_satisfied", "dissatisfied"],
        st.c as usize,
    );
    let st_ = l.state();
    let sug = st_.suggestions.get(&s.parse::<SuggestionId>().unwrap());
    let (role, id, command): (Role, String, Value) = match st.kind {
        0 => (
            pick(
                &[
                    Role::StreetWorkingCommittee,
                    Role::SpecialCommittee,
                    Role::DeputyAffairsOffice,
                ],
                st.b,
            ),
            pick(&["r0", "r1"], st.c as usize).into(),
            json!({"type": "recommend_key_suggestion", "suggestion": s, "reason": "推荐"}),
        ),
        1 => (
            pick(&[Role::DirectorMeeting, Role::StandingCommittee], st.b),
            "body".into(),
            json!({"type": "designate_key_suggestion", "suggestion": s, "leader": "主任"}),
        ),
        2 if st.c & 3 != 0 => steered_meeting(st, l),
        2 => {
            let kind = pick(&KeyMeetingKind::ALL, st.c as usize);
            let suggestions: Vec<&str> = if st.flag && s != s2 {
                vec![s, s2]
            } else {
                vec![s]
            };
            let organs: Vec<&str> = [
                "government",
                "court",
                "procuratorate",
                "handling_unit",
                "standing_committee",
            ]
            .into_iter()
            .enumerate()
            .filter(|(i, _)| (st.c >> 3).wrapping_add(st.b as u8) & (1 << i) != 0 || st.flag)
            .map(|(_, o)| o)
            .collect();
            // Attending: the lead deputies of the suggestions, usually, and one more.
            let mut deputies: Vec<String> = Vec::new();
            for x in &suggestions {
                if let Some(sg) = st_.suggestions.get(&x.parse::<SuggestionId>().unwrap()) {
                    if st.c & 1 == 0 && !deputies.contains(&sg.lead.to_string()) {
                        deputies.push(sg.lead.to_string());
                    }
                }
            }
            if !deputies.iter().any(|d| d == dep) && dep != "X0" {
                deputies.push(dep.to_string());
            }
            let spot: Vec<Value> = if st.c & 2 != 0 {
                deputies
                    .iter()
                    .map(|d| json!({"deputy": d, "rating": rating}))
                    .collect()
            } else {
                Vec::new()
            };
            (
                pick(
                    &[
                        Role::DeputyAffairsOffice,
                        Role::StandingCommittee,
                        Role::DirectorMeeting,
                    ],
                    st.a,
                ),
                "m".into(),
                json!({"type": "hold_key_meeting", "meeting": kind, "suggestions": suggestions,
                       "organs": organs, "deputies": deputies, "on_the_spot": spot}),
            )
        }
        3 if st.c & 6 != 0 => {
            // A proposer of a replied key suggestion who has not rated yet, if any.
            let target = st_
                .key_suggestions
                .values()
                .filter(|k| k.is_key())
                .find_map(|k| {
                    let sg = &st_.suggestions[&k.suggestion];
                    let mut p = vec![sg.lead.clone()];
                    p.extend(sg.cosigners.iter().cloned());
                    p.into_iter()
                        .find(|d| !k.quality.iter().any(|q| &q.deputy == d))
                        .filter(|_| !sg.replies.is_empty() && k.published_on.is_none())
                        .map(|d| (k.suggestion.clone(), d))
                });
            let (s, rater) = target.map_or((s.to_string(), dep.to_string()), |(a, b)| {
                (a.to_string(), b.to_string())
            });
            (
                Role::Deputy,
                rater.clone(),
                json!({"type": "rate_key_quality", "suggestion": s, "deputy": rater, "rating": rating}),
            )
        }
        3 => {
            // A proposer, usually.
            let rater = match sug {
                Some(sg) if st.flag => {
                    let mut p = vec![sg.lead.to_string()];
                    p.extend(sg.cosigners.iter().map(|c| c.to_string()));
                    p[st.b % p.len()].clone()
                }
                _ => dep.to_string(),
            };
            let (role, id) = if st.c & 1 == 0 {
                (Role::Deputy, rater.clone())
            } else {
                (Role::DeputyAffairsOffice, "o".to_string())
            };
            (
                role,
                id,
                json!({"type": "rate_key_quality", "suggestion": s, "deputy": rater, "rating": rating}),
            )
        }
        4 => {
            let rated = st_
                .key_suggestions
                .values()
                .find(|k| !k.quality.is_empty() && k.published_on.is_none())
                .map(|k| k.suggestion.to_string());
            let s = match rated {
                Some(r) if st.flag => r,
                _ => s.to_string(),
            };
            (
                pick(&[Role::StandingCommittee, Role::DeputyAffairsOffice], st.b),
                "p".into(),
                json!({"type": "publish_key_assessment", "suggestion": s}),
            )
        }
        5 => (
            Role::DirectorMeeting,
            "dm".into(),
            json!({"type": "record_key_outcome", "suggestion": s,
                   "outcome": pick(&["solved", "major_progress", "progressing", "not_solved"], st.c as usize)}),
        ),
        6 => {
            let unit = sug
                .and_then(|sg| sg.assignment.as_ref())
                .map_or("U0".to_string(), |a| a.lead_unit.to_string());
            (
                Role::HandlingUnit,
                unit,
                json!({"type": "reply_suggestion", "suggestion": s,
                       "result": if st.flag { "A" } else { "B" }, "summary": "答复"}),
            )
        }
        7 => {
            let who = match sug {
                Some(sg) if st.flag || sg.cosigners.is_empty() => sg.lead.to_string(),
                Some(sg) => sg.cosigners[0].to_string(),
                None => dep.to_string(),
            };
            (
                Role::Deputy,
                who,
                json!({"type": "give_feedback", "suggestion": s, "rating": rating}),
            )
        }
        8 | 9 => {
            let mode = pick(&SupervisionMode::ALL, st.c as usize);
            let leaders: Vec<Role> = Role::ALL.into_iter().filter(|r| mode.led_by(*r)).collect();
            let role = if st.flag {
                pick(&leaders, st.b)
            } else {
                pick(
                    &[
                        Role::DeputyAffairsOffice,
                        Role::DirectorMeeting,
                        Role::SpecialCommittee,
                        Role::StreetWorkingCommittee,
                        Role::StandingCommittee,
                    ],
                    st.b,
                )
            };
            let command = if st.kind == 8 {
                json!({"type": "start_supervision", "suggestion": s, "mode": mode, "lead": "牵头"})
            } else {
                json!({"type": "end_supervision", "suggestion": s, "mode": mode})
            };
            (role, "sup".into(), command)
        }
        10 => (
            pick(
                &[Role::DeputyAffairsOffice, Role::DirectorMeeting],
                st.c as usize,
            ),
            "o".into(),
            json!({"type": "appoint_supervision_monitor", "suggestion": s, "deputy": dep}),
        ),
        11 => {
            let cats = ["key", "tracked", "common_concern", "dissatisfied"];
            let mut sample = vec![json!({"suggestion": s, "category": pick(&cats, st.c as usize)})];
            if st.flag && s2 != s {
                sample.push(json!({"suggestion": s2, "category": pick(&cats, st.c as usize / 4)}));
            }
            (
                pick(&[Role::DirectorMeeting, Role::DeputyAffairsOffice], st.b),
                "o".into(),
                json!({"type": "plan_handling_evaluation", "evaluation": ev, "congress": "C",
                       "year": 2024, "sample": sample}),
            )
        }
        12 => (
            pick(&[Role::DirectorMeeting, Role::DeputyAffairsOffice], st.b),
            "o".into(),
            json!({"type": "commission_evaluator", "evaluation": ev,
                   "evaluator": pick(&EVALUATORS, st.c as usize)}),
        ),
        13 => {
            let e = st_.handling_evaluations.get(&ev.parse().unwrap());
            let mut findings: Vec<Value> = e
                .map(|e| {
                    e.sample
                        .iter()
                        .map(|i| json!({"suggestion": i.suggestion, "grade": pick(&["excellent", "good", "fair", "poor"], st.b), "summary": "评估"}))
                        .collect()
                })
                .unwrap_or_default();
            if !st.flag && st.c & 8 != 0 {
                if st.c & 1 == 0 {
                    findings.pop();
                } else {
                    findings.push(json!({"suggestion": s, "grade": "good", "summary": "评估"}));
                }
            }
            let who = match e.and_then(|e| e.evaluator.clone()) {
                Some(a) if st.c & 0x30 != 0 => a.to_string(),
                _ => pick(&EVALUATORS, st.b).to_string(),
            };
            (
                Role::ThirdPartyEvaluator,
                who,
                json!({"type": "submit_evaluation_report", "evaluation": ev, "findings": findings,
                       "summary": "报告"}),
            )
        }
        14 => (
            pick(&[Role::StandingCommittee, Role::DeputyAffairsOffice], st.b),
            "o".into(),
            json!({"type": "distribute_evaluation_report", "evaluation": ev}),
        ),
        _ => {
            let uses = [
                "unit_appraisal",
                "feedback_to_units",
                "publication",
                "rectification",
            ];
            let chosen: Vec<&str> = uses
                .iter()
                .enumerate()
                .filter(|(i, _)| st.c & (1 << i) != 0)
                .map(|(_, u)| *u)
                .collect();
            (
                Role::DirectorMeeting,
                "dm".into(),
                json!({"type": "decide_evaluation_use", "evaluation": ev, "uses": chosen}),
            )
        }
    };
    let role = st.wrong_role.map_or(role, |i| Role::ALL[i]);
    env(day, role, &id, command)
}

/// A meeting that fits the three-meeting model for a key suggestion (when there is one).
fn steered_meeting(st: &Step, l: &Ledger) -> (Role, String, Value) {
    let state = l.state();
    let keys: Vec<&SuggestionId> = state
        .key_suggestions
        .values()
        .filter(|k| k.is_key())
        .map(|k| &k.suggestion)
        .collect();
    let Some(id) = keys.get(st.a % keys.len().max(1)).copied() else {
        return (
            Role::DeputyAffairsOffice,
            "m".into(),
            json!({"type": "hold_key_meeting", "meeting": "assignment", "suggestions": ["S0"]}),
        );
    };
    let held: Vec<u8> = state
        .key_meetings
        .iter()
        .filter(|m| m.suggestions.contains(id))
        .map(|m| m.kind.stage())
        .collect();
    let s = &state.suggestions[id];
    let kind = if held.is_empty() {
        KeyMeetingKind::Assignment
    } else if !held.contains(&1) {
        KeyMeetingKind::BeforeHandling
    } else if st.flag && !s.replies.is_empty() {
        KeyMeetingKind::AfterHandling
    } else if st.b % 2 == 0 {
        KeyMeetingKind::Supervision
    } else {
        KeyMeetingKind::Progress
    };
    let mut deputies = vec![s.lead.to_string()];
    deputies.extend(s.cosigners.iter().map(|c| c.to_string()));
    let spot: Vec<Value> = if kind == KeyMeetingKind::Supervision {
        deputies
            .iter()
            .map(|d| json!({"deputy": d, "rating": "satisfied"}))
            .collect()
    } else {
        Vec::new()
    };
    (
        pick(&[Role::DeputyAffairsOffice, Role::StandingCommittee], st.b),
        "m".into(),
        json!({"type": "hold_key_meeting", "meeting": kind, "suggestions": [id],
               "organs": ["government", "court", "procuratorate", "handling_unit"],
               "deputies": deputies, "on_the_spot": spot}),
    )
}

fn stages_ok(kinds: &[KeyMeetingKind]) -> bool {
    let stages: Vec<u8> = kinds.iter().map(|k| k.stage()).collect();
    let count = |s: u8| stages.iter().filter(|x| **x == s).count();
    stages.first().is_none_or(|s| *s == 0)
        && count(0) <= 1
        && count(1) <= 1
        && count(3) <= 1
        && stages.windows(2).all(|w| w[0] <= w[1])
        && (count(2) + count(3) == 0 || count(1) == 1)
}

fn check_invariants(l: &Ledger, require_recommendation: bool) -> Result<(), TestCaseError> {
    let st = l.state();
    prop_assert!(st.validate().is_ok());
    let first_reply = |id: &SuggestionId| st.suggestions[id].replies.first().map(|r| r.on);
    for (id, k) in &st.key_suggestions {
        let s = &st.suggestions[id];
        if let Some(d) = &k.designation {
            if require_recommendation {
                prop_assert!(k.recommendations.iter().any(|r| r.on <= d.on));
            }
        }
        let mut seen = BTreeSet::new();
        for q in &k.quality {
            prop_assert!(k.is_key());
            prop_assert!(s.is_proposer(&q.deputy));
            prop_assert!(seen.insert(q.deputy.clone()));
            prop_assert!(first_reply(id).is_some_and(|r| r <= q.on));
            prop_assert!(k.published_on.is_none_or(|p| q.on <= p));
        }
        if k.published_on.is_some() {
            prop_assert!(!k.quality.is_empty());
        }
        for w in k.outcomes.windows(2) {
            prop_assert_ne!(w[0].outcome, w[1].outcome);
        }
        for o in &k.outcomes {
            prop_assert!(first_reply(id).is_some_and(|r| r <= o.on));
        }
        let kinds: Vec<KeyMeetingKind> = st
            .key_meetings
            .iter()
            .filter(|m| m.suggestions.contains(id))
            .map(|m| m.kind)
            .collect();
        prop_assert!(stages_ok(&kinds), "{id}: {kinds:?}");
        if let Some(after) = st
            .key_meetings
            .iter()
            .find(|m| m.suggestions.contains(id) && m.kind == KeyMeetingKind::AfterHandling)
        {
            prop_assert!(first_reply(id).is_some_and(|r| r <= after.on));
        }
    }
    for m in &st.key_meetings {
        if m.kind != KeyMeetingKind::Supervision {
            prop_assert!(m.on_the_spot.is_empty());
        }
        for m_s in &m.suggestions {
            prop_assert!(st.key_suggestions[m_s].designated_by(m.on));
        }
    }
    for (id, r) in &st.supervision {
        let s = &st.suggestions[id];
        for mode in SupervisionMode::ALL {
            prop_assert!(
                r.overlays
                    .iter()
                    .filter(|o| o.mode == mode && o.ended_on.is_none())
                    .count()
                    <= 1
            );
        }
        for o in &r.overlays {
            prop_assert!(o.ended_on.is_none_or(|e| e >= o.started_on));
            prop_assert!(o.mode.led_by(o.started_by));
            if o.mode == SupervisionMode::Key {
                prop_assert!(st
                    .key_suggestions
                    .get(id)
                    .is_some_and(|k| k.designated_by(o.started_on)));
            }
        }
        let mut seen = BTreeSet::new();
        for m in &r.monitors {
            prop_assert!(!s.is_proposer(&m.deputy));
            prop_assert!(seen.insert(m.deputy.clone()));
        }
    }
    for e in st.handling_evaluations.values() {
        let statuses: Vec<EvaluationStatus> = e.history.iter().map(|h| h.1).collect();
        prop_assert_eq!(&statuses[..], &EvaluationStatus::ALL[..statuses.len()]);
        prop_assert_eq!(
            e.evaluator.is_some(),
            e.status >= EvaluationStatus::Commissioned
        );
        if e.status >= EvaluationStatus::Reported {
            let sample: BTreeSet<_> = e.sample.iter().map(|i| &i.suggestion).collect();
            let found: Vec<_> = e.findings.iter().map(|f| &f.suggestion).collect();
            prop_assert_eq!(found.len(), sample.len());
            prop_assert_eq!(found.into_iter().collect::<BTreeSet<_>>(), sample);
        }
        if e.status == EvaluationStatus::Applied {
            prop_assert!(!e.uses.is_empty());
        }
    }
    // Back to back: no unannounced rating reaches a unit or the government office.
    let unannounced: BTreeSet<&SuggestionId> = st
        .key_suggestions
        .iter()
        .filter(|(_, k)| k.published_on.is_none())
        .map(|(id, _)| id)
        .collect();
    for reader in [
        Actor::new(Role::HandlingUnit, "U0").unwrap(),
        Actor::new(Role::GovernmentOffice, "gov").unwrap(),
    ] {
        let view = l.state_as(&reader);
        for id in &unannounced {
            prop_assert!(view.key_suggestions[*id].quality.is_empty());
        }
        for e in l.events_as(&reader) {
            if let EventKind::KeyQualityRated { suggestion, .. } = &e.event {
                prop_assert!(!unannounced.contains(suggestion));
            }
        }
    }
    // An evaluator sees only its sample.
    let ev0 = Actor::new(Role::ThirdPartyEvaluator, "ev0").unwrap();
    let sample: BTreeSet<SuggestionId> = st
        .handling_evaluations
        .values()
        .filter(|e| e.evaluator.as_ref().is_some_and(|a| a.as_str() == "ev0"))
        .flat_map(|e| e.sample.iter().map(|i| i.suggestion.clone()))
        .collect();
    let view = l.state_as(&ev0);
    prop_assert!(view.suggestions.keys().all(|s| sample.contains(s)));
    prop_assert!(view
        .handling_evaluations
        .values()
        .all(|e| e.evaluator.as_ref().is_some_and(|a| a.as_str() == "ev0")));
    Ok(())
}

fn run(
    require_recommendation: bool,
    designators: u8,
    steps: &[Step],
) -> Result<BTreeMap<(&'static str, bool), u32>, TestCaseError> {
    let mut l = setup(book(require_recommendation, designators));
    let mut day = start();
    let mut tally: BTreeMap<(&'static str, bool), u32> = BTreeMap::new();
    for st in steps {
        day += Days::days(st.days);
        let env = build(st, day, &l);
        let before = l.state().clone();
        let len = l.events().len();
        let decided = l.decide(&env);
        let outcome = l.execute(env.clone()).map(<[Event]>::to_vec);
        let name = env.command.type_name();
        match (&decided, &outcome) {
            (Ok(kinds), Ok(events)) => {
                let got: Vec<&EventKind> = events.iter().map(|e| &e.event).collect();
                prop_assert_eq!(kinds.iter().collect::<Vec<_>>(), got);
                prop_assert_eq!(l.events().len(), len + events.len());
            }
            (Err(a), Err(b)) => {
                prop_assert_eq!(a, b);
                prop_assert_eq!(l.state(), &before);
                prop_assert_eq!(l.events().len(), len);
            }
            _ => prop_assert!(false, "decide and execute disagree on {}", name),
        }
        *tally.entry((name, outcome.is_ok())).or_default() += 1;
        check_invariants(&l, require_recommendation)?;
    }
    let text = l.events_to_json();
    let replayed = Ledger::replay_from_json(l.rules().clone(), &text).unwrap();
    prop_assert_eq!(replayed.state(), l.state());
    let restored = Ledger::restore_from_json(l.rules().clone(), &l.snapshot_to_json()).unwrap();
    prop_assert_eq!(restored.state(), l.state());
    Ok(tally)
}

fn cases() -> u32 {
    std::env::var("KEY_PROPS_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Random walks through W2, the overlays and W3 keep every invariant.
    #[test]
    fn key_supervision_and_evaluation_keep_invariants(
        require_recommendation in any::<bool>(),
        designators in 0u8..4,
        steps in prop::collection::vec(step(), 1..60),
    ) {
        run(require_recommendation, designators, &steps)?;
    }
}

/// The generator is not vacuous: over a few hundred walks every command of these families is
/// both accepted and refused.
#[test]
fn generator_reaches_every_command_both_ways() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (any::<bool>(), 1u8..4, prop::collection::vec(step(), 20..80));
    let mut tally: BTreeMap<(&'static str, bool), u32> = BTreeMap::new();
    for _ in 0..300 {
        let (req, des, steps) = strategy.new_tree(&mut runner).unwrap().current();
        for (k, n) in run(req, des, &steps).unwrap() {
            *tally.entry(k).or_default() += n;
        }
    }
    for name in [
        "recommend_key_suggestion",
        "designate_key_suggestion",
        "hold_key_meeting",
        "rate_key_quality",
        "publish_key_assessment",
        "record_key_outcome",
        "start_supervision",
        "end_supervision",
        "appoint_supervision_monitor",
        "plan_handling_evaluation",
        "commission_evaluator",
        "submit_evaluation_report",
        "distribute_evaluation_report",
        "decide_evaluation_use",
    ] {
        assert!(
            tally.get(&(name, true)).is_some_and(|n| *n > 0),
            "{name} never accepted: {tally:?}"
        );
        assert!(
            tally.get(&(name, false)).is_some_and(|n| *n > 0),
            "{name} never refused"
        );
    }
}
