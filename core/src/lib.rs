//! # renda — the rules of a people's congress's work, as an event-sourced ledger
//!
//! renda models how a Chinese people's congress (人民代表大会) does its work and enforces the
//! rules that govern it: deputies, suggestions and motions, supervision and evaluations. The
//! domain is specified in `shared/domain.md`; rule ids (R-…, L-…) in the docs trace each check
//! to its source.
//!
//! The architecture in one paragraph: every change is a typed [`Command`] issued by an
//! [`Actor`] at a [`Timestamp`]. The [`Ledger`] checks it against the current [`State`], the
//! [`rules::RuleSet`] in force on that date and the [`permissions`] matrix; it either rejects
//! it with a typed [`RendaError`] and changes nothing, or records [`Event`]s. State is a pure
//! function of the event log ([`Ledger::replay`]). Derived facts — due dates, overdue, rates —
//! are computed from events, rules, the working-day [`calendar`] and an "as of" date, never
//! stored, over columnar [`projection`]s.
//!
//! ```
//! use renda::{Ledger, rules::RuleBook};
//! let mut ledger = Ledger::new(RuleBook::default());
//! let cmds = [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_congress",
//!      "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王某"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
//!   r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D1"},"command":{"type":"submit_suggestion","suggestion":"S1",
//!      "congress":"hd","title":"关于增加幼儿园学位的建议","lead":"D1","during":"session"}}"#,
//!   r#"{"at":"2024-01-10","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"accept_suggestion","suggestion":"S1"}}"#,
//!   r#"{"at":"2024-01-15","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"assign_suggestion","suggestion":"S1","lead_unit":"edu"}}"#,
//! ];
//! for c in cmds { ledger.execute_json(c).unwrap(); }
//! // Reply due 3 months after assignment (L-1).
//! let view = ledger.suggestion_view(&"S1".parse().unwrap(), "2024-05-01".parse().unwrap()).unwrap();
//! assert_eq!(view.due.unwrap().to_string(), "2024-04-15");
//! assert_eq!(view.overdue_days, Some(16));
//! let figures = ledger.figures("2024-05-01".parse().unwrap()).unwrap();
//! assert_eq!(figures.counts.overdue, 1);
//! ```
#![warn(missing_docs)]

pub mod activity;
pub mod actor;
pub mod api;
pub mod archive;
pub mod breakdown;
pub mod calendar;
pub mod chain;
pub mod class_case;
pub mod columnar;
pub mod command;
pub mod compliance;
pub mod composition;
#[cfg(feature = "demo")]
pub mod demo;
pub mod deputy;
mod engagement;
pub mod error;
pub mod event;
pub mod figures;
pub mod handling_evaluation;
pub mod ical;
pub mod ids;
pub mod key_suggestion;
pub mod labels;
pub mod ledger;
pub mod motion;
#[cfg(feature = "demo")]
pub mod national;
pub mod oversight;
pub mod period;
pub mod permissions;
pub mod points;
#[cfg(feature = "popolo")]
pub mod popolo;
pub mod projection;
pub mod query;
pub mod registry;
pub mod report;
pub mod roster;
pub mod rules;
pub mod session;
pub mod sheet;
pub mod similarity;
pub mod state;
pub mod station;
pub mod stats;
pub mod suggestion;
pub mod supervision;
pub mod table;
pub mod time;
pub mod unit_score;
pub mod visibility;
pub mod vote;
pub mod wire;

pub use actor::{Actor, Role};
pub use breakdown::Breakdown;
pub use command::{Command, CommandEnvelope, CommandKind};
pub use error::{ErrorInfo, ErrorKind, RendaError, Result};
pub use event::{Event, EventKind, SCHEMA_VERSION};
pub use handling_evaluation::{EvaluationReport, HandlingEvaluation};
pub use ids::{
    ActivityId, ActorId, AuditFindingId, BallotId, ClassCaseId, CongressId, DeputyId, EscalationId,
    EvaluationId, InspectionId, InspectionIssueId, LivelihoodProjectId, MeetingId, MotionId,
    NormativeDocumentId, OpinionId, PersonId, ResolutionId, RuleSetId, SessionId, StationId,
    SuggestionId, SupervisionPlanId, SupervisionTopicId, TierId, UnitId, VoterIssueId,
    WorkEvaluationId, WorkReportId,
};
pub use key_suggestion::{KeyAssessment, KeyFigures, KeySuggestion};
pub use ledger::{Ledger, Snapshot, SuggestionView};
pub use motion::{Motion, MotionFigures, MotionStatus};
pub use state::State;
pub use suggestion::{ResultCategory, Satisfaction, SubmissionPeriod, SuggestionStatus};
pub use supervision::{SupervisionMode, SupervisionRow};
pub use time::Timestamp;
