import type { KioskPrinter, PrintResult } from '../../../server/protocol/schemas.js';
import { Icon } from '../../../ui-kit/icons.js';
import { useUi } from '../ui.js';

export type PrintState = 'printing' | 'printed' | 'printer_down' | 'paper_out' | 'failed';

/** What to tell the citizen about their paper ticket. */
export function printState(printer: KioskPrinter | undefined, result: PrintResult | undefined): PrintState {
  if (result?.status === 'printed') return 'printed';
  if (result?.status === 'failed' || result?.status === 'expired') return 'failed';
  if (printer === null) return 'printer_down';
  if (printer?.status === 'offline') return 'printer_down';
  if (printer?.status === 'paper_out') return 'paper_out';
  return 'printing';
}

/** Printing, printed, or: the printer cannot print, so photograph the number and the QR code. */
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
  const why = state === 'paper_out' ? t('paperOut') : state === 'failed' ? t('printFailed') : t('printerDown');
  return (
    <div class="notice" role="alert" data-print={state}>
      <p class="notice-main">
        <span class="camera" aria-hidden="true" />
        {why}
      </p>
      <p>{t('ticketStillValid')}</p>
    </div>
  );
}
