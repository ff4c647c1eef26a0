import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shorterWaitWords } from '../../kiosk-ui/src/components/ShorterWait.js';
import type { CityWaits } from '../../server/protocol/city.js';
import type { Service } from '../../server/protocol/schemas.js';
import { issue, serviceId } from '../central/acts.js';
import { HALL_TOKEN, startFakeCity, type FakeCity } from '../central/fake-city.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { startHall, type TestHall } from '../helpers/hall.js';

// "Shorter wait now at: <centre>, ~N min" in real Chromium: the kiosk's ticket screen and the
// phone's /join name another centre of the city whose wait for the service is much shorter, when
// the hall's setting suggestOtherCentres is on, and say nothing when it is off. The city is the
// stand-in of tests/central (its public waits over real HTTP), as the route's own tests use.

const FAST = { pollMs: 10, heartbeatMs: 100, timeoutMs: 300, backoffMinMs: 10, backoffMaxMs: 40, random: () => 1 };
let clock = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus: the demo hall is open

let browser: Browser;
let city: FakeCity;
let hall: TestHall;
let base: string;
let fees: number;
let context: BrowserContext | undefined;

/** Midan's wait for F, and the words the pages must say about it. */
const MIDAN_MINUTES = 2;
const midan = (name: CityWaits['halls'][number]['name']): CityWaits['halls'][number] => ({
  id: 2,
  name,
  stale: false,
  openNow: true,
  services: [{ code: 'F', name: { ar: 'رسوم', en: 'Fees' }, waiting: 1, estimatedWaitMinutes: MIDAN_MINUTES }],
});

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/kiosk-ui/join.html', name: 'the kiosk and phone pages' });
  city = await startFakeCity();
  city.waits = { halls: [midan({ ar: 'مركز الميدان', en: 'Midan centre', fr: 'Centre Midan' })] };
  [browser, hall] = await Promise.all([
    launchBrowser(),
    startHall({ now: () => clock, config: { CENTRAL_URL: city.url, CENTRAL_TOKEN: HALL_TOKEN }, central: FAST }),
  ]);
  base = lanBase(await hall.listen());
  fees = await serviceId(hall, 'F');
  // F is waited on for at least 20 minutes here: Midan's 2 is much shorter.
  const own = async () => ((await hall.app.inject({ method: 'GET', url: '/api/services' })).json() as { id: number; estimatedWaitMinutes: number | null }[]).find((s) => s.id === fees)!.estimatedWaitMinutes ?? 0;
  while ((await own()) < 20) await issue(hall, 'F');
  hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 500 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
  await city?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(path: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

/** Taps `button` and waits for the page's question to the hall about other centres to be answered. */
async function tapAndAsk(page: Page, button: string) {
  const asked = page.waitForResponse((res) => /\/api\/services\/\d+\/elsewhere$/.test(res.url()));
  await page.getByRole('button', { name: button }).click();
  return (await asked).json();
}

const kiosk = (lang?: 'en') => open(`/kiosk/?token=${hall.tokens.kiosk}${lang ? `&lang=${lang}` : ''}`);

describe('the shorter wait elsewhere', () => {
  it('the kiosk names the centre on the ticket screen when the setting is on', async () => {
    hall.setSettings({ suggestOtherCentres: true });
    const page = await kiosk();
    await tapAndAsk(page, 'الرسوم والضرائب');
    const words = shorterWaitWords({ name: { ar: 'مركز الميدان', en: 'Midan centre' }, estimatedWaitMinutes: MIDAN_MINUTES }, 'ar', 'arab');
    expect(words).toBe('انتظار أقصر الآن في: مركز الميدان، نحو دقيقتين');
    await expect.poll(() => page.locator('.shorter-wait').textContent()).toBe(words);
  });

  it('the phone page (/join) says it in its question before the ticket', async () => {
    hall.setSettings({ suggestOtherCentres: true });
    const page = await open('/join');
    await tapAndAsk(page, 'الرسوم والضرائب');
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain('انتظار أقصر الآن في: مركز الميدان، نحو دقيقتين');
  });

  it('neither says anything when the setting is off', async () => {
    hall.setSettings({ suggestOtherCentres: false });
    const page = await kiosk();
    expect(await tapAndAsk(page, 'الرسوم والضرائب')).toEqual({ elsewhere: null });
    await page.locator('.ticket-number').waitFor();
    expect(await page.locator('.shorter-wait').count()).toBe(0);

    const phone = await open('/join');
    expect(await tapAndAsk(phone, 'الرسوم والضرائب')).toEqual({ elsewhere: null });
    expect(await phone.getByRole('alertdialog').textContent()).not.toContain('انتظار أقصر');
  });
});

describe('names without English on an English kiosk', () => {
  it('shows the French name of a service and of the centre, never "undefined" nor the Arabic', async () => {
    hall.setSettings({ suggestOtherCentres: true, languages: ['ar', 'en', 'fr'] });
    // A hall in a city runs the city's catalogue: the city names the service in Arabic and French only.
    city.published = { version: 1, publishedAt: '2026-11-29T06:00:00Z', services: [{ code: 'F', name: { ar: 'الرسوم والضرائب', fr: 'Droits et taxes' }, targetWaitMinutes: 10 }] };
    const named = async () => ((await hall.app.inject({ method: 'GET', url: '/api/services' })).json() as Service[]).find((s) => s.id === fees)!.name;
    await expect.poll(named, { timeout: 10_000 }).toEqual({ ar: 'الرسوم والضرائب', fr: 'Droits et taxes' });
    // The city's admin named the other centre in Arabic and French only; the hall reads the city's waits again after 30 s.
    city.waits = { halls: [midan({ ar: 'مركز الميدان', fr: 'Centre Midan' })] };
    clock += 30_000;
    const elsewhere = async () => (await hall.app.inject({ method: 'GET', url: `/api/services/${fees}/elsewhere` })).json().elsewhere?.name;
    await expect.poll(elsewhere).toEqual({ ar: 'مركز الميدان', fr: 'Centre Midan' });

    const page = await kiosk('en');
    await tapAndAsk(page, 'Droits et taxes');
    await page.locator('.ticket-service').waitFor();
    expect(await page.locator('.ticket-service').textContent()).toBe('Droits et taxes');
    await expect.poll(() => page.locator('.shorter-wait').textContent()).toBe(`Shorter wait now at: Centre Midan, ~${MIDAN_MINUTES} min`);
  });
});
