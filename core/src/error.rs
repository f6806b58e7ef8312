//! Errors: one typed enum, each variant with a stable snake_case code, the offending field
//! and value where there is one, and the rule it enforces (R-… / L-… of the domain spec).
//!
//! A rejected command never changes the ledger. Every error serialises to the wire format
//! `{"code", "message", "field", "value", "rule"}` ([`ErrorInfo`]).

use crate::calendar::CalendarError;
use serde::{Deserialize, Serialize};

/// Broad classes of errors; the bindings map each to an exception / `Error` subclass.
///
/// ```
/// use renda::{ErrorKind, RendaError};
/// let e = RendaError::UnknownCommand { value: "fly".into() };
/// assert_eq!(e.kind(), ErrorKind::Input);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input is malformed: bad JSON, unknown command, missing or invalid field.
    Input,
    /// The actor's role may not issue this command, or not on this item.
    Permission,
    /// A referenced entity does not exist.
    NotFound,
    /// The entity exists already, or the command is out of time order.
    Conflict,
    /// The command is well formed and allowed, but a rule of the lifecycle forbids it now.
    Rule,
    /// A date falls outside the working-day calendar data.
    Calendar,
    /// A rule set is invalid or none is in force.
    RuleSet,
    /// A log or snapshot fails its integrity check: an event was edited, deleted, inserted or
    /// moved (see [`crate::chain`]).
    Integrity,
}

impl ErrorKind {
    /// Every kind.
    ///
    /// ```
    /// assert_eq!(renda::ErrorKind::ALL.len(), 8);
    /// ```
    pub const ALL: [ErrorKind; 8] = [
        ErrorKind::Input,
        ErrorKind::Permission,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::Rule,
        ErrorKind::Calendar,
        ErrorKind::RuleSet,
        ErrorKind::Integrity,
    ];
}

/// The stable codes of [`RendaError::RuleViolation`]s, one constant per rule.
///
/// ```
/// assert_eq!(renda::error::rule_codes::EXTENSION_LIMIT_REACHED, "extension_limit_reached");
/// ```
pub mod rule_codes {
    /// The deputy does not sit in the congress the suggestion is addressed to (R-S13).
    pub const WRONG_CONGRESS: &str = "wrong_congress";
    /// More co-signers than the rule set allows.
    pub const TOO_MANY_COSIGNERS: &str = "too_many_cosigners";
    /// The suggestion can no longer be withdrawn.
    pub const WITHDRAWAL_TOO_LATE: &str = "withdrawal_too_late";
    /// The reply deadline has been extended as often as allowed (L-1).
    pub const EXTENSION_LIMIT_REACHED: &str = "extension_limit_reached";
    /// The co-unit has sent its opinion for this round already.
    pub const OPINION_ALREADY_SUBMITTED: &str = "opinion_already_submitted";
    /// The lead unit replied before every co-unit sent its opinion.
    pub const CO_UNIT_OPINIONS_MISSING: &str = "co_unit_opinions_missing";
    /// Only a category B reply can place the suggestion in a plan (L-25).
    pub const IN_PLAN_REQUIRES_B: &str = "in_plan_requires_b";
    /// A category C reply needs a reason (L-25).
    pub const REASON_REQUIRED: &str = "reason_required";
    /// The deputy has rated this reply already.
    pub const FEEDBACK_ALREADY_GIVEN: &str = "feedback_already_given";

    /// The congress already has as many deputies as its quota allows (L-7).
    pub const DEPUTY_QUOTA_EXCEEDED: &str = "deputy_quota_exceeded";
    /// The standing committee already has as many members as the law allows (L-6).
    pub const COMMITTEE_SIZE_EXCEEDED: &str = "committee_size_exceeded";
    /// The deputy does not hold office on that date (not yet elected, suspended or terminated).
    pub const NOT_IN_OFFICE: &str = "not_in_office";
    /// A resignation is decided only on a written resignation (L-9).
    pub const RESIGNATION_NOT_SUBMITTED: &str = "resignation_not_submitted";
    /// The tally's member count differs from the body's membership (L-4, L-9).
    pub const VOTE_MEMBERS_MISMATCH: &str = "vote_members_mismatch";
    /// Resignation and absences terminate a qualification through their own commands (L-9, L-11).
    pub const REASON_HAS_OWN_PROCEDURE: &str = "reason_has_own_procedure";
    /// Only a suspended deputy can be reinstated (L-11).
    pub const NOT_SUSPENDED: &str = "not_suspended";
    /// An activity is recorded after it took place (R-D4).
    pub const DATE_IN_FUTURE: &str = "date_in_future";
    /// A voter issue is triaged once (W7).
    pub const ISSUE_ALREADY_TRIAGED: &str = "issue_already_triaged";
    /// A voter issue is answered or closed after it is triaged (W7).
    pub const ISSUE_NOT_TRIAGED: &str = "issue_not_triaged";
    /// A closed voter issue cannot change (W7).
    pub const ISSUE_CLOSED: &str = "issue_closed";
    /// A voter issue becomes a recess suggestion (闭会建议) (W7).
    pub const NOT_RECESS_SUGGESTION: &str = "not_recess_suggestion";
    /// The rule set in force keeps no performance points (W6).
    pub const NO_POINT_TABLE: &str = "no_point_table";
    /// Points are published per quarter at a home or station and per year for the congress (R-D2).
    pub const WRONG_PUBLICATION_PERIOD: &str = "wrong_publication_period";
    /// Points are published after the period ends (R-D2).
    pub const PERIOD_NOT_OVER: &str = "period_not_over";
    /// No annual points publication lists the deputy yet (R-D2).
    pub const NOT_ASSESSED: &str = "not_assessed";
    /// An interview follows points below the threshold in the latest annual publication (R-D2).
    pub const NOT_BELOW_THRESHOLD: &str = "not_below_threshold";
    /// Resignation is advised only after an interview (R-D2).
    pub const NO_INTERVIEW: &str = "no_interview";
    /// Resignation is advised only after a later annual publication shows no improvement (R-D2).
    pub const NO_LATER_ASSESSMENT: &str = "no_later_assessment";
    /// The deputy's points rose to the threshold after the interview (R-D2).
    pub const IMPROVED_AFTER_INTERVIEW: &str = "improved_after_interview";
    /// Fewer deputies jointly than a motion needs (L-2, R-P7: 10 at county level and above, 5 at
    /// township level).
    pub const TOO_FEW_SPONSORS: &str = "too_few_sponsors";
    /// A motion is submitted only within its session's submission window, to a session of its
    /// congress (L-2).
    pub const OUTSIDE_SUBMISSION_WINDOW: &str = "outside_submission_window";
    /// A listed motion is withdrawn only with the presidium's consent (L-2).
    pub const CONSENT_REQUIRED: &str = "consent_required";
    /// The motion's handling working group is missing or lacks members or proposing deputies (R-P3).
    pub const WORKING_GROUP_INCOMPLETE: &str = "working_group_incomplete";
    /// The standing committee has not yet heard the year's motion-handling report (W4 step 7, R-P5).
    pub const NO_HANDLING_REPORT: &str = "no_handling_report";
    /// A motion's handling year is concluded only after its reports and review opinion (W4 step 7, R-P5).
    pub const YEAR_NOT_REVIEWED: &str = "year_not_reviewed";
    /// The motion's supervision and tracking years are over (R-P2).
    pub const TRACKING_PERIOD_OVER: &str = "tracking_period_over";
    /// A key suggestion is designated after a street or committee recommended it (R-S7).
    pub const NOT_RECOMMENDED: &str = "not_recommended";
    /// The rule set in force does not let this body designate key suggestions (§6.2, R-S7).
    pub const NOT_DESIGNATING_BODY: &str = "not_designating_body";
    /// The suggestion has not been designated a key suggestion (W2).
    pub const NOT_KEY: &str = "not_key";
    /// A key-suggestion meeting lacks an organ or deputy that must attend (R-S7, R-S14).
    pub const ORGANS_MISSING: &str = "organs_missing";
    /// Key-suggestion meetings follow the three-meeting model's order ([002:L287]).
    pub const MEETING_OUT_OF_ORDER: &str = "meeting_out_of_order";
    /// Deputies rate on the spot only at a supervision meeting (W2 step 4).
    pub const ON_THE_SPOT_ONLY_AT_SUPERVISION: &str = "on_the_spot_only_at_supervision";
    /// An on-the-spot rating comes from an attending proposer (W2 step 4).
    pub const RATER_NOT_ATTENDING_PROPOSER: &str = "rater_not_attending_proposer";
    /// The back-to-back assessment was announced; no more ratings (R-S8).
    pub const ASSESSMENT_PUBLISHED: &str = "assessment_published";
    /// An assessment is announced after at least one quality rating (W2 step 5).
    pub const NO_QUALITY_RATINGS: &str = "no_quality_ratings";
    /// The role does not lead this supervision mode (W1 step 7).
    pub const MODE_NOT_FOR_ROLE: &str = "mode_not_for_role";
    /// A supervision monitor is not a proposer of the suggestion (W1 step 7).
    pub const MONITOR_IS_PROPOSER: &str = "monitor_is_proposer";
    /// A sampled suggestion does not belong to its stated category (R-S10).
    pub const SAMPLE_CATEGORY_MISMATCH: &str = "sample_category_mismatch";
    /// An evaluation report has exactly one finding per sampled suggestion (W3 step 3).
    pub const FINDINGS_MISMATCH_SAMPLE: &str = "findings_mismatch_sample";
    /// The suggestion is already in a class case (W1 step 4).
    pub const ALREADY_GROUPED: &str = "already_grouped";
    /// A suggestion of a class case is assigned to the group's lead unit only (W1 step 4).
    pub const CLASS_CASE_LEAD_UNIT: &str = "class_case_lead_unit";
    /// The class case was dissolved (W1 step 4).
    pub const CLASS_CASE_DISSOLVED: &str = "class_case_dissolved";
    /// The suggestion is not in that class case (W1 step 4).
    pub const NOT_IN_CLASS_CASE: &str = "not_in_class_case";
    /// R-M9: the first agenda item of a standing-committee or director meeting is political study.
    pub const POLITICAL_STUDY_FIRST: &str = "political_study_first";
    /// A ballot needs the meeting's attendance recorded first (L-3).
    pub const ATTENDANCE_NOT_RECORDED: &str = "attendance_not_recorded";
    /// Too few members present to hold the meeting or vote (L-3; more than half for an SC meeting).
    pub const QUORUM_NOT_MET: &str = "quorum_not_met";
    /// A speech is longer than the rule set allows (R-M1, R-M2, R-M3).
    pub const SPEAKING_TIME_EXCEEDED: &str = "speaking_time_exceeded";
    /// Fewer than one fifth of the deputies requested an extraordinary session (L-3).
    pub const EXTRAORDINARY_REQUEST_TOO_SMALL: &str = "extraordinary_request_too_small";
    /// An extraordinary congress session needs an open request of one fifth of the deputies (L-3).
    pub const EXTRAORDINARY_NOT_REQUESTED: &str = "extraordinary_not_requested";
    /// Only proposed topics are shortlisted, and only shortlisted topics enter a plan (W9 step 3).
    pub const TOPIC_NOT_SHORTLISTED: &str = "topic_not_shortlisted";
    /// The supervision plan is published and sent to deputies at the start of the year, by the rule set's month (R-M17).
    pub const PLAN_PUBLISHED_LATE: &str = "plan_published_late";
    /// Deputies choose topics from a published plan only (W9 step 6, R-M17).
    pub const PLAN_NOT_PUBLISHED: &str = "plan_not_published";
    /// The rule set in force does not allow the plan to be adjusted (L-20: allowed since 2024).
    pub const PLAN_ADJUSTMENT_NOT_ALLOWED: &str = "plan_adjustment_not_allowed";
    /// The revised version of a report comes after the first version (L-15).
    pub const REVISED_BEFORE_FIRST: &str = "revised_before_first";
    /// A report is heard once its revised version is submitted (L-15).
    pub const REVISED_REPORT_MISSING: &str = "revised_report_missing";
    /// A report returned for revision is heard once submitted again (R-M15).
    pub const REPORT_RETURNED: &str = "report_returned";
    /// Research is a mandatory step before a report is heard (R-M20, rule flag).
    pub const RESEARCH_MISSING: &str = "research_missing";
    /// Final accounts are heard with performance-evaluation reports attached (R-B7, rule flag).
    pub const PERFORMANCE_REPORTS_MISSING: &str = "performance_reports_missing";
    /// A report is heard at its standing-committee meeting, on the meeting day (W10 step 5).
    pub const REPORT_NOT_ON_MEETING_DAY: &str = "report_not_on_meeting_day";
    /// A report is closed after the organ has reported how it handled the review opinion (L-16).
    pub const OPINION_HANDLING_MISSING: &str = "opinion_handling_missing";
    /// A law is not inspected in a year before it takes effect (R-L1).
    pub const INSPECTED_BEFORE_EFFECT: &str = "inspected_before_effect";
    /// An inspection team has at least one small group, each with deputies (R-L3).
    pub const INSPECTION_TEAM_INCOMPLETE: &str = "inspection_team_incomplete";
    /// An inspection report comes with its issue list, or states that there are no issues (R-L2).
    pub const ISSUE_LIST_REQUIRED: &str = "issue_list_required";
    /// Before the report only issues handed over during the inspection are rectified (W11).
    pub const ISSUE_NOT_HANDED_OVER: &str = "issue_not_handed_over";
    /// The inspection issue was rectified already (R-L2).
    pub const ISSUE_ALREADY_RECTIFIED: &str = "issue_already_rectified";
    /// No look-back before the transition period ends (R-L4).
    pub const LOOK_BACK_TOO_EARLY: &str = "look_back_too_early";
    /// An inspection closes once every issue is rectified or a look-back was done (W11).
    pub const INSPECTION_ISSUES_OPEN: &str = "inspection_issues_open";
    /// A delegation sends one recorder to a session (R-M6).
    pub const SECOND_RECORDER: &str = "second_recorder";
    /// Opinions on the congress's work go into the SC work plan, on government work to the government (W14).
    pub const ROUTE_MISMATCH: &str = "route_mismatch";
    /// The director meeting hears the handling report on deliberation opinions in the rule set's quarter (R-M7).
    pub const NOT_IN_REPORT_QUARTER: &str = "not_in_report_quarter";
    /// A resolution duty is recorded for a year the resolution is followed (W14).
    pub const NOT_A_FOLLOW_UP_YEAR: &str = "not_a_follow_up_year";
    /// A year's livelihood list approves projects proposed for that year (W19).
    pub const WRONG_PROJECT_YEAR: &str = "wrong_project_year";
    /// A completion report is heard for a year with approved livelihood projects (W19).
    pub const NO_APPROVED_PROJECTS: &str = "no_approved_projects";
    /// The work-evaluation team is led by a standing-committee vice director, with heads of special
    /// committees as vice-leaders and standing-committee members, each person once (R-E5).
    pub const TEAM_COMPOSITION: &str = "team_composition";
    /// A department is evaluated at most once a year (R-E1).
    pub const DEPARTMENT_ALREADY_EVALUATED: &str = "department_already_evaluated";
    /// The standing committee deliberates a work evaluation after both reports are in (R-E3).
    pub const MEETING_BEFORE_REPORTS: &str = "meeting_before_reports";
    /// The satisfaction vote is taken on the spot, at the deliberation meeting (R-E3).
    pub const VOTE_NOT_AT_DELIBERATION: &str = "vote_not_at_deliberation";
    /// Fewer than two thirds of the members are present for the satisfaction vote (L-3, R-E3).
    pub const SATISFACTION_VOTE_NO_QUORUM: &str = "satisfaction_vote_no_quorum";
    /// A satisfaction-vote option is not on the scale of the rule set (R-E3).
    pub const OPTION_NOT_ON_SCALE: &str = "option_not_on_scale";
    /// A work evaluation closes only after an adequate look-back (R-E4).
    pub const LOOK_BACK_NOT_ADEQUATE: &str = "look_back_not_adequate";
    /// Escalation follows a weak or late look-back, or an overdue rectification report (R-E4).
    pub const NO_GROUNDS_FOR_ESCALATION: &str = "no_grounds_for_escalation";
    /// Fewer proposers than the law requires for an interpellation, investigation or removal (L-17, L-18, L-19).
    pub const TOO_FEW_PROPOSERS: &str = "too_few_proposers";
    /// A proposer is not a member of the standing committee (L-17, L-18, L-19).
    pub const NOT_SC_MEMBER: &str = "not_sc_member";
    /// A proposal by deputies, delegations or the presidium is made during a session of the congress (L-17, L-18).
    pub const OUTSIDE_SESSION: &str = "outside_session";
    /// The proposer has rated this interpellation answer already (L-17).
    pub const ALREADY_RATED: &str = "already_rated";
    /// The rule set in force does not file this kind of organ's documents (R-F2).
    pub const ISSUER_OUT_OF_SCOPE: &str = "issuer_out_of_scope";
    /// A budget department is paired with one committee at a time (R-B1).
    pub const DEPARTMENT_PAIRED_ELSEWHERE: &str = "department_paired_elsewhere";
    /// A committee pre-reviews only its paired departments (R-B1).
    pub const DEPARTMENT_NOT_PAIRED: &str = "department_not_paired";
    /// Each of the 预算四问 needs an answer (R-B11).
    pub const FOUR_QUESTIONS_UNANSWERED: &str = "four_questions_unanswered";
    /// The budget pre-review meeting lasts at least the rule-set days (R-M10).
    pub const PRE_REVIEW_MEETING_TOO_SHORT: &str = "pre_review_meeting_too_short";
    /// The pre-review meeting hears the four budgets and what the rule set adds (R-B2).
    pub const BUDGETS_NOT_HEARD: &str = "budgets_not_heard";
    /// The key review covers at least the rule-set number of departments (R-B10).
    pub const TOO_FEW_KEY_REVIEW_DEPARTMENTS: &str = "too_few_key_review_departments";
    /// Only a finding on the tracking list is struck off (R-B8).
    pub const FINDING_NOT_TRACKED: &str = "finding_not_tracked";
    /// A formal letter follows a reminder to the same unit in the year (R-B9).
    pub const NO_PRIOR_REMINDER: &str = "no_prior_reminder";
    /// The preliminary draft budget reaches the standing committee the rule-set days before the session (L-21).
    pub const PRELIMINARY_BUDGET_LATE: &str = "preliminary_budget_late";
    /// The approved budget is issued within the rule-set days (L-21).
    pub const BUDGET_ISSUED_LATE: &str = "budget_issued_late";

    /// Every rule-violation code.
    pub const ALL: &[&str] = &[
        WRONG_CONGRESS,
        TOO_MANY_COSIGNERS,
        WITHDRAWAL_TOO_LATE,
        EXTENSION_LIMIT_REACHED,
        OPINION_ALREADY_SUBMITTED,
        CO_UNIT_OPINIONS_MISSING,
        IN_PLAN_REQUIRES_B,
        REASON_REQUIRED,
        FEEDBACK_ALREADY_GIVEN,
        DEPUTY_QUOTA_EXCEEDED,
        COMMITTEE_SIZE_EXCEEDED,
        NOT_IN_OFFICE,
        RESIGNATION_NOT_SUBMITTED,
        VOTE_MEMBERS_MISMATCH,
        REASON_HAS_OWN_PROCEDURE,
        NOT_SUSPENDED,
        DATE_IN_FUTURE,
        ISSUE_ALREADY_TRIAGED,
        ISSUE_NOT_TRIAGED,
        ISSUE_CLOSED,
        NOT_RECESS_SUGGESTION,
        NO_POINT_TABLE,
        WRONG_PUBLICATION_PERIOD,
        PERIOD_NOT_OVER,
        NOT_ASSESSED,
        NOT_BELOW_THRESHOLD,
        NO_INTERVIEW,
        NO_LATER_ASSESSMENT,
        IMPROVED_AFTER_INTERVIEW,
        TOO_FEW_SPONSORS,
        OUTSIDE_SUBMISSION_WINDOW,
        CONSENT_REQUIRED,
        WORKING_GROUP_INCOMPLETE,
        NO_HANDLING_REPORT,
        YEAR_NOT_REVIEWED,
        TRACKING_PERIOD_OVER,
        NOT_RECOMMENDED,
        NOT_DESIGNATING_BODY,
        NOT_KEY,
        ORGANS_MISSING,
        MEETING_OUT_OF_ORDER,
        ON_THE_SPOT_ONLY_AT_SUPERVISION,
        RATER_NOT_ATTENDING_PROPOSER,
        ASSESSMENT_PUBLISHED,
        NO_QUALITY_RATINGS,
        MODE_NOT_FOR_ROLE,
        MONITOR_IS_PROPOSER,
        SAMPLE_CATEGORY_MISMATCH,
        FINDINGS_MISMATCH_SAMPLE,
        ALREADY_GROUPED,
        CLASS_CASE_LEAD_UNIT,
        CLASS_CASE_DISSOLVED,
        NOT_IN_CLASS_CASE,
        POLITICAL_STUDY_FIRST,
        ATTENDANCE_NOT_RECORDED,
        QUORUM_NOT_MET,
        SPEAKING_TIME_EXCEEDED,
        EXTRAORDINARY_REQUEST_TOO_SMALL,
        EXTRAORDINARY_NOT_REQUESTED,
        TOPIC_NOT_SHORTLISTED,
        PLAN_PUBLISHED_LATE,
        PLAN_NOT_PUBLISHED,
        PLAN_ADJUSTMENT_NOT_ALLOWED,
        REVISED_BEFORE_FIRST,
        REVISED_REPORT_MISSING,
        REPORT_RETURNED,
        RESEARCH_MISSING,
        PERFORMANCE_REPORTS_MISSING,
        REPORT_NOT_ON_MEETING_DAY,
        OPINION_HANDLING_MISSING,
        INSPECTED_BEFORE_EFFECT,
        INSPECTION_TEAM_INCOMPLETE,
        ISSUE_LIST_REQUIRED,
        ISSUE_NOT_HANDED_OVER,
        ISSUE_ALREADY_RECTIFIED,
        LOOK_BACK_TOO_EARLY,
        INSPECTION_ISSUES_OPEN,
        SECOND_RECORDER,
        ROUTE_MISMATCH,
        NOT_IN_REPORT_QUARTER,
        NOT_A_FOLLOW_UP_YEAR,
        WRONG_PROJECT_YEAR,
        NO_APPROVED_PROJECTS,
        TEAM_COMPOSITION,
        DEPARTMENT_ALREADY_EVALUATED,
        MEETING_BEFORE_REPORTS,
        VOTE_NOT_AT_DELIBERATION,
        SATISFACTION_VOTE_NO_QUORUM,
        OPTION_NOT_ON_SCALE,
        LOOK_BACK_NOT_ADEQUATE,
        NO_GROUNDS_FOR_ESCALATION,
        TOO_FEW_PROPOSERS,
        NOT_SC_MEMBER,
        OUTSIDE_SESSION,
        ALREADY_RATED,
        ISSUER_OUT_OF_SCOPE,
        DEPARTMENT_PAIRED_ELSEWHERE,
        DEPARTMENT_NOT_PAIRED,
        FOUR_QUESTIONS_UNANSWERED,
        PRE_REVIEW_MEETING_TOO_SHORT,
        BUDGETS_NOT_HEARD,
        TOO_FEW_KEY_REVIEW_DEPARTMENTS,
        FINDING_NOT_TRACKED,
        NO_PRIOR_REMINDER,
        PRELIMINARY_BUDGET_LATE,
        BUDGET_ISSUED_LATE,
    ];
}

/// The code the bindings report for a bug in renda (a panic caught at the boundary).
pub const INTERNAL_ERROR: &str = "internal_error";

/// Every error code renda reports: [`RendaError::code`] of every variant, every rule-violation
/// code ([`rule_codes::ALL`]) and [`INTERNAL_ERROR`].
///
/// ```
/// use renda::error::CODES;
/// assert!(CODES.contains(&"missing_field"));
/// assert!(CODES.contains(&"reason_required"));
/// assert!(CODES.contains(&"internal_error"));
/// ```
pub const CODES: &[&str] = &[
    "invalid_json",
    "unknown_command",
    "missing_field",
    "invalid_field",
    "permission_denied",
    "not_party",
    "not_found",
    "already_exists",
    "out_of_order",
    "invalid_transition",
    "date_outside_calendar",
    "no_rule_set",
    "invalid_rule_set",
    "chain_broken",
    "not_published",
    rule_codes::WRONG_CONGRESS,
    rule_codes::TOO_MANY_COSIGNERS,
    rule_codes::WITHDRAWAL_TOO_LATE,
    rule_codes::EXTENSION_LIMIT_REACHED,
    rule_codes::OPINION_ALREADY_SUBMITTED,
    rule_codes::CO_UNIT_OPINIONS_MISSING,
    rule_codes::IN_PLAN_REQUIRES_B,
    rule_codes::REASON_REQUIRED,
    rule_codes::FEEDBACK_ALREADY_GIVEN,
    rule_codes::DEPUTY_QUOTA_EXCEEDED,
    rule_codes::COMMITTEE_SIZE_EXCEEDED,
    rule_codes::NOT_IN_OFFICE,
    rule_codes::RESIGNATION_NOT_SUBMITTED,
    rule_codes::VOTE_MEMBERS_MISMATCH,
    rule_codes::REASON_HAS_OWN_PROCEDURE,
    rule_codes::NOT_SUSPENDED,
    rule_codes::DATE_IN_FUTURE,
    rule_codes::ISSUE_ALREADY_TRIAGED,
    rule_codes::ISSUE_NOT_TRIAGED,
    rule_codes::ISSUE_CLOSED,
    rule_codes::NOT_RECESS_SUGGESTION,
    rule_codes::NO_POINT_TABLE,
    rule_codes::WRONG_PUBLICATION_PERIOD,
    rule_codes::PERIOD_NOT_OVER,
    rule_codes::NOT_ASSESSED,
    rule_codes::NOT_BELOW_THRESHOLD,
    rule_codes::NO_INTERVIEW,
    rule_codes::NO_LATER_ASSESSMENT,
    rule_codes::IMPROVED_AFTER_INTERVIEW,
    rule_codes::TOO_FEW_SPONSORS,
    rule_codes::OUTSIDE_SUBMISSION_WINDOW,
    rule_codes::CONSENT_REQUIRED,
    rule_codes::WORKING_GROUP_INCOMPLETE,
    rule_codes::NO_HANDLING_REPORT,
    rule_codes::YEAR_NOT_REVIEWED,
    rule_codes::TRACKING_PERIOD_OVER,
    rule_codes::NOT_RECOMMENDED,
    rule_codes::NOT_DESIGNATING_BODY,
    rule_codes::NOT_KEY,
    rule_codes::ORGANS_MISSING,
    rule_codes::MEETING_OUT_OF_ORDER,
    rule_codes::ON_THE_SPOT_ONLY_AT_SUPERVISION,
    rule_codes::RATER_NOT_ATTENDING_PROPOSER,
    rule_codes::ASSESSMENT_PUBLISHED,
    rule_codes::NO_QUALITY_RATINGS,
    rule_codes::MODE_NOT_FOR_ROLE,
    rule_codes::MONITOR_IS_PROPOSER,
    rule_codes::SAMPLE_CATEGORY_MISMATCH,
    rule_codes::FINDINGS_MISMATCH_SAMPLE,
    rule_codes::ALREADY_GROUPED,
    rule_codes::CLASS_CASE_LEAD_UNIT,
    rule_codes::CLASS_CASE_DISSOLVED,
    rule_codes::NOT_IN_CLASS_CASE,
    rule_codes::POLITICAL_STUDY_FIRST,
    rule_codes::ATTENDANCE_NOT_RECORDED,
    rule_codes::QUORUM_NOT_MET,
    rule_codes::SPEAKING_TIME_EXCEEDED,
    rule_codes::EXTRAORDINARY_REQUEST_TOO_SMALL,
    rule_codes::EXTRAORDINARY_NOT_REQUESTED,
    rule_codes::TOPIC_NOT_SHORTLISTED,
    rule_codes::PLAN_PUBLISHED_LATE,
    rule_codes::PLAN_NOT_PUBLISHED,
    rule_codes::PLAN_ADJUSTMENT_NOT_ALLOWED,
    rule_codes::REVISED_BEFORE_FIRST,
    rule_codes::REVISED_REPORT_MISSING,
    rule_codes::REPORT_RETURNED,
    rule_codes::RESEARCH_MISSING,
    rule_codes::PERFORMANCE_REPORTS_MISSING,
    rule_codes::REPORT_NOT_ON_MEETING_DAY,
    rule_codes::OPINION_HANDLING_MISSING,
    rule_codes::INSPECTED_BEFORE_EFFECT,
    rule_codes::INSPECTION_TEAM_INCOMPLETE,
    rule_codes::ISSUE_LIST_REQUIRED,
    rule_codes::ISSUE_NOT_HANDED_OVER,
    rule_codes::ISSUE_ALREADY_RECTIFIED,
    rule_codes::LOOK_BACK_TOO_EARLY,
    rule_codes::INSPECTION_ISSUES_OPEN,
    rule_codes::SECOND_RECORDER,
    rule_codes::ROUTE_MISMATCH,
    rule_codes::NOT_IN_REPORT_QUARTER,
    rule_codes::NOT_A_FOLLOW_UP_YEAR,
    rule_codes::WRONG_PROJECT_YEAR,
    rule_codes::NO_APPROVED_PROJECTS,
    rule_codes::TEAM_COMPOSITION,
    rule_codes::DEPARTMENT_ALREADY_EVALUATED,
    rule_codes::MEETING_BEFORE_REPORTS,
    rule_codes::VOTE_NOT_AT_DELIBERATION,
    rule_codes::SATISFACTION_VOTE_NO_QUORUM,
    rule_codes::OPTION_NOT_ON_SCALE,
    rule_codes::LOOK_BACK_NOT_ADEQUATE,
    rule_codes::NO_GROUNDS_FOR_ESCALATION,
    rule_codes::TOO_FEW_PROPOSERS,
    rule_codes::NOT_SC_MEMBER,
    rule_codes::OUTSIDE_SESSION,
    rule_codes::ALREADY_RATED,
    rule_codes::ISSUER_OUT_OF_SCOPE,
    rule_codes::DEPARTMENT_PAIRED_ELSEWHERE,
    rule_codes::DEPARTMENT_NOT_PAIRED,
    rule_codes::FOUR_QUESTIONS_UNANSWERED,
    rule_codes::PRE_REVIEW_MEETING_TOO_SHORT,
    rule_codes::BUDGETS_NOT_HEARD,
    rule_codes::TOO_FEW_KEY_REVIEW_DEPARTMENTS,
    rule_codes::FINDING_NOT_TRACKED,
    rule_codes::NO_PRIOR_REMINDER,
    rule_codes::PRELIMINARY_BUDGET_LATE,
    rule_codes::BUDGET_ISSUED_LATE,
    INTERNAL_ERROR,
];

/// Every error renda reports.
///
/// ```
/// use renda::RendaError;
/// let e = RendaError::MissingField { field: "command.title".into() };
/// assert_eq!(e.code(), "missing_field");
/// assert_eq!(e.field(), Some("command.title"));
/// assert_eq!(e.to_string(), "missing field `command.title`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RendaError {
    /// The text is not valid JSON.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    InvalidJson {
        /// What the parser said.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The command `type` is not one renda knows.
    #[error("unknown command type `{value}`")]
    UnknownCommand {
        /// The type given.
        value: String,
    },
    /// A required field is absent.
    #[error("missing field `{field}`")]
    MissingField {
        /// Path of the field, e.g. `command.title`.
        field: String,
    },
    /// A field is present but its value is not acceptable.
    #[error("invalid value for `{field}`: {reason} (got {value:?})")]
    InvalidField {
        /// Path of the field.
        field: String,
        /// The value given (shortened if long).
        value: String,
        /// Why it is not acceptable.
        reason: String,
    },
    /// The role may not issue this command at all (see the permission matrix, domain §6.2).
    #[error("role `{role}` may not issue `{command}` ({rule})")]
    PermissionDenied {
        /// The actor's role.
        role: String,
        /// The command type.
        command: String,
        /// The rule that reserves the command.
        rule: &'static str,
    },
    /// The role may issue the command, but not on this item (e.g. a unit replying to a
    /// suggestion assigned to another unit).
    #[error("actor `{actor}` is not {relation} of {entity} `{id}` ({rule})")]
    NotParty {
        /// The actor id.
        actor: String,
        /// The required relation, e.g. "the lead unit".
        relation: &'static str,
        /// The entity kind.
        entity: &'static str,
        /// The entity id.
        id: String,
        /// The rule.
        rule: &'static str,
    },
    /// A referenced entity does not exist.
    #[error("{entity} `{id}` not found (field `{field}`)")]
    NotFound {
        /// Entity kind, e.g. "deputy".
        entity: &'static str,
        /// The id given.
        id: String,
        /// The field that referenced it.
        field: String,
    },
    /// An entity with this id is already registered.
    #[error("{entity} `{id}` already exists")]
    AlreadyExists {
        /// Entity kind.
        entity: &'static str,
        /// The id given.
        id: String,
    },
    /// Commands must come in time order; this one is earlier than the last recorded event.
    #[error("command time {at} is earlier than the last recorded event ({last})")]
    OutOfOrder {
        /// The command's time.
        at: String,
        /// The time of the last event.
        last: String,
    },
    /// The command does not fit the item's current state.
    #[error("cannot {action} {entity} `{id}` while it is {status} ({rule})")]
    InvalidTransition {
        /// What kind of item: `suggestion`, `motion`, `evaluation`, …
        entity: &'static str,
        /// The command field naming the item, e.g. `command.motion`.
        field: &'static str,
        /// The item's id.
        id: String,
        /// Its current status.
        status: &'static str,
        /// What was attempted.
        action: &'static str,
        /// The rule that orders the lifecycle.
        rule: &'static str,
    },
    /// A lifecycle rule forbids the command (extension limit, missing co-unit opinions, …).
    #[error("{message} ({rule})")]
    RuleViolation {
        /// Stable code of the rule violation, e.g. `extension_limit_reached`.
        code: &'static str,
        /// Field concerned.
        field: Option<String>,
        /// Value concerned.
        value: Option<String>,
        /// Human message.
        message: String,
        /// The rule id.
        rule: &'static str,
    },
    /// A date is outside the working-day calendar data.
    #[error("date {date} is outside the working-day calendar ({first_year}–{last_year}); load a calendar that covers it")]
    DateOutsideCalendar {
        /// The date.
        date: String,
        /// First covered year.
        first_year: i32,
        /// Last covered year.
        last_year: i32,
    },
    /// No rule set in force for the congress level on that date.
    #[error("no rule set in force for level `{level}` on {date}")]
    NoRuleSet {
        /// The level.
        level: String,
        /// The date.
        date: String,
    },
    /// A rule set is invalid.
    #[error("invalid rule set: `{field}`: {reason}")]
    InvalidRuleSet {
        /// The offending field.
        field: String,
        /// Why.
        reason: String,
    },
    /// The reader may see these figures only once they are published (domain §6.2).
    #[error("`{role}` may not see {what} of congress `{congress}` as of {as_of} (last published: {published})")]
    NotPublished {
        /// What was asked for: "figures", or live points (the public reads the publications).
        what: &'static str,
        /// The reader's role.
        role: String,
        /// The congress.
        congress: String,
        /// The date asked for.
        as_of: String,
        /// The last publication date (`none` if never published).
        published: String,
    },
    /// The hash chain of a log is broken at `index` (see [`crate::chain::verify`]).
    #[error("event log fails its integrity check at index {index} (seq {seq}): {problem} mismatch, expected {expected}, found {found}")]
    ChainBroken {
        /// `events[i].seq`, `events[i].prev`, `events[i].hash`, or `events` for the head.
        field: String,
        /// 0-based index in the log given.
        index: usize,
        /// The seq expected at that index.
        seq: u64,
        /// `sequence`, `link`, `hash` or `head` ([`crate::chain::Problem`]).
        problem: &'static str,
        /// What was expected there.
        expected: String,
        /// What was found.
        found: String,
    },
}

impl RendaError {
    /// The stable snake_case code; never changes once released.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidJson { .. } => "invalid_json",
            Self::UnknownCommand { .. } => "unknown_command",
            Self::MissingField { .. } => "missing_field",
            Self::InvalidField { .. } => "invalid_field",
            Self::PermissionDenied { .. } => "permission_denied",
            Self::NotParty { .. } => "not_party",
            Self::NotFound { .. } => "not_found",
            Self::AlreadyExists { .. } => "already_exists",
            Self::OutOfOrder { .. } => "out_of_order",
            Self::InvalidTransition { .. } => "invalid_transition",
            Self::RuleViolation { code, .. } => code,
            Self::DateOutsideCalendar { .. } => "date_outside_calendar",
            Self::NoRuleSet { .. } => "no_rule_set",
            Self::InvalidRuleSet { .. } => "invalid_rule_set",
            Self::ChainBroken { .. } => "chain_broken",
            Self::NotPublished { .. } => "not_published",
        }
    }

    /// The broad class of the error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::InvalidJson { .. }
            | Self::UnknownCommand { .. }
            | Self::MissingField { .. }
            | Self::InvalidField { .. } => ErrorKind::Input,
            Self::PermissionDenied { .. } | Self::NotParty { .. } | Self::NotPublished { .. } => {
                ErrorKind::Permission
            }
            Self::NotFound { .. } => ErrorKind::NotFound,
            Self::AlreadyExists { .. } | Self::OutOfOrder { .. } => ErrorKind::Conflict,
            Self::InvalidTransition { .. } | Self::RuleViolation { .. } => ErrorKind::Rule,
            Self::DateOutsideCalendar { .. } => ErrorKind::Calendar,
            Self::NoRuleSet { .. } | Self::InvalidRuleSet { .. } => ErrorKind::RuleSet,
            Self::ChainBroken { .. } => ErrorKind::Integrity,
        }
    }

    /// The offending field, as a dotted path, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::MissingField { field }
            | Self::InvalidField { field, .. }
            | Self::NotFound { field, .. }
            | Self::InvalidRuleSet { field, .. }
            | Self::ChainBroken { field, .. } => Some(field),
            Self::UnknownCommand { .. } => Some("command.type"),
            Self::PermissionDenied { .. } | Self::NotParty { .. } => Some("actor"),
            Self::OutOfOrder { .. } => Some("at"),
            Self::NotPublished { .. } => Some("as_of"),
            Self::InvalidTransition { field, .. } => Some(field),
            Self::RuleViolation { field, .. } => field.as_deref(),
            Self::DateOutsideCalendar { .. } => Some("at"),
            Self::NoRuleSet { .. } => Some("at"),
            Self::InvalidJson { .. } | Self::AlreadyExists { .. } => None,
        }
    }

    /// The offending value, where there is one.
    pub fn value(&self) -> Option<String> {
        match self {
            Self::InvalidField { value, .. } => Some(value.clone()),
            Self::UnknownCommand { value } => Some(value.clone()),
            Self::PermissionDenied { role, .. } => Some(role.clone()),
            Self::NotParty { actor, .. } => Some(actor.clone()),
            Self::NotFound { id, .. } | Self::AlreadyExists { id, .. } => Some(id.clone()),
            Self::OutOfOrder { at, .. } => Some(at.clone()),
            Self::InvalidTransition { id, .. } => Some(id.clone()),
            Self::RuleViolation { value, .. } => value.clone(),
            Self::DateOutsideCalendar { date, .. } | Self::NoRuleSet { date, .. } => {
                Some(date.clone())
            }
            Self::ChainBroken { found, .. } => Some(found.clone()),
            Self::NotPublished { as_of, .. } => Some(as_of.clone()),
            Self::InvalidJson { .. } | Self::MissingField { .. } | Self::InvalidRuleSet { .. } => {
                None
            }
        }
    }

    /// The rule id (R-…, L-…, or `permission-matrix`) the error enforces, where there is one.
    pub fn rule(&self) -> Option<&'static str> {
        match self {
            Self::PermissionDenied { rule, .. }
            | Self::NotParty { rule, .. }
            | Self::InvalidTransition { rule, .. }
            | Self::RuleViolation { rule, .. } => Some(rule),
            Self::NotPublished { .. } => Some("permission-matrix §6.2 (published results)"),
            _ => None,
        }
    }

    /// The wire form of the error.
    ///
    /// ```
    /// use renda::RendaError;
    /// let info = RendaError::UnknownCommand { value: "fly".into() }.info();
    /// assert_eq!(serde_json::to_string(&info).unwrap(),
    ///   r#"{"code":"unknown_command","kind":"input","message":"unknown command type `fly`","field":"command.type","value":"fly","rule":null}"#);
    /// ```
    pub fn info(&self) -> ErrorInfo {
        ErrorInfo {
            code: self.code().to_string(),
            kind: self.kind(),
            message: self.to_string(),
            field: self.field().map(str::to_string),
            value: self.value(),
            rule: self.rule().map(str::to_string),
        }
    }

    pub(crate) fn rule_violation(
        code: &'static str,
        rule: &'static str,
        field: Option<&str>,
        value: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        debug_assert!(
            rule_codes::ALL.contains(&code),
            "rule-violation code `{code}` is missing from error::rule_codes::ALL"
        );
        Self::RuleViolation {
            code,
            field: field.map(str::to_string),
            value,
            message: message.into(),
            rule,
        }
    }
}

impl From<CalendarError> for RendaError {
    fn from(e: CalendarError) -> Self {
        match e {
            CalendarError::OutsideData {
                date,
                first_year,
                last_year,
            } => Self::DateOutsideCalendar {
                date: date.to_string(),
                first_year,
                last_year,
            },
            CalendarError::InvalidData(reason) => Self::InvalidField {
                field: "calendar".into(),
                value: String::new(),
                reason,
            },
            CalendarError::Overflow { date } => Self::InvalidField {
                field: "at".into(),
                value: date.to_string(),
                reason: "date arithmetic overflows".into(),
            },
        }
    }
}

/// The wire form of an error (see `docs/wire-format.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Stable snake_case code.
    pub code: String,
    /// Broad class.
    pub kind: ErrorKind,
    /// Human-readable message (English).
    pub message: String,
    /// Offending field path.
    pub field: Option<String>,
    /// Offending value.
    pub value: Option<String>,
    /// Rule id enforced.
    pub rule: Option<String>,
}

/// Shorthand for results in renda.
pub type Result<T, E = RendaError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of every variant; the `match` makes a new variant a compile error here.
    fn samples() -> Vec<RendaError> {
        let s = || String::from("x");
        let all = vec![
            RendaError::InvalidJson {
                message: s(),
                line: 1,
                column: 1,
            },
            RendaError::UnknownCommand { value: s() },
            RendaError::MissingField { field: s() },
            RendaError::InvalidField {
                field: s(),
                value: s(),
                reason: s(),
            },
            RendaError::PermissionDenied {
                role: s(),
                command: s(),
                rule: "r",
            },
            RendaError::NotParty {
                actor: s(),
                relation: "r",
                entity: "e",
                id: s(),
                rule: "r",
            },
            RendaError::NotFound {
                entity: "e",
                id: s(),
                field: s(),
            },
            RendaError::AlreadyExists {
                entity: "e",
                id: s(),
            },
            RendaError::OutOfOrder { at: s(), last: s() },
            RendaError::InvalidTransition {
                entity: "suggestion",
                field: "command.suggestion",
                id: s(),
                status: "s",
                action: "a",
                rule: "r",
            },
            RendaError::DateOutsideCalendar {
                date: s(),
                first_year: 1,
                last_year: 2,
            },
            RendaError::NoRuleSet {
                level: s(),
                date: s(),
            },
            RendaError::InvalidRuleSet {
                field: s(),
                reason: s(),
            },
            RendaError::NotPublished {
                what: "figures",
                role: s(),
                congress: s(),
                as_of: s(),
                published: s(),
            },
            RendaError::ChainBroken {
                field: s(),
                index: 0,
                seq: 1,
                problem: "hash",
                expected: s(),
                found: s(),
            },
        ];
        for e in &all {
            match e {
                RendaError::InvalidJson { .. }
                | RendaError::UnknownCommand { .. }
                | RendaError::MissingField { .. }
                | RendaError::InvalidField { .. }
                | RendaError::PermissionDenied { .. }
                | RendaError::NotParty { .. }
                | RendaError::NotFound { .. }
                | RendaError::AlreadyExists { .. }
                | RendaError::OutOfOrder { .. }
                | RendaError::InvalidTransition { .. }
                | RendaError::RuleViolation { .. }
                | RendaError::DateOutsideCalendar { .. }
                | RendaError::NoRuleSet { .. }
                | RendaError::InvalidRuleSet { .. }
                | RendaError::ChainBroken { .. }
                | RendaError::NotPublished { .. } => {}
            }
        }
        let mut all = all;
        for code in rule_codes::ALL {
            all.push(RendaError::rule_violation(code, "r", None, None, "m"));
        }
        all
    }

    #[test]
    fn every_code_is_listed_and_every_listed_code_is_used() {
        let used: std::collections::BTreeSet<&str> = samples().iter().map(|e| e.code()).collect();
        for code in &used {
            assert!(CODES.contains(code), "`{code}` missing from error::CODES");
        }
        for &code in CODES {
            assert!(
                used.contains(code) || code == INTERNAL_ERROR,
                "`{code}` is never returned"
            );
        }
        let distinct: std::collections::BTreeSet<&str> = CODES.iter().copied().collect();
        assert_eq!(distinct.len(), CODES.len());
    }

    #[test]
    fn every_kind_is_listed() {
        for e in samples() {
            assert!(ErrorKind::ALL.contains(&e.kind()));
        }
    }
}
