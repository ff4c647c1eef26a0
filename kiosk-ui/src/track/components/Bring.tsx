import type { WhatToBring } from '../../../../server/protocol/schemas.js';
import { pick } from '../../../../ui-kit/i18n.js';
import { usePhoneUi } from '../ui.js';

/** The papers and fees the service asks for: there is time to fetch a missing one. */
export function Bring({ items }: { items: WhatToBring }) {
  const { lang, t } = usePhoneUi();
  const papers = pick(items, lang);
  if (papers.length === 0) return null;
  return (
    <section class="p-card p-bring" aria-labelledby="p-bring-title">
      <h2 id="p-bring-title">{t('whatToBring')}</h2>
      <ul>
        {papers.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
