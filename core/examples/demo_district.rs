//! Writes the demo district's event log (the JSON array that `Ledger::replay` and
//! `renda::api::parse_events` read) to a file.
//!
//! ```sh
//! cargo run -p renda --example demo_district -- --seed 7 --years 5 --out demo-events.json
//! ```
//!
//! Options: `--seed N` (default 20240101), `--years N` (1–5, default 5), `--out PATH`
//! (default `demo-district-events.json`), `--config JSON` (a `DemoConfig` as JSON; the other
//! options override it), `--commands` (write the commands instead of the events),
//! `--plan-only` (only generate the commands and time it; nothing is executed or written).

use renda::demo::{self, DemoConfig};
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("demo_district: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut config = DemoConfig::default();
    let mut out = String::from("demo-district-events.json");
    let mut write_commands = false;
    let mut plan_only = false;
    let mut args = std::env::args().skip(1);
    let (mut seed, mut years) = (None, None);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--seed" => seed = Some(value()?.parse::<u64>()?),
            "--years" => years = Some(value()?.parse::<u8>()?),
            "--out" => out = value()?,
            "--config" => config = serde_json::from_str(&value()?)?,
            "--commands" => write_commands = true,
            "--plan-only" => plan_only = true,
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    if let Some(s) = seed {
        config.seed = s;
    }
    if let Some(y) = years {
        config.years = y;
    }
    let started = Instant::now();
    if plan_only {
        let mut n = 0u64;
        demo::for_each_command(&config, |_| {
            n += 1;
            Ok(())
        })?;
        eprintln!(
            "{n} commands planned in {:.2} s (not executed)",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let district = demo::generate(&config)?;
    let elapsed = started.elapsed();
    let json = if write_commands {
        serde_json::to_string(district.commands())?
    } else {
        serde_json::to_string(district.ledger().events())?
    };
    std::fs::write(&out, json)?;
    eprintln!(
        "{} commands, {} events generated in {:.2} s; wrote {}",
        district.commands().len(),
        district.ledger().events().len(),
        elapsed.as_secs_f64(),
        out
    );
    Ok(())
}
