import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allowFailedRequests, ensureBuilt, lanBase, launchBrowser, loopback, unservedCharacters } from '../helpers/browser.js';
import { measureContrast } from '../helpers/contrast.js';
import { bearer, startHall, type TestHall, type TestHallOptions } from '../helpers/hall.js';

// The hall display in real Chromium against a real server: calls seen within a second, a burst
// of calls shown at once (the newest featured, the others waiting to be spoken) and announced in
// order, missed calls announced after a reconnect, the display coming back by itself after a
// server restart, the offline banner, closed services, the flash rate, the sound bar, the layout
// and its type sizes. The announcements go to a recording player that the test puts in before
// the page boots: one entry per sentence (chime, Arabic, English) it is asked to play.

const TV = { width: 1920, height: 1080 };
const T0 = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus

let browser: Browser;
let hall: TestHall;
let base: string;
let clerk: string;
let kioskToken: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/display-ui/index.html', name: 'the display page' });
  browser = await launchBrowser();
}, 180_000);
afterAll(() => browser?.close());

async function openHall(opts: Pick<TestHallOptions, 'now' | 'preClose'> = {}) {
  hall = await startHall(opts);
  base = lanBase(await hall.listen());
  clerk = await hall.login('clerk');
  kioskToken = hall.tokens.kiosk;
}
afterEach(async () => {
  await context?.close();
  context = undefined;
  await hall?.close();
});

interface Played {
  callId: number;
  ticket: string;
  clips: string[];
  start: number;
  end?: number;
}

/**
 * Opens the display with a recording player: each announcement "plays" for `playMs`.
 * `unlockAfterTap`: the player reports sound blocked until the page asks a second time.
 */
async function openDisplay(opts: { playMs?: number; unlockAfterTap?: boolean; record?: boolean } = {}): Promise<Page> {
  context = await browser.newContext({ viewport: TV });
  const page = await context.newPage();
  if (opts.record !== false) {
    await page.addInitScript(
      ({ playMs, unlockAfterTap }) => {
        const played: unknown[] = [];
        let asked = 0;
        (window as any).__played = played;
        window.dawrAnnouncementPlayer = {
          unlock: async () => !unlockAfterTap || ++asked > 1,
          async play(a) {
            const entry: any = { callId: a.callId, ticket: a.ticketNumber, clips: a.clips, start: performance.now() };
            played.push(entry);
            await new Promise((r) => setTimeout(r, playMs));
            entry.end = performance.now();
          },
        };
      },
      { playMs: opts.playMs ?? 200, unlockAfterTap: opts.unlockAfterTap ?? false },
    );
  }
  await page.goto(`${base}/display/?token=${hall.tokens.display}`);
  await page.locator('.hall-head').waitFor();
  return page;
}

const played = (page: Page) => page.evaluate(() => (window as any).__played as Played[]);
/** The tickets announced, in order, once each. */
const spoken = async (page: Page) => [...new Set((await played(page)).map((p) => p.ticket))];

let keys = 0;
async function issue(serviceId: number) {
  const res = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(kioskToken), 'idempotency-key': `e2e-display-${++keys}` },
    payload: { serviceId },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; number: string };
}

async function callNext(counter: number) {
  const res = await hall.app.inject({ method: 'POST', url: `/api/counters/${counter}/next`, headers: bearer(clerk) });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: number; number: string };
}

/** Ticket numbers on screen (Latin digits back): the featured one, those still to be spoken, the previous ones. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const latin = (s: string) => s.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
    const text = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => latin(e.textContent!.trim()));
    return { current: text('.current .ticket-number')[0] ?? null, next: text('.new-list .ticket-number'), recent: text('.recent-list .ticket-number') };
  });

describe('the hall display', () => {
  it('pairs once, then shows a call made through the API within a second', async () => {
    await openHall();
    const page = await openDisplay();
    expect(new URL(page.url()).search).toBe(''); // the token left the address bar
    await issue(1);
    const started = Date.now();
    await callNext(1);
    await page.locator('.current .ticket-number', { hasText: 'B001' }).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await page.locator('.current .counter-number').textContent()).toBe('١');
    await expect.poll(async () => (await played(page)).map((p) => p.clips)).toEqual([
      ['common/chime'],
      ['ar/the-number', 'ar/latin-b', 'ar/n1', 'ar/to-counter', 'ar/n1'],
      ['en/ticket', 'en/latin-b', 'en/n1', 'en/go-to-counter', 'en/n1'],
    ]);
    expect(await spoken(page)).toEqual(['B001']);
  });

  it('features the newest of six quick calls at once, keeps the others in view until each is spoken, and speaks all six', async () => {
    await openHall();
    const page = await openDisplay({ playMs: 400 });
    // Two tickets of every service, so that whatever the routing picks, each counter has one to call.
    for (const s of [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]) await issue(s);
    const called: string[] = [];
    for (const c of [1, 2, 4, 6, 7, 8]) called.push((await callNext(c)).number);
    const newest = called.at(-1)!;

    // Within a second: the newest featured, the five others waiting to be spoken, none only in the history.
    await expect
      .poll(() => shown(page), { timeout: 1000, interval: 50 })
      .toEqual({ current: newest, next: called.slice(0, 5), recent: [] });

    // Until all six are spoken, a call is listed as previous only once it has been spoken to its end.
    const onlyInHistoryUnspoken = () =>
      page.evaluate(() => {
        const log = (window as any).__played as Played[];
        const latin = (s: string) => s.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
        const recent = Array.from(document.querySelectorAll('.recent-list .ticket-number')).map((e) => latin(e.textContent!.trim()));
        return recent.filter((t) => !log.some((p) => p.ticket === t) || log.some((p) => p.ticket === t && p.end === undefined));
      });
    while ((await spoken(page)).length < 6 || (await played(page)).some((p) => p.end === undefined)) {
      expect(await onlyInHistoryUnspoken()).toEqual([]);
      await page.waitForTimeout(100);
    }
    expect(await spoken(page)).toEqual(called);
    const log = await played(page);
    for (let i = 1; i < log.length; i++) expect(log[i]!.start).toBeGreaterThanOrEqual(log[i - 1]!.end!);
    // One group: one chime (how it is shortened is timed in tests/display/announcer.test.ts).
    expect(log.filter((p) => p.clips.includes('common/chime'))).toHaveLength(1);
    // Spoken, they move to the history, newest first; the newest stays featured.
    await expect.poll(() => shown(page)).toEqual({ current: newest, next: [], recent: called.slice(0, 5).reverse() });
  }, 60_000);

  it('announces after a reconnect the calls it missed in the last minute, and only lists older ones', async () => {
    let clock = T0;
    await openHall({ now: () => clock });
    const page = await openDisplay();
    for (const s of [1, 2, 3]) await issue(s);

    // The display loses the server: its connection drops and cannot come back for now.
    const socketIo = (url: URL) => url.pathname.startsWith('/socket.io/');
    await page.route(socketIo, (route) => route.abort());
    const displayId = hall.app.seedReport!.devices.find((d) => d.kind === 'display')!.id;
    hall.app.realtime.disconnect({ deviceId: displayId });
    await page.locator('.link-mark').waitFor();

    const old = await callNext(1); // 2 minutes before it comes back
    clock += 120_000;
    const missed = [await callNext(2), await callNext(4)];
    clock += 10_000;
    await page.unroute(socketIo);

    await page.locator('.link-mark').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => spoken(page), { timeout: 10_000 }).toEqual(missed.map((t) => t.number));
    await expect.poll(async () => (await shown(page)).recent).toContain(old.number);
  }, 30_000);

  it('comes back by itself after a server restart that took a while to close, and shows the next call', async () => {
    // The old server's close is held after socket.io's goodbye, as a backup finishing holds it,
    // until the display has tried to come back: turned away, or let in.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await openHall({ preClose: () => held });
    const page = await openDisplay();
    // While the server is away, the display's attempts to come back are refused.
    allowFailedRequests(/\/socket\.io\//);
    const turnedAway = new Promise<void>((resolve) =>
      hall.app.server.on('request', (req, res) => req.url!.startsWith('/socket.io/') && res.once('finish', () => res.statusCode === 403 && resolve())),
    );
    const port = Number(new URL(base).port);
    const dataDir = hall.dataDir;
    const closed = hall.close({ keepData: true });
    await page.locator('.link-mark').waitFor();
    await Promise.race([turnedAway, page.locator('.link-mark').waitFor({ state: 'detached' })]);
    release();
    await closed; // a display let in would hold it open for ever

    hall = await startHall({ dataDir }); // the same database: the devices and their tokens
    await hall.app.listen({ port, host: '127.0.0.1' });
    clerk = await hall.login('clerk');
    // Generous: on a loaded machine the old server's close and the new one's start take seconds,
    // and the display's back-off (0.5–5 s, then a 2 s retry after the goodbye) adds to them.
    await page.locator('.link-mark').waitFor({ state: 'detached', timeout: 45_000 });
    await issue(3);
    await callNext(4);
    await page.locator('.current .ticket-number', { hasText: 'F001' }).waitFor({ timeout: 10_000 });
  }, 90_000);

  it('says across the whole screen that it is offline, and drops a recall tag that may be stale', async () => {
    await openHall();
    const page = await openDisplay();
    await issue(1);
    const ticket = await callNext(1);
    const recall = await hall.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/recall`, headers: bearer(clerk) });
    expect(recall.statusCode).toBe(200);
    await page.locator('.current .recall-tag').waitFor();

    allowFailedRequests(/\/socket\.io\//); // the display's attempts to come back
    const dataDir = hall.dataDir;
    await hall.close({ keepData: true });
    const banner = page.locator('.link-mark');
    await banner.waitFor();
    const look = await banner.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { left: box.left, width: box.width, top: box.top, fontSize: parseFloat(getComputedStyle(el).fontSize), text: el.textContent };
    });
    expect(look).toMatchObject({ left: 0, width: 1920, top: 0 });
    expect(look.fontSize).toBeGreaterThanOrEqual(40);
    expect(look.text).toContain('انقطع الاتصال');
    expect(look.text).toContain('Connection lost');
    expect(await page.locator('.recall-tag').count()).toBe(0);
    hall = await startHall({ dataDir }); // for afterEach to clear away
  }, 30_000);

  it('marks in the waiting row a service closed for the day', async () => {
    await openHall();
    const page = await openDisplay();
    const supervisor = await hall.login('supervisor');
    const res = await hall.app.inject({ method: 'POST', url: '/api/services/3/close-today', headers: bearer(supervisor) });
    expect(res.statusCode).toBe(200);
    const closed = page.locator('.waiting-list li.closed');
    await closed.waitFor();
    expect(await closed.getAttribute('data-service-id')).toBe('3');
    expect(await closed.textContent()).toContain('مغلقة اليوم');
    expect(await page.locator('.waiting-list li').count()).toBeGreaterThan(1);
  });

  it('reloads itself when the server comes back with another version', async () => {
    await openHall();
    let upgraded = false;
    context = await browser.newContext({ viewport: TV });
    // The server "upgrades": from now on every version it tells is another one.
    const rewrite = (text: string) => (upgraded ? text.replace(/"version":"([^"]+)"/g, '"version":"$1-next"') : text);
    const socketIo = (url: URL) => url.pathname.startsWith('/socket.io/');
    await context.route(socketIo, async (route) => {
      try {
        const res = await route.fetch({ url: loopback(route.request().url()) });
        await route.fulfill({ response: res, body: rewrite(await res.text()) });
      } catch {
        // The page went away with a long-poll open.
      }
    });
    await context.routeWebSocket(socketIo, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((m) => ws.send(typeof m === 'string' ? rewrite(m) : m));
    });
    const page = await context.newPage();
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`${base}/display/?token=${hall.tokens.display}`);
    await page.locator('.hall-head').waitFor();
    expect(loads).toBe(1);

    upgraded = true;
    const displayId = hall.app.seedReport!.devices.find((d) => d.kind === 'display')!.id;
    hall.app.realtime.disconnect({ deviceId: displayId });
    await expect.poll(() => loads, { timeout: 10_000 }).toBe(2);
    await page.locator('.hall-head').waitFor(); // paired still: the token was kept
    await context.unrouteAll({ behavior: 'ignoreErrors' });
  }, 30_000);

  it('highlights a new call at most three flashes a second', async () => {
    await openHall();
    const page = await openDisplay();
    await issue(1);
    await callNext(1);
    const flash = page.locator('.current.flash');
    await flash.waitFor();
    const { duration, count } = await flash.evaluate((el) => {
      const style = getComputedStyle(el);
      return { duration: parseFloat(style.animationDuration), count: style.animationIterationCount };
    });
    expect(1 / duration).toBeLessThanOrEqual(3);
    expect(Number(count)).toBeLessThanOrEqual(3);
  });

  it('asks once for a tap where the browser blocks sound', async () => {
    await openHall();
    const page = await openDisplay({ unlockAfterTap: true });
    const overlay = page.getByRole('button', { name: /اضغط لتفعيل الصوت/ });
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain('Tap to enable sound');
    // The board stays in full view, undimmed: the calls are what people look at, sound or not.
    const board = await page.evaluate(() => {
      const seen = (sel: string) => {
        const el = document.querySelector(sel)!;
        const box = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
      };
      const bar = document.querySelector('.sound-overlay')!.getBoundingClientRect();
      const hall = getComputedStyle(document.querySelector('.hall')!);
      return {
        current: seen('.current'),
        recent: seen('.recent'),
        name: seen('.hall-name'),
        opacity: hall.opacity,
        filter: hall.filter,
        share: (bar.width * bar.height) / (innerWidth * innerHeight),
      };
    });
    expect(board).toMatchObject({ current: true, recent: true, name: true, opacity: '1', filter: 'none' });
    expect(board.share).toBeLessThan(0.2);
    expect(await unservedCharacters(page)).toEqual([]); // the speaker is drawn, not an emoji (🔊)
    await overlay.click();
    await overlay.waitFor({ state: 'detached' });
  });

  it("shows the admin's media and lowers a video's sound while a call is spoken", async () => {
    await openHall();
    mkdirSync(join(hall.dataDir, 'media'), { recursive: true });
    writeFileSync(join(hall.dataDir, 'media', 'welcome.webm'), 'not really a video');
    const page = await openDisplay({ playMs: 1500 });
    const video = page.locator('.media video');
    await video.waitFor();
    expect(await video.getAttribute('src')).toBe('/media/welcome.webm');
    const volume = () => video.evaluate((v: HTMLVideoElement) => v.volume);
    expect(await volume()).toBeCloseTo(0.8);
    await issue(1);
    await callNext(1);
    await expect.poll(volume).toBeCloseTo(0.1);
    await expect.poll(volume, { timeout: 5000 }).toBeCloseTo(0.8);
  });

  it("speaks with the browser's own voice when the hall chooses it", async () => {
    await openHall();
    hall.setSettings({ display: { voice: 'speechSynthesis', chime: false } });
    context = await browser.newContext({ viewport: TV });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as any).__spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push({ text: u.text, lang: u.lang });
        setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 10);
      };
    });
    await page.goto(`${base}/display/?token=${hall.tokens.display}`);
    await page.locator('.hall-head').waitFor();
    await issue(3);
    await callNext(5);
    const spoken = () => page.evaluate(() => (window as any).__spoken as { text: string; lang: string }[]);
    await expect.poll(async () => (await spoken()).length).toBe(2);
    const [ar, en] = await spoken();
    expect(ar!.lang).toBe('ar-SY');
    expect(ar!.text.replace(/[\u064B-\u0652]/g, '')).toBe('الرقم إف واحد إلى الشباك رقم خمسة');
    expect(en).toEqual({ lang: 'en-GB', text: 'Ticket F one please go to counter five' });
  });

  it('plays the voice pack through Web Audio', async () => {
    await openHall();
    const page = await openDisplay({ record: false });
    const clips: string[] = [];
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      if (path.startsWith('/voice/') && res.status() === 200) clips.push(path.slice('/voice/'.length));
    });
    await issue(2);
    await callNext(2);
    await expect.poll(() => clips, { timeout: 5000 }).toEqual(expect.arrayContaining(['common/chime', 'ar/latin-p', 'ar/to-counter', 'en/n2']));
    expect(await page.locator('.sound-overlay').count()).toBe(0);
    // Chromium decodes the pack's Ogg Opus clips.
    const seconds = await page.evaluate(async () => {
      const ctx = new OfflineAudioContext(1, 48000, 48000);
      const decode = async (id: string) => (await ctx.decodeAudioData(await (await fetch(`/voice/${id}`)).arrayBuffer())).duration;
      return Promise.all(['common/chime', 'ar/and-n20', 'en/go-to-counter', 'fr/n80-followed'].map(decode));
    });
    for (const s of seconds) expect(s).toBeGreaterThan(0.2);
  });

  it('says a call in Arabic, then in French, in a hall of Arabic and French, and dates it in its Hijri calendar', async () => {
    await openHall({ now: () => T0 });
    // Set in the database as the admin would: the languages list takes "fr" once French is a hall language.
    hall.setSettings({ languages: ['ar', 'fr'] as never, hijriCalendar: 'islamic-civil' });
    const page = await openDisplay();
    await issue(1);
    await callNext(1);
    await expect.poll(async () => (await played(page)).map((p) => p.clips)).toEqual([
      ['common/chime'],
      ['ar/the-number', 'ar/latin-b', 'ar/n1', 'ar/to-counter', 'ar/n1'],
      ['fr/number', 'fr/latin-b', 'fr/n1', 'fr/to-counter', 'fr/n1'],
    ]);
    // Sunday 29 November 2026: 18 Jumada II 1448 by the civil calendar, 19 by Umm al-Qura.
    expect(await page.locator('.clock-dates').textContent()).toContain('١٨ جمادى الآخرة ١٤٤٨ هـ');
  });

  it('fills a 1920×1080 screen right to left, readable and without scrolling', async () => {
    await openHall();
    // Two tickets of every service, so that whatever the routing picks, each counter has one to call.
    for (const s of [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]) await issue(s);
    for (const c of [1, 2, 4, 5, 6, 7, 8]) await callNext(c);
    const page = await openDisplay();
    await page.locator('.recent-list li').nth(5).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const doc = document.documentElement;
      return {
        scroll: [doc.scrollWidth, doc.scrollHeight],
        number: parseFloat(getComputedStyle(document.querySelector('.current .ticket-number')!).fontSize),
        current: box('.current').right,
        recent: box('.recent').right,
        lastRow: box('.recent-list li:last-child').bottom,
        waiting: box('.waiting').top,
      };
    });
    expect(layout.scroll).toEqual([1920, 1080]);
    expect(layout.number).toBeGreaterThanOrEqual(0.18 * 1080); // the current number: about 20vh
    expect(layout.current).toBeGreaterThan(layout.recent); // the current call on the start (right) side
    expect(layout.lastRow).toBeLessThanOrEqual(layout.waiting); // six previous calls fit
    expect(await unservedCharacters(page)).toEqual([]); // the arrows are drawn, not characters (←)
    expect(await lowContrast(page)).toEqual([]);
  });

  it('draws every text of a busy board at least 40 px high on a 1080p TV, to be read from 6 m', async () => {
    await openHall();
    hall.setSettings({ display: { ticker: { ar: 'أهلاً بكم في مركز خدمة المواطن', en: 'Welcome to the Citizen Service Centre' } } });
    const supervisor = await hall.login('supervisor');
    await hall.app.inject({ method: 'POST', url: '/api/services/6/close-today', headers: bearer(supervisor) });
    for (const s of [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]) await issue(s);
    const first = await callNext(1);
    for (const c of [2, 4]) await callNext(c);
    // Announcements that take long: the calls made now stay in the strip of those to be spoken.
    const page = await openDisplay({ playMs: 30_000 });
    for (const c of [6, 7]) await callNext(c);
    expect((await hall.app.inject({ method: 'POST', url: `/api/tickets/${first.id}/recall`, headers: bearer(clerk) })).statusCode).toBe(200);
    await page.locator('.current .recall-tag').waitFor();
    await page.locator('.new-list li').nth(1).waitFor();
    await page.locator('.waiting-list li.closed').waitFor();
    await page.locator('.recent-list li').nth(1).waitFor();

    const small = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('.hall *'))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        if (!own || !el.getClientRects().length) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 40) out.push(`${el.className || el.tagName} «${el.textContent!.trim()}» ${size}px`);
      }
      return out;
    });
    expect(small).toEqual([]);
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
    expect(await lowContrast(page)).toEqual([]);
  }, 30_000);
});

/** Visible texts below 4.5:1 against the background they are drawn on (hidden ones measured too). */
const lowContrast = async (page: Page) => (await measureContrast(page, { includeHidden: true })).out;
