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

/// The queries a scenario may ask, with their required and optional arguments (besides
/// `query` and `expect`). Required arguments are strings; `decimals` is an integer from 0 to
/// 6, `scope` a string or an object, `reader` an object; an optional argument that is absent
/// or null is not given.
const QUERIES: &[(&str, &[&str], &[&str])] = &[
    ("composition", &["congress", "as_of"], &["decimals"]),
    ("participation", &["congress", "from", "to"], &["decimals"]),
    ("check_organisation", &["congress", "as_of"], &[]),
    ("compliance", &["congress", "as_of"], &[]),
    ("points", &["congress", "period"], &["scope", "reader"]),
    ("points_publications", &[], &[]),
    ("deputies", &["as_of"], &[]),
    ("voter_issues", &[], &["reader"]),
    ("archive", &["deputy"], &["reader"]),
    ("key_figures", &["congress", "as_of"], &[]),
    ("key_assessment", &["suggestion", "as_of"], &["reader"]),
    ("supervision_monitor", &["congress", "as_of"], &[]),
    ("evaluations", &[], &["reader"]),
    ("evaluation_sample", &["evaluation", "as_of"], &["reader"]),
    ("motions", &[], &[]),
    ("motion_figures", &["congress", "as_of"], &[]),
    ("class_cases", &["congress", "as_of"], &[]),
    ("class_case_candidates", &["congress", "min_score"], &[]),
    ("unit_scores", &["as_of"], &["filter", "reader"]),
    ("figures_by", &["as_of", "by"], &["filter", "reader"]),
    ("plan_ledger", &["congress", "as_of"], &[]),
    ("meeting", &["meeting"], &[]),
    ("ballots", &["congress", "from", "to"], &[]),
    ("ballots_popolo", &["congress", "from", "to"], &[]),
    ("meeting_compliance", &["congress", "year"], &[]),
    ("oversight_figures", &["congress", "from", "to"], &[]),
    // @queries: meetings
    ("supervision_plan", &["congress", "year"], &[]),
    ("report_calendar", &["congress", "year", "as_of"], &[]),
    // @queries: items
    ("inspections", &["congress", "year"], &[]),
    ("inspection_obligations", &["congress", "year"], &[]),
    ("deliberation_opinions", &["congress", "session"], &[]),
    ("resolution_follow_up", &["congress", "year"], &[]),
    ("livelihood_projects", &["congress", "year"], &[]),
    // @queries: followup
    ("evaluation_coverage", &["congress", "as_of"], &[]),
    ("work_evaluations", &["congress", "year"], &[]),
    // @queries: evaluation
    ("escalations", &["congress", "year"], &[]),
    ("escalation_compliance", &["congress", "year"], &[]),
    // @queries: escalation
    ("filing_review", &["congress", "year"], &[]),
    ("normative_documents", &[], &[]),
    ("budget_pre_review_coverage", &["congress", "year"], &[]),
    ("key_budget_review", &["congress", "year"], &[]),
    ("audit_double_list", &["congress", "year"], &[]),
    ("budget_records", &["congress"], &[]),
    // @queries: budget
];

/// Checks the `queries` key before anything runs: a malformed query is an error in the file,
/// like invalid JSON (exit 2), not an outcome to compare.
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
        let name = q
            .get("query")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("queries[{k}].query must be a string naming the query"))?;
        let Some((_, required, optional)) = QUERIES.iter().find(|(n, _, _)| *n == name) else {
            let known: Vec<&str> = QUERIES.iter().map(|(n, _, _)| *n).collect();
            return Err(format!(
                "queries[{k}]: unknown query `{name}` (known: {})",
                known.join(", ")
            ));
        };
        for arg in *required {
            if !q.get(*arg).is_some_and(Value::is_string) {
                return Err(format!("queries[{k}].{arg} must be a string ({name})"));
            }
        }
        for (key, v) in q {
            let key = key.as_str();
            if key == "query" || key == "expect" || required.contains(&key) {
                continue;
            }
            if !optional.contains(&key) {
                return Err(format!("queries[{k}]: unknown argument `{key}` for {name}"));
            }
            let (ok, want) = match key {
                "decimals" => (v.as_u64().is_some_and(|n| n <= 6), "an integer from 0 to 6"),
                "scope" => (v.is_string() || v.is_object(), "a string or an object"),
                _ => (v.is_object(), "an object"),
            };
            if !ok && !v.is_null() {
                return Err(format!("queries[{k}].{key} must be {want} ({name})"));
            }
        }
    }
    Ok(())
}

/// Runs one (checked) query through the Rust API; returns its JSON text.
fn query(ledger: &Ledger, q: &Value) -> Result<String, RendaError> {
    let arg = |k: &str| q[k].as_str().unwrap_or("");
    // Optional JSON arguments reach the API as JSON text, as the bindings pass them.
    let text = |k: &str| q.get(k).filter(|v| !v.is_null()).map(Value::to_string);
    let decimals = |default: u32| q["decimals"].as_u64().map_or(default, |n| n as u32);
    match arg("query") {
        "composition" => ledger.composition_to_json(arg("congress"), arg("as_of"), decimals(2)),
        "participation" => {
            ledger.participation_to_json(arg("congress"), arg("from"), arg("to"), decimals(1))
        }
        "check_organisation" => ledger.check_organisation_to_json(arg("congress"), arg("as_of")),
        "compliance" => ledger.compliance_to_json(arg("congress"), arg("as_of")),
        "points" => {
            let scope = text("scope");
            match text("reader") {
                Some(r) => {
                    ledger.points_as_json(&r, arg("congress"), arg("period"), scope.as_deref())
                }
                None => ledger.points_to_json(arg("congress"), arg("period"), scope.as_deref()),
            }
        }
        "points_publications" => Ok(ledger.points_publications_to_json()),
        "deputies" => ledger.deputies_to_json(arg("as_of")),
        "voter_issues" => match text("reader") {
            Some(r) => ledger.voter_issues_as_json(&r),
            None => Ok(ledger.voter_issues_to_json()),
        },
        "archive" => match text("reader") {
            Some(r) => ledger.archive_as_json(&r, arg("deputy")),
            None => ledger.archive_to_json(arg("deputy")),
        },
        "key_figures" => ledger.key_figures_to_json(arg("congress"), arg("as_of")),
        "key_assessment" => match text("reader") {
            Some(r) => ledger.key_assessment_as_json(&r, arg("suggestion"), arg("as_of")),
            None => ledger.key_assessment_to_json(arg("suggestion"), arg("as_of")),
        },
        "supervision_monitor" => ledger.supervision_monitor_to_json(arg("congress"), arg("as_of")),
        "evaluations" => match text("reader") {
            Some(r) => ledger.evaluations_as_json(&r),
            None => Ok(ledger.evaluations_to_json()),
        },
        "evaluation_sample" => match text("reader") {
            Some(r) => ledger.evaluation_sample_as_json(&r, arg("evaluation"), arg("as_of")),
            None => ledger.evaluation_sample_to_json(arg("evaluation"), arg("as_of")),
        },
        "motions" => Ok(ledger.motions_to_json()),
        "motion_figures" => ledger.motion_figures_to_json(arg("congress"), arg("as_of")),
        "class_cases" => ledger.class_case_report_to_json(arg("as_of"), Some(arg("congress"))),
        "class_case_candidates" => {
            ledger.class_case_candidates_to_json(arg("congress"), arg("min_score"))
        }
        "unit_scores" => {
            let filter = text("filter");
            match text("reader") {
                Some(r) => ledger.unit_scores_as_json(&r, arg("as_of"), filter.as_deref()),
                None => ledger.unit_scores_to_json(arg("as_of"), filter.as_deref()),
            }
        }
        "figures_by" => {
            let filter = text("filter");
            match text("reader") {
                Some(r) => {
                    ledger.figures_by_as_json(&r, arg("as_of"), arg("by"), filter.as_deref())
                }
                None => ledger.figures_by_to_json(arg("as_of"), arg("by"), filter.as_deref()),
            }
        }
        "plan_ledger" => ledger.plan_ledger_to_json(arg("congress"), arg("as_of")),
        "meeting" => ledger.meeting_to_json(arg("meeting")),
        "ballots" => ledger.ballots_to_json(arg("congress"), arg("from"), arg("to")),
        "ballots_popolo" => ledger.ballots_to_popolo_json(arg("congress"), arg("from"), arg("to")),
        "meeting_compliance" => ledger.meeting_compliance_to_json(arg("congress"), arg("year")),
        "oversight_figures" => {
            ledger.oversight_figures_to_json(arg("congress"), arg("from"), arg("to"))
        }
        // @query-dispatch: meetings
        "supervision_plan" => ledger.supervision_plan_to_json(arg("congress"), arg("year")),
        "report_calendar" => {
            ledger.report_calendar_to_json(arg("congress"), arg("year"), arg("as_of"))
        }
        // @query-dispatch: items
        "inspections" => ledger.inspections_to_json(arg("congress"), arg("year")),
        "inspection_obligations" => {
            ledger.inspection_obligations_to_json(arg("congress"), arg("year"))
        }
        "deliberation_opinions" => {
            ledger.deliberation_opinions_to_json(arg("congress"), arg("session"))
        }
        "resolution_follow_up" => ledger.resolution_follow_up_to_json(arg("congress"), arg("year")),
        "livelihood_projects" => ledger.livelihood_projects_to_json(arg("congress"), arg("year")),
        // @query-dispatch: followup
        "evaluation_coverage" => ledger.evaluation_coverage_to_json(arg("congress"), arg("as_of")),
        "work_evaluations" => ledger.work_evaluations_to_json(arg("congress"), arg("year")),
        // @query-dispatch: evaluation
        "escalations" => ledger.escalations_to_json(arg("congress"), arg("year")),
        "escalation_compliance" => {
            ledger.escalation_compliance_to_json(arg("congress"), arg("year"))
        }
        // @query-dispatch: escalation
        "filing_review" => ledger.filing_review_to_json(arg("congress"), arg("year")),
        "normative_documents" => Ok(ledger.normative_documents_to_json()),
        "budget_pre_review_coverage" => {
            ledger.budget_pre_review_coverage_to_json(arg("congress"), arg("year"))
        }
        "key_budget_review" => ledger.key_budget_review_to_json(arg("congress"), arg("year")),
        "audit_double_list" => ledger.audit_double_list_to_json(arg("congress"), arg("year")),
        "budget_records" => ledger.budget_records_to_json(arg("congress")),
        // @query-dispatch: budget
        other => unreachable!("check_queries lets no unknown query `{other}` through"),
    }
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
