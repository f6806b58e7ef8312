//! The export: the ledger as a table of cells, one row per suggestion, in the layout the import
//! reads back ([`super::layout`]).

use super::cell::{date_text, Cell};
use super::layout::{Column, Field, RoundField};
use super::ExportOptions;
use crate::labels::Labelled;
use crate::ledger::Ledger;
use crate::suggestion::{Suggestion, SuggestionStatus};
use std::fmt::Write as _;

/// The ledger as a table: the columns, and one row of cells per suggestion (ordered by id).
/// Dates are [`Cell::Date`]; everything else is [`Cell::Text`] or [`Cell::Empty`].
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let table = renda::sheet::export_grid(&ledger, &Default::default());
/// assert_eq!(table.headers()[0], "建议号");
/// assert!(table.rows.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTable {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// One row per suggestion, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl ExportTable {
    /// The header texts.
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header()).collect()
    }
}

/// The rounds of handling a suggestion has columns for: its replies, and the round its
/// co-unit opinions await a reply in.
fn rounds_of(s: &Suggestion) -> u32 {
    let opinions = s
        .co_unit_opinions
        .iter()
        .map(|o| o.round)
        .max()
        .unwrap_or(0);
    (s.replies.len() as u32).max(opinions).max(1)
}

/// The ledger's suggestions as a table (see [`ExportTable`]).
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let opts = renda::sheet::ExportOptions::default();
/// let table = renda::sheet::export_grid(&ledger, &opts);
/// assert!(table.headers().contains(&"代表意见".to_string()));
/// ```
pub fn export_grid(ledger: &Ledger, opts: &ExportOptions) -> ExportTable {
    let selected: Vec<&Suggestion> = ledger
        .suggestions()
        .filter(|s| opts.congress.as_ref().is_none_or(|c| &s.congress == c))
        .collect();
    let rounds = selected.iter().map(|s| rounds_of(s)).max().unwrap_or(1);
    let columns = Column::exported(rounds);
    let rows = selected
        .iter()
        .map(|s| columns.iter().map(|c| cell(s, *c)).collect())
        .collect();
    ExportTable { columns, rows }
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn join<T: std::fmt::Display>(items: &[T]) -> Cell {
    text(
        items
            .iter()
            .map(T::to_string)
            .collect::<Vec<_>>()
            .join("、"),
    )
}

fn cell(s: &Suggestion, col: Column) -> Cell {
    use SuggestionStatus as St;
    match col {
        Column::Field(f) => match f {
            Field::Id => text(s.id.as_str()),
            Field::Congress => text(s.congress.as_str()),
            Field::Title => text(s.title.as_str()),
            Field::Lead => text(s.lead.as_str()),
            Field::Cosigners => join(&s.cosigners),
            Field::SubmitDate => Cell::Date(s.submitted_on()),
            Field::During => text(s.during.label().zh),
            Field::Topic => text(s.topic.clone().unwrap_or_default()),
            Field::Status => text(s.status.label().zh),
            Field::StatusDate => match s.status {
                St::ReturnedForRevision | St::Rejected | St::Withdrawn => {
                    s.history.last().map_or(Cell::Empty, |h| Cell::Date(h.0))
                }
                _ => Cell::Empty,
            },
            Field::AcceptDate => s
                .history
                .iter()
                .find(|h| h.1 == St::Accepted)
                .map_or(Cell::Empty, |h| Cell::Date(h.0)),
            Field::AssignDate => s
                .assignment
                .as_ref()
                .map_or(Cell::Empty, |a| Cell::Date(a.assigned_on)),
            Field::LeadUnit => s
                .assignment
                .as_ref()
                .map_or(Cell::Empty, |a| text(a.lead_unit.as_str())),
            Field::CoUnits => s
                .assignment
                .as_ref()
                .map_or(Cell::Empty, |a| join(&a.co_units)),
            Field::ExtensionDates => text(
                s.extensions
                    .iter()
                    .map(|d| date_text(*d))
                    .collect::<Vec<_>>()
                    .join("、"),
            ),
            Field::StatusNote | Field::ExtensionReason => Cell::Empty,
        },
        Column::Round(n, f) => {
            let reply = s.replies.iter().find(|r| r.round == n);
            let feedback = s
                .feedback
                .iter()
                .find(|fb| fb.deputy == s.lead && fb.round == n);
            match f {
                RoundField::Opinions => {
                    let mut out = String::new();
                    for o in s.co_unit_opinions.iter().filter(|o| o.round == n) {
                        if !out.is_empty() {
                            out.push('\n');
                        }
                        let _ = write!(out, "{}（{}）：{}", o.unit, date_text(o.on), o.opinion);
                    }
                    text(out)
                }
                RoundField::ReplyDate => reply.map_or(Cell::Empty, |r| Cell::Date(r.on)),
                RoundField::Result => reply.map_or(Cell::Empty, |r| text(r.result.label().zh)),
                RoundField::InPlan => {
                    reply.map_or(Cell::Empty, |r| text(if r.in_plan { "是" } else { "否" }))
                }
                RoundField::Summary => reply.map_or(Cell::Empty, |r| text(r.summary.as_str())),
                RoundField::Reason => {
                    reply.map_or(Cell::Empty, |r| text(r.reason.clone().unwrap_or_default()))
                }
                RoundField::Rating => feedback.map_or(Cell::Empty, |fb| text(fb.rating.label().zh)),
                RoundField::FeedbackDate => feedback.map_or(Cell::Empty, |fb| Cell::Date(fb.on)),
                RoundField::Comment => feedback.map_or(Cell::Empty, |fb| {
                    text(fb.comment.clone().unwrap_or_default())
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger() -> Ledger {
        let mut l = Ledger::new(Default::default());
        for c in [
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"C","name":"人大","level":"county","term":1,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"K","name":"另一人大","level":"county","term":1,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D","congress":"C","name":"代表"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"E","congress":"K","name":"代表乙"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"U","name":"单位"}}"#,
            r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"V","name":"协办"}}"#,
            r#"{"at":"2024-01-03","actor":{"role":"deputy","id":"D"},"command":{"type":"submit_suggestion","suggestion":"S","congress":"C","title":"建议","lead":"D","during":"recess","topic":"教育"}}"#,
            r#"{"at":"2024-01-03","actor":{"role":"deputy","id":"E"},"command":{"type":"submit_suggestion","suggestion":"T","congress":"K","title":"另一建议","lead":"E","during":"session"}}"#,
            r#"{"at":"2024-01-04","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"accept_suggestion","suggestion":"S"}}"#,
            r#"{"at":"2024-01-05","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"assign_suggestion","suggestion":"S","lead_unit":"U","co_units":["V"]}}"#,
            r#"{"at":"2024-01-06","actor":{"role":"handling_unit","id":"V"},"command":{"type":"submit_co_unit_opinion","suggestion":"S","opinion":"同意"}}"#,
            r#"{"at":"2024-02-05","actor":{"role":"handling_unit","id":"U"},"command":{"type":"reply_suggestion","suggestion":"S","result":"C","summary":"暂缓","reason":"缺资金"}}"#,
            r#"{"at":"2024-02-15","actor":{"role":"deputy","id":"D"},"command":{"type":"give_feedback","suggestion":"S","rating":"dissatisfied","comment":"再研究"}}"#,
        ] {
            l.execute_json(c).unwrap();
        }
        l
    }

    #[test]
    fn one_row_per_suggestion_with_labels_dates_and_rounds() {
        let l = ledger();
        let t = export_grid(&l, &ExportOptions::default());
        assert_eq!(t.rows.len(), 2);
        let get = |row: usize, header: &str| {
            let i = t.headers().iter().position(|h| h == header).unwrap();
            t.rows[row][i].clone()
        };
        assert_eq!(get(0, "建议号"), Cell::Text("S".into()));
        assert_eq!(get(0, "提出方式"), Cell::Text("闭会期间".into()));
        assert_eq!(get(0, "状态"), Cell::Text("复查补办中".into()));
        assert_eq!(get(0, "状态日期"), Cell::Empty);
        assert_eq!(
            get(0, "受理日期"),
            Cell::Date("2024-01-04".parse().unwrap())
        );
        assert_eq!(
            get(0, "协办意见"),
            Cell::Text("V（2024-01-06）：同意".into())
        );
        assert_eq!(
            get(0, "办理结果"),
            Cell::Text("因条件限制暂时无法解决".into())
        );
        assert_eq!(get(0, "列入计划"), Cell::Text("否".into()));
        assert_eq!(get(0, "原因说明"), Cell::Text("缺资金".into()));
        assert_eq!(get(0, "代表意见"), Cell::Text("不满意".into()));
        assert_eq!(get(0, "评价说明"), Cell::Text("再研究".into()));
        assert_eq!(get(1, "类别"), Cell::Empty);
        assert_eq!(get(1, "交办日期"), Cell::Empty);
        assert_eq!(t.columns.len(), Column::exported(1).len());
        // Only one congress.
        let only = ExportOptions {
            congress: Some("K".parse().unwrap()),
            ..ExportOptions::default()
        };
        let t = export_grid(&l, &only);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0][0], Cell::Text("T".into()));
    }
}
