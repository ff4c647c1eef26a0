import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { findChromium } from './chromium.js';

// Real Chromium driven by playwright-core, opening the UIs the way a kiosk on the hall's LAN
// does: from a plain-HTTP origin that is not loopback (http://hall.test:<port>, resolved to
// 127.0.0.1 by Chromium itself), so no secure-context-only API and no https upgrade goes unseen.

const HALL_HOST = 'hall.test';

/** The address a browser opens a hall listening at `address` (http://127.0.0.1:<port>) by. */
export function lanBase(address: string): string {
  return `http://${HALL_HOST}:${new URL(address).port}`;
}

/** The same URL on loopback, for requests the test itself makes (Node does not know hall.test). */
export function loopback(url: string): string {
  return url.replace(`//${HALL_HOST}:`, '//127.0.0.1:');
}

// Every request a page makes must succeed: a failed one (an asset rewritten to https://, a CSP
// refusal, a font that never came) fails the test it happened in. Aborts are not failures: a
// page closing or moving on cancels what it still had in flight.
const failed: string[] = [];
let onPurpose: RegExp[] = [];
afterEach(() => {
  onPurpose = [];
  expect(failed.splice(0), 'failed requests').toEqual([]);
});

/** For the rest of the test, requests whose URL matches fail on purpose (the server is "away"). */
export function allowFailedRequests(url: RegExp): void {
  onPurpose.push(url);
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = await findChromium();
  const browser = await chromium.launch({
    executablePath,
    env: env && { ...process.env, ...env },
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      `--host-resolver-rules=MAP ${HALL_HOST} 127.0.0.1`,
    ],
  });
  browser.on('context', (context) =>
    context.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? 'failed';
      if (error !== 'net::ERR_ABORTED' && !onPurpose.some((url) => url.test(request.url()))) failed.push(`${request.method()} ${request.url()}: ${error}`);
    }),
  );
  return browser;
}

/** The fonts Chromium drew the page's first Arabic text with, and whether each is a web font. */
export async function fontsOfArabicText(page: Page): Promise<{ familyName: string; isCustomFont: boolean }[]> {
  await page.waitForFunction(async () => {
    await document.fonts.ready;
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      if (/[\u0600-\u06ff]/.test(text.textContent!)) return (text.parentElement!.dataset.arabicSample = 'yes');
    }
    return false;
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-arabic-sample]' });
    await cdp.send('CSS.enable');
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map(({ familyName, isCustomFont }) => ({ familyName, isCustomFont }));
  } finally {
    await cdp.detach();
  }
}

/**
 * The characters of the page's text (hidden text and ::before/::after content too) that no
 * served face covers (its unicode-range): the device would draw them with a font of its own, or
 * as an empty box.
 */
export function unservedCharacters(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: [number, number][] = [];
    document.fonts.forEach((face) => {
      for (const part of face.unicodeRange.split(',')) {
        const [from, to = from] = part.trim().slice(2).split('-');
        ranges.push([parseInt(from!, 16), parseInt(to, 16)]);
      }
    });
    const shown: string[] = [];
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      if (!text.parentElement!.closest('script, style')) shown.push(text.textContent!);
    }
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      for (const pseudo of ['::before', '::after']) {
        for (const [, quoted] of getComputedStyle(element, pseudo).content.matchAll(/"((?:[^"\\]|\\.)*)"/g)) shown.push(quoted!);
      }
    }
    const unserved = new Set<string>();
    for (const char of shown.join('')) {
      const c = char.codePointAt(0)!;
      if (!/\s/.test(char) && !ranges.some(([from, to]) => c >= from && c <= to)) unserved.add(char);
    }
    return [...unserved];
  });
}

/** The families of the web fonts the page has loaded (document.fonts, status `loaded`). */
export function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const families: string[] = [];
    document.fonts.forEach((face) => face.status === 'loaded' && families.push(face.family.replace(/"/g, '')));
    return families;
  });
}

/**
 * Builds what is stale (`npm test` builds first; this keeps `npx vitest run` honest when the
 * build is stale), then fails early if `page` (a built file under dist/) is missing.
 */
export function ensureBuilt(page?: { file: string; name: string }): void {
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'ignore' });
  if (page && !existsSync(page.file)) throw new Error(`${page.name} is not built`);
}
