import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { defineConfig } from 'vite';

// One build for every UI: pages share chunks (Preact, ui-kit) and land in dist/ui, served by
// Fastify under /ui/ and mapped to their addresses (/kiosk/, /display/, …) by server/plugins/ui.ts.
// A page is built once its HTML exists.
export const PAGES: Record<string, string> = {
  kiosk: 'kiosk-ui/index.html',
  track: 'kiosk-ui/track.html',
  join: 'kiosk-ui/join.html',
  book: 'kiosk-ui/book.html',
  display: 'display-ui/index.html',
  counter: 'display-ui/counter.html',
  clerk: 'clerk-ui/index.html',
  city: 'city-ui/index.html',
  waits: 'city-ui/waits.html',
};

export default defineConfig({
  plugins: [preact()],
  base: '/ui/',
  publicDir: false,
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: Object.fromEntries(Object.entries(PAGES).filter(([, file]) => existsSync(file))),
    },
  },
});
