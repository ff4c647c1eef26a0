import { useState } from 'preact/hooks';
import type { TrackedTicket } from '../../../../server/protocol/schemas.js';
import { api, ApiError } from '../../../../ui-kit/api.js';
import { usePhoneUi } from '../ui.js';

/** A message on the citizen's phone when the turn is near (the hall's notification hook), if they wish. */
export function PhoneAlert({ code, ticket, onTicket }: { code: string; ticket: TrackedTicket; onTicket(t: TrackedTicket): void }) {
  const { t } = usePhoneUi();
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<'phoneInvalid' | 'failed' | null>(null);
  if (!ticket.phoneAlert) return null;
  const path = `/api/track/${encodeURIComponent(code)}/phone`;
  const call = async (method: 'POST' | 'DELETE') => {
    setError(null);
    try {
      onTicket(await api<TrackedTicket>(method, path, method === 'POST' ? { body: { phone } } : {}));
      setPhone('');
    } catch (err) {
      setError(err instanceof ApiError && err.status === 400 ? 'phoneInvalid' : 'failed');
    }
  };
  return (
    <section class="p-card p-phone" aria-labelledby="p-phone-title">
      <h2 id="p-phone-title">{t('phoneTitle')}</h2>
      {ticket.phoneAlert.subscribed ? (
        <>
          <p role="status">{t('phoneSaved')}</p>
          <button type="button" class="p-secondary" onClick={() => call('DELETE')}>
            {t('phoneRemove')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (phone.trim()) void call('POST');
            else setError('phoneInvalid');
          }}
        >
          <p>{t('phoneOffer')}</p>
          <label for="p-phone-input">{t('phoneLabel')}</label>
          <input
            id="p-phone-input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            maxLength={40}
            placeholder="09XX XXX XXX"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
          <p class="p-hint">{t('phonePrivacy')}</p>
          <button type="submit" class="p-primary">
            {t('phoneSave')}
          </button>
        </form>
      )}
      {error && (
        <p class="p-error" role="alert">
          {t(error)}
        </p>
      )}
    </section>
  );
}
