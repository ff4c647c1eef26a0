import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, enableAppointments, startHall, type TestHall } from '../helpers/hall.js';

// An appointment on the day, in real Chromium against a real hall: the kiosk's «لدي موعد» with
// the code typed on its keypad, and read by a scanner (a keyboard typing fast, then Enter); the
// clerk calls the ticket; too early, the kiosk says when to come back; too late, it offers an
// ordinary ticket in one tap; the staff's Appointments area lists the day, cancels one and books
// for a citizen.

const LANDSCAPE = { width: 1920, height: 1080 };
const DESK = { width: 1366, height: 768 };
const B = 1; // Building permits: counter 1
const start = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
let now = start;

let browser: Browser;
let hall: TestHall;
let base: string;
let clerk: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/kiosk-ui/index.html', name: 'the kiosk page' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall({ now: () => now })]);
  base = lanBase(await hall.listen());
  clerk = await hall.login('clerk');
  await enableAppointments(hall, B, { slotMinutes: 15, perSlot: 2 });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  now = start;
});

/** A booking at the hall's `hhmm` today, by the clerk (staff are not rate-limited; tests/e2e/book.test.ts books on /book/). */
async function book(hhmm: string): Promise<{ code: string; start: string }> {
  const at = `2026-11-29T${hhmm}:00.000+03:00`;
  const res = await hall.app.inject({ method: 'POST', url: '/api/appointments', headers: bearer(clerk), payload: { serviceId: B, start: at } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function kiosk(): Promise<Page> {
  context = await browser.newContext({ viewport: LANDSCAPE, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${base}/kiosk/?token=${hall.tokens.kiosk}`);
  await page.getByRole('button', { name: 'لدي موعد' }).click();
  await page.getByRole('heading', { name: 'لدي موعد' }).waitFor();
  // The scanner's input has the focus once the screen is up; a scan needs a hand, slower than that.
  await expect.poll(() => page.getByLabel('رمز الموعد').evaluate((input) => input === document.activeElement)).toBe(true);
  return page;
}

/** The kiosk is not zoomed on purpose (tests/e2e/a11y.test.ts allows it there alone). */
const KIOSK = { allow: ['meta-viewport'] };
const ticketTag = (page: Page) => page.locator('.appointment-tag');
const appointment = async (code: string) => (await hall.app.inject({ method: 'GET', url: `/api/appointments/${code}` })).json();
const statusOf = async (code: string) => (await appointment(code)).status;

describe('check-in at the kiosk', () => {
  it('takes a code typed on the keypad in Arabic-Indic digits; the ticket says «موعد ١٠:٤٥», and the clerk calls it', async () => {
    const { code } = await book('10:45');
    const page = await kiosk();
    expect(await page.locator('.keypad [data-key="7"]').textContent()).toBe('٧');
    await expectAccessible(page, KIOSK);
    for (const digit of code) await page.locator(`.keypad [data-key="${digit}"]`).click();
    expect(await page.locator('.appointment-code').getAttribute('data-code')).toBe(code);
    await page.getByRole('button', { name: 'تسجيل الحضور' }).click();

    await expect.poll(() => ticketTag(page).textContent()).toBe('موعد ١٠:٤٥');
    const number = (await page.locator('.ticket-number').getAttribute('data-number'))!;
    expect(await statusOf(code)).toBe('checked_in');

    // Nobody else waits: counter 1 calls the appointment (early, since it would otherwise stay idle).
    const called = await hall.app.inject({ method: 'POST', url: '/api/counters/1/next', headers: bearer(clerk) });
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json().number).toBe(number);
    await hall.app.inject({ method: 'POST', url: `/api/tickets/${called.json().id}/complete`, headers: bearer(clerk) });
  });

  it('checks in at once when a scanner types the code and Enter', async () => {
    const { code } = await book('11:00');
    const page = await kiosk();
    // Stray keys a while before the scan do not stick to the code.
    await page.keyboard.type('12');
    await page.waitForTimeout(1200);
    // A USB scanner is a keyboard: a few milliseconds between characters, then Enter, no tap.
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => ticketTag(page).textContent()).toBe('موعد ١١:٠٠');
    expect(await statusOf(code)).toBe('checked_in');
  });

  it('says a wrong code is wrong and keeps the keypad', async () => {
    const page = await kiosk();
    await page.keyboard.type('99999999', { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByText('لا يوجد موعد بهذا الرمز').waitFor();
    expect(await page.locator('.keypad').count()).toBe(1);
  });

  it('too early: says when the appointment is and to come back', async () => {
    const { code } = await book('11:30'); // check-in opens at 10:30
    const page = await kiosk();
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByText('لم يحن وقت موعدك بعد').waitFor();
    await expectAccessible(page, KIOSK);
    await page.getByText('موعدك الساعة ١١:٣٠').waitFor();
    expect(await page.getByRole('button', { name: 'خذ دوراً عادياً' }).count()).toBe(0);
    expect(await statusOf(code)).toBe('booked');
  });

  it('too late: says so and gives an ordinary ticket for the same service in one tap', async () => {
    const { code } = await book('10:30');
    now = Date.parse('2026-11-29T07:46:00Z'); // 10:46, sixteen minutes past the slot
    const page = await kiosk();
    await page.keyboard.type(code, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByText('فات وقت تسجيل الحضور لموعدك').waitFor();
    await page.getByText('موعدك الساعة ١٠:٣٠').waitFor();
    await page.getByRole('button', { name: 'خذ دوراً عادياً' }).click();
    await page.locator('.ticket-number').waitFor();
    expect(await ticketTag(page).count()).toBe(0);
    expect(await page.locator('.ticket-service').textContent()).toBe('رخص البناء');
  });
});

describe("the staff's Appointments area", () => {
  it("lists the day's bookings by service and cancels one", async () => {
    const { code } = await book('11:15');
    context = await browser.newContext({ viewport: DESK });
    const page = await context.newPage();
    await page.goto(`${base}/clerk/?lang=en`);
    await page.getByLabel('Username').fill('clerk');
    await page.getByLabel('Password').fill(hall.adminPassword);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('link', { name: 'Appointments' }).click();
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.getByText('Booked').waitFor();
    await expectAccessible(page);
    await row.getByRole('button', { name: `Cancel appointment: ${code}` }).click();
    await row.getByText('Cancelled').waitFor();
    expect(await statusOf(code)).toBe('cancelled');

    // Booking for a citizen at the counter: a free time of the day, and the code to tell them.
    const form = page.getByRole('region', { name: 'Book for a citizen' });
    const slot = form.locator('.slot-grid button').first();
    const start = (await slot.getAttribute('data-start'))!;
    await slot.click();
    const booked = (await form.locator('strong[data-code]').getAttribute('data-code'))!;
    expect(await appointment(booked)).toMatchObject({ serviceId: B, status: 'booked' });
    expect(Date.parse((await appointment(booked)).start)).toBe(Date.parse(start));
    await page.locator(`tr[data-code="${booked}"]`).getByText('Booked').waitFor();
  });
});

describe("the admin's service form", () => {
  it('turns appointments on for a service, with its slot length and citizens per slot', async () => {
    context = await browser.newContext({ viewport: DESK });
    const page = await context.newPage();
    await page.goto(`${base}/clerk/?lang=en#/admin/services`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(hall.adminPassword);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const service = (await (await hall.app.inject({ method: 'GET', url: '/api/services' })).json()).find((s: { id: number }) => s.id === 2);
    await page.getByRole('button', { name: `Edit ${service.name.en}` }).click();
    const form = page.getByRole('form', { name: 'Edit service' });
    await form.getByLabel('Takes appointments').check();
    await form.getByLabel('Slot length (minutes)').fill('3');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('at least 5', { exact: false }).waitFor();
    await form.getByLabel('Slot length (minutes)').fill('20');
    await form.getByLabel('Citizens per slot').fill('1');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    const saved = (await (await hall.app.inject({ method: 'GET', url: '/api/services' })).json()).find((s: { id: number }) => s.id === 2);
    expect(saved.appointments).toMatchObject({ enabled: true, slotMinutes: 20, perSlot: 1 });
  });
});
