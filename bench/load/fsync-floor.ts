import Database from 'better-sqlite3';
import { join } from 'node:path';

// The durability floor: how many trivial transactions per second SQLite commits on this disk
// with the server's settings (WAL, synchronous=FULL: one fsync of the WAL per commit). No server
// answering one 201 per transaction can beat it.

export function fsyncFloorPerSec(dir: string, maxCommits = 3000, maxMs = 1500): number {
  const db = new Database(join(dir, 'fsync-floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const commit = db.transaction(() => insert.run('x'));
    const started = performance.now();
    let commits = 0;
    while (commits < maxCommits && performance.now() - started < maxMs) {
      commit.immediate();
      commits++;
    }
    return commits / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}
