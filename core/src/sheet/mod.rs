//! Spreadsheets: import and export of the suggestion ledger (建议台账) as CSV and XLSX.
//!
//! Congress offices keep their suggestion ledger in spreadsheets, one row per suggestion, with
//! Chinese headers (建议号, 标题, 领衔代表, 主办单位, 答复日期, 办理结果, 代表意见, …; see
//! [`layout`] and the "Spreadsheets" section of `docs/wire-format.md`). The export writes
//! exactly the columns the import reads back, so `export → import → export` is the identity.
//!
//! An import never edits history: it reads the sheet, compares each row with what the ledger
//! has recorded, and produces an [`ImportPlan`]: the commands (in time order, each dated by its
//! column's date at 09:00 China time) that bring the ledger to what the sheet says. A row equal
//! to the ledger yields no command; a row that contradicts a recorded fact is a row error.
//! [`ImportPlan::apply`] executes the plan all or nothing. Every problem is reported as a
//! [`SheetError`] naming the row (as the user sees it: the header is row 1), the column (its
//! header text), the value and the reason, and as many as possible are collected in one pass.
//!
//! Formats are behind cargo features of `renda`, both on by default: `csv` ([`import_csv`],
//! [`export_csv`]) and `xlsx` ([`import_xlsx`], [`export_xlsx`]). The engine itself
//! ([`import_grid`], [`export_grid`]) needs neither.
//!
//! ```
//! # #[cfg(feature = "csv")] {
//! use renda::{Ledger, sheet};
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_congress",
//!      "congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,
//!      "term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_deputy",
//!      "deputy":"D001","congress":"hd-17","name":"王丽"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_unit",
//!      "unit":"edu","name":"区教委"}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let csv = "建议号,届次,标题,领衔代表,提出时间,提出方式,交办日期,主办单位\n\
//!            2024-001,hd-17,关于增加幼儿园学位的建议,D001,2024-01-08,大会期间,2024-01-15,区教委\n";
//! let plan = sheet::import_csv(&ledger, csv.as_bytes(), &sheet::ImportOptions::default()).unwrap();
//! // submit (on behalf of the deputy), accept (dated by the assignment), assign.
//! assert_eq!(plan.len(), 3);
//! plan.apply(&mut ledger).unwrap();
//! assert_eq!(ledger.suggestions().next().unwrap().status.as_str(), "assigned");
//! // Importing the export into the same ledger changes nothing.
//! let out = sheet::export_csv(&ledger, &sheet::ExportOptions::default());
//! assert!(sheet::import_csv(&ledger, &out, &Default::default()).unwrap().is_empty());
//! # }
//! ```

mod cell;
mod export;
mod import;
pub mod layout;
mod plan;

#[cfg(feature = "csv")]
mod csv;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use cell::{Cell, Grid, GridRow};
pub use export::{export_grid, ExportTable};
pub use import::import_grid;
pub use plan::{ImportPlan, PlannedCommand};

#[cfg(feature = "csv")]
pub use self::csv::{export_csv, import_csv};
#[cfg(feature = "xlsx")]
pub use self::xlsx::{export_xlsx, import_xlsx};

use crate::error::RendaError;
use crate::ids::{ActorId, CongressId};
use crate::labels::Label;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Default largest number of data rows (below the header) an import reads.
pub const DEFAULT_MAX_ROWS: usize = 1_000_000;
/// Default longest cell, in characters: Excel's own limit for a cell.
pub const DEFAULT_MAX_CELL_CHARS: usize = 32_767;
/// Default largest number of row errors collected before the import stops looking.
pub const DEFAULT_MAX_ERRORS: usize = 1_000;
/// Default largest total size of an XLSX file's parts once unpacked, in bytes (zip-bomb bound).
pub const DEFAULT_MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// How to import a sheet.
///
/// ```
/// let opts = renda::sheet::ImportOptions::for_office("office-1").unwrap();
/// assert_eq!(opts.office_id.as_str(), "office-1");
/// assert_eq!(opts.max_rows, 1_000_000);
/// let from_json: renda::sheet::ImportOptions =
///     serde_json::from_str(r#"{"office_id":"desk-2","max_rows":10}"#).unwrap();
/// assert_eq!(from_json.max_rows, 10);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportOptions {
    /// The deputy affairs office's actor id: it submits (on behalf of the deputies), accepts,
    /// returns, rejects, withdraws (on behalf), assigns and extends. Replies are issued by the
    /// lead unit and ratings by the lead deputy.
    pub office_id: ActorId,
    /// The worksheet to read (XLSX); `None`: the first one.
    pub sheet: Option<String>,
    /// Most data rows read; a sheet with more is refused (`too_many_rows`).
    pub max_rows: usize,
    /// Longest cell, in characters (`cell_too_long`).
    pub max_cell_chars: usize,
    /// Most row errors collected; the import stops looking after that many (`too_many_errors`).
    pub max_errors: usize,
    /// Largest total unpacked size of an XLSX file, in bytes (`invalid_file`).
    pub max_unpacked_bytes: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            office_id: ActorId::new("office").expect("a valid id"),
            sheet: None,
            max_rows: DEFAULT_MAX_ROWS,
            max_cell_chars: DEFAULT_MAX_CELL_CHARS,
            max_errors: DEFAULT_MAX_ERRORS,
            max_unpacked_bytes: DEFAULT_MAX_UNPACKED_BYTES,
        }
    }
}

impl ImportOptions {
    /// Default options with the office's actor id.
    ///
    /// ```
    /// assert!(renda::sheet::ImportOptions::for_office(" bad").is_err());
    /// ```
    pub fn for_office(office_id: &str) -> crate::Result<Self> {
        Ok(Self {
            office_id: ActorId::new(office_id).map_err(|_| RendaError::InvalidField {
                field: "office_id".into(),
                value: crate::ids::truncate(office_id),
                reason: "must be 1 to 64 characters, without control characters or surrounding white space".into(),
            })?,
            ..Self::default()
        })
    }

    /// Options from their JSON form (`null` or absent: the defaults), with errors naming the
    /// field under `options`.
    ///
    /// ```
    /// let o = renda::sheet::ImportOptions::from_json(Some(r#"{"office_id":"o2"}"#)).unwrap();
    /// assert_eq!(o.office_id.as_str(), "o2");
    /// let e = renda::sheet::ImportOptions::from_json(Some(r#"{"office":"o2"}"#)).unwrap_err();
    /// assert_eq!(e.field(), Some("options.office"));
    /// ```
    pub fn from_json(json: Option<&str>) -> crate::Result<Self> {
        let mut o = Self::default();
        for (key, v) in option_fields(json)? {
            let field = format!("options.{key}");
            match key.as_str() {
                "office_id" => {
                    let text = opt_string(&field, &v)?.unwrap_or_default();
                    o.office_id = Self::for_office(&text)
                        .map_err(|e| rename(e, &field))?
                        .office_id;
                }
                "sheet" => o.sheet = opt_string(&field, &v)?,
                "max_rows" => o.max_rows = opt_count(&field, &v)?.unwrap_or(o.max_rows),
                "max_cell_chars" => {
                    o.max_cell_chars = opt_count(&field, &v)?.unwrap_or(o.max_cell_chars)
                }
                "max_errors" => o.max_errors = opt_count(&field, &v)?.unwrap_or(o.max_errors),
                "max_unpacked_bytes" => {
                    o.max_unpacked_bytes =
                        opt_count(&field, &v)?.map_or(o.max_unpacked_bytes, |n| n as u64)
                }
                _ => return Err(unknown_option(field)),
            }
        }
        Ok(o)
    }
}

// Options are read from JSON by hand rather than through serde: in the wasm build this is
// markedly smaller, and the errors name the field all the same.

/// The fields of an options object (`None` / `null`: none).
fn option_fields(json: Option<&str>) -> crate::Result<Vec<(String, serde_json::Value)>> {
    let Some(text) = json else {
        return Ok(Vec::new());
    };
    match crate::wire::parse_json(text)? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Object(map) => Ok(map.into_iter().collect()),
        other => Err(RendaError::InvalidField {
            field: "options".into(),
            value: crate::ids::truncate(&other.to_string()),
            reason: "must be an object".into(),
        }),
    }
}

fn wrong_type(field: &str, v: &serde_json::Value, want: &str) -> RendaError {
    RendaError::InvalidField {
        field: field.to_string(),
        value: crate::ids::truncate(&v.to_string()),
        reason: format!("must be {want}"),
    }
}

fn unknown_option(field: String) -> RendaError {
    RendaError::InvalidField {
        field,
        value: String::new(),
        reason: "unknown field".into(),
    }
}

fn rename(e: RendaError, field: &str) -> RendaError {
    match e {
        RendaError::InvalidField { value, reason, .. } => RendaError::InvalidField {
            field: field.to_string(),
            value,
            reason,
        },
        other => other,
    }
}

fn opt_string(field: &str, v: &serde_json::Value) -> crate::Result<Option<String>> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(s) => Ok(Some(s.clone())),
        other => Err(wrong_type(field, other, "a string")),
    }
}

fn opt_bool(field: &str, v: &serde_json::Value) -> crate::Result<Option<bool>> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Bool(b) => Ok(Some(*b)),
        other => Err(wrong_type(field, other, "true or false")),
    }
}

fn opt_count(field: &str, v: &serde_json::Value) -> crate::Result<Option<usize>> {
    match v {
        serde_json::Value::Null => Ok(None),
        other => other
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| wrong_type(field, other, "a whole number from 0")),
    }
}

/// How to export the ledger.
///
/// ```
/// let o = renda::sheet::ExportOptions::default();
/// assert!(o.bom);
/// assert_eq!(o.sheet_name, "建议台账");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportOptions {
    /// Start the CSV with a UTF-8 byte order mark, so that Excel reads the Chinese correctly.
    pub bom: bool,
    /// The worksheet's name (XLSX).
    pub sheet_name: String,
    /// Only the suggestions to this congress; `None`: all.
    pub congress: Option<CongressId>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            bom: true,
            sheet_name: "建议台账".into(),
            congress: None,
        }
    }
}

impl ExportOptions {
    /// Options from their JSON form (`null` or absent: the defaults).
    ///
    /// ```
    /// let o = renda::sheet::ExportOptions::from_json(Some(r#"{"bom":false}"#)).unwrap();
    /// assert!(!o.bom);
    /// ```
    pub fn from_json(json: Option<&str>) -> crate::Result<Self> {
        let mut o = Self::default();
        for (key, v) in option_fields(json)? {
            let field = format!("options.{key}");
            match key.as_str() {
                "bom" => o.bom = opt_bool(&field, &v)?.unwrap_or(o.bom),
                "sheet_name" => o.sheet_name = opt_string(&field, &v)?.unwrap_or(o.sheet_name),
                "congress" => {
                    o.congress = opt_string(&field, &v)?
                        .map(|c| CongressId::new(c).map_err(|e| rename(e, &field)))
                        .transpose()?
                }
                _ => return Err(unknown_option(field)),
            }
        }
        Ok(o)
    }
}

/// The stable codes of sheet errors ([`SheetError::code`]). Besides these, a command the
/// ledger rejects is reported with the ledger's own code (`invalid_transition`,
/// `co_unit_opinions_missing`, … from [`crate::error::CODES`]).
///
/// ```
/// assert!(renda::sheet::codes::ALL.contains(&"conflicting_fact"));
/// ```
pub mod codes {
    /// The file is not a readable CSV / XLSX file (or the named worksheet is missing).
    pub const INVALID_FILE: &str = "invalid_file";
    /// A row is not valid UTF-8.
    pub const INVALID_ENCODING: &str = "invalid_encoding";
    /// No header row (one with a 建议号 column) was found.
    pub const NO_HEADER: &str = "no_header";
    /// Two columns have the same meaning.
    pub const DUPLICATE_COLUMN: &str = "duplicate_column";
    /// More data rows than [`super::ImportOptions::max_rows`].
    pub const TOO_MANY_ROWS: &str = "too_many_rows";
    /// A cell longer than [`super::ImportOptions::max_cell_chars`].
    pub const CELL_TOO_LONG: &str = "cell_too_long";
    /// More errors than [`super::ImportOptions::max_errors`]; the rest were not looked for.
    pub const TOO_MANY_ERRORS: &str = "too_many_errors";
    /// A required cell is empty (or its column is missing).
    pub const MISSING_VALUE: &str = "missing_value";
    /// A cell's value cannot be read (bad date, unknown label, malformed list).
    pub const INVALID_VALUE: &str = "invalid_value";
    /// A deputy, unit or congress the ledger does not know (or a name that matches several).
    pub const UNKNOWN_REFERENCE: &str = "unknown_reference";
    /// The same suggestion appears in two rows.
    pub const DUPLICATE_ROW: &str = "duplicate_row";
    /// The row contradicts a fact the ledger has recorded ("cannot change a recorded fact").
    pub const CONFLICTING_FACT: &str = "conflicting_fact";
    /// The row's steps are dated out of order, or before the ledger's last event.
    pub const OUT_OF_ORDER: &str = "out_of_order";
    /// The 状态 cell differs from the status the row's steps lead to.
    pub const STATUS_MISMATCH: &str = "status_mismatch";

    /// Every sheet-specific code.
    pub const ALL: [&str; 14] = [
        INVALID_FILE,
        INVALID_ENCODING,
        NO_HEADER,
        DUPLICATE_COLUMN,
        TOO_MANY_ROWS,
        CELL_TOO_LONG,
        TOO_MANY_ERRORS,
        MISSING_VALUE,
        INVALID_VALUE,
        UNKNOWN_REFERENCE,
        DUPLICATE_ROW,
        CONFLICTING_FACT,
        OUT_OF_ORDER,
        STATUS_MISMATCH,
    ];
}

/// The zh-Hans / English label of a sheet error code ([`codes`]); ledger codes are labelled by
/// [`crate::labels::error_code_label`].
///
/// ```
/// assert_eq!(renda::sheet::code_label("conflicting_fact").unwrap().zh, "不能更改已记录的事实");
/// assert_eq!(renda::sheet::code_label("not_found").unwrap().en, "Not found");
/// assert!(renda::sheet::code_label("nonsense").is_none());
/// ```
pub fn code_label(code: &str) -> Option<Label> {
    let l = |zh, en| Some(Label { zh, en });
    match code {
        codes::INVALID_FILE => l("文件无法读取", "Unreadable file"),
        codes::INVALID_ENCODING => l("不是 UTF-8 编码", "Not UTF-8"),
        codes::NO_HEADER => l("找不到表头行", "No header row"),
        codes::DUPLICATE_COLUMN => l("列重复", "Duplicate column"),
        codes::TOO_MANY_ROWS => l("行数超过上限", "Too many rows"),
        codes::CELL_TOO_LONG => l("单元格内容过长", "Cell too long"),
        codes::TOO_MANY_ERRORS => l("错误过多，未继续检查", "Too many errors"),
        codes::MISSING_VALUE => l("缺少必填内容", "Missing value"),
        codes::INVALID_VALUE => l("内容无法识别", "Invalid value"),
        codes::UNKNOWN_REFERENCE => l("找不到所指的代表、单位或人大", "Unknown reference"),
        codes::DUPLICATE_ROW => l("建议号重复", "Duplicate row"),
        codes::CONFLICTING_FACT => l("不能更改已记录的事实", "Cannot change a recorded fact"),
        codes::OUT_OF_ORDER => l("日期早于上一步", "Earlier than the previous step"),
        codes::STATUS_MISMATCH => l("状态与办理步骤不符", "Status does not match the steps"),
        other => crate::labels::error_code_label(other),
    }
}

/// One problem in a sheet: where (row and column as the user sees them), what, and why.
///
/// ```
/// let e = renda::sheet::SheetError {
///     row: 3, column: Some("答复日期".into()), value: Some("2024-13-01".into()),
///     reason: "expected a date such as 2024-03-05".into(), code: "invalid_value".into(),
/// };
/// assert_eq!(e.to_string(), "row 3, 答复日期 (\"2024-13-01\"): expected a date such as 2024-03-05 [invalid_value]");
/// assert_eq!(serde_json::to_value(&e).unwrap()["row"], 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetError {
    /// The row, 1-based as the spreadsheet shows it (the header is usually row 1); 0 for the
    /// file as a whole.
    pub row: usize,
    /// The column's header text, if the error concerns one cell.
    pub column: Option<String>,
    /// The offending value (shortened if long).
    pub value: Option<String>,
    /// Why it is not acceptable, in English.
    pub reason: String,
    /// Stable snake_case code: one of [`codes::ALL`] or a ledger error code.
    pub code: String,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row == 0 {
            write!(f, "file")?;
        } else {
            write!(f, "row {}", self.row)?;
        }
        if let Some(c) = &self.column {
            write!(f, ", {c}")?;
        }
        if let Some(v) = &self.value {
            write!(f, " ({v:?})")?;
        }
        write!(f, ": {} [{}]", self.reason, self.code)
    }
}

/// Every problem found in a sheet, in row order. Nothing was changed.
///
/// ```
/// use renda::sheet::{SheetError, SheetErrors};
/// let errs = SheetErrors { errors: vec![SheetError { row: 2, column: None, value: None,
///     reason: "duplicate".into(), code: "duplicate_row".into() }] };
/// assert!(errs.to_string().starts_with("1 error in the sheet: row 2: duplicate"));
/// assert_eq!(errs.info()["code"], "invalid_sheet");
/// assert_eq!(errs.info()["errors"][0]["row"], 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SheetErrors {
    /// The errors, ordered by row.
    pub errors: Vec<SheetError>,
}

impl SheetErrors {
    /// The stable code of a failed import as a whole.
    pub const CODE: &'static str = "invalid_sheet";

    /// The wire form, shaped like every renda error (`code`, `kind`, `message`, `field`,
    /// `value`, `rule`; kind `input`) plus `errors`, the list of row errors.
    pub fn info(&self) -> serde_json::Value {
        serde_json::to_value(self.wire()).unwrap_or_default()
    }

    /// [`SheetErrors::info`] as JSON text, keys in the documented order.
    ///
    /// ```
    /// let json = renda::sheet::SheetErrors::default().info_json();
    /// assert!(json.starts_with(r#"{"code":"invalid_sheet","kind":"input","message":"0 errors"#));
    /// ```
    pub fn info_json(&self) -> String {
        crate::wire::to_json(&self.wire())
    }

    fn wire(&self) -> SheetErrorsWire<'_> {
        SheetErrorsWire {
            code: Self::CODE,
            kind: "input",
            message: self.to_string(),
            field: None,
            value: None,
            rule: None,
            errors: &self.errors,
        }
    }
}

#[derive(Serialize)]
struct SheetErrorsWire<'a> {
    code: &'static str,
    kind: &'static str,
    message: String,
    field: Option<&'static str>,
    value: Option<&'static str>,
    rule: Option<&'static str>,
    errors: &'a [SheetError],
}

impl fmt::Display for SheetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        write!(f, "{n} error{} in the sheet", if n == 1 { "" } else { "s" })?;
        for (i, e) in self.errors.iter().take(3).enumerate() {
            write!(f, "{}{e}", if i == 0 { ": " } else { "; " })?;
        }
        if n > 3 {
            write!(f, "; …")?;
        }
        Ok(())
    }
}

impl std::error::Error for SheetErrors {}

/// Why a call of the sheet text API failed: bad options (a [`RendaError`]) or a bad sheet.
///
/// ```
/// use renda::sheet::SheetFailure;
/// let f = SheetFailure::from(renda::RendaError::MissingField { field: "options.x".into() });
/// assert_eq!(f.info()["code"], "missing_field");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetFailure {
    /// The options (or another argument) are invalid.
    #[error(transparent)]
    Renda(#[from] RendaError),
    /// The sheet has errors.
    #[error(transparent)]
    Sheet(#[from] SheetErrors),
}

impl SheetFailure {
    /// The wire form: [`RendaError::info`] or [`SheetErrors::info`].
    pub fn info(&self) -> serde_json::Value {
        match self {
            Self::Renda(e) => serde_json::to_value(e.info()).unwrap_or_default(),
            Self::Sheet(e) => e.info(),
        }
    }

    /// The wire form as JSON text, keys in the documented order.
    pub fn info_json(&self) -> String {
        match self {
            Self::Renda(e) => crate::wire::to_json(&e.info()),
            Self::Sheet(e) => e.info_json(),
        }
    }
}

/// Collects row errors up to a limit; past it, records one `too_many_errors` and stops.
#[derive(Debug)]
pub(crate) struct Errors {
    list: Vec<SheetError>,
    max: usize,
    full: bool,
}

impl Errors {
    pub(crate) fn new(max: usize) -> Self {
        Self {
            list: Vec::new(),
            max: max.max(1),
            full: false,
        }
    }

    pub(crate) fn push(
        &mut self,
        row: usize,
        column: Option<&str>,
        value: Option<&str>,
        code: &str,
        reason: impl Into<String>,
    ) {
        if self.full {
            return;
        }
        if self.list.len() >= self.max {
            self.full = true;
            self.list.push(SheetError {
                row,
                column: None,
                value: None,
                reason: format!(
                    "more than {} errors; fix these and import again to see the rest",
                    self.max
                ),
                code: codes::TOO_MANY_ERRORS.into(),
            });
            return;
        }
        self.list.push(SheetError {
            row,
            column: column.map(str::to_string),
            value: value.map(crate::ids::truncate),
            reason: reason.into(),
            code: code.to_string(),
        });
    }

    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Errors sorted by row (stable: within a row, in the order found).
    pub(crate) fn finish(self) -> SheetErrors {
        let order = import::order_by(
            self.list
                .iter()
                .enumerate()
                .map(|(i, e)| (e.row as u64, i as u64, 0))
                .collect(),
        );
        SheetErrors {
            errors: import::permute(self.list, &order),
        }
    }
}

/// One file-level error as a [`SheetErrors`].
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) fn file_error(code: &str, reason: impl Into<String>) -> SheetErrors {
    SheetErrors {
        errors: vec![SheetError {
            row: 0,
            column: None,
            value: None,
            reason: reason.into(),
            code: code.to_string(),
        }],
    }
}

/// Runs every importer on arbitrary bytes against a small fixed ledger: the target for fuzzing
/// (issue 8). It must return, whatever the bytes; a panic here is a bug.
///
/// ```
/// renda::sheet::fuzz_import(b"\xef\xbb\xbf\xe5\xbb\xba\"\n\xff,,");
/// renda::sheet::fuzz_import(b"PK\x03\x04 not really a zip");
/// ```
pub fn fuzz_import(data: &[u8]) {
    let ledger = fuzz_ledger();
    let opts = ImportOptions {
        max_rows: 1_000,
        max_unpacked_bytes: 16 * 1024 * 1024,
        ..ImportOptions::default()
    };
    #[cfg(feature = "csv")]
    if let Ok(plan) = import_csv(ledger, data, &opts) {
        let mut target = ledger.clone();
        if plan.apply(&mut target).is_err() {
            // All or nothing: a failed import leaves the ledger exactly as it was.
            assert!(
                target.seq() == ledger.seq() && target.state() == ledger.state(),
                "a failed import changed the ledger"
            );
        }
    }
    #[cfg(feature = "xlsx")]
    let _ = import_xlsx(ledger, data, &opts);
    // Without a format: the engine alone, one text cell per comma-separated item per line.
    #[cfg(not(any(feature = "csv", feature = "xlsx")))]
    {
        let text = String::from_utf8_lossy(data);
        let rows = text
            .lines()
            .take(opts.max_rows)
            .enumerate()
            .map(|(i, line)| GridRow {
                number: i + 1,
                cells: line.split(',').map(|c| Cell::Text(c.to_string())).collect(),
            })
            .collect();
        let _ = import_grid(ledger, &Grid { rows }, &opts);
    }
}

fn fuzz_ledger() -> &'static crate::Ledger {
    static LEDGER: std::sync::OnceLock<crate::Ledger> = std::sync::OnceLock::new();
    LEDGER.get_or_init(|| {
        let mut l = crate::Ledger::new(Default::default());
        for c in [
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_deputy","deputy":"D001","congress":"hd-17","name":"王丽"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_deputy","deputy":"D002","congress":"hd-17","name":"李强"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_unit","unit":"fin","name":"区财政局"}}"#,
        ] {
            // Fixed, valid commands: they cannot fail.
            let _ = l.execute_json(c);
        }
        l
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_capped_and_sorted() {
        let mut e = Errors::new(2);
        e.push(5, None, None, codes::INVALID_VALUE, "a");
        e.push(
            3,
            Some("标题"),
            Some(&"长".repeat(200)),
            codes::INVALID_VALUE,
            "b",
        );
        e.push(4, None, None, codes::INVALID_VALUE, "c");
        e.push(6, None, None, codes::INVALID_VALUE, "d");
        assert!(e.is_full());
        let s = e.finish();
        let rows: Vec<usize> = s.errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [3, 4, 5]);
        assert_eq!(s.errors[1].code, codes::TOO_MANY_ERRORS);
        assert_eq!(s.errors[0].value.as_ref().unwrap().chars().count(), 81);
        assert!(s
            .to_string()
            .starts_with("3 errors in the sheet: row 3, 标题"));
    }

    #[test]
    fn every_code_is_labelled_and_failures_have_a_wire_form() {
        for c in codes::ALL {
            let l = code_label(c).unwrap();
            assert!(!l.zh.is_empty() && !l.en.is_empty());
            assert!(!crate::error::CODES.contains(&c) || c == codes::OUT_OF_ORDER);
        }
        let f = SheetFailure::from(file_error(codes::INVALID_FILE, "x"));
        let v: serde_json::Value = serde_json::from_str(&f.info_json()).unwrap();
        assert_eq!(v["kind"], "input");
        assert_eq!(v["errors"][0]["code"], "invalid_file");
        assert_eq!(v["errors"][0]["row"], 0);
        assert!(ImportOptions::from_json(Some("{\"max_rows\":-1}")).is_err());
        assert!(ImportOptions::from_json(Some("{\"office_id\":\"\"}")).is_err());
        assert_eq!(
            ImportOptions::from_json(None).unwrap(),
            ImportOptions::default()
        );
    }
}
