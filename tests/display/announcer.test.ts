import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HallSettings } from '../../db/schema.js';
import { Announcer } from '../../display-ui/src/audio/announcer.js';
import type { AnnouncementPlayer } from '../../display-ui/src/audio/player.js';
import { spokenLanguages, type Announcement, type AnnounceOptions } from '../../display-ui/src/voice/sequence.js';
import type { Call } from '../../server/protocol/schemas.js';
import { displaySettings } from '../../server/realtime/display-info.js';

// The announcement queue: one call at a time, in the order taken, whatever the player does; a
// burst of calls spoken as one short group, timed with the voice pack's own clip lengths.

const call = (id: number, ticket = `B${String(id).padStart(3, '0')}`, counter = id): Call => ({
  id,
  ticket: { id, number: ticket, serviceId: 1 },
  counter: { id: counter, number: counter },
  recall: false,
  at: '2026-11-29T10:00:00.000+03:00',
});

interface Played {
  callId: number;
  clips: string[];
  start: number;
  end: number;
}

/** A player that "plays" for `ms(announcement)` and logs what it played, and when. */
function recorder(ms: (a: Announcement) => number | Promise<void> = () => 20) {
  const played: Played[] = [];
  let playing = 0;
  let overlaps = 0;
  const player: AnnouncementPlayer = {
    unlock: async () => true,
    async play(a) {
      if (playing++) overlaps++;
      const entry = { callId: a.callId, clips: a.clips, start: Date.now(), end: NaN };
      played.push(entry);
      try {
        const wait = ms(a);
        await (typeof wait === 'number' ? new Promise((r) => setTimeout(r, wait)) : wait);
      } finally {
        playing--;
        entry.end = Date.now();
      }
    },
  };
  return { played, player, overlaps: () => overlaps };
}

function announcer(player: AnnouncementPlayer, opts: { maxPlayMs?: number; en?: boolean; fr?: boolean; spoken?: AnnounceOptions } = {}) {
  let idle!: () => void;
  const done = new Promise<void>((r) => (idle = r));
  const pending: number[][] = [];
  const a = new Announcer({
    player: () => player,
    options: () => opts.spoken ?? { chime: true, ar: true, en: opts.en ?? true, fr: opts.fr },
    hooks: { pending: (calls) => pending.push(calls.map((c) => c.id)), speaking: () => undefined, idle },
    maxPlayMs: opts.maxPlayMs,
  });
  return { a, done, pending };
}

const callIds = (played: Played[]) => [...new Set(played.map((p) => p.callId))];

// What the voice pack's clips last, as the ClipPlayer plays them (each announcement starts 50 ms ahead).
const manifest = JSON.parse(readFileSync('assets/voice/manifest.json', 'utf8')) as { clips: Record<string, { ms: number }> };
const clipMs = (a: Announcement) => 50 + a.clips.reduce((sum, id) => sum + manifest.clips[id]!.ms, 0);

afterEach(() => {
  vi.useRealTimers();
});

describe('the announcement queue', () => {
  it('plays calls strictly one after another, in order', async () => {
    const { played, player, overlaps } = recorder();
    const { a, done } = announcer(player);
    a.enqueue([call(1), call(2)]);
    a.enqueue([call(3)]);
    a.enqueue([call(4), call(5)]);
    await done;
    expect(overlaps()).toBe(0);
    expect(callIds(played)).toEqual([1, 2, 3, 4, 5]);
    // Each call's sentences together, never two calls' sentences interleaved.
    expect(played.map((p) => p.callId)).toEqual([...played.map((p) => p.callId)].sort((x, y) => x - y));
  });

  it('goes on after a player that fails or hangs', async () => {
    const { played, player } = recorder((a) =>
      a.callId === 1 ? Promise.reject(new Error('decode')) : a.callId === 2 ? new Promise(() => {}) : 0,
    );
    const { a, done, pending } = announcer(player, { maxPlayMs: 100 });
    a.enqueue([call(1), call(2), call(3)]);
    await done;
    expect(callIds(played)).toEqual([1, 2, 3]);
    expect(pending.at(-1)).toEqual([]);
  });

  it('speaks a call on its own in full: chime, Arabic, a breath, English', async () => {
    const { played, player } = recorder();
    const { a, done } = announcer(player);
    a.enqueue([call(7, 'B007', 3)]);
    await done;
    expect(played.map((p) => p.clips)).toEqual([
      ['common/chime'],
      ['ar/the-number', 'ar/latin-b', 'ar/n7', 'ar/to-counter', 'ar/n3'],
      ['en/ticket', 'en/latin-b', 'en/n7', 'en/go-to-counter', 'en/n3'],
    ]);
  });

  it('groups the calls of a hall of Arabic and French as it does in English, French second', async () => {
    const { played, player } = recorder();
    const { a, done } = announcer(player, { en: false, fr: true });
    a.enqueue([call(1, 'B071', 1), call(2, 'B080', 2), call(3, 'B091', 3), call(4, 'B201', 4)]);
    await done;
    expect(played.map((p) => p.clips)).toEqual([
      ['common/chime'],
      // Three more calls wait: Arabic only, briefly, until the queue runs dry.
      ['ar/latin-b', 'ar/n1', 'ar/and-n70', 'ar/to-counter', 'ar/n1'],
      ['ar/latin-b', 'ar/n80', 'ar/to-counter', 'ar/n2'],
      ['ar/latin-b', 'ar/n1', 'ar/and-n90', 'ar/to-counter', 'ar/n3'],
      ['ar/latin-b', 'ar/n200', 'ar/and-n1', 'ar/to-counter', 'ar/n4'],
    ]);
    a.enqueue([call(5, 'B171', 5)]);
    // The queue ran dry: the next call is said in full, in Arabic, then in French.
    await vi.waitFor(() => expect(played).toHaveLength(8));
    expect(played.slice(5).map((p) => p.clips)).toEqual([
      ['common/chime'],
      ['ar/the-number', 'ar/latin-b', 'ar/n100', 'ar/and-n1', 'ar/and-n70', 'ar/to-counter', 'ar/n5'],
      ['fr/number', 'fr/latin-b', 'fr/n100', 'fr/n60', 'fr/and-n11', 'fr/to-counter', 'fr/n5'],
    ]);
  });

  it('tells which calls are still to be spoken, the one being spoken first', async () => {
    const { player } = recorder();
    const { a, done, pending } = announcer(player);
    a.enqueue([call(1)]);
    a.enqueue([call(2), call(3)]);
    await done;
    expect(pending).toEqual([[1], [1, 2, 3], [2, 3], [3], []]);
  });

  it('speaks six calls made within 8 s in under 25 s, with one chime', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const { played, player, overlaps } = recorder(clipMs);
    const { a, pending } = announcer(player);
    // Six clerks press "next" within 8 s: tickets of six services to six counters.
    const burst = [call(1, 'B001', 1), call(2, 'P001', 2), call(3, 'F001', 4), call(4, 'D001', 6), call(5, 'C001', 7), call(6, 'B002', 8)];
    const t0 = Date.now();
    burst.forEach((c, i) => setTimeout(() => a.enqueue([c]), i * 1600));
    await vi.advanceTimersByTimeAsync(60_000);

    expect(pending.at(-1)).toEqual([]);
    expect(overlaps()).toBe(0);
    expect(callIds(played)).toEqual([1, 2, 3, 4, 5, 6]);
    const lastEnd = Math.max(...played.map((p) => p.end)) - t0;
    expect(lastEnd).toBeLessThanOrEqual(25_000);
    expect(played.filter((p) => p.clips.includes('common/chime'))).toHaveLength(1);
    // Every call says its number and its counter in Arabic.
    for (const c of burst) {
      const arabic = played.find((p) => p.callId === c.id && p.clips.includes('ar/to-counter'));
      expect(arabic, c.ticket.number).toBeDefined();
    }
  });

  it('keeps the second language while no more than one call waits', async () => {
    const { played, player } = recorder();
    const { a, done } = announcer(player);
    a.enqueue([call(1), call(2)]);
    await done;
    const english = (id: number) => played.some((p) => p.callId === id && p.clips.includes('en/go-to-counter'));
    expect([english(1), english(2)]).toEqual([true, true]);
    // The second is part of the group: no chime, no «الرقم».
    expect(played.filter((p) => p.callId === 2).flatMap((p) => p.clips)).not.toContain('ar/the-number');
    expect(played.filter((p) => p.clips.includes('common/chime'))).toHaveLength(1);
  });

  it("speaks French in a hall of Arabic and French as the hall's stored settings say, announceFr missing or set", async () => {
    const spokenFor = async (display: HallSettings['display']) => {
      const { played, player } = recorder();
      const spoken = spokenLanguages(['ar', 'fr'], displaySettings({ display } as HallSettings));
      const { a, done } = announcer(player, { spoken });
      a.enqueue([call(1, 'B023', 12)]);
      await done;
      return played.map((p) => p.clips[0]);
    };
    // Settings stored before announceFr: French, as before; and the English switch does not silence it.
    expect(await spokenFor({ announceAr: true, announceEn: true })).toEqual(['common/chime', 'ar/the-number', 'fr/number']);
    expect(await spokenFor({ announceEn: false })).toEqual(['common/chime', 'ar/the-number', 'fr/number']);
    expect(await spokenFor({ announceFr: false })).toEqual(['common/chime', 'ar/the-number']);
    expect(await spokenFor({ announceAr: false, chime: false })).toEqual(['fr/number']);
  });
});
