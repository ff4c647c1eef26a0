import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, lanBase, launchBrowser, unservedCharacters } from '../helpers/browser.js';
import { measureContrast } from '../helpers/contrast.js';
import { getHall } from '../../server/hall/state.js';
import { startHall, type TestHall } from '../helpers/hall.js';

// The admin area in real Chromium against a real server: an admin creates a service through the
// form and a kiosk shows it; form errors (the browser's own checks and the server's 409 fields)
// appear next to their field in Arabic and in English; the audit log names a change's fields in
// the user's words; a login the server cannot serve says so; a clerk sees no admin screens and the
// API refuses them; the admin area in French, in a hall of the Maghreb. One browser for the file.

const SCREEN = { width: 1366, height: 768 };

let browser: Browser;
let hall: TestHall;
let base: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt({ file: 'dist/ui/clerk-ui/index.html', name: 'the staff page' });
  [browser, hall] = await Promise.all([launchBrowser(), startHall()]);
  base = lanBase(await hall.listen());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hall?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function logIn(username: string, lang: 'ar' | 'en' | 'fr'): Promise<Page> {
  context ??= await browser.newContext({ viewport: SCREEN });
  const page = await context.newPage();
  await page.goto(`${base}/clerk/${lang === 'ar' ? '' : `?lang=${lang}`}`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(hall.adminPassword);
  await page.locator('input[name="password"]').press('Enter');
  return page;
}

/** The text of the error the field's aria-describedby points at, once it is invalid. */
async function fieldError(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const ids = (await field.getAttribute('aria-describedby'))!.split(' ');
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"].error`).allTextContents()));
  return texts.flat().join(' ');
}

/** The visible texts of the admin area (hidden ones too, options not) below 4.5:1 against what they are drawn on. */
async function lowContrast(page: Page): Promise<string[]> {
  return (await measureContrast(page, { root: '.admin', skip: 'option, option *', includeHidden: true })).out;
}

describe('the admin area', () => {
  it('creates a service through the form, with errors next to the field, and the kiosk shows it', async () => {
    const page = await logIn('admin', 'en');
    await page.goto(`${base}/clerk/?lang=en#/admin/services`);
    await page.getByRole('button', { name: 'New service' }).click();
    const form = page.getByRole('form', { name: 'New service' });
    const code = form.getByLabel('Service code');

    // Checked in the browser: nothing is sent.
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(code)).toContain('This field is required.');
    expect(await fieldError(form.getByLabel('Name (Arabic)'))).toContain('This field is required.');
    // The demo hall speaks English: a name in English is needed too.
    expect(await fieldError(form.getByLabel('Name (English)'))).toContain('This field is required.');

    // Checked by the server: the code is taken (409 with fields).
    await code.fill('b');
    await form.getByLabel('Name (Arabic)').fill('جوازات السفر');
    await form.getByLabel('Name (English)').fill('Passports');
    await form.getByLabel('Target wait (minutes)').fill('25');
    await form.getByLabel('What to bring (English)').fill('Your ID card\nTwo photos');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(code)).toContain('Another service already uses this code.');
    expect(await code.inputValue()).toBe('B');
    expect(await lowContrast(page)).toEqual([]);

    await code.fill('PS');
    expect(await code.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => page.getByRole('cell', { name: 'Passports', exact: true }).count()).toBe(1);

    const kiosk = await context!.newPage();
    await kiosk.goto(`${base}/kiosk/?token=${hall.tokens.kiosk}&lang=en`);
    await expect.poll(() => kiosk.getByRole('button', { name: /Passports/ }).count(), { timeout: 10_000 }).toBe(1);
  });

  it('shows the errors in Arabic, right to left', async () => {
    const page = await logIn('admin', 'ar');
    await page.goto(`${base}/clerk/#/admin/services`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: 'خدمة جديدة' }).click();
    const form = page.getByRole('form', { name: 'خدمة جديدة' });
    const code = form.getByLabel('رمز الخدمة');
    await form.getByRole('button', { name: 'حفظ' }).click();
    expect(await fieldError(code)).toContain('هذا الحقل مطلوب.');
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('يرجى تصحيح الحقول');

    await code.fill('PS');
    await form.getByLabel('الاسم بالعربية').fill('خدمة مكررة');
    await form.getByLabel('الاسم بالإنكليزية').fill('Duplicate');
    await form.getByLabel('مدة الانتظار المستهدفة (دقيقة)').fill('٠');
    await form.getByRole('button', { name: 'حفظ' }).click();
    expect(await fieldError(form.getByLabel('مدة الانتظار المستهدفة (دقيقة)'))).toContain('القيمة يجب ألا تقل عن ١.');
    await form.getByLabel('مدة الانتظار المستهدفة (دقيقة)').fill('٢٠');
    await form.getByRole('button', { name: 'حفظ' }).click();
    expect(await fieldError(code)).toContain('هذا الرمز مستخدم لخدمة أخرى.');

    // The navigation sits on the right in Arabic.
    const nav = (await page.getByRole('navigation', { name: 'أقسام الإدارة' }).boundingBox())!;
    expect(nav.x).toBeGreaterThan(SCREEN.width / 2);
    expect(await lowContrast(page)).toEqual([]);
  });

  it("shows the server's field errors on the other forms too", async () => {
    const page = await logIn('admin', 'en');
    await page.goto(`${base}/clerk/?lang=en#/admin/counters`);
    await page.getByRole('button', { name: 'New counter' }).click();
    let form = page.getByRole('form', { name: 'New counter' });
    await form.getByLabel('Counter number').fill('1');
    await form.getByLabel('Add a service to the counter').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(form.getByLabel('Counter number'))).toContain('Another counter has this number.');
    expect(await unservedCharacters(page)).toEqual([]); // the order buttons' arrows (↑ ↓) and the error's ⚠ are drawn

    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('button', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill('clerk');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(form.getByLabel('Password'))).toContain('Use at least 10 characters.');
    await form.getByLabel('Password').fill('long-enough-1');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(form.getByLabel('Username'))).toContain('This username is already taken.');

    await page.goto(`${base}/clerk/#/admin/hall`);
    form = page.getByRole('form', { name: 'الصالة' });
    await form.getByLabel('المنطقة الزمنية').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'حفظ' }).click();
    expect(await fieldError(form.getByLabel('المنطقة الزمنية'))).toContain('منطقة زمنية غير معروفة');
    await form.getByLabel('إشعار عبر خدمة الرسائل (Webhook)').check();
    await form.getByLabel('رابط الخدمة').fill('ftp://gateway');
    await form.getByRole('button', { name: 'حفظ' }).click();
    expect(await fieldError(form.getByLabel('رابط الخدمة'))).toContain('يبدأ بـ \u2066http://\u2069 أو \u2066https://\u2069');
  });

  it("turns off the papers to bring on the printed ticket", async () => {
    const page = await logIn('admin', 'ar');
    await page.goto(`${base}/clerk/#/admin/hall`);
    const form = page.getByRole('form', { name: 'الصالة' });
    const papers = form.getByLabel('طباعة الأوراق المطلوبة للخدمة على البطاقة');
    expect(await papers.isChecked()).toBe(true);
    await papers.uncheck();
    await form.getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => getHall(hall.app.conn, 1).settings.printWhatToBring).toBe(false);
  });

  it("copies a new device's token on the hall's plain-HTTP network, which has no clipboard API", async () => {
    const page = await logIn('admin', 'en');
    await page.goto(`${base}/clerk/?lang=en#/admin/devices`);
    expect(await page.evaluate(() => ({ secure: isSecureContext, clipboard: 'clipboard' in navigator }))).toEqual({ secure: false, clipboard: false });
    // What a copy puts on the clipboard: the selected text when the copy command runs.
    await page.evaluate(() =>
      document.addEventListener('copy', () => {
        const input = document.activeElement as HTMLInputElement;
        document.body.dataset.copied = input.value.slice(input.selectionStart!, input.selectionEnd!);
      }),
    );
    await page.getByRole('button', { name: 'New device' }).click();
    await page.getByLabel('Device name').fill('Entrance kiosk');
    await page.getByRole('button', { name: 'Save' }).click();
    const box = page.getByRole('region', { name: 'Token: Entrance kiosk' });
    const token = await box.getByLabel('Token', { exact: true }).inputValue();
    expect(token).toMatch(/^dev_/);

    const copyToken = box.getByRole('button', { name: 'Copy: Token' });
    await copyToken.click();
    await expect.poll(() => copyToken.textContent()).toBe('Copied');
    expect(await page.evaluate(() => document.body.dataset.copied)).toBe(token);

    // Where even the old copy command is refused, the text is left selected, and the admin told.
    await page.evaluate(() => (document.execCommand = () => false));
    await box.getByRole('button', { name: 'Copy: Pairing address' }).click();
    await box.getByRole('status').getByText('The text is selected: press Ctrl+C to copy it.').waitFor();
    const address = box.getByRole('textbox', { name: 'Pairing address' });
    expect(await address.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart!, el.selectionEnd!))).toBe(`${base}/kiosk/?token=${token}`);
  });

  it("shows times and dates in the hall's digits under an en-US browser, and they save", async () => {
    context = await browser.newContext({ viewport: SCREEN, locale: 'en-US' });
    const page = await logIn('admin', 'ar');
    await page.goto(`${base}/clerk/#/admin/hall`);
    const form = page.getByRole('form', { name: 'الصالة' });
    const opens = form.getByRole('group', { name: 'الأحد: من ١', exact: true });
    await opens.waitFor();
    expect(await page.locator('input[type="date"], input[type="time"]').count()).toBe(0);
    const shown = () => opens.locator('select').evaluateAll((lists) => lists.map((l) => (l as HTMLSelectElement).selectedOptions[0]?.textContent));
    expect(await shown()).toEqual(['٠٨', '٠٠']);
    expect(await form.locator('fieldset.hours').textContent()).not.toMatch(/[0-9]|AM|PM/);

    await opens.getByRole('combobox', { name: 'الأحد: من ١: الساعة' }).selectOption('07');
    await opens.getByRole('combobox', { name: 'الأحد: من ١: الدقيقة' }).selectOption('30');
    expect(await shown()).toEqual(['٠٧', '٣٠']);
    await form.getByRole('button', { name: 'حفظ' }).click();
    await form.getByRole('status').getByText('تم الحفظ').waitFor();
    const saved = await hall.app.inject({ method: 'GET', url: '/api/admin/hall', headers: { authorization: `Bearer ${await hall.login()}` } });
    expect(saved.json().openingHours['0'][0][0]).toBe(7 * 60 + 30);

    await page.getByRole('navigation', { name: 'أقسام الإدارة' }).getByRole('button', { name: 'سجل العمليات' }).click();
    const from = page.getByRole('group', { name: 'من تاريخ', exact: true });
    await from.waitFor();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await from.getByRole('combobox', { name: 'من تاريخ: اليوم' }).selectOption('1');
    const day = await from.locator('select').evaluateAll((lists) => lists.map((l) => (l as HTMLSelectElement).selectedOptions[0]?.textContent));
    expect(day[0]).toBe('١');
    expect(day[2]).toMatch(/^[٠-٩]{4}$/);
  });

});

// A hall of their own: logging in is limited to 10 a minute from one address, and every test
// here logs in.
describe('the admin area: devices, pairing and roles', () => {
  beforeAll(async () => {
    await hall.close();
    hall = await startHall();
    base = lanBase(await hall.listen());
  });

  it('keeps a device path left to right inside Arabic, and counts in words', async () => {
    const page = await logIn('admin', 'ar');
    await page.goto(`${base}/clerk/#/admin/printers`);
    await page.getByRole('button', { name: 'طابعة جديدة' }).click();
    // «/dev/usb/lp0» drawn as written: its first slash left of its last character, never «dev/usb/lp0/».
    const order = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.admin')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('/dev/usb/lp0');
        if (at < 0) continue;
        const box = (i: number) => {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect().left;
        };
        return { slash: box(at), last: box(at + '/dev/usb/lp0'.length - 1) };
      }
      return null;
    });
    expect(order).not.toBeNull();
    expect(order!.slash).toBeLessThan(order!.last);

    await page.getByRole('navigation', { name: 'أقسام الإدارة' }).getByRole('button', { name: 'الشبابيك' }).click();
    await page.getByRole('button', { name: 'شباك جديد' }).click();
    const form = page.getByRole('form', { name: 'شباك جديد' });
    await form.getByLabel('رقم الشباك').fill('٩٩');
    await form.getByRole('button', { name: 'حفظ' }).click();
    await form.getByText('اختر خدمة واحدة على الأقل.').waitFor();
  });

  it('sets the services a counter’s clerk is qualified for (the staffing advisor keeps within them)', async () => {
    const page = await logIn('admin', 'ar');
    await page.goto(`${base}/clerk/#/admin/counters`);
    await page.getByRole('button', { name: 'تعديل الشباك 4', exact: true }).click();
    const form = page.getByRole('form', { name: 'تعديل الشباك' });
    const qualified = form.getByRole('group', { name: 'الخدمات التي يُحسنها موظف الشباك' });
    // What it serves (F, P) is always among them: ticked, and not to be unticked.
    const served = qualified.getByLabel('F — الرسوم والضرائب');
    expect(await served.isChecked()).toBe(true);
    expect(await served.isDisabled()).toBe(true);
    const civil = qualified.getByLabel('D — الوثائق المدنية');
    expect(await civil.isChecked()).toBe(false);
    await civil.check();
    await form.getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => form.count()).toBe(0);
    const counters = await hall.app.inject({ method: 'GET', url: '/api/admin/counters', headers: { authorization: `Bearer ${await hall.login()}` } });
    const four = counters.json().find((c: { number: number }) => c.number === 4);
    expect(four).toMatchObject({ serviceIds: [3, 2], qualifiedServiceIds: [3, 2, 4] });
    expect(await lowContrast(page)).toEqual([]);
  });

  it('pairs a display above a counter by the number on it, from the device screen', async () => {
    const added = await hall.app.inject({
      method: 'POST',
      url: '/api/admin/counters',
      headers: { authorization: `Bearer ${await hall.login()}` },
      payload: { number: 12, serviceIds: [1] },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().id).not.toBe(12); // the number on the counter, not its id
    const page = await logIn('admin', 'ar');
    await page.goto(`${base}/clerk/#/admin/devices`);
    await page.getByRole('button', { name: 'جهاز جديد' }).click();
    await page.getByLabel('النوع').selectOption('display');
    await page.getByLabel('اسم الجهاز').fill('شاشة الشباك ١٢');
    await page.getByRole('button', { name: 'حفظ' }).click();
    const box = page.getByRole('region', { name: 'رمز الربط: شاشة الشباك ١٢' });
    await box.getByLabel('مكان الشاشة').selectOption({ label: 'فوق الشباك ١٢' });
    const address = await box.getByRole('textbox', { name: 'عنوان الربط' }).inputValue();
    expect(address).toMatch(new RegExp(`^${base}/counter-display/\\?number=12&token=dev_`));

    const screen = await context!.newPage();
    await screen.goto(address);
    await expect.poll(() => screen.locator('.counter-own-number').textContent(), { timeout: 15_000 }).toBe('١٢');
    expect(await screen.locator('.counter-screen').getAttribute('data-state')).toBe('closed');
  });

  it("names a change's fields in the audit log in the user's words, never the server's", async () => {
    const headers = { authorization: `Bearer ${await hall.login()}` };
    const [printer] = (await hall.app.inject({ method: 'GET', url: '/api/admin/printers', headers })).json();
    const changed = await hall.app.inject({ method: 'PATCH', url: `/api/admin/printers/${printer.id}`, headers, payload: { target: 'tcp://10.0.0.7:9100', widthDots: 384 } });
    expect(changed.statusCode).toBe(200);
    const page = await logIn('admin', 'ar');
    await page.goto(`${base}/clerk/#/admin/audit`);
    const details = page.locator('table.audit td.details').filter({ hasText: 'tcp://10.0.0.7:9100' });
    await details.waitFor();
    expect(await details.innerText()).toBe('عنوان الطابعة: tcp://10.0.0.7:9100 · عرض الورق: ٣٨٤');
  });

  it('says at login that the server is unavailable, not that the connection is down', async () => {
    context = await browser.newContext({ viewport: SCREEN });
    const page = await context.newPage();
    await page.route('**/api/auth/login', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"draining"}}' }));
    await page.goto(`${base}/clerk/?lang=en`);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(hall.adminPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The server is busy or briefly unavailable. Try again in a moment.' }).waitFor();
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('alert').filter({ hasText: 'الخادم مشغول أو غير متاح مؤقتاً. أعد المحاولة بعد قليل.' }).waitFor();
  });

  it('shows a clerk no admin screens, and the API refuses them', async () => {
    const page = await logIn('clerk', 'en');
    await page.goto(`${base}/clerk/?lang=en#/admin`);
    await expect.poll(() => page.locator('input[name="username"]').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: /Administration/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Administration/ }).count()).toBe(0);
    expect(await page.locator('.admin').count()).toBe(0);
    const status = await page.evaluate(async () => {
      const token = (JSON.parse(sessionStorage.getItem('dawr.staffSession')!) as { token: string }).token;
      return (await fetch('/api/admin/users', { headers: { authorization: `Bearer ${token}` } })).status;
    });
    expect(status).toBe(403);
  });
});

// A hall of the Maghreb (SEED=demo-fr: Arabic and French, Latin digits), its admin working in French.
describe('the admin area in French', () => {
  const NBSP = '\u00a0';
  const admin = async () => ({ authorization: `Bearer ${await hall.login()}` });
  const readHall = async () => (await hall.app.inject({ method: 'GET', url: '/api/admin/hall', headers: await admin() })).json();

  beforeAll(async () => {
    await hall.close();
    hall = await startHall({ seed: 'demo-fr' });
    base = lanBase(await hall.listen());
  });

  it('says a field error in French, left to right, and never sends an empty English name', async () => {
    const page = await logIn('admin', 'fr');
    await page.goto(`${base}/clerk/?lang=fr#/admin/users`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    await page.getByRole('navigation', { name: 'Sections de l’administration' }).getByRole('button', { name: 'Utilisateurs' }).waitFor();

    // The panel puts the focus in its first field as it opens, never later, when a field is being filled.
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).waitFor(); // the list of users has come
    const focused = await page.evaluate(async () => {
      Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Nouvel utilisateur'))!.click();
      let password: HTMLInputElement | null = null;
      for (let i = 0; i < 20 && !password; i++) password = await Promise.resolve(document.querySelector<HTMLInputElement>('input[type="password"]'));
      password!.focus();
      await new Promise((done) => setTimeout(done, 400));
      return document.activeElement?.getAttribute('name');
    });
    expect(focused).toBe('password');

    const form = page.getByRole('form', { name: 'Nouvel utilisateur' });
    await form.getByLabel('Nom d’utilisateur').fill('clerk');
    await form.getByLabel('Mot de passe').fill('short');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await fieldError(form.getByLabel('Mot de passe'))).toBe(`Utilisez au moins 10${NBSP}caractères.`);
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Veuillez corriger les champs signalés ci-dessous.');
    await form.getByLabel('Mot de passe').fill('long-enough-1');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await fieldError(form.getByLabel('Nom d’utilisateur'))).toBe('Ce nom d’utilisateur est déjà pris.');

    // The hall speaks Arabic and French: the English name is optional, and not sent when empty.
    await page.getByRole('navigation', { name: 'Sections de l’administration' }).getByRole('button', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Nouveau service' }).click();
    const service = page.getByRole('form', { name: 'Nouveau service' });
    await service.getByLabel('Code du service').fill('ps');
    await service.getByLabel('Nom (arabe)').fill('جوازات السفر');
    await service.getByLabel('Nom (français, facultatif)').fill('Passeports');
    expect(await service.getByText(`Facultatif${NBSP}: l’anglais n’est pas une langue de la salle.`).count()).toBe(2); // the name's and the category's
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/admin/services'));
    await service.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ code: 'PS', name: { ar: 'جوازات السفر', fr: 'Passeports' }, category: null });
    expect((await sent).postDataJSON().name).not.toHaveProperty('en');
    expect(await lowContrast(page)).toEqual([]);
  });

  it('saves the Hijri calendar and the other-centre suggestion, and shows them again', async () => {
    expect(await readHall()).toMatchObject({ settings: { hijriCalendar: 'islamic-umalqura', suggestOtherCentres: false } });
    const page = await logIn('admin', 'fr');
    await page.goto(`${base}/clerk/?lang=fr#/admin/hall`);
    let form = page.getByRole('form', { name: 'Salle' });
    const calendar = () => form.getByRole('group', { name: 'Calendrier hégirien' });
    expect(await calendar().getByLabel('Umm al-Qura').isChecked()).toBe(true);
    await calendar().getByLabel('Tabulaire (civil)').check();
    await form.getByLabel('Proposer un centre où l’attente est plus courte').check();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByRole('status').getByText('Enregistré').waitFor();
    expect(await readHall()).toMatchObject({ settings: { hijriCalendar: 'islamic-civil', suggestOtherCentres: true } });

    await page.reload();
    form = page.getByRole('form', { name: 'Salle' });
    expect(await calendar().getByLabel('Tabulaire (civil)').isChecked()).toBe(true);
    expect(await form.getByLabel('Proposer un centre où l’attente est plus courte').isChecked()).toBe(true);
  });

  it("keeps the displays' French ticker when their settings are saved, and turns the French voice off", async () => {
    const ticker = { ar: 'أهلاً بكم في المركز', en: 'Welcome to the centre', fr: 'Bienvenue au centre' };
    const set = await hall.app.inject({ method: 'PATCH', url: '/api/admin/hall', headers: await admin(), payload: { settings: { display: { ticker } } } });
    expect(set.statusCode).toBe(200);
    const page = await logIn('admin', 'fr');
    await page.goto(`${base}/clerk/?lang=fr#/admin/displays`);
    const form = page.getByRole('form', { name: 'Réglages des écrans' });
    await form.getByLabel('Appels précédents affichés').fill('6');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByRole('status').getByText('Enregistré').waitFor();
    expect((await readHall()).settings.display).toMatchObject({ recentCalls: 6, ticker });

    // And the French is edited there.
    await form.getByLabel('Bandeau (français, facultatif)').fill('Bienvenue au centre de services');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(async () => (await readHall()).settings.display.ticker.fr).toBe('Bienvenue au centre de services');

    // Each language's voice has its own switch.
    const french = form.getByLabel('Annonce en français');
    expect(await french.isChecked()).toBe(true);
    await french.uncheck();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(async () => (await readHall()).settings.display).toMatchObject({ announceAr: true, announceEn: true, announceFr: false });
  });
});
