//! Tamper evidence: every event carries the SHA-256 hash of its predecessor and its own.
//!
//! An event's [`EventHash`] is SHA-256 over its canonical JSON form without the `hash` field
//! (`{"seq":…,"schema":…,"at":…,"actor":…,"event":…,"prev":"…"}`, fields in that order, as
//! `serde_json` writes them). The first event of a log links to [`EventHash::ZERO`]. So:
//!
//! - editing an event changes its hash: [`verify`] reports it at its own position;
//! - deleting, inserting or reordering events breaks the numbering or a `prev` link at the
//!   first affected position;
//! - cutting events off the end is visible only against a known head ([`Anchor`]) kept
//!   elsewhere (a store keeps it; a published report can quote it): [`verify_to`].
//!
//! Events written before schema version 2 carry no hashes; [`crate::Ledger`] seals them when it
//! loads them (they are chained from then on, but edits made before the upgrade cannot be
//! seen).
//!
//! ```
//! use renda::{chain, Ledger};
//! let mut ledger = Ledger::new(Default::default());
//! ledger.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},
//!   "command":{"type":"register_unit","unit":"u1","name":"区教委"}}"#).unwrap();
//! ledger.execute_json(r#"{"at":"2024-01-03","actor":{"role":"admin","id":"a"},
//!   "command":{"type":"register_unit","unit":"u2","name":"区卫健委"}}"#).unwrap();
//! let mut events = ledger.events().to_vec();
//! assert_eq!(chain::verify(&events, chain::Anchor::GENESIS).unwrap(), ledger.head());
//!
//! // Someone edits the first event's name: the log no longer verifies, at position 0.
//! if let renda::EventKind::UnitRegistered { name, .. } = &mut events[0].event {
//!     *name = "区财政局".into();
//! }
//! let broken = chain::verify(&events, chain::Anchor::GENESIS).unwrap_err();
//! assert_eq!((broken.index, broken.problem), (0, chain::Problem::Hash));
//! ```

use crate::error::{RendaError, Result};
use crate::event::Event;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;

/// A SHA-256 digest, written as 64 lowercase hexadecimal digits.
///
/// ```
/// use renda::chain::EventHash;
/// let h: EventHash = "00".repeat(32).parse().unwrap();
/// assert_eq!(h, EventHash::ZERO);
/// assert!("xyz".parse::<EventHash>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct EventHash(pub [u8; 32]);

impl EventHash {
    /// All zeros: the `prev` of the first event, and the hash of nothing.
    pub const ZERO: EventHash = EventHash([0; 32]);

    /// Lowercase hexadecimal form.
    ///
    /// ```
    /// assert_eq!(renda::chain::EventHash::ZERO.to_hex().len(), 64);
    /// ```
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Whether this is [`EventHash::ZERO`].
    pub fn is_zero(&self) -> bool {
        *self == Self::ZERO
    }
}

impl fmt::Display for EventHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for EventHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EventHash({})", self.to_hex())
    }
}

impl std::str::FromStr for EventHash {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err("must be 64 lowercase hexadecimal digits (a SHA-256 hash)".into());
        }
        let mut out = [0u8; 32];
        hex::decode_to_slice(s, &mut out).map_err(|e| e.to_string())?;
        Ok(Self(out))
    }
}

impl Serialize for EventHash {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut buf = [0u8; 64];
        // Cannot fail: the buffer is exactly twice the digest length.
        hex::encode_to_slice(self.0, &mut buf).map_err(serde::ser::Error::custom)?;
        s.serialize_str(std::str::from_utf8(&buf).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for EventHash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A position in a log and the hash of the event there: where a log continues from, or the
/// head it must reach.
///
/// ```
/// use renda::chain::Anchor;
/// assert_eq!(Anchor::GENESIS.seq, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// Sequence number of the event (0: before the first).
    pub seq: u64,
    /// Its hash ([`EventHash::ZERO`] before the first).
    pub hash: EventHash,
}

impl Anchor {
    /// Before the first event of a log.
    pub const GENESIS: Anchor = Anchor {
        seq: 0,
        hash: EventHash::ZERO,
    };
}

/// What is wrong at the first bad position of a log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// `seq` is not the next number: an event was deleted, inserted or moved.
    Sequence,
    /// `prev` is not the hash of the event before: an event was deleted, inserted, moved or
    /// re-hashed after an edit.
    Link,
    /// `hash` does not match the event's content: the event was edited.
    Hash,
    /// The log ends before, or goes past, the expected head.
    Head,
}

impl Problem {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sequence => "sequence",
            Self::Link => "link",
            Self::Hash => "hash",
            Self::Head => "head",
        }
    }
}

/// The first bad position of a log, as reported by [`verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainBreak {
    /// Index in the slice given (0-based).
    pub index: usize,
    /// The `seq` the event at that index should have had.
    pub seq: u64,
    /// What is wrong.
    pub problem: Problem,
    /// What was expected there (a number or a hash).
    pub expected: String,
    /// What was found.
    pub found: String,
}

impl From<ChainBreak> for RendaError {
    fn from(b: ChainBreak) -> Self {
        let field = match b.problem {
            Problem::Sequence => format!("events[{}].seq", b.index),
            Problem::Link => format!("events[{}].prev", b.index),
            Problem::Hash => format!("events[{}].hash", b.index),
            Problem::Head => "events".to_string(),
        };
        RendaError::ChainBroken {
            field,
            index: b.index,
            seq: b.seq,
            problem: b.problem.as_str(),
            expected: b.expected,
            found: b.found,
        }
    }
}

/// The canonical content of an event that its hash covers.
#[derive(Serialize)]
struct Hashed<'a> {
    seq: u64,
    schema: u32,
    at: &'a crate::time::Timestamp,
    actor: &'a crate::actor::Actor,
    event: &'a crate::event::EventKind,
    prev: &'a EventHash,
}

/// The hash an event must carry: SHA-256 of its canonical JSON without `hash`.
///
/// ```
/// use renda::{chain, Ledger};
/// let mut ledger = Ledger::new(Default::default());
/// let e = ledger.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},
///   "command":{"type":"register_unit","unit":"u1","name":"区教委"}}"#).unwrap().remove(0);
/// assert_eq!(chain::hash_of(&e), e.hash);
/// assert_eq!(e.prev, chain::EventHash::ZERO);
/// ```
pub fn hash_of(e: &Event) -> EventHash {
    let mut hasher = HashWriter(Sha256::new());
    let content = Hashed {
        seq: e.seq,
        schema: e.schema,
        at: &e.at,
        actor: &e.actor,
        event: &e.event,
        prev: &e.prev,
    };
    // Writing into a hasher cannot fail, and these types always serialise.
    if serde_json::to_writer(&mut hasher, &content).is_err() {
        return EventHash::ZERO;
    }
    EventHash(hasher.0.finalize().into())
}

struct HashWriter(Sha256);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Links `e` to `prev` and sets its hash.
pub(crate) fn seal(e: &mut Event, prev: EventHash) {
    e.prev = prev;
    e.hash = hash_of(e);
}

/// Checks one event against the anchor it must continue from; returns the new anchor.
pub(crate) fn check_next(
    index: usize,
    e: &Event,
    after: Anchor,
) -> std::result::Result<Anchor, ChainBreak> {
    let seq = after.seq + 1;
    let brk = |problem, expected: String, found: String| ChainBreak {
        index,
        seq,
        problem,
        expected,
        found,
    };
    if e.seq != seq {
        return Err(brk(Problem::Sequence, seq.to_string(), e.seq.to_string()));
    }
    let actual = hash_of(e);
    if e.hash != actual {
        return Err(brk(Problem::Hash, actual.to_hex(), e.hash.to_hex()));
    }
    if e.prev != after.hash {
        return Err(brk(Problem::Link, after.hash.to_hex(), e.prev.to_hex()));
    }
    Ok(Anchor { seq, hash: e.hash })
}

/// Verifies that `events` continue the log at `after` without a break; returns the head (the
/// last event's position and hash, or `after` for an empty slice).
///
/// Reports the first bad position. An edited event is reported at its own index (its hash
/// no longer matches); a deleted, inserted or moved event at the first index whose `seq` or
/// `prev` does not follow. An event edited *and* re-hashed is reported at the next index.
///
/// ```
/// use renda::chain::{verify, Anchor, Problem};
/// # let mut l = renda::Ledger::new(Default::default());
/// # for (d, u) in [("2024-01-02", "u1"), ("2024-01-03", "u2"), ("2024-01-04", "u3")] {
/// #   l.execute_json(&format!(r#"{{"at":"{d}","actor":{{"role":"admin","id":"a"}},
/// #     "command":{{"type":"register_unit","unit":"{u}","name":"单位"}}}}"#)).unwrap();
/// # }
/// let mut events = l.events().to_vec();   // three events
/// events.swap(1, 2);
/// let b = verify(&events, Anchor::GENESIS).unwrap_err();
/// assert_eq!((b.index, b.problem), (1, Problem::Sequence));
/// ```
pub fn verify(events: &[Event], after: Anchor) -> std::result::Result<Anchor, ChainBreak> {
    let mut anchor = after;
    for (i, e) in events.iter().enumerate() {
        anchor = check_next(i, e, anchor)?;
    }
    Ok(anchor)
}

/// Like [`verify`], and the log must end exactly at `head` (which catches events cut off the
/// end, or appended past a published head).
///
/// ```
/// use renda::chain::{verify_to, Anchor, Problem};
/// # let mut l = renda::Ledger::new(Default::default());
/// # for (d, u) in [("2024-01-02", "u1"), ("2024-01-03", "u2")] {
/// #   l.execute_json(&format!(r#"{{"at":"{d}","actor":{{"role":"admin","id":"a"}},
/// #     "command":{{"type":"register_unit","unit":"{u}","name":"单位"}}}}"#)).unwrap();
/// # }
/// let head = l.head();
/// let events = l.events();
/// assert!(verify_to(events, Anchor::GENESIS, head).is_ok());
/// let b = verify_to(&events[..1], Anchor::GENESIS, head).unwrap_err();
/// assert_eq!((b.index, b.problem), (1, Problem::Head));
/// ```
pub fn verify_to(
    events: &[Event],
    after: Anchor,
    head: Anchor,
) -> std::result::Result<(), ChainBreak> {
    verify(events, after)?;
    check_head(events, after, head)
}

/// Whether a log continuing `after` *claims* to end exactly at `head`: compares the last
/// event's seq and recorded hash, without recomputing any hash. Pair it with [`verify`] or
/// [`crate::Ledger::append_events`] (which verify the hashes) to catch truncation cheaply.
///
/// ```
/// use renda::chain::{check_head, Anchor, Problem};
/// # let mut l = renda::Ledger::new(Default::default());
/// # l.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},
/// #   "command":{"type":"register_unit","unit":"u1","name":"单位"}}"#).unwrap();
/// assert!(check_head(l.events(), Anchor::GENESIS, l.head()).is_ok());
/// let b = check_head(&[], Anchor::GENESIS, l.head()).unwrap_err();
/// assert_eq!((b.index, b.problem), (0, Problem::Head));
/// ```
pub fn check_head(
    events: &[Event],
    after: Anchor,
    head: Anchor,
) -> std::result::Result<(), ChainBreak> {
    let reached = events.last().map_or(after, |e| Anchor {
        seq: e.seq,
        hash: e.hash,
    });
    if reached != head {
        return Err(ChainBreak {
            index: events.len(),
            seq: reached.seq + 1,
            problem: Problem::Head,
            expected: format!("{}:{}", head.seq, head.hash),
            found: format!("{}:{}", reached.seq, reached.hash),
        });
    }
    Ok(())
}

/// Parses a log in wire form and verifies it from the genesis: the JSON facade of [`verify`]
/// for the bindings.
///
/// The report is `{"ok":true,"events":N,"head":{"seq":N,"hash":"…"}}` or
/// `{"ok":false,"events":N,"break":{"index":…,"seq":…,"problem":"…","expected":"…","found":"…"}}`.
/// Input that is not a log at all (bad JSON, an unknown event type) is an error.
///
/// ```
/// let report = renda::chain::verify_json("[]").unwrap();
/// assert_eq!(report, r#"{"ok":true,"events":0,"head":{"seq":0,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}}"#);
/// ```
pub fn verify_json(events: &str) -> Result<String> {
    let events = crate::api::parse_events(events)?;
    let report = match verify(&events, Anchor::GENESIS) {
        Ok(head) => Report {
            ok: true,
            events: events.len(),
            head: Some(head),
            r#break: None,
        },
        Err(b) => Report {
            ok: false,
            events: events.len(),
            head: None,
            r#break: Some(b),
        },
    };
    serde_json::to_string(&report).map_err(|e| RendaError::InvalidField {
        field: "events".into(),
        value: String::new(),
        reason: e.to_string(),
    })
}

/// The wire form of a verification.
#[derive(Serialize)]
struct Report {
    ok: bool,
    events: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    head: Option<Anchor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    r#break: Option<ChainBreak>,
}
