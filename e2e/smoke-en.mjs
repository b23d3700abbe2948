// A smoke pass in English after the Japanese life: the main pages of the public, a coordinator
// and an admin open in English, with no Japanese left in the app's own words (labels,
// buttons, menu), and pass axe. Data people wrote in Japanese (a posting's title) may stay so.

import {
  launch, person, step, go, see, fill, choose, press, shot, axe, finish, PHONE, DESKTOP,
} from './lib.mjs';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/// The app's own words on the page that are still Japanese; the language switch names
/// 日本語 in itself on purpose.
async function japaneseChrome(page) {
  return page.evaluate((source) => {
    const japanese = new RegExp(source);
    const own = [...document.querySelectorAll('label, legend, button, nav a, th, summary')]
      .filter((e) => !e.closest('.lang-switch') && !e.closest('[data-user-text]'));
    return own.map((e) => e.innerText.trim()).filter((t) => japanese.test(t));
  }, JAPANESE.source);
}

async function english(page, name) {
  const left = await japaneseChrome(page);
  if (left.length) throw new Error(`${name}: Japanese left in the English page: ${left.slice(0, 5).join(' | ')}`);
  await axe(page, `${name}-en`);
}

const browser = await launch();
const visitor = await person(browser, 'visitor-en', { viewport: PHONE, lang: 'en' });
const coordinator = await person(browser, 'coordinator-en', { viewport: DESKTOP, lang: 'en' });
const admin = await person(browser, 'admin-en', { viewport: DESKTOP, lang: 'en' });

try {
  await step(visitor, 'reads the top page in English', async (page) => {
    await go(page, '/');
    await see(page, 'We bridge regional companies and urban professionals.');
    await english(page, 'top');
    await shot(page, 'top-en-390');
  });
  await step(visitor, 'searches projects in English', async (page) => {
    await go(page, '/projects');
    await see(page, 'Find projects');
    await page.locator('main').getByRole('article').first().waitFor();
    await english(page, 'search');
    await shot(page, 'search-en-390');
  });
  await step(visitor, 'opens a project in English', async (page) => {
    await page.locator('main article a').first().click();
    await see(page, 'Monthly fee');
    await english(page, 'project');
  });
  await step(visitor, 'opens the registration form in English', async (page) => {
    await go(page, '/register');
    await see(page, 'Create an account');
    await english(page, 'register');
  });
  await step(coordinator, 'signs in and reads the review queue in English', async (page) => {
    await go(page, '/login');
    await fill(page, 'Email address', process.env.E2E_COORDINATOR_EMAIL);
    await fill(page, 'Password', process.env.E2E_COORDINATOR_PASSWORD);
    await press(page, 'Sign in');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await go(page, '/coordinator/reviews');
    await see(page, 'Postings to review');
    await english(page, 'review-queue');
  });
  await step(coordinator, 'reads the hub pipeline in English', async (page) => {
    await go(page, '/coordinator/pipeline');
    await see(page, 'Applications across the hub');
    await english(page, 'pipeline');
    await shot(page, 'pipeline-en-1280');
  });
  await step(admin, 'creates a coordinator account in English', async (page) => {
    await go(page, '/login');
    await fill(page, 'Email address', process.env.E2E_ADMIN_EMAIL);
    await fill(page, 'Password', process.env.E2E_ADMIN_PASSWORD);
    await press(page, 'Sign in');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await go(page, '/admin/staff');
    await choose(page, 'Account type', 'coordinator');
    await choose(page, 'Hub', { index: 1 });
    await fill(page, 'Email address', 'second.coordinator@e2e.kakehashi.test');
    await fill(page, 'Display name', 'Kenji Ito');
    await english(page, 'admin-staff');
    await press(page, 'Open the account');
    await see(page, 'The account has been opened');
    await shot(page, 'admin-staff-en-1280');
  });
} finally {
  await browser.close();
}
finish('smoke-en', [visitor, coordinator, admin]);
