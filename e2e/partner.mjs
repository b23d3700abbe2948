// A regional partner's staff and the admin, in headless Chromium. The partner (岩手県,
// `iwate-pref`, made by run.sh with the CLI) signs in and lands on its home: the widget's views
// and clicks so far (widget.mjs ran before), the referral link
// and the widget's tag carry its code; it adds a site to the allowed sites (a path is refused
// beside the field, the widget's own site is kept), adds a programme (a bad link is refused
// beside the field), sees it on a posting of its prefecture, edits it and deletes it after
// confirming. The admin registers a partner with the prefecture picker, sees it listed, and
// opens a partner's home from the list.
// Then the partner's home in English at desktop width.
//
// Needs E2E_BASE, E2E_PARTNER_* and E2E_ADMIN_* (run.sh sets them).

import {
  BASE, launch, person, step, go, see, fill, choose, press, follow, shot, axe, finish, PHONE, DESKTOP,
} from './lib.mjs';

const CODE = 'iwate-pref';
const stamp = Date.now().toString(36);
const programme = `副業人材交通費補助 ${stamp}`;
const chamber = `盛岡商工会議所 ${stamp}`;
const partnerLogin = { email: process.env.E2E_PARTNER_EMAIL, password: process.env.E2E_PARTNER_PASSWORD };
const adminLogin = { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD };

async function signIn(page, { email, password }, button = 'ログインする') {
  await go(page, '/login');
  await fill(page, /メールアドレス|Email address/, email);
  await fill(page, /パスワード|Password/, password);
  await press(page, button);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const browser = await launch();
const partner = await person(browser, 'partner', { viewport: PHONE });
const admin = await person(browser, 'admin', { viewport: DESKTOP });
const english = await person(browser, 'partner-en', { viewport: DESKTOP, lang: 'en' });
try {
  await step(partner, 'signs in and lands on the partner home', async (page) => {
    await signIn(page, partnerLogin);
    await page.waitForURL(/\/partner$/);
    await page.getByRole('heading', { name: 'パートナーのホーム' }).waitFor();
    await see(page, '岩手県');
    // widget.mjs, run before, showed and clicked the widget on the partner's demo site.
    await see(page, /これまでに表示 [1-9][0-9]*回・クリック [1-9][0-9]*回/);
    const link = await page.getByRole('textbox', { name: '紹介リンク' }).inputValue();
    if (!link.endsWith(`/?ref=${CODE}`)) throw new Error(`referral link ${link}`);
    const tag = await page.getByLabel('貼り付けるタグ').inputValue();
    for (const part of [`${BASE}/widget.js`, `data-partner="${CODE}"`, 'data-prefecture="03"', 'data-lang="ja"']) {
      if (!tag.includes(part)) throw new Error(`the tag lacks ${part}: ${tag}`);
    }
    // The menu of partner staff.
    for (const name of ['ホーム', '数字', '連携']) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).first().waitFor();
    }
  });

  await step(partner, 'adds an allowed site; a path is refused beside the field', async (page) => {
    await press(page, '許可するサイトを編集');
    const field = page.getByLabel('サイトのアドレス');
    const kept = await field.inputValue();
    await field.fill(`${kept}\nhttps://www.pref.iwate.example/widget`);
    await press(page, '保存する');
    await see(page, 'https://www.example.jp の形で入力してください');
    await field.fill(`${kept}\nHTTPS://WWW.Pref.Iwate.example/`);
    await press(page, '保存する');
    await see(page, '許可するサイトを保存しました。');
    await see(page, 'https://www.pref.iwate.example');
    await shot(page, 'partner-home-390');
    await axe(page, 'partner home');
  });

  await step(partner, 'adds a programme; a link that is not http(s) is refused', async (page) => {
    await fill(page, '制度名', programme);
    await fill(page, '金額', '上限30万円');
    await fill(page, '対象となる人・企業', '県内企業と契約した県外在住の副業人材');
    await fill(page, '詳細ページのURL', 'javascript:alert(1)');
    await press(page, '支援制度を追加');
    await see(page, 'https:// または http:// で始まるアドレスを入力してください。');
    await fill(page, '詳細ページのURL', 'https://www.pref.iwate.example/fukugyo');
    await press(page, '支援制度を追加');
    await see(page, `「${programme}」を保存しました。`);
  });

  await step(partner, 'the programme shows on a posting of the prefecture', async (page) => {
    const found = await (await fetch(`${BASE}/api/v1/projects?prefecture=03&limit=1`)).json();
    if (!found.items?.length) throw new Error('no published posting in Iwate to look at');
    await go(page, `/projects/${found.items[0].id}`);
    await page.getByRole('heading', { name: '地域の支援制度' }).waitFor();
    await see(page, programme);
    await see(page, '提供: 岩手県');
    await page.getByRole('link', { name: `詳しく見る ${programme}` }).waitFor();
  });

  await step(partner, 'edits the programme, then deletes it after confirming', async (page) => {
    await go(page, '/partner');
    await press(page, `編集 ${programme}`);
    await page.locator('input[id$="-amount"]').first().fill('交通費の2分の1');
    await press(page, '保存する');
    await see(page, '交通費の2分の1');
    await press(page, `削除 ${programme}`);
    await see(page, `「${programme}」を削除しますか？`);
    await press(page, '削除しない');
    await press(page, `削除 ${programme}`);
    await press(page, '削除する', { exact: true });
    await see(page, `「${programme}」を削除しました。`);
    await see(page, '登録した支援制度はまだありません。');
  });

  await step(admin, 'registers a partner with its prefectures', async (page) => {
    await signIn(page, adminLogin);
    await follow(page, '地域パートナー');
    await page.getByRole('heading', { name: '登録済みのパートナー' }).waitFor();
    await see(page, CODE);
    await fill(page, '団体名', chamber);
    await press(page, '登録する');
    await page.locator('#partner-new-kind-error').getByText('選択してください。').waitFor();
    await choose(page, '種別', 'chamber');
    await page.locator('#partner-new-pref-03').check();
    await fill(page, 'ウィジェットを置けるサイト', 'https://www.morioka-cci.example/path');
    await press(page, '登録する');
    await see(page, 'https://www.example.jp の形で入力してください');
    await fill(page, 'ウィジェットを置けるサイト', 'https://www.morioka-cci.example');
    await press(page, '登録する');
    await see(page, `「${chamber}」を登録しました。`);
    await page.getByRole('heading', { name: chamber }).waitFor();
    await shot(page, 'admin-partners-1280');
    await axe(page, 'admin partners');
  });

  await step(admin, "starts a partner's staff account from its card", async (page) => {
    await follow(page, '担当者のアカウントを作成 岩手県');
    await page.waitForURL(/\/admin\/staff\?partner=1$/);
    // The partners load after the page: wait for the choice to be there and chosen.
    await page.waitForFunction(() =>
      document.querySelector('#staff-role')?.value === 'partner'
      && document.querySelector('#staff-partner')?.value === '1');
    await follow(page, '地域パートナー');
    await page.getByRole('heading', { name: '登録済みのパートナー' }).waitFor();
  });

  await step(admin, "opens a partner's home from the list", async (page) => {
    await follow(page, 'ホーム画面を開く 岩手県');
    await page.waitForURL(/\/partner\?partner=1$/);
    await page.getByRole('heading', { name: 'パートナーのホーム' }).waitFor();
    await see(page, 'iwate-pref');
    await page.getByRole('heading', { name: '支援制度', exact: true }).waitFor();
  });

  await step(english, 'the partner home in English', async (page) => {
    await signIn(page, partnerLogin, 'Sign in');
    await page.waitForURL(/\/partner$/);
    await page.getByRole('heading', { name: 'Partner home' }).waitFor();
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    await page.getByRole('button', { name: 'Copy tag' }).waitFor();
    const tag = await page.getByLabel('Tag to paste').inputValue();
    if (!tag.includes('data-lang="en"')) throw new Error(`the English tag: ${tag}`);
    await see(page, 'Support programmes');
    await shot(page, 'partner-home-en-1280');
    await axe(page, 'partner home (en)');
  });
} finally {
  await browser.close();
}
finish('partner', [partner, admin, english]);
