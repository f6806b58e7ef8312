//! A year's suggestions (W1) through vetting, assignment, reply and feedback, with Haidian
//! 2024's outcome mix (S001-13: 203 in session + 3 in recess, 126 of 206 solved or progressing,
//! 61.2%), the key-supervised ones (S001-15: 5, 3 solved and 2 with major progress), the
//! plan ledger (S001-16: entries given a second reply in a later year) and re-handling of
//! unhappy ratings under the rules in force (R-S3; R-S4 from 2025).

use super::meetings::YearCalendar;
use super::rng::{DemoRng, Stream};
use super::roster::Roster;
use super::timeline::Timeline;
use super::{ymd, DemoConfig};
use crate::command::Command;
use crate::error::Result;
use crate::ids::{DeputyId, SuggestionId};
use crate::key_suggestion::KeyOutcome;
use crate::registry::Level;
use crate::rules::RuleBook;
use crate::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use chrono::Days;

/// Short topic labels of the departments of `roster::DEPARTMENTS`, in the same order.
const TOPIC_LABELS: [&str; 16] = [
    "教育",
    "交通",
    "卫生健康",
    "城市建设",
    "民政",
    "生态环境",
    "城市管理",
    "市场监管",
    "文化旅游",
    "财政",
    "人力社保",
    "规划",
    "水务",
    "公共安全",
    "科技",
    "体育",
];

/// `part` of 206 (S001-13's total), scaled to `n`, rounded.
fn of_206(n: u32, part: u32) -> u32 {
    ((u64::from(n) * u64::from(part) + 103) / 206) as u32
}

/// The outcome of the first reply.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    A,
    B,
    /// B, placed in the plan ledger (列入计划).
    BInPlan,
    C,
    D,
}

impl Outcome {
    fn category(self) -> ResultCategory {
        match self {
            Outcome::A => ResultCategory::A,
            Outcome::B | Outcome::BInPlan => ResultCategory::B,
            Outcome::C => ResultCategory::C,
            Outcome::D => ResultCategory::D,
        }
    }

    fn summary(self, year: i32) -> String {
        match self {
            Outcome::A => "问题已解决 / Solved".into(),
            Outcome::B => "正在推进解决 / In progress".into(),
            Outcome::BInPlan => format!(
                "已列入{}年工作计划 / In the {} work plan",
                year + 1,
                year + 1
            ),
            Outcome::C => "受条件限制暂时无法解决 / Not possible for now".into(),
            Outcome::D => "留作参考 / Kept for reference".into(),
        }
    }
}

const C_REASON: &str = "涉及规划调整和资金安排，近期难以实施";

/// The outcomes of `n` suggestions: exactly S001-13's mix, scaled (126/206 A or B; 70 A and
/// 56 B of which 6 in the plan ledger; 52 C and 28 D), shuffled.
fn outcomes(rng: &mut DemoRng, n: u32) -> Vec<Outcome> {
    let ab = of_206(n, 126);
    let a = (ab * 70 + 63) / 126;
    let b = ab - a;
    let in_plan = (b * 6 + 28) / 56;
    let c = ((n - ab) * 52 + 40) / 80;
    let mut v = Vec::with_capacity(n as usize);
    v.extend(std::iter::repeat_n(Outcome::A, a as usize));
    v.extend(std::iter::repeat_n(Outcome::BInPlan, in_plan as usize));
    v.extend(std::iter::repeat_n(Outcome::B, (b - in_plan) as usize));
    v.extend(std::iter::repeat_n(Outcome::C, c as usize));
    v.extend(std::iter::repeat_n(Outcome::D, (n - ab - c) as usize));
    rng.shuffle(&mut v);
    v
}

/// Plans the year's suggestions.
pub(crate) fn generate(
    config: &DemoConfig,
    book: &RuleBook,
    d: &Roster,
    cal: &YearCalendar,
    year: i32,
    tl: &mut Timeline,
) -> Result<()> {
    let mut rng = DemoRng::new(config.seed, d.k, year, Stream::Suggestions);
    let a = &d.actors;
    let n = config.suggestions_per_year;
    let recess = config.recess_suggestions_per_year;
    let mix = outcomes(&mut rng, n);
    // Key suggestions (S001-15): among session suggestions, 3 in 5 solved, the rest with
    // major progress; chosen from the first replies that fit.
    let keys = config.key_suggestions_per_year as usize;
    let solved_keys = (keys * 3).div_ceil(5);
    let mut key_for: Vec<Option<KeyOutcome>> = vec![None; n as usize];
    let (mut solved_left, mut progress_left) = (solved_keys, keys - solved_keys);
    for (i, o) in mix.iter().enumerate().take((n - recess) as usize) {
        if *o == Outcome::A && solved_left > 0 {
            key_for[i] = Some(KeyOutcome::Solved);
            solved_left -= 1;
        } else if *o == Outcome::B && progress_left > 0 {
            key_for[i] = Some(KeyOutcome::MajorProgress);
            progress_left -= 1;
        }
    }
    // The assignment meeting (交办会) for the session's suggestions.
    let handover = cal.session_closes + Days::new(14);
    let key_outcome_meeting = cal.directors_on_or_after(ymd(year, 11, 20)).clone();
    let units = &d.departments;
    for (k, outcome) in mix.into_iter().enumerate() {
        let id = SuggestionId::new(format!("{}S{year}-{:03}", d.prefix, k + 1))?;
        let in_recess = k as u32 >= n - recess;
        let u = rng.weighted(&d.department_weights);
        let (unit, _, topics) = &units[u];
        let unit_actor = Roster::unit_actor(unit)?;
        let lead_i = *rng.pick(&d.stayers);
        let lead = &d.deputies[lead_i];
        let mut cosigning: Vec<usize> = Vec::new();
        let want = *rng.pick(&[0usize, 0, 1, 2, 3, 5]);
        while cosigning.len() < want {
            let c = *rng.pick(&d.stayers);
            if c != lead_i && !cosigning.contains(&c) {
                cosigning.push(c);
            }
        }
        let cosigners: Vec<DeputyId> = cosigning
            .iter()
            .map(|&c| d.deputies[c].id.clone())
            .collect();
        let submitted = if in_recess {
            ymd(year, *rng.pick(&[4, 6, 9]), rng.range(3, 25) as u32)
        } else {
            cal.session_opens + Days::new(rng.range(0, 3) as u64)
        };
        let title = format!("关于{}的建议", rng.pick(topics));
        tl.push(
            submitted,
            10,
            &lead.actor,
            Command::SubmitSuggestion {
                suggestion: id.clone(),
                congress: d.congress.clone(),
                title: title.clone(),
                lead: lead.id.clone(),
                cosigners: cosigners.clone(),
                during: if in_recess {
                    SubmissionPeriod::Recess
                } else {
                    SubmissionPeriod::Session
                },
                topic: Some(TOPIC_LABELS.get(u).copied().unwrap_or("其他").into()),
            },
        );
        let mut vetted = submitted + Days::new(rng.range(3, 8) as u64);
        if rng.chance(40) {
            tl.push(
                submitted + Days::new(2),
                11,
                &a.office,
                Command::ReturnSuggestion {
                    suggestion: id.clone(),
                    reason: "请补充具体问题和对策 / Please state the problem and the measures"
                        .into(),
                },
            );
            tl.push(
                submitted + Days::new(3),
                9,
                &lead.actor,
                Command::ReviseSuggestion {
                    suggestion: id.clone(),
                    title: title.replace("的建议", "的具体建议"),
                },
            );
            vetted = vetted.max(submitted + Days::new(4));
        }
        tl.push(
            vetted,
            11,
            &a.office,
            Command::AcceptSuggestion {
                suggestion: id.clone(),
            },
        );
        let key = key_for[k];
        if key.is_some() {
            tl.push(
                vetted + Days::new(1),
                14,
                &a.street,
                Command::RecommendKeySuggestion {
                    suggestion: id.clone(),
                    reason: "群众关注度高，涉及面广 / Of wide public concern".into(),
                },
            );
            tl.push(
                vetted + Days::new(2),
                15,
                &a.standing_committee,
                Command::DesignateKeySuggestion {
                    suggestion: id.clone(),
                    leader: "区人大常委会主任 / Director of the standing committee".into(),
                },
            );
        }
        let assigned = if in_recess {
            vetted + Days::new(rng.range(5, 15) as u64)
        } else {
            handover
        };
        let co_units = if rng.chance(300) {
            let mut c = rng.index(units.len());
            if c == u {
                c = (c + 1) % units.len();
            }
            vec![units[c].0.clone()]
        } else {
            Vec::new()
        };
        tl.push(
            assigned,
            14,
            &a.office,
            Command::AssignSuggestion {
                suggestion: id.clone(),
                lead_unit: unit.clone(),
                co_units: co_units.clone(),
            },
        );
        for c in &co_units {
            tl.push(
                assigned + Days::new(rng.range(10, 40) as u64),
                9,
                &Roster::unit_actor(c)?,
                Command::SubmitCoUnitOpinion {
                    suggestion: id.clone(),
                    opinion: "协办意见已送主办单位 / Co-unit opinion sent".into(),
                },
            );
        }
        let extended = rng.chance(50);
        if extended {
            tl.push(
                assigned + Days::new(30),
                15,
                &a.office,
                Command::ExtendReplyDeadline {
                    suggestion: id.clone(),
                    reason: "涉及面广、处理难度大 / Wide-ranging and complex".into(),
                },
            );
        }
        let late = !extended && rng.chance(60);
        let after = if extended {
            rng.range(95, 170)
        } else if late {
            rng.range(100, 130)
        } else {
            rng.range(45, 88)
        };
        let replied = assigned + Days::new(after as u64);
        let category = outcome.category();
        let reason = (category == ResultCategory::C).then(|| C_REASON.to_string());
        tl.push(
            replied,
            16,
            &unit_actor,
            Command::ReplySuggestion {
                suggestion: id.clone(),
                result: category,
                in_plan: outcome == Outcome::BInPlan,
                summary: outcome.summary(year),
                reason: reason.clone(),
            },
        );
        let rated = replied + Days::new(rng.range(5, 20) as u64);
        let rating = match rng.below(100) {
            0..=79 => Satisfaction::Satisfied,
            80..=94 => Satisfaction::BasicallySatisfied,
            _ => Satisfaction::Dissatisfied,
        };
        for &c in &cosigning {
            if rng.chance(300) {
                tl.push(
                    rated,
                    9,
                    &d.deputies[c].actor,
                    Command::GiveFeedback {
                        suggestion: id.clone(),
                        rating: Satisfaction::Satisfied,
                        comment: None,
                    },
                );
            }
        }
        tl.push(
            rated,
            10,
            &lead.actor,
            Command::GiveFeedback {
                suggestion: id.clone(),
                rating,
                comment: (rating == Satisfaction::Dissatisfied)
                    .then(|| "答复未解决实际问题 / The reply does not solve the problem".into()),
            },
        );
        let rules = &book.in_force(Level::County, rated)?.suggestion;
        let unhappy = rating == Satisfaction::Dissatisfied
            || (rating == Satisfaction::BasicallySatisfied && rules.rehandle_on_basic_satisfied);
        if unhappy && rules.max_rehandling_rounds > 0 {
            // R-S3 / R-S4: re-handled and answered again within the deadline, then closed.
            let again = rated + Days::new(rng.range(20, 45) as u64);
            tl.push(
                again,
                16,
                &unit_actor,
                Command::ReplySuggestion {
                    suggestion: id.clone(),
                    result: category,
                    in_plan: false,
                    summary: "复查补办后再次答复 / Answered again after re-handling".into(),
                    reason,
                },
            );
            tl.push(
                again + Days::new(7),
                10,
                &lead.actor,
                Command::GiveFeedback {
                    suggestion: id.clone(),
                    rating: Satisfaction::Satisfied,
                    comment: None,
                },
            );
        } else if outcome == Outcome::BInPlan {
            // R-S5: the plan ledger's second reply, in a later year (S001-16: 13 of 29 solved).
            let draw = rng.below(100);
            if draw < 85 {
                let second = ymd(year + 1, rng.range(3, 11) as u32, rng.range(1, 28) as u32);
                let solved = draw < 60;
                tl.push(
                    second,
                    16,
                    &unit_actor,
                    Command::ReplySuggestion {
                        suggestion: id.clone(),
                        result: if solved {
                            ResultCategory::A
                        } else {
                            ResultCategory::B
                        },
                        in_plan: false,
                        summary: if solved {
                            "列入计划事项已完成 / The planned work is done".into()
                        } else {
                            "列入计划事项正在推进 / The planned work is under way".into()
                        },
                        reason: None,
                    },
                );
                tl.push(
                    second + Days::new(10),
                    10,
                    &lead.actor,
                    Command::GiveFeedback {
                        suggestion: id.clone(),
                        rating: Satisfaction::Satisfied,
                        comment: None,
                    },
                );
            }
        }
        if let Some(outcome) = key {
            tl.push(
                key_outcome_meeting.1.max(rated + Days::new(1)),
                15,
                &a.directors,
                Command::RecordKeyOutcome {
                    suggestion: id.clone(),
                    outcome,
                },
            );
        }
    }
    tl.push(
        ymd(year, 12, 20),
        16,
        &a.office,
        Command::PublishResults {
            congress: d.congress.clone(),
        },
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_mix_is_s001_13_for_206() {
        let mut rng = DemoRng::new(1, 0, 2024, Stream::Suggestions);
        let v = outcomes(&mut rng, 206);
        let count = |o| v.iter().filter(|x| **x == o).count();
        assert_eq!(v.len(), 206);
        assert_eq!(
            count(Outcome::A) + count(Outcome::B) + count(Outcome::BInPlan),
            126
        );
        assert_eq!(count(Outcome::BInPlan), 6);
    }
}
