//! Time: instants with an explicit UTC offset, and dates in China time (UTC+8).
//!
//! renda never reads a clock: every command carries the time it was issued, and every
//! derived fact (due dates, overdue, rates) is computed "as of" a date the caller gives.

use crate::error::RendaError;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};
use std::fmt;

/// China Standard Time, UTC+8 (no daylight saving since 1991).
pub fn china_offset() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// An instant, as given in a command: RFC 3339 with an offset (`2024-03-05T09:30:00+08:00`),
/// or a bare date (`2024-03-05`), which means midnight China time.
///
/// ```
/// use renda::Timestamp;
/// let t: Timestamp = "2024-03-04T20:00:00Z".parse().unwrap();
/// // 20:00 UTC is 04:00 the next morning in Beijing.
/// assert_eq!(t.china_date().to_string(), "2024-03-05");
/// let d: Timestamp = "2024-03-05".parse().unwrap();
/// assert_eq!(d.china_date().to_string(), "2024-03-05");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<FixedOffset>);

impl Timestamp {
    /// Wraps a chrono instant.
    pub fn new(instant: DateTime<FixedOffset>) -> Self {
        Self(instant)
    }

    /// Midnight China time at the start of `date`.
    ///
    /// ```
    /// use renda::Timestamp;
    /// let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    /// assert_eq!(Timestamp::start_of_china_day(date).to_string(), "2024-01-02T00:00:00+08:00");
    /// ```
    pub fn start_of_china_day(date: NaiveDate) -> Self {
        let naive = date.and_time(NaiveTime::MIN);
        Self(
            china_offset()
                .from_local_datetime(&naive)
                .single()
                .expect("a fixed offset has one local time"),
        )
    }

    /// The calendar date of this instant in China time: the date every deadline counts from.
    pub fn china_date(&self) -> NaiveDate {
        self.0.with_timezone(&china_offset()).date_naive()
    }

    /// The underlying chrono instant.
    pub fn instant(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

impl std::str::FromStr for Timestamp {
    type Err = RendaError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(Self(t));
        }
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Self::start_of_china_day(d));
        }
        Err(RendaError::InvalidField {
            field: "at".into(),
            value: crate::ids::truncate(s),
            reason: "expected an RFC 3339 time such as 2024-03-05T09:30:00+08:00, or a date such as 2024-03-05".into(),
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|_: RendaError| {
            serde::de::Error::custom(
                "expected an RFC 3339 time such as 2024-03-05T09:30:00+08:00, or a date such as 2024-03-05",
            )
        })
    }
}

/// Parses a date for an "as of" or a filter: `YYYY-MM-DD`, or an RFC 3339 instant, which
/// stands for its date in China time (so a JS `Date` can be passed as `toISOString()`).
/// Errors name the field.
///
/// ```
/// let d = renda::time::parse_date("as_of", "2024-12-31").unwrap();
/// assert_eq!(d.to_string(), "2024-12-31");
/// // 16:30 UTC on 31 December is already 1 January in Beijing.
/// let d = renda::time::parse_date("as_of", "2024-12-31T16:30:00.000Z").unwrap();
/// assert_eq!(d.to_string(), "2025-01-01");
/// assert_eq!(renda::time::parse_date("as_of", "31/12/2024").unwrap_err().field(), Some("as_of"));
/// ```
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, RendaError> {
    if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Ok(d);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Ok(Timestamp(t).china_date());
    }
    Err(RendaError::InvalidField {
        field: field.to_string(),
        value: crate::ids::truncate(value),
        reason: "expected a date such as 2024-03-05, or an RFC 3339 time such as 2024-03-05T09:30:00+08:00".into(),
    })
}

/// Serde adapter for optional dates given as `YYYY-MM-DD` or an RFC 3339 instant (its China date).
pub(crate) mod opt_china_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| {
                super::parse_date("date", &s).map_err(|_| {
                    serde::de::Error::custom(
                        "expected a date such as 2024-03-05, or an RFC 3339 time",
                    )
                })
            })
            .transpose()
    }
}
