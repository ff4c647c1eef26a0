import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';

// The security settings of the environment: staff passwords as the admin routes take them, the
// folder of file: printers, local webhooks.

describe('the environment', () => {
  it('takes ADMIN_PASSWORD and DEMO_PASSWORD only as strong as a staff password must be', () => {
    for (const [password, why] of [
      ['12345678', /at least 10 characters/],
      ['password', /at least 10 characters/],
      ['aaaaaaaa', /at least 10 characters/],
      ['qwertyuiop', /most common passwords/],
      ['zzzzzzzzzzzz', /one character repeated/],
    ] as const) {
      expect(() => readConfig({ ADMIN_PASSWORD: password })).toThrow(new RegExp(`ADMIN_PASSWORD: .*${why.source}`));
      expect(() => readConfig({ DEMO_PASSWORD: password })).toThrow(new RegExp(`DEMO_PASSWORD: .*${why.source}`));
    }
    expect(readConfig({ ADMIN_PASSWORD: 'dawr-hall-2026', DEMO_PASSWORD: 'demo-hall-2026' })).toMatchObject({
      ADMIN_PASSWORD: 'dawr-hall-2026',
      DEMO_PASSWORD: 'demo-hall-2026',
    });
  });

  it('reads PRINT_FILE_DIR and WEBHOOK_ALLOW_LOCAL (off unless 1)', () => {
    const defaults = readConfig({});
    expect([defaults.PRINT_FILE_DIR, defaults.WEBHOOK_ALLOW_LOCAL]).toEqual([undefined, false]); // DATA_DIR/print, refused
    expect(readConfig({ PRINT_FILE_DIR: '/srv/print', WEBHOOK_ALLOW_LOCAL: '1' })).toMatchObject({ PRINT_FILE_DIR: '/srv/print', WEBHOOK_ALLOW_LOCAL: true });
    expect(() => readConfig({ WEBHOOK_ALLOW_LOCAL: 'yes' })).toThrow(/WEBHOOK_ALLOW_LOCAL/);
  });
});

describe('REQUEST_TIMEOUT_S', () => {
  it('is whole seconds between 5 and 3600, unset by default (the app then allows 60 s)', () => {
    expect(readConfig({}).REQUEST_TIMEOUT_S).toBeUndefined();
    expect(readConfig({ REQUEST_TIMEOUT_S: '300' }).REQUEST_TIMEOUT_S).toBe(300);
    for (const bad of ['0', '2', '1.5', 'soon']) expect(() => readConfig({ REQUEST_TIMEOUT_S: bad })).toThrow(/REQUEST_TIMEOUT_S/);
  });
});
