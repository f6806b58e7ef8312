//! `SuggestionLog`: the columnar suggestion log (`renda::columnar::SuggestionLog`) handed to and
//! from JavaScript as typed arrays, one per column, and its figures as JSON. The dimension
//! tables' names (congress, unit and suggestion ids, levels) cross as JSON; the per-suggestion
//! and per-event columns as typed arrays. Each method converts and calls one method of core.
//!
//! This is the whole of the lean figures module (`pkg-figures/`, built without the `ledger`
//! feature); [`SuggestionLog::from_ledger`] exists only in the full module. The national data
//! set ([`NationalDataSet`], `renda::national`) is in both, so a dashboard can benchmark itself.

use crate::{book, to_js};
use renda::calendar::WorkCalendar;
use renda::columnar::{self, Dimensions};
use renda::figures::{FigureFilter, SuggestionFigures, UnitCount};
use renda::national::{self, NationalConfig};
use renda::rules::RuleBook;
use renda::suggestion::SubmissionPeriod;
use renda::wire::{from_value_at, parse_json, to_json};
use renda::{CongressId, RendaError, SuggestionId, UnitId};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The figures with the per-unit table apart (`SuggestionLog::figuresSplit`): the figures as
/// JSON with `units` empty, the unit ids as a JSON array, and the counts as one
/// `Float64Array`, column after column in the order of `countColumnsJson`
/// (`renda::figures::UnitCount::ALL`), each column as long as the unit list.
#[wasm_bindgen]
pub struct UnitFigureColumns {
    figures_json: String,
    units_json: String,
    counts: Vec<f64>,
}

#[wasm_bindgen]
impl UnitFigureColumns {
    /// The figures as JSON, `units` empty.
    #[wasm_bindgen(js_name = figuresJson)]
    pub fn figures_json(&self) -> String {
        self.figures_json.clone()
    }

    /// The unit ids, one per row, as a JSON array.
    #[wasm_bindgen(js_name = unitsJson)]
    pub fn units_json(&self) -> String {
        self.units_json.clone()
    }

    /// The count column names, in the order of [`Self::counts`], as a JSON array.
    #[wasm_bindgen(js_name = countColumnsJson)]
    pub fn count_columns_json(&self) -> String {
        let names: Vec<&str> = UnitCount::ALL.iter().map(|c| c.name()).collect();
        to_json(&names)
    }

    /// The counts, column after column (copied out once).
    pub fn counts(&self) -> Vec<f64> {
        self.counts.clone()
    }
}

/// The suggestion lifecycle events as columns, with their dimension tables.
#[wasm_bindgen]
pub struct SuggestionLog {
    inner: columnar::SuggestionLog,
    /// The rule book the figures use when none is given: the ledger's, for a log taken from a
    /// ledger; the national rules otherwise. Shared by the parts of a partition.
    book: Arc<RuleBook>,
}

/// `value[key]`, taken out (`null` when absent).
fn take(value: &mut serde_json::Value, key: &str) -> serde_json::Value {
    value
        .get_mut(key)
        .map(serde_json::Value::take)
        .unwrap_or_default()
}

/// The dimension tables from the names (JSON `{congresses, levels, units, suggestions}`) and
/// the two per-suggestion columns (`during`: the index in `SubmissionPeriod::ALL`, 0 session,
/// 1 recess).
fn dimensions(
    names: &str,
    suggestion_congress: Vec<u32>,
    during: &[u8],
) -> renda::Result<Dimensions> {
    let mut v = parse_json(names)?;
    let during = during
        .iter()
        .enumerate()
        .map(|(row, &p)| {
            SubmissionPeriod::ALL
                .get(usize::from(p))
                .copied()
                .ok_or_else(|| RendaError::InvalidField {
                    field: format!("dimensions.during[{row}]"),
                    value: p.to_string(),
                    reason: "must be 0 (session) or 1 (recess)".into(),
                })
        })
        .collect::<renda::Result<_>>()?;
    Ok(Dimensions {
        congresses: from_value_at::<Vec<CongressId>>(
            take(&mut v, "congresses"),
            "dimensions.congresses",
        )?,
        levels: from_value_at(take(&mut v, "levels"), "dimensions.levels")?,
        units: from_value_at::<Vec<UnitId>>(take(&mut v, "units"), "dimensions.units")?,
        suggestions: from_value_at::<Vec<SuggestionId>>(
            take(&mut v, "suggestions"),
            "dimensions.suggestions",
        )?,
        suggestion_congress,
        during,
    })
}

impl SuggestionLog {
    /// The figures of [`Self::figures_json`], before they are turned into JSON.
    fn figures(
        &self,
        as_of: &str,
        filter: Option<String>,
        rules: Option<String>,
    ) -> Result<SuggestionFigures, JsValue> {
        let as_of = renda::time::parse_date("as_of", as_of).map_err(to_js)?;
        let filter: FigureFilter = match filter {
            Some(f) => parse_json(&f).and_then(|v| from_value_at(v, "filter")),
            None => Ok(FigureFilter::default()),
        }
        .map_err(to_js)?;
        let given = rules.map(|r| book(Some(r))).transpose()?;
        let rules = given.as_ref().unwrap_or(&self.book);
        self.inner
            .figures_with(&filter, rules, WorkCalendar::china(), as_of)
            .map_err(to_js)
    }
}

#[wasm_bindgen]
impl SuggestionLog {
    /// A log from its columns (see `renda::columnar::SuggestionLog::from_columns`): the
    /// dimension names as JSON `{congresses, levels, units, suggestions}`, each suggestion's
    /// congress row and submission period (0 session, 1 recess), and the four event columns.
    /// Every row is checked; the first bad one is thrown (`events[3].kind`).
    #[wasm_bindgen(js_name = fromColumns)]
    pub fn from_columns(
        names: &str,
        suggestion_congress: Vec<u32>,
        during: Vec<u8>,
        suggestion: Vec<u32>,
        day: Vec<i32>,
        kind: Vec<u8>,
        arg: Vec<u32>,
    ) -> Result<SuggestionLog, JsValue> {
        let dims = dimensions(names, suggestion_congress, &during).map_err(to_js)?;
        let inner = columnar::SuggestionLog::from_columns(dims, suggestion, day, kind, arg)
            .map_err(to_js)?;
        Ok(SuggestionLog {
            inner,
            book: Arc::default(),
        })
    }

    /// Number of events.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The figures as of the end of `as_of`, for the suggestions submitted in this log that
    /// pass `filter` (a `FigureFilter` in JSON), under `rules` (a rule-book spec in JSON;
    /// absent: the log's own rule book), as JSON.
    #[wasm_bindgen(js_name = figuresJson)]
    pub fn figures_json(
        &self,
        as_of: &str,
        filter: Option<String>,
        rules: Option<String>,
    ) -> Result<String, JsValue> {
        self.figures(as_of, filter, rules).map(|f| to_json(&f))
    }

    /// [`Self::figures_json`] with the per-unit figures apart, as columns
    /// ([`UnitFigureColumns`]), and the JSON's `units` list empty: the form for many units,
    /// which as JSON objects would cost more than the figures themselves.
    #[wasm_bindgen(js_name = figuresSplit)]
    pub fn figures_split(
        &self,
        as_of: &str,
        filter: Option<String>,
        rules: Option<String>,
    ) -> Result<UnitFigureColumns, JsValue> {
        let mut figures = self.figures(as_of, filter, rules)?;
        let units = std::mem::take(&mut figures.units);
        let n = units.len();
        let mut counts = Vec::with_capacity(n * UnitCount::ALL.len());
        for count in UnitCount::ALL {
            // Counts are at most the log's suggestion rows (u32), exact in an f64.
            counts.extend(units.iter().map(|u| count.of(u) as f64));
        }
        let names: Vec<&str> = units.iter().map(|u| u.unit.as_str()).collect();
        Ok(UnitFigureColumns {
            figures_json: to_json(&figures),
            units_json: to_json(&names),
            counts,
        })
    }

    /// The log split into `parts` logs of whole congresses, sharing the dimension tables and
    /// the rule book (see `renda::columnar::SuggestionLog::partition`).
    pub fn partition(&self, parts: usize) -> Vec<SuggestionLog> {
        self.inner
            .partition(parts)
            .into_iter()
            .map(|inner| SuggestionLog {
                inner,
                book: Arc::clone(&self.book),
            })
            .collect()
    }

    /// The dimension names as JSON `{congresses, levels, units, suggestions}`.
    #[wasm_bindgen(js_name = dimensionsJson)]
    pub fn dimensions_json(&self) -> String {
        let d = self.inner.dimensions();
        to_json(&serde_json::json!({
            "congresses": d.congresses,
            "levels": d.levels,
            "units": d.units,
            "suggestions": d.suggestions,
        }))
    }

    /// Each suggestion's congress row.
    #[wasm_bindgen(js_name = suggestionCongress)]
    pub fn suggestion_congress(&self) -> Vec<u32> {
        self.inner.dimensions().suggestion_congress.clone()
    }

    /// Each suggestion's submission period: its index in `SubmissionPeriod::ALL` (0 session,
    /// 1 recess).
    pub fn during(&self) -> Vec<u8> {
        let code = |p: &SubmissionPeriod| SubmissionPeriod::ALL.iter().position(|x| x == p);
        self.inner
            .dimensions()
            .during
            .iter()
            .map(|p| code(p).map_or(u8::MAX, |i| i as u8))
            .collect()
    }

    /// The suggestion column (rows of the suggestion table).
    #[wasm_bindgen(js_name = suggestionColumn)]
    pub fn suggestion_column(&self) -> Vec<u32> {
        self.inner.suggestions().to_vec()
    }

    /// The day column (days since 1970-01-01).
    #[wasm_bindgen(js_name = dayColumn)]
    pub fn day_column(&self) -> Vec<i32> {
        self.inner.days().to_vec()
    }

    /// The kind column (`LifecycleKind` codes).
    #[wasm_bindgen(js_name = kindColumn)]
    pub fn kind_column(&self) -> Vec<u8> {
        self.inner.kinds().iter().map(|k| *k as u8).collect()
    }

    /// The payload column (`Lifecycle::arg`).
    #[wasm_bindgen(js_name = argColumn)]
    pub fn arg_column(&self) -> Vec<u32> {
        self.inner.args().to_vec()
    }
}

#[cfg(feature = "ledger")]
#[wasm_bindgen]
impl SuggestionLog {
    /// The suggestion lifecycle of a ledger's log as columns; its figures default to the
    /// ledger's rule book, so they equal the ledger's own.
    #[wasm_bindgen(js_name = fromLedger)]
    pub fn from_ledger(ledger: &crate::Ledger) -> Result<SuggestionLog, JsValue> {
        let inner = columnar::SuggestionLog::from_ledger(&ledger.inner).map_err(to_js)?;
        Ok(SuggestionLog {
            inner,
            book: Arc::new(ledger.inner.rules().clone()),
        })
    }
}

/// The figures of disjoint parts (a JSON array of figures, all as of one date) added into the
/// figures of the whole (`renda::figures::SuggestionFigures::combine`), as JSON.
#[wasm_bindgen(js_name = combineFiguresJson)]
pub fn combine_figures_json(parts: &str) -> Result<String, JsValue> {
    parse_json(parts)
        .and_then(|v| from_value_at::<Vec<SuggestionFigures>>(v, "parts"))
        .and_then(SuggestionFigures::combine)
        .map(|f| to_json(&f))
        .map_err(to_js)
}

/// The national data set (`renda::national::generate`) handed to JavaScript: the log (taken
/// once), the data set's rule book as a rules spec, its summary and the end of its year. The
/// JS layer (`nationalLog`) unpacks it into a plain object and frees it.
#[wasm_bindgen]
pub struct NationalDataSet {
    log: Option<SuggestionLog>,
    rules: String,
    summary: String,
    year_end: String,
}

#[wasm_bindgen]
impl NationalDataSet {
    /// Generates the data set from a `NationalConfig` in JSON (`{seed, scale, year}`, each
    /// optional; `{}`: the whole country, seed 2024, 2024). Bad fields throw (`config.scale`).
    pub fn generate(config: &str) -> Result<NationalDataSet, JsValue> {
        let config: NationalConfig = parse_json(config)
            .and_then(|v| from_value_at(v, "config"))
            .map_err(to_js)?;
        let data = national::generate(&config).map_err(to_js)?;
        let year_end = data.year_end().to_string();
        Ok(NationalDataSet {
            rules: to_json(&national::rules_spec()),
            summary: to_json(&data.summary),
            year_end,
            log: Some(SuggestionLog {
                inner: data.log,
                book: Arc::new(data.book),
            }),
        })
    }

    /// The log, whose figures default to the data set's rule book; `undefined` once taken.
    #[wasm_bindgen(js_name = takeLog)]
    pub fn take_log(&mut self) -> Option<SuggestionLog> {
        self.log.take()
    }

    /// The data set's rule book as a rules spec (a JSON list of rule sets), as
    /// `SuggestionLog.figures` takes it.
    #[wasm_bindgen(js_name = rulesJson)]
    pub fn rules_json(&self) -> String {
        self.rules.clone()
    }

    /// What was generated (`NationalSummary`), as JSON.
    #[wasm_bindgen(js_name = summaryJson)]
    pub fn summary_json(&self) -> String {
        self.summary.clone()
    }

    /// The last day of the generated year (`YYYY-MM-DD`), the date of the annual figures.
    #[wasm_bindgen(js_name = yearEnd, getter)]
    pub fn year_end(&self) -> String {
        self.year_end.clone()
    }
}
