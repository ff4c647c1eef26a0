import type { Call } from '../../../server/protocol/schemas.js';
import { announcement, PAUSE_SECONDS, VOICE_LANGS, type Announcement, type AnnounceOptions } from '../voice/sequence.js';
import type { AnnouncementPlayer } from './player.js';

// The announcement queue: calls are spoken strictly one after another, in the order they were
// taken. Calls that queue up (a burst) are spoken as one group, shorter: one chime for the group,
// number and counter only, and once more than BACKLOG calls wait, the second language is left
// out until the queue runs dry. A player that hangs cannot stop the queue.

export interface AnnouncerHooks {
  /** The calls not yet spoken to their end, the one being spoken first. */
  pending(calls: Call[]): void;
  speaking(on: boolean): void;
  /** The queue ran dry. */
  idle?(): void;
}

export interface AnnouncerOptions {
  player(): AnnouncementPlayer;
  options(): AnnounceOptions;
  hooks: AnnouncerHooks;
  maxPlayMs?: number;
}

/** More calls than this waiting: the second language is left out. */
export const BACKLOG = 1;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Announcer {
  private queue: Call[] = [];
  private running = false;
  private spoke = false;

  constructor(private readonly o: AnnouncerOptions) {}

  enqueue(calls: Call[]): void {
    if (!calls.length) return;
    this.queue.push(...calls);
    this.o.hooks.pending([...this.queue]);
    if (!this.running) void this.run();
  }

  /** The first call not spoken to its end, or null. */
  get next(): Call | null {
    return this.queue[0] ?? null;
  }

  get busy(): boolean {
    return this.running;
  }

  private async say(spoken: Announcement): Promise<void> {
    if (!spoken.clips.length) return;
    if (!this.spoke) this.o.hooks.speaking((this.spoke = true));
    try {
      await Promise.race([this.o.player().play(spoken), sleep(this.o.maxPlayMs ?? 30_000)]);
    } catch {
      // A broken player must not silence the calls after this one.
    }
  }

  private async run(): Promise<void> {
    this.running = true;
    const { hooks } = this.o;
    let grouped = false; // a call spoken just before this one, with no pause in the queue
    let short = false;
    while (this.queue.length) {
      const call = this.queue[0]!;
      const o = this.o.options();
      const waiting = () => this.queue.length - 1;
      if (o.chime && !grouped) await this.say(announcement(call, { chime: true, ar: false, en: false }));
      const langs = VOICE_LANGS.filter((lang) => o[lang]);
      for (const [i, lang] of langs.entries()) {
        short ||= waiting() > BACKLOG;
        if (i > 0) {
          if (short) break;
          await sleep(PAUSE_SECONDS * 1000);
        }
        const brief = grouped || waiting() > 0;
        await this.say(announcement(call, { chime: false, ar: lang === 'ar', en: lang === 'en', fr: lang === 'fr', brief }));
      }
      this.queue.shift();
      hooks.pending([...this.queue]);
      grouped = true;
    }
    this.running = false;
    if (this.spoke) hooks.speaking((this.spoke = false));
    hooks.idle?.();
  }
}
