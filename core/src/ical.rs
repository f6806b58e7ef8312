//! iCalendar (RFC 5545) export of due dates, for a handling unit, a deputy or a whole congress.
//!
//! A congress office, a department or a deputy subscribes to a `.ics` file and sees the reply
//! due dates (L-1, R-S1, R-S3) in the calendar they already use. [`Ledger::to_ical`] writes one
//! all-day `VEVENT` per suggestion that awaits a reply with a fixed due date on the "as of" day
//! (assigned, or being re-handled; suggestions in the plan ledger roll within the term, R-S5,
//! and have none). The due date is the one [`Ledger::suggestion_view`] derives: never stored.
//!
//! | Scope ([`IcalScope`]) | Which suggestions |
//! |---|---|
//! | `{"unit": "edu"}` | those the unit leads (主办) |
//! | `{"deputy": "D1"}` | those the deputy proposed (lead or co-signer); only the title, the due date, the round and the lead unit, nothing private |
//! | `{"congress": "hd-17"}` | every suggestion of the congress |
//!
//! The output is deterministic: `DTSTAMP` is derived from the "as of" date (its first instant in
//! China time, written in UTC), the `UID` is stable (`suggestion-<id>-reply-<round>@renda`), so a
//! calendar client updates an event rather than duplicating it when the file is fetched again,
//! lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character, and
//! text values escape `\`, `;`, `,` and line breaks.
//!
//! Meetings held on or after the "as of" day are in the same file, as all-day events with UID
//! `meeting-<id>@renda`: every sitting, standing-committee and director meeting for a congress;
//! for a deputy the sittings of their congress and, if they sit on its standing committee, its
//! meetings; none for a handling unit. [`IcalEvent`] and [`render`] are the generic builder.
//!
//! ```
//! use renda::{Ledger, ical::IcalScope};
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_congress",
//!      "congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王某"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
//!   r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D1"},"command":{"type":"submit_suggestion","suggestion":"S1",
//!      "congress":"hd","title":"关于增加幼儿园学位的建议","lead":"D1","during":"session"}}"#,
//!   r#"{"at":"2024-01-10","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"accept_suggestion","suggestion":"S1"}}"#,
//!   r#"{"at":"2024-01-15","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"assign_suggestion","suggestion":"S1","lead_unit":"edu"}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let ics = ledger.to_ical("2024-02-01".parse().unwrap(), &IcalScope::Unit("edu".parse().unwrap())).unwrap();
//! assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
//! assert!(ics.contains("UID:suggestion-S1-reply-1@renda\r\n"));
//! assert!(ics.contains("DTSTART;VALUE=DATE:20240415\r\n")); // L-1: 3 months after assignment
//! assert!(ics.contains("DTSTAMP:20240131T160000Z\r\n"));
//! assert!(ics.ends_with("END:VCALENDAR\r\n"));
//! ```

use crate::error::{RendaError, Result};
use crate::ids::{CongressId, DeputyId, UnitId};
use crate::ledger::Ledger;
use crate::suggestion::Suggestion;
use crate::time::Timestamp;
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The product identifier written in `PRODID`.
pub const PRODID: &str = "-//renda//renda iCalendar export//ZH";

/// Longest content line, in octets, before folding (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Whose due dates a calendar holds.
///
/// ```
/// use renda::ical::IcalScope;
/// let s: IcalScope = serde_json::from_str(r#"{"unit":"edu"}"#).unwrap();
/// assert_eq!(s, IcalScope::Unit("edu".parse().unwrap()));
/// assert_eq!(serde_json::to_string(&IcalScope::Deputy("D1".parse().unwrap())).unwrap(), r#"{"deputy":"D1"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum IcalScope {
    /// A handling unit: the suggestions it leads (主办).
    Unit(UnitId),
    /// A deputy: the suggestions they proposed, as lead deputy or co-signer.
    Deputy(DeputyId),
    /// A congress: all its suggestions.
    Congress(CongressId),
}

/// When an event takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcalWhen {
    /// Whole days: `DTSTART;VALUE=DATE` and the exclusive `DTEND;VALUE=DATE` (one day when
    /// `end` is `None`).
    AllDay {
        /// First day.
        start: NaiveDate,
        /// Last day (inclusive); `None`: the same day.
        end: Option<NaiveDate>,
    },
    /// A timed event, written in UTC (`DTSTART:20240301T010000Z`).
    Timed {
        /// Start.
        start: Timestamp,
        /// End.
        end: Timestamp,
    },
}

/// One `VEVENT`: the generic builder for due dates and meetings.
///
/// ```
/// use renda::ical::{IcalEvent, IcalWhen};
/// let e = IcalEvent {
///     uid: "meeting-sc-2024-3@renda".into(),
///     when: IcalWhen::AllDay { start: "2024-03-01".parse().unwrap(), end: None },
///     summary: "常委会会议; 第3次, Standing committee".into(),
///     description: None,
///     location: None,
///     categories: vec![],
/// };
/// let lines = e.lines("20240101T000000Z");
/// assert!(lines.contains(&r"SUMMARY:常委会会议\; 第3次\, Standing committee".to_string()));
/// assert!(lines.contains(&"DTEND;VALUE=DATE:20240302".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcalEvent {
    /// Globally unique, stable identifier (`…@renda`).
    pub uid: String,
    /// When.
    pub when: IcalWhen,
    /// One-line title.
    pub summary: String,
    /// Longer text (line breaks allowed).
    pub description: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// Categories (each escaped; written comma-separated).
    pub categories: Vec<String>,
}

impl IcalEvent {
    /// The unfolded content lines of the event, from `BEGIN:VEVENT` to `END:VEVENT`, with
    /// `dtstamp` (a UTC date-time such as `20240101T000000Z`) as its `DTSTAMP`.
    pub fn lines(&self, dtstamp: &str) -> Vec<String> {
        let mut out = vec![
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape_text(&self.uid)),
            format!("DTSTAMP:{dtstamp}"),
        ];
        match self.when {
            IcalWhen::AllDay { start, end } => {
                let last = end.unwrap_or(start).max(start);
                let after = last.succ_opt().unwrap_or(last);
                out.push(format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")));
                out.push(format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")));
            }
            IcalWhen::Timed { start, end } => {
                out.push(format!("DTSTART:{}", utc_stamp(start)));
                out.push(format!("DTEND:{}", utc_stamp(end.max(start))));
            }
        }
        out.push(format!("SUMMARY:{}", escape_text(&self.summary)));
        if let Some(d) = &self.description {
            out.push(format!("DESCRIPTION:{}", escape_text(d)));
        }
        if let Some(l) = &self.location {
            out.push(format!("LOCATION:{}", escape_text(l)));
        }
        if !self.categories.is_empty() {
            let cats: Vec<String> = self.categories.iter().map(|c| escape_text(c)).collect();
            out.push(format!("CATEGORIES:{}", cats.join(",")));
        }
        out.push("TRANSP:TRANSPARENT".to_string());
        out.push("END:VEVENT".to_string());
        out
    }
}

/// A `VCALENDAR` with `name` (`X-WR-CALNAME`) and the events, each stamped with `dtstamp`:
/// CRLF line ends, lines folded at 75 octets.
///
/// ```
/// let ics = renda::ical::render("日程", "20240101T000000Z", &[]);
/// assert_eq!(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//renda//renda iCalendar export//ZH\r\n\
/// CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:日程\r\nEND:VCALENDAR\r\n");
/// ```
pub fn render(name: &str, dtstamp: &str, events: &[IcalEvent]) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape_text(name)),
    ];
    for e in events {
        lines.extend(e.lines(dtstamp));
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for l in &lines {
        out.push_str(&fold(l));
    }
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, a line break
/// (CRLF, LF or CR) → `\n`; other control characters are dropped (they may not appear).
///
/// ```
/// assert_eq!(renda::ical::escape_text("a,b;c\\d\r\ne"), r"a\,b\;c\\d\ne");
/// ```
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (without its line end) at [`MAX_LINE_OCTETS`] octets, never inside
/// a UTF-8 character, and ends every physical line with CRLF; continuation lines start with a
/// space (RFC 5545 §3.1).
///
/// ```
/// let line = format!("SUMMARY:{}", "建".repeat(30)); // 8 + 90 octets
/// let folded = renda::ical::fold(&line);
/// let parts: Vec<&str> = folded.split("\r\n").collect();
/// assert_eq!(parts.len(), 3); // two physical lines and the empty rest
/// assert!(parts.iter().all(|p| p.len() <= 75));
/// assert_eq!(parts[0].len(), 74); // 8 + 22 × 3: a 23rd character would pass 75
/// assert!(parts[1].starts_with(' '));
/// ```
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    let mut limit = MAX_LINE_OCTETS;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > limit {
            out.push_str("\r\n ");
            used = 1;
            limit = MAX_LINE_OCTETS;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// A UTC date-time in iCalendar form (`20240301T010000Z`).
fn utc_stamp(t: Timestamp) -> String {
    t.instant()
        .with_timezone(&Utc)
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The `DTSTAMP` of a calendar exported "as of" `as_of`: its first instant in China time, in
/// UTC (`2024-02-01` → `20240131T160000Z`).
///
/// ```
/// assert_eq!(renda::ical::dtstamp_for("2024-02-01".parse().unwrap()), "20240131T160000Z");
/// ```
pub fn dtstamp_for(as_of: NaiveDate) -> String {
    utc_stamp(Timestamp::start_of_china_day(as_of))
}

impl Ledger {
    /// The reply due dates in `scope` as of the end of `as_of`, as an iCalendar file (RFC
    /// 5545): one all-day `VEVENT` per suggestion awaiting a reply with a fixed due date, on
    /// that date; `UID` `suggestion-<id>-reply-<round>@renda`; `SUMMARY` 建议答复截止 / Reply
    /// due: title; events ordered by due date, then suggestion id. `not_found` for an unknown
    /// unit, deputy or congress. See the [module docs](crate::ical).
    pub fn to_ical(&self, as_of: NaiveDate, scope: &IcalScope) -> Result<String> {
        let st = self.state();
        let name = match scope {
            IcalScope::Unit(u) => {
                let unit = st.unit(u, "scope.unit")?;
                format!("{} 建议答复截止 / Reply due dates", unit.name)
            }
            IcalScope::Deputy(d) => {
                let deputy = st.deputy(d, "scope.deputy")?;
                format!("{} 建议答复截止 / Reply due dates", deputy.name)
            }
            IcalScope::Congress(c) => {
                let congress = st.congress(c, "scope.congress")?;
                format!("{} 建议答复截止 / Reply due dates", congress.name)
            }
        };
        let mut events = Vec::new();
        for s in st.suggestions.values().filter(|s| in_scope(s, scope)) {
            if let Some(e) = self.reply_due_event(s, as_of)? {
                events.push(e);
            }
        }
        events.extend(meeting_events(st, scope, as_of));
        events.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.uid.cmp(&b.1.uid)));
        let events: Vec<IcalEvent> = events.into_iter().map(|(_, e)| e).collect();
        Ok(render(&name, &dtstamp_for(as_of), &events))
    }

    /// The due-date event of one suggestion as of `as_of`, with its date for sorting.
    fn reply_due_event(
        &self,
        s: &Suggestion,
        as_of: NaiveDate,
    ) -> Result<Option<(NaiveDate, IcalEvent)>> {
        let view = self.suggestion_view(&s.id, as_of)?;
        let Some(due) = view.due else {
            return Ok(None);
        };
        let round = s.replies.iter().filter(|r| r.on <= as_of).count() + 1;
        let unit_name = match &view.lead_unit {
            Some(u) => self
                .state()
                .units
                .get(u)
                .map_or_else(|| u.to_string(), |unit| unit.name.clone()),
            None => String::new(),
        };
        let overdue = view
            .overdue_days
            .map(|d| (format!("，已逾期 {d} 天"), format!(", {d} days overdue")))
            .unwrap_or_default();
        let description = format!(
            "建议 {id}：{title}\n主办单位：{unit_name}\n第 {round} 次答复{zh_over}\n\
             Suggestion {id}: {title}\nLead unit: {unit_name}\nReply round {round}{en_over}",
            id = s.id,
            title = s.title,
            zh_over = overdue.0,
            en_over = overdue.1,
        );
        let event = IcalEvent {
            uid: format!("suggestion-{}-reply-{round}@renda", s.id),
            when: IcalWhen::AllDay {
                start: due,
                end: None,
            },
            summary: format!("建议答复截止 / Reply due: {}", s.title),
            description: Some(description),
            location: None,
            categories: vec!["建议答复 / Suggestion reply".to_string()],
        };
        Ok(Some((due, event)))
    }
}

/// The meetings of the scope held on or after `as_of` (upcoming, or today's), as all-day
/// events: for a congress every sitting, standing-committee and director meeting; for a
/// deputy the sittings of their congress and, if they sit on its standing committee, its
/// meetings; a handling unit's calendar has none (it attends at the meeting's invitation).
fn meeting_events(
    st: &crate::state::State,
    scope: &IcalScope,
    as_of: NaiveDate,
) -> Vec<(NaiveDate, IcalEvent)> {
    use crate::labels::Labelled;
    use crate::oversight::meeting::Body;
    let wants = |m: &crate::oversight::meeting::Meeting| match scope {
        IcalScope::Congress(c) => &m.congress == c,
        IcalScope::Unit(_) => false,
        IcalScope::Deputy(d) => {
            let of_congress = st.deputies.get(d).is_some_and(|x| x.congress == m.congress);
            let on_sc = st
                .committee_members
                .get(d)
                .is_some_and(|c| c.congress == m.congress && c.from <= m.held_on);
            of_congress
                && (m.body == Body::Congress || (m.body == Body::StandingCommittee && on_sc))
        }
    };
    st.meetings
        .values()
        .filter(|m| m.held_on >= as_of && wants(m))
        .map(|m| {
            let (body, kind) = (m.body.label(), m.kind.label());
            let items: Vec<String> = m
                .agenda
                .iter()
                .enumerate()
                .map(|(i, a)| format!("{}. {}", i + 1, a.title))
                .collect();
            let event = IcalEvent {
                uid: format!("meeting-{}@renda", m.id),
                when: IcalWhen::AllDay {
                    start: m.held_on,
                    end: None,
                },
                summary: format!("{}（{}） / {} ({})", body.zh, kind.zh, body.en, kind.en),
                description: (!items.is_empty())
                    .then(|| format!("议程 / Agenda:\n{}", items.join("\n"))),
                location: None,
                categories: vec!["会议 / Meeting".to_string()],
            };
            (m.held_on, event)
        })
        .collect()
}

fn in_scope(s: &Suggestion, scope: &IcalScope) -> bool {
    match scope {
        IcalScope::Unit(u) => s.assignment.as_ref().is_some_and(|a| &a.lead_unit == u),
        IcalScope::Deputy(d) => s.is_proposer(d),
        IcalScope::Congress(c) => &s.congress == c,
    }
}

/// Parses a scope from JSON (`{"unit": …}`, `{"deputy": …}` or `{"congress": …}`), with errors
/// naming the field under `scope`.
///
/// ```
/// let e = renda::ical::parse_scope(r#"{"station":"x"}"#).unwrap_err();
/// assert_eq!(e.code(), "invalid_field");
/// ```
pub fn parse_scope(json: &str) -> Result<IcalScope> {
    let value = crate::wire::parse_json(json)?;
    if !value.is_object() {
        return Err(RendaError::InvalidField {
            field: "scope".into(),
            value: crate::ids::truncate(&value.to_string()),
            reason: "must be an object: {\"unit\": …}, {\"deputy\": …} or {\"congress\": …}".into(),
        });
    }
    crate::wire::from_value_at(value, "scope")
}
