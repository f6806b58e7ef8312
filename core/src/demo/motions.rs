//! Motions (议案, W4, L-2) at each session: deputies' motions with ten sponsors, one listed
//! and handled through the year (working group, plan, handling report, review opinion), the
//! others merged into it; from 2025 the handling report also goes to the congress (R-P5).

use super::meetings::YearCalendar;
use super::rng::{DemoRng, Stream};
use super::roster::Roster;
use super::timeline::Timeline;
use super::{ymd, DemoConfig};
use crate::command::Command;
use crate::error::Result;
use crate::ids::{DeputyId, MotionId};
use crate::motion::{MotionKind, ReportTo, ReviewDecision, Sponsor, YearOutcome};
use crate::registry::Level;
use crate::rules::RuleBook;
use chrono::Days;

const TITLES: [&str; 6] = [
    "关于推进学前教育普惠发展的议案",
    "关于加快老旧小区综合整治的议案",
    "关于完善社区养老服务体系的议案",
    "关于加强河道水环境治理的议案",
    "关于优化公共交通线网的议案",
    "关于推进垃圾分类提质增效的议案",
];

/// Plans the motions of the year's session.
pub(crate) fn generate(
    config: &DemoConfig,
    book: &RuleBook,
    d: &Roster,
    cal: &YearCalendar,
    year: i32,
    tl: &mut Timeline,
) -> Result<()> {
    if config.motions_per_session == 0 {
        return Ok(());
    }
    let mut rng = DemoRng::new(config.seed, d.k, year, Stream::Motions);
    let a = &d.actors;
    let mut first: Option<MotionId> = None;
    let mut proposers: Vec<DeputyId> = Vec::new();
    for m in 0..config.motions_per_session {
        let id = MotionId::new(format!("{}M{year}-{}", d.prefix, m + 1))?;
        let lead_i = *rng.pick(&d.stayers);
        let mut sponsors: Vec<usize> = vec![lead_i];
        while sponsors.len() < 10 {
            let c = *rng.pick(&d.stayers);
            if !sponsors.contains(&c) {
                sponsors.push(c);
            }
        }
        let cosigners: Vec<DeputyId> = sponsors[1..]
            .iter()
            .map(|&i| d.deputies[i].id.clone())
            .collect();
        tl.push(
            cal.session_opens + Days::new(1),
            15,
            &d.deputies[lead_i].actor,
            Command::SubmitMotion {
                motion: id.clone(),
                congress: d.congress.clone(),
                session: cal.session.clone(),
                title: TITLES[(year as usize + m as usize) % TITLES.len()].into(),
                sponsor: Sponsor::Deputies {
                    lead: d.deputies[lead_i].id.clone(),
                    cosigners,
                },
                kind: MotionKind::Supervisory,
                topic: None,
            },
        );
        let decision = match &first {
            None => ReviewDecision::Listed,
            Some(into) => ReviewDecision::Merged { into: into.clone() },
        };
        tl.push(
            cal.motions_due + Days::new(1),
            10,
            &a.standing_committee,
            Command::ReviewMotion {
                motion: id.clone(),
                decision,
            },
        );
        if first.is_none() {
            first = Some(id.clone());
            proposers = sponsors[..2]
                .iter()
                .map(|&i| d.deputies[i].id.clone())
                .collect();
        }
    }
    let Some(motion) = first else {
        return Ok(());
    };
    let unit = &d.departments[rng.index(d.departments.len())].0;
    let start = cal.session_closes;
    tl.push(
        start + Days::new(8),
        10,
        &a.office,
        Command::AssignMotion {
            motion: motion.clone(),
            lead_unit: unit.clone(),
            co_units: Vec::new(),
        },
    );
    tl.push(
        start + Days::new(20),
        10,
        &a.directors,
        Command::FormMotionWorkingGroup {
            motion: motion.clone(),
            leader: "常委会副主任 / Vice director of the standing committee".into(),
            committee: "城市建设环境保护委员会 / Urban construction committee".into(),
            members: d.committee[1..4]
                .iter()
                .map(|&i| d.deputies[i].id.clone())
                .collect(),
            proposing_deputies: proposers,
        },
    );
    tl.push(
        start + Days::new(45),
        10,
        &a.government,
        Command::AgreeMotionPlan {
            motion: motion.clone(),
            goals: vec!["年内完成阶段目标 / Reach the year's goals".into()],
            deadline: ymd(year + 1, 12, 31),
        },
    );
    tl.push(
        ymd(year, 11, 20),
        10,
        &a.government,
        Command::ReportMotionHandling {
            motion: motion.clone(),
            year: 1,
            to: ReportTo::StandingCommittee,
            summary: "第1年办理情况 / Handling in the first year".into(),
        },
    );
    tl.push(
        ymd(year, 12, 10),
        10,
        &a.standing_committee,
        Command::IssueMotionReviewOpinion {
            motion: motion.clone(),
            year: 1,
            opinion: "办理工作扎实，建议继续加大投入 / Solid work; keep investing".into(),
        },
    );
    let conclude = if book
        .in_force(Level::County, ymd(year, 12, 20))?
        .motion
        .report_to_congress
    {
        // R-P5: the handling report goes to the congress at its next session first.
        let next_session = ymd(year + 1, 1, 12);
        tl.push(
            next_session,
            16,
            &a.government,
            Command::ReportMotionHandling {
                motion: motion.clone(),
                year: 1,
                to: ReportTo::Congress,
                summary: "第1年办理情况（提交区人民代表大会） / Handling report to the congress"
                    .into(),
            },
        );
        ymd(year + 1, 1, 20)
    } else {
        ymd(year, 12, 20)
    };
    tl.push(
        conclude,
        10,
        &a.standing_committee,
        Command::ConcludeMotionYear {
            motion,
            year: 1,
            outcome: YearOutcome::Completed,
        },
    );
    Ok(())
}
