//! Builds an [`AnnualReport`] from the ledger's queries.

use super::{
    AnnualReport, BudgetReviewSummary, CheckedFigure, DeputySection, EvaluationLine,
    EvaluationSection, FilingSummary, KeySummary, KindLine, LivelihoodSummary, MotionSummary,
    Overview, PlanSummary, ReportRequest, SuggestionSection, SupervisionSection, UnitLine,
};
use crate::activity::ActivityKind;
use crate::composition::CheckStatus;
use crate::deputy::DeputyStatus;
use crate::error::{RendaError, Result};
use crate::figures::FigureFilter;
use crate::ids::CongressId;
use crate::ledger::Ledger;
use crate::oversight::escalation::EscalationKind;
use chrono::{Datelike, NaiveDate};

pub(super) fn build(ledger: &Ledger, request: &ReportRequest) -> Result<AnnualReport> {
    let (from, to) = request.period()?;
    let congress = &request.congress;
    let c = ledger.state().congress(congress, "congress")?;
    let office = request
        .office
        .iter()
        .enumerate()
        .map(|(i, f)| {
            crate::stats::check(&f.figure)
                .map(|check| CheckedFigure {
                    figure: f.clone(),
                    check,
                })
                .map_err(|e| at_office(i, e))
        })
        .collect::<Result<Vec<_>>>()?;
    let years: Vec<i32> = (from.year()..=to.year()).collect();
    Ok(AnnualReport {
        congress: congress.clone(),
        congress_name: c.name.clone(),
        from,
        to,
        overview: overview(ledger, congress, from, to)?,
        suggestions: suggestions(ledger, congress, from, to)?,
        deputies: deputies(ledger, congress, from, to)?,
        supervision: supervision(ledger, congress, &years)?,
        evaluations: evaluations(ledger, congress, &years, to)?,
        office,
    })
}

/// Puts an office figure's error under `report.office[i]`.
fn at_office(i: usize, e: RendaError) -> RendaError {
    match e {
        RendaError::InvalidField {
            field,
            value,
            reason,
        } => RendaError::InvalidField {
            field: format!("report.office[{i}].figure.{field}"),
            value,
            reason,
        },
        other => other,
    }
}

/// The year, when `from`…`to` is one whole calendar year.
pub(super) fn whole_year(from: NaiveDate, to: NaiveDate) -> Option<i32> {
    (from.ordinal() == 1 && to.year() == from.year() && to.month() == 12 && to.day() == 31)
        .then_some(from.year())
}

fn overview(
    ledger: &Ledger,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Overview> {
    let o = ledger.oversight_figures(congress, from, to)?;
    let meets_l5 = match whole_year(from, to) {
        Some(y) => {
            let mc = ledger.meeting_compliance(congress, y)?;
            let l5: Vec<_> = mc.findings.iter().filter(|f| f.rule == "L-5").collect();
            if l5.iter().any(|f| f.status == CheckStatus::NotCheckable) || l5.is_empty() {
                None
            } else {
                Some(l5.iter().all(|f| f.status == CheckStatus::Holds))
            }
        }
        None => None,
    };
    Ok(Overview {
        congress_sessions: o.congress_sessions,
        standing_committee_meetings: o.standing_committee_meetings,
        director_meetings: o.director_meetings,
        outputs: o.outputs,
        by_elections: o.by_elections,
        appointments_and_removals: o.appointments_and_removals,
        ballots: o.ballots,
        ballots_adopted: o.ballots_adopted,
        meets_l5,
    })
}

fn suggestions(
    ledger: &Ledger,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<SuggestionSection> {
    let filter = FigureFilter {
        congress: Some(congress.clone()),
        submitted_from: Some(from),
        submitted_to: Some(to),
    };
    let f = ledger.figures_for(to, &filter)?;
    let plan = ledger.plan_ledger(congress, to)?;
    let m = ledger.motion_figures(congress, to)?;
    let names = &ledger.state().units;
    let mut units: Vec<UnitLine> = f
        .units
        .iter()
        .map(|u| UnitLine {
            unit: u.unit.clone(),
            name: names
                .get(&u.unit)
                .map_or_else(|| u.unit.to_string(), |n| n.name.clone()),
            figures: u.clone(),
        })
        .collect();
    units.sort_by(|a, b| {
        b.figures
            .assigned
            .cmp(&a.figures.assigned)
            .then_with(|| a.unit.cmp(&b.unit))
    });
    let c = &f.counts;
    Ok(SuggestionSection {
        submitted: c.submitted,
        during_session: c.during_session,
        during_recess: c.during_recess,
        assigned: c.assigned,
        replied: c.replied,
        reply_rate: f.reply_rate.clone(),
        on_time_reply_rate: f.on_time_reply_rate.clone(),
        solved_or_progressing_rate: f.solved_or_progressing_rate.clone(),
        satisfaction_rate: f.satisfaction_rate.clone(),
        results: f.results.clone(),
        ratings: f.ratings.clone(),
        overdue: c.overdue,
        // S001-15 counts the year's key-supervised suggestions: those submitted in the period.
        key: {
            let k =
                ledger.key_figures_of(congress, to, |s| (from..=to).contains(&s.submitted_on()))?;
            KeySummary {
                designated: k.designated,
                solved: k.outcomes.solved,
                major_progress: k.outcomes.major_progress,
                progressing: k.outcomes.progressing,
            }
        },
        plan_ledger: PlanSummary {
            entered: plan.total.entered,
            solved: plan.total.solved,
            progressing: plan.total.progressing,
        },
        units,
        motions: MotionSummary {
            submitted: m.submitted,
            items: m.items,
            handled_as_suggestions: m.handled_as_suggestions,
            completed: m.completed,
            deputy_person_times: m.deputy_person_times,
        },
    })
}

fn deputies(
    ledger: &Ledger,
    congress: &CongressId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<DeputySection> {
    let st = ledger.state();
    let c = st.congress(congress, "congress")?;
    let in_office = st
        .deputies
        .values()
        .filter(|d| &d.congress == congress && d.status_on(c, to) == DeputyStatus::InOffice)
        .count() as u32;
    let mut by_kind: Vec<KindLine> = ActivityKind::ALL
        .iter()
        .map(|&kind| KindLine {
            kind,
            activities: 0,
            person_times: 0,
        })
        .collect();
    let (mut activities, mut station_person_times, mut attendance) = (0u32, 0u32, 0u32);
    let (mut voters, mut opinions) = (0u64, 0u64);
    for a in st
        .activities
        .values()
        .filter(|a| &a.congress == congress && a.on >= from && a.on <= to)
    {
        let n = a.participants.len() as u32;
        activities += 1;
        if let Some(line) = by_kind.iter_mut().find(|l| l.kind == a.kind) {
            line.activities += 1;
            line.person_times += n;
        }
        if a.station.is_some()
            || matches!(a.kind, ActivityKind::HomeVisit | ActivityKind::StationVisit)
        {
            station_person_times += n;
        }
        if a.kind == ActivityKind::CommitteeMeetingAttendance {
            attendance += n;
        }
        voters += u64::from(a.voters_received);
        opinions += u64::from(a.opinions_collected);
    }
    by_kind.retain(|l| l.activities > 0);
    let participation = if in_office > 0 {
        Some(ledger.participation(congress, from, to, 1)?)
    } else {
        None
    };
    let voter_issues = st
        .voter_issues
        .values()
        .filter(|v| &v.congress == congress && v.received_on >= from && v.received_on <= to)
        .count() as u32;
    Ok(DeputySection {
        in_office,
        activities,
        by_kind,
        participation,
        stations: st
            .stations
            .values()
            .filter(|s| &s.congress == congress)
            .count() as u32,
        station_person_times,
        voters_received: voters,
        opinions_collected: opinions,
        committee_attendance_person_times: attendance,
        voter_issues,
    })
}

fn supervision(
    ledger: &Ledger,
    congress: &CongressId,
    years: &[i32],
) -> Result<SupervisionSection> {
    let mut livelihood = LivelihoodSummary {
        approved: 0,
        monitored: 0,
        completed_on_time: 0,
        completed_late: 0,
        open: 0,
    };
    let mut key_budget_review: Option<BudgetReviewSummary> = None;
    let (mut paired, mut pre_reviewed) = (0u32, 0u32);
    let mut inspections = Vec::new();
    let mut filing = FilingSummary {
        filed: 0,
        late: 0,
        reviewed: 0,
        issues: 0,
        corrected: 0,
        revoked: 0,
    };
    let mut escalations: Vec<(EscalationKind, u32)> =
        EscalationKind::ALL.iter().map(|&k| (k, 0)).collect();
    for &y in years {
        let yu = u32::try_from(y).unwrap_or_default();
        let l = ledger.livelihood_projects(congress, yu)?;
        livelihood.approved += l.approved;
        livelihood.monitored += l.monitored;
        livelihood.completed_on_time += l.completed_on_time;
        livelihood.completed_late += l.completed_late;
        livelihood.open += l.open;
        if let Ok(k) = ledger.key_budget_review(congress, y) {
            let s = key_budget_review.get_or_insert(BudgetReviewSummary {
                departments: 0,
                amount_reviewed: 0,
                projects_adjusted: 0,
                amount_adjusted: 0,
                adjusted_percent: None,
            });
            s.departments += k.department_count;
            s.amount_reviewed += k.review.amount_reviewed;
            s.projects_adjusted += k.review.projects_adjusted;
            s.amount_adjusted += k.review.amount_adjusted;
        }
        let cov = ledger.budget_pre_review_coverage(congress, y)?;
        paired += cov.paired;
        pre_reviewed += cov.pre_reviewed;
        for i in ledger.inspections(congress, yu)? {
            inspections.push((i.law, i.issues, i.issues_rectified));
        }
        let f = ledger.filing_review(congress, y)?;
        filing.filed += f.filed;
        filing.late += f.late_filings;
        filing.reviewed += f.reviewed;
        filing.issues += f.issues;
        filing.corrected += f.corrected_voluntarily + f.corrected_after_opinion;
        filing.revoked += f.revoked;
        for e in ledger.escalations(congress, y)? {
            if let Some(slot) = escalations.iter_mut().find(|(k, _)| *k == e.kind) {
                slot.1 += 1;
            }
        }
    }
    if let Some(s) = key_budget_review.as_mut() {
        s.adjusted_percent = crate::figures::percent_text(s.amount_adjusted, s.amount_reviewed, 2);
    }
    escalations.retain(|(_, n)| *n > 0);
    Ok(SupervisionSection {
        livelihood,
        key_budget_review,
        budget_pre_review: (paired > 0).then(|| {
            (
                pre_reviewed,
                paired,
                crate::figures::percent_text(u64::from(pre_reviewed), u64::from(paired), 1),
            )
        }),
        inspections,
        filing,
        escalations,
    })
}

fn evaluations(
    ledger: &Ledger,
    congress: &CongressId,
    years: &[i32],
    to: NaiveDate,
) -> Result<EvaluationSection> {
    let st = ledger.state();
    let mut work_evaluations = Vec::new();
    let mut person_times = 0u32;
    for &y in years {
        for e in ledger.work_evaluations(congress, y)? {
            person_times += e.deputy_person_times;
            work_evaluations.push(EvaluationLine {
                department: st
                    .units
                    .get(&e.department)
                    .map_or_else(|| e.department.to_string(), |u| u.name.clone()),
                status: e.status,
                vote: e.vote_result,
            });
        }
        let yu = u32::try_from(y).unwrap_or_default();
        for p in st
            .livelihood_projects
            .values()
            .filter(|p| &p.congress == congress && p.year == yu)
        {
            person_times += p
                .visits
                .iter()
                .map(|v| v.deputies.len() as u32)
                .sum::<u32>();
        }
    }
    let coverage = ledger
        .evaluation_coverage(congress, to)
        .ok()
        .filter(|c| c.scope > 0)
        .map(|c| (c.covered, c.scope, c.percent));
    let handling_evaluations = ledger
        .evaluations()
        .iter()
        .filter(|e| &e.congress == congress && years.contains(&e.year))
        .count() as u32;
    Ok(EvaluationSection {
        work_evaluations,
        deputy_person_times: person_times,
        coverage,
        handling_evaluations,
    })
}
