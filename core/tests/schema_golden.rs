//! Issue 8 item 6: logs and snapshots written by earlier schema versions still load.
//!
//! `tests/golden/schema-N/` holds files written by the build that introduced schema N (schema 1
//! by the release before the hash chain). Each is the log (or final snapshot) of a shared
//! scenario; loading it must give the state the current build reaches by executing the same
//! scenario. The files of the current schema must also be what this build writes, byte for
//! byte: a change to the wire format then fails here until the schema version is raised and new
//! golden files are added (`RENDA_BLESS=1 cargo test --test schema_golden` writes them).

use renda::{chain, Event, Ledger, Snapshot, SCHEMA_VERSION};

use crate::common;

const SCENARIOS: [&str; 2] = [
    "rs3_dissatisfied_rehandling",
    "rs5_plan_ledger_second_reply",
];

fn read(rel: &str) -> String {
    std::fs::read_to_string(common::tests_path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn rules_of(scenario: &str) -> renda::rules::RuleBook {
    let file: serde_json::Value =
        serde_json::from_str(&read(&format!("scenarios/{scenario}.json"))).unwrap();
    renda::api::rule_book(Some(&file["rules"].to_string())).unwrap()
}

fn log_text(events: &[Event]) -> String {
    let lines: Vec<String> = events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[test]
fn every_schema_version_up_to_the_current_one_has_golden_files() {
    for v in 1..=SCHEMA_VERSION {
        for s in SCENARIOS {
            assert!(
                common::tests_path(&format!("golden/schema-{v}/{s}.events.json")).exists(),
                "schema {v} {s}"
            );
            assert!(
                common::tests_path(&format!("golden/schema-{v}/{s}.snapshot.json")).exists(),
                "schema {v} {s}"
            );
        }
    }
}

#[test]
fn old_logs_and_snapshots_load_into_the_same_state() {
    for s in SCENARIOS {
        let now = common::scenario_ledger(&format!("{s}.json"));
        for v in 1..=SCHEMA_VERSION {
            let what = format!("schema {v} {s}");
            let events =
                renda::api::parse_events(&read(&format!("golden/schema-{v}/{s}.events.json")))
                    .unwrap();
            assert!(events.iter().all(|e| e.schema == v), "{what}");
            let replayed = Ledger::replay(rules_of(s), events).unwrap();
            assert_eq!(replayed.state(), now.state(), "{what}: replay");
            // Old events are sealed into the same chain the current build writes.
            assert_eq!(replayed.head().seq, now.head().seq, "{what}");
            let snapshot: Snapshot =
                serde_json::from_str(&read(&format!("golden/schema-{v}/{s}.snapshot.json")))
                    .unwrap();
            assert_eq!(snapshot.schema, v, "{what}");
            let restored = Ledger::restore(rules_of(s), snapshot).unwrap();
            assert_eq!(restored.state(), now.state(), "{what}: restore");
        }
    }
}

#[test]
fn an_upgraded_log_keeps_growing_and_verifies() {
    for s in SCENARIOS {
        let v1 =
            renda::api::parse_events(&read(&format!("golden/schema-1/{s}.events.json"))).unwrap();
        let mut ledger = Ledger::replay(rules_of(s), v1).unwrap();
        let last = ledger.events().last().unwrap().at;
        ledger
            .execute_json(&format!(
                r#"{{"at":"{last}","actor":{{"role":"admin","id":"a"}},"command":{{"type":"register_unit","unit":"new-unit","name":"新单位"}}}}"#
            ))
            .unwrap();
        // Written back out (old events now sealed, schema 1 kept), the log verifies and loads.
        let text = log_text(ledger.events());
        let events = renda::api::parse_events(&text).unwrap();
        assert_eq!(
            chain::verify(&events, chain::Anchor::GENESIS).unwrap(),
            ledger.head()
        );
        let back = Ledger::replay(rules_of(s), events).unwrap();
        assert_eq!(back.state(), ledger.state());
        assert_eq!(back.events().last().unwrap().schema, SCHEMA_VERSION);
    }
}

#[test]
fn the_current_schema_files_are_what_this_build_writes() {
    let bless = std::env::var_os("RENDA_BLESS").is_some();
    for s in SCENARIOS {
        let now = common::scenario_ledger(&format!("{s}.json"));
        let events = log_text(now.events());
        let snapshot = serde_json::to_string_pretty(&now.snapshot()).unwrap() + "\n";
        let dir = format!("golden/schema-{SCHEMA_VERSION}");
        for (name, text) in [("events", &events), ("snapshot", &snapshot)] {
            let path = common::tests_path(&format!("{dir}/{s}.{name}.json"));
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, text).unwrap();
            }
            let golden = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                golden == *text,
                "{}: this build writes a different format; raise SCHEMA_VERSION and add golden files",
                path.display()
            );
        }
    }
}
