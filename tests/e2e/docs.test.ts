import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { lanBase, launchBrowser } from '../helpers/browser.js';
import { startHall, type TestHall } from '../helpers/hall.js';

// The API docs (Swagger UI) open from the hall's LAN like the screens do: over plain HTTP, every
// asset loads (a failed request fails the test).

let browser: Browser;
let hall: TestHall;
let base: string;

beforeAll(async () => {
  [browser, hall] = await Promise.all([launchBrowser(), startHall()]);
  base = lanBase(await hall.listen());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('the API docs', () => {
  it('show the API from http://hall.test', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/docs`);
      await page.locator('.swagger-ui .info .title', { hasText: 'Dawr' }).waitFor();
      await page.locator('.opblock-summary-path', { hasText: '/api/tickets' }).first().waitFor();
    } finally {
      await page.close();
    }
  });
});
