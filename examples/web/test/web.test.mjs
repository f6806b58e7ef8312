// Browser test of the web demo: node --test examples/web/test/
//
// Starts examples/web/serve.mjs on a random port, drives Debian's /usr/bin/chromium with
// playwright-core (never a downloaded browser), walks one suggestion through its lifecycle
// and checks what the page shows; then checks that the ledger survives a reload (IndexedDB)
// and that "Start over" forgets it. Needs scripts/build-wasm.sh to have run first.
// Writes a screenshot to target/web-screenshot.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, stopServer, REPO_ROOT } from '../serve.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SCREENSHOT = path.join(REPO_ROOT, 'target', 'web-screenshot.png');
const STEP_TIMEOUT = 10_000;

/** Resolves `promise`, or rejects after `ms` with a message naming `what`. */
function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the server and a fresh Chromium profile (so IndexedDB starts empty); both are closed
 * when the test ends. Returns the page, its URL and the list of console errors, page errors
 * and failed requests seen.
 */
async function openDemo(t) {
  if (!fs.existsSync(path.join(REPO_ROOT, 'bindings-wasm', 'pkg', 'renda_wasm_bg.wasm'))) {
    assert.fail('bindings-wasm/pkg is missing: run scripts/build-wasm.sh first');
  }
  if (!fs.existsSync(CHROMIUM)) assert.fail(`${CHROMIUM} is missing: run scripts/setup.sh browser`);
  const { chromium } = await import('playwright-core');

  const { server, url } = await startServer({ port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'renda-web-test-'));
  let context;
  t.after(async () => {
    if (context) await within(10_000, 'closing chromium', context.close()).catch((e) => console.error(e));
    await within(5_000, 'stopping the server', stopServer(server)).catch((e) => console.error(e));
    fs.rmSync(profile, { recursive: true, force: true });
  });

  context = await within(20_000, 'launching chromium', chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    timeout: 20_000,
  }));
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = context.pages()[0] || (await context.newPage());

  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return { page, url, problems };
}

/** Helpers bound to a page: elements by test id, their text, the event rows, acting. */
function helpers(page) {
  const id = (testid) => page.getByTestId(testid);
  const text = async (testid) => (await id(testid).textContent()).trim();
  const rows = () => page.getByTestId('event-row').count();
  const status = () => id('status').getAttribute('data-status');
  const at = (date) => id('action-date').fill(date);
  async function act(button, date) {
    if (date) await at(date);
    const before = await rows();
    await id(button).click();
    const notice = await id('notice').isVisible();
    const error = (await id('error').isVisible()) ? await text('error') : '';
    assert.ok(notice && !error, `${button} on ${date}: expected success, got ${error}`);
    assert.ok((await rows()) > before, `${button} recorded no event`);
  }
  return { id, text, rows, status, at, act };
}

test('web demo: one suggestion through its lifecycle, with rule errors in plain words', { timeout: 60_000 }, async (t) => {
  const { page, url, problems } = await openDemo(t);

  // The server sends the right MIME types (the browser refuses wasm streaming otherwise).
  for (const [p, type] of [
    ['/bindings-wasm/pkg/renda_wasm_bg.wasm', 'application/wasm'],
    ['/bindings-wasm/js/index.js', 'text/javascript'],
    ['/examples/web/app.js', 'text/javascript'],
  ]) {
    const res = await fetch(new URL(p, url));
    assert.equal(res.status, 200, p);
    assert.ok(res.headers.get('content-type').startsWith(type), `${p}: ${res.headers.get('content-type')}`);
    await res.arrayBuffer();
  }
  // … and refuses paths outside the repository.
  for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/.git/config']) {
    const res = await fetch(new URL(p, url));
    assert.ok(res.status === 403 || res.status === 404 || res.status === 400, `${p} gave ${res.status}`);
    await res.arrayBuffer();
  }

  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  const { id, text, rows, status, at, act } = helpers(page);

  // Set-up on load: congress, two deputies, two units.
  assert.equal(await rows(), 5);
  assert.equal(await status(), 'none');
  assert.equal(await id('act-as').inputValue(), 'auto');

  // The deputy submits; the clock then defaults to a few days later.
  await id('submit-title').fill('关于增加幼儿园学位的建议');
  await id('submit-during').selectOption('session');
  await act('btn-submit', '2024-01-08');
  assert.equal(await status(), 'submitted');
  assert.equal(await text('sugg-title'), '关于增加幼儿园学位的建议');
  assert.equal(await id('action-date').inputValue(), '2024-01-11');
  assert.equal(await id('as-of').inputValue(), '2024-01-08');

  // The office accepts.
  await act('btn-accept', '2024-01-10');
  assert.equal(await status(), 'accepted');
  assert.equal(await text('status'), 'Accepted');

  // A forbidden action: the handling unit tries to assign. Refused in plain words; nothing changes.
  const eventsBefore = await id('event-log').innerText();
  const rowsBefore = await rows();
  await id('act-as').selectOption('handling_unit:edu');
  await at('2024-01-12');
  await id('btn-assign').click();
  await id('error').waitFor({ state: 'visible' });
  assert.equal(await text('error-code'), 'permission_denied');
  const friendly = await text('error-friendly');
  assert.ok(friendly.includes('Only the deputy affairs office may do this'), friendly);
  assert.ok(friendly.includes('此操作仅限代表联络室'), friendly);
  assert.equal(await text('error-field'), 'actor');
  assert.match(await text('error-rule'), /permission-matrix/);
  assert.match(await text('error-message'), /handling_unit.*assign_suggestion/);
  assert.equal(await rows(), rowsBefore);
  assert.equal(await id('event-log').innerText(), eventsBefore);
  assert.equal(await status(), 'accepted');

  // The office assigns, with a co-unit: reply due 3 months later (L-1).
  await id('act-as').selectOption('auto');
  await id('assign-lead').selectOption('edu');
  await id('assign-co').selectOption('fin');
  await act('btn-assign', '2024-01-15');
  assert.ok(!(await id('error').isVisible()), 'the error box clears after a success');
  assert.equal(await status(), 'assigned');
  assert.equal(await text('due'), '2024-04-15');
  assert.equal(await text('countdown'), '91 days left');
  assert.match(await text('lead-unit'), /edu/);

  // Countdown as of a later date: overdue.
  await id('as-of').fill('2024-05-01');
  assert.equal(await text('countdown'), '16 days overdue');
  assert.equal(await text('figure-overdue'), '1');

  // An out-of-order date is refused by the ledger.
  const rowsBeforeOoo = await rows();
  await at('2024-01-14');
  await id('btn-opinion').click();
  await id('error').waitFor({ state: 'visible' });
  assert.equal(await text('error-code'), 'out_of_order');
  assert.equal(await text('error-field'), 'at');
  assert.match(await text('error-friendly'), /previous action \(2024-01-15\)/);
  assert.equal(await rows(), rowsBeforeOoo);

  // The co-unit sends its opinion, then the lead unit replies B, in plan.
  await id('opinion-text').fill('同意增加专项经费');
  await act('btn-opinion', '2024-03-01');
  assert.equal(await status(), 'assigned');
  assert.equal(await text('countdown'), '45 days left');
  await id('reply-result').selectOption('B');
  await id('reply-in-plan').check();
  await id('reply-summary').fill('已列入2024年学位建设计划');
  await act('btn-reply', '2024-04-10');
  assert.equal(await status(), 'replied');
  assert.equal(await text('due'), '—');

  // The lead deputy rates: satisfied; a B reply in the plan goes to the plan ledger (R-S5).
  await id('feedback-rating').selectOption('satisfied');
  await act('btn-feedback', '2024-04-21');
  assert.equal(await status(), 'in_plan');
  assert.equal(await text('status'), 'In the plan');
  const types = await page.$$eval('[data-testid="event-row"]', (trs) => trs.map((r) => r.dataset.type));
  assert.deepEqual(types.slice(0, 7).reverse(), [
    'suggestion_submitted', 'suggestion_accepted', 'suggestion_assigned', 'co_unit_opinion_submitted',
    'suggestion_replied', 'feedback_given', 'placed_in_plan',
  ]);

  // Figures as of the last action.
  assert.equal(await id('as-of').inputValue(), '2024-04-21');
  assert.equal(await text('figure-reply-rate'), '100.0% (1/1)');
  assert.equal(await text('figure-solved-rate'), '100.0% (1/1)');
  assert.equal(await text('figure-satisfaction-rate'), '100.0% (1/1)');
  assert.equal(await text('figure-overdue'), '0');

  // Switch to Chinese.
  await id('lang-toggle').click();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.locator('[data-testid="step-lead-unit"] h2').textContent(), '主办单位答复');
  assert.equal(await text('btn-assign'), '交办');
  assert.equal(await text('status'), '列入计划');
  assert.equal(await text('lang-toggle'), 'English');

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
});

/** In the page: what IndexedDB holds (record count; the saved log's length, last event, rules). */
function readStore() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('renda-demo');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('ledger', 'readonly');
      const count = tx.objectStore('ledger').count();
      const record = tx.objectStore('ledger').get('current');
      tx.oncomplete = () => {
        db.close();
        const events = record.result ? JSON.parse(record.result.events) : null;
        resolve({
          records: count.result,
          events: events && events.length,
          last: events && events[events.length - 1].event.type,
          rules: record.result ? record.result.rules : null,
        });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

test('web demo: the ledger survives a reload (IndexedDB), and Start over forgets it', { timeout: 90_000 }, async (t) => {
  const { page, url, problems } = await openDemo(t);
  const load = async () => {
    await page.goto(`${url}?lang=en`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  };
  await load();
  const { id, text, rows, status, at, act } = helpers(page);
  const storage = (attr) => id('storage-status').getAttribute(`data-${attr}`);
  const writes = async () => Number(await storage('writes'));
  /** Waits until the write of a log of `n` events has committed. */
  const saved = (n) => page.waitForSelector(`[data-testid="storage-status"][data-state="saved"][data-saved="${n}"]`);
  /** Everything the page shows about the ledger. */
  const shown = async () => ({
    rows: await rows(),
    log: await id('event-log').innerText(),
    count: await text('log-count'),
    status: await status(),
    statusText: await text('status'),
    due: await text('due'),
    countdown: await text('countdown'),
    asOf: await id('as-of').inputValue(),
    actionDate: await id('action-date').inputValue(),
    rules: await id('rules-select').inputValue(),
    figures: [
      await text('figure-reply-rate'), await text('figure-solved-rate'),
      await text('figure-satisfaction-rate'), await text('figure-overdue'),
    ],
  });

  // A fresh browser: nothing saved; the set-up on load is not saved (it runs on every fresh load).
  assert.equal(await storage('state'), 'none');
  assert.equal(await text('storage-status'), 'Nothing saved in this browser yet');
  assert.deepEqual(await page.evaluate(readStore), { records: 0, events: null, last: null, rules: null });

  // Every accepted command saves the whole log.
  await act('btn-submit', '2024-01-08');
  await act('btn-accept', '2024-01-10');
  await saved(7);
  assert.equal(await writes(), 2);
  assert.deepEqual(await page.evaluate(readStore), { records: 1, events: 7, last: 'suggestion_accepted', rules: 'national' });

  // A refused command writes nothing.
  await id('act-as').selectOption('handling_unit:edu');
  await at('2024-01-12');
  await id('btn-assign').click();
  await id('error').waitFor({ state: 'visible' });
  assert.equal(await text('error-code'), 'permission_denied');
  await id('act-as').selectOption('auto');

  await id('assign-lead').selectOption('edu');
  await id('assign-co').selectOption('fin');
  await act('btn-assign', '2024-01-15');
  await act('btn-opinion', '2024-03-01');
  await id('reply-result').selectOption('A');
  await id('reply-summary').fill('新增学位1200个');
  await act('btn-reply', '2024-04-10');
  // The lead deputy is dissatisfied: re-handling starts (R-S3), with a new due date.
  await id('feedback-rating').selectOption('dissatisfied');
  await act('btn-feedback', '2024-04-21');
  assert.equal(await status(), 'rehandling');
  const n = await rows();
  await saved(n);
  assert.equal(await writes(), 6, 'one write per accepted command, none for the refused one');
  assert.deepEqual(await page.evaluate(readStore), { records: 1, events: n, last: 'rehandling_started', rules: 'national' });
  const before = await shown();
  assert.notEqual(before.due, '—');

  // Reload: the log is replayed, and the page shows exactly the same ledger.
  await load();
  assert.equal(await storage('state'), 'restored');
  assert.equal(await text('storage-status'), `Restored ${n} events from this browser`);
  assert.deepEqual(await shown(), before);
  await id('lang-toggle').click();
  assert.equal(await text('storage-status'), `已从本浏览器恢复 ${n} 条事件`);
  await id('lang-toggle').click();

  // The restored ledger is live: the lead unit replies again, and that is saved too.
  await id('reply-summary').fill('已追加学位500个');
  await act('btn-reply', '2024-05-10');
  assert.equal(await status(), 'replied');
  await saved(n + 1);
  assert.equal(await text('storage-status'), `${n + 1} events saved in this browser`);

  // Start over forgets what was saved: the store is empty, and a reload starts fresh.
  await id('btn-reset').click();
  await page.waitForSelector('[data-testid="storage-status"][data-state="none"]');
  assert.deepEqual(await page.evaluate(readStore), { records: 0, events: null, last: null, rules: null });
  assert.equal(await rows(), 5);
  assert.equal(await status(), 'none');
  await load();
  assert.equal(await storage('state'), 'none');
  assert.equal(await rows(), 5);
  assert.equal(await status(), 'none');
  assert.equal(await text('figure-overdue'), '0');

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
});

const DASHBOARD_SHOT = path.join(REPO_ROOT, 'target', 'dashboard-screenshot.png');

test('dashboard: the demo district generated in the browser, in Chinese and English', { timeout: 180_000 }, async (t) => {
  const { page, url, problems } = await openDemo(t);
  // The same district, generated in node by the same wasm package: what the page must show.
  const renda = await import('../../../bindings-wasm/js/index.js');
  await renda.init();
  const demo = renda.demoDistrict({ seed: 20240101, years: 3 });
  const full = demo.ledger.annualReport({ congress: demo.congress, year: 2024 });

  await page.goto(new URL('dashboard.html', url).href);
  await page.waitForSelector('body[data-ready="zh:2024:2024-06-30"]', { timeout: 120_000 });
  const card = async (k) => (await page.getByTestId(`card-${k}`).locator('.v').textContent()).trim();
  const half = demo.ledger.annualReport({ congress: demo.congress, from: '2024-01-01', to: '2024-06-30' });
  assert.equal(await card('sc'), String(half.overview.standing_committee_meetings));
  assert.equal(await card('submitted'), String(half.suggestions.submitted));

  // Deadline countdowns on 30 June: open suggestions, soonest first.
  const days = await page.locator('[data-testid=countdowns] tbody tr[data-days]').evaluateAll(
    (rows) => rows.map((r) => Number(r.dataset.days)));
  assert.ok(days.length > 0, 'suggestions are open on 2024-06-30');
  assert.deepEqual(days, [...days].sort((a, b) => a - b));

  // The whole year: the calibration of seed 001 (S001-1), the unit table, the funnel.
  await page.getByTestId('as-of').fill('2024-12-31');
  await page.getByTestId('as-of').dispatchEvent('change');
  await page.waitForSelector('body[data-ready="zh:2024:2024-12-31"]');
  assert.equal(await card('sc'), '7');
  assert.equal(await card('dm'), '17');
  assert.equal(await card('solved'), `${full.suggestions.solved_or_progressing_rate.percent}%`);
  assert.equal(await page.locator('[data-testid=unit-table] tbody tr').count(), full.suggestions.units.length);
  const funnel = await page.locator('[data-testid=funnel] rect').evaluateAll((rs) => rs.map((r) => Number(r.dataset.value)));
  assert.deepEqual(funnel.slice(0, 3), [full.suggestions.submitted, full.suggestions.assigned, full.suggestions.replied]);
  assert.equal(await page.locator('#evaluations li').count(), full.evaluations.work_evaluations.length);

  // English.
  await page.getByTestId('lang-toggle').click();
  await page.waitForSelector('body[data-ready="en:2024:2024-12-31"]');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Demo district congress dashboard');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.getByTestId('status').textContent(), /^Generated \d+ events in \d+ ms\.$/);
  assert.equal((await page.getByTestId('card-sc').locator('.k').textContent()).trim(), 'Standing-committee meetings');
  const href = await page.getByTestId('report-link').getAttribute('href');
  assert.ok(href.startsWith('blob:'), 'the annual report is linked as an HTML page');

  fs.mkdirSync(path.dirname(DASHBOARD_SHOT), { recursive: true });
  await page.screenshot({ path: DASHBOARD_SHOT, fullPage: true });
  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
});
