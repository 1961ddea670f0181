/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The console talks to one origin: `npm start` serves the build and proxies `/api/<service>/…`.
 * The dev server proxies the same paths to a running `npm start` (3000 + ONEWINDOW_PORT_OFFSET).
 */
const gatewayPort = 3000 + Number(process.env.ONEWINDOW_PORT_OFFSET ?? 0);

export default defineConfig({
  root: consoleRoot,
  base: '/',
  plugins: [
    vue(),
    // Element Plus per component: only the components a page uses (and their CSS) reach its chunk.
    Components({
      dirs: [],
      dts: fileURLToPath(new URL('./components.d.ts', import.meta.url)),
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Plain TypeScript shared with the services: the form format and its helpers (no Node-only imports).
      '@onewindow/forms': fileURLToPath(new URL('../../libs/forms/src/index.ts', import.meta.url)),
      '@onewindow/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/console`,
    emptyOutDir: true,
    // The budget (first load under 1 MB gzip) is measured by bench/src/console; this only quiets
    // Vite about chunks that are large before compression.
    chunkSizeWarningLimit: 900,
    // bench/src/console reads it to know which files a first visit to each page fetches.
    manifest: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${gatewayPort}`, changeOrigin: false } },
  },
  test: {
    root: consoleRoot,
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    server: { deps: { inline: ['element-plus'] } },
  },
});
