//! The deputies, activities and points tables.

use super::{table, Table, TableName};
use crate::actor::Actor;
use crate::error::{rule_codes, RendaError, Result};
use crate::ids::{CongressId, DeputyId};
use crate::ledger::Ledger;
use crate::period::Period;
use crate::points::{PointsRow, PublicationScope};
use crate::state::State;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The points rows of the year of `as_of` for every congress with a rule set in force at
/// the year's end that has a point table, as `reader` may see them (all with no reader).
fn points_rows(
    ledger: &Ledger,
    reader: Option<&Actor>,
    as_of: NaiveDate,
) -> Result<Vec<(CongressId, Period, PointsRow)>> {
    let period = Period::Year(as_of.year());
    let mut out = Vec::new();
    for c in ledger.state().congresses.keys() {
        let rows = match reader {
            Some(r) => ledger.points_as(r, c, period, &PublicationScope::Congress),
            None => ledger.points(c, period, &PublicationScope::Congress),
        };
        match rows {
            Ok(rows) => out.extend(rows.into_iter().map(|r| (c.clone(), period, r))),
            Err(e) if e.code() == rule_codes::NO_POINT_TABLE => {}
            Err(RendaError::NoRuleSet { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// One row per deputy, ordered by id: profile, status on `as_of`, counts by `as_of` and the
/// points of its year (`None` where there is no point table, or the reader may not see them).
pub(super) fn deputies(
    ledger: &Ledger,
    state: &State,
    reader: Option<&Actor>,
    as_of: NaiveDate,
) -> Result<Table> {
    let points: BTreeMap<DeputyId, u32> = match points_rows(ledger, reader, as_of) {
        Ok(rows) => rows
            .into_iter()
            .map(|(_, _, r)| (r.deputy, r.points))
            .collect(),
        Err(_) if reader.is_some() => BTreeMap::new(),
        Err(e) => return Err(e),
    };
    let mut activities: BTreeMap<&DeputyId, u32> = BTreeMap::new();
    for a in state.activities.values().filter(|a| a.on <= as_of) {
        for d in &a.participants {
            *activities.entry(d).or_default() += 1;
        }
    }
    let (mut led, mut cosigned): (BTreeMap<&DeputyId, u32>, BTreeMap<&DeputyId, u32>) =
        Default::default();
    for s in state
        .suggestions
        .values()
        .filter(|s| s.submitted_on() <= as_of)
    {
        *led.entry(&s.lead).or_default() += 1;
        for d in &s.cosigners {
            *cosigned.entry(d).or_default() += 1;
        }
    }
    let rows = state
        .deputies
        .values()
        .map(|d| (d, state.congresses.get(&d.congress)));
    Ok(table!(TableName::Deputies, as_of, rows, |(d, c)| {
        deputy: "代表编号", "Deputy", text => Some(&d.id),
        congress: "人大", "Congress", cat => Some(&d.congress),
        name: "姓名", "Name", text => Some(&d.name),
        status: "状态", "Status", cat => c.map(|c| d.status_on(c, as_of)),
        mandate: "产生方式", "Mandate", cat => Some(d.mandate),
        elected_on: "当选日期", "Elected on", date => d.elected_on,
        gender: "性别", "Gender", cat => d.profile.gender,
        ethnicity: "民族", "Ethnicity", cat => d.profile.ethnicity.as_ref(),
        party: "党派", "Party", cat => d.profile.party,
        education: "学历", "Education", cat => d.profile.education,
        constituency: "选区或选举单位", "Constituency or electoral unit", cat => d.profile.elected_by.as_ref().map(|e| e.name()),
        delegation: "代表团", "Delegation", cat => d.profile.delegation.as_ref(),
        re_elected: "连任", "Re-elected", flag => d.profile.re_elected,
        work_unit: "工作单位", "Work unit", text => d.profile.work_unit.as_ref(),
        stations: "进站数", "Stations", int => Some(d.stations.len()),
        activities: "活动次数", "Activities", int => Some(activities.get(&d.id).copied().unwrap_or(0)),
        suggestions_led: "领衔建议数", "Suggestions led", int => Some(led.get(&d.id).copied().unwrap_or(0)),
        suggestions_cosigned: "附议建议数", "Suggestions co-signed", int => Some(cosigned.get(&d.id).copied().unwrap_or(0)),
        points: "年度积分", "Points this year", int => points.get(&d.id).copied(),
    }))
}

/// One row per activity held by `as_of`, ordered by id.
pub(super) fn activities(state: &State, as_of: NaiveDate) -> Table {
    let rows = state.activities.values().filter(|a| a.on <= as_of);
    table!(TableName::Activities, as_of, rows, |a| {
        activity: "活动编号", "Activity", text => Some(&a.id),
        congress: "人大", "Congress", cat => Some(&a.congress),
        kind: "活动类型", "Kind", cat => Some(a.kind),
        on: "日期", "Date", date => Some(a.on),
        title: "名称", "Title", text => Some(&a.title),
        participants: "参加代表数", "Deputies taking part", int => Some(a.participants.len()),
        station: "家站", "Home or station", cat => a.station.as_ref(),
        voters_received: "接待选民数", "Voters received", int => Some(a.voters_received),
        opinions_collected: "收集意见数", "Opinions collected", int => Some(a.opinions_collected),
        debrief: "述职范围", "Debrief", cat => a.debrief,
    })
}

/// One row per deputy and congress with a point table (see `points_rows`): the points of the year of `as_of`
/// as they stand ([`Ledger::points`] / [`Ledger::points_as`]).
pub(super) fn points(ledger: &Ledger, reader: Option<&Actor>, as_of: NaiveDate) -> Result<Table> {
    let rows = points_rows(ledger, reader, as_of)?;
    let names = &ledger.state().deputies;
    Ok(table!(TableName::Points, as_of, rows.iter(), |(c, p, r)| {
        congress: "人大", "Congress", cat => Some(c),
        period: "期间", "Period", cat => Some(p),
        deputy: "代表编号", "Deputy", text => Some(&r.deputy),
        name: "姓名", "Name", text => names.get(&r.deputy).map(|d| &d.name),
        points: "积分", "Points", int => Some(r.points),
        activities: "活动次数", "Activities", int => Some(r.activities),
        suggestions_led: "领衔建议数", "Suggestions led", int => Some(r.suggestions_led),
        suggestions_cosigned: "附议建议数", "Suggestions co-signed", int => Some(r.suggestions_cosigned),
        days_in_office: "在任天数", "Days in office", int => Some(r.days_in_office),
    }))
}
