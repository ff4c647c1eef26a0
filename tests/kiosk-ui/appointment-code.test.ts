import { describe, expect, it } from 'vitest';
import { parseScanned, pressKey } from '../../kiosk-ui/src/appointment/code.js';

// The kiosk's appointment entry (kiosk-ui/src/appointment/code.ts); tests/e2e/appointments.test.ts
// types and scans codes into the real page.

describe('the code keypad', () => {
  it('takes digits in either script as Latin ones, and nothing else', () => {
    const typed = ['٤', '7', '۲', 'x', '.', '0'].reduce(pressKey, '');
    expect(typed).toBe('4720');
  });

  it('removes the last digit, clears, and stops at twelve digits', () => {
    expect(pressKey('4720', 'backspace')).toBe('472');
    expect(pressKey('', 'backspace')).toBe('');
    expect(pressKey('4720', 'clear')).toBe('');
    expect(pressKey('123456789012', '3')).toBe('123456789012');
  });
});

describe('what a scanner types', () => {
  it('reads a bare code, in any digits, with the spaces or dashes a printed code may carry', () => {
    expect(parseScanned('48213507')).toBe('48213507');
    expect(parseScanned('  ٤٨٢١-٣٥٠٧ ')).toBe('48213507');
    expect(parseScanned('4821 3507\n')).toBe('48213507');
  });

  it('reads the code out of a scanned link to the booking page', () => {
    expect(parseScanned('http://hall.example/book/?code=48213507&lang=en')).toBe('48213507');
  });

  it('drops a scanner prefix or suffix of letters but refuses two numbers or a too short one', () => {
    expect(parseScanned('C48213507X')).toBe('48213507');
    expect(parseScanned('12 ab 34')).toBeNull();
    expect(parseScanned('123')).toBeNull();
    expect(parseScanned('')).toBeNull();
    expect(parseScanned('1234567890123')).toBeNull();
  });
});
