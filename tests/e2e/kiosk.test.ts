import { eq } from 'drizzle-orm';
import { createServer, type Server } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allowFailedRequests, ensureBuilt, lanBase, launchBrowser, loadedFonts, loopback, unservedCharacters } from '../helpers/browser.js';
import { tickets } from '../../db/schema.js';
import { ticketView } from '../../server/hall/views.js';
import { ticketFacts } from '../../server/printing/facts.js';
import { ticketTexts } from '../../server/printing/texts.js';
import type { Service, Ticket } from '../../server/protocol/schemas.js';
import { waitWords } from '../../ui-kit/phrases.js';
import { measureContrast } from '../helpers/contrast.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The kiosk page in real Chromium against a real server: pairing, Arabic and RTL with real
// Arabic glyphs, the layout on a portrait and a landscape screen, one tap one ticket (double
// taps, lost answers), the priority path, the printer's troubles, and the paper coming out.

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

let browser: Browser;
let hall: TestHall;
let base: string;
let admin: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/kiosk-ui/index.html', name: 'the kiosk page' });
  browser = await launchBrowser();
}, 180_000);
afterAll(() => browser?.close());

async function openHall(clock?: () => number) {
  hall = await startHall({ now: clock });
  base = lanBase(await hall.listen());
  admin = await hall.login();
}
afterEach(async () => {
  await context?.close();
  context = undefined;
  await hall?.close();
});

async function kiosk(opts: { lang?: 'en'; size?: { width: number; height: number }; token?: string | null } = {}): Promise<Page> {
  context = await browser.newContext({ viewport: opts.size ?? LANDSCAPE, hasTouch: true });
  const page = await context.newPage();
  const token = opts.token === undefined ? hall.tokens.kiosk : opts.token;
  const query = [token ? `token=${token}` : '', opts.lang ? `lang=${opts.lang}` : ''].filter(Boolean).join('&');
  await page.goto(`${base}/kiosk/${query ? '?' + query : ''}`);
  return page;
}

const api = async (method: string, url: string, payload?: object) =>
  hall.app.inject({ method: method as 'GET', url, headers: bearer(admin), ...(payload ? { payload } : {}) });

async function ticketsNow() {
  const res = await api('GET', '/api/tickets');
  expect(res.statusCode).toBe(200);
  return res.json() as { id: number; number: string; priority: boolean; trackingCode: string }[];
}

const kioskDeviceId = () => hall.app.seedReport!.devices.find((d) => d.kind === 'kiosk')!.id;

/** Nothing scrolls, and every button lies inside the screen. */
async function expectFits(page: Page) {
  const box = await page.evaluate(() => {
    const doc = document.documentElement;
    const outside = Array.from(document.querySelectorAll('button')).filter((b) => {
      const r = b.getBoundingClientRect();
      return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5;
    });
    return {
      scrollW: doc.scrollWidth,
      scrollH: doc.scrollHeight,
      w: innerWidth,
      h: innerHeight,
      outside: outside.map((b) => b.textContent),
    };
  });
  expect(box.scrollW).toBeLessThanOrEqual(box.w);
  expect(box.scrollH).toBeLessThanOrEqual(box.h);
  expect(box.outside).toEqual([]);
}

/** Every button is at least 64 × 64 CSS pixels. */
async function expectTouchTargets(page: Page) {
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .map((b) => ({ text: b.textContent, ...b.getBoundingClientRect().toJSON() }))
      .filter((b) => b.width < 64 || b.height < 64),
  );
  expect(small).toEqual([]);
}

/** Every visible text meets 4.5:1 against the background it is drawn on (behind an overlay, only its box counts). */
async function expectContrast(page: Page) {
  const failures = await measureContrast(page, { skip: ':is(.overlay, .overlay *):not(.overlay-box, .overlay-box *)' });
  expect(failures.checked).toBeGreaterThan(3);
  expect(failures.out).toEqual([]);
}

describe('pairing', () => {
  it('without a token shows a calm "not paired" screen in both languages', async () => {
    await openHall();
    const page = await kiosk({ token: null });
    await expect.poll(() => page.getByText('This kiosk is not paired yet').isVisible()).toBe(true);
    expect(await page.getByText('هذا الجهاز غير مقترن بعد').isVisible()).toBe(true);
    expect(await page.getByRole('button').count()).toBe(0);
  });

  it('keeps the token, drops it from the address, and unpairs when the token is revoked', async () => {
    await openHall();
    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Fees and taxes' }).waitFor();
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await page.reload();
    await page.getByRole('button', { name: 'Fees and taxes' }).waitFor();

    const revoked = await api('POST', `/api/admin/devices/${kioskDeviceId()}/revoke`);
    expect(revoked.statusCode).toBe(200);
    await page.getByRole('button', { name: 'Fees and taxes' }).click({ timeout: 2000 }).catch(() => {});
    await page.getByText('This kiosk is not paired yet').waitFor({ timeout: 10_000 });
    expect(await ticketsNow()).toEqual([]);
  });
});

describe('the default page: Arabic, right to left, on any screen', () => {
  it('is Arabic and RTL with real Arabic glyphs', async () => {
    await openHall();
    const page = await kiosk({ size: PORTRAIT });
    const building = page.getByRole('button', { name: 'رخص البناء' });
    await building.waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    for (const name of ['البيانات العقارية', 'الرسوم والضرائب', 'الوثائق المدنية', 'الشكاوى والاستعلامات', 'التدقيق الهندسي']) {
      expect(await page.getByRole('button', { name }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('heading', { name: 'اختر الخدمة التي جئت من أجلها' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);

    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const name = document.querySelector('.service-name')!;
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = '40px "Noto Naskh Arabic"';
      return {
        family: getComputedStyle(name).fontFamily,
        // Joined letters take their narrow initial/medial/final forms: three joined beh are
        // much narrower than three isolated ones. Boxes of a missing font would be equal.
        joined: ctx.measureText('ببب').width,
        isolated: 3 * ctx.measureText('ب').width,
        nameWidth: name.getBoundingClientRect().width,
      };
    });
    expect(fonts.family).toMatch(/^"?Noto Naskh Arabic"?/);
    expect(await loadedFonts(page)).toContain('Noto Naskh Arabic'); // the face the server sends, not the device's
    expect(fonts.joined).toBeLessThan(0.8 * fonts.isolated);
    expect(fonts.nameWidth).toBeGreaterThan(80);

    // A kiosk is not a web page: no selection, no context menu, no zoom.
    const guards = await page.evaluate(() => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.querySelector('.service')!.dispatchEvent(event);
      return {
        contextMenuPrevented: event.defaultPrevented,
        userSelect: getComputedStyle(document.querySelector('.service-name')!).userSelect,
        touchAction: getComputedStyle(document.documentElement).touchAction,
        viewport: document.querySelector('meta[name=viewport]')!.getAttribute('content'),
        overflow: getComputedStyle(document.body).overflow,
      };
    });
    expect(guards).toMatchObject({ contextMenuPrevented: true, userSelect: 'none', touchAction: 'manipulation', overflow: 'hidden' });
    expect(guards.viewport).toContain('user-scalable=no');
  });

  for (const [label, size] of [['portrait 1080×1920', PORTRAIT], ['landscape 1920×1080', LANDSCAPE]] as const) {
    it(`fits a ${label} screen without scrolling, with 64 px targets and 4.5:1 contrast`, async () => {
      await openHall();
      const page = await kiosk({ size });
      await page.getByRole('button', { name: 'رخص البناء' }).waitFor();
      await expectFits(page);
      await expectTouchTargets(page);
      await expectContrast(page);

      await page.getByRole('button', { name: 'الرسوم والضرائب' }).click();
      await page.getByText('رقم دورك').waitFor({ timeout: 5000 });
      expect(await page.locator('.ticket-number').textContent()).toBe('F001');
      expect(await page.getByText('الأوراق المطلوبة').isVisible()).toBe(true);
      await expectFits(page);
      await expectTouchTargets(page);
      await expectContrast(page);

      await page.waitForTimeout(1300); // Done ignores the tail of the tap that made the ticket
      await page.getByRole('button', { name: 'تم', exact: true }).click();
      await page.getByRole('button', { name: 'أولوية (كبار السن، ذوو الإعاقة، الحوامل)' }).click();
      await page.getByRole('button', { name: 'نعم، أريد دور أولوية' }).waitFor();
      await expectFits(page);
      await expectTouchTargets(page);
      await expectContrast(page);
    });
  }
});

/** The demo hall with exactly n services (up to 12), none in a category (one grid). */
async function withServices(n: number) {
  const all = (await api('GET', '/api/admin/services')).json() as { id: number }[];
  for (const [i, s] of all.entries()) await api('PATCH', `/api/admin/services/${s.id}`, { category: null, active: i < n });
  for (const [code, ar, en] of MORE_SERVICES.slice(all.length - DEMO_SERVICES, Math.max(0, n - DEMO_SERVICES))) {
    expect((await api('POST', '/api/admin/services', { code, name: { ar, en } })).statusCode).toBe(201);
  }
}
const DEMO_SERVICES = 6;
const MORE_SERVICES = [
  ['V', 'تسجيل المركبات', 'Vehicle registration'],
  ['W', 'المياه والصرف الصحي', 'Water and sewerage'],
  ['L', 'الإشغالات والترخيص التجاري', 'Shop licences and street use'],
  ['H', 'الشؤون الاجتماعية', 'Social affairs'],
  ['N', 'النظافة', 'Waste collection'],
  ['R', 'الطرق والإنارة', 'Roads and street lights'],
];

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

/** The boxes of the menu: its heading, its grid, the service tiles and the priority tile. */
const menuBoxes = (page: Page) =>
  page.evaluate(() => {
    const box = (e: Element) => e.getBoundingClientRect().toJSON() as Box;
    return {
      heading: box(document.querySelector('.menu h1')!),
      grid: box(document.querySelector('.groups .grid')!),
      tiles: Array.from(document.querySelectorAll('.service'), box),
      priority: box(document.querySelector('.priority-entry')!),
    };
  });

/**
 * No holes: tiles of one size in rows, every row full (edge to edge of the grid) but the last,
 * which is centred; and no empty band between the heading and the first row.
 */
function expectNoHoles({ heading, grid, tiles }: Awaited<ReturnType<typeof menuBoxes>>) {
  const near = (a: number, b: number) => Math.abs(a - b) <= 2;
  const rows: Box[][] = [];
  for (const t of tiles) {
    const row = rows.find((r) => near(r[0]!.top, t.top));
    if (row) row.push(t);
    else rows.push([t]);
  }
  const [first] = rows;
  for (const t of tiles) {
    expect(near(t.width, tiles[0]!.width) && near(t.height, tiles[0]!.height), 'tiles of one size').toBe(true);
  }
  for (const [i, row] of rows.entries()) {
    const left = Math.min(...row.map((t) => t.left)) - grid.left;
    const right = grid.right - Math.max(...row.map((t) => t.right));
    if (i < rows.length - 1) {
      expect(row.length, `row ${i + 1} is full`).toBe(first!.length);
      expect(near(left, 0) && near(right, 0), `row ${i + 1} spans the grid`).toBe(true);
    } else {
      expect(row.length).toBeLessThanOrEqual(first!.length);
      expect(near(left, right), `the last row is centred (${left} | ${right})`).toBe(true);
    }
  }
  expect(tiles[0]!.top - heading.bottom, 'no empty band under the heading').toBeLessThan(heading.height);
}

/** The contrast of an element's text on its background, and of its background on the page's. */
const contrastOf = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const luminance = (css: string) => {
      const [r, g, b] = css.match(/[\d.]+/g)!.map(Number).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const e = getComputedStyle(document.querySelector(selector)!);
    const paper = getComputedStyle(document.documentElement).backgroundColor;
    return { text: ratio(e.color, e.backgroundColor), againstPage: ratio(e.backgroundColor, paper) };
  }, selector);

describe("the menu's layout", () => {
  for (const [label, size] of [['portrait', PORTRAIT], ['landscape', LANDSCAPE]] as const) {
    it(`lays 1, 4, 7 and 12 services out without holes on a ${label} screen, the priority tile like a service`, async () => {
      await openHall();
      for (const n of [1, 4, 7, 12]) {
        await withServices(n);
        const page = await kiosk({ size });
        await page.locator('.service').nth(n - 1).waitFor();
        expect(await page.locator('.service').count()).toBe(n);
        const boxes = await menuBoxes(page);
        expectNoHoles(boxes);
        await expectFits(page);
        await expectTouchTargets(page);

        // The priority entry is a tile as large and as plain to see as a service, with its sign.
        const tile = boxes.tiles[0]!;
        expect(boxes.priority.height).toBeGreaterThanOrEqual(0.9 * tile.height);
        expect(boxes.priority.width).toBeGreaterThanOrEqual(0.9 * tile.width);
        expect(boxes.priority.top - boxes.tiles.at(-1)!.bottom, 'right under the services').toBeLessThan(boxes.heading.height);
        expect(await page.locator('.priority-entry svg path').count()).toBeGreaterThan(0);
        const priority = await contrastOf(page, '.priority-entry');
        const service = await contrastOf(page, '.service');
        expect(priority.text).toBeGreaterThanOrEqual(4.5);
        expect(priority.againstPage, 'a filled tile, not a pale outline').toBeGreaterThanOrEqual(Math.min(4.5, service.againstPage));
        await context!.close();
      }
    }, 120_000);
  }

  it('shows the portrait ticket with no large blank gap above the QR code', async () => {
    await openHall();
    const page = await kiosk({ size: PORTRAIT });
    await page.getByRole('button', { name: 'الرسوم والضرائب' }).click();
    await page.locator('.qr svg').waitFor();
    const gap = await page.evaluate(() => {
      const above = Array.from(document.querySelectorAll('.ticket-main > *'), (e) => e.getBoundingClientRect().bottom);
      return document.querySelector('.qr-figure')!.getBoundingClientRect().top - Math.max(...above);
    });
    const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(gap).toBeLessThanOrEqual(2 * rem);
  });
});

describe('taking a ticket (English)', () => {
  it('one tap: the number, the service, the QR code to /t/<code> and what to bring', async () => {
    await openHall();
    const page = await kiosk({ lang: 'en' });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    expect(await page.getByRole('button', { name: 'العربية' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Fees and taxes' }).click();
    await page.getByText('F001').waitFor();
    expect(await page.getByText('Your number').isVisible()).toBe(true);
    expect(await page.getByText('No one ahead of you').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'What to bring' }).isVisible()).toBe(true);
    expect(await page.getByText('The amount due, in cash').isVisible()).toBe(true);
    const [ticket] = await ticketsNow();
    expect(ticket).toMatchObject({ number: 'F001', priority: false });
    const qr = page.getByRole('img', { name: 'Scan to follow your turn on your phone' });
    expect(await qr.getAttribute('data-url')).toBe(`${base}/t/${ticket!.trackingCode}`);
    await page.locator('.qr svg').waitFor();
    expect(await page.getByText(/Back to the menu in \d+ s/).isVisible()).toBe(true);

    await page.waitForTimeout(1300); // Done ignores the tail of the tap that made the ticket
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Fees and taxes' }).waitFor();
  });

  it('a double tap makes one ticket', async () => {
    await openHall();
    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Building permits' }).dblclick();
    await page.getByText('B001').waitFor();
    await page.waitForTimeout(500);
    expect((await ticketsNow()).map((t) => t.number)).toEqual(['B001']);
  });

  it('the priority path asks once, then makes a priority ticket', async () => {
    await openHall();
    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Priority (elderly, disabled, pregnant)' }).click();
    expect(await page.getByText('Are you one of them, or with one of them?').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Yes, a priority ticket' }).click();
    await page.getByText('Priority ticket: choose the service').waitFor();
    await page.getByRole('button', { name: 'Civil documents' }).click();
    await page.getByText('D001').waitFor();
    expect(await page.getByText('Priority ticket', { exact: true }).isVisible()).toBe(true); // as the receipt says
    expect(await ticketsNow()).toMatchObject([{ number: 'D001', priority: true }]);
  });

  it('says "trying again" while the server cannot be reached, and the retried tap is still one ticket', async () => {
    await openHall();
    const page = await kiosk({ lang: 'en' });
    const keys: string[] = [];
    allowFailedRequests(/\/api\/tickets$/);
    await page.route('**/api/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key']!);
      if (keys.length === 1) return route.abort('connectionrefused'); // the server is away
      if (keys.length === 2) {
        await route.fetch({ url: loopback(route.request().url()) }); // the server issues the ticket, but its answer is lost
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'Complaints and inquiries' }).click();
    await page.getByText('Cannot reach the server. Trying again…').waitFor();
    await page.getByText('C001').waitFor({ timeout: 15_000 });
    expect(keys.length).toBe(3);
    expect(new Set(keys).size).toBe(1);
    expect((await ticketsNow()).map((t) => t.number)).toEqual(['C001']);
  });

  it('a service that closed since the menu was drawn says so and makes no ticket', async () => {
    await openHall();
    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Engineering review' }).waitFor();
    const review = (await api('GET', '/api/admin/services')).json().find((s: { code: string }) => s.code === 'E');
    await api('PATCH', `/api/admin/services/${review.id}`, { dailyLimit: 1 });
    await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: review.id } });
    await page.getByRole('button', { name: 'Engineering review' }).click();
    await page.getByText('This service is not taking tickets now').waitFor();
    await page.getByRole('button', { name: 'OK' }).click();
    // The refreshed menu shows it closed, with the reason.
    await page.getByText("Today's tickets are all taken").waitFor();
    expect(await page.getByRole('button', { name: 'Engineering review' }).isDisabled()).toBe(true);
    await expectContrast(page);
    expect((await ticketsNow()).length).toBe(1);
  });

  it('goes to the attract screen when idle, and back to the menu on a touch', async () => {
    await openHall();
    context = await browser.newContext({ viewport: LANDSCAPE });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${base}/kiosk/?token=${hall.tokens.kiosk}&lang=en`);
    await page.getByRole('button', { name: 'Fees and taxes' }).waitFor();
    await page.clock.fastForward(61_000);
    const attract = page.getByRole('button', { name: 'Touch to take a ticket' });
    await attract.waitFor();
    expect(await attract.getByText('Citizen Service Centre').isVisible()).toBe(true);
    await expectContrast(page);
    await attract.click();
    await page.getByRole('button', { name: 'Fees and taxes' }).waitFor();
  });
});

describe('the server stops', () => {
  it('says "no connection" at once, and never that the printer is not working', async () => {
    await openHall();
    hall.app.conn.sqlite.prepare("UPDATE printers SET status = 'online' WHERE kiosk_id = ?").run(kioskDeviceId());
    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Fees and taxes' }).waitFor();
    expect(await page.locator('.banner').count()).toBe(0);
    await page.evaluate(() => {
      const seen: string[] = ((window as any).__banners = []);
      new MutationObserver(() => document.querySelectorAll('.banner').forEach((b) => seen.push(b.textContent!))).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    allowFailedRequests(/\/(api|socket\.io)\//);
    const port = Number(new URL(base).port);
    const dataDir = hall.dataDir;
    await hall.close({ keepData: true });
    // Before, it waited for the menu's next refresh (up to 15 s), saying the printer was down meanwhile.
    await page.getByText('No connection to the server. Trying again…').waitFor({ timeout: 5000 });
    const banners: string[] = await page.evaluate(() => (window as any).__banners);
    expect(banners.filter((b) => /printer/i.test(b))).toEqual([]);

    hall = await startHall({ dataDir }); // back: the notice goes by itself
    await hall.app.listen({ port, host: '127.0.0.1' });
    await page.getByText('No connection to the server. Trying again…').waitFor({ state: 'detached', timeout: 20_000 });
  }, 60_000);

  it('the ticket screen stops saying "printing", and asks to photograph the ticket if no paper came out', async () => {
    await openHall();
    expect((await api('PATCH', '/api/admin/hall', { settings: { kioskReturnSeconds: 120 } })).statusCode).toBe(200);
    hall.app.conn.sqlite.prepare("UPDATE printers SET status = 'online' WHERE kiosk_id = ?").run(kioskDeviceId());
    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Fees and taxes' }).click();
    await page.getByText('F001').waitFor();
    await page.getByText('Printing your ticket…').waitFor(); // no print agent: the job waits
    allowFailedRequests(/\/(api|socket\.io)\//);
    const port = Number(new URL(base).port);
    const dataDir = hall.dataDir;
    await hall.close({ keepData: true });
    await page.getByText('No connection to the server. Trying again…').waitFor({ timeout: 5000 });
    await page.getByText('If no ticket came out of the printer, please take a photo of the number and the QR code').waitFor();
    expect(await page.getByText('Your turn is kept all the same.').isVisible()).toBe(true);
    expect(await page.getByText('Printing your ticket…').count()).toBe(0);
    expect(await page.locator('.spinner').count()).toBe(0);
    await expectContrast(page);

    hall = await startHall({ dataDir });
    await hall.app.listen({ port, host: '127.0.0.1' });
    await page.getByText('If no ticket came out of the printer', { exact: false }).waitFor({ state: 'detached', timeout: 20_000 });
  }, 60_000);
});

describe('the ticket number', () => {
  it('reads the same on the English kiosk, the hall display and the receipt', async () => {
    await openHall();
    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Fees and taxes' }).click();
    await page.locator('.ticket-number').waitFor();
    const onKiosk = await page.locator('.ticket-number').textContent();
    expect(onKiosk).toBe('F001');

    const tv = await context!.newPage();
    await tv.setViewportSize({ width: 1920, height: 1080 });
    await tv.goto(`${base}/display/?token=${hall.tokens.display}`);
    await tv.locator('.hall-head').waitFor();
    const [ticket] = (await ticketsNow()) as unknown as Ticket[];
    const called = await hall.app.inject({ method: 'POST', url: '/api/counters/4/next', headers: bearer(await hall.login('clerk')) });
    expect(called.json()).toMatchObject({ number: ticket!.number });
    await tv.locator('.current .ticket-number').waitFor();
    expect(await tv.locator('.current .ticket-number').textContent()).toBe(onKiosk);

    const receipt = ticketTexts(ticketFacts(hall.app.conn, hall.app.hallId, ticket!, base));
    expect(receipt.number).toBe(onKiosk);
  });
});

describe('the printer', () => {
  it('offline: the kiosk says so and asks to photograph the number and QR code; the ticket stays valid', async () => {
    await openHall();
    hall.app.conn.sqlite.prepare("UPDATE printers SET status = 'offline' WHERE kiosk_id = ?").run(kioskDeviceId());
    const page = await kiosk({ lang: 'en' });
    await page.getByText('The printer is not working right now: you can still take a ticket and photograph it').waitFor();
    await page.getByRole('button', { name: 'Property statements' }).click();
    await page.getByText('P001').waitFor();
    await page.getByText('Please take a photo of the number and the QR code: the printer is not working right now').waitFor();
    expect(await page.getByText('Your turn is kept all the same.').isVisible()).toBe(true);
    await expectContrast(page);
    expect(await ticketsNow()).toMatchObject([{ number: 'P001' }]);
  });

  it('cancels the printing of a ticket it told to photograph: the printer coming back prints nothing', async () => {
    await openHall();
    // A printer that is switched off: nothing listens on its port.
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const bound = await api('POST', '/api/admin/printers', { name: 'Switched off', target: `tcp://127.0.0.1:${port}`, kioskId: kioskDeviceId() });
    expect(bound.statusCode).toBe(201);
    hall.app.conn.sqlite.prepare("UPDATE printers SET status = 'offline' WHERE kiosk_id = ?").run(kioskDeviceId());

    const page = await kiosk({ lang: 'en' });
    await page.getByRole('button', { name: 'Fees and taxes' }).click();
    await page.getByText('F001').waitFor();
    await page.getByText('Please take a photo of the number and the QR code: the printer is not working right now').waitFor();
    const job = () =>
      hall.app.conn.sqlite
        .prepare('SELECT j.status FROM print_jobs j JOIN tickets t ON t.id = j.ticket_id WHERE t.number = ?')
        .get('F001') as { status: string } | undefined;
    await expect.poll(() => job()?.status, { timeout: 15_000 }).toBe('cancelled');

    // The printer is switched on: the queue's next attempts find the job cancelled and send nothing.
    const received: Buffer[] = [];
    const printer: Server = createServer((socket) => socket.on('data', (d) => received.push(d)));
    await new Promise<void>((resolve) => printer.listen(port, '127.0.0.1', resolve));
    try {
      hall.app.conn.sqlite.prepare("UPDATE printers SET status = 'online' WHERE kiosk_id = ?").run(kioskDeviceId());
      await page.waitForTimeout(3000);
      expect(Buffer.concat(received).length).toBe(0);
      expect(job()?.status).toBe('cancelled');
    } finally {
      await new Promise((resolve) => printer.close(resolve));
    }
  });

  it('a fake TCP printer bound to the kiosk gets the job', async () => {
    await openHall();
    const received: Buffer[] = [];
    const printer: Server = createServer((socket) => socket.on('data', (d) => received.push(d)));
    await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve));
    try {
      const port = (printer.address() as { port: number }).port;
      const bound = await api('POST', '/api/admin/printers', { name: 'Test printer', target: `tcp://127.0.0.1:${port}`, kioskId: kioskDeviceId() });
      expect(bound.statusCode).toBe(201);
      const page = await kiosk({ lang: 'en' });
      await page.getByRole('button', { name: 'Fees and taxes' }).click();
      await page.getByText('F001').waitFor();
      await expect.poll(() => Buffer.concat(received).length, { timeout: 15_000 }).toBeGreaterThan(100);
      await page.getByText('Printed: please take your ticket').waitFor({ timeout: 15_000 });
      expect(await unservedCharacters(page)).toEqual([]); // its tick is drawn, not a character (✓)
    } finally {
      await new Promise((resolve) => printer.close(resolve));
    }
  });
});

describe('before a counter serves the service', () => {
  it('menu, ticket screen and receipt say the service has not started, with its opening time, in the same words', async () => {
    const at = Date.parse('2026-11-29T04:30:00Z'); // Sunday 07:30 in Damascus: the demo hall opens at 08:00
    await openHall(() => at);
    const page = await kiosk();
    const fees = page.getByRole('button', { name: 'الرسوم والضرائب' });
    const notStarted = 'الخدمة لم تبدأ بعد، وتبدأ الساعة ٠٨:٠٠';
    await expect.poll(() => fees.locator('.service-wait').textContent()).toBe(notStarted);

    await fees.click();
    await page.getByText('F001').waitFor();
    const [listed] = await ticketsNow();
    const row = hall.app.conn.db.select().from(tickets).where(eq(tickets.id, listed!.id)).get()!;
    const receipt = ticketTexts(ticketFacts(hall.app.conn, row.hallId, ticketView(hall.app.conn, row, at), base));
    expect(receipt.wait).toBe(notStarted);
    const said = async (selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();
    expect(await said('.ticket-wait')).toBe(receipt.wait);
    expect(await said('.ticket-ahead')).toBe(receipt.ahead);

    // A counter opens: the menu gives a wait again, in the receipt's words; one number, not the range.
    expect((await api('POST', '/api/counters/4/open')).statusCode).toBe(200);
    await page.reload();
    const menu: Service[] = (await api('GET', '/api/services')).json();
    const { estimatedWaitMinutes, estimatedWaitRange } = menu.find((s) => s.code === 'F')!;
    expect(estimatedWaitRange).toBeDefined();
    const words = waitWords({ estimatedWaitMinutes, notStarted: null }, 'ar', 'arab');
    expect(words).toMatch(/^نحو /);
    await expect.poll(() => fees.locator('.service-wait').textContent()).toBe(words);
  });
});

describe('the range around the wait (issue 17)', () => {
  it("the ticket screen says the range the receipt prints: «الانتظار المتوقع: ٩–٣١ دقيقة»", async () => {
    const at = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
    await openHall(() => at);
    expect((await api('POST', '/api/counters/1/open')).statusCode).toBe(200);
    // Two take building permits before: the third waits behind two 10-minute visits.
    for (let i = 0; i < 2; i++) expect((await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: 1 } })).statusCode).toBe(201);
    const page = await kiosk();
    await page.getByRole('button', { name: 'رخص البناء' }).click();
    await page.getByText('B003').waitFor();
    const row = hall.app.conn.db.select().from(tickets).where(eq(tickets.number, 'B003')).get()!;
    const receipt = ticketTexts(ticketFacts(hall.app.conn, row.hallId, ticketView(hall.app.conn, row, at), base));
    expect(receipt.wait).toBe('الانتظار المتوقع: ٩–٣١ دقيقة');
    expect((await page.locator('.ticket-wait').innerText()).replace(/\s+/g, ' ').trim()).toBe(receipt.wait);
  });
});
