#!/usr/bin/env python3
"""Writes tests/reports/haidian-2024.json: one data set encoding Haidian 2024 (seed 001) for
the annual work report, by merging the commands of the two generated scenarios

  tests/scenarios/c_s001_haidian_2024.json            suggestions: S001-13, S001-15, S001-16
  tests/scenarios/o_s001_haidian_2024_oversight.json  meetings and outputs: S001-1, S001-2

into one time-ordered array of command envelopes (the registration of the congress, which
both carry, once). Regenerate those two first (scripts/make-haidian-2024*.py).

Usage: python3 scripts/make-haidian-2024-report.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ["c_s001_haidian_2024.json", "o_s001_haidian_2024_oversight.json"]
OUT = ROOT / "tests" / "reports" / "haidian-2024.json"


def main() -> None:
    steps, seen = [], set()
    for name in SOURCES:
        for step in json.loads((ROOT / "tests" / "scenarios" / name).read_text("utf-8"))["steps"]:
            if "expect" in step and "ok" not in step["expect"]:
                continue  # a step the scenario expects to be rejected
            cmd = step["command"]
            key = json.dumps(cmd, sort_keys=True) if cmd["type"] == "register_congress" else None
            if key is not None and key in seen:
                continue
            if key is not None:
                seen.add(key)
            steps.append({k: step[k] for k in ("at", "actor", "command")})
    # Stable: equal times keep each file's order, and the two files share no ids.
    steps.sort(key=lambda s: s["at"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in steps))
        f.write("\n]\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(steps)} commands")


if __name__ == "__main__":
    main()
