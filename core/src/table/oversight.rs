//! The motions, supervision items and evaluations tables.
//!
//! Statuses are as of the date where the record keeps a dated history (motions, work reports,
//! escalations, work and handling evaluations); the current status otherwise (inspections,
//! normative documents, livelihood projects, supervision topics), for records started by
//! the date.

use super::{status_as_of, table, wire, Table, TableName};
use crate::actor::Actor;
use crate::ids::{CongressId, UnitId};
use crate::state::State;
use chrono::NaiveDate;

/// One row per motion submitted by `as_of`, ordered by id.
pub(super) fn motions(state: &State, as_of: NaiveDate) -> crate::Result<Table> {
    let rows = state.motions.values().filter_map(|m| {
        let status = status_as_of(&m.history, as_of)?;
        Some((m, status))
    });
    Ok(table!(TableName::Motions, as_of, rows, |(m, status)| {
        motion: "议案编号", "Motion", text => Some(&m.id),
        congress: "人大", "Congress", cat => Some(&m.congress),
        session: "会次", "Session", cat => Some(&m.session),
        title: "案由", "Title", text => Some(&m.title),
        sponsor: "提出者", "Sponsor", cat => Some(m.sponsor.by()),
        lead_deputy: "领衔代表", "Lead deputy", text => m.sponsor.lead(),
        deputies: "联名代表数", "Deputies", int => Some(m.sponsor.deputies().count()),
        kind: "类别", "Kind", cat => Some(m.kind),
        topic: "主题", "Topic", cat => m.topic.as_ref(),
        submitted_on: "提出日期", "Submitted on", date => m.history.first().map(|(d, _)| *d),
        status: "状态", "Status", cat => Some(status),
        lead_unit: "主办单位", "Lead unit", cat => m.assignment.as_ref().filter(|a| a.assigned_on <= as_of).map(|a| &a.lead_unit),
        assigned_on: "交办日期", "Assigned on", date => m.assignment.as_ref().map(|a| a.assigned_on).filter(|d| *d <= as_of),
        in_supervision_plan: "列入监督计划", "In the supervision plan", flag => m.assignment.as_ref().filter(|a| a.assigned_on <= as_of).map(|a| a.in_supervision_plan),
        handling_years: "办理年度数", "Handling years", int => Some(m.years.iter().filter(|y| y.started_on <= as_of).count()),
        suggestion: "转为建议", "Handled as suggestion", text => m.suggestion.as_ref(),
        merged_into: "并入议案", "Merged into", text => m.merged_into.as_ref(),
    }))
}

/// A supervision item, whatever its kind.
struct Item<'s> {
    kind: String,
    id: String,
    congress: &'s CongressId,
    year: Option<i64>,
    title: &'s str,
    unit: Option<&'s UnitId>,
    status: String,
    started_on: Option<NaiveDate>,
    due_on: Option<NaiveDate>,
    closed_on: Option<NaiveDate>,
}

/// One row per supervision item started by `as_of`: work reports (W10), inspections (W11),
/// escalations (W23), normative documents filed for review (W12), livelihood projects (W19)
/// and supervision topics (W9), in that order, each by id.
pub(super) fn supervision_items(state: &State, as_of: NaiveDate) -> Table {
    let mut items: Vec<Item> = Vec::new();
    for r in state.work_reports.values() {
        let Some(status) = status_as_of(&r.history, as_of) else {
            continue;
        };
        items.push(Item {
            kind: "work_report".into(),
            id: r.id.to_string(),
            congress: &r.congress,
            year: Some(r.year.into()),
            title: &r.title,
            unit: Some(&r.organ),
            status: wire(&status),
            started_on: r.history.first().map(|(d, _)| *d),
            due_on: None,
            closed_on: r.hearing.as_ref().map(|h| h.on).filter(|d| *d <= as_of),
        });
    }
    for i in state.inspections.values() {
        items.push(Item {
            kind: "inspection".into(),
            id: i.id.to_string(),
            congress: &i.congress,
            year: Some(i.year.into()),
            title: &i.law.title,
            unit: None,
            status: wire(&i.status),
            started_on: None,
            due_on: None,
            closed_on: i.closed_on.filter(|d| *d <= as_of),
        });
    }
    for e in state.escalations.values() {
        let Some(status) = status_as_of(&e.history, as_of) else {
            continue;
        };
        items.push(Item {
            kind: wire(&e.kind()),
            id: e.id.to_string(),
            congress: &e.congress,
            year: None,
            title: &e.subject,
            unit: None,
            status: wire(&status),
            started_on: Some(e.opened_on),
            due_on: None,
            closed_on: e.closed_on.filter(|d| *d <= as_of),
        });
    }
    for d in state
        .normative_documents
        .values()
        .filter(|d| d.filed_on <= as_of)
    {
        items.push(Item {
            kind: "normative_document".into(),
            id: d.id.to_string(),
            congress: &d.congress,
            year: None,
            title: &d.title,
            unit: Some(&d.issuer),
            status: wire(&d.status),
            started_on: Some(d.filed_on),
            due_on: None,
            closed_on: d.closed_on.filter(|d| *d <= as_of),
        });
    }
    for p in state
        .livelihood_projects
        .values()
        .filter(|p| p.proposed_on <= as_of)
    {
        items.push(Item {
            kind: "livelihood_project".into(),
            id: p.id.to_string(),
            congress: &p.congress,
            year: Some(p.year.into()),
            title: &p.title,
            unit: None,
            status: wire(&p.status),
            started_on: Some(p.proposed_on),
            due_on: p.due_on,
            closed_on: p.completed_on.filter(|d| *d <= as_of),
        });
    }
    for t in state
        .supervision_topics
        .values()
        .filter(|t| t.proposed_on <= as_of)
    {
        items.push(Item {
            kind: "supervision_topic".into(),
            id: t.id.to_string(),
            congress: &t.congress,
            year: Some(t.year.into()),
            title: &t.title,
            unit: None,
            status: wire(&t.status),
            started_on: Some(t.proposed_on),
            due_on: None,
            closed_on: None,
        });
    }
    table!(TableName::SupervisionItems, as_of, &items, |i| {
        kind: "类别", "Kind", cat => Some(&i.kind),
        item: "编号", "Item", text => Some(&i.id),
        congress: "人大", "Congress", cat => Some(i.congress),
        year: "年度", "Year", int => i.year,
        title: "名称", "Title", text => Some(i.title),
        unit: "相关单位", "Unit", cat => i.unit,
        status: "状态", "Status", cat => Some(&i.status),
        started_on: "开始日期", "Started on", date => i.started_on,
        due_on: "完成期限", "Due", date => i.due_on,
        closed_on: "完成日期", "Closed on", date => i.closed_on,
        overdue: "逾期", "Overdue", flag => i.due_on.map(|due| due < as_of && i.closed_on.is_none()),
    })
}

/// An evaluation, whatever its kind.
struct Evaluation<'s> {
    kind: &'static str,
    id: String,
    congress: &'s CongressId,
    year: i64,
    unit: Option<&'s UnitId>,
    status: String,
    started_on: Option<NaiveDate>,
    sample: Option<usize>,
    findings: Option<usize>,
    vote: Option<&'s crate::oversight::work_evaluation::SatisfactionVote>,
}

/// One row per evaluation started by `as_of`: department work evaluations (W5) with their
/// satisfaction votes, then third-party evaluations of suggestion handling (W3), each by id.
/// `evaluator`: a third-party evaluator sees only its own handling evaluations.
pub(super) fn evaluations(state: &State, evaluator: Option<&Actor>, as_of: NaiveDate) -> Table {
    let mut items: Vec<Evaluation> = Vec::new();
    for w in state.work_evaluations.values() {
        let Some(status) = status_as_of(&w.history, as_of) else {
            continue;
        };
        items.push(Evaluation {
            kind: "work_evaluation",
            id: w.id.to_string(),
            congress: &w.congress,
            year: w.year.into(),
            unit: Some(&w.department),
            status: wire(&status),
            started_on: w.history.first().map(|(d, _)| *d),
            sample: None,
            findings: None,
            vote: w.vote.as_ref().filter(|v| v.held_on <= as_of),
        });
    }
    for h in state.handling_evaluations.values() {
        if evaluator.is_some_and(|r| h.evaluator.as_ref() != Some(&r.id)) {
            continue;
        }
        let Some(status) = status_as_of(&h.history, as_of) else {
            continue;
        };
        items.push(Evaluation {
            kind: "handling_evaluation",
            id: h.id.to_string(),
            congress: &h.congress,
            year: h.year.into(),
            unit: None,
            status: wire(&status),
            started_on: h.history.first().map(|(d, _)| *d),
            sample: Some(h.sample.len()),
            findings: Some(h.findings.len()),
            vote: None,
        });
    }
    table!(TableName::Evaluations, as_of, &items, |e| {
        kind: "类别", "Kind", cat => Some(e.kind),
        evaluation: "编号", "Evaluation", text => Some(&e.id),
        congress: "人大", "Congress", cat => Some(e.congress),
        year: "年度", "Year", int => Some(e.year),
        unit: "被评议部门", "Department", cat => e.unit,
        status: "状态", "Status", cat => Some(&e.status),
        started_on: "开始日期", "Started on", date => e.started_on,
        sample: "抽样件数", "Sampled suggestions", int => e.sample,
        findings: "评估结论数", "Findings", int => e.findings,
        vote_held_on: "测评日期", "Vote held on", date => e.vote.map(|v| v.held_on),
        members_present: "到会人数", "Members present", int => e.vote.map(|v| v.present),
        dissatisfied_votes: "不满意票", "Dissatisfied votes", int => e.vote.map(|v| v.dissatisfied),
        vote_result: "测评结果", "Vote result", cat => e.vote.map(|v| v.result),
    })
}
