//! `make demo`: loads the bundled demo data set (one year of suggestion handling in a fictional
//! district, calibrated on Haidian 2024) into a ledger and prints the suggestion-handling
//! figures, in Chinese and English.
//!
//! Usage: `cargo run --release -p renda --example demo [-- COMMANDS.json [AS_OF ...]]`

use renda::figures::{Rate, SuggestionFigures};
use renda::{CommandEnvelope, Ledger};
use std::time::Instant;

const BUNDLED: &str = include_str!("../../examples/data/demo-district-2024.json");

fn pct(r: &Rate) -> String {
    match &r.percent {
        Some(p) => format!("{p}% ({}/{})", r.numerator, r.denominator),
        None => format!("— (0/{})", r.denominator),
    }
}

fn print_figures(ledger: &Ledger, f: &SuggestionFigures) {
    let c = &f.counts;
    println!(
        "\n== 截至 {0} 代表建议办理情况 / Suggestion handling as of {0} ==",
        f.as_of
    );
    println!(
        "提出建议 Submitted: {} (大会期间 session {}, 闭会期间 recess {})",
        c.submitted, c.during_session, c.during_recess
    );
    println!(
        "审核 Vetting: 立案 accepted {}, 待审/退回修改 awaiting {}, 不作为建议 rejected {}, 撤回 withdrawn {}",
        c.accepted, c.awaiting_vetting, c.rejected, c.withdrawn
    );
    println!(
        "交办 Assigned: {}; 已答复 replied {}; 按期 on time {}; 复查补办 re-handling {}; 列入计划 in plan {}; 办结 closed {}; 逾期 overdue {}",
        c.assigned, c.replied, c.replied_on_time, c.rehandling, c.in_plan, c.closed, c.overdue
    );
    println!(
        "办复率        Reply rate:                {}",
        pct(&f.reply_rate)
    );
    println!(
        "按期办复率    On-time reply rate:        {}",
        pct(&f.on_time_reply_rate)
    );
    println!(
        "办结率        Completion rate:           {}",
        pct(&f.completion_rate)
    );
    println!(
        "解决率        Solved or progressing:     {}",
        pct(&f.solved_or_progressing_rate)
    );
    println!(
        "满意率        Satisfaction rate:         {}",
        pct(&f.satisfaction_rate)
    );
    let r = &f.results;
    println!(
        "办理结果 Results: A 已解决 {} · B 正在解决/列入计划 {} · C 暂无法解决 {} · D 留作参考 {}",
        r.A, r.B, r.C, r.D
    );
    let g = &f.ratings;
    println!(
        "代表评价 Ratings: 满意 satisfied {} · 基本满意 basically {} · 不满意 dissatisfied {}",
        g.satisfied, g.basically_satisfied, g.dissatisfied
    );
    let p = &f.plan_ledger;
    println!(
        "列入计划台账 Plan ledger: 列入 entered {}, 未再次答复 open {}, 已再次答复 second reply {} (解决 solved {})",
        p.entered, p.open, p.second_replied, p.solved
    );
    if !f.overdue.is_empty() {
        println!("逾期未答复 Overdue ({}):", f.overdue.len());
        for o in f.overdue.iter().take(10) {
            let unit = ledger
                .state()
                .units
                .get(&o.lead_unit)
                .map(|u| u.name.as_str())
                .unwrap_or("");
            println!(
                "  {}  {}  到期 due {}  逾期 {} 天 days",
                o.suggestion, unit, o.due, o.days_overdue
            );
        }
    }
    println!(
        "{:<44} {:>5} {:>5} {:>5} {:>4} {:>14} {:>14}",
        "承办单位 Handling unit", "交办", "答复", "按期", "逾期", "解决率", "满意率"
    );
    for u in &f.units {
        let name = ledger
            .state()
            .units
            .get(&u.unit)
            .map(|x| x.name.as_str())
            .unwrap_or(u.unit.as_str());
        println!(
            "{:<40} {:>5} {:>5} {:>5} {:>4} {:>14} {:>14}",
            name,
            u.assigned,
            u.replied,
            u.replied_on_time,
            u.overdue,
            pct(&u.solved_or_progressing_rate),
            pct(&u.satisfaction_rate)
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (text, source) = match args.first() {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => (t, path.clone()),
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                std::process::exit(2);
            }
        },
        None => (
            BUNDLED.to_string(),
            "bundled examples/data/demo-district-2024.json".to_string(),
        ),
    };
    let commands: Vec<serde_json::Value> = match serde_json::from_str(&text) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{source}: not a JSON array of commands: {e}");
            std::process::exit(2);
        }
    };
    let mut ledger = Ledger::new(Default::default());
    let t = Instant::now();
    for (i, c) in commands.into_iter().enumerate() {
        if let Err(e) = CommandEnvelope::from_value(c).and_then(|c| ledger.execute(c).map(|_| ())) {
            eprintln!("{source}: command {i} rejected: [{}] {e}", e.code());
            std::process::exit(1);
        }
    }
    println!("renda demo — 示例区人大 2024 / Demo district congress, 2024");
    println!(
        "数据 Data: {source}: {} 条命令 commands → {} 个事件 events in {:.1} ms",
        text.matches("\"command\"").count(),
        ledger.events().len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let dates: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        vec!["2024-05-15".into(), "2024-12-31".into()]
    };
    for d in dates {
        match renda::time::parse_date("as_of", &d).and_then(|d| ledger.figures(d)) {
            Ok(f) => print_figures(&ledger, &f),
            Err(e) => {
                eprintln!("[{}] {e}", e.code());
                std::process::exit(1);
            }
        }
    }
}
