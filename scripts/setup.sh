#!/usr/bin/env bash
# Installs what the project needs to build and test, and only what is missing.
#
#   scripts/setup.sh            everything (rust, wasm, python, node, browser)
#   scripts/setup.sh PART...    only those parts: rust | wasm | python | node | browser
#                               | fuzz (cargo-fuzz for `make soak`; not part of "everything")
#                               | spark (PySpark and Java 17+ for the scale-out example in
#                                 `make bench`; not part of "everything")
#
# Every part checks first and does nothing when its tools are already there, so a
# second run takes a few seconds. Prints one "ok:" line per part.
#
# Machine assumptions (see shared/toolchain.md): rustup Rust in ~/.cargo/bin, python3
# 3.9+ with pip (RENDA_PYTHON=... to use another), node + npm, root (or sudo) with apt.
# The wasm32 target comes from rustup if it is already installed there, otherwise from
# Debian's rustc-web + rust-web-src + lld (we never call `rustup target add`: it hangs
# on this network).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
RUSTUP_CARGO="$CARGO_BIN/cargo"
export DEBIAN_FRONTEND=noninteractive

log() { printf '%s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- apt helpers
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi
APT_UPDATED=0
APT_MARK="${TMPDIR:-/tmp}/.renda-apt-updated"
# Wait for another apt/dpkg run (e.g. unattended or a parallel session) instead of failing.
APT_OPTS=(-o DPkg::Lock::Timeout=600)

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# apt_install PKG...: installs the packages that are not installed yet; runs
# `apt-get update` once per script run, and only if something must be installed.
apt_install() {
    local missing=() p
    for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
    [ "${#missing[@]}" -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || die "need apt-get to install: ${missing[*]}"
    # One `apt-get update` per hour is enough (parts run as separate processes by make).
    if [ "$APT_UPDATED" -eq 0 ] && [ -z "$(find "$APT_MARK" -mmin -60 2>/dev/null)" ]; then
        log "setup: apt-get update"
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update -qq >/dev/null
        touch "$APT_MARK" 2>/dev/null || true
    fi
    APT_UPDATED=1
    log "setup: apt-get install ${missing[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y -qq "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------- rust
ensure_lockfile() {
    # Cargo.lock must exist (and name wasm-bindgen) before we can read versions from it.
    if [ ! -f Cargo.lock ] || ! grep -q '^name = "wasm-bindgen"$' Cargo.lock; then
        log "setup: resolving Cargo.lock"
        "$RUSTUP_CARGO" metadata --format-version 1 >/dev/null
    fi
}

# lock_version CRATE: version of CRATE in Cargo.lock (first match)
lock_version() {
    awk -v want="name = \"$1\"" '
        $0 == want { found = 1; next }
        found && /^version = / { gsub(/version = |"/, ""); print; exit }
        /^\[\[package\]\]/ { found = 0 }' Cargo.lock
}

part_rust() {
    [ -x "$RUSTUP_CARGO" ] || die "rustup's cargo not found at $RUSTUP_CARGO (install Rust with rustup)"
    "$CARGO_BIN/rustfmt" --version >/dev/null 2>&1 || die "rustfmt component missing (rustup component add rustfmt)"
    "$RUSTUP_CARGO" clippy --version >/dev/null 2>&1 || die "clippy component missing (rustup component add clippy)"
    ensure_lockfile
    log "ok: rust ($("$CARGO_BIN/rustc" --version | cut -d' ' -f2), rustfmt, clippy, Cargo.lock)"
}

# ---------------------------------------------------------------- wasm
rustup_has_wasm32() {
    command -v rustup >/dev/null 2>&1 &&
        rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'
}

part_wasm() {
    local how
    if rustup_has_wasm32; then
        how="rustup target wasm32-unknown-unknown"
    else
        apt_install rustc-web cargo-web rust-web-src lld
        [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] || die "Debian rustc-web did not install /usr/bin/rustc and /usr/bin/cargo"
        [ -d /usr/lib/rustlib/src/rust/library ] || die "rust-web-src: /usr/lib/rustlib/src/rust/library missing"
        command -v wasm-ld >/dev/null 2>&1 || die "lld did not provide wasm-ld"
        how="debian rustc-web $(/usr/bin/rustc --version | cut -d' ' -f2) + build-std"
    fi

    ensure_lockfile
    local want have=""
    want="$(lock_version wasm-bindgen)"
    [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
    if [ -x "$CARGO_BIN/wasm-bindgen" ]; then
        have="$("$CARGO_BIN/wasm-bindgen" --version 2>/dev/null | awk '{print $2}')"
    fi
    if [ "$have" != "$want" ]; then
        log "setup: cargo install wasm-bindgen-cli $want (was: ${have:-none}; takes ~2-3 min)"
        # No --locked: one of its locked dependency versions is not on the registry here.
        "$RUSTUP_CARGO" install -q wasm-bindgen-cli --version "$want" --force
    fi
    log "ok: wasm toolchain ($how), wasm-bindgen $want"
}

# ---------------------------------------------------------------- python
VENV="$ROOT/.venv"
REQS="$ROOT/bindings-python/requirements-dev.txt"
PY_STAMP="$VENV/.requirements-installed"

part_python() {
    local py="${RENDA_PYTHON:-python3}"
    command -v "$py" >/dev/null 2>&1 || die "$py not found"
    if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
        "$py" -c 'import sys; sys.exit(sys.version_info < (3, 9))' || die "python 3.9+ needed"
        log "setup: creating .venv"
        rm -rf "$VENV"
        "$py" -m venv "$VENV"
        rm -f "$PY_STAMP"
    fi
    if [ ! -f "$PY_STAMP" ] || [ "$REQS" -nt "$PY_STAMP" ]; then
        log "setup: pip install -r bindings-python/requirements-dev.txt"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQS"
        touch "$PY_STAMP"
    fi
    log "ok: python ($("$VENV/bin/python" --version 2>&1) in .venv, maturin $("$VENV/bin/maturin" --version | awk '{print $2}'))"
}

# ---------------------------------------------------------------- node
NODE_STAMP="$ROOT/node_modules/.setup-stamp"

part_node() {
    command -v node >/dev/null 2>&1 || die "node not found"
    command -v npm >/dev/null 2>&1 || die "npm not found"
    local need=0
    if [ ! -f "$NODE_STAMP" ] || [ package.json -nt "$NODE_STAMP" ]; then need=1; fi
    if [ -f package-lock.json ] && [ package-lock.json -nt "$NODE_STAMP" ]; then need=1; fi
    if [ "$need" -eq 1 ]; then
        log "setup: npm install"
        # playwright-core never downloads a browser; this is belt and braces.
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error >/dev/null
        touch "$NODE_STAMP"
    fi
    log "ok: node $(node --version) (node_modules: playwright-core $(node -p 'require("playwright-core/package.json").version'), typescript $(node -p 'require("typescript/package.json").version'))"
}

# ---------------------------------------------------------------- browser
part_browser() {
    # chromium for the web tests (driven by playwright-core with executablePath
    # /usr/bin/chromium); CJK fonts so pages with Chinese text render in screenshots.
    apt_install chromium fonts-noto-cjk
    log "ok: browser ($(/usr/bin/chromium --version 2>/dev/null | head -1))"
}

# ---------------------------------------------------------------- fuzz (make soak only)
part_fuzz() {
    # cargo-fuzz needs a nightly toolchain; this machine kind has one installed under rustup
    # (we never download toolchains: rustup cannot reach its servers here).
    "$CARGO_BIN/rustup" toolchain list 2>/dev/null | grep -q '^nightly' \
        || die "make soak needs a nightly Rust toolchain (rustup toolchain list shows none)"
    if ! "$RUSTUP_CARGO" fuzz --version >/dev/null 2>&1; then
        log "setup: cargo install cargo-fuzz"
        "$RUSTUP_CARGO" install -q cargo-fuzz
    fi
    log "ok: fuzz ($("$RUSTUP_CARGO" fuzz --version))"
}

# ---------------------------------------------------------------- spark (make bench only)
SPARK_REQS="$ROOT/bindings-python/requirements-spark.txt"
SPARK_STAMP="$VENV/.requirements-spark-installed"

# java_major: the major version of `java` (17 for "17.0.15", 8 for "1.8.0_382"), or nothing.
java_major() {
    local java="java"
    [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"
    command -v "$java" >/dev/null 2>&1 || return 0
    "$java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

part_spark() {
    # PySpark from PyPI into .venv (its wheel carries Spark's jars); Spark 4 runs on Java 17+,
    # which this machine kind has as Debian's openjdk-17 (apt package openjdk-17-jre-headless).
    part_python >/dev/null
    local major
    major="$(java_major)"
    [ -n "$major" ] || die "spark needs Java 17+: no java on PATH or in JAVA_HOME (apt-get install openjdk-17-jre-headless)"
    [ "$major" -ge 17 ] || die "spark needs Java 17+, java -version says $major (apt-get install openjdk-17-jre-headless, or set JAVA_HOME)"
    if [ ! -f "$SPARK_STAMP" ] || [ "$SPARK_REQS" -nt "$SPARK_STAMP" ]; then
        log "setup: pip install -r bindings-python/requirements-spark.txt (~430 MB download)"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$SPARK_REQS"
        touch "$SPARK_STAMP"
    fi
    log "ok: spark (pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)') in .venv, java $major)"
}

# ---------------------------------------------------------------- main
parts=("$@")
[ "${#parts[@]}" -eq 0 ] && parts=(rust wasm python node browser)
for part in "${parts[@]}"; do
    case "$part" in
        rust | wasm | python | node | browser | fuzz | spark) "part_$part" ;;
        all) part_rust; part_wasm; part_python; part_node; part_browser ;;
        *) die "unknown part '$part' (rust | wasm | python | node | browser | fuzz | spark | all)" ;;
    esac
done
