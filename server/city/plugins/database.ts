import fp from 'fastify-plugin';
import type { CityDatabase } from '../database.js';
import { openCityDatabase } from '../database.js';
import { isNewCityDatabase, seedCity, type CitySeedReport } from '../seed.js';
import type { StaffStore } from '../../staff/store.js';
import { cityStaffStore } from '../staff-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    city: CityDatabase & { staff: StaffStore };
    /** What seeding a new city database produced (generated password, demo hall tokens), else null. */
    citySeedReport: CitySeedReport | null;
  }
}

export interface CityDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  seed: 'demo' | 'none';
  adminPassword?: string;
}

/** Opens (and migrates) the city's PostgreSQL, seeds it when new; closes it last on shutdown. */
export default fp<CityDatabaseOptions>(
  async (app, opts) => {
    const database = await openCityDatabase(opts);
    app.addHook('onClose', () => database.close());
    const seedReport = (await isNewCityDatabase(database.db))
      ? await seedCity(database.db, { seed: opts.seed, adminPassword: opts.adminPassword, now: app.now() })
      : null;
    app.decorate('city', { ...database, staff: cityStaffStore(database.db) });
    app.decorate('citySeedReport', seedReport);
  },
  { name: 'city-database', dependencies: ['clock'] },
);
