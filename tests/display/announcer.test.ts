import { describe, expect, it } from 'vitest';
import type { Call } from '../../server/protocol/schemas.js';
import { Announcer } from '../../display-ui/src/audio/announcer.js';
import type { AnnouncementPlayer } from '../../display-ui/src/audio/player.js';
import type { Announcement } from '../../display-ui/src/voice/sequence.js';

// The announcement queue: one call at a time, in the order taken, whatever the player does.

const call = (id: number): Call => ({
  id,
  ticket: { id, number: `B${String(id).padStart(3, '0')}`, serviceId: 1 },
  counter: { id: 1, number: id },
  recall: false,
  at: '2026-11-29T10:00:00.000+03:00',
});

function recorder(play: (a: Announcement) => Promise<void> = () => new Promise((r) => setTimeout(r, 20))) {
  const log: string[] = [];
  let playing = 0;
  const player: AnnouncementPlayer = {
    unlock: async () => true,
    async play(a) {
      if (playing++) log.push('OVERLAP');
      log.push(`play ${a.ticketNumber}`);
      try {
        await play(a);
      } finally {
        playing--;
        log.push(`end ${a.ticketNumber}`);
      }
    },
  };
  return { log, player };
}

function announcer(player: AnnouncementPlayer, log: string[], opts: { maxPlayMs?: number } = {}) {
  let idle!: () => void;
  const done = new Promise<void>((r) => (idle = r));
  const a = new Announcer({
    player: () => player,
    options: () => ({ chime: true, ar: true, en: true }),
    hooks: { feature: (c) => log.push(`feature ${c.ticket.number}`), speaking: () => undefined, idle },
    minFeatureMs: 30,
    ...opts,
  });
  return { a, done };
}

describe('the announcement queue', () => {
  it('features and plays calls strictly one after another, in order', async () => {
    const { log, player } = recorder();
    const { a, done } = announcer(player, log);
    a.enqueue([call(1), call(2)]);
    a.enqueue([call(3)]);
    a.enqueue([call(4), call(5)]);
    await done;
    expect(log).toEqual(
      [1, 2, 3, 4, 5].flatMap((n) => [`feature B00${n}`, `play B00${n}`, `end B00${n}`]),
    );
  });

  it('goes on after a player that fails or hangs', async () => {
    const { log, player } = recorder((a) =>
      a.ticketNumber === 'B001' ? Promise.reject(new Error('decode')) : a.ticketNumber === 'B002' ? new Promise(() => {}) : Promise.resolve(),
    );
    const { a, done } = announcer(player, log, { maxPlayMs: 100 });
    a.enqueue([call(1), call(2), call(3)]);
    await done;
    expect(log.filter((l) => l.startsWith('feature'))).toEqual(['feature B001', 'feature B002', 'feature B003']);
  });

  it('keeps a silent call featured for the minimum time', async () => {
    const log: string[] = [];
    const times: number[] = [];
    const a = new Announcer({
      player: () => recorder().player,
      options: () => ({ chime: false, ar: false, en: false }),
      hooks: { feature: () => times.push(Date.now()), speaking: () => log.push('spoke') },
      minFeatureMs: 100,
    });
    a.enqueue([call(1), call(2)]);
    await new Promise((r) => setTimeout(r, 250));
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(95);
    expect(log).toEqual([]);
  });
});
