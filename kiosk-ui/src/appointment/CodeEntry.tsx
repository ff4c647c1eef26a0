import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, formatTicketNumber } from '../../../ui-kit/i18n.js';
import { useUi } from '../ui.js';
import { parseScanned, pressKey } from './code.js';

interface Props {
  /** Why the last code did not check in, said above the keypad. */
  message: string | null;
  onCode(code: string): void;
  onBack(): void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'backspace'];

/** A scanner types a whole code in well under this: a longer pause starts a new code, so stray keys never stick to one. */
const SCAN_PAUSE_MS = 1000;

/**
 * «لدي موعد»: the code on a large keypad in the hall's digits, or from a barcode/QR scanner. A
 * scanner is a keyboard: it types into the hidden input that keeps the focus, and its Enter
 * checks in at once.
 */
export function CodeEntry({ message, onCode, onBack }: Props) {
  const { lang, digits, t } = useUi();
  const [code, setCode] = useState('');
  const scanned = useRef<HTMLInputElement>(null);
  const lastKeyAt = useRef(0);
  const refocus = () => scanned.current?.focus();
  useEffect(refocus, []);

  const press = (key: string) => {
    setCode((typed) => pressKey(typed, key));
    refocus();
  };
  const onScannerKey = (e: KeyboardEvent) => {
    const input = e.currentTarget as HTMLInputElement;
    if (e.timeStamp - lastKeyAt.current > SCAN_PAUSE_MS) input.value = '';
    lastKeyAt.current = e.timeStamp;
    if (e.key !== 'Enter') return;
    const read = parseScanned(input.value);
    input.value = '';
    if (read) onCode(read);
  };

  return (
    <main class="screen appointment" onPointerUp={refocus}>
      <h1>{t('appointmentEntry')}</h1>
      <p class="appointment-help">{t('appointmentHelp')}</p>
      <input
        ref={scanned}
        class="visually-hidden"
        aria-label={t('appointmentCode')}
        inputMode="none"
        autoComplete="off"
        onKeyDown={onScannerKey}
        onBlur={() => setTimeout(refocus, 0)}
      />
      {message && (
        <p class="appointment-message" role="alert">
          {message}
        </p>
      )}
      <p class="appointment-code" dir="ltr" aria-live="polite" data-code={code}>
        {code ? formatTicketNumber(code, digits) : '\u00a0'}
      </p>
      <div class="keypad" dir="ltr">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            class={key.length > 1 ? 'key secondary' : 'key'}
            data-key={key}
            aria-label={key === 'backspace' ? t('eraseDigit') : undefined}
            onClick={() => press(key)}
          >
            {key === 'clear' ? t('clearCode') : key === 'backspace' ? '⌫' : formatNumber(Number(key), lang, digits)}
          </button>
        ))}
      </div>
      <div class="actions">
        <button type="button" class="primary" disabled={code.length < 4} onClick={() => onCode(code)}>
          {t('checkIn')}
        </button>
        <button type="button" class="secondary" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </main>
  );
}
