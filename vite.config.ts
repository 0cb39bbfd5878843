import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type HtmlTagDescriptor, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
/** The API server `npm run dev` runs; `PODIUM_API` points elsewhere. */
const api = process.env.PODIUM_API ?? 'http://127.0.0.1:3000';
// Anchored patterns: a bare '/api' prefix would also swallow the module /api.ts.
const proxy = { '^/api/': api, '^/healthz$': api, '^/metrics$': api };

/** In `vite` dev and preview, serve the page routes the Koa server serves in production. */
const rewritePageRoutes: Connect.NextHandleFunction = (req, _res, next) => {
  const path = (req.url ?? '').split(/[?#]/)[0] ?? '';
  if (/^\/d\/[^/]+\/remote\/?$/.test(path)) req.url = '/remote.html';
  else if (/^\/d\/[^/]+\/report\/?$/.test(path)) req.url = '/report.html';
  else if (/^\/d\/[^/]+\/present\/?$/.test(path)) req.url = '/present.html';
  else if (/^\/d\/[^/]+\/?$/.test(path)) req.url = '/audience.html';
  next();
};

/** The head every page shares, put before each page's own title, styles and script. */
const PAGE_HEAD: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' } },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' } },
  { tag: 'meta', attrs: { name: 'color-scheme', content: 'light dark' } },
  { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' } },
  { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' } },
  { tag: 'link', attrs: { rel: 'stylesheet', href: '/styles/page.css' } },
].map((tag) => ({ ...tag, injectTo: 'head-prepend' }));

/**
 * The pages' routes in dev and preview, and their shared head: each `client/*.html` holds only
 * its title, script, element and extra styles; the rest comes from PAGE_HEAD ('pre', so the
 * build bundles page.css as it bundles a page's own links).
 */
function podiumPages(): Plugin {
  return {
    name: 'podium-pages',
    configureServer: (server) => void server.middlewares.use(rewritePageRoutes),
    configurePreviewServer: (server) => void server.middlewares.use(rewritePageRoutes),
    transformIndexHtml: { order: 'pre', handler: () => PAGE_HEAD },
  };
}

/** The service worker as written, with `__PODIUM_BUILD__` where the build's id goes. */
async function serviceWorker(build: string): Promise<string> {
  const source = await readFile(here('./client/sw.js'), 'utf8');
  return source.replace('__PODIUM_BUILD__', build);
}

/**
 * `/sw.js`, named after the build so each build keeps its own offline cache (the worker drops the
 * others when it activates): the id is a hash of the bundle's file names, which name their bytes.
 * The dev server serves it with the id `dev`.
 */
function podiumServiceWorker(): Plugin {
  return {
    name: 'podium-service-worker',
    enforce: 'post',
    configureServer: (server) =>
      void server.middlewares.use('/sw.js', (_req, res, next) => {
        serviceWorker('dev').then((source) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(source);
        }, next);
      }),
    async generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/'))
        .sort();
      const build = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: await serviceWorker(build) });
    },
  };
}

/**
 * Client build: five pages (start, audience, remote, presenter view, report) from `client/` into `dist/client`,
 * assets under `/assets/`, served by the Koa server. Vitest has its own `vitest.config.ts`.
 */
export default defineConfig({
  root: here('./client'),
  base: '/',
  appType: 'mpa',
  plugins: [podiumPages(), podiumServiceWorker()],
  publicDir: here('./client/public'),
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // No inline <script> or data: module preloads, so a strict CSP holds on every page.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        index: here('./client/index.html'),
        audience: here('./client/audience.html'),
        remote: here('./client/remote.html'),
        report: here('./client/report.html'),
        present: here('./client/present.html'),
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
