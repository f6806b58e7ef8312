//! The native counterpart of the wasm figures benchmark (bindings-wasm/bench/browser-figures.mjs):
//! generates the national data set of the same seed, scale and year, and times the same
//! operation, the year-end figures replayed from the log under the data set's rule book
//! (`SuggestionLog::figures_with`: replay + figures), `--warmup` untimed runs then `--runs`
//! timed ones; prints the median in milliseconds.
//!
//! Usage: `cargo run --release -p renda --example figures_bench -- [--scale S] [--seed N]
//! [--year Y] [--warmup N] [--runs N] [--json]` (defaults: scale 0.04, ~107,000 suggestions;
//! seed 2024; 2024; 2 warm-up runs; 7 timed runs). `--json` prints one JSON object.

use renda::calendar::WorkCalendar;
use renda::national::{self, NationalConfig};
use std::time::Instant;

fn arg<T: std::str::FromStr>(name: &str) -> Result<Option<T>, String> {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => {
            let text = args.get(i + 1).ok_or(format!("{name} needs a value"))?;
            text.parse()
                .map(Some)
                .map_err(|_| format!("{name}: bad value {text:?}"))
        }
    }
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    let m = times.len() / 2;
    if times.len() % 2 == 1 {
        times[m]
    } else {
        (times[m - 1] + times[m]) / 2.0
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut config = NationalConfig {
        scale: 0.04,
        ..Default::default()
    };
    config.scale = arg("--scale")?.unwrap_or(config.scale);
    config.seed = arg("--seed")?.unwrap_or(config.seed);
    config.year = arg("--year")?.unwrap_or(config.year);
    let warmup: usize = arg("--warmup")?.unwrap_or(2);
    let runs: usize = arg("--runs")?.unwrap_or(7).max(1);
    let json = std::env::args().any(|a| a == "--json");

    let t = Instant::now();
    let data = national::generate(&config)?;
    let generate_ms = t.elapsed().as_secs_f64() * 1e3;
    let (filter, calendar, as_of) = (Default::default(), WorkCalendar::china(), data.year_end());
    let figures = || data.log.figures_with(&filter, &data.book, calendar, as_of);
    for _ in 0..warmup {
        figures()?;
    }
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(figures()?);
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let submitted = last.map_or(0, |f| f.counts.submitted);
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    let med = median(&mut times);
    let s = &data.summary;
    if json {
        println!(
            "{}",
            serde_json::json!({
                "seed": config.seed, "scale": config.scale, "year": config.year,
                "suggestions": s.suggestions, "events": s.events, "submitted": submitted,
                "asOf": as_of.to_string(), "generateMs": generate_ms,
                "warmup": warmup, "runs": runs, "figuresMedianMs": med, "figuresMinMs": min,
            })
        );
    } else {
        println!(
            "native: national data set {config:?}: {} suggestions, {} events (generated in {generate_ms:.0} ms); figures({as_of}) with its rules median {med:.1} ms (min {min:.1} ms, {runs} runs after {warmup} warm-up)",
            s.suggestions, s.events
        );
    }
    Ok(())
}
