import { formatTime } from '../../../ui-kit/i18n.js';
import { appointmentAt } from '../text.js';
import { useUi } from '../ui.js';
import type { Appointment } from '../../../ui-kit/appointments.js';

interface Props {
  appointment: Appointment;
  late: boolean;
  timeZone: string;
  /** Too late: an ordinary ticket for the same service, in one tap. */
  onOrdinaryTicket(): void;
  onBack(): void;
}

/** A code that is right but not now: too early (come back), or too late (take a ticket instead). */
export function Refused({ appointment, late, timeZone, onOrdinaryTicket, onBack }: Props) {
  const { lang, digits, t } = useUi();
  const time = formatTime(new Date(appointment.start), lang, timeZone, digits);
  return (
    <main class="screen center confirm">
      <h1>{t(late ? 'tooLateTitle' : 'tooEarlyTitle')}</h1>
      <p class="question">{appointmentAt(time, lang)}</p>
      <p>{t(late ? 'tooLateOffer' : 'tooEarlyHelp')}</p>
      <div class="actions">
        {late && (
          <button type="button" class="primary" onClick={onOrdinaryTicket}>
            {t('ordinaryTicket')}
          </button>
        )}
        <button type="button" class={late ? 'secondary' : 'primary'} onClick={onBack}>
          {t(late ? 'back' : 'ok')}
        </button>
      </div>
    </main>
  );
}
