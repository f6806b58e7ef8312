//! Time: instants with an explicit UTC offset, and dates in China time (UTC+8).
//!
//! renda never reads a clock: every command carries the time it was issued, and every
//! derived fact (due dates, overdue, rates) is computed "as of" a date the caller gives.

use crate::error::RendaError;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
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
    ///
    /// Never panics: for the first day chrono can represent, whose China midnight falls
    /// before the representable range, it is the earliest representable instant.
    pub fn start_of_china_day(date: NaiveDate) -> Self {
        let naive = date.and_time(NaiveTime::MIN);
        Self(
            china_offset()
                .from_local_datetime(&naive)
                .single()
                .unwrap_or_else(|| DateTime::<Utc>::MIN_UTC.with_timezone(&china_offset())),
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
        if let Some(d) = parse_iso_date(s) {
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

/// A calendar date in exactly the form `YYYY-MM-DD` (four-digit year, two-digit month and
/// day), or `None`. Stricter than chrono's `%Y-%m-%d`, which also takes `+10000-01-01`,
/// `-0001-01-01`, `2024-1-5` and leading white space: a year outside 0000–9999 could not be
/// written back as RFC 3339, so an event recorded at such a date could not be replayed.
///
/// ```
/// use renda::time::parse_iso_date;
/// assert_eq!(parse_iso_date("2024-02-29").unwrap().to_string(), "2024-02-29");
/// for bad in ["2024-02-30", "2024-1-5", " 2024-01-05", "+10000-01-01", "-0001-01-01", "２０２４-01-05"] {
///     assert_eq!(parse_iso_date(bad), None, "{bad}");
/// }
/// ```
pub fn parse_iso_date(value: &str) -> Option<NaiveDate> {
    let b = value.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let num = |r: std::ops::Range<usize>| value[r].parse::<u32>().ok();
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
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
    if let Some(d) = parse_iso_date(value) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_timestamp_is_written_back_in_a_form_it_reads() {
        for text in [
            "0000-01-01",
            "9999-12-31",
            "0000-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-12:00",
            "9999-12-31T23:59:59+08:00",
            "2016-12-31T23:59:60Z",
        ] {
            let t: Timestamp = text.parse().unwrap();
            let back: Timestamp = t
                .to_string()
                .parse()
                .unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(back, t, "{text}");
        }
    }

    #[test]
    fn years_outside_0000_to_9999_and_loose_forms_are_refused() {
        for text in [
            "-0001-01-01",
            "+10000-01-01",
            "10000-01-01",
            "+2024-01-05",
            "2024-1-5",
            " 2024-01-05",
            "2024-02-30",
            "2024-01-01T00:00:00+25:00",
        ] {
            let e = text.parse::<Timestamp>().unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                ("invalid_field", Some("at")),
                "{text}"
            );
            let e = parse_date("as_of", text).unwrap_err();
            assert_eq!(e.field(), Some("as_of"), "{text}");
        }
    }

    #[test]
    fn start_of_china_day_never_panics() {
        let first = Timestamp::start_of_china_day(NaiveDate::MIN);
        assert_eq!(first.instant(), DateTime::<Utc>::MIN_UTC);
        let last = Timestamp::start_of_china_day(NaiveDate::MAX);
        assert_eq!(last.china_date(), NaiveDate::MAX);
    }
}
