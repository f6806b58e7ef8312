// Issue 8 item 3 (reads) through the JS binding: back-to-back ratings, unpublished figures and
// personal data are invisible to every role that may not see them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, Ledger, labels, PermissionDeniedError, InputError } from "../js/index.js";

before(() => init());

const OFFICE = { role: "deputy_affairs_office", id: "office" };
const env = (at, actor, command) => ({ at, actor, command });

function rated() {
  const ledger = new Ledger({ preset: "national", overrides: { suggestion: { back_to_back_feedback: true } } });
  for (const c of [
    env("2024-01-02", { role: "admin", id: "a" }, { type: "register_congress", congress: "hd", name: "海淀区人大", level: "county", term: 17, term_start: "2021-11-01", term_end: "2026-10-31" }),
    env("2024-01-02", OFFICE, { type: "register_deputy", deputy: "D1", congress: "hd", name: "王丽", contact: { phone: "13800000000", address: "北京市海淀区某街1号" } }),
    env("2024-01-02", OFFICE, { type: "register_unit", unit: "edu", name: "区教委" }),
    env("2024-01-08", { role: "deputy", id: "D1" }, { type: "submit_suggestion", suggestion: "S1", congress: "hd", title: "关于增加幼儿园学位的建议", lead: "D1", during: "session" }),
    env("2024-01-10", OFFICE, { type: "accept_suggestion", suggestion: "S1" }),
    env("2024-01-15", OFFICE, { type: "assign_suggestion", suggestion: "S1", lead_unit: "edu" }),
    env("2024-03-01", { role: "handling_unit", id: "edu" }, { type: "reply_suggestion", suggestion: "S1", result: "A", summary: "已新增学位300个" }),
    env("2024-03-05", { role: "deputy", id: "D1" }, { type: "give_feedback", suggestion: "S1", rating: "satisfied" }),
  ]) ledger.execute(c);
  return ledger;
}

const roles = () => Object.keys(labels().role);
const reader = (role) => ({ role, id: role === "deputy" ? "D1" : role === "handling_unit" ? "edu" : "someone" });
function seesRating(ledger, who) {
  const inState = ledger.suggestions(who)[0].feedback.length > 0;
  const inLog = ledger.events(who).some((e) => e.event.type === "feedback_given");
  assert.equal(inState, inLog);
  return inState;
}

test("back-to-back ratings are hidden from units and government until published", () => {
  const ROLES = roles();
  assert.equal(ROLES.length, 11);
  const ledger = rated();
  const hidden = ["handling_unit", "government_office"];
  assert.deepEqual(ROLES.filter((r) => seesRating(ledger, reader(r)) === hidden.includes(r)), []);
  assert.equal(ledger.figures("2024-03-05", null, reader("handling_unit")).ratings.satisfied, 0);
  ledger.execute(env("2024-03-06", OFFICE, { type: "publish_results", congress: "hd" }));
  assert.ok(ROLES.every((r) => seesRating(ledger, reader(r))));
  assert.equal(ledger.figures("2024-03-05", null, reader("handling_unit")).ratings.satisfied, 1);
});

test("the public sees figures only up to the last publication", () => {
  const ledger = rated();
  assert.throws(() => ledger.figures("2024-03-05", null, reader("public")), (e) =>
    e instanceof PermissionDeniedError && e.code === "not_published" && e.field === "as_of");
  ledger.execute(env("2024-03-31", OFFICE, { type: "publish_results", congress: "hd" }));
  assert.deepEqual(ledger.figures("2024-03-31", null, reader("public")), ledger.figures("2024-03-31"));
});

test("personal data only for the office, admins and the deputy", () => {
  const ledger = rated();
  for (const role of roles()) {
    for (const id of ["D1", "other"]) {
      const expected = role === "admin" || role === "deputy_affairs_office" || (role === "deputy" && id === "D1");
      assert.equal("contact" in ledger.state({ role, id }).deputies.D1, expected, `${role}/${id}`);
      assert.equal(JSON.stringify(ledger.events({ role, id })).includes("13800000000"), expected, `${role}/${id}`);
    }
  }
  assert.throws(() => ledger.state({ role: "king", id: "x" }), InputError);
});
