// Calendar arithmetic in the hall's time zone, through Intl only (never the machine's zone,
// never UTC): the business day, and ISO-8601 times with the hall's offset.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields as Intl gives them (the slow path: about 10 µs a call). */
function intlParts(ms: number, timeZone: string): Record<string, number> {
  let fmt = partsFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, fmt);
  }
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

// Every request asks the zone about the same few instants, and a zone changes its offset only
// on a whole minute: the offset of the last minute asked is kept per zone.
const lastOffset = new Map<string, { minute: number; offset: number }>();

/** Minutes east of UTC that the zone observes at that instant (Damascus: +180). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const minute = Math.floor(ms / 60000);
  const known = lastOffset.get(timeZone);
  if (known?.minute === minute) return known.offset;
  const p = intlParts(ms, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
  lastOffset.set(timeZone, { minute, offset });
  return offset;
}

/** The wall-clock fields (year, month, day, hour, minute, second) of an instant in a zone. */
export function zoneParts(ms: number, timeZone: string): Record<string, number> {
  const d = new Date(Math.floor(ms / 1000) * 1000 + zoneOffsetMinutes(ms, timeZone) * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The business day (`YYYY-MM-DD`) that the instant falls in, in the hall's zone. */
export function businessDay(ms: number, timeZone: string): string {
  const p = zoneParts(ms, timeZone);
  return `${pad(p.year!, 4)}-${pad(p.month!)}-${pad(p.day!)}`;
}

/** Minutes since local midnight, for opening hours. */
export function localMinuteOfDay(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone);
  return p.hour! * 60 + p.minute!;
}

/** The local weekday, 0 (Sunday) … 6 (Saturday), for opening hours. */
export function localWeekday(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone);
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!)).getUTCDay();
}

/** `2026-11-27T21:04:05.000+03:00`: the instant written in the hall's local time. */
export function isoInZone(ms: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * 60000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
