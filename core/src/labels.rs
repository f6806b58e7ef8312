//! Labels in Chinese (zh-Hans) and English for every enumerated value on the wire: roles,
//! levels, statuses, result categories, ratings, periods, commands, events, error codes and
//! kinds, calendar day kinds, duration units and count units.
//!
//! One table, shared by the three languages: the bindings and the web page read
//! [`catalog`] (as JSON: [`crate::api::labels_json`]) instead of keeping their own.
//!
//! ```
//! use renda::labels::Labelled;
//! use renda::SuggestionStatus;
//! assert_eq!(SuggestionStatus::InPlan.label().zh, "列入计划");
//! let cat = renda::labels::catalog();
//! assert_eq!(cat.suggestion_status["in_plan"].en, "In the plan");
//! ```

use crate::activity::ActivityKind;
use crate::actor::Role;
use crate::calendar::{DayKind, DurationUnit};
use crate::command::CommandKind;
use crate::deputy::{DeputyStatus, Education, TerminationReason};
use crate::error::{ErrorKind, CODES};
use crate::event::EventKind;
use crate::registry::Level;
use crate::stats::CountUnit;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod, SuggestionStatus};
use serde::Serialize;
use std::collections::BTreeMap;

/// A label in simplified Chinese and English; serialises as `{"zh", "en"}`.
///
/// ```
/// let l = renda::labels::Label { zh: "满意", en: "Satisfied" };
/// assert_eq!(serde_json::to_string(&l).unwrap(), r#"{"zh":"满意","en":"Satisfied"}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Label {
    /// Simplified Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Label {
    /// The label in `lang`.
    ///
    /// ```
    /// use renda::labels::{Label, Lang};
    /// let l = Label { zh: "满意", en: "Satisfied" };
    /// assert_eq!((l.get(Lang::Zh), l.get(Lang::En)), ("满意", "Satisfied"));
    /// ```
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A language of labels and reports: simplified Chinese (`zh`) or English (`en`).
///
/// ```
/// use renda::labels::Lang;
/// assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
/// assert_eq!("zh-Hans".parse::<Lang>().unwrap(), Lang::Zh);
/// assert_eq!("fr".parse::<Lang>().unwrap_err().field(), Some("lang"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Self::Zh, Self::En];

    /// The wire name: `zh` or `en`.
    ///
    /// ```
    /// assert_eq!(renda::labels::Lang::En.as_str(), "en");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Zh => "zh",
            Self::En => "en",
        }
    }

    /// The BCP 47 tag (for HTML `lang`): `zh-Hans` or `en`.
    ///
    /// ```
    /// assert_eq!(renda::labels::Lang::Zh.bcp47(), "zh-Hans");
    /// ```
    pub fn bcp47(self) -> &'static str {
        match self {
            Self::Zh => "zh-Hans",
            Self::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::RendaError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "zh" | "zh-Hans" | "zh-CN" => Ok(Self::Zh),
            "en" => Ok(Self::En),
            other => Err(crate::RendaError::InvalidField {
                field: "lang".into(),
                value: crate::ids::truncate(other),
                reason: "must be zh or en".into(),
            }),
        }
    }
}

const fn l(zh: &'static str, en: &'static str) -> Label {
    Label { zh, en }
}

/// A value with a label.
///
/// ```
/// use renda::labels::Labelled;
/// assert_eq!(renda::Role::DirectorMeeting.label().zh, "主任会议");
/// ```
pub trait Labelled: Copy {
    /// The value's label.
    fn label(self) -> Label;
}

impl Labelled for Role {
    fn label(self) -> Label {
        match self {
            Role::Deputy => l("人大代表", "Deputy"),
            Role::DeputyAffairsOffice => l("代表联络室", "Deputy affairs office"),
            Role::HandlingUnit => l("承办单位", "Handling unit"),
            Role::GovernmentOffice => l("政府办公室", "Government office"),
            Role::SpecialCommittee => l("专门委员会", "Special committee"),
            Role::DirectorMeeting => l("主任会议", "Director meeting"),
            Role::StandingCommittee => l("常委会", "Standing committee"),
            Role::StreetWorkingCommittee => l("街道人大工委", "Street working committee"),
            Role::ThirdPartyEvaluator => l("第三方评估机构", "Third-party evaluator"),
            Role::Public => l("公众", "Public"),
            Role::Admin => l("系统管理员", "System administrator"),
        }
    }
}

impl Labelled for Level {
    fn label(self) -> Label {
        match self {
            Level::National => l("全国", "National"),
            Level::Provincial => l("省级", "Provincial"),
            Level::DistrictedCity => l("设区的市级", "City with districts"),
            Level::County => l("县级", "County"),
            Level::Township => l("乡镇级", "Township"),
        }
    }
}

impl Labelled for SuggestionStatus {
    fn label(self) -> Label {
        match self {
            Self::Submitted => l("已提交", "Submitted"),
            Self::ReturnedForRevision => l("退回修改", "Returned for revision"),
            Self::Accepted => l("已受理", "Accepted"),
            Self::Rejected => l("不作为建议", "Not a suggestion"),
            Self::Withdrawn => l("已撤回", "Withdrawn"),
            Self::Assigned => l("已交办", "Assigned"),
            Self::Replied => l("已答复", "Replied"),
            Self::Rehandling => l("复查补办中", "Being re-handled"),
            Self::InPlan => l("列入计划", "In the plan"),
            Self::Closed => l("已办结", "Closed"),
        }
    }
}

impl Labelled for ResultCategory {
    fn label(self) -> Label {
        match self {
            Self::A => l("已解决或基本解决", "Solved or basically solved"),
            Self::B => l("正在解决或列入计划解决", "Being solved or planned"),
            Self::C => l("因条件限制暂时无法解决", "Cannot be solved for now"),
            Self::D => l("留作参考", "Kept for reference"),
        }
    }
}

impl Labelled for Satisfaction {
    fn label(self) -> Label {
        match self {
            Self::Satisfied => l("满意", "Satisfied"),
            Self::BasicallySatisfied => l("基本满意", "Basically satisfied"),
            Self::Dissatisfied => l("不满意", "Dissatisfied"),
        }
    }
}

impl Labelled for SubmissionPeriod {
    fn label(self) -> Label {
        match self {
            Self::Session => l("大会期间", "During the session"),
            Self::Recess => l("闭会期间", "In recess"),
        }
    }
}

impl Labelled for CommandKind {
    fn label(self) -> Label {
        match self {
            Self::RegisterCongress => l("登记人大", "Register a congress"),
            Self::RegisterDeputy => l("登记代表", "Register a deputy"),
            Self::RegisterUnit => l("登记承办单位", "Register a handling unit"),
            Self::SubmitSuggestion => l("提出建议", "Submit a suggestion"),
            Self::ReviseSuggestion => l("修改建议", "Revise a suggestion"),
            Self::AcceptSuggestion => l("受理建议", "Accept a suggestion"),
            Self::ReturnSuggestion => l("退回修改", "Return for revision"),
            Self::RejectSuggestion => l("不作为建议处理", "Reject as not a suggestion"),
            Self::WithdrawSuggestion => l("撤回建议", "Withdraw a suggestion"),
            Self::AssignSuggestion => l("交办建议", "Assign a suggestion"),
            Self::ExtendReplyDeadline => l("延长答复期限", "Extend the reply deadline"),
            Self::SubmitCoUnitOpinion => l("提出协办意见", "Send a co-unit opinion"),
            Self::ReplySuggestion => l("答复建议", "Reply to a suggestion"),
            Self::GiveFeedback => l("评价办理结果", "Rate the reply"),
            Self::PublishResults => l("公开办理结果", "Publish the results"),
            Self::UpdateDeputyProfile => l("更新代表信息", "Update a deputy's profile"),
            Self::JoinStandingCommittee => l("当选常委会组成人员", "Join the standing committee"),
            Self::SubmitResignation => l("提出书面辞职", "Hand in a written resignation"),
            Self::DecideResignation => l("表决辞职", "Vote on a resignation"),
            Self::RecordAbsence => l("登记缺席", "Record an absence"),
            Self::TerminateQualification => l("代表资格终止", "Terminate a qualification"),
            Self::SuspendDeputy => l("暂停执行代表职务", "Suspend a deputy"),
            Self::ReinstateDeputy => l("恢复执行代表职务", "Reinstate a deputy"),
            Self::RegisterStation => l("登记代表家站", "Register a home or station"),
            Self::AssignStation => l("代表进驻家站", "Assign a deputy to a home or station"),
            Self::RecordActivity => l("登记履职活动", "Record an activity"),
            Self::RecordVoterIssue => l("登记选民意见", "Record a voter issue"),
            Self::TriageVoterIssue => l("分流选民意见", "Triage a voter issue"),
            Self::AnswerVoterIssue => l("答复选民", "Answer the voter"),
            Self::CloseVoterIssue => l("办结选民意见", "Close a voter issue"),
            Self::PublishPoints => l("公示履职积分", "Publish points"),
            Self::RecordInterview => l("约谈代表", "Interview a deputy"),
            Self::AdviseResignation => l("劝辞", "Advise resignation"),
            Self::NotifyEmployer => l("通报代表工作单位", "Notify the work unit"),
            Self::ScheduleSession => l("安排会议及议案截止时间", "Schedule a session"),
            Self::SubmitMotion => l("提出议案", "Submit a motion"),
            Self::ReviewMotion => l("审议议案处理意见", "Review a motion"),
            Self::WithdrawMotion => l("撤回议案", "Withdraw a motion"),
            Self::AssignMotion => l("交付办理议案", "Assign a motion"),
            Self::FormMotionWorkingGroup => {
                l("成立议案办理工作组", "Form the motion working group")
            }
            Self::AgreeMotionPlan => l("确定议案办理方案", "Agree the handling plan"),
            Self::ReportMotionHandling => l("报告议案办理情况", "Report on motion handling"),
            Self::IssueMotionReviewOpinion => l("提出议案办理审议意见", "Issue a review opinion"),
            Self::RecordMotionEvaluation => {
                l("登记议案办理第三方评估", "Record a third-party evaluation")
            }
            Self::ConcludeMotionYear => l("议案年度督办结论", "Conclude a handling year"),
            Self::RecommendKeySuggestion => l("推荐重点建议", "Recommend as key"),
            Self::DesignateKeySuggestion => l("确定重点建议", "Designate as key"),
            Self::HoldKeyMeeting => l("召开重点建议督办会议", "Hold a key-suggestion meeting"),
            Self::RateKeyQuality => l("背靠背质量测评", "Rate the handling back to back"),
            Self::PublishKeyAssessment => l("通报质量测评结果", "Announce the assessment"),
            Self::RecordKeyOutcome => l("听取重点建议办理情况", "Hear the key outcome"),
            Self::StartSupervision => l("开始督办", "Start supervision"),
            Self::EndSupervision => l("结束督办", "End supervision"),
            Self::AppointSupervisionMonitor => l("聘请督办监督员", "Appoint a supervision monitor"),
            Self::PlanHandlingEvaluation => l("确定办理评估样本", "Plan a handling evaluation"),
            Self::CommissionEvaluator => l("委托第三方评估", "Commission an evaluator"),
            Self::SubmitEvaluationReport => l("提交评估报告", "Submit the evaluation report"),
            Self::DistributeEvaluationReport => l("印发评估报告", "Distribute the report"),
            Self::DecideEvaluationUse => l("决定评估结果运用", "Decide the use of the results"),
            Self::MergeSuggestions => l("合并为类案", "Merge into a class case"),
            Self::AddToClassCase => l("并入类案", "Add to a class case"),
            Self::SplitSuggestion => l("从类案中拆分", "Split from a class case"),
            Self::ConveneMeeting => l("召开会议", "Convene a meeting"),
            Self::RequestExtraordinarySession => {
                l("提议召开临时会议", "Request extraordinary session")
            }
            Self::SetMeetingAgenda => l("确定会议议程", "Set meeting agenda"),
            Self::RecordAttendance => l("登记出席情况", "Record attendance"),
            Self::RecordSpeech => l("登记发言", "Record speech"),
            Self::HoldBallot => l("表决", "Hold ballot"),
            Self::ProposeSupervisionTopic => l("提出监督议题建议", "Propose a supervision topic"),
            Self::ShortlistSupervisionTopics => l("初选监督议题", "Shortlist supervision topics"),
            Self::ApproveSupervisionPlan => {
                l("通过年度监督工作计划", "Approve the supervision plan")
            }
            Self::PublishSupervisionPlan => {
                l("公布年度监督工作计划", "Publish the supervision plan")
            }
            Self::ChooseSupervisionTopic => l("代表自主选择监督议题", "Choose a supervision topic"),
            Self::AdjustSupervisionPlan => l("调整年度监督工作计划", "Adjust the supervision plan"),
            Self::ScheduleWorkReport => l("安排听取报告", "Schedule a report"),
            Self::RecordReportResearch => l("登记会前调研", "Record research"),
            Self::SubmitWorkReport => l("报送报告", "Submit a report"),
            Self::ReturnWorkReport => l("发回报告修改", "Return for revision"),
            Self::HearWorkReport => l("听取审议报告", "Hear a report"),
            Self::IssueReviewOpinion => l("形成审议意见书", "Issue a review opinion"),
            Self::ReportOpinionHandling => {
                l("报告审议意见研究处理情况", "Report the opinion's handling")
            }
            Self::FollowUpWorkReport => l("跟踪监督", "Follow up"),
            Self::CloseWorkReport => l("办结报告", "Close a report"),
            Self::PlanInspection => l("安排执法检查", "Plan an inspection"),
            Self::FormInspectionTeam => l("组成执法检查组", "Form the inspection team"),
            Self::RecordInspectionIssues => l("列出问题清单", "Record inspection issues"),
            Self::ReportInspection => l("听取执法检查报告", "Hear the inspection report"),
            Self::IssueInspectionReviewOpinion => {
                l("形成执法检查审议意见", "Issue the review opinion")
            }
            Self::RectifyInspectionIssue => l("问题整改完成", "Rectify an issue"),
            Self::LookBackInspection => l("执法检查“回头看”", "Look back"),
            Self::CloseInspection => l("执法检查办结", "Close the inspection"),
            Self::RecordDeliberationOpinion => {
                l("记录代表审议意见", "Record a deliberation opinion")
            }
            Self::RouteDeliberationOpinion => {
                l("主任会议分办审议意见", "Route a deliberation opinion")
            }
            Self::ReportDeliberationHandling => {
                l("听取审议意见研究处理情况报告", "Hear the handling report")
            }
            Self::PlanResolutionFollowUp => l("确定决议落实跟踪", "Plan resolution follow-up"),
            Self::RecordResolutionDuty => l("记录决议落实工作", "Record a resolution duty"),
            Self::ProposeLivelihoodProject => l("征集民生实事项目", "Propose a livelihood project"),
            Self::ApproveLivelihoodProjects => {
                l("审议通过民生实事项目", "Approve livelihood projects")
            }
            Self::MonitorLivelihoodProject => {
                l("代表监督检查民生实事", "Monitor a livelihood project")
            }
            Self::CompleteLivelihoodProject => {
                l("民生实事项目完成", "Complete a livelihood project")
            }
            Self::ReportLivelihoodCompletion => {
                l("听取民生实事完成情况报告", "Hear the completion report")
            }
            Self::DeclareEvaluationScope => l("确定工作评议范围", "Declare the evaluation scope"),
            Self::PlanWorkEvaluation => l("确定工作评议对象", "Plan a work evaluation"),
            Self::StartWorkEvaluation => l("召开评议动员大会", "Start the work evaluation"),
            Self::SubmitSelfInspectionReport => {
                l("提交自查报告", "Submit the self-inspection report")
            }
            Self::SubmitInvestigationReport => l("提交调查报告", "Submit the investigation report"),
            Self::DeliberateWorkEvaluation => l("常委会审议评议", "Deliberate the evaluation"),
            Self::RecordSatisfactionVote => l("现场满意度测评", "Record the satisfaction vote"),
            Self::PublishWorkEvaluationResult => l("公布测评结果并通报政府", "Publish the result"),
            Self::IssueEvaluationOpinion => l("印发评议意见书", "Issue the evaluation opinion"),
            Self::ReportRectification => l("报告整改情况", "Report rectification"),
            Self::LookBackWorkEvaluation => l("整改情况回头看", "Look back"),
            Self::CloseWorkEvaluation => l("结束工作评议", "Close the evaluation"),
            Self::EscalateWorkEvaluation => l("启动刚性监督", "Escalate"),
            Self::HoldTopicInquiry => l("开展专题询问", "Hold a topic inquiry"),
            Self::ProposeInterpellation => l("提出质询案", "Propose an interpellation"),
            Self::DecideInterpellationAnswer => l(
                "决定质询答复方式",
                "Decide how the interpellation is answered",
            ),
            Self::AnswerInterpellation => l("答复质询", "Answer the interpellation"),
            Self::RateInterpellationAnswer => {
                l("对质询答复表示意见", "Rate the interpellation answer")
            }
            Self::CloseInterpellation => l("质询案办结", "Close the interpellation"),
            Self::ProposeSpecialInvestigation => l(
                "提议组织特定问题调查委员会",
                "Propose a special-question investigation",
            ),
            Self::DecideSpecialInvestigation => l(
                "决定组织特定问题调查委员会",
                "Decide the special-question investigation",
            ),
            Self::ReportSpecialInvestigation => l("提出调查报告", "Report the investigation"),
            Self::ProposeRemoval => l("提出撤职案", "Propose a removal"),
            Self::DecideRemoval => l("表决撤职案", "Decide the removal"),
            Self::FileNormativeDocument => l("报送规范性文件备案", "File a normative document"),
            Self::ReviewNormativeDocument => l("审查规范性文件", "Review a normative document"),
            Self::RecordReviewFinding => l("记录审查结论", "Record the review finding"),
            Self::SendFilingReviewOpinion => l("发出书面审查意见", "Send a written review opinion"),
            Self::AnswerFilingReviewOpinion => l("回复书面审查意见", "Answer the review opinion"),
            Self::CorrectNormativeDocument => l("纠正规范性文件", "Correct the document"),
            Self::RevokeNormativeDocument => l("撤销规范性文件", "Revoke the document"),
            Self::PairCommitteeDepartments => {
                l("确定对口联系部门", "Pair a committee with departments")
            }
            Self::PreReviewDepartmentBudget => l("初审部门预算", "Pre-review a department budget"),
            Self::HoldBudgetPreReviewMeeting => {
                l("召开预算初审会议", "Hold the budget pre-review meeting")
            }
            Self::KeyBudgetReview => l("重点审查部门预算", "Key budget review"),
            Self::ApproveBudgetAdjustment => l("审查批准预算调整", "Approve a budget adjustment"),
            Self::RecordAuditFindings => l("登记审计查出问题", "Record audit findings"),
            Self::TrackAuditFinding => l("列入跟踪监督清单", "Track an audit finding"),
            Self::StrikeOffAuditFinding => l("对账销号", "Strike off an audit finding"),
            Self::SendBudgetReminder => l("提醒告知或行函督办", "Send a budget reminder"),
            Self::SubmitPreliminaryBudget => {
                l("报送预算草案初步方案", "Submit the preliminary budget")
            }
            Self::RecordBudgetIssuance => l("登记预算批复", "Record the budget issuance"),
        }
    }
}

impl Labelled for ErrorKind {
    fn label(self) -> Label {
        match self {
            Self::Input => l("输入有误", "Invalid input"),
            Self::Permission => l("无权操作", "Not permitted"),
            Self::NotFound => l("对象不存在", "Not found"),
            Self::Conflict => l("与已有记录冲突", "Conflict"),
            Self::Rule => l("规则不允许", "Forbidden by a rule"),
            Self::Calendar => l("超出工作日历范围", "Outside the calendar"),
            Self::RuleSet => l("规则设置有误", "Rule set problem"),
            Self::Integrity => l("记录完整性校验未通过", "Integrity check failed"),
        }
    }
}

impl Labelled for DayKind {
    fn label(self) -> Label {
        match self {
            Self::Workday => l("工作日", "Workday"),
            Self::Weekend => l("周末", "Weekend"),
            Self::Holiday => l("法定节假日", "Public holiday"),
            Self::MakeupWorkday => l("调休上班日", "Make-up workday"),
        }
    }
}

impl Labelled for DurationUnit {
    fn label(self) -> Label {
        match self {
            Self::CalendarDays => l("自然日", "Calendar days"),
            Self::CalendarMonths => l("个月", "Calendar months"),
            Self::WorkingDays => l("工作日", "Working days"),
        }
    }
}

impl Labelled for CountUnit {
    fn label(self) -> Label {
        match self {
            Self::Persons => l("人", "persons"),
            Self::PersonTimes => l("人次", "person-times"),
            Self::Items => l("件", "items"),
            Self::ItemTimes => l("件次", "item-times"),
            Self::Topics => l("项", "topics"),
            Self::Entries => l("条", "entries"),
        }
    }
}

/// The label of an event type (an [`EventKind::type_name`]), or `None` for an unknown name.
///
/// ```
/// assert_eq!(renda::labels::event_label("placed_in_plan").unwrap().zh, "列入计划台账");
/// assert!(renda::labels::event_label("flew").is_none());
/// ```
pub fn event_label(type_name: &str) -> Option<Label> {
    Some(match type_name {
        "congress_registered" => l("登记人大", "Congress registered"),
        "deputy_registered" => l("登记代表", "Deputy registered"),
        "unit_registered" => l("登记承办单位", "Handling unit registered"),
        "suggestion_submitted" => l("提出建议", "Suggestion submitted"),
        "suggestion_revised" => l("修改后重新提交", "Revised and resubmitted"),
        "suggestion_accepted" => l("受理", "Accepted"),
        "suggestion_returned" => l("退回修改", "Returned for revision"),
        "suggestion_rejected" => l("不作为建议处理", "Found not to be a suggestion"),
        "suggestion_withdrawn" => l("撤回", "Withdrawn"),
        "suggestion_assigned" => l("交办", "Assigned"),
        "reply_deadline_extended" => l("延长答复期限", "Reply deadline extended"),
        "co_unit_opinion_submitted" => l("协办意见", "Co-unit opinion sent"),
        "suggestion_replied" => l("答复", "Replied"),
        "feedback_given" => l("代表评价", "Rated"),
        "rehandling_started" => l("启动复查补办", "Re-handling started"),
        "placed_in_plan" => l("列入计划台账", "Placed in the plan ledger"),
        "suggestion_closed" => l("办结", "Closed"),
        "results_published" => l("公开办理结果", "Results published"),
        "deputy_profile_updated" => l("代表信息已更新", "Deputy profile updated"),
        "standing_committee_joined" => l("当选常委会组成人员", "Joined the standing committee"),
        "resignation_submitted" => l("已提交书面辞职", "Written resignation handed in"),
        "resignation_accepted" => l("辞职已接受", "Resignation accepted"),
        "resignation_not_accepted" => l("辞职未获通过", "Resignation not accepted"),
        "absence_recorded" => l("缺席已登记", "Absence recorded"),
        "qualification_terminated" => l("代表资格终止", "Qualification terminated"),
        "deputy_suspended" => l("暂停执行代表职务", "Deputy suspended"),
        "deputy_reinstated" => l("恢复执行代表职务", "Deputy reinstated"),
        "station_registered" => l("代表家站已登记", "Home or station registered"),
        "station_assigned" => l("代表已进驻家站", "Deputy assigned to a home or station"),
        "activity_recorded" => l("履职活动已登记", "Activity recorded"),
        "voter_issue_recorded" => l("选民意见已登记", "Voter issue recorded"),
        "voter_issue_triaged" => l("选民意见已分流", "Voter issue triaged"),
        "voter_issue_answered" => l("已答复选民", "Voter answered"),
        "voter_issue_closed" => l("选民意见已办结", "Voter issue closed"),
        "points_published" => l("履职积分已公示", "Points published"),
        "interview_held" => l("已约谈", "Interview held"),
        "electoral_unit_notified" => l(
            "已通报选区或选举单位",
            "Constituency or electoral unit notified",
        ),
        "resignation_advised" => l("已劝辞", "Resignation advised"),
        "employer_notified" => l("已通报工作单位", "Work unit notified"),
        "session_scheduled" => l("会议已安排", "Session scheduled"),
        "motion_submitted" => l("议案已提出", "Motion submitted"),
        "motion_listed" => l("已列为议案", "Listed as a motion"),
        "motion_converted" => l("议案已作为建议处理", "Motion handled as a suggestion"),
        "motion_merged" => l("议案已并案", "Motion merged"),
        "motion_to_research" => l("已列为立法调研项目", "Made a legislative research project"),
        "motion_withdrawn" => l("议案已撤回", "Motion withdrawn"),
        "motion_assigned" => l("议案已交付办理", "Motion assigned"),
        "motion_working_group_formed" => l("议案办理工作组已成立", "Working group formed"),
        "motion_plan_agreed" => l("议案办理方案已确定", "Handling plan agreed"),
        "motion_year_started" => l("议案督办年度开始", "Handling year started"),
        "motion_handling_reported" => l("已报告议案办理情况", "Handling reported"),
        "motion_review_opinion_issued" => l("已提出审议意见", "Review opinion issued"),
        "motion_evaluation_recorded" => l("第三方评估已登记", "Evaluation recorded"),
        "motion_year_concluded" => l("议案年度督办已结束", "Handling year concluded"),
        "motion_completed" => l("议案办理完成", "Motion completed"),
        "key_suggestion_recommended" => l("已推荐为重点建议", "Recommended as key"),
        "key_suggestion_designated" => l("已确定为重点建议", "Designated key"),
        "key_meeting_held" => l("重点建议会议已召开", "Key-suggestion meeting held"),
        "key_quality_rated" => l("已进行背靠背测评", "Quality rated back to back"),
        "key_assessment_published" => l("质量测评结果已通报", "Assessment announced"),
        "key_outcome_recorded" => l("已听取重点建议办理情况", "Key outcome heard"),
        "supervision_started" => l("督办已开始", "Supervision started"),
        "supervision_ended" => l("督办已结束", "Supervision ended"),
        "supervision_monitor_appointed" => l("已聘请督办监督员", "Supervision monitor appointed"),
        "handling_evaluation_planned" => l("评估样本已确定", "Evaluation planned"),
        "handling_evaluator_commissioned" => l("已委托第三方评估", "Evaluator commissioned"),
        "handling_evaluation_reported" => l("评估报告已提交", "Evaluation reported"),
        "handling_evaluation_distributed" => l("评估报告已印发", "Evaluation report distributed"),
        "handling_evaluation_use_decided" => l("评估结果运用已决定", "Use of the results decided"),
        "class_case_formed" => l("已合并为类案", "Class case formed"),
        "class_case_joined" => l("已并入类案", "Added to a class case"),
        "class_case_split" => l("已从类案中拆分", "Split from a class case"),
        "class_case_dissolved" => l("类案已撤销", "Class case dissolved"),
        "meeting_convened" => l("会议已召开", "Meeting convened"),
        "meeting_agenda_set" => l("会议议程已确定", "Meeting agenda set"),
        "attendance_recorded" => l("出席情况已登记", "Attendance recorded"),
        "speech_recorded" => l("发言已登记", "Speech recorded"),
        "ballot_held" => l("已表决", "Ballot held"),
        "extraordinary_session_requested" => {
            l("已提议召开临时会议", "Extraordinary session requested")
        }
        "supervision_topic_proposed" => l("已提出监督议题建议", "Supervision topic proposed"),
        "supervision_topics_shortlisted" => l("监督议题已初选", "Supervision topics shortlisted"),
        "supervision_plan_approved" => l("年度监督工作计划已通过", "Supervision plan approved"),
        "supervision_plan_published" => l("年度监督工作计划已公布", "Supervision plan published"),
        "supervision_topic_chosen" => l("代表已选择监督议题", "Supervision topic chosen"),
        "supervision_plan_adjusted" => l("年度监督工作计划已调整", "Supervision plan adjusted"),
        "work_report_scheduled" => l("报告已列入议程", "Report scheduled"),
        "work_report_research_recorded" => l("会前调研已登记", "Research recorded"),
        "work_report_submitted" => l("报告已报送", "Report submitted"),
        "work_report_returned" => l("报告已发回修改", "Report returned for revision"),
        "work_report_heard" => l("报告已听取审议", "Report heard"),
        "work_report_opinion_issued" => l("审议意见书已形成", "Review opinion issued"),
        "work_report_opinion_handled" => {
            l("审议意见研究处理情况已报告", "Opinion handling reported")
        }
        "work_report_followed_up" => l("已跟踪监督", "Followed up"),
        "work_report_closed" => l("报告已办结", "Report closed"),
        "inspection_planned" => l("执法检查已列入计划", "Inspection planned"),
        "inspection_team_formed" => l("执法检查组已组成", "Inspection team formed"),
        "inspection_issues_recorded" => l("问题清单已列出", "Inspection issues recorded"),
        "inspection_reported" => l("已听取执法检查报告", "Inspection reported"),
        "inspection_review_opinion_issued" => l("执法检查审议意见已形成", "Review opinion issued"),
        "inspection_issue_rectified" => l("问题已整改", "Issue rectified"),
        "inspection_looked_back" => l("已开展“回头看”", "Looked back"),
        "inspection_closed" => l("执法检查已办结", "Inspection closed"),
        "deliberation_opinion_recorded" => l("代表审议意见已记录", "Deliberation opinion recorded"),
        "deliberation_opinion_routed" => l("审议意见已分办", "Deliberation opinion routed"),
        "deliberation_handling_reported" => {
            l("已听取审议意见研究处理情况报告", "Handling report heard")
        }
        "resolution_follow_up_planned" => l("决议落实跟踪已确定", "Resolution follow-up planned"),
        "resolution_duty_recorded" => l("决议落实工作已记录", "Resolution duty recorded"),
        "livelihood_project_proposed" => l("民生实事项目已征集", "Livelihood project proposed"),
        "livelihood_projects_approved" => {
            l("民生实事项目已审议通过", "Livelihood projects approved")
        }
        "livelihood_project_monitored" => {
            l("代表已监督检查民生实事", "Livelihood project monitored")
        }
        "livelihood_project_completed" => l("民生实事项目已完成", "Livelihood project completed"),
        "livelihood_completion_reported" => {
            l("已听取民生实事完成情况报告", "Completion report heard")
        }
        "evaluation_scope_declared" => l("工作评议范围已确定", "Evaluation scope declared"),
        "work_evaluation_planned" => l("工作评议对象已确定", "Work evaluation planned"),
        "work_evaluation_started" => l("评议动员大会已召开", "Work evaluation started"),
        "self_inspection_report_submitted" => {
            l("自查报告已提交", "Self-inspection report submitted")
        }
        "investigation_report_submitted" => l("调查报告已提交", "Investigation report submitted"),
        "work_evaluation_deliberated" => l("常委会已审议评议", "Work evaluation deliberated"),
        "satisfaction_vote_recorded" => l("满意度测评已进行", "Satisfaction vote recorded"),
        "work_evaluation_result_published" => l("测评结果已公布并通报", "Result published"),
        "evaluation_opinion_issued" => l("评议意见书已印发", "Evaluation opinion issued"),
        "work_evaluation_rectification_reported" => l("整改情况已报告", "Rectification reported"),
        "work_evaluation_looked_back" => l("已回头看", "Looked back"),
        "work_evaluation_closed" => l("工作评议已结束", "Work evaluation closed"),
        "work_evaluation_escalated" => l("已启动刚性监督", "Escalated"),
        "topic_inquiry_held" => l("专题询问已开展", "Topic inquiry held"),
        "interpellation_proposed" => l("质询案已提出", "Interpellation proposed"),
        "interpellation_answer_decided" => l("质询答复方式已决定", "Answer form decided"),
        "interpellation_answered" => l("质询已答复", "Interpellation answered"),
        "interpellation_answer_rated" => l("已对质询答复表示意见", "Interpellation answer rated"),
        "interpellation_reanswer_required" => {
            l("过半数提质询人不满意，须再作答复", "New answer required")
        }
        "interpellation_closed" => l("质询案已办结", "Interpellation closed"),
        "special_investigation_proposed" => {
            l("特定问题调查已提议", "Special investigation proposed")
        }
        "special_investigation_decided" => l("特定问题调查已表决", "Special investigation decided"),
        "special_investigation_reported" => l("调查报告已提出", "Special investigation reported"),
        "removal_proposed" => l("撤职案已提出", "Removal proposed"),
        "removal_decided" => l("撤职案已表决", "Removal decided"),
        "normative_document_filed" => l("规范性文件已备案", "Normative document filed"),
        "normative_document_review_started" => l("已启动备案审查", "Review started"),
        "review_finding_recorded" => l("审查结论已记录", "Review finding recorded"),
        "filing_review_opinion_sent" => l("书面审查意见已发出", "Review opinion sent"),
        "filing_review_opinion_answered" => l("制定机关已回复", "Review opinion answered"),
        "normative_document_corrected" => l("规范性文件已纠正", "Document corrected"),
        "normative_document_revoked" => l("规范性文件已撤销", "Document revoked"),
        "normative_document_revocation_not_adopted" => {
            l("撤销决定未通过", "Revocation not adopted")
        }
        "committee_departments_paired" => {
            l("对口联系部门已确定", "Committee paired with departments")
        }
        "department_budget_pre_reviewed" => l("部门预算已初审", "Department budget pre-reviewed"),
        "budget_pre_review_meeting_held" => l("预算初审会议已召开", "Pre-review meeting held"),
        "key_budget_reviewed" => l("重点审查已完成", "Key review recorded"),
        "budget_adjustment_approved" => l("预算调整已批准", "Budget adjustment approved"),
        "budget_adjustment_not_approved" => l("预算调整未获通过", "Budget adjustment not approved"),
        "audit_findings_recorded" => l("审计查出问题已登记", "Audit findings recorded"),
        "audit_finding_tracked" => l("已列入跟踪监督清单", "Audit finding tracked"),
        "audit_finding_struck_off" => l("已对账销号", "Audit finding struck off"),
        "budget_reminder_sent" => l("已提醒告知或行函督办", "Budget reminder sent"),
        "preliminary_budget_submitted" => {
            l("预算草案初步方案已报送", "Preliminary budget submitted")
        }
        "budget_issuance_recorded" => l("预算批复已登记", "Budget issuance recorded"),
        _ => return None,
    })
}

/// The label of an error code (one of [`crate::error::CODES`]), or `None` for an unknown code.
///
/// ```
/// assert_eq!(renda::labels::error_code_label("not_found").unwrap().en, "Not found");
/// ```
pub fn error_code_label(code: &str) -> Option<Label> {
    Some(match code {
        "invalid_json" => l("不是有效的 JSON", "Invalid JSON"),
        "unknown_command" => l("未知命令", "Unknown command"),
        "missing_field" => l("缺少必填项", "Missing field"),
        "invalid_field" => l("填写内容无效", "Invalid value"),
        "permission_denied" => l("无权进行此操作", "Permission denied"),
        "not_party" => l("不是这件事项的当事方", "Not a party to the item"),
        "not_found" => l("找不到所引用的对象", "Not found"),
        "already_exists" => l("已经存在", "Already exists"),
        "out_of_order" => l("日期早于上一步", "Earlier than the last event"),
        "invalid_transition" => l("当前状态下不能这样做", "Not allowed in the current status"),
        "date_outside_calendar" => l("日期超出工作日历范围", "Date outside the calendar"),
        "no_rule_set" => l("该日期没有生效的规则", "No rule set in force"),
        "invalid_rule_set" => l("规则设置无效", "Invalid rule set"),
        "not_published" => l("尚未公开，无权查看", "Not yet published"),
        "chain_broken" => l(
            "记录链校验未通过：有记录被改动、删除、插入或调换",
            "Event log tampered with: an event was edited, deleted, inserted or moved",
        ),
        "wrong_congress" => l("代表不属于这一级人大", "Deputy not in this congress"),
        "too_many_cosigners" => l("附议代表人数超过上限", "Too many co-signers"),
        "withdrawal_too_late" => l("已不能撤回", "Too late to withdraw"),
        "extension_limit_reached" => l("答复期限已延长过", "Extension limit reached"),
        "opinion_already_submitted" => l("协办意见已提出", "Opinion already submitted"),
        "co_unit_opinions_missing" => l("协办单位意见未齐", "Co-unit opinions missing"),
        "in_plan_requires_b" => l(
            "只有 B 类答复才能列入计划",
            "Only category B can be in plan",
        ),
        "reason_required" => l("必须说明理由", "Reason required"),
        "deputy_quota_exceeded" => l("代表名额已满", "Deputy quota reached"),
        "committee_size_exceeded" => l("常委会组成人员已达上限", "Standing committee is full"),
        "not_in_office" => l("代表不在任", "Deputy not in office"),
        "resignation_not_submitted" => l("未提交书面辞职", "No written resignation"),
        "vote_members_mismatch" => l("表决人数与组成人员数不符", "Vote membership mismatch"),
        "reason_has_own_procedure" => l("该终止事由须走专门程序", "Reason has its own procedure"),
        "not_suspended" => l("代表未被暂停执行职务", "Deputy not suspended"),
        "date_in_future" => l("日期晚于记录日期", "Date in the future"),
        "issue_already_triaged" => l("选民意见已分流", "Issue already triaged"),
        "issue_not_triaged" => l("选民意见尚未分流", "Issue not triaged"),
        "issue_closed" => l("选民意见已办结", "Issue closed"),
        "not_recess_suggestion" => l("不是闭会期间建议", "Not a recess suggestion"),
        "no_point_table" => l("规则未设履职积分", "No point table"),
        "wrong_publication_period" => l("公示周期不符", "Wrong publication period"),
        "period_not_over" => l("公示周期尚未结束", "Period not over"),
        "not_assessed" => l("尚无年度积分公示", "Not yet assessed"),
        "not_below_threshold" => l("积分未低于约谈线", "Not below the threshold"),
        "no_interview" => l("尚未约谈", "No interview yet"),
        "no_later_assessment" => l("约谈后尚无新的年度公示", "No later assessment"),
        "improved_after_interview" => l("约谈后已改进", "Improved after the interview"),
        "too_few_sponsors" => l("联名代表人数不足", "Too few sponsoring deputies"),
        "outside_submission_window" => l("不在议案提交时间内", "Outside the submission window"),
        "consent_required" => l("须经主席团同意", "Presidium consent required"),
        "working_group_incomplete" => l("议案办理工作组不完整", "Working group incomplete"),
        "no_handling_report" => l("常委会尚未听取办理情况报告", "No handling report yet"),
        "year_not_reviewed" => l("本年度办理情况尚未审议", "Year not reviewed"),
        "tracking_period_over" => l("跟踪督办期限已满", "Tracking period over"),
        "not_recommended" => l("尚未经街道或专工委推荐", "Not recommended"),
        "not_designating_body" => l("无权确定重点建议", "Not the designating body"),
        "not_key" => l("不是重点建议", "Not a key suggestion"),
        "organs_missing" => l("应出席的机关或代表缺席", "Required attendees missing"),
        "meeting_out_of_order" => l("会议顺序不符", "Meeting out of order"),
        "on_the_spot_only_at_supervision" => l(
            "仅督办会当场测评",
            "On-the-spot rating only at supervision meetings",
        ),
        "rater_not_attending_proposer" => l(
            "测评代表须为出席的提出代表",
            "Rater must be an attending proposer",
        ),
        "assessment_published" => l("测评结果已通报", "Assessment already announced"),
        "no_quality_ratings" => l("尚无质量测评", "No quality ratings yet"),
        "mode_not_for_role" => l("不负责该种督办", "Mode not led by this role"),
        "monitor_is_proposer" => l("督办监督员不能是提出代表", "Monitor is a proposer"),
        "sample_category_mismatch" => l("样本不属于所列类别", "Sample category mismatch"),
        "findings_mismatch_sample" => l("评估结论与样本不符", "Findings do not match the sample"),
        "already_grouped" => l("该建议已在类案中", "Already in a class case"),
        "class_case_lead_unit" => l("须交由类案主办单位办理", "Not the class case's lead unit"),
        "class_case_dissolved" => l("类案已撤销", "Class case dissolved"),
        "not_in_class_case" => l("该建议不在此类案中", "Not in the class case"),
        "political_study_first" => l("第一议题应为政治学习", "Political study comes first"),
        "attendance_not_recorded" => l("未登记出席情况", "Attendance not recorded"),
        "quorum_not_met" => l("出席人数不足法定人数", "Quorum not met"),
        "speaking_time_exceeded" => l("发言超时", "Speaking time exceeded"),
        "extraordinary_request_too_small" => {
            l("提议人数不足五分之一", "Too few deputies requesting")
        }
        "extraordinary_not_requested" => {
            l("临时会议未经提议", "Extraordinary session not requested")
        }
        "topic_not_shortlisted" => l("议题未经初选", "Topic not shortlisted"),
        "plan_published_late" => l("监督计划未在年初公布", "Plan published too late"),
        "plan_not_published" => l("监督计划尚未公布", "Plan not yet published"),
        "plan_adjustment_not_allowed" => l("规则不允许调整监督计划", "Plan adjustment not allowed"),
        "revised_before_first" => l("须先报送征求意见稿", "Revised version before the first"),
        "revised_report_missing" => l("尚未报送报告修改稿", "Revised version not submitted"),
        "report_returned" => l("报告已发回修改", "Report returned for revision"),
        "research_missing" => l("未开展会前调研", "Research before the hearing missing"),
        "performance_reports_missing" => l(
            "决算未附绩效评价报告",
            "Performance-evaluation reports missing",
        ),
        "report_not_on_meeting_day" => {
            l("须在所列常委会会议当日听取", "Not heard on its meeting day")
        }
        "opinion_handling_missing" => l(
            "尚未报告审议意见研究处理情况",
            "Handling of the review opinion not reported",
        ),
        "inspected_before_effect" => l(
            "法律法规施行前不得检查",
            "Inspected before the law takes effect",
        ),
        "inspection_team_incomplete" => l(
            "执法检查组须分小组并有代表参加",
            "Inspection team incomplete",
        ),
        "issue_list_required" => l("执法检查报告须附问题清单", "Issue list required"),
        "issue_not_handed_over" => l("该问题未在检查中交办", "Issue not handed over"),
        "issue_already_rectified" => l("该问题已整改", "Issue already rectified"),
        "look_back_too_early" => l("过渡期未满不得“回头看”", "Look-back too early"),
        "inspection_issues_open" => l("尚有问题未整改", "Issues still open"),
        "second_recorder" => l("每个代表团只派一名记录人员", "One recorder per delegation"),
        "route_mismatch" => l("审议意见分办方向不符", "Route does not fit the opinion"),
        "not_in_report_quarter" => l("不在规定季度听取报告", "Not in the report quarter"),
        "not_a_follow_up_year" => l("该年度不在决议跟踪期内", "Not a follow-up year"),
        "wrong_project_year" => l("项目年度不符", "Wrong project year"),
        "no_approved_projects" => l("该年度无已批准的民生实事项目", "No approved projects"),
        "team_composition" => l("评议小组组成不符合要求", "Team composition"),
        "department_already_evaluated" => l(
            "该部门本年度已列入评议",
            "Department already evaluated this year",
        ),
        "meeting_before_reports" => l("会议早于两个报告提交", "Meeting before the reports"),
        "vote_not_at_deliberation" => l(
            "须在审议评议会议上现场测评",
            "Vote not at the deliberation meeting",
        ),
        "satisfaction_vote_no_quorum" => l(
            "出席人数不足三分之二",
            "No quorum for the satisfaction vote",
        ),
        "option_not_on_scale" => l("测评选项不在测评等次中", "Option not on the scale"),
        "look_back_not_adequate" => l("回头看未认定整改到位", "Look-back not adequate"),
        "no_grounds_for_escalation" => l("无整改不力或拖延整改情形", "No grounds for escalation"),
        "too_few_proposers" => l("联名人数不足", "Too few proposers"),
        "not_sc_member" => l(
            "提议人不是常委会组成人员",
            "Not a standing-committee member",
        ),
        "outside_session" => l("不在代表大会会议期间", "Outside the congress session"),
        "already_rated" => l("已对该答复表示过意见", "Answer already rated"),
        "issuer_out_of_scope" => l("发文机关不在备案审查范围", "Issuer out of filing scope"),
        "department_paired_elsewhere" => l(
            "该部门已与其他专门委员会对口",
            "Department paired with another committee",
        ),
        "department_not_paired" => l(
            "该部门不是本委员会对口联系部门",
            "Department not paired with the committee",
        ),
        "four_questions_unanswered" => l("预算四问未逐项回答", "Budget checklist not answered"),
        "pre_review_meeting_too_short" => l("预算初审会议时间不足", "Pre-review meeting too short"),
        "budgets_not_heard" => l("初审会议未听取全部四本预算", "Four budgets not all heard"),
        "too_few_key_review_departments" => l(
            "重点审查部门数量不足",
            "Too few departments in the key review",
        ),
        "finding_not_tracked" => l(
            "该问题未列入人大跟踪监督清单",
            "Finding not on the tracking list",
        ),
        "no_prior_reminder" => l("行函督办前须先提醒告知", "No reminder before the letter"),
        "preliminary_budget_late" => l(
            "预算草案初步方案报送时间不足",
            "Preliminary budget submitted too late",
        ),
        "budget_issued_late" => l("预算批复超过法定期限", "Budget issued too late"),
        "feedback_already_given" => l("已评价过这次答复", "Reply already rated"),
        "internal_error" => l("系统内部错误", "Internal error"),
        _ => return None,
    })
}

/// Every label, grouped by kind; each group maps the wire name of a value to its label.
/// Serialises with the groups and keys in a fixed order (see `docs/wire-format.md`).
///
/// ```
/// let json = serde_json::to_string(&renda::labels::catalog()).unwrap();
/// assert!(json.starts_with(r#"{"role":{"admin":{"zh":"系统管理员","en":"System administrator"}"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabelCatalog {
    /// [`Role`]s.
    pub role: BTreeMap<String, Label>,
    /// [`Level`]s.
    pub level: BTreeMap<String, Label>,
    /// [`SuggestionStatus`]es.
    pub suggestion_status: BTreeMap<String, Label>,
    /// [`ResultCategory`]s.
    pub result_category: BTreeMap<String, Label>,
    /// [`Satisfaction`] ratings.
    pub satisfaction: BTreeMap<String, Label>,
    /// [`SubmissionPeriod`]s.
    pub submission_period: BTreeMap<String, Label>,
    /// Command types ([`CommandKind`]).
    pub command: BTreeMap<String, Label>,
    /// Event types ([`EventKind::TYPES`]).
    pub event: BTreeMap<String, Label>,
    /// Error codes ([`crate::error::CODES`]).
    pub error_code: BTreeMap<String, Label>,
    /// [`ErrorKind`]s.
    pub error_kind: BTreeMap<String, Label>,
    /// Calendar [`DayKind`]s.
    pub day_kind: BTreeMap<String, Label>,
    /// Deadline [`DurationUnit`]s.
    pub duration_unit: BTreeMap<String, Label>,
    /// Statistical [`CountUnit`]s.
    pub count_unit: BTreeMap<String, Label>,
    /// Deputy activity kinds ([`ActivityKind`]).
    pub activity_kind: BTreeMap<String, Label>,
    /// Deputy statuses ([`DeputyStatus`]).
    pub deputy_status: BTreeMap<String, Label>,
    /// Why a qualification terminated ([`TerminationReason`]).
    pub termination_reason: BTreeMap<String, Label>,
    /// Education levels ([`Education`]).
    pub education: BTreeMap<String, Label>,
    /// Voter-issue triage outcomes ([`crate::activity::Triage`]).
    pub triage_outcome: BTreeMap<String, Label>,
    /// Motion statuses ([`crate::motion::MotionStatus`]).
    pub motion_status: BTreeMap<String, Label>,
    /// Motion kinds ([`crate::motion::MotionKind`]).
    pub motion_kind: BTreeMap<String, Label>,
    /// Phases of a motion's handling year ([`crate::motion::HandlingPhase`], R-P2).
    pub handling_phase: BTreeMap<String, Label>,
    /// Bodies a motion-handling report goes to ([`crate::motion::ReportTo`]).
    pub report_to: BTreeMap<String, Label>,
    /// Outcomes of a motion's handling year ([`crate::motion::YearOutcome`]).
    pub year_outcome: BTreeMap<String, Label>,
    /// Bodies that designate key suggestions ([`crate::key_suggestion::KeyDesignator`]).
    pub key_designator: BTreeMap<String, Label>,
    /// Key-suggestion meetings ([`crate::key_suggestion::KeyMeetingKind`], W2).
    pub key_meeting_kind: BTreeMap<String, Label>,
    /// Organs attending a key-suggestion meeting ([`crate::key_suggestion::Organ`]).
    pub organ: BTreeMap<String, Label>,
    /// Key-suggestion outcomes ([`crate::key_suggestion::KeyOutcome`], S001-15).
    pub key_outcome: BTreeMap<String, Label>,
    /// Supervision overlays ([`crate::supervision::SupervisionMode`], W1 step 7).
    pub supervision_mode: BTreeMap<String, Label>,
    /// Third-party evaluation sample categories ([`crate::handling_evaluation::SampleCategory`], R-S10).
    pub sample_category: BTreeMap<String, Label>,
    /// Third-party evaluation grades ([`crate::handling_evaluation::Grade`]).
    pub evaluation_grade: BTreeMap<String, Label>,
    /// Uses of evaluation results ([`crate::handling_evaluation::EvaluationUse`], R-S9).
    pub evaluation_use: BTreeMap<String, Label>,
    /// Third-party evaluation statuses ([`crate::handling_evaluation::EvaluationStatus`], W3).
    pub evaluation_status: BTreeMap<String, Label>,
    /// Meeting bodies ([`crate::oversight::meeting::Body`]).
    pub meeting_body: BTreeMap<String, Label>,
    /// Meeting kinds ([`crate::oversight::meeting::MeetingKind`], L-3, W8).
    pub meeting_kind: BTreeMap<String, Label>,
    /// Agenda item kinds ([`crate::oversight::meeting::AgendaItemKind`], R-M9).
    pub agenda_item_kind: BTreeMap<String, Label>,
    /// Speech kinds ([`crate::oversight::meeting::SpeechKind`], R-M1…R-M3).
    pub speech_kind: BTreeMap<String, Label>,
    /// Ballot kinds ([`crate::oversight::meeting::BallotKind`], L-4, S001-4).
    pub ballot_kind: BTreeMap<String, Label>,
    /// Sources of supervision topics ([`crate::oversight::plan::TopicSource`], L-20).
    pub topic_source: BTreeMap<String, Label>,
    /// Supervision-topic statuses ([`crate::oversight::plan::TopicStatus`], W9).
    pub topic_status: BTreeMap<String, Label>,
    /// Supervision-plan statuses ([`crate::oversight::plan::PlanStatus`], W9).
    pub plan_status: BTreeMap<String, Label>,
    /// Kinds of reports the standing committee hears ([`crate::oversight::work_report::ReportKind`], W10).
    pub report_kind: BTreeMap<String, Label>,
    /// Sub-kinds of state-assets reports ([`crate::oversight::work_report::StateAssetsKind`], R-B6).
    pub state_assets_kind: BTreeMap<String, Label>,
    /// Report statuses ([`crate::oversight::work_report::ReportStatus`], W10).
    pub report_status: BTreeMap<String, Label>,
    /// Report versions ([`crate::oversight::work_report::ReportVersion`], L-15).
    pub report_version: BTreeMap<String, Label>,
    /// Hearing modes ([`crate::oversight::work_report::HearingMode`], W10).
    pub hearing_mode: BTreeMap<String, Label>,
    /// Follow-up kinds ([`crate::oversight::work_report::FollowUpKind`], L-16).
    pub follow_up_kind: BTreeMap<String, Label>,
    /// Law kinds ([`crate::oversight::inspection::LawKind`], W11).
    pub law_kind: BTreeMap<String, Label>,
    /// Inspection statuses ([`crate::oversight::inspection::InspectionStatus`], W11).
    pub inspection_status: BTreeMap<String, Label>,
    /// What deliberation opinions are about ([`crate::oversight::deliberation::OpinionAbout`], W14).
    pub opinion_about: BTreeMap<String, Label>,
    /// Where deliberation opinions are routed ([`crate::oversight::deliberation::OpinionRoute`], W14).
    pub opinion_route: BTreeMap<String, Label>,
    /// Deliberation opinion statuses ([`crate::oversight::deliberation::OpinionStatus`], W14).
    pub opinion_status: BTreeMap<String, Label>,
    /// Yearly resolution follow-up duties ([`crate::oversight::deliberation::ResolutionDuty`], W14).
    pub resolution_duty: BTreeMap<String, Label>,
    /// Origins of livelihood proposals ([`crate::oversight::livelihood::ProposalOrigin`], W19).
    pub proposal_origin: BTreeMap<String, Label>,
    /// Livelihood project statuses ([`crate::oversight::livelihood::ProjectStatus`], W19).
    pub project_status: BTreeMap<String, Label>,
    /// Work-evaluation statuses ([`crate::oversight::work_evaluation::WorkEvaluationStatus`], W5).
    pub work_evaluation_status: BTreeMap<String, Label>,
    /// Work-evaluation phases ([`crate::oversight::work_evaluation::WorkEvaluationPhase`], W5).
    pub work_evaluation_phase: BTreeMap<String, Label>,
    /// Investigation methods ([`crate::oversight::work_evaluation::InvestigationMethod`], W5).
    pub investigation_method: BTreeMap<String, Label>,
    /// Satisfaction-vote results ([`crate::oversight::work_evaluation::SatisfactionResult`], W5).
    pub satisfaction_result: BTreeMap<String, Label>,
    /// Look-back outcomes ([`crate::oversight::work_evaluation::LookBackOutcome`], W5).
    pub look_back_outcome: BTreeMap<String, Label>,
    /// Escalation tools ([`crate::oversight::work_evaluation::WorkEvaluationEscalation`], W5).
    pub work_evaluation_escalation: BTreeMap<String, Label>,
    /// Escalation kinds ([`crate::oversight::escalation::EscalationKind`], W23).
    pub escalation_kind: BTreeMap<String, Label>,
    /// Escalation statuses ([`crate::oversight::escalation::EscalationStatus`], W23).
    pub escalation_status: BTreeMap<String, Label>,
    /// Interpellation answer forms ([`crate::oversight::escalation::AnswerMode`], L-17).
    pub interpellation_answer_mode: BTreeMap<String, Label>,
    /// Interpellation answer ratings ([`crate::oversight::escalation::AnswerRating`], L-17).
    pub interpellation_rating: BTreeMap<String, Label>,
    /// Issuers of normative documents ([`crate::oversight::filing::IssuerKind`], R-F2).
    pub issuer_kind: BTreeMap<String, Label>,
    /// Filing-review modes ([`crate::oversight::filing::ReviewMode`], L-22).
    pub review_mode: BTreeMap<String, Label>,
    /// Filing-review statuses ([`crate::oversight::filing::FilingStatus`], W12).
    pub filing_status: BTreeMap<String, Label>,
    /// What the budget pre-review meeting hears ([`crate::oversight::budget::BudgetPart`], R-B2).
    pub budget_part: BTreeMap<String, Label>,
    /// Audit double-list statuses ([`crate::oversight::budget::AuditFindingStatus`], R-B8).
    pub audit_finding_status: BTreeMap<String, Label>,
    /// Budget reminders ([`crate::oversight::budget::ReminderKind`], R-B9).
    pub reminder_kind: BTreeMap<String, Label>,
}

/// Implements [`Labelled`] for a unit-only enum from a table of `Variant => ("中文", "English")`.
macro_rules! labelled {
    ($t:ty { $($v:ident => ($zh:literal, $en:literal)),* $(,)? }) => {
        impl $crate::labels::Labelled for $t {
            fn label(self) -> $crate::labels::Label {
                match self { $(Self::$v => $crate::labels::Label { zh: $zh, en: $en }),* }
            }
        }
    };
}
pub(crate) use labelled;

/// The wire name of a unit-like enum value (its serde string).
fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("labelled enums serialise to strings, got {other:?}"),
    }
}

fn group<T: Labelled + Serialize>(all: &[T]) -> BTreeMap<String, Label> {
    all.iter().map(|v| (wire_name(v), v.label())).collect()
}

fn named(names: &[&str], label: fn(&str) -> Option<Label>) -> BTreeMap<String, Label> {
    names
        .iter()
        .map(|n| {
            let lab = label(n).unwrap_or_else(|| unreachable!("no label for `{n}`"));
            (n.to_string(), lab)
        })
        .collect()
}

/// The whole label catalog.
///
/// ```
/// let cat = renda::labels::catalog();
/// assert_eq!(cat.role["deputy"].zh, "人大代表");
/// assert_eq!(cat.result_category["A"].zh, "已解决或基本解决");
/// assert_eq!(cat.error_code["internal_error"].en, "Internal error");
/// ```
pub fn catalog() -> LabelCatalog {
    LabelCatalog {
        role: group(&Role::ALL),
        level: group(&Level::ALL),
        suggestion_status: group(&SuggestionStatus::ALL),
        result_category: group(&ResultCategory::ALL),
        satisfaction: group(&Satisfaction::ALL),
        submission_period: group(&SubmissionPeriod::ALL),
        command: group(CommandKind::ALL),
        event: named(EventKind::TYPES, event_label),
        error_code: named(CODES, error_code_label),
        error_kind: group(&ErrorKind::ALL),
        day_kind: group(&DayKind::ALL),
        duration_unit: group(&DurationUnit::ALL),
        count_unit: group(&CountUnit::ALL),
        activity_kind: group(&ActivityKind::ALL),
        deputy_status: group(&DeputyStatus::ALL),
        termination_reason: group(&TerminationReason::ALL),
        education: group(&Education::ALL),
        triage_outcome: named(&TRIAGE_OUTCOMES, triage_label),
        motion_status: group(&crate::motion::MotionStatus::ALL),
        motion_kind: group(&crate::motion::MotionKind::ALL),
        handling_phase: group(&crate::motion::HandlingPhase::ALL),
        report_to: group(&crate::motion::ReportTo::ALL),
        year_outcome: group(&crate::motion::YearOutcome::ALL),
        key_designator: group(&crate::key_suggestion::KeyDesignator::ALL),
        key_meeting_kind: group(&crate::key_suggestion::KeyMeetingKind::ALL),
        organ: group(&crate::key_suggestion::Organ::ALL),
        key_outcome: group(&crate::key_suggestion::KeyOutcome::ALL),
        supervision_mode: group(&crate::supervision::SupervisionMode::ALL),
        sample_category: group(&crate::handling_evaluation::SampleCategory::ALL),
        evaluation_grade: group(&crate::handling_evaluation::Grade::ALL),
        evaluation_use: group(&crate::handling_evaluation::EvaluationUse::ALL),
        meeting_body: group(&crate::oversight::meeting::Body::ALL),
        meeting_kind: group(&crate::oversight::meeting::MeetingKind::ALL),
        agenda_item_kind: group(&crate::oversight::meeting::AgendaItemKind::ALL),
        speech_kind: group(&crate::oversight::meeting::SpeechKind::ALL),
        ballot_kind: group(&crate::oversight::meeting::BallotKind::ALL),
        topic_source: group(&crate::oversight::plan::TopicSource::ALL),
        topic_status: group(&crate::oversight::plan::TopicStatus::ALL),
        plan_status: group(&crate::oversight::plan::PlanStatus::ALL),
        report_kind: group(&crate::oversight::work_report::ReportKind::ALL),
        state_assets_kind: group(&crate::oversight::work_report::StateAssetsKind::ALL),
        report_status: group(&crate::oversight::work_report::ReportStatus::ALL),
        report_version: group(&crate::oversight::work_report::ReportVersion::ALL),
        hearing_mode: group(&crate::oversight::work_report::HearingMode::ALL),
        follow_up_kind: group(&crate::oversight::work_report::FollowUpKind::ALL),
        law_kind: group(&crate::oversight::inspection::LawKind::ALL),
        inspection_status: group(&crate::oversight::inspection::InspectionStatus::ALL),
        opinion_about: group(&crate::oversight::deliberation::OpinionAbout::ALL),
        opinion_route: group(&crate::oversight::deliberation::OpinionRoute::ALL),
        opinion_status: group(&crate::oversight::deliberation::OpinionStatus::ALL),
        resolution_duty: group(&crate::oversight::deliberation::ResolutionDuty::ALL),
        proposal_origin: group(&crate::oversight::livelihood::ProposalOrigin::ALL),
        project_status: group(&crate::oversight::livelihood::ProjectStatus::ALL),
        work_evaluation_status: group(
            &crate::oversight::work_evaluation::WorkEvaluationStatus::ALL,
        ),
        work_evaluation_phase: group(&crate::oversight::work_evaluation::WorkEvaluationPhase::ALL),
        investigation_method: group(&crate::oversight::work_evaluation::InvestigationMethod::ALL),
        satisfaction_result: group(&crate::oversight::work_evaluation::SatisfactionResult::ALL),
        look_back_outcome: group(&crate::oversight::work_evaluation::LookBackOutcome::ALL),
        work_evaluation_escalation: group(
            &crate::oversight::work_evaluation::WorkEvaluationEscalation::ALL,
        ),
        escalation_kind: group(&crate::oversight::escalation::EscalationKind::ALL),
        escalation_status: group(&crate::oversight::escalation::EscalationStatus::ALL),
        interpellation_answer_mode: group(&crate::oversight::escalation::AnswerMode::ALL),
        interpellation_rating: group(&crate::oversight::escalation::AnswerRating::ALL),
        issuer_kind: group(&crate::oversight::filing::IssuerKind::ALL),
        review_mode: group(&crate::oversight::filing::ReviewMode::ALL),
        filing_status: group(&crate::oversight::filing::FilingStatus::ALL),
        budget_part: group(&crate::oversight::budget::BudgetPart::ALL),
        audit_finding_status: group(&crate::oversight::budget::AuditFindingStatus::ALL),
        reminder_kind: group(&crate::oversight::budget::ReminderKind::ALL),
        evaluation_status: group(&crate::handling_evaluation::EvaluationStatus::ALL),
    }
}

/// The wire names of the triage outcomes (W7).
const TRIAGE_OUTCOMES: [&str; 6] = [
    "resolved_on_site",
    "street_coordination",
    "forwarded_to_department",
    "converted_to_suggestion",
    "recorded_only",
    "livelihood_planning",
];

fn triage_label(outcome: &str) -> Option<Label> {
    Some(match outcome {
        "resolved_on_site" => l("现场解决", "Resolved on site"),
        "street_coordination" => l("街道协调处理", "Coordinated by the street"),
        "forwarded_to_department" => l("转交责任部门办理", "Forwarded to a department"),
        "converted_to_suggestion" => l("形成闭会建议", "Turned into a recess suggestion"),
        "recorded_only" => l("形成工作记录", "Recorded only"),
        "livelihood_planning" => l("供民生实事参考", "For livelihood planning"),
        _ => return None,
    })
}

impl Labelled for ActivityKind {
    fn label(self) -> Label {
        match self {
            Self::SessionAttendance => l("出席代表大会会议", "Session attendance"),
            Self::CommitteeMeetingAttendance => {
                l("列席常委会会议", "Attending a standing-committee meeting")
            }
            Self::Inspection => l("视察", "Inspection"),
            Self::Research => l("调研", "Research"),
            Self::Training => l("培训", "Training"),
            Self::VoterContact => l("联系选民", "Voter contact"),
            Self::HomeVisit => l("回家", "Home visit"),
            Self::StationVisit => l("进站", "Station visit"),
            Self::Debrief => l("述职", "Debrief"),
            Self::LawEnforcementInspection => l("执法检查", "Law-enforcement inspection"),
            Self::LegislativeConsultation => l("立法征求意见", "Legislative consultation"),
            Self::HandlingSupervision => l("督办", "Handling supervision"),
            Self::Other => l("其他", "Other"),
        }
    }
}

impl Labelled for DeputyStatus {
    fn label(self) -> Label {
        match self {
            Self::NotYetElected => l("尚未当选", "Not yet elected"),
            Self::InOffice => l("在任", "In office"),
            Self::Suspended => l("暂停执行代表职务", "Suspended"),
            Self::Terminated => l("代表资格终止", "Qualification terminated"),
            Self::TermEnded => l("任期届满", "Term ended"),
        }
    }
}

impl Labelled for TerminationReason {
    fn label(self) -> Label {
        match self {
            Self::MovedOut => l("迁出或调离本行政区域", "Moved out of the area"),
            Self::Resigned => l("辞职被接受", "Resignation accepted"),
            Self::TwoUnexcusedAbsences => l(
                "未经批准两次不出席本级人民代表大会会议",
                "Absent from two sessions without approval",
            ),
            Self::Recalled => l("被罢免", "Recalled"),
            Self::LostNationality => l("丧失中华人民共和国国籍", "Lost Chinese nationality"),
            Self::DeprivedOfPoliticalRights => {
                l("依法被剥夺政治权利", "Deprived of political rights")
            }
            Self::LostCapacity => l("丧失行为能力", "Lost legal capacity"),
            Self::Died => l("死亡", "Died"),
        }
    }
}

impl Labelled for Education {
    fn label(self) -> Label {
        match self {
            Self::SecondaryOrBelow => l("高中及以下", "Secondary school or below"),
            Self::College => l("大专", "Junior college"),
            Self::Bachelor => l("本科", "Bachelor's degree"),
            Self::Master => l("硕士研究生", "Master's degree"),
            Self::Doctorate => l("博士研究生", "Doctorate"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn non_empty(what: &str, key: &str, l: &Label) {
        assert!(!l.zh.trim().is_empty(), "{what}.{key}: empty zh");
        assert!(!l.en.trim().is_empty(), "{what}.{key}: empty en");
    }

    /// Every value of `all` is in `group` under its serde name with its label, and nothing else.
    fn covers<T: Labelled + Serialize>(what: &str, group: &BTreeMap<String, Label>, all: &[T]) {
        assert_eq!(group.len(), all.len(), "{what}: duplicate or extra keys");
        for v in all {
            let key = serde_json::to_value(v).unwrap();
            let key = key.as_str().unwrap();
            let got = group
                .get(key)
                .unwrap_or_else(|| panic!("{what}: no `{key}`"));
            assert_eq!(*got, v.label());
            non_empty(what, key, got);
        }
    }

    #[test]
    fn every_enum_value_is_labelled_under_its_wire_name() {
        let c = catalog();
        covers("role", &c.role, &Role::ALL);
        covers("level", &c.level, &Level::ALL);
        covers(
            "suggestion_status",
            &c.suggestion_status,
            &SuggestionStatus::ALL,
        );
        covers("result_category", &c.result_category, &ResultCategory::ALL);
        covers("satisfaction", &c.satisfaction, &Satisfaction::ALL);
        covers(
            "submission_period",
            &c.submission_period,
            &SubmissionPeriod::ALL,
        );
        covers("command", &c.command, CommandKind::ALL);
        covers("error_kind", &c.error_kind, &ErrorKind::ALL);
        covers("day_kind", &c.day_kind, &DayKind::ALL);
        covers("duration_unit", &c.duration_unit, &DurationUnit::ALL);
        covers("count_unit", &c.count_unit, &CountUnit::ALL);
        covers("activity_kind", &c.activity_kind, &ActivityKind::ALL);
        covers("deputy_status", &c.deputy_status, &DeputyStatus::ALL);
        covers(
            "termination_reason",
            &c.termination_reason,
            &TerminationReason::ALL,
        );
        covers("education", &c.education, &Education::ALL);
        covers(
            "motion_status",
            &c.motion_status,
            &crate::motion::MotionStatus::ALL,
        );
        covers(
            "motion_kind",
            &c.motion_kind,
            &crate::motion::MotionKind::ALL,
        );
        covers(
            "handling_phase",
            &c.handling_phase,
            &crate::motion::HandlingPhase::ALL,
        );
        covers("report_to", &c.report_to, &crate::motion::ReportTo::ALL);
        covers(
            "year_outcome",
            &c.year_outcome,
            &crate::motion::YearOutcome::ALL,
        );
        covers(
            "key_designator",
            &c.key_designator,
            &crate::key_suggestion::KeyDesignator::ALL,
        );
        covers(
            "key_meeting_kind",
            &c.key_meeting_kind,
            &crate::key_suggestion::KeyMeetingKind::ALL,
        );
        covers("organ", &c.organ, &crate::key_suggestion::Organ::ALL);
        covers(
            "key_outcome",
            &c.key_outcome,
            &crate::key_suggestion::KeyOutcome::ALL,
        );
        covers(
            "supervision_mode",
            &c.supervision_mode,
            &crate::supervision::SupervisionMode::ALL,
        );
        covers(
            "meeting_body",
            &c.meeting_body,
            &crate::oversight::meeting::Body::ALL,
        );
        covers(
            "meeting_kind",
            &c.meeting_kind,
            &crate::oversight::meeting::MeetingKind::ALL,
        );
        covers(
            "agenda_item_kind",
            &c.agenda_item_kind,
            &crate::oversight::meeting::AgendaItemKind::ALL,
        );
        covers(
            "speech_kind",
            &c.speech_kind,
            &crate::oversight::meeting::SpeechKind::ALL,
        );
        covers(
            "ballot_kind",
            &c.ballot_kind,
            &crate::oversight::meeting::BallotKind::ALL,
        );
        covers(
            "topic_source",
            &c.topic_source,
            &crate::oversight::plan::TopicSource::ALL,
        );
        covers(
            "topic_status",
            &c.topic_status,
            &crate::oversight::plan::TopicStatus::ALL,
        );
        covers(
            "plan_status",
            &c.plan_status,
            &crate::oversight::plan::PlanStatus::ALL,
        );
        covers(
            "report_kind",
            &c.report_kind,
            &crate::oversight::work_report::ReportKind::ALL,
        );
        covers(
            "state_assets_kind",
            &c.state_assets_kind,
            &crate::oversight::work_report::StateAssetsKind::ALL,
        );
        covers(
            "report_status",
            &c.report_status,
            &crate::oversight::work_report::ReportStatus::ALL,
        );
        covers(
            "report_version",
            &c.report_version,
            &crate::oversight::work_report::ReportVersion::ALL,
        );
        covers(
            "hearing_mode",
            &c.hearing_mode,
            &crate::oversight::work_report::HearingMode::ALL,
        );
        covers(
            "follow_up_kind",
            &c.follow_up_kind,
            &crate::oversight::work_report::FollowUpKind::ALL,
        );
        covers(
            "law_kind",
            &c.law_kind,
            &crate::oversight::inspection::LawKind::ALL,
        );
        covers(
            "inspection_status",
            &c.inspection_status,
            &crate::oversight::inspection::InspectionStatus::ALL,
        );
        covers(
            "opinion_about",
            &c.opinion_about,
            &crate::oversight::deliberation::OpinionAbout::ALL,
        );
        covers(
            "opinion_route",
            &c.opinion_route,
            &crate::oversight::deliberation::OpinionRoute::ALL,
        );
        covers(
            "opinion_status",
            &c.opinion_status,
            &crate::oversight::deliberation::OpinionStatus::ALL,
        );
        covers(
            "resolution_duty",
            &c.resolution_duty,
            &crate::oversight::deliberation::ResolutionDuty::ALL,
        );
        covers(
            "proposal_origin",
            &c.proposal_origin,
            &crate::oversight::livelihood::ProposalOrigin::ALL,
        );
        covers(
            "project_status",
            &c.project_status,
            &crate::oversight::livelihood::ProjectStatus::ALL,
        );
        covers(
            "work_evaluation_status",
            &c.work_evaluation_status,
            &crate::oversight::work_evaluation::WorkEvaluationStatus::ALL,
        );
        covers(
            "work_evaluation_phase",
            &c.work_evaluation_phase,
            &crate::oversight::work_evaluation::WorkEvaluationPhase::ALL,
        );
        covers(
            "investigation_method",
            &c.investigation_method,
            &crate::oversight::work_evaluation::InvestigationMethod::ALL,
        );
        covers(
            "satisfaction_result",
            &c.satisfaction_result,
            &crate::oversight::work_evaluation::SatisfactionResult::ALL,
        );
        covers(
            "look_back_outcome",
            &c.look_back_outcome,
            &crate::oversight::work_evaluation::LookBackOutcome::ALL,
        );
        covers(
            "work_evaluation_escalation",
            &c.work_evaluation_escalation,
            &crate::oversight::work_evaluation::WorkEvaluationEscalation::ALL,
        );
        covers(
            "escalation_kind",
            &c.escalation_kind,
            &crate::oversight::escalation::EscalationKind::ALL,
        );
        covers(
            "escalation_status",
            &c.escalation_status,
            &crate::oversight::escalation::EscalationStatus::ALL,
        );
        covers(
            "interpellation_answer_mode",
            &c.interpellation_answer_mode,
            &crate::oversight::escalation::AnswerMode::ALL,
        );
        covers(
            "interpellation_rating",
            &c.interpellation_rating,
            &crate::oversight::escalation::AnswerRating::ALL,
        );
        covers(
            "issuer_kind",
            &c.issuer_kind,
            &crate::oversight::filing::IssuerKind::ALL,
        );
        covers(
            "review_mode",
            &c.review_mode,
            &crate::oversight::filing::ReviewMode::ALL,
        );
        covers(
            "filing_status",
            &c.filing_status,
            &crate::oversight::filing::FilingStatus::ALL,
        );
        covers(
            "budget_part",
            &c.budget_part,
            &crate::oversight::budget::BudgetPart::ALL,
        );
        covers(
            "audit_finding_status",
            &c.audit_finding_status,
            &crate::oversight::budget::AuditFindingStatus::ALL,
        );
        covers(
            "reminder_kind",
            &c.reminder_kind,
            &crate::oversight::budget::ReminderKind::ALL,
        );
        covers(
            "sample_category",
            &c.sample_category,
            &crate::handling_evaluation::SampleCategory::ALL,
        );
        covers(
            "evaluation_grade",
            &c.evaluation_grade,
            &crate::handling_evaluation::Grade::ALL,
        );
        covers(
            "evaluation_use",
            &c.evaluation_use,
            &crate::handling_evaluation::EvaluationUse::ALL,
        );
        covers(
            "evaluation_status",
            &c.evaluation_status,
            &crate::handling_evaluation::EvaluationStatus::ALL,
        );
        // Every triage outcome has a label, under the wire name `Triage::as_str` gives.
        let unit = crate::UnitId::new("u").unwrap();
        let sid = crate::SuggestionId::new("s").unwrap();
        for t in [
            crate::activity::Triage::ResolvedOnSite,
            crate::activity::Triage::StreetCoordination,
            crate::activity::Triage::ForwardedToDepartment { unit },
            crate::activity::Triage::ConvertedToSuggestion { suggestion: sid },
            crate::activity::Triage::RecordedOnly,
            crate::activity::Triage::LivelihoodPlanning,
        ] {
            non_empty("triage_outcome", t.as_str(), &c.triage_outcome[t.as_str()]);
        }
        assert_eq!(c.triage_outcome.len(), 6);
        for s in SuggestionStatus::ALL {
            assert!(c.suggestion_status.contains_key(s.as_str()));
        }
        for &k in CommandKind::ALL {
            assert!(c.command.contains_key(k.as_str()));
        }
        for r in Role::ALL {
            assert!(c.role.contains_key(r.as_str()));
        }
        for v in Level::ALL {
            assert!(c.level.contains_key(v.as_str()));
        }
    }

    #[test]
    fn every_event_type_and_error_code_is_labelled() {
        let c = catalog();
        assert_eq!(c.event.len(), EventKind::TYPES.len());
        for (k, v) in &c.event {
            non_empty("event", k, v);
        }
        assert_eq!(c.error_code.len(), CODES.len());
        for &code in CODES {
            non_empty("error_code", code, &c.error_code[code]);
        }
        for code in crate::error::rule_codes::ALL {
            assert!(c.error_code.contains_key(*code));
        }
    }

    #[test]
    fn official_terms() {
        let c = catalog();
        assert_eq!(c.suggestion_status["in_plan"].zh, "列入计划");
        assert_eq!(c.suggestion_status["rehandling"].zh, "复查补办中");
        assert_eq!(c.satisfaction["basically_satisfied"].zh, "基本满意");
        assert_eq!(c.submission_period["recess"].zh, "闭会期间");
        assert_eq!(c.role["handling_unit"].zh, "承办单位");
        assert_eq!(c.count_unit["person_times"].zh, "人次");
    }

    #[test]
    fn json_shape() {
        let v = serde_json::to_value(catalog()).unwrap();
        let groups: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(groups.len(), 70);
        assert_eq!(v["suggestion_status"]["in_plan"]["zh"], "列入计划");
        assert_eq!(
            v["role"]["deputy"],
            serde_json::json!({"zh": "人大代表", "en": "Deputy"})
        );
    }
}
