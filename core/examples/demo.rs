//! `make demo`: generates the demo district (`renda::demo`, a fictional district congress over
//! a five-year term, calibrated on the seeds; deterministic for a seed), prints the standing
//! committee's annual work report for one year in Chinese and English, and writes it as HTML
//! and Markdown (`docs/annual-report.md`).
//!
//! Usage:
//! `cargo run --release -p renda --example demo [-- [--seed N] [--years N] [--year YYYY]
//!  [--out DIR] [--lang zh|en|both]]`
//!
//! Defaults: the default demo configuration (seed 20240101, 2022–2026), the year 2024 (the
//! term's middle year, like seed 001), output in `target/demo/`, both languages printed.

use renda::demo::{generate, DemoConfig};
use renda::labels::Lang;
use renda::report::ReportRequest;
use std::path::PathBuf;
use std::process::exit;
use std::time::Instant;

struct Args {
    config: DemoConfig,
    year: Option<i32>,
    out: PathBuf,
    langs: Vec<Lang>,
}

fn usage(msg: &str) -> ! {
    eprintln!("demo: {msg}");
    eprintln!("usage: demo [--seed N] [--years 1-5] [--year YYYY] [--out DIR] [--lang zh|en|both]");
    exit(2)
}

fn parse_args() -> Args {
    let mut a = Args {
        config: DemoConfig::default(),
        year: None,
        out: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/demo")),
        langs: Lang::ALL.to_vec(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{flag} needs a value")))
        };
        let num = |v: String| -> i64 {
            v.parse()
                .unwrap_or_else(|_| usage(&format!("{flag}: not a number: {v}")))
        };
        match flag.as_str() {
            "--seed" => a.config.seed = num(value()) as u64,
            "--years" => a.config.years = num(value()).clamp(0, 255) as u8,
            "--year" => a.year = Some(num(value()) as i32),
            "--out" => a.out = PathBuf::from(value()),
            "--lang" => {
                a.langs = match value().as_str() {
                    "both" => Lang::ALL.to_vec(),
                    l => vec![l.parse().unwrap_or_else(|e| usage(&format!("{e}")))],
                }
            }
            "-h" | "--help" => usage("the demo district's annual work report"),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    a
}

fn main() {
    let args = parse_args();
    let t = Instant::now();
    let district = generate(&args.config).unwrap_or_else(|e| {
        eprintln!("demo: [{}] {e}", e.code());
        exit(1)
    });
    let took = t.elapsed();
    let c = &args.config;
    let last = c.first_year + i32::from(c.years) - 1;
    let year = args
        .year
        .unwrap_or(if (c.first_year..=last).contains(&2024) {
            2024
        } else {
            last
        });
    let congress = district.congress(0).expect("the demo has one district");
    let ledger = district.ledger();
    eprintln!(
        "renda demo: seed {}, {}–{}: {} commands → {} events in {:.2} s; report for {year} of {congress}",
        c.seed,
        c.first_year,
        last,
        district.commands().len(),
        ledger.events().len(),
        took.as_secs_f64()
    );
    let report = ledger
        .annual_report(&ReportRequest::year(congress, year))
        .unwrap_or_else(|e| {
            eprintln!("demo: [{}] {e}", e.code());
            exit(1)
        });
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("demo: cannot create {}: {e}", args.out.display());
        exit(1)
    }
    for (i, lang) in args.langs.iter().enumerate() {
        let md = report.to_markdown(*lang);
        if i > 0 {
            println!("\n---\n");
        }
        print!("{md}");
        for (ext, text) in [("md", md), ("html", report.to_html(*lang))] {
            let path = args
                .out
                .join(format!("annual-report-{year}.{}.{ext}", lang.as_str()));
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("demo: cannot write {}: {e}", path.display());
                exit(1)
            }
            eprintln!("wrote {}", path.display());
        }
    }
}
