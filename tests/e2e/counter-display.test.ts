import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, lanBase, launchBrowser, unservedCharacters } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The screen above one counter follows that counter: closed, open and waiting, a ticket called
// and served, a break with its reason; in Arabic and in English.

let browser: Browser;
let hall: TestHall;
let base: string;
let clerk: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/display-ui/counter.html', name: 'the counter display page' });
  browser = await launchBrowser();
}, 180_000);
afterAll(() => browser?.close());

afterEach(async () => {
  await context?.close();
  context = undefined;
  await hall?.close();
});

async function openCounterDisplay(counter: number | null, lang?: 'en'): Promise<Page> {
  hall = await startHall();
  base = lanBase(await hall.listen());
  clerk = await hall.login('clerk');
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const query = [counter !== null ? `counter=${counter}` : '', `token=${hall.tokens.display}`, lang ? `lang=${lang}` : ''];
  await page.goto(`${base}/counter-display/?${query.filter(Boolean).join('&')}`);
  return page;
}

async function post(url: string, token = clerk, payload?: object, headers: Record<string, string> = {}) {
  const res = await hall.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

const screen = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('.counter-screen') as HTMLElement | null;
    return {
      state: main?.dataset.state ?? null,
      ticket: main?.dataset.ticket ?? null,
      status: document.querySelector('.counter-status .bi-main')?.textContent ?? null,
    };
  });

describe('the counter display', () => {
  it('follows its counter: closed, a ticket called then served, waiting for the next, on a break, closed', async () => {
    const page = await openCounterDisplay(4);
    await expect.poll(() => screen(page)).toEqual({ state: 'closed', ticket: '', status: 'الشباك مغلق' });
    expect(await page.locator('.counter-own-number').textContent()).toBe('٤');
    expect(await unservedCharacters(page)).toEqual([]); // the closed sign is drawn, not an emoji (⛔)

    const ticket = await post('/api/tickets', hall.tokens.kiosk, { serviceId: 3 }, { 'idempotency-key': 'counter-e2e-1' });
    await post('/api/counters/4/next');
    await expect.poll(() => screen(page), { timeout: 1000 }).toEqual({ state: 'open', ticket: 'F001', status: 'يرجى التقدم إلى الشباك' });
    expect(await page.locator('.counter-ticket .ticket-number').textContent()).toBe('F001');
    await page.locator('.counter-ticket.flash').waitFor();

    await post(`/api/tickets/${ticket.id}/start`);
    await expect.poll(() => screen(page)).toMatchObject({ ticket: 'F001', status: 'قيد الخدمة' });
    await post(`/api/tickets/${ticket.id}/complete`);
    await expect.poll(() => screen(page)).toEqual({ state: 'open', ticket: '', status: 'بانتظار الرقم التالي' });
    await post('/api/counters/4/pause', clerk, { reason: 'استراحة الغداء' });
    await expect.poll(() => screen(page)).toEqual({ state: 'paused', ticket: '', status: 'استراحة قصيرة' });
    expect(await page.locator('.pause-reason').textContent()).toBe('استراحة الغداء');
    expect(await unservedCharacters(page)).toEqual([]);
    await post('/api/counters/4/close');
    await expect.poll(() => screen(page)).toMatchObject({ state: 'closed' });
  });

  it('speaks English first with ?lang=en, Arabic beneath', async () => {
    const page = await openCounterDisplay(2, 'en');
    await expect.poll(() => screen(page)).toMatchObject({ state: 'closed', status: 'Counter closed' });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.locator('.counter-status .bi-sub').textContent()).toBe('الشباك مغلق');
    expect(await page.locator('.counter-own-number').textContent()).toBe('2');
  });

  it('says so when no counter is chosen', async () => {
    const page = await openCounterDisplay(null);
    await page.getByText('No counter chosen').waitFor();
  });
});
