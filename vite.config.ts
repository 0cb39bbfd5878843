import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type Plugin } from 'vite';

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

function podiumPages(): Plugin {
  return {
    name: 'podium-pages',
    configureServer: (server) => void server.middlewares.use(rewritePageRoutes),
    configurePreviewServer: (server) => void server.middlewares.use(rewritePageRoutes),
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
  plugins: [podiumPages()],
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
