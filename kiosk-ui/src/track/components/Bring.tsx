import type { WhatToBring } from '../../../../server/protocol/schemas.js';
import { usePhoneUi } from '../ui.js';

/** The papers and fees the service asks for: there is time to fetch a missing one. */
export function Bring({ items }: { items: WhatToBring }) {
  const { lang, t } = usePhoneUi();
  if (items[lang].length === 0) return null;
  return (
    <section class="p-card p-bring" aria-labelledby="p-bring-title">
      <h2 id="p-bring-title">{t('whatToBring')}</h2>
      <ul>
        {items[lang].map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
