//! `Table`: a ledger table (`renda::table::Table`) handed to JavaScript as typed arrays, one
//! array per column, never one object per value: numbers and dates as `Float64Array` (NaN
//! where missing; dates as days since 1970-01-01), booleans as `Uint8Array` (0, 1; 2 where
//! missing), categories as `Int32Array` codes (-1 where missing) into a string dictionary,
//! text as JSON. The JS layer (`js/index.js`, `Ledger.table`) assembles the columns.

use renda::table::{epoch_days, ColumnData, Table as CoreTable};
use wasm_bindgen::prelude::*;

/// A ledger table; columns are read by index.
#[wasm_bindgen]
pub struct Table {
    pub(crate) inner: CoreTable,
}

impl Table {
    fn data(&self, i: usize) -> Option<&ColumnData> {
        self.inner.columns.get(i).map(|c| &c.data)
    }
}

#[wasm_bindgen]
impl Table {
    /// The table's name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.name.as_str().to_string()
    }

    /// The date the derived columns are as of (`YYYY-MM-DD`).
    #[wasm_bindgen(getter, js_name = asOf)]
    pub fn as_of(&self) -> String {
        self.inner.as_of.to_string()
    }

    /// Number of rows.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The columns as JSON: `[{name, type, label: {zh, en}}]`, in order.
    #[wasm_bindgen(js_name = columnsJson)]
    pub fn columns_json(&self) -> String {
        let cols: Vec<serde_json::Value> = self
            .inner
            .columns
            .iter()
            .map(|c| {
                serde_json::json!({"name": c.name, "type": c.data.type_name(), "label": c.label})
            })
            .collect();
        serde_json::Value::Array(cols).to_string()
    }

    /// Column `i` of type `int64`, `float64` or `date` (days since 1970-01-01); NaN where
    /// missing; empty for another type.
    pub fn numbers(&self, i: usize) -> Vec<f64> {
        match self.data(i) {
            Some(ColumnData::Int64(v)) => {
                v.iter().map(|x| x.map_or(f64::NAN, |x| x as f64)).collect()
            }
            Some(ColumnData::Float64(v)) => v.iter().map(|x| x.unwrap_or(f64::NAN)).collect(),
            Some(ColumnData::Date(v)) => v
                .iter()
                .map(|x| x.map_or(f64::NAN, |d| f64::from(epoch_days(d))))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Column `i` of type `bool`: 0 (false), 1 (true), 2 (missing); empty for another type.
    pub fn flags(&self, i: usize) -> Vec<u8> {
        match self.data(i) {
            Some(ColumnData::Bool(v)) => v.iter().map(|x| x.map_or(2, u8::from)).collect(),
            _ => Vec::new(),
        }
    }

    /// Column `i` of type `category`: indexes into [`Table::dictionary`], -1 where missing;
    /// empty for another type.
    pub fn codes(&self, i: usize) -> Vec<i32> {
        match self.data(i) {
            Some(ColumnData::Category(c)) => {
                c.codes.iter().map(|x| x.map_or(-1, |x| x as i32)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The dictionary of column `i` of type `category`; empty for another type.
    pub fn dictionary(&self, i: usize) -> Vec<String> {
        match self.data(i) {
            Some(ColumnData::Category(c)) => c.dictionary.clone(),
            _ => Vec::new(),
        }
    }

    /// Column `i` of type `utf8` as a JSON array (`null` where missing); `[]` for another type.
    #[wasm_bindgen(js_name = textsJson)]
    pub fn texts_json(&self, i: usize) -> String {
        match self.data(i) {
            Some(ColumnData::Utf8(v)) => serde_json::to_string(v).unwrap_or_else(|_| "[]".into()),
            _ => "[]".into(),
        }
    }
}
