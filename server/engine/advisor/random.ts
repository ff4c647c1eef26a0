// The advisor's seeded randomness (mulberry32), so the same input gives the same advice.

export type Random = () => number;

export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson count of mean `mean` (Knuth: the means here are a few arrivals a minute at most). */
export function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/** A lognormal draw of this mean and coefficient of variation. */
export function lognormal(random: Random, mean: number, cv: number): number {
  const s2 = Math.log(1 + cv * cv);
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal);
}
