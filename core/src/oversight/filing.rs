//! Filing review of normative documents (规范性文件备案审查, W12): 有件必备、有备必审、有错必纠
//! (R-F1). The government, the supervisory commission, the court and the procuratorate
//! (一府一委两院, R-F2) file their normative documents with the standing committee within 30
//! days of publication (L-22; a late filing is accepted and marked late); every filed document
//! is reviewed (own initiative, on request, thematic, transferred or joint); an issue found ends
//! corrected (voluntarily or after a written review opinion, which the issuer answers within 2
//! months, L-22) or revoked by a standing-committee vote (majority of all members, L-4).
//! [`Ledger::filing_review`] gives the figures of the annual report to the standing committee
//! (R-F2).
//!
//! ```
//! use renda::Ledger;
//! let mut l = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd-17","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"gov","name":"区政府"}}"#,
//!   r#"{"at":"2024-03-20","actor":{"role":"government_office","id":"g"},"command":{"type":"file_normative_document","document":"N1","congress":"hd-17","issuer":"gov","issuer_kind":"government","title":"某管理办法","published_on":"2024-02-01","filed_on":"2024-03-20"}}"#,
//! ] { l.execute_json(c).unwrap(); }
//! let r = l.filing_review(&"hd-17".parse().unwrap(), 2024).unwrap();
//! assert_eq!((r.filed, r.late_filings, r.unreviewed.len()), (1, 1, 1));
//! ```

use crate::actor::Actor;
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{CongressId, MeetingId, NormativeDocumentId, UnitId};
use crate::ledger::{check_name, Ledger};
use crate::oversight::meeting::{require_body, Body};
use crate::rules::RuleBook;
use crate::state::State;
use crate::vote::Vote;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest review text, opinion or answer, in characters.
const MAX_TEXT: u32 = 2000;

/// The organ that issued a normative document (一府一委两院, R-F2).
///
/// ```
/// use renda::oversight::filing::IssuerKind;
/// assert_eq!(IssuerKind::SupervisoryCommission.as_str(), "supervisory_commission");
/// assert_eq!(IssuerKind::ALL.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuerKind {
    /// 人民政府 (一府).
    Government,
    /// 监察委员会 (一委, since the 2018 constitutional amendment).
    SupervisoryCommission,
    /// 人民法院.
    Court,
    /// 人民检察院.
    Procuratorate,
}

impl IssuerKind {
    /// Every issuer kind.
    pub const ALL: [IssuerKind; 4] = [
        Self::Government,
        Self::SupervisoryCommission,
        Self::Court,
        Self::Procuratorate,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Government => "government",
            Self::SupervisoryCommission => "supervisory_commission",
            Self::Court => "court",
            Self::Procuratorate => "procuratorate",
        }
    }
}

crate::labels::labelled!(IssuerKind {
    Government => ("人民政府", "Government"),
    SupervisoryCommission => ("监察委员会", "Supervisory commission"),
    Court => ("人民法院", "Court"),
    Procuratorate => ("人民检察院", "Procuratorate"),
});

/// How a filed document is reviewed (L-22, W12 step 3).
///
/// ```
/// use renda::oversight::filing::ReviewMode;
/// assert_eq!(ReviewMode::OwnInitiative.as_str(), "own_initiative");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewMode {
    /// 主动审查.
    OwnInitiative,
    /// 依申请审查.
    OnRequest,
    /// 专项审查.
    Thematic,
    /// 移送审查.
    Transferred,
    /// 联合审查.
    Joint,
}

impl ReviewMode {
    /// Every mode.
    pub const ALL: [ReviewMode; 5] = [
        Self::OwnInitiative,
        Self::OnRequest,
        Self::Thematic,
        Self::Transferred,
        Self::Joint,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OwnInitiative => "own_initiative",
            Self::OnRequest => "on_request",
            Self::Thematic => "thematic",
            Self::Transferred => "transferred",
            Self::Joint => "joint",
        }
    }
}

crate::labels::labelled!(ReviewMode {
    OwnInitiative => ("主动审查", "Own initiative"),
    OnRequest => ("依申请审查", "On request"),
    Thematic => ("专项审查", "Thematic"),
    Transferred => ("移送审查", "Transferred"),
    Joint => ("联合审查", "Joint"),
});

/// Where a filed document stands (W12).
///
/// ```
/// use renda::oversight::filing::FilingStatus;
/// assert_eq!(FilingStatus::OpinionSent.as_str(), "opinion_sent");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingStatus {
    /// 已备案, not yet reviewed.
    Filed,
    /// 审查中.
    UnderReview,
    /// 未发现问题 (final).
    NoIssue,
    /// 发现问题.
    IssueFound,
    /// 已发出书面审查意见 (the issuer answers within 2 months, L-22).
    OpinionSent,
    /// The issuer answered the written opinion.
    OpinionAnswered,
    /// 已纠正 (final).
    Corrected,
    /// 已撤销 by the standing committee (final).
    Revoked,
}

impl FilingStatus {
    /// Every status.
    pub const ALL: [FilingStatus; 8] = [
        Self::Filed,
        Self::UnderReview,
        Self::NoIssue,
        Self::IssueFound,
        Self::OpinionSent,
        Self::OpinionAnswered,
        Self::Corrected,
        Self::Revoked,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Filed => "filed",
            Self::UnderReview => "under_review",
            Self::NoIssue => "no_issue",
            Self::IssueFound => "issue_found",
            Self::OpinionSent => "opinion_sent",
            Self::OpinionAnswered => "opinion_answered",
            Self::Corrected => "corrected",
            Self::Revoked => "revoked",
        }
    }

    /// An issue was found and is not yet corrected or revoked (R-F1 有错必纠: still open).
    pub fn issue_open(self) -> bool {
        matches!(
            self,
            Self::IssueFound | Self::OpinionSent | Self::OpinionAnswered
        )
    }
}

crate::labels::labelled!(FilingStatus {
    Filed => ("已备案待审查", "Filed"),
    UnderReview => ("审查中", "Under review"),
    NoIssue => ("未发现问题", "No issue"),
    IssueFound => ("发现问题", "Issue found"),
    OpinionSent => ("已发出书面审查意见", "Review opinion sent"),
    OpinionAnswered => ("制定机关已回复", "Opinion answered"),
    Corrected => ("已纠正", "Corrected"),
    Revoked => ("已撤销", "Revoked"),
});

/// The filing-review rules (L-22, R-F2). National values by default.
///
/// ```
/// let r = renda::oversight::filing::FilingRules::default();
/// assert_eq!((r.filing_days, r.answer_months, r.issuers.len()), (30, 2, 4));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FilingRules {
    /// Days after publication within which a document is filed (L-22: 30).
    pub filing_days: u32,
    /// Months the issuer has to answer a written review opinion (L-22: 2).
    pub answer_months: u32,
    /// The organs whose documents are filed (R-F2: 一府一委两院; before 2018, 一府两院).
    pub issuers: Vec<IssuerKind>,
}

impl Default for FilingRules {
    fn default() -> Self {
        Self {
            filing_days: 30,
            answer_months: 2,
            issuers: IssuerKind::ALL.to_vec(),
        }
    }
}

/// A written review opinion and its answer (L-22).
///
/// ```
/// let o: renda::oversight::filing::ReviewOpinion = serde_json::from_str(
///   r#"{"sent_on":"2024-05-06","text":"建议修改第五条","answer_due":"2024-07-06"}"#).unwrap();
/// assert!(o.answered_on.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewOpinion {
    /// When it was sent.
    pub sent_on: NaiveDate,
    /// The opinion.
    pub text: String,
    /// Last day for the issuer's answer (sent + `answer_months`).
    pub answer_due: NaiveDate,
    /// When the issuer answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_on: Option<NaiveDate>,
    /// The answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

impl ReviewOpinion {
    /// Answered after the due date, or not answered by the end of `as_of` though due before it.
    ///
    /// ```
    /// let o: renda::oversight::filing::ReviewOpinion = serde_json::from_str(
    ///   r#"{"sent_on":"2024-05-06","text":"t","answer_due":"2024-07-06"}"#).unwrap();
    /// let d = |s: &str| s.parse().unwrap();
    /// assert!(!o.overdue(d("2024-07-06")));
    /// assert!(o.overdue(d("2024-07-07")));
    /// ```
    pub fn overdue(&self, as_of: NaiveDate) -> bool {
        match self.answered_on {
            Some(a) => a > self.answer_due,
            None => as_of > self.answer_due,
        }
    }
}

/// How a revocation ballot went (L-4).
///
/// ```
/// let r: renda::oversight::filing::Revocation = serde_json::from_str(r#"{"meeting":"sc-1",
///   "vote":{"members":45,"present":40,"yes":30,"no":5,"abstain":5},"adopted":true}"#).unwrap();
/// assert!(r.adopted);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revocation {
    /// The standing-committee meeting.
    pub meeting: MeetingId,
    /// The tally.
    pub vote: Vote,
    /// Whether a majority of all members voted for.
    pub adopted: bool,
}

/// A filed normative document and its review (W12).
///
/// ```
/// let d: renda::oversight::filing::NormativeDocument = serde_json::from_str(r#"{"id":"N1",
///   "congress":"hd-17","issuer":"gov","issuer_kind":"government","title":"办法",
///   "published_on":"2024-02-01","filed_on":"2024-02-20","late":false,"status":"filed"}"#).unwrap();
/// assert_eq!(d.status, renda::oversight::filing::FilingStatus::Filed);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormativeDocument {
    /// Id.
    pub id: NormativeDocumentId,
    /// The congress whose standing committee it is filed with.
    pub congress: CongressId,
    /// The issuing organ.
    pub issuer: UnitId,
    /// Which of 一府一委两院.
    pub issuer_kind: IssuerKind,
    /// Title.
    pub title: String,
    /// Publication date.
    pub published_on: NaiveDate,
    /// Filing date.
    pub filed_on: NaiveDate,
    /// Filed more than `filing_days` after publication (L-22).
    pub late: bool,
    /// Current status.
    pub status: FilingStatus,
    /// The review mode, once review started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ReviewMode>,
    /// When the review started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<NaiveDate>,
    /// The issue found, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// The written review opinion, if one was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion: Option<ReviewOpinion>,
    /// When it was corrected, or the revocation adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
    /// Revocation ballots (a failed one leaves the issue open).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revocations: Vec<Revocation>,
}

fn document<'s>(st: &'s State, id: &NormativeDocumentId) -> Result<&'s NormativeDocument> {
    State::found(
        &st.normative_documents,
        id,
        "normative_document",
        "command.document",
    )
}

fn transition(d: &NormativeDocument, action: &'static str, rule: &'static str) -> RendaError {
    RendaError::InvalidTransition {
        entity: "normative_document",
        field: "command.document",
        id: d.id.to_string(),
        status: d.status.as_str(),
        action,
        rule,
    }
}

fn rules<'b>(
    book: &'b RuleBook,
    st: &State,
    congress: &CongressId,
    date: NaiveDate,
) -> Result<&'b FilingRules> {
    let c = st.congress(congress, "command.congress")?;
    Ok(&book.in_force(c.level, date)?.oversight.filing)
}

/// Checks a filing-review command; returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    _actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    use FilingStatus::*;
    match command {
        Command::FileNormativeDocument {
            document,
            congress,
            issuer,
            issuer_kind,
            title,
            published_on,
            filed_on,
        } => {
            State::absent(&st.normative_documents, document, "normative_document")?;
            let r = rules(book, st, congress, date)?;
            st.unit(issuer, "command.issuer")?;
            check_name("command.title", title)?;
            if !r.issuers.contains(issuer_kind) {
                return Err(RendaError::rule_violation(
                    rule_codes::ISSUER_OUT_OF_SCOPE,
                    "R-F2",
                    Some("command.issuer_kind"),
                    Some(issuer_kind.as_str().into()),
                    "the rule set in force does not file this organ's documents",
                ));
            }
            let filed_on = filed_on.unwrap_or(date);
            if filed_on > date {
                return Err(RendaError::InvalidField {
                    field: "command.filed_on".into(),
                    value: filed_on.to_string(),
                    reason: format!("must not be after the command date {date}"),
                });
            }
            if *published_on > filed_on {
                return Err(RendaError::InvalidField {
                    field: "command.published_on".into(),
                    value: published_on.to_string(),
                    reason: format!("must not be after the filing date {filed_on}"),
                });
            }
            let late = (filed_on - *published_on).num_days() > i64::from(r.filing_days);
            Ok(vec![EventKind::NormativeDocumentFiled {
                document: document.clone(),
                congress: congress.clone(),
                issuer: issuer.clone(),
                issuer_kind: *issuer_kind,
                title: title.clone(),
                published_on: *published_on,
                filed_on,
                late,
            }])
        }
        Command::ReviewNormativeDocument { document: id, mode } => {
            let d = document(st, id)?;
            if d.status != Filed {
                return Err(transition(d, "review", "R-F1"));
            }
            Ok(vec![EventKind::NormativeDocumentReviewStarted {
                document: id.clone(),
                mode: *mode,
            }])
        }
        Command::RecordReviewFinding {
            document: id,
            issue,
        } => {
            let d = document(st, id)?;
            if d.status != UnderReview {
                return Err(transition(d, "record a finding on", "R-F1"));
            }
            if let Some(t) = issue {
                crate::suggestion::non_empty("command.issue", t, MAX_TEXT)?;
            }
            Ok(vec![EventKind::ReviewFindingRecorded {
                document: id.clone(),
                issue: issue.clone(),
            }])
        }
        Command::SendFilingReviewOpinion {
            document: id,
            opinion,
        } => {
            let d = document(st, id)?;
            if d.status != IssueFound {
                return Err(transition(d, "send a review opinion on", "L-22"));
            }
            crate::suggestion::non_empty("command.opinion", opinion, MAX_TEXT)?;
            let r = rules(book, st, &d.congress, date)?;
            let answer_due = date
                .checked_add_months(chrono::Months::new(r.answer_months))
                .ok_or_else(|| RendaError::InvalidField {
                    field: "at".into(),
                    value: date.to_string(),
                    reason: "the answer due date is out of range".into(),
                })?;
            Ok(vec![EventKind::FilingReviewOpinionSent {
                document: id.clone(),
                opinion: opinion.clone(),
                answer_due,
            }])
        }
        Command::AnswerFilingReviewOpinion {
            document: id,
            answer,
        } => {
            let d = document(st, id)?;
            let Some(o) = d.opinion.as_ref().filter(|_| d.status == OpinionSent) else {
                return Err(transition(d, "answer the review opinion on", "L-22"));
            };
            crate::suggestion::non_empty("command.answer", answer, MAX_TEXT)?;
            Ok(vec![EventKind::FilingReviewOpinionAnswered {
                document: id.clone(),
                answer: answer.clone(),
                late: date > o.answer_due,
            }])
        }
        Command::CorrectNormativeDocument { document: id } => {
            let d = document(st, id)?;
            if !d.status.issue_open() {
                return Err(transition(d, "correct", "R-F1"));
            }
            Ok(vec![EventKind::NormativeDocumentCorrected {
                document: id.clone(),
                after_opinion: d.status != IssueFound,
            }])
        }
        Command::RevokeNormativeDocument {
            document: id,
            meeting,
            vote,
        } => {
            let d = document(st, id)?;
            if !matches!(d.status, OpinionSent | OpinionAnswered) {
                return Err(transition(d, "revoke", "L-22"));
            }
            let m = require_body(
                st,
                meeting,
                &d.congress,
                &[Body::StandingCommittee],
                "command.meeting",
            )?;
            if m.held_on > date {
                return Err(RendaError::InvalidField {
                    field: "command.meeting".into(),
                    value: meeting.to_string(),
                    reason: format!("is held on {}, after the command date", m.held_on),
                });
            }
            check_vote(st, &d.congress, vote, "L-4")?;
            let revocation = Revocation {
                meeting: meeting.clone(),
                vote: *vote,
                adopted: vote.passes_majority_of_all(),
            };
            Ok(vec![if revocation.adopted {
                EventKind::NormativeDocumentRevoked {
                    document: id.clone(),
                    revocation,
                }
            } else {
                EventKind::NormativeDocumentRevocationNotAdopted {
                    document: id.clone(),
                    revocation,
                }
            }])
        }
        _ => unreachable!("filing::decide is called for filing-review commands only"),
    }
}

/// Checks a standing-committee ballot: the tally adds up and, when the committee's members are
/// on the roster, `members` is their number (L-4: a majority of *all* members decides).
pub(crate) fn check_vote(
    st: &State,
    congress: &CongressId,
    vote: &Vote,
    rule: &'static str,
) -> Result<()> {
    vote.validate("command.vote")?;
    let n = Body::StandingCommittee.size(st, congress, NaiveDate::MIN);
    vote.check_members(n, &format!("the standing committee of `{congress}`"), rule)
}

fn doc_mut<'s>(
    state: &'s mut State,
    id: &NormativeDocumentId,
) -> Result<&'s mut NormativeDocument> {
    State::found_mut(
        &mut state.normative_documents,
        id,
        "normative_document",
        "event.document",
    )
}

/// Applies a filing-review event.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    use FilingStatus::*;
    match event {
        EventKind::NormativeDocumentFiled {
            document,
            congress,
            issuer,
            issuer_kind,
            title,
            published_on,
            filed_on,
            late,
        } => {
            state.congress(congress, "event.congress")?;
            state.unit(issuer, "event.issuer")?;
            state.normative_documents.insert(
                document.clone(),
                NormativeDocument {
                    id: document.clone(),
                    congress: congress.clone(),
                    issuer: issuer.clone(),
                    issuer_kind: *issuer_kind,
                    title: title.clone(),
                    published_on: *published_on,
                    filed_on: *filed_on,
                    late: *late,
                    status: Filed,
                    mode: None,
                    reviewed_on: None,
                    issue: None,
                    opinion: None,
                    closed_on: None,
                    revocations: Vec::new(),
                },
            );
        }
        EventKind::NormativeDocumentReviewStarted { document, mode } => {
            let d = doc_mut(state, document)?;
            d.status = UnderReview;
            d.mode = Some(*mode);
            d.reviewed_on = Some(date);
        }
        EventKind::ReviewFindingRecorded { document, issue } => {
            let d = doc_mut(state, document)?;
            d.status = if issue.is_some() { IssueFound } else { NoIssue };
            d.issue = issue.clone();
        }
        EventKind::FilingReviewOpinionSent {
            document,
            opinion,
            answer_due,
        } => {
            let d = doc_mut(state, document)?;
            d.status = OpinionSent;
            d.opinion = Some(ReviewOpinion {
                sent_on: date,
                text: opinion.clone(),
                answer_due: *answer_due,
                answered_on: None,
                answer: None,
            });
        }
        EventKind::FilingReviewOpinionAnswered {
            document, answer, ..
        } => {
            let d = doc_mut(state, document)?;
            d.status = OpinionAnswered;
            if let Some(o) = d.opinion.as_mut() {
                o.answered_on = Some(date);
                o.answer = Some(answer.clone());
            }
        }
        EventKind::NormativeDocumentCorrected { document, .. } => {
            let d = doc_mut(state, document)?;
            d.status = Corrected;
            d.closed_on = Some(date);
        }
        EventKind::NormativeDocumentRevoked {
            document,
            revocation,
        } => {
            let d = doc_mut(state, document)?;
            d.status = Revoked;
            d.closed_on = Some(date);
            d.revocations.push(revocation.clone());
        }
        EventKind::NormativeDocumentRevocationNotAdopted {
            document,
            revocation,
        } => doc_mut(state, document)?
            .revocations
            .push(revocation.clone()),
        _ => unreachable!("filing::apply is called for filing-review events only"),
    }
    Ok(())
}

/// Checks the normative documents of a snapshot: keys match ids, references resolve, and the
/// record fits its status.
pub(crate) fn validate_state(st: &State) -> Result<()> {
    use FilingStatus::*;
    for (id, d) in &st.normative_documents {
        let bad = |reason: &str| RendaError::InvalidField {
            field: "state.normative_documents".into(),
            value: id.to_string(),
            reason: reason.into(),
        };
        if &d.id != id {
            return Err(bad("key does not match the record's id"));
        }
        st.congress(&d.congress, "state.normative_documents.congress")?;
        st.unit(&d.issuer, "state.normative_documents.issuer")?;
        if d.published_on > d.filed_on {
            return Err(bad("published after it was filed"));
        }
        if (d.status != Filed) != d.mode.is_some() {
            return Err(bad("a review mode is set exactly when the review started"));
        }
        let issue_expected = matches!(
            d.status,
            IssueFound | OpinionSent | OpinionAnswered | Corrected | Revoked
        );
        if issue_expected != d.issue.is_some() {
            return Err(bad("an issue is recorded exactly when one was found"));
        }
        if matches!(d.status, OpinionSent | OpinionAnswered) && d.opinion.is_none() {
            return Err(bad("an opinion status without an opinion"));
        }
        if matches!(d.status, Corrected | Revoked) != d.closed_on.is_some() {
            return Err(bad(
                "a closing date is set exactly when corrected or revoked",
            ));
        }
        if (d.status == Revoked) != d.revocations.iter().any(|r| r.adopted) {
            return Err(bad("revoked exactly when a revocation was adopted"));
        }
        for r in &d.revocations {
            crate::oversight::meeting::require(
                st,
                &r.meeting,
                "state.normative_documents.revocations.meeting",
            )?;
        }
    }
    Ok(())
}

/// The filing-review figures of a congress for one year (R-F2: the annual report to the
/// standing committee), over the documents filed that year, as recorded.
///
/// ```
/// let r = renda::oversight::filing::FilingReviewReport::default();
/// assert_eq!(r.filed, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilingReviewReport {
    /// The congress.
    pub congress: Option<CongressId>,
    /// The year.
    pub year: i32,
    /// Documents filed in the year (有件必备).
    pub filed: u32,
    /// Of them, filed late (L-22).
    pub late_filings: u32,
    /// Documents whose review started (有备必审), by mode.
    pub reviewed: u32,
    /// Reviewed, by mode (every mode listed).
    pub reviewed_by_mode: BTreeMap<String, u32>,
    /// Filed but not yet reviewed (R-F1: every filed document is reviewed).
    pub unreviewed: Vec<NormativeDocumentId>,
    /// Reviews that found no issue.
    pub no_issue: u32,
    /// Reviews that found an issue.
    pub issues: u32,
    /// Corrected by the issuer without a written opinion.
    pub corrected_voluntarily: u32,
    /// Corrected after a written review opinion.
    pub corrected_after_opinion: u32,
    /// Revoked by the standing committee.
    pub revoked: u32,
    /// Issues neither corrected nor revoked yet (R-F1 有错必纠: open).
    pub open_issues: Vec<NormativeDocumentId>,
    /// Written review opinions sent.
    pub opinions_sent: u32,
    /// Opinions answered late, or unanswered past their due date at the end of the year (L-22).
    pub opinions_overdue: Vec<NormativeDocumentId>,
}

/// The filing-review report of `congress` for `year` ([`FilingReviewReport`]).
pub fn report(st: &State, congress: &CongressId, year: i32) -> Result<FilingReviewReport> {
    st.congress(congress, "congress")?;
    let year_end =
        NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| RendaError::InvalidField {
            field: "year".into(),
            value: year.to_string(),
            reason: "not a supported year".into(),
        })?;
    let mut r = FilingReviewReport {
        congress: Some(congress.clone()),
        year,
        reviewed_by_mode: ReviewMode::ALL
            .iter()
            .map(|m| (m.as_str().to_string(), 0))
            .collect(),
        ..Default::default()
    };
    for d in st
        .normative_documents
        .values()
        .filter(|d| &d.congress == congress && d.filed_on.year() == year)
    {
        r.filed += 1;
        r.late_filings += u32::from(d.late);
        match d.mode {
            Some(m) => {
                r.reviewed += 1;
                *r.reviewed_by_mode
                    .entry(m.as_str().to_string())
                    .or_default() += 1;
            }
            None => r.unreviewed.push(d.id.clone()),
        }
        r.no_issue += u32::from(d.status == FilingStatus::NoIssue);
        r.issues += u32::from(d.issue.is_some());
        match d.status {
            FilingStatus::Corrected if d.opinion.is_some() => r.corrected_after_opinion += 1,
            FilingStatus::Corrected => r.corrected_voluntarily += 1,
            FilingStatus::Revoked => r.revoked += 1,
            s if s.issue_open() => r.open_issues.push(d.id.clone()),
            _ => {}
        }
        if let Some(o) = &d.opinion {
            r.opinions_sent += 1;
            if o.overdue(year_end) {
                r.opinions_overdue.push(d.id.clone());
            }
        }
    }
    Ok(r)
}

/// Counts the revocations adopted at meetings held from `from` to `to` (both included) as
/// decisions ([`crate::oversight::Outputs::resolutions_and_decisions`]).
pub(crate) fn add_outputs(
    st: &State,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut crate::oversight::Outputs,
) {
    for d in st
        .normative_documents
        .values()
        .filter(|d| &d.congress == congress)
    {
        for r in d.revocations.iter().filter(|r| r.adopted) {
            if let Some(m) = st.meetings.get(&r.meeting) {
                if m.held_on >= from && m.held_on <= to {
                    out.resolutions_and_decisions += 1;
                }
            }
        }
    }
}

/// Parses a year argument of a query.
pub(crate) fn parse_year(year: &str) -> Result<i32> {
    year.parse::<i32>()
        .ok()
        .filter(|y| (1949..=9999).contains(y))
        .ok_or_else(|| RendaError::InvalidField {
            field: "year".into(),
            value: year.to_string(),
            reason: "must be a year such as 2024".into(),
        })
}

impl Ledger {
    /// Every filed normative document, ordered by id.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.normative_documents().count(), 0);
    /// ```
    pub fn normative_documents(&self) -> impl Iterator<Item = &NormativeDocument> {
        self.state().normative_documents.values()
    }

    /// The filing-review report of `congress` for `year` ([`FilingReviewReport`]);
    /// `not_found` (field `congress`) for an unknown congress.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.filing_review(&"hd".parse().unwrap(), 2024).unwrap_err().code(), "not_found");
    /// ```
    pub fn filing_review(&self, congress: &CongressId, year: i32) -> Result<FilingReviewReport> {
        report(self.state(), congress, year)
    }

    /// [`Ledger::filing_review`] with text arguments, as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.filing_review_to_json("hd", "20x4").unwrap_err().field(), Some("year"));
    /// ```
    pub fn filing_review_to_json(&self, congress: &str, year: &str) -> Result<String> {
        let year = parse_year(year)?;
        let congress = CongressId::new(congress)?;
        Ok(crate::wire::to_json(&self.filing_review(&congress, year)?))
    }

    /// Every filed normative document as a JSON array ordered by id.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.normative_documents_to_json(), "[]");
    /// ```
    pub fn normative_documents_to_json(&self) -> String {
        let all: Vec<&NormativeDocument> = self.normative_documents().collect();
        crate::wire::to_json(&all)
    }
}
