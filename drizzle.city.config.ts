import { defineConfig } from 'drizzle-kit';

// The city server's PostgreSQL (server/city/): its own schema and migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/city/schema.ts',
  out: './db/city/migrations',
});
