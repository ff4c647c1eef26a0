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
