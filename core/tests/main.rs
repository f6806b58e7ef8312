//! The integration tests of `renda`, linked into one test binary.
//!
//! Each module below is one former `tests/*.rs` file. One binary instead of forty links once,
//! which keeps `make test` fast and the debug build small enough for a CI machine's disk (the
//! last CI run died in the linker with a bus error after forty 160 MB test binaries). Run one
//! file's tests with `cargo test -p renda --test integration <module>::`.

mod common;

mod annual_report;
mod breakdown;
mod budget_filing;
mod budget_filing_props;
mod chain_tamper;
mod class_case_props;
mod class_cases;
mod columnar;
mod columnar_arrow;
mod columnar_deputies;
mod compliance;
mod composition;
mod demo_district;
mod deputy_props;
mod escalation;
mod escalation_props;
mod fuzz_regressions;
mod handling_evaluation;
mod hostile_input;
mod ical;
mod inspection_props;
mod inspections;
mod key_props;
mod key_suggestions;
mod ledger_props;
mod meeting_props;
mod meetings;
mod motion_props;
mod motions;
mod national;
mod permission_matrix;
mod popolo;
mod schema_golden;
mod sheets;
mod similarity;
mod supervision;
mod tables;
mod unit_scores;
mod visibility;
mod work_evaluation;
mod work_evaluation_props;
mod work_report_props;
mod work_reports;
