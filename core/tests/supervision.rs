//! Supervision overlays and monitors (W1 step 7): the mode ↔ role table, overlay history,
//! the supervision monitor query, and hostile input.

use renda::chain::{hash_of, EventHash};
use renda::supervision::SupervisionMode;
use renda::{Event, Ledger, Role};
use serde_json::{json, Value};

use crate::common;

fn exec(l: &mut Ledger, day: &str, role: &str, command: Value) -> Result<Vec<String>, String> {
    let env = json!({"at": format!("{day}T10:00:00+08:00"), "actor": {"role": role, "id": "x"}, "command": command});
    let before = l.state().clone();
    match l.execute_json(&env.to_string()) {
        Ok(events) => Ok(events
            .iter()
            .map(|e| e.event.type_name().to_string())
            .collect()),
        Err(e) => {
            assert_eq!(l.state(), &before, "a refused command changed the state");
            Err(e.code().to_string())
        }
    }
}

fn start(s: &str, mode: SupervisionMode) -> Value {
    json!({"type": "start_supervision", "suggestion": s, "mode": mode, "lead": "牵头人"})
}

fn end(s: &str, mode: SupervisionMode) -> Value {
    json!({"type": "end_supervision", "suggestion": s, "mode": mode})
}

#[test]
fn each_mode_is_started_and_ended_by_the_roles_that_lead_it() {
    // The scenario's suggestion S1 is key and assigned; S2 is assigned.
    let base = common::scenario_ledger("k_w1s7_supervision_overlays.json");
    let leaders = |mode: SupervisionMode| -> Vec<Role> {
        Role::ALL.into_iter().filter(|r| mode.led_by(*r)).collect()
    };
    use Role as R;
    assert_eq!(
        leaders(SupervisionMode::Key),
        [
            R::DeputyAffairsOffice,
            R::DirectorMeeting,
            R::StandingCommittee
        ]
    );
    assert_eq!(
        leaders(SupervisionMode::Counterpart),
        [R::DeputyAffairsOffice, R::SpecialCommittee]
    );
    assert_eq!(
        leaders(SupervisionMode::Concentrated),
        [R::DeputyAffairsOffice, R::StreetWorkingCommittee]
    );
    assert_eq!(
        leaders(SupervisionMode::DeputyParticipation),
        [R::DeputyAffairsOffice]
    );
    for mode in SupervisionMode::ALL {
        for role in Role::ALL {
            let mut l = base.clone();
            // Free the mode on S1 first (the scenario leaves key and coordinated running).
            if l.state().supervision[&"S1".parse().unwrap()]
                .overlays
                .iter()
                .any(|o| o.mode == mode && o.ended_on.is_none())
            {
                exec(
                    &mut l,
                    "2024-05-01",
                    "deputy_affairs_office",
                    end("S1", mode),
                )
                .unwrap();
            }
            let got = exec(&mut l, "2024-05-02", role.as_str(), start("S1", mode));
            let permitted = renda::permissions::allowed(role, renda::CommandKind::StartSupervision);
            match (permitted, mode.led_by(role)) {
                (false, _) => assert_eq!(got, Err("permission_denied".into())),
                (true, false) => assert_eq!(got, Err("mode_not_for_role".into())),
                (true, true) => {
                    assert_eq!(got, Ok(vec!["supervision_started".to_string()]));
                    assert_eq!(
                        exec(&mut l, "2024-05-03", role.as_str(), end("S1", mode)),
                        Ok(vec!["supervision_ended".to_string()])
                    );
                }
            }
        }
    }
}

#[test]
fn an_overlay_can_run_again_after_it_ended_and_history_is_kept() {
    let mut l = common::scenario_ledger("k_w1s7_supervision_overlays.json");
    let tracking = SupervisionMode::Tracking;
    exec(
        &mut l,
        "2024-05-01",
        "director_meeting",
        end("S2", tracking),
    )
    .unwrap();
    assert_eq!(
        exec(
            &mut l,
            "2024-05-01",
            "director_meeting",
            end("S2", tracking)
        ),
        Err("not_found".into())
    );
    exec(
        &mut l,
        "2024-06-01",
        "director_meeting",
        start("S2", tracking),
    )
    .unwrap();
    let s2 = &l.state().supervision[&"S2".parse().unwrap()];
    let runs: Vec<_> = s2.overlays.iter().filter(|o| o.mode == tracking).collect();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0].ended_on, Some("2024-05-01".parse().unwrap()));
    assert_eq!(runs[1].ended_on, None);
    assert_eq!(runs[1].started_by, Role::DirectorMeeting);
    // Ended on 05-01: not running at the end of that day, running again from 06-01.
    let hd = "hd-17".parse().unwrap();
    let modes = |day: &str| -> Vec<SupervisionMode> {
        l.supervision_monitor(&hd, day.parse().unwrap())
            .unwrap()
            .into_iter()
            .find(|r| r.suggestion.as_str() == "S2")
            .map(|r| r.overlays.iter().map(|o| o.mode).collect())
            .unwrap_or_default()
    };
    assert!(modes("2024-04-30").contains(&tracking));
    assert!(!modes("2024-05-01").contains(&tracking));
    assert!(modes("2024-06-01").contains(&tracking));
    assert!(s2.ever(tracking, "2024-02-01".parse().unwrap()));
    assert!(!s2.ever(tracking, "2024-01-31".parse().unwrap()));
}

#[test]
fn supervision_stops_nothing_else_and_closed_suggestions_cannot_start_one() {
    let mut l = common::scenario_ledger("k_w1s7_supervision_overlays.json");
    // The lead unit replies and the deputy is satisfied: the suggestion closes; the overlays
    // already running stay until ended, but no new one starts.
    let env = json!({"at": "2024-05-01T10:00:00+08:00", "actor": {"role": "handling_unit", "id": "edu"},
                     "command": {"type": "reply_suggestion", "suggestion": "S2", "result": "A", "summary": "已优化"}});
    l.execute_json(&env.to_string()).unwrap();
    let env = json!({"at": "2024-05-02T10:00:00+08:00", "actor": {"role": "deputy", "id": "D002"},
                     "command": {"type": "give_feedback", "suggestion": "S2", "rating": "satisfied"}});
    l.execute_json(&env.to_string()).unwrap();
    assert_eq!(
        exec(
            &mut l,
            "2024-05-03",
            "deputy_affairs_office",
            start("S2", SupervisionMode::Coordinated)
        ),
        Err("invalid_transition".into())
    );
    let rows = l
        .supervision_monitor(&"hd-17".parse().unwrap(), "2024-05-03".parse().unwrap())
        .unwrap();
    let s2 = rows.iter().find(|r| r.suggestion.as_str() == "S2").unwrap();
    assert_eq!(s2.status, Some(renda::SuggestionStatus::Closed));
    assert_eq!(s2.due, None);
    assert_eq!(
        exec(
            &mut l,
            "2024-05-03",
            "deputy_affairs_office",
            end("S2", SupervisionMode::Tracking)
        ),
        Ok(vec!["supervision_ended".to_string()])
    );
}

#[test]
fn the_monitor_lists_only_the_congress_asked_for() {
    let l = common::scenario_ledger("k_w1s7_supervision_monitor.json");
    let rows = l
        .supervision_monitor(&"bj-16".parse().unwrap(), "2024-12-31".parse().unwrap())
        .unwrap();
    assert!(rows.is_empty());
    let rows = l
        .supervision_monitor(&"hd-17".parse().unwrap(), "2024-12-31".parse().unwrap())
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].monitors[0].as_str(), "D003");
    let text = l
        .supervision_monitor_to_json("hd-17", "2024-12-31")
        .unwrap();
    assert!(text.contains("\"monitors\":[\"D003\"]"), "{text}");
    assert_eq!(
        l.supervision_monitor_to_json("hd-17", "2024-13-01")
            .unwrap_err()
            .code(),
        "invalid_field"
    );
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
    let l = common::scenario_ledger("k_w1s7_supervision_monitor.json");
    let good: Vec<Value> = l
        .events()
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    for (bad, code) in [
        (
            json!({"type": "supervision_started", "suggestion": "S9", "mode": "key", "lead": "l", "by": "director_meeting"}),
            "not_found",
        ),
        (
            json!({"type": "supervision_ended", "suggestion": "S1", "mode": "ledger"}),
            "not_found",
        ),
        (
            json!({"type": "supervision_monitor_appointed", "suggestion": "S1", "deputy": "ghost"}),
            "not_found",
        ),
    ] {
        let mut events = good.clone();
        events.push(json!({"at": "2024-12-01T10:00:00+08:00", "actor": {"role": "admin", "id": "a"}, "event": bad}));
        let err = Ledger::replay(Default::default(), forge(events)).unwrap_err();
        assert_eq!(err.code(), code, "{bad}");
    }
    let snap = serde_json::to_value(l.snapshot()).unwrap();
    for (pointer, value) in [
        ("/state/supervision/S1/monitors/0/deputy", json!("ghost")),
        ("/state/supervision/S1/suggestion", json!("S2")),
    ] {
        let mut bad = snap.clone();
        *bad.pointer_mut(pointer).unwrap() = value;
        assert!(
            Ledger::restore_from_json(Default::default(), &bad.to_string()).is_err(),
            "{pointer}"
        );
    }
    let mut bad = snap.clone();
    let rec = bad["state"]["supervision"]["S1"].clone();
    bad["state"]["supervision"]["S9"] = rec;
    bad["state"]["supervision"]["S9"]["suggestion"] = json!("S9");
    assert_eq!(
        Ledger::restore_from_json(Default::default(), &bad.to_string())
            .unwrap_err()
            .code(),
        "not_found"
    );
}
