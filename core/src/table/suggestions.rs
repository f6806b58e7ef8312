//! The suggestions and units tables: the figures' per-suggestion facts, row by row, and the
//! figures' unit rows with their scores.

use super::{table, Table, TableName};
use crate::error::Result;
use crate::figures::{FigureFilter, Rate, UnitFigures};
use crate::ledger::Ledger;
use crate::projection::SuggestionFrame;
use crate::state::State;
use crate::unit_score::score_units;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One row per suggestion submitted by `as_of`, ordered by id.
pub(super) fn suggestions(ledger: &Ledger, state: &State, as_of: NaiveDate) -> Result<Table> {
    let frame = SuggestionFrame::build(
        state,
        ledger.rules(),
        ledger.calendar(),
        &FigureFilter::default(),
    )?;
    let rows = (0..frame.len()).filter_map(|i| {
        let facts = frame.facts(i, as_of)?;
        let s = state.suggestions.get(frame.id(i))?;
        let assignment = s.assignment.as_ref().filter(|a| a.assigned_on <= as_of);
        let key = state
            .key_suggestions
            .get(&s.id)
            .and_then(|k| k.designation.as_ref())
            .is_some_and(|d| d.on <= as_of);
        Some((s, facts, assignment, key))
    });
    Ok(
        table!(TableName::Suggestions, as_of, rows, |(s, f, a, key)| {
            suggestion: "建议编号", "Suggestion", text => Some(&s.id),
            congress: "人大", "Congress", cat => Some(&s.congress),
            title: "标题", "Title", text => Some(&s.title),
            lead_deputy: "领衔代表", "Lead deputy", text => Some(&s.lead),
            lead_deputy_name: "领衔代表姓名", "Lead deputy's name", text => state.deputies.get(&s.lead).map(|d| &d.name),
            cosigners: "附议代表数", "Co-signers", int => Some(s.cosigners.len()),
            topic: "主题", "Topic", cat => s.topic.as_ref(),
            during: "提出时间", "Submitted during", cat => Some(s.during),
            submitted_on: "提出日期", "Submitted on", date => Some(s.submitted_on()),
            status: "状态", "Status", cat => Some(f.status),
            accepted: "已受理", "Accepted", flag => Some(f.accepted),
            assigned_on: "交办日期", "Assigned on", date => a.map(|a| a.assigned_on),
            lead_unit: "主办单位", "Lead unit", cat => a.map(|a| &a.lead_unit),
            co_units: "协办单位数", "Co-units", int => a.map(|a| a.co_units.len()),
            due_on: "答复期限", "Reply due", date => f.due,
            replies: "答复次数", "Replies", int => f.handled.then_some(f.replies),
            replied_on: "首次答复日期", "First replied on", date => f.first_reply,
            on_time: "按期答复", "Replied on time", flag => f.first_reply.map(|_| f.on_time),
            result: "办理结果", "Result", cat => f.result,
            in_plan: "列入计划台账", "In the plan ledger", flag => f.handled.then_some(f.plan.is_some()),
            second_replied: "计划台账二次答复", "Plan ledger: second reply", flag => f.plan.map(|p| p.second_replied),
            satisfaction: "领衔代表评价", "Lead deputy's rating", cat => f.rating,
            key: "重点建议", "Key suggestion", flag => Some(key),
            overdue: "逾期", "Overdue", flag => f.handled.then_some(f.overdue_days.is_some()),
            overdue_days: "逾期天数", "Days overdue", int => f.overdue_days,
        }),
    )
}

/// A rate in percent (unrounded), `None` when the denominator is 0.
fn percent(r: &Rate) -> Option<f64> {
    (r.denominator > 0).then(|| r.numerator as f64 * 100.0 / r.denominator as f64)
}

/// One row per registered unit, ordered by id, with its figures as of `as_of` (zero for a
/// unit leading no suggestion assigned by then) and its score and rank when the congresses
/// share one set of scoring rules (else `None`).
pub(super) fn units(ledger: &Ledger, state: &State, as_of: NaiveDate) -> Result<Table> {
    let filter = FigureFilter::default();
    let figures = ledger.figures_over(state, as_of, &filter)?;
    let scores: BTreeMap<_, _> = match ledger.unit_score_rules(as_of, &filter) {
        Ok(rules) => score_units(&figures.units, &rules)
            .into_iter()
            .map(|s| (s.unit.clone(), s))
            .collect(),
        Err(_) => BTreeMap::new(),
    };
    let by_unit: BTreeMap<_, &UnitFigures> = figures.units.iter().map(|u| (&u.unit, u)).collect();
    let rows = state
        .units
        .values()
        .map(|u| (u, by_unit.get(&u.id).copied(), scores.get(&u.id)));
    Ok(table!(TableName::Units, as_of, rows, |(u, f, score)| {
        unit: "单位编号", "Unit", text => Some(&u.id),
        name: "单位名称", "Name", text => Some(&u.name),
        assigned: "交办件数", "Assigned", int => Some(f.map_or(0, |f| f.assigned)),
        replied: "答复件数", "Replied", int => Some(f.map_or(0, |f| f.replied)),
        replied_on_time: "按期答复件数", "Replied on time", int => Some(f.map_or(0, |f| f.replied_on_time)),
        overdue: "逾期件数", "Overdue", int => Some(f.map_or(0, |f| f.overdue)),
        closed: "办结件数", "Closed", int => Some(f.map_or(0, |f| f.closed)),
        result_a: "A类件数", "Result A", int => Some(f.map_or(0, |f| f.results.A)),
        result_b: "B类件数", "Result B", int => Some(f.map_or(0, |f| f.results.B)),
        result_c: "C类件数", "Result C", int => Some(f.map_or(0, |f| f.results.C)),
        result_d: "D类件数", "Result D", int => Some(f.map_or(0, |f| f.results.D)),
        satisfied: "满意", "Satisfied", int => Some(f.map_or(0, |f| f.ratings.satisfied)),
        basically_satisfied: "基本满意", "Basically satisfied", int => Some(f.map_or(0, |f| f.ratings.basically_satisfied)),
        dissatisfied: "不满意", "Dissatisfied", int => Some(f.map_or(0, |f| f.ratings.dissatisfied)),
        reply_rate: "办复率（%）", "Reply rate (%)", real => f.and_then(|f| percent(&f.reply_rate)),
        on_time_rate: "按期办复率（%）", "On-time reply rate (%)", real => f.and_then(|f| percent(&Rate::new(f.replied_on_time, f.assigned))),
        solved_or_progressing_rate: "解决率（%）", "Solved or progressing (%)", real => f.and_then(|f| percent(&f.solved_or_progressing_rate)),
        satisfaction_rate: "满意率（%）", "Satisfaction rate (%)", real => f.and_then(|f| percent(&f.satisfaction_rate)),
        score: "综合得分", "Score", real => score.and_then(|s| s.score.parse::<f64>().ok()),
        rank: "排名", "Rank", int => score.map(|s| s.rank),
    }))
}
