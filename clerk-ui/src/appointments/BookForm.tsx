import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../server/protocol/schemas.js';
import { book, listSlots, type Slot } from '../../../ui-kit/appointments.js';
import { formatTime, pick } from '../../../ui-kit/i18n.js';
import { useUi } from '../ui.js';

interface Props {
  token: string;
  services: Service[];
  /** The day shown in the list: bookings are made on it. */
  date: string;
  onBooked(): void;
}

/** At the counter or on the phone: a slot for a citizen, then the code to tell them. */
export function BookForm({ token, services, date, onBooked }: Props) {
  const { lang, digits, timeZone, t, failure } = useUi();
  const [serviceId, setServiceId] = useState<number | null>(services[0]?.id ?? null);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (serviceId === null && services[0]) setServiceId(services[0].id);
  }, [services]);
  const load = () => {
    if (serviceId !== null) listSlots(serviceId, date).then(setSlots, (err) => setError(failure(err)));
  };
  useEffect(load, [serviceId, date]);

  const take = async (start: string) => {
    if (serviceId === null) return;
    setBusy(true);
    setError(null);
    setCode(null);
    try {
      const booked = await book({ serviceId, start, phone: phone.trim() || undefined, lang }, token);
      setCode(booked.code);
      setPhone('');
      onBooked();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
      load();
    }
  };

  const free = slots.filter((s) => s.free > 0);
  return (
    <section class="panel book-form" aria-labelledby="book-title">
      <h2 id="book-title">{t('bookForCitizen')}</h2>
      <label class="field">
        {t('service')}
        <select value={serviceId ?? ''} onChange={(e) => setServiceId(Number(e.currentTarget.value))}>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {pick(s.name, lang)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('citizenPhone')}
        <input type="tel" dir="ltr" maxLength={20} value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      {code && (
        <p class="notice" role="status">
          {t('bookedCode')}{' '}
          <strong dir="ltr" class="code" data-code={code}>
            {code}
          </strong>
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('freeSlots')}</h3>
      {free.length === 0 ? (
        <p class="muted">{t('noFreeSlots')}</p>
      ) : (
        <div class="slot-grid">
          {free.map((s) => (
            <button key={s.start} type="button" class="btn" disabled={busy} data-start={s.start} onClick={() => take(s.start)}>
              {formatTime(new Date(s.start), lang, timeZone, digits)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
