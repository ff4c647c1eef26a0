import { useEffect, useState } from 'preact/hooks';
import { cancelAppointment, dayAppointments, takesAppointments, type DayAppointment } from '../../../ui-kit/appointments.js';
import { localDay } from '../../../ui-kit/days.js';
import { formatTime, labelled } from '../../../ui-kit/i18n.js';
import type { AreaProps } from '../area.js';
import { useShell } from '../shell.js';
import { serviceName } from '../text.js';
import { useUi } from '../ui.js';
import { BookForm } from './BookForm.js';

/** Clerks and supervisors: the day's appointments by service, cancelling one, and booking for a citizen. */
export function AppointmentsArea({ session }: AreaProps) {
  const { lang, digits, timeZone, clockOffsetMs, t, failure, ticket } = useUi();
  const { hall } = useShell();
  const [date, setDate] = useState(() => localDay(Date.now() + clockOffsetMs, timeZone));
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [rows, setRows] = useState<DayAppointment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bookable = hall.services.filter(takesAppointments);

  const load = () =>
    dayAppointments(session.token, date).then(
      (all) => setRows(all.sort((a, b) => a.start.localeCompare(b.start))),
      (err) => setError(failure(err)),
    );
  useEffect(() => void load(), [date]);

  const cancel = async (code: string) => {
    setError(null);
    try {
      await cancelAppointment(code, session.token);
    } catch (err) {
      setError(failure(err));
    }
    await load();
  };

  const shown = (rows ?? []).filter((a) => serviceId === null || a.serviceId === serviceId);
  const services = [...new Set(shown.map((a) => a.serviceId))];
  return (
    <main class="appointments">
      <h1 class="visually-hidden">{t('areaAppointments')}</h1>
      <section class="panel" aria-labelledby="appointments-title">
        <div class="panel-head">
          <h2 id="appointments-title">{t('appointmentsOf')}</h2>
          <input type="date" aria-label={t('day')} value={date} onInput={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
          <select aria-label={t('service')} value={serviceId ?? ''} onChange={(e) => setServiceId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
            <option value="">{t('allServices')}</option>
            {bookable.map((s) => (
              <option key={s.id} value={s.id}>
                {serviceName(hall.services, s.id, lang)}
              </option>
            ))}
          </select>
        </div>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        {rows === null ? (
          <p class="muted">{t('loading')}</p>
        ) : shown.length === 0 ? (
          <p class="muted">{t('noAppointments')}</p>
        ) : (
          services.map((id) => (
            <section key={id} aria-label={serviceName(hall.services, id, lang)}>
              <h3>{serviceName(hall.services, id, lang)}</h3>
              <table class="table">
                <thead>
                  <tr>
                    <th>{t('appointmentTime')}</th>
                    <th>{t('appointmentCode')}</th>
                    <th>{t('appointmentStatus')}</th>
                    <th>{t('appointmentTicket')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {shown
                    .filter((a) => a.serviceId === id)
                    .map((a) => (
                      <tr key={a.code} data-code={a.code}>
                        <td>{formatTime(new Date(a.start), lang, timeZone, digits)}</td>
                        <td dir="ltr" class="code">
                          {a.code}
                        </td>
                        <td>
                          <span class="chip">{t(`appt_${a.status}`)}</span>
                        </td>
                        <td>{a.ticketNumber ? ticket(a.ticketNumber) : ''}</td>
                        <td>
                          {a.status === 'booked' && (
                            <button type="button" class="btn tiny" aria-label={`${labelled(t('cancelAppointment'), lang)}${a.code}`} onClick={() => cancel(a.code)}>
                              {t('cancelAppointment')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ))
        )}
      </section>
      <BookForm token={session.token} services={bookable} date={date} onBooked={load} />
    </main>
  );
}
