//! `make bench` (first part): throughput of the ledger on the demo district scaled up, printed as
//! figures, with the baselines they are compared against measured in the same run.
//!
//! - execute: commands checked and recorded per second (baseline: parsing the same commands
//!   from JSON, which every write path pays anyway);
//! - replay: events applied per second from memory, one core (baseline: deserialising the
//!   same events from JSON);
//! - figures: building the columnar frame and computing the figures as of a date (baseline:
//!   the same totals computed by walking the object graph of the state).
//!
//! Usage: `cargo run --release -p renda --example bench [-- COPIES]` (default 500 copies of
//! the demo year, about 103,000 suggestions).

use renda::{CommandEnvelope, Event, Ledger, SuggestionStatus};
use serde_json::Value;
use std::time::Instant;

const BUNDLED: &str = include_str!("../../examples/data/demo-district-2024.json");

/// Prefixes every identifier in a command so copies of the demo year do not collide.
fn rename(v: &mut Value, k: usize) {
    let p = |s: &str| format!("{k}-{s}");
    let c = &mut v["command"];
    for key in [
        "congress",
        "deputy",
        "lead",
        "unit",
        "lead_unit",
        "suggestion",
    ] {
        if let Some(s) = c.get(key).and_then(Value::as_str) {
            c[key] = Value::String(p(s));
        }
    }
    for key in ["cosigners", "co_units"] {
        if let Some(a) = c.get_mut(key).and_then(Value::as_array_mut) {
            for x in a.iter_mut() {
                *x = Value::String(p(x.as_str().unwrap_or_default()));
            }
        }
    }
    let role = v["actor"]["role"].as_str().unwrap_or_default().to_string();
    if role == "deputy" || role == "handling_unit" {
        let id = v["actor"]["id"].as_str().unwrap_or_default().to_string();
        v["actor"]["id"] = Value::String(p(&id));
    }
}

fn rate(n: usize, secs: f64) -> String {
    format!("{:.2} M/s", n as f64 / secs / 1e6)
}

fn main() {
    let copies: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let base: Vec<Value> = serde_json::from_str(BUNDLED).expect("bundled data is JSON");
    let mut all: Vec<(String, usize, Value)> = Vec::with_capacity(base.len() * copies);
    for k in 0..copies {
        for (i, c) in base.iter().enumerate() {
            let mut c = c.clone();
            rename(&mut c, k);
            all.push((c["at"].as_str().unwrap_or_default().to_string(), i, c));
        }
    }
    all.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let texts: Vec<String> = all.iter().map(|(_, _, c)| c.to_string()).collect();
    println!(
        "renda bench: {} copies of the demo year = {} commands",
        copies,
        texts.len()
    );

    // Baseline: parsing the commands.
    let t = Instant::now();
    let parsed: Vec<CommandEnvelope> = texts
        .iter()
        .map(|s| CommandEnvelope::from_json(s).expect("valid command"))
        .collect();
    let parse_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut ledger = Ledger::new(Default::default());
    for c in parsed {
        ledger.execute(c).expect("demo commands are valid");
    }
    let exec_s = t.elapsed().as_secs_f64();
    let events = ledger.events().to_vec();
    println!(
        "execute:  {:>9} commands in {:.3} s = {}   (baseline: JSON parse of the commands {:.3} s = {})",
        texts.len(),
        exec_s,
        rate(texts.len(), exec_s),
        parse_s,
        rate(texts.len(), parse_s)
    );

    // Replay from memory vs deserialising the events.
    let json = serde_json::to_string(&events).expect("events serialise");
    let t = Instant::now();
    let back: Vec<Event> = serde_json::from_str(&json).expect("events parse");
    let de_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let replayed = Ledger::replay(Default::default(), back).expect("replay");
    let replay_s = t.elapsed().as_secs_f64();
    assert_eq!(replayed.state(), ledger.state());
    println!(
        "replay:   {:>9} events   in {:.3} s = {}   (baseline: JSON deserialise of the events {:.3} s = {}; {:.0} bytes/event as JSON)",
        events.len(),
        replay_s,
        rate(events.len(), replay_s),
        de_s,
        rate(events.len(), de_s),
        json.len() as f64 / events.len() as f64
    );

    // Figures over the columnar frame vs walking the object graph.
    let as_of = chrono::NaiveDate::from_ymd_opt(2024, 5, 15).expect("date");
    let n = ledger.suggestions().count();
    let t = Instant::now();
    let frame = renda::projection::SuggestionFrame::build(
        ledger.state(),
        ledger.rules(),
        ledger.calendar(),
        &Default::default(),
    )
    .expect("frame");
    let build_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let f = frame.figures(as_of).expect("figures");
    let fig_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (mut replied, mut closed) = (0u64, 0u64);
    for s in ledger.suggestions() {
        if s.replies.iter().any(|r| r.on <= as_of) && s.assignment.is_some() {
            replied += 1;
        }
        if s.status_as_of(as_of) == Some(SuggestionStatus::Closed) {
            closed += 1;
        }
    }
    let walk_s = t.elapsed().as_secs_f64();
    assert_eq!((replied, closed), (f.counts.replied, f.counts.closed));
    println!(
        "figures:  {:>9} suggestions: frame build {:.1} ms, figures as of {} {:.1} ms   (baseline: two counts by walking the state {:.1} ms)",
        n,
        build_s * 1e3,
        as_of,
        fig_s * 1e3,
        walk_s * 1e3
    );
}
