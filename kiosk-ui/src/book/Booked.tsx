import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HallInfo, Service } from '../../../server/protocol/schemas.js';
import { api, ApiError } from '../../../ui-kit/api.js';
import { formatDates, formatTicketNumber, labelled, pick } from '../../../ui-kit/i18n.js';
import { QrCode } from '../components/QrCode.js';
import { Confirm } from '../track/components/Confirm.js';
import { StatusCard } from '../track/components/StatusCard.js';
import { cancelAppointment, findAppointment, slotMinutes, type Appointment } from '../../../ui-kit/appointments.js';
import { icsText } from './ics.js';
import { useBookUi, type BookTextKey } from './text.js';

type Shown = { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed' } | { kind: 'ready'; appointment: Appointment; service: Service | null };

/** A booking by its code: the code large, its QR for the kiosk, the time, a calendar file, and cancelling. */
export function Booked({ code, hall, onNew }: { code: string; hall: HallInfo | null; onNew(): void }) {
  const { b } = useBookUi();
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<BookTextKey | null>(null);

  const load = () =>
    Promise.all([findAppointment(code), api<Service[]>('GET', '/api/services')]).then(
      ([appointment, services]) => setShown({ kind: 'ready', appointment, service: services.find((s) => s.id === appointment.serviceId) ?? null }),
      (err) => setShown({ kind: err instanceof ApiError && err.status === 404 ? 'missing' : 'failed' }),
    );
  useEffect(() => void load(), [code]);

  const cancel = async () => {
    setAsking(false);
    setError(null);
    try {
      await cancelAppointment(code);
      await load();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? 'tooMany' : 'failed');
    }
  };

  const again = (
    <button type="button" class="p-secondary b-new" onClick={onNew}>
      {b('bookAnother')}
    </button>
  );
  if (shown.kind === 'loading' || !hall) return <StatusCard text="loading" />;
  if (shown.kind === 'failed') return <StatusCard text="failed" />;
  if (shown.kind === 'missing')
    return (
      <>
        <p class="p-error" role="alert">
          {b('notFound')}
        </p>
        {again}
      </>
    );

  const { appointment, service } = shown;
  return (
    <>
      {error && (
        <p class="p-error" role="alert">
          {b(error)}
        </p>
      )}
      <BookingCard appointment={appointment} service={service} hall={hall} />
      {appointment.status === 'booked' && (
        <button type="button" class="p-danger b-cancel" onClick={() => setAsking(true)}>
          {b('cancel')}
        </button>
      )}
      {again}
      {asking && <Confirm title={b('cancelQuestion')} text={b('cancelWarning')} yes={b('cancelYes')} no={b('keep')} danger onYes={cancel} onNo={() => setAsking(false)} />}
    </>
  );
}

function BookingCard({ appointment, service, hall }: { appointment: Appointment; service: Service | null; hall: HallInfo }) {
  const { lang, digits, b } = useBookUi();
  const when = formatDates(new Date(appointment.start), lang, hall.timeZone, digits);
  const calendar = useMemo(() => {
    if (!service || appointment.status !== 'booked') return null;
    const end = new Date(Date.parse(appointment.start) + slotMinutes(service) * 60_000).toISOString();
    const page = `${hall.publicUrl ?? location.origin}/book/?code=${appointment.code}`;
    const ics = icsText({
      code: appointment.code,
      start: appointment.start,
      end,
      title: `${labelled(b('calendarTitle'), lang)}${pick(service.name, lang)}${lang === 'ar' ? '، ' : ', '}${pick(hall.name, lang)}`,
      description: [`${labelled(b('yourCode'), lang)}${appointment.code}`, ...pick(service.whatToBring, lang)].join('\n'),
      url: page,
      host: new URL(page).host,
    });
    return URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  }, [appointment, service, lang]);
  useEffect(() => () => calendar && URL.revokeObjectURL(calendar), [calendar]);

  if (appointment.status !== 'booked') {
    return (
      <section class="p-card p-ended" role="status">
        <h1>{service ? pick(service.name, lang) : ''}</h1>
        <p>
          {when.gregorian} {when.time}
        </p>
        <p>{b(`status_${appointment.status}`)}</p>
      </section>
    );
  }
  return (
    <section class="p-card b-booked" aria-labelledby="b-code-label">
      <h1 class="p-title">{b('booked')}</h1>
      <p id="b-code-label" class="p-label">
        {b('yourCode')}
      </p>
      <p class="b-code" dir="ltr" data-code={appointment.code}>
        {formatTicketNumber(appointment.code, digits)}
      </p>
      {service && <p class="p-service">{pick(service.name, lang)}</p>}
      <p class="b-when">
        <strong>{when.gregorian}</strong> <strong>{when.time}</strong>
      </p>
      <p class="p-note">{b('codeHelp')}</p>
      <QrCode url={appointment.code} label={b('qrLabel')} />
      {calendar && (
        <a class="p-secondary b-calendar" href={calendar} download={`appointment-${appointment.code}.ics`}>
          {b('addToCalendar')}
        </a>
      )}
    </section>
  );
}
