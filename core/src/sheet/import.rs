//! The import engine: a [`Grid`] and a ledger in, an [`ImportPlan`] (or every row error) out.
//!
//! 1. Find the header row (the first of the first [`HEADER_SCAN_ROWS`] rows with a 建议号
//!    column) and map headers to [`Column`]s.
//! 2. Read each row into typed values, resolving deputies, units and congresses by id or by
//!    unique name.
//! 3. Compare each row with the ledger: facts already recorded must agree; steps not yet
//!    recorded become commands, each dated by its column's date at 09:00 China time.
//! 4. Dry-run every command, in time order, on a clone of the ledger; a rejection becomes an
//!    error on the row and column it came from; then check each row's 状态.

use super::cell::{
    date_text, label_choices, parse_date, parse_label, parse_yes_no, split_list, Cell, Grid,
    GridRow, DATE_HINT,
};
use super::layout::{Column, Field, RoundField, SLOTS};
use super::plan::{ImportPlan, PlannedCommand, StatusCheck};
use super::{codes, Errors, ImportOptions, SheetErrors};
use crate::actor::{Actor, Role};
use crate::command::{Command, CommandEnvelope};
use crate::ids::{ActorId, CongressId, DeputyId, SuggestionId, UnitId};
use crate::ledger::Ledger;
use crate::suggestion::{
    ResultCategory, Satisfaction, SubmissionPeriod, Suggestion, SuggestionStatus,
};
use crate::time::{china_offset, Timestamp};
use crate::RendaError;
use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone};

/// How many rows from the top are searched for the header row (title rows may come first).
pub const HEADER_SCAN_ROWS: usize = 20;

/// Reason text recorded for a return, rejection or extension when the sheet gives none.
const DEFAULT_REASON: &str = "据建议台账导入（台账未记载理由）";

/// Plans the import of a grid of cells (the format-independent entry point; see
/// [`super::import_csv`] and [`super::import_xlsx`]).
///
/// ```
/// use renda::sheet::{import_grid, Cell, Grid, GridRow, ImportOptions};
/// let ledger = renda::Ledger::new(Default::default());
/// let t = |s: &str| Cell::Text(s.into());
/// let grid = Grid { rows: vec![
///     GridRow { number: 1, cells: vec![t("建议号"), t("标题")] },
///     GridRow { number: 2, cells: vec![t("S1"), t("关于……的建议")] },
/// ]};
/// let errs = import_grid(&ledger, &grid, &ImportOptions::default()).unwrap_err();
/// // No congress registered, no lead deputy, no date, no period: one error per missing cell.
/// assert!(errs.errors.iter().all(|e| e.row == 2));
/// assert!(errs.errors.iter().any(|e| e.column.as_deref() == Some("领衔代表")));
/// ```
pub fn import_grid(
    ledger: &Ledger,
    grid: &Grid,
    opts: &ImportOptions,
) -> Result<ImportPlan, SheetErrors> {
    plan_grid(ledger, grid, opts, Errors::new(opts.max_errors))
}

/// Checks cell lengths, naming the column by its header where there is one.
fn check_cell_lengths(grid: &Grid, header: &Header, opts: &ImportOptions, errors: &mut Errors) {
    for row in &grid.rows {
        for (i, cell) in row.cells.iter().enumerate() {
            let n = cell.chars();
            if n > opts.max_cell_chars {
                let name = match header.by_index.get(i).copied().flatten() {
                    Some(c) => header.name(c),
                    None => column_letter(i),
                };
                errors.push(
                    row.number,
                    Some(&name),
                    None,
                    codes::CELL_TOO_LONG,
                    format!(
                        "a cell of {n} characters is longer than the limit of {}",
                        opts.max_cell_chars
                    ),
                );
            }
        }
    }
}

/// Plans a grid whose readers have already recorded errors in `errors`.
pub(crate) fn plan_grid(
    ledger: &Ledger,
    grid: &Grid,
    opts: &ImportOptions,
    mut errors: Errors,
) -> Result<ImportPlan, SheetErrors> {
    let Some((header_at, header)) = find_header(grid, &mut errors) else {
        return Err(errors.finish());
    };
    check_cell_lengths(grid, &header, opts, &mut errors);
    if !errors.is_empty() {
        return Err(errors.finish());
    }
    let registry = Registry::new(ledger);
    let office = Actor {
        role: Role::DeputyAffairsOffice,
        id: opts.office_id.clone(),
    };
    let mut rows = Vec::new();
    for grid_row in &grid.rows[header_at + 1..] {
        if errors.is_full() {
            break;
        }
        if grid_row.cells.iter().all(Cell::is_blank) {
            continue;
        }
        let mut r = RowReader {
            header: &header,
            row: grid_row,
            errors: &mut errors,
            failed: false,
        };
        let parsed = read_row(&mut r, &registry);
        let failed = r.failed;
        if let Some(parsed) = parsed {
            rows.push((parsed, failed));
        }
    }
    // The same suggestion in two rows: every row after the first is an error.
    let mut ids: Vec<(&str, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (r.id.as_str(), i))
        .collect();
    sort_names(&mut ids);
    let mut duplicate = vec![false; rows.len()];
    let mut first = 0;
    for k in 1..ids.len() {
        if ids[k].0 != ids[first].0 {
            first = k;
            continue;
        }
        duplicate[ids[k].1] = true;
        let (r, first_row) = (&rows[ids[k].1].0, rows[ids[first].1].0.number);
        errors.push(
            r.number,
            Some(&header.name(Column::Field(Field::Id))),
            Some(r.id.as_str()),
            codes::DUPLICATE_ROW,
            format!("suggestion `{}` is already in row {first_row}", r.id),
        );
    }
    let rows: Vec<Row> = rows
        .into_iter()
        .zip(duplicate)
        .filter(|((_, failed), dup)| !failed && !dup)
        .map(|((r, _), _)| r)
        .collect();

    // Compare with the ledger: the steps not yet recorded.
    let mut steps: Vec<(usize, Step)> = Vec::new();
    let mut checks = Vec::new();
    for (idx, row) in rows.iter().enumerate() {
        if errors.is_full() {
            break;
        }
        let mut d = Differ {
            row,
            header: &header,
            registry: &registry,
            ledger,
            office: &office,
            errors: &mut errors,
            steps: Vec::new(),
            failed: false,
        };
        d.diff();
        if d.failed {
            continue;
        }
        let row_steps = std::mem::take(&mut d.steps);
        let Some(row_steps) = order_row_steps(row, &header, row_steps, &mut errors) else {
            continue;
        };
        if row.status.is_some() || row.status_date.is_some() {
            checks.push(StatusCheck {
                row: row.number,
                suggestion: row.id.clone(),
                status: row
                    .status
                    .map(|s| (s, header.name(Column::Field(Field::Status)))),
                status_date: row
                    .status_date
                    .map(|d| (d, header.name(Column::Field(Field::StatusDate)))),
            });
        }
        steps.extend(row_steps.into_iter().map(|s| (idx, s)));
    }
    if errors.is_full() {
        return Err(errors.finish());
    }

    // Time order across rows; within a row the steps keep their order.
    let order = order_by(
        steps
            .iter()
            .map(|(idx, s)| (day_key(s.date), *idx as u64, s.seq as u64))
            .collect(),
    );
    let commands: Vec<PlannedCommand> = permute(steps, &order)
        .into_iter()
        .map(|(_, s)| {
            PlannedCommand::new(
                s.row,
                s.column,
                header.name(s.column),
                s.round,
                s.value,
                s.envelope,
            )
        })
        .collect();
    let plan = ImportPlan::new(
        commands,
        checks,
        header.ignored.clone(),
        header.names(),
        opts.max_errors,
    );
    // The dry run on a clone, of the rows that read well: every rejection, mapped to its row
    // and column, joins the errors found so far.
    let mut scratch = ledger.clone();
    plan.run_into(&mut scratch, &mut errors);
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors.finish())
    }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub(crate) fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

// ---------------------------------------------------------------- header

/// The header row: which column of the grid holds which [`Column`].
pub(crate) struct Header {
    /// Grid column index → column and its header text as written.
    by_index: Vec<Option<Column>>,
    /// [`Column::slot`] → (grid column index, header text as written).
    by_column: Vec<Option<(usize, String)>>,
    /// Headers that name no column (ignored).
    ignored: Vec<String>,
    /// The number of rounds the header has columns for.
    rounds: u32,
}

impl Header {
    /// The header text of `col` as the sheet writes it, or the canonical one if it is missing.
    pub(crate) fn name(&self, col: Column) -> String {
        self.get(col)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| col.header())
    }

    fn get(&self, col: Column) -> Option<&(usize, String)> {
        self.by_column.get(col.slot()).and_then(Option::as_ref)
    }

    /// Names of every column the sheet has, for mapping errors back.
    pub(crate) fn names(&self) -> HeaderNames {
        HeaderNames(
            self.by_column
                .iter()
                .map(|c| c.as_ref().map(|(_, h)| h.clone()))
                .collect(),
        )
    }

    fn has(&self, col: Column) -> bool {
        self.get(col).is_some()
    }
}

/// [`Column::slot`] → header text as written, for the columns a sheet has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HeaderNames(pub(crate) Vec<Option<String>>);

impl HeaderNames {
    pub(crate) fn name(&self, col: Column) -> String {
        self.0
            .get(col.slot())
            .cloned()
            .flatten()
            .unwrap_or_else(|| col.header())
    }
}

fn find_header(grid: &Grid, errors: &mut Errors) -> Option<(usize, Header)> {
    let id_col = Column::Field(Field::Id);
    let at = grid.rows.iter().take(HEADER_SCAN_ROWS).position(|r| {
        r.cells
            .iter()
            .any(|c| matches!(c, Cell::Text(t) if Column::parse(t) == Some(id_col)))
    });
    let Some(at) = at else {
        errors.push(
            grid.rows.first().map_or(1, |r| r.number),
            Some(Field::Id.header()),
            None,
            codes::NO_HEADER,
            format!("no header row with a 建议号 (id) column in the first {HEADER_SCAN_ROWS} rows"),
        );
        return None;
    };
    let row = &grid.rows[at];
    let mut header = Header {
        by_index: Vec::with_capacity(row.cells.len()),
        by_column: vec![None; SLOTS],
        ignored: Vec::new(),
        rounds: 1,
    };
    let mut ok = true;
    for (i, cell) in row.cells.iter().enumerate() {
        let text = cell.text().trim().to_string();
        let col = Column::parse(&text);
        match col {
            Some(c) => {
                if let Some((_, first)) = header.get(c) {
                    errors.push(
                        row.number,
                        Some(&text),
                        None,
                        codes::DUPLICATE_COLUMN,
                        format!(
                            "column {} means the same as column `{first}`",
                            column_letter(i)
                        ),
                    );
                    ok = false;
                    header.by_index.push(None);
                    continue;
                }
                if let Column::Round(n, _) = c {
                    header.rounds = header.rounds.max(n);
                }
                header.by_column[c.slot()] = Some((i, text));
                header.by_index.push(Some(c));
            }
            None => {
                if !text.is_empty() {
                    header.ignored.push(text);
                }
                header.by_index.push(None);
            }
        }
    }
    ok.then_some((at, header))
}

// ---------------------------------------------------------------- registry look-ups

/// Deputies, units and congresses by id and by name.
struct Registry<'l> {
    ledger: &'l Ledger,
    deputies: Names<'l, DeputyId>,
    units: Names<'l, UnitId>,
    congresses: Names<'l, CongressId>,
}

/// Ids sorted by name, for look-ups by name.
struct Names<'l, K> {
    ids: Vec<&'l K>,
    /// (name, index into `ids`), sorted.
    names: Vec<(&'l str, usize)>,
}

impl<'l, K> Names<'l, K> {
    fn new(entries: impl Iterator<Item = (&'l str, &'l K)>) -> Self {
        let mut ids = Vec::new();
        let mut names = Vec::new();
        for (name, id) in entries {
            names.push((name, ids.len()));
            ids.push(id);
        }
        sort_names(&mut names);
        Self { ids, names }
    }

    fn get(&self, name: &str) -> Vec<&'l K> {
        let from = self.names.partition_point(|(n, _)| *n < name);
        self.names[from..]
            .iter()
            .take_while(|(n, _)| *n == name)
            .map(|(_, i)| self.ids[*i])
            .collect()
    }
}

/// Sorts (name, index) pairs: the one string sort of the import (a small wasm build).
fn sort_names(v: &mut [(&str, usize)]) {
    v.sort_unstable();
}

impl<'l> Registry<'l> {
    fn new(ledger: &'l Ledger) -> Self {
        Self {
            ledger,
            deputies: Names::new(ledger.deputies().map(|d| (d.name.as_str(), &d.id))),
            units: Names::new(ledger.units().map(|u| (u.name.as_str(), &u.id))),
            congresses: Names::new(ledger.congresses().map(|c| (c.name.as_str(), &c.id))),
        }
    }

    fn deputy(&self, text: &str) -> Result<DeputyId, String> {
        let by_id = DeputyId::new(text)
            .ok()
            .filter(|id| self.ledger.state().deputies.contains_key(id));
        resolve(by_id, &self.deputies.get(text), "deputy")
    }

    fn unit(&self, text: &str) -> Result<UnitId, String> {
        let by_id = UnitId::new(text)
            .ok()
            .filter(|id| self.ledger.state().units.contains_key(id));
        resolve(by_id, &self.units.get(text), "unit")
    }

    fn congress(&self, text: &str) -> Result<CongressId, String> {
        let by_id = CongressId::new(text)
            .ok()
            .filter(|id| self.ledger.state().congresses.contains_key(id));
        resolve(by_id, &self.congresses.get(text), "congress")
    }

    /// The one congress the ledger knows, if it knows exactly one.
    fn only_congress(&self) -> Option<CongressId> {
        let mut it = self.ledger.congresses();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c.id.clone()),
            _ => None,
        }
    }

    /// Name of a unit, for matching opinion lines.
    fn unit_name(&self, id: &UnitId) -> Option<&'l str> {
        self.ledger.state().units.get(id).map(|u| u.name.as_str())
    }
}

fn resolve<K: Clone + std::fmt::Display>(
    by_id: Option<K>,
    by_name: &[&K],
    entity: &str,
) -> Result<K, String> {
    if let Some(id) = by_id {
        return Ok(id);
    }
    match by_name {
        [one] => Ok((*one).clone()),
        many if many.len() > 1 => Err(format!(
            "the name matches {} {entity}s ({}); write the id instead",
            many.len(),
            many.iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => Err(format!("no registered {entity} has this id or name")),
    }
}

// ---------------------------------------------------------------- reading a row

/// One row, read into typed values. `None`: the cell is blank or its column is missing.
#[derive(Debug)]
pub(crate) struct Row {
    number: usize,
    id: SuggestionId,
    congress: Option<CongressId>,
    title: Option<String>,
    lead: Option<DeputyId>,
    /// `None`: the column is missing; `Some(vec![])`: the cell is blank.
    cosigners: Option<Vec<DeputyId>>,
    submit: Option<NaiveDate>,
    during: Option<SubmissionPeriod>,
    /// `None`: the column is missing; `Some(None)`: the cell is blank.
    topic: Option<Option<String>>,
    status: Option<SuggestionStatus>,
    status_date: Option<NaiveDate>,
    status_note: Option<String>,
    accept: Option<NaiveDate>,
    assign: Option<NaiveDate>,
    lead_unit: Option<UnitId>,
    /// `None`: the column is missing; `Some(vec![])`: the cell is blank.
    co_units: Option<Vec<UnitId>>,
    extensions: Option<Vec<NaiveDate>>,
    extension_reason: Option<String>,
    rounds: Vec<RoundRow>,
}

#[derive(Debug, Default)]
struct RoundRow {
    opinions: Option<String>,
    reply: Option<NaiveDate>,
    result: Option<ResultCategory>,
    in_plan: Option<bool>,
    summary: Option<String>,
    reason: Option<String>,
    rating: Option<Satisfaction>,
    feedback: Option<NaiveDate>,
    comment: Option<String>,
}

impl RoundRow {
    fn reply_given(&self) -> bool {
        self.result.is_some()
            || self.in_plan.is_some()
            || self.summary.is_some()
            || self.reason.is_some()
    }

    fn feedback_given(&self) -> bool {
        self.rating.is_some() || self.comment.is_some()
    }
}

struct RowReader<'a> {
    header: &'a Header,
    row: &'a GridRow,
    errors: &'a mut Errors,
    failed: bool,
}

impl RowReader<'_> {
    fn cell(&self, col: Column) -> Option<&Cell> {
        let (i, _) = self.header.get(col)?;
        Some(self.row.cells.get(*i).unwrap_or(&Cell::Empty))
    }

    fn error(&mut self, col: Column, value: Option<&str>, code: &str, reason: impl Into<String>) {
        self.failed = true;
        let name = self.header.name(col);
        self.errors
            .push(self.row.number, Some(&name), value, code, reason);
    }

    /// Free text, exactly as written; `None` if blank or missing.
    fn text(&self, col: Column) -> Option<String> {
        let cell = self.cell(col)?;
        (!cell.is_blank()).then(|| cell.text())
    }

    /// Trimmed text; `None` if blank or missing.
    fn trimmed(&self, col: Column) -> Option<String> {
        self.text(col).map(|t| t.trim().to_string())
    }

    fn date(&mut self, col: Column) -> Option<NaiveDate> {
        let cell = self.cell(col)?.clone();
        if cell.is_blank() {
            return None;
        }
        let d = parse_date(&cell);
        if d.is_none() {
            self.error(col, Some(&cell.text()), codes::INVALID_VALUE, DATE_HINT);
        }
        d
    }

    fn dates(&mut self, col: Column) -> Option<Vec<NaiveDate>> {
        let cell = self.cell(col)?.clone();
        if let Cell::Date(_) | Cell::Number(_) = cell {
            return self.date(col).map(|d| vec![d]);
        }
        let text = cell.text();
        let mut out = Vec::new();
        for item in split_list(&text) {
            match parse_date(&Cell::Text(item.to_string())) {
                Some(d) => out.push(d),
                None => self.error(col, Some(item), codes::INVALID_VALUE, DATE_HINT),
            }
        }
        Some(sorted_dates(out))
    }

    fn label<T: crate::labels::Labelled + serde::Serialize>(
        &mut self,
        col: Column,
        all: &[T],
    ) -> Option<T> {
        let text = self.trimmed(col)?;
        // "A类" / "B 类" as offices write result categories.
        let plain = text.trim_end_matches('类').trim();
        let v = parse_label(&text, all).or_else(|| parse_label(plain, all));
        if v.is_none() {
            let choices = label_choices(all);
            self.error(
                col,
                Some(&text),
                codes::INVALID_VALUE,
                format!("expected one of {choices}"),
            );
        }
        v
    }

    fn yes_no(&mut self, col: Column) -> Option<bool> {
        let cell = self.cell(col)?.clone();
        if cell.is_blank() {
            return None;
        }
        let v = parse_yes_no(&cell);
        if v.is_none() {
            self.error(
                col,
                Some(&cell.text()),
                codes::INVALID_VALUE,
                "expected 是 or 否",
            );
        }
        v
    }

    fn reference<T>(
        &mut self,
        col: Column,
        look_up: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let text = self.trimmed(col)?;
        match look_up(&text) {
            Ok(v) => Some(v),
            Err(reason) => {
                self.error(col, Some(&text), codes::UNKNOWN_REFERENCE, reason);
                None
            }
        }
    }

    fn references<T>(
        &mut self,
        col: Column,
        look_up: impl Fn(&str) -> Result<T, String>,
    ) -> Option<Vec<T>> {
        let cell = self.cell(col)?;
        let text = cell.text();
        let mut out = Vec::new();
        for item in split_list(&text) {
            match look_up(item) {
                Ok(v) => out.push(v),
                Err(reason) => self.error(col, Some(item), codes::UNKNOWN_REFERENCE, reason),
            }
        }
        Some(out)
    }
}

fn read_row(r: &mut RowReader<'_>, reg: &Registry<'_>) -> Option<Row> {
    use Column::Field as F;
    let id = match r.trimmed(F(Field::Id)) {
        None => {
            r.error(
                F(Field::Id),
                None,
                codes::MISSING_VALUE,
                "every row needs a 建议号 (suggestion id)",
            );
            return None;
        }
        Some(t) => match SuggestionId::new(t.as_str()) {
            Ok(id) => id,
            Err(e) => {
                let reason = invalid_reason(&e);
                r.error(F(Field::Id), Some(&t), codes::INVALID_VALUE, reason);
                return None;
            }
        },
    };
    let congress = r.reference(F(Field::Congress), |t| reg.congress(t));
    let title = r.text(F(Field::Title));
    let lead = r.reference(F(Field::Lead), |t| reg.deputy(t));
    let cosigners = r.references(F(Field::Cosigners), |t| reg.deputy(t));
    let submit = r.date(F(Field::SubmitDate));
    let during = r.label(F(Field::During), &SubmissionPeriod::ALL);
    let topic = r.cell(F(Field::Topic)).map(|_| r.text(F(Field::Topic)));
    let status = r.label(F(Field::Status), &SuggestionStatus::ALL);
    let status_date = r.date(F(Field::StatusDate));
    let status_note = r.text(F(Field::StatusNote));
    let accept = r.date(F(Field::AcceptDate));
    let assign = r.date(F(Field::AssignDate));
    let lead_unit = r.reference(F(Field::LeadUnit), |t| reg.unit(t));
    let co_units = r.references(F(Field::CoUnits), |t| reg.unit(t));
    let extensions = r.dates(F(Field::ExtensionDates));
    let extension_reason = r.text(F(Field::ExtensionReason));
    let mut rounds = Vec::with_capacity(r.header.rounds as usize);
    for n in 1..=r.header.rounds {
        let c = |f| Column::Round(n, f);
        rounds.push(RoundRow {
            opinions: r.text(c(RoundField::Opinions)),
            reply: r.date(c(RoundField::ReplyDate)),
            result: r.label(c(RoundField::Result), &ResultCategory::ALL),
            in_plan: r.yes_no(c(RoundField::InPlan)),
            summary: r.text(c(RoundField::Summary)),
            reason: r.text(c(RoundField::Reason)),
            rating: r.label(c(RoundField::Rating), &Satisfaction::ALL),
            feedback: r.date(c(RoundField::FeedbackDate)),
            comment: r.text(c(RoundField::Comment)),
        });
    }
    // Drop trailing rounds the row leaves empty.
    while rounds.len() > 1
        && rounds.last().is_some_and(|x| {
            x.opinions.is_none()
                && x.reply.is_none()
                && !x.reply_given()
                && x.feedback.is_none()
                && !x.feedback_given()
        })
    {
        rounds.pop();
    }
    Some(Row {
        number: r.row.number,
        id,
        congress,
        title,
        lead,
        cosigners,
        submit,
        during,
        topic,
        status,
        status_date,
        status_note,
        accept,
        assign,
        lead_unit,
        co_units,
        extensions,
        extension_reason,
        rounds,
    })
}

fn invalid_reason(e: &RendaError) -> String {
    match e {
        RendaError::InvalidField { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

// ---------------------------------------------------------------- comparing with the ledger

/// One command the row needs, before it is placed in time order.
#[derive(Debug)]
pub(crate) struct Step {
    row: usize,
    date: NaiveDate,
    /// Order of the lifecycle: a step may not be dated before a step of a lower phase.
    phase: u32,
    /// Position in the row, after ordering.
    seq: usize,
    column: Column,
    round: Option<u32>,
    value: String,
    envelope: CommandEnvelope,
}

const PHASE_SUBMIT: u32 = 0;
const PHASE_REVISE: u32 = 1;
const PHASE_ACCEPT: u32 = 2;
const PHASE_ASSIGN: u32 = 3;
const PHASE_TERMINAL: u32 = u32::MAX;

/// Phases of round `n`: opinions (and, in round 1, extensions), reply, rating.
fn round_phase(n: u32, part: u32) -> u32 {
    4 + 3 * (n - 1) + part
}

/// 09:00 China time on `date`.
fn at_nine(date: NaiveDate) -> Timestamp {
    let naive = date.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN));
    match china_offset().from_local_datetime(&naive).single() {
        Some(t) => Timestamp::new(t),
        None => Timestamp::start_of_china_day(date),
    }
}

struct Differ<'a, 'l> {
    row: &'a Row,
    header: &'a Header,
    registry: &'a Registry<'l>,
    ledger: &'l Ledger,
    office: &'a Actor,
    errors: &'a mut Errors,
    steps: Vec<Step>,
    failed: bool,
}

impl Differ<'_, '_> {
    fn error(&mut self, col: Column, value: Option<&str>, code: &str, reason: impl Into<String>) {
        self.failed = true;
        let name = self.header.name(col);
        self.errors
            .push(self.row.number, Some(&name), value, code, reason);
    }

    fn missing(&mut self, col: Column, why: &str) {
        self.error(col, None, codes::MISSING_VALUE, why.to_string());
    }

    fn conflict(&mut self, col: Column, sheet: &str, recorded: &str) {
        self.error(
            col,
            Some(sheet),
            codes::CONFLICTING_FACT,
            format!("cannot change a recorded fact: the ledger records {recorded:?}"),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn step(
        &mut self,
        date: NaiveDate,
        phase: u32,
        column: Column,
        round: Option<u32>,
        value: String,
        actor: Actor,
        command: Command,
    ) {
        self.steps.push(Step {
            row: self.row.number,
            date,
            phase,
            seq: 0,
            column,
            round,
            value,
            envelope: CommandEnvelope {
                at: at_nine(date),
                actor,
                command,
            },
        });
    }

    fn unit_actor(&mut self, unit: &UnitId, col: Column) -> Option<Actor> {
        match ActorId::new(unit.as_str()) {
            Ok(id) => Some(Actor {
                role: Role::HandlingUnit,
                id,
            }),
            Err(e) => {
                self.error(
                    col,
                    Some(unit.as_str()),
                    codes::INVALID_VALUE,
                    invalid_reason(&e),
                );
                None
            }
        }
    }

    fn deputy_actor(&mut self, deputy: &DeputyId, col: Column) -> Option<Actor> {
        match ActorId::new(deputy.as_str()) {
            Ok(id) => Some(Actor {
                role: Role::Deputy,
                id,
            }),
            Err(e) => {
                self.error(
                    col,
                    Some(deputy.as_str()),
                    codes::INVALID_VALUE,
                    invalid_reason(&e),
                );
                None
            }
        }
    }

    fn diff(&mut self) {
        let recorded = self.ledger.state().suggestions.get(&self.row.id);
        match recorded {
            None => self.new_suggestion(),
            Some(s) => self.recorded_suggestion(s),
        }
    }

    fn new_suggestion(&mut self) {
        use Column::Field as F;
        let row = self.row;
        let congress = row.congress.clone().or_else(|| {
            if self.header.has(F(Field::Congress)) && self.registry.only_congress().is_none() {
                None
            } else {
                self.registry.only_congress()
            }
        });
        if congress.is_none() {
            self.missing(
                F(Field::Congress),
                "a new suggestion needs its congress (届次)",
            );
        }
        if row.title.is_none() {
            self.missing(F(Field::Title), "a new suggestion needs a title");
        }
        if row.lead.is_none() {
            self.missing(F(Field::Lead), "a new suggestion needs its lead deputy");
        }
        if row.submit.is_none() {
            self.missing(
                F(Field::SubmitDate),
                "a new suggestion needs the date it was submitted",
            );
        }
        if row.during.is_none() {
            self.missing(
                F(Field::During),
                "a new suggestion needs 大会期间 or 闭会期间",
            );
        }
        let (Some(congress), Some(title), Some(lead), Some(submit), Some(during)) = (
            congress,
            row.title.clone(),
            row.lead.clone(),
            row.submit,
            row.during,
        ) else {
            return;
        };
        self.step(
            submit,
            PHASE_SUBMIT,
            F(Field::SubmitDate),
            None,
            date_text(submit),
            self.office.clone(),
            Command::SubmitSuggestion {
                suggestion: row.id.clone(),
                congress,
                title,
                lead,
                cosigners: row.cosigners.clone().unwrap_or_default(),
                during,
                topic: row.topic.clone().flatten(),
            },
        );
        self.accept_and_assign(None);
        self.extensions(&[]);
        self.rounds(None);
        self.terminal(None);
    }

    fn recorded_suggestion(&mut self, s: &Suggestion) {
        use Column::Field as F;
        let row = self.row;
        if let Some(c) = &row.congress {
            if c != &s.congress {
                self.conflict(F(Field::Congress), c.as_str(), s.congress.as_str());
            }
        }
        if let Some(l) = &row.lead {
            if l != &s.lead {
                self.conflict(F(Field::Lead), l.as_str(), s.lead.as_str());
            }
        }
        if let Some(d) = row.during {
            if d != s.during {
                self.conflict(F(Field::During), label_of(d), label_of(s.during));
            }
        }
        if let Some(d) = row.submit {
            if d != s.submitted_on() {
                self.conflict(
                    F(Field::SubmitDate),
                    &date_text(d),
                    &date_text(s.submitted_on()),
                );
            }
        }
        if let Some(cos) = &row.cosigners {
            if !same_set(cos, &s.cosigners) {
                self.conflict(F(Field::Cosigners), &join(cos), &join(&s.cosigners));
            }
        }
        if let Some(topic) = &row.topic {
            if topic != &s.topic {
                self.conflict(
                    F(Field::Topic),
                    topic.as_deref().unwrap_or(""),
                    s.topic.as_deref().unwrap_or(""),
                );
            }
        }
        if let Some(title) = &row.title {
            if title != &s.title {
                if s.status == SuggestionStatus::ReturnedForRevision {
                    self.revise(title.clone());
                } else {
                    self.conflict(F(Field::Title), title, &s.title);
                }
            }
        }
        self.accept_and_assign(Some(s));
        self.extensions(&s.extensions);
        self.rounds(Some(s));
        self.terminal(Some(s));
    }

    /// A returned suggestion with a new title: the deputy revised it (dated by 状态日期 when
    /// the row says it is submitted again, else by the acceptance or assignment).
    fn revise(&mut self, title: String) {
        use Column::Field as F;
        let row = self.row;
        let (date, col) =
            if row.status == Some(SuggestionStatus::Submitted) && row.status_date.is_some() {
                (row.status_date, F(Field::StatusDate))
            } else if row.accept.is_some() {
                (row.accept, F(Field::AcceptDate))
            } else if row.assign.is_some() {
                (row.assign, F(Field::AssignDate))
            } else {
                (row.status_date, F(Field::StatusDate))
            };
        let Some(date) = date else {
            self.missing(
                F(Field::StatusDate),
                "the title differs from the returned suggestion's: give the date of the revision (状态日期, with 状态 已提交)",
            );
            return;
        };
        self.step(
            date,
            PHASE_REVISE,
            col,
            None,
            date_text(date),
            self.office.clone(),
            Command::ReviseSuggestion {
                suggestion: row.id.clone(),
                title,
            },
        );
    }

    fn accept_and_assign(&mut self, s: Option<&Suggestion>) {
        use Column::Field as F;
        let row = self.row;
        let accepted_on = s.and_then(|s| {
            s.history
                .iter()
                .find(|(_, st)| *st == SuggestionStatus::Accepted)
                .map(|(d, _)| *d)
        });
        match (row.accept, accepted_on) {
            (Some(d), Some(l)) if d != l => {
                self.conflict(F(Field::AcceptDate), &date_text(d), &date_text(l))
            }
            (_, Some(_)) => {}
            (Some(d), None) => self.accept(d, F(Field::AcceptDate)),
            (None, None) => {
                if let Some(d) = row.assign {
                    self.accept(d, F(Field::AssignDate));
                }
            }
        }
        let assignment = s.and_then(|s| s.assignment.as_ref());
        match assignment {
            Some(a) => {
                if let Some(d) = row.assign {
                    if d != a.assigned_on {
                        self.conflict(
                            F(Field::AssignDate),
                            &date_text(d),
                            &date_text(a.assigned_on),
                        );
                    }
                }
                if let Some(u) = &row.lead_unit {
                    if u != &a.lead_unit {
                        self.conflict(F(Field::LeadUnit), u.as_str(), a.lead_unit.as_str());
                    }
                }
                if let Some(co) = &row.co_units {
                    let stated = !co.is_empty() || row.assign.is_some();
                    if stated && !same_set(co, &a.co_units) {
                        self.conflict(F(Field::CoUnits), &join(co), &join(&a.co_units));
                    }
                }
            }
            None => match (row.assign, &row.lead_unit) {
                (Some(d), Some(u)) => self.step(
                    d,
                    PHASE_ASSIGN,
                    F(Field::AssignDate),
                    None,
                    date_text(d),
                    self.office.clone(),
                    Command::AssignSuggestion {
                        suggestion: row.id.clone(),
                        lead_unit: u.clone(),
                        co_units: row.co_units.clone().unwrap_or_default(),
                    },
                ),
                (Some(_), None) => self.missing(
                    F(Field::LeadUnit),
                    "an assignment (交办日期) needs its lead unit",
                ),
                (None, Some(_)) => self.missing(
                    F(Field::AssignDate),
                    "a lead unit (主办单位) needs the date of the assignment",
                ),
                (None, None) => {
                    if row.co_units.as_ref().is_some_and(|c| !c.is_empty()) {
                        self.missing(
                            F(Field::AssignDate),
                            "co-units (协办单位) need the date of the assignment",
                        );
                    }
                }
            },
        }
    }

    fn accept(&mut self, date: NaiveDate, col: Column) {
        self.step(
            date,
            PHASE_ACCEPT,
            col,
            None,
            date_text(date),
            self.office.clone(),
            Command::AcceptSuggestion {
                suggestion: self.row.id.clone(),
            },
        );
    }

    fn extensions(&mut self, recorded: &[NaiveDate]) {
        let col = Column::Field(Field::ExtensionDates);
        let row = self.row;
        let Some(stated) = &row.extensions else {
            return;
        };
        if stated.is_empty() {
            return;
        }
        let rec = sorted_dates(recorded.to_vec());
        if stated.len() < rec.len() || stated[..rec.len()] != rec[..] {
            self.conflict(col, &join_dates(stated), &join_dates(&rec));
            return;
        }
        let reason = self
            .row
            .extension_reason
            .clone()
            .unwrap_or_else(|| DEFAULT_REASON.to_string());
        for d in stated[rec.len()..].iter().copied() {
            self.step(
                d,
                round_phase(1, 0),
                col,
                None,
                date_text(d),
                self.office.clone(),
                Command::ExtendReplyDeadline {
                    suggestion: self.row.id.clone(),
                    reason: reason.clone(),
                },
            );
        }
    }

    fn rounds(&mut self, s: Option<&Suggestion>) {
        let row = self.row;
        // Co-units: the row's, else the recorded assignment's.
        let co_units: Vec<UnitId> = match (&row.co_units, s.and_then(|s| s.assignment.as_ref())) {
            (Some(c), _) if !c.is_empty() => c.clone(),
            (_, Some(a)) => a.co_units.clone(),
            _ => Vec::new(),
        };
        for (i, r) in row.rounds.iter().enumerate() {
            let n = i as u32 + 1;
            let col = |f| Column::Round(n, f);
            // Co-unit opinions of this round.
            if let Some(text) = &r.opinions {
                match parse_opinions(text, &co_units, self.registry) {
                    Err(reason) => self.error(
                        col(RoundField::Opinions),
                        Some(text),
                        codes::INVALID_VALUE,
                        reason,
                    ),
                    Ok(list) => {
                        for op in list {
                            self.opinion(s, n, r, op);
                        }
                    }
                }
            }
            // The reply.
            let recorded = s.and_then(|s| s.replies.get(i));
            match (r.reply, recorded) {
                (Some(d), Some(rep)) => {
                    if d != rep.on {
                        self.conflict(
                            col(RoundField::ReplyDate),
                            &date_text(d),
                            &date_text(rep.on),
                        );
                    }
                    self.compare_reply(n, r, rep);
                }
                (None, Some(rep)) => self.compare_reply(n, r, rep),
                (Some(d), None) => self.reply(n, d, r),
                (None, None) => {
                    if r.reply_given() {
                        self.missing(
                            col(RoundField::ReplyDate),
                            "a reply needs its date (答复日期)",
                        );
                    }
                }
            }
            // The lead deputy's rating.
            let recorded_fb = s.and_then(|s| {
                s.feedback
                    .iter()
                    .find(|f| f.deputy == s.lead && f.round == n)
            });
            match (r.feedback, recorded_fb) {
                (Some(d), Some(fb)) => {
                    if d != fb.on {
                        self.conflict(
                            col(RoundField::FeedbackDate),
                            &date_text(d),
                            &date_text(fb.on),
                        );
                    }
                    self.compare_feedback(n, r, fb);
                }
                (None, Some(fb)) => self.compare_feedback(n, r, fb),
                (Some(d), None) => self.feedback(n, d, r, s),
                (None, None) => {
                    if r.feedback_given() {
                        self.missing(
                            col(RoundField::FeedbackDate),
                            "a rating needs its date (反馈日期)",
                        );
                    }
                }
            }
        }
    }

    fn opinion(&mut self, s: Option<&Suggestion>, n: u32, r: &RoundRow, op: Opinion) {
        let col = Column::Round(n, RoundField::Opinions);
        let recorded = s.and_then(|s| {
            s.co_unit_opinions
                .iter()
                .find(|o| o.unit == op.unit && o.round == n)
        });
        if let Some(rec) = recorded {
            if rec.opinion != op.text {
                self.conflict(col, &op.text, &rec.opinion);
            } else if op.date.is_some_and(|d| d != rec.on) {
                self.conflict(
                    col,
                    &op.line,
                    &format!("{}（{}）", rec.unit, date_text(rec.on)),
                );
            }
            return;
        }
        let Some(date) = op.date.or(r.reply) else {
            self.error(
                col,
                Some(&op.line),
                codes::MISSING_VALUE,
                "an opinion needs a date: write it as 单位（2024-03-01）：意见, or give the reply date",
            );
            return;
        };
        let Some(actor) = self.unit_actor(&op.unit, col) else {
            return;
        };
        self.step(
            date,
            round_phase(n, 0),
            col,
            Some(n),
            op.line.clone(),
            actor,
            Command::SubmitCoUnitOpinion {
                suggestion: self.row.id.clone(),
                opinion: op.text,
            },
        );
    }

    fn compare_reply(&mut self, n: u32, r: &RoundRow, rep: &crate::suggestion::Reply) {
        let col = |f| Column::Round(n, f);
        if let Some(v) = r.result {
            if v != rep.result {
                self.conflict(col(RoundField::Result), label_of(v), label_of(rep.result));
            }
        }
        if let Some(v) = r.in_plan {
            if v != rep.in_plan {
                self.conflict(col(RoundField::InPlan), yes_no(v), yes_no(rep.in_plan));
            }
        }
        if let Some(v) = &r.summary {
            if v != &rep.summary {
                self.conflict(col(RoundField::Summary), v, &rep.summary);
            }
        }
        if let Some(v) = &r.reason {
            if Some(v) != rep.reason.as_ref() {
                self.conflict(
                    col(RoundField::Reason),
                    v,
                    rep.reason.as_deref().unwrap_or(""),
                );
            }
        }
    }

    fn reply(&mut self, n: u32, date: NaiveDate, r: &RoundRow) {
        let col = |f| Column::Round(n, f);
        if r.result.is_none() {
            self.missing(
                col(RoundField::Result),
                "a reply needs its result category (办理结果)",
            );
        }
        if r.summary.is_none() {
            self.missing(
                col(RoundField::Summary),
                "a reply needs its summary (答复摘要)",
            );
        }
        let (Some(result), Some(summary)) = (r.result, r.summary.clone()) else {
            return;
        };
        // The lead unit: the row's, else the recorded assignment's.
        let lead_unit = self.row.lead_unit.clone().or_else(|| {
            self.ledger
                .state()
                .suggestions
                .get(&self.row.id)
                .and_then(|s| s.assignment.as_ref())
                .map(|a| a.lead_unit.clone())
        });
        let Some(unit) = lead_unit else {
            self.missing(
                Column::Field(Field::LeadUnit),
                "a reply needs the lead unit (主办单位) that gives it",
            );
            return;
        };
        let Some(actor) = self.unit_actor(&unit, Column::Field(Field::LeadUnit)) else {
            return;
        };
        self.step(
            date,
            round_phase(n, 1),
            col(RoundField::ReplyDate),
            Some(n),
            date_text(date),
            actor,
            Command::ReplySuggestion {
                suggestion: self.row.id.clone(),
                result,
                in_plan: r.in_plan.unwrap_or(false),
                summary,
                reason: r.reason.clone(),
            },
        );
    }

    fn compare_feedback(&mut self, n: u32, r: &RoundRow, fb: &crate::suggestion::Feedback) {
        let col = |f| Column::Round(n, f);
        if let Some(v) = r.rating {
            if v != fb.rating {
                self.conflict(col(RoundField::Rating), label_of(v), label_of(fb.rating));
            }
        }
        if let Some(v) = &r.comment {
            if Some(v) != fb.comment.as_ref() {
                self.conflict(
                    col(RoundField::Comment),
                    v,
                    fb.comment.as_deref().unwrap_or(""),
                );
            }
        }
    }

    fn feedback(&mut self, n: u32, date: NaiveDate, r: &RoundRow, s: Option<&Suggestion>) {
        let col = |f| Column::Round(n, f);
        let Some(rating) = r.rating else {
            self.missing(
                col(RoundField::Rating),
                "a rating date needs the rating (代表意见)",
            );
            return;
        };
        let lead = self.row.lead.clone().or_else(|| s.map(|s| s.lead.clone()));
        let Some(lead) = lead else {
            self.missing(
                Column::Field(Field::Lead),
                "a rating needs the lead deputy who gives it",
            );
            return;
        };
        let Some(actor) = self.deputy_actor(&lead, Column::Field(Field::Lead)) else {
            return;
        };
        self.step(
            date,
            round_phase(n, 2),
            col(RoundField::FeedbackDate),
            Some(n),
            date_text(date),
            actor,
            Command::GiveFeedback {
                suggestion: self.row.id.clone(),
                rating,
                comment: r.comment.clone(),
            },
        );
    }

    /// Return for revision, rejection or withdrawal, which only 状态 (with 状态日期) records.
    fn terminal(&mut self, s: Option<&Suggestion>) {
        use Column::Field as F;
        use SuggestionStatus as St;
        let row = self.row;
        let Some(status @ (St::ReturnedForRevision | St::Rejected | St::Withdrawn)) = row.status
        else {
            return;
        };
        if let Some(s) = s {
            if s.status == status {
                let entered = s.history.last().map(|h| h.0);
                if let (Some(d), Some(e)) = (row.status_date, entered) {
                    if d != e {
                        self.conflict(F(Field::StatusDate), &date_text(d), &date_text(e));
                    }
                }
                return;
            }
        }
        let Some(date) = row.status_date else {
            self.missing(
                F(Field::StatusDate),
                "a return, rejection or withdrawal needs its date (状态日期)",
            );
            return;
        };
        let id = row.id.clone();
        let note = row.status_note.clone();
        let reason = || note.clone().unwrap_or_else(|| DEFAULT_REASON.to_string());
        let command = match status {
            St::ReturnedForRevision => Command::ReturnSuggestion {
                suggestion: id,
                reason: reason(),
            },
            St::Rejected => Command::RejectSuggestion {
                suggestion: id,
                reason: reason(),
            },
            _ => Command::WithdrawSuggestion {
                suggestion: id,
                reason: note.clone(),
            },
        };
        self.step(
            date,
            PHASE_TERMINAL,
            F(Field::Status),
            None,
            label_of(status).to_string(),
            self.office.clone(),
            command,
        );
    }
}

/// Orders a row's steps by lifecycle phase (then date), numbers them, and checks that no step
/// is dated before a step of an earlier phase; `None` if the row is out of order.
fn order_row_steps(
    row: &Row,
    header: &Header,
    steps: Vec<Step>,
    errors: &mut Errors,
) -> Option<Vec<Step>> {
    let order = order_by(
        steps
            .iter()
            .enumerate()
            .map(|(i, s)| (u64::from(s.phase), day_key(s.date), i as u64))
            .collect(),
    );
    let mut steps = permute(steps, &order);
    let mut ok = true;
    // The latest step of the phases before the current one, and of the current one.
    let mut latest_before: Option<(NaiveDate, Column)> = None;
    let mut latest_in_phase: Option<(NaiveDate, Column)> = None;
    let mut phase = None;
    for (i, s) in steps.iter_mut().enumerate() {
        s.seq = i;
        if phase != Some(s.phase) {
            if let Some(m) = latest_in_phase.take() {
                if latest_before.is_none_or(|(d, _)| m.0 >= d) {
                    latest_before = Some(m);
                }
            }
            phase = Some(s.phase);
        }
        if let Some((d, c)) = latest_before {
            if s.date < d {
                ok = false;
                errors.push(
                    row.number,
                    Some(&header.name(s.column)),
                    Some(&s.value),
                    codes::OUT_OF_ORDER,
                    format!(
                        "{} is earlier than {} {} of the same suggestion",
                        date_text(s.date),
                        header.name(c),
                        date_text(d)
                    ),
                );
            }
        }
        if latest_in_phase.is_none_or(|(d, _)| s.date >= d) {
            latest_in_phase = Some((s.date, s.column));
        }
    }
    ok.then_some(steps)
}

/// The order that sorts `keys`: the one numeric sort of the import (a small wasm build). Keys
/// are made unique by the caller (an index as the last part), so the order is stable.
pub(crate) fn order_by(keys: Vec<(u64, u64, u64)>) -> Vec<usize> {
    let mut k: Vec<(u64, u64, u64, usize)> = keys
        .into_iter()
        .enumerate()
        .map(|(i, (a, b, c))| (a, b, c, i))
        .collect();
    k.sort_unstable();
    k.into_iter().map(|x| x.3).collect()
}

/// `items` rearranged in `order` (a permutation of their indices).
pub(crate) fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// A date as a sort key.
fn day_key(d: NaiveDate) -> u64 {
    (i64::from(d.num_days_from_ce()) + (1i64 << 40)) as u64
}

fn sorted_dates(dates: Vec<NaiveDate>) -> Vec<NaiveDate> {
    let order = order_by(dates.iter().map(|d| (day_key(*d), 0, 0)).collect());
    permute(dates, &order)
}

/// A co-unit opinion from a 协办意见 cell.
#[derive(Debug)]
struct Opinion {
    unit: UnitId,
    date: Option<NaiveDate>,
    text: String,
    /// The line as written (for error messages).
    line: String,
}

/// Parses a 协办意见 cell: entries `单位：意见` or `单位（2024-03-01）：意见`, one per line, where
/// 单位 is a co-unit's id or name; other lines continue the previous entry's text.
fn parse_opinions(
    text: &str,
    co_units: &[UnitId],
    reg: &Registry<'_>,
) -> Result<Vec<Opinion>, String> {
    // Every way of naming each co-unit (the longest match wins, so `edu-2` beats `edu`).
    let mut keys: Vec<(&str, &UnitId)> = Vec::new();
    for u in co_units {
        keys.push((u.as_str(), u));
        if let Some(name) = reg.unit_name(u) {
            keys.push((name, u));
        }
    }
    let mut out: Vec<Opinion> = Vec::new();
    let mut units_seen: Vec<UnitId> = Vec::new();
    for line in text.split('\n') {
        let line_trimmed = line.trim_end_matches('\r');
        match opinion_start(line_trimmed, &keys)? {
            Some((unit, date, rest)) => {
                if units_seen.contains(&unit) {
                    return Err(format!("co-unit `{unit}` has two opinions in this round"));
                }
                units_seen.push(unit.clone());
                out.push(Opinion {
                    unit,
                    date,
                    text: rest.to_string(),
                    line: line_trimmed.to_string(),
                });
            }
            None => match out.last_mut() {
                Some(op) => {
                    op.text.push('\n');
                    op.text.push_str(line_trimmed);
                }
                None if line_trimmed.trim().is_empty() => {}
                None => {
                    let names = if co_units.is_empty() {
                        "the suggestion has no co-units".to_string()
                    } else {
                        format!(
                            "co-units: {}",
                            co_units
                                .iter()
                                .map(UnitId::as_str)
                                .collect::<Vec<_>>()
                                .join("、")
                        )
                    };
                    return Err(format!(
                        "each opinion starts with its co-unit: 单位：意见 or 单位（2024-03-01）：意见 ({names})"
                    ));
                }
            },
        }
    }
    Ok(out)
}

/// The co-unit, date and text of a line that starts an opinion.
type OpinionStart<'t> = Option<(UnitId, Option<NaiveDate>, &'t str)>;

/// If `line` starts an opinion (`key[（date）]：text`), its unit, date and text.
fn opinion_start<'t>(line: &'t str, keys: &[(&str, &UnitId)]) -> Result<OpinionStart<'t>, String> {
    let mut best: Option<(UnitId, Option<NaiveDate>, &'t str)> = None;
    let mut best_len = 0;
    for (key, unit) in keys {
        let Some(rest) = line.strip_prefix(key) else {
            continue;
        };
        if key.len() <= best_len {
            continue;
        }
        let (date, rest) = match rest.strip_prefix(['（', '(']) {
            Some(r) => {
                let Some(end) = r.find(['）', ')']) else {
                    continue;
                };
                let inner = &r[..end];
                let close_len = r[end..].chars().next().map_or(1, char::len_utf8);
                let Some(d) = parse_date(&Cell::Text(inner.to_string())) else {
                    return Err(format!("`{inner}`: {DATE_HINT}"));
                };
                (Some(d), &r[end + close_len..])
            }
            None => (None, rest),
        };
        if let Some(text) = rest.strip_prefix(['：', ':']) {
            best = Some(((*unit).clone(), date, text));
            best_len = key.len();
        }
    }
    Ok(best)
}

/// Whether `a` and `b` hold the same items, in any order (short lists: co-signers, co-units).
fn same_set<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let count = |v: &[T], x: &T| v.iter().filter(|y| *y == x).count();
    a.len() == b.len() && a.iter().all(|x| count(a, x) == count(b, x))
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(T::to_string)
        .collect::<Vec<_>>()
        .join("、")
}

fn join_dates(items: &[NaiveDate]) -> String {
    items
        .iter()
        .map(|d| date_text(*d))
        .collect::<Vec<_>>()
        .join("、")
}

fn label_of<T: crate::labels::Labelled>(v: T) -> &'static str {
    v.label().zh
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "是"
    } else {
        "否"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Ledger {
        let mut l = Ledger::new(Default::default());
        for c in [
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"edu-2","name":"区教委二处"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"x","name":"同名"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"y","name":"同名"}}"#,
        ] {
            l.execute_json(c).unwrap();
        }
        l
    }

    fn uid(s: &str) -> UnitId {
        UnitId::new(s).unwrap()
    }

    #[test]
    fn opinions_by_id_or_name_with_optional_dates_and_continuation_lines() {
        let l = registry();
        let reg = Registry::new(&l);
        let co = [uid("edu"), uid("edu-2")];
        let ops = parse_opinions(
            "edu-2（2024-03-01）：同意\n第二段\n区教委:另有意见\r",
            &co,
            &reg,
        )
        .unwrap();
        assert_eq!(ops.len(), 2);
        assert_eq!(ops[0].unit.as_str(), "edu-2", "the longest key wins");
        assert_eq!(ops[0].date, "2024-03-01".parse().ok());
        assert_eq!(ops[0].text, "同意\n第二段");
        assert_eq!(ops[1].unit.as_str(), "edu");
        assert_eq!(ops[1].date, None);
        assert_eq!(ops[1].text, "另有意见");
        let err = parse_opinions("区财政局：同意", &co, &reg).unwrap_err();
        assert!(err.contains("co-units: edu、edu-2"), "{err}");
        assert!(parse_opinions("edu（下周）：同意", &co, &reg)
            .unwrap_err()
            .contains("expected a date"));
        assert!(parse_opinions("edu：a\nedu：b", &co, &reg)
            .unwrap_err()
            .contains("two opinions"));
    }

    #[test]
    fn references_by_id_then_unique_name() {
        let l = registry();
        let reg = Registry::new(&l);
        assert_eq!(reg.unit("edu").unwrap().as_str(), "edu");
        assert_eq!(reg.unit("区教委").unwrap().as_str(), "edu");
        assert!(reg
            .unit("同名")
            .unwrap_err()
            .contains("matches 2 units (x, y)"));
        assert!(reg
            .unit("无此单位")
            .unwrap_err()
            .contains("no registered unit"));
        assert!(reg.deputy("D1").is_err());
        assert_eq!(reg.only_congress(), None);
    }

    #[test]
    fn header_row_after_title_rows_and_duplicates() {
        let t = |s: &str| Cell::Text(s.into());
        let grid = Grid {
            rows: vec![
                GridRow {
                    number: 1,
                    cells: vec![t("2024年建议台账")],
                },
                GridRow {
                    number: 3,
                    cells: vec![t("序号"), t("建议号"), t("第2次答复日期"), t("id")],
                },
            ],
        };
        let mut errors = Errors::new(10);
        assert!(find_header(&grid, &mut errors).is_none());
        let e = errors.finish();
        assert_eq!(
            (e.errors[0].row, e.errors[0].code.as_str()),
            (3, "duplicate_column")
        );
        assert_eq!(e.errors[0].column.as_deref(), Some("id"));
        let grid = Grid {
            rows: vec![
                GridRow {
                    number: 1,
                    cells: vec![t("2024年建议台账")],
                },
                GridRow {
                    number: 2,
                    cells: vec![t("序号"), t("建议号"), t("第2次答复日期")],
                },
            ],
        };
        let mut errors = Errors::new(10);
        let (at, h) = find_header(&grid, &mut errors).unwrap();
        assert_eq!(at, 1);
        assert_eq!(h.rounds, 2);
        assert_eq!(h.ignored, ["序号"]);
        assert_eq!(h.name(Column::Field(Field::Id)), "建议号");
        assert_eq!(h.name(Column::Field(Field::Title)), "标题");
    }

    #[test]
    fn helpers() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(
            at_nine("2024-03-05".parse().unwrap()).to_string(),
            "2024-03-05T09:00:00+08:00"
        );
        assert!(same_set(&[1, 2], &[2, 1]));
        assert!(!same_set(&[1, 2], &[1, 1]));
        assert!(round_phase(1, 2) < round_phase(2, 0));
    }
}
