// Integrations (/integrations): a partner's staff member creates an API key, sees it once,
// uses it, revokes it (after confirming) and sees it refused; adds a webhook (the secret shown
// once), opens its delivery log and deletes it; a refused target is said beside the URL field.
// An admin reaches the page from the admin home, in English at phone width.
//
// Needs a partner staff account (E2E_PARTNER_EMAIL / E2E_PARTNER_PASSWORD) and an admin
// (E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD). A loopback webhook URL is accepted where the server
// allows private targets and refused (the reason beside the field) elsewhere; with
// E2E_WEBHOOK_PRIVATE=1 the script insists it is accepted.
import {
  BASE, PHONE, DESKTOP, launch, person, step, go, see, fill, press, follow, shot, axe, finish,
} from './lib.mjs';

const partnerLogin = {
  email: process.env.E2E_PARTNER_EMAIL ?? 'partner@e2e.kakehashi.test',
  password: process.env.E2E_PARTNER_PASSWORD ?? 'iwate-partner-2026',
};
const adminLogin = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@e2e.kakehashi.test',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'kakehashi-admin-2026',
};
const privateAllowed = /^(1|true|yes)$/.test(process.env.E2E_WEBHOOK_PRIVATE ?? '');

async function signIn(who, { email, password }, { en = false } = {}) {
  await step(who, 'signs in', async (page) => {
    await go(page, '/login');
    await fill(page, en ? 'Email address' : 'メールアドレス', email);
    await fill(page, en ? 'Password' : 'パスワード', password);
    await press(page, en ? 'Sign in' : 'ログインする', { exact: en });
    await page.getByRole('button', { name: en ? 'Sign out' : 'ログアウト' }).waitFor();
  });
}

const status = (key) => fetch(`${BASE}/api/v1/projects`, {
  headers: { authorization: `Bearer ${key}` },
}).then((r) => r.status);

const browser = await launch();
const partner = await person(browser, 'partner', { viewport: DESKTOP });
const admin = await person(browser, 'admin', { viewport: PHONE, lang: 'en' });

await signIn(partner, partnerLogin);
let key = '';
await step(partner, 'creates an API key and sees it once', async (page) => {
  await go(page, '/integrations');
  await see(page, 'APIキーはまだありません。');
  // Partner staff are not offered projects:write.
  if (await page.getByLabel('案件を作成・編集する（projects:write）').count() !== 0) {
    throw new Error('projects:write offered to partner staff');
  }
  // Nothing chosen: the reason is beside the scopes.
  await fill(page, '名前', '県ポータル連携');
  // Partner keys allow at most 600 requests a minute.
  await fill(page, '1分あたりの上限（任意）', '601');
  await press(page, 'APIキーを作成');
  await see(page, '選択してください');
  await see(page, '範囲外の値です。');
  await fill(page, '1分あたりの上限（任意）', '120');
  await page.getByLabel('案件を読む（projects:read）').check();
  await page.getByLabel('統計を読む（stats:read）').check();
  await press(page, 'APIキーを作成');
  await see(page, 'このキーは二度と表示されません。');
  key = await page.getByRole('textbox', { name: 'APIキーを作成しました' }).inputValue();
  if (!/^kh_[0-9a-f]{64}$/.test(key)) throw new Error(`not a key: ${key}`);
  await page.getByRole('button', { name: 'コピー', exact: true }).first().isVisible();
  await axe(page, 'integrations-key-created-ja');
  await shot(page, 'integrations-key-created-ja-1280');
  if (await status(key) !== 200) throw new Error('the new key does not read projects');
  await press(page, '保管しました');
  await see(page, '県ポータル連携');
  await see(page, key.slice(0, 11));
  await see(page, '毎分120回');
  if (await page.locator('main').getByText(key).count() !== 0) throw new Error('the key is still shown');
});

await step(partner, 'revokes the key after confirming', async (page) => {
  await press(page, '無効にする', { exact: true });
  await see(page, '「県ポータル連携」を無効にしますか？');
  await press(page, 'やめる');
  await press(page, '無効にする', { exact: true });
  await press(page, 'はい、無効にします');
  await page.locator('main .badge', { hasText: '無効' }).first().waitFor();
  if (await status(key) !== 401) throw new Error('a revoked key still works');
});

await step(partner, 'adds a webhook', async (page) => {
  const target = `http://127.0.0.1:${new URL(BASE).port}/kakehashi-hook`;
  await fill(page, '送信先URL', target);
  await press(page, 'Webhookを追加', { exact: true });
  await see(page, '選択してください。');
  await page.getByLabel('案件の公開（project.published）').check();
  await page.getByLabel('契約の成立（contract.accepted）').check();
  await press(page, 'Webhookを追加', { exact: true });
  // A loopback target is accepted only where the server allows private targets
  // (KAKEHASHI_WEBHOOK_ALLOW_PRIVATE); elsewhere the reason stands beside the URL field.
  const refused = page.locator('main').getByText(/社内やローカルのアドレス|https:\/\/ から始まるURLを入力/);
  const secretShown = page.locator('main').getByText('署名用のシークレットは二度と表示されません。');
  await refused.or(secretShown).first().waitFor({ state: 'visible' });
  if (await refused.first().isVisible()) {
    if (privateAllowed) throw new Error('a loopback target was refused though the server allows it');
    return;
  }
  const secret = await page.getByRole('textbox', { name: 'Webhookを追加しました' }).inputValue();
  if (!secret.startsWith('whsec_')) throw new Error(`not a secret: ${secret}`);
  await press(page, '保管しました');
  await see(page, target);
  await press(page, '配信履歴を見る');
  await see(page, 'まだ配信はありません。');
  await press(page, '配信履歴を閉じる');
  await axe(page, 'integrations-webhook-ja');
  await press(page, '削除', { exact: true });
  await press(page, 'はい、削除します');
  await see(page, 'Webhookはまだありません。');
});

await signIn(admin, adminLogin, { en: true });
await step(admin, 'opens integrations from the admin home (English, phone)', async (page) => {
  await go(page, '/admin');
  await follow(page, 'Integrations');
  await see(page, 'API keys');
  await see(page, 'Draft and edit projects (projects:write)');
  // Admins see every key, the partner's revoked one included, with its owner.
  await see(page, '県ポータル連携');
  await page.locator('main .detail-row', { hasText: 'Owner' }).getByText('岩手県').first().waitFor();
  await axe(page, 'integrations-en-390');
  await shot(page, 'integrations-en-390');
});

await browser.close();
finish('integrations', [partner, admin]);
