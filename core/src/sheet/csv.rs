//! CSV (feature `csv`): UTF-8 with or without a byte order mark, comma-separated (a tab or
//! semicolon is detected from the first line), RFC 4180 quoting.

use super::cell::{date_text, escape_formula, unescape_formula, Cell, Grid, GridRow};
use super::import::{column_letter, plan_grid};
use super::{codes, Errors, ExportOptions, ImportOptions, ImportPlan, SheetErrors};
use crate::ledger::Ledger;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Plans the import of a CSV file (see [`super::ImportPlan`] and the module docs). Never
/// panics, whatever the bytes: this is the entry point to fuzz.
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let errs = renda::sheet::import_csv(&ledger, b"\xff\xfe", &Default::default()).unwrap_err();
/// assert_eq!(errs.errors[0].code, "invalid_encoding");
/// assert_eq!(errs.errors[0].row, 1);
/// ```
pub fn import_csv(
    ledger: &Ledger,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<ImportPlan, SheetErrors> {
    let mut errors = Errors::new(opts.max_errors);
    let grid = read_csv(bytes, opts, &mut errors);
    if !errors.is_empty() {
        return Err(errors.finish());
    }
    plan_grid(ledger, &grid, opts, errors)
}

/// The delimiter: whichever of `,`, tab and `;` is most frequent on the first line.
fn delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first.iter().filter(|b| **b == d).count();
    [b'\t', b';']
        .into_iter()
        .filter(|d| count(*d) > count(b','))
        .max_by_key(|d| count(*d))
        .unwrap_or(b',')
}

/// Empty lines at the start of the bytes a record consumed (after the `\n` of a previous
/// record's CRLF, which the reader leaves for the next record).
fn blank_lines(chunk: &[u8], after_cr: bool) -> usize {
    let mut c = chunk;
    if after_cr {
        c = c.strip_prefix(b"\n").unwrap_or(c);
    }
    let mut n = 0;
    while let Some(rest) = c
        .strip_prefix(b"\r\n")
        .or_else(|| c.strip_prefix(b"\n"))
        .or_else(|| c.strip_prefix(b"\r"))
    {
        c = rest;
        n += 1;
    }
    n
}

/// Reads CSV bytes into a grid, recording encoding errors (one per row) and stopping at the
/// row limit.
pub(crate) fn read_csv(bytes: &[u8], opts: &ImportOptions, errors: &mut Errors) -> Grid {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    let mut grid = Grid::default();
    let mut record = ::csv::ByteRecord::new();
    let mut number = 0usize;
    let mut non_blank = 0usize;
    // The csv reader skips empty lines; a spreadsheet shows them as rows. Count them in the
    // bytes each record consumed, so that row numbers are the ones the user sees.
    let mut consumed = 0usize;
    loop {
        if errors.is_full() {
            break;
        }
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                errors.push(
                    number + 1,
                    None,
                    None,
                    codes::INVALID_FILE,
                    format!("not readable as CSV: {e}"),
                );
                break;
            }
        }
        let end = (reader.position().byte() as usize).clamp(consumed, bytes.len());
        let after_cr = consumed > 0 && bytes.get(consumed - 1) == Some(&b'\r');
        number += 1 + blank_lines(&bytes[consumed..end], after_cr);
        consumed = end;
        let mut cells = Vec::with_capacity(record.len());
        let mut bad = None;
        for (i, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok("") => cells.push(Cell::Empty),
                Ok(s) => cells.push(Cell::Text(unescape_formula(s.to_string()))),
                Err(_) => {
                    bad.get_or_insert(i);
                    cells.push(Cell::Empty);
                }
            }
        }
        if let Some(i) = bad {
            errors.push(
                number,
                Some(&column_letter(i)),
                None,
                codes::INVALID_ENCODING,
                "the text is not UTF-8; save the file as \u{201c}CSV UTF-8\u{201d}",
            );
        }
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        non_blank += 1;
        // The header row is not a data row.
        if non_blank > opts.max_rows.saturating_add(1) {
            errors.push(
                number,
                None,
                None,
                codes::TOO_MANY_ROWS,
                format!("the sheet has more than {} rows", opts.max_rows),
            );
            break;
        }
        grid.rows.push(GridRow { number, cells });
    }
    grid
}

/// The ledger as CSV: Chinese headers, dates `YYYY-MM-DD`, zh labels, CRLF line ends, a UTF-8
/// byte order mark unless `opts.bom` is false. Text a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-` or `@`) gets a leading `'`, which the import removes again.
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let csv = renda::sheet::export_csv(&ledger, &Default::default());
/// assert!(csv.starts_with("\u{feff}建议号,届次,标题".as_bytes()));
/// ```
pub fn export_csv(ledger: &Ledger, opts: &ExportOptions) -> Vec<u8> {
    let table = super::export_grid(ledger, opts);
    let mut out = Vec::new();
    if opts.bom {
        out.extend_from_slice(BOM);
    }
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    // Writing to a Vec cannot fail.
    let _ = w.write_record(table.headers());
    for row in &table.rows {
        let _ = w.write_record(row.iter().map(|c| match c {
            Cell::Empty => String::new(),
            Cell::Date(d) => date_text(*d),
            Cell::Text(t) => escape_formula(t).into_owned(),
            other => other.text(),
        }));
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (Grid, SheetErrors) {
        let mut errors = Errors::new(100);
        let g = read_csv(bytes, &ImportOptions::default(), &mut errors);
        (g, errors.finish())
    }

    #[test]
    fn bom_quotes_and_blank_rows() {
        let (g, e) =
            read("\u{feff}建议号,标题\r\n\r\n,\r\nS1,\"关于“A,B”的建议\n第二行\"\r\n".as_bytes());
        assert!(e.errors.is_empty());
        assert_eq!(g.rows.len(), 2);
        assert_eq!(g.rows[0].cells[0], Cell::Text("建议号".into()));
        assert_eq!(g.rows[1].number, 4);
        assert_eq!(
            g.rows[1].cells[1],
            Cell::Text("关于“A,B”的建议\n第二行".into())
        );
    }

    #[test]
    fn row_numbers_count_empty_lines() {
        let (g, _) = read(b"h,x\r\n\r\n1,\r\nS1,\"a\nb\"\r\nz\n\nq\n");
        let numbers: Vec<usize> = g.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4, 5, 7]);
        let (g, _) = read(b"\n\na\r\r\nb");
        let numbers: Vec<usize> = g.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [3, 5]);
    }

    #[test]
    fn invalid_utf8_names_the_row() {
        let (_, e) = read(b"a,b\nc,\xb9\xd8\xd3\xda\n");
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].row, 2);
        assert_eq!(e.errors[0].column.as_deref(), Some("B"));
        assert_eq!(e.errors[0].code, "invalid_encoding");
    }

    #[test]
    fn row_limit() {
        let opts = ImportOptions {
            max_rows: 2,
            ..ImportOptions::default()
        };
        let mut errors = Errors::new(10);
        let g = read_csv(b"h\n1\n2\n3\n4\n", &opts, &mut errors);
        let e = errors.finish();
        assert_eq!(g.rows.len(), 3);
        assert_eq!(e.errors[0].code, "too_many_rows");
        assert_eq!(e.errors[0].row, 4);
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter(b"a\tb\tc\nx,y"), b'\t');
        assert_eq!(delimiter(b"a;b;c"), b';');
        assert_eq!(delimiter(b"a,b;c"), b',');
        assert_eq!(delimiter(b""), b',');
        let (g, _) = read("建议号\t标题\nS1\t标题".as_bytes());
        assert_eq!(g.rows[1].cells[1], Cell::Text("标题".into()));
    }
}
