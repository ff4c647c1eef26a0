import { labelled, pick } from '../../ui-kit/i18n.js';
import { useNow } from '../../clerk-ui/src/hooks.js';
import { TEXT } from '../../clerk-ui/src/text.js';
import { useUi } from '../../clerk-ui/src/ui.js';
import { contact, rowView } from './board.js';
import type { CityAreaProps } from './area.js';
import { useBoard } from './live.js';
import { T } from './text.js';

// The landing view: every hall in one table, live. A stale hall is greyed, its figures are «—»
// and a badge says since when it has been silent; a wait past its target is marked in words too.

export function Board({ session, checkSession }: CityAreaProps) {
  const ui = useUi();
  const { lang } = ui;
  const board = useBoard(session.token, checkSession);
  const now = useNow(5_000, board.offsetMs);
  const f = { lang, digits: ui.digits, timeZone: ui.timeZone };
  const rows = board.rows ?? [];
  const counts = contact(rows, now);
  return (
    <main class="city-board" aria-labelledby="board-title" aria-busy={board.rows === null}>
      <header class="city-board-head">
        <h1 id="board-title">{T.boardTitle[lang]}</h1>
        <p class="city-counts">
          <span class="chip open">
            {labelled(T.inContact[lang], lang)}{ui.num(counts.live)}
          </span>
          <span class={`chip ${counts.stale ? 'bad' : 'closed'}`}>
            {labelled(T.outOfContact[lang], lang)}{ui.num(counts.stale)}
          </span>
        </p>
      </header>
      {board.link === 'offline' && (
        <p class="banner warn" role="status">
          {TEXT.liveLost[lang]}
        </p>
      )}
      {board.rows === null ? (
        <p class="muted" role="status">
          {TEXT.loading[lang]}
        </p>
      ) : rows.length === 0 ? (
        <p class="muted">{T.noHalls[lang]}</p>
      ) : (
        <table class="city-table">
          <caption class="visually-hidden">{T.boardTitle[lang]}</caption>
          <thead>
            <tr>
              {(['hall', 'waiting', 'longestWait', 'countersOpen', 'issuedToday', 'servedToday', 'lastHeard'] as const).map((key) => (
                <th scope="col" key={key}>
                  {T[key][lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const v = rowView(row, now, f);
              return (
                <tr key={row.id} class={v.stale ? 'stale' : undefined} data-hall={row.id}>
                  <th scope="row">
                    {pick(row.name, lang)}
                    {v.badge && <span class="chip bad city-badge"> {v.badge}</span>}
                  </th>
                  <td>{v.waiting}</td>
                  <td class={v.longest.over ? 'over' : undefined}>
                    {v.longest.text}
                    {v.longest.over && <span class="chip bad city-badge"> {T.overTarget[lang]}</span>}
                  </td>
                  <td>{v.countersOpen}</td>
                  <td>{v.issued}</td>
                  <td>{v.served}</td>
                  <td>{v.heard}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
