//! `renda._native.SuggestionLog`: the columnar suggestion log (`renda::columnar`) loaded in
//! bulk from Arrow data through the Arrow PyCapsule interface (`__arrow_c_stream__`: pyarrow,
//! polars, renda's own tables), its figures, and its tables handed back the same way. The
//! conversion, checks and replays run in core with the GIL released.

use crate::{field_text, internal_error, native_error, opt_json_text, run, PyLedger};
use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyString};
use renda::columnar::deputies::DeputyLog;
use renda::columnar::SuggestionLog;
use renda::RendaError;
use std::ffi::CString;
use std::sync::Arc;

/// The columnar suggestion log of a country (or any set of congresses).
#[pyclass(module = "renda._native", name = "SuggestionLog", frozen)]
pub(crate) struct PySuggestionLog {
    log: Arc<SuggestionLog>,
}

/// An Arrow error from a producer's stream, named after the argument it came from.
fn stream_error(what: &str, e: impl std::fmt::Display) -> PyErr {
    native_error(&RendaError::InvalidField {
        field: what.to_string(),
        value: String::new(),
        reason: format!("the Arrow stream could not be read: {e}"),
    })
}

/// The record batches of `obj` (anything with `__arrow_c_stream__`), read with the GIL held:
/// importing them is zero-copy.
fn batches(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<RecordBatch>> {
    if !obj.hasattr("__arrow_c_stream__")? {
        return Err(native_error(&RendaError::InvalidField {
            field: what.to_string(),
            value: obj.get_type().name()?.to_string(),
            reason: "needs an object with __arrow_c_stream__ (a pyarrow Table, a polars \
                     DataFrame, ...)"
                .into(),
        }));
    }
    let capsule = obj.call_method0("__arrow_c_stream__")?;
    let capsule = capsule.cast::<PyCapsule>()?;
    let name = CString::new("arrow_array_stream").expect("no NUL");
    let ptr = capsule.pointer_checked(Some(&name))?;
    // SAFETY: the capsule named `arrow_array_stream` holds an FFI_ArrowArrayStream (the
    // PyCapsule interface); `from_raw` moves it out and leaves a released stream behind, which
    // the capsule's destructor then ignores.
    let reader = unsafe { RecordBatchStreamReader::from_raw(ptr.as_ptr().cast()) }
        .map_err(|e| stream_error(what, e))?;
    reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| stream_error(what, e))
}

/// One record batch as an Arrow C stream in a PyCapsule named `arrow_array_stream`.
pub(crate) fn stream_capsule<'py>(
    py: Python<'py>,
    batch: RecordBatch,
) -> PyResult<Bound<'py, PyCapsule>> {
    let schema = batch.schema();
    let reader = RecordBatchIterator::new([Ok(batch)], Arc::clone(&schema));
    let stream = FFI_ArrowArrayStream::new(Box::new(reader));
    PyCapsule::new(
        py,
        stream,
        Some(CString::new("arrow_array_stream").expect("no NUL")),
    )
}

/// A schema in a PyCapsule named `arrow_schema`.
pub(crate) fn schema_capsule<'py>(
    py: Python<'py>,
    schema: &arrow_schema::Schema,
) -> PyResult<Bound<'py, PyCapsule>> {
    let ffi =
        FFI_ArrowSchema::try_from(schema).map_err(|e| internal_error(&format!("arrow: {e}")))?;
    PyCapsule::new(py, ffi, Some(CString::new("arrow_schema").expect("no NUL")))
}

#[pymethods]
impl PySuggestionLog {
    /// A log from the four tables of the national data set, each an object with
    /// `__arrow_c_stream__`; converted and checked with the GIL released.
    #[staticmethod]
    fn from_arrow(
        py: Python<'_>,
        congresses: &Bound<'_, PyAny>,
        units: &Bound<'_, PyAny>,
        suggestions: &Bound<'_, PyAny>,
        events: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let c = batches(congresses, "congresses")?;
        let u = batches(units, "units")?;
        let s = batches(suggestions, "suggestions")?;
        let e = batches(events, "events")?;
        let log = run(py, || SuggestionLog::from_record_batches(&c, &u, &s, &e))?;
        Ok(Self { log: Arc::new(log) })
    }

    /// The suggestion lifecycle of a ledger's log.
    #[staticmethod]
    fn from_ledger(py: Python<'_>, ledger: &Bound<'_, PyLedger>) -> PyResult<Self> {
        let inner = ledger.get();
        let log = run(py, || SuggestionLog::from_ledger(&inner.lock()))?;
        Ok(Self { log: Arc::new(log) })
    }

    /// Number of events.
    fn __len__(&self) -> usize {
        self.log.len()
    }

    /// Number of suggestions in the dimension table.
    #[getter]
    fn suggestion_count(&self) -> usize {
        self.log.dimensions().suggestions.len()
    }

    /// The figures as of `as_of` (`YYYY-MM-DD`) as JSON; `filter` and `rules` in JSON.
    #[pyo3(signature = (as_of, filter = None, rules = None))]
    fn figures_json(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
        rules: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let as_of = field_text(as_of, "as_of")?;
        let filter = opt_json_text(filter)?;
        let rules = opt_json_text(rules)?;
        let log = &self.log;
        run(py, || {
            renda::api::log_figures_to_json(log, &as_of, filter.as_deref(), rules.as_deref())
        })
    }

    /// The figures as JSON with an empty `units` list, and the per-unit figures as an Arrow
    /// table (`units`); for national figures, whose units are too many for JSON.
    #[pyo3(signature = (as_of, filter = None, rules = None))]
    fn figures_split(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
        rules: Option<&Bound<'_, PyString>>,
    ) -> PyResult<(String, PyArrowTable)> {
        let as_of = field_text(as_of, "as_of")?;
        let filter = opt_json_text(filter)?;
        let rules = opt_json_text(rules)?;
        let log = &self.log;
        let (json, batch) = run(py, || {
            renda::api::log_figures_split(log, &as_of, filter.as_deref(), rules.as_deref())
        })?;
        Ok((
            json,
            PyArrowTable {
                name: "units",
                batch,
            },
        ))
    }

    /// The log split into at most `parts` logs of whole congresses.
    fn partition(&self, py: Python<'_>, parts: usize) -> PyResult<Vec<PySuggestionLog>> {
        let log = &self.log;
        let parts = run(py, || Ok(log.partition(parts)))?;
        Ok(parts
            .into_iter()
            .map(|log| Self { log: Arc::new(log) })
            .collect())
    }

    /// The six tables of the national data set as `(name, ArrowTable)` pairs; `rules` (JSON)
    /// gives the deadlines table, `year` the calendar's and deadlines' first year.
    #[pyo3(signature = (year, rules = None))]
    fn to_arrow(
        &self,
        py: Python<'_>,
        year: i32,
        rules: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Vec<(&'static str, PyArrowTable)>> {
        let rules = opt_json_text(rules)?;
        let log = &self.log;
        let tables = run(py, || {
            let book = renda::api::rule_book(rules.as_deref())?;
            log.to_record_batches(&book, renda::calendar::WorkCalendar::china(), year)
        })?;
        Ok(named_tables(tables))
    }

    /// The log in renda's columnar file format (`renda::columnar::file`), SHA-256 sealed.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let log = &self.log;
        let bytes = run(py, || Ok(log.to_bytes()))?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// A log read from the columnar file format, digest and rows checked (GIL released).
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let log = run(py, || SuggestionLog::from_bytes(data))?;
        Ok(Self { log: Arc::new(log) })
    }

    fn __repr__(&self) -> String {
        format!(
            "<renda.SuggestionLog {} events, {} suggestions>",
            self.log.len(),
            self.log.dimensions().suggestions.len()
        )
    }
}

/// The columnar deputy log (`renda::columnar::deputies`): deputies' activities, suggestions
/// led and co-signed, with their days in office.
#[pyclass(module = "renda._native", name = "DeputyLog", frozen)]
pub(crate) struct PyDeputyLog {
    log: Arc<DeputyLog>,
}

#[pymethods]
impl PyDeputyLog {
    /// A log from its five tables, each an object with `__arrow_c_stream__`; converted and
    /// checked with the GIL released.
    #[staticmethod]
    fn from_arrow(
        py: Python<'_>,
        congresses: &Bound<'_, PyAny>,
        deputies: &Bound<'_, PyAny>,
        spans: &Bound<'_, PyAny>,
        stations: &Bound<'_, PyAny>,
        log: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let c = batches(congresses, "deputy_congresses")?;
        let d = batches(deputies, "deputies")?;
        let s = batches(spans, "deputy_spans")?;
        let st = batches(stations, "stations")?;
        let l = batches(log, "deputy_log")?;
        let log = run(py, || DeputyLog::from_record_batches(&c, &d, &s, &st, &l))?;
        Ok(Self { log: Arc::new(log) })
    }

    /// The deputy log of a ledger.
    #[staticmethod]
    fn from_ledger(py: Python<'_>, ledger: &Bound<'_, PyLedger>) -> PyResult<Self> {
        let inner = ledger.get();
        let log = run(py, || DeputyLog::from_ledger(&inner.lock()))?;
        Ok(Self { log: Arc::new(log) })
    }

    /// Number of rows.
    fn __len__(&self) -> usize {
        self.log.len()
    }

    /// Number of deputies in the dimension table.
    #[getter]
    fn deputy_count(&self) -> usize {
        self.log.dimensions().deputies.len()
    }

    /// Points over `period` and duty compliance as of `as_of`: the sums as JSON, and the
    /// per-deputy and per-congress tables (GIL released).
    #[pyo3(signature = (period, as_of, rules = None))]
    fn figures_split(
        &self,
        py: Python<'_>,
        period: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
        rules: Option<&Bound<'_, PyString>>,
    ) -> PyResult<(String, PyArrowTable, PyArrowTable)> {
        let period = field_text(period, "period")?;
        let as_of = field_text(as_of, "as_of")?;
        let rules = opt_json_text(rules)?;
        let log = &self.log;
        let (json, deputies, congresses) = run(py, || {
            renda::api::deputy_figures_split(log, &period, &as_of, rules.as_deref())
        })?;
        Ok((
            json,
            PyArrowTable {
                name: "deputy_figures",
                batch: deputies,
            },
            PyArrowTable {
                name: "congress_deputy_figures",
                batch: congresses,
            },
        ))
    }

    /// The five tables of the log as `(name, ArrowTable)` pairs.
    fn to_arrow(&self, py: Python<'_>) -> PyResult<Vec<(&'static str, PyArrowTable)>> {
        let log = &self.log;
        let tables = run(py, || log.to_record_batches())?;
        Ok(named_tables(tables))
    }

    fn __repr__(&self) -> String {
        format!(
            "<renda.DeputyLog {} rows, {} deputies>",
            self.log.len(),
            self.log.dimensions().deputies.len()
        )
    }
}

/// Named record batches as `(name, ArrowTable)` pairs.
fn named_tables(tables: Vec<(&'static str, RecordBatch)>) -> Vec<(&'static str, PyArrowTable)> {
    tables
        .into_iter()
        .map(|(name, batch)| (name, PyArrowTable { name, batch }))
        .collect()
}

/// One table of the national data set, for any reader of the Arrow PyCapsule interface.
#[pyclass(module = "renda._native", name = "ArrowTable", frozen)]
pub(crate) struct PyArrowTable {
    name: &'static str,
    batch: RecordBatch,
}

#[pymethods]
impl PyArrowTable {
    /// The table's name.
    #[getter]
    fn name(&self) -> &'static str {
        self.name
    }

    /// Number of rows.
    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    /// The Arrow schema (Arrow PyCapsule interface).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, &self.batch.schema())
    }

    /// The rows as an Arrow C stream of one record batch (Arrow PyCapsule interface);
    /// `requested_schema` is accepted and ignored.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        stream_capsule(py, self.batch.clone())
    }

    fn __repr__(&self) -> String {
        format!(
            "<renda.ArrowTable {}: {} rows>",
            self.name,
            self.batch.num_rows()
        )
    }
}

/// The figures of disjoint parts (one JSON document each) added into the figures of the
/// whole, as JSON.
#[pyfunction]
fn combine_figures_json(py: Python<'_>, parts: Vec<String>) -> PyResult<String> {
    run(py, || {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        renda::api::combine_figure_documents(&parts)
    })
}

/// The national data set (`renda::national`) for a JSON configuration: the suggestion log,
/// the deputy log, its rule book as a rules spec (JSON) and the summary (JSON); generated with
/// the GIL released.
#[pyfunction]
fn national_dataset_json(
    py: Python<'_>,
    config: &Bound<'_, PyString>,
) -> PyResult<(PySuggestionLog, PyDeputyLog, String, String)> {
    let config = crate::json_text(config)?;
    let (data, rules, summary) = run(py, || {
        let config: renda::national::NationalConfig =
            renda::wire::from_value_at(renda::wire::parse_json(&config)?, "config")?;
        let data = renda::national::generate(&config)?;
        let rules = renda::wire::to_json(&data.book.sets());
        let summary = renda::wire::to_json(&data.summary);
        Ok((data, rules, summary))
    })?;
    Ok((
        PySuggestionLog {
            log: Arc::new(data.log),
        },
        PyDeputyLog {
            log: Arc::new(data.deputies),
        },
        rules,
        summary,
    ))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(national_dataset_json, m)?)?;
    m.add_class::<PySuggestionLog>()?;
    m.add_class::<PyDeputyLog>()?;
    m.add_class::<PyArrowTable>()?;
    m.add_function(wrap_pyfunction!(combine_figures_json, m)?)?;
    Ok(())
}
