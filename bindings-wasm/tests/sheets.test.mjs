import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { init, Ledger, SheetError, InputError, RendaError } from "../js/index.js";
import { admin, office, cmd, seed } from "./helpers.mjs";

before(() => init());

const FIXTURE = new URL("../../tests/sheets/haidian-style-ledger.csv", import.meta.url);

/** The registry of `seed` (helpers.mjs) alone. */
function registry() {
  const ledger = new Ledger({ preset: "national" });
  for (const c of [
    cmd("2024-01-02T09:00:00+08:00", admin, {
      type: "register_congress", congress: "hd-17", name: "北京市海淀区第十七届人民代表大会",
      level: "county", term: 17, term_start: "2021-11-01", term_end: "2026-10-31",
    }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_deputy", deputy: "D001", congress: "hd-17", name: "王丽" }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_deputy", deputy: "D002", congress: "hd-17", name: "李强" }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_unit", unit: "edu", name: "区教委" }),
    cmd("2024-01-02T09:00:00+08:00", office, { type: "register_unit", unit: "fin", name: "区财政局" }),
  ]) {
    ledger.execute(c);
  }
  return ledger;
}

test("exportCsv gives UTF-8 bytes with a BOM and Chinese headers; importCsv reads them back", () => {
  const ledger = new Ledger({ preset: "national" });
  seed(ledger);
  const bytes = ledger.exportCsv();
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  assert.ok(text.startsWith("建议号,届次,标题,领衔代表,附议代表,提出时间,提出方式,类别,状态"));
  assert.ok(text.includes("S1,hd-17,关于增加幼儿园学位的建议,D001,D002,2024-01-08,大会期间,教育,已交办"));

  const fresh = registry();
  const plan = fresh.importCsv(bytes);
  assert.deepEqual(plan.commands.map((c) => c.command.command.type),
    ["submit_suggestion", "accept_suggestion", "assign_suggestion"]);
  assert.equal(plan.commands[0].row, 2);
  assert.equal(plan.commands[0].column, "提出时间");
  assert.equal(plan.commands[0].command.at, "2024-01-08T09:00:00+08:00");
  assert.deepEqual(plan.commands[0].command.actor, office);
  assert.deepEqual(fresh.exportCsv(), bytes);
  // The export imported into its own ledger changes nothing.
  const seq = ledger.seq;
  assert.deepEqual(ledger.importCsv(bytes).commands, []);
  assert.equal(ledger.seq, seq);
  assert.deepEqual(ledger.exportCsv({ bom: false }), bytes.slice(3));
});

test("a string, an ArrayBuffer and a plan without executing it", () => {
  const ledger = registry();
  const csv = "建议号,标题,领衔代表,提出时间,提出方式,交办日期,主办单位\n" +
    "S9,关于增设公交站的建议,王丽,2024-02-01,闭会期间,2024-02-05,区教委\n";
  const plan = ledger.planImportCsv(csv, { officeId: "desk-1" });
  assert.equal(plan.commands.length, 3);
  assert.equal(plan.commands[1].command.actor.id, "desk-1");
  assert.equal(plan.commands[2].column, "交办日期");
  assert.equal(ledger.seq, 5, "planning changes nothing");
  const buffer = new TextEncoder().encode(csv).buffer;
  ledger.importCsv(buffer, { officeId: "desk-1" });
  assert.equal(ledger.suggestions()[0].status, "assigned");
  assert.equal(ledger.suggestions()[0].assignment.lead_unit, "edu");
});

test("a bad sheet throws a SheetError naming row, column and value, and changes nothing", () => {
  const ledger = registry();
  const before = ledger.snapshot();
  const csv = "建议号,标题,领衔代表,提出时间,提出方式\n" +
    "S1,关于A的建议,王丽,2024-02-30,大会期间\n" +
    "S2,关于B的建议,王丽,2024-02-01,闭会期间\n" +
    "S3,关于C的建议,无名氏,2024-02-01,开会时\n";
  let err;
  try {
    ledger.importCsv(csv);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof SheetError);
  assert.ok(err instanceof InputError);
  assert.ok(err instanceof RendaError);
  assert.equal(err.name, "SheetError");
  assert.equal(err.code, "invalid_sheet");
  assert.deepEqual(err.errors.map((e) => [e.row, e.column, e.value, e.code]), [
    [2, "提出时间", "2024-02-30", "invalid_value"],
    [4, "领衔代表", "无名氏", "unknown_reference"],
    [4, "提出方式", "开会时", "invalid_value"],
  ]);
  assert.match(err.errors[0].reason, /expected a date/);
  assert.deepEqual(ledger.snapshot(), before);
  assert.throws(() => ledger.importCsv(new Uint8Array([0xbd, 0xa8, 0x0a])),
    (e) => e instanceof SheetError && e.errors[0].code === "invalid_encoding" && e.errors[0].row === 1);
});

test("re-import adds new steps and refuses to change recorded facts", () => {
  const ledger = new Ledger({ preset: "national" });
  seed(ledger);
  const reply = "建议号,协办意见,答复日期,办理结果,答复摘要\n" +
    "S1,区财政局（2024-03-01）：同意增加专项经费,2024-04-10,A,新增学位1200个\n";
  const plan = ledger.importCsv(reply);
  assert.deepEqual(plan.commands.map((c) => [c.command.command.type, c.command.actor.id]),
    [["submit_co_unit_opinion", "fin"], ["reply_suggestion", "edu"]]);
  assert.equal(ledger.suggestions()[0].status, "replied");
  assert.throws(() => ledger.importCsv("建议号,答复日期\nS1,2024-04-11\n"),
    (e) => e instanceof SheetError && e.errors[0].code === "conflicting_fact" && e.errors[0].column === "答复日期");
});

test("the Haidian-style fixture imports; options are checked", () => {
  const ledger = new Ledger();
  assert.throws(() => ledger.planImportCsv(readFileSync(FIXTURE), { maxRows: 3 }),
    (e) => e instanceof SheetError && e.errors.at(-1).code === "too_many_rows");
  assert.throws(() => ledger.importCsv("", { officeId: " x" }),
    (e) => e instanceof InputError && !(e instanceof SheetError) && e.field === "options.office_id");
  assert.throws(() => ledger.importCsv("", { office: "x" }), TypeError);
  assert.throws(() => ledger.importCsv(42), TypeError);
});
