//! The columnar log on disk: renda's event log for bulk data (`.rcl`, "renda columnar log").
//!
//! Little-endian, column by column, sealed with a SHA-256 digest of everything before it, so a
//! log is verified once when it is read (not event by event as the ledger's JSON log is):
//!
//! ```text
//! "RENDACL1"
//! u32 congresses, then per congress: u8 level (Level::ALL index), u16 length, UTF-8 id
//! u32 units,      then per unit:     u16 length, UTF-8 id
//! u32 suggestions, then per suggestion: u32 congress row, u8 period (0 session, 1 recess),
//!                                      u16 length, UTF-8 id
//! u64 events, then the columns: suggestion u32 × n, day i32 × n, kind u8 × n, arg u32 × n
//! 32 bytes: SHA-256 of all the bytes above
//! ```
//!
//! Reading checks the digest, every length and id, then the rows as
//! [`SuggestionLog::from_columns`] does: a damaged or forged file is an error, never a panic.

use super::{Dimensions, SuggestionLog};
use crate::error::{RendaError, Result};
use crate::ids::{CongressId, SuggestionId, UnitId};
use crate::registry::Level;
use crate::suggestion::SubmissionPeriod;
use sha2::{Digest, Sha256};

const MAGIC: &[u8; 8] = b"RENDACL1";

fn bad(reason: impl Into<String>) -> RendaError {
    RendaError::InvalidField {
        field: "log".into(),
        value: "(columnar log bytes)".into(),
        reason: reason.into(),
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u16).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over the bytes being read.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or_else(|| bad(format!("truncated in {what}")))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self, what: &str) -> Result<u8> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<u16> {
        Ok(u16::from_le_bytes(
            self.take(2, what)?.try_into().expect("2 bytes"),
        ))
    }
    fn u32(&mut self, what: &str) -> Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4, what)?.try_into().expect("4 bytes"),
        ))
    }
    fn count(&mut self, what: &str, width: usize) -> Result<usize> {
        let n = self.u32(what)? as usize;
        // Each item takes at least `width` bytes: a count beyond the rest is a damaged file.
        if n.saturating_mul(width) > self.bytes.len() - self.at {
            return Err(bad(format!("{what}: count {n} exceeds the file")));
        }
        Ok(n)
    }
    fn text(&mut self, what: &str) -> Result<&'a str> {
        let n = self.u16(what)? as usize;
        std::str::from_utf8(self.take(n, what)?).map_err(|_| bad(format!("{what}: not UTF-8")))
    }
    fn column<T>(&mut self, n: usize, what: &str, f: impl Fn(&[u8]) -> T) -> Result<Vec<T>> {
        let width = std::mem::size_of::<T>();
        let bytes = self.take(
            n.checked_mul(width).ok_or_else(|| bad("too many events"))?,
            what,
        )?;
        Ok(bytes.chunks_exact(width).map(f).collect())
    }
}

impl SuggestionLog {
    /// The log in the columnar file format (see [`crate::columnar::file`]).
    ///
    /// ```
    /// use renda::columnar::SuggestionLog;
    /// let log = SuggestionLog::new();
    /// let bytes = log.to_bytes();
    /// assert_eq!(SuggestionLog::from_bytes(&bytes).unwrap(), log);
    /// let mut bad = bytes.clone();
    /// bad[9] ^= 1;
    /// assert_eq!(SuggestionLog::from_bytes(&bad).unwrap_err().field(), Some("log"));
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let d = self.dimensions();
        let mut out = Vec::with_capacity(64 + self.len() * 13 + d.suggestions.len() * 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(d.congresses.len() as u32).to_le_bytes());
        for (c, level) in d.congresses.iter().zip(&d.levels) {
            let code = Level::ALL.iter().position(|l| l == level).expect("listed");
            out.push(code as u8);
            put_str(&mut out, c.as_str());
        }
        out.extend_from_slice(&(d.units.len() as u32).to_le_bytes());
        for u in &d.units {
            put_str(&mut out, u.as_str());
        }
        out.extend_from_slice(&(d.suggestions.len() as u32).to_le_bytes());
        for i in 0..d.suggestions.len() {
            out.extend_from_slice(&d.suggestion_congress[i].to_le_bytes());
            out.push(match d.during[i] {
                SubmissionPeriod::Session => 0,
                SubmissionPeriod::Recess => 1,
            });
            put_str(&mut out, d.suggestions[i].as_str());
        }
        out.extend_from_slice(&(self.len() as u64).to_le_bytes());
        out.extend(self.suggestions().iter().flat_map(|x| x.to_le_bytes()));
        out.extend(self.days().iter().flat_map(|x| x.to_le_bytes()));
        out.extend(self.kinds().iter().map(|k| *k as u8));
        out.extend(self.args().iter().flat_map(|x| x.to_le_bytes()));
        let digest = Sha256::digest(&out);
        out.extend_from_slice(&digest);
        out
    }

    /// Reads a log written by [`SuggestionLog::to_bytes`], verifying its digest, then every
    /// id and row. Errors name `log` (a damaged file) or the row (`events[row].column`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        if bytes.len() < MAGIC.len() + 32 || &bytes[..MAGIC.len()] != MAGIC {
            return Err(bad("not a renda columnar log (RENDACL1)"));
        }
        let (body, digest) = bytes.split_at(bytes.len() - 32);
        if Sha256::digest(body).as_slice() != digest {
            return Err(bad(
                "the SHA-256 digest does not match: the file is damaged or altered",
            ));
        }
        let mut r = Reader {
            bytes: body,
            at: MAGIC.len(),
        };
        let mut d = Dimensions::default();
        for _ in 0..r.count("congresses", 3)? {
            let level = r.u8("congress level")?;
            let level = *Level::ALL
                .get(usize::from(level))
                .ok_or_else(|| bad(format!("congress level code {level}")))?;
            d.congresses.push(CongressId::new(r.text("congress id")?)?);
            d.levels.push(level);
        }
        for _ in 0..r.count("units", 2)? {
            d.units.push(UnitId::new(r.text("unit id")?)?);
        }
        for _ in 0..r.count("suggestions", 7)? {
            d.suggestion_congress.push(r.u32("suggestion congress")?);
            d.during.push(match r.u8("suggestion period")? {
                0 => SubmissionPeriod::Session,
                1 => SubmissionPeriod::Recess,
                p => return Err(bad(format!("submission period code {p}"))),
            });
            d.suggestions
                .push(SuggestionId::new(r.text("suggestion id")?)?);
        }
        let n = u64::from_le_bytes(r.take(8, "event count")?.try_into().expect("8 bytes"));
        let n = usize::try_from(n).map_err(|_| bad("too many events"))?;
        let le4 = |b: &[u8]| <[u8; 4]>::try_from(b).expect("4 bytes");
        let suggestion = r.column(n, "suggestion column", |b| u32::from_le_bytes(le4(b)))?;
        let day = r.column(n, "day column", |b| i32::from_le_bytes(le4(b)))?;
        let kind = r.column(n, "kind column", |b| b[0])?;
        let arg = r.column(n, "arg column", |b| u32::from_le_bytes(le4(b)))?;
        if r.at != body.len() {
            return Err(bad("bytes after the last column"));
        }
        SuggestionLog::from_columns(d, suggestion, day, kind, arg)
    }
}
