// Starts the app. Kept out of index.html so the Content-Security-Policy needs no inline script
// (docs/SECURITY.md). The app is six bundles (see frontend/src/lib.rs); the address decides
// which one starts. Each bundle's page switch (frontend/src/routes.rs) holds exactly these paths.
const path = location.pathname;
const bundle = /^\/company(\/|$)/.test(path) ? 'company'
  : /^\/(coordinator|admin)(\/|$)/.test(path) ? 'hub'
  : /^\/(stats|partner|integrations)(\/|$)/.test(path) ? 'partner'
  : /^\/(contracts|engagements)(\/|$)|^\/applications\/[^/]+\/(messages|questionnaire)$/.test(path) ? 'work'
  : /^\/(me|talent|applications|scouts|notifications)(\/|$)/.test(path) ? 'account'
  : 'public';
const { default: init } = await import(`/kakehashi-${bundle}.js`);
init({ module_or_path: `/kakehashi-${bundle}_bg.wasm` });
