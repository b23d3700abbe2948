// The first-load budget (≤ 400 KB compressed: wasm, JS, CSS and the page itself), measured as
// a browser receives it: a fresh profile opens the top page and every response's encoded
// body is counted. The other five bundles (loaded when one of their pages is first opened) are counted from the compressed copies the server sends, and so is
// Yew's hello world built the same way, to give each as a ratio of the framework's floor.
// Writes target/e2e-screenshots/first-load.txt; fails when any bundle is over budget.

import {
  existsSync, readdirSync, readFileSync, statSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { launch, person, step, go, see, finish, SHOTS, PHONE } from './lib.mjs';

const BUDGET = 400 * 1000;
const HELLO = process.env.E2E_HELLO_DIST ?? join('target', 'hello-dist');

const brotli11 = (file) => brotliCompressSync(readFileSync(file), {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 22 },
}).length;

// The server writes its compressed copies beside serving, once per build; measure what it
// sends once they are there.
const DIST = process.env.KAKEHASHI_STATIC_DIR ?? join('frontend', 'dist');
const copies = () => readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f))
  .every((f) => existsSync(join(DIST, `${f}.br`)) && existsSync(join(DIST, `${f}.gz`)));
for (let waited = 0; !copies(); waited += 1) {
  if (waited === 180) throw new Error(`the server wrote no compressed copies in ${DIST} within 3 minutes`);
  await new Promise((resolve) => { setTimeout(resolve, 1000); });
}

const browser = await launch();
const visitor = await person(browser, 'first-visit', { viewport: PHONE });
const received = [];
try {
  await step(visitor, 'opens the top page with nothing cached', async (page) => {
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      const response = await request.response();
      received.push({
        url: new URL(request.url()).pathname,
        encoding: response?.headers()['content-encoding'] ?? 'identity',
        bytes: sizes.responseBodySize,
      });
    });
    await go(page, '/');
    await see(page, '地域の企業と、都市のプロ人材をつなぎます。');
    await page.waitForLoadState('networkidle');
  });
} finally {
  await browser.close();
}

// The app's own files; API answers the page asks for are data, not the first load.
const app = received.filter((r) => !r.url.startsWith('/api/'));
const total = app.reduce((sum, r) => sum + r.bytes, 0);
const sent = (file) => statSync(join(DIST, `${file}.br`)).size;
const shell = sent('app.css') + sent('loader.js') + brotli11(join(DIST, 'index.html'));
const bundles = ['account', 'work', 'company', 'hub', 'partner'].map((name) => {
  const bytes = shell + sent(`kakehashi-${name}.js`) + sent(`kakehashi-${name}_bg.wasm`);
  return { name, bytes };
});
const hello = readdirSync(HELLO)
  .filter((f) => /\.(wasm|js)$/.test(f))
  .reduce((sum, f) => sum + brotli11(join(HELLO, f)), 0);
const report = [
  `first load of / (what the browser received, compressed): ${total} bytes = ${(total / 1000).toFixed(1)} KB; budget ${BUDGET / 1000} KB`,
  ...app.map((r) => `  ${r.url}\t${r.encoding}\t${r.bytes}`),
  ...bundles.map((b) => `first load of the ${b.name} bundle (page, CSS, JS and wasm as sent, brotli 11): ${b.bytes} bytes = ${(b.bytes / 1000).toFixed(1)} KB`),
  `Yew hello world, same build, brotli 11: ${hello} bytes = ${(hello / 1000).toFixed(1)} KB`,
  `ratio to the hello world: public ${(total / hello).toFixed(2)}, ${bundles.map((b) => `${b.name} ${(b.bytes / hello).toFixed(2)}`).join(', ')}`,
].join('\n');
writeFileSync(join(SHOTS, 'first-load.txt'), `${report}\n`);
console.log(report);
if (!app.some((r) => r.url.endsWith('.wasm'))) throw new Error('the first load fetched no wasm');
for (const { name, bytes } of [{ name: 'public', bytes: total }, ...bundles]) {
  if (bytes > BUDGET) throw new Error(`the ${name} bundle's first load, ${bytes} bytes, is over the ${BUDGET}-byte budget`);
}
finish('first-load', [visitor]);
