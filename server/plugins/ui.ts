import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths.js';

const UI_DIR = join(ROOT, 'dist', 'ui');
const FONTS_DIR = join(ROOT, 'assets', 'fonts', 'web');

/** Public address → built page (see vite.config.ts). */
export const UI_PAGES: [address: string, html: string][] = [
  ['/kiosk/', 'kiosk-ui/index.html'],
  ['/t/:trackingCode', 'kiosk-ui/track.html'],
  ['/join', 'kiosk-ui/join.html'],
  ['/book/', 'kiosk-ui/book.html'],
  ['/display/', 'display-ui/index.html'],
  ['/counter-display/', 'display-ui/counter.html'],
  ['/clerk/', 'clerk-ui/index.html'],
];

/**
 * Serves the built UIs: assets under /ui/, each page at its address; and the web fonts under
 * /fonts/ for pages Vite does not build (the built ones carry their own copies in /ui/).
 */
export default fp<{ pages?: [address: string, html: string][] }>(
  async (app, opts) => {
    await app.register(fastifyStatic, {
      root: UI_DIR,
      prefix: '/ui/',
      wildcard: true,
      allowedPath: () => existsSync(UI_DIR),
      maxAge: '1h',
    });
    await app.register(fastifyStatic, { root: FONTS_DIR, prefix: '/fonts/', decorateReply: false, maxAge: '1d' });
    for (const [address, html] of opts.pages ?? UI_PAGES) {
      app.get(address, { schema: { hide: true } }, async (_request, reply) => {
        const file = join(UI_DIR, html);
        if (!existsSync(file)) {
          return reply
            .status(503)
            .type('text/plain; charset=utf-8')
            .send(`This page is not built. Run "npm run build" (or "npm start", which builds when needed).`);
        }
        return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile(html, UI_DIR);
      });
    }
  },
  { name: 'ui' },
);
