// The whole life from DOMAIN.md, through the app in Japanese, by three people at once:
// a company owner in Iwate (desktop), the hub's coordinator (desktop) and a talent in Tokyo
// (on a phone). From drafting a posting to a case study anyone can read. Every step asserts
// what the page shows, not what the API answered.

import {
  launch, person, step, go, see, fill, choose, press, open, follow, shot, axe, finish, registerTalent,
  PHONE, DESKTOP,
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
const people = [owner, coordinator, misaki];
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
  await step(coordinator, 'logs the first consultation with the challenges diagnosed', async (page) => {
    // Signing in took the coordinator to the hub's companies, not to the account page.
    await page.waitForURL('**/coordinator');
    await see(page, 'まだ訪問の記録がありません');
    await axe(page, 'coordinator-home');
    await follow(page, company.name);
    await fill(page, '相談の内容', '社長と面談。店頭の売上が落ちており、ネット通販を伸ばしたいとのこと。社内にWebに詳しい人がいない。');
    await page.locator('summary', { hasText: '経営課題の一覧を開く' }).click();
    await page.getByLabel('EC強化', { exact: true }).check();
    await fill(page, '次にやること', '求人票の下書きを一緒に作る');
    await press(page, '記録する');
    await see(page, '記録しました。');
    await see(page, 'ネット通販を伸ばしたい');
    await axe(page, 'coordinator-company');
    await shot(page, 'coordinator-company-ja-1280');
  });

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
    await registerTalent(page, talent);
  });
  await step(misaki, 'writes a profile on the phone', async (page) => {
    await go(page, '/talent/profile');
    await fill(page, 'ひとことで言うと', '食品ECの立ち上げ10年のWebマーケター');
    await fill(page, '経歴と想い', '都内の食品メーカーでEC事業を立ち上げ、売上を3年で5倍にしました。祖母の住む岩手の力になりたいと考えています。平日夜と週末に稼働できます。');
    await choose(page, 'スキルを追加', 'ec_site_management');
    await page.locator('#profile-skill-years-0').fill('10');
    await choose(page, 'スキルを追加', 'web_ads');
    await page.locator('#profile-skill-years-1').fill('6');
    await page.locator('#profile-challenge-marketing').check();
    await page.locator('#profile-challenge-ec').check();
    await choose(page, 'お住まいの都道府県', '13');
    await press(page, 'ゆかりのある地域を追加');
    await page.locator('#profile-place select').nth(1).selectOption('03');
    await fill(page, '月に使える時間', '30');
    await fill(page, '現地に行ける日数', '1');
    await fill(page, '希望する月額報酬', '90000');
    await page.locator('#profile-terms').getByLabel(/業務委託（準委任）/).first().check();
    await choose(page, '年代', { label: '30代' });
    await choose(page, '本業の勤め先', { label: '中小企業' });
    await page.locator('#profile-permission').check();
    await page.locator('#profile-discoverable').check();
    await fill(page, '電話番号（任意）', '090-1234-5678');
    await axe(page, 'talent-profile');
    await press(page, '保存する');
    await see(page, '保存しました。おすすめの案件が更新されています。');
  });
  await step(misaki, 'finds the posting among the recommendations', async (page) => {
    await follow(page, 'あなたへのおすすめ');
    await see(page, title);
    await see(page, 'おすすめの理由');
    await axe(page, 'recommended');
    await shot(page, 'recommended-ja-390');
  });
  await step(misaki, 'searches in Japanese and opens the posting', async (page) => {
    await go(page, '/projects');
    await fill(page, 'キーワード', 'せんべい');
    await press(page, '検索する');
    await page.locator('main').getByRole('link', { name: title }).first().click();
    await see(page, '背景と経営者の想い');
    // The region's facts for someone deciding from Tokyo (Morioka's figures).
    await see(page, '東京からのアクセスと暮らし');
    await see(page, '月2回往復した場合の交通費');
    await axe(page, 'project');
    await shot(page, 'project-ja-390');
    state.projectUrl = new URL(page.url()).pathname;
  });
  await step(misaki, 'applies with a proposal and the screening answer', async (page) => {
    await follow(page, 'この案件に応募する');
    await fill(page, '提案', '食品ECの立ち上げ経験を活かし、最初の3か月で商品ページと広告を見直し、月商を1.5倍にする計画を一緒につくります。');
    await fill(page, '食品のECに関わった経験を教えてください。', '食品メーカーで自社ECと楽天店を10年運営しました。');
    await axe(page, 'apply');
    await press(page, 'この内容で応募する');
    await see(page, '応募しました。');
    state.talentApplication = new URL(page.url()).pathname;
  });

  // 4–5. The company reads the applicant with the match score, shortlists, proposes times.
  await step(owner, 'shortlists the applicant on the board', async (page) => {
    await go(page, '/company/projects');
    await follow(page, '応募者とおすすめ人材を見る');
    await see(page, talent.name);
    await see(page, '一致度');
    await axe(page, 'applicants-board');
    await shot(page, 'company-board-ja-1280');
    state.boardUrl = new URL(page.url()).pathname;
    await press(page, '書類選考を通過にする');
    await see(page, '状況を更新しました');
  });
  await step(owner, 'moves to interview and proposes times', async (page) => {
    await press(page, '面談に進む');
    await see(page, '→ 面談中');
    await see(page, '面談中 (1)');
    await open(page, '面談の候補日時を送る', '候補を1〜3つ送ると');
    await page.getByLabel('候補日時').first().fill(at(3, 10));
    await page.getByLabel('候補日時').nth(1).fill(at(4, 19));
    await fill(page, '面談の長さ（分）', '45');
    await fill(page, 'オンライン会議のURL（任意）', 'https://meet.example.jp/nanbu');
    await press(page, '候補日時を送る', { exact: true });
    await see(page, '候補日時を送りました。');
  });
  await step(misaki, 'opens the notification, picks an interview time and writes to the company', async (page) => {
    await go(page, '/talent/recommended');
    await page.getByRole('link', { name: /^お知らせ 未読\d+件$/ }).click();
    await see(page, '面談の候補日時が届きました');
    await axe(page, 'notifications');
    await page.locator('main').getByRole('link', { name: '面談の候補日時が届きました' }).first().click();
    await see(page, '企業から面談の候補日時が届いています');
    await page.locator('main').getByRole('button', { name: /\d+月\d+日/ }).first().click();
    await see(page, '面談の日時:');
    await follow(page, 'メッセージを見る');
    const text = 'ご連絡ありがとうございます。面談を楽しみにしております。事前に御社のECサイトを拝見しておきます。';
    await fill(page, 'メッセージ', text);
    await axe(page, 'messages');
    // On a train the connection drops: the message is not lost, and sending again works.
    await page.context().setOffline(true);
    await press(page, '送信する');
    await see(page, 'サーバーに接続できませんでした。');
    await see(page, '入力した内容はそのまま残っています。');
    if (await page.getByLabel('メッセージ').first().inputValue() !== text) throw new Error('the typed message was lost');
    await page.context().setOffline(false);
    await press(page, '送信する');
    await see(page, '送信しました。');
    await see(page, '事前に御社のECサイトを拝見しておきます。');
  });
  await step(owner, 'reads the message, answers, and makes an offer after the interview', async (page) => {
    await go(page, state.boardUrl);
    await see(page, '決定');
    await follow(page, 'メッセージを見る');
    await see(page, '事前に御社のECサイトを拝見しておきます。');
    await fill(page, 'メッセージ', '高橋様、当日はどうぞよろしくお願いいたします。');
    await press(page, '送信する');
    await see(page, '送信しました。');
    await go(page, state.boardUrl);
    await press(page, 'オファーする');
    await see(page, '→ オファー済み');
  });

  // 6. The contract: the company writes the 12 points; the 60-day rule is enforced.
  await step(owner, 'writes the contract terms, and a late payment date is refused', async (page) => {
    await follow(page, '契約条件をつくる');
    await see(page, '契約条件をつくる');
    await press(page, '空いている欄に標準的な文面を入れる');
    await see(page, '空いている欄に標準的な文面を入れました。');
    await fill(page, '支払いまでの日数', '90');
    await press(page, 'この条件を送る');
    await see(page, '法律で、仕事を受け取ってから60日以内に支払うことになっています。');
    await axe(page, 'contract-builder');
    await fill(page, '支払いまでの日数', '30');
    await press(page, 'この条件を送る');
    await see(page, '契約条件を送りました。');
    await shot(page, 'contract-ja-1280');
    state.contractUrl = new URL(page.url()).pathname;
  });
  await step(misaki, 'reads the terms and accepts version 1', async (page) => {
    await go(page, state.talentApplication);
    await see(page, '企業から契約条件が届いています。');
    await follow(page, '契約条件を見る');
    await see(page, '業務委託契約の条件');
    await see(page, '受け取り・検収から30日以内');
    await axe(page, 'contract');
    await shot(page, 'contract-ja-390');
    await press(page, 'この内容（第1版）で承諾する');
    await see(page, '承諾しました。');
  });
  await step(owner, 'accepts too, and the engagement starts', async (page) => {
    await go(page, state.contractUrl);
    await press(page, 'この内容（第1版）で承諾する');
    await see(page, '双方が承諾し、契約が成立しました。');
    await follow(page, '稼働の画面を見る');
    await see(page, '090-1234-5678');
    state.engagementUrl = new URL(page.url()).pathname;
  });

  // 7. Kickoff, planned by the company and read by the talent.
  await step(owner, 'plans the kickoff', async (page) => {
    await see(page, 'キックオフの計画がまだありません。');
    await fill(page, '目標（最初の3か月）', 'EC月商を30万円から50万円にする\n商品ページ10点を改善する');
    await fill(page, '成果物', '月次改善レポート（毎月末）');
    await fill(page, '進め方（ステップ）', '現状分析\n商品ページの改善\n広告の見直し');
    await fill(page, '定例ミーティングの日時', '毎週水曜 10:00–11:00');
    await fill(page, '参加メンバー', '小山 誠（社長）\n菊池 綾（EC担当）');
    await fill(page, '連絡手段', 'Slack\n月1回の来訪');
    await fill(page, '報告の頻度', '月末に稼働報告');
    await axe(page, 'kickoff');
    await press(page, '計画を保存する');
    await see(page, 'キックオフの計画を保存しました。');
  });

  // 8. Working: a monthly report, acknowledged; the 3-month review; renewal; outcomes.
  await step(misaki, 'reads the kickoff and sends the monthly report', async (page) => {
    await go(page, '/engagements');
    await see(page, title);
    await go(page, state.engagementUrl);
    await see(page, '毎週水曜 10:00–11:00');
    await fill(page, '対象の月', new Date().toISOString().slice(0, 7));
    await fill(page, '稼働時間（時間）', '28');
    await fill(page, '取り組んだこと', 'アクセス解析で離脱の多い商品ページを特定し、3点を改善しました。');
    await fill(page, '成果', '購入率が1.2%から1.8%へ');
    await fill(page, '来月の予定・相談したいこと', '残りの商品ページの改善と、広告の予算配分の見直し');
    await axe(page, 'engagement');
    await press(page, '稼働報告を送る');
    await see(page, '稼働報告を送りました。');
    await shot(page, 'engagement-ja-390');
  });
  await step(owner, 'acknowledges the report with a comment', async (page) => {
    await go(page, state.engagementUrl);
    await see(page, '購入率が1.2%から1.8%へ');
    await fill(page, 'コメント', 'ありがとうございます。来月もよろしくお願いします。');
    await press(page, '確認済みにする');
    await see(page, '稼働報告を確認済みにしました。');
  });
  for (const [who, glad] of [[owner, '社員がECの数字を毎週見るようになりました。'], [misaki, '社長がすぐに決めてくださるので、改善を速く回せました。']]) {
    await step(who, 'answers the 3-month review and wants to continue', async (page) => {
      await go(page, state.engagementUrl);
      await open(page, '振り返りに回答する', 'うれしかったことは何ですか');
      await fill(page, 'うれしかったことは何ですか', glad);
      await fill(page, '遠慮していること、改善してほしいことは何ですか', '定例の議題を前日までに共有したいです。');
      await fill(page, 'その背景にある、大切にしていることは何ですか', '短い時間でも成果につなげることです。');
      await page.locator('#review-renew-yes').check();
      await fill(page, '続ける場合の報酬（円／月）', '100000');
      await fill(page, '続ける場合の稼働時間（時間／月）', '30');
      await page.locator('#review-sat-5').check();
      await press(page, '振り返りを送る');
      await see(page, '振り返りを送りました。');
    });
  }
  await step(owner, 'proposes the next term', async (page) => {
    await go(page, state.engagementUrl);
    await see(page, '双方が続けることを希望しました。');
    await fill(page, '次の期間の報酬（円／月）', '100000');
    await fill(page, '次の期間の稼働時間（時間／月）', '30');
    await fill(page, '次の期間の長さ（か月）', '3');
    await press(page, '次の期間を提案する');
    await see(page, '次の期間の契約を作りました。');
    await follow(page, '次の期間の契約を開く');
    await see(page, '第2期の契約');
    state.renewalUrl = new URL(page.url()).pathname;
    await press(page, /この内容（第\d+版）で承諾する/);
    await see(page, '承諾しました。');
  });
  await step(misaki, 'accepts the next term', async (page) => {
    await go(page, state.renewalUrl);
    await see(page, '第2期の契約');
    await press(page, /この内容（第\d+版）で承諾する/);
    await see(page, '双方が承諾し、契約が成立しました。');
  });
  await step(owner, 'records a direct and an indirect outcome', async (page) => {
    await go(page, state.engagementUrl);
    await page.getByLabel('直接的な成果（売上・KPI）').check();
    await fill(page, '指標の名前', 'EC月商');
    await fill(page, '始める前', '30万円');
    await fill(page, '現在', '52万円');
    await page.locator('main').getByRole('button', { name: '成果を記録する', exact: true }).last().click();
    await see(page, '成果を記録しました。');
    await see(page, '52万円');
    await page.getByLabel('間接的な成果（人の成長・DXへの自信など）').check();
    await fill(page, '説明', 'EC担当の社員が、毎週の数字を見て自分で改善案を出すようになりました。');
    await page.locator('main').getByRole('button', { name: '成果を記録する', exact: true }).last().click();
    await see(page, '自分で改善案を出すようになりました。');
  });

  // The case study: drafted from the records, consented by all three, published, public.
  await step(owner, 'drafts the case study and consents', async (page) => {
    await press(page, '事例の下書きを作る');
    await see(page, '下書き（非公開）');
    state.caseUrl = new URL(page.url()).pathname;
    await axe(page, 'case-study-draft');
    await press(page, 'この内容で公開に同意する');
    await see(page, '同意しました。');
  });
  await step(misaki, 'is told of the draft, reads it and consents', async (page) => {
    await go(page, '/notifications');
    await page.locator('main').getByRole('link', { name: /^事例の下書きができました/ }).first().click();
    await see(page, '下書き（非公開）');
    await press(page, 'この内容で公開に同意する');
    await see(page, '同意しました。');
  });
  await step(coordinator, 'is told of the draft, consents and publishes the case study', async (page) => {
    await go(page, '/notifications');
    await page.locator('main').getByRole('link', { name: /^事例の下書きができました/ }).first().click();
    await see(page, '下書き（非公開）');
    await press(page, 'この内容で公開に同意する');
    await see(page, '3者の同意がそろいました。');
    await press(page, '事例を公開する');
    await see(page, '事例を公開しました。');
  });
  const visitor = await person(browser, 'visitor', { viewport: PHONE });
  people.push(visitor);
  await step(visitor, 'reads the published case study, with the talent anonymised', async (page) => {
    await go(page, '/case-studies');
    await choose(page, '都道府県', '03');
    await page.locator('main').getByRole('link').filter({ hasText: /./ }).first().waitFor();
    await page.locator(`main a[href="${state.caseUrl}"]`).first().click();
    await see(page, '52万円');
    const text = await page.locator('main').innerText();
    if (text.includes(talent.name)) throw new Error('the public case study names the talent');
    await axe(page, 'case-study');
    await shot(page, 'case-study-ja-390');
  });

  // A session that is gone (signed out elsewhere, expired) sends the talent to sign in and then
  // back to the page they asked for.
  await step(misaki, 'signs in again after the session is gone and returns to the page', async (page) => {
    await go(page, '/talent/applications');
    await see(page, title);
    await page.evaluate(() => localStorage.removeItem('kakehashi.session'));
    await page.reload();
    await see(page, 'このページを見るにはログインが必要です。');
    await fill(page, 'メールアドレス', talent.email);
    await fill(page, 'パスワード', talent.password);
    await press(page, 'ログインする');
    await page.waitForURL('**/talent/applications');
    await see(page, title);
  });

  // After the second term the company ends the engagement; the page says what is left.
  await step(owner, 'ends the engagement with a reason', async (page) => {
    await go(page, state.engagementUrl);
    await fill(page, '終了の理由', '2期目の目標を達成したため');
    await press(page, '稼働を終了する');
    await press(page, 'はい、終了します');
    await see(page, '稼働を終了しました。');
  });
} finally {
  await browser.close();
}
finish('life', people);
