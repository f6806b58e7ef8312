//! The deputy's performance archive (履职档案, domain §1.2; R-D3, R-D4 履职留痕; issue 3
//! item 7): everything a deputy did, derived from the ledger's state, never kept by hand.
//!
//! The archive is what re-nomination (R-D3) and the points consequences (R-D2) look at: the
//! roster record and its status history, standing-committee membership, absences, every
//! activity (including debriefs), suggestions led and co-signed, voter issues received, the
//! published points, interviews and resignation advice. It carries no personal contact data
//! (phone, ID number, address; domain §6).

use crate::activity::{Activity, VoterIssue};
use crate::deputy::{CommitteeMember, DeputyProfile, Mandate, StatusChange};
use crate::error::Result;
use crate::ids::{CongressId, DeputyId, StationId, SuggestionId, TierId};
use crate::ledger::Ledger;
use crate::period::Period;
use crate::points::{PointsRow, PublicationScope};
use crate::registry::Absence;
use crate::state::State;
use crate::suggestion::{SubmissionPeriod, SuggestionStatus};
use chrono::NaiveDate;
use serde::Serialize;

/// A home or station the deputy is assigned to.
///
/// ```
/// let s = renda::archive::ArchiveStation { station: "S1".parse().unwrap(),
///     name: "紫竹院联络站".into(), tier: "station".parse().unwrap() };
/// assert_eq!(serde_json::to_value(&s).unwrap()["tier"], "station");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveStation {
    /// The home or station.
    pub station: StationId,
    /// Its name.
    pub name: String,
    /// Its tier.
    pub tier: TierId,
}

/// A suggestion the deputy led or co-signed, with its current status.
///
/// ```
/// use renda::{archive::ArchiveSuggestion, SubmissionPeriod, SuggestionStatus};
/// let s = ArchiveSuggestion { suggestion: "S1".parse().unwrap(), congress: "hd".parse().unwrap(),
///     title: "关于增加幼儿园学位的建议".into(), during: SubmissionPeriod::Recess,
///     submitted_on: "2025-02-10".parse().unwrap(), status: SuggestionStatus::Submitted };
/// assert_eq!(serde_json::to_value(&s).unwrap()["status"], "submitted");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveSuggestion {
    /// The suggestion.
    pub suggestion: SuggestionId,
    /// The congress it went to.
    pub congress: CongressId,
    /// Title.
    pub title: String,
    /// During the session or in recess.
    pub during: SubmissionPeriod,
    /// Day submitted.
    pub submitted_on: NaiveDate,
    /// Current status.
    pub status: SuggestionStatus,
}

/// The deputy's row in one points publication (W6, R-D2), as published.
///
/// ```
/// use renda::{archive::ArchivePoints, points::{PointsRow, PublicationScope}};
/// let p = ArchivePoints { congress: "hd".parse().unwrap(), period: "2025".parse().unwrap(),
///     scope: PublicationScope::Congress, published_on: "2026-01-05".parse().unwrap(),
///     row: PointsRow { deputy: "D1".parse().unwrap(), points: 13, activities: 6,
///         suggestions_led: 0, suggestions_cosigned: 1, days_in_office: 313 } };
/// let v = serde_json::to_value(&p).unwrap();
/// assert_eq!((v["period"].as_str(), v["points"].as_u64()), (Some("2025"), Some(13)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchivePoints {
    /// The congress that published.
    pub congress: CongressId,
    /// The period (a quarter at a home or station, a year for the congress).
    pub period: Period,
    /// Where it was published.
    pub scope: PublicationScope,
    /// Day published.
    pub published_on: NaiveDate,
    /// The deputy's row, as frozen in the publication.
    #[serde(flatten)]
    pub row: PointsRow,
}

/// A deputy's performance archive (履职档案), derived from the state ([`archive`]).
///
/// ```
/// let mut l = renda::Ledger::new(Default::default());
/// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///   "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
/// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
///   "deputy":"D1","congress":"hd","name":"王丽"}}"#).unwrap();
/// let v = serde_json::to_value(l.archive(&"D1".parse().unwrap()).unwrap()).unwrap();
/// assert_eq!(v["first_day"], "2021-11-01");
/// assert_eq!(v["activities"], serde_json::json!([]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Archive {
    /// The deputy.
    pub deputy: DeputyId,
    /// Name.
    pub name: String,
    /// The congress the deputy sits in.
    pub congress: CongressId,
    /// Roster attributes (domain §1.2).
    pub profile: DeputyProfile,
    /// First day in office (the election or by-election; else the first day of the term).
    pub first_day: NaiveDate,
    /// How the deputy came into office.
    pub mandate: Mandate,
    /// Status changes after taking office (suspension, reinstatement, termination), in order.
    pub history: Vec<StatusChange>,
    /// A written resignation handed in and not yet decided (L-9).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resignation_submitted: Option<NaiveDate>,
    /// Standing-committee membership, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committee: Option<CommitteeMember>,
    /// Absences from sessions of the congress (L-11), in the order recorded.
    pub absences: Vec<Absence>,
    /// The homes and stations the deputy is assigned to now.
    pub stations: Vec<ArchiveStation>,
    /// Every activity the deputy took part in (debriefs included), by date then id.
    pub activities: Vec<Activity>,
    /// Suggestions led (领衔), by submission date then id.
    pub suggestions_led: Vec<ArchiveSuggestion>,
    /// Suggestions co-signed (附议), by submission date then id.
    pub suggestions_cosigned: Vec<ArchiveSuggestion>,
    /// Voter issues the deputy received (W7), by date received then id.
    pub voter_issues: Vec<VoterIssue>,
    /// The deputy's rows in every points publication that lists them, in publication order.
    pub points: Vec<ArchivePoints>,
    /// Days of interviews (约谈, R-D2).
    pub interviews: Vec<NaiveDate>,
    /// Day the standing committee advised the deputy to resign (劝辞, R-D2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resignation_advised: Option<NaiveDate>,
}

/// The performance archive of `deputy` (R-D4): everything recorded about what the deputy did,
/// collected from the state. Activities count from any congress (a city deputy's visit to a
/// district home is in the city deputy's archive), whatever the deputy's status on the day.
/// Personal contact data is left out. Unknown deputy: `not_found`.
///
/// ```
/// use renda::Ledger;
/// let mut l = Ledger::new(Default::default());
/// for c in [
///   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///     "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
///   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
///     "deputy":"D1","congress":"hd","name":"王丽","contact":{"phone":"13800000000"}}}"#,
///   r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D1"},"command":{"type":"submit_suggestion",
///     "suggestion":"S1","congress":"hd","title":"关于增加幼儿园学位的建议","lead":"D1","during":"session"}}"#,
///   r#"{"at":"2024-03-05","actor":{"role":"deputy","id":"D1"},"command":{"type":"record_activity",
///     "activity":"A1","congress":"hd","kind":"research","on":"2024-03-05","title":"调研","participants":["D1"]}}"#,
/// ] { l.execute_json(c).unwrap(); }
/// let a = renda::archive::archive(l.state(), &"D1".parse().unwrap()).unwrap();
/// assert_eq!(a.suggestions_led[0].title, "关于增加幼儿园学位的建议");
/// assert_eq!(a.activities[0].id.as_str(), "A1");
/// assert!(!serde_json::to_string(&a).unwrap().contains("13800000000"));
/// ```
pub fn archive(state: &State, deputy: &DeputyId) -> Result<Archive> {
    let d = state.deputy(deputy, "deputy")?;
    let c = state.congress(&d.congress, "deputy.congress")?;

    let stations = d
        .stations
        .iter()
        .filter_map(|id| state.stations.get(id))
        .map(|s| ArchiveStation {
            station: s.id.clone(),
            name: s.name.clone(),
            tier: s.tier.clone(),
        })
        .collect();

    let mut activities: Vec<Activity> = state
        .activities
        .values()
        .filter(|a| a.participants.contains(deputy))
        .cloned()
        .collect();
    activities.sort_by(|a, b| (a.on, &a.id).cmp(&(b.on, &b.id)));

    let entry = |s: &crate::suggestion::Suggestion| ArchiveSuggestion {
        suggestion: s.id.clone(),
        congress: s.congress.clone(),
        title: s.title.clone(),
        during: s.during,
        submitted_on: s.submitted_on(),
        status: s.status,
    };
    let by_date = |list: &mut Vec<ArchiveSuggestion>| {
        list.sort_by(|a, b| (a.submitted_on, &a.suggestion).cmp(&(b.submitted_on, &b.suggestion)))
    };
    let mut suggestions_led: Vec<ArchiveSuggestion> = state
        .suggestions
        .values()
        .filter(|s| &s.lead == deputy)
        .map(entry)
        .collect();
    let mut suggestions_cosigned: Vec<ArchiveSuggestion> = state
        .suggestions
        .values()
        .filter(|s| s.cosigners.contains(deputy))
        .map(entry)
        .collect();
    by_date(&mut suggestions_led);
    by_date(&mut suggestions_cosigned);

    let mut voter_issues: Vec<VoterIssue> = state
        .voter_issues
        .values()
        .filter(|v| v.deputy.as_ref() == Some(deputy))
        .cloned()
        .collect();
    voter_issues.sort_by(|a, b| (a.received_on, &a.id).cmp(&(b.received_on, &b.id)));

    let points = state
        .points_publications
        .iter()
        .flat_map(|p| {
            p.rows
                .iter()
                .filter(|r| &r.deputy == deputy)
                .map(move |r| ArchivePoints {
                    congress: p.congress.clone(),
                    period: p.period,
                    scope: p.scope.clone(),
                    published_on: p.published_on,
                    row: r.clone(),
                })
        })
        .collect();

    Ok(Archive {
        deputy: d.id.clone(),
        name: d.name.clone(),
        congress: d.congress.clone(),
        profile: d.profile.clone(),
        first_day: d.first_day(c),
        mandate: d.mandate,
        history: d.history.clone(),
        resignation_submitted: d.resignation_submitted,
        committee: state.committee_members.get(deputy).cloned(),
        absences: d.absences.clone(),
        stations,
        activities,
        suggestions_led,
        suggestions_cosigned,
        voter_issues,
        points,
        interviews: d.interviews.clone(),
        resignation_advised: d.resignation_advised,
    })
}

impl Ledger {
    /// The performance archive (履职档案) of `deputy`, from this ledger's state; see
    /// [`archive`].
    ///
    /// ```
    /// let mut l = renda::Ledger::new(Default::default());
    /// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
    ///   "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
    /// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
    ///   "deputy":"D1","congress":"hd","name":"王丽","elected_on":"2023-06-01","mandate":"by_election"}}"#).unwrap();
    /// let a = l.archive(&"D1".parse().unwrap()).unwrap();
    /// assert_eq!(a.first_day.to_string(), "2023-06-01");
    /// assert!(a.activities.is_empty());
    /// assert_eq!(l.archive(&"D9".parse().unwrap()).unwrap_err().code(), "not_found");
    /// ```
    pub fn archive(&self, deputy: &DeputyId) -> Result<Archive> {
        archive(self.state(), deputy)
    }
}
