//! Department work evaluations (W5; S001-2: 7 evaluation opinions a year, S000-15) through
//! deliberation, the satisfaction vote, the opinion, rectification and look-back; and the
//! year's livelihood projects (W19; S001-7: 32, all completed on time, 19 monitored by
//! deputies), voted at the session and reported at the last standing-committee meeting.

use super::meetings::YearCalendar;
use super::rng::{DemoRng, Stream};
use super::roster::Roster;
use super::timeline::Timeline;
use super::{ymd, DemoConfig};
use crate::command::Command;
use crate::error::Result;
use crate::ids::{LivelihoodProjectId, WorkEvaluationId};
use crate::oversight::livelihood::{ApprovedProject, ProposalOrigin};
use crate::oversight::work_evaluation::{
    EvaluationTeam, InvestigationMethod, LookBackOutcome, OptionCount,
};
use chrono::Days;

const PROJECTS: [&str; 8] = [
    "新增普惠性幼儿园学位",
    "老旧小区加装电梯",
    "社区养老服务驿站建设",
    "背街小巷环境精细化整治",
    "新建改建公共厕所",
    "增设立体停车设施",
    "全民健身场地设施建设",
    "雨污分流改造",
];

/// Plans the year's work evaluations and livelihood projects.
pub(crate) fn generate(
    config: &DemoConfig,
    d: &Roster,
    cal: &YearCalendar,
    year: i32,
    tl: &mut Timeline,
) -> Result<()> {
    let mut rng = DemoRng::new(config.seed, d.k, year, Stream::Oversight);
    work_evaluations(config, d, cal, year, &mut rng, tl)?;
    livelihood(config, d, cal, year, &mut rng, tl)
}

fn work_evaluations(
    config: &DemoConfig,
    d: &Roster,
    cal: &YearCalendar,
    year: i32,
    rng: &mut DemoRng,
    tl: &mut Timeline,
) -> Result<()> {
    let a = &d.actors;
    let units = &d.departments;
    if year == config.first_year {
        // R-E1: every department is evaluated once in the term.
        tl.push(
            ymd(year, 1, 4),
            11,
            &a.directors,
            Command::DeclareEvaluationScope {
                congress: d.congress.clone(),
                departments: units.iter().map(|u| u.0.clone()).collect(),
            },
        );
    }
    let members = d.committee.len() as u32;
    let (deliberated_at, day) = cal.standing_on_or_after(ymd(year, 6, 1)).clone();
    let n = config.work_evaluations_per_year as usize;
    let offset = (year - config.first_year) as usize * n;
    for j in 0..n {
        let (unit, name, _) = &units[(offset + j) % units.len()];
        let we = WorkEvaluationId::new(format!("WE-{year}-{}", unit.as_str()))?;
        let unit_actor = Roster::unit_actor(unit)?;
        let team = EvaluationTeam {
            leader: d.deputies[d.committee[1 + j % 6]].id.clone(),
            vice_leaders: vec![d.deputies[d.committee[8 + j % 8]].id.clone()],
            members: (0..3)
                .map(|t| {
                    let pool = d.committee.len() - 16;
                    d.deputies[d.committee[16 + (j * 3 + t) % pool]].id.clone()
                })
                .collect(),
            staff: Vec::new(),
            experts: Vec::new(),
            citizen_representatives: Vec::new(),
        };
        tl.push(
            ymd(year, 3, 1),
            10,
            &a.directors,
            Command::PlanWorkEvaluation {
                work_evaluation: we.clone(),
                congress: d.congress.clone(),
                year,
                department: unit.clone(),
                team,
            },
        );
        tl.push(
            ymd(year, 3, 10),
            10,
            &a.committee,
            Command::StartWorkEvaluation {
                work_evaluation: we.clone(),
            },
        );
        tl.push(
            ymd(year, 4, 10),
            10,
            &unit_actor,
            Command::SubmitSelfInspectionReport {
                work_evaluation: we.clone(),
                summary: "自检自查工作情况报告 / Self-inspection report".into(),
            },
        );
        tl.push(
            ymd(year, 5, 20),
            10,
            &a.committee,
            Command::SubmitInvestigationReport {
                work_evaluation: we.clone(),
                methods: vec![
                    InvestigationMethod::Visit,
                    InvestigationMethod::Forum,
                    InvestigationMethod::Questionnaire,
                ],
                deputy_person_times: rng.range(15, 40) as u32,
                summary: "评议小组调查报告 / The team's investigation report".into(),
            },
        );
        tl.push(
            day,
            13,
            &a.standing_committee,
            Command::DeliberateWorkEvaluation {
                work_evaluation: we.clone(),
                meeting: deliberated_at.clone(),
                special_work_report: format!(
                    "{}专项工作报告",
                    name.split(" / ").next().unwrap_or(name)
                ),
            },
        );
        let present = members - rng.range(2, 4) as u32;
        let unhappy = rng.range(0, 3) as u32;
        let basic = rng.range(4, 12) as u32;
        tl.push(
            day,
            13,
            &a.standing_committee,
            Command::RecordSatisfactionVote {
                work_evaluation: we.clone(),
                meeting: deliberated_at.clone(),
                members,
                present,
                counts: vec![
                    OptionCount {
                        option: "满意".into(),
                        votes: present - basic - unhappy,
                    },
                    OptionCount {
                        option: "基本满意".into(),
                        votes: basic,
                    },
                    OptionCount {
                        option: "不满意".into(),
                        votes: unhappy,
                    },
                ],
            },
        );
        tl.push(
            day + Days::new(1),
            10,
            &a.standing_committee,
            Command::PublishWorkEvaluationResult {
                work_evaluation: we.clone(),
                notified: "示例区人民政府 / District government".into(),
            },
        );
        tl.push(
            ymd(year, 7, 5),
            10,
            &a.standing_committee,
            Command::IssueEvaluationOpinion {
                work_evaluation: we.clone(),
                items: vec![
                    "加强队伍建设 / Strengthen the staff".into(),
                    "完善工作机制 / Improve procedures".into(),
                ],
            },
        );
        tl.push(
            ymd(year, 9, 30),
            10,
            &unit_actor,
            Command::ReportRectification {
                work_evaluation: we.clone(),
                summary: "整改落实情况报告 / Rectification report".into(),
            },
        );
        let (finding, summary) = if rng.chance(850) {
            (LookBackOutcome::Adequate, "整改到位 / Rectified")
        } else {
            (
                LookBackOutcome::Weak,
                "整改不够到位，继续跟踪 / Rectification weak; keep tracking",
            )
        };
        tl.push(
            ymd(year, 11, 10),
            10,
            &a.directors,
            Command::LookBackWorkEvaluation {
                work_evaluation: we.clone(),
                finding,
                summary: summary.into(),
            },
        );
        if finding == LookBackOutcome::Adequate {
            tl.push(
                ymd(year, 11, 20),
                10,
                &a.directors,
                Command::CloseWorkEvaluation {
                    work_evaluation: we,
                },
            );
        }
    }
    Ok(())
}

fn livelihood(
    config: &DemoConfig,
    d: &Roster,
    cal: &YearCalendar,
    year: i32,
    rng: &mut DemoRng,
    tl: &mut Timeline,
) -> Result<()> {
    let a = &d.actors;
    let n = config.livelihood_projects_per_year as usize;
    if n == 0 {
        return Ok(());
    }
    // S001-7: 19 of 32 under deputies' monitoring.
    let monitored = (n * 19 + 16) / 32;
    let mut approved = Vec::with_capacity(n);
    let mut ids = Vec::with_capacity(n);
    for j in 0..n {
        let id = LivelihoodProjectId::new(format!("{}MS-{year}-{:02}", d.prefix, j + 1))?;
        let proposer = &d.deputies[*rng.pick(&d.stayers)];
        tl.push(
            ymd(year, 1, 4),
            14,
            &proposer.actor,
            Command::ProposeLivelihoodProject {
                project: id.clone(),
                congress: d.congress.clone(),
                year: year as u32,
                title: format!(
                    "{}（{}）",
                    PROJECTS[j % PROJECTS.len()],
                    j / PROJECTS.len() + 1
                ),
                origin: if j % 3 == 0 {
                    ProposalOrigin::Voters
                } else {
                    ProposalOrigin::Deputies
                },
            },
        );
        let due_on = if j % 4 == 0 {
            ymd(year, 6, 30)
        } else {
            ymd(year, 12, 31)
        };
        approved.push(ApprovedProject {
            project: id.clone(),
            due_on,
        });
        ids.push((id, due_on));
    }
    tl.push(
        cal.session_opens + Days::new(3),
        11,
        &a.standing_committee,
        Command::ApproveLivelihoodProjects {
            congress: d.congress.clone(),
            meeting: cal.congress_meeting.clone(),
            year: year as u32,
            projects: approved,
        },
    );
    let (report_meeting, report_day) = cal.standing[cal.standing.len() - 1].clone();
    for (j, (id, due_on)) in ids.into_iter().enumerate() {
        if j < monitored {
            let mut team: Vec<usize> = Vec::new();
            for _ in 0..rng.range(3, 5) {
                let i = *rng.pick(&d.stayers);
                if !team.contains(&i) {
                    team.push(i);
                }
            }
            tl.push(
                ymd(year, 5, 1 + rng.range(0, 27) as u32),
                10,
                &d.deputies[team[0]].actor,
                Command::MonitorLivelihoodProject {
                    project: id.clone(),
                    deputies: team.iter().map(|&i| d.deputies[i].id.clone()).collect(),
                    note: Some("查进度、督质量、促成效 / Progress, quality, results".into()),
                },
            );
        }
        // All completed on time (S001-7), before the completion report.
        let latest = due_on.min(report_day - Days::new(5));
        let completed_on = latest - Days::new(rng.range(0, 20) as u64);
        tl.push(
            completed_on,
            15,
            &a.government,
            Command::CompleteLivelihoodProject {
                project: id,
                completed_on,
            },
        );
    }
    tl.push(
        report_day,
        14,
        &a.standing_committee,
        Command::ReportLivelihoodCompletion {
            congress: d.congress.clone(),
            meeting: report_meeting,
            year: year as u32,
        },
    );
    Ok(())
}
