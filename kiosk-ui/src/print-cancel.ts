import { useEffect } from 'preact/hooks';
import { api } from '../../ui-kit/api.js';
import type { PrintState } from './components/PrinterNotice.js';

const PHOTOGRAPH: PrintState[] = ['printer_down', 'paper_out', 'failed'];

/**
 * Once the ticket on screen tells its citizen to photograph it, its printing is cancelled: a
 * ticket that came out later would land in the hands of whoever stands at the kiosk by then.
 */
export function useCancelPrintWhenPhotographed(token: string | null, ticketId: number | null, state: PrintState | null): void {
  const photograph = state !== null && PHOTOGRAPH.includes(state);
  useEffect(() => {
    if (!token || ticketId === null || !photograph) return;
    // A kiosk without a printer has no job to cancel (404); the server never prints for it anyway.
    api('POST', `/api/tickets/${ticketId}/print/cancel`, { token }).catch(() => undefined);
  }, [token, ticketId, photograph]);
}
