//! Spreadsheets for Python: CSV and XLSX import and export of the suggestion ledger, each
//! function one call of `renda::sheet` (see its docs). The pure-Python layer puts them on
//! `renda.Ledger` (`import_csv`, `plan_import_csv`, `export_csv`, …).
//!
//! Errors: bad options raise `NativeError` with a renda error's wire form; a bad sheet raises
//! `NativeError` whose wire form (code `invalid_sheet`, kind `input`) carries `errors`, the list
//! of row errors `{row, column, value, reason, code}`. Import and apply run under one lock of
//! the ledger, so nothing can slip in between the plan and its execution.

use super::{internal_error, NativeError, PyLedger};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use renda::sheet::{self, ExportOptions, ImportOptions, SheetFailure};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f` with the GIL released, turning failures and panics into `NativeError`.
fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce() -> Result<T, SheetFailure>,
    T: Send,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(NativeError::new_err(e.info_json())),
        Err(payload) => Err(internal_error(&*payload)),
    }
}

/// Options JSON text (or `None`) as a Rust string, refusing text that is not valid Unicode.
fn options_text(options: Option<&Bound<'_, PyString>>) -> PyResult<Option<String>> {
    options
        .map(|o| {
            o.to_cow().map(|c| c.into_owned()).map_err(|e| {
                NativeError::new_err(renda::wire::to_json(
                    &renda::RendaError::InvalidJson {
                        message: format!("options are not valid Unicode: {e}"),
                        line: 1,
                        column: 1,
                    }
                    .info(),
                ))
            })
        })
        .transpose()
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Xlsx,
}

fn plan(
    ledger: &renda::Ledger,
    format: Format,
    data: &[u8],
    opts: &ImportOptions,
) -> Result<sheet::ImportPlan, SheetFailure> {
    Ok(match format {
        Format::Csv => sheet::import_csv(ledger, data, opts)?,
        Format::Xlsx => sheet::import_xlsx(ledger, data, opts)?,
    })
}

fn import(
    py: Python<'_>,
    ledger: &PyLedger,
    format: Format,
    data: &[u8],
    options: Option<&Bound<'_, PyString>>,
    apply: bool,
) -> PyResult<String> {
    let options = options_text(options)?;
    run(py, || {
        let opts = ImportOptions::from_json(options.as_deref())?;
        let mut guard = ledger.lock();
        let p = plan(&guard, format, data, &opts)?;
        if apply {
            p.apply(&mut guard)?;
        }
        Ok(p.to_json())
    })
}

/// Plans the import of a CSV file; returns the plan as JSON (nothing is changed).
#[pyfunction]
#[pyo3(signature = (ledger, data, options = None))]
fn sheet_plan_csv(
    py: Python<'_>,
    ledger: &Bound<'_, PyLedger>,
    data: &[u8],
    options: Option<&Bound<'_, PyString>>,
) -> PyResult<String> {
    import(py, ledger.get(), Format::Csv, data, options, false)
}

/// Imports a CSV file, all or nothing; returns the executed plan as JSON.
#[pyfunction]
#[pyo3(signature = (ledger, data, options = None))]
fn sheet_import_csv(
    py: Python<'_>,
    ledger: &Bound<'_, PyLedger>,
    data: &[u8],
    options: Option<&Bound<'_, PyString>>,
) -> PyResult<String> {
    import(py, ledger.get(), Format::Csv, data, options, true)
}

/// Plans the import of an XLSX workbook; returns the plan as JSON (nothing is changed).
#[pyfunction]
#[pyo3(signature = (ledger, data, options = None))]
fn sheet_plan_xlsx(
    py: Python<'_>,
    ledger: &Bound<'_, PyLedger>,
    data: &[u8],
    options: Option<&Bound<'_, PyString>>,
) -> PyResult<String> {
    import(py, ledger.get(), Format::Xlsx, data, options, false)
}

/// Imports an XLSX workbook, all or nothing; returns the executed plan as JSON.
#[pyfunction]
#[pyo3(signature = (ledger, data, options = None))]
fn sheet_import_xlsx(
    py: Python<'_>,
    ledger: &Bound<'_, PyLedger>,
    data: &[u8],
    options: Option<&Bound<'_, PyString>>,
) -> PyResult<String> {
    import(py, ledger.get(), Format::Xlsx, data, options, true)
}

/// The ledger as CSV bytes.
#[pyfunction]
#[pyo3(signature = (ledger, options = None))]
fn sheet_export_csv<'py>(
    py: Python<'py>,
    ledger: &Bound<'py, PyLedger>,
    options: Option<&Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let options = options_text(options)?;
    let inner = ledger.get();
    let bytes = run(py, || {
        let opts = ExportOptions::from_json(options.as_deref())?;
        Ok(sheet::export_csv(&inner.lock(), &opts))
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// The ledger as XLSX bytes.
#[pyfunction]
#[pyo3(signature = (ledger, options = None))]
fn sheet_export_xlsx<'py>(
    py: Python<'py>,
    ledger: &Bound<'py, PyLedger>,
    options: Option<&Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let options = options_text(options)?;
    let inner = ledger.get();
    let bytes = run(py, || {
        let opts = ExportOptions::from_json(options.as_deref())?;
        Ok(sheet::export_xlsx(&inner.lock(), &opts)?)
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// Adds the spreadsheet functions to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sheet_plan_csv, m)?)?;
    m.add_function(wrap_pyfunction!(sheet_import_csv, m)?)?;
    m.add_function(wrap_pyfunction!(sheet_plan_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(sheet_import_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(sheet_export_csv, m)?)?;
    m.add_function(wrap_pyfunction!(sheet_export_xlsx, m)?)?;
    Ok(())
}
