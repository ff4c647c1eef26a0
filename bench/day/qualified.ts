import type { Roster } from '../sim/day.js';
import { rng } from './generate.js';

// What each clerk could also serve (FORMAT.md "Extensions (v2)", `qualified`): a roster's
// counters each qualified for `min`–`max` more services than they serve, drawn from their own
// seed so the day's trace and roster stay what the seed generated.

export function withQualified(roster: Roster, seed: number, [min, max]: readonly [number, number] = [1, 3]): Roster {
  const random = rng(seed * 6151 + 29);
  const codes = roster.services.map((s) => s.code);
  return {
    ...roster,
    counters: roster.counters.map((c) => {
      const others = codes.filter((code) => !c.services.includes(code));
      const extra: string[] = [];
      for (let k = min + Math.floor(random() * (max - min + 1)); k > 0 && others.length > 0; k--) extra.push(...others.splice(Math.floor(random() * others.length), 1));
      return { ...c, qualified: [...c.services, ...extra] };
    }),
  };
}
