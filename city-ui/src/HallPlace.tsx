import type { CityHall } from '../../server/protocol/city.js';
import { useAdmin } from '../../clerk-ui/src/admin/context.js';
import { FormBox, TextField, useForm } from '../../clerk-ui/src/admin/form.js';
import { Checks, parseNumber } from '../../clerk-ui/src/admin/validate.js';
import { T } from './text.js';

// Where a hall stands (PUT /api/city/halls/:id/location): citizens' phones order centres by distance
// with it on /waits/. Both fields empty: the place is taken away.

function degrees(c: Checks, path: string, value: string, limit: number): number | null {
  const n = parseNumber(value);
  if (n === null) return null;
  if (Number.isNaN(n)) c.add(path, 'invalid_format');
  else if (n < -limit) c.add(path, 'too_small', -limit);
  else if (n > limit) c.add(path, 'too_big', limit);
  return n;
}

export function HallPlaceForm({ hall, onSaved }: { hall: CityHall; onSaved(): void }) {
  const ui = useAdmin();
  const { lang } = ui;
  const form = useForm({ lat: hall.location ? String(hall.location.lat) : '', lng: hall.location ? String(hall.location.lng) : '' });
  const check = () => {
    const c = new Checks();
    const lat = degrees(c, 'lat', form.values.lat, 90);
    const lng = degrees(c, 'lng', form.values.lng, 180);
    if ((lat === null) !== (lng === null)) c.add(lat === null ? 'lat' : 'lng', 'required');
    return { body: lat === null || lng === null ? null : { lat, lng }, issues: c.issues };
  };
  const save = () =>
    form.submit(
      async () => {
        await ui.call('PUT', `/halls/${hall.id}/location`, { json: check().body });
        onSaved();
      },
      () => check().issues,
    );
  return (
    <FormBox form={form} onSubmit={save} label={T.hallPlace[lang]}>
      <div class="grid">
        <TextField label={T.latitude[lang]} dir="ltr" hint={T.degreesHint[lang]} {...form.field('lat')} />
        <TextField label={T.longitude[lang]} dir="ltr" hint={T.degreesHint[lang]} {...form.field('lng')} />
      </div>
    </FormBox>
  );
}
