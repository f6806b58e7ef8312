#![no_main]
//! CSV and XLSX import on arbitrary bytes: a row-level error report or a plan, never a panic;
//! a failed import changes nothing.
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::sheet(data));
