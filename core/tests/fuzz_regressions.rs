//! The fuzz corpus as regression tests (issue 8 item 4): every input kept in
//! `core/fuzz/corpus/<target>/` and `core/fuzz/regressions/<target>/` (crashers found and fixed)
//! runs through the same checks as the cargo-fuzz targets, on stable Rust, in `make test`.

#[path = "../fuzz/checks.rs"]
mod checks;

fn run_dir(target: &str, check: fn(&[u8])) -> usize {
    let mut n = 0;
    for dir in ["corpus", "regressions"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(dir)
            .join(target);
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{target}: {} fails its check", f.display());
            n += 1;
        }
    }
    n
}

#[test]
fn wire_corpus() {
    assert!(
        run_dir("wire", checks::wire) > 0,
        "no corpus kept for `wire`"
    );
}

#[test]
fn ledger_corpus() {
    assert!(
        run_dir("ledger", checks::ledger) > 0,
        "no corpus kept for `ledger`"
    );
}

#[test]
fn sheet_corpus() {
    assert!(
        run_dir("sheet", checks::sheet) > 0,
        "no corpus kept for `sheet`"
    );
}

/// The ledger check on a spread of deterministic inputs, so the properties are exercised even
/// where the corpus is thin.
#[test]
fn ledger_check_on_generated_inputs() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in (0..400).step_by(7) {
        let data: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        checks::ledger(&data);
    }
}
