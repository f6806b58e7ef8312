//! Law-enforcement inspections (W11), and the livelihood projects (W19), as counted in a work
//! report's outputs (S001-2): the stories of `tests/scenarios/fu_rl2_issue_list_lifecycle.json`
//! and `tests/scenarios/fu_w19_livelihood_lifecycle.json`, replayed and then counted by period.

use renda::oversight::{outputs, Outputs};
use renda::{CongressId, Ledger};
use serde_json::{json, Value};
use std::path::PathBuf;

/// Runs every step of a shared scenario (rejected steps change nothing, as the scenario checks).
fn story(file: &str) -> Ledger {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/scenarios")
        .join(file);
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ledger = Ledger::new(Default::default());
    for s in scenario["steps"].as_array().unwrap() {
        let envelope = json!({"at": s["at"], "actor": s["actor"], "command": s["command"]});
        let _ = ledger.execute_json(&envelope.to_string());
    }
    ledger
}

fn counted(ledger: &Ledger, from: &str, to: &str) -> Outputs {
    let hd: CongressId = "hd-17".parse().unwrap();
    outputs(
        ledger.state(),
        &hd,
        from.parse().unwrap(),
        to.parse().unwrap(),
    )
}

#[test]
fn inspection_reports_and_review_opinions_count_in_their_period() {
    let l = story("fu_rl2_issue_list_lifecycle.json");
    // jc-1 reported at the SC meeting of 2024-06-25, its review opinion on 2024-07-10; jc-2
    // reported on 2024-10-29 with no issues.
    let year = counted(&l, "2024-01-01", "2024-12-31");
    assert_eq!(
        (year.inspections, year.reports_heard, year.review_opinions),
        (2, 2, 1)
    );
    let h2 = counted(&l, "2024-07-01", "2024-12-31");
    assert_eq!(
        (h2.inspections, h2.reports_heard, h2.review_opinions),
        (1, 1, 1)
    );
    let h1 = counted(&l, "2024-01-01", "2024-06-30");
    assert_eq!(
        (h1.inspections, h1.reports_heard, h1.review_opinions),
        (1, 1, 0)
    );
    assert_eq!(h1.resolutions_and_decisions, 0);
}

#[test]
fn a_livelihood_approval_is_one_decision_and_the_completion_report_one_report() {
    let l = story("fu_w19_livelihood_lifecycle.json");
    let year = counted(&l, "2024-01-01", "2024-12-31");
    assert_eq!(year.resolutions_and_decisions, 1);
    assert_eq!(year.reports_heard, 1);
    assert_eq!(counted(&l, "2023-01-01", "2023-12-31"), Outputs::default());
}

#[test]
fn a_second_report_is_refused_and_changes_nothing_and_replay_gives_the_same_state() {
    let mut l = story("fu_rl2_issue_list_lifecycle.json");
    let before = l.state().clone();
    let again = json!({"at": "2024-12-30T10:00:00+08:00", "actor": {"role": "standing_committee", "id": "sc"},
        "command": {"type": "report_inspection", "inspection": "jc-1", "meeting": "hd-17-sc-24", "presenter": "张副主任"}});
    let e = l.execute_json(&again.to_string()).unwrap_err();
    assert_eq!(e.code(), "invalid_transition");
    assert_eq!(l.state(), &before);
    let replayed = Ledger::replay(Default::default(), l.events().to_vec()).unwrap();
    assert_eq!(replayed.state(), l.state());
}
