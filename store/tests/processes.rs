//! The store across OS processes: concurrent writers, and writers killed with SIGKILL.
//!
//! The children are this test binary itself, re-invoked as
//! `<exe> --exact child --nocapture` with `RENDA_STORE_CHILD` telling the `child` test what
//! to do (without the variable, `child` does nothing and passes). Children report on stdout
//! with lines starting `renda-store-child`, written and flushed one at a time.

mod common;

use common::*;
use renda::rules::RuleBook;
use renda_store::Store;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const ROLE: &str = "RENDA_STORE_CHILD";
const PATH: &str = "RENDA_STORE_PATH";
const NAME: &str = "RENDA_STORE_NAME";
const COUNT: &str = "RENDA_STORE_COUNT";
const FIRST_VERSION: &str = "RENDA_STORE_FIRST_VERSION";
const TAG: &str = "renda-store-child";

fn report(line: &str) {
    // One write per line: a line is either wholly on the pipe or not at all when the child
    // is killed (lines are far below PIPE_BUF).
    let mut out = std::io::stdout().lock();
    out.write_all(format!("{TAG} {line}\n").as_bytes()).unwrap();
    out.flush().unwrap();
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} not set"))
}

/// The child side (a no-op in a normal test run).
#[test]
fn child() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let path = env(PATH);
    let name = env(NAME);
    let count: u64 = env(COUNT).parse().unwrap();
    let mut store = Store::open(&path, RuleBook::default()).unwrap();
    match role.as_str() {
        // Submit `count` suggestions with optimistic retries; the first decided at
        // FIRST_VERSION (stale on purpose); report the conflicts met.
        "append" => {
            let first: u64 = env(FIRST_VERSION).parse().unwrap();
            let mut conflicts = 0;
            for k in 0..count {
                let id = format!("{name}-{k}");
                let (c, seq) = submit_with_retry(&mut store, &id, (k == 0).then_some(first));
                conflicts += c;
                report(&format!("committed {seq} {id}"));
            }
            report(&format!("conflicts {conflicts}"));
        }
        // Submit suggestions until killed (or `count` of them), reporting each commit.
        "crash" => {
            report("opened");
            for k in 0..count {
                let id = format!("{name}-{k}");
                let events = store.execute(submit(&id, store.version())).unwrap();
                report(&format!("committed {} {id}", events[0].seq));
            }
        }
        other => panic!("unknown child role {other}"),
    }
}

fn spawn_child(role: &str, path: &Path, name: &str, count: u64, first: u64) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child", "--nocapture", "--test-threads=1", "-q"])
        .env(ROLE, role)
        .env(PATH, path)
        .env(NAME, name)
        .env(COUNT, count.to_string())
        .env(FIRST_VERSION, first.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// The child's report lines (complete lines only), without the tag; `opened` is told when
/// the child reports `opened`.
fn reports(stdout: impl std::io::Read, opened: Option<std::sync::mpsc::Sender<()>>) -> Vec<String> {
    let mut reader = BufReader::new(stdout);
    let mut lines = Vec::new();
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap() > 0 {
        if let Some(rest) = line.strip_prefix(TAG) {
            if let Some(rest) = rest.strip_suffix('\n') {
                let rest = rest.trim();
                if rest == "opened" {
                    if let Some(tx) = &opened {
                        let _ = tx.send(());
                    }
                }
                lines.push(rest.to_string());
            }
        }
        line.clear();
    }
    lines
}

/// (seq, id) of every `committed` report.
fn committed(lines: &[String]) -> Vec<(u64, String)> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix("committed "))
        .map(|rest| {
            let (seq, id) = rest.split_once(' ').unwrap();
            (seq.parse().unwrap(), id.to_string())
        })
        .collect()
}

#[test]
fn processes_with_optimistic_retries_lose_nothing() {
    const PROCESSES: usize = 4;
    const PER_PROCESS: u64 = 20;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.renda");
    let v0 = registered_store(&path).version();
    let children: Vec<_> = (0..PROCESSES)
        .map(|p| spawn_child("append", &path, &format!("P{p}"), PER_PROCESS, v0))
        .collect();
    let mut conflicts = 0;
    let mut reported = Vec::new();
    for mut child in children {
        let lines = reports(child.stdout.take().unwrap(), None);
        assert!(child.wait().unwrap().success());
        let total = lines
            .iter()
            .find_map(|l| l.strip_prefix("conflicts "))
            .expect("the child reports its conflicts");
        conflicts += total.parse::<u32>().unwrap();
        reported.extend(committed(&lines));
    }
    // Each child decided its first command at v0: only one of those can have been written.
    assert!(conflicts >= (PROCESSES - 1) as u32, "{conflicts} conflicts");
    assert_eq!(reported.len(), PROCESSES * PER_PROCESS as usize);

    let store = Store::open(&path, RuleBook::default()).unwrap();
    assert_eq!(store.version(), v0 + (PROCESSES as u64) * PER_PROCESS);
    let mut ids = submitted_ids(&store);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), PROCESSES * PER_PROCESS as usize);
    // Every commit a child reported is in the file, at the seq it reported.
    for (seq, id) in &reported {
        assert_eq!(
            submitted_id(&store.events()[(*seq - 1) as usize]).as_deref(),
            Some(id.as_str())
        );
    }
    store.verify().unwrap();
    assert_matches_file(&store);
}

fn submitted_id(e: &renda::Event) -> Option<String> {
    match &e.event {
        renda::EventKind::SuggestionSubmitted { suggestion, .. } => {
            Some(suggestion.as_str().to_string())
        }
        _ => None,
    }
}

/// A writer killed with SIGKILL at random moments (seeded) never leaves the file unreadable,
/// never loses a commit it reported, and never leaves anything half-written.
#[test]
fn a_writer_killed_at_random_moments_loses_no_reported_commit() {
    // 100 in `make test`; `make soak` sets RENDA_CRASH_KILLS for the long run.
    let kills: u32 = std::env::var("RENDA_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    // A fresh file every so often keeps each reopen (a full replay) cheap.
    const KILLS_PER_FILE: u32 = 10;
    let dir = tempfile::tempdir().unwrap();
    let mut rng = SplitMix(0x5eed_0fc0_ffee);
    let mut total_commits = 0;
    let mut path = dir.path().join("crash-0.renda");
    // The file's version when the child starts.
    let mut before = 0;
    for round in 0..kills {
        if round % KILLS_PER_FILE == 0 {
            path = dir.path().join(format!("crash-{round}.renda"));
            before = registered_store(&path).version();
        }
        let mut child = spawn_child("crash", &path, &format!("R{round}"), 100_000, 0);
        let stdout = child.stdout.take().unwrap();
        let (opened_tx, opened) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || reports(stdout, Some(opened_tx)));
        // The delay runs from the moment the child has the store open and starts writing.
        opened
            .recv()
            .unwrap_or_else(|_| panic!("round {round}: the child ended before opening the store"));
        std::thread::sleep(std::time::Duration::from_millis(rng.between(5, 120)));
        // SIGKILL on Unix; fails only if the child has exited already (it should not have).
        let _ = child.kill();
        child.wait().unwrap();
        let commits = committed(&reader.join().unwrap());
        total_commits += commits.len();

        let store = Store::open(&path, RuleBook::default())
            .unwrap_or_else(|e| panic!("round {round}: the store does not open: {e}"));
        store
            .verify()
            .unwrap_or_else(|e| panic!("round {round}: the store does not verify: {e}"));
        let last = store.version();
        assert!(last >= before);
        // Every reported commit is there, at its seq, with its id; the reports come in order.
        for (i, (seq, id)) in commits.iter().enumerate() {
            assert_eq!(*seq, before + i as u64 + 1, "round {round}");
            assert!(
                *seq <= last,
                "round {round}: reported {seq}, file ends at {last}"
            );
            assert_eq!(
                submitted_id(&store.events()[(*seq - 1) as usize]).as_deref(),
                Some(id.as_str()),
                "round {round}"
            );
        }
        // At most one commit more than reported (killed between commit and report), and
        // nothing of the child's beyond the file's last seq.
        assert!(last <= before + commits.len() as u64 + 1, "round {round}");
        let rows = rows(&path);
        assert_eq!(rows.len() as u64, last);
        assert_eq!(rows.last().map_or(0, |r| r.0 as u64), last);
        assert_matches_file(&store);
        before = last;
    }
    eprintln!("crash test: {total_commits} reported commits over {kills} kills");
    // The kills did land while the child was writing.
    assert!(total_commits > 0);
}
