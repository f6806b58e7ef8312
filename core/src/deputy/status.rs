//! A deputy's status over time (domain §1.2, L-9, L-11): in office from election (or a
//! by-election), possibly suspended for a while, until resignation is accepted or the
//! qualification terminates for another reason.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a deputy came into office.
///
/// ```
/// use renda::deputy::Mandate;
/// assert_eq!(serde_json::to_string(&Mandate::ByElection).unwrap(), "\"by_election\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mandate {
    /// Elected at the general election of the term (当选).
    #[default]
    Elected,
    /// Elected in a by-election during the term (补选, [001]).
    ByElection,
}

/// Why a deputy's qualification terminated (代表资格终止; L-11, 代表法).
///
/// ```
/// use renda::deputy::TerminationReason;
/// assert_eq!(TerminationReason::TwoUnexcusedAbsences.rule(), "L-11");
/// assert_eq!(TerminationReason::Resigned.rule(), "L-9");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerminationReason {
    /// Moved out of or transferred away from the administrative area (迁出或者调离本行政区域).
    MovedOut,
    /// Resignation accepted (辞职被接受), L-9; recorded by the resignation decision only.
    Resigned,
    /// Absent from two sessions of the congress without approval (未经批准两次不出席);
    /// recorded automatically on the second unexcused absence.
    TwoUnexcusedAbsences,
    /// Recalled (被罢免), L-10.
    Recalled,
    /// Lost Chinese nationality (丧失中华人民共和国国籍).
    LostNationality,
    /// Deprived of political rights by law (依照法律被剥夺政治权利).
    DeprivedOfPoliticalRights,
    /// Lost legal capacity (丧失行为能力).
    LostCapacity,
    /// Died.
    Died,
}

impl TerminationReason {
    /// Every reason.
    pub const ALL: [TerminationReason; 8] = [
        TerminationReason::MovedOut,
        TerminationReason::Resigned,
        TerminationReason::TwoUnexcusedAbsences,
        TerminationReason::Recalled,
        TerminationReason::LostNationality,
        TerminationReason::DeprivedOfPoliticalRights,
        TerminationReason::LostCapacity,
        TerminationReason::Died,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            TerminationReason::MovedOut => "moved_out",
            TerminationReason::Resigned => "resigned",
            TerminationReason::TwoUnexcusedAbsences => "two_unexcused_absences",
            TerminationReason::Recalled => "recalled",
            TerminationReason::LostNationality => "lost_nationality",
            TerminationReason::DeprivedOfPoliticalRights => "deprived_of_political_rights",
            TerminationReason::LostCapacity => "lost_capacity",
            TerminationReason::Died => "died",
        }
    }

    /// The rule the reason comes from.
    pub fn rule(self) -> &'static str {
        match self {
            TerminationReason::Resigned => "L-9",
            TerminationReason::Recalled => "L-10",
            _ => "L-11",
        }
    }

    /// Reasons that have their own command and may not be recorded directly with
    /// `terminate_qualification`.
    pub fn has_own_procedure(self) -> bool {
        matches!(
            self,
            TerminationReason::Resigned | TerminationReason::TwoUnexcusedAbsences
        )
    }
}

/// A deputy's status on a date.
///
/// ```
/// use renda::deputy::DeputyStatus;
/// assert!(DeputyStatus::InOffice.is_in_office());
/// assert!(!DeputyStatus::Suspended.is_in_office());
/// assert!(DeputyStatus::Suspended.holds_mandate());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeputyStatus {
    /// Not yet in office on that date (elected later).
    NotYetElected,
    /// In office (在任).
    InOffice,
    /// Duties suspended (暂停执行代表职务, L-11), e.g. during criminal detention.
    Suspended,
    /// Qualification terminated (代表资格终止), for the reason recorded.
    Terminated,
    /// The congress's term is over (届满).
    TermEnded,
}

impl DeputyStatus {
    /// Every status.
    pub const ALL: [DeputyStatus; 5] = [
        DeputyStatus::NotYetElected,
        DeputyStatus::InOffice,
        DeputyStatus::Suspended,
        DeputyStatus::Terminated,
        DeputyStatus::TermEnded,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DeputyStatus::NotYetElected => "not_yet_elected",
            DeputyStatus::InOffice => "in_office",
            DeputyStatus::Suspended => "suspended",
            DeputyStatus::Terminated => "terminated",
            DeputyStatus::TermEnded => "term_ended",
        }
    }

    /// In office and not suspended: counted among "在任代表" and bound by the duties.
    pub fn is_in_office(self) -> bool {
        self == DeputyStatus::InOffice
    }

    /// Still a deputy (in office or suspended).
    pub fn holds_mandate(self) -> bool {
        matches!(self, DeputyStatus::InOffice | DeputyStatus::Suspended)
    }
}

/// One change of status, in the order recorded.
///
/// ```
/// use renda::deputy::{StatusChange, TerminationReason};
/// let c: StatusChange = serde_json::from_str(
///     r#"{"on":"2024-03-01","change":"terminated","reason":"moved_out"}"#).unwrap();
/// assert_eq!(c.reason, Some(TerminationReason::MovedOut));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// Effective date.
    pub on: NaiveDate,
    /// The status from that date.
    pub change: DeputyStatus,
    /// For a termination, why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<TerminationReason>,
}

/// The status on `date` given the first day in office, the last day of the term and the
/// history (sorted by date). A termination stays a termination after the term ends.
pub(crate) fn status_on(
    elected_on: NaiveDate,
    term_end: NaiveDate,
    history: &[StatusChange],
    date: NaiveDate,
) -> DeputyStatus {
    if date < elected_on {
        return DeputyStatus::NotYetElected;
    }
    let status = history
        .iter()
        .take_while(|c| c.on <= date)
        .last()
        .map_or(DeputyStatus::InOffice, |c| c.change);
    if date > term_end && status != DeputyStatus::Terminated {
        DeputyStatus::TermEnded
    } else {
        status
    }
}

/// The days in office (not suspended, not terminated) between `from` and `to`, inclusive, as
/// disjoint inclusive ranges: the window inside which a deputy's duties and points count.
pub(crate) fn spans_in_office(
    elected_on: NaiveDate,
    history: &[StatusChange],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans = Vec::new();
    let mut open: Option<NaiveDate> = Some(elected_on);
    for c in history {
        match (c.change.is_in_office(), open) {
            (true, None) => open = Some(c.on),
            (false, Some(start)) => {
                if let Some(end) = c.on.pred_opt() {
                    spans.push((start, end));
                }
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push((start, NaiveDate::MAX));
    }
    spans
        .into_iter()
        .filter_map(|(a, b)| {
            let (a, b) = (a.max(from), b.min(to));
            (a <= b).then_some((a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn status_follows_the_history() {
        let h = vec![
            StatusChange {
                on: d("2024-03-01"),
                change: DeputyStatus::Suspended,
                reason: None,
            },
            StatusChange {
                on: d("2024-05-01"),
                change: DeputyStatus::InOffice,
                reason: None,
            },
            StatusChange {
                on: d("2024-09-01"),
                change: DeputyStatus::Terminated,
                reason: Some(TerminationReason::MovedOut),
            },
        ];
        let e = d("2022-01-01");
        let end = d("2026-10-31");
        assert_eq!(
            status_on(e, end, &h, d("2021-12-31")),
            DeputyStatus::NotYetElected
        );
        assert_eq!(
            status_on(e, end, &h, d("2024-02-29")),
            DeputyStatus::InOffice
        );
        assert_eq!(
            status_on(e, end, &h, d("2024-03-01")),
            DeputyStatus::Suspended
        );
        assert_eq!(
            status_on(e, end, &h, d("2024-05-01")),
            DeputyStatus::InOffice
        );
        assert_eq!(
            status_on(e, end, &h, d("2025-01-01")),
            DeputyStatus::Terminated
        );
        assert_eq!(
            status_on(e, end, &h, d("2027-01-01")),
            DeputyStatus::Terminated
        );
        assert_eq!(
            status_on(e, end, &[], d("2026-11-01")),
            DeputyStatus::TermEnded
        );
        assert_eq!(
            status_on(e, end, &[], d("2026-10-31")),
            DeputyStatus::InOffice
        );
        assert_eq!(
            spans_in_office(e, &h, d("2024-01-01"), d("2024-12-31")),
            vec![
                (d("2024-01-01"), d("2024-02-29")),
                (d("2024-05-01"), d("2024-08-31"))
            ]
        );
        assert!(spans_in_office(e, &h, d("2025-01-01"), d("2025-12-31")).is_empty());
    }
}
