import { afterAll } from 'vitest';
import { openCityDatabase } from '../../server/city/database.js';
import { seedCity } from '../../server/city/seed.js';
import { cityStaffStore } from '../../server/city/staff-store.js';
import { describeStaffStore } from '../staff/store-contract.js';
import { stopTestPostgres, testPostgres } from '../helpers/city.js';

// The city's PostgreSQL staff store keeps the same contract as the hall's SQLite one.

afterAll(stopTestPostgres);

describeStaffStore('the city’s PostgreSQL', async () => {
  const database = await openCityDatabase({ databaseUrl: await (await testPostgres()).freshDatabase(), dataDir: '/nonexistent' });
  await seedCity(database.db, { seed: 'none', adminPassword: 'city-password-123', now: Date.now() }); // its admin, as on a new city
  return { store: cityStaffStore(database.db), close: () => database.close() };
});
