//! Flat tables of the deputy family, one record per row, ready for a DataFrame (Python
//! `pandas.DataFrame(ledger.deputies())`) or a JS table: deputies, activity participations,
//! voter issues and points.
//!
//! Rosters are public views (issue 3 item 8): no record here carries personal data (phone,
//! ID number, address), whoever reads it; those stay in [`crate::registry::Contact`], visible
//! only through [`crate::Ledger::state_as`] to those who may see them (domain §6).

use crate::activity::{ActivityKind, DebriefScope};
use crate::deputy::{CommitteePost, DeputyStatus, Education, Gender, Mandate, Party};
use crate::ids::{ActivityId, CongressId, DeputyId, PersonId, StationId, VoterIssueId};
use crate::state::State;
use chrono::NaiveDate;
use serde::Serialize;

/// One deputy, flattened, with the status on the table's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeputyRecord {
    /// Id.
    pub id: DeputyId,
    /// Congress.
    pub congress: CongressId,
    /// Name.
    pub name: String,
    /// Status on the table's date.
    pub status: DeputyStatus,
    /// First day in office.
    pub elected_on: NaiveDate,
    /// Elected or by-elected.
    pub mandate: Mandate,
    /// The same person elsewhere.
    pub person: Option<PersonId>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Education.
    pub education: Option<Education>,
    /// Re-elected.
    pub re_elected: Option<bool>,
    /// Resident-unit deputy.
    pub resident_unit: Option<bool>,
    /// Party status.
    pub party: Option<Party>,
    /// `constituency` or `electoral_unit`.
    pub elected_by_kind: Option<&'static str>,
    /// Its name.
    pub elected_by: Option<String>,
    /// Delegation.
    pub delegation: Option<String>,
    /// Groups.
    pub groups: Vec<String>,
    /// Work unit.
    pub work_unit: Option<String>,
    /// The homes and stations the deputy is assigned to now (assignments keep no history).
    pub stations: Vec<StationId>,
    /// Standing-committee post on the table's date, if a member then and still now (a
    /// member whose qualification ended has left the committee).
    pub committee_post: Option<CommitteePost>,
}

/// The deputies (ordered by id) with their status on `as_of`.
///
/// ```
/// let mut l = renda::Ledger::new(Default::default());
/// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
///   "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
/// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
///   "deputy":"D1","congress":"hd","name":"王丽","contact":{"phone":"13800000000"},"profile":{"education":"master"}}}"#).unwrap();
/// let rows = renda::roster::deputies(l.state(), "2024-06-30".parse().unwrap());
/// assert_eq!(rows[0].education, Some(renda::deputy::Education::Master));
/// assert!(!serde_json::to_string(&rows).unwrap().contains("13800000000"));
/// ```
pub fn deputies(state: &State, as_of: NaiveDate) -> Vec<DeputyRecord> {
    state
        .deputies
        .values()
        .filter_map(|d| {
            let c = state.congresses.get(&d.congress)?;
            let p = &d.profile;
            Some(DeputyRecord {
                id: d.id.clone(),
                congress: d.congress.clone(),
                name: d.name.clone(),
                status: d.status_on(c, as_of),
                elected_on: d.first_day(c),
                mandate: d.mandate,
                person: p.person.clone(),
                gender: p.gender,
                education: p.education,
                re_elected: p.re_elected,
                resident_unit: p.resident_unit,
                party: p.party,
                elected_by_kind: p.elected_by.as_ref().map(|e| match e {
                    crate::deputy::ElectedBy::Constituency(_) => "constituency",
                    crate::deputy::ElectedBy::ElectoralUnit(_) => "electoral_unit",
                }),
                elected_by: p.elected_by.as_ref().map(|e| e.name().to_string()),
                delegation: p.delegation.clone(),
                groups: p.groups.clone(),
                work_unit: p.work_unit.clone(),
                stations: d.stations.clone(),
                committee_post: state
                    .committee_members
                    .get(&d.id)
                    .filter(|m| m.from <= as_of)
                    .map(|m| m.post),
            })
        })
        .collect()
}

/// One deputy's participation in one activity (long format: an activity with three
/// participants gives three rows, so counting rows counts person-times, 人次).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipationRecord {
    /// The activity.
    pub activity: ActivityId,
    /// The congress that recorded it.
    pub congress: CongressId,
    /// Kind.
    pub kind: ActivityKind,
    /// Day.
    pub on: NaiveDate,
    /// Title.
    pub title: String,
    /// The participating deputy.
    pub deputy: DeputyId,
    /// The deputy's own congress (participants come from any level).
    pub deputy_congress: CongressId,
    /// Where.
    pub station: Option<StationId>,
    /// Voters received at the activity (repeated on each participant's row).
    pub voters_received: u32,
    /// Opinions collected at the activity (repeated on each participant's row).
    pub opinions_collected: u32,
    /// For a debrief, which one.
    pub debrief: Option<DebriefScope>,
}

/// Every participation, ordered by activity day, activity id and participant order.
pub fn participations(state: &State) -> Vec<ParticipationRecord> {
    let mut acts: Vec<_> = state.activities.values().collect();
    acts.sort_by(|a, b| (a.on, &a.id).cmp(&(b.on, &b.id)));
    acts.into_iter()
        .flat_map(|a| {
            a.participants.iter().filter_map(move |p| {
                let d = state.deputies.get(p)?;
                Some(ParticipationRecord {
                    activity: a.id.clone(),
                    congress: a.congress.clone(),
                    kind: a.kind,
                    on: a.on,
                    title: a.title.clone(),
                    deputy: p.clone(),
                    deputy_congress: d.congress.clone(),
                    station: a.station.clone(),
                    voters_received: a.voters_received,
                    opinions_collected: a.opinions_collected,
                    debrief: a.debrief,
                })
            })
        })
        .collect()
}

/// One voter issue, flattened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoterIssueRecord {
    /// Id.
    pub id: VoterIssueId,
    /// Congress.
    pub congress: CongressId,
    /// Day received.
    pub received_on: NaiveDate,
    /// Summary.
    pub summary: String,
    /// Receiving deputy.
    pub deputy: Option<DeputyId>,
    /// Where.
    pub station: Option<StationId>,
    /// Triage outcome (`resolved_on_site`, `forwarded_to_department`, …).
    pub outcome: Option<&'static str>,
    /// Day triaged.
    pub triaged_on: Option<NaiveDate>,
    /// The department or suggestion it went to.
    pub target: Option<String>,
    /// Day answered.
    pub answered_on: Option<NaiveDate>,
    /// Day closed.
    pub closed_on: Option<NaiveDate>,
}

/// Every voter issue, ordered by id.
pub fn voter_issues(state: &State) -> Vec<VoterIssueRecord> {
    use crate::activity::Triage;
    state
        .voter_issues
        .values()
        .map(|v| VoterIssueRecord {
            id: v.id.clone(),
            congress: v.congress.clone(),
            received_on: v.received_on,
            summary: v.summary.clone(),
            deputy: v.deputy.clone(),
            station: v.station.clone(),
            outcome: v.triage.as_ref().map(Triage::as_str),
            triaged_on: v.triaged_on,
            target: v.triage.as_ref().and_then(|t| match t {
                Triage::ForwardedToDepartment { unit } => Some(unit.to_string()),
                Triage::ConvertedToSuggestion { suggestion } => Some(suggestion.to_string()),
                _ => None,
            }),
            answered_on: v.answered_on,
            closed_on: v.closed_on,
        })
        .collect()
}
