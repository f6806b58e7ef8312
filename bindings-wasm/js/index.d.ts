// Types of renda's JS API and of its JSON wire format (commands, events, errors, state,
// snapshots, figures, rule sets). Dates are `YYYY-MM-DD` strings (China time); instants are
// RFC 3339 strings with an offset.

// ---------------------------------------------------------------- loading

/** Anything wasm-bindgen's loader accepts, or (in node) a path. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response>;

/**
 * Loads the WebAssembly module; await it once before using anything else. In node the .wasm
 * next to the generated JS is read from disk unless `input` says otherwise.
 */
export function init(input?: InitInput): Promise<void>;

/** Synchronous initialisation from the module's bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;

// ---------------------------------------------------------------- scalars

/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;
/** An instant, RFC 3339 with an offset (`2024-03-05T09:30:00+08:00`). */
export type Instant = string;

export type Role =
  | "deputy"
  | "deputy_affairs_office"
  | "handling_unit"
  | "government_office"
  | "special_committee"
  | "director_meeting"
  | "standing_committee"
  | "street_working_committee"
  | "third_party_evaluator"
  | "public"
  | "admin";

export type Level = "national" | "provincial" | "districted_city" | "county" | "township";
export type SubmissionPeriod = "session" | "recess";
export type ResultCategory = "A" | "B" | "C" | "D";
export type Satisfaction = "satisfied" | "basically_satisfied" | "dissatisfied";
export type SuggestionStatus =
  | "submitted"
  | "returned_for_revision"
  | "accepted"
  | "rejected"
  | "withdrawn"
  | "assigned"
  | "replied"
  | "rehandling"
  | "in_plan"
  | "closed";

export interface Actor {
  role: Role;
  /** The deputy id for deputies, the unit id for handling units. */
  id: string;
}

// ---------------------------------------------------------------- commands

export type Command =
  // ------------------------------------------------ registry and the suggestion lifecycle (W1)
  | {
      type: "register_congress";
      congress: string;
      name: string;
      level: Level;
      term: number;
      term_start: DateString;
      term_end: DateString;
      /** Population of the area, for the deputy quota (L-7) and committee size (L-6). */
      population?: number | null;
    }
  | {
      type: "register_deputy";
      deputy: string;
      congress: string;
      name: string;
      contact?: Contact | null;
      profile?: DeputyProfile;
      /** First day in office; absent: the first day of the term. */
      elected_on?: DateString | null;
      mandate?: Mandate;
    }
  | { type: "register_unit"; unit: string; name: string }
  | {
      type: "submit_suggestion";
      suggestion: string;
      congress: string;
      title: string;
      lead: string;
      cosigners?: string[];
      during: SubmissionPeriod;
      topic?: string | null;
    }
  | { type: "revise_suggestion"; suggestion: string; title: string }
  | { type: "accept_suggestion"; suggestion: string }
  | { type: "return_suggestion"; suggestion: string; reason: string }
  | { type: "reject_suggestion"; suggestion: string; reason: string }
  | { type: "withdraw_suggestion"; suggestion: string; reason?: string | null }
  | { type: "assign_suggestion"; suggestion: string; lead_unit: string; co_units?: string[] }
  | { type: "extend_reply_deadline"; suggestion: string; reason: string }
  | { type: "submit_co_unit_opinion"; suggestion: string; opinion: string }
  | {
      type: "reply_suggestion";
      suggestion: string;
      result: ResultCategory;
      in_plan?: boolean;
      summary: string;
      reason?: string | null;
    }
  | { type: "give_feedback"; suggestion: string; rating: Satisfaction; comment?: string | null }
  | { type: "publish_results"; congress: string }
  // ------------------------------------------------ deputies (issue 3)
  | { type: "update_deputy_profile"; deputy: string; profile: DeputyProfile }
  | {
      type: "join_standing_committee";
      deputy: string;
      post: CommitteePost;
      full_time?: boolean;
      can_serve_two_terms?: boolean | null;
      new_this_term?: boolean | null;
    }
  | { type: "submit_resignation"; deputy: string }
  | { type: "decide_resignation"; deputy: string; vote: Vote }
  | { type: "record_absence"; deputy: string; session: string; excused: boolean }
  | { type: "terminate_qualification"; deputy: string; reason: TerminationReason }
  | { type: "suspend_deputy"; deputy: string; reason: string }
  | { type: "reinstate_deputy"; deputy: string }
  | {
      type: "register_station";
      station: string;
      congress: string;
      name: string;
      tier: string;
      parent?: string | null;
      legislative_contact_point?: boolean;
    }
  | { type: "assign_station"; deputy: string; station: string }
  | {
      type: "record_activity";
      activity: string;
      congress: string;
      kind: ActivityKind;
      on: DateString;
      title: string;
      participants: string[];
      station?: string | null;
      voters_received?: number;
      opinions_collected?: number;
      debrief?: DebriefScope | null;
    }
  | {
      type: "record_voter_issue";
      issue: string;
      congress: string;
      summary: string;
      deputy?: string | null;
      station?: string | null;
      activity?: string | null;
    }
  | { type: "triage_voter_issue"; issue: string; triage: Triage }
  | { type: "answer_voter_issue"; issue: string }
  | { type: "close_voter_issue"; issue: string }
  | { type: "publish_points"; congress: string; period: PeriodString; scope: PublicationScope }
  | { type: "record_interview"; deputy: string }
  | { type: "advise_resignation"; deputy: string }
  | { type: "notify_employer"; deputy: string; reason: string }
  // ------------------------------------------------ sessions and motions (issue 4, W4)
  | {
      type: "schedule_session";
      session: string;
      congress: string;
      opens_on: DateString;
      closes_on: DateString;
      /** Last day motions are accepted (L-2); absent: `closes_on`. */
      motions_due?: DateString | null;
    }
  | {
      type: "submit_motion";
      motion: string;
      congress: string;
      session: string;
      title: string;
      sponsor: Sponsor;
      kind: MotionKind;
      topic?: string | null;
    }
  | { type: "review_motion"; motion: string; decision: ReviewDecision }
  | { type: "withdraw_motion"; motion: string; presidium_consent?: boolean }
  | { type: "assign_motion"; motion: string; lead_unit: string; co_units?: string[] }
  | {
      type: "form_motion_working_group";
      motion: string;
      leader: string;
      committee: string;
      members?: string[];
      proposing_deputies?: string[];
    }
  | { type: "agree_motion_plan"; motion: string; goals: string[]; deadline: DateString }
  | { type: "report_motion_handling"; motion: string; year: number; to: ReportTo; summary: string }
  | { type: "issue_motion_review_opinion"; motion: string; year: number; opinion: string }
  | { type: "record_motion_evaluation"; motion: string; year: number; evaluator: string; summary: string }
  | { type: "conclude_motion_year"; motion: string; year: number; outcome: YearOutcome }
  // ------------------------------------------------ key suggestions, supervision (issue 4, W2)
  | { type: "recommend_key_suggestion"; suggestion: string; reason: string }
  | { type: "designate_key_suggestion"; suggestion: string; leader: string }
  | {
      type: "hold_key_meeting";
      meeting: KeyMeetingKind;
      suggestions: string[];
      organs?: Organ[];
      deputies?: string[];
      /** Supervision meetings only (W2 step 4). */
      on_the_spot?: OnTheSpotRating[];
    }
  | { type: "rate_key_quality"; suggestion: string; deputy: string; rating: Satisfaction }
  | { type: "publish_key_assessment"; suggestion: string }
  | { type: "record_key_outcome"; suggestion: string; outcome: KeyOutcome }
  | { type: "start_supervision"; suggestion: string; mode: SupervisionMode; lead: string }
  | { type: "end_supervision"; suggestion: string; mode: SupervisionMode }
  | { type: "appoint_supervision_monitor"; suggestion: string; deputy: string }
  // ------------------------------------------------ third-party evaluation of handling (issue 4, W3)
  | { type: "plan_handling_evaluation"; evaluation: string; congress: string; year: number; sample: SampleItem[] }
  | { type: "commission_evaluator"; evaluation: string; evaluator: string }
  | { type: "submit_evaluation_report"; evaluation: string; findings: EvaluationFinding[]; summary: string }
  | { type: "distribute_evaluation_report"; evaluation: string }
  | { type: "decide_evaluation_use"; evaluation: string; uses: EvaluationUse[]; note?: string | null }
  // ------------------------------------------------ class cases (issue 4, W1 step 4)
  | { type: "merge_suggestions"; group: string; title: string; suggestions: string[]; lead_unit: string }
  | { type: "add_to_class_case"; group: string; suggestion: string }
  | { type: "split_suggestion"; group: string; suggestion: string }
  // ------------------------------------------------ meetings (issue 5)
  | {
      type: "convene_meeting";
      meeting: string;
      congress: string;
      body: MeetingBody;
      kind: MeetingKind;
      held_on: DateString;
      session?: string | null;
    }
  // ------------------------------------------------ meetings (issue 5)
  | { type: "set_meeting_agenda"; meeting: string; items: AgendaItem[] }
  | {
      type: "record_attendance";
      meeting: string;
      members: number;
      present: number;
      attending_deputies?: string[];
      observers?: number;
    }
  | { type: "record_speech"; meeting: string; item: number; kind: SpeechKind; minutes: number }
  | {
      type: "hold_ballot";
      meeting: string;
      ballot: string;
      item: number;
      subject: string;
      kind: BallotKind;
      vote: Vote;
      persons?: number | null;
    }
  | { type: "request_extraordinary_session"; congress: string; deputies: number }
  // ------------------------------------------------ supervision plans (issue 5, W9)
  | {
      type: "propose_supervision_topic";
      topic: string;
      congress: string;
      year: number;
      source: TopicSource;
      title: string;
      proposer?: string | null;
    }
  | { type: "shortlist_supervision_topics"; congress: string; year: number; topics: string[] }
  | {
      type: "approve_supervision_plan";
      plan: string;
      congress: string;
      year: number;
      topics: string[];
      party_committee_ref: string;
      party_committee_approved_on: DateString;
    }
  | { type: "publish_supervision_plan"; plan: string }
  | { type: "choose_supervision_topic"; plan: string; topic: string; deputy: string }
  | { type: "adjust_supervision_plan"; plan: string; add?: string[]; drop?: string[]; reason: string }
  // ------------------------------------------------ work reports (issue 5, W10)
  | {
      type: "schedule_work_report";
      report: string;
      congress: string;
      year: number;
      kind: ReportKind;
      state_assets_kind?: StateAssetsKind | null;
      title: string;
      organ: string;
      meeting: string;
      topic?: string | null;
    }
  | { type: "record_report_research"; report: string; summary: string }
  | { type: "submit_work_report"; report: string; version: ReportVersion; performance_reports?: string[] }
  | { type: "return_work_report"; report: string; reason: string }
  | { type: "hear_work_report"; report: string; mode: HearingMode }
  | { type: "issue_review_opinion"; report: string; opinion: string }
  | { type: "report_opinion_handling"; report: string; summary: string }
  | { type: "follow_up_work_report"; report: string; kind: FollowUpKind; summary: string }
  | { type: "close_work_report"; report: string }
  // ------------------------------------------------ law-enforcement inspections (issue 5, W11)
  | {
      type: "plan_inspection";
      inspection: string;
      congress: string;
      year: number;
      law: Law;
      joint?: boolean;
      third_party?: string | null;
      transition_ends?: DateString | null;
    }
  | { type: "form_inspection_team"; inspection: string; groups: InspectionGroup[] }
  | { type: "record_inspection_issues"; inspection: string; issues: IssueInput[] }
  | { type: "report_inspection"; inspection: string; meeting: string; presenter: string; no_issues?: boolean }
  | { type: "issue_inspection_review_opinion"; inspection: string; text: string }
  | { type: "rectify_inspection_issue"; inspection: string; issue: string }
  | { type: "look_back_inspection"; inspection: string }
  | { type: "close_inspection"; inspection: string }
  // ------------------------------------------------ deliberation opinions and resolutions (issue 5)
  | {
      type: "record_deliberation_opinion";
      opinion: string;
      congress: string;
      session: string;
      delegation: string;
      recorder: string;
      text: string;
      about: OpinionAbout;
    }
  | { type: "route_deliberation_opinion"; opinion: string; meeting: string; route: OpinionRoute }
  | { type: "report_deliberation_handling"; congress: string; meeting: string; opinions: string[] }
  | {
      type: "plan_resolution_follow_up";
      resolution: string;
      congress: string;
      title: string;
      years: number[];
    }
  | {
      type: "record_resolution_duty";
      resolution: string;
      year: number;
      duty: ResolutionDuty;
      note?: string | null;
    }
  // ------------------------------------------------ livelihood projects (issue 5, W19)
  | {
      type: "propose_livelihood_project";
      project: string;
      congress: string;
      year: number;
      title: string;
      origin: ProposalOrigin;
    }
  | {
      type: "approve_livelihood_projects";
      congress: string;
      meeting: string;
      year: number;
      projects: ApprovedProject[];
    }
  | { type: "monitor_livelihood_project"; project: string; deputies: string[]; note?: string | null }
  | { type: "complete_livelihood_project"; project: string; completed_on: DateString }
  | { type: "report_livelihood_completion"; congress: string; meeting: string; year: number }
  // ------------------------------------------------ work evaluations (issue 5, W5)
  | { type: "declare_evaluation_scope"; congress: string; departments: string[] }
  | {
      type: "plan_work_evaluation";
      work_evaluation: string;
      congress: string;
      year: number;
      department: string;
      team: EvaluationTeam;
    }
  | { type: "start_work_evaluation"; work_evaluation: string }
  | { type: "submit_self_inspection_report"; work_evaluation: string; summary: string }
  | {
      type: "submit_investigation_report";
      work_evaluation: string;
      methods: InvestigationMethod[];
      deputy_person_times?: number;
      summary: string;
    }
  | {
      type: "deliberate_work_evaluation";
      work_evaluation: string;
      meeting: string;
      special_work_report: string;
    }
  | {
      type: "record_satisfaction_vote";
      work_evaluation: string;
      meeting: string;
      members: number;
      present: number;
      counts: OptionCount[];
    }
  | { type: "publish_work_evaluation_result"; work_evaluation: string; notified: string }
  | { type: "issue_evaluation_opinion"; work_evaluation: string; items: string[] }
  | { type: "report_rectification"; work_evaluation: string; summary: string }
  | { type: "look_back_work_evaluation"; work_evaluation: string; finding: LookBackOutcome; summary: string }
  | { type: "close_work_evaluation"; work_evaluation: string }
  | {
      type: "escalate_work_evaluation";
      work_evaluation: string;
      kind: WorkEvaluationEscalation;
      reason: string;
    }
  // ------------------------------------------------ inquiries, interpellations, investigations, removals (issue 5)
  | {
      type: "hold_topic_inquiry";
      inquiry: string;
      congress: string;
      meeting: string;
      report: string;
      questioners: string[];
      responders: string[];
      live_stream?: boolean;
      origin?: string | null;
    }
  | {
      type: "propose_interpellation";
      interpellation: string;
      congress: string;
      addressee: string;
      subject: string;
      questions: string[];
      by: Proposers;
      origin?: string | null;
    }
  | {
      type: "decide_interpellation_answer";
      interpellation: string;
      mode: AnswerMode;
      committee?: string | null;
    }
  | { type: "answer_interpellation"; interpellation: string; answer: string; meeting?: string | null }
  | { type: "rate_interpellation_answer"; interpellation: string; deputy: string; rating: AnswerRating }
  | { type: "close_interpellation"; interpellation: string }
  | {
      type: "propose_special_investigation";
      investigation: string;
      congress: string;
      subject: string;
      by: Proposers;
      origin?: string | null;
    }
  | {
      type: "decide_special_investigation";
      investigation: string;
      meeting: string;
      vote: Vote;
      members: string[];
    }
  | {
      type: "report_special_investigation";
      investigation: string;
      meeting: string;
      report: string;
      resolution?: Vote | null;
    }
  | {
      type: "propose_removal";
      removal: string;
      congress: string;
      official: string;
      post: string;
      reason: string;
      by: Proposers;
      origin?: string | null;
    }
  | { type: "decide_removal"; removal: string; meeting: string; vote: Vote }
  // ------------------------------------------------ filing review of normative documents (issue 5, W12)
  | {
      type: "file_normative_document";
      document: string;
      congress: string;
      issuer: string;
      issuer_kind: IssuerKind;
      title: string;
      published_on: DateString;
      filed_on?: DateString | null;
    }
  | { type: "review_normative_document"; document: string; mode: ReviewMode }
  | { type: "record_review_finding"; document: string; issue?: string | null }
  | { type: "send_filing_review_opinion"; document: string; opinion: string }
  | { type: "answer_filing_review_opinion"; document: string; answer: string }
  | { type: "correct_normative_document"; document: string }
  | { type: "revoke_normative_document"; document: string; meeting: string; vote: Vote }
  // ------------------------------------------------ budget review and audit (issue 5, W13)
  | {
      type: "pair_committee_departments";
      congress: string;
      committee: string;
      from_year: number;
      departments: string[];
    }
  | {
      type: "pre_review_department_budget";
      congress: string;
      year: number;
      committee: string;
      department: string;
      opinions: number;
      projects_adjusted: number;
      amount_cut: number;
      amount_increased: number;
      four_questions: FourQuestions;
    }
  | {
      type: "hold_budget_pre_review_meeting";
      congress: string;
      year: number;
      held_on: DateString;
      days: number;
      heard: BudgetPart[];
    }
  | {
      type: "key_budget_review";
      congress: string;
      year: number;
      departments: string[];
      amount_reviewed: number;
      projects_adjusted: number;
      amount_adjusted: number;
    }
  | {
      type: "approve_budget_adjustment";
      congress: string;
      year: number;
      meeting: string;
      title: string;
      vote: Vote;
      new_debt_quota?: number | null;
    }
  | { type: "record_audit_findings"; congress: string; year: number; findings: NewAuditFinding[] }
  | { type: "track_audit_finding"; finding: string }
  | { type: "strike_off_audit_finding"; finding: string; evidence: string }
  | {
      type: "send_budget_reminder";
      congress: string;
      year: number;
      unit: string;
      kind: ReminderKind;
      reason: string;
    }
  | {
      type: "submit_preliminary_budget";
      congress: string;
      year: number;
      session: string;
      submitted_on?: DateString | null;
    }
  | {
      type: "record_budget_issuance";
      congress: string;
      year: number;
      approved_on: DateString;
      finance_issued_on: DateString;
      departments_issued_on: DateString;
    };

export type CommandType = Command["type"];

/** The body that meets (`renda::oversight::meeting::Body`). */
export type MeetingBody = "congress" | "standing_committee" | "director_meeting";
/** The kind of a meeting (L-3, W8). */
export type MeetingKind = "regular" | "mid_year" | "quarterly" | "extraordinary";
/** A meeting as the ledger keeps it. */
export interface Meeting {
  id: string;
  congress: string;
  body: MeetingBody;
  kind: MeetingKind;
  held_on: DateString;
  session?: string;
  /** The agenda, items numbered from 1 (`set_meeting_agenda`; R-M9). */
  agenda?: AgendaItem[];
  /** Who attended (`record_attendance`; L-3, W21, R-M8). */
  attendance?: Attendance;
  /** Speeches with their length (`record_speech`; R-M1…R-M3). */
  speeches?: Speech[];
}

// ---------------------------------------------------------------- oversight records (issue 5)

/** The kind of an agenda item. */
export type AgendaItemKind =
  | "political_study"
  | "report"
  | "review_opinion"
  | "director_document"
  | "ballot"
  | "appointment"
  | "other";

/** One agenda item. */
export interface AgendaItem {
  /** Position on the agenda, from 1. */
  number: number;
  /** What kind of item. */
  kind: AgendaItemKind;
  /** Title (1–200 characters). */
  title: string;
}

/** The kind of a speech, which decides its time limit (R-M1…R-M3). */
export type SpeechKind = "report" | "review_opinion" | "director_document" | "other";

/** What a ballot decides. */
export type BallotKind = "resolution" | "decision" | "appointment" | "removal" | "election" | "other";

/** Where a supervision topic comes from (L-20 (1)–(6); W9: public solicitation R-M16, deputies [003 §10], the Party committee's priorities [002:L987]). */
export type TopicSource =
  | "public_solicitation"
  | "deputies"
  | "party_committee_priority"
  | "inspection_finding"
  | "motions_and_suggestions"
  | "committee_members"
  | "committee_research"
  | "letters_and_visits"
  | "other";

/** What kind of report the standing committee hears (§1.3 `SupervisionItem` kinds). */
export type ReportKind =
  | "special_work"
  | "plan_execution"
  | "budget_execution"
  | "final_accounts"
  | "audit_work"
  | "audit_rectification"
  | "state_assets"
  | "government_debt"
  | "environment"
  | "rule_of_law_government"
  | "livelihood_projects"
  | "filing_review"
  | "resolution_implementation"
  | "other";

/** The sub-kind of a state-assets report (R-B6; [002:L803], [002:L1197]). */
export type StateAssetsKind =
  | "comprehensive"
  | "administrative"
  | "enterprise"
  | "natural_resources"
  | "financial";

/** Which version of a report is submitted (L-15). */
export type ReportVersion = "first" | "revised";

/** How a report is heard (W10 step 5). */
export type HearingMode = "oral" | "written";

/** How a review opinion is followed up (L-16, W10 step 9). */
export type FollowUpKind = "tracking_inspection" | "next_year_report" | "resolution";

/** National law or local regulation (延庆: 6 national laws and 4 local regulations). */
export type LawKind = "national_law" | "local_regulation";

/** The law or regulation inspected. */
export interface Law {
  /** Its title; inspections of the same law share the same title (R-L1). */
  title: string;
  /** National law or local regulation. */
  kind: LawKind;
  /** The day it took effect. */
  effective_on: DateString;
}

/** A small group (小组) of the inspection team (R-L3). */
export interface InspectionGroup {
  /** The group's name. */
  name: string;
  /** Its leader (a director, deputy director or committee chair). */
  leader: string;
  /** The deputies taking part, each once. */
  deputies: string[];
}

/** An issue as recorded on the issue list (问题清单, R-L2). */
export interface IssueInput {
  /** Id, unique within the inspection. */
  issue: string;
  /** The unit responsible for rectifying it. */
  unit: string;
  /** What was found. */
  text: string;
  /** Handed over for rectification during the inspection (边检查边交办边整改). */
  handed_over?: boolean;
}

/** What a deliberation opinion is about. */
export type OpinionAbout = "congress_work" | "government_work";

/** Where the director meeting routes an opinion (W14). */
export type OpinionRoute = "sc_work_plan" | "government";

/** A duty of a resolution's yearly follow-up ("四个坚持", [002:L627]). */
export type ResolutionDuty =
  | "inspection_or_research"
  | "sc_report_and_review"
  | "report_to_congress"
  | "special_supervision";

/** Who proposed a project (W19 step 1). */
export type ProposalOrigin = "deputies" | "voters";

/** A project on an approved list, with its due date. */
export interface ApprovedProject {
  /** The project. */
  project: string;
  /** When it is due. */
  due_on: DateString;
}

/** The evaluation team (评议小组, R-E5). */
export interface EvaluationTeam {
  /** The standing-committee vice director in charge (分管副主任). */
  leader: string;
  /** Heads of the relevant special committees (deputies). */
  vice_leaders: string[];
  /** Standing-committee members. */
  members: string[];
  /** Staff of higher-level congress bodies (省、市、区人大机关工作人员), by name. */
  staff?: string[];
  /** Invited experts, by name. */
  experts?: string[];
  /** Invited citizen representatives, by name. */
  citizen_representatives?: string[];
}

/** The methods of the team's investigation (W5 phase 2). */
export type InvestigationMethod =
  | "visit"
  | "forum"
  | "interview"
  | "document_review"
  | "opinion_poll"
  | "questionnaire"
  | "briefing"
  | "site_inspection";

/** The votes for one option of the scale. */
export interface OptionCount {
  /** The option, as named in the scale. */
  option: string;
  /** Votes. */
  votes: number;
}

/** What the look-back (回头看) found (R-E4). The command gives `adequate` or `weak`; an adequate finding on a rectification reported after its due date is recorded as `late` (拖延整改). */
export type LookBackOutcome = "adequate" | "weak" | "late";

/** The rigid supervision tool an evaluation escalates to (R-E4). */
export type WorkEvaluationEscalation = "interpellation" | "topic_inquiry" | "special_question_investigation";

/** Who proposes an interpellation, investigation or removal; the kind is the `by` field. */
export type Proposers =
  /** The director meeting (主任会议; L-18, L-19). */
  | { by: "director_meeting" }
  /** Standing-committee members jointly (常委会组成人员联名; L-17, L-18, L-19). */
  | {
    by: "sc_members";
    /** The members, by deputy id. */
    members: string[];
  }
  /** The people's government (人民政府; L-19). */
  | { by: "government" }
  /** The presidium of a congress session (大会主席团; L-18). */
  | {
    by: "presidium";
    /** The session. */
    session: string;
  }
  /** Delegations jointly during a session (代表团; L-18). */
  | {
    by: "delegations";
    /** The session. */
    session: string;
    /** Names of the delegations. */
    delegations: string[];
  }
  /** Deputies jointly during a session (代表联名; L-17, L-18). */
  | {
    by: "deputies";
    /** The session. */
    session: string;
    /** The deputies. */
    deputies: string[];
  };

/** How an interpellation is answered (L-17: the director meeting decides). */
export type AnswerMode = "oral_plenary" | "oral_committee" | "written";

/** A proposer's rating of an interpellation answer. */
export type AnswerRating = "satisfied" | "dissatisfied";

/** The organ that issued a normative document (一府一委两院, R-F2). */
export type IssuerKind = "government" | "supervisory_commission" | "court" | "procuratorate";

/** How a filed document is reviewed (L-22, W12 step 3). */
export type ReviewMode = "own_initiative" | "on_request" | "thematic" | "transferred" | "joint";

/** The 预算四问 checklist (R-B11): an answer to each question. */
export interface FourQuestions {
  /** 钱该不该花. */
  should_spend: string;
  /** 该不该政府花. */
  by_government: string;
  /** 该不该花这么多. */
  how_much: string;
  /** 该不该当前花. */
  now: string;
}

/** What the finance committee's pre-review meeting hears (W13 step 3, R-B2). */
export type BudgetPart =
  | "general_public"
  | "government_funds"
  | "state_capital"
  | "social_insurance"
  | "development_plan"
  | "major_projects"
  | "economy_and_tax";

/** A finding as `record_audit_findings` gives it. */
export interface NewAuditFinding {
  /** New id. */
  finding: string;
  /** The audited unit. */
  unit: string;
  /** The finding. */
  summary: string;
}

/** A reminder to a unit whose spending is slow (R-B9). */
export type ReminderKind = "reminder" | "letter";

/** Who attended a meeting (L-3, W21, R-M8). */
export interface Attendance {
  /** Members of the body (全体代表 / 全体组成人员). */
  members: number;
  /** Members present. */
  present: number;
  /** Deputies attending without a vote (列席, W21, R-M8). */
  attending_deputies?: string[];
  /** Citizens observing (旁听, W21), a count. */
  observers?: number;
  /** Whether the quorum of the body was met (L-3; the rule set's fraction). */
  quorum_met: boolean;
}

/** A speech on an agenda item. */
export interface Speech {
  /** The agenda item's number. */
  item: number;
  /** The kind of speech. */
  kind: SpeechKind;
  /** Length in minutes. */
  minutes: number;
}

/** A ballot taken at a meeting (L-4). */
export interface Ballot {
  /** Id. */
  id: string;
  /** The meeting. */
  meeting: string;
  /** The meeting's congress. */
  congress: string;
  /** The agenda item's number. */
  item: number;
  /** What was voted on. */
  subject: string;
  /** The kind of ballot. */
  kind: BallotKind;
  /** The tally. */
  vote: Vote;
  /** For appointments and removals: the persons (人次, S001-4). */
  persons?: number;
  /** Adopted: a majority of all members (L-4), or at the director meeting the rule set's majority. */
  adopted: boolean;
  /** When the vote was taken (the command's time). */
  at: Instant;
}

/** The result of a satisfaction vote (R-E3): "not satisfied" when the dissatisfied votes exceed the configured share of the members present ([`WorkEvaluationRules`]). */
export type SatisfactionResult = "satisfied" | "not_satisfied";

/** How a revocation ballot went (L-4). */
export interface Revocation {
  /** The standing-committee meeting. */
  meeting: string;
  /** The tally. */
  vote: Vote;
  /** Whether a majority of all members voted for. */
  adopted: boolean;
}

/** A committee's paired first-level budget departments (对口联系部门) from a year on. */
export interface Pairing {
  /** The special committee's name. */
  committee: string;
  /** First budget year. */
  from_year: number;
  /** The departments. */
  departments: string[];
}

/** A committee's pre-review of one department's budget (W13 step 2). */
export interface DepartmentPreReview {
  /** Budget year. */
  year: number;
  /** The committee. */
  committee: string;
  /** The department. */
  department: string;
  /** Opinions and suggestions made. */
  opinions: number;
  /** Budget projects the department adjusted. */
  projects_adjusted: number;
  /** Amount cut, yuan. */
  amount_cut: number;
  /** Amount increased, yuan. */
  amount_increased: number;
  /** The checklist answers. */
  four_questions: FourQuestions;
  /** When. */
  on: DateString;
}

/** The finance committee's pre-review meeting of a budget year (R-M10, R-B2). */
export interface PreReviewMeeting {
  /** Budget year. */
  year: number;
  /** First day. */
  held_on: DateString;
  /** Days. */
  days: number;
  /** What it heard. */
  heard: BudgetPart[];
}

/** The key review of a year (R-B10). */
export interface KeyReview {
  /** Budget year. */
  year: number;
  /** The departments reviewed. */
  departments: string[];
  /** Their budgets, yuan. */
  amount_reviewed: number;
  /** Projects adjusted. */
  projects_adjusted: number;
  /** Amount adjusted, yuan. */
  amount_adjusted: number;
  /** When recorded. */
  on: DateString;
}

/** A budget adjustment put to the standing committee (L-21). */
export interface BudgetAdjustment {
  /** Budget year. */
  year: number;
  /** The standing-committee meeting. */
  meeting: string;
  /** What is adjusted. */
  title: string;
  /** The ballot. */
  vote: Vote;
  /** A majority of all members voted for (L-4). */
  adopted: boolean;
  /** New government debt quota approved with it, yuan (新增政府债务限额). */
  new_debt_quota?: number;
}

/** A reminder or formal letter to a unit whose spending is slow (R-B9). */
export interface BudgetReminder {
  /** Budget year. */
  year: number;
  /** The unit. */
  unit: string;
  /** Reminder or letter. */
  kind: ReminderKind;
  /** Why. */
  reason: string;
  /** When. */
  on: DateString;
}

/** The preliminary draft budget's submission to the standing committee (L-21). */
export interface PreliminaryBudget {
  /** Budget year. */
  year: number;
  /** The session that approves it. */
  session: string;
  /** Submitted on. */
  submitted_on: DateString;
}

/** The issuance dates of an approved budget (L-21). */
export interface BudgetIssuance {
  /** Budget year. */
  year: number;
  /** Approved by the congress. */
  approved_on: DateString;
  /** Issued by the finance bureau to the departments. */
  finance_issued_on: DateString;
  /** Issued by the departments to their units. */
  departments_issued_on: DateString;
}

/** A command with who issued it and when. A `Date` for `at` is sent as its UTC instant. */
export interface CommandEnvelope {
  at: Instant | DateString | Date;
  actor: Actor;
  command: Command;
}

// ---------------------------------------------------------------- events

export type EventKind =
  // ------------------------------------------------ registry and the suggestion lifecycle (W1)
  | {
      type: "congress_registered";
      congress: string;
      name: string;
      level: Level;
      term: number;
      term_start: DateString;
      term_end: DateString;
      population?: number;
    }
  | {
      type: "deputy_registered";
      deputy: string;
      congress: string;
      name: string;
      contact?: Contact;
      profile?: DeputyProfile;
      elected_on?: DateString;
      mandate?: Mandate;
    }
  | { type: "unit_registered"; unit: string; name: string }
  | {
      type: "suggestion_submitted";
      suggestion: string;
      congress: string;
      title: string;
      lead: string;
      cosigners: string[];
      during: SubmissionPeriod;
      topic: string | null;
    }
  | { type: "suggestion_revised"; suggestion: string; title: string }
  | { type: "suggestion_accepted"; suggestion: string }
  | { type: "suggestion_returned"; suggestion: string; reason: string }
  | { type: "suggestion_rejected"; suggestion: string; reason: string }
  | { type: "suggestion_withdrawn"; suggestion: string; reason: string | null }
  | { type: "suggestion_assigned"; suggestion: string; lead_unit: string; co_units: string[] }
  | { type: "reply_deadline_extended"; suggestion: string; reason: string }
  | { type: "co_unit_opinion_submitted"; suggestion: string; unit: string; opinion: string }
  | {
      type: "suggestion_replied";
      suggestion: string;
      round: number;
      result: ResultCategory;
      in_plan: boolean;
      summary: string;
      reason: string | null;
    }
  | {
      type: "feedback_given";
      suggestion: string;
      deputy: string;
      round: number;
      rating: Satisfaction;
      comment: string | null;
    }
  | { type: "rehandling_started"; suggestion: string; round: number }
  | { type: "placed_in_plan"; suggestion: string }
  | { type: "suggestion_closed"; suggestion: string; rating: Satisfaction }
  | { type: "results_published"; congress: string }
  // ------------------------------------------------ deputies (issue 3)
  | { type: "deputy_profile_updated"; deputy: string; profile: DeputyProfile }
  | {
      type: "standing_committee_joined";
      deputy: string;
      post: CommitteePost;
      full_time: boolean;
      can_serve_two_terms?: boolean;
      new_this_term?: boolean;
    }
  | { type: "resignation_submitted"; deputy: string }
  | { type: "resignation_accepted"; deputy: string; vote: Vote }
  | { type: "resignation_not_accepted"; deputy: string; vote: Vote }
  | { type: "absence_recorded"; deputy: string; session: string; excused: boolean }
  | { type: "qualification_terminated"; deputy: string; reason: TerminationReason }
  | { type: "deputy_suspended"; deputy: string; reason: string }
  | { type: "deputy_reinstated"; deputy: string }
  | { type: "station_registered"; station: Station }
  | { type: "station_assigned"; deputy: string; station: string }
  | { type: "activity_recorded"; activity: Activity }
  | { type: "voter_issue_recorded"; issue: VoterIssue }
  | { type: "voter_issue_triaged"; issue: string; triage: Triage }
  | { type: "voter_issue_answered"; issue: string }
  | { type: "voter_issue_closed"; issue: string }
  | { type: "points_published"; publication: PointsPublication }
  | { type: "interview_held"; deputy: string; period: PeriodString; points: number; threshold: number }
  | { type: "electoral_unit_notified"; deputy: string; elected_by?: ElectedBy }
  | { type: "resignation_advised"; deputy: string }
  | { type: "employer_notified"; deputy: string; reason: string }
  // ------------------------------------------------ sessions and motions (issue 4, W4)
  | { type: "session_scheduled"; session: Session }
  | {
      type: "motion_submitted";
      motion: string;
      congress: string;
      session: string;
      title: string;
      sponsor: Sponsor;
      kind: MotionKind;
      topic?: string;
    }
  | { type: "motion_listed"; motion: string }
  /** Recorded after the `suggestion_submitted` and `suggestion_accepted` events it causes. */
  | { type: "motion_converted"; motion: string; suggestion: string }
  | { type: "motion_merged"; motion: string; into: string }
  | { type: "motion_to_research"; motion: string }
  | { type: "motion_withdrawn"; motion: string; presidium_consent: boolean }
  | { type: "motion_assigned"; motion: string; lead_unit: string; co_units: string[]; in_supervision_plan: boolean }
  | {
      type: "motion_working_group_formed";
      motion: string;
      leader: string;
      committee: string;
      members: string[];
      proposing_deputies: string[];
    }
  | { type: "motion_plan_agreed"; motion: string; goals: string[]; deadline: DateString }
  | { type: "motion_year_started"; motion: string; year: number; phase: HandlingPhase }
  | { type: "motion_handling_reported"; motion: string; year: number; to: ReportTo; summary: string }
  | { type: "motion_review_opinion_issued"; motion: string; year: number; opinion: string }
  | { type: "motion_evaluation_recorded"; motion: string; year: number; evaluator: string; summary: string }
  | { type: "motion_year_concluded"; motion: string; year: number; outcome: YearOutcome }
  | { type: "motion_completed"; motion: string }
  // ------------------------------------------------ key suggestions, supervision (issue 4, W2)
  | { type: "key_suggestion_recommended"; suggestion: string; by: Actor; reason: string }
  | { type: "key_suggestion_designated"; suggestion: string; leader: string; by: KeyDesignator }
  | {
      type: "key_meeting_held";
      meeting: KeyMeetingKind;
      suggestions: string[];
      organs: Organ[];
      deputies: string[];
      on_the_spot: OnTheSpotRating[];
    }
  /** Hidden from handling units and the government office until announced (R-S8). */
  | { type: "key_quality_rated"; suggestion: string; deputy: string; rating: Satisfaction; recorded_by: Role }
  | { type: "key_assessment_published"; suggestion: string }
  | { type: "key_outcome_recorded"; suggestion: string; outcome: KeyOutcome }
  | { type: "supervision_started"; suggestion: string; mode: SupervisionMode; lead: string; by: Role }
  | { type: "supervision_ended"; suggestion: string; mode: SupervisionMode }
  | { type: "supervision_monitor_appointed"; suggestion: string; deputy: string }
  // ------------------------------------------------ third-party evaluation of handling (issue 4, W3)
  | { type: "handling_evaluation_planned"; evaluation: string; congress: string; year: number; sample: SampleItem[] }
  | { type: "handling_evaluator_commissioned"; evaluation: string; evaluator: string }
  | { type: "handling_evaluation_reported"; evaluation: string; findings: EvaluationFinding[]; summary: string }
  | { type: "handling_evaluation_distributed"; evaluation: string }
  | { type: "handling_evaluation_use_decided"; evaluation: string; uses: EvaluationUse[]; note?: string }
  // ------------------------------------------------ class cases (issue 4, W1 step 4)
  | {
      type: "class_case_formed";
      group: string;
      congress: string;
      title: string;
      lead_unit: string;
      suggestions: string[];
    }
  | { type: "class_case_joined"; group: string; suggestion: string }
  | { type: "class_case_split"; group: string; suggestion: string }
  /** A class case left with one member was dissolved; that member leaves it too. */
  | { type: "class_case_dissolved"; group: string }
  /** A meeting was convened (issue 5). */
  | { type: "meeting_convened"; meeting: Meeting }
  // ------------------------------------------------ meetings (issue 5)
  | { type: "meeting_agenda_set"; meeting: string; items: AgendaItem[] }
  | { type: "attendance_recorded"; meeting: string; attendance: Attendance }
  | { type: "speech_recorded"; meeting: string; speech: Speech }
  | { type: "ballot_held"; ballot: Ballot }
  | { type: "extraordinary_session_requested"; congress: string; deputies: number; in_office: number }
  // ------------------------------------------------ supervision plans (issue 5, W9)
  | {
      type: "supervision_topic_proposed";
      topic: string;
      congress: string;
      year: number;
      source: TopicSource;
      title: string;
      proposer?: string;
    }
  | { type: "supervision_topics_shortlisted"; congress: string; year: number; topics: string[] }
  | {
      type: "supervision_plan_approved";
      plan: string;
      congress: string;
      year: number;
      topics: string[];
      party_committee_ref: string;
      party_committee_approved_on: DateString;
    }
  | { type: "supervision_plan_published"; plan: string }
  | { type: "supervision_topic_chosen"; plan: string; topic: string; deputy: string }
  | { type: "supervision_plan_adjusted"; plan: string; added: string[]; dropped: string[]; reason: string }
  // ------------------------------------------------ work reports (issue 5, W10)
  | {
      type: "work_report_scheduled";
      report: string;
      congress: string;
      year: number;
      kind: ReportKind;
      state_assets_kind?: StateAssetsKind;
      title: string;
      organ: string;
      meeting: string;
      topic?: string;
    }
  | { type: "work_report_research_recorded"; report: string; summary: string }
  | {
      type: "work_report_submitted";
      report: string;
      version: ReportVersion;
      due: DateString;
      late: boolean;
      performance_reports?: string[];
    }
  | { type: "work_report_returned"; report: string; reason: string }
  | { type: "work_report_heard"; report: string; meeting: string; mode: HearingMode }
  | { type: "work_report_opinion_issued"; report: string; opinion: string; due: DateString }
  | { type: "work_report_opinion_handled"; report: string; summary: string; late: boolean }
  | { type: "work_report_followed_up"; report: string; kind: FollowUpKind; summary: string }
  | { type: "work_report_closed"; report: string }
  // ------------------------------------------------ law-enforcement inspections (issue 5, W11)
  | {
      type: "inspection_planned";
      inspection: string;
      congress: string;
      year: number;
      law: Law;
      joint: boolean;
      third_party?: string;
      transition_ends?: DateString;
    }
  | { type: "inspection_team_formed"; inspection: string; groups: InspectionGroup[] }
  | { type: "inspection_issues_recorded"; inspection: string; issues: IssueInput[] }
  | {
      type: "inspection_reported";
      inspection: string;
      meeting: string;
      presenter: string;
      no_issues: boolean;
    }
  | { type: "inspection_review_opinion_issued"; inspection: string; text: string }
  | { type: "inspection_issue_rectified"; inspection: string; issue: string }
  | { type: "inspection_looked_back"; inspection: string; open_issues: string[] }
  | { type: "inspection_closed"; inspection: string }
  // ------------------------------------------------ deliberation opinions and resolutions (issue 5)
  | {
      type: "deliberation_opinion_recorded";
      opinion: string;
      congress: string;
      session: string;
      delegation: string;
      recorder: string;
      text: string;
      about: OpinionAbout;
    }
  | { type: "deliberation_opinion_routed"; opinion: string; meeting: string; route: OpinionRoute }
  | { type: "deliberation_handling_reported"; congress: string; meeting: string; opinions: string[] }
  | {
      type: "resolution_follow_up_planned";
      resolution: string;
      congress: string;
      title: string;
      years: number[];
    }
  | {
      type: "resolution_duty_recorded";
      resolution: string;
      year: number;
      duty: ResolutionDuty;
      note?: string;
    }
  // ------------------------------------------------ livelihood projects (issue 5, W19)
  | {
      type: "livelihood_project_proposed";
      project: string;
      congress: string;
      year: number;
      title: string;
      origin: ProposalOrigin;
    }
  | {
      type: "livelihood_projects_approved";
      congress: string;
      meeting: string;
      year: number;
      projects: ApprovedProject[];
    }
  | { type: "livelihood_project_monitored"; project: string; deputies: string[]; note?: string }
  | { type: "livelihood_project_completed"; project: string; completed_on: DateString; on_time: boolean }
  | { type: "livelihood_completion_reported"; congress: string; meeting: string; year: number }
  // ------------------------------------------------ work evaluations (issue 5, W5)
  | { type: "evaluation_scope_declared"; congress: string; departments: string[] }
  | {
      type: "work_evaluation_planned";
      work_evaluation: string;
      congress: string;
      year: number;
      department: string;
      team: EvaluationTeam;
    }
  | { type: "work_evaluation_started"; work_evaluation: string }
  | { type: "self_inspection_report_submitted"; work_evaluation: string; summary: string }
  | {
      type: "investigation_report_submitted";
      work_evaluation: string;
      methods: InvestigationMethod[];
      deputy_person_times: number;
      summary: string;
    }
  | {
      type: "work_evaluation_deliberated";
      work_evaluation: string;
      meeting: string;
      special_work_report: string;
    }
  | {
      type: "satisfaction_vote_recorded";
      work_evaluation: string;
      meeting: string;
      members: number;
      present: number;
      counts: OptionCount[];
      dissatisfied: number;
      result: SatisfactionResult;
    }
  | { type: "work_evaluation_result_published"; work_evaluation: string; notified: string }
  | {
      type: "evaluation_opinion_issued";
      work_evaluation: string;
      items: string[];
      rectification_due: DateString;
    }
  | { type: "work_evaluation_rectification_reported"; work_evaluation: string; summary: string }
  | {
      type: "work_evaluation_looked_back";
      work_evaluation: string;
      finding: LookBackOutcome;
      summary: string;
    }
  | { type: "work_evaluation_closed"; work_evaluation: string }
  | {
      type: "work_evaluation_escalated";
      work_evaluation: string;
      kind: WorkEvaluationEscalation;
      reason: string;
    }
  // ------------------------------------------------ inquiries, interpellations, investigations, removals (issue 5)
  | {
      type: "topic_inquiry_held";
      inquiry: string;
      congress: string;
      meeting: string;
      held_on: DateString;
      report: string;
      questioners: string[];
      responders: string[];
      live_stream?: boolean;
      origin?: string;
    }
  | {
      type: "interpellation_proposed";
      interpellation: string;
      congress: string;
      addressee: string;
      subject: string;
      questions: string[];
      by: Proposers;
      origin?: string;
    }
  | { type: "interpellation_answer_decided"; interpellation: string; mode: AnswerMode; committee?: string }
  | { type: "interpellation_answered"; interpellation: string; answer: string; meeting?: string }
  | { type: "interpellation_answer_rated"; interpellation: string; deputy: string; rating: AnswerRating }
  | {
      type: "interpellation_reanswer_required";
      interpellation: string;
      dissatisfied: number;
      proposers: number;
    }
  | { type: "interpellation_closed"; interpellation: string }
  | {
      type: "special_investigation_proposed";
      investigation: string;
      congress: string;
      subject: string;
      by: Proposers;
      origin?: string;
    }
  | {
      type: "special_investigation_decided";
      investigation: string;
      meeting: string;
      vote: Vote;
      adopted: boolean;
      members: string[];
    }
  | {
      type: "special_investigation_reported";
      investigation: string;
      meeting: string;
      report: string;
      resolution?: Vote;
      resolution_adopted?: boolean;
    }
  | {
      type: "removal_proposed";
      removal: string;
      congress: string;
      official: string;
      post: string;
      reason: string;
      by: Proposers;
      origin?: string;
    }
  | { type: "removal_decided"; removal: string; meeting: string; vote: Vote; adopted: boolean }
  // ------------------------------------------------ filing review of normative documents (issue 5, W12)
  | {
      type: "normative_document_filed";
      document: string;
      congress: string;
      issuer: string;
      issuer_kind: IssuerKind;
      title: string;
      published_on: DateString;
      filed_on: DateString;
      late: boolean;
    }
  | { type: "normative_document_review_started"; document: string; mode: ReviewMode }
  | { type: "review_finding_recorded"; document: string; issue?: string }
  | { type: "filing_review_opinion_sent"; document: string; opinion: string; answer_due: DateString }
  | { type: "filing_review_opinion_answered"; document: string; answer: string; late: boolean }
  | { type: "normative_document_corrected"; document: string; after_opinion: boolean }
  | { type: "normative_document_revoked"; document: string; revocation: Revocation }
  | { type: "normative_document_revocation_not_adopted"; document: string; revocation: Revocation }
  // ------------------------------------------------ budget review and audit (issue 5, W13)
  | { type: "committee_departments_paired"; congress: string; pairing: Pairing }
  | { type: "department_budget_pre_reviewed"; congress: string; review: DepartmentPreReview }
  | { type: "budget_pre_review_meeting_held"; congress: string; meeting: PreReviewMeeting }
  | { type: "key_budget_reviewed"; congress: string; review: KeyReview }
  | { type: "budget_adjustment_approved"; congress: string; adjustment: BudgetAdjustment }
  | { type: "budget_adjustment_not_approved"; congress: string; adjustment: BudgetAdjustment }
  | { type: "audit_findings_recorded"; congress: string; year: number; findings: NewAuditFinding[] }
  | { type: "audit_finding_tracked"; finding: string }
  | { type: "audit_finding_struck_off"; finding: string; evidence: string }
  | { type: "budget_reminder_sent"; congress: string; reminder: BudgetReminder }
  | { type: "preliminary_budget_submitted"; congress: string; preliminary: PreliminaryBudget }
  | { type: "budget_issuance_recorded"; congress: string; issuance: BudgetIssuance };

export type EventType = EventKind["type"];

/** One recorded event. */
export interface Event {
  /** Position in the log, from 1, without gaps. */
  seq: number;
  /** Schema version it was written with. */
  schema: number;
  at: Instant;
  actor: Actor;
  event: EventKind;
  /** SHA-256 of the previous event (64 hex digits; zeros for the first). Absent in schema 1. */
  prev?: string;
  /** SHA-256 of this event without `hash`. Absent in schema 1. */
  hash?: string;
}

/** A position in a log and the hash of the event there. */
export interface Anchor {
  seq: number;
  /** 64 lowercase hex digits. */
  hash: string;
}

/** The first bad position of a log. */
export interface ChainBreak {
  /** 0-based index in the log given. */
  index: number;
  /** The seq expected there. */
  seq: number;
  problem: "sequence" | "link" | "hash" | "head";
  expected: string;
  found: string;
}

/** The result of verifying a log's hash chain. */
export type VerifyReport =
  | { ok: true; events: number; head: Anchor }
  | { ok: false; events: number; break: ChainBreak };

// ---------------------------------------------------------------- state

export interface Congress {
  id: string;
  name: string;
  level: Level;
  term: number;
  term_start: DateString;
  term_end: DateString;
}

/** A deputy's personal data: only the office, admins and the deputy see it. */
export interface Contact {
  phone?: string;
  id_number?: string;
  address?: string;
}

export interface Deputy {
  id: string;
  congress: string;
  name: string;
  /** Absent when none was given, or when the reader may not see it. */
  contact?: Contact;
  /** Roster attributes; absent when none is recorded. */
  profile?: DeputyProfile;
  elected_on?: DateString;
  /** Absent: `elected`. */
  mandate?: Mandate;
  history?: StatusChange[];
  resignation_submitted?: DateString;
  absences?: Absence[];
  stations?: string[];
  /** Hidden from readers who may not see performance records (R-D2). */
  interviews?: DateString[];
  resignation_advised?: DateString;
}

export interface Unit {
  id: string;
  name: string;
}

export interface Assignment {
  lead_unit: string;
  co_units: string[];
  assigned_on: DateString;
}

export interface Reply {
  round: number;
  on: DateString;
  result: ResultCategory;
  in_plan: boolean;
  summary: string;
  reason: string | null;
}

export interface Feedback {
  deputy: string;
  round: number;
  rating: Satisfaction;
  on: DateString;
  comment: string | null;
}

export interface CoUnitOpinion {
  unit: string;
  round: number;
  on: DateString;
  opinion: string;
}

/** A suggestion as the ledger holds it (due dates are derived: see `SuggestionView`). */
export interface Suggestion {
  id: string;
  congress: string;
  title: string;
  lead: string;
  cosigners: string[];
  during: SubmissionPeriod;
  topic: string | null;
  status: SuggestionStatus;
  /** Each status with the date it was entered, oldest first. */
  history: [DateString, SuggestionStatus][];
  assignment: Assignment | null;
  extensions: DateString[];
  co_unit_opinions: CoUnitOpinion[];
  replies: Reply[];
  feedback: Feedback[];
  rehandling: DateString[];
}

export interface State {
  congresses: Record<string, Congress>;
  deputies: Record<string, Deputy>;
  units: Record<string, Unit>;
  suggestions: Record<string, Suggestion>;
  /** For each congress, the date its results were last published (absent when none). */
  published?: Record<string, DateString>;
  // Maps below are absent when empty.
  committee_members?: Record<string, CommitteeMember>;
  stations?: Record<string, Station>;
  activities?: Record<string, Activity>;
  voter_issues?: Record<string, VoterIssue>;
  points_publications?: PointsPublication[];
  sessions?: Record<string, Session>;
  motions?: Record<string, Motion>;
  /** By suggestion id; unannounced quality ratings are left out for readers kept from them (R-S8). */
  key_suggestions?: Record<string, KeySuggestion>;
  key_meetings?: KeyMeeting[];
  supervision?: Record<string, SuggestionSupervision>;
  handling_evaluations?: Record<string, HandlingEvaluation>;
  class_cases?: Record<string, ClassCase>;
}

export interface Snapshot {
  schema: number;
  /** Number of events the state reflects. */
  seq: number;
  last_at: Instant | null;
  /** Hash of the last event (schema 2). */
  head?: string;
  state: State;
}

/** A suggestion with facts derived as of a date. */
export interface SuggestionView {
  id: string;
  title: string;
  /** Status at the end of the day; null if not yet submitted then. */
  status: SuggestionStatus | null;
  /** Reply due date, if a reply is awaited. */
  due: DateString | null;
  /** Days past the due date, if overdue. */
  overdue_days: number | null;
  lead_unit: string | null;
  /** The rule set in force for the suggestion's congress on the view date; null if none. */
  rule_set: string | null;
  /** The rule set the due date was computed under (at assignment or start of re-handling). */
  due_rule_set: string | null;
}

// ---------------------------------------------------------------- figures

/** A rate; `percent` is rounded half up and carried as text (`"61.2"`), null when 0/0. */
export interface Rate {
  numerator: number;
  denominator: number;
  percent: string | null;
}

export interface Counts {
  submitted: number;
  during_session: number;
  during_recess: number;
  awaiting_vetting: number;
  accepted: number;
  rejected: number;
  withdrawn: number;
  assigned: number;
  replied: number;
  replied_on_time: number;
  rehandling: number;
  in_plan: number;
  closed: number;
  overdue: number;
}

export interface Results {
  A: number;
  B: number;
  C: number;
  D: number;
}

export interface Ratings {
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
}

export interface PlanLedger {
  entered: number;
  open: number;
  second_replied: number;
  solved: number;
}

export interface OverdueItem {
  suggestion: string;
  lead_unit: string;
  due: DateString;
  days_overdue: number;
}

export interface UnitFigures {
  unit: string;
  assigned: number;
  replied: number;
  replied_on_time: number;
  overdue: number;
  closed: number;
  results: Results;
  ratings: Ratings;
  reply_rate: Rate;
  solved_or_progressing_rate: Rate;
  satisfaction_rate: Rate;
}

/** The suggestion-handling figures as of a date. */
export interface Figures {
  as_of: DateString;
  counts: Counts;
  reply_rate: Rate;
  on_time_reply_rate: Rate;
  completion_rate: Rate;
  solved_or_progressing_rate: Rate;
  satisfaction_rate: Rate;
  results: Results;
  ratings: Ratings;
  plan_ledger: PlanLedger;
  /** Most overdue first. */
  overdue: OverdueItem[];
  /** One row per lead unit, ordered by unit id. */
  units: UnitFigures[];
}

/** Which suggestions the figures cover. `Date`s are taken as China-time dates. */
export interface FigureFilter {
  congress?: string | null;
  submitted_from?: DateString | Date | null;
  submitted_to?: DateString | Date | null;
}

// ---------------------------------------------------------------- rules

export type DurationUnit = "calendar_days" | "calendar_months" | "working_days";

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export interface SuggestionRules {
  reply_deadline: Duration;
  extended_reply_deadline: Duration;
  max_extensions: number;
  rehandle_deadline: Duration;
  max_rehandling_rounds: number;
  rehandle_on_basic_satisfied: boolean;
  feedback_from: "lead_deputy" | "all_proposers";
  withdraw_until: "before_assignment" | "before_reply";
  reply_requires_co_unit_opinions: boolean;
  reason_required_for_c: boolean;
  max_cosigners: number | null;
  max_title_chars: number;
  /** Back-to-back rating: ratings hidden from handling units until published. */
  back_to_back_feedback?: boolean;
}

export interface RuleSet {
  id: string;
  version: number;
  title: string;
  jurisdiction: { name: string; level: Level | null };
  effective_from: DateString;
  effective_to: DateString | null;
  legal_basis: string[];
  suggestion: SuggestionRules;
  /** Deputy quotas, committee size, absences (L-6, L-7, L-11, R-O1); absent in a spec: national. */
  deputy?: Record<string, unknown>;
  /** Tiers of homes and stations and their duties (§1.5, R-D1). */
  stations?: { tiers?: { id: string; name: string }[]; duties?: object[] };
  /** The performance-point table (W6, R-D2); null: points are not kept. */
  points?: object | null;
  /** Absent in a spec: the national values. */
  motion?: MotionRules;
  /** Absent in a spec: the defaults. */
  key?: KeyRules;
  /** Absent in a spec: the defaults (40/30/30; A 100, B 80, C 50, D 30; 100/70/0). */
  unit_score?: UnitScoreRules;
}

export type PresetName = "national" | "beijing-district";

type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** One rule set: a preset with optional overrides (a JSON merge patch), or a complete set. */
export type RuleSetSpec = { preset: PresetName; overrides?: DeepPartial<RuleSet> } | RuleSet;

/**
 * A rule book: undefined or null (the national default), one spec, a list of specs, or any
 * of these as JSON text.
 */
export type RulesSpec = RuleSetSpec | RuleSetSpec[] | string | null | undefined;

// ---------------------------------------------------------------- errors

export type ErrorKind =
  | "input"
  | "permission"
  | "not_found"
  | "conflict"
  | "rule"
  | "calendar"
  | "rule_set"
  | "integrity";

export type ErrorCode =
  | "invalid_json"
  | "unknown_command"
  | "missing_field"
  | "invalid_field"
  | "permission_denied"
  | "not_party"
  | "not_found"
  | "already_exists"
  | "out_of_order"
  | "invalid_transition"
  | "date_outside_calendar"
  | "no_rule_set"
  | "invalid_rule_set"
  | "chain_broken"
  | "not_published"
  // rule violations
  | "co_unit_opinions_missing"
  | "extension_limit_reached"
  | "feedback_already_given"
  | "in_plan_requires_b"
  | "opinion_already_submitted"
  | "reason_required"
  | "too_many_cosigners"
  | "withdrawal_too_late"
  | "wrong_congress"
  // deputies (issue 3)
  | "deputy_quota_exceeded"
  | "committee_size_exceeded"
  | "not_in_office"
  | "resignation_not_submitted"
  | "vote_members_mismatch"
  | "reason_has_own_procedure"
  | "not_suspended"
  | "date_in_future"
  | "issue_already_triaged"
  | "issue_not_triaged"
  | "issue_closed"
  | "not_recess_suggestion"
  | "no_point_table"
  | "wrong_publication_period"
  | "period_not_over"
  | "not_assessed"
  | "not_below_threshold"
  | "no_interview"
  | "no_later_assessment"
  | "improved_after_interview"
  // motions (issue 4)
  | "too_few_sponsors"
  | "outside_submission_window"
  | "consent_required"
  | "working_group_incomplete"
  | "no_handling_report"
  | "year_not_reviewed"
  | "tracking_period_over"
  // key suggestions, supervision, evaluation (issue 4)
  | "not_recommended"
  | "not_designating_body"
  | "not_key"
  | "organs_missing"
  | "meeting_out_of_order"
  | "on_the_spot_only_at_supervision"
  | "rater_not_attending_proposer"
  | "assessment_published"
  | "no_quality_ratings"
  | "mode_not_for_role"
  | "monitor_is_proposer"
  | "sample_category_mismatch"
  | "findings_mismatch_sample"
  // class cases (issue 4)
  | "already_grouped"
  | "class_case_lead_unit"
  | "class_case_dissolved"
  | "not_in_class_case"
  // oversight (issue 5)
  | "political_study_first"
  | "attendance_not_recorded"
  | "quorum_not_met"
  | "speaking_time_exceeded"
  | "extraordinary_request_too_small"
  | "extraordinary_not_requested"
  | "topic_not_shortlisted"
  | "plan_published_late"
  | "plan_not_published"
  | "plan_adjustment_not_allowed"
  | "revised_before_first"
  | "revised_report_missing"
  | "report_returned"
  | "research_missing"
  | "performance_reports_missing"
  | "report_not_on_meeting_day"
  | "opinion_handling_missing"
  | "inspected_before_effect"
  | "inspection_team_incomplete"
  | "issue_list_required"
  | "issue_not_handed_over"
  | "issue_already_rectified"
  | "look_back_too_early"
  | "inspection_issues_open"
  | "second_recorder"
  | "route_mismatch"
  | "not_in_report_quarter"
  | "not_a_follow_up_year"
  | "wrong_project_year"
  | "no_approved_projects"
  | "team_composition"
  | "department_already_evaluated"
  | "meeting_before_reports"
  | "vote_not_at_deliberation"
  | "satisfaction_vote_no_quorum"
  | "option_not_on_scale"
  | "look_back_not_adequate"
  | "no_grounds_for_escalation"
  | "too_few_proposers"
  | "not_sc_member"
  | "outside_session"
  | "already_rated"
  | "issuer_out_of_scope"
  | "department_paired_elsewhere"
  | "department_not_paired"
  | "four_questions_unanswered"
  | "pre_review_meeting_too_short"
  | "budgets_not_heard"
  | "too_few_key_review_departments"
  | "finding_not_tracked"
  | "no_prior_reminder"
  | "preliminary_budget_late"
  | "budget_issued_late"
  // a bug in renda, caught at the boundary
  | "internal_error"
  // codes added by later versions
  | (string & {});

/** The wire form of an error. */
export interface ErrorInfo {
  code: ErrorCode;
  kind: ErrorKind;
  /** Human-readable (English). */
  message: string;
  /** Offending field as a dotted path, e.g. `command.title`. */
  field: string | null;
  value: string | null;
  /** The rule enforced (R-…, L-…, `permission-matrix`). */
  rule: string | null;
}

/** Any error renda reports. A rejected command never changes the ledger. */
export class RendaError extends Error {
  constructor(info: ErrorInfo);
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly field: string | null;
  readonly value: string | null;
  readonly rule: string | null;
  readonly info: ErrorInfo;
  /** The subclass matching `info.kind`. */
  static fromInfo(info: ErrorInfo): RendaError;
}
/** Malformed input: bad JSON, unknown command, missing or invalid field. */
export class InputError extends RendaError {}
/** The actor's role may not issue the command, or not on this item. */
export class PermissionDeniedError extends RendaError {}
/** A referenced entity does not exist. */
export class NotFoundError extends RendaError {}
/** The entity exists already, or the command is out of time order. */
export class ConflictError extends RendaError {}
/** A lifecycle rule forbids the command now. */
export class RuleViolationError extends RendaError {}
/** A date falls outside the working-day calendar data. */
export class CalendarError extends RendaError {}
/** A rule set is invalid, or none is in force. */
export class RuleSetError extends RendaError {}
/** A log or snapshot fails its integrity check: an event was edited, deleted, inserted or moved. */
export class IntegrityError extends RendaError {}

// ---------------------------------------------------------------- spreadsheets

/** One problem in a spreadsheet. */
export interface SheetRowError {
  /** The row as the spreadsheet shows it (the header is usually row 1); 0: the whole file. */
  row: number;
  /** The column's header text. */
  column: string | null;
  value: string | null;
  /** Why (English). */
  reason: string;
  /** A sheet code (`invalid_value`, `conflicting_fact`, `out_of_order`, …) or a ledger error code. */
  code: string;
}
/** A spreadsheet that cannot be imported (`code: "invalid_sheet"`); nothing changed. */
export class SheetError extends InputError {
  readonly errors: SheetRowError[];
}
/** Options of `Ledger.importCsv`. */
export interface ImportCsvOptions {
  /** The deputy affairs office's actor id (default `office`). */
  officeId?: string;
  /** Most data rows read (default 1 000 000). */
  maxRows?: number;
  /** Longest cell, in characters (default 32 767). */
  maxCellChars?: number;
}
/** Options of `Ledger.exportCsv`. */
export interface ExportCsvOptions {
  /** Start with a UTF-8 byte order mark (default true). */
  bom?: boolean;
  /** Only the suggestions to this congress. */
  congress?: string | null;
}
/** One command of an import plan, with the row and column it comes from. */
export interface PlannedCommand {
  row: number;
  column: string;
  value: string;
  command: CommandEnvelope;
}
/** The commands an import executes (or would execute), in time order. */
export interface ImportPlan {
  commands: PlannedCommand[];
  /** Headers renda does not read. */
  ignored_columns: string[];
}

// ---------------------------------------------------------------- the ledger

/** An event-sourced ledger: commands in, events out; figures derived as of a date. */
export class Ledger {
  /** An empty ledger under `rules` (default: the national rules). */
  constructor(rules?: RulesSpec);
  /** A ledger continuing from a snapshot (object or JSON text). */
  static restore(snapshot: Snapshot | string, rules?: RulesSpec): Ledger;
  /** A ledger rebuilt from an event log (array or JSON text). */
  static replay(events: Event[] | string, rules?: RulesSpec): Ledger;
  /** Executes a command (object or JSON text); returns the events it recorded. */
  execute(command: CommandEnvelope | string): Event[];
  /** Checks a command without executing it; returns the event kinds it would record. */
  decide(command: CommandEnvelope | string): EventKind[];
  /** The events recorded since creation (or since the snapshot restored from). */
  /** With `reader`: the log as that actor may see it (hidden ratings and personal data left out). */
  events(reader?: Actor | null): Event[];
  snapshot(): Snapshot;
  /** Figures as of the end of `asOf` (a `Date` is taken as its China-time date). */
  figures(asOf: DateString | Date, filter?: FigureFilter | string | null, reader?: Actor | null): Figures;
  /**
   * The table `name` as of the end of `asOf` (absent: the day of the last event), as `reader`
   * may see it when given: columns as typed arrays (see {@link TableColumns}).
   */
  table(name: TableName, asOf?: DateString | Date | null, reader?: Actor | null): Table;
  /** The names of the tables {@link Ledger.table} offers, in order. */
  static tables(): TableName[];
  /** A suggestion with its status, due date and overdue days as of `asOf`. */
  suggestionView(id: string, asOf: DateString | Date, reader?: Actor | null): SuggestionView;
  /** Every motion (议案), ordered by id. */
  motions(): Motion[];
  /** Every scheduled congress session with its motion submission window (L-2). */
  sessions(): Session[];
  /** Motion figures of a congress as of `asOf`. */
  motionFigures(congress: string, asOf: DateString | Date): MotionFigures;
  /** Key-suggestion figures (W2). */
  keyFigures(congress: string, asOf: DateString | Date): KeyFigures;
  /** A key suggestion's back-to-back assessment (R-S8); hidden from handling units until announced. */
  keyAssessment(suggestion: string, asOf: DateString | Date, reader?: Actor | null): KeyAssessment;
  /** Suggestions under an active supervision overlay on `asOf`. */
  supervisionMonitor(congress: string, asOf: DateString | Date): SupervisionRow[];
  /** Third-party evaluations of suggestion handling (W3) with their report distribution; an
   * evaluator reader sees only its own. */
  evaluations(reader?: Actor | null): EvaluationReport[];
  /** An evaluation's sampled suggestions; an evaluator reader sees only its own sample. */
  evaluationSample(evaluation: string, asOf: DateString | Date, reader?: Actor | null): SuggestionView[];
  /** Every class case (类案), dissolved ones too, ordered by id. */
  classCases(): ClassCase[];
  /** The class cases existing at the end of `asOf` (of one congress, or all) with their figures. */
  classCaseReport(asOf: DateString | Date, congress?: string | null): ClassCaseReport;
  /** Candidate class cases among the congress's ungrouped suggestions, ranked; never merges.
   * `minScore`: 0 to 1 (default `"0.15"`). */
  classCaseCandidates(congress: string, minScore?: number | string): CandidateGroup[];
  /** Handling units ranked by the rule set's `unit_score` (R-S6). */
  unitScores(asOf: DateString | Date, filter?: FigureFilter | string | null, reader?: Actor | null): UnitScore[];
  /** The suggestion figures broken down `by` unit, topic, level, year, quarter or month. */
  figuresBy(asOf: DateString | Date, by: Breakdown, filter?: FigureFilter | string | null, reader?: Actor | null): BreakdownRow[];
  /** The plan ledger (列入计划, R-S5) of a congress's term per year of entry, as of `asOf`. */
  planLedger(congress: string, asOf: DateString | Date): PlanLedgerReport;
  /** Runs a named query (`queries()` lists them) with its arguments; the answer as parsed JSON. */
  query(name: QueryName, args?: Record<string, unknown>): unknown;
  /** Reply due dates of a scope as iCalendar (RFC 5545) text (CRLF line ends). */
  toIcal(asOf: DateString | Date, scope: IcalScope | string): string;
  /** The annual work report as the typed object (format "json", the default). */
  annualReport(request: ReportRequest | string, options?: { format?: "json"; lang?: ReportLang }): AnnualReport;
  /** The annual work report as Markdown or a standalone HTML page in `lang`. */
  annualReport(request: ReportRequest | string, options: { format: "markdown" | "html"; lang?: ReportLang }): string;
  /** With `reader`: the state as that actor may see it. */
  state(reader?: Actor | null): State;
  /** All suggestions, ordered by id. */
  suggestions(reader?: Actor | null): Suggestion[];
  /** The deputies, one flat record each, with their status on `asOf` (no personal data). */
  deputies(asOf: DateString | Date): DeputyRecord[];
  /** One record per deputy and activity (counting rows counts 人次). */
  participations(): ParticipationRecord[];
  /** One flat record per voter issue (W7). */
  voterIssues(reader?: Actor | null): VoterIssueRecord[];
  /** The points of `period` ("2025" or "2025-Q1") as they stand now. */
  points(congress: string, period: string, scope?: PublicationScope | string | null, reader?: Actor | null): PointsRow[];
  /** Every points publication, rows frozen as published. */
  pointsPublications(): PointsPublication[];
  /** Deputies below the interview threshold (约谈, R-D2) in the latest annual publication. */
  interviewRecommendations(congress: string): InterviewRecommendation[];
  /** Duty compliance (R-D1) of a congress's deputies as of `asOf`. */
  compliance(congress: string, asOf: DateString | Date): Compliance;
  /** A deputy's performance archive (履职档案). */
  archive(deputy: string, reader?: Actor | null): Archive;
  /** Composition figures of a congress as of `asOf` (typed counts, explicit rounding). */
  composition(congress: string, asOf: DateString | Date, decimals?: number): Composition;
  /** Activity person-times over deputies in office (carries a unit-mismatch warning, S000-8). */
  participation(congress: string, from: DateString | Date, to: DateString | Date, decimals?: number): Share;
  /** The organisation checks L-6, L-7 and R-O1. */
  checkOrganisation(congress: string, asOf: DateString | Date): Finding[];
  /** Imports the suggestion ledger from CSV, all or nothing; returns the plan executed. */
  importCsv(data: Uint8Array | ArrayBuffer | ArrayBufferView | string, options?: ImportCsvOptions | null): ImportPlan;
  /** The plan `importCsv` would execute, without executing it. */
  planImportCsv(data: Uint8Array | ArrayBuffer | ArrayBufferView | string, options?: ImportCsvOptions | null): ImportPlan;
  /** The suggestion ledger as CSV bytes (Chinese headers, UTF-8 with BOM unless `bom: false`). */
  exportCsv(options?: ExportCsvOptions | null): Uint8Array;
  /** Sequence number of the last event (0 when empty). */
  readonly seq: number;
  /** The head of the hash chain; keep or publish it to detect later truncation. */
  head(): Anchor;
  /** Frees the WebAssembly memory now (otherwise the garbage collector does). */
  free(): void;
}

/** A preset rule set by name. */
export function ruleSetPreset(name: PresetName | string): RuleSet;

// ---------------------------------------------------------------- labels

/** A label in simplified Chinese and English. */
export interface Label {
  zh: string;
  en: string;
}

/** The label catalog: per group, the wire name of each value mapped to its label. */
export interface LabelCatalog {
  role: Record<Role, Label>;
  level: Record<Level, Label>;
  suggestion_status: Record<SuggestionStatus, Label>;
  result_category: Record<ResultCategory, Label>;
  satisfaction: Record<Satisfaction, Label>;
  submission_period: Record<SubmissionPeriod, Label>;
  command: Record<CommandType, Label>;
  event: Record<EventType, Label>;
  error_code: Record<string, Label>;
  error_kind: Record<ErrorKind, Label>;
  day_kind: Record<DayKind, Label>;
  duration_unit: Record<DurationUnit, Label>;
  count_unit: Record<CountUnit, Label>;
  activity_kind: Record<string, Label>;
  deputy_status: Record<DeputyStatus, Label>;
  termination_reason: Record<string, Label>;
  education: Record<string, Label>;
  triage_outcome: Record<string, Label>;
  motion_status: Record<MotionStatus, Label>;
  motion_kind: Record<MotionKind, Label>;
  handling_phase: Record<HandlingPhase, Label>;
  report_to: Record<ReportTo, Label>;
  year_outcome: Record<YearOutcome, Label>;
  key_designator: Record<KeyDesignator, Label>;
  key_meeting_kind: Record<KeyMeetingKind, Label>;
  organ: Record<Organ, Label>;
  key_outcome: Record<KeyOutcome, Label>;
  supervision_mode: Record<SupervisionMode, Label>;
  sample_category: Record<SampleCategory, Label>;
  evaluation_grade: Record<EvaluationGrade, Label>;
  evaluation_use: Record<EvaluationUse, Label>;
  evaluation_status: Record<EvaluationStatus, Label>;
}

export type DayKind = "workday" | "weekend" | "holiday" | "makeup_workday";

/** The label catalog, read once from core and cached (each call returns a copy). */
export function labels(): LabelCatalog;

/** What an argument of a query may be. */
export type QueryArgKind = "text" | "decimals" | "scope" | "object";
/** One named query with its required and optional arguments. */
export interface QuerySpec {
  name: QueryName;
  required: [string, QueryArgKind][];
  optional: [string, QueryArgKind][];
}
/** The names of the queries `ledger.query` runs (core `renda::query::QUERIES`). */
export type QueryName =
  | "composition"
  | "participation"
  | "check_organisation"
  | "compliance"
  | "points"
  | "points_publications"
  | "deputies"
  | "voter_issues"
  | "archive"
  | "key_figures"
  | "key_assessment"
  | "supervision_monitor"
  | "evaluations"
  | "evaluation_sample"
  | "motions"
  | "motion_figures"
  | "class_cases"
  | "class_case_candidates"
  | "unit_scores"
  | "figures_by"
  | "plan_ledger"
  | "meeting"
  | "ballots"
  | "ballots_popolo"
  | "meeting_compliance"
  | "oversight_figures"
  | "supervision_plan"
  | "report_calendar"
  | "inspections"
  | "inspection_obligations"
  | "deliberation_opinions"
  | "resolution_follow_up"
  | "livelihood_projects"
  | "evaluation_coverage"
  | "work_evaluations"
  | "escalations"
  | "escalation_compliance"
  | "filing_review"
  | "normative_documents"
  | "budget_pre_review_coverage"
  | "key_budget_review"
  | "audit_double_list"
  | "budget_records";
/** Every named query with its arguments. */
export function queries(): QuerySpec[];

// ---------------------------------------------------------------- statistics

/** What a count counts: 人, 人次, 件, 件次, 项, 条. */
export type CountUnit = "persons" | "person_times" | "items" | "item_times" | "topics" | "entries";

/** A published percentage with its numerator and denominator. */
export interface PublishedFigure {
  numerator: number;
  numerator_unit: CountUnit;
  /** Must be positive. */
  denominator: number;
  denominator_unit: CountUnit;
  /** As published, without `%` (e.g. `"57.75"`); its decimals set the precision. */
  stated_percent: string;
}

/** A problem found in a published figure. */
export type StatsWarning =
  | { code: "unit_mismatch"; numerator_unit: CountUnit; denominator_unit: CountUnit }
  | { code: "percent_mismatch"; stated_percent: string; computed_percent: string }
  | { code: "no_numerator_fits"; denominator: number };

/** The result of `checkFigure`. */
export interface FigureCheck {
  /** The stated percentage follows from numerator / denominator at its precision. */
  reproducible: boolean;
  /** Decimals written in the stated percentage. */
  decimals: number;
  /** numerator / denominator × 100, rounded half up at `decimals` places. */
  computed_percent: string;
  warnings: StatsWarning[];
}

/** Checks a published figure; a malformed one throws an `InputError` naming the field. */
export function checkFigure(figure: PublishedFigure | string): FigureCheck;

/** Whether some whole numerator in 0..=denominator gives `stated` at its own precision. */
export function isReproducible(stated: string, denominator: number): boolean;

/**
 * Verifies the SHA-256 hash chain of an event log (array or JSON text): the head, or the first
 * bad position. Text that is not an event log throws an `InputError`.
 */
export function verifyLog(events: Event[] | string): VerifyReport;

/**
 * Candidate class-case groups among free-standing items (e.g. spreadsheet rows not loaded into
 * a ledger), ranked; `params` as in docs/class-cases.md.
 */
export function candidateGroups(items: CandidateItem[] | string, params?: SimilarityParams | string | null): CandidateGroup[];

// ---------------------------------------------------------------- deputies (issue 3)

/** A deputy's status on a date. */
export type DeputyStatus = "not_yet_elected" | "in_office" | "suspended" | "terminated" | "term_ended";

/** One deputy, flattened (see docs/deputies.md §5). */
export interface DeputyRecord {
  id: string; congress: string; name: string; status: DeputyStatus; elected_on: DateString;
  mandate: "elected" | "by_election"; person: string | null;
  gender: "female" | "male" | null;
  education: "secondary_or_below" | "college" | "bachelor" | "master" | "doctorate" | null;
  re_elected: boolean | null; resident_unit: boolean | null;
  party: "cpc" | "democratic_party" | "non_party" | null;
  elected_by_kind: "constituency" | "electoral_unit" | null; elected_by: string | null;
  delegation: string | null; groups: string[]; work_unit: string | null; stations: string[];
  committee_post: "director" | "vice_director" | "secretary_general" | "member" | null;
}

/** One deputy's participation in one activity. */
export interface ParticipationRecord {
  activity: string; congress: string; kind: string; on: DateString; title: string;
  deputy: string; deputy_congress: string; station: string | null;
  voters_received: number; opinions_collected: number; debrief: "yearly" | "mid_term" | null;
}

/** One voter issue, flattened. */
export interface VoterIssueRecord {
  id: string; congress: string; received_on: DateString; summary: string;
  deputy: string | null; station: string | null; outcome: string | null;
  triaged_on: DateString | null; target: string | null;
  answered_on: DateString | null; closed_on: DateString | null;
}

/** Where points are published. */
export type PublicationScope = "congress" | { station: string };

/** One deputy's points in a period. */
export interface PointsRow {
  deputy: string; points: number; activities: number; suggestions_led: number;
  suggestions_cosigned: number; days_in_office: number;
}

/** A deputy recommended for an interview (R-D2). */
export interface InterviewRecommendation {
  deputy: string; period: string; points: number; threshold: number; interviewed_on: DateString[];
}

/** A points publication, frozen as published. */
export interface PointsPublication {
  congress: string; period: string; scope: PublicationScope; published_on: DateString;
  through_seq: number; rows: PointsRow[];
}

/** Duty compliance (fields as in core `compliance::Compliance`). */
export interface Compliance { congress: string; as_of: DateString; rows: object[]; open: object[]; deputies: object[]; stations: object[]; [key: string]: unknown }
/** A deputy's archive (fields as in core `archive::Archive`). */
export interface Archive { [key: string]: unknown }
/** Composition figures (fields as in core `composition::Composition`). */
export interface Composition { [key: string]: unknown }
/** A share with typed counts and explicit rounding. */
export interface Share { numerator: { value: number; unit: string }; denominator: { value: number; unit: string }; decimals: number; percent: string; warnings: object[]; [key: string]: unknown }
/** One organisation check. */
export interface Finding { rule: string; [key: string]: unknown }

// ---------------------------------------------------------------- deputy records (issue 3)

export type Gender = "female" | "male";
export type Education = "secondary_or_below" | "college" | "bachelor" | "master" | "doctorate";
export type Party = "cpc" | "democratic_party" | "non_party";
/** How the deputy came into office. */
export type Mandate = "elected" | "by_election";
/** A constituency (directly elected) or an electoral unit (indirectly elected). */
export type ElectedBy = { constituency: string } | { electoral_unit: string };
export type CommitteePost = "director" | "vice_director" | "secretary_general" | "member";
export type TerminationReason =
  | "moved_out"
  | "resigned"
  | "two_unexcused_absences"
  | "recalled"
  | "lost_nationality"
  | "deprived_of_political_rights"
  | "lost_capacity"
  | "died";

/** A deputy's roster attributes (domain §1.2); absent fields are unknown, not false. */
export interface DeputyProfile {
  /** The same person in other congresses. */
  person?: string;
  gender?: Gender;
  /** 民族, as written. */
  ethnicity?: string;
  elected_by?: ElectedBy;
  delegation?: string;
  groups?: string[];
  work_unit?: string;
  /** 驻区单位代表 (S000-5). */
  resident_unit?: boolean;
  education?: Education;
  /** 连任 (S000-4). */
  re_elected?: boolean;
  party?: Party;
}

/** A tally (L-4, L-9). */
export interface Vote {
  members: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
}

/** A status change after taking office. */
export interface StatusChange {
  on: DateString;
  change: DeputyStatus;
  reason?: TerminationReason;
}

/** An absence from a congress session (L-11). */
export interface Absence {
  session: string;
  on: DateString;
  excused: boolean;
}

/** A member of a congress's standing committee. */
export interface CommitteeMember {
  deputy: string;
  congress: string;
  post: CommitteePost;
  from: DateString;
  full_time: boolean;
  can_serve_two_terms?: boolean;
  new_this_term?: boolean;
}

/** A period: a year `"2025"`, a quarter `"2025-Q1"` or a month `"2025-03"`. */
export type PeriodString = string;

export type ActivityKind =
  | "session_attendance"
  | "committee_meeting_attendance"
  | "inspection"
  | "research"
  | "training"
  | "voter_contact"
  | "home_visit"
  | "station_visit"
  | "debrief"
  | "law_enforcement_inspection"
  | "legislative_consultation"
  | "handling_supervision"
  | "other";

/** Which debrief (述职). */
export type DebriefScope = "yearly" | "mid_term";

/** What was done with a voter issue (W7 triage); the kind is `outcome`. */
export type Triage =
  | { outcome: "resolved_on_site" }
  | { outcome: "street_coordination" }
  | { outcome: "forwarded_to_department"; unit: string }
  | { outcome: "converted_to_suggestion"; suggestion: string }
  | { outcome: "recorded_only" }
  | { outcome: "livelihood_planning" };

/** A home or station (§1.5). */
export interface Station {
  id: string;
  congress: string;
  name: string;
  tier: string;
  parent?: string;
  /** Present (true) only for a grassroots legislative contact point. */
  legislative_contact_point?: boolean;
}

/** A recorded deputy activity (§1.4). */
export interface Activity {
  id: string;
  congress: string;
  kind: ActivityKind;
  on: DateString;
  title: string;
  participants: string[];
  station?: string;
  voters_received: number;
  opinions_collected: number;
  debrief?: DebriefScope;
}

/** An issue a voter raised (W7). */
export interface VoterIssue {
  id: string;
  congress: string;
  received_on: DateString;
  summary: string;
  deputy?: string;
  station?: string;
  activity?: string;
  triage?: Triage;
  triaged_on?: DateString;
  answered_on?: DateString;
  closed_on?: DateString;
}

// ---------------------------------------------------------------- sessions and motions (issue 4, W4)

/** A session of a congress with its motion submission window (L-2). */
export interface Session {
  id: string;
  congress: string;
  opens_on: DateString;
  closes_on: DateString;
  /** Last day motions are accepted; `closes_on` when the schedule gave none. */
  motions_due: DateString;
}

/** Who submits a motion; the kind is `by` (L-2, R-P7). */
export type Sponsor =
  | { by: "deputies"; lead: string; cosigners?: string[] }
  | { by: "delegation"; name: string }
  | { by: "presidium" }
  | { by: "standing_committee" }
  | { by: "special_committee"; name: string }
  | { by: "government" };

export type MotionKind = "legislative" | "supervisory" | "other";

export type MotionStatus =
  | "submitted"
  | "listed"
  | "handled_as_suggestion"
  | "merged"
  | "legislative_research"
  | "withdrawn"
  | "assigned"
  | "in_handling"
  | "completed";

/** The presidium's decision on a submitted motion; the decision is `as` (W4 step 3). */
export type ReviewDecision =
  | { as: "listed" }
  /** Handled as a suggestion: creates this suggestion, accepted. */
  | { as: "suggestion"; suggestion: string }
  | { as: "merged"; into: string }
  | { as: "legislative_research" };

export type ReportTo = "standing_committee" | "congress";
export type YearOutcome = "completed" | "continued";
/** 督办 (the first `supervision_years` years) or 跟踪督办 (R-P2). */
export type HandlingPhase = "supervision" | "tracking";

export interface MotionAssignment {
  lead_unit: string;
  co_units: string[];
  assigned_on: DateString;
  /** R-P1: supervisory motions go into the standing committee's supervision plan. */
  in_supervision_plan: boolean;
}

/** The handling working group (R-P3). */
export interface WorkingGroup {
  leader: string;
  committee: string;
  members: string[];
  proposing_deputies: string[];
  formed_on: DateString;
}

/** The handling plan agreed with the government (R-P3). */
export interface HandlingPlan {
  goals: string[];
  deadline: DateString;
  agreed_on: DateString;
}

export interface HandlingReport {
  to: ReportTo;
  on: DateString;
  summary: string;
}

export interface ReviewOpinion {
  on: DateString;
  opinion: string;
}

export interface MotionEvaluation {
  evaluator: string;
  on: DateString;
  summary: string;
}

export interface YearConclusion {
  on: DateString;
  outcome: YearOutcome;
}

/** One handling year (R-P2). */
export interface HandlingYear {
  /** From 1. */
  year: number;
  phase: HandlingPhase;
  started_on: DateString;
  reports: HandlingReport[];
  review_opinion: ReviewOpinion | null;
  evaluations: MotionEvaluation[];
  concluded: YearConclusion | null;
}

export interface Withdrawal {
  on: DateString;
  presidium_consent: boolean;
}

/** A motion (议案) as the ledger holds it. */
export interface Motion {
  id: string;
  congress: string;
  session: string;
  title: string;
  sponsor: Sponsor;
  kind: MotionKind;
  topic: string | null;
  status: MotionStatus;
  /** Each status with the date it was entered, oldest first. */
  history: [DateString, MotionStatus][];
  /** The suggestion it became, when handled as a suggestion. */
  suggestion: string | null;
  merged_into: string | null;
  /** Motions merged into this one (the other 件 of this 项). */
  merged: string[];
  withdrawal: Withdrawal | null;
  assignment: MotionAssignment | null;
  working_group: WorkingGroup | null;
  plan: HandlingPlan | null;
  years: HandlingYear[];
}

/** The motion figures of a congress as of a date; deputies in 人次 (person-times). */
export interface MotionFigures {
  congress: string;
  as_of: DateString;
  /** 件 submitted. */
  submitted: number;
  awaiting_review: number;
  /** 项: listed and neither withdrawn nor merged away. */
  items: number;
  /** 件 in those items. */
  item_motions: number;
  merged: number;
  handled_as_suggestions: number;
  legislative_research: number;
  withdrawn: number;
  awaiting_assignment: number;
  assigned: number;
  in_supervision: number;
  in_tracking: number;
  completed: number;
  in_supervision_plan: number;
  sponsor_person_times: number;
  handling_person_times: number;
  deputy_person_times: number;
}

/** The motion rules of a rule set (L-2, R-P2, R-P3, R-P5, R-P7). */
export interface MotionRules {
  /** Fewest deputies who may jointly submit, the lead counted (L-2: 10 and 5). */
  min_joint_deputies: { county_and_above: number; township: number };
  supervision_years: number;
  tracking: { years: number } | "whole_term";
  report_to_congress: boolean;
  require_working_group: boolean;
}

// ---------------------------------------------------------------- key suggestions, supervision (issue 4, W2)

export type KeyDesignator = "director_meeting" | "standing_committee";
/** The three-meeting model (W2 steps 3–4). */
export type KeyMeetingKind = "assignment" | "before_handling" | "progress" | "supervision" | "after_handling";
export type Organ = "government" | "court" | "procuratorate" | "handling_unit" | "standing_committee";
export type KeyOutcome = "solved" | "major_progress" | "progressing" | "not_solved";
export type SupervisionMode =
  | "key"
  | "tracking"
  | "ledger"
  | "counterpart"
  | "coordinated"
  | "assessment"
  | "concentrated"
  | "deputy_participation";

/** A rating given on the spot at a supervision meeting (not back-to-back). */
export interface OnTheSpotRating {
  deputy: string;
  rating: Satisfaction;
}

/** The key-suggestion rules of a rule set (W2, R-S7). */
export interface KeyRules {
  designated_by: KeyDesignator[];
  require_recommendation: boolean;
  assignment_meeting_needs_all_organs: boolean;
}

export interface KeyRecommendation {
  by: Actor;
  reason: string;
  on: DateString;
}

export interface KeyDesignation {
  leader: string;
  by: KeyDesignator;
  on: DateString;
}

/** One back-to-back quality rating (W2 step 5, R-S8). */
export interface QualityRating {
  deputy: string;
  rating: Satisfaction;
  on: DateString;
  /** The deputy, or the office at the forum. */
  recorded_by: Role;
}

export interface KeyOutcomeRecord {
  outcome: KeyOutcome;
  on: DateString;
}

/** A suggestion's way through W2 (state). */
export interface KeySuggestion {
  suggestion: string;
  recommendations: KeyRecommendation[];
  designation: KeyDesignation | null;
  quality: QualityRating[];
  published_on: DateString | null;
  outcomes: KeyOutcomeRecord[];
}

/** A key-suggestion meeting as held (state). */
export interface KeyMeeting {
  kind: KeyMeetingKind;
  on: DateString;
  suggestions: string[];
  organs: Organ[];
  deputies: string[];
  on_the_spot: OnTheSpotRating[];
}

/** Key-suggestion figures of a congress as of a date (W2; S001-15). */
export interface KeyFigures {
  congress: string;
  as_of: DateString;
  recommended: number;
  designated: number;
  meetings: Record<KeyMeetingKind, number>;
  outcomes: Record<KeyOutcome | "not_recorded", number>;
  /** Solved or major progress over designated. */
  solved_or_major_progress_rate: Rate;
  on_the_spot: Ratings;
  /** The announced back-to-back assessments only. */
  assessment: { published: number; ratings: Ratings; satisfaction_rate: Rate };
}

/** A key suggestion's back-to-back assessment as the reader sees it (R-S8). */
export interface KeyAssessment {
  suggestion: string;
  /** The day it was announced, if by the date. */
  published_on: DateString | null;
  ratings: QualityRating[];
  counts: Ratings;
  satisfaction_rate: Rate;
}

/** One supervision overlay (state). */
export interface SupervisionOverlay {
  mode: SupervisionMode;
  lead: string;
  started_by: Role;
  started_on: DateString;
  ended_on: DateString | null;
}

/** The supervision of one suggestion (state). */
export interface SuggestionSupervision {
  suggestion: string;
  overlays: SupervisionOverlay[];
  monitors: { deputy: string; appointed_on: DateString }[];
}

/** An overlay running on the date of a `SupervisionRow`. */
export interface ActiveOverlay {
  mode: SupervisionMode;
  lead: string;
  since: DateString;
}

/** One suggestion under active supervision (`supervisionMonitor`). */
export interface SupervisionRow {
  suggestion: string;
  title: string;
  status: SuggestionStatus | null;
  lead_unit: string | null;
  due: DateString | null;
  overdue_days: number | null;
  /** Designated key by the date. */
  key: boolean;
  overlays: ActiveOverlay[];
  /** Supervision monitors (deputy ids) appointed by the date. */
  monitors: string[];
}

// ---------------------------------------------------------------- third-party evaluation (issue 4, W3)

export type SampleCategory = "key" | "tracked" | "common_concern" | "dissatisfied";
export type EvaluationGrade = "excellent" | "good" | "fair" | "poor";
export type EvaluationUse = "unit_appraisal" | "feedback_to_units" | "publication" | "rectification";
export type EvaluationStatus = "planned" | "commissioned" | "reported" | "distributed" | "applied";

/** One sampled suggestion (R-S10). */
export interface SampleItem {
  suggestion: string;
  category: SampleCategory;
}

/** The evaluator's finding on one sampled suggestion. */
export interface EvaluationFinding {
  suggestion: string;
  grade: EvaluationGrade;
  summary: string;
}

/** A third-party evaluation as the ledger holds it (state). */
export interface HandlingEvaluation {
  id: string;
  congress: string;
  year: number;
  sample: SampleItem[];
  status: EvaluationStatus;
  history: [DateString, EvaluationStatus][];
  /** The commissioned evaluator's actor id. */
  evaluator: string | null;
  findings: EvaluationFinding[];
  summary: string | null;
  uses: EvaluationUse[];
  note: string | null;
}

/** An evaluation with its report distribution (`evaluations`). */
export interface EvaluationReport {
  evaluation: string;
  congress: string;
  year: number;
  status: EvaluationStatus;
  evaluator: string | null;
  sample_size: number;
  /** Distinct lead units of the sampled suggestions. */
  units: number;
  categories: Record<SampleCategory, number>;
  /** Zero until reported. */
  grades: Record<EvaluationGrade, number>;
  distributed_on: DateString | null;
  uses: EvaluationUse[];
}

// ---------------------------------------------------------------- class cases, scores, breakdowns (issue 4)

/** One membership of a suggestion in a class case. */
export interface ClassCaseMember {
  suggestion: string;
  joined_on: DateString;
  /** The day it was split off (or the group dissolved). */
  left_on?: DateString;
}

/** A class case (类案): suggestions (件) merged into one group (项) with one lead unit. */
export interface ClassCase {
  id: string;
  congress: string;
  title: string;
  lead_unit: string;
  formed_on: DateString;
  dissolved_on?: DateString;
  /** Every membership, in the order merged. */
  members: ClassCaseMember[];
}

/** A class case as of a date. */
export interface ClassCaseView {
  id: string;
  congress: string;
  title: string;
  lead_unit: string;
  formed_on: DateString;
  /** Members at the end of the date, in the order merged. */
  members: string[];
}

/** The class cases as of a date with their figures (`classCaseReport`). */
export interface ClassCaseReport {
  as_of: DateString;
  /** Ordered by id. */
  groups: ClassCaseView[];
  /** Groups in 项, grouped suggestions in 件. */
  figures: { groups: number; suggestions_grouped: number };
}

/** A proposed class case; never merged by itself. */
export interface CandidateGroup {
  /** Ordered by id. */
  suggestions: string[];
  /** Average pairwise cosine similarity, 3 decimals (`"0.732"`). */
  score: string;
  /** The terms most members share, weightiest first. */
  shared_terms: string[];
}

/** A free-standing item for `candidateGroups`. */
export interface CandidateItem {
  suggestion: string;
  title: string;
}

/** Parameters of the similarity suggester (docs/class-cases.md); every field optional. */
export interface SimilarityParams {
  /** 0 to 1; default 0.15. */
  min_score?: number;
  stop_words?: string[];
  stop_chars?: string;
  max_shared_terms?: number;
  unigrams?: boolean;
}

/** How handling units are scored (rule-set field `unit_score`, R-S6). */
export interface UnitScoreRules {
  weights: { timeliness: number; results: number; feedback: number };
  result_points: Record<ResultCategory, number>;
  feedback_points: Record<Satisfaction, number>;
}

/** One row of the ranked unit table (`unitScores`); scores are 0–100 with one decimal, as text. */
export interface UnitScore {
  /** From 1; equal scores share a rank. */
  rank: number;
  unit: string;
  assigned: number;
  replied: number;
  replied_on_time: number;
  rated: number;
  timeliness: string;
  /** null without a reply. */
  results: string | null;
  /** null without a rating. */
  feedback: string | null;
  score: string;
}

/** What `figuresBy` breaks the figures down by. */
export type Breakdown = "unit" | "topic" | "level" | "year" | "quarter" | "month";

/** The figures of the suggestions with one key (`figuresBy`). */
export interface BreakdownRow {
  /** Unit id, topic, level, `"2024"`, `"2024-Q1"` or `"2024-03"`; null for none (last). */
  key: string | null;
  counts: Counts;
  results: Results;
  ratings: Ratings;
  plan_ledger: PlanLedger;
  reply_rate: Rate;
  on_time_reply_rate: Rate;
  completion_rate: Rate;
  solved_or_progressing_rate: Rate;
  satisfaction_rate: Rate;
}

/** The plan-ledger cohort of one year of entry (R-S5). */
export interface PlanLedgerYear {
  year: number;
  entered: number;
  second_replied: number;
  /** Second reply category A. */
  solved: number;
  /** `entered − solved`. */
  progressing: number;
}

/** The plan ledger of a congress's term (`planLedger`, S001-16). */
export interface PlanLedgerReport {
  congress: string;
  as_of: DateString;
  term_start: DateString;
  term_end: DateString;
  /** One row per year with entries, oldest first. */
  years: PlanLedgerYear[];
  total: { entered: number; second_replied: number; solved: number; progressing: number; solved_rate: Rate };
}

/** Whose reply due dates an iCalendar file holds. */
export type IcalScope = { unit: string } | { deputy: string } | { congress: string };

/** A language of reports: simplified Chinese or English. */
export type ReportLang = "zh" | "en";

/** A figure the office publishes about itself, checked by the statistics validator. */
export interface OfficeFigure {
  zh: string;
  en: string;
  figure: PublishedFigure;
}

/** What an annual report covers: a calendar `year`, or `from`…`to`. */
export interface ReportRequest {
  congress: string;
  year?: number;
  from?: DateString;
  to?: DateString;
  office?: OfficeFigure[];
}

/** The annual work report (`docs/annual-report.md`): every section as typed counts. */
export interface AnnualReport {
  congress: string;
  congress_name: string;
  from: DateString;
  to: DateString;
  overview: {
    congress_sessions: number;
    standing_committee_meetings: number;
    director_meetings: number;
    outputs: Record<string, number>;
    by_elections: number;
    appointments_and_removals: number;
    ballots: number;
    ballots_adopted: number;
    meets_l5: boolean | null;
  };
  suggestions: {
    submitted: number;
    during_session: number;
    during_recess: number;
    assigned: number;
    replied: number;
    reply_rate: Rate;
    on_time_reply_rate: Rate;
    solved_or_progressing_rate: Rate;
    satisfaction_rate: Rate;
    results: { A: number; B: number; C: number; D: number };
    ratings: { satisfied: number; basically_satisfied: number; dissatisfied: number };
    overdue: number;
    key: { designated: number; solved: number; major_progress: number; progressing: number };
    plan_ledger: { entered: number; solved: number; progressing: number };
    units: { unit: string; name: string; figures: Record<string, unknown> }[];
    motions: Record<string, number>;
  };
  deputies: Record<string, unknown> & { in_office: number; activities: number };
  supervision: Record<string, unknown>;
  evaluations: Record<string, unknown> & { work_evaluations: { department: string; status: string; vote: string | null }[] };
  office: { figure: OfficeFigure; check: FigureCheck }[];
}

/** The configuration of the demo district (every field optional; see docs/demo-district.md). */
export interface DemoConfig {
  seed?: number;
  first_year?: number;
  years?: number;
  districts?: number;
  deputies?: number;
  standing_committee?: number;
  suggestions_per_year?: number;
  recess_suggestions_per_year?: number;
  key_suggestions_per_year?: number;
  units?: number;
  homes?: number;
  stations?: number;
  standing_committee_meetings?: number;
  director_meetings?: number;
  reports_per_year?: number;
  review_opinions_per_year?: number;
  work_evaluations_per_year?: number;
  livelihood_projects_per_year?: number;
  motions_per_session?: number;
}

/** A generated demo district. */
export interface DemoDistrict {
  ledger: Ledger;
  /** The first district's congress. */
  congress: string;
  congresses: string[];
  firstYear: number;
  years: number;
}

/** Generates the demo district (renda::demo) in the browser or node. */
export function demoDistrict(config?: DemoConfig | string): DemoDistrict;

/** The tables a ledger offers (`docs/tables.md` lists their columns). */
export type TableName =
  | "suggestions" | "motions" | "units" | "deputies" | "activities" | "points"
  | "supervision_items" | "evaluations";

/** A column's type. */
export type ColumnType = "int64" | "float64" | "bool" | "date" | "utf8" | "category";

/**
 * A table's columns by name: `int64` and `float64` columns a `Float64Array` (NaN where
 * missing); `date` columns a `Float64Array` of days since 1970-01-01 (NaN where missing);
 * `bool` columns a `Uint8Array` (0 false, 1 true, 2 missing); `category` and `utf8` columns
 * an array of strings (`null` where missing).
 */
export type TableColumns = Record<string, Float64Array | Uint8Array | (string | null)[]>;

/** A ledger table ({@link Ledger.table}). */
export interface Table {
  name: TableName;
  /** The date the derived columns are as of. */
  asOf: DateString;
  /** Number of rows. */
  length: number;
  columns: TableColumns;
  types: Record<string, ColumnType>;
  /** Each column's label in Chinese and English. */
  labels: Record<string, { zh: string; en: string }>;
}

// ---------------------------------------------------------------- the columnar suggestion log

/**
 * The dimension tables of a {@link SuggestionLog}: ids and levels by row, and per suggestion
 * its congress row and submission period.
 */
export interface SuggestionDimensions {
  congresses: string[];
  /** Each congress's level (selects the rule set for due dates). */
  levels: Level[];
  units: string[];
  suggestions: string[];
  /** Each suggestion's congress row. */
  suggestionCongress: Uint32Array;
  /** Each suggestion's submission period: 0 session, 1 recess. */
  during: Uint8Array;
}

/**
 * A log's columns, as {@link SuggestionLog.fromColumns} takes them. Events in log order:
 * `suggestion` (suggestion rows), `day` (days since 1970-01-01), `kind` (lifecycle kind codes
 * 0–12, named as the ledger's events: 0 `suggestion_submitted`, 1 `suggestion_revised`,
 * 2 `suggestion_accepted`, 3 `suggestion_returned`, 4 `suggestion_rejected`,
 * 5 `suggestion_withdrawn`, 6 `suggestion_assigned`, 7 `reply_deadline_extended`,
 * 8 `suggestion_replied`, 9 `feedback_given`, 10 `rehandling_started`, 11 `placed_in_plan`,
 * 12 `suggestion_closed`), `arg` (payload: assigned → unit row; replied → result 0–3 (A–D),
 * +4 if in plan; feedback → rating 0–2 (satisfied, basically satisfied, dissatisfied), +4 if
 * by the lead deputy; else 0).
 */
export interface SuggestionColumns {
  dims: SuggestionDimensions;
  suggestion: Uint32Array;
  day: Int32Array;
  kind: Uint8Array;
  arg: Uint32Array;
}

/**
 * The per-unit figures as columns, one row per unit (renda::figures::UnitCount): `unit` the
 * unit ids, then one `Float64Array` per count; the rates follow from the counts.
 */
export interface UnitFigureTable {
  /** Number of units (rows). */
  length: number;
  unit: string[];
  assigned: Float64Array;
  replied: Float64Array;
  replied_on_time: Float64Array;
  overdue: Float64Array;
  closed: Float64Array;
  A: Float64Array;
  B: Float64Array;
  C: Float64Array;
  D: Float64Array;
  satisfied: Float64Array;
  basically_satisfied: Float64Array;
  dissatisfied: Float64Array;
}

/** What a {@link SuggestionLog} does, in the full API and the lean module (`L`: its class). */
export interface SuggestionLogOps<L> {
  /** Number of events. */
  readonly length: number;
  /**
   * The figures as of the end of `asOf` of the suggestions submitted in this log, as
   * `Ledger.figures`; `rules` default: the ledger's for a log from a ledger, else national.
   */
  figures(asOf: DateString | Date, filter?: FigureFilter | string | null, rules?: RulesSpec): Figures;
  /**
   * {@link figures} with the per-unit figures apart, as columns ({@link UnitFigureTable});
   * `figures.units` is empty. The form for many units (Python: `figures_with_unit_table`).
   */
  figuresWithUnitTable(
    asOf: DateString | Date,
    filter?: FigureFilter | string | null,
    rules?: RulesSpec,
  ): { figures: Figures; units: UnitFigureTable };
  /** Split into `parts` logs of whole congresses; their figures combine into the whole's. */
  partition(parts: number): L[];
  /** The columns (copies), as `fromColumns` takes them. */
  columns(): SuggestionColumns;
  /** Frees the WebAssembly memory now. Idempotent. */
  free(): void;
}

/**
 * The suggestion lifecycle as columns (renda::columnar): the figures of a national year at
 * memory speed. Also in the lean module `renda/figures` (without `fromLedger`).
 */
export class SuggestionLog {
  private constructor();
  /** A log from its columns; every row is checked, a bad one throws an `InputError` naming it (`events[3].kind`). */
  static fromColumns(
    dims: SuggestionDimensions,
    suggestion: Uint32Array,
    day: Int32Array,
    kind: Uint8Array,
    arg: Uint32Array,
  ): SuggestionLog;
  /** The suggestion lifecycle of a ledger's log; its figures default to the ledger's rule book. */
  static fromLedger(ledger: Ledger): SuggestionLog;
}
export interface SuggestionLog extends SuggestionLogOps<SuggestionLog> {}

/** The figures of disjoint parts (all as of one date) added into the figures of the whole. */
export function combineFigures(parts: Figures[]): Figures;

/** What {@link nationalLog} generates (renda::national::NationalConfig); each field optional. */
export interface NationalConfig {
  /** The seed of every random stream (default 2024). */
  seed?: number;
  /** The share of the country's congresses, in (0, 1] (default 1: ~2.5 M suggestions). */
  scale?: number;
  /** The year whose suggestions are generated (default 2024). */
  year?: number;
}

/** What a national data set holds (renda::national::NationalSummary). */
export interface NationalSummary {
  /** Congresses per level: national, provincial, districted city, county, township. */
  congresses_by_level: number[];
  /** Deputies (the per-congress profile's count; the data set holds no deputy rows). */
  deputies: number;
  units: number;
  suggestions: number;
  events: number;
}

/** The national data set: the log, its rule book as a rules spec, a summary, the year's end. */
export interface NationalLog<L> {
  /** The log; its figures default to the data set's rule book. */
  log: L;
  /** The rule book (working-day deadlines at county and township level), for `log.figures(asOf, filter, rules)`. */
  rules: RuleSetSpec[];
  summary: NationalSummary;
  /** The last day of the generated year, the date of the annual figures. */
  yearEnd: DateString;
}

/**
 * The national data set (renda::national): one year of suggestion handling in every congress
 * of the country at `config.scale`, deterministic for `{seed, scale, year}`. A bad field
 * throws an `InputError` naming it (`config.scale`).
 */
export function nationalLog(config?: NationalConfig): NationalLog<SuggestionLog>;
