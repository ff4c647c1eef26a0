import type { Service } from '../../../server/protocol/schemas.js';
import { pick } from '../../../ui-kit/i18n.js';
import { useUi } from '../ui.js';

/** A required choice of a service other than the ticket's own (transfer, move), blank until chosen. */
export function OtherServiceSelect({ services, current, value, onChange }: {
  services: Service[];
  /** The ticket's service: not offered. */
  current: number;
  value: number | null;
  onChange(serviceId: number | null): void;
}) {
  const { lang } = useUi();
  return (
    <select required value={value ?? ''} onChange={(e) => onChange(Number(e.currentTarget.value) || null)}>
      <option value="" disabled>
        —
      </option>
      {services
        .filter((s) => s.id !== current)
        .map((s) => (
          <option key={s.id} value={s.id}>
            {pick(s.name, lang)}
          </option>
        ))}
    </select>
  );
}
