//! The demo district generator (renda::demo): deterministic, every command accepted, the log
//! replays, and the figures match the seeds it is calibrated on.
#![cfg(feature = "demo")]

use renda::demo::{self, DemoConfig};
use renda::Ledger;

/// Executes the commands one by one, naming the first one rejected.
fn build(config: &DemoConfig) -> Ledger {
    let mut ledger = Ledger::new(demo::rule_book());
    for (i, c) in demo::commands(config).unwrap().into_iter().enumerate() {
        let text = serde_json::to_string(&c).unwrap();
        if let Err(e) = ledger.execute(c) {
            panic!(
                "command {i} rejected: {e} ({:?} {:?})\n{text}",
                e.code(),
                e.field()
            );
        }
    }
    ledger
}

#[test]
fn small_district_has_no_rejected_command() {
    build(&DemoConfig::small());
}

#[test]
fn default_district_has_no_rejected_command() {
    build(&DemoConfig::default());
}
