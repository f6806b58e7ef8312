#!/usr/bin/env bash
# Builds renda-wasm for wasm32-unknown-unknown and runs wasm-bindgen on it.
#
#   scripts/build-wasm.sh     -> bindings-wasm/pkg/{renda_wasm.js, renda_wasm_bg.wasm, *.d.ts}
#
# Tools come from `scripts/setup.sh wasm`. The wasm build has its own target dir
# (target/wasm) so it never invalidates the native build in target/.
#   - rustup route: when `rustup target list --installed` has wasm32-unknown-unknown.
#   - Debian route otherwise: /usr/bin/cargo + /usr/bin/rustc (rustc-web), std rebuilt
#     from rust-web-src with -Zbuild-std (RUSTC_BOOTSTRAP=1), linked by lld's wasm-ld.
# Environment: WASM_BINDGEN_TARGET (default "web"), WASM_OUT_DIR (default bindings-wasm/pkg).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
export CARGO_TARGET_DIR="$ROOT/target/wasm"
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
OUT_DIR="${WASM_OUT_DIR:-$ROOT/bindings-wasm/pkg}"
BINDGEN_TARGET="${WASM_BINDGEN_TARGET:-web}"
# `strip = true` (symbols) also drops the `target_features` custom section, and then
# wasm-bindgen warns that it cannot tell which wasm features are on. Strip debuginfo only;
# wasm-bindgen drops the debug sections itself.
export CARGO_PROFILE_WASM_RELEASE_STRIP="${CARGO_PROFILE_WASM_RELEASE_STRIP:-debuginfo}"

die() { printf 'build-wasm: error: %s\n' "$*" >&2; exit 1; }

if command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    "$CARGO_BIN/cargo" build --profile "$PROFILE" --target "$TARGET" -p renda-wasm
else
    [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] ||
        die "no wasm32 toolchain: run scripts/setup.sh wasm"
    command -v wasm-ld >/dev/null 2>&1 || die "wasm-ld missing: run scripts/setup.sh wasm"
    # Debian's cargo must use Debian's rustc (not rustup's proxy, which PATH may find
    # first), and the linker must be wasm-ld: rust-lld points at an lld not installed.
    RUSTC=/usr/bin/rustc \
        RUSTC_BOOTSTRAP=1 \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
        /usr/bin/cargo build --profile "$PROFILE" --target "$TARGET" \
        -Zbuild-std=std,panic_abort -p renda-wasm
fi

WASM="$CARGO_TARGET_DIR/$TARGET/$PROFILE/renda_wasm.wasm"
[ -f "$WASM" ] || die "build produced no $WASM"

BINDGEN="$CARGO_BIN/wasm-bindgen"
[ -x "$BINDGEN" ] || BINDGEN="$(command -v wasm-bindgen || true)"
[ -n "$BINDGEN" ] || die "wasm-bindgen missing: run scripts/setup.sh wasm"

# Re-run wasm-bindgen only when the .wasm (or the CLI) is newer than its output.
STAMP="$OUT_DIR/.built-from"
STAMP_TEXT="$BINDGEN_TARGET names=${WASM_KEEP_NAMES:-0} $("$BINDGEN" --version)"
if [ -f "$STAMP" ] && [ "$STAMP" -nt "$WASM" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ]; then
    echo "build-wasm: $OUT_DIR up to date"
    exit 0
fi
rm -rf "$OUT_DIR"
# The name section (function names, ~40% of the file) only helps stack traces; keep it
# with WASM_KEEP_NAMES=1.
names=(--remove-name-section)
[ "${WASM_KEEP_NAMES:-0}" = 1 ] && names=()
"$BINDGEN" --target "$BINDGEN_TARGET" "${names[@]}" --out-dir "$OUT_DIR" "$WASM"
printf '%s\n' "$STAMP_TEXT" >"$STAMP"
echo "build-wasm: $OUT_DIR ($(du -k "$OUT_DIR/renda_wasm_bg.wasm" | cut -f1) KiB wasm, $STAMP_TEXT)"
