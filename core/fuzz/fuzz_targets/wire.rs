#![no_main]
//! Every JSON entry point of the wire format on arbitrary bytes: an error, never a panic.
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::wire(data));
