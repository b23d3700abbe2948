// What every end-to-end script shares: Debian's Chromium (never a downloaded browser), one
// browser context per person (so three people are signed in at once, each with their own
// storage), steps that fail with the page's URL and a screenshot, and the axe-core check.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const BASE = process.env.E2E_BASE ?? 'http://127.0.0.1:18180';
export const SHOTS = process.env.E2E_SCREENSHOTS ?? join(here, '..', 'target', 'e2e-screenshots');
const AXE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
// Generous, because the machine building this may be busy compiling; a step that is really
// stuck still fails well inside the CI limit.
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 20000);

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export async function launch() {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/// A person with their own browser context. `lang` is the app's language setting, stored the
/// way the app's switch stores it; Japanese is the default and needs nothing.
export async function person(browser, name, { viewport = DESKTOP, lang = 'ja' } = {}) {
  const context = await browser.newContext({ viewport, locale: lang === 'en' ? 'en-GB' : 'ja-JP' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A refused request (4xx) or a dropped connection is reported by the browser itself and
    // handled by the page; anything else logged as an error is the app's own fault.
    if (m.type() === 'error' && !/status of 4\d\d|^Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
  const who = { name, page, context, problems };
  if (lang === 'en') {
    await page.goto(BASE + '/');
    // The switch in the header, as a person would use it; the choice is kept in localStorage.
    await page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  }
  return who;
}

let stepNo = 0;
const done = [];

/// One step of a script: its name is printed, and a failure says which step, on which page,
/// with a screenshot of what the person saw.
export async function step(who, title, body) {
  stepNo += 1;
  const label = `${String(stepNo).padStart(2, '0')} ${who.name}: ${title}`;
  const started = Date.now();
  try {
    await body(who.page);
  } catch (e) {
    const file = join(SHOTS, `FAILED-${String(stepNo).padStart(2, '0')}-${who.name}.png`);
    await who.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    const text = await who.page.locator('main').innerText().catch(() => '(no main)');
    throw new Error(`step "${label}" failed at ${who.page.url()}\n${e.message}\nscreenshot: ${file}\n--- page text ---\n${text.slice(0, 1500)}`);
  }
  done.push(label);
  console.log(`ok ${label} (${Date.now() - started} ms)`);
}

export async function go(page, path) {
  await page.goto(BASE + path);
}

/// Waits until the page's main content shows `text` (a string or a RegExp).
export async function see(page, text) {
  await page.locator('main').getByText(text).first().waitFor({ state: 'visible' });
}

export async function fill(page, label, value, { exact = false } = {}) {
  const field = page.getByLabel(label, { exact }).first();
  await field.fill(String(value));
}

export async function choose(page, label, option, { exact = false } = {}) {
  await page.getByLabel(label, { exact }).first().selectOption(option);
}

export async function press(page, name, { exact = false } = {}) {
  await page.getByRole('button', { name, exact }).first().click();
}

/// Presses a button that opens a panel unless it is open already, and again if a list
/// refreshing underneath closed it before `shows` appeared (what a person would do too).
export async function open(page, name, shows) {
  const button = page.getByRole('button', { name }).first();
  const panel = page.locator('main').getByText(shows).first();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    // Whichever comes first once the page has loaded: the panel already open, or its button.
    await button.or(panel).first().waitFor({ state: 'visible' });
    if (await panel.isVisible()) return;
    await button.click();
    const shown = await panel.waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false);
    if (shown) return;
  }
  await see(page, shows);
}

/// Registers a talent through the app's form, as a person does, and waits for their name.
export async function registerTalent(page, { name, email, password }) {
  await go(page, '/register');
  await page.getByLabel('人材として登録').check();
  await fill(page, 'お名前（表示名）', name);
  await fill(page, 'メールアドレス', email);
  await fill(page, 'パスワード', password);
  await press(page, '登録する');
  await see(page, name);
}

export async function follow(page, name, { exact = false } = {}) {
  await page.getByRole('link', { name, exact }).first().click();
}

/// Full-page screenshot into target/e2e-screenshots/NAME.png.
export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const a11yFindings = [];

/// Runs axe-core in the page and records serious and critical violations under `name`.
export async function axe(page, name) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP refuses
  // inline scripts, and must keep doing so while axe runs.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    a11yFindings.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }
  console.log(`axe ${name}: ${result.violations.length} violations, ${bad.length} serious or critical`);
}

/// Ends a script: fails when axe found serious problems or a page threw, and writes a
/// summary next to the screenshots.
export function finish(name, people) {
  const problems = people.flatMap((p) => p.problems.map((m) => `${p.name}: ${m}`));
  writeFileSync(join(SHOTS, `${name}-summary.txt`), [
    `${done.length} steps passed`, ...done, '', 'accessibility (serious/critical):', ...a11yFindings,
    '', 'page errors:', ...problems,
  ].join('\n') + '\n');
  if (a11yFindings.length || problems.length) {
    console.error([...a11yFindings, ...problems].join('\n'));
    throw new Error(`${name}: ${a11yFindings.length} accessibility violations, ${problems.length} page errors`);
  }
  console.log(`${name}: ${done.length} steps passed`);
}
