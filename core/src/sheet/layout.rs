//! The layout of the suggestion ledger: its columns, their Chinese headers and English aliases.
//!
//! One row per suggestion. The suggestion's own columns come first, then one group of reply
//! columns per round of handling: round 1 has plain headers (答复日期), later rounds the same
//! headers prefixed with 第N次 (第2次答复日期; English alias `reply_date_2`). A round is a reply
//! of the lead unit and the lead deputy's rating of it; a second round follows re-handling
//! (R-S3, R-S4) or the plan ledger (R-S5).
//!
//! ```
//! use renda::sheet::layout::{Column, Field, RoundField};
//! assert_eq!(Column::parse("建议号"), Some(Column::Field(Field::Id)));
//! assert_eq!(Column::parse("id"), Some(Column::Field(Field::Id)));
//! assert_eq!(Column::parse("主题"), Some(Column::Field(Field::Topic)));
//! assert_eq!(Column::parse("第2次答复日期"), Some(Column::Round(2, RoundField::ReplyDate)));
//! assert_eq!(Column::parse("第二次代表意见"), Some(Column::Round(2, RoundField::Rating)));
//! assert_eq!(Column::parse("reply_date_3"), Some(Column::Round(3, RoundField::ReplyDate)));
//! assert_eq!(Column::Round(2, RoundField::Result).header(), "第2次办理结果");
//! assert_eq!(Column::parse("备注"), None);
//! ```

/// Most rounds a sheet may have columns for.
pub const MAX_ROUNDS: u32 = 99;

/// Number of distinct columns ([`Column::slot`] is below it).
pub(crate) const SLOTS: usize = 17 + MAX_ROUNDS as usize * 9;

/// A column about the suggestion itself (not about one round of replies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// 建议号: the suggestion id. Required.
    Id,
    /// 届次: the congress id (or its unique name). Required for a new suggestion unless the
    /// ledger knows one congress only.
    Congress,
    /// 标题: the title. Required for a new suggestion.
    Title,
    /// 领衔代表: the lead deputy's id (or unique name). Required for a new suggestion.
    Lead,
    /// 附议代表: co-signers, separated by `、` or `,`.
    Cosigners,
    /// 提出时间: the date submitted. Required for a new suggestion.
    SubmitDate,
    /// 提出方式: 大会期间 / 闭会期间 (`session` / `recess`). Required for a new suggestion.
    During,
    /// 类别: the topic (free text).
    Topic,
    /// 状态: the status (zh label or wire name); checked against the steps, and the only source
    /// of 退回修改, 不作为建议 and 已撤回.
    Status,
    /// 状态日期: the date of a return for revision, rejection or withdrawal; for other statuses,
    /// if given, checked against the date the status was entered.
    StatusDate,
    /// 状态说明: the reason for a return, rejection or withdrawal (import only: the ledger's
    /// state does not keep it).
    StatusNote,
    /// 受理日期: the date accepted; if empty, the assignment date.
    AcceptDate,
    /// 交办日期: the date assigned.
    AssignDate,
    /// 主办单位: the lead unit's id (or unique name).
    LeadUnit,
    /// 协办单位: co-units, separated by `、` or `,`.
    CoUnits,
    /// 延期日期: the dates the reply deadline was extended, separated by `、`.
    ExtensionDates,
    /// 延期理由: the reason for an extension (import only: the state does not keep it).
    ExtensionReason,
}

impl Field {
    /// Every field, in the order of the sheet.
    pub const ALL: [Field; 17] = [
        Field::Id,
        Field::Congress,
        Field::Title,
        Field::Lead,
        Field::Cosigners,
        Field::SubmitDate,
        Field::During,
        Field::Topic,
        Field::Status,
        Field::StatusDate,
        Field::StatusNote,
        Field::AcceptDate,
        Field::AssignDate,
        Field::LeadUnit,
        Field::CoUnits,
        Field::ExtensionDates,
        Field::ExtensionReason,
    ];

    /// The Chinese header the export writes.
    pub fn header(self) -> &'static str {
        self.names().0
    }

    /// The English alias the import also accepts.
    pub fn alias(self) -> &'static str {
        self.names().1
    }

    /// Whether the export writes this column (all but the import-only reasons).
    pub fn exported(self) -> bool {
        !matches!(self, Field::StatusNote | Field::ExtensionReason)
    }

    /// (header, English alias, other accepted Chinese headers).
    fn names(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            Field::Id => ("建议号", "id", &["建议编号", "编号"]),
            Field::Congress => ("届次", "congress", &["大会"]),
            Field::Title => ("标题", "title", &["建议标题", "案由"]),
            Field::Lead => ("领衔代表", "lead", &["领衔人"]),
            Field::Cosigners => ("附议代表", "cosigners", &["附议人"]),
            Field::SubmitDate => ("提出时间", "submit_date", &["提出日期"]),
            Field::During => ("提出方式", "during", &[]),
            Field::Topic => ("类别", "topic", &["主题"]),
            Field::Status => ("状态", "status", &["办理状态"]),
            Field::StatusDate => ("状态日期", "status_date", &[]),
            Field::StatusNote => ("状态说明", "status_note", &[]),
            Field::AcceptDate => ("受理日期", "accept_date", &[]),
            Field::AssignDate => ("交办日期", "assign_date", &[]),
            Field::LeadUnit => ("主办单位", "lead_unit", &[]),
            Field::CoUnits => ("协办单位", "co_units", &["会办单位"]),
            Field::ExtensionDates => ("延期日期", "extension_dates", &[]),
            Field::ExtensionReason => ("延期理由", "extension_reason", &[]),
        }
    }
}

/// A column of a round of handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoundField {
    /// 协办意见: co-unit opinions sent for this round, one per line, `单位（2024-03-01）：意见`
    /// (the date is optional on import: it defaults to the reply date).
    Opinions,
    /// 答复日期: the date of the lead unit's reply.
    ReplyDate,
    /// 办理结果: the result category (zh label, or `A`–`D`).
    Result,
    /// 列入计划: 是 / 否.
    InPlan,
    /// 答复摘要: the summary of the reply. Required with a reply.
    Summary,
    /// 原因说明: the reason (required for a category C reply).
    Reason,
    /// 代表意见: the lead deputy's rating (满意 / 基本满意 / 不满意, or the wire name).
    Rating,
    /// 反馈日期: the date of the rating.
    FeedbackDate,
    /// 评价说明: the lead deputy's comment.
    Comment,
}

impl RoundField {
    /// Every round field, in the order of the sheet.
    pub const ALL: [RoundField; 9] = [
        RoundField::Opinions,
        RoundField::ReplyDate,
        RoundField::Result,
        RoundField::InPlan,
        RoundField::Summary,
        RoundField::Reason,
        RoundField::Rating,
        RoundField::FeedbackDate,
        RoundField::Comment,
    ];

    /// The Chinese header of round 1.
    pub fn header(self) -> &'static str {
        self.names().0
    }

    /// The English alias of round 1.
    pub fn alias(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            RoundField::Opinions => ("协办意见", "co_unit_opinions", &[]),
            RoundField::ReplyDate => ("答复日期", "reply_date", &["答复时间"]),
            RoundField::Result => ("办理结果", "result", &["答复类别"]),
            RoundField::InPlan => ("列入计划", "in_plan", &[]),
            RoundField::Summary => ("答复摘要", "summary", &["答复内容"]),
            RoundField::Reason => ("原因说明", "reason", &[]),
            RoundField::Rating => ("代表意见", "rating", &["代表评价", "满意度"]),
            RoundField::FeedbackDate => ("反馈日期", "feedback_date", &["评价日期"]),
            RoundField::Comment => ("评价说明", "comment", &[]),
        }
    }
}

/// A column of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// A column about the suggestion.
    Field(Field),
    /// A column of round `n` (from 1) of handling.
    Round(u32, RoundField),
}

impl Column {
    /// The header the export writes: the field's Chinese header, prefixed by 第N次 from round 2.
    pub fn header(self) -> String {
        match self {
            Column::Field(f) => f.header().to_string(),
            Column::Round(1, f) => f.header().to_string(),
            Column::Round(n, f) => format!("第{n}次{}", f.header()),
        }
    }

    /// The English alias: the field's alias, suffixed by `_N` from round 2.
    pub fn alias(self) -> String {
        match self {
            Column::Field(f) => f.alias().to_string(),
            Column::Round(1, f) => f.alias().to_string(),
            Column::Round(n, f) => format!("{}_{n}", f.alias()),
        }
    }

    /// The column a header names: a Chinese header, one of its variants or the English alias
    /// (case ignored), with 第N次 / `_N` for later rounds (N from 1 to [`MAX_ROUNDS`]; N may be
    /// written 二 … 十). Surrounding white space and a trailing `*` (a "required" mark) are
    /// ignored. `None` for a header renda does not know (such columns are ignored).
    pub fn parse(header: &str) -> Option<Column> {
        let h = header.trim().trim_end_matches(['*', '＊']).trim();
        if h.is_empty() {
            return None;
        }
        for f in Field::ALL {
            let (zh, en, more) = f.names();
            if h == zh || h.eq_ignore_ascii_case(en) || more.contains(&h) {
                return Some(Column::Field(f));
            }
        }
        let round_field = |name: &str| {
            RoundField::ALL.into_iter().find(|f| {
                let (zh, _, more) = f.names();
                name == zh || more.contains(&name)
            })
        };
        if let Some(f) = round_field(h) {
            return Some(Column::Round(1, f));
        }
        if let Some(rest) = h.strip_prefix('第') {
            let (num, name) = rest.split_once('次')?;
            let n = round_number(num)?;
            return round_field(name).map(|f| Column::Round(n, f));
        }
        for f in RoundField::ALL {
            let alias = f.alias();
            if h.eq_ignore_ascii_case(alias) {
                return Some(Column::Round(1, f));
            }
            if h.len() > alias.len() + 1
                && h.is_char_boundary(alias.len())
                && h[..alias.len()].eq_ignore_ascii_case(alias)
                && h.as_bytes()[alias.len()] == b'_'
            {
                let n = round_number(&h[alias.len() + 1..])?;
                return Some(Column::Round(n, f));
            }
        }
        None
    }

    /// A dense index of the column, below [`SLOTS`], for table look-ups.
    pub(crate) fn slot(self) -> usize {
        match self {
            Column::Field(f) => f as usize,
            Column::Round(n, f) => {
                Field::ALL.len()
                    + (n.clamp(1, MAX_ROUNDS) as usize - 1) * RoundField::ALL.len()
                    + f as usize
            }
        }
    }

    /// The columns the export writes for `rounds` rounds, in order.
    pub fn exported(rounds: u32) -> Vec<Column> {
        let mut cols: Vec<Column> = Field::ALL
            .into_iter()
            .filter(|f| f.exported())
            .map(Column::Field)
            .collect();
        for n in 1..=rounds.clamp(1, MAX_ROUNDS) {
            cols.extend(RoundField::ALL.into_iter().map(|f| Column::Round(n, f)));
        }
        cols
    }
}

fn round_number(text: &str) -> Option<u32> {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let n = if !text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()?
    } else {
        ZH.iter().position(|z| *z == text)? as u32 + 1
    };
    (1..=MAX_ROUNDS).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exported_header_and_alias_parses_back() {
        for col in Column::exported(3) {
            assert_eq!(Column::parse(&col.header()), Some(col), "{}", col.header());
            assert_eq!(Column::parse(&col.alias()), Some(col), "{}", col.alias());
            assert_eq!(Column::parse(&col.alias().to_uppercase()), Some(col));
        }
        for f in Field::ALL {
            assert_eq!(Column::parse(f.header()), Some(Column::Field(f)));
        }
    }

    #[test]
    fn slots_are_dense_and_distinct() {
        let cols = Column::exported(MAX_ROUNDS);
        let mut slots: Vec<usize> = cols.iter().map(|c| c.slot()).collect();
        slots.extend([
            Column::Field(Field::StatusNote).slot(),
            Column::Field(Field::ExtensionReason).slot(),
        ]);
        slots.sort();
        assert_eq!(slots, (0..SLOTS).collect::<Vec<_>>());
    }

    #[test]
    fn headers_are_distinct() {
        let cols = Column::exported(2);
        let mut names: Vec<String> = cols.iter().map(|c| c.header()).collect();
        names.extend(cols.iter().map(|c| c.alias()));
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn variants_and_rounds() {
        assert_eq!(
            Column::parse(" 提出日期 "),
            Some(Column::Field(Field::SubmitDate))
        );
        assert_eq!(Column::parse("大会"), Some(Column::Field(Field::Congress)));
        assert_eq!(Column::parse("建议号*"), Some(Column::Field(Field::Id)));
        assert_eq!(
            Column::parse("第1次答复日期"),
            Some(Column::Round(1, RoundField::ReplyDate))
        );
        assert_eq!(
            Column::parse("第十次答复日期"),
            Some(Column::Round(10, RoundField::ReplyDate))
        );
        assert_eq!(Column::parse("第0次答复日期"), None);
        assert_eq!(Column::parse("第100次答复日期"), None);
        assert_eq!(Column::parse("第2次标题"), None);
        assert_eq!(Column::parse("reply_date_0"), None);
        assert_eq!(Column::parse("reply_date_x"), None);
        assert_eq!(Column::parse("备注"), None);
        assert_eq!(Column::parse(""), None);
        assert!(!Column::exported(1).contains(&Column::Field(Field::StatusNote)));
        assert_eq!(Column::exported(1).len(), 15 + 9);
        assert_eq!(Column::exported(2).len(), 15 + 18);
    }
}
