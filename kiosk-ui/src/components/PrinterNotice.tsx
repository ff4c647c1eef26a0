import type { KioskPrinter, PrintResult } from '../../../server/protocol/schemas.js';
import { Icon } from '../../../ui-kit/icons.js';
import { useUi } from '../ui.js';

export type PrintState = 'printing' | 'printed' | 'printer_down' | 'paper_out' | 'failed' | 'unknown';

/**
 * What to tell the citizen about their paper ticket. Cut off from the server (`offline`), the
 * kiosk cannot know whether the paper came out: 'unknown', never 'printing'.
 */
export function printState(printer: KioskPrinter | undefined, result: PrintResult | undefined, offline: boolean): PrintState {
  if (result?.status === 'printed') return 'printed';
  if (result?.status === 'failed' || result?.status === 'expired') return 'failed';
  if (printer === null) return 'printer_down';
  if (printer?.status === 'offline') return 'printer_down';
  if (printer?.status === 'paper_out') return 'paper_out';
  return offline ? 'unknown' : 'printing';
}

/** Printing, printed, or: the printer cannot print (or may not have), so photograph the number and the QR code. */
export function PrinterNotice({ state }: { state: PrintState }) {
  const { t } = useUi();
  if (state === 'printing') {
    return (
      <p class="print-status" role="status" data-print="printing">
        <span class="spinner small" aria-hidden="true" /> {t('printing')}
      </p>
    );
  }
  if (state === 'printed') {
    return (
      <p class="print-status ok" role="status" data-print="printed">
        <Icon shape="check" /> {t('printed')}
      </p>
    );
  }
  const why = { paper_out: t('paperOut'), failed: t('printFailed'), printer_down: t('printerDown'), unknown: t('noPaperCameOut') }[state];
  return (
    // Only a known failure is an alert; 'unknown' may well have printed.
    <div class="notice" role={state === 'unknown' ? 'status' : 'alert'} data-print={state}>
      <p class="notice-main">
        <span class="camera" aria-hidden="true" />
        {why}
      </p>
      <p>{t('ticketStillValid')}</p>
    </div>
  );
}
