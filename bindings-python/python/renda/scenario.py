"""Runs one shared scenario file (``tests/scenarios/*.json``) through the Python API and
prints its outcome as canonical JSON (sorted keys, compact), byte-identical to the Rust
runner ``cargo run -q -p renda --example scenario -- FILE`` (a line-by-line port of
``core/examples/scenario.rs``; see ``tests/README.md`` for the format).

Usage: ``python -m renda.scenario FILE``. Exit status: 0 passed, 1 not passed, 2 usage, I/O,
invalid JSON or a malformed ``queries`` entry (unknown query, missing or mistyped argument).

To print the same bytes as the Rust runner, the file is read the way ``serde_json`` reads it
(numbers parsed with its algorithm, integers beyond 64 bits as floats, ``-0`` as ``-0.0``,
nesting limited to 127 levels, lone surrogates, NaN and Infinity rejected), values are
compared with its equality (``1`` is not ``1.0``) and floats are printed in its format. Step
commands, filters and rules reach core as JSON text that keeps each number's original
spelling, so core parses exactly the tokens the Rust runner's parser saw.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable, Dict, List, Optional, Tuple

from . import Ledger, RendaError, queries

__all__ = ["run", "matches", "canonical", "load", "check_queries", "main", "QUERIES"]

_U64_MAX = (1 << 64) - 1
_I32_MAX = (1 << 31) - 1
_I32_MIN = -(1 << 31)
_POW10 = [float(f"1e{i}") for i in range(309)]
_MAX_DEPTH = 127  # serde_json's recursion limit: 128 nested arrays/objects fail


class _Float(float):
    """A float read from the file, with the text it was written as."""

    text: str

    def __new__(cls, value: float, text: str) -> "_Float":
        self = super().__new__(cls, value)
        self.text = text
        return self


def _f64_from_parts(positive: bool, significand: int, exponent: int) -> float:
    # serde_json's f64_from_parts without the float_roundtrip feature.
    f = float(significand)
    while True:
        idx = abs(exponent) if exponent != _I32_MIN else len(_POW10)
        if idx < len(_POW10):
            if exponent >= 0:
                f *= _POW10[idx]
                if f == float("inf"):
                    raise ValueError("number out of range")
            else:
                f /= _POW10[idx]
            break
        if f == 0.0:
            break
        if exponent >= 0:
            raise ValueError("number out of range")
        f /= 1e308
        exponent += 308
    return f if positive else -f


def _number(text: str) -> Any:
    """A JSON number token as serde_json (default features) reads it: ``int`` for U64/I64,
    otherwise a float carrying its source text."""
    positive = not text.startswith("-")
    s = text if positive else text[1:]
    n, i = len(s), 0
    significand, exponent, overflowed = 0, 0, False
    while i < n and s[i].isdigit():
        d = ord(s[i]) - 48
        if not overflowed and significand * 10 + d > _U64_MAX:
            overflowed = True
        if overflowed:
            exponent += 1  # parse_long_integer: further digits only scale
        else:
            significand = significand * 10 + d
        i += 1
    if i == n and not overflowed:
        if positive:
            return significand
        if 0 < significand <= (1 << 63):
            return -significand
        return _Float(-float(significand), text)  # -0 and below i64::MIN
    if i < n and s[i] == ".":
        i += 1
        ignore = False  # parse_decimal_overflow: once full, ignore further fraction digits
        while i < n and s[i].isdigit():
            d = ord(s[i]) - 48
            if not ignore and significand * 10 + d > _U64_MAX:
                ignore = True
            if not ignore:
                significand = significand * 10 + d
                exponent -= 1
            i += 1
    if i < n and s[i] in "eE":
        i += 1
        positive_exp = True
        if s[i] in "+-":
            positive_exp = s[i] == "+"
            i += 1
        exp = 0
        while i < n:
            d = ord(s[i]) - 48
            if exp * 10 + d > _I32_MAX:  # parse_exponent_overflow
                if significand != 0 and positive_exp:
                    raise ValueError("number out of range")
                return _Float(0.0 if positive else -0.0, text)
            exp = exp * 10 + d
            i += 1
        exponent = exponent + exp if positive_exp else exponent - exp
        exponent = max(_I32_MIN, min(_I32_MAX, exponent))  # saturating
    return _Float(_f64_from_parts(positive, significand, exponent), text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"invalid JSON literal {name}")


def _check(value: Any, depth: int = 0) -> int:
    """Depth of nesting; raises on strings that are not valid Unicode (lone surrogates)."""
    if isinstance(value, str):
        value.encode("utf-8")
        return depth
    if isinstance(value, dict):
        return max([depth + 1] + [max(_check(k, depth + 1), _check(v, depth + 1)) for k, v in value.items()])
    if isinstance(value, list):
        return max([depth + 1] + [_check(v, depth + 1) for v in value])
    return depth


def load(text: str) -> Any:
    """Parses JSON text as serde_json does (see the module docstring); raises ``ValueError``
    (or ``RecursionError``) where serde_json fails."""
    value = json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_reject_constant)
    if _check(value) > _MAX_DEPTH:
        raise ValueError("recursion limit exceeded")
    return value


def _float_text(x: float) -> str:
    """A float formatted as serde_json formats it (shortest round-trip digits; plain
    notation for exponents -5 to 15, else ``d.ddde+N`` / ``d.ddde-N``)."""
    r = repr(float(x))
    if r in ("inf", "-inf", "nan"):
        return "null"  # serde_json writes non-finite floats as null
    neg = r.startswith("-")
    mantissa, _, e = r.lstrip("-").partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    if not digits:
        return "-0.0" if neg else "0.0"
    lead_zeros = len(whole + frac) - len((whole + frac).lstrip("0"))
    e10 = len(whole) - 1 - lead_zeros + (int(e) if e else 0)
    digits = digits.rstrip("0")
    if -5 <= e10 < 16:
        if e10 >= 0:
            if len(digits) <= e10 + 1:
                out = digits + "0" * (e10 + 1 - len(digits)) + ".0"
            else:
                out = digits[: e10 + 1] + "." + digits[e10 + 1 :]
        else:
            out = "0." + "0" * (-e10 - 1) + digits
    else:
        out = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        out += "e" + ("-" if e10 < 0 else "+") + str(abs(e10))
    return "-" + out if neg else out


def _source_text(x: float) -> str:
    return x.text if isinstance(x, _Float) else repr(float(x))


def _dump(value: Any, float_text: Callable[[float], str]) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        items = (json.dumps(k, ensure_ascii=False) + ":" + _dump(value[k], float_text) for k in sorted(value))
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_dump(v, float_text) for v in value) + "]"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def canonical(value: Any) -> str:
    """Compact JSON with object keys sorted at every level, as the Rust runner prints it
    (``json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` except
    that floats are written in serde_json's format)."""
    return _dump(value, _float_text)


def _wire(value: Any) -> str:
    """JSON text for core, keeping each number as it was written in the file."""
    return _dump(value, _source_text)


def _same_scalar(e: Any, a: Any) -> bool:
    # serde_json's Value equality: no bool/number mixing, an integer never equals a float.
    if isinstance(e, bool) or isinstance(a, bool):
        return type(e) is type(a) and e == a
    if isinstance(e, float) or isinstance(a, float):
        return isinstance(e, float) and isinstance(a, float) and e == a
    if isinstance(e, int) or isinstance(e, str):
        return type(e) is type(a) and e == a
    return False


def matches(expected: Any, actual: Any) -> bool:
    """``expected`` matches ``actual`` when every key of an expected object matches the same
    key of the actual object (extra actual keys are ignored), arrays match element by element
    with the same length, and other values are equal. A null expectation matches anything."""
    if expected is None:
        return True
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and matches(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(matches(x, y) for x, y in zip(expected, actual))
        )
    return _same_scalar(expected, actual)


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _array(value: Any) -> List[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def run(s: Any) -> Dict[str, Any]:
    """The outcome of scenario ``s`` (as read by :func:`load`)."""
    mismatches: List[str] = []
    rules: Optional[str] = _wire(s["rules"]) if isinstance(s, dict) and "rules" in s else None
    try:
        ledger = Ledger(rules)
    except RendaError as e:
        return {"name": _get(s, "name"), "rules_error": e.info, "passed": False, "mismatches": ["rules"]}

    steps: List[Any] = []
    for i, step in enumerate(_array(_get(s, "steps"))):
        # The step's own command envelope is the step minus its `expect`.
        expect = None
        if isinstance(step, dict):
            step = dict(step)
            expect = step.pop("expect", None)
        try:
            events = ledger.execute(_wire(step))
            outcome: Dict[str, Any] = {"ok": [e["event"]["type"] for e in events]}
        except RendaError as e:
            outcome = {"error": e.info}
        if not matches(expect, outcome):
            mismatches.append(f"steps[{i}]")
        steps.append(outcome)

    figures: List[Any] = []
    for k, f in enumerate(_array(_get(s, "figures"))):
        flt = _wire(f["filter"]) if isinstance(f, dict) and "filter" in f else None
        try:
            got: Any = ledger.figures(_str(_get(f, "as_of")), flt)
        except RendaError as e:
            got = {"error": e.info}
        if not matches(_get(f, "expect"), got):
            mismatches.append(f"figures[{k}]")
        figures.append(got)

    views: List[Any] = []
    for k, v in enumerate(_array(_get(s, "views"))):
        try:
            got = ledger.suggestion_view(_str(_get(v, "suggestion")), _str(_get(v, "as_of")))
        except RendaError as e:
            got = {"error": e.info}
        if not matches(_get(v, "expect"), got):
            mismatches.append(f"views[{k}]")
        views.append(got)

    # Queries: only when the file has a `queries` key (checked by `check_queries`), so the
    # output of files without one is unchanged.
    queries: Optional[List[Any]] = None
    if isinstance(s, dict) and "queries" in s:
        queries = []
        for k, q in enumerate(_array(s["queries"])):
            try:
                got = _query(ledger, q)
            except RendaError as e:
                got = {"error": e.info}
            if not matches(_get(q, "expect"), got):
                mismatches.append(f"queries[{k}]")
            queries.append(got)

    # State is a function of the events: replaying the log and restoring a snapshot both
    # reproduce it exactly.
    snapshot = ledger.snapshot()
    try:
        replay_equal = Ledger.replay(ledger.events(), rules).snapshot() == snapshot
    except RendaError:
        replay_equal = False
    try:
        snapshot_equal = Ledger.restore(snapshot, rules).snapshot() == snapshot
    except RendaError:
        snapshot_equal = False
    if not replay_equal:
        mismatches.append("replay")
    if not snapshot_equal:
        mismatches.append("snapshot")
    out: Dict[str, Any] = {
        "name": _get(s, "name"),
        "steps": steps,
        "figures": figures,
        "views": views,
        "events": len(ledger),
        "replay_equal": replay_equal,
        "snapshot_equal": snapshot_equal,
        "mismatches": mismatches,
        "passed": not mismatches,
    }
    if queries is not None:
        out["queries"] = queries
    return out


#: The queries a scenario may ask: name → (required arguments, optional arguments), besides
#: ``query`` and ``expect``. Required arguments are strings; ``decimals`` is an integer from 0
#: to 6, ``scope`` a string or an object, ``reader`` an object; an optional argument that is
#: absent or null is not given.
QUERIES: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    spec["name"]: (tuple(a for a, _ in spec["required"]), tuple(a for a, _ in spec["optional"]))
    for spec in queries()
}


def check_queries(s: Any) -> None:
    """Checks the ``queries`` key before anything runs; raises ``ValueError`` for a malformed
    query: an error in the file, like invalid JSON (exit 2), not an outcome to compare."""
    if not isinstance(s, dict) or "queries" not in s:
        return
    if not isinstance(s["queries"], list):
        raise ValueError("`queries` must be an array of queries")
    for k, q in enumerate(s["queries"]):
        if not isinstance(q, dict):
            raise ValueError(f"queries[{k}] must be an object")
        name = q.get("query")
        if not isinstance(name, str):
            raise ValueError(f"queries[{k}].query must be a string naming the query")
        if name not in QUERIES:
            raise ValueError(f"queries[{k}]: unknown query `{name}` (known: {', '.join(QUERIES)})")
        required, optional = QUERIES[name]
        for arg in required:
            if not isinstance(q.get(arg), str):
                raise ValueError(f"queries[{k}].{arg} must be a string ({name})")
        for key, v in q.items():
            if key in ("query", "expect") or key in required:
                continue
            if key not in optional:
                raise ValueError(f"queries[{k}]: unknown argument `{key}` for {name}")
            if key == "decimals":
                ok, want = type(v) is int and 0 <= v <= 6, "an integer from 0 to 6"
            elif key == "scope":
                ok, want = isinstance(v, (str, dict)), "a string or an object"
            else:
                ok, want = isinstance(v, dict), "an object"
            if not ok and v is not None:
                raise ValueError(f"queries[{k}].{key} must be {want} ({name})")


def _query(ledger: Ledger, q: Dict[str, Any]) -> Any:
    """Runs one (checked) query through the Python API."""

    def opt(key: str) -> Any:
        # Optional JSON arguments reach the binding as JSON text (which it takes as well as a
        # dict), numbers as written in the file.
        return None if q.get(key) is None else _wire(q[key])

    name = q["query"]
    decimals = {} if q.get("decimals") is None else {"decimals": q["decimals"]}
    if name == "composition":
        return ledger.composition(q["congress"], q["as_of"], **decimals)
    if name == "participation":
        return ledger.participation(q["congress"], q["from"], q["to"], **decimals)
    if name == "check_organisation":
        return ledger.check_organisation(q["congress"], q["as_of"])
    if name == "compliance":
        return ledger.compliance(q["congress"], q["as_of"])
    if name == "points":
        return ledger.points(q["congress"], q["period"], opt("scope"), opt("reader"))
    if name == "points_publications":
        return ledger.points_publications()
    if name == "deputies":
        return ledger.deputies(q["as_of"])
    if name == "voter_issues":
        return ledger.voter_issues(opt("reader"))
    if name == "archive":
        return ledger.archive(q["deputy"], opt("reader"))
    if name == "key_figures":
        return ledger.key_figures(q["congress"], q["as_of"])
    if name == "key_assessment":
        return ledger.key_assessment(q["suggestion"], q["as_of"], opt("reader"))
    if name == "supervision_monitor":
        return ledger.supervision_monitor(q["congress"], q["as_of"])
    if name == "evaluations":
        return ledger.evaluations(opt("reader"))
    if name == "evaluation_sample":
        return ledger.evaluation_sample(q["evaluation"], q["as_of"], opt("reader"))
    if name == "motions":
        return ledger.motions()
    if name == "motion_figures":
        return ledger.motion_figures(q["congress"], q["as_of"])
    if name == "class_cases":
        return ledger.class_case_report(q["as_of"], q["congress"])
    if name == "class_case_candidates":
        return ledger.class_case_candidates(q["congress"], q["min_score"])
    if name == "unit_scores":
        return ledger.unit_scores(q["as_of"], opt("filter"), opt("reader"))
    if name == "figures_by":
        return ledger.figures_by(q["as_of"], q["by"], opt("filter"), opt("reader"))
    if name == "plan_ledger":
        return ledger.plan_ledger(q["congress"], q["as_of"])
    return ledger.query(name, **{k: v for k, v in q.items() if k not in ("query", "expect")})


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: scenario FILE", file=sys.stderr)
        return 2
    path = args[0]
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        return 2
    try:
        scenario = load(text)
    except (ValueError, RecursionError) as e:
        print(f"{path}: invalid JSON: {e}", file=sys.stderr)
        return 2
    try:
        check_queries(scenario)
    except ValueError as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 2
    out = run(scenario)
    sys.stdout.buffer.write(canonical(out).encode("utf-8") + b"\n")
    sys.stdout.flush()
    return 0 if out.get("passed") is True else 1


if __name__ == "__main__":
    sys.exit(main())
