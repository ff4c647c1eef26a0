import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeViolations, runAxe } from '../helpers/axe.js';
import { busyMorning, D, F, HELPER } from '../helpers/advice-hall.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The staffing advice on the supervisor's board in real Chromium (issue 18): a hall driven through
// a morning over the API on a clock moved by hand; the panel shows the advice live, Dismiss takes
// it away, Apply gives the counter the service (checked over the API); in Arabic and in English.

const DESK = { width: 1366, height: 768 };
const plain = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');

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

  describe(`the advice panel (${lang})`, () => {
    let hall: TestHall;
    let base: string;
    const clock = { now: 0 };
    const tick = (ms: number) => (clock.now += ms);

    beforeEach(async () => {
      clock.now = Date.parse('2026-11-29T05:00:00Z'); // Sunday 08:00 in Damascus
      hall = await startHall({ now: () => clock.now });
      base = lanBase(await hall.listen());
    }, 60_000);
    afterEach(() => hall?.close());

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

    it('shows the advice live; Dismiss takes it away, Apply gives the counter the service', async () => {
      const page = await supervisorBoard();
      const panel = page.getByRole('region', { name: t('توصيات التوزيع', 'Staffing advice') });
      await panel.getByText(t('لا توصيات الآن', 'No advice now')).waitFor({ timeout: 10_000 });
      expect(await page.locator('.advice').evaluate((el) => getComputedStyle(el).direction)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

      const staff = { admin: await hall.login(), clerk: await hall.login('clerk'), supervisor: await hall.login('supervisor'), kiosk: hall.tokens.kiosk };
      const counterServices = async () => {
        const res = await hall.app.inject({ method: 'GET', url: '/api/counters', headers: bearer(staff.clerk) });
        return res.json().find((c: { id: number }) => c.id === HELPER).serviceIds as number[];
      };
      await busyMorning(hall.app, staff, tick);
      await hall.app.advice.check();

      const help = panel.getByRole('listitem').filter({ hasText: t('الشباك ٤: أضف خدمة', 'Counter 4: also serve') });
      await help.waitFor({ timeout: 10_000 });
      expect(await panel.getByRole('listitem').count()).toBeLessThanOrEqual(2);
      const text = plain(await help.locator('p').textContent());
      expect(text).toContain(t('الشباك ٤: أضف خدمة الوثائق المدنية لنحو', 'Counter 4: also serve Civil documents for ~'));
      expect(text).toMatch(lang === 'ar' ? /— الانتظار فيها [٠-٩]+ ← .*، (وغيرها [+−][٠-٩]+|ولا يتغيّر غيرها)$/ : /— its wait \d+ → .* min, (others [+−]\d+|others unchanged)$/);
      expect(text).not.toMatch(lang === 'ar' ? /[0-9]/ : /[٠-٩]/);

      await page.evaluate(() => document.fonts.ready);
      const { violations } = await runAxe(page);
      expect(describeViolations(violations.filter((v) => ['serious', 'critical'].includes(v.impact!)))).toEqual([]);

      await help.getByRole('button', { name: t('تجاهل', 'Dismiss'), exact: true }).click();
      await help.waitFor({ state: 'detached', timeout: 10_000 });
      expect(await counterServices()).toEqual([F]);

      // Half an hour on, the line is still there: the advice comes back, and is applied.
      tick(31 * 60_000);
      await hall.app.advice.check();
      await help.waitFor({ timeout: 10_000 });
      await help.getByRole('button', { name: t('طبّق', 'Apply'), exact: true }).click();
      await help.waitFor({ state: 'detached', timeout: 10_000 });
      expect(await counterServices()).toEqual([F, D]);

      const log = await hall.app.inject({ method: 'GET', url: '/api/advice/log', headers: bearer(staff.supervisor) });
      const decided = log.json().filter((e: { counterId: number }) => e.counterId === HELPER);
      expect(decided.map((e: { status: string }) => e.status)).toEqual(expect.arrayContaining(['applied', 'dismissed']));
    });
  });
}
