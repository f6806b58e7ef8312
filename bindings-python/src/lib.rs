//! `renda._native`: the thin native layer of the Python bindings.
//!
//! Every method is one call of the JSON facade in `renda::api` (text in, text out). A
//! [`RendaError`] is raised as `NativeError(info_json)`, where `info_json` is
//! `RendaError::info()` as JSON; the pure-Python layer (`renda/__init__.py`) maps it to the
//! exception hierarchy. No domain logic lives here.
//!
//! Robustness: arguments are Python `str`s converted without panicking (a `str` that is not
//! valid Unicode — lone surrogates — is an `invalid_json` / `invalid_field` error). Each call
//! runs under `catch_unwind`, so even a bug in core surfaces as a `NativeError` with code
//! `internal_error` instead of a `PanicException` (which `except Exception` would not catch).
//! The ledger sits behind a mutex and every call releases the GIL while it works, so threads
//! may share a `Ledger`: calls on one ledger are serialised, calls on different ledgers run in
//! parallel.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyString;
use renda::{api, Ledger, RendaError};
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, MutexGuard};

mod columnar;
mod sheet;
mod store;
mod table;

create_exception!(
    renda._native,
    NativeError,
    PyException,
    "A renda error; args[0] is its wire form (code, kind, message, field, value, rule) as JSON."
);

/// The exception for a core error.
fn native_error(e: &RendaError) -> PyErr {
    NativeError::new_err(renda::wire::to_json(&e.info()))
}

/// The exception for a panic in core (a bug): same shape as a core error, kind `internal`.
fn internal_error(payload: &(dyn std::any::Any + Send)) -> PyErr {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    let info = serde_json::json!({
        "code": "internal_error",
        "kind": "internal",
        "message": format!("internal error in renda (please report): {detail}"),
        "field": null,
        "value": null,
        "rule": null,
    });
    NativeError::new_err(info.to_string())
}

/// Runs `f` with the GIL released, turning errors and panics into `NativeError`.
fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce() -> renda::Result<T>,
    T: Send,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(native_error(&e)),
        Err(payload) => Err(internal_error(&*payload)),
    }
}

/// A JSON document argument as text; a `str` that is not valid Unicode is `invalid_json`.
fn json_text<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    s.to_cow().map_err(|e| {
        native_error(&RendaError::InvalidJson {
            message: format!("text is not valid Unicode: {e}"),
            line: 1,
            column: 1,
        })
    })
}

/// A plain string argument named `field`; a `str` that is not valid Unicode is `invalid_field`.
fn field_text<'a>(s: &'a Bound<'_, PyString>, field: &str) -> PyResult<Cow<'a, str>> {
    s.to_cow().map_err(|e| {
        native_error(&RendaError::InvalidField {
            field: field.to_string(),
            value: String::new(),
            reason: format!("not valid Unicode: {e}"),
        })
    })
}

fn opt_json_text<'a>(s: Option<&'a Bound<'_, PyString>>) -> PyResult<Option<Cow<'a, str>>> {
    s.map(json_text).transpose()
}

/// An event-sourced ledger (see `renda::Ledger`); every method takes and returns JSON text.
#[pyclass(module = "renda._native", name = "Ledger", frozen)]
struct PyLedger {
    inner: Mutex<Ledger>,
}

impl PyLedger {
    fn wrap(ledger: Ledger) -> Self {
        Self {
            inner: Mutex::new(ledger),
        }
    }

    /// The ledger. A panic in core while it was locked (a bug) poisons the mutex; the ledger
    /// stays usable, as core leaves it unchanged on every error path it knows of.
    fn lock(&self) -> MutexGuard<'_, Ledger> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[pymethods]
impl PyLedger {
    /// An empty ledger; `rules` is a rule-book spec in JSON (`None`: the national preset).
    #[new]
    #[pyo3(signature = (rules = None))]
    fn new(py: Python<'_>, rules: Option<&Bound<'_, PyString>>) -> PyResult<Self> {
        let rules = opt_json_text(rules)?;
        run(py, || {
            Ok(Self::wrap(Ledger::new(api::rule_book(rules.as_deref())?)))
        })
    }

    /// A ledger continuing from a snapshot in JSON.
    #[staticmethod]
    #[pyo3(signature = (snapshot, rules = None))]
    fn restore_json(
        py: Python<'_>,
        snapshot: &Bound<'_, PyString>,
        rules: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Self> {
        let snapshot = json_text(snapshot)?;
        let rules = opt_json_text(rules)?;
        run(py, || {
            let book = api::rule_book(rules.as_deref())?;
            Ledger::restore_from_json(book, &snapshot).map(Self::wrap)
        })
    }

    /// The demo district (`renda::demo`) generated from a JSON configuration.
    #[staticmethod]
    fn demo_district_json(py: Python<'_>, config: &Bound<'_, PyString>) -> PyResult<Self> {
        let config = json_text(config)?;
        run(py, || {
            renda::demo::generate_json(&config).map(|d| Self::wrap(d.into_ledger()))
        })
    }

    /// What a demo configuration generates (congresses, first year, years), as JSON.
    #[staticmethod]
    fn demo_summary_json(py: Python<'_>, config: &Bound<'_, PyString>) -> PyResult<String> {
        let config = json_text(config)?;
        run(py, || renda::demo::DemoSummary::json(&config))
    }

    /// A ledger rebuilt from an event log (a JSON array of events).
    #[staticmethod]
    #[pyo3(signature = (events, rules = None))]
    fn replay_json(
        py: Python<'_>,
        events: &Bound<'_, PyString>,
        rules: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Self> {
        let events = json_text(events)?;
        let rules = opt_json_text(rules)?;
        run(py, || {
            let book = api::rule_book(rules.as_deref())?;
            Ledger::replay_from_json(book, &events).map(Self::wrap)
        })
    }

    /// Executes a command (wire form); returns the recorded events as a JSON array.
    fn execute_json(&self, py: Python<'_>, command: &Bound<'_, PyString>) -> PyResult<String> {
        let command = json_text(command)?;
        run(py, || self.lock().execute_to_json(&command))
    }

    /// Checks a command without executing it; returns the event parts it would record.
    fn decide_json(&self, py: Python<'_>, command: &Bound<'_, PyString>) -> PyResult<String> {
        let command = json_text(command)?;
        run(py, || self.lock().decide_to_json(&command))
    }

    /// The event log (since creation or restore) as a JSON array.
    fn events_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().events_to_json()))
    }

    /// The snapshot as JSON.
    fn snapshot_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().snapshot_to_json()))
    }

    /// The current state as JSON.
    fn state_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().state_to_json()))
    }

    /// All suggestions (state records) as a JSON array ordered by id.
    fn suggestions_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().suggestions_to_json()))
    }

    /// The deputies with their status on `as_of`, as a JSON array of flat records.
    fn deputies_json(&self, py: Python<'_>, as_of: &Bound<'_, PyString>) -> PyResult<String> {
        let as_of = field_text(as_of, "as_of")?;
        run(py, || self.lock().deputies_to_json(&as_of))
    }

    /// Every activity participation (deputy × activity) as a JSON array.
    fn participations_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().participations_to_json()))
    }

    /// Every voter issue as a JSON array.
    fn voter_issues_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().voter_issues_to_json()))
    }

    /// Live points of a period; `scope` in JSON (`"congress"` or `{"station": …}`).
    #[pyo3(signature = (congress, period, scope = None))]
    fn points_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        period: &Bound<'_, PyString>,
        scope: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let period = field_text(period, "period")?;
        let scope = opt_json_text(scope)?;
        run(py, || {
            self.lock()
                .points_to_json(&congress, &period, scope.as_deref())
        })
    }

    /// Live points as `reader` may see them; `scope` in JSON.
    #[pyo3(signature = (reader, congress, period, scope = None))]
    fn points_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        congress: &Bound<'_, PyString>,
        period: &Bound<'_, PyString>,
        scope: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let congress = field_text(congress, "congress")?;
        let period = field_text(period, "period")?;
        let scope = opt_json_text(scope)?;
        run(py, || {
            self.lock()
                .points_as_json(&reader, &congress, &period, scope.as_deref())
        })
    }

    /// The voter issues `reader` may see, as a JSON array.
    fn voter_issues_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        run(py, || self.lock().voter_issues_as_json(&reader))
    }

    /// A deputy's archive as `reader` may see it, as JSON.
    fn archive_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        deputy: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let deputy = field_text(deputy, "deputy")?;
        run(py, || self.lock().archive_as_json(&reader, &deputy))
    }

    /// Deputies recommended for an interview, as a JSON array.
    fn interview_recommendations_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        run(py, || {
            self.lock().interview_recommendations_to_json(&congress)
        })
    }

    /// Every points publication as a JSON array.
    fn points_publications_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().points_publications_to_json()))
    }

    /// The ledger's rule book as a rules spec: its rule sets as a JSON list.
    fn rules_json(&self) -> String {
        renda::wire::to_json(&self.lock().rules().sets())
    }

    /// Duty compliance as of `as_of`, as JSON.
    fn compliance_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || self.lock().compliance_to_json(&congress, &as_of))
    }

    /// Composition figures as of `as_of`, as JSON.
    fn composition_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
        decimals: u32,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock().composition_to_json(&congress, &as_of, decimals)
        })
    }

    /// Activity participation over a window, as JSON.
    fn participation_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        start: &Bound<'_, PyString>,
        end: &Bound<'_, PyString>,
        decimals: u32,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let start = field_text(start, "from")?;
        let end = field_text(end, "to")?;
        run(py, || {
            self.lock()
                .participation_to_json(&congress, &start, &end, decimals)
        })
    }

    /// The organisation checks (L-6, L-7, R-O1), as JSON.
    fn check_organisation_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock().check_organisation_to_json(&congress, &as_of)
        })
    }

    /// A deputy's performance archive, as JSON.
    fn archive_json(&self, py: Python<'_>, deputy: &Bound<'_, PyString>) -> PyResult<String> {
        let deputy = field_text(deputy, "deputy")?;
        run(py, || self.lock().archive_to_json(&deputy))
    }

    /// Figures as of `as_of` (`YYYY-MM-DD`), with an optional filter in JSON.
    #[pyo3(signature = (as_of, filter = None))]
    fn figures_json(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let as_of = field_text(as_of, "as_of")?;
        let filter = opt_json_text(filter)?;
        run(py, || {
            self.lock().figures_to_json(&as_of, filter.as_deref())
        })
    }

    /// The state as `reader` (an actor in JSON) may see it.
    fn state_as_json(&self, py: Python<'_>, reader: &Bound<'_, PyString>) -> PyResult<String> {
        let reader = json_text(reader)?;
        run(py, || self.lock().state_as_json(&reader))
    }

    /// The event log as `reader` may see it.
    fn events_as_json(&self, py: Python<'_>, reader: &Bound<'_, PyString>) -> PyResult<String> {
        let reader = json_text(reader)?;
        run(py, || self.lock().events_as_json(&reader))
    }

    /// The suggestions as `reader` may see them.
    fn suggestions_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        run(py, || self.lock().suggestions_as_json(&reader))
    }

    /// Figures as `reader` may see them.
    #[pyo3(signature = (reader, as_of, filter = None))]
    fn figures_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let as_of = field_text(as_of, "as_of")?;
        let filter = opt_json_text(filter)?;
        run(py, || {
            self.lock()
                .figures_as_json(&reader, &as_of, filter.as_deref())
        })
    }

    /// A suggestion with its derived facts as of `as_of`, as JSON.
    fn suggestion_view_json(
        &self,
        py: Python<'_>,
        id: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let id = field_text(id, "suggestion")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || self.lock().suggestion_view_to_json(&id, &as_of))
    }

    /// Sequence number of the last event (0 when empty).
    #[getter]
    fn seq(&self, py: Python<'_>) -> PyResult<u64> {
        run(py, || Ok(self.lock().seq()))
    }

    /// The head of the hash chain as JSON (`{"seq": N, "hash": "…"}`).
    fn head_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().head_to_json()))
    }

    /// Number of events recorded by this ledger (since creation or restore).
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        run(py, || Ok(self.lock().events().len()))
    }

    // ---------------------------------------------------------- issue 4: motions, key suggestions, evaluation; Popolo, iCal

    /// Every class case (类案), as a JSON array.
    fn class_cases_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().class_cases_to_json()))
    }

    /// The class cases as of `as_of` (optionally of one congress) with their figures, as JSON.
    #[pyo3(signature = (as_of, congress = None))]
    fn class_case_report_json(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyString>,
        congress: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let as_of = field_text(as_of, "as_of")?;
        let congress = congress.map(|c| field_text(c, "congress")).transpose()?;
        run(py, || {
            self.lock()
                .class_case_report_to_json(&as_of, congress.as_deref())
        })
    }

    /// Candidate class-case groups of a congress at or above `min_score`, as a JSON array.
    fn class_case_candidates_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        min_score: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let min_score = field_text(min_score, "min_score")?;
        run(py, || {
            self.lock()
                .class_case_candidates_to_json(&congress, &min_score)
        })
    }

    /// The handling units' scores, ranked, as a JSON array; `filter` in JSON.
    #[pyo3(signature = (as_of, filter = None))]
    fn unit_scores_json(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let as_of = field_text(as_of, "as_of")?;
        let filter = opt_json_text(filter)?;
        run(py, || {
            self.lock().unit_scores_to_json(&as_of, filter.as_deref())
        })
    }

    /// The unit scores as `reader` may see them; `filter` in JSON.
    #[pyo3(signature = (reader, as_of, filter = None))]
    fn unit_scores_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let as_of = field_text(as_of, "as_of")?;
        let filter = opt_json_text(filter)?;
        run(py, || {
            self.lock()
                .unit_scores_as_json(&reader, &as_of, filter.as_deref())
        })
    }

    /// The figures broken down by `by` (unit, topic, level, year, quarter, month), as JSON.
    #[pyo3(signature = (as_of, by, filter = None))]
    fn figures_by_json(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyString>,
        by: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let as_of = field_text(as_of, "as_of")?;
        let by = field_text(by, "by")?;
        let filter = opt_json_text(filter)?;
        run(py, || {
            self.lock()
                .figures_by_to_json(&as_of, &by, filter.as_deref())
        })
    }

    /// The breakdown as `reader` may see it.
    #[pyo3(signature = (reader, as_of, by, filter = None))]
    fn figures_by_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
        by: &Bound<'_, PyString>,
        filter: Option<&Bound<'_, PyString>>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let as_of = field_text(as_of, "as_of")?;
        let by = field_text(by, "by")?;
        let filter = opt_json_text(filter)?;
        run(py, || {
            self.lock()
                .figures_by_as_json(&reader, &as_of, &by, filter.as_deref())
        })
    }

    /// The plan ledger (列入计划, R-S5) of a congress per year as of `as_of`, as JSON.
    fn plan_ledger_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || self.lock().plan_ledger_to_json(&congress, &as_of))
    }

    /// Every motion, ordered by id, as a JSON array.
    fn motions_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().motions_to_json()))
    }

    /// Runs a named query given as a JSON object (`renda::query`); returns its answer as JSON.
    fn query_json(&self, py: Python<'_>, query: &Bound<'_, PyString>) -> PyResult<String> {
        let query = json_text(query)?;
        run(py, || self.lock().query_json(&query))
    }

    /// Every scheduled congress session, as a JSON array.
    fn sessions_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().sessions_to_json()))
    }

    /// The motion figures of a congress as of `as_of`, as JSON.
    fn motion_figures_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || self.lock().motion_figures_to_json(&congress, &as_of))
    }

    /// The key-suggestion figures of a congress as of `as_of`, as JSON.
    fn key_figures_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || self.lock().key_figures_to_json(&congress, &as_of))
    }

    /// A key suggestion's back-to-back assessment as of `as_of`, as JSON.
    fn key_assessment_json(
        &self,
        py: Python<'_>,
        suggestion: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let suggestion = field_text(suggestion, "suggestion")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock().key_assessment_to_json(&suggestion, &as_of)
        })
    }

    /// A key suggestion's assessment as `reader` may see it (R-S8), as JSON.
    fn key_assessment_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        suggestion: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let suggestion = field_text(suggestion, "suggestion")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock()
                .key_assessment_as_json(&reader, &suggestion, &as_of)
        })
    }

    /// The suggestions under active supervision on `as_of`, as a JSON array.
    fn supervision_monitor_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock().supervision_monitor_to_json(&congress, &as_of)
        })
    }

    /// Every third-party evaluation of suggestion handling, as a JSON array.
    fn evaluations_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || Ok(self.lock().evaluations_to_json()))
    }

    /// The evaluations `reader` may see, as a JSON array.
    fn evaluations_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        run(py, || self.lock().evaluations_as_json(&reader))
    }

    /// An evaluation's sampled suggestions as of `as_of`, as a JSON array of views.
    fn evaluation_sample_json(
        &self,
        py: Python<'_>,
        evaluation: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let evaluation = field_text(evaluation, "evaluation")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock().evaluation_sample_to_json(&evaluation, &as_of)
        })
    }

    /// An evaluation's sample as `reader` may see it, as a JSON array of views.
    fn evaluation_sample_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        evaluation: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let evaluation = field_text(evaluation, "evaluation")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock()
                .evaluation_sample_as_json(&reader, &evaluation, &as_of)
        })
    }

    /// A suggestion view as `reader` may see it, as JSON.
    fn suggestion_view_as_json(
        &self,
        py: Python<'_>,
        reader: &Bound<'_, PyString>,
        id: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let reader = json_text(reader)?;
        let id = field_text(id, "suggestion")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || {
            self.lock().suggestion_view_as_json(&reader, &id, &as_of)
        })
    }

    /// A congress as a Popolo document as of `as_of`, as JSON.
    fn to_popolo_json(
        &self,
        py: Python<'_>,
        congress: &Bound<'_, PyString>,
        as_of: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let congress = field_text(congress, "congress")?;
        let as_of = field_text(as_of, "as_of")?;
        run(py, || self.lock().to_popolo_json(&congress, &as_of))
    }

    /// Reply due dates in a scope (JSON) as an iCalendar file.
    fn to_ical(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyString>,
        scope: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let as_of = field_text(as_of, "as_of")?;
        let scope = json_text(scope)?;
        run(py, || self.lock().to_ical_json(&as_of, &scope))
    }

    /// The annual work report for `request` (JSON: congress, year or from/to, office figures)
    /// as `format` (`json`, `markdown`, `html`) in `lang` (`zh`, `en`).
    fn annual_report(
        &self,
        py: Python<'_>,
        request: &Bound<'_, PyString>,
        format: &Bound<'_, PyString>,
        lang: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let request = json_text(request)?;
        let format = field_text(format, "format")?;
        let lang = field_text(lang, "lang")?;
        run(py, || {
            self.lock().annual_report_to(&request, &format, &lang)
        })
    }
}

/// A preset rule set (`national` or `beijing-district`) as JSON.
#[pyfunction]
fn rule_set_preset_json(py: Python<'_>, name: &Bound<'_, PyString>) -> PyResult<String> {
    let name = field_text(name, "rules.preset")?;
    run(py, || api::rule_set_preset(&name))
}

/// Every named query with its arguments (`renda::query::QUERIES`), as JSON.
#[pyfunction]
fn query_specs_json() -> String {
    renda::query::specs_json()
}

/// The label catalog (zh-Hans and English for every enumerated value) as JSON.
#[pyfunction]
fn labels_json(py: Python<'_>) -> PyResult<String> {
    run(py, || Ok(api::labels_json()))
}

/// Checks a published figure (JSON); returns the check as JSON.
#[pyfunction]
fn check_figure_json(py: Python<'_>, figure: &Bound<'_, PyString>) -> PyResult<String> {
    let figure = json_text(figure)?;
    run(py, || api::check_figure_json(&figure))
}

/// Whether some whole numerator over `denominator` gives the stated percentage.
#[pyfunction]
fn is_reproducible(
    py: Python<'_>,
    stated: &Bound<'_, PyString>,
    denominator: u64,
) -> PyResult<bool> {
    let stated = field_text(stated, "stated_percent")?;
    run(py, || api::is_reproducible(&stated, denominator))
}

/// Verifies the hash chain of an event log (JSON); returns the report as JSON.
#[pyfunction]
fn verify_log_json(py: Python<'_>, events: &Bound<'_, PyString>) -> PyResult<String> {
    let events = json_text(events)?;
    run(py, || api::verify_log_json(&events))
}

/// Imports a Popolo document (JSON) with options (JSON); returns the commands and the report.
#[pyfunction]
fn popolo_import_json(
    py: Python<'_>,
    document: &Bound<'_, PyString>,
    options: &Bound<'_, PyString>,
) -> PyResult<String> {
    let document = json_text(document)?;
    let options = json_text(options)?;
    run(py, || api::popolo_import_json(&document, &options))
}

/// The semantic checks of a Popolo document (JSON), as a JSON array of findings.
#[pyfunction]
fn popolo_check_json(py: Python<'_>, document: &Bound<'_, PyString>) -> PyResult<String> {
    let document = json_text(document)?;
    run(py, || api::popolo_check_json(&document))
}

/// Candidate class-case groups of free-standing items (JSON `[{suggestion, title}]`).
#[pyfunction]
#[pyo3(signature = (items, params = None))]
fn candidate_groups_json(
    py: Python<'_>,
    items: &Bound<'_, PyString>,
    params: Option<&Bound<'_, PyString>>,
) -> PyResult<String> {
    let items = json_text(items)?;
    let params = opt_json_text(params)?;
    run(py, || api::candidate_groups_json(&items, params.as_deref()))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLedger>()?;
    m.add_class::<store::PyStore>()?;
    m.add_function(wrap_pyfunction!(rule_set_preset_json, m)?)?;
    m.add_function(wrap_pyfunction!(labels_json, m)?)?;
    m.add_function(wrap_pyfunction!(query_specs_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_figure_json, m)?)?;
    m.add_function(wrap_pyfunction!(is_reproducible, m)?)?;
    m.add_function(wrap_pyfunction!(verify_log_json, m)?)?;
    m.add_function(wrap_pyfunction!(popolo_import_json, m)?)?;
    m.add_function(wrap_pyfunction!(popolo_check_json, m)?)?;
    m.add_function(wrap_pyfunction!(candidate_groups_json, m)?)?;
    sheet::register(m)?;
    table::register(m)?;
    columnar::register(m)?;
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
