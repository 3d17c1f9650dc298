#!/usr/bin/env node
// End-to-end test: Corroborate in a real VS Code workbench (code-server) in headless Chromium, used the way
// a person uses it, on a fresh copy of the sample corpus (test/fixtures/seeds).
//
//   node esbuild.mjs --tests && node test/e2e/run.mjs        (npm run test:e2e)
//   CORROBORATE_UPDATE_SCREENSHOT=1 npm run test:e2e           also copies readme.png to media/screenshot.png
//                                                              and the workflow-*.png the README shows to media/
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
let workspace; // the copy of the seeds the window has open

async function setUp() {
  if (!existsSync(join(repo, 'dist/extension.js'))) fail('dist/extension.js is missing: run `node esbuild.mjs` first');
  if (!codeServerBin()) installCodeServer();

  // A copy, so that nothing the extension or a keystroke does can touch the fixtures.
  workspace = join(tmp, 'seeds');
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
// `clip` (a client rect) crops to the part of the window the screenshot is about.
async function screenshot(name, clip) {
  await page.screenshot({ path: join(shots, name), animations: 'disabled', ...(clip && { clip: within(clip) }) });
}

/** A rect cut to the viewport, with whole-pixel edges. */
function within({ x, y, width, height }) {
  const left = Math.max(0, Math.floor(x));
  const top = Math.max(0, Math.floor(y));
  return { x: left, y: top, width: Math.min(VIEWPORT.width, Math.ceil(x + width)) - left, height: Math.min(VIEWPORT.height, Math.ceil(y + height)) - top };
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
  // Enter only once the file search has found it and it is the highlighted entry: before the list is
  // filtered, the highlighted entry is the most recently opened file.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).first().waitFor();
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

// ---------------------------------------------------------------------------------------------------
// The research workflow (README, "Research workflow"): correct the machine in a source, shape a claim in the
// Claims view, read the coverage matrix, then undo it all. These steps run after the others, so that those
// (and the README screenshot) see the sources as the machine annotated them; the last one puts it all back.

const WORKFLOW = {
  quote: 'already engaging in combat operations', // in 003: the machine gives it to "main security agency"
  wrongSpeaker: 'main security agency',
  speaker: 'National Intelligence Service', // South Korea's main security agency, named in another source
  claim: 'We are incredibly concerned by Russia’s decision', // UPI and Yonhap quote it
  title: 'U.S. “incredibly concerned” about DPRK troops',
  note: 'Reuters paraphrases Patel: check the wording against the briefing transcript',
  paraphrase: 'Patel said Washington is', // Reuters: `… is "incredibly concerned" about …`, a claim of its own until moved
  changes: 4, // speaker, title, note, moved passage: as many undos
};
const PROJECT_FILE = 'corroborate.json';
const WIDE_SIDEBAR = 720; // px: the Claims view in the workflow screenshot, titles and descriptions whole
const NARROW_SIDEBAR = 300; // px: the side bar while correcting, so that the editor has the middle of the window
const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROW = `${QUICK_INPUT} .monaco-list-row`;
const MENU_ITEM = '.context-view .monaco-menu .action-item'; // a context menu's entries
const CLAIMS_TITLE_ACTION = (label) => `.part.sidebar .composite.title a.action-label[aria-label^="${label}"]`;
const ACTIVE_GROUP_TAB = '.part.editor .editor-group-container.active .tab.active'; // with the matrix beside
const MATRIX_FRAME = 'iframe.webview.ready'; // the webview's frame, which holds its page in #active-frame

/** What the extension last saved in the workspace's corroborate.json (undefined: no file, or not JSON yet). */
function projectFile() {
  try {
    return JSON.parse(readFileSync(join(workspace, PROJECT_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The line (1-based) of `text` in a source of the workspace. */
function lineOf(file, text) {
  const all = readFileSync(join(workspace, file), 'utf8');
  const at = all.indexOf(text);
  if (at < 0) fail(`"${text}" is not in ${file}`);
  return all.slice(0, at).split('\n').length;
}

/** Go to Line (Ctrl+G), as a person brings a line on screen. */
async function goToLine(line) {
  await page.keyboard.press('Control+G');
  await page.locator(`${QUICK_INPUT} input`).waitFor({ state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** Runs a command from the palette (F1), typing its title. */
async function runFromPalette(title) {
  await page.keyboard.press('F1');
  await page.locator(`${QUICK_INPUT} input`).waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  // Enter only once the command is the highlighted entry (not one whose title merely starts the same).
  const focused = page.locator(`${QUICK_ROW}.focused .label-name`);
  await waitFor(`"${title}" highlighted in the palette`, async () => (await focused.innerText().catch(() => '')).trim() === title);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/**
 * Clicks an entry of the context menu that is open, once the pointer rests on it: a menu ignores a click
 * that comes within moments of its opening (the mouse-up of the right click that opened it, say).
 */
async function chooseFromMenu(label) {
  const item = page.locator(MENU_ITEM, { hasText: label }).first();
  await item.hover();
  await page.locator(`${MENU_ITEM}.focused`, { hasText: label }).waitFor();
  await sleep(300);
  await item.click();
  await item.waitFor({ state: 'hidden' });
}

/** Answers an input box (its current value is selected, so typing replaces it). */
async function answerInputBox(title, text) {
  await page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: title }).waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** The claims tree's row whose label contains `label`. */
const claimRow = (label) => page.locator(CLAIM_ROW, { has: page.locator('.label-name', { hasText: label }) }).first();
const rowDescription = (row) => row.locator('.label-description').innerText().catch(() => '');

/** Unfolds (or folds) a row of the claims tree by its twistie. */
async function setExpanded(row, expanded) {
  if ((await row.getAttribute('aria-expanded')) === String(expanded)) return;
  await row.locator('.monaco-tl-twistie').click();
  await waitFor(`a row ${expanded ? 'unfolded' : 'folded'}`, async () => (await row.getAttribute('aria-expanded')) === String(expanded));
}

async function correctSpeaker() {
  await page.keyboard.press('Escape'); // the README screenshot's hover
  await page.mouse.move(5, VIEWPORT.height / 2);
  await openSource(SEED.rfa);
  // A narrower side bar, so that the quick pick (centred in the window) lies over the editor in the screenshot.
  await widenSidebar(NARROW_SIDEBAR);
  await goToLine(lineOf(SEED.rfa, WORKFLOW.quote));
  const hint = await waitFor(`the speaker hint "— ${WORKFLOW.wrongSpeaker}"`, () => textRect(`— ${WORKFLOW.wrongSpeaker}`));

  // The cursor in the quote (on its first word: the rest may wrap onto the next screen line), then the
  // editor's context menu.
  const quote = await waitFor('the quote on screen', () => textRect(`“${WORKFLOW.quote.split(' ')[0]}`));
  await page.mouse.click(quote.x, quote.y);
  await page.mouse.click(quote.x, quote.y, { button: 'right' });
  await chooseFromMenu('Change Speaker…');

  // A quick pick of the people and organisations of the sources, this source's first.
  await page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: `Who said “${WORKFLOW.quote}”?` }).waitFor();
  await page.locator(QUICK_ROW, { hasText: 'No speaker' }).waitFor();
  const groups = await page.locator(`${QUICK_INPUT} .quick-input-list-separator`).allInnerTexts();
  if (!groups.some((g) => g.includes(`In ${NAME.rfa}`)) || !groups.some((g) => g.includes('In other sources'))) fail(`the quick pick's groups are ${groups.join(', ')}`);
  // The screenshot: the quick pick over the source, from the editor's left edge, down past the quote's line.
  const editor = await page.locator('.part.editor').boundingBox();
  const widget = await page.locator(QUICK_INPUT).boundingBox();
  const left = Math.min(editor.x, widget.x - 8);
  await screenshot('workflow-correct.png', { x: left, y: 0, width: VIEWPORT.width - left, height: Math.max(hint.bottom, widget.y + widget.height) + 60 });
  // Typing finds the one who said it. The extension offers what was typed as a new name too, updating the
  // list after each keystroke: click once the list shows the last one's.
  const typed = 'National Int';
  await page.keyboard.type(typed);
  await waitFor(`"${typed}" offered as a new speaker`, async () =>
    (await page.locator(`${QUICK_ROW} .label-name`).allInnerTexts()).some((t) => t.trim() === `“${typed}”`));
  // The known name the typing leads to comes first, above the typed words offered as a new name.
  const first = (await page.locator(`${QUICK_ROW} .label-name`).allInnerTexts())[0]?.trim();
  if (first !== WORKFLOW.speaker) fail(`the first entry is "${first}", not ${WORKFLOW.speaker}`);
  const pick = page.locator(QUICK_ROW, { hasText: WORKFLOW.speaker }).first();
  await pick.waitFor();
  await pick.click();

  // The hint after the quote names the new speaker; the change is saved in corroborate.json.
  await waitFor(`the speaker hint "— ${WORKFLOW.speaker}"`, () => textRect(`— ${WORKFLOW.speaker}`));
  if (await textRect(`— ${WORKFLOW.wrongSpeaker}`)) fail(`the old speaker hint "— ${WORKFLOW.wrongSpeaker}" is still shown`);
  await page.locator('.part.statusbar', { hasText: `the quote is now by ${WORKFLOW.speaker}` }).waitFor();
  await waitFor(`${PROJECT_FILE} to hold the new speaker`, () =>
    projectFile()?.corrections?.some((c) => c.action === 'speaker' && c.speaker === WORKFLOW.speaker && c.source === SEED.rfa));
  return `right-click in “${WORKFLOW.quote}” → Change Speaker… → ${WORKFLOW.speaker}: the hint reads "— ${WORKFLOW.speaker}", saved in ${PROJECT_FILE}`;
}

async function shapeClaim() {
  if (!(await page.locator(CLAIM_ROW).first().isVisible())) await page.click(CLAIMS_ICON);
  await page.click(CLAIMS_TITLE_ACTION('Collapse All'));

  // Rename: select the claim, F2, a new title.
  const claim = claimRow(WORKFLOW.claim);
  const before = await rowDescription(claim);
  if (!/^2 sources/.test(before)) fail(`"${WORKFLOW.claim}…" says "${before}", expected 2 sources`);
  await claim.click();
  await page.keyboard.press('F2');
  await answerInputBox('Rename Claim', WORKFLOW.title);
  const renamed = claimRow(WORKFLOW.title);
  await renamed.waitFor();
  if (await claimRow(WORKFLOW.claim).count()) fail(`"${WORKFLOW.claim}…" is still listed after the rename`);

  // A note, from the row's context menu.
  await renamed.click({ button: 'right' });
  await chooseFromMenu('Add or Edit Claim Note…');
  await answerInputBox('Note on', WORKFLOW.note);
  await waitFor('the note marker on the claim', async () => /✎ note/.test(await rowDescription(renamed)));

  // Drag Reuters' paraphrase, a claim of its own, onto the renamed claim.
  const single = claimRow('Reported by one source only');
  await setExpanded(single, true);
  const lone = claimRow(WORKFLOW.paraphrase);
  await setExpanded(lone, true);
  const passage = page.locator(`${CLAIM_ROW}[data-index="${Number(await lone.getAttribute('data-index')) + 1}"]`);
  await waitFor(`the passage of "${WORKFLOW.paraphrase}…" in ${NAME.reuters}`, async () =>
    (await passage.getAttribute('aria-level').catch(() => null)) === '3' && (await passage.locator('.label-name').innerText().catch(() => '')) === NAME.reuters);
  await passage.dragTo(renamed);
  await waitFor(`"${WORKFLOW.title}" to have 3 sources`, async () => /^3 sources/.test(await rowDescription(renamed)));

  // Shown: the renamed claim, its note, its passages with the one moved.
  await setExpanded(single, false);
  await setExpanded(renamed, false);
  await renamed.click(); // selects it, and unfolds it
  await waitFor('the renamed claim unfolded', async () => (await renamed.getAttribute('aria-expanded')) === 'true');
  const description = await rowDescription(renamed);
  if (!/\bedited\b/.test(description) || !/✎ note/.test(description)) fail(`the renamed claim says "${description}", expected "edited" and "✎ note"`);
  const passages = async () => {
    const children = [];
    const first = Number(await renamed.getAttribute('data-index'));
    for (let i = first + 1; ; i++) {
      const row = treeRow(i);
      if ((await row.row.getAttribute('aria-level').catch(() => null)) !== '2') break;
      children.push(`${await row.label()} | ${await row.description()}`);
    }
    return children;
  };
  let children = [];
  await waitFor('the moved passage under the claim', async () => (children = await passages()).some((c) => c.startsWith(`${NAME.reuters} | `) && c.includes(WORKFLOW.paraphrase)))
    .catch((e) => fail(`${e.message}: it has ${children.join(', ') || 'no passages'}`));
  const saved = projectFile()?.claims?.find((c) => c.title === WORKFLOW.title);
  if (!saved || saved.memo !== WORKFLOW.note || saved.passages?.length !== children.length) fail(`${PROJECT_FILE} does not hold the claim as shown: ${JSON.stringify(saved)}`);

  // The screenshot: the side bar wide enough for titles and descriptions, cropped to the activity bar and the view.
  await widenSidebar(WIDE_SIDEBAR);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no row under the mouse
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const last = await claimRow('Reported by one source only').boundingBox();
  await screenshot('workflow-claims.png', { x: 0, y: sidebar.y, width: sidebar.x + sidebar.width, height: last.y + last.height + 8 - sidebar.y });
  await widenSidebar(520);
  return `F2 renamed it "${WORKFLOW.title}", note added from its context menu, a passage dragged onto it: ${description}; ${children.length} passages, saved in ${PROJECT_FILE}`;
}

/** Where the keyboard focus is in the matrix: row and column of the focused grid cell, or null. */
const gridFocus = (table) => table.evaluate((t) => {
  const cell = document.activeElement?.closest('th, td');
  return cell && t.contains(cell) ? { row: cell.parentElement.rowIndex, column: cell.cellIndex } : null;
});

async function coverageMatrix() {
  await page.click(CLAIMS_TITLE_ACTION('Show Coverage Matrix'));
  await page.locator(ACTIVE_TAB, { hasText: 'Coverage Matrix' }).waitFor();
  const matrix = page.frameLocator(MATRIX_FRAME).frameLocator('#active-frame');
  const table = matrix.locator('table#matrix');
  await table.locator('tbody tr').first().waitFor();

  // A column per source, named as the Claims view names them; rows marked by agreement.
  const columns = (await table.locator('thead th.source').allInnerTexts()).map((t) => t.trim());
  const names = Object.values(NAME);
  if (columns.length !== 5 || !names.every((n) => columns.includes(n))) fail(`the columns are ${columns.join(', ')}, expected ${names.join(', ')}`);
  const single = await table.locator('tbody tr.single').count();
  const differ = await table.locator('tbody td.differ').count();
  if (!single && !differ) fail('no row is marked as single-source or differing');
  const row = table.locator('tbody tr', { has: page.locator('th.claim', { hasText: WORKFLOW.title }) });
  if ((await row.count()) !== 1) fail(`the matrix has no row "${WORKFLOW.title}"`);
  const count = (await row.locator('td.sources').innerText()).trim();
  if (count !== '3') fail(`"${WORKFLOW.title}" has ${count} sources in the matrix, expected 3`);

  // The whole window for the matrix: the side bar out of the way (Ctrl+B, as a person makes room).
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });

  // Keyboard: into the page, Tab to the grid, arrows to Reuters' cell of the renamed claim, Enter.
  await matrix.locator('#title').click();
  let at = null;
  for (let i = 0; i < 8 && !(at = await gridFocus(table)); i++) await page.keyboard.press('Tab');
  if (!at) fail('Tab does not reach the grid');
  const target = {
    row: await row.evaluate((tr) => tr.rowIndex),
    column: await table.locator('thead th.source', { hasText: NAME.reuters }).evaluate((th) => th.cellIndex),
  };
  const keys = [
    ...Array(Math.abs(target.row - at.row)).fill(target.row > at.row ? 'ArrowDown' : 'ArrowUp'),
    ...Array(Math.abs(target.column - at.column)).fill(target.column > at.column ? 'ArrowRight' : 'ArrowLeft'),
  ];
  for (const key of keys) await page.keyboard.press(key);
  const now = await gridFocus(table);
  if (now?.row !== target.row || now?.column !== target.column) fail(`the arrows led to ${JSON.stringify(now)}, not ${JSON.stringify(target)}`);
  const cell = (await table.evaluate(() => document.activeElement.getAttribute('aria-label'))) ?? '';
  if (!cell.startsWith(`${NAME.reuters}: carries the claim`)) fail(`the focused cell says "${cell}"`);
  // The editor area: the matrix's tab, its controls, and the rows down past the focused one and the first
  // whose figures agree only approximately.
  const area = await page.locator('.part.editor').boundingBox();
  const bottoms = await Promise.all([row, table.locator('tbody tr.approximate').first()].map(async (r) => {
    const box = await r.boundingBox().catch(() => null);
    return box ? box.y + box.height : 0;
  }));
  await screenshot('workflow-coverage.png', { x: area.x, y: area.y, width: area.width, height: Math.max(...bottoms) + 4 - area.y });

  await page.keyboard.press('Enter');
  await page.locator(ACTIVE_GROUP_TAB, { hasText: SEED.reuters }).waitFor();
  const line = lineOf(SEED.reuters, WORKFLOW.paraphrase);
  const status = await waitFor(`the passage selected at line ${line}`, async () => {
    const text = await page.locator(SELECTION_STATUS).innerText().catch(() => '');
    return new RegExp(`^Ln ${line}, Col \\d+ \\(\\d+ selected\\)`).test(text) && text;
  });
  await waitFor('the passage on screen', () => textRect(WORKFLOW.paraphrase));
  await screenshot('workflow-coverage-opened.png');
  return `5 source columns, ${single} single-source rows, ${differ} differing cells; Tab, ${keys.length} arrows, Enter on "${WORKFLOW.title.slice(0, 30)}…" × ${NAME.reuters} opened ${SEED.reuters} beside the matrix, "${status}"`;
}

async function undoWorkflow() {
  if (!(await page.locator('.part.sidebar').isVisible())) {
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor();
  }
  // One undo per change, from the palette, each saved, until corroborate.json holds no work.
  const holdsWork = (f) => !!f && (Object.keys(f.sources).length || f.corrections.length || f.claims.length || f.memos.length);
  let undos = 0;
  while (holdsWork(projectFile())) {
    if (undos === WORKFLOW.changes) fail(`${PROJECT_FILE} still holds work after ${undos} undos: ${JSON.stringify(projectFile())}`);
    const before = JSON.stringify(projectFile());
    await runFromPalette('Corroborate: Undo Last Correction or Claim Change');
    undos++;
    await waitFor(`undo ${undos} saved in ${PROJECT_FILE}`, () => JSON.stringify(projectFile()) !== before);
  }

  // The claim is the machine's again, in the Claims view and the matrix.
  await waitFor(`"${WORKFLOW.claim}…" back with 2 sources`, async () => /^2 sources · sources agree$/.test(await rowDescription(claimRow(WORKFLOW.claim))));
  if (await claimRow(WORKFLOW.title).count()) fail(`"${WORKFLOW.title}" is still in the Claims view`);
  const matrix = page.frameLocator(MATRIX_FRAME).frameLocator('#active-frame');
  await matrix.locator('tbody th.claim', { hasText: WORKFLOW.claim }).first().waitFor();

  // One editor group again, and the quote's speaker is the machine's.
  await runFromPalette('View: Close All Editors');
  await page.locator('.part.editor .tab').first().waitFor({ state: 'detached' });
  await openSource(SEED.rfa);
  await goToLine(lineOf(SEED.rfa, WORKFLOW.quote));
  await waitFor(`the speaker hint "— ${WORKFLOW.wrongSpeaker}" back`, () => textRect(`— ${WORKFLOW.wrongSpeaker}`));
  if (await textRect(`— ${WORKFLOW.speaker}`)) fail(`the hint "— ${WORKFLOW.speaker}" is still shown`);
  await screenshot('workflow-undone.png');
  return `${undos} undos from the palette: ${PROJECT_FILE} empty, the claim and the speaker are the machine's again`;
}

/** The Claims view grouped by story from its title bar: the seeds are one story; back to claims the same way. */
async function groupByStory() {
  if (!(await page.locator('.part.sidebar').isVisible())) {
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor();
  }
  await page.click(CLAIMS_TITLE_ACTION('Group by Story'));
  const story = page.locator(CLAIM_ROW, { has: page.locator('.label-description', { hasText: /^5 sources · \d+ shared claims/ }) }).first();
  await story.waitFor();
  const label = (await story.locator('.label-name').innerText()).trim();
  const description = await rowDescription(story);
  await screenshot('group-by-story.png');
  await page.click(CLAIMS_TITLE_ACTION('Group by Claim'));
  await claimRow('Reported by one source only').waitFor();
  return `one story, "${label.slice(0, 50)}…" (${description}); Group by Claim from the title bar brings the claims back`;
}

/** With CORROBORATE_UPDATE_SCREENSHOT=1, the workflow's screenshots go to media/ for the README. */
function workflowScreenshots() {
  const shotsForReadme = ['workflow-correct.png', 'workflow-claims.png', 'workflow-coverage.png'];
  const missing = shotsForReadme.filter((f) => !existsSync(join(shots, f)));
  if (missing.length) fail(`missing ${missing.join(', ')}`);
  if (process.env.CORROBORATE_UPDATE_SCREENSHOT !== '1') return `${shotsForReadme.join(', ')} (CORROBORATE_UPDATE_SCREENSHOT=1 copies them to media/)`;
  for (const f of shotsForReadme) copyFileSync(join(shots, f), join(repo, 'media', f));
  return `${shotsForReadme.join(', ')}, copied to media/`;
}

const STEPS = [
  { name: '1 open a source, see its highlights', run: openSourceAndSeeHighlights },
  { name: '2 hover a figure, see it across sources', run: hoverFigure, needs: [0] },
  { name: '3 claims view: first claim, its 5 passages', run: openClaimsView },
  { name: '4 click a passage, its source opens there', run: openPassageFromTree, needs: [2] },
  { name: '5 README screenshot', run: readmeScreenshot, needs: [3] },
  { name: '6 a second window on the same folder', run: secondWindow },
  { name: '7 an untrusted folder opens in Restricted Mode', run: restrictedMode },
  { name: '8 correct: change a quote\'s speaker from the context menu', run: correctSpeaker },
  { name: '9 shape: rename a claim (F2), add a note, drag a passage onto it', run: shapeClaim },
  { name: '10 coverage matrix: columns by source, keyboard to a passage', run: coverageMatrix, needs: [8] },
  { name: '11 undo it all from the palette', run: undoWorkflow },
  { name: '12 README workflow screenshots', run: workflowScreenshots, needs: [7, 8, 9] },
  { name: '13 group by story from the Claims view\'s title bar', run: groupByStory, needs: [2] },
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
    logStream.write(`[e2e] step ${step.name}\n`);
    try {
      const detail = await step.run();
      if (aborted) return;
      results[i] = 'passed';
      console.log(`✓ ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${detail}`);
      for (const toast of await errorToasts()) console.log(`  ! an error notification is on screen: ${toast}`);
    } catch (e) {
      if (aborted) return;
      results[i] = 'failed';
      console.log(`✗ ${step.name}: ${e.message.split('\n')[0]}`);
      await failureScreenshot();
    }
  }
}

/** Error notifications on screen that have not been reported yet (a person sees them; they fail no step). */
const reportedToasts = new Set();
async function errorToasts() {
  const texts = await page.locator('.notification-toast', { has: page.locator('.codicon-error') }).allInnerTexts().catch(() => []);
  const fresh = texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => !reportedToasts.has(t));
  fresh.forEach((t) => reportedToasts.add(t));
  return fresh;
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
