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
        // L-3: the deputies' request goes to the standing committee; the office records it.
        K::RequestExtraordinarySession => {
            matches!(role, R::DeputyAffairsOffice | R::StandingCommittee)
        }
        // §6.2 has no meeting row: as for convene_meeting, the director meeting and the standing
        // committee run their meetings and the office records them (L-3, L-4, R-M1…R-M3, R-M9).
        K::SetMeetingAgenda | K::RecordAttendance | K::RecordSpeech | K::HoldBallot => matches!(
            role,
            R::DeputyAffairsOffice | R::DirectorMeeting | R::StandingCommittee
        ),
        // Supervision topics (§6.2 "Supervision topic suggestion"): deputies, street/town organs
        // and the public C; the office enters them (public solicitation, R-M16) and committees
        // propose their research findings (L-20 (4)).
        K::ProposeSupervisionTopic => matches!(
            role,
            R::Deputy
                | R::DeputyAffairsOffice
                | R::SpecialCommittee
                | R::StreetWorkingCommittee
                | R::Public
        ),
        // The working bodies shortlist (W9 step 3; §6.2 "Annual supervision plan": committees
        // propose, the director meeting approves the draft).
        K::ShortlistSupervisionTopics => matches!(role, R::SpecialCommittee | R::DirectorMeeting),
        // The director meeting (draft) and the standing committee approve and adjust (§6.2, L-20).
        K::ApproveSupervisionPlan | K::AdjustSupervisionPlan => {
            matches!(role, R::DirectorMeeting | R::StandingCommittee)
        }
        // Publication (R-M23): the approving bodies, or the office for them.
        K::PublishSupervisionPlan => matches!(
            role,
            R::DeputyAffairsOffice | R::DirectorMeeting | R::StandingCommittee
        ),
        // Deputies enrol themselves (§6.2 "C (enrolment)"); the office records it for them.
        K::ChooseSupervisionTopic => matches!(role, R::Deputy | R::DeputyAffairsOffice),
        // §6.2 "Special work report": the director meeting sets the agenda and returns reports
        // for revision (顺义), the committee researches, the reporting organ submits, the SC hears.
        K::ScheduleWorkReport | K::CloseWorkReport => {
            matches!(role, R::DirectorMeeting | R::StandingCommittee)
        }
        K::RecordReportResearch => matches!(role, R::SpecialCommittee),
        K::SubmitWorkReport | K::ReportOpinionHandling => {
            matches!(role, R::GovernmentOffice | R::HandlingUnit)
        }
        K::ReturnWorkReport => matches!(role, R::DirectorMeeting),
        K::HearWorkReport => matches!(role, R::StandingCommittee),
        // §6.2 "Review opinion": the committee drafts, the director meeting and the SC adopt.
        K::IssueReviewOpinion => matches!(role, R::DirectorMeeting | R::StandingCommittee),
        K::FollowUpWorkReport => matches!(
            role,
            R::SpecialCommittee | R::DirectorMeeting | R::StandingCommittee
        ),
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
        // Department work evaluation (§6.2 "Department evaluation", W5): the director meeting
        // or the SC plans (like the supervision plan); the team (a special committee under
        // the director in charge) works; the department (or the government office) reports;
        // the SC deliberates, votes and publishes (C, P); only the SC escalates (A).
        K::DeclareEvaluationScope | K::PlanWorkEvaluation | K::CloseWorkEvaluation => {
            matches!(role, R::DirectorMeeting | R::StandingCommittee)
        }
        K::StartWorkEvaluation | K::SubmitInvestigationReport => {
            matches!(role, R::SpecialCommittee | R::DirectorMeeting)
        }
        K::SubmitSelfInspectionReport | K::ReportRectification => {
            matches!(role, R::HandlingUnit | R::GovernmentOffice)
        }
        K::DeliberateWorkEvaluation
        | K::RecordSatisfactionVote
        | K::PublishWorkEvaluationResult
        | K::EscalateWorkEvaluation => matches!(role, R::StandingCommittee),
        K::IssueEvaluationOpinion => matches!(role, R::StandingCommittee | R::DirectorMeeting),
        K::LookBackWorkEvaluation => matches!(
            role,
            R::SpecialCommittee | R::DirectorMeeting | R::StandingCommittee
        ),
        // Escalation tools (W23; §6.2 "Department evaluation: escalation": the SC decides; 质询 by
        // >= 3 members, 特定问题调查 by the director meeting or >= 1/5). The SC (or the director
        // meeting, the office recording) holds topic inquiries; SC members propose interpellations
        // (deputies in session; the office records); investigations also by the director meeting
        // and in session by the presidium or delegations (recorded by the SC or the office);
        // removals also by the government (government office, or the unit as part of it) and the
        // director meeting. The director meeting decides the answer form (L-17); the unit
        // questioned answers (the government office may submit it); proposers rate; the SC votes.
        K::HoldTopicInquiry => matches!(
            role,
            R::StandingCommittee | R::DirectorMeeting | R::DeputyAffairsOffice
        ),
        K::ProposeInterpellation => matches!(role, R::Deputy | R::DeputyAffairsOffice),
        K::ProposeSpecialInvestigation => matches!(
            role,
            R::Deputy | R::DeputyAffairsOffice | R::DirectorMeeting | R::StandingCommittee
        ),
        K::ProposeRemoval => matches!(
            role,
            R::Deputy
                | R::DeputyAffairsOffice
                | R::DirectorMeeting
                | R::GovernmentOffice
                | R::HandlingUnit
        ),
        K::DecideInterpellationAnswer => matches!(role, R::DirectorMeeting),
        K::AnswerInterpellation => matches!(role, R::HandlingUnit | R::GovernmentOffice),
        K::RateInterpellationAnswer => matches!(role, R::Deputy | R::DeputyAffairsOffice),
        K::CloseInterpellation => matches!(role, R::DirectorMeeting | R::StandingCommittee),
        K::DecideSpecialInvestigation | K::DecideRemoval => matches!(role, R::StandingCommittee),
        K::ReportSpecialInvestigation => matches!(role, R::StandingCommittee | R::SpecialCommittee),
        // Normative document filing (§6.2): the issuer files (government office C; the court,
        // procuratorate and supervisory commission file through the same channel), the working
        // committee reviews (U) and records filings and corrections it receives; only the SC
        // revokes (A). The public's review request (C) is not modelled as a command.
        K::FileNormativeDocument | K::CorrectNormativeDocument => {
            matches!(role, R::GovernmentOffice | R::SpecialCommittee)
        }
        K::ReviewNormativeDocument | K::RecordReviewFinding | K::SendFilingReviewOpinion => {
            matches!(role, R::SpecialCommittee)
        }
        K::AnswerFilingReviewOpinion => matches!(role, R::GovernmentOffice),
        K::RevokeNormativeDocument | K::ApproveBudgetAdjustment => {
            matches!(role, R::StandingCommittee)
        }
        // Budget pre-review opinions (§6.2): committees C; pairing is decided by the director
        // meeting or recorded by the committees; the audit bureau reports its findings through the
        // government office; committees and the director meeting put findings on the tracking list.
        K::PairCommitteeDepartments => matches!(role, R::DirectorMeeting | R::SpecialCommittee),
        K::PreReviewDepartmentBudget
        | K::HoldBudgetPreReviewMeeting
        | K::StrikeOffAuditFinding
        | K::SendBudgetReminder => matches!(role, R::SpecialCommittee),
        K::KeyBudgetReview => matches!(role, R::SpecialCommittee | R::StandingCommittee),
        K::RecordAuditFindings => matches!(role, R::GovernmentOffice | R::SpecialCommittee),
        K::TrackAuditFinding => matches!(role, R::SpecialCommittee | R::DirectorMeeting),
        // L-21: the government submits the preliminary budget and issues the approved one; the
        // budget committee may record the dates it receives.
        K::SubmitPreliminaryBudget => matches!(role, R::GovernmentOffice),
        K::RecordBudgetIssuance => matches!(role, R::GovernmentOffice | R::SpecialCommittee),
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
        K::SetMeetingAgenda | K::RecordAttendance | K::RecordSpeech | K::HoldBallot => {
            "permission-matrix §6.2 (no meeting row), L-3, L-4, R-M1, R-M9"
        }
        K::RequestExtraordinarySession => "permission-matrix §6.2 (no meeting row), L-3",
        K::ShortlistSupervisionTopics
        | K::ApproveSupervisionPlan
        | K::PublishSupervisionPlan
        | K::ChooseSupervisionTopic
        | K::AdjustSupervisionPlan => {
            "permission-matrix §6.2 (annual supervision plan), W9, R-M17, R-M23, L-20"
        }
        K::ScheduleWorkReport
        | K::RecordReportResearch
        | K::SubmitWorkReport
        | K::ReturnWorkReport
        | K::HearWorkReport
        | K::CloseWorkReport => "permission-matrix §6.2 (special work report), W10, L-15, R-M15",
        K::IssueReviewOpinion | K::ReportOpinionHandling | K::FollowUpWorkReport => {
            "permission-matrix §6.2 (review opinion), W10, L-16"
        }
        K::ProposeSupervisionTopic => "permission-matrix §6.2 (supervision topic), L-20",
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
        K::DeclareEvaluationScope | K::PlanWorkEvaluation => {
            "permission-matrix §6.2 (no row; as the annual supervision plan), W5, R-E1, R-E5"
        }
        K::StartWorkEvaluation | K::SubmitInvestigationReport => {
            "permission-matrix §6.2 (department evaluation: investigation report), R-E2, R-E5"
        }
        K::SubmitSelfInspectionReport | K::ReportRectification => {
            "permission-matrix §6.2 (department evaluation: self-report), R-E2"
        }
        K::DeliberateWorkEvaluation
        | K::RecordSatisfactionVote
        | K::PublishWorkEvaluationResult => {
            "permission-matrix §6.2 (department evaluation: satisfaction vote), R-E3"
        }
        K::IssueEvaluationOpinion => {
            "permission-matrix §6.2 (review opinion row, for 评议意见书), R-E6"
        }
        K::LookBackWorkEvaluation | K::CloseWorkEvaluation => {
            "permission-matrix §6.2 (no row; department evaluation), R-E4"
        }
        K::EscalateWorkEvaluation => "permission-matrix §6.2 (evaluation: escalation), R-E4",
        K::HoldTopicInquiry => {
            "permission-matrix §6.2 (no topic-inquiry row; SC hears), W23, R-M14"
        }
        K::ProposeInterpellation
        | K::DecideInterpellationAnswer
        | K::AnswerInterpellation
        | K::RateInterpellationAnswer
        | K::CloseInterpellation => {
            "permission-matrix §6.2 (department evaluation: escalation), W23, L-17"
        }
        K::ProposeSpecialInvestigation
        | K::DecideSpecialInvestigation
        | K::ReportSpecialInvestigation => {
            "permission-matrix §6.2 (department evaluation: escalation), W23, L-18"
        }
        K::ProposeRemoval => "permission-matrix §6.2 (appointment and removal), W23, L-19",
        K::DecideRemoval => "permission-matrix §6.2 (appointment and removal), L-19, L-4",
        K::FileNormativeDocument
        | K::ReviewNormativeDocument
        | K::RecordReviewFinding
        | K::SendFilingReviewOpinion
        | K::AnswerFilingReviewOpinion
        | K::CorrectNormativeDocument
        | K::RevokeNormativeDocument => {
            "permission-matrix §6.2 (normative document filing), W12, L-22"
        }
        K::PairCommitteeDepartments
        | K::PreReviewDepartmentBudget
        | K::HoldBudgetPreReviewMeeting
        | K::KeyBudgetReview => "permission-matrix §6.2 (budget pre-review opinions), W13, R-B1",
        K::ApproveBudgetAdjustment => "permission-matrix §6.2 (no row; SC approves), L-21",
        K::RecordAuditFindings
        | K::TrackAuditFinding
        | K::StrikeOffAuditFinding
        | K::SendBudgetReminder => "permission-matrix §6.2 (no row), W13, R-B8, R-B9",
        K::SubmitPreliminaryBudget | K::RecordBudgetIssuance => {
            "permission-matrix §6.2 (no row; the government reports), L-21"
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

// The full role × command matrix is checked against the hand-written table in
// tests/permissions/commands.json by core/tests/permission_matrix.rs.
