#![no_main]
//! Arbitrary command sequences on a live ledger keep every invariant.
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::ledger(data));
