//! The annual work report (年度工作报告) of a congress's standing committee for a year or any
//! period, as a typed value ([`AnnualReport`]) built from the ledger, rendered to Markdown and
//! HTML in Chinese and English ([`AnnualReport::to_markdown`], [`AnnualReport::to_html`]).
//!
//! The structure follows seed 001 (Haidian 2024 主要工作): an opening paragraph of counts
//! (S001-1…S001-4), then suggestions (S001-13…S001-16), deputies' activities (S001-9, S001-10,
//! S001-12), supervision (S001-6, S001-7) and evaluations (S001-2, S001-8). Figures the ledger
//! does not hold (the office's own staff figures, S001-19 and S001-20) come in as
//! [`OfficeFigure`]s and are checked with the statistics validator ([`crate::stats::check`]), so a
//! published percentage that cannot be reproduced is flagged in the report itself.
//!
//! Every count is read through the same queries the bindings expose (`figures_for`,
//! `oversight_figures`, `key_figures`, `plan_ledger`, `participation`, `livelihood_projects`,
//! `work_evaluations`, …): the report adds no rule of its own.
//!
//! ```
//! use renda::report::{Lang, ReportRequest};
//! let mut l = renda::Ledger::new(Default::default());
//! l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
//!   "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
//! let report = l.annual_report(&ReportRequest::year("hd".parse().unwrap(), 2024)).unwrap();
//! assert_eq!(report.overview.standing_committee_meetings, 0);
//! assert!(report.to_markdown(Lang::Zh).starts_with("# 海淀区人大常委会2024年工作报告"));
//! assert!(report.to_html(Lang::En).contains("<html lang=\"en\">"));
//! ```

mod build;
mod doc;
mod text;

use crate::activity::ActivityKind;
use crate::figures::{Rate, Ratings, Results, UnitFigures};
use crate::ids::{CongressId, UnitId};
use crate::oversight::escalation::EscalationKind;
use crate::oversight::work_evaluation::{SatisfactionResult, WorkEvaluationStatus};
use crate::oversight::Outputs;
use crate::stats::{FigureCheck, PublishedFigure};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::labels::Lang;
pub use doc::{Block, Document};

/// What to report on: a congress and a period (a calendar year, or `from`…`to`), with the
/// office's own published figures.
///
/// In JSON: `{"congress": "hd-17", "year": 2024}` or `{"congress": "hd-17", "from":
/// "2024-01-01", "to": "2024-06-30"}`, and optionally `"office": [OfficeFigure, …]`.
///
/// ```
/// use renda::report::ReportRequest;
/// let r: ReportRequest = serde_json::from_str(r#"{"congress":"hd","year":2024}"#).unwrap();
/// assert_eq!(r.period().unwrap().1.to_string(), "2024-12-31");
/// let r: ReportRequest = serde_json::from_str(r#"{"congress":"hd"}"#).unwrap();
/// assert_eq!(r.period().unwrap_err().field(), Some("report.year"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The congress whose standing committee reports.
    pub congress: CongressId,
    /// A calendar year (instead of `from` and `to`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First day of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day of the period; also the date figures are taken as of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Figures the office publishes that the ledger does not hold (staff, cadres, media
    /// reports, …), checked by the statistics validator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub office: Vec<OfficeFigure>,
}

impl ReportRequest {
    /// The report on `congress` for the calendar `year`.
    ///
    /// ```
    /// let r = renda::report::ReportRequest::year("hd".parse().unwrap(), 2024);
    /// assert_eq!(r.period().unwrap().0.to_string(), "2024-01-01");
    /// ```
    pub fn year(congress: CongressId, year: i32) -> Self {
        Self {
            congress,
            year: Some(year),
            from: None,
            to: None,
            office: Vec::new(),
        }
    }

    /// The period `(from, to)`, both included. Errors (`invalid_field`): neither a year nor
    /// both dates, both a year and dates, `from` after `to`, or a year outside 1949–9999.
    ///
    /// ```
    /// use renda::report::ReportRequest;
    /// let mut r = ReportRequest::year("hd".parse().unwrap(), 2024);
    /// r.from = Some("2024-03-01".parse().unwrap());
    /// assert_eq!(r.period().unwrap_err().field(), Some("report.from"));
    /// ```
    pub fn period(&self) -> crate::Result<(NaiveDate, NaiveDate)> {
        let bad = |field: &str, value: String, reason: &str| crate::RendaError::InvalidField {
            field: format!("report.{field}"),
            value,
            reason: reason.into(),
        };
        match (self.year, self.from, self.to) {
            (Some(y), None, None) => {
                let from = NaiveDate::from_ymd_opt(y, 1, 1).filter(|_| (1949..=9999).contains(&y));
                let to = NaiveDate::from_ymd_opt(y, 12, 31);
                match (from, to) {
                    (Some(f), Some(t)) => Ok((f, t)),
                    _ => Err(bad("year", y.to_string(), "must be from 1949 to 9999")),
                }
            }
            (Some(_), Some(f), _) => Err(bad(
                "from",
                f.to_string(),
                "give either `year` or `from` and `to`, not both",
            )),
            (Some(_), None, Some(t)) => Err(bad(
                "to",
                t.to_string(),
                "give either `year` or `from` and `to`, not both",
            )),
            (None, Some(f), Some(t)) if f > t => {
                Err(bad("from", f.to_string(), "must not be after `to`"))
            }
            (None, Some(f), Some(t)) => Ok((f, t)),
            (None, None, Some(_)) => Err(bad("from", "null".into(), "`to` needs `from`")),
            (None, Some(_), None) => Err(bad("to", "null".into(), "`from` needs `to`")),
            (None, None, None) => Err(bad(
                "year",
                "null".into(),
                "give `year`, or `from` and `to`",
            )),
        }
    }
}

/// A figure the office publishes about itself (S001-19 "40岁以下工作人员16名，占总数32.7%"),
/// with its labels; the report shows it with the validator's verdict.
///
/// ```
/// let f: renda::report::OfficeFigure = serde_json::from_str(r#"{
///   "zh": "40岁以下工作人员", "en": "Staff under 40",
///   "figure": {"numerator": 16, "numerator_unit": "persons", "denominator": 49,
///              "denominator_unit": "persons", "stated_percent": "32.7"}}"#).unwrap();
/// assert_eq!(f.figure.numerator, 16);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeFigure {
    /// The Chinese label.
    pub zh: String,
    /// The English label.
    pub en: String,
    /// The figure as published.
    pub figure: PublishedFigure,
}

/// An office figure with the validator's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckedFigure {
    /// The figure and its labels.
    pub figure: OfficeFigure,
    /// Whether the stated percentage is reproducible, and warnings.
    pub check: FigureCheck,
}

/// The annual work report: every section as typed counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnualReport {
    /// The congress.
    pub congress: CongressId,
    /// Its name (e.g. 北京市海淀区第十七届人民代表大会).
    pub congress_name: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period; figures are as of this day.
    pub to: NaiveDate,
    /// The opening paragraph: meetings and outputs (S001-1…S001-4).
    pub overview: Overview,
    /// Suggestions and motions (S001-13…S001-16).
    pub suggestions: SuggestionSection,
    /// Deputies and their activities (S001-9, S001-10, S001-12).
    pub deputies: DeputySection,
    /// Supervision items (S001-2, S001-6, S001-7).
    pub supervision: SupervisionSection,
    /// Evaluations (S001-2, S001-8).
    pub evaluations: EvaluationSection,
    /// The office's own published figures, checked (S001-19, S001-20).
    pub office: Vec<CheckedFigure>,
}

/// The opening paragraph of counts (S001-1…S001-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overview {
    /// Congress sessions (召开人民代表大会会议…次).
    pub congress_sessions: u32,
    /// Standing-committee meetings (常委会会议).
    pub standing_committee_meetings: u32,
    /// Director meetings (主任会议).
    pub director_meetings: u32,
    /// Reports heard, resolutions, review and evaluation opinions, inspections, inquiries.
    pub outputs: Outputs,
    /// Deputies who came in by by-election (补选).
    pub by_elections: u32,
    /// Persons appointed or removed (任免…人次).
    pub appointments_and_removals: u32,
    /// Ballots taken and adopted.
    pub ballots: u32,
    /// Ballots adopted.
    pub ballots_adopted: u32,
    /// Whether the standing committee met at least once every two months (L-5), when the
    /// period is a whole year.
    pub meets_l5: Option<bool>,
}

/// Suggestions and motions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuggestionSection {
    /// Suggestions submitted in the period.
    pub submitted: u64,
    /// Of which during the session.
    pub during_session: u64,
    /// Of which in recess.
    pub during_recess: u64,
    /// Assigned to handling units.
    pub assigned: u64,
    /// Replied (办复).
    pub replied: u64,
    /// Reply rate (办复率).
    pub reply_rate: Rate,
    /// On-time reply rate.
    pub on_time_reply_rate: Rate,
    /// Solved or progressing (解决率, S001-13).
    pub solved_or_progressing_rate: Rate,
    /// Satisfaction (满意率).
    pub satisfaction_rate: Rate,
    /// Results A/B/C/D.
    pub results: Results,
    /// Deputies' ratings.
    pub ratings: Ratings,
    /// Overdue as of the last day.
    pub overdue: u64,
    /// Key-supervised suggestions among those submitted in the period (S001-15), as of the
    /// last day.
    pub key: KeySummary,
    /// The term's plan ledger (列入计划, S001-16), as of the last day.
    pub plan_ledger: PlanSummary,
    /// Handling units, most assigned first.
    pub units: Vec<UnitLine>,
    /// Motions, as of the last day.
    pub motions: MotionSummary,
}

/// Key-supervised suggestions (重点督办, S001-15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeySummary {
    /// Designated for key supervision.
    pub designated: u64,
    /// Solved.
    pub solved: u64,
    /// Major progress.
    pub major_progress: u64,
    /// Progressing.
    pub progressing: u64,
}

/// The plan ledger of the term (S001-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanSummary {
    /// Entered the ledger this term.
    pub entered: u64,
    /// Solved.
    pub solved: u64,
    /// Progressing.
    pub progressing: u64,
}

/// One handling unit's line in the report's table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitLine {
    /// The unit.
    pub unit: UnitId,
    /// Its name.
    pub name: String,
    /// Its figures.
    pub figures: UnitFigures,
}

/// Motions (议案), as of the last day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MotionSummary {
    /// Submitted.
    pub submitted: u32,
    /// Listed items (项).
    pub items: u32,
    /// Handled as suggestions.
    pub handled_as_suggestions: u32,
    /// Completed.
    pub completed: u32,
    /// Deputies' participation in handling and supervision (人次).
    pub deputy_person_times: u32,
}

/// Deputies and their activities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeputySection {
    /// Deputies holding the mandate on the last day.
    pub in_office: u32,
    /// Activities held in the period.
    pub activities: u32,
    /// Activities by kind: (kind, activities, person-times).
    pub by_kind: Vec<KindLine>,
    /// Person-times of this congress's deputies over deputies in office (S000-8; always
    /// carries the unit warning), when there are deputies in office.
    pub participation: Option<crate::composition::Share>,
    /// Homes and stations of the congress.
    pub stations: u32,
    /// Person-times of deputies at homes and stations (S001-12).
    pub station_person_times: u32,
    /// Voters received (人次) at all activities.
    pub voters_received: u64,
    /// Opinions collected at all activities.
    pub opinions_collected: u64,
    /// Person-times of deputies attending standing-committee meetings (列席, S001-10).
    pub committee_attendance_person_times: u32,
    /// Voter issues received in the period.
    pub voter_issues: u32,
}

/// Activities of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindLine {
    /// The kind.
    pub kind: ActivityKind,
    /// Activities.
    pub activities: u32,
    /// Person-times of participants.
    pub person_times: u32,
}

/// Supervision items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupervisionSection {
    /// Livelihood projects (民生实事, W19, S001-7).
    pub livelihood: LivelihoodSummary,
    /// Key budget review (S001-6), when one was recorded.
    pub key_budget_review: Option<BudgetReviewSummary>,
    /// Departmental budgets pre-reviewed over those paired (R-B1), when pairings exist.
    pub budget_pre_review: Option<(u32, u32, Option<String>)>,
    /// Law-enforcement inspections (W11): (law, issues, issues rectified).
    pub inspections: Vec<(String, u32, u32)>,
    /// Filing review (W12).
    pub filing: FilingSummary,
    /// Escalations by kind (W23).
    pub escalations: Vec<(EscalationKind, u32)>,
}

/// Livelihood projects of the period's years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LivelihoodSummary {
    /// Approved.
    pub approved: u32,
    /// Under deputy monitoring.
    pub monitored: u32,
    /// Completed on time.
    pub completed_on_time: u32,
    /// Completed late.
    pub completed_late: u32,
    /// Still open.
    pub open: u32,
}

/// The key budget review (S001-6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetReviewSummary {
    /// Departments reviewed.
    pub departments: u32,
    /// Amount reviewed (yuan).
    pub amount_reviewed: u64,
    /// Projects adjusted.
    pub projects_adjusted: u32,
    /// Amount adjusted (yuan).
    pub amount_adjusted: u64,
    /// Amount adjusted over amount reviewed, in percent.
    pub adjusted_percent: Option<String>,
}

/// Filing review (W12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FilingSummary {
    /// Documents filed.
    pub filed: u32,
    /// Of which late.
    pub late: u32,
    /// Reviewed.
    pub reviewed: u32,
    /// With issues found.
    pub issues: u32,
    /// Corrected (voluntarily or after an opinion).
    pub corrected: u32,
    /// Revoked.
    pub revoked: u32,
}

/// Evaluations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluationSection {
    /// Department work evaluations of the period's years (W5).
    pub work_evaluations: Vec<EvaluationLine>,
    /// Deputies' person-times in work evaluations and livelihood monitoring (S001-8).
    pub deputy_person_times: u32,
    /// Departments evaluated this term over those in scope (R-E1), as of the last day.
    pub coverage: Option<(u32, u32, String)>,
    /// Third-party evaluations of suggestion handling (W3) opened in the period.
    pub handling_evaluations: u32,
}

/// One department work evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvaluationLine {
    /// The department's name.
    pub department: String,
    /// The evaluation's status.
    pub status: WorkEvaluationStatus,
    /// The satisfaction vote's result.
    pub vote: Option<SatisfactionResult>,
}

impl AnnualReport {
    /// The report as a document of headings, paragraphs and tables in `lang`.
    ///
    /// ```
    /// use renda::report::{Block, Lang, ReportRequest};
    /// let mut l = renda::Ledger::new(Default::default());
    /// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
    ///   "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
    /// let doc = l.annual_report(&ReportRequest::year("hd".parse().unwrap(), 2024)).unwrap().document(Lang::En);
    /// assert!(matches!(&doc.blocks[0], Block::Heading(1, t) if t.contains("2024")));
    /// ```
    pub fn document(&self, lang: Lang) -> Document {
        text::document(self, lang)
    }

    /// The report as Markdown in `lang`.
    ///
    /// ```
    /// # let mut l = renda::Ledger::new(Default::default());
    /// # l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
    /// #  "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
    /// let r = l.annual_report(&renda::report::ReportRequest::year("hd".parse().unwrap(), 2024)).unwrap();
    /// assert!(r.to_markdown(renda::report::Lang::En).contains("## Suggestions"));
    /// ```
    pub fn to_markdown(&self, lang: Lang) -> String {
        self.document(lang).to_markdown()
    }

    /// The report as a standalone HTML page in `lang` (inline style, no scripts).
    ///
    /// ```
    /// # let mut l = renda::Ledger::new(Default::default());
    /// # l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
    /// #  "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
    /// let r = l.annual_report(&renda::report::ReportRequest::year("hd".parse().unwrap(), 2024)).unwrap();
    /// assert!(r.to_html(renda::report::Lang::Zh).contains("<h2>代表建议</h2>"));
    /// ```
    pub fn to_html(&self, lang: Lang) -> String {
        self.document(lang).to_html(lang)
    }
}

impl crate::Ledger {
    /// The annual work report of `request.congress` for the requested period.
    ///
    /// Errors: an unknown congress (`not_found`, field `congress`); a bad period
    /// (`invalid_field`, fields `report.year` / `report.from` / `report.to`); a bad office figure
    /// (`invalid_field`, field `report.office[i]…`).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let e = l.annual_report(&renda::report::ReportRequest::year("x".parse().unwrap(), 2024));
    /// assert_eq!(e.unwrap_err().code(), "not_found");
    /// ```
    pub fn annual_report(&self, request: &ReportRequest) -> crate::Result<AnnualReport> {
        build::build(self, request)
    }

    /// [`Self::annual_report`] from a JSON request, rendered as `format` (`json`, `markdown`
    /// or `html`) in `lang` (`zh` or `en`): the entry point of the bindings.
    ///
    /// ```
    /// let mut l = renda::Ledger::new(Default::default());
    /// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
    ///   "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
    /// let md = l.annual_report_to(r#"{"congress":"hd","year":2024}"#, "markdown", "en").unwrap();
    /// assert!(md.starts_with("# "));
    /// assert_eq!(l.annual_report_to("{}", "pdf", "en").unwrap_err().field(), Some("format"));
    /// ```
    pub fn annual_report_to(
        &self,
        request: &str,
        format: &str,
        lang: &str,
    ) -> crate::Result<String> {
        let format = ReportFormat::parse(format)?;
        let lang: Lang = lang.parse()?;
        let request: ReportRequest =
            crate::wire::from_value_at(crate::wire::parse_json(request)?, "report")?;
        let report = self.annual_report(&request)?;
        Ok(match format {
            ReportFormat::Json => serde_json::to_string(&report).expect("reports serialise"),
            ReportFormat::Markdown => report.to_markdown(lang),
            ReportFormat::Html => report.to_html(lang),
        })
    }
}

/// The output formats of [`crate::Ledger::annual_report_to`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// The typed report as JSON.
    Json,
    /// Markdown.
    Markdown,
    /// A standalone HTML page.
    Html,
}

impl ReportFormat {
    /// Every format.
    pub const ALL: [ReportFormat; 3] = [Self::Json, Self::Markdown, Self::Html];

    /// The wire name.
    ///
    /// ```
    /// assert_eq!(renda::report::ReportFormat::Html.as_str(), "html");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "markdown",
            Self::Html => "html",
        }
    }

    /// Parses a wire name (`invalid_field`, field `format`, otherwise).
    ///
    /// ```
    /// use renda::report::ReportFormat;
    /// assert_eq!(ReportFormat::parse("markdown").unwrap(), ReportFormat::Markdown);
    /// assert!(ReportFormat::parse("pdf").is_err());
    /// ```
    pub fn parse(s: &str) -> crate::Result<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| crate::RendaError::InvalidField {
                field: "format".into(),
                value: crate::ids::truncate(s),
                reason: "must be json, markdown or html".into(),
            })
    }
}
