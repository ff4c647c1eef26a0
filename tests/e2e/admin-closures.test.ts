import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, enableAppointments, startHall, type TestHall } from '../helpers/hall.js';

// The admin area in real Chromium against a real hall: the hall form's appointment settings,
// and closure days (one with a booking, whose citizen hears at a local webhook gateway that it
// is cancelled; a reason in Arabic, English and French); on a closed day the kiosk says so, and
// why, in the citizen's language, instead of offering services.

const DESK = { width: 1366, height: 768 };
const LANDSCAPE = { width: 1920, height: 1080 };
const B = 1; // Building permits
const now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus

let browser: Browser;
let hall: TestHall;
let base: string;
let admin: string;
let context: BrowserContext | undefined;
let gateway: Server;
const received: any[] = [];

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the staff app' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall({ now: () => now, config: { WEBHOOK_ALLOW_LOCAL: true } })]);
  base = lanBase(await hall.listen());
  admin = await hall.login('admin');
  await enableAppointments(hall, B, { slotMinutes: 15, perSlot: 2 });
  gateway = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => (received.push(JSON.parse(data)), res.writeHead(204).end()));
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  hall.setSettings({ notify: { enabled: true, webhookUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`, position: 3 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
  await new Promise((resolve) => gateway?.close(resolve));
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

const api = async (method: 'GET' | 'POST', url: string, payload?: object) =>
  (await hall.app.inject({ method, url, headers: bearer(admin), payload })).json();

async function adminPage(section: string, lang: 'ar' | 'en' = 'en'): Promise<Page> {
  context = await browser.newContext({ viewport: DESK });
  const page = await context.newPage();
  await page.clock.setFixedTime(now); // the browser's today is the hall's
  await page.goto(`${base}/clerk/?lang=${lang}#/admin/${section}`);
  await page.getByLabel(lang === 'en' ? 'Username' : 'اسم المستخدم').fill('admin');
  await page.getByLabel(lang === 'en' ? 'Password' : 'كلمة المرور').fill(hall.adminPassword);
  await page.getByRole('button', { name: lang === 'en' ? 'Log in' : 'تسجيل الدخول', exact: true }).click();
  return page;
}

const shownDay = (group: Locator) => group.locator('select').evaluateAll((lists) => lists.map((l) => (l as HTMLSelectElement).selectedOptions[0]?.textContent));

describe("the hall form's appointment settings", () => {
  it('are checked as the server checks them, and saved', async () => {
    const page = await adminPage('hall');
    const form = page.getByRole('form', { name: 'Hall' });
    await form.getByLabel('Check-in opens before the slot (minutes)').fill('45');
    await form.getByLabel('Check-in closes after the slot (minutes)').fill('10');
    await form.getByLabel('Book at least this long ahead (minutes)').fill('60');
    await form.getByLabel('Book at most this far ahead (days)').fill('14');
    await form.getByLabel("Most of the counters' time bookable (%)").fill('140');
    await form.getByLabel('One appointment in how many calls while walk-ins are late').fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Must be at most 100.').waitFor();
    await form.getByText('Must be at least 1.').waitFor();

    await form.getByLabel("Most of the counters' time bookable (%)").fill('25');
    await form.getByLabel('One appointment in how many calls while walk-ins are late').fill('1');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved').waitFor();
    expect((await api('GET', '/api/admin/hall')).settings.appointments).toEqual({
      checkInEarlyMinutes: 45,
      checkInLateMinutes: 10,
      minLeadMinutes: 60,
      windowDays: 14,
      maxBookableShare: 0.25,
      appointmentEveryK: 1,
    });
  });

  it('have Arabic labels, and the page stays accessible', async () => {
    const page = await adminPage('hall', 'ar');
    const form = page.getByRole('form', { name: 'الصالة' });
    await form.getByRole('heading', { name: 'المواعيد' }).waitFor();
    expect(await form.getByLabel('أقصى نسبة من وقت الشبابيك تُحجز مواعيدَ (٪)').inputValue()).toBe('25');
    await expectAccessible(page);
  });
});

describe('closure days', () => {
  it("closing a day cancels its booking and tells the citizen; the day is listed, then reopened", async () => {
    const start = '2026-12-01T11:00:00.000+03:00';
    const booked = await hall.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: B, start, phone: '0944000001', lang: 'ar' } });
    expect(booked.statusCode, booked.body).toBe(201);
    const { code } = booked.json();

    const page = await adminPage('closures');
    await page.getByText('No closure days to come.').waitFor();
    const form = page.getByRole('form', { name: 'Close the centre for a day' });
    const day = form.getByRole('group', { name: 'Day', exact: true });
    // Today and the days to come, in the hall's digits: a day before today is not offered.
    expect(await shownDay(day)).toEqual(['29', 'November', '2026']);
    await day.getByRole('combobox', { name: 'Day: Day' }).selectOption('28');
    expect(await shownDay(day)).toEqual(['29', 'November', '2026']);
    await day.getByRole('combobox', { name: 'Day: Month' }).selectOption('12');
    await day.getByRole('combobox', { name: 'Day: Day' }).selectOption('1');
    await form.getByLabel('Reason (Arabic)').fill('عطلة رسمية');
    await form.getByLabel('Reason (English)').fill('Public holiday');
    await form.getByLabel('Reason (French)').fill('Jour férié');
    await form.getByRole('button', { name: 'Close this day' }).click();
    const row = page.getByRole('row', { name: /Tuesday.*1 December 2026.*Public holiday/ });
    await row.waitFor();
    expect(await form.getByLabel('Reason (English)').inputValue()).toBe('');
    expect(await form.getByLabel('Reason (French)').inputValue()).toBe('');

    expect((await hall.app.inject({ method: 'GET', url: `/api/appointments/${code}` })).json().status).toBe('cancelled');
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ kind: 'appointment_cancelled', phone: '0944000001', code, start });
    expect(await api('GET', '/api/admin/closures')).toEqual([{ date: '2026-12-01', reason: { ar: 'عطلة رسمية', en: 'Public holiday', fr: 'Jour férié' } }]);
    await expectAccessible(page);

    // The same day again: the server's refusal, next to the field.
    await day.getByRole('combobox', { name: 'Day: Month' }).selectOption('12');
    await day.getByRole('combobox', { name: 'Day: Day' }).selectOption('1');
    await form.getByRole('button', { name: 'Close this day' }).click();
    await form.getByText('This day is closed already.').waitFor();

    await row.getByRole('button', { name: /^Reopen/ }).click();
    await page.getByText('No closure days to come.').waitFor();
    expect(await api('GET', '/api/admin/closures')).toEqual([]);
  });

  it('a reason in French alone needs the Arabic one first', async () => {
    const page = await adminPage('closures');
    const form = page.getByRole('form', { name: 'Close the centre for a day' });
    await form.getByLabel('Reason (French)').fill('Jour férié');
    await form.getByRole('button', { name: 'Close this day' }).click();
    await expect.poll(() => form.getByLabel('Reason (Arabic)').getAttribute('aria-invalid')).toBe('true');
    expect(await api('GET', '/api/admin/closures')).toEqual([]);
  });

  it('on the closed day, the kiosk says «المركز مغلق اليوم» and why, instead of the services; in French, the French reason', async () => {
    hall.setSettings({ languages: ['ar', 'en', 'fr'] });
    const reason = { ar: 'انقطاع الكهرباء', fr: 'Coupure d’électricité' };
    expect((await hall.app.inject({ method: 'POST', url: '/api/admin/closures', headers: bearer(admin), payload: { date: '2026-11-29', reason } })).statusCode).toBe(201);
    context = await browser.newContext({ viewport: LANDSCAPE, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${base}/kiosk/?token=${hall.tokens.kiosk}`);
    await page.getByRole('heading', { name: 'المركز مغلق اليوم' }).waitFor();
    await page.getByText('انقطاع الكهرباء').waitFor();
    expect(await page.getByRole('button', { name: /رخص البناء/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'لدي موعد' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Le centre est fermé aujourd’hui' }).waitFor();
    await page.getByText('Coupure d’électricité').waitFor();
  });
});
