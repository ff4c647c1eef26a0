import { useEffect, useState } from 'preact/hooks';
import type { Joined, Service } from '../../../server/protocol/schemas.js';
import { api, ApiError, newIdempotencyKey } from '../../../ui-kit/api.js';
import { formatNumber, pick } from '../../../ui-kit/i18n.js';
import { useShorterWait } from '../components/ShorterWait.js';
import { Confirm } from '../track/components/Confirm.js';
import { PhoneHeader } from '../track/components/PhoneHeader.js';
import { StatusCard } from '../track/components/StatusCard.js';
import { useLang } from '../../../ui-kit/hooks.js';
import { useHall } from '../track/hall.js';
import type { TextKey } from '../track/text.js';
import { PhoneUiContext, usePhoneUi } from '../track/ui.js';

// /join: a ticket on the phone, after scanning the QR code at the hall's entrance (when the hall
// allows it). The ticket is then followed at /t/<code> like any other.

type Menu = { kind: 'loading' } | { kind: 'off' } | { kind: 'failed' } | { kind: 'ready'; services: Service[] };

export function App() {
  const [lang, toggleLang] = useLang();
  const hall = useHall();
  const [menu, setMenu] = useState<Menu>({ kind: 'loading' });
  const load = () =>
    api<Service[]>('GET', '/api/join/services').then(
      (services) => setMenu({ kind: 'ready', services }),
      (err) => setMenu({ kind: err instanceof ApiError && err.status === 404 ? 'off' : 'failed' }),
    );
  useEffect(() => void load(), []);

  return (
    <PhoneUiContext.Provider value={{ lang, digits: hall?.digits ?? 'arab' }}>
      <div class="p-page">
        <PhoneHeader hallName={hall?.name ?? null} languages={hall?.languages ?? ['ar', 'en']} onLanguage={toggleLang} />
        <main class="p-main">
          {menu.kind === 'loading' && <StatusCard text="loading" />}
          {menu.kind === 'failed' && <StatusCard text="failed" />}
          {menu.kind === 'off' && <StatusCard title="joinOff" text="useKiosk" />}
          {menu.kind === 'ready' && <ServiceMenu services={menu.services} onStale={load} />}
        </main>
      </div>
    </PhoneUiContext.Provider>
  );
}

function ServiceMenu({ services, onStale }: { services: Service[]; onStale(): void }) {
  const { lang, digits, t } = usePhoneUi();
  const [chosen, setChosen] = useState<{ service: Service; key: string } | null>(null);
  const shorterWait = useShorterWait(chosen?.service.id ?? null, lang, digits);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TextKey | null>(null);
  const anyOpen = services.some((s) => s.open);

  const take = async (service: Service, key: string) => {
    setBusy(true);
    setError(null);
    try {
      const joined = await api<Joined>('POST', '/api/join', {
        body: { serviceId: service.id, lang },
        headers: { 'idempotency-key': key },
      });
      location.assign(`/t/${encodeURIComponent(joined.trackingCode)}${lang === 'ar' ? '' : `?lang=${lang}`}`);
    } catch (err) {
      setBusy(false);
      setChosen(null);
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 429 ? 'tooMany' : status === 409 || status === 404 ? 'joinClosed' : 'failed');
      onStale();
    }
  };

  return (
    <>
      <section class="p-card">
        <h1 class="p-title">{t('joinTitle')}</h1>
        <p class="p-remote">{t('mustBeInHall')}</p>
      </section>
      {error && (
        <p class="p-error" role="alert">
          {t(error)}
        </p>
      )}
      {anyOpen ? <h2 class="p-subtitle">{t('chooseService')}</h2> : <StatusCard title="joinClosed" text="useKiosk" />}
      <ul class="p-services">
        {services.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              class="p-service-button"
              disabled={!s.open || busy}
              onClick={() => setChosen({ service: s, key: newIdempotencyKey() })}
            >
              <span>{pick(s.name, lang)}</span>
              <small>{s.open ? `${t('waitingNow')} ${formatNumber(s.waiting, lang, digits)}` : s.closedReason && pick(s.closedReason, lang)}</small>
            </button>
          </li>
        ))}
      </ul>
      {busy && <p class="p-center" role="status">{t('issuing')}</p>}
      {chosen && !busy && (
        <Confirm
          title={pick(chosen.service.name, lang)}
          text={`${t('joinQuestion')} ${t('mustBeInHall')}.${shorterWait ? ` ${shorterWait}.` : ''}`}
          yes={t('joinYes')}
          no={t('back')}
          onYes={() => take(chosen.service, chosen.key)}
          onNo={() => setChosen(null)}
        />
      )}
    </>
  );
}
