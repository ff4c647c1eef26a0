import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_TEXT } from '../../clerk-ui/src/errors.js';
import { describeViolations, runAxe } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The supervisor's list of today's no-shows in real Chromium against a real server: a clerk marks
// a no-show over the API, it shows on the board live, and the supervisor returns it to its place
// in line from the keyboard; in Arabic and in English. Each test has a hall of its own (and logs
// in twice there: logging in is limited to 10 a minute from one address).

const DESK = { width: 1366, height: 768 };
const B = 1; // Building permits: counter 1 serves it first

let browser: Browser;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the staff app' });
  browser = await launchBrowser();
}, 180_000);
afterAll(() => browser?.close());
afterEach(async () => {
  for (const c of contexts) await c.close();
  contexts = [];
});

for (const lang of ['ar', 'en'] as const) {
  const t = (ar: string, en: string) => (lang === 'ar' ? ar : en);

  describe(`today's no-shows (${lang})`, () => {
    let hall: TestHall;
    let base: string;
    let clerk: string;
    let keys = 0;

    beforeEach(async () => {
      hall = await startHall();
      base = lanBase(await hall.listen());
      clerk = await hall.login('clerk');
    }, 60_000);
    afterEach(() => hall?.close());

    const api = async (method: 'GET' | 'POST', url: string, payload?: object, headers = {}) => {
      const res = await hall.app.inject({ method, url, headers: { ...bearer(clerk), ...headers }, ...(payload ? { payload } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const issue = (): Promise<{ id: number; number: string }> =>
      api('POST', '/api/tickets', { serviceId: B }, { ...bearer(hall.tokens.kiosk), 'idempotency-key': `e2e-${++keys}` });

    async function supervisorBoard(): Promise<Page> {
      const context = await browser.newContext({ viewport: DESK });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${base}/clerk/${lang === 'en' ? '?lang=en' : ''}`);
      await page.getByLabel(t('اسم المستخدم', 'Username')).fill('supervisor');
      await page.getByLabel(t('كلمة المرور', 'Password')).fill(hall.adminPassword);
      await page.getByRole('button', { name: t('تسجيل الدخول', 'Log in'), exact: true }).click();
      return page;
    }

    it('a clerk marks a no-show; the supervisor sees it live and returns it to its place in line', async () => {
      const page = await supervisorBoard();
      const list = page.getByRole('region', { name: t('لم يحضروا اليوم', "Today's no-shows") });
      await list.getByText(t('لم يتخلّف أحد عن دوره اليوم', 'No no-shows today')).waitFor({ timeout: 10_000 });

      const missed = await issue();
      const next = await issue();
      expect((await api('POST', '/api/counters/1/next')).id).toBe(missed.id);
      await api('POST', `/api/tickets/${missed.id}/no-show`, { confirmed: true });
      const later = await issue();

      const row = list.getByRole('listitem');
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      const text = await row.textContent();
      expect(text).toContain(missed.number); // a Latin-lettered number keeps its Latin digits
      expect(text).toContain(t('رخص البناء', 'Building permits'));
      expect(text).toContain(t('نُودي الساعة', 'called at'));
      expect(text).toContain(t('الشباك ١', 'Counter 1'));
      expect(text).toContain('الموظف');
      expect(text).toContain(t('منذ أقل من دقيقة', 'under a minute ago'));

      await page.evaluate(() => document.fonts.ready);
      const { violations } = await runAxe(page);
      expect(describeViolations(violations.filter((v) => ['serious', 'critical'].includes(v.impact!)))).toEqual([]);

      // From the keyboard: Enter opens the dialog, Escape closes it, Enter on its first button confirms.
      const returnLabel = t('إعادته إلى مكانه في الصف', 'Return to its place in line');
      const action = list.getByRole('button', { name: `${returnLabel}: ${missed.number}`, exact: true });
      await action.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `${returnLabel}: ${missed.number}` });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect((await api('GET', `/api/tickets/${missed.id}`)).status).toBe('no_show');

      await action.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });

      await list.getByText(t('لم يتخلّف أحد عن دوره اليوم', 'No no-shows today')).waitFor({ timeout: 10_000 });
      expect(await api('GET', `/api/tickets/${missed.id}`)).toMatchObject({ status: 'waiting', ahead: 0 });
      expect(await api('GET', `/api/tickets/${next.id}`)).toMatchObject({ status: 'waiting', ahead: 1 });
      expect(await api('GET', `/api/tickets/${later.id}`)).toMatchObject({ status: 'waiting', ahead: 2 });
      expect((await api('POST', '/api/counters/1/next')).id).toBe(missed.id);
    });

    it("says why a return failed in the supervisor's language, never the server's English", async () => {
      const missed = await issue();
      expect((await api('POST', '/api/counters/1/next')).id).toBe(missed.id);
      await api('POST', `/api/tickets/${missed.id}/no-show`, { confirmed: true });

      const page = await supervisorBoard();
      const returnLabel = t('إعادته إلى مكانه في الصف', 'Return to its place in line');
      await page.getByRole('button', { name: `${returnLabel}: ${missed.number}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `${returnLabel}: ${missed.number}` });
      await dialog.waitFor();
      // The clerk who marked it returns it first: the supervisor's return is refused.
      await api('POST', `/api/tickets/${missed.id}/requeue`);
      await dialog.getByRole('button', { name: returnLabel, exact: true }).click();
      await dialog.getByRole('alert').waitFor({ timeout: 10_000 });
      expect(await dialog.getByRole('alert').textContent()).toBe(ERROR_TEXT.invalid_transition[lang]);
    });
  });
}
