//! Checks of published statistics (domain §4, §8): does a stated percentage follow from its
//! numerator and denominator at the stated precision, and could any whole count give it?
//!
//! Percentages are compared as exact decimals rounded half up ([`crate::figures::percent_text`]);
//! the precision is the number of decimals written in the stated text (`"57.75"`: 2).
//!
//! ```
//! use renda::stats::{check, CountUnit, PublishedFigure};
//! // S000-3: 247 of 445 deputies stated as 57.75 % — it is 55.51 %.
//! let fig = PublishedFigure {
//!     numerator: 247, numerator_unit: CountUnit::Persons,
//!     denominator: 445, denominator_unit: CountUnit::Persons,
//!     stated_percent: "57.75".into(),
//! };
//! let c = check(&fig).unwrap();
//! assert!(!c.reproducible);
//! assert_eq!(c.computed_percent, "55.51");
//! ```

use crate::error::{RendaError, Result};
use crate::figures::percent_text;
use serde::{Deserialize, Serialize};

/// What a count counts (domain §4: 名, 人次, 件, 件次, 项, 条).
///
/// ```
/// use renda::stats::CountUnit;
/// assert_eq!(serde_json::to_string(&CountUnit::PersonTimes).unwrap(), "\"person_times\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountUnit {
    /// 人 / 名: persons.
    Persons,
    /// 人次: person-times.
    PersonTimes,
    /// 件: items.
    Items,
    /// 件次: item-times.
    ItemTimes,
    /// 项: merged items or topics.
    Topics,
    /// 条: opinion entries.
    Entries,
}

impl CountUnit {
    /// Every unit.
    pub const ALL: [CountUnit; 6] = [
        Self::Persons,
        Self::PersonTimes,
        Self::Items,
        Self::ItemTimes,
        Self::Topics,
        Self::Entries,
    ];
}

/// A published percentage with its numerator and denominator.
///
/// ```
/// let f: renda::stats::PublishedFigure = serde_json::from_str(r#"{"numerator":179,
///   "numerator_unit":"persons","denominator":445,"denominator_unit":"persons",
///   "stated_percent":"40.22"}"#).unwrap();
/// assert!(renda::stats::check(&f).unwrap().reproducible);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedFigure {
    /// The count.
    pub numerator: u64,
    /// What the count counts.
    pub numerator_unit: CountUnit,
    /// The base (must be positive).
    pub denominator: u64,
    /// What the base counts.
    pub denominator_unit: CountUnit,
    /// The percentage as published, without `%` (e.g. `"57.75"`); its decimals set the precision.
    pub stated_percent: String,
}

/// A problem found in a published figure; serialises with a stable `code`.
///
/// ```
/// use renda::stats::{CountUnit, StatsWarning};
/// let w = StatsWarning::UnitMismatch {
///     numerator_unit: CountUnit::PersonTimes, denominator_unit: CountUnit::Persons };
/// assert_eq!(serde_json::to_string(&w).unwrap(),
///   r#"{"code":"unit_mismatch","numerator_unit":"person_times","denominator_unit":"persons"}"#);
/// assert_eq!(w.code(), "unit_mismatch");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum StatsWarning {
    /// Numerator and denominator count different things (e.g. person-times over persons,
    /// S000-8): the arithmetic may be right, the ratio is not a share.
    UnitMismatch {
        /// The numerator's unit.
        numerator_unit: CountUnit,
        /// The denominator's unit.
        denominator_unit: CountUnit,
    },
    /// The stated percentage does not follow from the numerator and denominator (S000-3).
    PercentMismatch {
        /// As published.
        stated_percent: String,
        /// As computed at the stated precision.
        computed_percent: String,
    },
    /// No whole numerator over this denominator gives the stated percentage: the denominator
    /// is probably not the one used (S000-5).
    NoNumeratorFits {
        /// The denominator given.
        denominator: u64,
    },
}

impl StatsWarning {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnitMismatch { .. } => "unit_mismatch",
            Self::PercentMismatch { .. } => "percent_mismatch",
            Self::NoNumeratorFits { .. } => "no_numerator_fits",
        }
    }
}

/// The result of [`check`].
///
/// ```
/// let c = renda::stats::check(&serde_json::from_str(r#"{"numerator":11,"numerator_unit":"items",
///   "denominator":24,"denominator_unit":"items","stated_percent":"45.8"}"#).unwrap()).unwrap();
/// assert_eq!(serde_json::to_string(&c).unwrap(),
///   r#"{"reproducible":true,"decimals":1,"computed_percent":"45.8","warnings":[]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureCheck {
    /// The stated percentage equals numerator / denominator rounded half up at its precision.
    pub reproducible: bool,
    /// Decimals written in the stated percentage.
    pub decimals: u32,
    /// numerator / denominator × 100 rounded half up at `decimals` places.
    pub computed_percent: String,
    /// Problems found (empty when the figure is sound).
    pub warnings: Vec<StatsWarning>,
}

/// A stated percentage parsed: its value × 10^decimals, and the decimals.
struct Stated {
    scaled: u128,
    decimals: u32,
}

const MAX_DECIMALS: u32 = 6;
const MAX_PERCENT: u128 = 1000;

fn invalid(field: &str, value: &str, reason: &str) -> RendaError {
    let value: String = value.chars().take(64).collect();
    RendaError::InvalidField {
        field: field.to_string(),
        value,
        reason: reason.to_string(),
    }
}

fn parse_stated(text: &str) -> Result<Stated> {
    let bad = |reason: &str| invalid("stated_percent", text, reason);
    if text.starts_with('-') {
        return Err(bad("a percentage must not be negative"));
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(bad(
            "not a decimal number (digits with an optional decimal point, e.g. \"57.75\")",
        ));
    }
    let frac = frac.unwrap_or("");
    let decimals = frac.len() as u32;
    if decimals > MAX_DECIMALS {
        return Err(bad("at most 6 decimal places"));
    }
    let int = int.trim_start_matches('0');
    if int.len() > 4 {
        return Err(bad("a percentage must be at most 1000"));
    }
    let int: u128 = if int.is_empty() {
        0
    } else {
        int.parse().unwrap_or(u128::MAX)
    };
    let frac_val: u128 = if frac.is_empty() {
        0
    } else {
        frac.parse().unwrap_or(0)
    };
    let scale = 10u128.pow(decimals);
    let scaled = int * scale + frac_val;
    if scaled > MAX_PERCENT * scale {
        return Err(bad("a percentage must be at most 1000"));
    }
    Ok(Stated { scaled, decimals })
}

/// numerator / denominator × 100 × 10^decimals, rounded half up (as `percent_text`).
fn scaled_percent(numerator: u64, denominator: u64, decimals: u32) -> u128 {
    let n = numerator as u128 * 100 * 10u128.pow(decimals);
    let d = denominator as u128;
    (2 * n + d) / (2 * d)
}

fn positive_denominator(denominator: u64) -> Result<()> {
    if denominator == 0 {
        return Err(invalid(
            "denominator",
            "0",
            "the denominator must be positive",
        ));
    }
    Ok(())
}

/// Whether the numerator could be any whole number: does some numerator in
/// `0..=denominator` give `stated_percent` (rounded half up at its own precision)?
///
/// ```
/// use renda::stats::is_reproducible;
/// // S000-5: 62.8 % of 445 deputies is no whole number of deputies; of 433 it is (272).
/// assert!(!is_reproducible("62.8", 445).unwrap());
/// assert!(is_reproducible("62.8", 433).unwrap());
/// assert_eq!(is_reproducible("abc", 10).unwrap_err().field(), Some("stated_percent"));
/// ```
pub fn is_reproducible(stated_percent: &str, denominator: u64) -> Result<bool> {
    let stated = parse_stated(stated_percent)?;
    positive_denominator(denominator)?;
    Ok(fits(&stated, denominator))
}

fn fits(stated: &Stated, denominator: u64) -> bool {
    // The rounded percentage never decreases with the numerator: find the first numerator
    // reaching the stated value and see whether it hits it exactly.
    let (mut lo, mut hi) = (0u64, denominator);
    if scaled_percent(hi, denominator, stated.decimals) < stated.scaled {
        return false;
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if scaled_percent(mid, denominator, stated.decimals) < stated.scaled {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    scaled_percent(lo, denominator, stated.decimals) == stated.scaled
}

/// Checks a published figure: recomputes the percentage at the stated precision and reports
/// unit mismatches, a stated percentage that does not follow, and a denominator that cannot
/// give it at all. Errors: a malformed `stated_percent` (not a decimal number, negative, over
/// 1000, more than 6 decimals) or a zero `denominator` ([`RendaError::InvalidField`]).
///
/// ```
/// use renda::stats::{check, CountUnit, PublishedFigure, StatsWarning};
/// // S000-8: 357 person-times over 433 deputies = 82.4 %: right, but units differ.
/// let c = check(&PublishedFigure {
///     numerator: 357, numerator_unit: CountUnit::PersonTimes,
///     denominator: 433, denominator_unit: CountUnit::Persons,
///     stated_percent: "82.4".into(),
/// }).unwrap();
/// assert!(c.reproducible);
/// assert_eq!(c.warnings[0].code(), "unit_mismatch");
/// ```
pub fn check(figure: &PublishedFigure) -> Result<FigureCheck> {
    let stated = parse_stated(&figure.stated_percent)?;
    positive_denominator(figure.denominator)?;
    let computed_percent = percent_text(figure.numerator, figure.denominator, stated.decimals)
        .expect("denominator is positive");
    let reproducible =
        scaled_percent(figure.numerator, figure.denominator, stated.decimals) == stated.scaled;
    let mut warnings = Vec::new();
    if figure.numerator_unit != figure.denominator_unit {
        warnings.push(StatsWarning::UnitMismatch {
            numerator_unit: figure.numerator_unit,
            denominator_unit: figure.denominator_unit,
        });
    }
    if !reproducible {
        warnings.push(StatsWarning::PercentMismatch {
            stated_percent: figure.stated_percent.clone(),
            computed_percent: computed_percent.clone(),
        });
        if !fits(&stated, figure.denominator) {
            warnings.push(StatsWarning::NoNumeratorFits {
                denominator: figure.denominator,
            });
        }
    }
    Ok(FigureCheck {
        reproducible,
        decimals: stated.decimals,
        computed_percent,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use CountUnit::*;

    fn fig(n: u64, nu: CountUnit, d: u64, du: CountUnit, stated: &str) -> FigureCheck {
        check(&PublishedFigure {
            numerator: n,
            numerator_unit: nu,
            denominator: d,
            denominator_unit: du,
            stated_percent: stated.into(),
        })
        .unwrap()
    }

    fn codes(c: &FigureCheck) -> Vec<&'static str> {
        c.warnings.iter().map(StatsWarning::code).collect()
    }

    #[test]
    fn section_8_rates() {
        for (n, d, dp, want) in [
            (126, 206, 1, "61.2"),
            (436, 445, 2, "97.98"),
            (179, 445, 2, "40.22"),
            (357, 433, 1, "82.4"),
            (11, 24, 1, "45.8"),
            (16, 49, 1, "32.7"),
            (406, 413, 1, "98.3"),
        ] {
            assert_eq!(percent_text(n, d, dp).as_deref(), Some(want), "{n}/{d}");
            let c = fig(n, Items, d, Items, want);
            assert!(c.reproducible, "{n}/{d}");
            assert_eq!(c.decimals, dp);
            assert!(c.warnings.is_empty());
        }
        assert_ne!(percent_text(247, 445, 2).as_deref(), Some("57.75"));
    }

    #[test]
    fn person_times_over_persons_is_warned() {
        let c = fig(357, PersonTimes, 433, Persons, "82.4");
        assert!(c.reproducible);
        assert_eq!(codes(&c), ["unit_mismatch"]);
    }

    #[test]
    fn section_4_1_consistent_figures_pass() {
        for (n, d, stated) in [(436, 445, "97.98"), (179, 445, "40.22")] {
            let c = fig(n, Persons, d, Persons, stated);
            assert!(c.reproducible && c.warnings.is_empty(), "{n}/{d}");
        }
    }

    #[test]
    fn s000_3_is_flagged() {
        let c = fig(247, Persons, 445, Persons, "57.75");
        assert!(!c.reproducible);
        assert_eq!(c.computed_percent, "55.51");
        assert_eq!(codes(&c), ["percent_mismatch"]);
        // 57.75 % is 257 / 445: the denominator can give it.
        assert!(is_reproducible("57.75", 445).unwrap());
        assert!(fig(257, Persons, 445, Persons, "57.75").reproducible);
    }

    #[test]
    fn s000_5_is_flagged() {
        assert!(!is_reproducible("62.8", 445).unwrap());
        assert!(is_reproducible("62.8", 433).unwrap());
        assert!(is_reproducible("62.8", 436).unwrap());
        for n in [279, 280] {
            let c = fig(n, Persons, 445, Persons, "62.8");
            assert!(!c.reproducible);
            assert_eq!(codes(&c), ["percent_mismatch", "no_numerator_fits"]);
        }
        assert!(fig(272, Persons, 433, Persons, "62.8").reproducible);
    }

    #[test]
    fn reproducible_matches_brute_force() {
        for d in 1..=40u64 {
            for dp in 0..=2 {
                let mut seen = std::collections::BTreeSet::new();
                for n in 0..=d {
                    seen.insert(percent_text(n, d, dp).unwrap());
                }
                for stated in &seen {
                    assert!(is_reproducible(stated, d).unwrap(), "{stated} of {d}");
                }
                let step = 10u128.pow(dp);
                for s in 0..=100 * step {
                    let text = percent_text(s as u64, 100 * step as u64, dp).unwrap();
                    assert_eq!(is_reproducible(&text, d).unwrap(), seen.contains(&text));
                }
            }
        }
        assert!(is_reproducible("100", u64::MAX).unwrap());
        assert!(is_reproducible("0.000001", u64::MAX).unwrap());
    }

    #[test]
    fn bad_stated_text_is_an_invalid_field() {
        for bad in [
            "",
            "abc",
            "-1",
            "1001",
            "1000.1",
            "12.3456789",
            ".5",
            "5.",
            "5%",
            " 5",
            "1e2",
        ] {
            let e = is_reproducible(bad, 100).unwrap_err();
            assert_eq!(e.code(), "invalid_field", "{bad:?}");
            assert_eq!(e.field(), Some("stated_percent"), "{bad:?}");
        }
        assert!(!is_reproducible("1000", 1).unwrap()); // numerators stop at the denominator
        assert!(is_reproducible("1000.000000", 100).is_ok());
        assert!(is_reproducible("0099999", 1).is_err());
        let e = is_reproducible("50", 0).unwrap_err();
        assert_eq!(e.field(), Some("denominator"));
    }
}
