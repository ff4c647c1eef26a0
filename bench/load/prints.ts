import Database from 'better-sqlite3';
import { sleep, wallNow } from './stats.js';

// Whether the kiosks' receipts are all on paper: read from the server's own database (read-only,
// beside the server, as WAL allows), which records each job's status.

/** Waits until no print job is waiting or in flight (at most `maxMs`); answers when, and how many printed. */
export async function printsSettled(dbFile: string, maxMs: number): Promise<{ at: number; printed: number; waiting: number }> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const count = db.prepare(
      "SELECT count(*) FILTER (WHERE status = 'printed') AS printed, count(*) FILTER (WHERE status IN ('queued', 'sent')) AS waiting FROM print_jobs",
    );
    const begin = wallNow();
    for (;;) {
      const { printed, waiting } = count.get() as { printed: number; waiting: number };
      if (waiting === 0 || wallNow() - begin > maxMs) return { at: wallNow(), printed, waiting };
      await sleep(50);
    }
  } finally {
    db.close();
  }
}
