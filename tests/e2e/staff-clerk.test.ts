import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TEXT } from '../../clerk-ui/src/errors.js';
import { tickets } from '../../db/schema.js';
import { formatTicketNumber } from '../../ui-kit/i18n.js';
import { ensureBuilt, lanBase, launchBrowser, unservedCharacters } from '../helpers/browser.js';
import { measureContrast } from '../helpers/contrast.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The staff app in real Chromium against a real server: a clerk's whole visit at counter 1,
// watched live on the supervisor's board in a second page; keyboard shortcuts; a clerk kept out
// of admin screens; Arabic first, and a 1366×768 desk screen that never scrolls.

const DESK = { width: 1366, height: 768 };
const B = 1; // Building permits: counter 1 serves it first

let browser: Browser;
let hall: TestHall;
let base: string;
let contexts: BrowserContext[] = [];
let keys = 0;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the staff app' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall()]);
  base = lanBase(await hall.listen());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});
afterEach(async () => {
  for (const c of contexts) await c.close();
  contexts = [];
});

async function issue(serviceId = B) {
  const res = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': `e2e-${++keys}` },
    payload: { serviceId },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; number: string };
}

async function open(lang?: 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: DESK });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/clerk/${lang ? `?lang=${lang}` : ''}`);
  return page;
}

async function logIn(page: Page, username: string, button = 'Log in') {
  await page.getByLabel(/Username|اسم المستخدم/).fill(username);
  await page.getByLabel(/Password|كلمة المرور/).fill(hall.adminPassword);
  await page.getByRole('button', { name: button, exact: true }).click();
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const currentNumber = (page: Page) => page.getByTestId('current-number');

/** Nothing scrolls, and every button lies inside the screen. */
async function expectFits(page: Page) {
  const box = await page.evaluate(() => {
    const doc = document.documentElement;
    const area = document.querySelector('.area')!;
    const outside = Array.from(document.querySelectorAll('button')).filter((b) => {
      const r = b.getBoundingClientRect();
      return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5;
    });
    return {
      page: [doc.scrollWidth, doc.scrollHeight, innerWidth, innerHeight],
      area: [area.scrollHeight, area.clientHeight],
      outside: outside.map((b) => b.getAttribute('aria-label') ?? b.textContent),
    };
  });
  expect(box.page[0]).toBeLessThanOrEqual(box.page[2]!);
  expect(box.page[1]).toBeLessThanOrEqual(box.page[3]!);
  expect(box.area[0]).toBeLessThanOrEqual(box.area[1]!);
  expect(box.outside).toEqual([]);
}

/** Every visible text meets 4.5:1 against the background it is drawn on. */
async function expectContrast(page: Page) {
  const result = await measureContrast(page);
  expect(result.checked).toBeGreaterThan(10);
  expect(result.out).toEqual([]);
}

describe('the staff app', () => {
  it("a clerk serves a ticket at counter 1 while the supervisor's board follows live", async () => {
    const ticket = await issue();
    const [clerk, supervisor] = await Promise.all([open('en'), open('en')]);

    await logIn(supervisor, 'supervisor');
    const card = supervisor.getByRole('article', { name: 'Counter 1', exact: true });
    await expect.poll(() => card.textContent()).toContain('Closed');
    expect(await supervisor.getByRole('link', { name: 'Supervision' }).getAttribute('aria-current')).toBe('page');

    await logIn(clerk, 'clerk');
    await button(clerk, 'Counter 1').click();
    await expect.poll(() => card.textContent(), { timeout: 1000 }).toContain('Open');

    await button(clerk, 'Call next').click();
    await expect.poll(() => currentNumber(clerk).textContent()).toBe(ticket.number);
    await expect.poll(() => clerk.getByText('Why this ticket:').isVisible()).toBe(true);
    expect(await clerk.locator('.why').textContent()).toMatch(/waited (under 1|\d+) min, target 20 min/);
    await expect.poll(() => card.textContent(), { timeout: 1000 }).toContain(ticket.number);
    expect(await card.textContent()).toContain('Called');

    await button(clerk, 'Start').click();
    await expect.poll(() => clerk.locator('.current .chip').first().textContent()).toBe('Being served');
    await expect.poll(() => card.textContent(), { timeout: 1000 }).toContain('Serving');

    await button(clerk, 'Complete').click();
    await expect.poll(() => clerk.getByText('No one at the counter').isVisible()).toBe(true);
    await expect.poll(() => card.textContent(), { timeout: 1000 }).not.toContain(ticket.number);
    await expect.poll(() => clerk.getByTestId('served-today').textContent()).toBe('1');
    const done = await hall.app.inject({ method: 'GET', url: `/api/tickets/${ticket.id}`, headers: bearer(await hall.login('clerk')) });
    expect(done.json()).toMatchObject({ status: 'done', counterId: 1 });
    // The demo kiosk's printer has no agent connected: the board says so, in words and colour.
    await supervisor.getByText(/Printer .*طابعة الكشك.* is offline/).waitFor({ timeout: 5000 });
    await expectFits(supervisor);
    await expectContrast(supervisor);
  });

  it('every action has its shortcut, shown on the button but not in its name', async () => {
    hall.setSettings({ noShowMinSeconds: 600 }); // however slow this machine, X comes soon after the call
    const first = await issue();
    const second = await issue();
    const page = await open('en');
    await logIn(page, 'clerk');
    await button(page, 'Counter 1').click();
    for (const [name, key] of [
      ['Call next', 'N'],
      ['Recall', 'R'],
      ['Start', 'S'],
      ['Complete', 'C'],
      ['No-show', 'X'],
      ['Transfer', 'T'],
      ['Return to queue', 'Q'],
    ]) {
      expect(await button(page, name).getAttribute('aria-keyshortcuts')).toBe(key);
      expect(await button(page, name).locator('kbd').getAttribute('data-key')).toBe(key); // drawn by CSS: not text, not in the name
    }

    // One action at a time: each key waits until its button is enabled again.
    const press = async (key: string, name: string) => {
      await expect.poll(() => button(page, name).isEnabled()).toBe(true);
      await page.keyboard.press(key);
    };
    const empty = () => expect.poll(() => page.getByText('No one at the counter').isVisible()).toBe(true);
    await press('n', 'Call next');
    await expect.poll(() => currentNumber(page).textContent()).toBe(first.number);
    await press('r', 'Recall');
    await expect.poll(() => button(page, 'Recall').textContent()).toContain('(1)');
    await press('q', 'Return to queue'); // back to the queue, keeping its place: called again first
    await empty();
    await press('n', 'Call next');
    await expect.poll(() => currentNumber(page).textContent()).toBe(first.number);
    await press('x', 'No-show');
    await page.getByRole('dialog').waitFor(); // called moments ago, never recalled: X again confirms
    await page.keyboard.press('x');
    await empty();
    await press('n', 'Call next');
    await expect.poll(() => currentNumber(page).textContent()).toBe(second.number);
    await press('s', 'Start');
    await expect.poll(() => page.locator('.current .chip').first().textContent()).toBe('Being served');
    await press('t', 'Transfer');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await press('c', 'Complete');
    await empty();
    await press('p', 'Pause');
    await page.getByRole('button', { name: /Prayer/ }).waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('.counter-bar .chip').textContent()).toBe('Paused: Prayer');
    await press('o', 'Resume');
    await expect.poll(() => page.locator('.counter-bar .chip').textContent()).toBe('Open');
    const states = hall.app.conn.sqlite.prepare("SELECT state, reason FROM counter_events WHERE counter_id = 1 ORDER BY id DESC LIMIT 2").all();
    expect(states).toEqual([
      { state: 'open', reason: null },
      { state: 'paused', reason: 'prayer' },
    ]);
  });

});

// A hall of their own: logging in is limited to 10 a minute from one address, and every test
// here logs in.
describe('the staff app: no-shows, refusals, roles and languages', () => {
  beforeAll(async () => {
    await hall.close();
    hall = await startHall();
    base = lanBase(await hall.listen());
  });

  it('a no-show soon after the call is confirmed first, in either language, and the clerk may return it to its place', async () => {
    hall.setSettings({ noShowMinSeconds: 600 });
    const first = await issue();
    const second = await issue();
    const page = await open('en');
    await logIn(page, 'clerk');
    await button(page, 'Counter 1').click();
    await button(page, 'Call next').click();
    await expect.poll(() => currentNumber(page).textContent()).toBe(first.number);
    const status = (id: number) => hall.app.conn.sqlite.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(id);

    await button(page, 'No-show').click();
    const dialog = page.getByRole('dialog', { name: `Mark ${first.number} as no-show?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Called \d+ s ago and not recalled yet/);
    // The safe choice has the focus: Enter would recall, not mark.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Recall instead');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(status(first.id)).toBe('called');

    await page.keyboard.press('x');
    await dialog.waitFor();
    await page.keyboard.press('x');
    await expect.poll(() => page.getByText('No one at the counter').isVisible()).toBe(true);
    expect(status(first.id)).toBe('no_show');

    // Changed their mind: the citizen was at the door. Back to their place, ahead of the second.
    await page.getByText(`${first.number} marked no-show.`).waitFor();
    await button(page, 'Return to its place in line').click();
    await expect.poll(() => status(first.id)).toBe('waiting');
    await expect.poll(() => page.getByText(`${first.number} marked no-show.`).count()).toBe(0);
    await button(page, 'Call next').click();
    await expect.poll(() => currentNumber(page).textContent()).toBe(first.number);

    // Recalled once, the clerk has waited enough: no question.
    await button(page, 'Recall').click();
    await expect.poll(() => button(page, 'Recall').textContent()).toContain('(1)');
    await button(page, 'No-show').click();
    await expect.poll(() => page.getByText('No one at the counter').isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(status(first.id)).toBe('no_show');

    // In Arabic, as an Arabic reader writes it, in the hall's digits.
    await page.getByRole('button', { name: 'العربية', exact: true }).click();
    await button(page, 'النداء التالي').click();
    // The second ticket, not the first one's number still on screen: X must reach the new call.
    await expect.poll(() => currentNumber(page).textContent()).toBe(second.number);
    await button(page, 'لم يحضر').click(); // the key X is tested above, in English
    const arabic = page.getByRole('dialog');
    await arabic.waitFor();
    const title = await arabic.getByRole('heading').textContent();
    expect(title).toMatch(/^تسجيل الدور .+ «لم يحضر»؟$/);
    const why = await arabic.locator('p').first().textContent();
    expect(why).toMatch(/^نُودي منذ (ثانية واحدة|ثانيتين|[٠-٩]+ (ثوانٍ|ثانية)) ولم يُعَد النداء بعد، ولعلّ صاحبه في الطريق إلى الشباك\.$/);
    // No Latin digit in the prose: the ticket's own code (B…) keeps its Latin digits, as everywhere.
    const number = (await currentNumber(page).textContent())!;
    expect((await arabic.textContent())!.replace(number, '')).not.toMatch(/[0-9]/);
    await button(page, 'إعادة النداء بدلاً من ذلك').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(status(second.id)).toBe('called');
    await button(page, 'إنهاء').click();
    await page.getByText('لا يوجد مراجع عند الشباك').waitFor();
  });

  it('the admin sets how soon a no-show is asked about, and the workstation follows', async () => {
    hall.setSettings({ noShowMinSeconds: 600 });
    const admin = await open('en');
    await logIn(admin, 'admin');
    await admin.goto(`${base}/clerk/?lang=en#/admin/hall`);
    const form = admin.getByRole('form', { name: 'Hall' });
    const field = form.getByLabel('Confirm no-shows sooner than (seconds after the call)');
    await expect.poll(() => field.inputValue()).toBe('600');
    await field.fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.getByText('Saved').count()).toBeGreaterThan(0);
    expect(hall.app.conn.sqlite.prepare('SELECT settings FROM halls').pluck().get()).toContain('"noShowMinSeconds":0');

    const ticket = await issue();
    const page = await open('en');
    await logIn(page, 'clerk');
    await button(page, 'Counter 1').click();
    await button(page, 'Call next').click();
    await expect.poll(() => currentNumber(page).textContent()).toBe(ticket.number);
    await button(page, 'No-show').click();
    await expect.poll(() => page.getByText('No one at the counter').isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByText(`${ticket.number} marked no-show.`).waitFor();
  });

  it('a clerk sees no admin or supervisor screens, and the API refuses them (403)', async () => {
    const page = await open('en');
    await logIn(page, 'clerk');
    await button(page, 'Counter 1').waitFor();
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Counter']);
    await page.goto(`${base}/clerk/?lang=en#/admin`);
    await button(page, 'Call next').or(button(page, 'Counter 1')).first().waitFor();
    expect(await page.getByRole('link', { name: /Administration|Supervision/ }).count()).toBe(0);

    const answers = await page.evaluate(async () => {
      const { token } = JSON.parse(sessionStorage.getItem('dawr.staffSession')!);
      const status = (url: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
      return { users: await status('/api/admin/users'), board: await status('/api/supervisor/board'), me: await status('/api/me/stats') };
    });
    expect(answers).toEqual({ users: 403, board: 403, me: 200 });
  });

  it('is Arabic and right-to-left by default, and the clerk view fits 1366×768 in both languages', async () => {
    await issue();
    const page = await open();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await logIn(page, 'clerk', 'تسجيل الدخول');
    await button(page, 'الشباك ١').click();
    await button(page, 'النداء التالي').click();
    await currentNumber(page).waitFor();
    for (const name of ['إعادة النداء', 'بدء الخدمة', 'إنهاء', 'لم يحضر', 'تحويل', 'إعادة إلى الدور']) await button(page, name).waitFor();
    expect(await unservedCharacters(page)).toEqual([]); // Shift is drawn on its key (⇧)
    await expectFits(page);
    await expectContrast(page);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    // The page re-renders after the click: a loaded machine may take a moment.
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await button(page, 'Complete').waitFor();
    await expectFits(page);
    await button(page, 'Complete').click();
    await page.getByText('No one at the counter').waitFor();
    await expectContrast(page);
  });

  it("says why an action was refused in the user's language, never the server's English", async () => {
    const ticket = await issue();
    const page = await open();
    await logIn(page, 'clerk', 'تسجيل الدخول');
    await button(page, 'الشباك ١').click();
    await button(page, 'النداء التالي').click();
    await expect.poll(() => currentNumber(page).textContent()).toBe(formatTicketNumber(ticket.number, 'arab'));
    // Marked no-show behind the app's back (no live update): Complete is refused with 409.
    hall.app.conn.db.update(tickets).set({ status: 'no_show', endedAt: Date.now() }).where(eq(tickets.id, ticket.id)).run();

    const banner = page.locator('.banner.error');
    await button(page, 'إنهاء').click();
    await expect.poll(() => banner.textContent()).toBe(ERROR_TEXT.invalid_transition.ar);
    expect(await banner.textContent()).not.toMatch(/[A-Za-z0-9]/);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await button(page, 'Complete').click();
    await expect.poll(() => banner.textContent()).toBe(ERROR_TEXT.invalid_transition.en);
    expect(await banner.textContent()).not.toMatch(/no_show|ticket \d/);
  });
});
