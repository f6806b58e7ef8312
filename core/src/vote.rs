//! Vote tallies and the majorities the law requires.
//!
//! Congress resolutions pass by a majority of *all* deputies and standing-committee decisions
//! by a majority of *all* its members (L-4), not of those present: a resignation is accepted
//! only when more than half of all standing-committee members vote for it (L-9).

use crate::error::{RendaError, Result};
use serde::{Deserialize, Serialize};

/// The tally of one vote.
///
/// ```
/// use renda::vote::Vote;
/// let v = Vote { members: 45, present: 40, yes: 23, no: 10, abstain: 7 };
/// assert!(v.validate("command.vote").is_ok());
/// assert!(v.passes_majority_of_all());          // 23 > 45 / 2
/// let close = Vote { yes: 22, ..v };
/// assert!(!close.passes_majority_of_all());     // 22 of 45 is not a majority of all members
/// assert!(close.passes_majority_of_present());  // though it is of the 40 present
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Members of the voting body (全体组成人员 / 全体代表).
    pub members: u32,
    /// Members present.
    pub present: u32,
    /// Votes for.
    pub yes: u32,
    /// Votes against.
    pub no: u32,
    /// Abstentions.
    pub abstain: u32,
}

impl Vote {
    /// Checks that the tally adds up: no more present than members, no more votes than present.
    pub fn validate(&self, field: &str) -> Result<()> {
        let bad = |sub: &str, value: String, reason: &str| RendaError::InvalidField {
            field: format!("{field}.{sub}"),
            value,
            reason: reason.into(),
        };
        if self.members == 0 {
            return Err(bad(
                "members",
                "0".into(),
                "a voting body has at least one member",
            ));
        }
        if self.present > self.members {
            return Err(bad(
                "present",
                self.present.to_string(),
                "must not exceed members",
            ));
        }
        let cast = u64::from(self.yes) + u64::from(self.no) + u64::from(self.abstain);
        if cast > u64::from(self.present) {
            return Err(bad(
                "yes",
                cast.to_string(),
                "yes + no + abstain must not exceed present",
            ));
        }
        Ok(())
    }

    /// `vote_members_mismatch` on `command.vote.members` unless the tally counts all `expected`
    /// members of `body` (L-4: a majority of *all* members decides). `None`: the ledger keeps no
    /// roster of that body, and the tally's count is taken as given.
    pub(crate) fn check_members(
        &self,
        expected: Option<usize>,
        body: &str,
        rule: &'static str,
    ) -> Result<()> {
        match expected {
            Some(n) if self.members as usize != n => Err(RendaError::rule_violation(
                crate::error::rule_codes::VOTE_MEMBERS_MISMATCH,
                rule,
                Some("command.vote.members"),
                Some(self.members.to_string()),
                format!("{body} has {n} members; a majority of all of them is needed"),
            )),
            _ => Ok(()),
        }
    }

    /// More than half of *all* members voted for (L-4, L-9).
    pub fn passes_majority_of_all(&self) -> bool {
        u64::from(self.yes) * 2 > u64::from(self.members)
    }

    /// More than half of those present voted for.
    pub fn passes_majority_of_present(&self) -> bool {
        u64::from(self.yes) * 2 > u64::from(self.present)
    }

    /// At least two thirds of all members are present (L-3: the quorum to hold a session).
    pub fn has_two_thirds_quorum(&self) -> bool {
        u64::from(self.present) * 3 >= u64::from(self.members) * 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_of_all_is_strict() {
        let v = |members, yes| Vote {
            members,
            present: members,
            yes,
            no: members - yes,
            abstain: 0,
        };
        assert!(!v(44, 22).passes_majority_of_all());
        assert!(v(44, 23).passes_majority_of_all());
        assert!(v(45, 23).passes_majority_of_all());
        assert!(!v(45, 22).passes_majority_of_all());
        assert!(v(3, 2).has_two_thirds_quorum());
    }

    #[test]
    fn bad_tallies_are_refused_with_the_field() {
        let v = Vote {
            members: 10,
            present: 11,
            yes: 0,
            no: 0,
            abstain: 0,
        };
        assert_eq!(
            v.validate("command.vote").unwrap_err().field(),
            Some("command.vote.present")
        );
        let v = Vote {
            members: 10,
            present: 5,
            yes: 4,
            no: 2,
            abstain: 0,
        };
        assert_eq!(
            v.validate("command.vote").unwrap_err().field(),
            Some("command.vote.yes")
        );
    }
}
