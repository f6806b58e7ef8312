//! Integration tests of the escalation tools (W23; L-17, L-18, L-19, R-M14;
//! `docs/escalation.md`): the session routes, township and rule-set variants, the outputs
//! they add to, and replay.

use renda::oversight::escalation::{EscalationKind, EscalationStatus};
use renda::rules::RuleBook;
use renda::{Ledger, RendaError};
use serde_json::{json, Value};

fn run(
    l: &mut Ledger,
    at: &str,
    role: &str,
    id: &str,
    command: Value,
) -> Result<Vec<String>, RendaError> {
    let env = json!({"at": format!("{at}T10:00:00+08:00"), "actor": {"role": role, "id": id}, "command": command});
    l.execute_json(&env.to_string()).map(|evs| {
        evs.iter()
            .map(|e| e.event.type_name().to_string())
            .collect()
    })
}

fn ok(l: &mut Ledger, at: &str, role: &str, id: &str, command: Value) -> Vec<String> {
    run(l, at, role, id, command.clone()).unwrap_or_else(|e| panic!("{command}: {e}"))
}

/// A county congress (10 standing-committee members of 30 deputies) and a township congress,
/// two units, SC meetings in 2024 and a session in January 2024.
fn setup(book: RuleBook) -> Ledger {
    let mut l = Ledger::new(book);
    for (c, level) in [("hd-17", "county"), ("tw-1", "township")] {
        ok(
            &mut l,
            "2024-01-02",
            "admin",
            "admin",
            json!({"type": "register_congress", "congress": c,
            "name": "人大", "level": level, "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
        );
    }
    for u in ["edu", "trans"] {
        ok(
            &mut l,
            "2024-01-02",
            "admin",
            "admin",
            json!({"type": "register_unit", "unit": u, "name": "单位"}),
        );
    }
    for i in 1..=30 {
        ok(
            &mut l,
            "2024-01-02",
            "deputy_affairs_office",
            "office",
            json!({"type": "register_deputy",
            "deputy": format!("D{i:03}"), "congress": "hd-17", "name": "代表"}),
        );
    }
    ok(
        &mut l,
        "2024-01-02",
        "deputy_affairs_office",
        "office",
        json!({"type": "register_deputy",
        "deputy": "T001", "congress": "tw-1", "name": "镇代表"}),
    );
    for i in 1..=10 {
        ok(
            &mut l,
            "2024-01-03",
            "deputy_affairs_office",
            "office",
            json!({"type": "join_standing_committee",
            "deputy": format!("D{i:03}"), "post": "member"}),
        );
    }
    ok(
        &mut l,
        "2024-01-04",
        "standing_committee",
        "sc",
        json!({"type": "schedule_session", "session": "hd-17-3",
        "congress": "hd-17", "opens_on": "2024-01-10", "closes_on": "2024-01-14"}),
    );
    for (m, body, on) in [
        ("sc-1", "standing_committee", "2024-03-28"),
        ("sc-2", "standing_committee", "2024-06-27"),
        ("cg-1", "congress", "2024-01-13"),
    ] {
        let mut cmd = json!({"type": "convene_meeting", "meeting": m, "congress": "hd-17", "body": body,
            "kind": "regular", "held_on": on});
        if body == "congress" {
            cmd["session"] = json!("hd-17-3");
        }
        ok(&mut l, "2024-01-04", "director_meeting", "directors", cmd);
    }
    l
}

fn deputies(from: usize, to: usize) -> Vec<String> {
    (from..=to).map(|i| format!("D{i:03}")).collect()
}

#[test]
fn session_routes_of_an_investigation_count_delegations_and_one_tenth_of_deputies() {
    let mut l = setup(RuleBook::default());
    let base =
        json!({"type": "propose_special_investigation", "congress": "hd-17", "subject": "某问题"});
    let with = |id: &str, by: Value| {
        let mut c = base.clone();
        c["investigation"] = json!(id);
        c["by"] = by;
        c
    };
    // Two delegations are too few (L-18: three).
    let e = run(
        &mut l,
        "2024-01-11",
        "deputy_affairs_office",
        "office",
        with(
            "DC-1",
            json!({"by": "delegations", "session": "hd-17-3", "delegations": ["甲", "乙"]}),
        ),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.field(), e.rule()),
        (
            "too_few_proposers",
            Some("command.by.delegations"),
            Some("L-18")
        )
    );
    ok(
        &mut l,
        "2024-01-11",
        "deputy_affairs_office",
        "office",
        with(
            "DC-1",
            json!({"by": "delegations", "session": "hd-17-3", "delegations": ["甲", "乙", "丙"]}),
        ),
    );
    // One tenth of the 30 deputies holding the mandate: 2 is too few, 3 is enough.
    let e = run(
        &mut l,
        "2024-01-11",
        "deputy_affairs_office",
        "office",
        with(
            "DC-2",
            json!({"by": "deputies", "session": "hd-17-3", "deputies": deputies(11, 12)}),
        ),
    )
    .unwrap_err();
    assert_eq!(e.code(), "too_few_proposers");
    ok(
        &mut l,
        "2024-01-11",
        "deputy_affairs_office",
        "office",
        with(
            "DC-2",
            json!({"by": "deputies", "session": "hd-17-3", "deputies": deputies(11, 13)}),
        ),
    );
    // The presidium, recorded by the standing committee.
    ok(
        &mut l,
        "2024-01-12",
        "standing_committee",
        "sc",
        with("DC-3", json!({"by": "presidium", "session": "hd-17-3"})),
    );
    // A session proposal is voted by the congress: all 30 deputies, at a congress sitting.
    let e = run(&mut l, "2024-01-13", "standing_committee", "sc", json!({"type": "decide_special_investigation",
        "investigation": "DC-1", "meeting": "sc-1", "vote": {"members": 30, "present": 30, "yes": 16, "no": 14, "abstain": 0},
        "members": ["D011"]})).unwrap_err();
    assert_eq!(e.field(), Some("command.meeting"));
    let e = run(&mut l, "2024-01-13", "standing_committee", "sc", json!({"type": "decide_special_investigation",
        "investigation": "DC-1", "meeting": "cg-1", "vote": {"members": 10, "present": 10, "yes": 6, "no": 4, "abstain": 0},
        "members": ["D011"]})).unwrap_err();
    assert_eq!(e.code(), "vote_members_mismatch");
    ok(
        &mut l,
        "2024-01-13",
        "standing_committee",
        "sc",
        json!({"type": "decide_special_investigation",
        "investigation": "DC-1", "meeting": "cg-1", "vote": {"members": 30, "present": 28, "yes": 16, "no": 10, "abstain": 2},
        "members": ["D011", "D012"]}),
    );
    let st = l.state();
    assert_eq!(
        st.escalations[&"DC-1".parse().unwrap()].status,
        EscalationStatus::Investigating
    );
    // After the session closes, deputies can no longer propose jointly.
    let e = run(
        &mut l,
        "2024-01-15",
        "deputy_affairs_office",
        "office",
        with(
            "DC-4",
            json!({"by": "deputies", "session": "hd-17-3", "deputies": deputies(11, 14)}),
        ),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("outside_session", Some("command.by.session"))
    );
    assert_replays(&l);
}

#[test]
fn a_township_has_no_standing_committee_route() {
    let mut l = setup(RuleBook::default());
    let e = run(
        &mut l,
        "2024-02-01",
        "director_meeting",
        "directors",
        json!({"type": "propose_removal",
        "removal": "CZ-1", "congress": "tw-1", "official": "某", "post": "镇长助理", "reason": "r",
        "by": {"by": "director_meeting"}}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("invalid_field", Some("command.congress"))
    );
    assert!(l.state().escalations.is_empty());
}

#[test]
fn the_interpellation_threshold_is_rule_set_data() {
    let book = RuleBook::from_spec(&json!({"preset": "national", "overrides": {"oversight": {"escalation":
        {"interpellation_min_sc_members": {"national": 10, "provincial": 5, "districted_city": 5, "county": 5}}}}})).unwrap();
    let mut l = setup(book);
    let cmd = |members: Vec<String>| {
        json!({"type": "propose_interpellation", "interpellation": "ZX-1",
        "congress": "hd-17", "addressee": "edu", "subject": "s", "questions": ["q"],
        "by": {"by": "sc_members", "members": members}})
    };
    let e = run(
        &mut l,
        "2024-02-01",
        "deputy_affairs_office",
        "office",
        cmd(deputies(1, 4)),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.value().as_deref()),
        ("too_few_proposers", Some("4"))
    );
    ok(
        &mut l,
        "2024-02-01",
        "deputy_affairs_office",
        "office",
        cmd(deputies(1, 5)),
    );
}

#[test]
fn outputs_count_inquiries_and_adopted_decisions_in_the_period() {
    let mut l = setup(RuleBook::default());
    ok(
        &mut l,
        "2024-03-01",
        "director_meeting",
        "directors",
        json!({"type": "propose_special_investigation",
        "investigation": "DC-1", "congress": "hd-17", "subject": "s", "by": {"by": "director_meeting"}}),
    );
    ok(
        &mut l,
        "2024-03-01",
        "government_office",
        "gov",
        json!({"type": "propose_removal", "removal": "CZ-1",
        "congress": "hd-17", "official": "王某", "post": "局长", "reason": "r", "by": {"by": "government"}}),
    );
    ok(
        &mut l,
        "2024-03-01",
        "deputy",
        "D001",
        json!({"type": "propose_removal", "removal": "CZ-2",
        "congress": "hd-17", "official": "李某", "post": "局长", "reason": "r",
        "by": {"by": "sc_members", "members": ["D001", "D002"]}}),
    );
    ok(
        &mut l,
        "2024-03-28",
        "standing_committee",
        "sc",
        json!({"type": "hold_topic_inquiry", "inquiry": "TI-1",
        "congress": "hd-17", "meeting": "sc-1", "report": "报告", "questioners": ["D001", "D020"], "responders": ["edu"]}),
    );
    let vote =
        |yes: u32| json!({"members": 10, "present": 10, "yes": yes, "no": 10 - yes, "abstain": 0});
    ok(
        &mut l,
        "2024-03-28",
        "standing_committee",
        "sc",
        json!({"type": "decide_special_investigation",
        "investigation": "DC-1", "meeting": "sc-1", "vote": vote(6), "members": ["D003"]}),
    );
    ok(
        &mut l,
        "2024-03-28",
        "standing_committee",
        "sc",
        json!({"type": "decide_removal", "removal": "CZ-1",
        "meeting": "sc-1", "vote": vote(6)}),
    );
    ok(
        &mut l,
        "2024-03-28",
        "standing_committee",
        "sc",
        json!({"type": "decide_removal", "removal": "CZ-2",
        "meeting": "sc-1", "vote": vote(5)}),
    );
    ok(
        &mut l,
        "2024-06-27",
        "special_committee",
        "dc",
        json!({"type": "report_special_investigation",
        "investigation": "DC-1", "meeting": "sc-2", "report": "报告", "resolution": vote(7)}),
    );
    let d = |s: &str| -> chrono::NaiveDate { s.parse().unwrap() };
    let c: renda::CongressId = "hd-17".parse().unwrap();
    let all = renda::oversight::outputs(l.state(), &c, d("2024-01-01"), d("2024-12-31"));
    // One inquiry; the investigation decision, the adopted removal and the resolution (3).
    assert_eq!((all.topic_inquiries, all.resolutions_and_decisions), (1, 3));
    let h1 = renda::oversight::outputs(l.state(), &c, d("2024-01-01"), d("2024-06-26"));
    assert_eq!((h1.topic_inquiries, h1.resolutions_and_decisions), (1, 2));
    let rows = l.escalations(&c, 2024).unwrap();
    let kinds: Vec<_> = rows.iter().map(|r| (r.kind, r.status)).collect();
    assert_eq!(
        kinds,
        vec![
            (EscalationKind::Removal, EscalationStatus::Adopted),
            (EscalationKind::Removal, EscalationStatus::Rejected),
            (
                EscalationKind::SpecialInvestigation,
                EscalationStatus::Reported
            ),
            (EscalationKind::TopicInquiry, EscalationStatus::Held),
        ]
    );
    // National rules require no topic inquiry (R-M14 is local).
    let comp = l.escalation_compliance(&c, 2025).unwrap();
    assert_eq!((comp.required, comp.held, comp.compliant), (0, 0, true));
    assert_replays(&l);
}

fn assert_replays(l: &Ledger) {
    let replayed = Ledger::replay_from_json(l.rules().clone(), &l.events_to_json()).unwrap();
    assert_eq!(replayed.state(), l.state());
    l.state().validate().unwrap();
}
