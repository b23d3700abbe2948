/*! Kakehashi widget: a partner's region's open side projects, on the partner's own site.
 *
 *   <script src="https://HOST/widget.js" data-partner="CODE" data-prefecture="03"
 *           data-limit="5" data-lang="ja"></script>
 *
 * Plain JavaScript, no framework, no eval, no inline handlers. It renders into a Shadow DOM
 * host placed right after its own <script>, so the page's CSS cannot reach inside, and it
 * writes every text from the server with textContent, so a title cannot become markup.
 * Data comes from the script's own origin (/embed/projects), which grants CORS only to the
 * partner's registered origins. See docs/partners.md.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.parentNode) return;

  var data = script.dataset || {};
  var base = new URL(script.src, location.href).origin;
  var lang = data.lang === 'en' ? 'en' : 'ja';

  var TEXT = {
    ja: {
      title: function (region) { return region ? region + 'の副業・兼業プロジェクト' : '地域の副業・兼業プロジェクト'; },
      loading: 'プロジェクトを読み込んでいます…',
      error: 'プロジェクトを読み込めませんでした。',
      retry: 'もう一度読み込む',
      empty: '現在募集中のプロジェクトはありません。',
      more: 'すべてのプロジェクトを見る',
      newTab: '（新しいタブで開きます）',
      remote: 'リモート可',
      fee: function (yen) {
        return yen % 10000 === 0 ? '月額' + (yen / 10000).toLocaleString('ja-JP') + '万円' : '月額' + yen.toLocaleString('ja-JP') + '円';
      },
      hours: function (h) { return '月' + h + '時間'; },
      until: function (date) { return date + 'まで'; },
      by: 'Kakehashi（架け橋）',
      locale: 'ja-JP'
    },
    en: {
      title: function (region) { return region ? 'Side projects in ' + region : 'Side projects in the region'; },
      loading: 'Loading projects…',
      error: 'The projects could not be loaded.',
      retry: 'Try again',
      empty: 'No projects are open right now.',
      more: 'See all projects',
      newTab: ' (opens in a new tab)',
      remote: 'Remote OK',
      fee: function (yen) { return '¥' + yen.toLocaleString('en-US') + ' a month'; },
      hours: function (h) { return h + ' h a month'; },
      until: function (date) { return 'Apply by ' + date; },
      by: 'Kakehashi',
      locale: 'en-GB'
    }
  }[lang];

  var CSS =
    ':host{all:initial!important;display:block!important;contain:content}' +
    '.kw{box-sizing:border-box;font:16px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;color:#1f2328;background:#fff;' +
    'border:1px solid #d0d7de;border-radius:8px;padding:16px;max-width:640px;text-align:left}' +
    '.kw *{box-sizing:border-box}' +
    'h2{font-size:18px;line-height:1.4;margin:0 0 12px;color:#1f2328;font-weight:700}' +
    'ul{list-style:none;margin:0;padding:0}' +
    'li{padding:10px 0;border-top:1px solid #eaeef2}' +
    'li:first-child{border-top:0}' +
    'a{color:#0b57d0;text-decoration:underline;text-underline-offset:2px;font-weight:600}' +
    'a:hover{color:#083f99}' +
    'a:focus-visible,button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px;border-radius:2px}' +
    '.meta{margin:4px 0 0;font-size:14px;color:#4d5761}' +
    '.meta span+span:before{content:"・"}' +
    '.status{margin:0;font-size:15px;color:#4d5761}' +
    '.error{color:#a40e26}' +
    'button{font:inherit;font-size:15px;margin-top:8px;padding:6px 14px;min-height:44px;border:1px solid #0b57d0;border-radius:6px;background:#fff;color:#0b57d0;cursor:pointer}' +
    'button:hover{background:#eef4ff}' +
    '.foot{margin:12px 0 0;font-size:14px;display:flex;flex-wrap:wrap;gap:4px 16px;justify-content:space-between}' +
    '.by{color:#4d5761}' +
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // Links open the site in a new tab (the reader stays on the partner's page) and say so.
  function link(href, text) {
    var a = el('a', null, text);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.appendChild(el('span', 'sr', TEXT.newTab));
    return a;
  }

  // Only paths on the widget's own origin are followed, whatever the answer says.
  function onBase(path) {
    var url = new URL(String(path), base);
    return url.origin === base ? url.href : base + '/';
  }

  function date(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    try {
      return new Intl.DateTimeFormat(TEXT.locale, { month: 'short', day: 'numeric', timeZone: 'Asia/Tokyo' }).format(d);
    } catch (e) {
      return d.toISOString().slice(0, 10);
    }
  }

  var host = el('div');
  host.setAttribute('data-kakehashi-widget', '');
  script.parentNode.insertBefore(host, script.nextSibling);
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;

  // A constructed stylesheet where the browser has them (no <style> element for a strict
  // style-src to weigh), a <style> element in the shadow root otherwise.
  var adopted = false;
  if (root !== host && 'adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      adopted = true;
    } catch (e) {
      adopted = false;
    }
  }
  var box = el('section', 'kw');
  var headingId = 'kw-title';
  box.setAttribute('aria-labelledby', headingId);
  var heading = el('h2', null, TEXT.title(''));
  heading.id = headingId;
  var body = el('div');
  body.setAttribute('aria-live', 'polite');
  box.appendChild(heading);
  box.appendChild(body);
  if (!adopted) {
    var style = el('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
  root.appendChild(box);

  function show(nodes) {
    while (body.firstChild) body.removeChild(body.firstChild);
    for (var i = 0; i < nodes.length; i++) body.appendChild(nodes[i]);
  }

  function item(p) {
    var li = el('li');
    li.appendChild(link(onBase(p.url), p.title));
    var meta = el('p', 'meta');
    var facts = [
      p.company_name,
      [p.prefecture_name, p.municipality].join(' ').trim(),
      typeof p.monthly_fee === 'number' ? TEXT.fee(p.monthly_fee) : '',
      typeof p.hours_per_month === 'number' ? TEXT.hours(p.hours_per_month) : '',
      p.remote_allowed ? TEXT.remote : '',
      p.recruitment_closes_at ? TEXT.until(date(p.recruitment_closes_at)) : ''
    ];
    for (var i = 0; i < facts.length; i++) {
      if (facts[i]) meta.appendChild(el('span', null, facts[i]));
    }
    li.appendChild(meta);
    return li;
  }

  function render(page) {
    heading.textContent = TEXT.title(page.prefecture_name || '');
    var nodes = [];
    if (!page.items || page.items.length === 0) {
      nodes.push(el('p', 'status', TEXT.empty));
    } else {
      var list = el('ul');
      for (var i = 0; i < page.items.length; i++) list.appendChild(item(page.items[i]));
      nodes.push(list);
    }
    var foot = el('p', 'foot');
    foot.appendChild(link(onBase(page.more_url), TEXT.more));
    foot.appendChild(el('span', 'by', TEXT.by));
    nodes.push(foot);
    show(nodes);
  }

  // Focus moves to the retry button only after the reader asked to retry: on the first
  // load the widget must not pull focus away from the page.
  var retried = false;

  function failed() {
    var retry = el('button', null, TEXT.retry);
    retry.type = 'button';
    retry.addEventListener('click', function () {
      retried = true;
      load();
    });
    show([el('p', 'status error', TEXT.error), retry]);
    if (retried) retry.focus();
  }

  function load() {
    show([el('p', 'status', TEXT.loading)]);
    body.setAttribute('aria-busy', 'true');
    var query = new URLSearchParams();
    query.set('partner', data.partner || '');
    if (data.prefecture) query.set('prefecture', data.prefecture);
    if (data.limit) query.set('limit', data.limit);
    query.set('lang', lang);
    fetch(base + '/embed/projects?' + query.toString(), { credentials: 'omit', mode: 'cors' })
      .then(function (res) {
        if (!res.ok) {
          return res.json().then(function (problem) {
            // Name the attribute to fix: data-limit="50" is `limit: must be between 1 and 20`.
            var fields = (problem.errors || []).map(function (e) { return e.field + ': ' + e.message; });
            throw new Error(fields.length ? fields.join('; ') : problem.detail || problem.title || String(res.status));
          }, function () { throw new Error(String(res.status)); });
        }
        return res.json();
      })
      .then(function (page) {
        body.removeAttribute('aria-busy');
        render(page);
      }, function (err) {
        body.removeAttribute('aria-busy');
        // For the site's developers: why the widget is empty (a wrong code, an origin not
        // registered for the partner, …).
        if (window.console) console.warn('Kakehashi widget:', err && err.message);
        failed();
      });
  }

  load();
})();
