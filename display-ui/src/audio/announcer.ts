import type { Call } from '../../../server/protocol/schemas.js';
import { announcement, type AnnounceOptions } from '../voice/sequence.js';
import type { AnnouncementPlayer } from './player.js';

// The announcement queue: calls are featured and spoken strictly one after another, in the
// order they were taken. Each stays featured for a minimum time even when nothing is spoken,
// and a player that hangs cannot stop the queue.

export interface AnnouncerHooks {
  /** The call now shown large (and spoken). */
  feature(call: Call): void;
  speaking(on: boolean): void;
  /** The queue ran dry. */
  idle?(): void;
}

export interface AnnouncerOptions {
  player(): AnnouncementPlayer;
  options(): AnnounceOptions;
  hooks: AnnouncerHooks;
  minFeatureMs?: number;
  maxPlayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Announcer {
  private queue: Call[] = [];
  private running = false;

  constructor(private readonly o: AnnouncerOptions) {}

  enqueue(calls: Call[]): void {
    this.queue.push(...calls);
    if (!this.running && this.queue.length) void this.run();
  }

  /** The first call not featured yet, or null. */
  get next(): Call | null {
    return this.queue[0] ?? null;
  }

  get busy(): boolean {
    return this.running;
  }

  private async run(): Promise<void> {
    this.running = true;
    const { hooks, minFeatureMs = 2500, maxPlayMs = 30_000 } = this.o;
    while (this.queue.length) {
      const call = this.queue.shift()!;
      const started = Date.now();
      hooks.feature(call);
      const spoken = announcement(call, this.o.options());
      if (spoken.clips.length) {
        hooks.speaking(true);
        try {
          await Promise.race([this.o.player().play(spoken), sleep(maxPlayMs)]);
        } catch {
          // A broken player must not silence the calls after this one.
        } finally {
          hooks.speaking(false);
        }
      }
      await sleep(minFeatureMs - (Date.now() - started));
    }
    this.running = false;
    hooks.idle?.();
  }
}
