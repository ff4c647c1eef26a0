// An appointment's code as the kiosk reads it: typed on its keypad or by a barcode/QR scanner
// that acts as a keyboard (characters in quick succession, then Enter). Codes are digits, written
// in the hall's digits on screen and on the booking page; a scanner types Latin ones, a phone's
// keyboard may type Arabic-Indic or Persian ones.

/** A code never grows longer than this (the server's codes are shorter). */
export const MAX_CODE_LENGTH = 12;

const TO_LATIN: Record<string, string> = Object.fromEntries(
  [...'٠١٢٣٤٥٦٧٨٩', ...'۰۱۲۳۴۵۶۷۸۹'].map((d, i) => [d, String(i % 10)]),
);

/** Arabic-Indic and Persian digits as Latin ones; everything else unchanged. */
export const latinDigits = (text: string) => text.replace(/[٠-٩۰-۹]/g, (d) => TO_LATIN[d]!);

/** The keypad: a digit key adds one (up to MAX_CODE_LENGTH), ⌫ removes the last, ✕ clears. */
export function pressKey(code: string, key: string): string {
  if (key === 'backspace') return code.slice(0, -1);
  if (key === 'clear') return '';
  const digit = latinDigits(key);
  return /^\d$/.test(digit) && code.length < MAX_CODE_LENGTH ? code + digit : code;
}

/**
 * What a scanner (or a hand) typed, as a code: the QR of the booking page holds the bare code, a
 * scanned link to /book/?code=… holds it as a parameter; spaces, dashes and a scanner's
 * prefix or suffix characters around the digits are dropped. null: no code in it.
 */
export function parseScanned(text: string): string | null {
  const typed = latinDigits(text.trim());
  const fromLink = /[?&]code=([^&#\s]+)/.exec(typed)?.[1];
  const digits = (fromLink ?? typed).replace(/[\s-]/g, '').match(/\d+/g);
  if (!digits || digits.length !== 1) return null;
  const code = digits[0]!;
  return code.length >= 4 && code.length <= MAX_CODE_LENGTH ? code : null;
}
