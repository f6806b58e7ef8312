//! Deputies (代表): roster attributes, status over time, standing-committee membership, and the
//! rules that govern them (domain §1.2; L-6, L-7, L-9, L-11, R-O1).
//!
//! The commands of this family (register, update profile, resign, record absences, terminate,
//! suspend, reinstate, join the standing committee) are checked here; activities, homes and
//! stations, and points have their own modules ([`crate::activity`], [`crate::station`],
//! [`crate::points`]).

mod committee;
mod profile;
mod rules;
pub(crate) mod status;
pub(crate) mod workflow;

pub use committee::{CommitteeMember, CommitteePost};
pub use profile::{DeputyProfile, Education, ElectedBy, Gender, Party};
pub use rules::{CommitteeSize, DeputyRules, QuotaFormula};
pub use status::{DeputyStatus, Mandate, StatusChange, TerminationReason};
