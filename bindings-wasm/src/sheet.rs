//! Spreadsheets in the browser: CSV import and export of the suggestion ledger, each method one
//! call of `renda::sheet`. (XLSX is left out of the wasm build to keep it small.)
//!
//! Errors are thrown as their wire form: a renda error for bad options, or (code
//! `invalid_sheet`) the list of row errors `{row, column, value, reason, code}` under `errors`.

use super::Ledger;
use renda::sheet::{self, ExportOptions, ImportOptions, SheetFailure};
use wasm_bindgen::prelude::*;

fn to_js(e: SheetFailure) -> JsValue {
    JsValue::from_str(&e.info_json())
}

fn import_options(options: Option<String>) -> Result<ImportOptions, JsValue> {
    ImportOptions::from_json(options.as_deref()).map_err(|e| to_js(e.into()))
}

#[wasm_bindgen]
impl Ledger {
    /// Imports CSV bytes, all or nothing, and returns the plan as JSON; with `apply` false,
    /// only plans (nothing is changed).
    #[wasm_bindgen(js_name = importCsvJson)]
    pub fn import_csv_json(
        &mut self,
        data: &[u8],
        options: Option<String>,
        apply: bool,
    ) -> Result<String, JsValue> {
        let opts = import_options(options)?;
        let plan = sheet::import_csv(&self.inner, data, &opts).map_err(|e| to_js(e.into()))?;
        if apply {
            plan.apply(&mut self.inner).map_err(|e| to_js(e.into()))?;
        }
        Ok(plan.to_json())
    }

    /// The suggestion ledger as CSV bytes; `options` is `ExportOptions` in JSON.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self, options: Option<String>) -> Result<Vec<u8>, JsValue> {
        let opts = ExportOptions::from_json(options.as_deref()).map_err(|e| to_js(e.into()))?;
        Ok(sheet::export_csv(&self.inner, &opts))
    }
}
