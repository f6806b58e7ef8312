//! WebAssembly bindings of renda: a thin layer over the JSON facade in `renda::api`.
//!
//! Every method takes and returns JSON text (or typed arrays, for tables and the columnar
//! log) and delegates to one call of core; there is no domain logic here. Errors are thrown as
//! the error's wire form (a JSON string, see `renda::ErrorInfo`), which the hand-written JS
//! layer (`js/index.js`) turns into typed `Error` subclasses. Nothing here panics on bad
//! input: every fallible path is a `Result`.
//!
//! Two modules are built from this crate (`scripts/build-wasm.sh`): the full API (default
//! feature `ledger`: the ledger, its rules engine, tables, sheets and reports) in `pkg/`, and
//! with `--no-default-features` the lean figures module in `pkg-figures/`: only the columnar
//! suggestion log ([`SuggestionLog`]) and its figures, for dashboards.

use renda::{api, RendaError};
use wasm_bindgen::prelude::*;

mod columnar;
#[cfg(feature = "ledger")]
mod ledger;
#[cfg(feature = "ledger")]
mod sheet;
#[cfg(feature = "ledger")]
mod table;
#[cfg(feature = "ledger")]
mod toolkit;

pub use columnar::{NationalDataSet, SuggestionLog};
#[cfg(feature = "ledger")]
pub use ledger::Ledger;
#[cfg(feature = "ledger")]
pub use table::Table;

/// The thrown value of a failed call: the error's wire form as a JSON string.
fn to_js(e: RendaError) -> JsValue {
    JsValue::from_str(&renda::wire::to_json(&e.info()))
}

fn book(rules: Option<String>) -> Result<renda::rules::RuleBook, JsValue> {
    api::rule_book(rules.as_deref()).map_err(to_js)
}
