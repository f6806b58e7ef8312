//! Key suggestions (W2; R-S7, R-S8, R-S14): the lifecycle's transitions and rejections, and
//! the back-to-back rule enforced on every read path a handling unit or the government
//! office has (`state_as`, `events_as`, `key_assessment_as`, and their JSON forms).

use renda::chain::{hash_of, EventHash};
use renda::key_suggestion::{
    sees_unannounced_rating, KeyDesignator, KeyMeetingKind, KeyOutcome, KeyRules, Organ,
};
use renda::labels::Labelled;
use renda::{Actor, Event, Ledger, Role, SuggestionId};
use serde_json::{json, Value};

use crate::common;

fn at(day: &str) -> String {
    format!("{day}T10:00:00+08:00")
}

/// Executes a command; panics with the error if it is refused.
fn ok(l: &mut Ledger, day: &str, role: &str, id: &str, command: Value) -> Vec<String> {
    let env = json!({"at": at(day), "actor": {"role": role, "id": id}, "command": command});
    l.execute_json(&env.to_string())
        .unwrap_or_else(|e| panic!("{command}: {e}"))
        .iter()
        .map(|e| e.event.type_name().to_string())
        .collect()
}

/// Executes a command that must be refused; returns the error code, and checks nothing
/// changed.
fn refused(l: &mut Ledger, day: &str, role: &str, id: &str, command: Value) -> String {
    let before = l.state().clone();
    let n = l.events().len();
    let env = json!({"at": at(day), "actor": {"role": role, "id": id}, "command": command});
    let err = l
        .execute_json(&env.to_string())
        .expect_err(&command.to_string());
    assert_eq!(l.state(), &before, "{command}");
    assert_eq!(l.events().len(), n);
    err.code().to_string()
}

fn sid(s: &str) -> SuggestionId {
    s.parse().unwrap()
}

fn actor(role: Role, id: &str) -> Actor {
    Actor::new(role, id).unwrap()
}

/// A congress, deputies D001–D004, unit `edu`; S1 (D001 with D002, D004) and S2 (D003)
/// assigned on 2024-01-15 and designated key on 2024-01-17; S1 replied on 2024-03-01.
fn key_ledger() -> Ledger {
    let mut l = Ledger::new(Default::default());
    ok(
        &mut l,
        "2024-01-02",
        "admin",
        "admin",
        json!({"type": "register_congress", "congress": "hd-17", "name": "海淀区人大",
               "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    for d in ["D001", "D002", "D003", "D004"] {
        ok(
            &mut l,
            "2024-01-02",
            "deputy_affairs_office",
            "office",
            json!({"type": "register_deputy", "deputy": d, "congress": "hd-17", "name": "代表"}),
        );
    }
    ok(
        &mut l,
        "2024-01-02",
        "deputy_affairs_office",
        "office",
        json!({"type": "register_unit", "unit": "edu", "name": "区教委"}),
    );
    let both = [
        ("S1", "D001", json!(["D002", "D004"])),
        ("S2", "D003", json!([])),
    ];
    for (s, lead, co) in &both {
        ok(
            &mut l,
            "2024-01-08",
            "deputy",
            lead,
            json!({"type": "submit_suggestion", "suggestion": s, "congress": "hd-17",
                   "title": "关于增设通学车的建议", "lead": lead, "cosigners": co, "during": "session"}),
        );
    }
    let steps = [
        (
            "2024-01-10",
            "deputy_affairs_office",
            "office",
            json!({"type": "accept_suggestion"}),
        ),
        (
            "2024-01-15",
            "deputy_affairs_office",
            "office",
            json!({"type": "assign_suggestion", "lead_unit": "edu"}),
        ),
        (
            "2024-01-16",
            "street_working_committee",
            "street",
            json!({"type": "recommend_key_suggestion", "reason": "群众关注"}),
        ),
        (
            "2024-01-17",
            "standing_committee",
            "sc",
            json!({"type": "designate_key_suggestion", "leader": "张副主任"}),
        ),
    ];
    for (day, role, id, command) in steps {
        for (s, _, _) in &both {
            let mut c = command.clone();
            c["suggestion"] = json!(s);
            ok(&mut l, day, role, id, c);
        }
    }
    ok(
        &mut l,
        "2024-03-01",
        "handling_unit",
        "edu",
        json!({"type": "reply_suggestion", "suggestion": "S1", "result": "A", "summary": "已开通"}),
    );
    l
}

fn rate(l: &mut Ledger, day: &str, role: &str, id: &str, deputy: &str, rating: &str) {
    ok(
        l,
        day,
        role,
        id,
        json!({"type": "rate_key_quality", "suggestion": "S1", "deputy": deputy, "rating": rating}),
    );
}

fn quality_events(events: &[Event]) -> usize {
    events
        .iter()
        .filter(|e| e.event.type_name() == "key_quality_rated")
        .count()
}

#[test]
fn back_to_back_ratings_are_hidden_from_units_and_government_until_announced() {
    let mut l = key_ledger();
    rate(&mut l, "2024-03-10", "deputy", "D001", "D001", "satisfied");
    rate(
        &mut l,
        "2024-03-11",
        "deputy_affairs_office",
        "office",
        "D002",
        "dissatisfied",
    );
    let day = "2024-03-12".parse().unwrap();
    for hidden in [
        actor(Role::HandlingUnit, "edu"),
        actor(Role::GovernmentOffice, "gov"),
        actor(Role::Public, "visitor"),
        actor(Role::SpecialCommittee, "committee"),
    ] {
        let view = l.state_as(&hidden);
        assert!(
            view.key_suggestions[&sid("S1")].quality.is_empty(),
            "{hidden:?}"
        );
        assert_eq!(quality_events(&l.events_as(&hidden)), 0, "{hidden:?}");
        let err = l.key_assessment_as(&hidden, &sid("S1"), day).unwrap_err();
        assert_eq!(err.code(), "not_published");
        // The JSON forms the bindings call carry none either.
        let reader = serde_json::to_string(&hidden).unwrap();
        let state = l.state_as_json(&reader).unwrap();
        assert!(!state.contains("\"quality\":[{"), "{state}");
        let events = l.events_as_json(&reader).unwrap();
        assert!(!events.contains("key_quality_rated"));
        let err = l
            .key_assessment_as_json(&reader, "S1", "2024-03-12")
            .unwrap_err();
        assert_eq!(err.code(), "not_published");
    }
    // The congress side sees every rating; a deputy only their own.
    for all in [
        actor(Role::DeputyAffairsOffice, "office"),
        actor(Role::StandingCommittee, "sc"),
        actor(Role::DirectorMeeting, "dm"),
        actor(Role::Admin, "admin"),
    ] {
        assert_eq!(
            l.state_as(&all).key_suggestions[&sid("S1")].quality.len(),
            2
        );
        assert_eq!(quality_events(&l.events_as(&all)), 2);
        assert_eq!(
            l.key_assessment_as(&all, &sid("S1"), day)
                .unwrap()
                .ratings
                .len(),
            2
        );
    }
    let d2 = actor(Role::Deputy, "D002");
    let own = l.key_assessment_as(&d2, &sid("S1"), day).unwrap();
    assert_eq!(own.ratings.len(), 1);
    assert_eq!(own.ratings[0].deputy.as_str(), "D002");
    assert_eq!(own.counts.dissatisfied, 1);
    assert_eq!(quality_events(&l.events_as(&d2)), 1);
    assert_eq!(l.state_as(&d2).key_suggestions[&sid("S1")].quality.len(), 1);

    // Announced: everyone sees both.
    ok(
        &mut l,
        "2024-03-15",
        "standing_committee",
        "sc",
        json!({"type": "publish_key_assessment", "suggestion": "S1"}),
    );
    let unit = actor(Role::HandlingUnit, "edu");
    assert_eq!(
        l.state_as(&unit).key_suggestions[&sid("S1")].quality.len(),
        2
    );
    assert_eq!(quality_events(&l.events_as(&unit)), 2);
    let a = l
        .key_assessment_as(&unit, &sid("S1"), "2024-03-15".parse().unwrap())
        .unwrap();
    assert_eq!(a.counts.satisfied, 1);
    assert_eq!(a.counts.dissatisfied, 1);
    assert_eq!(a.satisfaction_rate.percent.as_deref(), Some("50.0"));
    // …but asked as of a day before the announcement, still not.
    let err = l
        .key_assessment_as(&unit, &sid("S1"), "2024-03-14".parse().unwrap())
        .unwrap_err();
    assert_eq!(err.code(), "not_published");
    assert_eq!(err.field(), Some("as_of"));
}

#[test]
fn on_the_spot_ratings_are_open_to_everyone() {
    // Decision (docs/key-suggestions.md): ratings given on the spot at the supervision
    // meeting are given in front of the handling unit, so they are not back to back.
    let mut l = key_ledger();
    let meeting = |kind: &str, organs: Value, deputies: Value, spot: Value| {
        json!({"type": "hold_key_meeting", "meeting": kind, "suggestions": ["S1"],
               "organs": organs, "deputies": deputies, "on_the_spot": spot})
    };
    ok(
        &mut l,
        "2024-03-02",
        "standing_committee",
        "sc",
        meeting(
            "assignment",
            json!(["government", "court", "procuratorate"]),
            json!([]),
            json!([]),
        ),
    );
    ok(
        &mut l,
        "2024-03-03",
        "deputy_affairs_office",
        "office",
        meeting(
            "before_handling",
            json!(["handling_unit"]),
            json!(["D001"]),
            json!([]),
        ),
    );
    ok(
        &mut l,
        "2024-03-05",
        "deputy_affairs_office",
        "office",
        meeting(
            "supervision",
            json!(["handling_unit"]),
            json!(["D001", "D002"]),
            json!([{"deputy": "D001", "rating": "satisfied"}, {"deputy": "D002", "rating": "dissatisfied"}]),
        ),
    );
    let unit = actor(Role::HandlingUnit, "edu");
    let view = l.state_as(&unit);
    assert_eq!(view.key_meetings.len(), 3);
    assert_eq!(view.key_meetings[2].on_the_spot.len(), 2);
    let f = l
        .key_figures(&"hd-17".parse().unwrap(), "2024-03-05".parse().unwrap())
        .unwrap();
    assert_eq!(f.on_the_spot.satisfied, 1);
    assert_eq!(f.on_the_spot.dissatisfied, 1);
    assert_eq!(f.meetings.supervision, 1);
}

#[test]
fn quality_ratings_need_a_key_replied_suggestion_and_a_proposer() {
    let mut l = key_ledger();
    let r = |s: &str, d: &str| json!({"type": "rate_key_quality", "suggestion": s, "deputy": d, "rating": "satisfied"});
    // S2 is key but not replied.
    assert_eq!(
        refused(&mut l, "2024-03-10", "deputy", "D003", r("S2", "D003")),
        "invalid_transition"
    );
    // A deputy for another: not_party; a non-proposer: not_party; a stranger: not_found.
    assert_eq!(
        refused(&mut l, "2024-03-10", "deputy", "D001", r("S1", "D002")),
        "not_party"
    );
    assert_eq!(
        refused(
            &mut l,
            "2024-03-10",
            "deputy_affairs_office",
            "o",
            r("S1", "D003")
        ),
        "not_party"
    );
    assert_eq!(
        refused(
            &mut l,
            "2024-03-10",
            "deputy_affairs_office",
            "o",
            r("S1", "D404")
        ),
        "not_found"
    );
    for role in [
        "handling_unit",
        "government_office",
        "standing_committee",
        "public",
    ] {
        assert_eq!(
            refused(&mut l, "2024-03-10", role, "x", r("S1", "D001")),
            "permission_denied"
        );
    }
    rate(&mut l, "2024-03-10", "deputy", "D004", "D004", "satisfied");
    assert_eq!(
        refused(&mut l, "2024-03-10", "deputy", "D004", r("S1", "D004")),
        "already_exists"
    );
    let k = &l.state().key_suggestions[&sid("S1")];
    assert_eq!(k.quality[0].recorded_by, Role::Deputy);
}

#[test]
fn designation_follows_the_rule_set() {
    let book = renda::api::rule_book(Some(
        &json!({"preset": "national", "overrides": {"key": {"designated_by": ["director_meeting"]}}})
            .to_string(),
    ))
    .unwrap();
    let mut l = Ledger::new(book);
    ok(
        &mut l,
        "2024-01-02",
        "admin",
        "a",
        json!({"type": "register_congress", "congress": "hd-17", "name": "人大", "level": "county",
               "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    ok(
        &mut l,
        "2024-01-02",
        "admin",
        "a",
        json!({"type": "register_deputy", "deputy": "D1", "congress": "hd-17", "name": "代表"}),
    );
    ok(
        &mut l,
        "2024-01-03",
        "deputy",
        "D1",
        json!({"type": "submit_suggestion", "suggestion": "S1", "congress": "hd-17",
               "title": "建议", "lead": "D1", "during": "session"}),
    );
    ok(
        &mut l,
        "2024-01-04",
        "deputy_affairs_office",
        "o",
        json!({"type": "accept_suggestion", "suggestion": "S1"}),
    );
    let designate =
        json!({"type": "designate_key_suggestion", "suggestion": "S1", "leader": "主任"});
    assert_eq!(
        refused(
            &mut l,
            "2024-01-05",
            "director_meeting",
            "dm",
            designate.clone()
        ),
        "not_recommended"
    );
    ok(
        &mut l,
        "2024-01-05",
        "special_committee",
        "c",
        json!({"type": "recommend_key_suggestion", "suggestion": "S1", "reason": "对口推荐"}),
    );
    assert_eq!(
        refused(
            &mut l,
            "2024-01-05",
            "standing_committee",
            "sc",
            designate.clone()
        ),
        "not_designating_body"
    );
    assert_eq!(
        ok(&mut l, "2024-01-05", "director_meeting", "dm", designate),
        ["key_suggestion_designated"]
    );
    let k = &l.state().key_suggestions[&sid("S1")];
    assert_eq!(
        k.designation.as_ref().unwrap().by,
        KeyDesignator::DirectorMeeting
    );
    assert_eq!(k.recommendations[0].by.role, Role::SpecialCommittee);
}

#[test]
fn outcomes_are_heard_after_the_reply_and_the_latest_counts() {
    let mut l = key_ledger();
    let o =
        |s: &str, out: &str| json!({"type": "record_key_outcome", "suggestion": s, "outcome": out});
    assert_eq!(
        refused(
            &mut l,
            "2024-04-01",
            "director_meeting",
            "dm",
            o("S2", "solved")
        ),
        "invalid_transition"
    );
    ok(
        &mut l,
        "2024-04-01",
        "director_meeting",
        "dm",
        o("S1", "progressing"),
    );
    ok(
        &mut l,
        "2024-06-01",
        "director_meeting",
        "dm",
        o("S1", "solved"),
    );
    assert_eq!(
        refused(
            &mut l,
            "2024-06-02",
            "director_meeting",
            "dm",
            o("S1", "solved")
        ),
        "already_exists"
    );
    let k = &l.state().key_suggestions[&sid("S1")];
    assert_eq!(
        k.outcome_on("2024-05-01".parse().unwrap()),
        Some(KeyOutcome::Progressing)
    );
    assert_eq!(
        k.outcome_on("2024-06-01".parse().unwrap()),
        Some(KeyOutcome::Solved)
    );
    assert_eq!(k.outcome_on("2024-03-31".parse().unwrap()), None);
}

#[test]
fn key_figures_reproduce_s001_15() {
    let l = common::scenario_ledger("k_w2_s001_15_key_outcomes.json");
    let f = l
        .key_figures(&"hd-17".parse().unwrap(), "2024-12-31".parse().unwrap())
        .unwrap();
    assert_eq!(f.designated, 5);
    assert_eq!(f.outcomes.solved + f.outcomes.major_progress, 5);
    assert_eq!((f.outcomes.solved, f.outcomes.major_progress), (3, 2));
    assert_eq!(
        f.solved_or_major_progress_rate.percent.as_deref(),
        Some("100.0")
    );
}

/// Seals forged events into a chain so only the state checks can refuse them.
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
fn hostile_logs_with_dangling_key_references_are_refused() {
    let l = key_ledger();
    let good: Vec<Value> = l
        .events()
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    let ev = |event: Value| json!({"at": "2024-04-01T10:00:00+08:00", "actor": {"role": "standing_committee", "id": "sc"}, "event": event});
    for bad in [
        json!({"type": "key_meeting_held", "meeting": "assignment", "suggestions": ["S9"], "organs": [], "deputies": [], "on_the_spot": []}),
        json!({"type": "key_meeting_held", "meeting": "assignment", "suggestions": ["S1"], "organs": [], "deputies": ["D9"], "on_the_spot": []}),
        json!({"type": "key_quality_rated", "suggestion": "S1", "deputy": "D9", "rating": "satisfied", "recorded_by": "deputy"}),
        json!({"type": "key_quality_rated", "suggestion": "S9", "deputy": "D001", "rating": "satisfied", "recorded_by": "deputy"}),
        json!({"type": "key_assessment_published", "suggestion": "S9"}),
        json!({"type": "key_outcome_recorded", "suggestion": "S9", "outcome": "solved"}),
        json!({"type": "key_suggestion_recommended", "suggestion": "S9", "by": {"role": "public", "id": "p"}, "reason": "r"}),
        json!({"type": "key_suggestion_designated", "suggestion": "S9", "leader": "l", "by": "standing_committee"}),
    ] {
        let mut events = good.clone();
        events.push(ev(bad.clone()));
        let err = Ledger::replay(Default::default(), forge(events)).unwrap_err();
        assert_eq!(err.code(), "not_found", "{bad}");
    }
    assert!(Ledger::replay(Default::default(), forge(good)).is_ok());
}

#[test]
fn hostile_snapshots_with_dangling_key_records_are_refused() {
    let mut l = key_ledger();
    rate(&mut l, "2024-03-10", "deputy", "D001", "D001", "satisfied");
    ok(
        &mut l,
        "2024-03-12",
        "standing_committee",
        "sc",
        json!({"type": "hold_key_meeting", "meeting": "assignment", "suggestions": ["S1"],
               "organs": ["government", "court", "procuratorate"], "deputies": ["D001"]}),
    );
    let good = serde_json::to_value(l.snapshot()).unwrap();
    for (pointer, value) in [
        ("/state/key_suggestions/S1/quality/0/deputy", json!("ghost")),
        ("/state/key_suggestions/S1/suggestion", json!("S2")),
        ("/state/key_meetings/0/suggestions/0", json!("S9")),
        ("/state/key_meetings/0/deputies/0", json!("ghost")),
    ] {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).unwrap() = value;
        let err =
            Ledger::restore_from_json(Default::default(), &bad.to_string()).expect_err(pointer);
        assert!(
            matches!(err.code(), "invalid_field" | "not_found"),
            "{pointer}: {err}"
        );
    }
    let mut bad = good.clone();
    let record = bad["state"]["key_suggestions"]["S1"].clone();
    bad["state"]["key_suggestions"]["S9"] = record;
    bad["state"]["key_suggestions"]["S9"]["suggestion"] = json!("S9");
    assert!(Ledger::restore_from_json(Default::default(), &bad.to_string()).is_err());
    assert!(Ledger::restore_from_json(Default::default(), &good.to_string()).is_ok());
}

#[test]
fn enums_have_labels_and_wire_names() {
    for k in KeyMeetingKind::ALL {
        assert!(!k.label().zh.is_empty() && !k.label().en.is_empty());
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
    for o in Organ::ALL {
        assert!(!o.label().zh.is_empty());
        assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
    }
    for o in KeyOutcome::ALL {
        assert!(!o.label().en.is_empty());
    }
    for d in KeyDesignator::ALL {
        assert!(!d.label().zh.is_empty());
    }
    let r = KeyRules::default();
    assert_eq!(r.designated_by, KeyDesignator::ALL.to_vec());
    assert!(sees_unannounced_rating(
        &actor(Role::DirectorMeeting, "dm"),
        &"D1".parse().unwrap()
    ));
    assert!(!sees_unannounced_rating(
        &actor(Role::ThirdPartyEvaluator, "x"),
        &"D1".parse().unwrap()
    ));
}

#[test]
fn rule_sets_carry_the_key_rules() {
    let national = renda::rules::RuleSet::national();
    assert_eq!(national.key, KeyRules::default());
    let text = renda::api::rule_set_preset("national").unwrap();
    assert!(text.contains("\"require_recommendation\":true"));
    // A rule set written before the key rules existed still loads, with the defaults.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v.as_object_mut().unwrap().remove("key");
    let back = renda::rules::RuleSet::from_json(&v.to_string()).unwrap();
    assert_eq!(back.key, KeyRules::default());
    let bad = national.with_overrides(&json!({"key": {"designated_by": ["deputy"]}}));
    assert_eq!(bad.unwrap_err().code(), "invalid_rule_set");
}
