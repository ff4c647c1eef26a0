import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CityHall, EventBatch, HallEvent, HallStatus } from '../../server/protocol/city.js';
import { describeViolations, runAxe } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { startCity, stopTestPostgres, type TestCity } from '../helpers/city.js';


// The city's screens in real Chromium against a real city server (embedded PostgreSQL): log-in
// in Arabic, right to left; the board with two halls whose events and status were shipped with
// their tokens, one of them silent for ten minutes and so greyed with no figure; a new hall whose
// token is shown once; a catalogue published; the report with a row per hall and its charts; English; axe-core on
// every screen. One browser and one city for the whole file.

const SCREEN = { width: 1366, height: 768 };
const MINUTE = 60_000;

let browser: Browser;
let city: TestCity;
let base: string;
let context: BrowserContext | undefined;
/** The city's clock runs this far behind real time while a hall is made to have been heard long ago. */
let shift = 0;
/** Mezzeh's hall token, for a batch while the board is open. */
let mezzehToken: string;
/** The city admin's session, for the API (log-ins are limited to 10 a minute). */
let admin: string;

const localDay = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Damascus' }).format(at);

async function call<T>(method: string, path: string, token: string | null, payload?: unknown): Promise<T> {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const res = await city.app.inject({ method, url: path, headers, payload: payload as object });
  expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

/** A hall's batch: `issued` tickets issued a minute before `at`, and its status. */
function batch(at: number, issued: number, status: Partial<HallStatus>): EventBatch {
  const events: HallEvent[] = Array.from({ length: issued }, (_, i) => ({
    seq: i + 1,
    kind: 'ticket',
    at: at - MINUTE + i,
    ticketId: i + 1,
    type: 'issue',
    fromStatus: null,
    toStatus: 'waiting',
    serviceId: 1,
    serviceCode: 'P',
    counterId: null,
    userId: null,
    issuedAt: at - MINUTE + i,
    priority: false,
    remote: false,
  }));
  return {
    events,
    configVersion: 0,
    status: {
      at,
      timeZone: 'Asia/Damascus',
      day: localDay(at),
      openNow: true,
      waiting: issued,
      longestWaitS: 20 * 60,
      longestWaitTargetS: 15 * 60,
      countersOpen: 3,
      issuedToday: issued,
      servedToday: 0,
      services: [],
      ...status,
    },
  };
}

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/city-ui/index.html', name: 'the city page' });
  [browser, city] = await Promise.all([launchBrowser(), startCity({ seed: 'none', now: () => Date.now() - shift })]);
  base = lanBase(city.url);
  ({ token: admin } = await call<{ token: string }>('POST', '/api/auth/login', null, { username: 'admin', password: city.adminPassword }));
  const mezzeh = await call<{ token: string }>('POST', '/api/city/halls', admin, { name: { ar: 'مركز المزة', en: 'Mezzeh hall' }, timeZone: 'Asia/Damascus' });
  const midan = await call<{ token: string }>('POST', '/api/city/halls', admin, { name: { ar: 'مركز الميدان', en: 'Midan hall' }, timeZone: 'Asia/Damascus' });
  // Midan was last heard ten minutes ago (by the city's clock), Mezzeh just now.
  shift = 10 * MINUTE;
  await call('POST', '/api/city/hall/events', midan.token, batch(Date.now() - shift, 4, { waiting: 9 }));
  shift = 0;
  await call('POST', '/api/city/hall/events', mezzeh.token, batch(Date.now(), 7, {}));
  mezzehToken = mezzeh.token;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await city?.close();
  await stopTestPostgres();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

const LOG_IN = { ar: 'تسجيل الدخول', en: 'Log in', fr: 'Se connecter' };

async function logIn(lang: 'ar' | 'en' | 'fr', hash = ''): Promise<Page> {
  context ??= await browser.newContext({ viewport: SCREEN });
  const page = await context.newPage();
  await page.goto(`${base}/city/${lang === 'ar' ? '' : `?lang=${lang}`}${hash}`);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill(city.adminPassword);
  await page.getByRole('button', { name: LOG_IN[lang], exact: true }).click();
  return page;
}

/** As tests/e2e/a11y.test.ts: no serious or critical finding, a main landmark, all content in landmarks, a first-level heading. */
async function expectAccessible(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  const { violations } = await runAxe(page);
  const failing = violations.filter((v) => ['serious', 'critical'].includes(v.impact!) || ['region', 'landmark-one-main', 'page-has-heading-one'].includes(v.id));
  expect(describeViolations(failing)).toEqual([]);
}

const hallRow = (page: Page, name: string | RegExp) => page.locator('.city-table tbody tr').filter({ has: page.getByRole('rowheader', { name }) });

describe('the city board', () => {
  it('logs in in Arabic, right to left, and shows each hall: figures when in contact, greyed and «—» when silent', async () => {
    const page = await logIn('ar');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await page.getByRole('heading', { level: 1, name: 'لوحة المراكز' }).waitFor();

    const mezzeh = hallRow(page, 'مركز المزة');
    await expect.poll(() => mezzeh.locator('td').allTextContents()).toEqual(['٧', '٢٠ دقيقة / ١٥ دقيقة تجاوز الهدف', '٣', '٧', '٠', expect.stringMatching(/^(الآن|قبل [٠-٩]+ ثانية)$/)]);
    expect(await mezzeh.getAttribute('class')).toBeNull();
    expect(await mezzeh.getByRole('rowheader').textContent()).toBe('مركز المزة');

    const midan = hallRow(page, /مركز الميدان/);
    await expect.poll(() => midan.getAttribute('class')).toContain('stale');
    expect((await midan.locator('td').allTextContents()).slice(0, 5)).toEqual(['—', '—', '—', '—', '—']);
    expect(await midan.getByRole('rowheader').textContent()).toMatch(/لا اتصال منذ الساعة [٠-٩]{2}:[٠-٩]{2}/);
    expect(await midan.locator('td').last().textContent()).toBe('قبل ١٠ دقائق');
    await expect.poll(() => page.locator('.city-counts').textContent()).toBe('المراكز المتصلة: ١المراكز المنقطعة عن الاتصال: ١');

    await expectAccessible(page);

    // Live: a heartbeat batch reaches the open board through /city, well before its next reread.
    await call('POST', '/api/city/hall/events', mezzehToken, batch(Date.now(), 0, { waiting: 3, issuedToday: 7 }));
    await expect.poll(() => mezzeh.locator('td').first().textContent()).toBe('٣');
  });

  it('switches to English, left to right', async () => {
    const page = await logIn('ar');
    await page.getByRole('heading', { level: 1, name: 'لوحة المراكز' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'City board' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await expect.poll(() => hallRow(page, /Midan hall/).getByRole('rowheader').textContent()).toMatch(/No contact since \d\d:\d\d/);
  });

  it('switches to French, left to right, its colon after a no-break space', async () => {
    const page = await logIn('ar');
    await page.getByRole('heading', { level: 1, name: 'لوحة المراكز' }).waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau des centres' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Centre', 'En attente', 'Attente la plus longue / objectif', 'Guichets ouverts', 'Tickets délivrés aujourd’hui', 'Servis aujourd’hui', 'Dernier contact']);
    await expect.poll(() => hallRow(page, /Mezzeh hall/).locator('td').nth(1).textContent()).toBe('20\u00a0min / 15\u00a0min Objectif dépassé');
    await expect.poll(() => hallRow(page, /Midan hall/).getByRole('rowheader').textContent()).toMatch(/Pas de contact depuis \d\d:\d\d/);
    expect(await hallRow(page, /Midan hall/).locator('td').last().textContent()).toBe('il y a 10 minutes');
    await expect.poll(() => page.locator('.city-counts').textContent()).toBe('En contact\u00a0: 1Sans contact\u00a0: 1');
    await expectAccessible(page);
  });
});

describe("the city admin's screens", () => {
  it('creates a hall and shows its token once', async () => {
    const page = await logIn('ar', '#/halls');
    await page.getByRole('button', { name: '+ مركز جديد' }).click();
    const form = page.getByRole('form', { name: 'مركز جديد' });
    expect(await form.getByLabel('المنطقة الزمنية').inputValue()).toBe('Asia/Damascus');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => form.getByLabel('اسم المركز بالعربية').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('اسم المركز بالعربية').fill('مركز باب توما');
    await form.getByLabel('اسم المركز بالإنكليزية (اختياري)').fill('Bab Touma hall');
    await form.getByRole('button', { name: 'حفظ' }).click();

    const box = page.getByRole('region', { name: 'رمز المركز: مركز باب توما' });
    const token = await box.getByLabel('رمز المركز', { exact: true }).inputValue();
    expect(token).toMatch(/^hall_/);
    expect(await box.getByRole('textbox', { name: 'إعدادات خادم المركز' }).inputValue()).toBe(`CENTRAL_URL=${base} CENTRAL_TOKEN=${token}`);
    // Plain HTTP has no clipboard API: the old copy command copies the selected token.
    await page.evaluate(() =>
      document.addEventListener('copy', () => {
        const input = document.activeElement as HTMLInputElement;
        document.body.dataset.copied = input.value.slice(input.selectionStart!, input.selectionEnd!);
      }),
    );
    await box.getByRole('button', { name: 'نسخ: رمز المركز' }).click();
    await expect.poll(() => box.getByRole('button', { name: 'نسخ: رمز المركز' }).textContent()).toBe('تم النسخ');
    expect(await page.evaluate(() => document.body.dataset.copied)).toBe(token);
    await expect.poll(() => page.getByRole('cell', { name: 'مركز باب توما', exact: true }).count()).toBe(1);
    await expectAccessible(page);

    await page.reload();
    await page.getByRole('cell', { name: 'مركز باب توما', exact: true }).waitFor();
    expect(await page.content()).not.toContain(token);
  });

  it('creates a hall named in Arabic and French only, in French, and renames it', async () => {
    const page = await logIn('fr', '#/halls');
    await page.getByRole('button', { name: '+ Nouveau centre' }).click();
    const form = page.getByRole('form', { name: 'Nouveau centre' });
    await form.getByLabel('Nom du centre (arabe)').fill('مركز باب الوادي');
    await form.getByLabel('Nom du centre (français, facultatif)').fill('Centre de Bab El Oued');
    await form.getByLabel('Fuseau horaire').selectOption('Africa/Algiers');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('region', { name: 'Jeton du centre\u00a0: Centre de Bab El Oued' }).waitFor();
    await page.getByRole('cell', { name: 'Centre de Bab El Oued', exact: true }).waitFor();
    const saved = async () => (await call<CityHall[]>('GET', '/api/city/halls', admin)).find((h) => h.name.ar === 'مركز باب الوادي');
    expect(await saved()).toMatchObject({ name: { ar: 'مركز باب الوادي', fr: 'Centre de Bab El Oued' }, timeZone: 'Africa/Algiers' });
    expect((await saved())!.name).not.toHaveProperty('en');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Renommer\u00a0: Centre de Bab El Oued' }).click();
    const rename = page.getByRole('form', { name: 'Renommer le centre' });
    expect(await rename.getByLabel('Nom du centre (anglais, facultatif)').inputValue()).toBe('');
    await rename.getByLabel('Nom du centre (français, facultatif)').fill('Centre de Bab el-Oued');
    await rename.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('cell', { name: 'Centre de Bab el-Oued', exact: true }).waitFor();
    expect((await saved())!.name).toEqual({ ar: 'مركز باب الوادي', fr: 'Centre de Bab el-Oued' });
  });

  it('publishes a catalogue, with a problem shown beside its cell', async () => {
    const page = await logIn('en', '#/catalogue');
    await page.getByText('The catalogue has not been published yet.').waitFor();
    await page.getByRole('button', { name: '+ Add a service' }).click();
    await page.getByLabel('Code, service 1').fill('p1');
    await page.getByLabel('Name (Arabic), service 1').fill('جوازات السفر');
    await page.getByLabel('Name (English, optional), service 1').fill('Passports');
    await page.getByLabel('What to bring (Arabic), service 1').fill('الهوية الشخصية\nصورتان شخصيتان');
    // A second service named without English, its papers in French (an Algerian hall's).
    await page.getByRole('button', { name: '+ Add a service' }).click();
    await page.getByLabel('Code, service 2').fill('EC');
    await page.getByLabel('Name (Arabic), service 2').fill('الحالة المدنية');
    await page.getByLabel('Name (French, optional), service 2').fill('État civil');
    await page.getByLabel('What to bring (French), service 2').fill('Carte d’identité');
    await page.getByRole('button', { name: 'Publish' }).click();
    const code = page.getByLabel('Code, service 1');
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await code.getAttribute('aria-describedby')}"]`).textContent()).toBe('1 to 3 capital Latin letters.');
    await expectAccessible(page);

    await code.fill('PS');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.locator('.city-version').textContent()).toBe('Version 1 published; every hall will receive it.');
    const published = await call<{ version: number; services: unknown[] }>('GET', '/api/city/services', admin);
    expect(published).toMatchObject({
      version: 1,
      services: [
        { code: 'PS', name: { ar: 'جوازات السفر', en: 'Passports' }, targetWaitMinutes: 15, whatToBring: { ar: ['الهوية الشخصية', 'صورتان شخصيتان'], en: [] } },
        { code: 'EC', name: { ar: 'الحالة المدنية', fr: 'État civil' }, targetWaitMinutes: 15, whatToBring: { ar: [], en: [], fr: ['Carte d’identité'] } },
      ],
    });
  });

  it("shows today's report with a row per hall, and its charts", async () => {
    const page = await logIn('en', '#/reports');
    await page.getByLabel('Group by').selectOption('hall');
    const table = page.locator('.reports-table');
    await expect.poll(() => table.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['Mezzeh hall', 'Midan hall']));
    const issued = async (name: string) => table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name }) }).locator('td').first().textContent();
    expect([await issued('Mezzeh hall'), await issued('Midan hall')]).toEqual(['7', '4']);
    expect(await table.locator('tfoot td').first().textContent()).toBe('11');
    // The hall's charts, from the city's chart routes: both histograms, and every ticket on the arrivals heatmap.
    await expect.poll(() => page.locator('.reports-chart canvas').count()).toBe(2);
    expect(await page.locator('.reports-chart canvas').first().getAttribute('aria-label')).toBe('Waiting times (2-minute steps): 0 Visitors');
    const arrivals = await page.locator('.reports-heatmap tbody td').allTextContents();
    expect(arrivals.reduce((sum, n) => sum + Number(n || 0), 0)).toBe(11);
    await expectAccessible(page);
  });
});
