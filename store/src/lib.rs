//! # renda-store — the renda event log, durable, in one SQLite file
//!
//! A [`Store`] keeps a [`renda::Ledger`]'s event log in a SQLite file and the ledger rebuilt
//! from it in memory. Every command is checked by the core and its events are written in one
//! transaction, so the file and the in-memory ledger never disagree: a rejected command
//! changes neither. Any number of handles — in threads or in separate processes — may share a
//! file: writers take turns on SQLite's write lock, each catching up with the others' events
//! first, and [`Store::execute_expecting`] gives optimistic concurrency (fail with
//! [`StoreError::Conflict`] if someone else wrote since you decided).
//!
//! The core stays free of I/O; all SQLite code lives here. The file format, pragmas and the
//! crash guarantees are described in `store/README.md`.
//!
//! ```
//! use renda::CommandEnvelope;
//! use renda_store::Store;
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("office.renda");
//!
//! let mut store = Store::open(&path, Default::default()).unwrap();
//! let cmd = CommandEnvelope::from_json(r#"{"at":"2024-01-02T09:00:00+08:00",
//!   "actor":{"role":"admin","id":"admin"},
//!   "command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#).unwrap();
//! let events = store.execute(cmd).unwrap();
//! assert_eq!(events[0].seq, 1);
//! drop(store);
//!
//! // Reopening rebuilds the same ledger from the file.
//! let store = Store::open(&path, Default::default()).unwrap();
//! assert_eq!(store.version(), 1);
//! assert_eq!(store.ledger().units().count(), 1);
//! ```
#![warn(missing_docs)]

pub mod error;
mod schema;

pub use error::{StoreError, StoreErrorInfo, StoreErrorKind};
pub use schema::{APPLICATION_ID, BUSY_TIMEOUT, FORMAT_VERSION};

use renda::chain::Anchor;
use renda::rules::RuleBook;
use renda::{CommandEnvelope, Event, Ledger};
use rusqlite::{Connection, TransactionBehavior};
use std::fmt;
use std::path::{Path, PathBuf};

/// Shorthand for results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A handle on a store file: the SQLite connection and the ledger rebuilt from the file.
///
/// The in-memory ledger is always the file's log up to [`Store::version`] (a prefix of the
/// file: other handles may have appended more; [`Store::refresh`] reads them, and every write
/// catches up first). A handle is `Send` but not `Sync`: give each thread its own handle, or
/// put one behind a mutex.
///
/// ```
/// use renda_store::Store;
/// let dir = tempfile::tempdir().unwrap();
/// let store = Store::open(dir.path().join("a.renda"), Default::default()).unwrap();
/// assert_eq!(store.version(), 0);
/// assert!(store.path().ends_with("a.renda"));
/// ```
pub struct Store {
    conn: Connection,
    ledger: Ledger,
    path: PathBuf,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("version", &self.version())
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the store at `path`, creating the file and its tables if it does not exist, and
    /// rebuilds the ledger from every event in it with [`Ledger::replay`] under `rules`.
    ///
    /// A file that is not a renda store gives [`StoreError::Format`]; a damaged or tampered
    /// log (an event missing, edited, not valid JSON, out of order, a broken hash chain, or a
    /// log that does not end at its recorded head) gives [`StoreError::Corrupt`] naming the
    /// first bad event.
    ///
    /// ```
    /// use renda_store::Store;
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("not-a-store");
    /// std::fs::write(&path, "just text, not SQLite").unwrap();
    /// let err = Store::open(&path, Default::default()).unwrap_err();
    /// assert_eq!(err.code(), "store_format");
    /// ```
    pub fn open(path: impl AsRef<Path>, rules: RuleBook) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let conn = schema::connect(&path)?;
        let ledger = load(&conn, rules)?;
        Ok(Self { conn, ledger, path })
    }

    /// The path the store was opened with.
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// let store = renda_store::Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// assert_eq!(store.path().file_name().unwrap(), "x.renda");
    /// ```
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The ledger as of [`Store::version`].
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// let store = renda_store::Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// assert_eq!(store.ledger().seq(), store.version());
    /// ```
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The events this handle knows (all of the file's, up to [`Store::version`]).
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// let store = renda_store::Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// assert!(store.events().is_empty());
    /// ```
    pub fn events(&self) -> &[Event] {
        self.ledger.events()
    }

    /// Sequence number of the last event this handle knows (0 for an empty store). Other
    /// handles may have appended more since: see [`Store::refresh`].
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// let store = renda_store::Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// assert_eq!(store.version(), 0);
    /// ```
    pub fn version(&self) -> u64 {
        self.ledger.seq()
    }

    /// Reads the events other handles or processes appended since [`Store::version`] and
    /// applies them (with [`Ledger::append_events`]); returns the new version.
    ///
    /// ```
    /// use renda::CommandEnvelope;
    /// use renda_store::Store;
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("shared.renda");
    /// let mut a = Store::open(&path, Default::default()).unwrap();
    /// let mut b = Store::open(&path, Default::default()).unwrap();
    /// a.execute(CommandEnvelope::from_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},
    ///   "command":{"type":"register_unit","unit":"u1","name":"区教委"}}"#).unwrap()).unwrap();
    /// assert_eq!(b.version(), 0);
    /// assert_eq!(b.refresh().unwrap(), 1);
    /// assert_eq!(b.ledger().state(), a.ledger().state());
    /// ```
    pub fn refresh(&mut self) -> Result<u64> {
        let tx = self.conn.unchecked_transaction()?;
        catch_up(&tx, &mut self.ledger)?;
        drop(tx);
        Ok(self.version())
    }

    /// Re-reads the whole file and rebuilds the ledger from scratch (as [`Store::open`] does),
    /// discarding the in-memory state; returns the version. [`Store::refresh`] is the cheap
    /// way to catch up; this one is for recovery (the bindings call it after a panic).
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// let mut store = renda_store::Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// assert_eq!(store.reload().unwrap(), 0);
    /// ```
    pub fn reload(&mut self) -> Result<u64> {
        self.ledger = load(&self.conn, self.ledger.rules().clone())?;
        Ok(self.version())
    }

    /// Executes a command: in one write transaction (`BEGIN IMMEDIATE`), catches up with the
    /// file, lets the core decide, writes the events and commits; then returns the recorded
    /// events. A rejected command ([`StoreError::Domain`], the core's error unchanged) changes
    /// neither the file nor the in-memory ledger.
    ///
    /// The command is decided on the latest state of the file, whoever wrote it. To decide
    /// on a state you have seen (and fail if it changed), use [`Store::execute_expecting`].
    ///
    /// ```
    /// use renda::CommandEnvelope;
    /// # let dir = tempfile::tempdir().unwrap();
    /// let mut store = renda_store::Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// let denied = CommandEnvelope::from_json(r#"{"at":"2024-01-02","actor":{"role":"deputy","id":"D1"},
    ///   "command":{"type":"register_unit","unit":"u1","name":"区教委"}}"#).unwrap();
    /// let err = store.execute(denied).unwrap_err();
    /// assert_eq!(err.code(), "permission_denied");
    /// assert_eq!(store.version(), 0);
    /// ```
    pub fn execute(&mut self, cmd: CommandEnvelope) -> Result<Vec<Event>> {
        self.execute_at(cmd, None)
    }

    /// Like [`Store::execute`], for a command the caller decided on the state at
    /// `expected_version`: if the file is at another version, fails with
    /// [`StoreError::Conflict`] (code `version_conflict`) and writes nothing, but the handle
    /// catches up, so the caller can look at the new state, decide again and retry.
    ///
    /// ```
    /// use renda::CommandEnvelope;
    /// use renda_store::{Store, StoreError};
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("x.renda");
    /// let unit = |u: &str| CommandEnvelope::from_json(&format!(r#"{{"at":"2024-01-02",
    ///   "actor":{{"role":"admin","id":"a"}},"command":{{"type":"register_unit","unit":"{u}","name":"单位"}}}}"#)).unwrap();
    /// let mut a = Store::open(&path, Default::default()).unwrap();
    /// let mut b = Store::open(&path, Default::default()).unwrap();
    /// a.execute_expecting(unit("u1"), 0).unwrap();
    /// // b decided at version 0 too, but a wrote first.
    /// let err = b.execute_expecting(unit("u2"), 0).unwrap_err();
    /// assert!(matches!(err, StoreError::Conflict { expected: 0, actual: 1 }));
    /// assert_eq!(err.code(), "version_conflict");
    /// // b has caught up: decide again at its version and retry.
    /// let v = b.version();
    /// b.execute_expecting(unit("u2"), v).unwrap();
    /// assert_eq!(b.version(), 2);
    /// ```
    pub fn execute_expecting(
        &mut self,
        cmd: CommandEnvelope,
        expected_version: u64,
    ) -> Result<Vec<Event>> {
        self.execute_at(cmd, Some(expected_version))
    }

    fn execute_at(&mut self, cmd: CommandEnvelope, expected: Option<u64>) -> Result<Vec<Event>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        catch_up(&tx, &mut self.ledger)?;
        if let Some(expected) = expected {
            check_version(expected, self.ledger.seq())?;
        }
        // A rejected command stops here, with nothing changed (the transaction rolls back
        // when dropped, having written nothing).
        self.ledger.decide(&cmd).map_err(StoreError::Domain)?;
        let before = self.ledger.events().len();
        let recorded = match self.ledger.execute(cmd) {
            Ok(events) => events.to_vec(),
            Err(e) => {
                truncate(&mut self.ledger, before);
                return Err(StoreError::Domain(e));
            }
        };
        let written = schema::write_events(&tx, &recorded, &self.ledger.head())
            .and_then(|()| tx.commit().map_err(StoreError::from));
        if let Err(e) = written {
            truncate(&mut self.ledger, before);
            return Err(e);
        }
        Ok(recorded)
    }

    /// Appends already-recorded events (e.g. importing an existing log) after
    /// `expected_version`; returns the new version. The events are checked by
    /// [`Ledger::append_events`] (numbering, time order, hash chain, references) before
    /// anything is written: invalid events give [`StoreError::Domain`] and change nothing.
    /// Events of schema 1 (without hashes) are sealed into the chain by the core and written
    /// sealed.
    ///
    /// ```
    /// use renda::Ledger;
    /// use renda_store::Store;
    /// let mut elsewhere = Ledger::new(Default::default());
    /// elsewhere.execute_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},
    ///   "command":{"type":"register_unit","unit":"u1","name":"区教委"}}"#).unwrap();
    /// # let dir = tempfile::tempdir().unwrap();
    /// let mut store = Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// assert_eq!(store.append(0, elsewhere.events().to_vec()).unwrap(), 1);
    /// // The same events again do not fit after version 1: the core refuses them.
    /// let err = store.append(1, elsewhere.events().to_vec()).unwrap_err();
    /// assert!(matches!(err, renda_store::StoreError::Domain(_)));
    /// assert_eq!(store.version(), 1);
    /// ```
    pub fn append(&mut self, expected_version: u64, events: Vec<Event>) -> Result<u64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        catch_up(&tx, &mut self.ledger)?;
        check_version(expected_version, self.ledger.seq())?;
        let before = self.ledger.events().len();
        self.ledger
            .append_events(events)
            .map_err(StoreError::Domain)?;
        let written =
            schema::write_events(&tx, &self.ledger.events()[before..], &self.ledger.head())
                .and_then(|()| tx.commit().map_err(StoreError::from));
        if let Err(e) = written {
            truncate(&mut self.ledger, before);
            return Err(e);
        }
        Ok(self.version())
    }

    /// Re-reads the whole file and checks it: every event present, valid and in order, the
    /// hash chain intact up to the recorded head, the log replayable, and the events this
    /// handle has read still there unchanged. Returns the file's head (seq and hash of the
    /// last event), which may be ahead of [`Store::version`] if others have written.
    ///
    /// ```
    /// # let dir = tempfile::tempdir().unwrap();
    /// let store = renda_store::Store::open(dir.path().join("x.renda"), Default::default()).unwrap();
    /// assert_eq!(store.verify().unwrap(), renda::chain::Anchor::GENESIS);
    /// ```
    pub fn verify(&self) -> Result<Anchor> {
        let file = load(&self.conn, self.ledger.rules().clone())?;
        let ours = self.ledger.events();
        let theirs = file.events();
        if let Some(i) = (0..ours.len()).find(|&i| theirs.get(i) != Some(&ours[i])) {
            return Err(StoreError::Corrupt {
                seq: Some(i as u64 + 1),
                reason: format!(
                    "event {} read earlier by this handle is no longer in the file as it was",
                    i + 1
                ),
            });
        }
        Ok(file.head())
    }
}

/// Fails with a conflict unless the file is at the version the caller decided on.
fn check_version(expected: u64, actual: u64) -> Result<()> {
    if expected == actual {
        Ok(())
    } else {
        Err(StoreError::Conflict { expected, actual })
    }
}

/// Reads the whole log in one read transaction and rebuilds the ledger.
fn load(conn: &Connection, rules: RuleBook) -> Result<Ledger> {
    let tx = conn.unchecked_transaction()?;
    let mut ledger = Ledger::new(rules);
    catch_up(&tx, &mut ledger)?;
    Ok(ledger)
}

/// Applies the file's events after `ledger.seq()` to `ledger`, checked against the head
/// recorded in the file. The caller holds a transaction, so the events and the head are read
/// from one consistent state of the file.
fn catch_up(conn: &Connection, ledger: &mut Ledger) -> Result<()> {
    let head = schema::read_head(conn)?;
    let base = ledger.seq();
    if head.seq < base {
        return Err(StoreError::Corrupt {
            seq: Some(head.seq + 1),
            reason: format!(
                "the file's log ends at event {} but this handle has read up to event {base}: events were removed",
                head.seq
            ),
        });
    }
    let events = schema::read_events(conn, base)?;
    check_chain(&events, ledger.head(), head)?;
    ledger
        .append_events(events)
        .map_err(|e| StoreError::corrupt_log(e, base))
}

/// THE hash-chain check of the store (its single call site of `renda::chain`): the events
/// read from the file must end exactly at the head recorded in the file (which catches events
/// cut off the end). Only the claimed end is compared here; [`Ledger::append_events`], which
/// the caller runs next, recomputes every hash and link once.
fn check_chain(events: &[Event], after: Anchor, head: Anchor) -> Result<()> {
    renda::chain::check_head(events, after, head)
        .map_err(|b| StoreError::corrupt_log(b.into(), after.seq))
}

/// Undoes events recorded in memory but not committed: the ledger goes back to its first
/// `len` events (replayed in memory; no I/O). Should that replay ever fail, the ledger is
/// emptied, and the next catch-up reads the whole file again.
fn truncate(ledger: &mut Ledger, len: usize) {
    if ledger.events().len() == len {
        return;
    }
    let rules = ledger.rules().clone();
    let kept = ledger.events()[..len].to_vec();
    *ledger = Ledger::replay(rules.clone(), kept).unwrap_or_else(|_| Ledger::new(rules));
}
