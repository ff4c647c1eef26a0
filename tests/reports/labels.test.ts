import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHall } from '../../server/hall/state.js';
import { rowNamer } from '../../server/reports/labels.js';
import { openHallDatabase, type HallDatabase } from '../helpers/hall-db.js';

// What a report's rows are called, in Arabic (the hall's digits), English and French.

let db: HallDatabase;
beforeAll(async () => {
  db = await openHallDatabase();
  db.conn.sqlite.prepare("UPDATE services SET name_fr = 'Permis de construire' WHERE code = 'B'").run();
});
afterAll(() => db?.close());

const namer = (grouping: Parameters<typeof rowNamer>[2]) => rowNamer(db.conn, getHall(db.conn, db.hallId), grouping);
const serviceId = (code: string) => db.conn.sqlite.prepare('SELECT id FROM services WHERE code = ?').pluck().get(code) as number;

describe('the labels of report rows', () => {
  it('name a service in French where it has French, else in English', () => {
    const name = namer('service');
    expect(name(serviceId('B')).label).toEqual({ ar: 'رخص البناء', en: 'Building permits', fr: 'Permis de construire' });
    expect(name(serviceId('F')).label.fr).toBeUndefined();
  });

  it('say «Guichet», hours and days in French, with Latin digits', () => {
    expect(namer('counter')(4).label).toEqual({ ar: 'الشباك ٤', en: 'Counter 4', fr: 'Guichet 4' });
    expect(namer('hour')(8).label).toEqual({ ar: '٠٨:٠٠–٠٩:٠٠', en: '08:00–09:00', fr: '08:00–09:00' });
    expect(namer('day')('2026-03-08').label).toEqual({ ar: 'الأحد، ٨ آذار ٢٠٢٦', en: 'Sun, 8 Mar 2026', fr: 'dim. 8 mars 2026' });
  });

  it('name the rows of nothing in French', () => {
    expect(namer('service')(null).label).toEqual({ ar: 'بلا خدمة', en: 'No service', fr: 'Aucun service' });
    expect(namer('counter')(null).label.fr).toBe('Hors guichet');
    expect(namer('clerk')(null).label.fr).toBe('Aucun agent (borne ou système)');
  });
});
