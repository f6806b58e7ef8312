//! The generator's agenda: commands are planned out of order (a suggestion's whole lifecycle
//! at once) and released in time order, one year at a time, so memory holds about one year.

use crate::actor::Actor;
use crate::command::{Command, CommandEnvelope};
use crate::time::{china_offset, Timestamp};
use chrono::{NaiveDate, TimeZone};

struct Entry {
    at: Timestamp,
    order: u64,
    envelope: CommandEnvelope,
}

/// Planned commands not yet released.
pub(crate) struct Timeline {
    entries: Vec<Entry>,
    order: u64,
    horizon: NaiveDate,
}

impl Timeline {
    /// A timeline that drops whatever is planned after `horizon` (the end of the term).
    pub(crate) fn new(horizon: NaiveDate) -> Self {
        Self {
            entries: Vec::new(),
            order: 0,
            horizon,
        }
    }

    /// Plans `command` by `actor` on `day` at `hour` (China time). Commands at the same
    /// instant are released in the order they were planned.
    pub(crate) fn push(&mut self, day: NaiveDate, hour: u32, actor: &Actor, command: Command) {
        if day > self.horizon {
            return;
        }
        let naive = day.and_hms_opt(hour.min(23), 0, 0).unwrap_or_default();
        let at = china_offset()
            .from_local_datetime(&naive)
            .single()
            .map_or_else(|| Timestamp::start_of_china_day(day), Timestamp::new);
        self.order += 1;
        self.entries.push(Entry {
            at,
            order: self.order,
            envelope: CommandEnvelope {
                at,
                actor: actor.clone(),
                command,
            },
        });
    }

    /// Releases, in time order, the commands planned up to the end of `day`.
    pub(crate) fn release_through(&mut self, day: NaiveDate) -> Vec<CommandEnvelope> {
        let (mut due, rest): (Vec<Entry>, Vec<Entry>) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|e| e.at.china_date() <= day);
        self.entries = rest;
        due.sort_by(|a, b| a.at.cmp(&b.at).then(a.order.cmp(&b.order)));
        due.into_iter().map(|e| e.envelope).collect()
    }
}
