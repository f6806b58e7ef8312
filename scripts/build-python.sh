#!/usr/bin/env bash
# Builds the Python extension (renda._native, crate renda-python) in release mode and
# installs the `renda` package into the project's .venv (made by `scripts/setup.sh python`).
#
# `maturin develop` installs the package in editable form: it puts the built
# _native.abi3.so into bindings-python/python/renda/ (ignored by git) and points .venv at
# that source tree, so edits to the pure-Python layer need no rebuild.
#
# The build uses its own target dir (target/python): maturin sets PYO3_* variables that
# differ from a plain `cargo build`, and sharing target/ would make the two rebuild pyo3
# back and forth.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# rustup's cargo, not Debian's /usr/bin/cargo (installed for the wasm build).
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/.venv/bin:$CARGO_BIN:$PATH"
export VIRTUAL_ENV="$ROOT/.venv"
export CARGO="$CARGO_BIN/cargo"
export CARGO_TARGET_DIR="$ROOT/target/python"
unset CONDA_PREFIX RUSTC

[ -x "$VIRTUAL_ENV/bin/maturin" ] || {
    echo "build-python: error: .venv/bin/maturin missing: run scripts/setup.sh python" >&2
    exit 1
}

PY="$VIRTUAL_ENV/bin/python"
SO_GLOB=(bindings-python/python/renda/_native*.so)
SO="${SO_GLOB[0]}"
PTH="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/renda.pth"

# Installed in editable form already (renda.pth points at python/, metadata newer than
# pyproject.toml)? Then only the extension needs rebuilding, in place.
installed=0
if [ -f "$PTH" ] && [ "$(cat "$PTH")" = "$ROOT/bindings-python/python" ]; then
    dist_info=("$(dirname "$PTH")"/renda-*.dist-info)
    [ -d "${dist_info[0]}" ] && [ "${dist_info[0]}" -nt bindings-python/pyproject.toml ] && installed=1
fi

if [ "$installed" -eq 1 ] && [ -f "$SO" ] && [ "${FORCE:-0}" != 1 ] &&
    [ -z "$(find core store bindings-python/src bindings-python/Cargo.toml bindings-python/pyproject.toml \
        Cargo.toml Cargo.lock -newer "$SO" -print -quit)" ]; then
    echo "build-python: $SO up to date"
    exit 0
elif [ "$installed" -eq 1 ] && [ "${FORCE:-0}" != 1 ]; then
    "$VIRTUAL_ENV/bin/maturin" develop --release --skip-install -m bindings-python/Cargo.toml >/dev/null
    SO_GLOB=(bindings-python/python/renda/_native*.so)
    touch "${SO_GLOB[0]}"
else
    "$VIRTUAL_ENV/bin/maturin" develop --release -q -m bindings-python/Cargo.toml
fi
"$VIRTUAL_ENV/bin/python" -c 'import renda, renda._native as n; print("build-python: renda installed in .venv from", n.__file__)'
