//! Reporting periods: a month, a quarter or a year (China calendar dates).
//!
//! Duties are checked per period (R-D1: 月进站 monthly, 季回家 quarterly, 年述职 yearly) and
//! performance points are published per quarter and per year (W6, R-D2). On the wire a period
//! is a string: `"2024"`, `"2024-Q1"` or `"2024-03"`.

use crate::error::{RendaError, Result};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How long a period is.
///
/// ```
/// use renda::period::Cadence;
/// assert_eq!(serde_json::to_string(&Cadence::Quarter).unwrap(), "\"quarter\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// A calendar month.
    Month,
    /// A calendar quarter (Q1 = January to March).
    Quarter,
    /// A calendar year.
    Year,
}

impl Cadence {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Month => "month",
            Cadence::Quarter => "quarter",
            Cadence::Year => "year",
        }
    }

    /// The period of this cadence that contains `date`.
    ///
    /// ```
    /// use renda::period::{Cadence, Period};
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 5, 20).unwrap();
    /// assert_eq!(Cadence::Quarter.period_of(d).to_string(), "2024-Q2");
    /// assert_eq!(Cadence::Month.period_of(d).to_string(), "2024-05");
    /// ```
    pub fn period_of(self, date: NaiveDate) -> Period {
        let year = date.year();
        match self {
            Cadence::Month => Period::Month(year, date.month() as u8),
            Cadence::Quarter => Period::Quarter(year, ((date.month() - 1) / 3 + 1) as u8),
            Cadence::Year => Period::Year(year),
        }
    }
}

/// A month, quarter or year.
///
/// ```
/// use renda::period::Period;
/// let q: Period = "2024-Q1".parse().unwrap();
/// assert_eq!(q.first_day().to_string(), "2024-01-01");
/// assert_eq!(q.last_day().to_string(), "2024-03-31");
/// assert_eq!("2024-02".parse::<Period>().unwrap().last_day().to_string(), "2024-02-29");
/// assert!("2024-Q5".parse::<Period>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A month: year and month (1–12).
    Month(i32, u8),
    /// A quarter: year and quarter (1–4).
    Quarter(i32, u8),
    /// A year.
    Year(i32),
}

impl Period {
    /// The cadence of this period.
    pub fn cadence(self) -> Cadence {
        match self {
            Period::Month(..) => Cadence::Month,
            Period::Quarter(..) => Cadence::Quarter,
            Period::Year(_) => Cadence::Year,
        }
    }

    /// First day.
    pub fn first_day(self) -> NaiveDate {
        let (y, m) = match self {
            Period::Month(y, m) => (y, u32::from(m)),
            Period::Quarter(y, q) => (y, u32::from(q) * 3 - 2),
            Period::Year(y) => (y, 1),
        };
        NaiveDate::from_ymd_opt(y, m, 1).expect("a validated period has a first day")
    }

    /// Last day (inclusive).
    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .expect("a period has a last day")
    }

    /// The period of the same cadence that follows.
    pub fn next(self) -> Period {
        match self {
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Year(y) => Period::Year(y + 1),
        }
    }

    /// Whether `date` falls in the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// Every period of `cadence` that overlaps `from..=to`, in order (empty if `to < from`).
    ///
    /// ```
    /// use renda::period::{Cadence, Period};
    /// let d = |s: &str| s.parse().unwrap();
    /// let qs: Vec<String> = Period::covering(Cadence::Quarter, d("2024-02-10"), d("2024-07-01"))
    ///     .map(|p| p.to_string()).collect();
    /// assert_eq!(qs, ["2024-Q1", "2024-Q2", "2024-Q3"]);
    /// ```
    pub fn covering(
        cadence: Cadence,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = Period> {
        let mut next = (from <= to).then(|| cadence.period_of(from));
        std::iter::from_fn(move || {
            let p = next?;
            next = (p.last_day() < to).then(|| p.next());
            Some(p)
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl FromStr for Period {
    type Err = RendaError;

    fn from_str(s: &str) -> Result<Self> {
        let bad = || RendaError::InvalidField {
            field: "period".into(),
            value: crate::ids::truncate(s),
            reason: "must be a year (2024), a quarter (2024-Q1) or a month (2024-03)".into(),
        };
        let year = |t: &str| -> Result<i32> {
            if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        match s.split_once('-') {
            None => Ok(Period::Year(year(s)?)),
            Some((y, rest)) => {
                let y = year(y)?;
                if let Some(q) = rest.strip_prefix('Q') {
                    match q {
                        "1" | "2" | "3" | "4" => {
                            Ok(Period::Quarter(y, q.parse().map_err(|_| bad())?))
                        }
                        _ => Err(bad()),
                    }
                } else if rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()) {
                    match rest.parse::<u8>() {
                        Ok(m @ 1..=12) => Ok(Period::Month(y, m)),
                        _ => Err(bad()),
                    }
                } else {
                    Err(bad())
                }
            }
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|_| {
            serde::de::Error::custom(
                "must be a year (2024), a quarter (2024-Q1) or a month (2024-03)",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_bounds() {
        for s in ["2024", "2024-Q4", "2024-12", "2023-01", "2024-Q1"] {
            let p: Period = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
            assert!(p.contains(p.first_day()) && p.contains(p.last_day()));
            assert_eq!(p.next().first_day(), p.last_day().succ_opt().unwrap());
        }
        for bad in [
            "",
            "24",
            "2024-13",
            "2024-00",
            "2024-Q0",
            "2024-Q",
            "2024-1",
            "２０２４",
            "2024-Q1x",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn covering_is_empty_for_reversed_range() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            Period::covering(Cadence::Month, d("2024-02-01"), d("2024-01-01")).count(),
            0
        );
        assert_eq!(
            Period::covering(Cadence::Month, d("2024-01-31"), d("2024-02-01")).count(),
            2
        );
        assert_eq!(
            Period::covering(Cadence::Year, d("2024-01-01"), d("2024-12-31")).count(),
            1
        );
    }
}
