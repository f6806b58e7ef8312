//! Actors and their roles (domain §6.1).

use crate::ids::ActorId;
use serde::{Deserialize, Serialize};

/// The role an actor acts in. Relations to an item (lead deputy, co-signer, lead unit,
/// co-unit) are checked against the item, not carried by the role.
///
/// ```
/// use renda::Role;
/// assert_eq!(serde_json::to_string(&Role::DeputyAffairsOffice).unwrap(), "\"deputy_affairs_office\"");
/// assert_eq!(Role::ALL.len(), 11);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 人大代表; the actor id is the deputy id.
    Deputy,
    /// 代表联络室 / 代表工作委员会 / 人事代表工委: vets, assigns and supervises suggestions.
    DeputyAffairsOffice,
    /// 承办单位; the actor id is the unit id.
    HandlingUnit,
    /// 政府办公室: coordinates handling within the government.
    GovernmentOffice,
    /// 专门委员会 / 工作委员会.
    SpecialCommittee,
    /// 主任会议.
    DirectorMeeting,
    /// 常委会 (plenary).
    StandingCommittee,
    /// 街道人大工委 / 镇人大主席团.
    StreetWorkingCommittee,
    /// 第三方评估机构.
    ThirdPartyEvaluator,
    /// 公众.
    Public,
    /// System administration: registry and rule sets.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 11] = [
        Role::Deputy,
        Role::DeputyAffairsOffice,
        Role::HandlingUnit,
        Role::GovernmentOffice,
        Role::SpecialCommittee,
        Role::DirectorMeeting,
        Role::StandingCommittee,
        Role::StreetWorkingCommittee,
        Role::ThirdPartyEvaluator,
        Role::Public,
        Role::Admin,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Deputy => "deputy",
            Role::DeputyAffairsOffice => "deputy_affairs_office",
            Role::HandlingUnit => "handling_unit",
            Role::GovernmentOffice => "government_office",
            Role::SpecialCommittee => "special_committee",
            Role::DirectorMeeting => "director_meeting",
            Role::StandingCommittee => "standing_committee",
            Role::StreetWorkingCommittee => "street_working_committee",
            Role::ThirdPartyEvaluator => "third_party_evaluator",
            Role::Public => "public",
            Role::Admin => "admin",
        }
    }
}

/// Who issues a command: a role and an id.
///
/// ```
/// use renda::{Actor, Role};
/// let a = Actor::new(Role::Deputy, "D001").unwrap();
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"role":"deputy","id":"D001"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The role acted in.
    pub role: Role,
    /// The actor's id (deputy id for deputies, unit id for handling units).
    pub id: ActorId,
}

impl Actor {
    /// An actor, validating the id.
    pub fn new(role: Role, id: &str) -> crate::Result<Self> {
        Ok(Self {
            role,
            id: ActorId::new(id)?,
        })
    }
}
