//! Third-party evaluation of handling (W3, R-S9, R-S10): the status machine, the report, and
//! the evaluator's read-only view of its sample on every read path.

use renda::chain::{hash_of, EventHash};
use renda::handling_evaluation::{EvaluationStatus, EvaluationUse, Grade, SampleCategory};
use renda::labels::Labelled;
use renda::{Actor, Event, EventKind, Ledger, Role, SuggestionId};
use serde_json::{json, Value};

use crate::common;

fn evaluator(id: &str) -> Actor {
    Actor::new(Role::ThirdPartyEvaluator, id).unwrap()
}

fn sid(s: &str) -> SuggestionId {
    s.parse().unwrap()
}

fn suggestion_of(e: &Event) -> Option<&SuggestionId> {
    match &e.event {
        EventKind::SuggestionSubmitted { suggestion, .. }
        | EventKind::SuggestionAccepted { suggestion }
        | EventKind::SuggestionAssigned { suggestion, .. }
        | EventKind::SuggestionReplied { suggestion, .. }
        | EventKind::FeedbackGiven { suggestion, .. }
        | EventKind::RehandlingStarted { suggestion, .. }
        | EventKind::KeySuggestionRecommended { suggestion, .. }
        | EventKind::KeySuggestionDesignated { suggestion, .. }
        | EventKind::SupervisionStarted { suggestion, .. }
        | EventKind::SupervisionEnded { suggestion, .. } => Some(suggestion),
        _ => None,
    }
}

#[test]
fn the_chain_walks_every_status_once_in_order() {
    let l = common::scenario_ledger("k_w3_rs9_evaluation_chain.json");
    let e = &l.state().handling_evaluations[&"EV1".parse().unwrap()];
    let statuses: Vec<EvaluationStatus> = e.history.iter().map(|h| h.1).collect();
    assert_eq!(statuses, EvaluationStatus::ALL);
    assert_eq!(e.status, EvaluationStatus::Applied);
    assert_eq!(
        e.evaluator.as_ref().map(|a| a.as_str()),
        Some("nbs-haidian")
    );
    assert_eq!(
        e.uses,
        [EvaluationUse::UnitAppraisal, EvaluationUse::FeedbackToUnits]
    );
    assert_eq!(e.note.as_deref(), Some("纳入年度承办单位考核"));
    assert_eq!(e.findings.len(), 4);
    assert_eq!(e.findings[0].grade, Grade::Excellent);
    assert_eq!(e.distributed_on(), Some("2024-11-20".parse().unwrap()));
    let reports = l.evaluations();
    assert_eq!(reports[0].units, 3);
    assert_eq!(reports[0].grades.good, 2);
    assert_eq!(
        l.evaluations_to_json(),
        serde_json::to_string(&reports).unwrap()
    );
}

#[test]
fn the_evaluator_sees_only_its_sample_read_only() {
    let l = common::scenario_ledger("k_w3_rs9_evaluation_chain.json");
    let nbs = evaluator("nbs-haidian");
    let sample = ["S1", "S2", "S3", "S4"];
    // State: only the sampled suggestions and its own evaluation.
    let view = l.state_as(&nbs);
    let ids: Vec<&str> = view.suggestions.keys().map(|s| s.as_str()).collect();
    assert_eq!(ids, sample);
    assert!(view
        .key_suggestions
        .keys()
        .all(|s| sample.contains(&s.as_str())));
    assert_eq!(view.handling_evaluations.len(), 1);
    // Events: nothing about S5.
    let events = l.events_as(&nbs);
    assert!(events
        .iter()
        .filter_map(suggestion_of)
        .all(|s| sample.contains(&s.as_str())));
    assert!(events
        .iter()
        .any(|e| e.event.type_name() == "handling_evaluation_use_decided"));
    assert!(l
        .events()
        .iter()
        .filter_map(suggestion_of)
        .any(|s| s.as_str() == "S5"));
    // Figures: computed over the sample only (4 assigned, S5 never assigned anyway; 5 submitted
    // in the full ledger, 4 seen).
    let all = l.figures("2024-12-31".parse().unwrap()).unwrap();
    let seen = l
        .figures_as(&nbs, "2024-12-31".parse().unwrap(), &Default::default())
        .unwrap();
    assert_eq!(all.counts.submitted, 5);
    assert_eq!(seen.counts.submitted, 4);
    // Views: in the sample yes, outside not_party.
    let day = "2024-12-31".parse().unwrap();
    assert!(l.suggestion_view_as(&nbs, &sid("S1"), day).is_ok());
    let err = l.suggestion_view_as(&nbs, &sid("S5"), day).unwrap_err();
    assert_eq!(err.code(), "not_party");
    assert_eq!(err.value().as_deref(), Some("nbs-haidian"));
    let err = l
        .suggestion_view_as_json(
            r#"{"role":"third_party_evaluator","id":"nbs-haidian"}"#,
            "S5",
            "2024-12-31",
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_party");
    // Another evaluator sees no suggestion at all.
    let other = evaluator("other-firm");
    assert!(l.state_as(&other).suggestions.is_empty());
    assert!(l.state_as(&other).handling_evaluations.is_empty());
    assert!(l
        .events_as(&other)
        .iter()
        .all(|e| suggestion_of(e).is_none() && !e.event.type_name().starts_with("handling_")));
    assert_eq!(
        l.evaluation_sample_as(&other, &"EV1".parse().unwrap(), day)
            .unwrap_err()
            .code(),
        "not_party"
    );
    assert_eq!(
        l.suggestion_view_as(&other, &sid("S1"), day)
            .unwrap_err()
            .code(),
        "not_party"
    );
    // Read-only: the evaluator can change nothing about a suggestion; its one command on
    // this family is its report.
    use renda::CommandKind as K;
    for kind in [
        K::SubmitSuggestion,
        K::ReviseSuggestion,
        K::AcceptSuggestion,
        K::AssignSuggestion,
        K::ReplySuggestion,
        K::GiveFeedback,
        K::PublishResults,
        K::RecommendKeySuggestion,
        K::DesignateKeySuggestion,
        K::HoldKeyMeeting,
        K::RateKeyQuality,
        K::PublishKeyAssessment,
        K::RecordKeyOutcome,
        K::StartSupervision,
        K::EndSupervision,
        K::AppointSupervisionMonitor,
        K::PlanHandlingEvaluation,
        K::CommissionEvaluator,
        K::DistributeEvaluationReport,
        K::DecideEvaluationUse,
    ] {
        assert!(
            !renda::permissions::allowed(Role::ThirdPartyEvaluator, kind),
            "{kind:?}"
        );
    }
    assert!(renda::permissions::allowed(
        Role::ThirdPartyEvaluator,
        K::SubmitEvaluationReport
    ));
    // Everyone else reads the sample as it stands.
    let office = Actor::new(Role::DeputyAffairsOffice, "office").unwrap();
    assert_eq!(
        l.evaluation_sample_as(&office, &"EV1".parse().unwrap(), day)
            .unwrap()
            .len(),
        4
    );
    assert_eq!(l.state_as(&office).suggestions.len(), 5);
}

#[test]
fn categories_are_checked_on_the_day_of_planning() {
    let l = common::scenario_ledger("k_rs10_sample_categories.json");
    let ev1 = &l.state().handling_evaluations[&"EV1".parse().unwrap()];
    assert_eq!(ev1.sample[2].category, SampleCategory::Dissatisfied);
    // A co-signer's 不满意 is enough, even when the lead's 满意 closed the suggestion.
    assert_eq!(
        l.state().suggestions[&sid("S5")].status,
        renda::SuggestionStatus::Closed
    );
    let ev2 = &l.state().handling_evaluations[&"EV2".parse().unwrap()];
    assert_eq!(ev2.sample.len(), 2);
    for c in SampleCategory::ALL {
        assert!(!c.label().zh.is_empty());
        assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
    }
    for g in Grade::ALL {
        assert!(!g.label().en.is_empty());
    }
    for u in EvaluationUse::ALL {
        assert!(!u.label().zh.is_empty());
    }
    for s in EvaluationStatus::ALL {
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
}

fn forge(events: Vec<Value>) -> Vec<Event> {
    let mut prev = EventHash::ZERO;
    events
        .into_iter()
        .enumerate()
        .map(|(i, mut v)| {
            v["seq"] = json!(i + 1);
            v["schema"] = json!(2);
            let mut e: Event = serde_json::from_value(v).unwrap();
            e.prev = prev;
            e.hash = hash_of(&e);
            prev = e.hash;
            e
        })
        .collect()
}

#[test]
fn hostile_logs_and_snapshots_are_refused() {
    let l = common::scenario_ledger("k_rs10_sample_categories.json");
    let good: Vec<Value> = l
        .events()
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    for (bad, code) in [
        (
            json!({"type": "handling_evaluation_planned", "evaluation": "E9", "congress": "ghost", "year": 2024, "sample": []}),
            "not_found",
        ),
        (
            json!({"type": "handling_evaluation_planned", "evaluation": "E9", "congress": "hd-17", "year": 2024, "sample": [{"suggestion": "S9", "category": "key"}]}),
            "not_found",
        ),
        (
            json!({"type": "handling_evaluator_commissioned", "evaluation": "E9", "evaluator": "x"}),
            "not_found",
        ),
        // Out of order: reported before commissioned.
        (
            json!({"type": "handling_evaluation_reported", "evaluation": "EV1", "findings": [], "summary": "s"}),
            "invalid_field",
        ),
        (
            json!({"type": "handling_evaluation_use_decided", "evaluation": "EV2", "uses": ["publication"]}),
            "invalid_field",
        ),
    ] {
        let mut events = good.clone();
        events.push(json!({"at": "2024-12-01T10:00:00+08:00", "actor": {"role": "admin", "id": "a"}, "event": bad}));
        let err = Ledger::replay(Default::default(), forge(events)).unwrap_err();
        assert_eq!(err.code(), code, "{bad}");
    }
    let snap = serde_json::to_value(l.snapshot()).unwrap();
    for (pointer, value) in [
        (
            "/state/handling_evaluations/EV1/sample/0/suggestion",
            json!("S9"),
        ),
        ("/state/handling_evaluations/EV1/congress", json!("ghost")),
        ("/state/handling_evaluations/EV1/status", json!("applied")),
        (
            "/state/handling_evaluations/EV1/evaluator",
            json!("someone"),
        ),
        ("/state/handling_evaluations/EV1/id", json!("EV2")),
        (
            "/state/handling_evaluations/EV1/history/0/1",
            json!("reported"),
        ),
    ] {
        let mut bad = snap.clone();
        *bad.pointer_mut(pointer).unwrap() = value;
        assert!(
            Ledger::restore_from_json(Default::default(), &bad.to_string()).is_err(),
            "{pointer}"
        );
    }
    assert!(Ledger::restore_from_json(Default::default(), &snap.to_string()).is_ok());
}

/// W3: class cases are suggestion records too; an evaluator sees only those holding a
/// suggestion of its sample, with only the sampled members, in the state and in the log.
#[test]
fn evaluator_sees_class_cases_only_through_its_sample() {
    let mut l = Ledger::new(Default::default());
    let at = |d: &str| format!("2024-{d}T10:00:00+08:00");
    let run = |l: &mut Ledger, at: String, role: &str, command: Value| {
        let c = json!({"at": at, "actor": {"role": role, "id": if role == "deputy" { "D1" } else { "office" }}, "command": command});
        l.execute_json(&c.to_string())
            .unwrap_or_else(|e| panic!("{command}: {e}"));
    };
    run(
        &mut l,
        at("01-02"),
        "admin",
        json!({"type": "register_congress", "congress": "hd", "name": "海淀区人大", "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    run(
        &mut l,
        at("01-02"),
        "admin",
        json!({"type": "register_deputy", "deputy": "D1", "congress": "hd", "name": "王丽"}),
    );
    run(
        &mut l,
        at("01-02"),
        "admin",
        json!({"type": "register_unit", "unit": "edu", "name": "区教委"}),
    );
    for s in ["S1", "S2", "S3", "S4"] {
        // Submitted and accepted on the same day each: commands go in time order.
        run(
            &mut l,
            at("01-08"),
            "deputy",
            json!({"type": "submit_suggestion", "suggestion": s, "congress": "hd", "title": format!("关于增加幼儿园学位的建议{s}"), "lead": "D1", "during": "session"}),
        );
        run(
            &mut l,
            at("01-08"),
            "deputy_affairs_office",
            json!({"type": "accept_suggestion", "suggestion": s}),
        );
    }
    run(
        &mut l,
        at("01-10"),
        "deputy_affairs_office",
        json!({"type": "merge_suggestions", "group": "G1", "title": "幼儿园学位", "suggestions": ["S2", "S3"], "lead_unit": "edu"}),
    );
    run(
        &mut l,
        at("01-10"),
        "deputy_affairs_office",
        json!({"type": "merge_suggestions", "group": "G2", "title": "幼儿园学位", "suggestions": ["S1", "S4"], "lead_unit": "edu"}),
    );
    for s in ["S1", "S4"] {
        run(
            &mut l,
            at("01-11"),
            "deputy_affairs_office",
            json!({"type": "assign_suggestion", "suggestion": s, "lead_unit": "edu"}),
        );
    }
    run(
        &mut l,
        at("06-01"),
        "deputy_affairs_office",
        json!({"type": "plan_handling_evaluation", "evaluation": "E1", "congress": "hd", "year": 2024, "sample": [{"suggestion": "S1", "category": "common_concern"}]}),
    );
    run(
        &mut l,
        at("06-02"),
        "deputy_affairs_office",
        json!({"type": "commission_evaluator", "evaluation": "E1", "evaluator": "ev"}),
    );

    let reader = evaluator("ev");
    let view = l.state_as(&reader);
    assert_eq!(
        view.class_cases.len(),
        1,
        "only G2 holds a sampled suggestion"
    );
    let g2 = &view.class_cases[&"G2".parse().unwrap()];
    let members: Vec<&str> = g2.members.iter().map(|m| m.suggestion.as_str()).collect();
    assert_eq!(members, ["S1"], "S4 is outside the sample");
    let formed: Vec<String> = l
        .events_as(&reader)
        .iter()
        .filter_map(|e| match &e.event {
            EventKind::ClassCaseFormed { group, .. } => Some(group.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(formed, ["G2"]);
    // The office sees both.
    let office = Actor::new(Role::DeputyAffairsOffice, "office").unwrap();
    assert_eq!(l.state_as(&office).class_cases.len(), 2);
}
