//! `make bench` (national part): generates the national data set, writes it as a columnar log,
//! reads it back, replays it on one core and computes the national-year suggestion figures,
//! then the same on two cores by partitioning by congress; then the deputy points and duty
//! compliance of the year from the deputy log; and prints every figure.
//!
//! Usage: `cargo run --release -p renda --example national -- [--scale S] [--seed N]
//! [--year Y] [--out DIR]`, or `-- --load FILE` for the resident memory of a log read from
//! its file (defaults: the whole country, seed 2024, 2024, `target/national`).
//! Figures: BENCHMARKS.md, "National scale".

use renda::columnar::SuggestionLog;
use renda::figures::SuggestionFigures;
use renda::national::{self, NationalConfig};
use std::time::Instant;

/// Resident memory of this process in bytes (Linux), for the per-event figure.
fn rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

/// `--load FILE`: the resident memory of a log read from its file and of its frame, in a
/// process that holds nothing else (the per-event memory figure of BENCHMARKS.md).
fn load(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let base = rss().unwrap_or(0);
    let t = Instant::now();
    let log = SuggestionLog::from_bytes(&std::fs::read(path)?)?;
    let read = secs(t);
    let events = log.len() as f64;
    let with_log = rss().unwrap_or(0);
    let book = national::rule_book();
    let frame = log.frame(
        &Default::default(),
        &book,
        renda::calendar::WorkCalendar::china(),
    )?;
    let with_frame = rss().unwrap_or(0);
    let last = renda::columnar::date_of(*log.days().last().unwrap_or(&0)).unwrap_or_default();
    let figures = frame.figures(last)?;
    println!(
        "load {path}: {} events in {read:.2} s; resident per event: log {:.1} bytes (ids included), log + frame {:.1} bytes; {} suggestions counted",
        log.len(),
        with_log.saturating_sub(base) as f64 / events,
        with_frame.saturating_sub(base) as f64 / events,
        figures.counts.submitted
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Some(path) = arg("--load") {
        return load(&path);
    }
    let mut config = NationalConfig::default();
    if let Some(s) = arg("--scale") {
        config.scale = s.parse()?;
    }
    if let Some(s) = arg("--seed") {
        config.seed = s.parse()?;
    }
    if let Some(y) = arg("--year") {
        config.year = y.parse()?;
    }
    let out = std::path::PathBuf::from(arg("--out").unwrap_or_else(|| "target/national".into()));
    std::fs::create_dir_all(&out)?;
    println!("renda national bench: {config:?}");

    let rss0 = rss();
    let t = Instant::now();
    let data = national::generate(&config)?;
    let generate = secs(t);
    let s = &data.summary;
    println!(
        "generate: {:.2} s — {} congresses {:?}, {} deputies, {} homes and stations, {} units, {} suggestions, {} events, {} deputy rows (activity person-times, suggestions led and co-signed)",
        generate,
        s.congresses_by_level.iter().sum::<u64>(),
        s.congresses_by_level,
        s.deputies,
        s.stations,
        s.units,
        s.suggestions,
        s.events,
        s.deputy_rows
    );
    let events = data.log.len() as f64;
    let log_rss = rss().zip(rss0).map(|(a, b)| a.saturating_sub(b));

    let t = Instant::now();
    let bytes = data.log.to_bytes();
    let path = out.join(format!("national-{}.rcl", config.year));
    std::fs::write(&path, &bytes)?;
    println!(
        "write log: {:.2} s, {} ({:.1} MB, {:.1} bytes/event incl. ids)",
        secs(t),
        path.display(),
        bytes.len() as f64 / 1e6,
        bytes.len() as f64 / events
    );
    let t = Instant::now();
    let read = SuggestionLog::from_bytes(&std::fs::read(&path)?)?;
    println!(
        "read log (digest + every row checked): {:.2} s = {:.1} M events/s",
        secs(t),
        events / secs(t) / 1e6
    );
    assert_eq!(read, data.log, "the log reads back as written");
    drop(read);

    let calendar = renda::calendar::WorkCalendar::china();
    let filter = Default::default();
    let as_of = data.year_end();
    // Replay: the log into the columnar frame, one core.
    let mut best = f64::MAX;
    let mut frame = None;
    for _ in 0..3 {
        let t = Instant::now();
        let f = data.log.frame(&filter, &data.book, calendar)?;
        best = best.min(secs(t));
        frame = Some(f);
    }
    let frame = frame.expect("built");
    println!(
        "replay into the frame, one core: {:.3} s (best of 3) = {:.1} M events/s",
        best,
        events / best / 1e6
    );
    let mut fig_best = f64::MAX;
    let mut figures = None;
    for _ in 0..3 {
        let t = Instant::now();
        figures = Some(frame.figures(as_of)?);
        fig_best = fig_best.min(secs(t));
    }
    let figures = figures.expect("computed");
    println!(
        "figures as of {as_of} over the frame: {:.3} s (best of 3)",
        fig_best
    );
    let t = Instant::now();
    let one_core = data
        .log
        .frame(&filter, &data.book, calendar)?
        .figures(as_of)?;
    let end_to_end_1 = secs(t);
    assert_eq!(one_core, figures);

    // Every core: each thread replays the congresses of its residue class, in place; the
    // parts combine exactly.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t = Instant::now();
    let parallel = data
        .log
        .figures_in_parallel(&filter, &data.book, calendar, as_of, cores)?;
    let end_to_end_n = secs(t);
    assert_eq!(parallel, figures, "the parts combine into the whole");
    // The same split as separate logs (what a cluster would hold), combined.
    let parts: Vec<SuggestionFigures> = data
        .log
        .partition(4)
        .iter()
        .map(|p| p.frame(&filter, &data.book, calendar)?.figures(as_of))
        .collect::<renda::Result<_>>()?;
    assert_eq!(SuggestionFigures::combine(parts)?, figures);
    println!(
        "national-year figures end to end (replay + figures): one core {:.2} s; {cores} cores {:.2} s; 4 separate parts combine exactly",
        end_to_end_1, end_to_end_n
    );
    let c = &figures.counts;
    println!(
        "  submitted {}, assigned {}, replied {} ({}), on time {}, closed {}, overdue {}, A {} B {} C {} D {}, plan ledger {} entered / {} solved",
        c.submitted,
        c.assigned,
        c.replied,
        figures.reply_rate.percent.as_deref().unwrap_or("-"),
        c.replied_on_time,
        c.closed,
        c.overdue,
        figures.results.A,
        figures.results.B,
        figures.results.C,
        figures.results.D,
        figures.plan_ledger.entered,
        figures.plan_ledger.solved
    );
    // Deputy points (W6) and duty compliance (R-D1) of the year: one core, then every core.
    let period = renda::period::Period::Year(config.year);
    let t = Instant::now();
    let deputies_1 = data
        .deputies
        .figures_in_parallel(&data.book, period, as_of, 1)?;
    let deputies_time_1 = secs(t);
    let t = Instant::now();
    let deputies_n = data.deputies.figures(&data.book, period, as_of)?;
    let deputies_time_n = secs(t);
    assert_eq!(deputies_1, deputies_n, "threads split the deputies exactly");
    let dt = &deputies_n.totals;
    println!(
        "deputy points and duty compliance over {} deputy rows ({:.1} M/s one core): one core {:.2} s; {cores} cores {:.2} s",
        data.deputies.len(),
        data.deputies.len() as f64 / deputies_time_1 / 1e6,
        deputies_time_1,
        deputies_time_n
    );
    println!(
        "  {} deputies in office, {} points ({:.1} each), {} activities counted, {} suggestions led, {} co-signed, {} below the interview threshold; duties {} due, {} met ({}%), {} open",
        dt.deputies,
        dt.points,
        dt.points as f64 / dt.deputies.max(1) as f64,
        dt.activities,
        dt.suggestions_led,
        dt.suggestions_cosigned,
        dt.below_interview,
        dt.duties_due,
        dt.duties_met,
        dt.duty_rate().as_deref().unwrap_or("-"),
        dt.duties_open
    );
    println!(
        "national-year figures end to end (every suggestion figure with working-day deadlines, deputy points, duty compliance): {cores} cores {:.2} s (target 10 s); one core {:.2} s",
        end_to_end_n + deputies_time_n,
        end_to_end_1 + deputies_time_1
    );
    println!(
        "memory: log columns {:.1} bytes/event, frame {:.1} bytes/event, resident growth while generating {} bytes/event (incl. the deputy log, the generator's buffers and the ids)",
        data.log.event_bytes() as f64 / events,
        frame.bytes() as f64 / events,
        log_rss.map_or("n/a".to_string(), |b| format!("{:.1}", b as f64 / events))
    );
    if let Some(r) = rss() {
        println!(
            "resident now (log + frame + figures + parts): {:.0} MB = {:.1} bytes/event",
            r as f64 / 1e6,
            r as f64 / events
        );
    }
    Ok(())
}
