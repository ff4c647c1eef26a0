import { useState } from 'preact/hooks';
import type { User } from '../../../../server/protocol/schemas.js';
import { useAdmin, useLoad } from '../context.js';
import { Checkbox, FormBox, SelectField, TextField, useForm } from '../form.js';
import type { Hints } from '../text.js';
import { Checks } from '../validate.js';
import { ActiveBadge, EditButton, ListHead, Loading, Panel, SectionHead } from './common.js';

const ROLES = ['clerk', 'supervisor', 'admin'] as const;
const USERNAME_HINTS: Hints = {
  invalid_format: { ar: 'استخدم أحرفاً لاتينية صغيرة وأرقاماً والنقطة والشرطة فقط.', en: 'Use only small Latin letters, digits, dot, underscore and hyphen.', fr: 'Utilisez uniquement des lettres latines minuscules, des chiffres, le point, le tiret bas et le trait d’union.' },
  duplicate: { ar: 'اسم المستخدم هذا مأخوذ من قبل.', en: 'This username is already taken.', fr: 'Ce nom d’utilisateur est déjà pris.' },
};

export function UsersSection() {
  const ui = useAdmin();
  const { t } = ui;
  const { data, error, reload } = useLoad<User[]>('/users');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  if (!data) return <Loading error={error} retry={reload} />;
  const roleOptions = ROLES.map((r) => [r, t(`role_${r}`)] as [string, string]);
  return (
    <>
      <SectionHead title={t('users')}>
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          + {t('newUser')}
        </button>
      </SectionHead>
      {editing === 'new' && (
        <Panel title={t('newUser')} onClose={() => setEditing(null)}>
          <NewUserForm roles={roleOptions} onSaved={() => (setEditing(null), reload())} />
        </Panel>
      )}
      {editing && editing !== 'new' && (
        <Panel title={`${t('editUser')} ${editing.username}`} onClose={() => setEditing(null)}>
          <EditUserForm key={editing.id} user={editing} roles={roleOptions} onSaved={reload} />
          <h4 class="subhead">{t('resetPassword')}</h4>
          <PasswordForm key={`p${editing.id}`} user={editing} />
        </Panel>
      )}
      <table class="list">
        <ListHead cols={['username', 'displayName', 'role', 'status', 'actions']} />
        <tbody>
          {data.map((u) => (
            <tr key={u.id}>
              <td dir="ltr" class="start">{u.username}</td>
              <td>{u.displayName ?? '—'}</td>
              <td>{t(`role_${u.role}`)}</td>
              <td>
                <ActiveBadge active={u.active} />
              </td>
              <td>
                <EditButton name={u.username} onClick={() => setEditing(u)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function NewUserForm({ roles, onSaved }: { roles: [string, string][]; onSaved(): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm({ username: '', displayName: '', role: 'clerk', password: '' });
  const v = form.values;
  const check = () => {
    const c = new Checks();
    const body = {
      username: c.text('username', v.username, { min: 3, max: 50, pattern: /^[a-z0-9._-]+$/ }),
      displayName: c.text('displayName', v.displayName, { max: 100, optional: true }),
      role: v.role,
      password: c.text('password', v.password, { min: 10, max: 200 }),
    };
    return { body, issues: c.issues };
  };
  const save = () => form.submit(async () => (await ui.call('POST', '/users', { json: check().body }), onSaved()), () => check().issues);
  return (
    <FormBox form={form} onSubmit={save} label={t('newUser')}>
      <div class="grid">
        <TextField label={t('username')} hint={t('usernameHint')} dir="ltr" {...form.field('username', USERNAME_HINTS)} />
        <TextField label={t('displayName')} {...form.field('displayName')} />
        <SelectField label={t('role')} options={roles} {...form.field('role')} />
        <TextField label={t('password')} hint={t('passwordHint')} type="password" dir="ltr" autoComplete="new-password" {...form.field('password')} />
      </div>
    </FormBox>
  );
}

function EditUserForm({ user, roles, onSaved }: { user: User; roles: [string, string][]; onSaved(): void }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm({ displayName: user.displayName ?? '', role: user.role as string, active: user.active });
  const v = form.values;
  const check = () => {
    const c = new Checks();
    const body = { displayName: c.text('displayName', v.displayName, { max: 100, optional: true }), role: v.role, active: v.active };
    return { body, issues: c.issues };
  };
  const save = () => form.submit(async () => (await ui.call('PATCH', `/users/${user.id}`, { json: check().body }), onSaved()), () => check().issues);
  return (
    <FormBox form={form} onSubmit={save} label={t('editUser')}>
      <div class="grid">
        <TextField label={t('displayName')} {...form.field('displayName')} />
        <SelectField label={t('role')} options={roles} {...form.field('role')} />
        <Checkbox label={t('userActive')} {...form.field('active')} />
      </div>
    </FormBox>
  );
}

function PasswordForm({ user }: { user: User }) {
  const ui = useAdmin();
  const { t } = ui;
  const form = useForm({ password: '' });
  const [done, setDone] = useState(false);
  const check = () => {
    const c = new Checks();
    const password = c.text('password', form.values.password, { min: 10, max: 200 });
    return { body: { password }, issues: c.issues };
  };
  const save = () =>
    form.submit(
      async () => {
        await ui.call('PATCH', `/users/${user.id}`, { json: check().body });
        form.reset({ password: '' });
        setDone(true);
      },
      () => (setDone(false), check().issues),
    );
  return (
    <FormBox form={form} onSubmit={save} label={t('resetPassword')} submitLabel={t('resetPassword')} extra={done && <span role="status" class="form-ok">{t('passwordReset')}</span>}>
      <div class="grid">
        <TextField label={t('newPassword')} hint={t('passwordHint')} type="password" dir="ltr" autoComplete="new-password" {...form.field('password')} />
      </div>
    </FormBox>
  );
}
