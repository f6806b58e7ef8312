//! `renda._native.Store`: the durable store (crate `renda-store`), thin as the rest of this
//! layer: every method is one call of `renda_store::Store` plus JSON conversion.
//!
//! Errors take the same path as the core's: a [`StoreError`] is raised as
//! `NativeError(info_json)` with the store's wire form (for a rejected command, exactly the
//! core's), which the pure-Python layer maps to its exception classes (`version_conflict` is a
//! `ConflictError`). The store sits behind a mutex; every call releases the GIL while it does
//! I/O and runs under `catch_unwind`.

use crate::{field_text, internal_error, json_text, opt_json_text, NativeError, PyLedger};
use pyo3::prelude::*;
use pyo3::types::PyString;
use renda::CommandEnvelope;
use renda_store::{Store, StoreError};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, MutexGuard};

/// The exception for a store error.
fn store_error(e: &StoreError) -> PyErr {
    NativeError::new_err(renda::wire::to_json(&e.info()))
}

/// Runs `f` with the GIL released, turning errors and panics into `NativeError`.
fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce() -> Result<T, StoreError>,
    T: Send,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(store_error(&e)),
        Err(payload) => Err(internal_error(&*payload)),
    }
}

/// A store file and the ledger rebuilt from it (see `renda_store::Store`); JSON in and out.
#[pyclass(module = "renda._native", name = "Store", frozen)]
pub(crate) struct PyStore {
    /// `None` once closed.
    inner: Mutex<Option<Store>>,
    path: String,
}

impl PyStore {
    /// The store. A panic (a bug) while it was locked may have left the in-memory ledger
    /// ahead of the file: it is then rebuilt from the file (or, failing that, closed).
    fn lock(&self) -> MutexGuard<'_, Option<Store>> {
        match self.inner.lock() {
            Ok(guard) => guard,
            Err(poisoned) => {
                let mut guard = poisoned.into_inner();
                self.inner.clear_poison();
                if let Some(store) = guard.as_mut() {
                    if store.reload().is_err() {
                        *guard = None;
                    }
                }
                guard
            }
        }
    }

    /// Runs `f` on the open store, or fails with `store_closed`.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut guard = self.lock();
        let store = guard.as_mut().ok_or(StoreError::Closed)?;
        f(store)
    }
}

#[pymethods]
impl PyStore {
    /// Opens (or creates) the store at `path`; `rules` is a rule-book spec in JSON
    /// (`None`: the national preset).
    #[new]
    #[pyo3(signature = (path, rules = None))]
    fn new(
        py: Python<'_>,
        path: &Bound<'_, PyString>,
        rules: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Self> {
        let path = field_text(path, "path")?;
        let rules = opt_json_text(rules)?;
        run(py, || {
            let book = renda::api::rule_book(rules.as_deref()).map_err(StoreError::Domain)?;
            let store = Store::open(path.as_ref(), book)?;
            Ok(Self {
                inner: Mutex::new(Some(store)),
                path: path.into_owned(),
            })
        })
    }

    /// Executes a command (wire form), optionally only if the store is at
    /// `expected_version`; returns the recorded events as a JSON array.
    #[pyo3(signature = (command, expected_version = None))]
    fn execute_json(
        &self,
        py: Python<'_>,
        command: &Bound<'_, PyString>,
        expected_version: Option<u64>,
    ) -> PyResult<String> {
        let command = json_text(command)?;
        run(py, || {
            let cmd = CommandEnvelope::from_json(&command).map_err(StoreError::Domain)?;
            let events = self.with(|s| match expected_version {
                Some(v) => s.execute_expecting(cmd, v),
                None => s.execute(cmd),
            })?;
            Ok(renda::wire::to_json(&events))
        })
    }

    /// Appends already-recorded events (a JSON array) after `expected_version`; returns the
    /// new version.
    fn append_json(
        &self,
        py: Python<'_>,
        events: &Bound<'_, PyString>,
        expected_version: u64,
    ) -> PyResult<u64> {
        let events = json_text(events)?;
        run(py, || {
            let events = renda::api::parse_events(&events).map_err(StoreError::Domain)?;
            self.with(|s| s.append(expected_version, events))
        })
    }

    /// Reads events other handles appended; returns the new version.
    fn refresh(&self, py: Python<'_>) -> PyResult<u64> {
        run(py, || self.with(Store::refresh))
    }

    /// Re-reads and checks the whole file; returns its head `{"seq", "hash"}` as JSON.
    fn verify_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || {
            self.with(|s| s.verify())
                .map(|head| renda::wire::to_json(&head))
        })
    }

    /// The events this handle knows, as a JSON array.
    fn events_json(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || self.with(|s| Ok(renda::wire::to_json(&s.events()))))
    }

    /// A copy of the ledger as of `version`.
    fn ledger(&self, py: Python<'_>) -> PyResult<PyLedger> {
        run(py, || self.with(|s| Ok(PyLedger::wrap(s.ledger().clone()))))
    }

    /// Closes the file; later calls fail with `store_closed`. Closing twice is harmless.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        run(py, || {
            let store = self.lock().take();
            drop(store);
            Ok(())
        })
    }

    /// Sequence number of the last event this handle knows.
    #[getter]
    fn version(&self, py: Python<'_>) -> PyResult<u64> {
        run(py, || self.with(|s| Ok(s.version())))
    }

    /// Whether the store has been closed.
    #[getter]
    fn closed(&self, py: Python<'_>) -> PyResult<bool> {
        run(py, || Ok(self.lock().is_none()))
    }

    /// The path the store was opened with.
    #[getter]
    fn path(&self) -> &str {
        &self.path
    }
}
