//! Meetings and votes (issue 5 item 1; `docs/meetings.md`): the cases the shared scenarios
//! (`tests/scenarios/mt_*.json`) do not cover.

use renda::oversight::meeting::{Body, MajorityOf};
use renda::rules::RuleBook;
use renda::Ledger;
use serde_json::{json, Value};

fn run(l: &mut Ledger, at: &str, role: &str, cmd: Value) -> renda::Result<Vec<renda::Event>> {
    let env = json!({"at": format!("{at}T10:00:00+08:00"), "actor": {"role": role, "id": "x"}, "command": cmd});
    l.execute_json(&env.to_string())
}

fn ledger(spec: Value) -> Ledger {
    let mut l = Ledger::new(RuleBook::from_spec(&spec).unwrap());
    run(
        &mut l,
        "2021-11-01",
        "admin",
        json!({"type": "register_congress", "congress": "hd", "name": "海淀区人大",
        "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    )
    .unwrap();
    l
}

fn sc_meeting(l: &mut Ledger, id: &str, on: &str) {
    run(
        l,
        on,
        "director_meeting",
        json!({"type": "convene_meeting", "meeting": id, "congress": "hd",
        "body": "standing_committee", "kind": "regular", "held_on": on}),
    )
    .unwrap();
    run(
        l,
        on,
        "deputy_affairs_office",
        json!({"type": "set_meeting_agenda", "meeting": id,
        "items": [{"number": 1, "kind": "political_study", "title": "第一议题"},
                  {"number": 2, "kind": "ballot", "title": "表决"}]}),
    )
    .unwrap();
}

#[test]
fn standing_committee_attendance_must_match_the_members_recorded() {
    let mut l = ledger(json!({"preset": "national"}));
    for i in 0..3 {
        run(
            &mut l,
            "2021-11-01",
            "deputy_affairs_office",
            json!({"type": "register_deputy",
            "deputy": format!("D{i}"), "congress": "hd", "name": "代表"}),
        )
        .unwrap();
        run(
            &mut l,
            "2021-11-01",
            "deputy_affairs_office",
            json!({"type": "join_standing_committee",
            "deputy": format!("D{i}"), "post": "member"}),
        )
        .unwrap();
    }
    sc_meeting(&mut l, "sc-1", "2024-02-27");
    let e = run(
        &mut l,
        "2024-02-27",
        "deputy_affairs_office",
        json!({"type": "record_attendance", "meeting": "sc-1", "members": 45, "present": 40}),
    )
    .unwrap_err();
    assert_eq!(e.code(), "vote_members_mismatch");
    assert_eq!(e.field(), Some("command.members"));
    assert_eq!(e.rule(), Some("L-4"));
    // 2 of 3 is more than half: the quorum is met and a 2-vote ballot is adopted.
    run(
        &mut l,
        "2024-02-27",
        "deputy_affairs_office",
        json!({"type": "record_attendance", "meeting": "sc-1", "members": 3, "present": 2}),
    )
    .unwrap();
    run(
        &mut l,
        "2024-02-27",
        "standing_committee",
        json!({"type": "hold_ballot", "meeting": "sc-1",
        "ballot": "b1", "item": 2, "subject": "决定", "kind": "decision",
        "vote": {"members": 3, "present": 2, "yes": 2, "no": 0, "abstain": 0}}),
    )
    .unwrap();
    let hd = "hd".parse().unwrap();
    let ballots = l
        .ballots(
            &hd,
            "2024-01-01".parse().unwrap(),
            "2024-12-31".parse().unwrap(),
        )
        .unwrap();
    assert!(ballots[0].adopted);
    let o = renda::oversight::outputs(
        l.state(),
        &"hd".parse().unwrap(),
        "2024-01-01".parse().unwrap(),
        "2024-12-31".parse().unwrap(),
    );
    assert_eq!(o.resolutions_and_decisions, 1);
}

#[test]
fn director_meeting_majority_is_a_rule_set_value() {
    for (basis, adopted) in [(MajorityOf::Present, true), (MajorityOf::All, false)] {
        let spec = json!({"preset": "national", "overrides": {"oversight": {"meetings":
            {"director_meeting_majority": serde_json::to_value(basis).unwrap()}}}});
        let mut l = ledger(spec);
        run(&mut l, "2024-02-20", "standing_committee", json!({"type": "convene_meeting", "meeting": "dm",
            "congress": "hd", "body": "director_meeting", "kind": "regular", "held_on": "2024-02-20"}))
        .unwrap();
        run(
            &mut l,
            "2024-02-20",
            "deputy_affairs_office",
            json!({"type": "set_meeting_agenda", "meeting": "dm",
            "items": [{"number": 1, "kind": "ballot", "title": "表决"}]}),
        )
        .unwrap();
        // A director meeting has no quorum rule: 4 of 9 present may decide.
        run(
            &mut l,
            "2024-02-20",
            "deputy_affairs_office",
            json!({"type": "record_attendance", "meeting": "dm", "members": 9, "present": 4}),
        )
        .unwrap();
        let ev = run(
            &mut l,
            "2024-02-20",
            "director_meeting",
            json!({"type": "hold_ballot", "meeting": "dm",
            "ballot": "b", "item": 1, "subject": "决定", "kind": "decision",
            "vote": {"members": 9, "present": 4, "yes": 3, "no": 1, "abstain": 0}}),
        )
        .unwrap();
        let v: Value = serde_json::to_value(&ev[0].event).unwrap();
        assert_eq!(v["ballot"]["adopted"], json!(adopted), "{basis:?}");
        assert_eq!(
            l.state().meetings[&"dm".parse().unwrap()].body,
            Body::DirectorMeeting
        );
    }
}

#[test]
fn political_study_first_can_be_switched_on_for_national_rules() {
    let spec = json!({"preset": "national", "overrides": {"oversight": {"meetings": {"political_study_first": true}}}});
    let mut l = ledger(spec);
    run(&mut l, "2024-02-27", "director_meeting", json!({"type": "convene_meeting", "meeting": "sc",
        "congress": "hd", "body": "standing_committee", "kind": "regular", "held_on": "2024-02-27"}))
    .unwrap();
    let e = run(
        &mut l,
        "2024-02-27",
        "deputy_affairs_office",
        json!({"type": "set_meeting_agenda",
        "meeting": "sc", "items": [{"number": 1, "kind": "report", "title": "报告"}]}),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.rule()),
        ("political_study_first", Some("R-M9"))
    );
    assert!(l.state().meetings[&"sc".parse().unwrap()].agenda.is_empty());
}

#[test]
fn ballots_export_as_popolo_vote_events() {
    let mut l = ledger(json!({"preset": "national"}));
    sc_meeting(&mut l, "sc-1", "2024-02-27");
    run(
        &mut l,
        "2024-02-27",
        "deputy_affairs_office",
        json!({"type": "record_attendance", "meeting": "sc-1", "members": 45, "present": 40}),
    )
    .unwrap();
    run(
        &mut l,
        "2024-02-27",
        "standing_committee",
        json!({"type": "hold_ballot", "meeting": "sc-1",
        "ballot": "b1", "item": 2, "subject": "关于批准决算的决议", "kind": "resolution",
        "vote": {"members": 45, "present": 40, "yes": 22, "no": 10, "abstain": 7}}),
    )
    .unwrap();
    let ve = l
        .ballots_to_popolo(
            &"hd".parse().unwrap(),
            "2024-01-01".parse().unwrap(),
            "2024-12-31".parse().unwrap(),
        )
        .unwrap();
    assert_eq!(ve.len(), 1);
    assert_eq!(ve[0].result.as_deref(), Some("fail"));
    assert_eq!(ve[0].organization_id, "hd/standing_committee");
    let counts: Vec<(String, u64)> = ve[0]
        .counts
        .iter()
        .map(|c| (c.option.clone(), c.value))
        .collect();
    assert!(counts.contains(&("not voting".into(), 1)));
    assert!(counts.contains(&("absent".into(), 5)));
}

#[test]
fn a_rejected_meeting_command_changes_nothing_and_replay_matches() {
    let mut l = ledger(json!({"preset": "national"}));
    sc_meeting(&mut l, "sc-1", "2024-02-27");
    let before = l.state().clone();
    assert!(run(
        &mut l,
        "2024-02-27",
        "deputy_affairs_office",
        json!({"type": "hold_ballot", "meeting": "sc-1",
        "ballot": "b1", "item": 2, "subject": "决议", "kind": "resolution",
        "vote": {"members": 45, "present": 40, "yes": 30, "no": 0, "abstain": 0}})
    )
    .is_err());
    assert_eq!(l.state(), &before);
    let replayed = Ledger::replay(l.rules().clone(), l.events().to_vec()).unwrap();
    assert_eq!(replayed.state(), l.state());
    l.state().validate().unwrap();
}
