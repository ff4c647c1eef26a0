import { DEMO_SERVICES } from '../../db/seed.js';
import { users } from '../../db/city/schema.js';
import type { Catalogue } from '../protocol/city.js';
import { hashPassword, randomPassword } from '../security.js';
import type { CityDb } from './database.js';
import { createHall, publishCatalogue } from './halls.js';

// A new city database: its `admin`, and with SEED=demo a few neighbourhood halls of Damascus and
// the hall demo's services as the first catalogue (same codes, so a demo hall matches).

export interface CitySeedReport {
  generatedAdminPassword?: string;
  halls: { id: number; name: string; token: string }[];
}

const DEMO_HALLS = [
  { ar: 'مركز خدمة المواطن — المزة', en: 'Citizen Service Centre — Mezzeh' },
  { ar: 'مركز خدمة المواطن — باب توما', en: 'Citizen Service Centre — Bab Touma' },
  { ar: 'مركز خدمة المواطن — الميدان', en: 'Citizen Service Centre — Al-Midan' },
  { ar: 'مركز خدمة المواطن — ركن الدين', en: 'Citizen Service Centre — Rukn al-Din' },
];

export const DEMO_CATALOGUE: Catalogue = DEMO_SERVICES.map((s) => ({
  code: s.code,
  name: { ar: s.nameAr, en: s.nameEn },
  targetWaitMinutes: s.targetWaitS / 60,
  whatToBring: { ar: s.whatToBringAr, en: s.whatToBringEn },
}));

export async function isNewCityDatabase(db: CityDb): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).limit(1)).length === 0;
}

export async function seedCity(db: CityDb, opts: { seed: 'demo' | 'none'; adminPassword?: string; now: number }): Promise<CitySeedReport> {
  const report: CitySeedReport = { halls: [] };
  const password = opts.adminPassword ?? randomPassword();
  if (!opts.adminPassword) report.generatedAdminPassword = password;
  const passwordHash = await hashPassword(password);
  // Two processes seeding one new database: the username is unique, the second one stops here.
  const created = await db.insert(users).values({ username: 'admin', passwordHash, role: 'admin', displayName: null, createdAt: opts.now }).onConflictDoNothing().returning();
  if (created.length === 0) return { halls: [] };
  if (opts.seed === 'demo') {
    const by = { userId: null, at: opts.now };
    for (const name of DEMO_HALLS) {
      const { hall, token } = await createHall(db, { name, timeZone: 'Asia/Damascus' }, by);
      report.halls.push({ id: hall.id, name: name.en, token });
    }
    await publishCatalogue(db, DEMO_CATALOGUE, by);
  }
  return report;
}
