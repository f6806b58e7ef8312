//! Deputies' homes and stations (家站, domain §1.5, W7): where deputies meet voters, in tiers
//! that each district configures, and the duties tied to them (R-D1: 月进站、季回家、年述职).
//!
//! The tiers and duties come from the rule set ([`StationRules`]); the
//! `beijing-district` preset has Haidian's two tiers (代表之家 at street level, 代表联络站 at
//! community level) and the three R-D1 duties. [`crate::compliance`] checks the duties as of
//! any date, for each deputy and each home or station.

use crate::activity::ActivityKind;
use crate::ids::{CongressId, StationId, TierId};
use crate::period::Cadence;
use serde::{Deserialize, Serialize};

/// A tier of homes and stations, e.g. 代表之家 (street level) or 代表联络站 (community level).
///
/// ```
/// let t: renda::station::Tier = serde_json::from_str(
///     r#"{"id":"station","name":"代表联络站 / Deputy station"}"#).unwrap();
/// assert_eq!(t.id.as_str(), "station");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Identifier used by stations and duties.
    pub id: TierId,
    /// Name, Chinese / English.
    pub name: String,
}

/// A recurring duty of every deputy in office (R-D1): at least `at_least` activities of `kind`
/// in every period of `every`, at a home or station of `tier` (any place when `tier` is
/// absent). Any home or station of the tier counts, not only the one the deputy is assigned to
/// now: assignments change, and deputies of several levels visit the same home.
///
/// ```
/// let d: renda::station::Duty = serde_json::from_str(r#"{"name":"月进站 / monthly station visit",
///   "kind":"station_visit","tier":"station","every":"month","at_least":1}"#).unwrap();
/// assert_eq!(d.every, renda::period::Cadence::Month);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Name, Chinese / English, e.g. "月进站 / monthly station visit".
    pub name: String,
    /// The activity kind that fulfils it.
    pub kind: ActivityKind,
    /// The tier of home or station it must take place at, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierId>,
    /// The period it recurs in.
    pub every: Cadence,
    /// How many activities each period needs.
    pub at_least: u32,
}

/// Homes, stations and duties of a rule set. Absent in a spec: no tiers and no duties.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StationRules {
    /// The tiers, from the top.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    /// The duties (R-D1, R-D8).
    #[serde(default)]
    pub duties: Vec<Duty>,
}

impl StationRules {
    /// Haidian's homes and stations (§1.5: 29 代表之家 at street/town level, 95 代表联络站 at
    /// community level) and the duties 月进站、季回家、年述职 (R-D1, seed 001).
    ///
    /// ```
    /// let r = renda::station::StationRules::haidian();
    /// assert_eq!(r.tiers.len(), 2);
    /// assert_eq!(r.duties.len(), 3);
    /// ```
    pub fn haidian() -> Self {
        let tier = |id: &str| TierId::new(id).expect("valid tier id");
        Self {
            tiers: vec![
                Tier {
                    id: tier("home"),
                    name: "代表之家 / Deputies' home".into(),
                },
                Tier {
                    id: tier("station"),
                    name: "代表联络站 / Deputy liaison station".into(),
                },
            ],
            duties: vec![
                Duty {
                    name: "月进站 / Station visit every month".into(),
                    kind: ActivityKind::StationVisit,
                    tier: Some(tier("station")),
                    every: Cadence::Month,
                    at_least: 1,
                },
                Duty {
                    name: "季回家 / Home visit every quarter".into(),
                    kind: ActivityKind::HomeVisit,
                    tier: Some(tier("home")),
                    every: Cadence::Quarter,
                    at_least: 1,
                },
                Duty {
                    name: "年述职 / Debrief every year".into(),
                    kind: ActivityKind::Debrief,
                    tier: None,
                    every: Cadence::Year,
                    at_least: 1,
                },
            ],
        }
    }

    /// The tier with this id.
    pub fn tier(&self, id: &TierId) -> Option<&Tier> {
        self.tiers.iter().find(|t| &t.id == id)
    }
}

/// A home or station (代表之家, 代表联络站, 代表工作室, …).
///
/// ```
/// let s: renda::station::Station = serde_json::from_str(r#"{"id":"zzy","congress":"hd-17",
///   "name":"紫竹院街道代表之家","tier":"home"}"#).unwrap();
/// assert!(s.parent.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Station {
    /// Identifier.
    pub id: StationId,
    /// The congress whose deputies it serves.
    pub congress: CongressId,
    /// Name.
    pub name: String,
    /// Its tier (one of the rule set's tiers).
    pub tier: TierId,
    /// The home or station it belongs under (e.g. a community station under a street home).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<StationId>,
    /// Whether it is also a grassroots legislative contact point (基层立法联系点).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub legislative_contact_point: bool,
}
