import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { HallServiceInfo, HallStatus } from '../../server/protocol/city.js';
import { expectAccessible } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { startCity, stopTestPostgres, type TestCity } from '../helpers/city.js';

// /waits/ in real Chromium on a phone (390×844) against a real city server with four halls that
// shipped their status with their tokens: two open with different waits, one closed until
// tomorrow, one silent for ten minutes. Arabic first, then English and French; the phone's position (given
// to Chromium, never to the server) orders by distance; the page reads the city again every 30 s.

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, timezoneId: 'Asia/Damascus' };
const MINUTE = 60_000;
/** Beside Mezzeh's hall: Mezzeh is the nearest, though not the shortest wait. */
const CITIZEN = { latitude: 33.504, longitude: 36.254 };

let browser: Browser;
let city: TestCity;
let base: string;
let context: BrowserContext | undefined;
/** The city's clock runs this far behind real time (negative: ahead). */
let shift = 0;
let midanToken: string;

const localDay = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Damascus' }).format(at);

async function call<T>(method: string, path: string, token: string | null, payload?: unknown): Promise<T> {
  const res = await city.app.inject({ method, url: path, headers: token ? { authorization: `Bearer ${token}` } : {}, payload: payload as object });
  expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

const service = (code: 'P' | 'C', waiting: number, minutes: number | null, range?: { low: number; high: number }): z.infer<typeof HallServiceInfo> => ({
  id: code === 'P' ? 1 : 2,
  code,
  name: code === 'P' ? { ar: 'جوازات السفر', en: 'Passports', fr: 'Passeports' } : { ar: 'السجل المدني', en: 'Civil registry', fr: 'État civil' },
  targetWaitS: 900,
  active: true,
  waiting,
  estimatedWaitMinutes: minutes,
  ...(range ? { estimatedWaitRange: range } : {}),
});

function ship(token: string, status: Partial<HallStatus>) {
  const at = Date.now() - shift;
  const full: HallStatus = { at, timeZone: 'Asia/Damascus', day: localDay(at), openNow: true, waiting: 0, longestWaitS: null, longestWaitTargetS: null, countersOpen: 2, issuedToday: 0, servedToday: 0, services: [], ...status };
  return call('POST', '/api/city/hall/events', token, { events: [], configVersion: 0, status: full });
}

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/city-ui/waits.html', name: 'the waits page' });
  city = await startCity({ seed: 'none', now: () => Date.now() - shift });
  base = lanBase(city.url);
  browser = await launchBrowser();
  const { token: admin } = await call<{ token: string }>('POST', '/api/auth/login', null, { username: 'admin', password: city.adminPassword });
  const hall = async (ar: string, en: string, lat: number, lng: number) => {
    const { id, token } = await call<{ id: number; token: string }>('POST', '/api/city/halls', admin, { name: { ar, en }, timeZone: 'Asia/Damascus' });
    await call('PUT', `/api/city/halls/${id}/location`, admin, { lat, lng });
    return token;
  };
  const mezzeh = await hall('مركز المزة', 'Mezzeh centre', 33.5036, 36.2536);
  const midan = await hall('مركز الميدان', 'Midan centre', 33.496, 36.301);
  const kafrSousa = await hall('مركز كفرسوسة', 'Kafr Sousa centre', 33.499, 36.279);
  const qaboun = await hall('مركز القابون', 'Qaboun centre', 33.54, 36.33);
  shift = 10 * MINUTE;
  await ship(qaboun, { services: [service('P', 2, 3)] });
  shift = 0;
  await ship(mezzeh, { services: [service('P', 14, 25, { low: 18, high: 33 }), service('C', 1, 4)], joinUrl: 'https://mezzeh.example.org/join' });
  await ship(midan, { services: [service('P', 3, 8, { low: 5, high: 12 })] });
  const tomorrow = localDay(Date.now() + 24 * 60 * MINUTE);
  await ship(kafrSousa, { openNow: false, nextOpening: `${tomorrow}T08:00:00.000+03:00`, services: [service('P', 0, null)] });
  midanToken = midan;
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

/**
 * The phone's position, as Chromium's geolocation would give it. The city is served over https;
 * on the tests' plain-http LAN origin Chromium refuses geolocation (a secure-context API), so the
 * page is handed the same API answering with `at`, or refusing as a citizen who says no.
 */
function phoneAt(at: { latitude: number; longitude: number } | null) {
  const geolocation = {
    getCurrentPosition(ok: PositionCallback, fail: PositionErrorCallback) {
      if (at) setTimeout(() => ok({ coords: { ...at, accuracy: 20 }, timestamp: Date.now() } as GeolocationPosition));
      else setTimeout(() => fail({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError));
    },
  };
  Object.defineProperty(navigator, 'geolocation', { value: geolocation });
}

async function open(query = '', at: { latitude: number; longitude: number } | null = null): Promise<Page> {
  context = await browser.newContext(PHONE);
  await context.addInitScript(phoneAt, at);
  const page = await context.newPage();
  await page.goto(`${base}/waits/${query}`);
  return page;
}

const centres = (page: Page) => page.locator('.w-centre');
const names = (page: Page) => centres(page).locator('h3').allTextContents();
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('/waits/ on a phone', () => {
  it('in Arabic, right to left: a service first, then the centres by wait, the silent one last with no figure', async () => {
    const page = await open();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await page.getByRole('heading', { level: 1, name: 'الانتظار في مراكز خدمة المواطن' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'جوازات السفر' }).click();

    await page.getByRole('heading', { level: 2, name: 'جوازات السفر' }).waitFor();
    expect(await names(page)).toEqual(['مركز الميدان', 'مركز المزة', 'مركز كفرسوسة', 'مركز القابون']);
    const [midan, mezzeh, kafrSousa, qaboun] = await centres(page).allInnerTexts();
    expect(midan).toContain('مفتوح الآن');
    expect(midan).toContain('الانتظار المتوقع: ٥–١٢ دقيقة');
    expect(midan).toContain('ينتظر ٣ أشخاص');
    expect(midan).not.toContain('خذ رقماً هنا');
    expect(mezzeh).toContain('الانتظار المتوقع: ١٨–٣٣ دقيقة');
    expect(mezzeh).toContain('ينتظر ١٤ شخصاً');
    expect(await centres(page).nth(1).getByRole('link', { name: 'خذ رقماً هنا' }).getAttribute('href')).toBe('https://mezzeh.example.org/join');
    expect(kafrSousa).toContain('مغلق الآن · يفتح غداً الساعة ٠٨:٠٠');
    expect(qaboun).toContain('لا بيانات حية الآن');
    expect(qaboun).not.toMatch(/[٠-٩]/);
    expect(await fitsTheScreen(page)).toBe(true);
    await expectAccessible(page);

    // The other service: only the centre offering it.
    await page.getByRole('button', { name: 'تغيير الخدمة' }).click();
    await page.getByRole('button', { name: 'السجل المدني' }).click();
    await expect.poll(() => names(page)).toEqual(['مركز المزة']);
    expect(await centres(page).first().innerText()).toContain('الانتظار المتوقع: نحو ٤ دقائق');
  });

  it('in English, left to right, with the service kept in the address', async () => {
    const page = await open('?lang=en&service=P');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await page.getByRole('heading', { level: 2, name: 'Passports' }).waitFor();
    expect(await names(page)).toEqual(['Midan centre', 'Mezzeh centre', 'Kafr Sousa centre', 'Qaboun centre']);
    const [midan, mezzeh, kafrSousa, qaboun] = await centres(page).allInnerTexts();
    expect(midan).toContain('Expected wait: 5–12 min');
    expect(midan).toContain('3 people waiting');
    expect(mezzeh).toContain('Expected wait: 18–33 min');
    expect(await centres(page).nth(1).getByRole('link', { name: 'Take a ticket here' }).getAttribute('href')).toBe('https://mezzeh.example.org/join?lang=en');
    expect(kafrSousa).toContain('Closed now · Opens tomorrow at 08:00');
    expect(qaboun).toContain('No live data now');
    expect(await fitsTheScreen(page)).toBe(true);
    await expectAccessible(page);
  });

  it('in French, left to right, in Latin digits, every word French but the names', async () => {
    const page = await open('?lang=fr&service=P');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    await page.getByRole('heading', { level: 1, name: 'Temps d’attente dans les centres de service aux citoyens' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Passeports' }).waitFor();
    // The city's halls have no French name: their English one stands in.
    expect(await names(page)).toEqual(['Midan centre', 'Mezzeh centre', 'Kafr Sousa centre', 'Qaboun centre']);
    const [midan, mezzeh, kafrSousa, qaboun] = await centres(page).allInnerTexts();
    expect(midan).toContain('Ouvert en ce moment');
    expect(midan).toContain('Temps d’attente estimé\u00a0: 5–12\u00a0min');
    expect(midan).toContain('3\u00a0personnes en attente');
    expect(mezzeh).toContain('14\u00a0personnes en attente');
    expect(await centres(page).nth(1).getByRole('link', { name: 'Prendre un ticket ici' }).getAttribute('href')).toBe('https://mezzeh.example.org/join?lang=fr');
    expect(kafrSousa).toContain('Fermé en ce moment · Ouvre demain à 08:00');
    expect(qaboun).toContain('Pas de données en direct pour le moment');
    const languages = page.getByRole('navigation', { name: 'Langue' });
    expect(await languages.getByRole('link').allTextContents()).toEqual(['العربية', 'English']);
    expect(await languages.getByRole('link', { name: 'English' }).getAttribute('href')).toBe('/waits/?lang=en&service=P');
    expect(await languages.getByRole('link', { name: 'العربية' }).getAttribute('href')).toBe('/waits/?service=P');

    await page.getByRole('button', { name: 'Changer de service' }).click();
    await page.getByRole('button', { name: 'État civil' }).click();
    await expect.poll(() => names(page)).toEqual(['Mezzeh centre']);
    const civil = await centres(page).first().innerText();
    expect(civil).toContain('Temps d’attente estimé\u00a0: environ 4\u00a0min');
    expect(civil).toContain('1\u00a0personne en attente');

    // No Arabic but the switch's «العربية», none of the English the page says in English.
    const text = (await page.locator('body').innerText()).replace('العربية', '');
    expect(text).not.toMatch(/[\u0600-\u06FF]/);
    expect(text).not.toMatch(/Open now|Closed now|Expected wait|waiting|Take a ticket|Change service|Nearest|Ordered by|Updated at/);
    expect(await fitsTheScreen(page)).toBe(true);
    await expectAccessible(page);
  });

  it("orders by distance with the phone's position, which never leaves the page", async () => {
    const page = await open('?service=P', CITIZEN);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.getByRole('heading', { level: 2, name: 'جوازات السفر' }).waitFor();
    await page.getByRole('button', { name: 'الأقرب إليّ' }).click();
    await expect.poll(() => names(page)).toEqual(['مركز المزة', 'مركز كفرسوسة', 'مركز الميدان', 'مركز القابون']);
    expect(await page.getByRole('status').textContent()).toBe('مرتبة حسب القرب منك، الأقرب أولاً.');
    expect(await centres(page).first().innerText()).toContain('على بعد ١٠٠ م');
    expect(await centres(page).nth(1).innerText()).toContain('على بعد ٢٫٤ كم');
    expect(asked.join(' ')).not.toMatch(/33\.50|36\.25|lat|lng/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'حسب مدة الانتظار' }).click();
    await expect.poll(() => names(page)).toEqual(['مركز الميدان', 'مركز المزة', 'مركز كفرسوسة', 'مركز القابون']);
  });

  it('keeps the order by wait, and says why, when the phone will not say where it is', async () => {
    const page = await open('?service=P');
    await page.getByRole('button', { name: 'الأقرب إليّ' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('تعذّر تحديد موقعك، فبقيت المراكز مرتبةً حسب مدة الانتظار.');
    expect(await names(page)).toEqual(['مركز الميدان', 'مركز المزة', 'مركز كفرسوسة', 'مركز القابون']);
  });

  it('reads the city again every 30 s', async () => {
    context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.clock.install();
    // The answer may be kept 10 s by real time, which the page's fake clock does not move.
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${base}/waits/?service=P`);
    await page.getByRole('heading', { level: 2, name: 'جوازات السفر' }).waitFor();
    expect((await names(page))[0]).toBe('مركز الميدان');
    // Midan fills up; the city's clock moves past its 10 s cache.
    await ship(midanToken, { services: [service('P', 40, 60, { low: 45, high: 75 })] });
    shift = -11_000;
    await page.clock.fastForward(30_000);
    await expect.poll(() => names(page)).toEqual(['مركز المزة', 'مركز الميدان', 'مركز كفرسوسة', 'مركز القابون']);
    expect(await centres(page).nth(1).innerText()).toContain('٤٥–٧٥ دقيقة');
  });
});

describe("the city admin's hall location", () => {
  it('is set on the Halls screen, checked before it is sent, and reaches /api/city/waits', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${base}/city/#/halls`);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(city.adminPassword);
    await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await page.getByRole('button', { name: 'موقع المركز: مركز القابون' }).click();
    const form = page.getByRole('form', { name: 'موقع المركز' });
    expect(await form.getByLabel('خط العرض').inputValue()).toBe('33.54');
    await form.getByLabel('خط العرض').fill('٩١');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => form.getByLabel('خط العرض').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('خط العرض').fill('33.55');
    await form.getByLabel('خط الطول').fill('36.34');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await form.waitFor({ state: 'detached' });
    shift -= 11_000; // past the 10 s the waits are kept
    const waits = (await city.app.inject({ method: 'GET', url: '/api/city/waits', remoteAddress: '10.1.1.1' })).json();
    expect(waits.halls.find((h: { name: { en: string } }) => h.name.en === 'Qaboun centre').location).toEqual({ lat: 33.55, lng: 36.34 });
    await expectAccessible(page);
  });
});
