//! Identifiers: one newtype per entity, each validated on construction.
//!
//! An identifier is 1 to 64 characters, with no control characters, no invisible formatting
//! characters (bidirectional controls, zero-width characters) and no leading or trailing
//! white space. Chinese characters are allowed (offices often number suggestions like
//! `建议-2024-001`).

use crate::error::RendaError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest identifier accepted, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Why `value` is not an acceptable identifier, or `None` if it is.
fn problem(value: &str) -> Option<&'static str> {
    if value.is_empty() {
        Some("must not be empty")
    } else if value.chars().nth(MAX_ID_CHARS).is_some() {
        Some("must be at most 64 characters")
    } else if value.chars().any(char::is_control) {
        Some("must not contain control characters")
    } else if value.chars().any(is_invisible_format) {
        Some("must not contain invisible formatting characters (bidirectional controls, zero-width characters)")
    } else if value.trim() != value {
        Some("must not start or end with white space")
    } else {
        None
    }
}

/// Invisible formatting characters that can make two different identifiers look alike or
/// reorder the text shown around them ("Trojan Source", CVE-2021-42574): the bidirectional
/// marks, embeddings, overrides and isolates, the zero-width characters and the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn validate(field: &'static str, value: &str) -> Result<(), RendaError> {
    match problem(value) {
        Some(reason) => Err(RendaError::InvalidField {
            field: field.to_string(),
            value: truncate(value),
            reason: reason.to_string(),
        }),
        None => Ok(()),
    }
}

/// Shortens a value for an error message so a hostile input cannot blow up errors. Looks at
/// no more than the first 81 characters, however long the value.
pub(crate) fn truncate(value: &str) -> String {
    const KEEP: usize = 80;
    match value.char_indices().nth(KEEP) {
        None => value.to_string(),
        Some((end, _)) => {
            let mut s = value[..end].to_string();
            s.push('…');
            s
        }
    }
}

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident, $field:literal, $example:literal) => {
        $(#[$doc])*
        ///
        /// ```
        #[doc = concat!("use renda::", stringify!($name), ";")]
        #[doc = concat!("let id = ", stringify!($name), "::new(\"", $example, "\").unwrap();")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(", stringify!($name), "::new(\"\").is_err());")]
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        // Hand-written so that a bad id's message is the bare reason ("must not be empty"):
        // the wire layer adds the field path and the value once.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = String::deserialize(d)?;
                match problem(&value) {
                    Some(reason) => Err(serde::de::Error::custom(reason)),
                    None => Ok(Self(value)),
                }
            }
        }

        impl $name {
            /// Creates the identifier, or says which rule the text breaks.
            pub fn new(value: impl Into<String>) -> Result<Self, RendaError> {
                let value = value.into();
                validate($field, &value)?;
                Ok(Self(value))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = RendaError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = RendaError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }
    };
}

define_id!(
    /// A congress (人民代表大会) at one level for one term, e.g. `haidian-17`.
    CongressId,
    "congress",
    "haidian-17"
);
define_id!(
    /// A deputy (人大代表) within a congress.
    DeputyId,
    "deputy",
    "D0001"
);
define_id!(
    /// A handling unit (承办单位): a government department or other organ that handles suggestions.
    UnitId,
    "unit",
    "edu-bureau"
);
define_id!(
    /// A suggestion (建议、批评和意见), usually the office's number for it.
    SuggestionId,
    "suggestion",
    "2024-001"
);
define_id!(
    /// Whoever issues a command: for a deputy the deputy id, for a handling unit the unit id,
    /// for an office its staff member or desk.
    ActorId,
    "actor.id",
    "office-1"
);
define_id!(
    /// A rule set, e.g. `national` or `beijing-district`.
    RuleSetId,
    "rule_set.id",
    "national"
);

define_id!(
    /// A person, linking the deputies who are the same person in congresses at several levels.
    PersonId,
    "person",
    "P-110108-0001"
);
define_id!(
    /// A recorded deputy activity (视察, 调研, 进站, 述职, …).
    ActivityId,
    "activity",
    "A-2024-0001"
);
define_id!(
    /// A home or station (代表之家, 代表联络站, …).
    StationId,
    "station",
    "zizhuyuan-home"
);
define_id!(
    /// A tier of homes and stations in a rule set, e.g. `home` or `station`.
    TierId,
    "tier",
    "station"
);
define_id!(
    /// An issue a voter raised with a deputy (W7).
    VoterIssueId,
    "voter_issue",
    "VI-2024-0001"
);
define_id!(
    /// A session (会议) of a congress, e.g. `hd-17-3` for the third session.
    SessionId,
    "session",
    "hd-17-3"
);
define_id!(
    /// A motion (议案), usually the office's number for it, e.g. `M-2024-001`.
    MotionId,
    "motion",
    "M-2024-001"
);
define_id!(
    /// A third-party evaluation of suggestion handling (建议办理评估, W3).
    EvaluationId,
    "evaluation",
    "EV-2018-1"
);
define_id!(
    /// A class case (类案): suggestions merged into one group with one lead unit (W1 step 4).
    ClassCaseId,
    "class_case",
    "LA-2024-01"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_chinese_and_rejects_bad_ids() {
        assert!(SuggestionId::new("建议-2024-001").is_ok());
        assert!(SuggestionId::new(" x").is_err());
        assert!(SuggestionId::new("a\nb").is_err());
        assert!(SuggestionId::new("x".repeat(65)).is_err());
        assert!(SuggestionId::new("x".repeat(64)).is_ok());
        let err = DeputyId::new("").unwrap_err();
        assert_eq!(err.code(), "invalid_field");
        assert_eq!(err.field(), Some("deputy"));
    }

    #[test]
    fn rejects_invisible_formatting_characters() {
        for bad in [
            "D\u{202E}001",
            "\u{200B}D001",
            "D0\u{2066}01",
            "D\u{FEFF}1",
            "D\u{200F}1",
        ] {
            let err = DeputyId::new(bad).unwrap_err();
            assert_eq!(err.code(), "invalid_field", "{bad:?}");
            assert!(err.to_string().contains("invisible formatting"), "{err}");
        }
        // Visible text of any script is fine.
        assert!(DeputyId::new("代表-أحمد-דוד").is_ok());
    }

    #[test]
    fn truncate_keeps_80_characters() {
        assert_eq!(truncate("短"), "短");
        let long = "字".repeat(1_000_000);
        let t = truncate(&long);
        assert_eq!(t.chars().count(), 81);
        assert!(t.ends_with('…'));
        assert_eq!(truncate(&"x".repeat(80)), "x".repeat(80));
    }

    #[test]
    fn serde_error_is_the_bare_reason() {
        let err = serde_json::from_str::<UnitId>("\"\"")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("must not be empty"), "{err}");
        let err = serde_json::from_str::<UnitId>(&format!("\"{}\"", "x".repeat(65))).unwrap_err();
        assert!(
            err.to_string().starts_with("must be at most 64 characters"),
            "{err}"
        );
        assert_eq!(
            serde_json::to_string(&UnitId::new("edu").unwrap()).unwrap(),
            "\"edu\""
        );
    }

    #[test]
    fn serde_validates() {
        let ok: UnitId = serde_json::from_str("\"edu\"").unwrap();
        assert_eq!(ok.as_str(), "edu");
        assert!(serde_json::from_str::<UnitId>("\"\"").is_err());
    }
}
define_id!(
    /// A meeting: a congress session's sitting, a standing-committee meeting or a director
    /// meeting (issue 5; W5, W10, L-3, L-5).
    MeetingId,
    "meeting",
    "hd-17-sc-21"
);
define_id!(
    /// A ballot taken at a meeting (issue 5; L-4).
    BallotId,
    "ballot",
    "hd-17-sc-21-b1"
);
define_id!(
    /// A proposed supervision topic (监督议题建议, W9).
    SupervisionTopicId,
    "topic",
    "T-2024-01"
);
define_id!(
    /// An annual supervision plan (监督工作计划, W9).
    SupervisionPlanId,
    "plan",
    "hd-17-2024"
);
define_id!(
    /// A report the standing committee hears (专项工作报告 and the statutory reports, W10).
    WorkReportId,
    "report",
    "R-2024-01"
);
define_id!(
    /// A law-enforcement inspection (执法检查, W11).
    InspectionId,
    "inspection",
    "hd-2024-jc-1"
);
define_id!(
    /// An issue on an inspection's issue list (问题清单, W11, R-L2); unique within its inspection.
    InspectionIssueId,
    "inspection issue",
    "q1"
);
define_id!(
    /// A deputy's deliberation opinion recorded during a congress session (代表审议意见, W14).
    OpinionId,
    "deliberation opinion",
    "hd-17-4-op-1"
);
define_id!(
    /// A congress resolution followed up year by year (决议落实, W14).
    ResolutionId,
    "resolution",
    "hd-17-res-1"
);
define_id!(
    /// A livelihood project (重要民生实事项目, W19).
    LivelihoodProjectId,
    "livelihood project",
    "hd-2025-ms-1"
);
define_id!(
    /// A department work evaluation (工作评议, W5); not a third-party evaluation of handling
    /// ([`EvaluationId`], W3).
    WorkEvaluationId,
    "work evaluation",
    "hd-17-we-2024-edu"
);
define_id!(
    /// An escalation item (W23): a topic inquiry, interpellation, special-question
    /// investigation or removal motion (L-17, L-18, L-19).
    EscalationId,
    "escalation",
    "hd-17-zx-2024-1"
);
define_id!(
    /// A normative document filed for review (规范性文件, W12, L-22).
    NormativeDocumentId,
    "document",
    "hd-gov-2024-3"
);
define_id!(
    /// An audit finding on the double list (审计查出问题, R-B8).
    AuditFindingId,
    "finding",
    "af-2023-01"
);
