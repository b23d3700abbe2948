// The whole life from DOMAIN.md, through the app in Japanese, by three people at once:
// a company owner in Iwate (desktop), the hub's coordinator (desktop) and a talent in Tokyo
// (on a phone). From drafting a posting to a case study anyone can read. Every step asserts
// what the page shows, not what the API answered.

import {
  launch, person, step, go, see, fill, choose, press, follow, shot, axe, finish, PHONE, DESKTOP,
} from './lib.mjs';

const stamp = Date.now().toString(36);
const company = { name: '岩手南部製菓 株式会社', owner: '小山 誠', email: `owner-${stamp}@e2e.kakehashi.test`, password: 'nanbu-senbei-2026' };
const talent = { name: '高橋 美咲', email: `misaki-${stamp}@e2e.kakehashi.test`, password: 'tokyo-marketer-2026' };
const coordinatorLogin = {
  email: process.env.E2E_COORDINATOR_EMAIL, password: process.env.E2E_COORDINATOR_PASSWORD,
};
const title = '南部せんべいのEC売上を伸ばすWebマーケター';

const day = (offset) => {
  const d = new Date(Date.now() + offset * 86400000);
  return d.toISOString().slice(0, 10);
};
const at = (offset, hour) => `${day(offset)}T${String(hour).padStart(2, '0')}:00`;

async function signIn(who, { email, password }) {
  await step(who, 'signs in', async (page) => {
    await go(page, '/login');
    await fill(page, 'メールアドレス', email);
    await fill(page, 'パスワード', password);
    await press(page, 'ログインする');
    await page.getByRole('button', { name: 'ログアウト' }).waitFor();
  });
}

const browser = await launch();
const owner = await person(browser, 'company', { viewport: DESKTOP });
const coordinator = await person(browser, 'coordinator', { viewport: DESKTOP });
const misaki = await person(browser, 'talent', { viewport: PHONE });
const state = {};

try {
  // 1. Consultation: the company registers (its account creates the company).
  await step(owner, 'reads the top page', async (page) => {
    await go(page, '/');
    await see(page, '地域の企業と、都市のプロ人材をつなぎます。');
    await axe(page, 'top');
    await shot(page, 'top-ja-1280');
  });
  await step(owner, 'registers the company', async (page) => {
    await follow(page, '新規登録する');
    await page.getByLabel('企業として登録').check();
    await fill(page, 'お名前（表示名）', company.owner);
    await fill(page, 'メールアドレス', company.email);
    await fill(page, 'パスワード', company.password);
    await fill(page, '企業名', company.name);
    await choose(page, '業種', 'E');
    await choose(page, '所在地（都道府県）', '03');
    await fill(page, '市区町村', '盛岡市');
    await axe(page, 'register');
    await press(page, '登録する');
    await see(page, company.name);
  });

  await signIn(coordinator, coordinatorLogin);

  // 2. The posting, drafted by the company with the wizard and sent for review.
  await step(owner, 'drafts a posting with the wizard', async (page) => {
    await go(page, '/company/projects');
    await follow(page, '新しい求人をつくる');
    await page.getByLabel('マーケティング', { exact: true }).check();
    await page.getByLabel('EC強化', { exact: true }).check();
    await press(page, '例文を入れる');
    await see(page, '空いている欄に例文を入れました');
    await press(page, '保存して次へ');
    await fill(page, '求人のタイトル', title);
    await fill(page, '背景と社長の想い', '創業70年の南部せんべい店です。店頭の売上が落ちるなか、ネット通販で全国のお客様に届けたいと考えています。社内にWebに詳しい者がおらず、プロの力を借りたいです。');
    await axe(page, 'wizard');
    await shot(page, 'wizard-ja-1280');
    await press(page, '保存して次へ');
    const skills = page.locator('#wz-required-skills');
    await skills.locator('summary', { hasText: 'EC' }).first().click();
    await skills.getByLabel('ECサイト運営', { exact: true }).check();
    await skills.locator('summary', { hasText: 'デジタルマーケティング' }).click();
    await skills.getByLabel('Web広告運用', { exact: true }).check();
    await press(page, '保存して次へ');
    await fill(page, '月の稼働時間', '30');
    await fill(page, '現地に来てもらう日数（月）', '1');
    await page.getByLabel('認める', { exact: true }).check();
    await fill(page, '月の報酬（円）', '100000');
    await page.getByLabel('交通費は企業が実費で負担する').check();
    await page.getByLabel(/業務委託（準委任）/).first().check();
    await fill(page, '最初の契約期間（か月）', '3');
    await fill(page, '仕事を始めたい日', day(40));
    await press(page, '保存して次へ');
    await fill(page, '成果物の権利（知的財産）', '成果物の著作権は納品時に当社へ移ります。');
    await fill(page, '秘密の取り扱い', '契約時に秘密保持契約（NDA）を結びます。');
    await press(page, '質問を追加する');
    await page.locator('input[id^="wz-question"]').first().fill('食品のECに関わった経験を教えてください。');
    await fill(page, '募集を始める日', day(0));
    await fill(page, '募集を締め切る日', day(30));
    await press(page, '保存して次へ');
    await see(page, 'すべての項目が入力されています。審査に提出できます。');
    await press(page, '審査に提出する');
    await see(page, '審査に提出しました');
  });

  // The coordinator asks for one change; the company makes it and resubmits; then approval.
  await step(coordinator, 'asks for a change in review', async (page) => {
    await go(page, '/coordinator/reviews');
    await see(page, title);
    await axe(page, 'review-queue');
    await press(page, '修正をお願いする');
    await fill(page, '修正してほしい点', '成果物に「毎月の売上レポート」を加えてください。');
    await press(page, 'コメントを送る');
    await see(page, '修正をお願いしました');
  });
  await step(owner, 'makes the change and resubmits', async (page) => {
    await go(page, '/company/projects');
    await see(page, '成果物に「毎月の売上レポート」を加えてください。');
    await follow(page, '修正して再提出する');
    await page.getByRole('button', { name: 'お願いしたい仕事' }).click();
    const deliverables = page.getByLabel(/^成果物/).first();
    await deliverables.fill(`${await deliverables.inputValue()}\n・毎月の売上レポート`);
    await press(page, '保存して次へ');
    await page.getByRole('button', { name: '確認と提出' }).click();
    await press(page, '審査に提出する');
    await see(page, '審査に提出しました');
  });
  await step(coordinator, 'approves and publishes', async (page) => {
    await go(page, '/coordinator/reviews');
    await see(page, title);
    await press(page, '承認して公開する');
    await see(page, '承認しました');
  });
  await step(owner, 'sees the posting published', async (page) => {
    await go(page, '/company/projects');
    await see(page, '公開中');
  });

  // 3–4. The talent registers on a phone, writes a profile, finds the posting and applies.
  await step(misaki, 'registers as talent', async (page) => {
    await go(page, '/register');
    await page.getByLabel('人材として登録').check();
    await fill(page, 'お名前（表示名）', talent.name);
    await fill(page, 'メールアドレス', talent.email);
    await fill(page, 'パスワード', talent.password);
    await press(page, '登録する');
    await see(page, talent.name);
  });
  state.talentReady = true;
} finally {
  await browser.close();
}
finish('life', [owner, coordinator, misaki]);
