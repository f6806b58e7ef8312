//! The suggestion lifecycle (建议、批评和意见; W1, rules R-S1…R-S16, L-1, L-25).
//!
//! ```text
//! submitted ─accept→ accepted ─assign→ assigned ─reply→ replied ─feedback→ closed
//!    │  ↑                │                 ↑  (extend once, L-1)   │
//!  return│revise          withdraw          │                      ├─dissatisfied→ rehandling ─reply→ replied
//!    ↓  │                                   │                      └─in plan→ in_plan ─second reply→ replied
//! returned_for_revision    reject→ rejected, withdraw→ withdrawn
//! ```

use crate::actor::{Actor, Role};
use crate::calendar::WorkCalendar;
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, DeputyId, SuggestionId, UnitId};
use crate::registry::Level;
use crate::rules::{FeedbackFrom, RuleBook, RuleSet, WithdrawUntil};
use crate::state::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// When a suggestion was submitted (S001-13: 203 during the session, 3 in recess).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionPeriod {
    /// 大会期间.
    Session,
    /// 闭会期间.
    Recess,
}

impl SubmissionPeriod {
    /// Both periods.
    pub const ALL: [SubmissionPeriod; 2] = [Self::Session, Self::Recess];
}

/// The result category of a reply (L-25).
///
/// ```
/// use renda::ResultCategory;
/// assert!(ResultCategory::B.solved_or_progressing());
/// assert!(!ResultCategory::C.solved_or_progressing());
/// assert_eq!(serde_json::to_string(&ResultCategory::A).unwrap(), "\"A\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ResultCategory {
    /// 已解决或基本解决: solved or basically solved.
    A,
    /// 正在解决或列入计划解决: being solved or in the plan.
    B,
    /// 因条件限制暂时无法解决: cannot be solved now (reason given).
    C,
    /// 留作参考: kept for reference.
    D,
}

impl ResultCategory {
    /// All categories.
    pub const ALL: [ResultCategory; 4] = [Self::A, Self::B, Self::C, Self::D];

    /// Counted in the solved-or-progressing rate (解决率, S001-13): A or B.
    pub fn solved_or_progressing(self) -> bool {
        matches!(self, Self::A | Self::B)
    }
}

/// A deputy's rating of a reply (W1 step 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// 满意.
    Satisfied,
    /// 基本满意.
    BasicallySatisfied,
    /// 不满意.
    Dissatisfied,
}

impl Satisfaction {
    /// Every rating, best first.
    pub const ALL: [Satisfaction; 3] = [
        Self::Satisfied,
        Self::BasicallySatisfied,
        Self::Dissatisfied,
    ];
}

/// Where a suggestion is in its lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStatus {
    /// Submitted, awaiting vetting.
    Submitted,
    /// Returned to the deputy for revision.
    ReturnedForRevision,
    /// Accepted, awaiting assignment.
    Accepted,
    /// Found not to be a suggestion (terminal).
    Rejected,
    /// Withdrawn by the proposer (terminal).
    Withdrawn,
    /// Assigned, awaiting the first reply.
    Assigned,
    /// Replied, awaiting the lead deputy's rating.
    Replied,
    /// Being handled again, awaiting another reply (R-S3).
    Rehandling,
    /// In the plan ledger, awaiting the second reply (R-S5).
    InPlan,
    /// Handling finished (terminal).
    Closed,
}

impl SuggestionStatus {
    /// All statuses, in lifecycle order.
    pub const ALL: [SuggestionStatus; 10] = [
        Self::Submitted,
        Self::ReturnedForRevision,
        Self::Accepted,
        Self::Rejected,
        Self::Withdrawn,
        Self::Assigned,
        Self::Replied,
        Self::Rehandling,
        Self::InPlan,
        Self::Closed,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::ReturnedForRevision => "returned_for_revision",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
            Self::Assigned => "assigned",
            Self::Replied => "replied",
            Self::Rehandling => "rehandling",
            Self::InPlan => "in_plan",
            Self::Closed => "closed",
        }
    }

    /// Whether a reply from the lead unit is awaited.
    pub fn awaits_reply(self) -> bool {
        AWAITING_REPLY.contains(&self)
    }
}

/// The assignment of a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// Lead unit (主办).
    pub lead_unit: UnitId,
    /// Co-units (协办).
    pub co_units: Vec<UnitId>,
    /// Date assigned (交办日期), China time.
    pub assigned_on: NaiveDate,
}

/// One reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// Round, from 1.
    pub round: u32,
    /// Date replied.
    pub on: NaiveDate,
    /// Result category.
    pub result: ResultCategory,
    /// Placed in a plan.
    pub in_plan: bool,
    /// Summary.
    pub summary: String,
    /// Reason.
    pub reason: Option<String>,
}

/// One rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// Who rated.
    pub deputy: DeputyId,
    /// Round rated.
    pub round: u32,
    /// Rating.
    pub rating: Satisfaction,
    /// Date.
    pub on: NaiveDate,
    /// Comment.
    pub comment: Option<String>,
}

/// A co-unit's opinion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoUnitOpinion {
    /// The co-unit.
    pub unit: UnitId,
    /// The round it was for.
    pub round: u32,
    /// Date.
    pub on: NaiveDate,
    /// The opinion.
    pub opinion: String,
}

/// A suggestion as the ledger holds it: its data and its dated history. Due dates and overdue
/// are not stored: see [`Suggestion::due_date`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    /// Id.
    pub id: SuggestionId,
    /// Congress.
    pub congress: CongressId,
    /// Title.
    pub title: String,
    /// Lead deputy.
    pub lead: DeputyId,
    /// Co-signers.
    pub cosigners: Vec<DeputyId>,
    /// Session or recess.
    pub during: SubmissionPeriod,
    /// Topic.
    pub topic: Option<String>,
    /// Current status.
    pub status: SuggestionStatus,
    /// Each status with the date it was entered, oldest first.
    pub history: Vec<(NaiveDate, SuggestionStatus)>,
    /// Assignment, once assigned.
    pub assignment: Option<Assignment>,
    /// Dates the reply deadline was extended.
    pub extensions: Vec<NaiveDate>,
    /// Co-unit opinions.
    pub co_unit_opinions: Vec<CoUnitOpinion>,
    /// Replies, oldest first.
    pub replies: Vec<Reply>,
    /// Ratings, oldest first.
    pub feedback: Vec<Feedback>,
    /// Dates re-handling started.
    pub rehandling: Vec<NaiveDate>,
}

impl Suggestion {
    /// Date submitted (first entry of the history).
    pub fn submitted_on(&self) -> NaiveDate {
        self.history.first().map_or(NaiveDate::MIN, |h| h.0)
    }

    /// Status as of the end of `date`.
    pub fn status_as_of(&self, date: NaiveDate) -> Option<SuggestionStatus> {
        self.history
            .iter()
            .take_while(|(d, _)| *d <= date)
            .last()
            .map(|(_, s)| *s)
    }

    /// The assignment, which every status from `assigned` on has.
    pub fn assignment(&self) -> Result<&Assignment> {
        self.assignment
            .as_ref()
            .ok_or_else(|| corrupt(&self.id, "no assignment"))
    }

    /// Checks the record's internal consistency (used when a snapshot or an event log comes
    /// from outside): a history that starts with `submitted`, runs forward in time along the
    /// lifecycle and ends in `status`, with the data each status needs.
    pub fn validate(&self) -> Result<()> {
        use SuggestionStatus::*;
        let first = self
            .history
            .first()
            .ok_or_else(|| corrupt(&self.id, "empty history"))?;
        if first.1 != Submitted {
            return Err(corrupt(&self.id, "history must start with submitted"));
        }
        if self.history.last().map(|h| h.1) != Some(self.status) {
            return Err(corrupt(
                &self.id,
                "status differs from the last history entry",
            ));
        }
        for w in self.history.windows(2) {
            if w[1].0 < w[0].0 {
                return Err(corrupt(&self.id, "history goes back in time"));
            }
        }
        let ever = |st: SuggestionStatus| self.history.iter().any(|h| h.1 == st);
        if (ever(Assigned) || ever(Replied)) && self.assignment.is_none() {
            return Err(corrupt(&self.id, "assigned without an assignment"));
        }
        let replied = self.history.iter().filter(|h| h.1 == Replied).count();
        if replied != self.replies.len() {
            return Err(corrupt(&self.id, "replies differ from the history"));
        }
        let rehandled = self.history.iter().filter(|h| h.1 == Rehandling).count();
        if rehandled != self.rehandling.len() {
            return Err(corrupt(
                &self.id,
                "re-handling dates differ from the history",
            ));
        }
        for (h, d) in self
            .history
            .iter()
            .filter(|h| h.1 == Rehandling)
            .zip(&self.rehandling)
        {
            if h.0 != *d {
                return Err(corrupt(
                    &self.id,
                    "re-handling dates differ from the history",
                ));
            }
        }
        Ok(())
    }

    /// Whether `deputy` is the lead deputy or a co-signer.
    pub fn is_proposer(&self, deputy: &DeputyId) -> bool {
        &self.lead == deputy || self.cosigners.contains(deputy)
    }

    /// The round of the reply now awaited (1 for the first reply).
    pub fn next_round(&self) -> u32 {
        self.replies.len() as u32 + 1
    }

    /// Every due date the suggestion has had, oldest first, each with the day it took effect
    /// and the rule set it was computed under. Derived, never stored: the first reply is due
    /// under the rule set in force on the day of assignment (L-1; an extension, from the day it
    /// is granted, moves it to the extended deadline counted from assignment), a re-handling
    /// reply under the one in force on the day re-handling started (R-S3).
    pub fn due_segments<'b>(
        &self,
        book: &'b RuleBook,
        level: Level,
        calendar: &WorkCalendar,
    ) -> Result<Vec<DueSegment<'b>>> {
        let Some(a) = &self.assignment else {
            return Ok(Vec::new());
        };
        let rules = book.in_force(level, a.assigned_on)?;
        let mut out = Vec::with_capacity(1 + self.extensions.len() + self.rehandling.len());
        out.push(DueSegment {
            from: a.assigned_on,
            due: calendar.due_date(a.assigned_on, rules.suggestion.reply_deadline)?,
            rules,
        });
        for ext in &self.extensions {
            out.push(DueSegment {
                from: *ext,
                due: calendar.due_date(a.assigned_on, rules.suggestion.extended_reply_deadline)?,
                rules,
            });
        }
        for start in &self.rehandling {
            let rules = book.in_force(level, *start)?;
            out.push(DueSegment {
                from: *start,
                due: calendar.due_date(*start, rules.suggestion.rehandle_deadline)?,
                rules,
            });
        }
        Ok(out)
    }

    /// The reply due date in force at the end of `as_of`, if a reply with a fixed deadline is
    /// awaited then (assigned or re-handling), with the rule set it was computed under: the
    /// latest of [`Suggestion::due_segments`] in effect by then. Suggestions in the plan ledger
    /// have no fixed due date (R-S5: rolling within the term).
    pub fn due_date<'b>(
        &self,
        book: &'b RuleBook,
        level: Level,
        calendar: &WorkCalendar,
        as_of: NaiveDate,
    ) -> Result<Option<(NaiveDate, &'b RuleSet)>> {
        if !matches!(
            self.status_as_of(as_of),
            Some(SuggestionStatus::Assigned | SuggestionStatus::Rehandling)
        ) {
            return Ok(None);
        }
        let segments = self.due_segments(book, level, calendar)?;
        Ok(segments
            .iter()
            .rev()
            .find(|seg| seg.from <= as_of)
            .map(|seg| (seg.due, seg.rules)))
    }
}

/// A due date and the day it took effect (see [`Suggestion::due_segments`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueSegment<'b> {
    /// The day this due date took effect (assignment, extension, start of re-handling).
    pub from: NaiveDate,
    /// The due date.
    pub due: NaiveDate,
    /// The rule set it was computed under.
    pub rules: &'b RuleSet,
}

fn corrupt(id: &SuggestionId, what: &str) -> RendaError {
    RendaError::InvalidField {
        field: format!("state.suggestions.{id}"),
        value: String::new(),
        reason: format!("inconsistent suggestion record: {what}"),
    }
}

pub(crate) fn non_empty(field: &str, value: &str, max_chars: u32) -> Result<()> {
    if value.trim().is_empty() {
        return Err(RendaError::InvalidField {
            field: field.to_string(),
            value: value.to_string(),
            reason: "must not be empty".into(),
        });
    }
    if value.chars().count() > max_chars as usize {
        return Err(RendaError::InvalidField {
            field: field.to_string(),
            value: crate::ids::truncate(value),
            reason: format!("must be at most {max_chars} characters"),
        });
    }
    Ok(())
}

/// Longest free text (reasons, summaries, opinions, comments), in characters.
pub const MAX_TEXT_CHARS: u32 = 20_000;

/// Free text: not blank, at most [`MAX_TEXT_CHARS`] characters.
pub(crate) fn text(field: &str, value: &str) -> Result<()> {
    non_empty(field, value, MAX_TEXT_CHARS)
}

pub(crate) fn transition(s: &Suggestion, action: &'static str, rule: &'static str) -> RendaError {
    RendaError::InvalidTransition {
        entity: "suggestion",
        field: "command.suggestion",
        id: s.id.to_string(),
        status: s.status.as_str(),
        action,
        rule,
    }
}

/// The suggestion, if its status is one of `allowed`; otherwise `invalid_transition` naming
/// the action and the rule that orders the lifecycle.
fn in_status<'a>(
    state: &'a State,
    id: &SuggestionId,
    allowed: &[SuggestionStatus],
    action: &'static str,
    rule: &'static str,
) -> Result<&'a Suggestion> {
    let s = state.suggestion(id)?;
    if !allowed.contains(&s.status) {
        return Err(transition(s, action, rule));
    }
    Ok(s)
}

/// Statuses in which a reply from the lead unit is awaited.
const AWAITING_REPLY: [SuggestionStatus; 3] = [
    SuggestionStatus::Assigned,
    SuggestionStatus::Rehandling,
    SuggestionStatus::InPlan,
];

fn require_lead_deputy(actor: &Actor, s: &Suggestion, rule: &'static str) -> Result<()> {
    if actor.role == Role::Deputy && actor.id.as_str() != s.lead.as_str() {
        return Err(RendaError::NotParty {
            actor: actor.id.to_string(),
            relation: "the lead deputy",
            entity: "suggestion",
            id: s.id.to_string(),
            rule,
        });
    }
    Ok(())
}

fn check_units(state: &State, lead: &UnitId, co: &[UnitId]) -> Result<()> {
    state.unit(lead, "command.lead_unit")?;
    for (i, u) in co.iter().enumerate() {
        state.unit(u, &format!("command.co_units[{i}]"))?;
        if u == lead || co[..i].contains(u) {
            return Err(RendaError::InvalidField {
                field: format!("command.co_units[{i}]"),
                value: u.to_string(),
                reason: "a co-unit must differ from the lead unit and appear once".into(),
            });
        }
    }
    Ok(())
}

/// Decides a suggestion command: checks it against the state, the rule set in force and the
/// actor, and returns the events to record. Never changes anything.
pub(crate) fn decide(
    state: &State,
    book: &crate::rules::RuleBook,
    calendar: &WorkCalendar,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::SubmitSuggestion {
            suggestion,
            congress,
            title,
            lead,
            cosigners,
            during,
            topic,
        } => {
            State::absent(&state.suggestions, suggestion, "suggestion")?;
            let c = state.congress(congress, "command.congress")?;
            let rules = book.in_force(c.level, date)?;
            non_empty("command.title", title, rules.suggestion.max_title_chars)?;
            if let Some(t) = topic {
                non_empty("command.topic", t, 200)?;
            }
            let check_member = |d: &DeputyId, field: String| -> Result<()> {
                let dep = state.deputy(d, &field)?;
                if &dep.congress != congress {
                    return Err(RendaError::rule_violation(
                        rule_codes::WRONG_CONGRESS,
                        "R-S13",
                        Some(&field),
                        Some(d.to_string()),
                        format!(
                            "deputy `{d}` sits in congress `{}`, not `{congress}`; a suggestion goes to the congress of its proposers' level",
                            dep.congress
                        ),
                    ));
                }
                Ok(())
            };
            check_member(lead, "command.lead".into())?;
            if actor.role == Role::Deputy && actor.id.as_str() != lead.as_str() {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the lead deputy",
                    entity: "suggestion",
                    id: suggestion.to_string(),
                    rule: "permission-matrix §6.2",
                });
            }
            if let Some(max) = rules.suggestion.max_cosigners {
                if cosigners.len() > max as usize {
                    return Err(RendaError::rule_violation(
                        rule_codes::TOO_MANY_COSIGNERS,
                        "rule-set suggestion.max_cosigners",
                        Some("command.cosigners"),
                        Some(cosigners.len().to_string()),
                        format!("at most {max} co-signers are allowed"),
                    ));
                }
            }
            for (i, d) in cosigners.iter().enumerate() {
                let field = format!("command.cosigners[{i}]");
                check_member(d, field.clone())?;
                if d == lead || cosigners[..i].contains(d) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: d.to_string(),
                        reason: "a co-signer must differ from the lead deputy and appear once"
                            .into(),
                    });
                }
            }
            Ok(vec![EventKind::SuggestionSubmitted {
                suggestion: suggestion.clone(),
                congress: congress.clone(),
                title: title.clone(),
                lead: lead.clone(),
                cosigners: cosigners.clone(),
                during: *during,
                topic: topic.clone(),
            }])
        }
        Command::ReviseSuggestion { suggestion, title } => {
            let s = state.suggestion(suggestion)?;
            require_lead_deputy(actor, s, "permission-matrix §6.2")?;
            if s.status != SuggestionStatus::ReturnedForRevision {
                return Err(transition(s, "revise", "R-S12"));
            }
            let rules = state.rules_for(book, s, date)?;
            non_empty("command.title", title, rules.suggestion.max_title_chars)?;
            Ok(vec![EventKind::SuggestionRevised {
                suggestion: suggestion.clone(),
                title: title.clone(),
            }])
        }
        Command::AcceptSuggestion { suggestion } => {
            in_status(
                state,
                suggestion,
                &[SuggestionStatus::Submitted],
                "accept",
                "R-S12",
            )?;
            Ok(vec![EventKind::SuggestionAccepted {
                suggestion: suggestion.clone(),
            }])
        }
        Command::ReturnSuggestion { suggestion, reason }
        | Command::RejectSuggestion { suggestion, reason } => {
            let returning = matches!(command, Command::ReturnSuggestion { .. });
            in_status(
                state,
                suggestion,
                &[SuggestionStatus::Submitted],
                if returning { "return" } else { "reject" },
                "R-S12",
            )?;
            non_empty("command.reason", reason, MAX_TEXT_CHARS)?;
            let (suggestion, reason) = (suggestion.clone(), reason.clone());
            Ok(vec![if returning {
                EventKind::SuggestionReturned { suggestion, reason }
            } else {
                EventKind::SuggestionRejected { suggestion, reason }
            }])
        }
        Command::WithdrawSuggestion { suggestion, reason } => {
            let s = state.suggestion(suggestion)?;
            require_lead_deputy(actor, s, "permission-matrix §6.2")?;
            let rules = state.rules_for(book, s, date)?;
            use SuggestionStatus::*;
            match s.status {
                Submitted | ReturnedForRevision | Accepted => {}
                Assigned if rules.suggestion.withdraw_until == WithdrawUntil::BeforeReply => {}
                Assigned => {
                    return Err(RendaError::rule_violation(
                        rule_codes::WITHDRAWAL_TOO_LATE,
                        "permission-matrix §6.2 (withdraw before assignment)",
                        Some("command.suggestion"),
                        Some(s.id.to_string()),
                        format!(
                            "suggestion `{}` has been assigned; the rule set allows withdrawal only before assignment",
                            s.id
                        ),
                    ))
                }
                _ => return Err(transition(s, "withdraw", "W1")),
            }
            if let Some(r) = reason {
                non_empty("command.reason", r, MAX_TEXT_CHARS)?;
            }
            Ok(vec![EventKind::SuggestionWithdrawn {
                suggestion: suggestion.clone(),
                reason: reason.clone(),
            }])
        }
        Command::AssignSuggestion {
            suggestion,
            lead_unit,
            co_units,
        } => {
            let s = in_status(
                state,
                suggestion,
                &[SuggestionStatus::Accepted],
                "assign",
                "W1 step 5",
            )?;
            check_units(state, lead_unit, co_units)?;
            // A suggestion of a class case goes to the group's one lead unit (W1 step 4).
            if let Some(g) = crate::class_case::group_of(state, suggestion) {
                if &g.lead_unit != lead_unit {
                    return Err(RendaError::rule_violation(
                        rule_codes::CLASS_CASE_LEAD_UNIT,
                        "W1 step 4 (类案: one lead unit)",
                        Some("command.lead_unit"),
                        Some(lead_unit.to_string()),
                        format!(
                            "suggestion `{}` is in class case `{}`, whose lead unit is `{}`",
                            s.id, g.id, g.lead_unit
                        ),
                    ));
                }
            }
            // The due date must be computable now, so a date outside the calendar is
            // rejected at assignment rather than discovered later (L-1).
            let rules = state.rules_for(book, s, date)?;
            calendar.due_date(date, rules.suggestion.reply_deadline)?;
            calendar.due_date(date, rules.suggestion.extended_reply_deadline)?;
            Ok(vec![EventKind::SuggestionAssigned {
                suggestion: suggestion.clone(),
                lead_unit: lead_unit.clone(),
                co_units: co_units.clone(),
            }])
        }
        Command::ExtendReplyDeadline { suggestion, reason } => {
            let s = in_status(
                state,
                suggestion,
                &[SuggestionStatus::Assigned],
                "extend the reply deadline of",
                "L-1",
            )?;
            let rules = state.rules_for(book, s, date)?;
            if s.extensions.len() as u32 >= rules.suggestion.max_extensions {
                return Err(RendaError::rule_violation(
                    rule_codes::EXTENSION_LIMIT_REACHED,
                    "L-1",
                    Some("command.suggestion"),
                    Some(s.id.to_string()),
                    format!(
                        "the reply deadline of `{}` may be extended at most {} time(s)",
                        s.id, rules.suggestion.max_extensions
                    ),
                ));
            }
            non_empty("command.reason", reason, MAX_TEXT_CHARS)?;
            Ok(vec![EventKind::ReplyDeadlineExtended {
                suggestion: suggestion.clone(),
                reason: reason.clone(),
            }])
        }
        Command::SubmitCoUnitOpinion {
            suggestion,
            opinion,
        } => {
            let s = in_status(
                state,
                suggestion,
                &AWAITING_REPLY,
                "send a co-unit opinion on",
                "W1 step 8",
            )?;
            let a = s.assignment()?;
            let unit = a
                .co_units
                .iter()
                .find(|u| u.as_str() == actor.id.as_str())
                .ok_or_else(|| RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "a co-unit",
                    entity: "suggestion",
                    id: s.id.to_string(),
                    rule: "W1 step 8",
                })?;
            let round = s.next_round();
            if s.co_unit_opinions
                .iter()
                .any(|o| &o.unit == unit && o.round == round)
            {
                return Err(RendaError::rule_violation(
                    rule_codes::OPINION_ALREADY_SUBMITTED,
                    "W1 step 8",
                    Some("actor.id"),
                    Some(unit.to_string()),
                    format!("co-unit `{unit}` has already sent its opinion for this reply"),
                ));
            }
            non_empty("command.opinion", opinion, MAX_TEXT_CHARS)?;
            Ok(vec![EventKind::CoUnitOpinionSubmitted {
                suggestion: suggestion.clone(),
                unit: unit.clone(),
                opinion: opinion.clone(),
            }])
        }
        Command::ReplySuggestion {
            suggestion,
            result,
            in_plan,
            summary,
            reason,
        } => {
            let s = in_status(state, suggestion, &AWAITING_REPLY, "reply to", "W1 step 8")?;
            let a = s.assignment()?;
            if a.lead_unit.as_str() != actor.id.as_str() {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the lead unit",
                    entity: "suggestion",
                    id: s.id.to_string(),
                    rule: "permission-matrix §6.2 (only the lead unit replies)",
                });
            }
            let rules = state.rules_for(book, s, date)?;
            let round = s.next_round();
            if round == 1 && rules.suggestion.reply_requires_co_unit_opinions {
                let missing: Vec<&str> = a
                    .co_units
                    .iter()
                    .filter(|u| !s.co_unit_opinions.iter().any(|o| &o.unit == *u))
                    .map(|u| u.as_str())
                    .collect();
                if !missing.is_empty() {
                    return Err(RendaError::rule_violation(
                        rule_codes::CO_UNIT_OPINIONS_MISSING,
                        "W1 step 8",
                        Some("command.suggestion"),
                        Some(missing.join(",")),
                        format!(
                            "the lead unit replies after every co-unit has sent its opinion; missing: {}",
                            missing.join(", ")
                        ),
                    ));
                }
            }
            non_empty("command.summary", summary, MAX_TEXT_CHARS)?;
            if *in_plan && *result != ResultCategory::B {
                return Err(RendaError::rule_violation(
                    rule_codes::IN_PLAN_REQUIRES_B,
                    "L-25",
                    Some("command.in_plan"),
                    Some("true".into()),
                    "only a category B reply (being solved or in the plan) can place a suggestion in the plan",
                ));
            }
            match reason {
                Some(r) => non_empty("command.reason", r, MAX_TEXT_CHARS)?,
                None if *result == ResultCategory::C && rules.suggestion.reason_required_for_c => {
                    return Err(RendaError::rule_violation(
                        rule_codes::REASON_REQUIRED,
                        "L-25",
                        Some("command.reason"),
                        None,
                        "a category C reply (cannot be solved now) must state the reason",
                    ))
                }
                None => {}
            }
            Ok(vec![EventKind::SuggestionReplied {
                suggestion: suggestion.clone(),
                round,
                result: *result,
                in_plan: *in_plan,
                summary: summary.clone(),
                reason: reason.clone(),
            }])
        }
        Command::GiveFeedback {
            suggestion,
            rating,
            comment,
        } => {
            let s = state.suggestion(suggestion)?;
            let rules = state.rules_for(book, s, date)?;
            let deputy = DeputyId::new(actor.id.as_str())?;
            let is_lead = deputy == s.lead;
            let may_rate = is_lead
                || (rules.suggestion.feedback_from == FeedbackFrom::AllProposers
                    && s.cosigners.contains(&deputy));
            if !may_rate {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: if rules.suggestion.feedback_from == FeedbackFrom::LeadDeputy {
                        "the lead deputy"
                    } else {
                        "a proposer"
                    },
                    entity: "suggestion",
                    id: s.id.to_string(),
                    rule: "permission-matrix §6.2 (only proposers rate)",
                });
            }
            if s.status != SuggestionStatus::Replied {
                return Err(transition(s, "rate", "W1 step 9"));
            }
            let round = s.replies.len() as u32;
            if s.feedback
                .iter()
                .any(|f| f.deputy == deputy && f.round == round)
            {
                return Err(RendaError::rule_violation(
                    rule_codes::FEEDBACK_ALREADY_GIVEN,
                    "W1 step 9",
                    Some("actor.id"),
                    Some(deputy.to_string()),
                    format!("deputy `{deputy}` has already rated reply {round}"),
                ));
            }
            if let Some(c) = comment {
                non_empty("command.comment", c, MAX_TEXT_CHARS)?;
            }
            let mut events = vec![EventKind::FeedbackGiven {
                suggestion: suggestion.clone(),
                deputy,
                round,
                rating: *rating,
                comment: comment.clone(),
            }];
            if is_lead {
                let unhappy = *rating == Satisfaction::Dissatisfied
                    || (*rating == Satisfaction::BasicallySatisfied
                        && rules.suggestion.rehandle_on_basic_satisfied);
                let last = s
                    .replies
                    .last()
                    .ok_or_else(|| corrupt(&s.id, "replied without a reply"))?;
                if unhappy && (s.rehandling.len() as u32) < rules.suggestion.max_rehandling_rounds {
                    // R-S3 / R-S4: re-handle and reply again.
                    calendar.due_date(date, rules.suggestion.rehandle_deadline)?;
                    events.push(EventKind::RehandlingStarted {
                        suggestion: suggestion.clone(),
                        round: round + 1,
                    });
                } else if !unhappy && last.in_plan {
                    events.push(EventKind::PlacedInPlan {
                        suggestion: suggestion.clone(),
                    });
                } else {
                    events.push(EventKind::SuggestionClosed {
                        suggestion: suggestion.clone(),
                        rating: *rating,
                    });
                }
            }
            Ok(events)
        }
        _ => unreachable!("decide is only called with suggestion commands"),
    }
}

/// Applies a suggestion event to the state.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    use SuggestionStatus::*;
    if let EventKind::SuggestionSubmitted {
        suggestion,
        congress,
        title,
        lead,
        cosigners,
        during,
        topic,
    } = event
    {
        state.suggestions.insert(
            suggestion.clone(),
            Suggestion {
                id: suggestion.clone(),
                congress: congress.clone(),
                title: title.clone(),
                lead: lead.clone(),
                cosigners: cosigners.clone(),
                during: *during,
                topic: topic.clone(),
                status: Submitted,
                history: vec![(date, Submitted)],
                assignment: None,
                extensions: vec![],
                co_unit_opinions: vec![],
                replies: vec![],
                feedback: vec![],
                rehandling: vec![],
            },
        );
        return Ok(());
    }
    let id = match event {
        EventKind::SuggestionRevised { suggestion, .. }
        | EventKind::SuggestionAccepted { suggestion }
        | EventKind::SuggestionReturned { suggestion, .. }
        | EventKind::SuggestionRejected { suggestion, .. }
        | EventKind::SuggestionWithdrawn { suggestion, .. }
        | EventKind::SuggestionAssigned { suggestion, .. }
        | EventKind::ReplyDeadlineExtended { suggestion, .. }
        | EventKind::CoUnitOpinionSubmitted { suggestion, .. }
        | EventKind::SuggestionReplied { suggestion, .. }
        | EventKind::FeedbackGiven { suggestion, .. }
        | EventKind::RehandlingStarted { suggestion, .. }
        | EventKind::PlacedInPlan { suggestion }
        | EventKind::SuggestionClosed { suggestion, .. } => suggestion,
        _ => unreachable!("apply is only called with suggestion events"),
    };
    let s = state
        .suggestions
        .get_mut(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "suggestion",
            id: id.to_string(),
            field: "event.suggestion".into(),
        })?;
    let set = |s: &mut Suggestion, status| {
        s.status = status;
        s.history.push((date, status));
    };
    match event {
        EventKind::SuggestionRevised { title, .. } => {
            s.title = title.clone();
            set(s, Submitted);
        }
        EventKind::SuggestionAccepted { .. } => set(s, Accepted),
        EventKind::SuggestionReturned { .. } => set(s, ReturnedForRevision),
        EventKind::SuggestionRejected { .. } => set(s, Rejected),
        EventKind::SuggestionWithdrawn { .. } => set(s, Withdrawn),
        EventKind::SuggestionAssigned {
            lead_unit,
            co_units,
            ..
        } => {
            s.assignment = Some(Assignment {
                lead_unit: lead_unit.clone(),
                co_units: co_units.clone(),
                assigned_on: date,
            });
            set(s, Assigned);
        }
        EventKind::ReplyDeadlineExtended { .. } => s.extensions.push(date),
        EventKind::CoUnitOpinionSubmitted { unit, opinion, .. } => {
            let round = s.next_round();
            s.co_unit_opinions.push(CoUnitOpinion {
                unit: unit.clone(),
                round,
                on: date,
                opinion: opinion.clone(),
            })
        }
        EventKind::SuggestionReplied {
            round,
            result,
            in_plan,
            summary,
            reason,
            ..
        } => {
            s.replies.push(Reply {
                round: *round,
                on: date,
                result: *result,
                in_plan: *in_plan,
                summary: summary.clone(),
                reason: reason.clone(),
            });
            set(s, Replied);
        }
        EventKind::FeedbackGiven {
            deputy,
            round,
            rating,
            comment,
            ..
        } => s.feedback.push(Feedback {
            deputy: deputy.clone(),
            round: *round,
            rating: *rating,
            on: date,
            comment: comment.clone(),
        }),
        EventKind::RehandlingStarted { .. } => {
            s.rehandling.push(date);
            set(s, Rehandling);
        }
        EventKind::PlacedInPlan { .. } => set(s, InPlan),
        EventKind::SuggestionClosed { .. } => set(s, Closed),
        _ => unreachable!(),
    }
    Ok(())
}
