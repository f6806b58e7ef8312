//! The registry: congresses, deputies and handling units that the workflows refer to.
//!
//! Deputies, motions, supervision and evaluation all refer to these; later workflows add
//! attributes (terms, groups, homes and stations) without changing the identifiers.

use crate::deputy::{DeputyProfile, DeputyStatus, Mandate, StatusChange};
use crate::ids::{CongressId, DeputyId, SessionId, StationId, UnitId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The five levels of people's congress (domain §1.1).
///
/// ```
/// use renda::registry::Level;
/// assert_eq!(serde_json::to_string(&Level::County).unwrap(), "\"county\"");
/// assert_eq!(Level::Township.as_str(), "township");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 全国人民代表大会.
    National,
    /// 省、自治区、直辖市.
    Provincial,
    /// 设区的市、自治州.
    DistrictedCity,
    /// 县、自治县、不设区的市、市辖区.
    County,
    /// 乡、民族乡、镇.
    Township,
}

impl Level {
    /// All levels, from the top.
    pub const ALL: [Level; 5] = [
        Level::National,
        Level::Provincial,
        Level::DistrictedCity,
        Level::County,
        Level::Township,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Provincial => "provincial",
            Level::DistrictedCity => "districted_city",
            Level::County => "county",
            Level::Township => "township",
        }
    }
}

/// A congress at one level for one term (e.g. 北京市海淀区第十七届人民代表大会).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Congress {
    /// Identifier.
    pub id: CongressId,
    /// Name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Term number (届).
    pub term: u32,
    /// First day of the term.
    pub term_start: NaiveDate,
    /// Last day of the term.
    pub term_end: NaiveDate,
    /// Population of the area (for the deputy quota, L-7, and the standing-committee size, L-6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
}

/// A deputy of one congress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deputy {
    /// Identifier.
    pub id: DeputyId,
    /// The congress the deputy sits in.
    pub congress: CongressId,
    /// Name.
    pub name: String,
    /// Personal contact data, visible only to the office, admins and the deputy
    /// ([`crate::visibility`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Roster attributes (domain §1.2).
    #[serde(default, skip_serializing_if = "DeputyProfile::is_empty")]
    pub profile: DeputyProfile,
    /// First day in office; absent: the first day of the congress's term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elected_on: Option<NaiveDate>,
    /// How the deputy came into office.
    #[serde(default, skip_serializing_if = "is_default")]
    pub mandate: Mandate,
    /// Status changes after taking office, in date order (suspension, reinstatement,
    /// termination).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
    /// The day a written resignation was handed in and not yet decided (L-9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resignation_submitted: Option<NaiveDate>,
    /// Absences from congress sessions (L-11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
    /// The homes and stations the deputy is assigned to, at most one per tier (grid, §1.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stations: Vec<StationId>,
    /// Days of interviews (约谈) held with the deputy (R-D2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<NaiveDate>,
    /// Day the standing committee advised the deputy to resign (劝辞, R-D2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resignation_advised: Option<NaiveDate>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

impl Deputy {
    /// The first day in office: `elected_on`, or the first day of the congress's term.
    pub fn first_day(&self, congress: &Congress) -> NaiveDate {
        self.elected_on.unwrap_or(congress.term_start)
    }

    /// The status on `date` (in office, suspended, terminated, or not yet elected).
    ///
    /// ```
    /// use renda::{Ledger, deputy::DeputyStatus};
    /// let mut l = Ledger::new(Default::default());
    /// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress",
    ///   "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#).unwrap();
    /// l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy",
    ///   "deputy":"D1","congress":"hd","name":"王丽","elected_on":"2023-06-01","mandate":"by_election"}}"#).unwrap();
    /// let d = l.state().deputies.values().next().unwrap();
    /// let c = l.state().congresses.values().next().unwrap();
    /// assert_eq!(d.status_on(c, "2023-05-31".parse().unwrap()), DeputyStatus::NotYetElected);
    /// assert_eq!(d.status_on(c, "2024-01-01".parse().unwrap()), DeputyStatus::InOffice);
    /// ```
    pub fn status_on(&self, congress: &Congress, date: NaiveDate) -> DeputyStatus {
        crate::deputy::status::status_on(
            self.first_day(congress),
            congress.term_end,
            &self.history,
            date,
        )
    }

    /// The days in office (neither suspended nor terminated, and within the congress's term)
    /// within `from..=to`, as disjoint inclusive ranges: the window duties and points are
    /// counted over.
    pub fn spans_in_office(
        &self,
        congress: &Congress,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<(NaiveDate, NaiveDate)> {
        crate::deputy::status::spans_in_office(
            self.first_day(congress),
            &self.history,
            from,
            to.min(congress.term_end),
        )
    }
}

/// An absence from a session of the congress (L-11).
///
/// ```
/// let a: renda::registry::Absence = serde_json::from_str(
///     r#"{"session":"hd-17-3","on":"2024-01-08","excused":false}"#).unwrap();
/// assert!(!a.excused);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    /// The session.
    pub session: SessionId,
    /// Day recorded.
    pub on: NaiveDate,
    /// Whether leave was approved (请假经批准).
    pub excused: bool,
}

/// A deputy's personal data (domain §6.2 "personal data"): never in public views.
///
/// ```
/// let c: renda::registry::Contact = serde_json::from_str(r#"{"phone":"13800000000"}"#).unwrap();
/// assert_eq!(c.phone.as_deref(), Some("13800000000"));
/// assert!(c.address.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Resident identity card number (身份证号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// A handling unit (承办单位): a government department, court, procuratorate or other organ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Identifier.
    pub id: UnitId,
    /// Name.
    pub name: String,
}
