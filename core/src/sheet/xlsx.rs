//! XLSX (feature `xlsx`): read with calamine, written with rust_xlsxwriter.
//!
//! Reading is bounded: the archive's parts are unpacked once to measure them against
//! [`ImportOptions::max_unpacked_bytes`] (a zip bomb is refused before calamine loads it), the
//! worksheet is streamed cell by cell (never as a dense range), rows stop at
//! [`ImportOptions::max_rows`] and columns at [`MAX_COLUMNS`].

use super::cell::{excel_serial_date, Cell, Grid, GridRow};
use super::import::plan_grid;
use super::layout::{Column, Field, RoundField};
use super::{codes, file_error, Errors, ExportOptions, ImportOptions, ImportPlan, SheetErrors};
use crate::error::RendaError;
use crate::ledger::Ledger;
use calamine::{DataRef, Reader, Xlsx};
use chrono::Datelike;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// Rightmost column read (a cell further right is an error).
pub const MAX_COLUMNS: u32 = 1024;
/// Most parts an XLSX archive may have.
const MAX_PARTS: usize = 10_000;

/// Plans the import of an XLSX workbook: the sheet named in `opts.sheet`, or the first one.
/// Never panics, whatever the bytes.
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let errs = renda::sheet::import_xlsx(&ledger, b"not a zip", &Default::default()).unwrap_err();
/// assert_eq!(errs.errors[0].code, "invalid_file");
/// assert_eq!(errs.errors[0].row, 0);
/// ```
pub fn import_xlsx(
    ledger: &Ledger,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<ImportPlan, SheetErrors> {
    let mut errors = Errors::new(opts.max_errors);
    let grid = read_xlsx(bytes, opts, &mut errors)?;
    if !errors.is_empty() {
        return Err(errors.finish());
    }
    plan_grid(ledger, &grid, opts, errors)
}

/// Unpacks every part once, without keeping it, to bound the total size.
fn check_archive(bytes: &[u8], limit: u64) -> Result<(), SheetErrors> {
    let bad = |why: String| file_error(codes::INVALID_FILE, why);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not an XLSX file (not a zip archive: {e})")))?;
    if zip.len() > MAX_PARTS {
        return Err(bad(format!(
            "the archive has {} parts; an XLSX file has far fewer (limit {MAX_PARTS})",
            zip.len()
        )));
    }
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| bad(format!("part {i} of the archive is unreadable: {e}")))?;
        loop {
            let n = part
                .read(&mut buf)
                .map_err(|e| bad(format!("part {i} of the archive is corrupt: {e}")))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > limit {
                return Err(bad(format!(
                    "the file unpacks to more than {limit} bytes (the import's limit)"
                )));
            }
        }
    }
    Ok(())
}

fn cell_of(v: &DataRef<'_>) -> Cell {
    match v {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => match dt.as_datetime() {
            Some(t) => Cell::Date(t.date()),
            None => excel_serial_date(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date),
        },
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// Reads the chosen worksheet into a grid. File-level problems are returned as errors; row
/// limits are recorded in `errors`.
fn read_xlsx(bytes: &[u8], opts: &ImportOptions, errors: &mut Errors) -> Result<Grid, SheetErrors> {
    check_archive(bytes, opts.max_unpacked_bytes)?;
    // calamine is a third-party parser of hostile input: contain a panic as a file error.
    let read = std::panic::catch_unwind(|| read_cells(bytes, opts));
    let rows = match read {
        Ok(r) => r?,
        Err(_) => {
            return Err(file_error(
                codes::INVALID_FILE,
                "the XLSX file is malformed (the reader failed)",
            ))
        }
    };
    let mut grid = Grid::default();
    let mut count = 0usize;
    for (row, cells) in rows {
        let width = cells.keys().next_back().map_or(0, |c| *c as usize + 1);
        let mut line = vec![Cell::Empty; width];
        for (c, v) in cells {
            line[c as usize] = v;
        }
        if line.iter().all(Cell::is_blank) {
            continue;
        }
        count += 1;
        if count > opts.max_rows.saturating_add(1) {
            errors.push(
                row as usize + 1,
                None,
                None,
                codes::TOO_MANY_ROWS,
                format!("the sheet has more than {} rows", opts.max_rows),
            );
            break;
        }
        grid.rows.push(GridRow {
            number: row as usize + 1,
            cells: line,
        });
    }
    Ok(grid)
}

type SparseRows = BTreeMap<u32, BTreeMap<u32, Cell>>;

fn read_cells(bytes: &[u8], opts: &ImportOptions) -> Result<SparseRows, SheetErrors> {
    let bad = |why: String| file_error(codes::INVALID_FILE, why);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a readable XLSX workbook: {e}")))?;
    let names = book.sheet_names();
    let name = match &opts.sheet {
        Some(want) => names.iter().find(|n| *n == want).cloned().ok_or_else(|| {
            let mut e = file_error(
                codes::INVALID_FILE,
                format!(
                    "the workbook has no sheet named {want:?} (sheets: {})",
                    names.join(", ")
                ),
            );
            e.errors[0].value = Some(crate::ids::truncate(want));
            e
        })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| bad("the workbook has no worksheet".into()))?,
    };
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| bad(format!("sheet {name:?} is unreadable: {e}")))?;
    let mut rows: SparseRows = BTreeMap::new();
    // Stop once more rows than the limit (plus the header and title rows) hold values.
    let row_cap = opts
        .max_rows
        .saturating_add(super::import::HEADER_SCAN_ROWS + 1);
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return Err(bad(format!("sheet {name:?} is corrupt: {e}"))),
        };
        let (r, c) = cell.get_position();
        let value = cell_of(cell.get_value());
        if value.is_blank() {
            continue;
        }
        if c >= MAX_COLUMNS {
            let mut e = file_error(
                codes::INVALID_FILE,
                format!(
                    "a value lies beyond column {MAX_COLUMNS}; the ledger has far fewer columns"
                ),
            );
            e.errors[0].row = r as usize + 1;
            return Err(e);
        }
        if !rows.contains_key(&r) && rows.len() >= row_cap {
            // Enough to report `too_many_rows` with a row number.
            rows.insert(r, BTreeMap::from([(c, value)]));
            break;
        }
        rows.entry(r).or_default().insert(c, value);
    }
    Ok(rows)
}

fn export_error(field: &str, e: rust_xlsxwriter::XlsxError) -> RendaError {
    RendaError::InvalidField {
        field: field.to_string(),
        value: String::new(),
        reason: format!("cannot write the XLSX file: {e}"),
    }
}

/// Column width in characters, for readability.
fn width(col: Column) -> f64 {
    match col {
        Column::Field(Field::Title) => 40.0,
        Column::Round(_, RoundField::Summary | RoundField::Opinions | RoundField::Reason) => 36.0,
        Column::Round(_, RoundField::Result) => 22.0,
        _ => 12.0,
    }
}

/// The ledger as an XLSX workbook with one worksheet (`opts.sheet_name`): a bold, frozen
/// header row, dates as date cells formatted `yyyy-mm-dd`, everything else as text. Fails on
/// an invalid sheet name, or a cell over Excel's limit of 32 767 characters.
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let bytes = renda::sheet::export_xlsx(&ledger, &Default::default()).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// let bad = renda::sheet::ExportOptions { sheet_name: "a/b".into(), ..Default::default() };
/// assert_eq!(renda::sheet::export_xlsx(&ledger, &bad).unwrap_err().field(), Some("options.sheet_name"));
/// ```
pub fn export_xlsx(ledger: &Ledger, opts: &ExportOptions) -> crate::Result<Vec<u8>> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let table = super::export_grid(ledger, opts);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .set_name(opts.sheet_name.as_str())
        .map_err(|e| export_error("options.sheet_name", e))?;
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (c, col) in table.columns.iter().enumerate() {
        let c = c as u16;
        sheet
            .write_string_with_format(0, c, col.header(), &bold)
            .map_err(|e| export_error("export", e))?;
        sheet
            .set_column_width(c, width(*col))
            .map_err(|e| export_error("export", e))?;
    }
    sheet
        .set_freeze_panes(1, 0)
        .map_err(|e| export_error("export", e))?;
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| RendaError::InvalidField {
            field: "export".into(),
            value: table.rows.len().to_string(),
            reason: "too many suggestions for one worksheet".into(),
        })?;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            let result = match cell {
                Cell::Empty => continue,
                Cell::Date(d) => {
                    let xl = u16::try_from(d.year()).ok().and_then(|y| {
                        ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
                    });
                    match xl {
                        Some(xl) => sheet.write_datetime_with_format(r, c, &xl, &date_format),
                        None => sheet.write_string(r, c, cell.text()),
                    }
                }
                other => sheet.write_string(r, c, other.text()),
            };
            result.map_err(|e| export_error("export", e))?;
        }
    }
    book.save_to_buffer().map_err(|e| export_error("export", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_bombs_and_junk_are_file_errors() {
        let small = ImportOptions {
            max_unpacked_bytes: 1000,
            ..ImportOptions::default()
        };
        let ledger = Ledger::new(Default::default());
        let book = export_xlsx(&ledger, &ExportOptions::default()).unwrap();
        let e = import_xlsx(&ledger, &book, &small).unwrap_err();
        assert_eq!(e.errors[0].code, "invalid_file");
        assert!(e.errors[0]
            .reason
            .contains("unpacks to more than 1000 bytes"));
        for junk in [
            &b""[..],
            b"PK\x03\x04",
            b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        ] {
            let e = import_xlsx(&ledger, junk, &ImportOptions::default()).unwrap_err();
            assert_eq!(e.errors[0].code, "invalid_file");
        }
    }

    #[test]
    fn missing_sheet_is_named() {
        let ledger = Ledger::new(Default::default());
        let book = export_xlsx(&ledger, &ExportOptions::default()).unwrap();
        let opts = ImportOptions {
            sheet: Some("2023年".into()),
            ..ImportOptions::default()
        };
        let e = import_xlsx(&ledger, &book, &opts).unwrap_err();
        assert_eq!(e.errors[0].value.as_deref(), Some("2023年"));
        assert!(e.errors[0].reason.contains("建议台账"));
    }
}
