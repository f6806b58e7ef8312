//! `renda._native.Table`: a ledger table (`renda::table::Table`) held natively, handed to
//! Python tools through the Arrow PyCapsule interface (`__arrow_c_stream__`,
//! `__arrow_c_schema__`): pyarrow, polars, pandas and DuckDB read the columns in bulk, without
//! one Python object per value. The pure-Python `renda.Table` wraps it (`to_pandas`, …).

use crate::{field_text, internal_error, native_error, opt_json_text, run, PyLedger};
use arrow_array::RecordBatch;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyList, PyString};
use renda::table::{ColumnData, Table};
use renda::RendaError;

/// A table of the ledger: typed columns with Chinese and English labels.
#[pyclass(module = "renda._native", name = "Table", frozen)]
pub(crate) struct PyTable {
    table: Table,
}

/// An Arrow error (a bug: the columns are built well-typed) as an internal error.
fn arrow_error(e: arrow_schema::ArrowError) -> PyErr {
    internal_error(&format!("arrow: {e}"))
}

impl PyTable {
    fn batch(&self) -> PyResult<RecordBatch> {
        self.table.to_record_batch().map_err(arrow_error)
    }
}

#[pymethods]
impl PyTable {
    /// The table's name (`suggestions`, `units`, …).
    #[getter]
    fn name(&self) -> &'static str {
        self.table.name.as_str()
    }

    /// The date the derived columns are as of (`YYYY-MM-DD`).
    #[getter]
    fn as_of(&self) -> String {
        self.table.as_of.to_string()
    }

    /// The columns' names, in order.
    #[getter]
    fn column_names(&self) -> Vec<&'static str> {
        self.table.column_names()
    }

    /// The columns' types (`int64`, `float64`, `bool`, `date`, `utf8`, `category`).
    #[getter]
    fn column_types(&self) -> Vec<&'static str> {
        self.table
            .columns
            .iter()
            .map(|c| c.data.type_name())
            .collect()
    }

    /// The columns' labels in `lang` (`zh` or `en`).
    fn labels(&self, lang: &Bound<'_, PyString>) -> PyResult<Vec<&'static str>> {
        let lang = field_text(lang, "lang")?;
        let pick: fn(&renda::labels::Label) -> &'static str = match &*lang {
            "zh" => |l| l.zh,
            "en" => |l| l.en,
            other => {
                return Err(native_error(&RendaError::InvalidField {
                    field: "lang".into(),
                    value: other.chars().take(40).collect(),
                    reason: "must be `zh` or `en`".into(),
                }))
            }
        };
        Ok(self.table.columns.iter().map(|c| pick(&c.label)).collect())
    }

    /// Number of rows.
    fn __len__(&self) -> usize {
        self.table.len()
    }

    /// The values of column `name` as a list (dates as `YYYY-MM-DD` text, missing values as
    /// `None`).
    fn column<'py>(
        &self,
        py: Python<'py>,
        name: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyList>> {
        let name = field_text(name, "column")?;
        let Some(c) = self.table.column(&name) else {
            return Err(native_error(&RendaError::InvalidField {
                field: "column".into(),
                value: name.chars().take(40).collect(),
                reason: format!(
                    "no such column in `{}`; one of {}",
                    self.table.name,
                    self.table.column_names().join(", ")
                ),
            }));
        };
        match &c.data {
            ColumnData::Int64(v) => PyList::new(py, v),
            ColumnData::Float64(v) => PyList::new(py, v),
            ColumnData::Bool(v) => PyList::new(py, v),
            ColumnData::Date(v) => PyList::new(py, v.iter().map(|d| d.map(|d| d.to_string()))),
            ColumnData::Utf8(v) => PyList::new(py, v),
            ColumnData::Category(cat) => {
                PyList::new(py, (0..cat.codes.len()).map(|i| cat.value(i)))
            }
        }
    }

    /// The Arrow schema, as a PyCapsule named `arrow_schema` (Arrow PyCapsule interface).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        crate::columnar::schema_capsule(py, &self.table.arrow_schema())
    }

    /// The rows as an Arrow C stream of one record batch, in a PyCapsule named
    /// `arrow_array_stream` (Arrow PyCapsule interface). `requested_schema` is accepted and
    /// ignored, as the interface allows: the table has one schema.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        crate::columnar::stream_capsule(py, self.batch()?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<renda._native.Table {} as of {}: {} rows × {} columns>",
            self.table.name,
            self.table.as_of,
            self.table.len(),
            self.table.columns.len()
        )
    }
}

/// The table `name` of `ledger` as of `as_of` (`YYYY-MM-DD`; `None`: the day of the last
/// event), as `reader` (an actor in JSON) may see it.
#[pyfunction]
#[pyo3(signature = (ledger, name, as_of = None, reader = None))]
fn ledger_table(
    py: Python<'_>,
    ledger: &Bound<'_, PyLedger>,
    name: &Bound<'_, PyString>,
    as_of: Option<&Bound<'_, PyString>>,
    reader: Option<&Bound<'_, PyString>>,
) -> PyResult<PyTable> {
    let name = field_text(name, "table")?;
    let as_of = as_of.map(|d| field_text(d, "as_of")).transpose()?;
    let reader = opt_json_text(reader)?;
    let inner = ledger.get();
    let table = run(py, || {
        inner
            .lock()
            .table_from_args(&name, as_of.as_deref(), reader.as_deref())
    })?;
    Ok(PyTable { table })
}

/// The names of the tables, in order.
#[pyfunction]
fn table_names() -> Vec<&'static str> {
    renda::table::TableName::ALL.map(|t| t.as_str()).to_vec()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTable>()?;
    m.add_function(wrap_pyfunction!(ledger_table, m)?)?;
    m.add_function(wrap_pyfunction!(table_names, m)?)?;
    Ok(())
}
