//! Prints the Popolo export (`docs/popolo.md`) of a small built-in congress, for schema
//! validation outside Rust:
//!
//! ```sh
//! cargo run -q -p renda --example popolo_export > /tmp/renda-popolo.json
//! cargo run -q -p renda --example popolo_export -- --ical '{"congress":"hd-17"}' > /tmp/renda.ics
//! ```
//!
//! With `--ical SCOPE` it prints the iCalendar export (`docs/ical.md`) of the same ledger instead.

use renda::Ledger;

const AS_OF: &str = "2024-06-30";

/// A county congress with five deputies (one linked person, one by-election, one resigned),
/// three standing-committee members, two resignation votes and three suggestions.
const COMMANDS: &[&str] = &[
    r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_congress","congress":"hd-17","name":"北京市海淀区第十七届人民代表大会","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
    r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
    r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_unit","unit":"traffic","name":"区交通委"}}"#,
    r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D001","congress":"hd-17","name":"王丽","profile":{"person":"P-wangli","gender":"female","ethnicity":"汉族","party":"cpc","elected_by":{"constituency":"第12选区"},"groups":["教育","科技"]}}}"#,
    r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D002","congress":"hd-17","name":"李强","profile":{"gender":"male","ethnicity":"回族","party":"democratic_party","elected_by":{"constituency":"第3选区"},"groups":["教育"]}}}"#,
    r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D003","congress":"hd-17","name":"张敏","profile":{"gender":"female","party":"non_party","elected_by":{"electoral_unit":"中关村街道"}}}}"#,
    r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D004","congress":"hd-17","name":"赵刚","elected_on":"2023-06-01","mandate":"by_election","profile":{"gender":"male","elected_by":{"constituency":"第12选区"}}}}"#,
    r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D005","congress":"hd-17","name":"陈静","profile":{"gender":"female"}}}"#,
    r#"{"at":"2024-01-03","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"join_standing_committee","deputy":"D001","post":"director"}}"#,
    r#"{"at":"2024-01-03","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"join_standing_committee","deputy":"D002","post":"vice_director"}}"#,
    r#"{"at":"2024-01-03","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"join_standing_committee","deputy":"D003","post":"member"}}"#,
    r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D001"},"command":{"type":"submit_suggestion","suggestion":"S1","congress":"hd-17","title":"关于增加幼儿园学位的建议","lead":"D001","cosigners":["D002"],"during":"session"}}"#,
    r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D002"},"command":{"type":"submit_suggestion","suggestion":"S2","congress":"hd-17","title":"关于优化公交线路, 方便群众出行的建议","lead":"D002","during":"session"}}"#,
    r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D003"},"command":{"type":"submit_suggestion","suggestion":"S3","congress":"hd-17","title":"关于学校周边交通安全的建议","lead":"D003","during":"session"}}"#,
    r#"{"at":"2024-01-10","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"accept_suggestion","suggestion":"S1"}}"#,
    r#"{"at":"2024-01-10","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"accept_suggestion","suggestion":"S2"}}"#,
    r#"{"at":"2024-01-10","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"accept_suggestion","suggestion":"S3"}}"#,
    r#"{"at":"2024-01-15","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"assign_suggestion","suggestion":"S1","lead_unit":"edu"}}"#,
    r#"{"at":"2024-01-15","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"assign_suggestion","suggestion":"S2","lead_unit":"traffic"}}"#,
    r#"{"at":"2024-01-15","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"assign_suggestion","suggestion":"S3","lead_unit":"traffic","co_units":["edu"]}}"#,
    r#"{"at":"2024-02-20","actor":{"role":"handling_unit","id":"edu"},"command":{"type":"submit_co_unit_opinion","suggestion":"S3","opinion":"同意增设护学岗"}}"#,
    r#"{"at":"2024-03-01","actor":{"role":"handling_unit","id":"traffic"},"command":{"type":"reply_suggestion","suggestion":"S3","result":"A","summary":"已增设护学岗"}}"#,
    r#"{"at":"2024-03-01","actor":{"role":"deputy","id":"D005"},"command":{"type":"submit_resignation","deputy":"D005"}}"#,
    r#"{"at":"2024-03-20T15:00:00+08:00","actor":{"role":"standing_committee","id":"sc"},"command":{"type":"decide_resignation","deputy":"D005","vote":{"members":3,"present":3,"yes":1,"no":2,"abstain":0}}}"#,
    r#"{"at":"2024-04-01","actor":{"role":"deputy","id":"D005"},"command":{"type":"submit_resignation","deputy":"D005"}}"#,
    r#"{"at":"2024-04-25T15:00:00+08:00","actor":{"role":"standing_committee","id":"sc"},"command":{"type":"decide_resignation","deputy":"D005","vote":{"members":3,"present":3,"yes":3,"no":0,"abstain":0}}}"#,
];

fn main() {
    let mut ledger = Ledger::new(Default::default());
    for c in COMMANDS {
        if let Err(e) = ledger.execute_json(c) {
            eprintln!("command refused: {e}\n{c}");
            std::process::exit(1);
        }
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = match args.as_slice() {
        [] => ledger.to_popolo_json("hd-17", AS_OF),
        [flag, scope] if flag == "--ical" => ledger.to_ical_json(AS_OF, scope),
        _ => {
            eprintln!("usage: popolo_export [--ical SCOPE_JSON]");
            std::process::exit(2);
        }
    };
    match out {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
