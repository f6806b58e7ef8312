//! The permission matrix: which role may issue which command (domain §6.2).
//!
//! Relations to an item (lead deputy, co-signer, lead unit, co-unit) are checked by the
//! workflow itself and fail with `not_party`; this matrix answers the role-level question.

use crate::actor::Role;
use crate::command::CommandKind;
use crate::error::{RendaError, Result};

/// Whether `role` may issue commands of `kind` at all.
///
/// ```
/// use renda::{permissions::allowed, CommandKind, Role};
/// assert!(allowed(Role::DeputyAffairsOffice, CommandKind::AssignSuggestion));
/// assert!(!allowed(Role::HandlingUnit, CommandKind::AssignSuggestion));
/// assert!(allowed(Role::HandlingUnit, CommandKind::ReplySuggestion));
/// assert!(!allowed(Role::DeputyAffairsOffice, CommandKind::GiveFeedback));
/// ```
pub fn allowed(role: Role, kind: CommandKind) -> bool {
    use CommandKind as K;
    use Role as R;
    match kind {
        K::RegisterCongress => matches!(role, R::Admin),
        K::RegisterDeputy | K::RegisterUnit => matches!(role, R::Admin | R::DeputyAffairsOffice),
        // Deputies submit their own; the office enters on their behalf; street committees
        // convert a voter issue for a deputy (§6.2).
        K::SubmitSuggestion => matches!(
            role,
            R::Deputy | R::DeputyAffairsOffice | R::StreetWorkingCommittee
        ),
        K::ReviseSuggestion | K::WithdrawSuggestion => {
            matches!(role, R::Deputy | R::DeputyAffairsOffice)
        }
        // Only the office vets, assigns and extends (§6.2, issue: "only the office vets and assigns").
        K::AcceptSuggestion
        | K::ReturnSuggestion
        | K::RejectSuggestion
        | K::AssignSuggestion
        | K::ExtendReplyDeadline => matches!(role, R::DeputyAffairsOffice),
        // Only handling units reply or send co-unit opinions; which unit is checked on the item.
        K::SubmitCoUnitOpinion | K::ReplySuggestion => matches!(role, R::HandlingUnit),
        // Only proposing deputies rate; handling units never write ratings (§6.2).
        K::GiveFeedback => matches!(role, R::Deputy),
        // The office publishes; the director meeting approves publication (§6.2).
        K::PublishResults => matches!(role, R::DeputyAffairsOffice | R::DirectorMeeting),
    }
}

/// The rule cited when a role is refused a command.
pub fn rule_for(kind: CommandKind) -> &'static str {
    use CommandKind as K;
    match kind {
        K::RegisterCongress | K::RegisterDeputy | K::RegisterUnit => {
            "permission-matrix §6.2 (registry)"
        }
        K::AcceptSuggestion | K::ReturnSuggestion | K::RejectSuggestion => {
            "permission-matrix §6.2 (only the office vets), R-S12"
        }
        K::AssignSuggestion | K::ExtendReplyDeadline => {
            "permission-matrix §6.2 (only the office assigns)"
        }
        K::ReplySuggestion | K::SubmitCoUnitOpinion => {
            "permission-matrix §6.2 (only the lead unit replies)"
        }
        K::GiveFeedback => "permission-matrix §6.2 (only proposers rate)",
        K::PublishResults => "permission-matrix §6.2 (suggestion: publish results)",
        K::SubmitSuggestion | K::ReviseSuggestion | K::WithdrawSuggestion => {
            "permission-matrix §6.2 (suggestion: create/withdraw)"
        }
    }
}

/// `Ok` if `role` may issue `kind`, else `permission_denied`.
pub fn check(role: Role, kind: CommandKind) -> Result<()> {
    if allowed(role, kind) {
        Ok(())
    } else {
        Err(RendaError::PermissionDenied {
            role: role.as_str().to_string(),
            command: kind.as_str().to_string(),
            rule: rule_for(kind),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full matrix, written out as the expected table: any change shows here.
    #[test]
    fn matrix_is_exactly_as_specified() {
        let expected: &[(CommandKind, &[Role])] = &[
            (CommandKind::RegisterCongress, &[Role::Admin]),
            (
                CommandKind::RegisterDeputy,
                &[Role::DeputyAffairsOffice, Role::Admin],
            ),
            (
                CommandKind::RegisterUnit,
                &[Role::DeputyAffairsOffice, Role::Admin],
            ),
            (
                CommandKind::SubmitSuggestion,
                &[
                    Role::Deputy,
                    Role::DeputyAffairsOffice,
                    Role::StreetWorkingCommittee,
                ],
            ),
            (
                CommandKind::ReviseSuggestion,
                &[Role::Deputy, Role::DeputyAffairsOffice],
            ),
            (CommandKind::AcceptSuggestion, &[Role::DeputyAffairsOffice]),
            (CommandKind::ReturnSuggestion, &[Role::DeputyAffairsOffice]),
            (CommandKind::RejectSuggestion, &[Role::DeputyAffairsOffice]),
            (
                CommandKind::WithdrawSuggestion,
                &[Role::Deputy, Role::DeputyAffairsOffice],
            ),
            (CommandKind::AssignSuggestion, &[Role::DeputyAffairsOffice]),
            (
                CommandKind::ExtendReplyDeadline,
                &[Role::DeputyAffairsOffice],
            ),
            (CommandKind::SubmitCoUnitOpinion, &[Role::HandlingUnit]),
            (CommandKind::ReplySuggestion, &[Role::HandlingUnit]),
            (CommandKind::GiveFeedback, &[Role::Deputy]),
            (
                CommandKind::PublishResults,
                &[Role::DeputyAffairsOffice, Role::DirectorMeeting],
            ),
        ];
        assert_eq!(expected.len(), CommandKind::ALL.len());
        for (kind, roles) in expected {
            for role in Role::ALL {
                assert_eq!(
                    allowed(role, *kind),
                    roles.contains(&role),
                    "{role:?} × {kind:?}"
                );
                if !roles.contains(&role) {
                    assert_eq!(check(role, *kind).unwrap_err().code(), "permission_denied");
                }
            }
        }
    }
}
