#!/usr/bin/env node
// End-to-end test: Corroborate in a real VS Code workbench (code-server) in headless Chromium, used the way
// a person uses it, on a fresh copy of the sample corpus (test/fixtures/seeds).
//
//   node esbuild.mjs --tests && node test/e2e/run.mjs        (npm run test:e2e)
//   CORROBORATE_UPDATE_SCREENSHOT=1 npm run test:e2e           also copies readme.png to media/screenshot.png
//
// The extension is installed as start.mjs does it (the repo symlinked into a fresh --extensions-dir), so
// this is a normal window, not extension-development test mode. Each step asserts what is on screen and
// saves a screenshot in test-results/e2e/. Output: one line per step, then `e2e: N passed, N failed`.
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, startCodeServer } from '../host/code-server.mjs';
import { codeServerBin, installCodeServer } from '../host/install-code-server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(repo, 'test-results/e2e');
const TOTAL_MS = 5 * 60_000;
const WAIT_MS = 30_000; // any single thing a person would wait for
const VIEWPORT = { width: 1440, height: 900 };

const SEED = {
  upi: '000_812b520c8dabc6dc.txt',
  reuters: '001_c43a6b52a279afae.txt',
  joongang: '002_3b34a81edfdb20bc.txt',
  rfa: '003_6f9ea62709bac099.txt',
  mint: '004_c0e525c02778e124.txt',
};
// How the Claims view and hovers name the seeds: by what each says of itself (outlet, date), else its file.
const NAME = {
  upi: 'UPI · Nov. 13',
  reuters: '001_c43a6b52a279afae',
  joongang: 'Yonhap',
  rfa: '003_6f9ea62709bac099 · 2024-11-13',
  mint: '004_c0e525c02778e124 · 2024-11-13',
};
const FIGURE = 'over 10,000';
const README_FIGURE = 'nearly 50,000'; // in 003: agrees approximately with the other sources' 50,000

// DOM of the VS Code 1.100 workbench.
const EDITOR = '.part.editor .editor-instance .monaco-editor'; // one editor group, one visible editor
const HOVER = '.monaco-hover-content';
const CLAIMS_ICON = '.activitybar a.action-label[aria-label="Corroborate"]';
const CLAIM_ROW = '.part.sidebar .monaco-list[aria-label="Claims"] .monaco-list-row'; // the tree of view "Claims"
const ACTIVE_TAB = '.part.editor .tabs-container .tab.active';
const ANALYSED = '.part.statusbar .statusbar-item:has(.codicon-book)'; // "$(book) 5 $(list-tree) 13 $(pass) 0"
const SELECTION_STATUS = '.part.statusbar [id="status.editor.selection"]';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fail = (msg) => { throw new Error(msg); };

// ---------------------------------------------------------------------------------------------------
// Setup: workspace copy, extension link, code-server, browser.

const tmp = mkdtempSync(join(tmpdir(), 'corroborate-e2e-'));
const hostLog = join(tmp, 'host.log'); // code-server output and the browser console
const logStream = createWriteStream(hostLog);
let server;
let browser;
let page;
let link;

async function setUp() {
  if (!existsSync(join(repo, 'dist/extension.js'))) fail('dist/extension.js is missing: run `node esbuild.mjs` first');
  if (!codeServerBin()) installCodeServer();

  // A copy, so that nothing the extension or a keystroke does can touch the fixtures.
  const workspace = join(tmp, 'seeds');
  cpSync(join(repo, 'test/fixtures/seeds'), workspace, { recursive: true });

  // Installed like start.mjs installs it: the working tree linked as publisher.name-version.
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(extensionsDir);
  link = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  symlinkSync(repo, link);

  server = await startCodeServer({
    folder: workspace,
    extensionsDir,
    log: logStream,
    keep: true, // its user-data folder has the extension host's log: removed below unless the run fails
    userSettings: {
      'workbench.startupEditor': 'none',
      'editor.wordWrap': 'on', // the figure must be on screen to be hovered
      'security.workspace.trust.enabled': false,
      'editor.hover.delay': 100, // hovers appear quickly once the mouse rests
      'editor.hover.sticky': true, // and stay while the screenshot is taken
      'workbench.hover.delay': 5000, // tree tooltips stay out of the screenshots
      'workbench.tips.enabled': false,
      'workbench.editor.enablePreview': false, // each opened source keeps its own tab
    },
  });

  // As launchChromium() does, but Playwright's own Ctrl+C handler would exit before our clean-up and tally.
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  page = await browser.newPage({ viewport: VIEWPORT });
  page.on('console', (m) => logStream.write(`[browser ${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => logStream.write(`[browser pageerror] ${e.message}\n`));
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(server.url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
}

let cleanedUp = false;
async function cleanUp({ keep }) {
  if (cleanedUp) return;
  cleanedUp = true;
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  logStream.end();
  if (link) { try { unlinkSync(link); } catch { /* not created */ } } // the link first: rm must never reach the repo
  if (!keep) {
    rmSync(tmp, { recursive: true, force: true });
    if (server) rmSync(server.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Looking at the editor. Decorations with a background or border are drawn by VS Code as `div.cdr.ced-…`
// boxes in `.view-overlays`, behind the text in `.view-lines`, so "this text is highlighted" means a
// `ced-` box lies over the text's own box.

/** Client rect of `text` in the editor's rendered lines (spaces are rendered as U+00A0), or null. */
function textRect(text) {
  return page.evaluate(({ editor, text }) => {
    for (const line of document.querySelectorAll(`${editor} .view-lines .view-line`)) {
      const nodes = [];
      let all = '';
      const walk = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        nodes.push({ n, at: all.length });
        all += n.data.replace(/\u00a0/g, ' ');
      }
      const at = all.indexOf(text);
      if (at < 0) continue;
      const locate = (i) => { const e = nodes.findLast((x) => x.at <= i); return [e.n, i - e.at]; };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + text.length));
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, { editor: EDITOR, text });
}

/** The decoration boxes in the editor: their `ced-` class and client rect. */
function decorationBoxes() {
  return page.evaluate((editor) => [...document.querySelectorAll(`${editor} [class*="ced-"]`)].map((el) => {
    const r = el.getBoundingClientRect();
    return { cls: [...el.classList].find((c) => c.startsWith('ced-')), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }), EDITOR);
}

const SLACK = 2; // px: text boxes and decoration boxes are laid out separately
const covers = (box, r) => box.left <= r.left + SLACK && box.right >= r.right - SLACK && box.top <= r.top + SLACK && box.bottom >= r.bottom - SLACK;
const fits = (box, r) => covers(box, r) && Math.abs(box.left - r.left) <= SLACK && Math.abs(box.right - r.right) <= SLACK;

/** Polls the async `probe` until it returns something truthy, and returns that. */
async function waitFor(what, probe, ms = WAIT_MS) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) fail(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

/**
 * Rests the mouse on `text` until VS Code's hover shows `expect`. Monaco starts a hover on mouse *moves*
 * over text, and the first one after the editor (re)lays out is sometimes dropped, so nudge and retry.
 */
async function hoverText(text, expect) {
  for (let attempt = 1; ; attempt++) {
    const r = await textRect(text);
    if (!r) fail(`"${text}" is not on screen in the editor`);
    await page.mouse.move(r.x - 3, r.y);
    await page.mouse.move(r.x, r.y, { steps: 3 });
    try {
      await page.locator(HOVER, { hasText: expect }).first().waitFor({ state: 'visible', timeout: 5000 });
      return page.locator(HOVER, { hasText: expect }).first();
    } catch {
      if (attempt === 3) fail(`no hover with "${expect}" over "${text}" after ${attempt} tries`);
      await page.mouse.move(5, VIEWPORT.height / 2); // off the editor, then come back
    }
  }
}

// Hovers and notifications fade in: fast-forward CSS animations so that nothing is half transparent.
async function screenshot(name) {
  await page.screenshot({ path: join(shots, name), animations: 'disabled' });
}

// ---------------------------------------------------------------------------------------------------
// The steps. Each throws on the first thing that is not as a person would expect to see it.

async function openSourceAndSeeHighlights() {
  await openSource(SEED.upi);
  // The extension analyses all sources, with a progress notification; then its status bar item counts them.
  await page.locator(ANALYSED, { hasText: /^\s*5\s/ }).waitFor();
  await page.locator('.notification-toast', { hasText: 'analysing' }).waitFor({ state: 'hidden' });

  // Then the source is decorated: wait until the figure is highlighted.
  const { figure, boxes } = await waitFor(`a highlight on "${FIGURE}"`, async () => {
    const figure = await textRect(FIGURE);
    const boxes = await decorationBoxes();
    return figure && boxes.some((b) => fits(b, figure)) && { figure, boxes };
  });
  // Speakers are shown inline after their quotes (inlay hints, drawn last: wait, so the screenshot has them).
  await waitFor('the speaker after a quote', () => textRect('— Vedant Patel'));
  const kinds = new Set(boxes.map((b) => b.cls));
  if (kinds.size < 4) fail(`only ${kinds.size} kinds of highlight on screen (${[...kinds].join(', ')}), expected quotes, people, organisations, places and numbers`);
  const over = boxes.filter((b) => covers(b, figure));
  // The figure has its own box (number) and lies inside the quote's box.
  if (!over.some((b) => !fits(b, figure))) fail(`"${FIGURE}" is highlighted but not inside a highlighted quote`);
  await screenshot('01-highlights.png');
  return `${boxes.length} highlights of ${kinds.size} kinds on screen; "${FIGURE}" has ${new Set(over.map((b) => b.cls)).size} (figure inside quote); speakers inline`;
}

async function hoverFigure() {
  const hover = await hoverText(FIGURE, 'Across sources');
  const text = (await hover.innerText()).replace(/\s+/g, ' ');
  if (!/Across sources: ✓ agree/.test(text)) fail(`the hover has no agreement verdict: ${text.slice(0, 300)}`);
  const missing = [NAME.reuters, NAME.joongang, NAME.rfa, NAME.mint].filter((s) => !text.includes(s));
  if (missing.length) fail(`the hover does not list ${missing.join(', ')}: ${text.slice(0, 300)}`);
  if (text.includes(NAME.upi)) fail('the hover lists the hovered source itself');
  const links = await hover.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
  const opens = links.filter((h) => h.startsWith('command:corroborate.openPassage'));
  if (opens.length !== 4) fail(`expected 4 links that open the other sources, found ${opens.length} (${links.join(' ')})`);
  await screenshot('02-hover-figure.png');
  await page.keyboard.press('Escape'); // the hover would cover what comes next
  await page.mouse.move(5, VIEWPORT.height / 2);
  await page.locator(HOVER).first().waitFor({ state: 'hidden' }).catch(() => {});
  return `hover lists the 4 other sources with 4 links`;
}

/** Row `index` of the claims tree (rows are recycled as it scrolls: `data-index` is the position). */
function treeRow(index) {
  const row = page.locator(`${CLAIM_ROW}[data-index="${index}"]`);
  return {
    row,
    label: () => row.locator('.label-name').innerText(),
    description: () => row.locator('.label-description').innerText().catch(() => ''),
  };
}

/** Drags the sash between side bar and editor so that tree labels are readable (and in the README shot). */
async function widenSidebar(width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const from = { x: sidebar.x + sidebar.width, y: sidebar.y + sidebar.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + width, from.y, { steps: 5 });
  await page.mouse.up();
}

async function openClaimsView() {
  await page.click(CLAIMS_ICON);
  await page.locator('.part.sidebar .composite.title', { hasText: /Corroborate/i }).waitFor();
  await widenSidebar(520);
  const first = treeRow(0);
  await first.row.waitFor();
  const label = await first.label();
  const description = await first.description();
  if (!label.startsWith('I can confirm that over 10,000')) fail(`first claim is "${label}"`);
  if (!/\b5 sources\b/.test(description)) fail(`first claim says "${description}", not 5 sources`);

  await first.row.locator('.monaco-tl-twistie').click();
  await page.locator(`${CLAIM_ROW}[data-index="0"][aria-expanded="true"]`).waitFor();
  await page.locator(`${CLAIM_ROW}[data-index="5"][aria-level="2"]`).waitFor();
  const children = [];
  for (let i = 1; i <= 6; i++) {
    const row = treeRow(i);
    if ((await row.row.getAttribute('aria-level').catch(() => null)) !== '2') break;
    children.push(`${await row.label()} | ${await row.description()}`);
  }
  if (children.length !== 5) fail(`the claim has ${children.length} passages, expected 5: ${children.join(', ')}`);
  // A passage row: the source's name, then `line N · the words`.
  const bad = children.filter((c) => !/^[^|]+ \| line \d+ · \S/.test(c));
  if (bad.length) fail(`passage rows not "source | line N · words": ${bad.join(', ')}`);
  const names = new Set(children.map((c) => c.split(' | ')[0]));
  if (names.size !== 5 || !Object.values(NAME).every((s) => names.has(s))) fail(`passages are not one per source: ${children.join(', ')}`);
  await screenshot('03-claims-view.png');
  return `"${label.slice(0, 40)}…" (${description}) → ${children.join(', ')}`;
}

async function openPassageFromTree() {
  const row = page.locator(CLAIM_ROW, { has: page.locator('.label-name', { hasText: NAME.rfa }) }).first();
  const label = `${await row.locator('.label-name').innerText()}, ${await row.locator('.label-description').innerText()}`;
  const line = Number(/line (\d+)/.exec(label)[1]);
  await row.click();

  // The source opens in its own tab, with the passage selected and on screen.
  await page.locator(ACTIVE_TAB, { hasText: SEED.rfa }).waitFor();
  await waitFor('the passage on screen', async () => (await textRect('Today, I can confirm')) !== null);
  const status = await waitFor(`the selection at line ${line}`, async () => {
    const text = await page.locator(SELECTION_STATUS).innerText().catch(() => '');
    return new RegExp(`^Ln ${line}, Col \\d+ \\(\\d+ selected\\)`).test(text) && text;
  });
  await page.locator(`${EDITOR} .selected-text`).first().waitFor();
  await screenshot('04-opened-passage.png');
  return `${label} opened ${SEED.rfa} in the active tab, "${status}"`;
}

async function readmeScreenshot() {
  // The source from step 4 is open with its passage selected and the claims view is expanded: add a hover,
  // on a figure further down so that it leaves the selected passage visible.
  await hoverText(README_FIGURE, 'Across sources');
  await screenshot('readme.png');
  if (process.env.CORROBORATE_UPDATE_SCREENSHOT === '1') {
    copyFileSync(join(shots, 'readme.png'), join(repo, 'media/screenshot.png'));
    return 'readme.png, copied to media/screenshot.png';
  }
  return 'readme.png (CORROBORATE_UPDATE_SCREENSHOT=1 copies it to media/screenshot.png)';
}

/** Opens a source with Quick Open, as a person does. */
async function openSource(name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(name);
  // Enter only once the file search has found it, or Enter picks nothing.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(ACTIVE_TAB, { hasText: name }).waitFor();
}

async function newWindow(url) {
  const next = await browser.newPage({ viewport: VIEWPORT });
  next.on('console', (m) => logStream.write(`[browser 2 ${m.type()}] ${m.text()}\n`));
  next.setDefaultTimeout(WAIT_MS);
  await next.goto(url);
  await next.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return next;
}

/** The figure is highlighted in the active editor of `page`. */
const figureHighlighted = () => waitFor(`a highlight on "${FIGURE}"`, async () => {
  const figure = await textRect(FIGURE);
  return figure && (await decorationBoxes()).some((b) => fits(b, figure));
});

async function secondWindow() {
  // A second window on the same folder has its own extension host and its own index of the same files.
  const first = page;
  page = await newWindow(server.url);
  try {
    await openSource(SEED.upi);
    await page.locator(ANALYSED, { hasText: /^\s*5\s/ }).waitFor();
    await figureHighlighted();
    await screenshot('06-second-window.png');
  } finally {
    await page.close();
    page = first;
  }
  // The first window is unaffected.
  if (!(await page.locator(ANALYSED, { hasText: /^\s*5\s/ }).isVisible())) fail('the first window lost its analysis');
  return 'both windows analyse the 5 sources and highlight them';
}

async function restrictedMode() {
  // A folder that is not trusted and whose own settings ask for a tiny size limit: in Restricted Mode the
  // sources are analysed and highlighted under the user's limit, not the folder's.
  const folder = join(tmp, 'untrusted');
  cpSync(join(repo, 'test/fixtures/seeds'), folder, { recursive: true });
  mkdirSync(join(folder, '.vscode'));
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'corroborate.maxFileSize': 1000 }));
  const restricted = await startCodeServer({ folder, extensionsDir: dirname(link), log: logStream, workspaceTrust: true });
  const first = page;
  page = await newWindow(restricted.url);
  try {
    await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).waitFor();
    await openSource(SEED.upi);
    await page.locator(ANALYSED, { hasText: /^\s*5\s/ }).waitFor();
    await figureHighlighted();
    const cut = page.locator(`${ANALYSED} .codicon-warning`);
    if (await cut.count()) fail('the untrusted folder\'s corroborate.maxFileSize was applied');
    await screenshot('07-restricted-mode.png');
    // Trusting the folder brings its setting into force: every source is now cut at 1,000 characters.
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Manage Workspace Trust');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Manage Workspace Trust' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust/ }).first().click();
    await page.locator(`${ANALYSED} .codicon-warning`).waitFor();
    const text = await page.locator(ANALYSED).innerText();
    if (!/\b5\s*$/.test(text.trim())) fail(`after trusting, the status bar says "${text}", expected 5 sources with a note`);
  } finally {
    await page.close();
    page = first;
    await restricted.stop();
  }
  return 'Restricted Mode: analysed and highlighted, folder settings ignored; trusted: folder settings applied';
}

const STEPS = [
  { name: '1 open a source, see its highlights', run: openSourceAndSeeHighlights },
  { name: '2 hover a figure, see it across sources', run: hoverFigure, needs: [0] },
  { name: '3 claims view: first claim, its 5 passages', run: openClaimsView },
  { name: '4 click a passage, its source opens there', run: openPassageFromTree, needs: [2] },
  { name: '5 README screenshot', run: readmeScreenshot, needs: [3] },
  { name: '6 a second window on the same folder', run: secondWindow },
  { name: '7 an untrusted folder opens in Restricted Mode', run: restrictedMode },
];

// ---------------------------------------------------------------------------------------------------

const results = STEPS.map(() => 'not run'); // 'passed' | 'failed' | 'skipped' | 'not run'
// A step that did not pass (skipped, or cut short by the timeout) counts as failed: it was not shown to work.
const tally = () => ({ passed: results.filter((r) => r === 'passed').length, failed: results.filter((r) => r !== 'passed').length });

let aborted = false; // set by the overall timeout and by signals: stop reporting from main()
let current = 'setup'; // the step under way, for the timeout message

async function main() {
  try {
    await setUp();
  } catch (e) {
    console.log(`✗ e2e setup: ${e.message}`);
    await failureScreenshot();
    return;
  }
  for (const [i, step] of STEPS.entries()) {
    if (aborted) return;
    if (step.needs?.some((n) => results[n] !== 'passed')) {
      results[i] = 'skipped';
      console.log(`- ${step.name}: skipped (needs step ${step.needs.map((n) => n + 1).join(', ')})`);
      continue;
    }
    const started = Date.now();
    current = step.name;
    try {
      const detail = await step.run();
      if (aborted) return;
      results[i] = 'passed';
      console.log(`✓ ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${detail}`);
    } catch (e) {
      if (aborted) return;
      results[i] = 'failed';
      console.log(`✗ ${step.name}: ${e.message.split('\n')[0]}`);
      await failureScreenshot();
    }
  }
}

let failureShot = false;
async function failureScreenshot() {
  if (failureShot || !page) return; // the first failure is the telling one
  failureShot = true;
  await page.screenshot({ path: join(shots, 'failure.png') }).then(
    () => console.log(`  screenshot: ${join(shots, 'failure.png')}`),
    () => {},
  );
}

let finishing = false;
async function finish(code = 0) {
  if (finishing) return;
  finishing = true;
  const { passed, failed } = tally();
  const ok = failed === 0 && code === 0;
  if (!ok && !interrupted) {
    console.log(`  host log (code-server output, browser console): ${hostLog}`);
    if (server) console.log(`  VS Code logs (extension host: exthost*/remoteexthost.log): ${join(server.dir, 'user-data/logs')}`);
  }
  await cleanUp({ keep: !ok && !interrupted }); // logs are kept for a failure, not for a Ctrl+C
  console.log(`e2e took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : code || 1);
}

let interrupted = false;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    aborted = true;
    interrupted = true;
    console.log(`e2e: interrupted (${signal})`);
    void finish(code);
  });
}

// Piped into `head` or a closed terminal: keep going (and clean up) rather than die on EPIPE.
process.stdout.on('error', () => {});

const t0 = Date.now();
rmSync(shots, { recursive: true, force: true }); // no screenshot from an earlier run passes for this one
mkdirSync(shots, { recursive: true });
const watchdog = sleep(TOTAL_MS).then(async () => {
  aborted = true;
  console.log(`✗ e2e: overall timeout of ${TOTAL_MS / 1000} s, during "${current}"`);
  await failureScreenshot();
});
await Promise.race([main(), watchdog]);
await finish();
