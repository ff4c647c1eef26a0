import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../helpers/axe.js';
import { ensureBuilt, lanBase, launchBrowser } from '../helpers/browser.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The staff app in French in real Chromium, in the French demo hall (SEED=demo-fr: languages
// ["ar", "fr"], Latin digits): a clerk who opens it with ?lang=fr calls and serves a ticket, a
// supervisor who picks «Français» in the switch reads the board; every word on both screens is
// French, left to right, and the switch offers the hall's languages only.

const DESK = { width: 1366, height: 768 };
const B = 1; // Permis de construire: counter 1 serves it first

/** What may stay in Arabic on a French page: names from the data, and the switch's «العربية». */
const ARABIC_NAMES = ['العربية', 'الموظف', 'المشرف', 'طابعة الكشك', 'شاشة صالة الانتظار'];
/** English the staff app showed in these places before it spoke French. */
const ENGLISH = /Counter|Call next|Waiting|Log out|Served|Recall|Complete|Why this|Sections|Printer|Display|Closed|Open\b|Alerts|Supervision\b.*Reports|ago\b|under a minute|Sound/;

let browser: Browser;
let hall: TestHall;
let base: string;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the staff app' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall({ seed: 'demo-fr' })]);
  base = lanBase(await hall.listen());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});
afterEach(async () => {
  for (const c of contexts) await c.close();
  contexts = [];
});

async function open(query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: DESK });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/clerk/${query}`);
  return page;
}

async function logIn(page: Page, username: string) {
  await page.getByLabel('Nom d’utilisateur').fill(username);
  await page.getByLabel('Mot de passe').fill(hall.adminPassword);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

const pageLang = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * The page's visible text, without the Arabic names it may show: none of it Arabic, none English,
 * and a no-break space before every « : ; ? ! » (a clock's 10:02 has none after either).
 */
async function expectAllFrench(page: Page) {
  let text = await page.locator('body').innerText();
  for (const name of ARABIC_NAMES) text = text.replaceAll(name, '');
  expect(text.match(/[\u0600-\u06FF]+/g)).toBeNull();
  expect(text.match(ENGLISH)).toBeNull();
  expect(text.match(/.*(?:[^\s\u00a0]|^ *)[:;?!](?:\s|$).*/m)).toBeNull();
}

describe('the staff app in French', () => {
  it('a clerk opens it with ?lang=fr, calls a ticket and serves it, every word in French', async () => {
    const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': 'fr-1' }, payload: { serviceId: B } });
    const ticket = res.json() as { number: string };

    const page = await open('?lang=fr');
    await page.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
    expect(await pageLang(page)).toEqual(['fr', 'ltr']);
    // The hall speaks Arabic and French: no English in the switch.
    expect(await button(page, 'English').count()).toBe(0);
    expect(await button(page, 'العربية').getAttribute('lang')).toBe('ar');
    await logIn(page, 'clerk');

    await button(page, 'Guichet 1').click();
    await button(page, 'Appeler le suivant').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe(ticket.number);
    expect(await page.locator('.current').innerText()).toContain('Permis de construire');
    expect(await page.locator('.why').innerText()).toMatch(/^Pourquoi ce ticket\u00a0: a attendu (moins d’une minute|\d+\u00a0min), objectif 20\u00a0min$/);
    await expectAllFrench(page);
    await expectAccessible(page);

    await button(page, 'Commencer').click();
    await expect.poll(() => page.locator('.current .chip').first().textContent()).toBe('En cours de traitement');
    await button(page, 'Terminer').click();
    await page.getByText('Personne au guichet').waitFor();
    await expectAllFrench(page);
  });

  it('a supervisor picks «Français» in the switch and reads the board in French', async () => {
    const page = await open();
    await page.getByRole('heading', { level: 1, name: 'دخول الموظفين' }).waitFor();
    expect(await button(page, 'English').count()).toBe(0);
    await button(page, 'Français').click();
    await page.getByRole('heading', { level: 1, name: 'Connexion du personnel' }).waitFor();
    expect(await pageLang(page)).toEqual(['fr', 'ltr']);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr'); // a reload keeps it
    await logIn(page, 'supervisor');

    expect(await page.getByRole('link', { name: 'Supervision' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('article', { name: 'Guichet 1', exact: true }).waitFor();
    // The demo kiosk's printer has no agent connected: the alert says so, its name « between guillemets ».
    await page.getByText('L’imprimante «\u00a0\u2068طابعة الكشك\u2069\u00a0» est hors ligne').waitFor({ timeout: 5000 });
    expect(await page.locator('main, .area').first().innerText()).toContain('Permis de construire');
    await expectAllFrench(page);
    await expectAccessible(page);
  });
});
