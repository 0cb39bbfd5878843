import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = 'http://127.0.0.1:3000';

/**
 * Client build: three pages (start, audience, remote) from `client/` into `dist/client`,
 * assets under `/assets/`, served by the Koa server. Vitest has its own `vitest.config.ts`.
 */
export default defineConfig({
  root: here('./client'),
  base: '/',
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
      },
    },
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/metrics': api },
  },
});
