import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, fontsOfArabicText, lanBase, launchBrowser, loadedFonts, unservedCharacters } from '../helpers/browser.js';
import { startHall, type TestHall } from '../helpers/hall.js';

// Every screen draws its Arabic with the Noto Naskh Arabic the server sends it, not with
// whatever the device has (this machine has no Noto fonts): the same letters on every kiosk,
// TV and phone.

let browser: Browser;
let hall: TestHall;
let base: string;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the staff app' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall()]);
  hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 } });
  base = lanBase(await hall.listen());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('the served fonts', () => {
  it.each([
    ['the landing page', '/'],
    ['the kiosk', '/kiosk/'],
    ['the hall display', '/display/'],
    ['the counter display', '/counter-display/'],
    ['the staff app', '/clerk/'],
    ['the phone page', '/t/not-a-real-code'],
    ['the join page', '/join'],
  ])('%s draws its Arabic with the served Noto Naskh Arabic, and no character outside the served fonts', async (_name, path) => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}${path}`);
      expect(await fontsOfArabicText(page)).toEqual([{ familyName: 'Noto Naskh Arabic', isCustomFont: true }]);
      expect(await loadedFonts(page)).toContain('Noto Naskh Arabic');
      expect(await unservedCharacters(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
