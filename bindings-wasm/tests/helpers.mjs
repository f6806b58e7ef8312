// Shared fixtures for the node tests (not a test file itself).
export const admin = { role: "admin", id: "admin" };
export const office = { role: "deputy_affairs_office", id: "office" };

/** Envelope shorthand. */
export const cmd = (at, actor, command) => ({ at, actor, command });

/** Registry + one suggestion submitted, accepted and assigned (reply due 2024-04-15). */
export function seed(ledger) {
  const out = [];
  for (const c of [
    cmd("2024-01-02T09:00:00+08:00", admin, {
      type: "register_congress", congress: "hd-17", name: "北京市海淀区第十七届人民代表大会",
      level: "county", term: 17, term_start: "2021-11-01", term_end: "2026-10-31",
    }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_deputy", deputy: "D001", congress: "hd-17", name: "王丽" }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_deputy", deputy: "D002", congress: "hd-17", name: "李强" }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_unit", unit: "edu", name: "区教委" }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_unit", unit: "fin", name: "区财政局" }),
    cmd("2024-01-08T10:00:00+08:00", { role: "deputy", id: "D001" }, {
      type: "submit_suggestion", suggestion: "S1", congress: "hd-17", title: "关于增加幼儿园学位的建议",
      lead: "D001", cosigners: ["D002"], during: "session", topic: "教育",
    }),
    cmd("2024-01-10T10:00:00+08:00", office, { type: "accept_suggestion", suggestion: "S1" }),
    cmd("2024-01-15T10:00:00+08:00", office, { type: "assign_suggestion", suggestion: "S1", lead_unit: "edu", co_units: ["fin"] }),
  ]) {
    out.push(...ledger.execute(c));
  }
  return out;
}
