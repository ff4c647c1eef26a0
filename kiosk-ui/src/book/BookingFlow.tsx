import { useEffect, useState } from 'preact/hooks';
import type { HallInfo, Service } from '../../../server/protocol/schemas.js';
import { api, ApiError } from '../../../ui-kit/api.js';
import { formatDates, formatTime, pick } from '../../../ui-kit/i18n.js';
import { StatusCard } from '../track/components/StatusCard.js';
import { book, holdSlot, listSlots, takesAppointments, type Slot } from '../../../ui-kit/appointments.js';
import { addDays, localDay } from '../../../ui-kit/days.js';
import { useBookUi, type BookTextKey } from './text.js';

/** How far ahead the day picker goes (the hall's window may be shorter: the server says so). */
const DAYS_AHEAD = 30;

/** What a refused booking tells the citizen. */
function refusalText(err: unknown): BookTextKey {
  if (!(err instanceof ApiError)) return 'failed';
  if (err.status === 429) return 'tooMany';
  if (err.code === 'slot_full') return 'slotFull';
  if (err.code === 'outside_booking_window') return 'outsideWindow';
  if (err.code === 'conflict') return 'alreadyBooked'; // one booking per phone number, service and day
  if (err.code === 'service_closed') return 'closedThatDay';
  // The citizen types nothing but the phone number: a refused booking request is about it.
  if (err.code === 'invalid_request') return 'badPhone';
  return 'failed';
}

export function BookingFlow({ hall, onBooked }: { hall: HallInfo | null; onBooked(code: string): void }) {
  const { b } = useBookUi();
  const [services, setServices] = useState<Service[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [service, setService] = useState<Service | null>(null);
  useEffect(() => {
    api<Service[]>('GET', '/api/services').then((all) => setServices(all.filter(takesAppointments)), () => setFailed(true));
  }, []);

  if (failed) return <StatusCard text="failed" />;
  if (!services || !hall) return <StatusCard text="loading" />;
  return (
    <>
      <section class="p-card">
        <h1 class="p-title">{b('title')}</h1>
        <p>{b('intro')}</p>
      </section>
      {service ? (
        <SlotPicker service={service} hall={hall} onBack={() => setService(null)} onBooked={onBooked} />
      ) : (
        <ServiceList services={services} onPick={setService} />
      )}
    </>
  );
}

function ServiceList({ services, onPick }: { services: Service[]; onPick(s: Service): void }) {
  const { lang, b } = useBookUi();
  if (services.length === 0) return <p class="p-center">{b('noServices')}</p>;
  return (
    <>
      <h2 class="p-subtitle">{b('chooseService')}</h2>
      <ul class="p-services">
        {services.map((s) => (
          <li key={s.id}>
            <button type="button" class="p-service-button" onClick={() => onPick(s)}>
              <span>{pick(s.name, lang)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

interface Hold {
  start: string;
  holdId: string;
}

function SlotPicker({ service, hall, onBack, onBooked }: { service: Service; hall: HallInfo; onBack(): void; onBooked(code: string): void }) {
  const { lang, digits, t, b } = useBookUi();
  // The hall's day, by its clock: a phone's own clock or zone may be off.
  const today = localDay(Date.parse(hall.serverTime), hall.timeZone);
  const [date, setDate] = useState(today);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [hold, setHold] = useState<Hold | null>(null);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BookTextKey | null>(null);
  const time = (iso: string) => formatTime(new Date(iso), lang, hall.timeZone, digits);

  const load = () => {
    setSlots(null);
    listSlots(service.id, date).then(setSlots, (err) => {
      setSlots([]);
      setError(refusalText(err));
    });
  };
  useEffect(load, [service.id, date]);

  const pickSlot = async (start: string) => {
    setBusy(true);
    setError(null);
    try {
      const { holdId } = await holdSlot(service.id, start);
      setHold({ start, holdId });
    } catch (err) {
      setError(refusalText(err));
      load();
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!hold) return;
    setBusy(true);
    setError(null);
    try {
      const booked = await book({ serviceId: service.id, start: hold.start, holdId: hold.holdId, phone: phone.trim() || undefined, lang });
      onBooked(booked.code);
    } catch (err) {
      const why = refusalText(err);
      setError(why);
      if (why !== 'badPhone' && why !== 'tooMany') {
        setHold(null);
        load();
      }
      setBusy(false);
    }
  };

  return (
    <>
      <section class="p-card p-bring">
        <h2>{pick(service.name, lang)}</h2>
        {pick(service.whatToBring, lang).length > 0 && (
          <>
            <h3>{b('whatToBring')}</h3>
            <ul>
              {pick(service.whatToBring, lang).map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        )}
        <button type="button" class="p-secondary" onClick={onBack}>
          {b('otherService')}
        </button>
      </section>
      {error && (
        <p class="p-error" role="alert">
          {b(error)}
        </p>
      )}
      {hold ? (
        <form class="p-card b-confirm" onSubmit={confirm}>
          <p class="b-when">
            <strong>{formatDates(new Date(hold.start), lang, hall.timeZone, digits).gregorian}</strong>{' '}
            <strong>{time(hold.start)}</strong>
          </p>
          <p class="p-note">{b('held')}</p>
          <label for="b-phone">{b('phoneLabel')}</label>
          <input id="b-phone" type="tel" inputMode="tel" autoComplete="tel" dir="ltr" maxLength={20} value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
          <p class="p-hint">{b('phoneHint')}</p>
          <button type="submit" class="p-primary" disabled={busy}>
            {busy ? b('booking') : b('confirm')}
          </button>
          <button type="button" class="p-secondary" disabled={busy} onClick={() => setHold(null)}>
            {b('otherTime')}
          </button>
        </form>
      ) : (
        <section class="p-card">
          <label for="b-day" class="p-subtitle">
            {b('chooseDay')}
          </label>
          <input id="b-day" type="date" min={today} max={addDays(today, DAYS_AHEAD)} value={date} onInput={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
          <h2 class="p-subtitle">{b('chooseTime')}</h2>
          {slots === null ? (
            <p role="status">{t('loading')}</p>
          ) : slots.some((s) => s.free > 0) ? (
            <ul class="b-slots">
              {slots.map((s) => (
                <li key={s.start}>
                  <button type="button" class="b-slot" data-start={s.start} disabled={s.free <= 0 || busy} onClick={() => pickSlot(s.start)}>
                    {time(s.start)}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{b('noSlots')}</p>
          )}
        </section>
      )}
    </>
  );
}
