import { useState } from 'preact/hooks';
import type { TrackedTicket } from '../../../../server/protocol/schemas.js';
import { api } from '../../../../ui-kit/api.js';
import type { TextKey } from '../text.js';
import { usePhoneUi } from '../ui.js';
import { Face, type Score } from './Faces.js';

const FACES: [Score, TextKey][] = [
  [1, 'unhappy'],
  [2, 'okay'],
  [3, 'happy'],
];

interface Props {
  code: string;
  ticket: TrackedTicket;
  onTicket(ticket: TrackedTicket): void;
}

/** One tap on a face rates the visit; a comment may follow. */
export function Rating({ code, ticket, onTicket }: Props) {
  const { t } = usePhoneUi();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [comment, setComment] = useState('');
  const [commented, setCommented] = useState(false);
  // The comment is offered right after the tap; a page opened again later just says thank you.
  const [justRated, setJustRated] = useState(false);
  const path = `/api/track/${encodeURIComponent(code)}`;

  const send = async (fn: () => Promise<void>) => {
    setBusy(true);
    setFailed(false);
    try {
      await fn();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const rate = (score: Score) =>
    send(async () => {
      onTicket(await api<TrackedTicket>('POST', `${path}/rating`, { body: { score } }));
      setJustRated(true);
    });
  const sendComment = (e: Event) => {
    e.preventDefault();
    if (comment.trim())
      void send(async () => {
        await api('POST', `${path}/comment`, { body: { comment } });
        setCommented(true);
      });
  };

  return (
    <section class="p-card p-rating" aria-labelledby="p-rate-title">
      {!ticket.rated ? (
        <>
          <h2 id="p-rate-title">{t('rateQuestion')}</h2>
          <div class="p-faces">
            {FACES.map(([score, name]) => (
              <button key={score} type="button" class="p-face-button" aria-label={t(name)} disabled={busy} onClick={() => rate(score)}>
                <Face score={score} />
                <span aria-hidden="true">{t(name)}</span>
              </button>
            ))}
          </div>
        </>
      ) : commented || !justRated ? (
        <p id="p-rate-title" class="p-done-note" role="status">
          {t(commented ? 'commentSent' : 'rated')}
        </p>
      ) : (
        <form onSubmit={sendComment}>
          <p id="p-rate-title" class="p-done-note" role="status">
            {t('rated')}
          </p>
          <label for="p-comment">{t('commentLabel')}</label>
          <textarea id="p-comment" maxLength={500} rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <p class="p-hint">{t('commentHint')}</p>
          <button type="submit" class="p-primary" disabled={busy}>
            {t('sendComment')}
          </button>
        </form>
      )}
      {failed && (
        <p class="p-error" role="alert">
          {t('failed')}
        </p>
      )}
    </section>
  );
}
