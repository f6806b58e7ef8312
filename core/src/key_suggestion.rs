//! Key suggestions (重点建议 / 重点督办, W2; R-S7, R-S8, R-S14, R-S15): recommended by streets
//! and committees, designated by the director meeting or the standing committee, taken through
//! the three-meeting model ([002:L287]: a high-level assignment meeting, a meeting before
//! handling, progress and supervision meetings, a meeting after handling), assessed
//! "back to back" (背靠背) by the deputies away from the handling units, and closed with the
//! director meeting's hearing of the outcome (Haidian, S001-15).
//!
//! ```text
//! accepted … suggestion ─recommend (street / committee / office)→ recommended
//!   ─designate (director meeting | standing committee, rule set key.designated_by)→ key
//!   ─meetings: assignment → before_handling → progress | supervision (repeatable) → after_handling
//!   ─rate_key_quality (deputies, back to back) … ─publish_key_assessment→ announced
//!   ─record_key_outcome (director meeting): solved | major_progress | progressing | not_solved
//! ```
//!
//! The per-suggestion record lives in [`State::key_suggestions`], the meetings (which may cover
//! several suggestions) in [`State::key_meetings`]. The back-to-back rule is a read rule: a
//! handling unit or the government office cannot see quality ratings before the congress
//! announces them ([`Ledger::key_assessment_as`], [`crate::visibility`]).
//!
//! ```
//! use renda::key_suggestion::{KeyMeetingKind, KeyRules, Organ};
//! assert_eq!(serde_json::to_string(&KeyMeetingKind::BeforeHandling).unwrap(), "\"before_handling\"");
//! assert_eq!(KeyMeetingKind::Supervision.stage(), KeyMeetingKind::Progress.stage());
//! assert_eq!(serde_json::to_string(&Organ::Procuratorate).unwrap(), "\"procuratorate\"");
//! assert!(KeyRules::default().require_recommendation);
//! ```

use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::figures::{Rate, Ratings};
use crate::ids::{CongressId, DeputyId, SuggestionId};
use crate::ledger::{check_name, Ledger};
use crate::rules::RuleBook;
use crate::state::State;
use crate::suggestion::{Satisfaction, Suggestion, SuggestionStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A body that may designate key suggestions (§6.2 "designate as key": the director meeting
/// decides, or the standing committee per local rule, as in 江北 [004]).
///
/// ```
/// use renda::key_suggestion::KeyDesignator;
/// assert_eq!(KeyDesignator::of(renda::Role::StandingCommittee), Some(KeyDesignator::StandingCommittee));
/// assert_eq!(KeyDesignator::of(renda::Role::Deputy), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyDesignator {
    /// 主任会议.
    DirectorMeeting,
    /// 常委会 (plenary).
    StandingCommittee,
}

impl KeyDesignator {
    /// Both bodies.
    pub const ALL: [KeyDesignator; 2] = [Self::DirectorMeeting, Self::StandingCommittee];

    /// The designator acting in `role`, if that role is one.
    pub fn of(role: Role) -> Option<Self> {
        match role {
            Role::DirectorMeeting => Some(Self::DirectorMeeting),
            Role::StandingCommittee => Some(Self::StandingCommittee),
            _ => None,
        }
    }
}

/// The rules of the key-suggestion lifecycle (W2), rule-set field `key`.
///
/// ```
/// use renda::key_suggestion::{KeyDesignator, KeyRules};
/// let r: KeyRules = serde_json::from_str(r#"{"designated_by":["standing_committee"]}"#).unwrap();
/// assert_eq!(r.designated_by, vec![KeyDesignator::StandingCommittee]);
/// assert!(r.require_recommendation && r.assignment_meeting_needs_all_organs);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeyRules {
    /// Who may designate (§6.2: the director meeting, or the standing committee per local
    /// rule). Default: both. An empty list means no body may.
    pub designated_by: Vec<KeyDesignator>,
    /// A suggestion is designated only after a street or committee recommended it (R-S7).
    /// Default: `true`.
    pub require_recommendation: bool,
    /// The assignment meeting (交办会) needs the heads of the government, the court and the
    /// procuratorate (R-S7, "一府两院"). Default: `true`.
    pub assignment_meeting_needs_all_organs: bool,
}

impl Default for KeyRules {
    fn default() -> Self {
        Self {
            designated_by: KeyDesignator::ALL.to_vec(),
            require_recommendation: true,
            assignment_meeting_needs_all_organs: true,
        }
    }
}

/// The kind of a key-suggestion meeting (W2 steps 3–4, the three-meeting model [002:L287]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyMeetingKind {
    /// 高规格交办会: high-level assignment meeting (W2 step 3, R-S7, R-S15).
    Assignment,
    /// 见面会 before handling: the lead deputy meets the lead unit, the government commits
    /// (R-S14).
    BeforeHandling,
    /// 通报初步成果: progress report during handling.
    Progress,
    /// 重点建议督办会: supervision meeting; deputies rate on the spot (W2 step 4).
    Supervision,
    /// 通报办理结果: results meeting after handling.
    AfterHandling,
}

impl KeyMeetingKind {
    /// Every kind, in the order of the model.
    pub const ALL: [KeyMeetingKind; 5] = [
        Self::Assignment,
        Self::BeforeHandling,
        Self::Progress,
        Self::Supervision,
        Self::AfterHandling,
    ];

    /// The stage of the three-meeting model: 0 assignment, 1 before, 2 during (progress and
    /// supervision), 3 after.
    pub fn stage(self) -> u8 {
        match self {
            Self::Assignment => 0,
            Self::BeforeHandling => 1,
            Self::Progress | Self::Supervision => 2,
            Self::AfterHandling => 3,
        }
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assignment => "assignment",
            Self::BeforeHandling => "before_handling",
            Self::Progress => "progress",
            Self::Supervision => "supervision",
            Self::AfterHandling => "after_handling",
        }
    }
}

/// An organ whose head (or representative) attends a key-suggestion meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Organ {
    /// 区政府.
    Government,
    /// 法院.
    Court,
    /// 检察院.
    Procuratorate,
    /// 承办单位 (the lead unit of the suggestions).
    HandlingUnit,
    /// 人大常委会 (its leaders).
    StandingCommittee,
}

impl Organ {
    /// Every organ.
    pub const ALL: [Organ; 5] = [
        Self::Government,
        Self::Court,
        Self::Procuratorate,
        Self::HandlingUnit,
        Self::StandingCommittee,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Government => "government",
            Self::Court => "court",
            Self::Procuratorate => "procuratorate",
            Self::HandlingUnit => "handling_unit",
            Self::StandingCommittee => "standing_committee",
        }
    }
}

/// The outcome of a key suggestion as the director meeting hears it (W2 step 6; S001-15:
/// 3 solved + 2 major progress).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyOutcome {
    /// 已解决.
    Solved,
    /// 取得重大进展.
    MajorProgress,
    /// 正在推进.
    Progressing,
    /// 未解决.
    NotSolved,
}

impl KeyOutcome {
    /// Every outcome, best first.
    pub const ALL: [KeyOutcome; 4] = [
        Self::Solved,
        Self::MajorProgress,
        Self::Progressing,
        Self::NotSolved,
    ];
}

crate::labels::labelled!(KeyDesignator {
    DirectorMeeting => ("主任会议", "Director meeting"),
    StandingCommittee => ("常委会", "Standing committee"),
});

crate::labels::labelled!(KeyMeetingKind {
    Assignment => ("重点建议交办会", "Assignment meeting"),
    BeforeHandling => ("办前见面会", "Meeting before handling"),
    Progress => ("办理进展通报会", "Progress meeting"),
    Supervision => ("重点建议督办会", "Supervision meeting"),
    AfterHandling => ("办理结果通报会", "Results meeting"),
});

crate::labels::labelled!(Organ {
    Government => ("政府", "Government"),
    Court => ("法院", "Court"),
    Procuratorate => ("检察院", "Procuratorate"),
    HandlingUnit => ("承办单位", "Handling unit"),
    StandingCommittee => ("人大常委会", "Standing committee"),
});

crate::labels::labelled!(KeyOutcome {
    Solved => ("已解决", "Solved"),
    MajorProgress => ("取得重大进展", "Major progress"),
    Progressing => ("正在推进", "Progressing"),
    NotSolved => ("未解决", "Not solved"),
});

/// A deputy's rating given on the spot at a supervision meeting (W2 step 4, "当场回复满意不满意").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnTheSpotRating {
    /// The deputy (a proposer of one of the suggestions, attending).
    pub deputy: DeputyId,
    /// The rating.
    pub rating: Satisfaction,
}

/// A recommendation to make a suggestion key (W2 step 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyRecommendation {
    /// Who recommended (a street working committee, a special committee or the office).
    pub by: Actor,
    /// Why.
    pub reason: String,
    /// When.
    pub on: NaiveDate,
}

/// The designation of a key suggestion (W2 step 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDesignation {
    /// The leader who leads its supervision (主任/副主任牵头, R-S15).
    pub leader: String,
    /// The body that designated it.
    pub by: KeyDesignator,
    /// When.
    pub on: NaiveDate,
}

/// One back-to-back quality rating (W2 step 5, R-S8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualityRating {
    /// The deputy who rated (a proposer).
    pub deputy: DeputyId,
    /// The rating.
    pub rating: Satisfaction,
    /// When.
    pub on: NaiveDate,
    /// Who recorded it: the deputy, or the office at the forum.
    pub recorded_by: Role,
}

/// A recorded outcome (W2 step 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyOutcomeRecord {
    /// The outcome.
    pub outcome: KeyOutcome,
    /// When the director meeting heard it.
    pub on: NaiveDate,
}

/// What the ledger knows of one suggestion's way through W2.
///
/// ```
/// use renda::key_suggestion::KeySuggestion;
/// let k: KeySuggestion = serde_json::from_str(r#"{"suggestion":"S1","recommendations":[],
///   "designation":{"leader":"张主任","by":"standing_committee","on":"2024-02-01"},
///   "quality":[],"published_on":null,"outcomes":[]}"#).unwrap();
/// assert!(k.is_key());
/// assert!(k.designated_by(chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeySuggestion {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// Recommendations, oldest first.
    pub recommendations: Vec<KeyRecommendation>,
    /// The designation, once designated.
    pub designation: Option<KeyDesignation>,
    /// Back-to-back quality ratings, oldest first.
    pub quality: Vec<QualityRating>,
    /// When the assessment was announced ([`Command::PublishKeyAssessment`]).
    pub published_on: Option<NaiveDate>,
    /// Outcomes the director meeting heard, oldest first (the latest counts).
    pub outcomes: Vec<KeyOutcomeRecord>,
}

impl KeySuggestion {
    fn new(suggestion: SuggestionId) -> Self {
        Self {
            suggestion,
            recommendations: Vec::new(),
            designation: None,
            quality: Vec::new(),
            published_on: None,
            outcomes: Vec::new(),
        }
    }

    /// Designated key.
    pub fn is_key(&self) -> bool {
        self.designation.is_some()
    }

    /// Designated key by the end of `date`.
    pub fn designated_by(&self, date: NaiveDate) -> bool {
        self.designation.as_ref().is_some_and(|d| d.on <= date)
    }

    /// Recommended by the end of `date`.
    pub fn recommended_by(&self, date: NaiveDate) -> bool {
        self.recommendations.iter().any(|r| r.on <= date)
    }

    /// The assessment was announced by the end of `date`.
    pub fn published_by(&self, date: NaiveDate) -> bool {
        self.published_on.is_some_and(|p| p <= date)
    }

    /// The latest outcome recorded by the end of `date`.
    pub fn outcome_on(&self, date: NaiveDate) -> Option<KeyOutcome> {
        self.outcomes
            .iter()
            .take_while(|o| o.on <= date)
            .last()
            .map(|o| o.outcome)
    }
}

/// A key-suggestion meeting (W2 steps 3–4, R-S14) as held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyMeeting {
    /// The kind.
    pub kind: KeyMeetingKind,
    /// The day it was held (the day recorded).
    pub on: NaiveDate,
    /// The key suggestions on its agenda.
    pub suggestions: Vec<SuggestionId>,
    /// The organs whose heads attended.
    pub organs: Vec<Organ>,
    /// The deputies who attended.
    pub deputies: Vec<DeputyId>,
    /// Ratings given on the spot (supervision meetings only). They are given in front of the
    /// handling units, so they are not back-to-back and not hidden from anyone.
    pub on_the_spot: Vec<OnTheSpotRating>,
}

/// Statuses in which a suggestion may be recommended or designated: accepted and not yet
/// finished (a closed, rejected or withdrawn suggestion has nothing left to supervise).
const OPEN_FOR_KEY: [SuggestionStatus; 5] = [
    SuggestionStatus::Accepted,
    SuggestionStatus::Assigned,
    SuggestionStatus::Replied,
    SuggestionStatus::Rehandling,
    SuggestionStatus::InPlan,
];

pub(crate) use crate::suggestion::transition;

pub(crate) use crate::suggestion::text;

/// A suggestion named at `field`, or `not_found` there.
pub(crate) fn suggestion_at<'a>(
    st: &'a State,
    id: &SuggestionId,
    field: &str,
) -> Result<&'a Suggestion> {
    st.suggestions.get(id).ok_or_else(|| RendaError::NotFound {
        entity: "suggestion",
        id: id.to_string(),
        field: field.to_string(),
    })
}

/// The key record of a designated suggestion, or `not_key`.
pub(crate) fn require_key<'a>(
    st: &'a State,
    id: &SuggestionId,
    field: &str,
    rule: &'static str,
) -> Result<&'a KeySuggestion> {
    match st.key_suggestions.get(id) {
        Some(k) if k.is_key() => Ok(k),
        _ => Err(RendaError::rule_violation(
            rule_codes::NOT_KEY,
            rule,
            Some(field),
            Some(id.to_string()),
            format!("suggestion `{id}` has not been designated a key suggestion"),
        )),
    }
}

fn duplicate(field: String, value: String, what: &str) -> RendaError {
    RendaError::InvalidField {
        field,
        value,
        reason: format!("lists the same {what} twice"),
    }
}

/// Which stages of the three-meeting model a suggestion has been through.
#[derive(Debug, Default, Clone, Copy)]
struct Stages {
    assignment: bool,
    before: bool,
    during: bool,
    after: bool,
}

fn stages(st: &State, id: &SuggestionId) -> Stages {
    let mut s = Stages::default();
    for m in st
        .key_meetings
        .iter()
        .filter(|m| m.suggestions.contains(id))
    {
        match m.kind.stage() {
            0 => s.assignment = true,
            1 => s.before = true,
            2 => s.during = true,
            _ => s.after = true,
        }
    }
    s
}

/// Checks a command of the key-suggestion family (W2) and returns its events.
pub(crate) fn decide(
    st: &State,
    book: &RuleBook,
    actor: &Actor,
    date: NaiveDate,
    command: &Command,
) -> Result<Vec<EventKind>> {
    match command {
        Command::RecommendKeySuggestion { suggestion, reason } => {
            let s = st.suggestion(suggestion)?;
            if !OPEN_FOR_KEY.contains(&s.status) {
                return Err(transition(s, "recommend as key", "W2 step 1"));
            }
            st.rules_for(book, s, date)?;
            if let Some(k) = st.key_suggestions.get(suggestion) {
                if k.is_key() {
                    return Err(RendaError::AlreadyExists {
                        entity: "key suggestion",
                        id: suggestion.to_string(),
                    });
                }
                if k.recommendations.iter().any(|r| &r.by == actor) {
                    return Err(RendaError::AlreadyExists {
                        entity: "key recommendation",
                        id: format!("{suggestion}/{}", actor.id),
                    });
                }
            }
            text("command.reason", reason)?;
            Ok(vec![EventKind::KeySuggestionRecommended {
                suggestion: suggestion.clone(),
                by: actor.clone(),
                reason: reason.clone(),
            }])
        }
        Command::DesignateKeySuggestion { suggestion, leader } => {
            let s = st.suggestion(suggestion)?;
            if !OPEN_FOR_KEY.contains(&s.status) {
                return Err(transition(s, "designate as key", "W2 step 2"));
            }
            let rules = st.rules_for(book, s, date)?;
            let record = st.key_suggestions.get(suggestion);
            if record.is_some_and(KeySuggestion::is_key) {
                return Err(RendaError::AlreadyExists {
                    entity: "key suggestion",
                    id: suggestion.to_string(),
                });
            }
            let by = KeyDesignator::of(actor.role)
                .filter(|d| rules.key.designated_by.contains(d))
                .ok_or_else(|| {
                    RendaError::rule_violation(
                        rule_codes::NOT_DESIGNATING_BODY,
                        "§6.2 designate as key (per local rule), R-S7",
                        Some("actor.role"),
                        Some(actor.role.as_str().to_string()),
                        format!(
                            "the rule set in force lets only {} designate key suggestions",
                            names(&rules.key.designated_by)
                        ),
                    )
                })?;
            if rules.key.require_recommendation
                && record.is_none_or(|k| k.recommendations.is_empty())
            {
                return Err(RendaError::rule_violation(
                    rule_codes::NOT_RECOMMENDED,
                    "R-S7",
                    Some("command.suggestion"),
                    Some(suggestion.to_string()),
                    format!(
                        "suggestion `{suggestion}` has not been recommended by a street or committee"
                    ),
                ));
            }
            check_name("command.leader", leader)?;
            Ok(vec![EventKind::KeySuggestionDesignated {
                suggestion: suggestion.clone(),
                leader: leader.clone(),
                by,
            }])
        }
        Command::HoldKeyMeeting {
            meeting,
            suggestions,
            organs,
            deputies,
            on_the_spot,
        } => decide_meeting(
            st,
            book,
            date,
            *meeting,
            suggestions,
            organs,
            deputies,
            on_the_spot,
        ),
        Command::RateKeyQuality {
            suggestion,
            deputy,
            rating,
        } => {
            let s = st.suggestion(suggestion)?;
            if actor.role == Role::Deputy && actor.id.as_str() != deputy.as_str() {
                return Err(RendaError::NotParty {
                    actor: actor.id.to_string(),
                    relation: "the rating deputy",
                    entity: "suggestion",
                    id: suggestion.to_string(),
                    rule: "W2 step 5, R-S8 (a deputy rates for themself)",
                });
            }
            st.deputy(deputy, "command.deputy")?;
            let k = require_key(st, suggestion, "command.suggestion", "W2 step 5, R-S8")?;
            if s.replies.is_empty() {
                return Err(transition(s, "assess the quality of", "W2 step 5"));
            }
            if !s.is_proposer(deputy) {
                return Err(RendaError::NotParty {
                    actor: deputy.to_string(),
                    relation: "a proposer",
                    entity: "suggestion",
                    id: suggestion.to_string(),
                    rule: "W2 step 5, R-S8",
                });
            }
            if let Some(p) = k.published_on {
                return Err(RendaError::rule_violation(
                    rule_codes::ASSESSMENT_PUBLISHED,
                    "W2 step 5, R-S8",
                    Some("command.suggestion"),
                    Some(suggestion.to_string()),
                    format!("the quality assessment of `{suggestion}` was announced on {p}"),
                ));
            }
            if k.quality.iter().any(|q| &q.deputy == deputy) {
                return Err(RendaError::AlreadyExists {
                    entity: "quality rating",
                    id: format!("{suggestion}/{deputy}"),
                });
            }
            st.rules_for(book, s, date)?;
            Ok(vec![EventKind::KeyQualityRated {
                suggestion: suggestion.clone(),
                deputy: deputy.clone(),
                rating: *rating,
                recorded_by: actor.role,
            }])
        }
        Command::PublishKeyAssessment { suggestion } => {
            let s = st.suggestion(suggestion)?;
            let k = require_key(st, suggestion, "command.suggestion", "W2 step 5, R-S8")?;
            if k.published_on.is_some() {
                return Err(RendaError::AlreadyExists {
                    entity: "key assessment publication",
                    id: suggestion.to_string(),
                });
            }
            if k.quality.is_empty() {
                return Err(RendaError::rule_violation(
                    rule_codes::NO_QUALITY_RATINGS,
                    "W2 step 5, R-S8",
                    Some("command.suggestion"),
                    Some(suggestion.to_string()),
                    format!("no deputy has rated the quality of `{suggestion}` yet"),
                ));
            }
            st.rules_for(book, s, date)?;
            Ok(vec![EventKind::KeyAssessmentPublished {
                suggestion: suggestion.clone(),
            }])
        }
        Command::RecordKeyOutcome {
            suggestion,
            outcome,
        } => {
            let s = st.suggestion(suggestion)?;
            let k = require_key(st, suggestion, "command.suggestion", "W2 step 6")?;
            if s.replies.is_empty() {
                return Err(transition(s, "record the outcome of", "W2 step 6"));
            }
            if k.outcomes.last().map(|o| o.outcome) == Some(*outcome) {
                return Err(RendaError::AlreadyExists {
                    entity: "key outcome",
                    id: format!("{suggestion}/{}", wire(outcome)),
                });
            }
            st.rules_for(book, s, date)?;
            Ok(vec![EventKind::KeyOutcomeRecorded {
                suggestion: suggestion.clone(),
                outcome: *outcome,
            }])
        }
        _ => unreachable!("key_suggestion::decide is only called with key-suggestion commands"),
    }
}

fn wire<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn names(list: &[KeyDesignator]) -> String {
    if list.is_empty() {
        return "nobody".into();
    }
    list.iter().map(wire).collect::<Vec<_>>().join(", ")
}

#[allow(clippy::too_many_arguments)]
fn decide_meeting(
    st: &State,
    book: &RuleBook,
    date: NaiveDate,
    kind: KeyMeetingKind,
    suggestions: &[SuggestionId],
    organs: &[Organ],
    deputies: &[DeputyId],
    on_the_spot: &[OnTheSpotRating],
) -> Result<Vec<EventKind>> {
    const ORDER_RULE: &str = "W2, R-S14 (three-meeting model [002:L287])";
    if suggestions.is_empty() {
        return Err(RendaError::InvalidField {
            field: "command.suggestions".into(),
            value: "[]".into(),
            reason: "must name at least one key suggestion".into(),
        });
    }
    let mut all_organs_needed = false;
    let mut records = Vec::with_capacity(suggestions.len());
    for (i, id) in suggestions.iter().enumerate() {
        let field = format!("command.suggestions[{i}]");
        if suggestions[..i].contains(id) {
            return Err(duplicate(field, id.to_string(), "suggestion"));
        }
        let s = suggestion_at(st, id, &field)?;
        if matches!(
            s.status,
            SuggestionStatus::Withdrawn | SuggestionStatus::Rejected
        ) {
            return Err(transition(s, "hold a key meeting on", "W2"));
        }
        require_key(st, id, &field, "W2 step 2, R-S7")?;
        let rules = st.rules_for(book, s, date)?;
        all_organs_needed |= rules.key.assignment_meeting_needs_all_organs;
        records.push((field, s));
    }
    for (i, o) in organs.iter().enumerate() {
        if organs[..i].contains(o) {
            return Err(duplicate(
                format!("command.organs[{i}]"),
                o.as_str().into(),
                "organ",
            ));
        }
    }
    for (i, d) in deputies.iter().enumerate() {
        let field = format!("command.deputies[{i}]");
        st.deputy(d, &field)?;
        if deputies[..i].contains(d) {
            return Err(duplicate(field, d.to_string(), "deputy"));
        }
    }
    // The order of the three-meeting model, per suggestion.
    for (field, s) in &records {
        let held = stages(st, &s.id);
        let (ok, why) = match kind {
            KeyMeetingKind::Assignment => (
                !(held.assignment || held.before || held.during || held.after),
                "the assignment meeting comes first and is held once",
            ),
            KeyMeetingKind::BeforeHandling => (
                held.assignment && !(held.before || held.during || held.after),
                "the meeting before handling follows the assignment meeting and is held once",
            ),
            KeyMeetingKind::Progress | KeyMeetingKind::Supervision => (
                held.before && !held.after,
                "progress and supervision meetings fall between the meeting before handling and the results meeting",
            ),
            KeyMeetingKind::AfterHandling => (
                held.before && !held.after && !s.replies.is_empty(),
                "the results meeting follows the meeting before handling and the unit's reply, and is held once",
            ),
        };
        if !ok {
            return Err(RendaError::rule_violation(
                rule_codes::MEETING_OUT_OF_ORDER,
                ORDER_RULE,
                Some(field),
                Some(s.id.to_string()),
                format!(
                    "cannot hold the {} meeting for `{}` now: {why}",
                    kind.as_str(),
                    s.id
                ),
            ));
        }
    }
    match kind {
        KeyMeetingKind::Assignment if all_organs_needed => {
            let missing: Vec<&str> = [Organ::Government, Organ::Court, Organ::Procuratorate]
                .into_iter()
                .filter(|o| !organs.contains(o))
                .map(Organ::as_str)
                .collect();
            if !missing.is_empty() {
                return Err(RendaError::rule_violation(
                    rule_codes::ORGANS_MISSING,
                    "R-S7",
                    Some("command.organs"),
                    Some(missing.join(",")),
                    format!(
                        "the heads of the government, the court and the procuratorate attend the assignment meeting; missing: {}",
                        missing.join(", ")
                    ),
                ));
            }
        }
        KeyMeetingKind::BeforeHandling => {
            if !organs.contains(&Organ::HandlingUnit) {
                return Err(RendaError::rule_violation(
                    rule_codes::ORGANS_MISSING,
                    "R-S14",
                    Some("command.organs"),
                    Some(Organ::HandlingUnit.as_str().into()),
                    "the lead handling unit meets the lead deputy before handling",
                ));
            }
            for (_, s) in &records {
                if !deputies.contains(&s.lead) {
                    return Err(RendaError::rule_violation(
                        rule_codes::ORGANS_MISSING,
                        "R-S14",
                        Some("command.deputies"),
                        Some(s.lead.to_string()),
                        format!(
                            "the lead deputy `{}` of `{}` attends the meeting before handling",
                            s.lead, s.id
                        ),
                    ));
                }
            }
        }
        _ => {}
    }
    if !on_the_spot.is_empty() && kind != KeyMeetingKind::Supervision {
        return Err(RendaError::rule_violation(
            rule_codes::ON_THE_SPOT_ONLY_AT_SUPERVISION,
            "W2 step 4",
            Some("command.on_the_spot"),
            Some(kind.as_str().into()),
            "deputies rate on the spot only at a supervision meeting",
        ));
    }
    for (i, r) in on_the_spot.iter().enumerate() {
        let field = format!("command.on_the_spot[{i}].deputy");
        if on_the_spot[..i].iter().any(|o| o.deputy == r.deputy) {
            return Err(duplicate(field, r.deputy.to_string(), "deputy"));
        }
        let proposer = records.iter().any(|(_, s)| s.is_proposer(&r.deputy));
        if !proposer || !deputies.contains(&r.deputy) {
            return Err(RendaError::rule_violation(
                rule_codes::RATER_NOT_ATTENDING_PROPOSER,
                "W2 step 4",
                Some(&field),
                Some(r.deputy.to_string()),
                format!(
                    "deputy `{}` must attend and be a proposer of a suggestion on the agenda to rate on the spot",
                    r.deputy
                ),
            ));
        }
    }
    Ok(vec![EventKind::KeyMeetingHeld {
        meeting: kind,
        suggestions: suggestions.to_vec(),
        organs: organs.to_vec(),
        deputies: deputies.to_vec(),
        on_the_spot: on_the_spot.to_vec(),
    }])
}

fn key_record<'a>(state: &'a mut State, id: &SuggestionId) -> Result<&'a mut KeySuggestion> {
    state
        .key_suggestions
        .get_mut(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "key suggestion",
            id: id.to_string(),
            field: "event.suggestion".into(),
        })
}

fn known_suggestion(state: &State, id: &SuggestionId) -> Result<()> {
    if state.suggestions.contains_key(id) {
        Ok(())
    } else {
        Err(RendaError::NotFound {
            entity: "suggestion",
            id: id.to_string(),
            field: "event.suggestion".into(),
        })
    }
}

/// Applies an event of the key-suggestion family. Safe on hostile logs: a dangling reference
/// is `not_found`, never a panic.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::KeySuggestionRecommended {
            suggestion,
            by,
            reason,
        } => {
            known_suggestion(state, suggestion)?;
            state
                .key_suggestions
                .entry(suggestion.clone())
                .or_insert_with(|| KeySuggestion::new(suggestion.clone()))
                .recommendations
                .push(KeyRecommendation {
                    by: by.clone(),
                    reason: reason.clone(),
                    on: date,
                });
        }
        EventKind::KeySuggestionDesignated {
            suggestion,
            leader,
            by,
        } => {
            known_suggestion(state, suggestion)?;
            state
                .key_suggestions
                .entry(suggestion.clone())
                .or_insert_with(|| KeySuggestion::new(suggestion.clone()))
                .designation = Some(KeyDesignation {
                leader: leader.clone(),
                by: *by,
                on: date,
            });
        }
        EventKind::KeyMeetingHeld {
            meeting,
            suggestions,
            organs,
            deputies,
            on_the_spot,
        } => {
            for s in suggestions {
                key_record(state, s)?;
            }
            for d in deputies.iter().chain(on_the_spot.iter().map(|r| &r.deputy)) {
                state.deputy(d, "event.deputies")?;
            }
            state.key_meetings.push(KeyMeeting {
                kind: *meeting,
                on: date,
                suggestions: suggestions.clone(),
                organs: organs.clone(),
                deputies: deputies.clone(),
                on_the_spot: on_the_spot.clone(),
            });
        }
        EventKind::KeyQualityRated {
            suggestion,
            deputy,
            rating,
            recorded_by,
        } => {
            state.deputy(deputy, "event.deputy")?;
            key_record(state, suggestion)?.quality.push(QualityRating {
                deputy: deputy.clone(),
                rating: *rating,
                on: date,
                recorded_by: *recorded_by,
            });
        }
        EventKind::KeyAssessmentPublished { suggestion } => {
            key_record(state, suggestion)?.published_on = Some(date);
        }
        EventKind::KeyOutcomeRecorded {
            suggestion,
            outcome,
        } => {
            key_record(state, suggestion)?
                .outcomes
                .push(KeyOutcomeRecord {
                    outcome: *outcome,
                    on: date,
                });
        }
        _ => unreachable!("key_suggestion::apply is only called with key-suggestion events"),
    }
    Ok(())
}

impl State {
    /// The references of the key-suggestion records and meetings.
    pub(crate) fn validate_key_suggestions(&self) -> Result<()> {
        for (id, k) in &self.key_suggestions {
            if &k.suggestion != id {
                return Err(RendaError::InvalidField {
                    field: "state.key_suggestions".into(),
                    value: id.to_string(),
                    reason: "the record's id differs from its key".into(),
                });
            }
            if !self.suggestions.contains_key(id) {
                return Err(RendaError::NotFound {
                    entity: "suggestion",
                    id: id.to_string(),
                    field: "state.key_suggestions".into(),
                });
            }
            for q in &k.quality {
                self.deputy(&q.deputy, "state.key_suggestions.quality.deputy")?;
            }
        }
        for m in &self.key_meetings {
            for s in &m.suggestions {
                if !self.key_suggestions.contains_key(s) {
                    return Err(RendaError::NotFound {
                        entity: "key suggestion",
                        id: s.to_string(),
                        field: "state.key_meetings.suggestions".into(),
                    });
                }
            }
            for d in m
                .deputies
                .iter()
                .chain(m.on_the_spot.iter().map(|r| &r.deputy))
            {
                self.deputy(d, "state.key_meetings.deputies")?;
            }
        }
        Ok(())
    }
}

/// Meetings held, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyMeetingCounts {
    /// Assignment meetings.
    pub assignment: u64,
    /// Meetings before handling.
    pub before_handling: u64,
    /// Progress meetings.
    pub progress: u64,
    /// Supervision meetings.
    pub supervision: u64,
    /// Results meetings.
    pub after_handling: u64,
}

/// Latest outcomes of the key suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyOutcomeCounts {
    /// Solved.
    pub solved: u64,
    /// Major progress.
    pub major_progress: u64,
    /// Progressing.
    pub progressing: u64,
    /// Not solved.
    pub not_solved: u64,
    /// No outcome heard yet.
    pub not_recorded: u64,
}

/// The announced back-to-back assessments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAssessmentFigures {
    /// Key suggestions whose assessment was announced by the date.
    pub published: u64,
    /// Their quality ratings.
    pub ratings: Ratings,
    /// Satisfied or basically satisfied over all those ratings.
    pub satisfaction_rate: Rate,
}

/// The key-suggestion figures of a congress as of a date (W2; S001-15).
///
/// ```
/// use renda::Ledger;
/// let l = Ledger::new(Default::default());
/// let e = l.key_figures(&"hd".parse().unwrap(), "2024-12-31".parse().unwrap()).unwrap_err();
/// assert_eq!(e.code(), "not_found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFigures {
    /// The congress.
    pub congress: CongressId,
    /// The date (end of day, China time).
    pub as_of: NaiveDate,
    /// Suggestions recommended by the date.
    pub recommended: u64,
    /// Suggestions designated key by the date.
    pub designated: u64,
    /// Meetings held by the date on the congress's key suggestions, by kind.
    pub meetings: KeyMeetingCounts,
    /// Latest outcomes of the key suggestions.
    pub outcomes: KeyOutcomeCounts,
    /// Solved or major progress over designated (S001-15: 5 of 5).
    pub solved_or_major_progress_rate: Rate,
    /// Ratings given on the spot at supervision meetings.
    pub on_the_spot: Ratings,
    /// The announced back-to-back assessments (ratings not yet announced are not counted).
    pub assessment: KeyAssessmentFigures,
}

/// One suggestion's back-to-back quality assessment as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAssessment {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// The day it was announced, if by the date.
    pub published_on: Option<NaiveDate>,
    /// The ratings the reader may see, given by the date.
    pub ratings: Vec<QualityRating>,
    /// Their counts.
    pub counts: Ratings,
    /// Satisfied or basically satisfied over those ratings.
    pub satisfaction_rate: Rate,
}

fn count(r: &mut Ratings, s: Satisfaction) {
    match s {
        Satisfaction::Satisfied => r.satisfied += 1,
        Satisfaction::BasicallySatisfied => r.basically_satisfied += 1,
        Satisfaction::Dissatisfied => r.dissatisfied += 1,
    }
}

fn satisfaction_rate(r: &Ratings) -> Rate {
    Rate::new(
        r.satisfied + r.basically_satisfied,
        r.satisfied + r.basically_satisfied + r.dissatisfied,
    )
}

/// Whether `reader` sees quality ratings before the congress announces them (R-S8): the
/// office, the standing committee, the director meeting and admins see all; a deputy their
/// own; nobody else (handling units and the government office above all).
///
/// ```
/// use renda::{key_suggestion::sees_unannounced_rating, Actor, Role, DeputyId};
/// let d: DeputyId = "D1".parse().unwrap();
/// assert!(sees_unannounced_rating(&Actor::new(Role::DeputyAffairsOffice, "o").unwrap(), &d));
/// assert!(sees_unannounced_rating(&Actor::new(Role::Deputy, "D1").unwrap(), &d));
/// assert!(!sees_unannounced_rating(&Actor::new(Role::Deputy, "D2").unwrap(), &d));
/// assert!(!sees_unannounced_rating(&Actor::new(Role::HandlingUnit, "edu").unwrap(), &d));
/// ```
pub fn sees_unannounced_rating(reader: &Actor, deputy: &DeputyId) -> bool {
    match reader.role {
        Role::Admin
        | Role::DeputyAffairsOffice
        | Role::StandingCommittee
        | Role::DirectorMeeting => true,
        Role::Deputy => reader.id.as_str() == deputy.as_str(),
        _ => false,
    }
}

impl Ledger {
    /// The key-suggestion figures of `congress` as of the end of `as_of` (W2, S001-15).
    pub fn key_figures(&self, congress: &CongressId, as_of: NaiveDate) -> Result<KeyFigures> {
        self.key_figures_of(congress, as_of, |_| true)
    }

    /// [`Self::key_figures`] over the suggestions of `congress` that pass `keep` (the annual
    /// report keeps those submitted in its period).
    pub(crate) fn key_figures_of(
        &self,
        congress: &CongressId,
        as_of: NaiveDate,
        keep: impl Fn(&crate::suggestion::Suggestion) -> bool,
    ) -> Result<KeyFigures> {
        let st = self.state();
        st.congress(congress, "congress")?;
        let of_congress = |id: &SuggestionId| {
            st.suggestions
                .get(id)
                .is_some_and(|s| &s.congress == congress && keep(s))
        };
        let mut f = KeyFigures {
            congress: congress.clone(),
            as_of,
            recommended: 0,
            designated: 0,
            meetings: KeyMeetingCounts::default(),
            outcomes: KeyOutcomeCounts::default(),
            solved_or_major_progress_rate: Rate::new(0, 0),
            on_the_spot: Ratings::default(),
            assessment: KeyAssessmentFigures {
                published: 0,
                ratings: Ratings::default(),
                satisfaction_rate: Rate::new(0, 0),
            },
        };
        for k in st.key_suggestions.values() {
            if !of_congress(&k.suggestion) {
                continue;
            }
            f.recommended += u64::from(k.recommended_by(as_of));
            if !k.designated_by(as_of) {
                continue;
            }
            f.designated += 1;
            match k.outcome_on(as_of) {
                Some(KeyOutcome::Solved) => f.outcomes.solved += 1,
                Some(KeyOutcome::MajorProgress) => f.outcomes.major_progress += 1,
                Some(KeyOutcome::Progressing) => f.outcomes.progressing += 1,
                Some(KeyOutcome::NotSolved) => f.outcomes.not_solved += 1,
                None => f.outcomes.not_recorded += 1,
            }
            if k.published_by(as_of) {
                f.assessment.published += 1;
                for q in k.quality.iter().filter(|q| q.on <= as_of) {
                    count(&mut f.assessment.ratings, q.rating);
                }
            }
        }
        for m in st.key_meetings.iter().filter(|m| m.on <= as_of) {
            if !m.suggestions.iter().any(&of_congress) {
                continue;
            }
            let c = &mut f.meetings;
            match m.kind {
                KeyMeetingKind::Assignment => c.assignment += 1,
                KeyMeetingKind::BeforeHandling => c.before_handling += 1,
                KeyMeetingKind::Progress => c.progress += 1,
                KeyMeetingKind::Supervision => c.supervision += 1,
                KeyMeetingKind::AfterHandling => c.after_handling += 1,
            }
            for r in &m.on_the_spot {
                count(&mut f.on_the_spot, r.rating);
            }
        }
        f.solved_or_major_progress_rate =
            Rate::new(f.outcomes.solved + f.outcomes.major_progress, f.designated);
        f.assessment.satisfaction_rate = satisfaction_rate(&f.assessment.ratings);
        Ok(f)
    }

    /// The back-to-back quality assessment of a key suggestion as of the end of `as_of`, for a
    /// trusted back end (every rating given by then).
    pub fn key_assessment(
        &self,
        suggestion: &SuggestionId,
        as_of: NaiveDate,
    ) -> Result<KeyAssessment> {
        let k = self.key_of(suggestion)?;
        Ok(assessment(k, as_of, |_| true))
    }

    /// The back-to-back quality assessment as `reader` may see it (R-S8, §6.2 visibility):
    /// before it is announced ([`Command::PublishKeyAssessment`] on or before `as_of`) the
    /// office, the standing committee, the director meeting and admins see every rating, a
    /// deputy their own, and everyone else (handling units and the government office above
    /// all) gets `not_published`. Once announced, everyone sees every rating; a third-party
    /// evaluator only for a suggestion in its sample (`not_party` otherwise).
    ///
    /// ```
    /// use renda::{Actor, Ledger, Role};
    /// let l = Ledger::new(Default::default());
    /// let unit = Actor::new(Role::HandlingUnit, "edu").unwrap();
    /// let e = l.key_assessment_as(&unit, &"S1".parse().unwrap(), "2024-12-31".parse().unwrap());
    /// assert_eq!(e.unwrap_err().code(), "not_found");
    /// ```
    pub fn key_assessment_as(
        &self,
        reader: &Actor,
        suggestion: &SuggestionId,
        as_of: NaiveDate,
    ) -> Result<KeyAssessment> {
        let k = self.key_of(suggestion)?;
        if reader.role == Role::ThirdPartyEvaluator {
            self.require_in_sample(reader, suggestion)?;
        }
        if k.published_by(as_of) {
            return Ok(assessment(k, as_of, |_| true));
        }
        match reader.role {
            Role::Admin
            | Role::DeputyAffairsOffice
            | Role::StandingCommittee
            | Role::DirectorMeeting
            | Role::Deputy => Ok(assessment(k, as_of, |q| {
                sees_unannounced_rating(reader, &q.deputy)
            })),
            _ => {
                let congress = self
                    .state()
                    .suggestion(suggestion)
                    .map(|s| s.congress.to_string())
                    .unwrap_or_default();
                Err(RendaError::NotPublished {
                    what: "the back-to-back quality assessment",
                    role: reader.role.as_str().to_string(),
                    congress,
                    as_of: as_of.to_string(),
                    published: k
                        .published_on
                        .map_or_else(|| "none".into(), |p| p.to_string()),
                })
            }
        }
    }

    fn key_of(&self, suggestion: &SuggestionId) -> Result<&KeySuggestion> {
        self.state()
            .suggestion(suggestion)
            .map_err(|_| RendaError::NotFound {
                entity: "suggestion",
                id: suggestion.to_string(),
                field: "suggestion".into(),
            })?;
        self.state()
            .key_suggestions
            .get(suggestion)
            .filter(|k| k.is_key())
            .ok_or_else(|| RendaError::NotFound {
                entity: "key suggestion",
                id: suggestion.to_string(),
                field: "suggestion".into(),
            })
    }
}

fn assessment(
    k: &KeySuggestion,
    as_of: NaiveDate,
    visible: impl Fn(&QualityRating) -> bool,
) -> KeyAssessment {
    let ratings: Vec<QualityRating> = k
        .quality
        .iter()
        .filter(|q| q.on <= as_of && visible(q))
        .cloned()
        .collect();
    let mut counts = Ratings::default();
    for q in &ratings {
        count(&mut counts, q.rating);
    }
    KeyAssessment {
        suggestion: k.suggestion.clone(),
        published_on: k.published_on.filter(|p| *p <= as_of),
        satisfaction_rate: satisfaction_rate(&counts),
        counts,
        ratings,
    }
}

/// Whether `e` names a suggestion outside `sample` (for a third-party evaluator's view).
fn outside_sample(e: &EventKind, sample: &std::collections::BTreeSet<SuggestionId>) -> bool {
    let id = match e {
        EventKind::SuggestionSubmitted { suggestion, .. }
        | EventKind::SuggestionRevised { suggestion, .. }
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
        | EventKind::SuggestionClosed { suggestion, .. }
        | EventKind::KeySuggestionRecommended { suggestion, .. }
        | EventKind::KeySuggestionDesignated { suggestion, .. }
        | EventKind::KeyQualityRated { suggestion, .. }
        | EventKind::KeyAssessmentPublished { suggestion }
        | EventKind::KeyOutcomeRecorded { suggestion, .. }
        | EventKind::SupervisionStarted { suggestion, .. }
        | EventKind::SupervisionEnded { suggestion, .. }
        | EventKind::SupervisionMonitorAppointed { suggestion, .. } => suggestion,
        EventKind::KeyMeetingHeld { suggestions, .. } => {
            return !suggestions.iter().any(|s| sample.contains(s))
        }
        _ => return false,
    };
    !sample.contains(id)
}

impl Ledger {
    /// Removes from a reader's view of the state what the key-suggestion, supervision and
    /// evaluation families hide from them ([`crate::visibility`]): quality ratings not yet
    /// announced (R-S8; [`sees_unannounced_rating`]) and, for a third-party evaluator,
    /// every suggestion outside the samples of its evaluations and every other evaluation
    /// (W3).
    pub(crate) fn redact_key_supervision(&self, reader: &Actor, view: &mut State) {
        for k in view.key_suggestions.values_mut() {
            if k.published_on.is_none() {
                k.quality
                    .retain(|q| sees_unannounced_rating(reader, &q.deputy));
            }
        }
        if reader.role != Role::ThirdPartyEvaluator {
            return;
        }
        let sample = crate::handling_evaluation::sample_of(self.state(), &reader.id);
        view.suggestions.retain(|id, _| sample.contains(id));
        view.key_suggestions.retain(|id, _| sample.contains(id));
        view.supervision.retain(|id, _| sample.contains(id));
        view.key_meetings.retain_mut(|m| {
            m.suggestions.retain(|s| sample.contains(s));
            !m.suggestions.is_empty()
        });
        view.handling_evaluations
            .retain(|_, e| e.evaluator.as_ref() == Some(&reader.id));
        view.class_cases.retain(|_, c| {
            c.members.retain(|m| sample.contains(&m.suggestion));
            !c.members.is_empty()
        });
    }

    /// Which events `reader` may see as far as these families are concerned (see
    /// [`Ledger::redact_key_supervision`]).
    pub(crate) fn key_supervision_event_filter<'a>(
        &'a self,
        reader: &'a Actor,
    ) -> impl Fn(&crate::event::Event) -> bool + 'a {
        let st = self.state();
        let sample = (reader.role == Role::ThirdPartyEvaluator)
            .then(|| crate::handling_evaluation::sample_of(st, &reader.id));
        move |e| {
            if let EventKind::KeyQualityRated {
                suggestion, deputy, ..
            } = &e.event
            {
                let announced = st
                    .key_suggestions
                    .get(suggestion)
                    .is_some_and(|k| k.published_on.is_some());
                if !announced && !sees_unannounced_rating(reader, deputy) {
                    return false;
                }
            }
            let Some(sample) = &sample else {
                return true;
            };
            match &e.event {
                EventKind::HandlingEvaluationPlanned { evaluation, .. }
                | EventKind::HandlingEvaluatorCommissioned { evaluation, .. }
                | EventKind::HandlingEvaluationReported { evaluation, .. }
                | EventKind::HandlingEvaluationDistributed { evaluation }
                | EventKind::HandlingEvaluationUseDecided { evaluation, .. } => st
                    .handling_evaluations
                    .get(evaluation)
                    .is_some_and(|ev| ev.evaluator.as_ref() == Some(&reader.id)),
                // Class cases (W1 step 4): only those that hold a suggestion of the sample.
                EventKind::ClassCaseFormed { suggestions, .. } => {
                    suggestions.iter().any(|s| sample.contains(s))
                }
                EventKind::ClassCaseJoined { suggestion, .. }
                | EventKind::ClassCaseSplit { suggestion, .. } => sample.contains(suggestion),
                EventKind::ClassCaseDissolved { group } => st
                    .class_cases
                    .get(group)
                    .is_some_and(|c| c.members.iter().any(|m| sample.contains(&m.suggestion))),
                other => !outside_sample(other, sample),
            }
        }
    }
}
