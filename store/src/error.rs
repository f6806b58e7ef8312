//! Errors of the store: a rejected command carries the core's [`RendaError`] unchanged; the
//! store adds version conflicts, damaged files and SQLite failures. Every error has a stable
//! snake_case code, a kind, and a wire form ([`StoreErrorInfo`]) of the same shape as the core's
//! [`renda::ErrorInfo`], so the bindings report both alike.

use renda::{ErrorKind, RendaError};
use serde::{Serialize, Serializer};
use std::fmt;

/// The codes of the errors the store adds to the core's ([`renda::error::CODES`]).
///
/// ```
/// assert!(renda_store::error::CODES.contains(&"version_conflict"));
/// ```
pub const CODES: [&str; 6] = [
    "version_conflict",
    "store_corrupt",
    "store_format",
    "store_busy",
    "store_io",
    "store_closed",
];

/// Broad class of a store error: one of the core's kinds, or `storage` for failures of the
/// file itself (I/O, locking, a file that is not a renda store). Serialises to its wire name.
///
/// ```
/// use renda_store::{StoreError, StoreErrorKind};
/// let e = StoreError::Conflict { expected: 3, actual: 5 };
/// assert_eq!(e.kind(), StoreErrorKind::Ledger(renda::ErrorKind::Conflict));
/// assert_eq!(e.kind().to_string(), "conflict");
/// assert_eq!(StoreError::Closed.kind().to_string(), "storage");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreErrorKind {
    /// A kind the core defines (`input`, `permission`, …, `conflict`, `integrity`).
    Ledger(ErrorKind),
    /// The file could not be opened, read or written, or is not a renda store.
    Storage,
}

impl fmt::Display for StoreErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ledger(kind) => match serde_json::to_value(kind) {
                Ok(serde_json::Value::String(name)) => f.write_str(&name),
                _ => write!(f, "{kind:?}"),
            },
            Self::Storage => f.write_str("storage"),
        }
    }
}

impl Serialize for StoreErrorKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Ledger(kind) => kind.serialize(s),
            Self::Storage => s.serialize_str("storage"),
        }
    }
}

/// Every error of [`crate::Store`].
///
/// ```
/// use renda_store::StoreError;
/// let e = StoreError::Conflict { expected: 3, actual: 5 };
/// assert_eq!(e.code(), "version_conflict");
/// assert_eq!(e.field(), Some("expected_version".to_string()));
/// assert_eq!(e.value(), Some("3".to_string()));
/// assert!(e.to_string().starts_with("version conflict: "));
/// ```
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The core rejected the command (or the events given to [`crate::Store::append`]); the
    /// file and the in-memory ledger are unchanged.
    #[error(transparent)]
    Domain(RendaError),
    /// The caller decided at `expected`, but the file is at `actual`: another handle or
    /// process appended events meanwhile (or `expected` is ahead of the file). Nothing was
    /// written; the handle has caught up to `actual`, so deciding again and retrying works.
    #[error("version conflict: the command was decided at version {expected}, but the store is at version {actual}; refresh and decide again")]
    Conflict {
        /// The version the caller expected.
        expected: u64,
        /// The version of the file.
        actual: u64,
    },
    /// The file's event log is damaged or was tampered with: an event is missing, edited,
    /// not valid JSON, out of order, breaks the hash chain, or the log does not reach the head
    /// recorded with it.
    #[error("the store's event log is damaged or was tampered with{}: {reason}", at_seq(*.seq))]
    Corrupt {
        /// Sequence number of the first bad event, where known.
        seq: Option<u64>,
        /// What is wrong.
        reason: String,
    },
    /// The file is not a renda store, or one written in a format this build does not read.
    #[error("not a renda store this build can read: {reason}")]
    Format {
        /// Why.
        reason: String,
    },
    /// Another writer held the lock for longer than the busy timeout
    /// ([`crate::BUSY_TIMEOUT`]); nothing was written, retrying may succeed.
    #[error("the store stayed locked by another writer beyond the busy timeout: {0}")]
    Busy(#[source] rusqlite::Error),
    /// SQLite failed (the file cannot be opened or created, disk full, I/O error, …).
    #[error("SQLite error: {0}")]
    Sqlite(#[source] rusqlite::Error),
    /// The store was closed (reported by the bindings after `close()`).
    #[error("the store has been closed")]
    Closed,
}

fn at_seq(seq: Option<u64>) -> String {
    seq.map(|s| format!(" at event {s}")).unwrap_or_default()
}

impl StoreError {
    /// The stable snake_case code: the core's code for [`StoreError::Domain`], else one of
    /// [`CODES`].
    ///
    /// ```
    /// use renda_store::StoreError;
    /// let e = StoreError::Domain(renda::RendaError::MissingField { field: "at".into() });
    /// assert_eq!(e.code(), "missing_field");
    /// assert_eq!(StoreError::Corrupt { seq: Some(4), reason: "x".into() }.code(), "store_corrupt");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::Domain(e) => e.code(),
            Self::Conflict { .. } => "version_conflict",
            Self::Corrupt { .. } => "store_corrupt",
            Self::Format { .. } => "store_format",
            Self::Busy(_) => "store_busy",
            Self::Sqlite(_) => "store_io",
            Self::Closed => "store_closed",
        }
    }

    /// The broad class: the core's kind for [`StoreError::Domain`], `conflict` for
    /// [`StoreError::Conflict`], `integrity` for [`StoreError::Corrupt`], else `storage`.
    ///
    /// ```
    /// use renda_store::{StoreError, StoreErrorKind};
    /// let e = StoreError::Corrupt { seq: None, reason: "x".into() };
    /// assert_eq!(e.kind(), StoreErrorKind::Ledger(renda::ErrorKind::Integrity));
    /// ```
    pub fn kind(&self) -> StoreErrorKind {
        match self {
            Self::Domain(e) => StoreErrorKind::Ledger(e.kind()),
            Self::Conflict { .. } => StoreErrorKind::Ledger(ErrorKind::Conflict),
            Self::Corrupt { .. } => StoreErrorKind::Ledger(ErrorKind::Integrity),
            Self::Format { .. } | Self::Busy(_) | Self::Sqlite(_) | Self::Closed => {
                StoreErrorKind::Storage
            }
        }
    }

    /// The offending field, where there is one: `expected_version` for a conflict, `events`
    /// for a damaged log.
    ///
    /// ```
    /// use renda_store::StoreError;
    /// let e = StoreError::Corrupt { seq: Some(4), reason: "x".into() };
    /// assert_eq!((e.field().as_deref(), e.value().as_deref()), (Some("events"), Some("4")));
    /// ```
    pub fn field(&self) -> Option<String> {
        match self {
            Self::Domain(e) => e.field().map(str::to_string),
            Self::Conflict { .. } => Some("expected_version".into()),
            Self::Corrupt { .. } => Some("events".into()),
            Self::Format { .. } | Self::Busy(_) | Self::Sqlite(_) | Self::Closed => None,
        }
    }

    /// The offending value, where there is one: the expected version of a conflict, the seq
    /// of the first bad event.
    ///
    /// ```
    /// use renda_store::StoreError;
    /// assert_eq!(StoreError::Closed.value(), None);
    /// ```
    pub fn value(&self) -> Option<String> {
        match self {
            Self::Domain(e) => e.value(),
            Self::Conflict { expected, .. } => Some(expected.to_string()),
            Self::Corrupt { seq, .. } => seq.map(|s| s.to_string()),
            Self::Format { .. } | Self::Busy(_) | Self::Sqlite(_) | Self::Closed => None,
        }
    }

    /// The rule id the error enforces (only rejected commands have one).
    ///
    /// ```
    /// use renda_store::StoreError;
    /// assert_eq!(StoreError::Conflict { expected: 1, actual: 2 }.rule(), None);
    /// ```
    pub fn rule(&self) -> Option<&'static str> {
        match self {
            Self::Domain(e) => e.rule(),
            _ => None,
        }
    }

    /// The wire form: for [`StoreError::Domain`] exactly the core's [`RendaError::info`].
    ///
    /// ```
    /// use renda_store::StoreError;
    /// let info = StoreError::Conflict { expected: 3, actual: 5 }.info();
    /// let json = serde_json::to_value(&info).unwrap();
    /// assert_eq!(json["code"], "version_conflict");
    /// assert_eq!(json["kind"], "conflict");
    /// assert_eq!(json["field"], "expected_version");
    /// ```
    pub fn info(&self) -> StoreErrorInfo {
        StoreErrorInfo {
            code: self.code().to_string(),
            kind: self.kind(),
            message: self.to_string(),
            field: self.field(),
            value: self.value(),
            rule: self.rule().map(str::to_string),
        }
    }

    /// A damaged log, from the core's complaint about the events read from the file; `base` is
    /// the seq just before the first of those events (the core counts them from index 0).
    pub(crate) fn corrupt_log(e: RendaError, base: u64) -> Self {
        let seq = match &e {
            RendaError::ChainBroken { seq, .. } => Some(*seq),
            other => other.field().and_then(index_in_field).map(|i| base + i + 1),
        };
        Self::Corrupt {
            seq,
            reason: e.to_string(),
        }
    }
}

/// `events[12].seq` → 12.
fn index_in_field(field: &str) -> Option<u64> {
    let rest = field.strip_prefix("events[")?;
    rest.split(']').next()?.parse().ok()
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy(e),
            Some(ErrorCode::NotADatabase) => Self::Format {
                reason: format!("the file is not a SQLite database ({e})"),
            },
            Some(ErrorCode::DatabaseCorrupt) => Self::Corrupt {
                seq: None,
                reason: format!("SQLite reports the file damaged ({e})"),
            },
            _ => Self::Sqlite(e),
        }
    }
}

/// The wire form of a store error: `{"code", "kind", "message", "field", "value", "rule"}`,
/// like [`renda::ErrorInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoreErrorInfo {
    /// Stable snake_case code.
    pub code: String,
    /// Broad class.
    pub kind: StoreErrorKind,
    /// Human-readable message (English).
    pub message: String,
    /// Offending field.
    pub field: Option<String>,
    /// Offending value.
    pub value: Option<String>,
    /// Rule id enforced.
    pub rule: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_errors_keep_the_core_wire_form() {
        let core = RendaError::UnknownCommand {
            value: "fly".into(),
        };
        let ours = serde_json::to_value(StoreError::Domain(core.clone()).info()).unwrap();
        let theirs = serde_json::to_value(core.info()).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn every_store_code_is_listed_and_distinct_from_the_core_codes() {
        let sqlite = || rusqlite::Error::InvalidQuery;
        let all = [
            StoreError::Conflict {
                expected: 1,
                actual: 2,
            },
            StoreError::Corrupt {
                seq: None,
                reason: "r".into(),
            },
            StoreError::Format { reason: "r".into() },
            StoreError::Busy(sqlite()),
            StoreError::Sqlite(sqlite()),
            StoreError::Closed,
        ];
        let used: Vec<&str> = all.iter().map(StoreError::code).collect();
        assert_eq!(used, CODES);
        for code in CODES {
            assert!(!renda::error::CODES.contains(&code), "{code}");
        }
    }

    #[test]
    fn the_seq_of_a_replay_complaint_is_found() {
        let e = RendaError::InvalidField {
            field: "events[2].seq".into(),
            value: "9".into(),
            reason: "r".into(),
        };
        match StoreError::corrupt_log(e, 10) {
            StoreError::Corrupt { seq, .. } => assert_eq!(seq, Some(13)),
            other => panic!("{other:?}"),
        }
        let e = RendaError::MissingField { field: "at".into() };
        match StoreError::corrupt_log(e, 10) {
            StoreError::Corrupt { seq, .. } => assert_eq!(seq, None),
            other => panic!("{other:?}"),
        }
    }
}
