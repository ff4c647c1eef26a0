import { useState } from 'preact/hooks';
import { pick, type Bilingual, type Lang } from '../../../ui-kit/i18n.js';
import type { Session } from '../area.js';
import { loginErrorText } from '../errors.js';
import { logIn } from '../session.js';
import type { TextKey } from '../text.js';
import { useUi } from '../ui.js';
import { LanguageSwitch } from '../../../ui-kit/LanguageSwitch.js';

interface Props {
  /** The hall (or the city) whose staff log in here. */
  hall: { name: Bilingual } | null;
  notice: TextKey | null;
  languages: readonly Lang[];
  onLanguage(lang: Lang): void;
  onLoggedIn(session: Session): void;
}

export function Login({ hall, notice, languages, onLanguage, onLoggedIn }: Props) {
  const { lang, t } = useUi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The failure itself, worded at render so that it follows a change of language.
  const [error, setError] = useState<unknown>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy || !username.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await logIn(username.trim(), password));
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <span class="lang-switch login-lang">
        <LanguageSwitch languages={languages} lang={lang} onChoose={onLanguage} class="btn lang-button" />
      </span>
      <form class="login-card" onSubmit={submit}>
        <p class="login-brand">{t('appName')}</p>
        <h1>{t('loginTitle')}</h1>
        {hall && <p class="login-hall">{pick(hall.name, lang)}</p>}
        {notice && error == null && (
          <p class="notice" role="status">
            {t(notice)}
          </p>
        )}
        <label class="field">
          <span>{t('username')}</span>
          <input
            name="username"
            autocomplete="username"
            dir="ltr"
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('password')}</span>
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            dir="ltr"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error != null && (
          <p class="form-error" role="alert">
            {loginErrorText(error, lang)}
          </p>
        )}
        <button type="submit" class="btn primary big" disabled={busy}>
          {busy ? t('loggingIn') : t('logIn')}
        </button>
      </form>
    </main>
  );
}
