// Figures: a visitor reaches 「データで見る架け橋」 from the top page and saves its CSV; the admin
// filters the dashboard by hub and downloads one table's CSV (UTF-8 with a byte-order mark,
// Japanese headers intact), and a reversed period is refused beside the date; a coordinator
// reads their hub's figures in English. Each page passes axe at 390 px or 1280 px.

import {
  launch, person, step, go, see, fill, choose, press, follow, shot, axe, finish, PHONE, DESKTOP,
} from './lib.mjs';

const BOM = [0xef, 0xbb, 0xbf];

/// Checks a CSV's first bytes and its header row.
function checkCsv(bytes, header) {
  const head = [...bytes.slice(0, 3)];
  if (head.join() !== BOM.join()) throw new Error(`no byte-order mark: ${head}`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
  const first = text.split('\n')[0];
  if (first !== header) throw new Error(`CSV header: ${first}`);
  return text;
}

async function signIn(page, email, password, { en = false } = {}) {
  await go(page, '/login');
  await fill(page, en ? 'Email address' : 'メールアドレス', email);
  await fill(page, en ? 'Password' : 'パスワード', password);
  await press(page, en ? 'Sign in' : 'ログインする', { exact: true });
}

const browser = await launch();
const visitor = await person(browser, 'stats-visitor', { viewport: PHONE });
const admin = await person(browser, 'stats-admin', { viewport: DESKTOP });
const coordinator = await person(browser, 'stats-coordinator', { viewport: PHONE, lang: 'en' });

try {
  await step(visitor, 'opens the public figures from the top page', async (page) => {
    await go(page, '/');
    await follow(page, '数字を見る');
    await page.getByRole('heading', { name: 'データで見る架け橋', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '登録から契約まで' }).waitFor();
    await see(page, '登録人材');
    await axe(page, 'stats-summary');
    await shot(page, 'stats-summary-390');
  });
  await step(visitor, 'narrows to Iwate and saves the CSV', async (page) => {
    await choose(page, '都道府県', '03');
    await page.getByRole('heading', { name: '人材の年代' }).waitFor();
    const href = await page.getByRole('link', { name: 'すべての数字をCSVでダウンロード' }).getAttribute('href');
    if (!href.includes('prefecture=03') || !href.includes('format=csv')) throw new Error(`CSV link: ${href}`);
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], href);
    const text = checkCsv(Uint8Array.from(bytes), '区分コード,区分,項目コード,項目,値');
    if (!text.includes('scope,集計条件,prefectures,都道府県,03')) throw new Error('the CSV does not say its prefecture');
  });

  await step(admin, 'opens the dashboard from the admin home', async (page) => {
    await signIn(page, process.env.E2E_ADMIN_EMAIL, process.env.E2E_ADMIN_PASSWORD);
    await follow(page, '統計ダッシュボード');
    await page.getByRole('heading', { name: '統計ダッシュボード', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '登録から契約まで' }).waitFor();
  });
  await step(admin, 'filters by hub and downloads one table', async (page) => {
    // The partner list is there for admins; the life script's records are the Iwate hub's.
    await page.getByLabel('パートナー').locator('option', { hasText: '岩手県' }).waitFor({ state: 'attached' });
    await choose(page, '拠点', { label: 'いわて副業人材拠点' });
    await press(page, 'この条件で表示する');
    await page.getByRole('heading', { name: '登録から契約まで' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      press(page, 'CSVをダウンロード（登録から契約まで）', { exact: true }),
    ]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const text = checkCsv(new Uint8Array(Buffer.concat(chunks)), '区分コード,区分,項目コード,項目,値');
    if (!/funnel,ファネル,talents,登録人材,\d+/.test(text)) throw new Error('no funnel rows in the CSV');
    if (/talent_age/.test(text)) throw new Error('the funnel CSV holds other tables');
    await axe(page, 'stats-dashboard');
    await shot(page, 'stats-dashboard-1280');
  });
  await step(admin, 'a reversed period is refused beside the end date', async (page) => {
    await fill(page, '開始日', '2026-12-01');
    await fill(page, '終了日', '2026-11-01');
    await press(page, 'この条件で表示する');
    await see(page, '終了日は開始日以降の日付にしてください。');
  });

  await step(coordinator, 'reads the hub figures in English', async (page) => {
    await signIn(page, process.env.E2E_COORDINATOR_EMAIL, process.env.E2E_COORDINATOR_PASSWORD, { en: true });
    await follow(page, 'Figures dashboard');
    await see(page, "These figures are limited to the prefectures your hub covers.");
    await page.getByRole('heading', { name: 'From registration to contract' }).waitFor();
    await axe(page, 'stats-dashboard-en');
    await shot(page, 'stats-dashboard-en-390');
  });
} finally {
  await browser.close();
}
finish('stats', [visitor, admin, coordinator]);
