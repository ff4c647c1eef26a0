import { useState } from 'preact/hooks';
import { soundReady, testAlerts, unlockSound } from '../alert.js';
import { usePhoneUi } from '../ui.js';

/** Phones play sound only after a tap: this is that tap, and it plays the chime once to show it works. */
export function AlertsButton() {
  const { t } = usePhoneUi();
  const [on, setOn] = useState(soundReady);
  if (on) {
    return (
      <p class="p-alerts-on" role="status">
        {t('alertsOn')}
      </p>
    );
  }
  return (
    <button
      type="button"
      class="p-primary p-alerts"
      onClick={() => {
        if (!unlockSound()) return;
        testAlerts();
        setOn(true);
      }}
    >
      {t('enableAlerts')}
    </button>
  );
}
