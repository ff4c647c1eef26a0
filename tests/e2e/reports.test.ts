import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, lanBase, launchBrowser, unservedCharacters } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The reports page in real Chromium: a supervisor opens #/reports (today, by service), the
// table shows today's visit with Arabic labels and the hall's digits, and the CSV downloads with
// its byte-order mark and Arabic intact. One page, one visit: lean on a shared machine.

let browser: Browser;
let hall: TestHall;
let base: string;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the staff app' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall()]);
  base = lanBase(await hall.listen());
  // One visit: issued at the kiosk for Building permits, called, served.
  const clerk = await hall.login('clerk');
  const post = (url: string, token: string, payload?: object) =>
    hall.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': 'e2e-reports' }, ...(payload ? { payload } : {}) });
  expect((await post('/api/tickets', hall.tokens.kiosk, { serviceId: 1 })).statusCode).toBe(201);
  const ticket = (await post('/api/counters/1/next', clerk)).json();
  expect((await post(`/api/tickets/${ticket.id}/complete`, clerk)).statusCode).toBe(200);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

describe('reports page', () => {
  it('shows the table to a supervisor, and the CSV link works', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/clerk/#/reports`);
      await page.getByLabel(/Username|اسم المستخدم/).fill('supervisor');
      await page.getByLabel(/Password|كلمة المرور/).fill(hall.adminPassword);
      await page.getByRole('button', { name: /Log in|تسجيل الدخول/ }).click();
      if (!page.url().includes('#/reports')) await page.goto(`${base}/clerk/#/reports`);

      const table = page.locator('table.reports-table');
      await table.waitFor({ timeout: 15_000 });
      const row = table.locator('tbody tr', { hasText: 'رخص البناء' });
      await expect.poll(() => row.locator('td').first().textContent()).toBe('١'); // issued, in Arabic-Indic digits
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/^dawr-report-service-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('رخص البناء');
      expect(text).toContain('التذاكر الصادرة');

      await page.getByRole('button', { name: 'English', exact: true }).click();
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
      expect(await unservedCharacters(page)).toEqual([]); // every character in a font the page brings (no ≤)
    } finally {
      await context.close();
    }
  }, 60_000);

  it("shows its dates in the hall's words and digits whatever the browser's locale, and says how times are written", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/clerk/#/reports`);
      await page.getByLabel('اسم المستخدم').fill('supervisor');
      await page.getByLabel('كلمة المرور').fill(hall.adminPassword);
      await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
      if (!page.url().includes('#/reports')) await page.goto(`${base}/clerk/#/reports`);
      await page.locator('table.reports-table').waitFor({ timeout: 15_000 });

      expect(await page.locator('input[type="date"], input[type="time"]').count()).toBe(0);
      const from = page.getByRole('group', { name: 'من تاريخ', exact: true });
      const shown = () => from.locator('select').evaluateAll((lists) => lists.map((l) => (l as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''));
      const [day, month, year] = await shown();
      expect(day).toMatch(/^[٠-٩]+$/);
      expect(month).toMatch(/^[\u0600-\u06FF ]+$/);
      expect(year).toMatch(/^[٠-٩]{4}$/);
      expect(await page.locator('.reports-filters').textContent()).not.toMatch(/[0-9]/);

      // Months by their Syrian names, January first.
      const months = await from.getByRole('combobox', { name: 'من تاريخ: الشهر' }).locator('option').allTextContents();
      expect(months.slice(0, 2)).toEqual(['كانون الثاني', 'شباط']);
      expect(months).toContain(month);
      await from.getByRole('combobox', { name: 'من تاريخ: اليوم' }).selectOption('1');
      await expect.poll(async () => (await shown())[0]).toBe('١');
      // Under an hour a time shows as m:ss, and the note says so.
      expect(await page.locator('table.reports-table caption').textContent()).toContain('بالدقائق والثواني (د:ث)');
    } finally {
      await context.close();
    }
  }, 60_000);

  it("in French: the table and the CSV in French, the printed Hijri date in the hall's calendar", async () => {
    // Algiers on the Hijri new year 1448: 2 Muharram by Umm al-Qura, 1 by the tabular calendar the hall chose.
    const algiers = await startHall({ seed: 'demo-fr', now: () => Date.parse('2026-06-17T10:00:00+01:00') });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    try {
      const admin = await algiers.login();
      const patch = await algiers.app.inject({ method: 'PATCH', url: '/api/admin/hall', headers: bearer(admin), payload: { settings: { hijriCalendar: 'islamic-civil' } } });
      expect(patch.statusCode, patch.body).toBe(200);
      expect((await algiers.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(algiers.tokens.kiosk), payload: { serviceId: 1 } })).statusCode).toBe(201);

      const page = await context.newPage();
      await page.goto(`${lanBase(await algiers.listen())}/clerk/?lang=fr#/reports`);
      await page.locator('input[name="username"]').fill('supervisor');
      await page.locator('input[name="password"]').fill(algiers.adminPassword);
      await page.locator('input[name="password"]').press('Enter');
      const row = page.locator('table.reports-table tbody tr', { hasText: 'Permis de construire' });
      await expect.poll(() => row.locator('td').first().textContent(), { timeout: 15_000 }).toBe('1');
      expect(await page.locator('.reports-print-head').textContent()).toContain('mercredi 17 juin 2026 · 1 mouharram 1448 AH');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
      const lines = readFileSync((await download.path())!, 'utf8').slice(1).split('\r\n').map((line) => line.split(','));
      expect(lines[0]!.slice(0, 3)).toEqual(['Code', 'Libellé', 'Tickets délivrés']);
      expect(lines[1]!.slice(0, 3)).toEqual(['B', 'Permis de construire', '1']);
    } finally {
      await context.close();
      await algiers.close();
    }
  }, 60_000);
});
