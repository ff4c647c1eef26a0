// Guessing one account's password from many addresses: the per-address limit of /login does not
// see it. After HELD_AFTER wrong passwords in a row for a username, that username is refused
// for a delay that doubles with every further failure, whoever asks. Kept in memory: a restart
// clears it, which only a hall's admin can cause, and the database takes no write per failed
// guess. Unknown usernames are counted like known ones, so the answers tell nothing about which
// exist; the map is bounded so that made-up names cannot fill the memory.

const HELD_AFTER = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
const MAX_ACCOUNTS = 10_000;

interface Failures {
  count: number;
  /** Refused until then (epoch ms). */
  until: number;
}

export class LoginBackoff {
  private readonly failures = new Map<string, Failures>();

  /** Milliseconds until `username` may try again; 0: now. */
  waitFor(username: string, now: number): number {
    return Math.max(0, (this.failures.get(username)?.until ?? 0) - now);
  }

  failed(username: string, now: number): void {
    const count = (this.failures.get(username)?.count ?? 0) + 1;
    const until = count >= HELD_AFTER ? now + Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (count - HELD_AFTER)) : 0;
    this.failures.delete(username); // re-inserted last: the map's order is oldest failure first
    this.failures.set(username, { count, until });
    if (this.failures.size > MAX_ACCOUNTS) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }
}
