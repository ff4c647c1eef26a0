import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ticketFacts } from '../../server/printing/facts.js';
import { ticketTexts } from '../../server/printing/texts.js';
import type { Ticket } from '../../server/protocol/schemas.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The French demo hall (SEED=demo-fr: languages ["ar", "fr"], Latin digits) in real Chromium:
// the kiosk switched to French issues a ticket, and the phone page, the display and the receipt
// say it in French; the language buttons offer the hall's languages only.

let browser: Browser;
let hall: TestHall;
let base: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/kiosk-ui/index.html', name: 'the kiosk page' });
  browser = await launchBrowser();
  hall = await startHall({ seed: 'demo-fr' });
  base = lanBase(await hall.listen());
}, 180_000);
afterAll(async () => {
  await hall?.close();
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

const pageLang = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

describe('a hall in Arabic and French', () => {
  let ticket: Ticket;

  it('kiosk: offers «Français» (not English), switches to French, left to right, and issues a ticket in French', async () => {
    const page = await open(`/kiosk/?token=${hall.tokens.kiosk}`, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'رخص البناء' }).waitFor();
    expect(await page.getByRole('button', { name: 'English' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Choisissez le service pour lequel vous êtes venu' }).waitFor();
    expect(await pageLang(page)).toEqual(['fr', 'ltr']);
    expect(await page.getByRole('button', { name: 'العربية' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Permis de construire' }).click();
    await page.locator('.ticket-number').waitFor();
    expect(await page.locator('.ticket-number').textContent()).toBe('B001');
    const shown = await page.locator('main').innerText();
    expect(shown).toContain('Votre numéro');
    expect(shown).toContain('Documents à apporter');
    expect(shown).toContain('Une copie de votre carte d’identité');
    expect(shown).toMatch(/Personne avant vous/);

    const issued = (await hall.app.inject({ method: 'GET', url: '/api/tickets', headers: bearer(await hall.login()) })).json() as Ticket[];
    ticket = issued.find((t) => t.number === 'B001')!;
    expect(ticket.lang).toBe('fr');
  });

  it('receipt: the ticket taken in French prints in French', () => {
    const printed = ticketTexts(ticketFacts(hall.app.conn, 1, ticket, base));
    expect(printed).toMatchObject({
      hall: 'Centre de services aux citoyens',
      service: 'Permis de construire',
      numberLabel: 'Votre numéro',
      number: 'B001',
      ahead: 'Personne avant vous',
      whatToBring: 'Documents à apporter',
      scan: 'Scannez le code pour suivre votre tour sur votre téléphone',
    });
    expect(printed.time).toMatch(/^\d\d:\d\d$/);
  });

  it('phone page at 390×844: the ticket in French, left to right, Latin digits, nothing wider than the screen', async () => {
    const page = await open(`/t/${ticket.trackingCode}?lang=fr`, { width: 390, height: 844 });
    await page.getByText('Permis de construire').waitFor();
    expect(await pageLang(page)).toEqual(['fr', 'ltr']);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Votre numéro');
    expect(text).toContain('B001');
    expect(text).toContain('Personne avant vous');
    expect(text).not.toMatch(/[٠-٩]/);
    expect(await page.getByRole('button', { name: 'English' }).count()).toBe(0);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByText('رخص البناء').waitFor();
    expect(await pageLang(page)).toEqual(['ar', 'rtl']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('phone page of a hall in three languages: two language buttons, still within 390 px', async () => {
    const admin = await hall.login();
    const patch = (languages: string[]) =>
      hall.app.inject({ method: 'PATCH', url: '/api/admin/hall', headers: bearer(admin), payload: { settings: { languages } } });
    expect((await patch(['ar', 'en', 'fr'])).statusCode).toBe(200);
    try {
      const page = await open(`/t/${ticket.trackingCode}?lang=fr`, { width: 390, height: 844 });
      await page.getByRole('button', { name: 'English' }).waitFor();
      expect(await page.getByRole('button', { name: 'العربية' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Français' }).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await patch(['ar', 'fr']);
    }
  });

  it('display: French first, Arabic beneath, never English', async () => {
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.dawrAnnouncementPlayer = { unlock: async () => true, play: async () => undefined };
    });
    await page.goto(`${base}/display/?token=${hall.tokens.display}&lang=fr`);
    await page.locator('.waiting-list').getByText('Permis de construire').waitFor();
    expect(await pageLang(page)).toEqual(['fr', 'ltr']);
    const main = page.locator('.bi-main');
    expect(await main.allInnerTexts()).toEqual(expect.arrayContaining(['Centre de services aux citoyens', 'Aucun appel pour l’instant', 'En attente']));
    const beneath = await page.locator('.bi-sub').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
    expect(new Set(beneath)).toEqual(new Set(['ar']));
    expect(await page.locator('.clock').innerText()).toMatch(/décembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre/);
  });
});
