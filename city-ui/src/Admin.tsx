import type { ComponentType } from 'preact';
import { useMemo } from 'preact/hooks';
import { AdminContext, makeUi } from '../../clerk-ui/src/admin/context.js';
import { useUi } from '../../clerk-ui/src/ui.js';
import type { CityAreaProps } from './area.js';
import { T, type TextKey } from './text.js';
import '../../clerk-ui/src/admin/admin.css';

// The city admin's screens run on the hall admin's form kit (fields, server errors beside them,
// the users section itself), calling /api/city instead of /api/admin.

export function adminScreen(title: TextKey, Section: ComponentType): ComponentType<CityAreaProps> {
  return function CityAdmin({ session, lang }: CityAreaProps) {
    const { digits, timeZone } = useUi();
    const ui = useMemo(() => makeUi(session.token, lang, digits, timeZone, () => undefined, '/api/city'), [session.token, lang, digits, timeZone]);
    return (
      <AdminContext.Provider value={ui}>
        <main class="admin city-admin" aria-labelledby="city-admin-title">
          <h1 id="city-admin-title" class="visually-hidden">
            {T[title][lang]}
          </h1>
          <div class="admin-main">
            <Section />
          </div>
        </main>
      </AdminContext.Provider>
    );
  };
}
