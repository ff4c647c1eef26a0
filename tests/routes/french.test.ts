import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallInfo, Service } from '../../server/protocol/schemas.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// French as a hall language through the API: the hall's `languages`, tickets taken in French,
// and names with their French.

let hall: TestHall;
let admin: string;

beforeEach(async () => {
  hall = await startHall();
  admin = await hall.login();
});
afterEach(() => hall.close());

const call = (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object, token = admin) =>
  hall.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('a hall in Arabic with French', () => {
  it('takes languages ["ar","en"], ["ar","fr"] and ["ar","en","fr"], and answers them in GET /api/hall', async () => {
    for (const languages of [['ar', 'fr'], ['ar', 'en', 'fr'], ['ar', 'en']]) {
      expect((await call('PATCH', '/api/admin/hall', { settings: { languages } })).statusCode).toBe(200);
      expect(((await call('GET', '/api/hall')).json() as HallInfo).languages).toEqual(languages);
    }
  });

  it('refuses languages without Arabic first, repeated, unknown or too many, naming the field', async () => {
    const cases: [unknown, string][] = [
      [['fr', 'ar'], 'arabic_first'],
      [['fr'], 'arabic_first'],
      [['ar', 'fr', 'fr'], 'repeated'],
      [['ar', 'de'], 'invalid_value'],
      [['ar', 'en', 'fr', 'en'], 'too_many'],
    ];
    for (const [languages, code] of cases) {
      const res = await call('PATCH', '/api/admin/hall', { settings: { languages } });
      expect(res.statusCode, JSON.stringify(languages)).toBe(400);
      expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path: expect.stringMatching(/^settings\.languages/), code }));
    }
  });

  it('issues a ticket in French and keeps its language', async () => {
    const res = await call('POST', '/api/tickets', { serviceId: 1, lang: 'fr' }, hall.tokens.kiosk);
    expect(res.statusCode).toBe(201);
    expect(res.json().lang).toBe('fr');
    const tracked = (await hall.app.inject({ method: 'GET', url: `/api/track/${res.json().trackingCode}` })).json();
    expect(tracked.service).toEqual({ ar: 'رخص البناء', en: 'Building permits' });
  });

  it('keeps a service name and a hall name in French, cleared when a name comes without it', async () => {
    const name = { ar: 'رخص البناء', en: 'Building permits', fr: 'Permis de construire' };
    const whatToBring = { ar: ['الهوية'], en: ['Your ID card'], fr: ['Votre carte d’identité'] };
    expect((await call('PATCH', '/api/admin/services/1', { name, whatToBring })).statusCode).toBe(200);
    const served = ((await call('GET', '/api/services', undefined, hall.tokens.kiosk)).json() as Service[]).find((s) => s.id === 1)!;
    expect(served.name).toEqual(name);
    expect(served.whatToBring).toEqual(whatToBring);

    await call('PATCH', '/api/admin/hall', { name: { ar: 'مركز', en: 'Centre', fr: 'Centre des citoyens' } });
    expect((await call('GET', '/api/hall')).json().name).toEqual({ ar: 'مركز', en: 'Centre', fr: 'Centre des citoyens' });

    await call('PATCH', '/api/admin/services/1', { name: { ar: 'رخص', en: 'Permits' } });
    const again = ((await call('GET', '/api/services', undefined, hall.tokens.kiosk)).json() as Service[]).find((s) => s.id === 1)!;
    expect(again.name).toEqual({ ar: 'رخص', en: 'Permits' });
  });
});

describe('names without English', () => {
  const served = async (id: number) => ((await call('GET', '/api/services', undefined, hall.tokens.kiosk)).json() as Service[]).find((s) => s.id === id)!;

  it('creates and renames a service with {ar, fr} or {ar} only, in a hall that also speaks English', async () => {
    await call('PATCH', '/api/admin/hall', { settings: { languages: ['ar', 'en', 'fr'] } });
    const name = { ar: 'تراخيص المحلات', fr: 'Licences commerciales' };
    const created = await call('POST', '/api/admin/services', { code: 'L', name, category: { ar: 'التجارة', fr: 'Commerce' }, whatToBring: { ar: ['الهوية'], fr: ['Pièce d’identité'] } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(await served(id)).toMatchObject({ name, category: { ar: 'التجارة', fr: 'Commerce' }, whatToBring: { ar: ['الهوية'], fr: ['Pièce d’identité'] } });
    expect((await served(id)).name).not.toHaveProperty('en');

    expect((await call('PATCH', `/api/admin/services/${id}`, { name: { ar: 'تراخيص' } })).statusCode).toBe(200);
    expect((await served(id)).name).toEqual({ ar: 'تراخيص' });
    // The hall's own name, its footer and the ticker too.
    const hallName = { ar: 'مركز الجزائر', fr: 'Centre d’Alger' };
    const footer = { ar: 'شكراً', fr: 'Merci' };
    expect((await call('PATCH', '/api/admin/hall', { name: hallName, settings: { ticketFooter: footer, display: { ticker: footer } } })).statusCode).toBe(200);
    const info = (await call('GET', '/api/hall')).json() as HallInfo;
    expect(info.name).toEqual(hallName);
    expect(info.ticketFooter).toEqual(footer);
    // What the displays are sent (the admin sees the same).
    expect((await call('GET', '/api/admin/hall')).json().settings.display.ticker).toEqual(footer);
  });

  it('refuses a name whose Arabic is empty or missing, naming the field, and changes nothing', async () => {
    const before = await served(1);
    for (const name of [{ ar: '  ', fr: 'Permis' }, { fr: 'Permis' }]) {
      const res = await call('PATCH', '/api/admin/services/1', { name });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path: 'name.ar' }));
    }
    const res = await call('POST', '/api/admin/services', { code: 'L', name: { ar: '', en: 'Licences' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path: 'name.ar' }));
    expect(await served(1)).toEqual(before);
  });
});
