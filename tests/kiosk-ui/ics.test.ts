import { describe, expect, it } from 'vitest';
import { icsText } from '../../kiosk-ui/src/book/ics.js';

// The add-to-calendar file of /book/, read back the way a calendar reads it: lines unfolded,
// then NAME:VALUE with the TEXT escapes undone.

function parse(ics: string): Record<string, string> {
  expect(ics.endsWith('\r\n')).toBe(true);
  for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const lines = ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
  return Object.fromEntries(
    lines
      .filter((l) => !l.startsWith('BEGIN') && !l.startsWith('END'))
      .map((l) => {
        const at = l.indexOf(':');
        return [l.slice(0, at), l.slice(at + 1).replace(/\\n/g, '\n').replace(/\\([\\;,])/g, '$1')];
      }),
  );
}

const event = {
  code: '48213507',
  start: '2026-12-08T08:40:00.000Z',
  end: '2026-12-08T08:55:00.000Z',
  title: 'موعد: رخصة بناء، قاعة خدمة المواطن',
  description: 'رمز الموعد 48213507\nأحضر: صورة الهوية; سند الملكية, الرسوم',
  url: 'http://hall.example/book/?code=48213507',
  host: 'hall.example',
};

describe('the .ics of a booking', () => {
  it('is one event at the slot, in UTC, named by the service, with the code and the link to cancel', () => {
    const ics = icsText(event, new Date('2026-12-07T09:00:00Z'));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const fields = parse(ics);
    expect(fields).toMatchObject({
      DTSTART: '20261208T084000Z',
      DTEND: '20261208T085500Z',
      DTSTAMP: '20261207T090000Z',
      UID: 'appointment-48213507@hall.example',
      SUMMARY: event.title,
      DESCRIPTION: event.description,
      URL: event.url,
    });
  });

  it('folds long Arabic lines between characters, never inside one', () => {
    const long = { ...event, description: 'أحضر صورة الهوية الشخصية وسند الملكية وإيصال دفع الرسوم '.repeat(4) };
    const ics = icsText(long);
    expect(ics).toContain('\r\n ');
    expect(parse(ics).DESCRIPTION).toBe(long.description);
  });
});
