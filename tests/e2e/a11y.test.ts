import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../db/schema.js';
import { expectAccessible } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// axe-core on every screen of the hall, in Arabic and in English, each as its users see it: the
// kiosk at rest, its menu (landscape and portrait), the priority question and the ticket; the
// hall and counter displays with a call on them, the hall display asking for a tap to enable
// sound; the citizen's phone page, waiting, called and rating the service, and /join with its question; the staff app's login, workstation and pause dialog, board,
// reports, every admin section and a form. No serious or critical finding anywhere, and every
// screen has its main landmark, its content in landmarks and a first-level heading. One browser
// and one hall for the whole file.

type Lang = 'ar' | 'en';
const F = 3; // Fees and taxes: counter 4 calls it first
const now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus: the hall is open

let browser: Browser;
let hall: TestHall;
let base: string;
let clerk: string;
let context: BrowserContext | undefined;
let keys = 0;
/** The ticket counter 4 calls before the tests: the displays show it, its phone page says "your turn". */
let called: { trackingCode: string };

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the UIs' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall({ now: () => now })]);
  base = lanBase(await hall.listen());
  clerk = await hall.login('clerk');
  // Phones may take tickets; every service with someone waiting raises an alert on the board.
  hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 }, alertQueueLength: 1 });
  const issued = [];
  for (let service = 1; service <= 6; service++) for (let i = 0; i < 3; i++) issued.push(await issue(service));
  const { number } = await staffPost('/api/counters/4/next');
  called = issued.find((t) => t.number === number)!;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** Opens `path` in `lang`; with `clock`, the page's timers wait for the test to move them on. */
async function open(path: string, lang: Lang, viewport = { width: 1366, height: 768 }, clock = false): Promise<Page> {
  context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (clock) await page.clock.install();
  const url = new URL(path, base);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  await page.goto(url.href);
  return page;
}

async function issue(serviceId = F) {
  const res = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': `a11y-${++keys}` },
    payload: { serviceId },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; number: string; trackingCode: string };
}

async function staffPost(url: string) {
  const res = await hall.app.inject({ method: 'POST', url, headers: bearer(clerk) });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as { id: number; number: string };
}

async function logIn(page: Page, username: string, lang: Lang) {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(hall.adminPassword);
  await page.getByRole('button', { name: lang === 'en' ? 'Log in' : 'تسجيل الدخول', exact: true }).click();
}

for (const lang of ['ar', 'en'] as const) {
  const t = (ar: string, en: string) => (lang === 'ar' ? ar : en);

  describe(`citizens' screens (${lang})`, () => {
    // The kiosk is a touch terminal, not a web page: its zoom lock (user-scalable=no) is
    // deliberate, so axe's meta-viewport finding is allowed there and only there.
    const kiosk = { allow: ['meta-viewport'] };

    it('kiosk: the menu and the ticket', async () => {
      const page = await open(`/kiosk/?token=${hall.tokens.kiosk}`, lang, { width: 1920, height: 1080 });
      const fees = page.getByRole('button', { name: t('الرسوم والضرائب', 'Fees and taxes') });
      await fees.waitFor();
      await expectAccessible(page, kiosk);
      await fees.click();
      await page.getByText(t('رقم دورك', 'Your number')).waitFor();
      await page.locator('.qr svg').waitFor();
      await expectAccessible(page, kiosk);
    });

    it('kiosk at rest: the attract screen', async () => {
      const page = await open(`/kiosk/?token=${hall.tokens.kiosk}`, lang, { width: 1920, height: 1080 }, true);
      await page.getByRole('button', { name: t('الرسوم والضرائب', 'Fees and taxes') }).waitFor();
      await page.clock.fastForward(61_000);
      await page.locator('.attract').waitFor();
      await expectAccessible(page, kiosk);
    });

    it('kiosk on a portrait screen: the menu and the priority question', async () => {
      const page = await open(`/kiosk/?token=${hall.tokens.kiosk}`, lang, { width: 1080, height: 1920 });
      await page.getByRole('button', { name: t('الرسوم والضرائب', 'Fees and taxes') }).waitFor();
      await expectAccessible(page, kiosk);
      await page.getByRole('button', { name: t('أولوية (كبار السن، ذوو الإعاقة، الحوامل)', 'Priority (elderly, disabled, pregnant)') }).click();
      await page.getByRole('button', { name: t('نعم، أريد دور أولوية', 'Yes, a priority ticket') }).waitFor();
      await expectAccessible(page, kiosk);
    });

    it('hall display, with a call on it', async () => {
      const page = await open(`/display/?token=${hall.tokens.display}`, lang, { width: 1920, height: 1080 });
      await page.locator('.current .ticket-number').waitFor();
      await expectAccessible(page);
    });

    it('hall display asking for a tap to enable sound', async () => {
      context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      // The browser refuses sound until someone taps (a TV's autoplay policy).
      await page.addInitScript(() => {
        window.dawrAnnouncementPlayer = { unlock: async () => false, play: async () => {} };
      });
      await page.goto(`${base}/display/?token=${hall.tokens.display}${lang === 'en' ? '&lang=en' : ''}`);
      await page.locator('.current .ticket-number').waitFor();
      await page.getByRole('button', { name: /Tap to enable sound/ }).waitFor();
      await expectAccessible(page);
    });

    it('counter display, with a call on it', async () => {
      const page = await open(`/counter-display/?counter=4&token=${hall.tokens.display}`, lang, { width: 1280, height: 720 });
      await page.locator('.counter-ticket .ticket-number').waitFor();
      await expectAccessible(page);
    });

    it('phone page of a waiting ticket', async () => {
      const ticket = await issue();
      const page = await open(`/t/${ticket.trackingCode}`, lang, { width: 390, height: 844 });
      await page.getByRole('button', { name: t('مغادرة الدور', 'Leave the queue') }).waitFor();
      await expectAccessible(page);
    });

    it('phone page of a ticket being called', async () => {
      const page = await open(`/t/${called.trackingCode}`, lang, { width: 390, height: 844 });
      await page.getByRole('alert').waitFor();
      await expectAccessible(page);
    });

    it('phone page of a finished ticket: the rating, then the comment', async () => {
      const { id } = await staffPost('/api/counters/2/next');
      await staffPost(`/api/tickets/${id}/complete`);
      const { trackingCode } = hall.app.conn.db.select({ trackingCode: tickets.trackingCode }).from(tickets).where(eq(tickets.id, id)).get()!;
      const page = await open(`/t/${trackingCode}`, lang, { width: 390, height: 844 });
      const happy = page.getByRole('button', { name: t('راضٍ', 'Happy'), exact: true });
      await happy.waitFor();
      await expectAccessible(page);
      await happy.click();
      await page.locator('textarea').waitFor();
      await expectAccessible(page);
    });

    it('/join, a ticket taken on the phone: the menu and its question', async () => {
      const page = await open('/join', lang, { width: 390, height: 844 });
      const documents = page.getByRole('button', { name: new RegExp(t('الوثائق المدنية', 'Civil documents')) });
      await documents.waitFor();
      await expectAccessible(page);
      await documents.click();
      await page.getByRole('alertdialog').getByRole('button', { name: t('نعم، أعطني دوراً', 'Yes, give me a ticket') }).waitFor();
      await expectAccessible(page);
    });
  });

  describe(`staff screens (${lang})`, () => {
    it('login', async () => {
      const page = await open('/clerk/', lang);
      await page.locator('input[name="username"]').waitFor();
      await expectAccessible(page);
    });

    it("clerk's workstation with a ticket at the counter, and the pause question", async () => {
      await issue(1);
      const page = await open('/clerk/', lang);
      await logIn(page, 'clerk', lang);
      await page.getByRole('button', { name: t('الشباك ١', 'Counter 1'), exact: true }).click();
      await expectAccessible(page);
      await page.getByRole('button', { name: t('النداء التالي', 'Call next'), exact: true }).click();
      await page.getByTestId('current-number').waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: t('إنهاء', 'Complete'), exact: true }).click();
      await page.getByText(t('لا يوجد مراجع عند الشباك', 'No one at the counter')).waitFor();
      await page.getByRole('button', { name: t('إيقاف مؤقت', 'Pause'), exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await expectAccessible(page);
    });

    it("supervisor's board", async () => {
      const page = await open('/clerk/', lang);
      await logIn(page, 'supervisor', lang);
      await page.getByRole('article', { name: t('الشباك ١', 'Counter 1'), exact: true }).waitFor();
      // More alerts than their box shows: it scrolls, so it must take the keyboard's focus.
      const alerts = page.getByRole('log');
      await expect.poll(() => alerts.evaluate((log) => log.scrollHeight > log.clientHeight)).toBe(true);
      await expectAccessible(page);
    });

    it('reports', async () => {
      const page = await open('/clerk/#/reports', lang);
      await logIn(page, 'supervisor', lang);
      await page.locator('table.reports-table').waitFor({ timeout: 15_000 });
      await expectAccessible(page);
    });

    it('admin, every section, and a form', async () => {
      const page = await open('/clerk/#/admin/hall', lang);
      await logIn(page, 'admin', lang);
      const nav = page.getByRole('navigation', { name: t('أقسام الإدارة', 'Administration sections') });
      await nav.getByRole('button').first().waitFor();
      const loading = page.locator('.admin-main [role="status"].muted');
      for (const section of await nav.getByRole('button').all()) {
        await section.click();
        await expect.poll(() => section.getAttribute('aria-current')).toBe('page');
        await expect.poll(() => loading.count()).toBe(0);
        await expectAccessible(page);
      }
      await nav.getByRole('button', { name: t('الخدمات', 'Services'), exact: true }).click();
      await page.getByRole('button', { name: t('خدمة جديدة', 'New service') }).click();
      await page.getByRole('form', { name: t('خدمة جديدة', 'New service') }).waitFor();
      await expectAccessible(page);
    });
  });
}
