import type { Service } from '../../../server/protocol/schemas.js';
import { pick } from '../../../ui-kit/i18n.js';
import { useUi } from '../ui.js';

/** The papers and fees the service asks for, so nobody waits an hour to learn one is missing. */
export function WhatToBring({ service }: { service: Service }) {
  const { lang, t } = useUi();
  const items = pick(service.whatToBring, lang);
  if (items.length === 0) return null;
  return (
    <section class="bring" aria-labelledby="bring-title">
      <h2 id="bring-title">{t('whatToBring')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
