//! A small document model (headings, paragraphs, lists, tables) and its Markdown and HTML
//! renderings, so each language's text is written once and rendered twice.

use crate::labels::Lang;
use serde::Serialize;

/// One block of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A heading of level 1 to 3.
    Heading(u8, String),
    /// A paragraph of plain text.
    Paragraph(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table: header cells, then rows of cells.
    Table(Vec<String>, Vec<Vec<String>>),
}

/// A report as blocks.
///
/// ```
/// use renda::report::{Block, Document};
/// let d = Document { title: "T".into(), blocks: vec![
///     Block::Heading(1, "T".into()),
///     Block::Table(vec!["a|b".into()], vec![vec!["<x>".into()]]),
/// ]};
/// assert_eq!(d.to_markdown(), "# T\n\n| a\\|b |\n| --- |\n| <x> |\n");
/// assert!(d.to_html(renda::labels::Lang::En).contains("<td>&lt;x&gt;</td>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The title (the HTML page's `<title>`).
    pub title: String,
    /// The blocks in order.
    pub blocks: Vec<Block>,
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a table cell holds a number (right-aligned).
fn numeric(s: &str) -> bool {
    let s = s.trim_end_matches('%');
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
}

const STYLE: &str = "body{font-family:system-ui,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;\
max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f2328}\
h1{font-size:1.6rem;border-bottom:2px solid #b22;padding-bottom:.3rem}h2{font-size:1.25rem;margin-top:2rem;color:#7a1010}\
table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}th,td{border:1px solid #d0d7de;padding:.3rem .6rem}\
th{background:#f6f8fa;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}";

impl Document {
    /// The document as GitHub-flavoured Markdown.
    ///
    /// ```
    /// use renda::report::{Block, Document};
    /// let d = Document { title: "T".into(), blocks: vec![Block::List(vec!["a".into()])] };
    /// assert_eq!(d.to_markdown(), "- a\n");
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut parts = Vec::with_capacity(self.blocks.len());
        for b in &self.blocks {
            parts.push(match b {
                Block::Heading(level, t) => {
                    format!("{} {}\n", "#".repeat(usize::from((*level).clamp(1, 6))), t)
                }
                Block::Paragraph(t) => format!("{t}\n"),
                Block::List(items) => items.iter().map(|i| format!("- {i}\n")).collect(),
                Block::Table(head, rows) => {
                    let line = |cells: &[String]| {
                        let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
                        format!("| {} |\n", cells.join(" | "))
                    };
                    let mut t = line(head);
                    let seps: Vec<String> = head.iter().map(|_| "---".to_string()).collect();
                    t.push_str(&line(&seps));
                    for r in rows {
                        t.push_str(&line(r));
                    }
                    t
                }
            });
        }
        parts.join("\n")
    }

    /// The document as a standalone HTML page (UTF-8, inline style, no script), with `lang`
    /// as the page's language.
    ///
    /// ```
    /// use renda::report::{Block, Document};
    /// let d = Document { title: "<T>".into(), blocks: vec![Block::Paragraph("a & b".into())] };
    /// let h = d.to_html(renda::labels::Lang::Zh);
    /// assert!(h.contains("<html lang=\"zh-Hans\">") && h.contains("<title>&lt;T&gt;</title>"));
    /// assert!(h.contains("<p>a &amp; b</p>"));
    /// ```
    pub fn to_html(&self, lang: Lang) -> String {
        let mut h = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            lang.bcp47(),
            esc(&self.title)
        );
        for b in &self.blocks {
            match b {
                Block::Heading(level, t) => {
                    let l = (*level).clamp(1, 6);
                    h.push_str(&format!("<h{l}>{}</h{l}>\n", esc(t)));
                }
                Block::Paragraph(t) => h.push_str(&format!("<p>{}</p>\n", esc(t))),
                Block::List(items) => {
                    h.push_str("<ul>\n");
                    for i in items {
                        h.push_str(&format!("<li>{}</li>\n", esc(i)));
                    }
                    h.push_str("</ul>\n");
                }
                Block::Table(head, rows) => {
                    h.push_str("<table>\n<thead><tr>");
                    for c in head {
                        h.push_str(&format!("<th>{}</th>", esc(c)));
                    }
                    h.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        h.push_str("<tr>");
                        for c in r {
                            if numeric(c) {
                                h.push_str(&format!("<td class=\"n\">{}</td>", esc(c)));
                            } else {
                                h.push_str(&format!("<td>{}</td>", esc(c)));
                            }
                        }
                        h.push_str("</tr>\n");
                    }
                    h.push_str("</tbody>\n</table>\n");
                }
            }
        }
        h.push_str("</body>\n</html>\n");
        h
    }
}
