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
        // Roster and status records are kept by the office (人事代表工委, §6.2; a deputy files
        // changes with it, R-D5); a deputy hands in their own written resignation (L-9).
        K::UpdateDeputyProfile
        | K::JoinStandingCommittee
        | K::RecordAbsence
        | K::TerminateQualification
        | K::SuspendDeputy
        | K::ReinstateDeputy => matches!(role, R::DeputyAffairsOffice),
        K::SubmitResignation => matches!(role, R::Deputy | R::DeputyAffairsOffice),
        // Acceptance needs a vote of all standing-committee members (L-9); for a township
        // deputy the township congress votes, recorded by its presidium (street/town organ).
        // Which body for which level is checked on the deputy.
        K::DecideResignation => matches!(role, R::StandingCommittee | R::StreetWorkingCommittee),
        K::RegisterStation => matches!(role, R::DeputyAffairsOffice | R::Admin),
        K::AssignStation => matches!(role, R::DeputyAffairsOffice | R::StreetWorkingCommittee),
        // Points entry (§6.2): street organs record, committees feed the activities they
        // organise, deputies log their own visits; the office enters what it organises
        // (sessions, training) as data entry.
        K::RecordActivity => matches!(
            role,
            R::Deputy | R::DeputyAffairsOffice | R::SpecialCommittee | R::StreetWorkingCommittee
        ),
        // Voter issue (§6.2): deputies log their own, the public raises one; street organs
        // triage and coordinate; a department or the government office answers what was
        // forwarded.
        K::RecordVoterIssue => matches!(role, R::Deputy | R::Public),
        K::TriageVoterIssue => matches!(role, R::Deputy | R::StreetWorkingCommittee),
        K::AnswerVoterIssue => matches!(
            role,
            R::Deputy | R::StreetWorkingCommittee | R::HandlingUnit | R::GovernmentOffice
        ),
        K::CloseVoterIssue => matches!(role, R::StreetWorkingCommittee),
        // Points publication (§6.2): the SC publishes annually, street organs quarterly at
        // the homes (which one may publish what is checked on the scope).
        K::PublishPoints => matches!(role, R::StandingCommittee | R::StreetWorkingCommittee),
        // Interview and notices (§6.2): the office (人事代表工委); 劝辞 by the SC.
        K::RecordInterview | K::NotifyEmployer => matches!(role, R::DeputyAffairsOffice),
        K::AdviseResignation => matches!(role, R::StandingCommittee),
        // Motions (§6.2 "Motion: submit / review / handling plan; yearly report"): sessions are
        // scheduled by the office or the standing committee (admin as configuration); motions are
        // submitted by deputies (the lead), the office (data entry) and the sponsoring bodies (which
        // sponsor each role may submit for is checked on the motion: not_party); the presidium's
        // review is recorded by the standing committee, a special committee or the office; the
        // standing committee and the office assign; the standing committee or the director meeting
        // forms the working group (R-P3); the government plans and reports; the standing committee
        // reviews and concludes each year; a third party evaluates (顺义).
        K::ScheduleSession => matches!(
            role,
            R::DeputyAffairsOffice | R::StandingCommittee | R::Admin
        ),
        K::SubmitMotion => matches!(
            role,
            R::Deputy
                | R::DeputyAffairsOffice
                | R::StandingCommittee
                | R::SpecialCommittee
                | R::GovernmentOffice
        ),
        K::ReviewMotion => matches!(
            role,
            R::StandingCommittee | R::SpecialCommittee | R::DeputyAffairsOffice
        ),
        K::WithdrawMotion => matches!(role, R::Deputy | R::DeputyAffairsOffice),
        K::AssignMotion => matches!(role, R::StandingCommittee | R::DeputyAffairsOffice),
        K::FormMotionWorkingGroup => matches!(role, R::StandingCommittee | R::DirectorMeeting),
        K::AgreeMotionPlan | K::ReportMotionHandling => matches!(role, R::GovernmentOffice),
        K::IssueMotionReviewOpinion | K::ConcludeMotionYear => matches!(role, R::StandingCommittee),
        K::RecordMotionEvaluation => matches!(role, R::ThirdPartyEvaluator),
        // Key suggestions (W2, §6.2 "designate as key"): streets and committees recommend, the
        // office proposes too; the director meeting or the SC designates (which one: rule set);
        // the congress side holds the meetings; deputies rate back to back (the office records
        // at the forum), never a unit or the government office (R-S8); the director meeting
        // hears the outcome ([001]).
        K::RecommendKeySuggestion => matches!(
            role,
            R::StreetWorkingCommittee | R::SpecialCommittee | R::DeputyAffairsOffice
        ),
        K::DesignateKeySuggestion => matches!(role, R::DirectorMeeting | R::StandingCommittee),
        K::HoldKeyMeeting => matches!(
            role,
            R::DeputyAffairsOffice | R::StandingCommittee | R::DirectorMeeting
        ),
        K::RateKeyQuality => matches!(role, R::Deputy | R::DeputyAffairsOffice),
        K::PublishKeyAssessment => matches!(role, R::StandingCommittee | R::DeputyAffairsOffice),
        K::RecordKeyOutcome => matches!(role, R::DirectorMeeting),
        // Supervision overlays (W1 step 7): the congress bodies that lead one mode or another;
        // which role leads which mode is checked on the mode (`mode_not_for_role`).
        K::StartSupervision | K::EndSupervision => matches!(
            role,
            R::DeputyAffairsOffice
                | R::DirectorMeeting
                | R::StandingCommittee
                | R::SpecialCommittee
                | R::StreetWorkingCommittee
        ),
        K::AppointSupervisionMonitor => matches!(role, R::DeputyAffairsOffice | R::DirectorMeeting),
        // Evaluation of handling (§6.2): the office U, the director meeting A (commission or
        // sample); the third party C (report); the SC receives the report (distributed at its
        // meeting); only the director meeting decides the use (R-S9).
        K::PlanHandlingEvaluation | K::CommissionEvaluator => {
            matches!(role, R::DirectorMeeting | R::DeputyAffairsOffice)
        }
        K::SubmitEvaluationReport => matches!(role, R::ThirdPartyEvaluator),
        K::DistributeEvaluationReport => {
            matches!(role, R::StandingCommittee | R::DeputyAffairsOffice)
        }
        K::DecideEvaluationUse => matches!(role, R::DirectorMeeting),
        // Merging into a class case: the office (A); committees only propose (§6.2), through
        // the suggester (`Ledger::class_case_candidates`).
        K::MergeSuggestions | K::AddToClassCase | K::SplitSuggestion => {
            matches!(role, R::DeputyAffairsOffice)
        }
        // The director meeting convenes standing-committee meetings and the standing
        // committee convenes congress sessions; the office records them (issue 5).
        K::ConveneMeeting => matches!(
            role,
            R::DeputyAffairsOffice | R::DirectorMeeting | R::StandingCommittee
        ),
        // @allowed: meetings
        // @allowed: items
        // Law-enforcement inspections (W11; no row in §6.2): the director meeting plans them and
        // the special committees carry them out; the standing committee hears the report and issues
        // the review opinion; the responsible unit reports its issues rectified.
        K::PlanInspection
        | K::FormInspectionTeam
        | K::RecordInspectionIssues
        | K::LookBackInspection => {
            matches!(role, R::DirectorMeeting | R::SpecialCommittee)
        }
        K::ReportInspection | K::IssueInspectionReviewOpinion => {
            matches!(role, R::StandingCommittee)
        }
        K::RectifyInspectionIssue => matches!(role, R::HandlingUnit),
        K::CloseInspection => matches!(role, R::DirectorMeeting),
        // Deliberation opinions (W14): the drafting group's recorders (the office) record, the
        // director meeting routes and hears the handling report (R-M6, R-M7); resolution
        // follow-up is planned by the director meeting or the standing committee and its duties are
        // recorded by them or the special committees.
        K::RecordDeliberationOpinion => matches!(role, R::DeputyAffairsOffice),
        K::RouteDeliberationOpinion | K::ReportDeliberationHandling => {
            matches!(role, R::DirectorMeeting)
        }
        K::PlanResolutionFollowUp => matches!(role, R::DirectorMeeting | R::StandingCommittee),
        K::RecordResolutionDuty => matches!(
            role,
            R::DirectorMeeting | R::StandingCommittee | R::SpecialCommittee
        ),
        // Livelihood projects (W19): deputies propose and monitor (the office on their or voters'
        // behalf), the standing committee records the approval and hears the completion report, the
        // government reports completion.
        K::ProposeLivelihoodProject | K::MonitorLivelihoodProject => {
            matches!(role, R::Deputy | R::DeputyAffairsOffice)
        }
        K::ApproveLivelihoodProjects | K::ReportLivelihoodCompletion => {
            matches!(role, R::StandingCommittee)
        }
        K::CompleteLivelihoodProject => matches!(role, R::GovernmentOffice),
        // @allowed: followup
        // @allowed: evaluation
        // @allowed: escalation
        // @allowed: budget
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
        K::UpdateDeputyProfile
        | K::JoinStandingCommittee
        | K::RecordAbsence
        | K::TerminateQualification
        | K::SuspendDeputy
        | K::ReinstateDeputy
        | K::RegisterStation
        | K::AssignStation => "permission-matrix §6.2 (registry: the office keeps the roster)",
        K::SubmitResignation | K::DecideResignation => {
            "permission-matrix §6.2 (resignation acceptance), L-9"
        }
        K::RecordActivity => "permission-matrix §6.2 (points entry; visit log)",
        K::RecordVoterIssue | K::TriageVoterIssue | K::AnswerVoterIssue | K::CloseVoterIssue => {
            "permission-matrix §6.2 (home/station visit log; voter issue)"
        }
        K::PublishPoints => "permission-matrix §6.2 (points publication), R-D2",
        K::RecordInterview | K::AdviseResignation | K::NotifyEmployer => {
            "permission-matrix §6.2 (interview / notify employer or electoral unit), R-D2"
        }
        K::ScheduleSession => "permission-matrix §6.2 (session schedule), L-2",
        K::SubmitMotion | K::WithdrawMotion => "permission-matrix §6.2 (motion: submit), L-2",
        K::ReviewMotion | K::AssignMotion => {
            "permission-matrix §6.2 (motion: review / list / convert), L-2"
        }
        K::FormMotionWorkingGroup
        | K::AgreeMotionPlan
        | K::ReportMotionHandling
        | K::IssueMotionReviewOpinion
        | K::RecordMotionEvaluation
        | K::ConcludeMotionYear => {
            "permission-matrix §6.2 (motion: handling plan; yearly report), R-P2, R-P3, R-P5"
        }
        K::RecommendKeySuggestion | K::DesignateKeySuggestion => {
            "permission-matrix §6.2 (suggestion: designate as key), R-S7"
        }
        K::HoldKeyMeeting | K::PublishKeyAssessment | K::RecordKeyOutcome => {
            "permission-matrix §6.2 (key suggestions), W2"
        }
        K::RateKeyQuality => "permission-matrix §6.2 (feedback, back-to-back), R-S8",
        K::StartSupervision | K::EndSupervision | K::AppointSupervisionMonitor => {
            "permission-matrix §6.2 (supervision overlays), W1 step 7"
        }
        K::PlanHandlingEvaluation
        | K::CommissionEvaluator
        | K::SubmitEvaluationReport
        | K::DistributeEvaluationReport => "permission-matrix §6.2 (evaluation of handling), W3",
        K::DecideEvaluationUse => "permission-matrix §6.2 (evaluation of handling), R-S9",
        K::MergeSuggestions | K::AddToClassCase | K::SplitSuggestion => {
            "permission-matrix §6.2 (suggestion: merge into a class case)"
        }
        K::ConveneMeeting => "permission-matrix §6.2 (no meeting row), L-3, L-5",
        // @basis: meetings
        // @basis: items
        K::PlanInspection
        | K::FormInspectionTeam
        | K::RecordInspectionIssues
        | K::ReportInspection
        | K::IssueInspectionReviewOpinion
        | K::RectifyInspectionIssue
        | K::LookBackInspection
        | K::CloseInspection => "permission-matrix §6.2 (no inspection row), W11, R-L1…R-L4",
        K::RecordDeliberationOpinion
        | K::RouteDeliberationOpinion
        | K::ReportDeliberationHandling
        | K::PlanResolutionFollowUp
        | K::RecordResolutionDuty => {
            "permission-matrix §6.2 (no deliberation row), W14, R-M6, R-M7"
        }
        K::ProposeLivelihoodProject
        | K::ApproveLivelihoodProjects
        | K::MonitorLivelihoodProject
        | K::CompleteLivelihoodProject
        | K::ReportLivelihoodCompletion => "permission-matrix §6.2 (no livelihood row), W19",
        // @basis: followup
        // @basis: evaluation
        // @basis: escalation
        // @basis: budget
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

// The full role × command matrix is checked against the hand-written table in
// tests/permissions/commands.json by core/tests/permission_matrix.rs.
