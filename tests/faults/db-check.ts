import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Reads a stopped server's database directly, the way an auditor would after a crash: from a
// copy of the file and its write-ahead log, so that the server's own recovery at its restart
// still finds the files exactly as the crash left them.

export interface TicketFact {
  id: number;
  number: string;
  serviceId: number;
  day: string;
  sequence: number;
  status: string;
  counterId: number | null;
}

export interface Consistency {
  integrity: string;
  tickets: TicketFact[];
  /** Tickets without their `issue` event. */
  withoutIssueEvent: number[];
  /** (service, day) whose daily_sequences.last differs from the highest sequence issued. */
  sequenceMismatches: string[];
  /** Numbers issued twice on one day (must be none). */
  duplicateNumbers: string[];
  /** Tickets issued at a kiosk with a printer, without their print job. */
  withoutPrintJob: number[];
  printJobs: { ticketId: number | null; status: string }[];
}

export function readHall(dataDir: string): Consistency {
  const copy = mkdtempSync(join(tmpdir(), 'dawr-check-'));
  for (const suffix of ['', '-wal']) {
    const from = join(dataDir, 'dawr.sqlite' + suffix);
    if (existsSync(from)) copyFileSync(from, join(copy, 'dawr.sqlite' + suffix));
  }
  const db = new Database(join(copy, 'dawr.sqlite'), { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const tickets = db
      .prepare(
        'SELECT id, number, service_id AS serviceId, day, sequence, status, counter_id AS counterId FROM tickets ORDER BY id',
      )
      .all() as TicketFact[];
    const withoutIssueEvent = (
      db
        .prepare("SELECT t.id FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'issue')")
        .all() as { id: number }[]
    ).map((r) => r.id);
    const sequenceMismatches = (
      db
        .prepare(
          `SELECT s.service_id AS serviceId, s.day, s.last, (SELECT max(sequence) FROM tickets t WHERE t.service_id = s.service_id AND t.day = s.day) AS top
           FROM daily_sequences s`,
        )
        .all() as { serviceId: number; day: string; last: number; top: number | null }[]
    )
      .filter((r) => r.last !== r.top)
      .map((r) => `service ${r.serviceId} on ${r.day}: last ${r.last}, highest issued ${r.top}`);
    const duplicateNumbers = (
      db.prepare('SELECT day, number, count(*) AS n FROM tickets GROUP BY hall_id, day, number HAVING n > 1').all() as { day: string; number: string }[]
    ).map((r) => `${r.day} ${r.number}`);
    const withoutPrintJob = (
      db
        .prepare(
          `SELECT t.id FROM tickets t JOIN printers p ON p.kiosk_id = t.device_id AND p.active
           WHERE NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.ticket_id = t.id)`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id);
    const printJobs = db.prepare('SELECT ticket_id AS ticketId, status FROM print_jobs ORDER BY id').all() as Consistency['printJobs'];
    return { integrity, tickets, withoutIssueEvent, sequenceMismatches, duplicateNumbers, withoutPrintJob, printJobs };
  } finally {
    db.close();
    rmSync(copy, { recursive: true, force: true });
  }
}
