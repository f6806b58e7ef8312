//! Standing-committee members (常委会组成人员, domain §1.2): elected from the congress's
//! deputies, with their post and the attributes the organisation rules look at (L-6 size,
//! R-O1 two-term share, R-O7 full-time share).

use crate::ids::{CongressId, DeputyId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A post on the standing committee.
///
/// ```
/// use renda::deputy::CommitteePost;
/// assert_eq!(serde_json::to_string(&CommitteePost::ViceDirector).unwrap(), "\"vice_director\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteePost {
    /// 主任.
    Director,
    /// 副主任.
    ViceDirector,
    /// 秘书长.
    SecretaryGeneral,
    /// 委员.
    Member,
}

/// A member of a congress's standing committee.
///
/// ```
/// let m: renda::deputy::CommitteeMember = serde_json::from_str(r#"{"deputy":"D001","congress":"hd-17",
///   "post":"member","from":"2021-11-20","full_time":true,"can_serve_two_terms":true}"#).unwrap();
/// assert_eq!(m.new_this_term, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeMember {
    /// The deputy (standing-committee members are elected from the congress's deputies).
    pub deputy: DeputyId,
    /// The congress.
    pub congress: CongressId,
    /// Post.
    pub post: CommitteePost,
    /// First day as a member.
    pub from: NaiveDate,
    /// Whether the member serves full time (驻会, R-O7).
    #[serde(default)]
    pub full_time: bool,
    /// Whether the member's age lets them serve two full terms (R-O1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_serve_two_terms: Option<bool>,
    /// New this term (S000-6: 24 of 45).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_this_term: Option<bool>,
}
