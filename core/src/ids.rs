//! Identifiers: one newtype per entity, each validated on construction.
//!
//! An identifier is 1 to 64 characters, with no control characters and no leading
//! or trailing white space. Chinese characters are allowed (offices often number
//! suggestions like `建议-2024-001`).

use crate::error::RendaError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest identifier accepted, in characters.
pub const MAX_ID_CHARS: usize = 64;

fn validate(field: &'static str, value: &str) -> Result<(), RendaError> {
    let chars = value.chars().count();
    let reason = if value.is_empty() {
        Some("must not be empty")
    } else if chars > MAX_ID_CHARS {
        Some("must be at most 64 characters")
    } else if value.chars().any(char::is_control) {
        Some("must not contain control characters")
    } else if value.trim() != value {
        Some("must not start or end with white space")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(RendaError::InvalidField {
            field: field.to_string(),
            value: truncate(value),
            reason: reason.to_string(),
        }),
        None => Ok(()),
    }
}

/// Shortens a value for an error message so a hostile input cannot blow up errors.
pub(crate) fn truncate(value: &str) -> String {
    const KEEP: usize = 80;
    if value.chars().count() <= KEEP {
        value.to_string()
    } else {
        let mut s: String = value.chars().take(KEEP).collect();
        s.push('…');
        s
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
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

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
    fn serde_validates() {
        let ok: UnitId = serde_json::from_str("\"edu\"").unwrap();
        assert_eq!(ok.as_str(), "edu");
        assert!(serde_json::from_str::<UnitId>("\"\"").is_err());
    }
}
