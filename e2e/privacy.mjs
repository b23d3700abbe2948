// Privacy (APPI) on a phone (390 px): a talent registers, finds 「データとプライバシー」 on the
// account page with the consents recorded at registration, downloads their data (the file's
// name and content are checked), is refused with a wrong password, deletes the account, lands
// on the top page signed out with a message, and cannot sign in again. English at the end.

import { readFileSync } from 'node:fs';
import {
  launch, person, step, go, see, fill, press, shot, axe, finish, registerTalent, PHONE,
} from './lib.mjs';

const stamp = Date.now().toString(36);
const talent = { name: '森 さくら', email: `sakura-${stamp}@e2e.kakehashi.test`, password: 'morioka-designer-2026' };

const browser = await launch();
const sakura = await person(browser, 'privacy', { viewport: PHONE });
const people = [sakura];

try {
  await step(sakura, 'registers as talent (the form says what registering accepts)', async (page) => {
    await go(page, '/register');
    await see(page, '利用規約とプライバシーポリシー');
    await registerTalent(page, talent);
  });

  await step(sakura, 'finds data and privacy with the consents of registration', async (page) => {
    await go(page, '/me');
    await see(page, 'データとプライバシー');
    await see(page, 'プライバシーポリシー');
    await see(page, '利用規約');
    await see(page, '2026-11-01');
    await see(page, '保存されるもの');
    await axe(page, 'privacy-me');
    await shot(page, 'privacy-me-390');
  });

  await step(sakura, 'downloads the data as one JSON file', async (page) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#privacy-export').click(),
    ]);
    const name = download.suggestedFilename();
    if (!/^kakehashi-export-\d{8}\.json$/.test(name)) throw new Error(`file name ${name}`);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
    if (data.format_version !== 1) throw new Error(`format_version ${data.format_version}`);
    if (data.account.email !== talent.email) throw new Error(`account ${data.account.email}`);
    if (data.consents.length !== 2) throw new Error(`${data.consents.length} consents`);
    await see(page, 'ダウンロードしました');
  });

  await step(sakura, 'is asked to confirm, then refused with a wrong password', async (page) => {
    await press(page, 'アカウントを削除する');
    await see(page, '確認のチェックを入れてください');
    await fill(page, '現在のパスワード', 'not-my-password');
    await page.locator('#delete-confirm').check();
    await press(page, 'アカウントを削除する');
    await see(page, 'パスワードが正しくありません');
    await shot(page, 'privacy-delete-refused-390');
  });

  await step(sakura, 'deletes the account and lands on the top page signed out', async (page) => {
    await fill(page, '現在のパスワード', talent.password);
    await press(page, 'アカウントを削除する');
    await page.waitForURL(/\/\?account=deleted$/);
    await see(page, 'アカウントを削除しました');
    await page.getByRole('link', { name: 'ログイン' }).first().waitFor({ state: 'visible' });
    await axe(page, 'privacy-deleted-home');
    await shot(page, 'privacy-deleted-home-390');
  });

  await step(sakura, 'cannot sign in any more', async (page) => {
    await go(page, '/login');
    await fill(page, 'メールアドレス', talent.email);
    await fill(page, 'パスワード', talent.password);
    await press(page, 'ログインする');
    await see(page, 'メールアドレスまたはパスワードが正しくありません');
  });

  finish('privacy', people);
} finally {
  await browser.close();
}
