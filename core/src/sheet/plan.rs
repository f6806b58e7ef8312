//! The import plan: the commands a sheet needs, and their all-or-nothing execution.

use super::cell::date_text;
use super::import::HeaderNames;
use super::layout::{Column, Field, RoundField};
use super::{codes, Errors, SheetErrors};
use crate::command::{Command, CommandEnvelope};
use crate::error::rule_codes;
use crate::event::Event;
use crate::ids::SuggestionId;
use crate::labels::Labelled;
use crate::ledger::Ledger;
use crate::suggestion::SuggestionStatus;
use crate::RendaError;
use chrono::NaiveDate;
use serde::Serialize;

/// One command of a plan, with the row and column it comes from.
///
/// ```
/// # #[cfg(feature = "csv")] {
/// let mut ledger = renda::Ledger::new(Default::default());
/// ledger.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///   "congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,
///   "term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
/// ledger.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
///   "deputy":"D001","congress":"hd-17","name":"王丽"}}"#).unwrap();
/// let csv = "建议号,标题,领衔代表,提出日期,提出方式,受理日期\nS1,关于增设公交站的建议,D001,2024-1-8,大会期间,2024/1/10\n";
/// let plan = renda::sheet::import_csv(&ledger, csv.as_bytes(), &Default::default()).unwrap();
/// let accept = &plan.commands()[1];
/// assert_eq!((accept.row, accept.column.as_str(), accept.value.as_str()), (2, "受理日期", "2024-01-10"));
/// assert_eq!(accept.command.command.type_name(), "accept_suggestion");
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedCommand {
    /// The row (1-based, as the spreadsheet shows it).
    pub row: usize,
    /// The header of the column that dates or carries the step.
    pub column: String,
    /// The cell's value (or the step's date).
    pub value: String,
    /// The command envelope.
    pub command: CommandEnvelope,
    #[serde(skip)]
    source: Column,
    #[serde(skip)]
    round: Option<u32>,
}

impl PlannedCommand {
    pub(crate) fn new(
        row: usize,
        source: Column,
        column: String,
        round: Option<u32>,
        value: String,
        command: CommandEnvelope,
    ) -> Self {
        Self {
            row,
            column,
            value,
            command,
            source,
            round,
        }
    }

    /// The column of the sheet a rejection of this command is about: the one holding the
    /// field the ledger names (e.g. `command.summary` → 答复摘要), else the step's own column.
    fn column_for(&self, err: &RendaError) -> Column {
        let round = self.round.unwrap_or(1);
        if err.code() == rule_codes::CO_UNIT_OPINIONS_MISSING {
            return Column::Round(round, RoundField::Opinions);
        }
        let Some(field) = err.field() else {
            return self.source;
        };
        let field = field.strip_prefix("command.").unwrap_or("");
        let base = field.split('[').next().unwrap_or(field);
        match base {
            "title" => Column::Field(Field::Title),
            "lead" => Column::Field(Field::Lead),
            "cosigners" => Column::Field(Field::Cosigners),
            "congress" => Column::Field(Field::Congress),
            "topic" => Column::Field(Field::Topic),
            "lead_unit" => Column::Field(Field::LeadUnit),
            "co_units" => Column::Field(Field::CoUnits),
            "summary" => Column::Round(round, RoundField::Summary),
            "result" => Column::Round(round, RoundField::Result),
            "in_plan" => Column::Round(round, RoundField::InPlan),
            "opinion" => Column::Round(round, RoundField::Opinions),
            "comment" => Column::Round(round, RoundField::Comment),
            "reason" => match self.command.command {
                Command::ReplySuggestion { .. } => Column::Round(round, RoundField::Reason),
                Command::ExtendReplyDeadline { .. } => Column::Field(Field::ExtensionReason),
                _ => Column::Field(Field::StatusNote),
            },
            _ => self.source,
        }
    }
}

/// A row's 状态 / 状态日期, checked once its steps have run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StatusCheck {
    pub(crate) row: usize,
    pub(crate) suggestion: SuggestionId,
    pub(crate) status: Option<(SuggestionStatus, String)>,
    pub(crate) status_date: Option<(NaiveDate, String)>,
}

/// The commands that bring a ledger to what a sheet says, in time order. Planning has already
/// dry-run them on a copy of the ledger; [`ImportPlan::apply`] executes them, all or nothing.
///
/// ```
/// # #[cfg(feature = "csv")] {
/// use renda::{Ledger, sheet};
/// let mut ledger = Ledger::new(Default::default());
/// for c in [
///   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///      "congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,
///      "term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
///   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
///      "deputy":"D001","congress":"hd-17","name":"王丽"}}"#,
/// ] { ledger.execute_json(c).unwrap(); }
/// let csv = "建议号,标题,领衔代表,提出时间,提出方式\nS1,关于增设公交站的建议,王丽,2024-01-08,闭会期间\n";
/// let plan = sheet::import_csv(&ledger, csv.as_bytes(), &Default::default()).unwrap();
/// assert_eq!(plan.len(), 1);
/// let c = &plan.commands()[0];
/// assert_eq!((c.row, c.column.as_str()), (2, "提出时间"));
/// assert_eq!(c.command.at.to_string(), "2024-01-08T09:00:00+08:00");
/// let events = plan.apply(&mut ledger).unwrap();
/// assert_eq!(events[0].event.type_name(), "suggestion_submitted");
/// // Applying again fails (the suggestion exists now) and changes nothing.
/// let seq = ledger.seq();
/// let errs = plan.apply(&mut ledger).unwrap_err();
/// assert_eq!(errs.errors[0].code, "already_exists");
/// assert_eq!(ledger.seq(), seq);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportPlan {
    commands: Vec<PlannedCommand>,
    ignored_columns: Vec<String>,
    #[serde(skip)]
    checks: Vec<StatusCheck>,
    #[serde(skip)]
    names: HeaderNames,
    #[serde(skip)]
    max_errors: usize,
}

impl ImportPlan {
    pub(crate) fn new(
        commands: Vec<PlannedCommand>,
        checks: Vec<StatusCheck>,
        ignored_columns: Vec<String>,
        names: HeaderNames,
        max_errors: usize,
    ) -> Self {
        Self {
            commands,
            ignored_columns,
            checks,
            names,
            max_errors,
        }
    }

    /// The planned commands, in time order.
    pub fn commands(&self) -> &[PlannedCommand] {
        &self.commands
    }

    /// The command envelopes alone, in time order.
    pub fn envelopes(&self) -> impl Iterator<Item = &CommandEnvelope> {
        self.commands.iter().map(|c| &c.command)
    }

    /// Number of commands.
    pub fn len(&self) -> usize {
        self.commands.len()
    }

    /// Whether the sheet says nothing the ledger does not already record.
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }

    /// Headers of the sheet that name no column renda reads (ignored).
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored_columns
    }

    /// The plan as JSON: `{"commands": [{"row", "column", "value", "command"}],
    /// "ignored_columns": [...]}`.
    pub fn to_json(&self) -> String {
        crate::wire::to_json(self)
    }

    /// Executes the plan on `ledger`, all or nothing: on a copy first; if any command is
    /// rejected (say the ledger changed since planning), returns every error, mapped to its
    /// row and column, and leaves `ledger` untouched. Returns the recorded events.
    pub fn apply(&self, ledger: &mut Ledger) -> Result<Vec<Event>, SheetErrors> {
        let mut scratch = ledger.clone();
        let events = self.run(&mut scratch)?;
        *ledger = scratch;
        Ok(events)
    }

    /// Executes every command on `ledger` (a scratch copy), skipping the rest of a row after
    /// its first rejection, then checks each row's 状态 / 状态日期.
    pub(crate) fn run(&self, ledger: &mut Ledger) -> Result<Vec<Event>, SheetErrors> {
        let mut errors = Errors::new(self.max_errors);
        let events = self.run_into(ledger, &mut errors);
        if errors.is_empty() {
            Ok(events)
        } else {
            Err(errors.finish())
        }
    }

    /// [`ImportPlan::run`], recording errors in `errors`.
    pub(crate) fn run_into(&self, ledger: &mut Ledger, errors: &mut Errors) -> Vec<Event> {
        let rows = self
            .commands
            .iter()
            .map(|c| c.row)
            .chain(self.checks.iter().map(|c| c.row))
            .max()
            .unwrap_or(0);
        let mut failed = vec![false; rows + 1];
        let mut events = Vec::new();
        for c in &self.commands {
            if failed[c.row] {
                continue;
            }
            if errors.is_full() {
                break;
            }
            match ledger.execute(c.command.clone()) {
                Ok(recorded) => events.extend_from_slice(recorded),
                Err(e) => {
                    failed[c.row] = true;
                    let col = c.column_for(&e);
                    let (column, value) = if col == c.source {
                        (c.column.clone(), c.value.clone())
                    } else {
                        (self.names.name(col), e.value().unwrap_or_default())
                    };
                    let reason = match &e {
                        RendaError::OutOfOrder { last, .. } => format!(
                            "{} is earlier than the ledger's last recorded event ({last}); steps must come in time order",
                            c.value
                        ),
                        other => other.to_string(),
                    };
                    let code = match e {
                        RendaError::OutOfOrder { .. } => codes::OUT_OF_ORDER,
                        ref other => other.code(),
                    };
                    errors.push(c.row, Some(&column), Some(&value), code, reason);
                }
            }
        }
        for check in &self.checks {
            if failed[check.row] || errors.is_full() {
                continue;
            }
            let Some(s) = ledger.state().suggestions.get(&check.suggestion) else {
                continue;
            };
            if let Some((want, column)) = &check.status {
                if *want != s.status {
                    errors.push(
                        check.row,
                        Some(column),
                        Some(want.label().zh),
                        codes::STATUS_MISMATCH,
                        format!(
                            "the row's steps leave the suggestion {} ({}), not {} ({})",
                            s.status.label().zh,
                            s.status.as_str(),
                            want.label().zh,
                            want.as_str()
                        ),
                    );
                    continue;
                }
            }
            if let (Some((want, column)), Some((entered, _))) =
                (&check.status_date, s.history.last())
            {
                if want != entered {
                    errors.push(
                        check.row,
                        Some(column),
                        Some(&date_text(*want)),
                        codes::STATUS_MISMATCH,
                        format!(
                            "the suggestion entered its status ({}) on {}",
                            s.status.label().zh,
                            date_text(*entered)
                        ),
                    );
                }
            }
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(json: &str, round: Option<u32>) -> PlannedCommand {
        PlannedCommand::new(
            2,
            Column::Round(round.unwrap_or(1), RoundField::ReplyDate),
            "答复日期".into(),
            round,
            "2024-03-01".into(),
            CommandEnvelope::from_json(json).unwrap(),
        )
    }

    #[test]
    fn rejections_map_to_the_column_holding_the_field() {
        let reply = planned(
            r#"{"at":"2024-03-01","actor":{"role":"handling_unit","id":"u"},"command":{"type":"reply_suggestion","suggestion":"S","result":"C","summary":"x"}}"#,
            Some(2),
        );
        let reason = RendaError::RuleViolation {
            code: "reason_required",
            field: Some("command.reason".into()),
            value: None,
            message: "m".into(),
            rule: "L-25",
        };
        assert_eq!(
            reply.column_for(&reason),
            Column::Round(2, RoundField::Reason)
        );
        let missing = RendaError::RuleViolation {
            code: "co_unit_opinions_missing",
            field: Some("command.suggestion".into()),
            value: None,
            message: "m".into(),
            rule: "W1 step 8",
        };
        assert_eq!(
            reply.column_for(&missing),
            Column::Round(2, RoundField::Opinions)
        );
        let late = RendaError::OutOfOrder {
            at: "a".into(),
            last: "b".into(),
        };
        assert_eq!(reply.column_for(&late), reply.source);
        let extend = planned(
            r#"{"at":"2024-03-01","actor":{"role":"deputy_affairs_office","id":"o"},"command":{"type":"extend_reply_deadline","suggestion":"S","reason":"x"}}"#,
            None,
        );
        let empty = RendaError::InvalidField {
            field: "command.reason".into(),
            value: String::new(),
            reason: "must not be empty".into(),
        };
        assert_eq!(
            extend.column_for(&empty),
            Column::Field(Field::ExtensionReason)
        );
        let cosigner = RendaError::InvalidField {
            field: "command.cosigners[1]".into(),
            value: "D".into(),
            reason: "r".into(),
        };
        assert_eq!(
            extend.column_for(&cosigner),
            Column::Field(Field::Cosigners)
        );
    }

    #[test]
    fn an_empty_plan_applies_to_nothing() {
        let plan = ImportPlan::new(
            vec![],
            vec![],
            vec!["备注".into()],
            HeaderNames::default(),
            10,
        );
        let mut l = Ledger::new(Default::default());
        assert!(plan.apply(&mut l).unwrap().is_empty());
        assert!(plan.is_empty());
        assert_eq!(
            plan.to_json(),
            r#"{"commands":[],"ignored_columns":["备注"]}"#
        );
    }
}
