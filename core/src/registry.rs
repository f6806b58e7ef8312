//! The registry: congresses, deputies and handling units that the workflows refer to.
//!
//! Deputies, motions, supervision and evaluation all refer to these; later workflows add
//! attributes (terms, groups, homes and stations) without changing the identifiers.

use crate::ids::{CongressId, DeputyId, UnitId};
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
