//! Helpers shared by the integration tests (each test crate uses a subset).
#![allow(dead_code)]

use renda::Ledger;

/// A ledger with every accepted step of a shared scenario (`tests/scenarios/NAME`) executed.
pub fn scenario_ledger(name: &str) -> Ledger {
    let path = format!("{}/../tests/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let rules = renda::api::rule_book(Some(&file["rules"].to_string())).unwrap();
    let mut ledger = Ledger::new(rules);
    for step in file["steps"].as_array().unwrap() {
        if step["expect"].get("ok").is_some() {
            let mut envelope = step.clone();
            envelope.as_object_mut().unwrap().remove("expect");
            ledger.execute_json(&envelope.to_string()).unwrap();
        }
    }
    ledger
}

/// Path of a file under the repository's `tests/` directory.
pub fn tests_path(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(rel)
}

/// The Haidian 2024 data set (`tests/reports/haidian-2024.json`, national rules), every command
/// executed; panics naming the first rejected command.
pub fn haidian_2024() -> Ledger {
    let text = std::fs::read_to_string(tests_path("reports/haidian-2024.json")).unwrap();
    let cmds: Vec<renda::CommandEnvelope> = serde_json::from_str(&text).unwrap();
    let rules =
        renda::rules::RuleBook::from_spec(&serde_json::json!({"preset": "national"})).unwrap();
    let mut l = Ledger::new(rules);
    for (i, c) in cmds.into_iter().enumerate() {
        if let Err(e) = l.execute(c) {
            panic!("command {i} rejected: {e}");
        }
    }
    l
}

/// Every date on which something happened in `ledger`, and the day before and after, sorted.
pub fn event_dates(ledger: &Ledger) -> Vec<chrono::NaiveDate> {
    let mut out: Vec<chrono::NaiveDate> = ledger
        .events()
        .iter()
        .flat_map(|e| {
            let x = e.at.china_date();
            [x.pred_opt().unwrap(), x, x.succ_opt().unwrap()]
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The ledgers of every scenario file (`tests/scenarios/*.json`), with their file names.
pub fn scenario_ledgers() -> impl Iterator<Item = (String, Ledger)> {
    let mut names: Vec<String> = std::fs::read_dir(tests_path("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names.into_iter().map(|n| {
        let l = scenario_ledger(&n);
        (n, l)
    })
}
