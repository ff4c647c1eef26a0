import { useState } from 'preact/hooks';
import type { TrackedTicket } from '../../../../server/protocol/schemas.js';
import { api } from '../../../../ui-kit/api.js';
import { usePhoneUi } from '../ui.js';
import { Confirm } from './Confirm.js';

/** «مغادرة الدور», asked twice: it cannot be undone. */
export function LeaveQueue({ code, onLeft }: { code: string; onLeft(ticket: TrackedTicket): void }) {
  const { t } = usePhoneUi();
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState(false);
  const leave = async () => {
    setAsking(false);
    try {
      onLeft(await api<TrackedTicket>('POST', `/api/track/${encodeURIComponent(code)}/cancel`));
    } catch {
      setFailed(true);
    }
  };
  return (
    <div class="p-leave">
      <button type="button" class="p-secondary p-leave-button" onClick={() => setAsking(true)}>
        {t('leave')}
      </button>
      {failed && (
        <p class="p-error" role="alert">
          {t('failed')}
        </p>
      )}
      {asking && (
        <Confirm
          danger
          title={t('leaveQuestion')}
          text={t('leaveWarning')}
          yes={t('leaveYes')}
          no={t('leaveNo')}
          onYes={leave}
          onNo={() => setAsking(false)}
        />
      )}
    </div>
  );
}
