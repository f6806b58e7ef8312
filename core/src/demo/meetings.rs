//! A year's meetings (S001-1: one congress session, 7 standing-committee meetings, 17 director
//! meetings) with their agendas, attendance, ballots, the reports heard and the review
//! opinions issued (S001-2: 46 reports, 19 resolutions and decisions, 13 review opinions).

use super::rng::{DemoRng, Stream};
use super::roster::Roster;
use super::timeline::Timeline;
use super::{ymd, DemoConfig};
use crate::command::Command;
use crate::error::Result;
use crate::ids::{BallotId, MeetingId, SessionId, WorkReportId};
use crate::oversight::meeting::{
    AgendaItem, AgendaItemKind, BallotKind, Body, MeetingKind, SpeechKind,
};
use crate::oversight::work_report::{HearingMode, ReportKind, ReportVersion};
use crate::vote::Vote;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The meetings of one year, for the other generators.
pub(crate) struct YearCalendar {
    pub(crate) session: SessionId,
    pub(crate) session_opens: NaiveDate,
    pub(crate) session_closes: NaiveDate,
    pub(crate) motions_due: NaiveDate,
    /// The congress sitting of the session.
    pub(crate) congress_meeting: MeetingId,
    /// Standing-committee meetings and their days, in order.
    pub(crate) standing: Vec<(MeetingId, NaiveDate)>,
    /// Director meetings and their days, in order.
    pub(crate) directors: Vec<(MeetingId, NaiveDate)>,
    /// Deputies excused from the session.
    pub(crate) absent: Vec<usize>,
}

impl YearCalendar {
    /// The first standing-committee meeting on or after `day` (else the last one).
    pub(crate) fn standing_on_or_after(&self, day: NaiveDate) -> &(MeetingId, NaiveDate) {
        self.standing
            .iter()
            .find(|(_, d)| *d >= day)
            .unwrap_or_else(|| &self.standing[self.standing.len() - 1])
    }

    /// The first director meeting on or after `day` (else the last one).
    pub(crate) fn directors_on_or_after(&self, day: NaiveDate) -> &(MeetingId, NaiveDate) {
        self.directors
            .iter()
            .find(|(_, d)| *d >= day)
            .unwrap_or_else(|| &self.directors[self.directors.len() - 1])
    }
}

fn next_weekday(mut day: NaiveDate) -> NaiveDate {
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day = day + Days::new(1);
    }
    day
}

/// The last Thursday of a month, not after the 28th.
fn last_thursday(year: i32, month: u32) -> NaiveDate {
    let mut d = ymd(year, month, 28);
    while d.weekday() != Weekday::Thu {
        d = d.pred_opt().unwrap_or(d);
    }
    d
}

/// Months of the standing-committee meetings: Haidian 2024's for 7, else spread evenly.
fn standing_months(count: u32) -> Vec<u32> {
    if count == 7 {
        return vec![2, 4, 6, 8, 10, 11, 12];
    }
    (0..count)
        .map(|i| 1 + (i * 12 + 11) / count)
        .map(|m| m.clamp(1, 12))
        .collect()
}

/// Reports per meeting: as even as possible, earlier meetings first.
fn split(total: u32, parts: u32) -> Vec<u32> {
    (0..parts)
        .map(|i| total / parts + u32::from(i < total % parts))
        .collect()
}

/// The kinds of the first reports of the year (the statutory ones); the rest are special
/// work reports.
const STATUTORY: [ReportKind; 6] = [
    ReportKind::PlanExecution,
    ReportKind::AuditWork,
    ReportKind::Environment,
    ReportKind::RuleOfLawGovernment,
    ReportKind::BudgetExecution,
    ReportKind::AuditRectification,
];

/// Plans the year's meetings and returns their calendar.
pub(crate) fn generate(
    config: &DemoConfig,
    d: &Roster,
    year: i32,
    tl: &mut Timeline,
) -> Result<YearCalendar> {
    let mut rng = DemoRng::new(config.seed, d.k, year, Stream::Meetings);
    let a = &d.actors;
    let p = &d.prefix;
    let code = d.congress.as_str();
    let n_session = year - config.first_year + 1;
    let session = SessionId::new(format!("{code}-{n_session}"))?;
    let session_opens = next_weekday(ymd(year, 1, 8));
    let session_closes = session_opens + Days::new(4);
    let motions_due = session_opens + Days::new(2);
    let congress_meeting = MeetingId::new(format!("{code}-{n_session}-1"))?;
    let jan2 = ymd(year, 1, 2);
    tl.push(
        jan2,
        9,
        &a.office,
        Command::ScheduleSession {
            session: session.clone(),
            congress: d.congress.clone(),
            opens_on: session_opens,
            closes_on: session_closes,
            motions_due: Some(motions_due),
        },
    );
    tl.push(
        jan2,
        10,
        &a.office,
        Command::ConveneMeeting {
            meeting: congress_meeting.clone(),
            congress: d.congress.clone(),
            body: Body::Congress,
            kind: MeetingKind::Regular,
            held_on: session_opens,
            session: Some(session.clone()),
        },
    );
    // Members of the congress on the day: everyone not yet gone.
    let in_office = d
        .deputies
        .iter()
        .filter(|x| {
            x.leaves
                .as_ref()
                .is_none_or(|(day, _)| *day >= session_opens)
        })
        .count() as u32;
    let mut absent: Vec<usize> = Vec::new();
    for _ in 0..rng.range(2, 6) {
        let i = *rng.pick(&d.stayers);
        if !absent.contains(&i) {
            absent.push(i);
        }
    }
    absent.sort_unstable();
    tl.push(
        session_opens,
        8,
        &a.office,
        Command::SetMeetingAgenda {
            meeting: congress_meeting.clone(),
            items: vec![
                AgendaItem {
                    number: 1,
                    kind: AgendaItemKind::Report,
                    title: "听取和审议区人民政府工作报告 / Government work report".into(),
                },
                AgendaItem {
                    number: 2,
                    kind: AgendaItemKind::Ballot,
                    title: "票决民生实事项目 / Vote on livelihood projects".into(),
                },
            ],
        },
    );
    tl.push(
        session_opens,
        8,
        &a.office,
        Command::RecordAttendance {
            meeting: congress_meeting.clone(),
            members: in_office,
            present: in_office - absent.len() as u32,
            attending_deputies: Vec::new(),
            observers: rng.range(10, 30) as u32,
        },
    );
    for &i in &absent {
        tl.push(
            session_opens,
            9,
            &a.office,
            Command::RecordAbsence {
                deputy: d.deputies[i].id.clone(),
                session: session.clone(),
                excused: true,
            },
        );
    }

    // The year's standing-committee and director meetings, convened at the start of the year.
    let jan3 = ymd(year, 1, 3);
    let mut standing = Vec::new();
    for (j, month) in standing_months(config.standing_committee_meetings)
        .into_iter()
        .enumerate()
    {
        let day = last_thursday(year, month);
        let id = MeetingId::new(format!("{code}-sc-{year}-{:02}", j + 1))?;
        standing.push((id, day));
    }
    let gap = 345 / config.director_meetings.max(1);
    let mut directors = Vec::new();
    for j in 0..config.director_meetings {
        let day = next_weekday(ymd(year, 1, 12) + Days::new(u64::from(j * gap)));
        let id = MeetingId::new(format!("{code}-dm-{year}-{:02}", j + 1))?;
        directors.push((id, day));
    }
    for (body, list) in [
        (Body::StandingCommittee, &standing),
        (Body::DirectorMeeting, &directors),
    ] {
        for (id, day) in list.iter() {
            tl.push(
                jan3,
                9,
                &a.directors,
                Command::ConveneMeeting {
                    meeting: id.clone(),
                    congress: d.congress.clone(),
                    body,
                    kind: MeetingKind::Regular,
                    held_on: *day,
                    session: None,
                },
            );
        }
    }

    // Reports heard at the standing-committee meetings, with review opinions on some.
    let members = d.committee.len() as u32;
    // S001-2 counts the livelihood projects' completion report among the reports heard and
    // their approval among the resolutions and decisions (see `oversight`).
    let livelihood = u32::from(config.livelihood_projects_per_year > 0);
    let scheduled = config.reports_per_year.saturating_sub(livelihood);
    let per_meeting = split(scheduled, config.standing_committee_meetings);
    let mut report_no = 0u32;
    let mut ballot_no = 0u32;
    // 16 ballots, 15 adopted: with 3 budget adjustments and the livelihood projects, 19
    // resolutions and decisions (S001-2).
    let ballots_per_meeting = [2u32, 3, 2, 2, 2, 2, 3];
    let total_ballots: u32 = (0..standing.len())
        .map(|j| ballots_per_meeting[j % ballots_per_meeting.len()])
        .sum();
    // Review opinions on reports of all but the last meeting, spread evenly.
    let reports_before_last = scheduled - per_meeting.last().copied().unwrap_or(0);
    let opinions = config.review_opinions_per_year.min(reports_before_last);
    for (j, ((meeting, day), count)) in standing.iter().zip(per_meeting).enumerate() {
        tl.push(
            *day,
            8,
            &a.office,
            Command::SetMeetingAgenda {
                meeting: meeting.clone(),
                items: vec![
                    AgendaItem {
                        number: 1,
                        kind: AgendaItemKind::PoliticalStudy,
                        title: "学习习近平新时代中国特色社会主义思想 / Political study".into(),
                    },
                    AgendaItem {
                        number: 2,
                        kind: AgendaItemKind::Report,
                        title: "听取和审议专项工作报告 / Reports".into(),
                    },
                    AgendaItem {
                        number: 3,
                        kind: AgendaItemKind::Ballot,
                        title: "表决决议、决定 / Ballots".into(),
                    },
                ],
            },
        );
        let present = members - rng.range(1, 5) as u32;
        let mut attending = Vec::new();
        for _ in 0..rng.range(2, 3) {
            let i = *rng.pick(&d.stayers);
            if d.serves_in(i, year) && !attending.contains(&d.deputies[i].id) {
                attending.push(d.deputies[i].id.clone());
            }
        }
        if attending.len() < 2 {
            for &i in d.stayers.iter().take(2) {
                if !attending.contains(&d.deputies[i].id) {
                    attending.push(d.deputies[i].id.clone());
                }
            }
        }
        tl.push(
            *day,
            8,
            &a.office,
            Command::RecordAttendance {
                meeting: meeting.clone(),
                members,
                present,
                attending_deputies: attending,
                observers: rng.range(0, 8) as u32,
            },
        );
        for _ in 0..count {
            let r = report_no;
            report_no += 1;
            let report = WorkReportId::new(format!("{p}R{year}-{:02}", r + 1))?;
            let (kind, organ, title) = match STATUTORY.get(r as usize) {
                Some(kind) => (
                    *kind,
                    &d.organs[0],
                    format!("区人民政府关于{}的报告", statutory_title(*kind)),
                ),
                None => {
                    let (unit, name, topics) =
                        &d.departments[(r as usize * 7) % d.departments.len()];
                    let short = name.split(" / ").next().unwrap_or(name);
                    (
                        ReportKind::SpecialWork,
                        unit,
                        format!(
                            "{short}关于{}工作情况的报告",
                            topics[r as usize % topics.len()]
                        ),
                    )
                }
            };
            let organ_actor = Roster::unit_actor(organ)?;
            tl.push(
                jan3 + Days::new(1),
                10,
                &a.directors,
                Command::ScheduleWorkReport {
                    report: report.clone(),
                    congress: d.congress.clone(),
                    year,
                    kind,
                    state_assets_kind: None,
                    title,
                    organ: organ.clone(),
                    meeting: meeting.clone(),
                    topic: None,
                },
            );
            for (before, version) in [(25, ReportVersion::First), (12, ReportVersion::Revised)] {
                tl.push(
                    *day - Days::new(before),
                    14,
                    &organ_actor,
                    Command::SubmitWorkReport {
                        report: report.clone(),
                        version,
                        performance_reports: Vec::new(),
                    },
                );
            }
            tl.push(
                *day,
                10,
                &a.standing_committee,
                Command::HearWorkReport {
                    report: report.clone(),
                    mode: HearingMode::Oral,
                },
            );
            tl.push(
                *day,
                10,
                &a.office,
                Command::RecordSpeech {
                    meeting: meeting.clone(),
                    item: 2,
                    kind: SpeechKind::Report,
                    minutes: rng.range(10, 20) as u32,
                },
            );
            let with_opinion = r < reports_before_last
                && (u64::from(r) * u64::from(opinions) / u64::from(reports_before_last.max(1)))
                    != (u64::from(r + 1) * u64::from(opinions)
                        / u64::from(reports_before_last.max(1)));
            if with_opinion {
                let issued = *day + Days::new(10);
                tl.push(
                    issued,
                    15,
                    &a.directors,
                    Command::IssueReviewOpinion {
                        report: report.clone(),
                        opinion: "审议意见：进一步压实责任，按期报告研究处理情况".into(),
                    },
                );
                tl.push(
                    issued + Days::new(60),
                    14,
                    &organ_actor,
                    Command::ReportOpinionHandling {
                        report: report.clone(),
                        summary: "审议意见研究处理情况的报告".into(),
                    },
                );
                tl.push(
                    issued + Days::new(75),
                    15,
                    &a.directors,
                    Command::CloseWorkReport {
                        report: report.clone(),
                    },
                );
            }
        }
        // Ballots: the year's last one fails.
        for _ in 0..ballots_per_meeting[j % ballots_per_meeting.len()] {
            ballot_no += 1;
            let fails = ballot_no == total_ballots;
            let resolution = ballot_no % 2 == 1;
            let vote = if fails {
                Vote {
                    members,
                    present,
                    yes: members / 2 - 2,
                    no: present - (members / 2 - 2) - 3,
                    abstain: 3,
                }
            } else {
                Vote {
                    members,
                    present,
                    yes: present - 2,
                    no: 1,
                    abstain: 1,
                }
            };
            tl.push(
                *day,
                11,
                &a.standing_committee,
                Command::HoldBallot {
                    meeting: meeting.clone(),
                    ballot: BallotId::new(format!("{p}B{year}-{ballot_no:02}"))?,
                    item: 3,
                    subject: format!(
                        "关于第{ballot_no}项事项的{}",
                        if resolution { "决议" } else { "决定" }
                    ),
                    kind: if resolution {
                        BallotKind::Resolution
                    } else {
                        BallotKind::Decision
                    },
                    vote,
                    persons: None,
                },
            );
        }
    }
    // Three budget adjustments approved (L-21; seed 001: "预算调整…3次").
    for j in [2usize, 4, 6] {
        if let Some((meeting, day)) = standing.get(j) {
            let present = members - 2;
            tl.push(
                *day,
                12,
                &a.standing_committee,
                Command::ApproveBudgetAdjustment {
                    congress: d.congress.clone(),
                    year,
                    meeting: meeting.clone(),
                    title: format!("{year}年{}月预算调整方案", day.month()),
                    vote: Vote {
                        members,
                        present,
                        yes: present - 1,
                        no: 0,
                        abstain: 1,
                    },
                    new_debt_quota: None,
                },
            );
        }
    }
    Ok(YearCalendar {
        session,
        session_opens,
        session_closes,
        motions_due,
        congress_meeting,
        standing,
        directors,
        absent,
    })
}

fn statutory_title(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::PlanExecution => "国民经济和社会发展计划执行情况",
        ReportKind::AuditWork => "预算执行和其他财政收支审计工作",
        ReportKind::Environment => "环境状况和环境保护目标完成情况",
        ReportKind::RuleOfLawGovernment => "法治政府建设情况",
        ReportKind::BudgetExecution => "预算执行情况",
        ReportKind::AuditRectification => "审计查出问题整改情况",
        _ => "专项工作",
    }
}
