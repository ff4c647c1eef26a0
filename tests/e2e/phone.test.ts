import { eq } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ratings, tickets } from '../../db/schema.js';
import { ticketView } from '../../server/hall/views.js';
import { ticketFacts } from '../../server/printing/facts.js';
import { ticketTexts } from '../../server/printing/texts.js';
import { waitLine, waitLineText } from '../../ui-kit/phrases.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The citizen's phone in real Chromium with a phone's screen: the ticket, the call within a
// second (vibration included), a recall that alerts again, the rating, leaving the queue, and a
// ticket taken at /join. One browser and one server for the whole file; SHOTS_DIR=… keeps
// screenshots to look at.

const SMALL = { width: 375, height: 667 };
const LARGE = { width: 412, height: 915 };
const F = 3; // Fees and taxes: counter 4 calls it first
const B = 1; // Building permits: counter 1
const C = 5; // Complaints and inquiries: counters 6 and 7, closed until a test opens one

let browser: Browser;
let hall: TestHall;
let base: string;
let clerk: string;
let context: BrowserContext | undefined;
const now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus: the hall is open

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/kiosk-ui/track.html', name: 'the phone page' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall({ now: () => now })]);
  base = lanBase(await hall.listen());
  clerk = await hall.login('clerk');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function phone(path: string, size = SMALL): Promise<Page> {
  context = await browser.newContext({ viewport: size, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  // Count the vibrations: that is how the page alerts a phone in a pocket.
  await context.addInitScript(() => {
    const w = window as unknown as { buzz: unknown[] };
    w.buzz = [];
    navigator.vibrate = (pattern: VibratePattern) => (w.buzz.push(pattern), true);
  });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

async function shot(page: Page, name: string, fullPage = true) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

const staff = (url: string) => hall.app.inject({ method: 'POST', url, headers: bearer(clerk) });
async function issue(serviceId: number): Promise<{ id: number; number: string; trackingCode: string }> {
  const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId } });
  return res.json();
}
const buzzes = (page: Page) => page.evaluate(() => (window as unknown as { buzz: unknown[] }).buzz.length);
const statusOf = (id: number) => hall.app.conn.db.select().from(tickets).where(eq(tickets.id, id)).get()!.status;

/** Nothing wider than the phone. */
async function expectFitsWidth(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('the ticket on the phone', () => {
  it('shows the ticket, the call within a second, and alerts again on a recall', async () => {
    const t = await issue(F);
    const page = await phone(`/t/${t.trackingCode}`);
    await expect.poll(() => page.locator('.p-number').getAttribute('data-number')).toBe(t.number);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('.p-number').textContent()).toBe('F001');
    expect(await page.getByText('لا أحد أمامك').count()).toBe(1);
    expect(await page.getByText('الرسوم والضرائب').count()).toBeGreaterThan(0);
    expect(await page.getByText('الأوراق المطلوبة').count()).toBe(1);
    await expectFitsWidth(page);
    await shot(page, '1-waiting-ar-375');

    const calledAt = Date.now();
    await staff('/api/counters/4/next');
    const banner = page.getByRole('alert').filter({ hasText: 'توجّه إلى الشباك ٤' });
    await banner.waitFor({ timeout: 1000 });
    expect(Date.now() - calledAt).toBeLessThan(1000);
    expect((await banner.innerText()).replace(/\s+/g, ' ')).toBe('دورك الآن: توجّه إلى الشباك ٤');
    await expect.poll(() => buzzes(page)).toBe(1);
    await shot(page, '2-called-ar-375');

    await staff(`/api/tickets/${t.id}/recall`);
    await page.getByText('أُعيد النداء').waitFor({ timeout: 1000 });
    await expect.poll(() => buzzes(page)).toBe(2);
    await shot(page, '3-recalled-ar-375');
    await staff(`/api/tickets/${t.id}/complete`);
  });

  it('saves a one-tap rating and an optional comment (English)', async () => {
    const t = await issue(F);
    const page = await phone(`/t/${t.trackingCode}?lang=en`, LARGE);
    await page.getByText('No one ahead of you').waitFor();
    await shot(page, '4a-waiting-en-412');
    await staff('/api/counters/4/next');
    await page.getByRole('alert').filter({ hasText: 'Your turn: go to counter 4' }).waitFor({ timeout: 1000 });
    await shot(page, '4b-called-en-412');
    await staff(`/api/tickets/${t.id}/complete`);

    await page.getByText('How was the service today?').waitFor();
    for (const name of ['Unhappy', 'Okay', 'Happy']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    await shot(page, '4-rating-en-412');
    await page.getByRole('button', { name: 'Happy', exact: true }).click();
    await page.getByText('Thank you: your rating was received.').waitFor();
    const row = () => hall.app.conn.db.select().from(ratings).where(eq(ratings.ticketId, t.id)).get();
    expect(row()).toMatchObject({ score: 3, comment: null, counterId: 4 });

    await page.getByLabel('Would you like to add a comment? (optional)').fill('Quick and kind, thank you');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await page.getByText('Thank you: your comment was received.').waitFor();
    expect(row()!.comment).toBe('Quick and kind, thank you');
    await shot(page, '5-rated-en-412');
  });

  it('leaves the queue after a confirmation', async () => {
    hall.setSettings({ notify: { enabled: true, webhookUrl: 'http://127.0.0.1:9/sms', position: 3 } });
    const t = await issue(B);
    const page = await phone(`/t/${t.trackingCode}`, LARGE);
    await page.getByRole('button', { name: 'مغادرة الدور' }).waitFor();
    await page.getByLabel('رقم الهاتف').waitFor(); // the hall's notification hook is on
    await expectFitsWidth(page);
    await shot(page, '6-waiting-notify-ar-412');

    await page.getByRole('button', { name: 'مغادرة الدور' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.innerText()).toContain('هل تريد فعلاً مغادرة الدور؟');
    await shot(page, '7-leave-confirm-ar-412', false);
    await dialog.getByRole('button', { name: 'لا، سأبقى في الدور' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(statusOf(t.id)).toBe('waiting');

    await page.getByRole('button', { name: 'مغادرة الدور' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'نعم، أريد المغادرة' }).click();
    await page.getByText('غادرت الدور').waitFor();
    expect(statusOf(t.id)).toBe('cancelled');
    await shot(page, '8-left-ar-412');
  });

  it("says the service has not started while no counter serves it, in the receipt's words, and the wait once one opens", async () => {
    await issue(C);
    const t = await issue(C);
    const page = await phone(`/t/${t.trackingCode}`);
    const said = async (selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();
    const receipt = () => {
      const row = hall.app.conn.db.select().from(tickets).where(eq(tickets.id, t.id)).get()!;
      return ticketTexts(ticketFacts(hall.app.conn, row.hallId, ticketView(hall.app.conn, row, now), base));
    };
    await expect.poll(() => said('.p-wait')).toBe('الخدمة لم تبدأ بعد');
    expect(receipt().wait).toBe('الخدمة لم تبدأ بعد');
    expect(await said('.p-ahead')).toBe('أمامك شخص واحد');
    expect(receipt().ahead).toBe('أمامك شخص واحد');
    await shot(page, '8a-not-started-ar-375');

    expect((await staff('/api/counters/7/open')).statusCode).toBe(200);
    await expect.poll(() => said('.p-wait')).toMatch(/^الانتظار المتوقع: (حتى |[٠-٩]+–[٠-٩]+ )/);
    expect(await said('.p-wait')).toBe(receipt().wait);
    expect((await staff('/api/counters/7/close')).statusCode).toBe(200);
  });

  it('shows the live range, narrowing as the line moves, in the words of the receipt', async () => {
    expect((await staff('/api/counters/1/open')).statusCode).toBe(200);
    await issue(B);
    await issue(B);
    const t = await issue(B);
    const page = await phone(`/t/${t.trackingCode}`);
    const said = async () => (await page.locator('.p-wait').innerText()).replace(/\s+/g, ' ').trim();
    const shown = async () => {
      const view = (await hall.app.inject({ method: 'GET', url: `/api/track/${t.trackingCode}` })).json();
      const words = waitLineText(waitLine(view, 'ar', 'arab')!, 'ar');
      expect(words).toMatch(/^الانتظار المتوقع: [٠-٩]+–[٠-٩]+ /);
      await expect.poll(said).toBe(words);
      return view.estimatedWaitRange.high - view.estimatedWaitRange.low;
    };
    const widths = [await shown()];
    for (let i = 0; i < 2; i++) {
      const called = (await staff('/api/counters/1/next')).json();
      widths.push(await shown());
      expect((await staff(`/api/tickets/${called.id}/start`)).statusCode).toBe(200);
      expect((await staff(`/api/tickets/${called.id}/complete`)).statusCode).toBe(200);
    }
    expect(widths[1]).toBeLessThan(widths[0]!);
    expect(widths[2]).toBeLessThan(widths[1]!);
    await shot(page, '8b-range-ar-375');
    expect((await staff('/api/counters/1/close')).statusCode).toBe(200);
  });

  it('says so for a wrong code', async () => {
    const page = await phone('/t/not-a-real-code?lang=en');
    await page.getByText('This ticket was not found').waitFor();
  });
});

describe('a ticket taken on the phone (/join)', () => {
  it('gives a ticket and its page, when the hall allows it', async () => {
    hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 } });
    const page = await phone('/join');
    await page.getByText('اختر الخدمة التي جئت من أجلها').waitFor();
    await expectFitsWidth(page);
    await shot(page, '9-join-ar-375');
    await page.getByRole('button', { name: /الوثائق المدنية/ }).click();
    await shot(page, '10-join-confirm-ar-375', false);
    await page.getByRole('alertdialog').getByRole('button', { name: 'نعم، أعطني دوراً' }).click();
    await page.waitForURL(/\/t\/[A-Za-z0-9_-]{16,}$/);
    await expect.poll(() => page.locator('.p-number').getAttribute('data-number')).toBe('D001');
    expect(await page.getByText('يجب أن تكون في الصالة عند النداء').count()).toBe(1);
    await shot(page, '11-joined-ar-375');
    const issued = hall.app.conn.db.select().from(tickets).where(eq(tickets.number, 'D001')).get()!;
    expect(issued).toMatchObject({ remote: true, status: 'waiting' });
  });
});
