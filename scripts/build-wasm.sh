#!/usr/bin/env bash
# Builds renda-wasm for wasm32-unknown-unknown and runs wasm-bindgen on it, twice: the full
# API (default features) and the lean figures module (`--no-default-features`: only the
# columnar suggestion log and its figures; LTO and wasm-ld's gc-sections drop the rest).
#
#   scripts/build-wasm.sh     -> bindings-wasm/pkg/{renda_wasm.js, renda_wasm_bg.wasm, *.d.ts}
#                             -> bindings-wasm/pkg-figures/{renda_wasm.js, renda_wasm_bg.wasm, ...}
#
# The full API is built with the `wasm-release` profile (opt-level "z": smallest), the figures
# module with `wasm-figures` (opt-level "s": its replay loop must also be fast; see
# Cargo.toml), so each compiles its own dependencies once.
#
# Tools come from `scripts/setup.sh wasm`. The wasm build has its own target dir
# (target/wasm) so it never invalidates the native build in target/.
#   - rustup route: when `rustup target list --installed` has wasm32-unknown-unknown.
#   - Debian route otherwise: /usr/bin/cargo + /usr/bin/rustc (rustc-web), std rebuilt
#     from rust-web-src with -Zbuild-std (RUSTC_BOOTSTRAP=1), linked by lld's wasm-ld.
# Environment: WASM_BINDGEN_TARGET (default "web"), WASM_OUT_DIR (default bindings-wasm/pkg),
# WASM_FIGURES_OUT_DIR (default bindings-wasm/pkg-figures; "none" skips the lean module).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
export CARGO_TARGET_DIR="$ROOT/target/wasm"
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
FIGURES_PROFILE=wasm-figures
OUT_DIR="${WASM_OUT_DIR:-$ROOT/bindings-wasm/pkg}"
FIGURES_OUT_DIR="${WASM_FIGURES_OUT_DIR:-$ROOT/bindings-wasm/pkg-figures}"
BINDGEN_TARGET="${WASM_BINDGEN_TARGET:-web}"
# `strip = true` (symbols) also drops the `target_features` custom section, and then
# wasm-bindgen warns that it cannot tell which wasm features are on. Strip debuginfo only;
# wasm-bindgen drops the debug sections itself.
export CARGO_PROFILE_WASM_RELEASE_STRIP="${CARGO_PROFILE_WASM_RELEASE_STRIP:-debuginfo}"
export CARGO_PROFILE_WASM_FIGURES_STRIP="${CARGO_PROFILE_WASM_FIGURES_STRIP:-debuginfo}"

die() { printf 'build-wasm: error: %s\n' "$*" >&2; exit 1; }

BINDGEN="$CARGO_BIN/wasm-bindgen"
[ -x "$BINDGEN" ] || BINDGEN="$(command -v wasm-bindgen || true)"
[ -n "$BINDGEN" ] || die "wasm-bindgen missing: run scripts/setup.sh wasm"

# cargo_wasm PROFILE ARGS...: cargo build of renda-wasm for wasm32 with the cargo profile
# PROFILE and extra ARGS (features).
if command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    cargo_wasm() {
        local profile="$1"
        shift
        "$CARGO_BIN/cargo" build --profile "$profile" --target "$TARGET" -p renda-wasm "$@"
    }
else
    [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] ||
        die "no wasm32 toolchain: run scripts/setup.sh wasm"
    command -v wasm-ld >/dev/null 2>&1 || die "wasm-ld missing: run scripts/setup.sh wasm"
    # Debian's cargo must use Debian's rustc (not rustup's proxy, which PATH may find
    # first), and the linker must be wasm-ld: rust-lld points at an lld not installed.
    cargo_wasm() {
        local profile="$1"
        shift
        RUSTC=/usr/bin/rustc \
            RUSTC_BOOTSTRAP=1 \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
            /usr/bin/cargo build --profile "$profile" --target "$TARGET" \
            -Zbuild-std=std,panic_abort -p renda-wasm "$@"
    }
fi

# bindgen PROFILE OUT_DIR: wasm-bindgen on the .wasm cargo just built with PROFILE (cargo
# links the artifact of the features asked for to it each time, fresh or not), unless
# OUT_DIR is up to date.
bindgen() {
    local wasm="$CARGO_TARGET_DIR/$TARGET/$1/renda_wasm.wasm"
    local out="$2"
    [ -f "$wasm" ] || die "build produced no $wasm"
    # Re-run wasm-bindgen only when the .wasm (or the CLI) is newer than its output.
    local stamp="$out/.built-from"
    local stamp_text
    stamp_text="$BINDGEN_TARGET names=${WASM_KEEP_NAMES:-0} $("$BINDGEN" --version)"
    if [ -f "$stamp" ] && [ "$stamp" -nt "$wasm" ] && [ "$(cat "$stamp")" = "$stamp_text" ]; then
        echo "build-wasm: $out up to date"
        return 0
    fi
    rm -rf "$out"
    # The name section (function names, ~40% of the file) only helps stack traces; keep it
    # with WASM_KEEP_NAMES=1.
    local names=(--remove-name-section)
    [ "${WASM_KEEP_NAMES:-0}" = 1 ] && names=()
    "$BINDGEN" --target "$BINDGEN_TARGET" "${names[@]}" --out-dir "$out" "$wasm"
    printf '%s\n' "$stamp_text" >"$stamp"
    echo "build-wasm: $out ($(du -k "$out/renda_wasm_bg.wasm" | cut -f1) KiB wasm, $stamp_text)"
}

cargo_wasm "$PROFILE"
bindgen "$PROFILE" "$OUT_DIR"
if [ "$FIGURES_OUT_DIR" != none ]; then
    cargo_wasm "$FIGURES_PROFILE" --no-default-features
    bindgen "$FIGURES_PROFILE" "$FIGURES_OUT_DIR"
fi
