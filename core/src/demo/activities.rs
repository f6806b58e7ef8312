//! Deputies' activities (§1.4) by the duties of the homes and stations (R-D1: a station
//! visit every month, a home visit every quarter, a debrief every year), the session, some
//! inspections and trainings; the voters' issues raised at station visits (W7); and the
//! yearly publication of points (W6).

use super::meetings::YearCalendar;
use super::rng::{DemoRng, Stream};
use super::roster::Roster;
use super::timeline::Timeline;
use super::{ymd, DemoConfig};
use crate::activity::{ActivityKind, DebriefScope, Triage};
use crate::command::Command;
use crate::error::Result;
use crate::ids::{ActivityId, DeputyId, VoterIssueId};
use crate::period::Period;
use crate::points::PublicationScope;
use chrono::Days;

const VOTER_ISSUES: [&str; 8] = [
    "小区门口路灯损坏",
    "楼道堆物影响消防通道",
    "公交站台缺少遮雨棚",
    "社区菜市场噪音扰民",
    "老旧小区停车难",
    "学校周边早高峰拥堵",
    "健身器材老化损坏",
    "雨后路面积水",
];

/// Deputies of `members` who take part (about `per_mille` of them, at least one).
fn turnout(rng: &mut DemoRng, d: &Roster, members: &[usize], per_mille: u32) -> Vec<DeputyId> {
    let mut out: Vec<DeputyId> = members
        .iter()
        .filter(|_| rng.chance(per_mille))
        .map(|&i| d.deputies[i].id.clone())
        .collect();
    if out.is_empty() {
        if let Some(&i) = members.first() {
            out.push(d.deputies[i].id.clone());
        }
    }
    out
}

/// Plans the year's activities, voter issues and points publication.
pub(crate) fn generate(
    config: &DemoConfig,
    d: &Roster,
    cal: &YearCalendar,
    year: i32,
    tl: &mut Timeline,
) -> Result<()> {
    let mut rng = DemoRng::new(config.seed, d.k, year, Stream::Activities);
    let a = &d.actors;
    let mut n = 0u32;
    let next_activity = |n: &mut u32| {
        *n += 1;
        ActivityId::new(format!("{}A{year}-{:05}", d.prefix, n))
    };
    let mut issues = 0u32;
    // The session: every serving deputy but the excused.
    let attending: Vec<DeputyId> = d
        .serving(year)
        .into_iter()
        .filter(|i| !cal.absent.contains(i))
        .map(|i| d.deputies[i].id.clone())
        .collect();
    tl.push(
        cal.session_closes,
        17,
        &a.office,
        Command::RecordActivity {
            activity: next_activity(&mut n)?,
            congress: d.congress.clone(),
            kind: ActivityKind::SessionAttendance,
            on: cal.session_opens,
            title: format!("出席区人民代表大会第{}次会议", year - config.first_year + 1),
            participants: attending,
            station: None,
            voters_received: 0,
            opinions_collected: 0,
            debrief: None,
        },
    );
    // 月进站: each station every month.
    for (s, st) in d.stations.iter().enumerate() {
        let members = d.station_members(s, year);
        if members.is_empty() {
            continue;
        }
        for month in 1..=12u32 {
            let on = ymd(year, month, 10 + rng.range(0, 15) as u32);
            let participants = turnout(&mut rng, d, &members, 920);
            let activity = next_activity(&mut n)?;
            tl.push(
                on,
                15,
                &a.street,
                Command::RecordActivity {
                    activity: activity.clone(),
                    congress: d.congress.clone(),
                    kind: ActivityKind::StationVisit,
                    on,
                    title: format!("{}月进站接待选民", month),
                    participants: participants.clone(),
                    station: Some(st.id.clone()),
                    voters_received: rng.range(5, 30) as u32,
                    opinions_collected: rng.range(2, 10) as u32,
                    debrief: None,
                },
            );
            // W7: issues raised, triaged, answered and closed.
            for _ in 0..rng.range(0, 2) {
                issues += 1;
                let issue = VoterIssueId::new(format!("{}V{year}-{:05}", d.prefix, issues))?;
                let deputy = participants[rng.index(participants.len())].clone();
                let deputy_actor =
                    &d.deputies[d.deputies.iter().position(|x| x.id == deputy).unwrap_or(0)].actor;
                tl.push(
                    on,
                    16,
                    deputy_actor,
                    Command::RecordVoterIssue {
                        issue: issue.clone(),
                        congress: d.congress.clone(),
                        summary: (*rng.pick(&VOTER_ISSUES)).into(),
                        deputy: Some(deputy.clone()),
                        station: Some(st.id.clone()),
                        activity: Some(activity.clone()),
                    },
                );
                let triage = match rng.below(100) {
                    0..=39 => Triage::ResolvedOnSite,
                    40..=64 => Triage::StreetCoordination,
                    65..=89 => Triage::ForwardedToDepartment {
                        unit: d.departments[rng.index(d.departments.len())].0.clone(),
                    },
                    _ => Triage::RecordedOnly,
                };
                let answered = !matches!(triage, Triage::RecordedOnly);
                tl.push(
                    on,
                    17,
                    deputy_actor,
                    Command::TriageVoterIssue {
                        issue: issue.clone(),
                        triage,
                    },
                );
                if answered {
                    let later = on + Days::new(rng.range(1, 20) as u64);
                    tl.push(
                        later,
                        10,
                        deputy_actor,
                        Command::AnswerVoterIssue {
                            issue: issue.clone(),
                        },
                    );
                    tl.push(
                        later + Days::new(3),
                        11,
                        &a.street,
                        Command::CloseVoterIssue { issue },
                    );
                }
            }
        }
    }
    // 季回家: each home every quarter; 年述职: debriefs in the fourth quarter (the mid-term
    // one in the third year: 海淀 98.3%).
    let mid_term = year - config.first_year == 2;
    for (h, home) in d.homes.iter().enumerate() {
        let members = d.home_members(h, year);
        if members.is_empty() {
            continue;
        }
        for q in 0..4u32 {
            let on = ymd(year, q * 3 + 2, 15 + rng.range(0, 10) as u32);
            tl.push(
                on,
                15,
                &a.street,
                Command::RecordActivity {
                    activity: next_activity(&mut n)?,
                    congress: d.congress.clone(),
                    kind: ActivityKind::HomeVisit,
                    on,
                    title: format!("第{}季度回代表之家活动", q + 1),
                    participants: turnout(&mut rng, d, &members, 950),
                    station: Some(home.id.clone()),
                    voters_received: rng.range(10, 60) as u32,
                    opinions_collected: rng.range(5, 20) as u32,
                    debrief: None,
                },
            );
        }
        let on = ymd(year, 11, 5 + rng.range(0, 20) as u32);
        tl.push(
            on,
            16,
            &a.street,
            Command::RecordActivity {
                activity: next_activity(&mut n)?,
                congress: d.congress.clone(),
                kind: ActivityKind::Debrief,
                on,
                title: "代表向选民述职 / Deputies report to voters".into(),
                participants: turnout(&mut rng, d, &members, if mid_term { 983 } else { 900 }),
                station: Some(home.id.clone()),
                voters_received: rng.range(30, 80) as u32,
                opinions_collected: rng.range(5, 20) as u32,
                debrief: Some(if mid_term {
                    DebriefScope::MidTerm
                } else {
                    DebriefScope::Yearly
                }),
            },
        );
    }
    // Inspections, research and training organised by the standing committee's office.
    let serving = d.serving(year);
    for (kind, month, title) in [
        (ActivityKind::Training, 3, "代表履职学习培训"),
        (ActivityKind::Inspection, 5, "视察民生实事项目进展"),
        (ActivityKind::Research, 7, "专题调研老旧小区综合整治"),
        (ActivityKind::HandlingSupervision, 9, "督办代表建议办理工作"),
    ] {
        let on = ymd(year, month, 12);
        let mut participants = Vec::new();
        for _ in 0..rng.range(15, 40) {
            let id = d.deputies[*rng.pick(&serving)].id.clone();
            if !participants.contains(&id) {
                participants.push(id);
            }
        }
        tl.push(
            on,
            17,
            &a.office,
            Command::RecordActivity {
                activity: next_activity(&mut n)?,
                congress: d.congress.clone(),
                kind,
                on,
                title: title.into(),
                participants,
                station: None,
                voters_received: 0,
                opinions_collected: 0,
                debrief: None,
            },
        );
    }
    // W6: the year's points, published in January.
    tl.push(
        ymd(year + 1, 1, 20),
        10,
        &a.standing_committee,
        Command::PublishPoints {
            congress: d.congress.clone(),
            period: Period::Year(year),
            scope: PublicationScope::Congress,
        },
    );
    Ok(())
}
