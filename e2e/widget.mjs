// The widget on a partner's site, in headless Chromium: docs/widget-demo.html (a pretend
// prefectural site whose CSS would wreck an unisolated widget) served from a second origin,
// the one registered for the partner `iwate-pref` (run.sh creates it with the CLI). A visitor
// sees the region's projects in the widget, opens one (a new tab, through the counted click),
// registers as talent and applies; the partner's figures then count the registration and the
// application. A page on an origin that is not the partner's gets no CORS grant.
//
// Needs E2E_BASE (the app), E2E_WIDGET_PORT (the demo site's port, the partner's origin is
// http://127.0.0.1:E2E_WIDGET_PORT), E2E_COORDINATOR_* and E2E_ADMIN_* (run.sh sets them).

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASE, launch, person, step, go, see, fill, press, follow, shot, finish, registerTalent, PHONE, DESKTOP,
} from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CODE = 'iwate-pref';
const PORT = Number(process.env.E2E_WIDGET_PORT ?? Number(new URL(BASE).port) + 1);
const SITE = `http://127.0.0.1:${PORT}`;
// The same server under another name: another origin, not the partner's.
const OTHER_SITE = `http://localhost:${PORT}`;
const AXE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const stamp = Date.now().toString(36);
const title = `【ウィジェット】遠野の民泊の予約サイトを立ち上げるWebディレクター ${stamp}`;
const talent = { name: '佐々木 遥', email: `haruka-${stamp}@e2e.kakehashi.test`, password: 'widget-visitor-2026' };

// --- The partner's site: the demo page with the tag pointed at the app. ---
const demo = readFileSync(join(here, '..', 'docs', 'widget-demo.html'), 'utf8')
  .replace('https://kakehashi.example/widget.js', `${BASE}/widget.js`);
if (!demo.includes(`${BASE}/widget.js`)) throw new Error('docs/widget-demo.html no longer has the widget tag');
const english = demo.replace('data-lang="ja"', 'data-lang="en"').replace('data-limit="5"', 'data-limit="1"');
// Okinawa: no posting there, so the widget's empty state.
const empty = demo.replace('data-prefecture="03"', 'data-prefecture="47"');
// A tag with a limit over 20: the widget's error state, and a console note naming the fix.
const tooMany = demo.replace('data-limit="5"', 'data-limit="50"');
const site = createServer((req, res) => {
  const body = { '/en': english, '/empty': empty, '/too-many': tooMany }[req.url] ?? demo;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
});
await new Promise((resolve) => site.listen(PORT, '127.0.0.1', resolve));

// --- The API, for what the script sets up and checks. ---
async function api(method, path, { token, body } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const login = async (email, password) => (await api('POST', '/api/v1/auth/login', { body: { email, password } })).access_token;

/// A published posting in Iwate, so the widget has something of ours to show.
async function publishPosting() {
  const owner = `widget-owner-${stamp}@e2e.kakehashi.test`;
  const session = await api('POST', '/api/v1/auth/register', {
    body: {
      account_type: 'company', email: owner, password: 'tono-minpaku-2026', display_name: '菊池 一郎',
      company: { name: '遠野ふるさと民泊 合同会社', industry_code: 'M', prefecture_code: '03', municipality: '遠野市' },
    },
  });
  const now = Date.now();
  const project = await api('POST', '/api/v1/projects', {
    token: session.access_token,
    body: {
      title,
      background: '遠野の農家民泊を束ねて10年。予約は電話とFAXで、海外からの問い合わせに応えきれていない。',
      challenges: ['ec', 'promotion'],
      role: '予約サイトの立ち上げを、要件整理から公開まで社長と二人三脚で進める',
      tasks: '予約の流れの整理、サイト制作会社の選定と進行管理、多言語ページの監修',
      deliverables: '公開された予約サイトと運用マニュアル',
      required_skills: ['ec_site_management'],
      preferred_skills: ['web_ads'],
      hours_per_month: 20,
      onsite_days_per_month: 1,
      remote_allowed: true,
      monthly_fee: 80000,
      travel_cost: 'company_pays',
      contract_type: 'quasi_mandate',
      period_months: 3,
      trial_days: 30,
      start_date: new Date(now + 45 * 86400000).toISOString().slice(0, 10),
      ip_handling: '成果物の著作権は検収をもって委託者に移転する',
      confidentiality: '秘密保持契約（NDA）を締結する',
      screening_questions: ['予約サイトや業務システムの立ち上げに関わった経験を教えてください。'],
      recruitment_opens_at: new Date(now - 3600000).toISOString(),
      recruitment_closes_at: new Date(now + 30 * 86400000).toISOString(),
    },
  });
  await api('POST', `/api/v1/projects/${project.id}/submit`, { token: session.access_token });
  const coordinator = await login(process.env.E2E_COORDINATOR_EMAIL, process.env.E2E_COORDINATOR_PASSWORD);
  await api('POST', `/api/v1/projects/${project.id}/approve`, { token: coordinator });
  return project.id;
}

/// The partner's figures, read by an admin.
async function figures() {
  const admin = await login(process.env.E2E_ADMIN_EMAIL, process.env.E2E_ADMIN_PASSWORD);
  const partners = await api('GET', '/api/v1/admin/partners', { token: admin });
  const partner = partners.items.find((p) => p.referral_code === CODE);
  if (!partner) throw new Error(`no partner ${CODE}: run.sh creates it`);
  const stats = await api('GET', `/api/v1/partners/${partner.id}/stats`, { token: admin });
  const widgetFigures = await api('GET', `/api/v1/partners/${partner.id}/widget`, { token: admin });
  return { partner, funnel: stats.funnel, widget: widgetFigures };
}

/// axe-core over the widget only (the pretend site's own page is deliberately ugly).
async function axeWidget(page, name) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run({ include: [['[data-kakehashi-widget]']] }, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`axe ${name}: ${result.violations.length} violations, ${bad.length} serious or critical`);
  if (bad.length) throw new Error(bad.map((v) => `${v.id}: ${v.help}`).join('\n'));
}

const projectId = await publishPosting();
const before = await figures();

const browser = await launch();
const visitor = await person(browser, 'visitor', { viewport: DESKTOP });
const phone = await person(browser, 'phone-visitor', { viewport: PHONE });
const people = [visitor, phone];
const widget = (page) => page.locator('[data-kakehashi-widget]');

try {
  await step(visitor, 'sees the region’s projects in the widget on the partner’s site', async (page) => {
    await page.goto(SITE + '/');
    await widget(page).getByRole('heading', { name: '岩手県の副業・兼業プロジェクト' }).waitFor();
    const list = widget(page).getByRole('list');
    await list.getByRole('link', { name: title }).waitFor();
    await widget(page).getByText('遠野ふるさと民泊 合同会社').first().waitFor();
    await widget(page).getByText('月額8万円').first().waitFor();
    await widget(page).getByRole('link', { name: 'すべてのプロジェクトを見る' }).waitFor();
    // The page's `* { color: red; font-size: 30px }` does not reach inside.
    const look = await widget(page).getByRole('link', { name: title }).evaluate((a) => {
      const s = getComputedStyle(a);
      return { size: s.fontSize, color: s.color, family: s.fontFamily };
    });
    if (look.size !== '16px' || look.color === 'rgb(255, 0, 0)' || /Comic Sans/.test(look.family)) {
      throw new Error(`the page's CSS leaked into the widget: ${JSON.stringify(look)}`);
    }
    // Links open a new tab without handing it the partner's page.
    const link = widget(page).getByRole('link', { name: title });
    if ((await link.getAttribute('target')) !== '_blank' || !(await link.getAttribute('rel')).includes('noopener')) {
      throw new Error('widget links must open a new tab with rel=noopener');
    }
    // Reachable by keyboard, with a visible focus ring: the page has no links of its own, so
    // the first Tab lands on the first project.
    await page.keyboard.press('Tab');
    const focused = await widget(page).evaluate((host) => {
      const a = host.shadowRoot.activeElement;
      return a && { text: a.textContent, outline: getComputedStyle(a).outlineStyle, width: getComputedStyle(a).outlineWidth };
    });
    if (!focused || !focused.text.startsWith(title) || focused.outline !== 'solid' || focused.width !== '3px') {
      throw new Error(`keyboard focus: ${JSON.stringify(focused)}`);
    }
    await axeWidget(page, 'widget-demo');
    await shot(page, 'widget-demo-ja-1280');
  });

  await step(phone, 'sees the English widget at 390 px', async (page) => {
    await page.goto(SITE + '/en');
    await widget(page).getByRole('heading', { name: 'Side projects in Iwate' }).waitFor();
    await widget(page).getByRole('link', { name: /Side projects|See all projects/ }).first().waitFor();
    const items = await widget(page).getByRole('listitem').count();
    if (items !== 1) throw new Error(`data-limit="1" showed ${items} projects`);
    const width = await widget(page).evaluate((host) => host.getBoundingClientRect().width);
    if (width > 390) throw new Error(`the widget is ${width}px wide on a 390px screen`);
    await axeWidget(page, 'widget-demo-en-390');
    await shot(page, 'widget-demo-en-390');
  });

  await step(phone, 'sees the empty state for a prefecture without projects', async (page) => {
    await page.goto(SITE + '/empty');
    await widget(page).getByRole('heading', { name: '沖縄県の副業・兼業プロジェクト' }).waitFor();
    await widget(page).getByText('現在募集中のプロジェクトはありません。').waitFor();
    if (await widget(page).getByRole('list').count()) throw new Error('an empty widget shows a list');
  });

  await step(phone, 'sees the error state, and the site’s developer the reason, for a bad tag', async (page) => {
    const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().includes('Kakehashi widget'));
    await page.goto(SITE + '/too-many');
    await widget(page).getByText('プロジェクトを読み込めませんでした。').waitFor();
    const text = (await warned).text();
    if (!text.includes('limit: must be between 1 and 20')) throw new Error(`console said: ${text}`);
    // Retrying after a failed retry moves focus to the button; the first failure does not.
    await widget(page).getByRole('button', { name: 'もう一度読み込む' }).click();
    await widget(page).getByRole('button', { name: 'もう一度読み込む' }).waitFor();
    const focused = await widget(page).evaluate((host) => host.shadowRoot.activeElement?.textContent);
    if (focused !== 'もう一度読み込む') throw new Error(`focus on ${focused}`);
  });

  // The link goes through /embed/click to the posting, with the referral, in a new tab.
  let tab;
  await step(visitor, 'opens the project from the widget', async (page) => {
    [tab] = await Promise.all([
      visitor.context.waitForEvent('page'),
      widget(page).getByRole('link', { name: title }).click(),
    ]);
    await tab.waitForLoadState();
    await tab.getByRole('heading', { name: title }).waitFor();
    const url = new URL(tab.url());
    if (url.origin !== BASE || url.pathname !== `/projects/${projectId}` || url.searchParams.get('ref') !== CODE) {
      throw new Error(`landed on ${tab.url()}`);
    }
    tab.on('pageerror', (e) => visitor.problems.push(`page error: ${e.message}`));
    visitor.page = tab;
  });

  await step(visitor, 'registers as talent in the app', async (page) => {
    await registerTalent(page, talent);
  });

  await step(visitor, 'sees the partner on the account page', async (page) => {
    await go(page, '/me');
    await see(page, '紹介元');
    await see(page, before.partner.name);
    await shot(page, 'me-referred-ja-1280');
  });

  await step(visitor, 'applies to the project', async (page) => {
    // The profile is not what this script is about: saved through the API.
    const token = await login(talent.email, talent.password);
    await api('PUT', '/api/v1/talents/me', {
      token,
      body: {
        headline: '旅行予約サイトを3つ立ち上げたWebディレクター',
        bio: '旅行会社で予約サイトの立ち上げと多言語化を担当してきました。遠野の民泊を海外の旅行者に届けたいと考えています。',
        skills: [{ code: 'ec_site_management', years: 8 }],
        challenges: ['ec', 'promotion'],
        residence_prefecture_code: '13',
        residence_country: null,
        ties: [{ prefecture_code: '03', kind: 'fan' }],
        age_band: '30s',
        employer_type: 'it_company',
        available_hours_per_month: 20,
        onsite_days_per_month: 1,
        desired_monthly_fee: 80000,
        remote_only: false,
        contract_types: ['quasi_mandate'],
        motivations: ['contribution'],
        discoverable: true,
        has_liability_insurance: false,
        has_side_job_permission: true,
        phone: null,
      },
    });
    await go(page, `/projects/${projectId}`);
    await follow(page, 'この案件に応募する');
    await fill(page, '提案', '予約サイトの立ち上げ経験を活かし、最初の1か月で予約の流れを整理し、3か月で多言語の予約ページを公開します。');
    await fill(page, '予約サイトや業務システムの立ち上げに関わった経験を教えてください。', '旅行会社で国内外向けの予約サイトを3つ立ち上げました。');
    await press(page, 'この内容で応募する');
    await see(page, '応募しました。');
    await see(page, '紹介元');
  });

  // A link whose code no partner has, and a code kept longer than 30 days, attribute
  // nothing and block no one; the app forgets them.
  for (const [name, arrive, age] of [['stale-link', '/?ref=gone-partner', 0], ['old-link', `/?ref=${CODE}`, 31]]) {
    const late = await person(browser, name, { viewport: PHONE });
    people.push(late);
    await step(late, `registers after ${name === 'stale-link' ? 'a stale link' : 'a link 31 days old'}, unattributed`, async (page) => {
      await go(page, arrive);
      // The app keeps the code as soon as it starts, whatever the page.
      await page.waitForFunction(() => localStorage.getItem('kakehashi.referral'));
      if (age) {
        await page.evaluate((days) => {
          const kept = JSON.parse(localStorage.getItem('kakehashi.referral'));
          kept.expires_at = Date.now() - (days - 30) * 86400000;
          localStorage.setItem('kakehashi.referral', JSON.stringify(kept));
        }, age);
      }
      await registerTalent(page, {
        name: `${name} ${stamp}`,
        email: `${name}-${stamp}@e2e.kakehashi.test`,
        password: 'late-visitor-2026',
      });
      await go(page, '/me');
      await see(page, 'アカウントの種類');
      if (await page.locator('main').getByText('紹介元').count()) throw new Error('attributed to a partner');
      if (await page.evaluate(() => localStorage.getItem('kakehashi.referral'))) throw new Error('the code was kept');
    });
  }

  await step(visitor, 'is counted in the partner’s figures', async () => {
    const after = await figures();
    const grew = (k) => after.funnel[k] - before.funnel[k];
    if (grew('talents') !== 1 || grew('applications') !== 1) {
      throw new Error(`partner figures before ${JSON.stringify(before.funnel)}, after ${JSON.stringify(after.funnel)}`);
    }
    console.log(`partner ${CODE}: talents ${before.funnel.talents} → ${after.funnel.talents}, applications ${before.funnel.applications} → ${after.funnel.applications}`);
    // The three widget pages above were three views; the project link one click.
    const views = after.widget.views - before.widget.views;
    const clicks = after.widget.clicks - before.widget.clicks;
    if (views !== 3 || clicks !== 1) throw new Error(`widget views +${views}, clicks +${clicks}`);
  });

  // Another origin: the browser gets no grant, so neither the widget nor the page reads data.
  const stranger = await browser.newContext({ viewport: DESKTOP, locale: 'ja-JP' });
  const strangerPage = await stranger.newPage();
  await step({ name: 'stranger-site', page: strangerPage }, 'gets no CORS grant on another origin', async (page) => {
    await page.goto(OTHER_SITE + '/');
    await widget(page).getByText('プロジェクトを読み込めませんでした。').waitFor();
    await widget(page).getByRole('button', { name: 'もう一度読み込む' }).waitFor();
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'read';
      } catch (e) {
        return `blocked: ${e.name}`;
      }
    }, `${BASE}/embed/projects?partner=${CODE}&prefecture=03`);
    if (outcome === 'read') throw new Error('a page on another origin read the widget data');
    await shot(page, 'widget-demo-refused');
  });
  await stranger.close();

  // The partner's own origin reads the same address (the control for the step above).
  await step(phone, 'reads the data from the partner’s origin', async (page) => {
    await page.goto(SITE + '/');
    const outcome = await page.evaluate(async (url) => (await fetch(url)).status, `${BASE}/embed/projects?partner=${CODE}&prefecture=03`);
    if (outcome !== 200) throw new Error(`status ${outcome}`);
  });

  finish('widget', people);
} finally {
  await browser.close();
  site.close();
}
