// Deterministic synthetic columns of a suggestion log (SuggestionLog.fromColumns's arguments)
// for the benchmarks, in plain JS (node and browsers): `suggestions` suggestions of one year
// spread over `congresses` congresses (a quarter township, the rest county) and `units`
// handling units. Each suggestion is submitted (90 % during the session), accepted or
// rejected, assigned, maybe extended, replied (A–D, some in the plan), rated by its lead
// deputy and closed, each step a few days after the last; a few are withdrawn or left
// unreplied. Only benchmark input: the figures over it are whatever core computes.

/** mulberry32: a small seeded PRNG in [0, 1). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// LifecycleKind codes (renda::columnar::LifecycleKind).
const K = { submitted: 0, accepted: 2, rejected: 4, withdrawn: 5, assigned: 6, extended: 7, replied: 8, feedback: 9, plan: 11, closed: 12 };

/** Days since 1970-01-01 of a UTC date. */
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / 86_400_000;

/**
 * `{dims, suggestion, day, kind, arg}` for `SuggestionLog.fromColumns`, and `asOf`, the last
 * day of the year. Deterministic for its arguments.
 */
export function synthColumns({ suggestions = 100_000, congresses = 2_000, units = 400, seed = 7, year = 2024 } = {}) {
  const r = rng(seed);
  const pick = (n) => Math.floor(r() * n);
  const dims = {
    congresses: Array.from({ length: congresses }, (_, i) => `c${i}`),
    levels: Array.from({ length: congresses }, (_, i) => (i % 4 === 3 ? "township" : "county")),
    units: Array.from({ length: units }, (_, i) => `u${i}`),
    suggestions: Array.from({ length: suggestions }, (_, i) => `s${i}`),
    suggestionCongress: new Uint32Array(suggestions),
    during: new Uint8Array(suggestions),
  };
  const start = dayOf(year, 1, 1);
  const end = dayOf(year, 12, 31);
  // Events as (day, suggestion, kind, arg), per suggestion in order; then bucketed by day.
  const ev = { day: [], s: [], kind: [], arg: [] };
  const push = (day, s, kind, arg = 0) => {
    ev.day.push(Math.min(day, end));
    ev.s.push(s);
    ev.kind.push(kind);
    ev.arg.push(arg);
  };
  for (let s = 0; s < suggestions; s++) {
    const c = pick(congresses);
    dims.suggestionCongress[s] = c;
    const session = r() < 0.9;
    dims.during[s] = session ? 0 : 1;
    // Sessions in January to March (by congress); recess suggestions all year.
    let day = session ? start + (c % 80) + pick(3) : start + pick(330);
    push(day, s, K.submitted);
    const fate = r();
    if (fate < 0.02) {
      push(day + 1 + pick(5), s, K.withdrawn);
      continue;
    }
    day += 1 + pick(10);
    if (fate < 0.05) {
      push(day, s, K.rejected);
      continue;
    }
    push(day, s, K.accepted);
    day += 1 + pick(7);
    push(day, s, K.assigned, pick(units));
    if (r() < 0.05) push(day + 20 + pick(30), s, K.extended);
    if (r() < 0.08) continue; // no reply yet
    day += 20 + pick(100);
    const result = r() < 0.4 ? 0 : r() < 0.7 ? 1 : r() < 0.9 ? 2 : 3;
    const inPlan = result === 1 && r() < 0.3;
    push(day, s, K.replied, result | (inPlan ? 4 : 0));
    if (inPlan) push(day + 1, s, K.plan);
    if (r() < 0.85) {
      day += 5 + pick(30);
      const rating = r() < 0.8 ? 0 : r() < 0.9 ? 1 : 2;
      push(day, s, K.feedback, rating | 4);
    }
    if (r() < 0.7) push(day + 1 + pick(10), s, K.closed);
  }
  // A counting sort by day keeps each suggestion's events in their order.
  const n = ev.day.length;
  const span = end - start + 1;
  const first = new Uint32Array(span + 1);
  for (const d of ev.day) first[d - start + 1]++;
  for (let i = 1; i <= span; i++) first[i] += first[i - 1];
  const out = { suggestion: new Uint32Array(n), day: new Int32Array(n), kind: new Uint8Array(n), arg: new Uint32Array(n) };
  for (let i = 0; i < n; i++) {
    const j = first[ev.day[i] - start]++;
    out.suggestion[j] = ev.s[i];
    out.day[j] = ev.day[i];
    out.kind[j] = ev.kind[i];
    out.arg[j] = ev.arg[i];
  }
  return { dims, ...out, asOf: `${year}-12-31` };
}
