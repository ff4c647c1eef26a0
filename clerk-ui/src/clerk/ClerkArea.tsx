import { useState } from 'preact/hooks';
import type { Counter } from '../../../server/protocol/schemas.js';
import type { AreaProps } from '../area.js';
import { Dialog } from '../components/Dialog.js';
import { useAreaLive, useShell } from '../shell.js';
import { counterName } from '../text.js';
import { useUi } from '../ui.js';
import { CounterPicker } from './CounterPicker.js';
import { counterAction } from './requests.js';
import { Workstation } from './Workstation.js';

// The clerk's area: take a counter (any active one: counters are not restricted per user), then
// work at it. The chosen counter is kept for this tab, so a reload comes back to it.

const KEY = 'dawr.counterId';

const storedCounter = () => Number(sessionStorage.getItem(KEY)) || null;

export function ClerkArea({ session }: AreaProps) {
  const { lang, digits, t, failure } = useUi();
  const shell = useShell();
  const live = useAreaLive(session.token);
  const [counterId, setCounterId] = useState<number | null>(storedCounter);
  const [takeOver, setTakeOver] = useState<Counter | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = (id: number | null) => {
    if (id) sessionStorage.setItem(KEY, String(id));
    else sessionStorage.removeItem(KEY);
    setCounterId(id);
  };

  /** Taking a counter opens it in the clerk's name (a paused one of theirs stays paused). */
  async function take(counter: Counter) {
    setBusy(true);
    setError(null);
    try {
      const mine = counter.userId === session.user.id;
      if (counter.state === 'closed' || !mine) live.applyCounter(await counterAction(session.token, counter.id, 'open'));
      setTakeOver(null);
      choose(counter.id);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  const counter = counterId ? live.counters.get(counterId) : undefined;
  if (live.generation === 0) {
    return (
      <main class="picker">
        <p role="status">{live.link === 'offline' ? t('offline') : t('loading')}</p>
      </main>
    );
  }
  if (counter?.active) return <Workstation counter={counter} session={session} live={live} onLeave={() => choose(null)} />;

  const counters = [...live.counters.values()].filter((c) => c.active).sort((a, b) => a.number - b.number);
  const inUseByOther = (c: Counter) => c.state !== 'closed' && c.userId !== null && c.userId !== session.user.id;
  return (
    <>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      <CounterPicker
        counters={counters}
        services={shell.hall.services}
        userId={session.user.id}
        busy={busy}
        onPick={(c) => (inUseByOther(c) ? setTakeOver(c) : take(c))}
      />
      {takeOver && (
        <Dialog
          title={counterName(takeOver.number, lang, digits)}
          confirm={t('openCounter')}
          busy={busy}
          onClose={() => setTakeOver(null)}
          onConfirm={() => take(takeOver)}
        >
          <p>{t('inUse')}</p>
        </Dialog>
      )}
    </>
  );
}
