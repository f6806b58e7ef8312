//! Cells and grids: what every format reads into and writes from, and the parsers of cell
//! values (dates, labels, yes/no, lists).

use crate::labels::Labelled;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// One cell as a format delivers it. CSV gives only [`Cell::Text`] and [`Cell::Empty`]; XLSX
/// also numbers, booleans and dates.
///
/// ```
/// use renda::sheet::Cell;
/// assert_eq!(Cell::Number(2024001.0).text(), "2024001");
/// assert_eq!(Cell::Text("  ".into()).is_blank(), true);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Empty,
    /// Text, exactly as written.
    Text(String),
    /// A number (XLSX).
    Number(f64),
    /// A boolean (XLSX).
    Bool(bool),
    /// A date (an XLSX date cell).
    Date(NaiveDate),
}

impl Cell {
    /// Whether the cell is empty or only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a needless `.0`, dates as `YYYY-MM-DD`, booleans as
    /// `TRUE` / `FALSE` (as spreadsheets show them).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => date_text(*d),
        }
    }

    /// Length in characters, as the cell-length limit counts it.
    pub(crate) fn chars(&self) -> usize {
        match self {
            Cell::Text(t) => t.chars().count(),
            _ => 0,
        }
    }
}

fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One row of a sheet with its number as the user sees it (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    /// Row number in the spreadsheet (1-based).
    pub number: usize,
    /// The cells, from column A.
    pub cells: Vec<Cell>,
}

/// A sheet as rows of cells, before any meaning is given to them: the common ground of the
/// CSV and XLSX readers and the import engine ([`super::import_grid`]).
///
/// ```
/// use renda::sheet::{Cell, Grid, GridRow};
/// let g = Grid { rows: vec![GridRow { number: 1, cells: vec![Cell::Text("建议号".into())] }] };
/// assert_eq!(g.rows.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// The rows, in order; blank rows may be left out.
    pub rows: Vec<GridRow>,
}

/// Reason text for a bad date.
pub(crate) const DATE_HINT: &str =
    "expected a date such as 2024-03-05 (also 2024/3/5, 2024.3.5 or 2024年3月5日)";

/// Parses a date cell: a date cell, an Excel serial number, or text `2024-03-05`,
/// `2024/3/5`, `2024.3.5`, `2024年3月5日`, optionally followed by a time (ignored).
pub(crate) fn parse_date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => excel_serial_date(*n),
        Cell::Text(t) => parse_date_text(t.trim()),
        Cell::Empty | Cell::Bool(_) => None,
    }
}

/// The date of an Excel serial number (1900 date system, where serial 60 is the fictitious
/// 1900-02-29); `None` outside 1900-03-01 ..= 9999-12-31.
pub(crate) fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::Duration::days(days))
}

/// The Excel serial number of a date (1900 date system), for dates from 1900-03-01.
#[cfg(test)]
pub(crate) fn excel_serial(date: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
    (date - base).num_days() as f64
}

fn parse_date_text(t: &str) -> Option<NaiveDate> {
    // Drop a time part: "2024-03-05 00:00:00", "2024-03-05T09:00:00+08:00".
    let date_part = t.split([' ', 'T', '\u{3000}']).next().unwrap_or(t);
    if let Some(rest) = date_part.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        return ymd(y, m, d);
    }
    for sep in ['-', '/', '.'] {
        let mut parts = date_part.split(sep);
        if let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            if y.len() == 4 {
                return ymd(y, m, d);
            }
        }
    }
    None
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let num = |s: &str, max_len: usize| -> Option<u32> {
        let s = s.trim();
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let year = num(y, 4)?;
    let date = NaiveDate::from_ymd_opt(year as i32, num(m, 2)?, num(d, 2)?)?;
    (date.year() >= 1000).then_some(date)
}

/// Formats a date as the export writes it.
pub(crate) fn date_text(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Parses a labelled enum value: its zh label, its wire name or its English label (case and
/// surrounding white space ignored).
pub(crate) fn parse_label<T: Labelled + Serialize>(text: &str, all: &[T]) -> Option<T> {
    let t = text.trim();
    all.iter().copied().find(|v| {
        let label = v.label();
        let wire = serde_json::to_value(v).ok();
        label.zh == t
            || label.en.eq_ignore_ascii_case(t)
            || wire
                .as_ref()
                .and_then(|w| w.as_str())
                .is_some_and(|w| w.eq_ignore_ascii_case(t))
    })
}

/// A list of one zh label or wire name per value, for error messages.
pub(crate) fn label_choices<T: Labelled + Serialize>(all: &[T]) -> String {
    all.iter()
        .map(|v| {
            let wire = serde_json::to_value(v).ok();
            format!(
                "{} ({})",
                v.label().zh,
                wire.as_ref().and_then(|w| w.as_str()).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses 是/否 (also yes/no, true/false, y/n, 1/0, √/×).
pub(crate) fn parse_yes_no(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Bool(b) => Some(*b),
        Cell::Number(n) if *n == 1.0 => Some(true),
        Cell::Number(n) if *n == 0.0 => Some(false),
        Cell::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
            "是" | "yes" | "y" | "true" | "1" | "√" | "✓" => Some(true),
            "否" | "no" | "n" | "false" | "0" | "×" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Splits a list cell at `、`, `,`, `，`, `;`, `；` or line breaks; items are trimmed and
/// empty items dropped.
pub(crate) fn split_list(text: &str) -> Vec<&str> {
    text.split(['、', ',', '，', ';', '；', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Characters that make a spreadsheet program read a CSV cell as a formula.
#[cfg(feature = "csv")]
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

#[cfg(feature = "csv")]
fn starts_formula(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(|c| FORMULA_START.contains(&c))
}

/// Protects a CSV cell against formula injection: text that a spreadsheet would run as a
/// formula (after any leading apostrophes) gets one more leading `'`. [`unescape_formula`]
/// undoes exactly this, so the round trip is exact.
#[cfg(feature = "csv")]
pub(crate) fn escape_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if starts_formula(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Undoes [`escape_formula`].
#[cfg(feature = "csv")]
pub(crate) fn unescape_formula(text: String) -> String {
    if text.starts_with('\'') && starts_formula(&text) {
        text[1..].to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ResultCategory, Satisfaction, SubmissionPeriod};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_the_forms_offices_write() {
        for t in [
            "2024-03-05",
            "2024/3/5",
            "2024.03.05",
            "2024年3月5日",
            " 2024-03-05 ",
            "2024-03-05 00:00:00",
            "2024-03-05T09:00:00+08:00",
        ] {
            assert_eq!(
                parse_date(&Cell::Text(t.into())),
                Some(d("2024-03-05")),
                "{t}"
            );
        }
        for t in [
            "2024-13-01",
            "24-3-5",
            "2024-02-30",
            "05/03/2024",
            "明天",
            "",
            "2024-3",
        ] {
            assert_eq!(parse_date(&Cell::Text(t.into())), None, "{t}");
        }
        assert_eq!(
            parse_date(&Cell::Date(d("2024-01-02"))),
            Some(d("2024-01-02"))
        );
        // Excel serial numbers (1900 system).
        assert_eq!(parse_date(&Cell::Number(45356.0)), Some(d("2024-03-05")));
        assert_eq!(parse_date(&Cell::Number(45356.75)), Some(d("2024-03-05")));
        assert_eq!(parse_date(&Cell::Number(f64::NAN)), None);
        assert_eq!(parse_date(&Cell::Number(-1.0)), None);
        assert_eq!(parse_date(&Cell::Number(1e300)), None);
    }

    #[test]
    fn labels_values_and_english() {
        use crate::labels::Labelled;
        assert_eq!(
            parse_label("大会期间", &SubmissionPeriod::ALL),
            Some(SubmissionPeriod::Session)
        );
        assert_eq!(
            parse_label("recess", &SubmissionPeriod::ALL),
            Some(SubmissionPeriod::Recess)
        );
        assert_eq!(
            parse_label(" 基本满意 ", &Satisfaction::ALL),
            Some(Satisfaction::BasicallySatisfied)
        );
        assert_eq!(
            parse_label("basically_satisfied", &Satisfaction::ALL),
            Some(Satisfaction::BasicallySatisfied)
        );
        assert_eq!(
            parse_label("Dissatisfied", &Satisfaction::ALL),
            Some(Satisfaction::Dissatisfied)
        );
        assert_eq!(
            parse_label("b", &ResultCategory::ALL),
            Some(ResultCategory::B)
        );
        assert_eq!(
            parse_label(ResultCategory::C.label().zh, &ResultCategory::ALL),
            Some(ResultCategory::C)
        );
        assert_eq!(parse_label("很满意", &Satisfaction::ALL), None);
        assert!(label_choices(&SubmissionPeriod::ALL).contains("大会期间 (session)"));
    }

    #[test]
    fn yes_no_and_lists() {
        assert_eq!(parse_yes_no(&Cell::Text("是".into())), Some(true));
        assert_eq!(parse_yes_no(&Cell::Text("否".into())), Some(false));
        assert_eq!(parse_yes_no(&Cell::Bool(true)), Some(true));
        assert_eq!(parse_yes_no(&Cell::Text("maybe".into())), None);
        assert_eq!(
            split_list("D001、D002,D003，D004；D005\nD006 ; "),
            ["D001", "D002", "D003", "D004", "D005", "D006"]
        );
        assert!(split_list(" 、 ").is_empty());
    }

    #[cfg(feature = "csv")]
    #[test]
    fn formula_escaping_round_trips() {
        for t in [
            "=1+1", "+86 10", "-", "@x", "'=x", "''=x", "'abc", "abc", "", "\tx",
        ] {
            let e = escape_formula(t);
            assert!(!e.starts_with(FORMULA_START), "{t}: {e}");
            assert_eq!(unescape_formula(e.into_owned()), t);
        }
        assert_eq!(escape_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(escape_formula("关于"), "关于");
    }

    #[test]
    fn cell_text() {
        assert_eq!(Cell::Number(1.5).text(), "1.5");
        assert_eq!(Cell::Number(-3.0).text(), "-3");
        assert_eq!(Cell::Bool(false).text(), "FALSE");
        assert_eq!(Cell::Date(d("2024-01-02")).text(), "2024-01-02");
        assert_eq!(Cell::Empty.text(), "");
        assert_eq!(
            excel_serial_date(excel_serial(d("2024-03-05"))),
            Some(d("2024-03-05"))
        );
    }
}
