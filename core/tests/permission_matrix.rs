//! The permission matrix (domain §6.2) checked cell by cell against the hand-written table
//! `tests/permissions/commands.json`: every role × every command type.
//!
//! The table is the specification. This test iterates over the enums (`Role`, `CommandKind`),
//! so a new role or command type fails here until the table has a row or a column for it.

use renda::{permissions, rules::RuleBook, CommandEnvelope, CommandKind, Ledger, Role};
use serde_json::Value;
use std::collections::BTreeSet;

const TABLE: &str = include_str!("../../tests/permissions/commands.json");

fn table() -> Value {
    serde_json::from_str(TABLE).expect("tests/permissions/commands.json is valid JSON")
}

/// Every role, by an exhaustive match: adding a variant to `Role` is a compile error here
/// until it is listed, and then a test failure until the table has its column.
fn every_role() -> Vec<Role> {
    let all: Vec<Role> = Role::ALL.to_vec();
    for role in &all {
        match role {
            Role::Deputy
            | Role::DeputyAffairsOffice
            | Role::HandlingUnit
            | Role::GovernmentOffice
            | Role::SpecialCommittee
            | Role::DirectorMeeting
            | Role::StandingCommittee
            | Role::StreetWorkingCommittee
            | Role::ThirdPartyEvaluator
            | Role::Public
            | Role::Admin => {}
        }
    }
    all
}

/// Every command kind, by an exhaustive match (see [`every_role`]).
fn every_kind() -> Vec<CommandKind> {
    let all: Vec<CommandKind> = CommandKind::ALL.to_vec();
    for kind in &all {
        match kind {
            CommandKind::RegisterCongress
            | CommandKind::RegisterDeputy
            | CommandKind::RegisterUnit
            | CommandKind::SubmitSuggestion
            | CommandKind::ReviseSuggestion
            | CommandKind::AcceptSuggestion
            | CommandKind::ReturnSuggestion
            | CommandKind::RejectSuggestion
            | CommandKind::WithdrawSuggestion
            | CommandKind::AssignSuggestion
            | CommandKind::ExtendReplyDeadline
            | CommandKind::SubmitCoUnitOpinion
            | CommandKind::ReplySuggestion
            | CommandKind::GiveFeedback
            | CommandKind::PublishResults
            | CommandKind::UpdateDeputyProfile
            | CommandKind::JoinStandingCommittee
            | CommandKind::SubmitResignation
            | CommandKind::DecideResignation
            | CommandKind::RecordAbsence
            | CommandKind::TerminateQualification
            | CommandKind::SuspendDeputy
            | CommandKind::ReinstateDeputy
            | CommandKind::RegisterStation
            | CommandKind::AssignStation
            | CommandKind::RecordActivity
            | CommandKind::RecordVoterIssue
            | CommandKind::TriageVoterIssue
            | CommandKind::AnswerVoterIssue
            | CommandKind::CloseVoterIssue
            | CommandKind::PublishPoints
            | CommandKind::RecordInterview
            | CommandKind::AdviseResignation
            | CommandKind::NotifyEmployer
            | CommandKind::ScheduleSession
            | CommandKind::SubmitMotion
            | CommandKind::ReviewMotion
            | CommandKind::WithdrawMotion
            | CommandKind::AssignMotion
            | CommandKind::FormMotionWorkingGroup
            | CommandKind::AgreeMotionPlan
            | CommandKind::ReportMotionHandling
            | CommandKind::IssueMotionReviewOpinion
            | CommandKind::RecordMotionEvaluation
            | CommandKind::ConcludeMotionYear
            | CommandKind::RecommendKeySuggestion
            | CommandKind::DesignateKeySuggestion
            | CommandKind::HoldKeyMeeting
            | CommandKind::RateKeyQuality
            | CommandKind::PublishKeyAssessment
            | CommandKind::RecordKeyOutcome
            | CommandKind::StartSupervision
            | CommandKind::EndSupervision
            | CommandKind::AppointSupervisionMonitor
            | CommandKind::PlanHandlingEvaluation
            | CommandKind::CommissionEvaluator
            | CommandKind::SubmitEvaluationReport
            | CommandKind::DistributeEvaluationReport
            | CommandKind::DecideEvaluationUse
            | CommandKind::MergeSuggestions
            | CommandKind::AddToClassCase
            | CommandKind::SplitSuggestion
            | CommandKind::ConveneMeeting
            | CommandKind::SetMeetingAgenda
            | CommandKind::RecordAttendance
            | CommandKind::RecordSpeech
            | CommandKind::HoldBallot
            | CommandKind::RequestExtraordinarySession
            | CommandKind::ProposeSupervisionTopic
            | CommandKind::ShortlistSupervisionTopics
            | CommandKind::ApproveSupervisionPlan
            | CommandKind::PublishSupervisionPlan
            | CommandKind::ChooseSupervisionTopic
            | CommandKind::AdjustSupervisionPlan
            | CommandKind::ScheduleWorkReport
            | CommandKind::RecordReportResearch
            | CommandKind::SubmitWorkReport
            | CommandKind::ReturnWorkReport
            | CommandKind::HearWorkReport
            | CommandKind::IssueReviewOpinion
            | CommandKind::ReportOpinionHandling
            | CommandKind::FollowUpWorkReport
            | CommandKind::CloseWorkReport
            | CommandKind::PlanInspection
            | CommandKind::FormInspectionTeam
            | CommandKind::RecordInspectionIssues
            | CommandKind::ReportInspection
            | CommandKind::IssueInspectionReviewOpinion
            | CommandKind::RectifyInspectionIssue
            | CommandKind::LookBackInspection
            | CommandKind::CloseInspection
            | CommandKind::RecordDeliberationOpinion
            | CommandKind::RouteDeliberationOpinion
            | CommandKind::ReportDeliberationHandling
            | CommandKind::PlanResolutionFollowUp
            | CommandKind::RecordResolutionDuty
            | CommandKind::ProposeLivelihoodProject
            | CommandKind::ApproveLivelihoodProjects
            | CommandKind::MonitorLivelihoodProject
            | CommandKind::CompleteLivelihoodProject
            | CommandKind::ReportLivelihoodCompletion
            | CommandKind::DeclareEvaluationScope
            | CommandKind::PlanWorkEvaluation
            | CommandKind::StartWorkEvaluation
            | CommandKind::SubmitSelfInspectionReport
            | CommandKind::SubmitInvestigationReport
            | CommandKind::DeliberateWorkEvaluation
            | CommandKind::RecordSatisfactionVote
            | CommandKind::PublishWorkEvaluationResult
            | CommandKind::IssueEvaluationOpinion
            | CommandKind::ReportRectification
            | CommandKind::LookBackWorkEvaluation
            | CommandKind::CloseWorkEvaluation
            | CommandKind::EscalateWorkEvaluation
            | CommandKind::HoldTopicInquiry
            | CommandKind::ProposeInterpellation
            | CommandKind::DecideInterpellationAnswer
            | CommandKind::AnswerInterpellation
            | CommandKind::RateInterpellationAnswer
            | CommandKind::CloseInterpellation
            | CommandKind::ProposeSpecialInvestigation
            | CommandKind::DecideSpecialInvestigation
            | CommandKind::ReportSpecialInvestigation
            | CommandKind::ProposeRemoval
            | CommandKind::DecideRemoval
            | CommandKind::FileNormativeDocument
            | CommandKind::ReviewNormativeDocument
            | CommandKind::RecordReviewFinding
            | CommandKind::SendFilingReviewOpinion
            | CommandKind::AnswerFilingReviewOpinion
            | CommandKind::CorrectNormativeDocument
            | CommandKind::RevokeNormativeDocument
            | CommandKind::PairCommitteeDepartments
            | CommandKind::PreReviewDepartmentBudget
            | CommandKind::HoldBudgetPreReviewMeeting
            | CommandKind::KeyBudgetReview
            | CommandKind::ApproveBudgetAdjustment
            | CommandKind::RecordAuditFindings
            | CommandKind::TrackAuditFinding
            | CommandKind::StrikeOffAuditFinding
            | CommandKind::SendBudgetReminder
            | CommandKind::SubmitPreliminaryBudget
            | CommandKind::RecordBudgetIssuance => {}
        }
    }
    all
}

/// The expected answer of one cell: `true` for "allow", `false` for "deny".
fn expected(t: &Value, kind: CommandKind, role: Role) -> bool {
    let cell = &t["commands"][kind.as_str()]["cells"][role.as_str()];
    match cell.as_str() {
        Some("allow") => true,
        Some("deny") => false,
        _ => panic!(
            "table cell {} × {} must be \"allow\" or \"deny\", found {cell}",
            kind.as_str(),
            role.as_str()
        ),
    }
}

/// The command envelope that runs the row's sample command as `role`.
fn envelope(t: &Value, kind: CommandKind, role: Role) -> String {
    serde_json::json!({
        "at": t["at"],
        "actor": {"role": role.as_str(), "id": t["actors"][role.as_str()]},
        "command": t["commands"][kind.as_str()]["sample"],
    })
    .to_string()
}

#[test]
fn the_table_has_exactly_every_role_and_every_command_type() {
    let t = table();
    let roles: BTreeSet<&str> = every_role().iter().map(|r| r.as_str()).collect();
    let kinds: BTreeSet<&str> = every_kind().iter().map(|k| k.as_str()).collect();
    assert_eq!(roles.len(), 11);
    assert_eq!(kinds.len(), CommandKind::ALL.len());
    assert_eq!(
        kinds,
        renda::Command::TYPES
            .iter()
            .copied()
            .collect::<BTreeSet<_>>()
    );

    let listed: BTreeSet<&str> = t["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| r.as_str().expect("role name"))
        .collect();
    assert_eq!(listed, roles, "the table's `roles` list");
    let actors: BTreeSet<&str> = t["actors"]
        .as_object()
        .expect("actors")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(actors, roles, "the table's `actors`: one actor id per role");

    let rows = t["commands"].as_object().expect("commands");
    let row_names: BTreeSet<&str> = rows.keys().map(String::as_str).collect();
    assert_eq!(row_names, kinds, "the table's rows");
    for (name, row) in rows {
        let cells: BTreeSet<&str> = row["cells"]
            .as_object()
            .unwrap_or_else(|| panic!("{name}: cells"))
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(cells, roles, "{name}: one cell per role");
        assert!(
            row["basis"].as_str().is_some_and(|b| b.contains('§')),
            "{name}: the basis cites the spec"
        );
        assert_eq!(row["sample"]["type"], name.as_str(), "{name}: sample type");
    }
}

#[test]
fn every_sample_is_a_valid_command_of_its_type() {
    let t = table();
    for kind in every_kind() {
        let env = envelope(&t, kind, Role::Admin);
        let cmd = CommandEnvelope::from_json(&env)
            .unwrap_or_else(|e| panic!("{}: sample does not parse: {e}", kind.as_str()));
        assert_eq!(cmd.command.kind(), kind);
    }
}

#[test]
fn permissions_allowed_matches_every_cell() {
    let t = table();
    let rule_prefix = t["deny"]["rule_prefix"].as_str().expect("deny.rule_prefix");
    let (mut unexpected_allows, mut unexpected_denies) = (Vec::new(), Vec::new());
    let mut cells = 0;
    for kind in every_kind() {
        for role in every_role() {
            cells += 1;
            let want = expected(&t, kind, role);
            let got = permissions::allowed(role, kind);
            match (want, got) {
                (false, true) => {
                    unexpected_allows.push(format!("{} × {}", kind.as_str(), role.as_str()))
                }
                (true, false) => {
                    unexpected_denies.push(format!("{} × {}", kind.as_str(), role.as_str()))
                }
                _ => {}
            }
            match permissions::check(role, kind) {
                Ok(()) => assert!(got),
                Err(e) => {
                    assert!(!got);
                    assert_eq!(e.code(), "permission_denied");
                    assert!(e.rule().is_some_and(|r| r.starts_with(rule_prefix)), "{e}");
                }
            }
        }
    }
    assert_eq!(cells, 11 * CommandKind::ALL.len());
    assert!(
        unexpected_allows.is_empty(),
        "unexpected allows: {unexpected_allows:?}"
    );
    assert!(
        unexpected_denies.is_empty(),
        "unexpected denies: {unexpected_denies:?}"
    );
}

/// The permission check runs before any state check (`Ledger::decide`), so on an empty
/// ledger a deny cell is `permission_denied` and an allow cell is anything else.
#[test]
fn executing_each_sample_on_an_empty_ledger_is_denied_exactly_in_the_deny_cells() {
    let t = table();
    let deny = &t["deny"];
    let rule_prefix = deny["rule_prefix"].as_str().expect("deny.rule_prefix");
    let (mut unexpected_allows, mut unexpected_denies) = (Vec::new(), Vec::new());
    for kind in every_kind() {
        for role in every_role() {
            let cell = format!("{} × {}", kind.as_str(), role.as_str());
            let env = envelope(&t, kind, role);
            let mut ledger = Ledger::new(RuleBook::default());
            let decided = ledger.decide(&CommandEnvelope::from_json(&env).unwrap());
            let executed = ledger.execute_json(&env);
            // Dry run and execution agree on the outcome.
            assert_eq!(
                decided.as_ref().err().map(|e| e.code()),
                executed.as_ref().err().map(|e| e.code()),
                "{cell}"
            );
            let denied = match &executed {
                Err(e) if e.code() == "permission_denied" => {
                    assert_eq!(e.code(), deny["code"], "{cell}");
                    assert_eq!(
                        serde_json::to_value(e.kind()).unwrap(),
                        deny["kind"],
                        "{cell}"
                    );
                    assert_eq!(e.field(), deny["field"].as_str(), "{cell}");
                    assert_eq!(e.value().as_deref(), Some(role.as_str()), "{cell}");
                    assert!(
                        e.rule().is_some_and(|r| r.starts_with(rule_prefix)),
                        "{cell}: rule {:?}",
                        e.rule()
                    );
                    assert_eq!(ledger.seq(), 0, "{cell}: a refused command changes nothing");
                    assert!(ledger.events().is_empty(), "{cell}");
                    true
                }
                _ => false,
            };
            match (expected(&t, kind, role), denied) {
                (false, false) => unexpected_allows.push(format!("{cell}: {executed:?}")),
                (true, true) => unexpected_denies.push(cell),
                _ => {}
            }
        }
    }
    assert!(
        unexpected_allows.is_empty(),
        "unexpected allows: {unexpected_allows:#?}"
    );
    assert!(
        unexpected_denies.is_empty(),
        "unexpected denies: {unexpected_denies:#?}"
    );
}

/// The samples are real commands, not just well-formed ones: run by an allowed role in the
/// right order, each is accepted.
#[test]
fn the_samples_run_through_whole_lifecycles() {
    use CommandKind as K;
    let t = table();
    let run = |ledger: &mut Ledger, kind: CommandKind, role: Role, actor: &str, at: &str| {
        assert!(
            expected(&t, kind, role),
            "{} × {}",
            kind.as_str(),
            role.as_str()
        );
        let mut env: Value = serde_json::from_str(&envelope(&t, kind, role)).unwrap();
        env["at"] = at.into();
        env["actor"]["id"] = actor.into();
        ledger
            .execute_json(&env.to_string())
            .unwrap_or_else(|e| panic!("{}: {e}", kind.as_str()))
    };
    let registered = || {
        let mut l = Ledger::new(RuleBook::default());
        run(
            &mut l,
            K::RegisterCongress,
            Role::Admin,
            "admin",
            "2024-01-02",
        );
        run(
            &mut l,
            K::RegisterDeputy,
            Role::DeputyAffairsOffice,
            "office",
            "2024-01-02",
        );
        run(&mut l, K::RegisterUnit, Role::Admin, "admin", "2024-01-02");
        for extra in [
            r#"{"type":"register_deputy","deputy":"D002","congress":"hd-17","name":"李强"}"#,
            r#"{"type":"register_unit","unit":"fin","name":"区财政局"}"#,
        ] {
            l.execute_json(&format!(
                r#"{{"at":"2024-01-02","actor":{{"role":"admin","id":"admin"}},"command":{extra}}}"#
            ))
            .unwrap();
        }
        l
    };
    let status = |l: &Ledger| {
        l.suggestions()
            .next()
            .expect("the sample suggestion")
            .status
    };

    let mut l = registered();
    run(
        &mut l,
        K::SubmitSuggestion,
        Role::Deputy,
        "D001",
        "2024-01-08",
    );
    run(
        &mut l,
        K::ReturnSuggestion,
        Role::DeputyAffairsOffice,
        "office",
        "2024-01-09",
    );
    run(
        &mut l,
        K::ReviseSuggestion,
        Role::Deputy,
        "D001",
        "2024-01-10",
    );
    run(
        &mut l,
        K::AcceptSuggestion,
        Role::DeputyAffairsOffice,
        "office",
        "2024-01-11",
    );
    run(
        &mut l,
        K::AssignSuggestion,
        Role::DeputyAffairsOffice,
        "office",
        "2024-01-15",
    );
    run(
        &mut l,
        K::ExtendReplyDeadline,
        Role::DeputyAffairsOffice,
        "office",
        "2024-03-20",
    );
    run(
        &mut l,
        K::SubmitCoUnitOpinion,
        Role::HandlingUnit,
        "fin",
        "2024-04-01",
    );
    run(
        &mut l,
        K::ReplySuggestion,
        Role::HandlingUnit,
        "edu",
        "2024-06-28",
    );
    run(&mut l, K::GiveFeedback, Role::Deputy, "D001", "2024-07-01");
    assert_eq!(status(&l), renda::SuggestionStatus::Closed);
    run(
        &mut l,
        K::PublishResults,
        Role::DirectorMeeting,
        "directors",
        "2024-07-02",
    );

    let mut l = registered();
    run(
        &mut l,
        K::SubmitSuggestion,
        Role::StreetWorkingCommittee,
        "street",
        "2024-01-08",
    );
    run(
        &mut l,
        K::WithdrawSuggestion,
        Role::Deputy,
        "D001",
        "2024-01-09",
    );
    assert_eq!(status(&l), renda::SuggestionStatus::Withdrawn);

    let mut l = registered();
    run(
        &mut l,
        K::SubmitSuggestion,
        Role::DeputyAffairsOffice,
        "office",
        "2024-01-08",
    );
    run(
        &mut l,
        K::RejectSuggestion,
        Role::DeputyAffairsOffice,
        "office",
        "2024-01-09",
    );
    assert_eq!(status(&l), renda::SuggestionStatus::Rejected);
}
