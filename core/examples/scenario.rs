//! Runs one shared scenario file (`tests/scenarios/*.json`) and prints its outcome as canonical
//! JSON (sorted keys, compact). The Python (`python -m renda.scenario`) and JS
//! (`node bindings-wasm/scenario.mjs`) runners print byte-identical output for the same file;
//! see `tests/README.md` for the format.
//!
//! Usage: `cargo run -q -p renda --example scenario -- FILE`
//! Exit status: 0 passed, 1 not passed, 2 usage, I/O, invalid JSON or a malformed `queries`
//! entry (unknown query, missing or mistyped argument).

use renda::rules::RuleBook;
use renda::{CommandEnvelope, Ledger, RendaError};
use serde_json::{json, Map, Value};

fn main() {
    let path = match std::env::args().nth(1) {
        Some(p) => p,
        None => {
            eprintln!("usage: scenario FILE");
            std::process::exit(2);
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let scenario: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{path}: invalid JSON: {e}");
            std::process::exit(2);
        }
    };
    if let Err(msg) = check_queries(&scenario) {
        eprintln!("{path}: {msg}");
        std::process::exit(2);
    }
    let out = run(&scenario);
    println!("{}", canonical(&out));
    if out["passed"] != Value::Bool(true) {
        std::process::exit(1);
    }
}

fn error_json(e: &RendaError) -> Value {
    serde_json::to_value(e.info()).expect("error info serialises")
}

fn run(s: &Value) -> Value {
    let mut mismatches: Vec<String> = Vec::new();
    let rules = match RuleBook::from_spec(s.get("rules").unwrap_or(&Value::Null)) {
        Ok(r) => r,
        Err(e) => {
            return json!({"name": s["name"], "rules_error": error_json(&e), "passed": false,
                          "mismatches": ["rules"]})
        }
    };
    let mut ledger = Ledger::new(rules.clone());
    let mut steps = Vec::new();
    for (i, step) in s["steps"].as_array().into_iter().flatten().enumerate() {
        // The step's own command envelope is the step minus its `expect`.
        let mut envelope = step.clone();
        let expect = envelope
            .as_object_mut()
            .and_then(|o| o.remove("expect"))
            .unwrap_or(Value::Null);
        let outcome = match CommandEnvelope::from_value(envelope)
            .and_then(|c| ledger.execute(c).map(|evs| evs.to_vec()))
        {
            Ok(events) => {
                json!({"ok": events.iter().map(|e| e.event.type_name()).collect::<Vec<_>>()})
            }
            Err(e) => json!({"error": error_json(&e)}),
        };
        if !matches(&expect, &outcome) {
            mismatches.push(format!("steps[{i}]"));
        }
        steps.push(outcome);
    }
    let mut figures = Vec::new();
    for (k, f) in s["figures"].as_array().into_iter().flatten().enumerate() {
        let filter = f.get("filter").map(|v| v.to_string());
        let got = match ledger.figures_to_json(f["as_of"].as_str().unwrap_or(""), filter.as_deref())
        {
            Ok(text) => serde_json::from_str(&text).expect("figures are JSON"),
            Err(e) => json!({"error": error_json(&e)}),
        };
        if !matches(&f["expect"], &got) {
            mismatches.push(format!("figures[{k}]"));
        }
        figures.push(got);
    }
    let mut views = Vec::new();
    for (k, v) in s["views"].as_array().into_iter().flatten().enumerate() {
        let got = match ledger.suggestion_view_to_json(
            v["suggestion"].as_str().unwrap_or(""),
            v["as_of"].as_str().unwrap_or(""),
        ) {
            Ok(text) => serde_json::from_str(&text).expect("views are JSON"),
            Err(e) => json!({"error": error_json(&e)}),
        };
        if !matches(&v["expect"], &got) {
            mismatches.push(format!("views[{k}]"));
        }
        views.push(got);
    }
    // Queries: only when the file has a `queries` key (checked by `check_queries`), so the
    // output of files without one is unchanged.
    let queries = s.get("queries").map(|list| {
        let mut out = Vec::new();
        for (k, q) in list.as_array().into_iter().flatten().enumerate() {
            let got = match query(&ledger, q) {
                Ok(text) => serde_json::from_str(&text).expect("query results are JSON"),
                Err(e) => json!({"error": error_json(&e)}),
            };
            if !matches(&q["expect"], &got) {
                mismatches.push(format!("queries[{k}]"));
            }
            out.push(got);
        }
        Value::Array(out)
    });
    // State is a function of the events: replaying the log and restoring a snapshot both
    // reproduce it exactly.
    let snapshot = renda::wire::to_json(&ledger.snapshot());
    let replayed = Ledger::replay(rules.clone(), ledger.events().to_vec())
        .map(|l| renda::wire::to_json(&l.snapshot()));
    let replay_equal = replayed.as_deref() == Ok(snapshot.as_str());
    let restored = serde_json::from_str(&snapshot)
        .map_err(|_| ())
        .and_then(|snap| Ledger::restore(rules, snap).map_err(|_| ()))
        .map(|l| renda::wire::to_json(&l.snapshot()));
    let snapshot_equal = restored.as_deref() == Ok(snapshot.as_str());
    if !replay_equal {
        mismatches.push("replay".into());
    }
    if !snapshot_equal {
        mismatches.push("snapshot".into());
    }
    let mut out = json!({
        "name": s["name"],
        "steps": steps,
        "figures": figures,
        "views": views,
        "events": ledger.events().len(),
        "replay_equal": replay_equal,
        "snapshot_equal": snapshot_equal,
        "mismatches": mismatches,
        "passed": mismatches.is_empty(),
    });
    if let Some(q) = queries {
        out["queries"] = q;
    }
    out
}

/// Checks the `queries` key before anything runs: a malformed query is an error in the file,
/// like invalid JSON (exit 2), not an outcome to compare. The queries and their arguments are
/// core's ([`renda::query::QUERIES`]).
fn check_queries(s: &Value) -> Result<(), String> {
    let Some(list) = s.get("queries") else {
        return Ok(());
    };
    let list = list
        .as_array()
        .ok_or("`queries` must be an array of queries")?;
    for (k, q) in list.iter().enumerate() {
        let q = q
            .as_object()
            .ok_or_else(|| format!("queries[{k}] must be an object"))?;
        renda::query::check(q, &["expect"]).map_err(|e| format!("queries[{k}]: {e}"))?;
    }
    Ok(())
}

/// Runs one (checked) query through the Rust API; returns its JSON text.
fn query(ledger: &Ledger, q: &Value) -> Result<String, RendaError> {
    let q = q
        .as_object()
        .expect("check_queries checked the query is an object");
    ledger.query_map(q, &["expect"])
}

/// `expected` matches `actual` when every key of an expected object matches the same key of
/// the actual object (extra actual keys are ignored), arrays match element by element with the
/// same length, and other values are equal. A null expectation matches anything.
fn matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Null, _) => true,
        (Value::Object(e), Value::Object(a)) => e.iter().all(|(k, v)| {
            a.get(k).is_some_and(|av| matches(v, av))
                || (v.is_null() && a.get(k).is_some_and(Value::is_null))
        }),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| matches(x, y))
        }
        (e, a) => e == a,
    }
}

/// Compact JSON with object keys sorted at every level.
fn canonical(v: &Value) -> String {
    fn sort(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                let mut out = Map::new();
                for k in keys {
                    out.insert(k.clone(), sort(&m[k]));
                }
                Value::Object(out)
            }
            Value::Array(a) => Value::Array(a.iter().map(sort).collect()),
            other => other.clone(),
        }
    }
    serde_json::to_string(&sort(v)).expect("values serialise")
}
