import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';

// CENTRAL_URL and CENTRAL_TOKEN: both or neither, an http(s) address and a hall's token.

describe('CENTRAL_URL and CENTRAL_TOKEN', () => {
  it('join a city when both are set', () => {
    expect(readConfig({ CENTRAL_URL: 'https://city.example.org', CENTRAL_TOKEN: 'hall_abc' })).toMatchObject({
      CENTRAL_URL: 'https://city.example.org',
      CENTRAL_TOKEN: 'hall_abc',
    });
  });

  it('leave the hall alone when both are unset or empty', () => {
    expect(readConfig({ CENTRAL_URL: '', CENTRAL_TOKEN: '' })).toMatchObject({ CENTRAL_URL: undefined, CENTRAL_TOKEN: undefined });
  });

  it('are refused with a clear error when one comes without the other', () => {
    expect(() => readConfig({ CENTRAL_URL: 'https://city.example.org' })).toThrow(/CENTRAL_URL: set both CENTRAL_URL and CENTRAL_TOKEN/);
    expect(() => readConfig({ CENTRAL_TOKEN: 'hall_abc' })).toThrow(/set both CENTRAL_URL and CENTRAL_TOKEN/);
  });

  it('are refused when the address is not http(s) or the token not a hall token', () => {
    expect(() => readConfig({ CENTRAL_URL: 'ftp://city.example.org', CENTRAL_TOKEN: 'hall_abc' })).toThrow(/CENTRAL_URL: must be the city server's http:\/\/ or https:\/\/ address/);
    expect(() => readConfig({ CENTRAL_URL: 'city.example.org', CENTRAL_TOKEN: 'hall_abc' })).toThrow(/CENTRAL_URL: must be/);
    expect(() => readConfig({ CENTRAL_URL: 'https://city.example.org', CENTRAL_TOKEN: 'dev_abc' })).toThrow(/CENTRAL_TOKEN: .*starts with hall_/);
  });
});
