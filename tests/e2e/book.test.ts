import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { enableAppointments, startHall, type TestHall } from '../helpers/hall.js';

// /book/ on a phone in real Chromium against a real hall: pick a service, a day and a free slot,
// confirm, get the code with its QR and calendar file; open the booking by its code and cancel it.

const PHONE = { width: 375, height: 667 };
const B = 1; // Building permits
const now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus

let browser: Browser;
let hall: TestHall;
let base: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/kiosk-ui/book.html', name: 'the booking page' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall({ now: () => now })]);
  base = lanBase(await hall.listen());
  await enableAppointments(hall, B, { slotMinutes: 15, perSlot: 1 });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function phone(path: string): Promise<Page> {
  context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

const appointment = async (code: string) => (await hall.app.inject({ method: 'GET', url: `/api/appointments/${code}` })).json();
const freeAt = async (start: string) => {
  const res = await hall.app.inject({ method: 'GET', url: `/api/appointments/slots?serviceId=${B}&date=2026-11-29` });
  return (res.json().slots as { start: string; free: number }[]).find((s) => Date.parse(s.start) === Date.parse(start))?.free;
};

describe('/book/', () => {
  it('books a slot in Arabic: code, time, QR, calendar file; then cancels it by its code', async () => {
    const page = await phone('/book/');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { name: 'احجز موعداً' }).waitFor();
    // No name, no ID number anywhere.
    expect(await page.getByText(/الاسم|الرقم الوطني/).count()).toBe(0);

    await page.getByRole('button', { name: 'رخص البناء' }).click();
    await page.getByText('الأوراق المطلوبة').waitFor();
    const slot = page.locator('.b-slot:not([disabled])').first();
    const start = (await slot.getAttribute('data-start'))!;
    expect(Date.parse(start) - now).toBeGreaterThanOrEqual(30 * 60_000);
    await slot.click();
    await page.getByText('حجزنا لك هذا الوقت مؤقتاً').waitFor();
    await expectAccessible(page);
    await page.getByLabel('رقم الهاتف (اختياري)').fill('0933123456');
    await page.getByRole('button', { name: 'تأكيد الحجز' }).click();

    const code = (await page.locator('.b-code').getAttribute('data-code', { timeout: 10_000 }))!;
    expect(code).toMatch(/^\d{4,12}$/);
    expect(new URL(page.url()).searchParams.get('code')).toBe(code);
    expect(await appointment(code)).toMatchObject({ code, serviceId: B, status: 'booked' });
    expect(Date.parse((await appointment(code)).start)).toBe(Date.parse(start));
    expect(await page.locator('.b-booked .qr svg').count()).toBe(1);
    expect(await page.locator('.b-booked .qr').getAttribute('data-url')).toBe(code);
    expect(await freeAt(start)).toBe(0);
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'إضافة إلى التقويم' }).click()]);
    const ics = readFileSync((await download.path())!, 'utf8');
    const utc = new Date(start).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(ics).toContain(`DTSTART:${utc}\r\n`);
    expect(ics).toContain(`/book/?code=${code}`);

    // Reopened by its code (the link in the calendar, a reminder), then cancelled.
    await page.goto(`${base}/book/?code=${code}`);
    await page.getByRole('button', { name: 'إلغاء الموعد' }).click();
    await page.getByRole('button', { name: 'نعم، ألغِ الموعد' }).click();
    await page.getByText('أُلغي هذا الموعد.').waitFor();
    expect((await appointment(code)).status).toBe('cancelled');
    expect(await freeAt(start)).toBe(1);
  });

  it('speaks English left to right, and says so when a code is unknown; every screen passes axe', async () => {
    const page = await phone('/book/?lang=en&code=00000000');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByText('No appointment has this code.').waitFor();
    await page.getByRole('button', { name: 'Book another appointment' }).click();
    await page.getByRole('button', { name: 'Building permits' }).click();
    await page.locator('.b-slot').first().waitFor();
    await expectAccessible(page);
    expect(new URL(page.url()).searchParams.get('code')).toBeNull();
  });
});
