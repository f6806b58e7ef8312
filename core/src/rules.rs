//! Rule sets: every threshold, deadline and policy flag, versioned and scoped to a
//! jurisdiction and level, with the legal basis of each.
//!
//! Two presets ship with renda: [`RuleSet::national`] (national law: 代表法 Art. 29 for the
//! reply deadline, L-1) and [`RuleSet::beijing_district`] (a Beijing district as Haidian runs
//! it from 2025, which also re-handles "basically satisfied" suggestions, R-S4). Any rule set
//! loads from JSON, and a preset can be overridden field by field with a JSON merge patch.

use crate::calendar::{Duration, DurationUnit};
use crate::error::{RendaError, Result};
use crate::ids::RuleSetId;
use crate::registry::Level;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who a rule set applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// Name of the place, e.g. "全国" or "北京市海淀区".
    pub name: String,
    /// The congress level it applies to; `None` means every level.
    pub level: Option<Level>,
}

/// Who may rate a reply (satisfied / basically satisfied / dissatisfied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackFrom {
    /// Only the lead deputy (领衔代表).
    LeadDeputy,
    /// The lead deputy and every co-signer (附议代表); the lead deputy's rating decides.
    AllProposers,
}

/// Until when a deputy may withdraw a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WithdrawUntil {
    /// Only before it is assigned (交办) to a handling unit (domain §6.2).
    BeforeAssignment,
    /// Until the handling unit replies.
    BeforeReply,
}

/// The rules of the suggestion lifecycle (W1; R-S1…R-S16, L-1, L-25).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionRules {
    /// Reply due this long after assignment (L-1, R-S1: 3 months).
    pub reply_deadline: Duration,
    /// Reply due this long after assignment once extended (L-1: 6 months for complex items).
    pub extended_reply_deadline: Duration,
    /// How many extensions a suggestion may get (L-1: once).
    pub max_extensions: u32,
    /// A re-handled suggestion's second reply is due this long after re-handling starts (R-S3).
    pub rehandle_deadline: Duration,
    /// How many rounds of re-handling a suggestion may get before a further "dissatisfied"
    /// closes it as dissatisfied (R-S3).
    pub max_rehandling_rounds: u32,
    /// Whether "basically satisfied" also triggers re-handling (R-S4, Haidian 2025).
    pub rehandle_on_basic_satisfied: bool,
    /// Who may rate the reply.
    pub feedback_from: FeedbackFrom,
    /// Until when the proposer may withdraw.
    pub withdraw_until: WithdrawUntil,
    /// Whether the lead unit may reply only after every co-unit has sent its opinion (W1 step 8).
    pub reply_requires_co_unit_opinions: bool,
    /// A reply of category C (cannot be solved now) must state the reason (L-25).
    pub reason_required_for_c: bool,
    /// Most co-signers on one suggestion (`None`: no limit).
    pub max_cosigners: Option<u32>,
    /// Longest title, in characters.
    pub max_title_chars: u32,
    /// Back-to-back (背靠背) rating: deputies' ratings stay hidden from handling units and
    /// government staff until the results are published (domain §6 visibility rules, [004]).
    /// Absent in a spec: `false`.
    #[serde(default)]
    pub back_to_back_feedback: bool,
}

/// A versioned, jurisdiction-scoped rule set.
///
/// ```
/// use renda::rules::RuleSet;
/// let national = RuleSet::national();
/// assert_eq!(national.suggestion.reply_deadline.amount, 3);
/// let json = serde_json::to_string(&national).unwrap();
/// assert_eq!(RuleSet::from_json(&json).unwrap(), national);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Identifier, e.g. `national`.
    pub id: RuleSetId,
    /// Version number; a change in force creates a new version, never an edit.
    pub version: u32,
    /// Title, Chinese and English.
    pub title: String,
    /// Where and at which level it applies.
    pub jurisdiction: Jurisdiction,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force, inclusive (`None`: open-ended).
    pub effective_to: Option<NaiveDate>,
    /// The laws and local rules it encodes.
    pub legal_basis: Vec<String>,
    /// The suggestion lifecycle rules.
    pub suggestion: SuggestionRules,
    /// Deputy quotas, standing-committee size and renewal, absences (L-6, L-7, L-11, R-O1).
    /// Absent in a spec: the national values.
    #[serde(default)]
    pub deputy: crate::deputy::DeputyRules,
    /// Tiers of homes and stations and the duties tied to them (§1.5, R-D1). Absent: none.
    #[serde(default)]
    pub stations: crate::station::StationRules,
    /// The performance-point table (W6, R-D2). Absent: points are not kept.
    #[serde(default)]
    pub points: Option<crate::points::PointRules>,
    /// The motion rules (L-2, R-P2, R-P3, R-P5, R-P7). Absent in a spec: the national values.
    #[serde(default)]
    pub motion: crate::motion::MotionRules,
    /// The key-suggestion rules (W2, R-S7). Absent in a spec: the defaults
    /// ([`crate::key_suggestion::KeyRules`]).
    #[serde(default)]
    pub key: crate::key_suggestion::KeyRules,
    /// How handling units are scored (issue 4 item 7, R-S6). Absent: the defaults
    /// ([`crate::unit_score::UnitScoreRules`]).
    #[serde(default)]
    pub unit_score: crate::unit_score::UnitScoreRules,
    /// The rules of meetings, supervision items and evaluations (issue 5). Absent in a spec:
    /// the national values ([`crate::oversight::OversightRules`]).
    #[serde(default)]
    pub oversight: crate::oversight::OversightRules,
}

const fn months(amount: u32) -> Duration {
    Duration {
        amount,
        unit: DurationUnit::CalendarMonths,
    }
}

impl RuleSet {
    /// National-law default: 3-month reply, once extendable to 6 (L-1), one re-handling round
    /// for "dissatisfied" (R-S3), feedback from every proposer with the lead deciding.
    pub fn national() -> Self {
        Self {
            id: RuleSetId::new("national").expect("valid id"),
            version: 1,
            title: "全国默认规则（代表法） / National default (Deputies Law)".into(),
            jurisdiction: Jurisdiction {
                name: "全国 / National".into(),
                level: None,
            },
            effective_from: NaiveDate::from_ymd_opt(2010, 10, 28).expect("valid date"),
            effective_to: None,
            legal_basis: vec![
                "代表法 第29条 (2010/2015): 建议自交办之日起三个月内答复，涉及面广、处理难度大的六个月内答复 (L-1)".into(),
                "办理结果分类 A/B/C/D (L-25, 全国人大常委会办公厅实践)".into(),
            ],
            suggestion: SuggestionRules {
                reply_deadline: months(3),
                extended_reply_deadline: months(6),
                max_extensions: 1,
                rehandle_deadline: months(3),
                max_rehandling_rounds: 1,
                rehandle_on_basic_satisfied: false,
                feedback_from: FeedbackFrom::AllProposers,
                withdraw_until: WithdrawUntil::BeforeAssignment,
                reply_requires_co_unit_opinions: true,
                reason_required_for_c: true,
                max_cosigners: None,
                max_title_chars: 200,
                back_to_back_feedback: false,
            },
            deputy: Default::default(),
            stations: Default::default(),
            points: None,
            motion: crate::motion::MotionRules::national(),
            key: Default::default(),
            unit_score: Default::default(),
            oversight: Default::default(),
        }
    }

    /// Beijing district preset (as Haidian from 2025): the national rules plus re-handling of
    /// "basically satisfied" suggestions (R-S4, seed 001) and a 2-month re-handling deadline.
    pub fn beijing_district() -> Self {
        let mut r = Self::national();
        r.id = RuleSetId::new("beijing-district").expect("valid id");
        r.title = "北京市区级人大（海淀2025） / Beijing district (Haidian 2025)".into();
        r.jurisdiction = Jurisdiction {
            name: "北京市 区级 / Beijing, district level".into(),
            level: Some(Level::County),
        };
        r.effective_from = NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date");
        r.legal_basis
            .push("北京市人民代表大会代表建议、批评和意见办理条例 (local; verify)".into());
        r.legal_basis.push(
            "海淀区人大常委会2025年工作思路：推动代表反馈‘不满意’和‘基本满意’的建议办理 (R-S4)"
                .into(),
        );
        r.suggestion.rehandle_on_basic_satisfied = true;
        r.oversight.meetings = crate::oversight::meeting::MeetingRules::beijing_district();
        r.legal_basis.push(
            "北京市人大常委会议事规则：报告时间不超过20/15/10分钟 (R-M1…R-M3); 第一议题 (R-M9); 每次常委会会议邀请2至3名代表列席 (R-M8, 延庆)".into(),
        );
        r.legal_basis.push(
            "石景山区人大常委会：每半年听取政府债务情况报告 (R-B5); 审查决算时附绩效评价报告 (R-B7)".into(),
        );
        r.oversight.reports = crate::oversight::work_report::ReportRules::beijing_district();
        r.oversight.budget = crate::oversight::budget::BudgetRules::haidian();
        r.suggestion.rehandle_deadline = months(2);
        r.legal_basis.push(
            "海淀区人大常委会2024年工作报告：落实‘月进站、季回家、年述职’工作要求 (R-D1); 实行履职公示制度 (W6; point values illustrative, the seeds give none)".into(),
        );
        r.stations = crate::station::StationRules::haidian();
        r.points = Some(crate::points::PointRules::illustrative());
        r.legal_basis.push(
            "海淀区人大常委会2024年工作报告：首次将议案办理情况报告提交区人民代表大会会议审议 (R-P5); 督办一年、跟踪督办两年 (R-P2)".into(),
        );
        r.motion.report_to_congress = true;
        r
    }

    /// A preset by name: `national` or `beijing-district`.
    ///
    /// ```
    /// assert!(renda::rules::RuleSet::preset("beijing-district").is_ok());
    /// assert_eq!(renda::rules::RuleSet::preset("mars").unwrap_err().code(), "invalid_rule_set");
    /// ```
    pub fn preset(name: &str) -> Result<Self> {
        match name {
            "national" => Ok(Self::national()),
            "beijing-district" => Ok(Self::beijing_district()),
            other => Err(RendaError::InvalidRuleSet {
                field: "preset".into(),
                reason: format!(
                    "unknown preset `{}`; known presets are `national` and `beijing-district`",
                    crate::ids::truncate(other)
                ),
            }),
        }
    }

    /// Loads a complete rule set from JSON and validates it.
    pub fn from_json(json: &str) -> Result<Self> {
        let value: serde_json::Value = crate::wire::parse_json(json)?;
        Self::from_value(value)
    }

    /// Builds a rule set from a JSON value and validates it.
    pub fn from_value(value: serde_json::Value) -> Result<Self> {
        let rules: RuleSet =
            crate::wire::from_value_at(value, "rules").map_err(|e| RendaError::InvalidRuleSet {
                field: e.field().unwrap_or("rules").to_string(),
                reason: e.to_string(),
            })?;
        rules.validate()?;
        Ok(rules)
    }

    /// This rule set with a JSON merge patch (RFC 7386) applied: objects merge, other values
    /// replace, `null` removes an optional value. Unknown fields are rejected.
    ///
    /// ```
    /// use renda::rules::RuleSet;
    /// let r = RuleSet::national()
    ///     .with_overrides(&serde_json::json!({"suggestion": {"rehandle_on_basic_satisfied": true}}))
    ///     .unwrap();
    /// assert!(r.suggestion.rehandle_on_basic_satisfied);
    /// let bad = RuleSet::national().with_overrides(&serde_json::json!({"suggestion": {"color": 1}}));
    /// assert_eq!(bad.unwrap_err().code(), "invalid_rule_set");
    /// ```
    pub fn with_overrides(&self, patch: &serde_json::Value) -> Result<Self> {
        let mut base = serde_json::to_value(self).expect("rule sets serialise");
        merge_patch(&mut base, patch);
        Self::from_value(base)
    }

    /// Checks internal consistency.
    pub fn validate(&self) -> Result<()> {
        let s = &self.suggestion;
        let bad = |field: &str, reason: &str| {
            Err(RendaError::InvalidRuleSet {
                field: field.to_string(),
                reason: reason.to_string(),
            })
        };
        if let Some(to) = self.effective_to {
            if to < self.effective_from {
                return bad("effective_to", "must not be before effective_from");
            }
        }
        for (field, d) in [
            ("suggestion.reply_deadline", s.reply_deadline),
            (
                "suggestion.extended_reply_deadline",
                s.extended_reply_deadline,
            ),
            ("suggestion.rehandle_deadline", s.rehandle_deadline),
        ] {
            if d.amount == 0 {
                return bad(field, "must be longer than zero");
            }
        }
        if s.extended_reply_deadline.unit == s.reply_deadline.unit
            && s.extended_reply_deadline.amount < s.reply_deadline.amount
        {
            return bad(
                "suggestion.extended_reply_deadline",
                "must not be shorter than reply_deadline",
            );
        }
        if s.max_title_chars == 0 {
            return bad("suggestion.max_title_chars", "must be at least 1");
        }
        let d = &self.deputy;
        if d.quota.values().any(|q| q.per_people == 0) {
            return bad("deputy.quota.per_people", "must be at least 1");
        }
        if d.committee_size
            .values()
            .any(|c| c.min > c.max || c.max > c.max_large)
        {
            return bad("deputy.committee_size", "needs min <= max <= max_large");
        }
        if d.two_term_share.1 == 0 || d.two_term_share.0 > d.two_term_share.1 {
            return bad(
                "deputy.two_term_share",
                "must be a fraction between 0 and 1",
            );
        }
        if d.unexcused_absence_limit == 0 {
            return bad("deputy.unexcused_absence_limit", "must be at least 1");
        }
        let st = &self.stations;
        for (i, t) in st.tiers.iter().enumerate() {
            if st.tiers[..i].iter().any(|u| u.id == t.id) {
                return bad("stations.tiers", "tier ids must be unique");
            }
        }
        for duty in &st.duties {
            if duty.at_least == 0 {
                return bad("stations.duties.at_least", "must be at least 1");
            }
            if let Some(t) = &duty.tier {
                if st.tier(t).is_none() {
                    return bad("stations.duties.tier", "must be one of stations.tiers");
                }
            }
        }
        Ok(())
    }

    /// Whether this rule set is in force at `level` on `date`.
    pub fn applies(&self, level: Level, date: NaiveDate) -> bool {
        self.jurisdiction.level.is_none_or(|l| l == level)
            && self.effective_from <= date
            && self.effective_to.is_none_or(|to| date <= to)
    }
}

fn merge_patch(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            let t = target.as_object_mut().expect("object");
            for (k, v) in p {
                if v.is_null() {
                    t.insert(k.clone(), Value::Null);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// The rule sets a ledger knows, from which the one in force is chosen per congress level and date.
///
/// The most specific wins: a rule set for the congress's level beats one for every level, and
/// among those the latest `effective_from`.
///
/// ```
/// use renda::rules::{RuleBook, RuleSet};
/// use renda::registry::Level;
/// let book = RuleBook::new(vec![RuleSet::national(), RuleSet::beijing_district()]).unwrap();
/// let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// assert_eq!(book.in_force(Level::County, d("2024-06-01")).unwrap().id.as_str(), "national");
/// assert_eq!(book.in_force(Level::County, d("2025-06-01")).unwrap().id.as_str(), "beijing-district");
/// assert_eq!(book.in_force(Level::Township, d("2025-06-01")).unwrap().id.as_str(), "national");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleBook {
    sets: Vec<RuleSet>,
}

impl Default for RuleBook {
    fn default() -> Self {
        Self {
            sets: vec![RuleSet::national()],
        }
    }
}

impl RuleBook {
    /// A rule book from rule sets; rejects an empty list and duplicate (id, version) pairs.
    pub fn new(sets: Vec<RuleSet>) -> Result<Self> {
        if sets.is_empty() {
            return Err(RendaError::InvalidRuleSet {
                field: "rules".into(),
                reason: "at least one rule set is needed".into(),
            });
        }
        for (i, a) in sets.iter().enumerate() {
            a.validate()?;
            if sets[..i]
                .iter()
                .any(|b| b.id == a.id && b.version == a.version)
            {
                return Err(RendaError::InvalidRuleSet {
                    field: "id".into(),
                    reason: format!("rule set `{}` version {} given twice", a.id, a.version),
                });
            }
        }
        Ok(Self { sets })
    }

    /// The rule sets, in the order given.
    pub fn sets(&self) -> &[RuleSet] {
        &self.sets
    }

    /// The rule set in force for a congress of `level` on `date`.
    pub fn in_force(&self, level: Level, date: NaiveDate) -> Result<&RuleSet> {
        self.sets
            .iter()
            .filter(|r| r.applies(level, date))
            .max_by_key(|r| (r.jurisdiction.level.is_some(), r.effective_from, r.version))
            .ok_or_else(|| RendaError::NoRuleSet {
                level: level.as_str().to_string(),
                date: date.to_string(),
            })
    }

    /// Builds a rule book from the JSON form used by scenarios and the bindings: either a list
    /// of specs or one spec, each spec being a full rule set, or `{"preset": name,
    /// "overrides": {...}}` (overrides optional).
    ///
    /// ```
    /// use renda::rules::RuleBook;
    /// let book = RuleBook::from_spec(&serde_json::json!(
    ///     {"preset": "national", "overrides": {"suggestion": {"max_extensions": 2}}})).unwrap();
    /// assert_eq!(book.sets()[0].suggestion.max_extensions, 2);
    /// ```
    pub fn from_spec(spec: &serde_json::Value) -> Result<Self> {
        let items: Vec<&serde_json::Value> = match spec {
            serde_json::Value::Array(a) => a.iter().collect(),
            serde_json::Value::Null => return Ok(Self::default()),
            other => vec![other],
        };
        let mut sets = Vec::with_capacity(items.len());
        for item in items {
            if let Some(preset) = item.get("preset") {
                let name = preset.as_str().ok_or_else(|| RendaError::InvalidRuleSet {
                    field: "preset".into(),
                    reason: "must be a string".into(),
                })?;
                let base = RuleSet::preset(name)?;
                sets.push(match item.get("overrides") {
                    Some(o) => base.with_overrides(o)?,
                    None => base,
                });
            } else {
                sets.push(RuleSet::from_value(item.clone())?);
            }
        }
        Self::new(sets)
    }
}
