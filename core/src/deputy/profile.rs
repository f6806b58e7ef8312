//! What the roster records about a deputy (domain §1.2): how and where elected, groups, work
//! unit, education, re-election, party status. Every attribute is optional, since offices record
//! different things; the composition figures ([`crate::composition`]) count only what is
//! recorded and say how many records lack the attribute.

use crate::ids::PersonId;
use serde::{Deserialize, Serialize};

/// Highest education completed (学历), in increasing order.
///
/// "大专以上" (college or above, S000-2) is [`Education::College`] or higher; "研究生"
/// (postgraduate, S000-3) is [`Education::Master`] or [`Education::Doctorate`].
///
/// ```
/// use renda::deputy::Education;
/// assert!(Education::Bachelor.is_college_or_above());
/// assert!(!Education::Bachelor.is_postgraduate());
/// assert!(Education::Doctorate.is_postgraduate());
/// assert_eq!(serde_json::to_string(&Education::College).unwrap(), "\"college\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Education {
    /// Senior secondary school or below (高中及以下).
    SecondaryOrBelow,
    /// Junior college (大专).
    College,
    /// Bachelor's degree (本科).
    Bachelor,
    /// Master's degree (硕士研究生).
    Master,
    /// Doctorate (博士研究生).
    Doctorate,
}

impl Education {
    /// Every level, lowest first.
    pub const ALL: [Education; 5] = [
        Education::SecondaryOrBelow,
        Education::College,
        Education::Bachelor,
        Education::Master,
        Education::Doctorate,
    ];

    /// 大专以上: junior college or higher.
    pub fn is_college_or_above(self) -> bool {
        self >= Education::College
    }

    /// 研究生: master's or doctorate.
    pub fn is_postgraduate(self) -> bool {
        self >= Education::Master
    }
}

/// Gender, where recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// 女.
    Female,
    /// 男.
    Male,
}

/// Party status, where recorded (domain §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// 中共党员.
    Cpc,
    /// A member of one of the democratic parties (民主党派).
    DemocraticParty,
    /// 无党派人士.
    NonParty,
}

/// How the deputy was elected: directly by a constituency (选区) or indirectly by an electoral
/// unit (选举单位). The deputy reports back to it (L-12, R-D3), and the points and the
/// interview are notified to it (W6, R-D2).
///
/// ```
/// use renda::deputy::ElectedBy;
/// let e: ElectedBy = serde_json::from_str(r#"{"constituency":"第12选区"}"#).unwrap();
/// assert_eq!(e.name(), "第12选区");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ElectedBy {
    /// Directly elected in this constituency.
    Constituency(String),
    /// Indirectly elected by this electoral unit (e.g. a district congress for a city deputy).
    ElectoralUnit(String),
}

impl ElectedBy {
    /// The constituency's or electoral unit's name.
    pub fn name(&self) -> &str {
        match self {
            ElectedBy::Constituency(n) | ElectedBy::ElectoralUnit(n) => n,
        }
    }
}

/// The roster attributes of a deputy. Absent fields are unknown, not false.
///
/// ```
/// use renda::deputy::{DeputyProfile, Education};
/// let p: DeputyProfile = serde_json::from_str(
///     r#"{"education":"master","re_elected":true,"resident_unit":false,"groups":["教育"]}"#).unwrap();
/// assert_eq!(p.education, Some(Education::Master));
/// assert_eq!(p.re_elected, Some(true));
/// assert!(DeputyProfile::default().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeputyProfile {
    /// The same person in other congresses (a deputy can sit at several levels at once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Ethnicity (民族), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<String>,
    /// Constituency or electoral unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elected_by: Option<ElectedBy>,
    /// Delegation (代表团), for deputies of a congress with delegations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation: Option<String>,
    /// Deputy groups and professional groups (代表小组, 专业代表小组).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Work unit (工作单位).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_unit: Option<String>,
    /// Whether the work unit is an organisation based in the area but not run by it
    /// (驻区单位代表, S000-5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_unit: Option<bool>,
    /// Highest education completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// Re-elected from the previous term (连任, S000-4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub re_elected: Option<bool>,
    /// Party status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Party>,
}

impl DeputyProfile {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// This profile with every field recorded in `update` replacing its own (fields absent from
    /// `update` are kept; `groups`, when given, replaces the list).
    ///
    /// ```
    /// use renda::deputy::{DeputyProfile, Education};
    /// let a = DeputyProfile { education: Some(Education::Bachelor), re_elected: Some(true), ..Default::default() };
    /// let b = DeputyProfile { education: Some(Education::Master), ..Default::default() };
    /// let m = a.merged(&b);
    /// assert_eq!((m.education, m.re_elected), (Some(Education::Master), Some(true)));
    /// ```
    pub fn merged(&self, update: &DeputyProfile) -> DeputyProfile {
        fn pick<T: Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
            new.clone().or_else(|| old.clone())
        }
        DeputyProfile {
            person: pick(&update.person, &self.person),
            gender: pick(&update.gender, &self.gender),
            ethnicity: pick(&update.ethnicity, &self.ethnicity),
            elected_by: pick(&update.elected_by, &self.elected_by),
            delegation: pick(&update.delegation, &self.delegation),
            groups: if update.groups.is_empty() {
                self.groups.clone()
            } else {
                update.groups.clone()
            },
            work_unit: pick(&update.work_unit, &self.work_unit),
            resident_unit: pick(&update.resident_unit, &self.resident_unit),
            education: pick(&update.education, &self.education),
            re_elected: pick(&update.re_elected, &self.re_elected),
            party: pick(&update.party, &self.party),
        }
    }

    /// The free-text fields, with their wire paths, for length and character checks.
    pub(crate) fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        if let Some(e) = &self.ethnicity {
            out.push(("profile.ethnicity", e.as_str()));
        }
        if let Some(e) = &self.elected_by {
            out.push(("profile.elected_by", e.name()));
        }
        if let Some(d) = &self.delegation {
            out.push(("profile.delegation", d.as_str()));
        }
        for g in &self.groups {
            out.push(("profile.groups", g.as_str()));
        }
        if let Some(w) = &self.work_unit {
            out.push(("profile.work_unit", w.as_str()));
        }
        out
    }
}
