// Days as the hall counts them: `YYYY-MM-DD` in the hall's zone.

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDay(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A `YYYY-MM-DD` day `n` days later (earlier when negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
