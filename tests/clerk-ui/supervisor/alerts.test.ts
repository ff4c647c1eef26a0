import { describe, expect, it } from 'vitest';
import { hallAlerts, type AlertInput } from '../../../clerk-ui/src/supervisor/alerts.js';

// The supervisor's alerts in French: the singular for 0 and 1, names « between guillemets ».

const NBSP = '\u00a0';
/** Without the isolates that keep a name from the data from reordering the sentence. */
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');

describe('the supervisor’s alerts in French', () => {
  const input = (waiting: number): AlertInput => ({
    services: [{ id: 4, name: { ar: 'الوثائق المدنية', en: 'Civil documents', fr: 'Documents civils' }, waiting, longestWaitS: 22 * 60, targetWaitS: 15 * 60 }],
    queueLimit: 0,
    printers: [{ printerId: 1, name: 'Entrée', status: 'paper_out' } as AlertInput['printers'][number]],
    displays: [{ id: 2, name: 'Salle', connected: false, lastSeenAt: '2026-12-07T08:00:00Z' } as AlertInput['displays'][number]],
  });

  it('say the wait against the target, and how many wait: 1 personne, 2 personnes', () => {
    const [target, one] = hallAlerts(input(1), 'fr', 'arab').map((a) => plain(a.text));
    expect(target).toBe(`Documents civils${NBSP}: le plus ancien ticket attend depuis 22${NBSP}min, objectif 15${NBSP}min`);
    expect(one).toBe(`Documents civils${NBSP}: 1${NBSP}personne en attente, au-delà de la limite de 0`);
    expect(plain(hallAlerts(input(2), 'fr', 'arab')[1]!.text)).toBe(`Documents civils${NBSP}: 2${NBSP}personnes en attente, au-delà de la limite de 0`);
  });

  it('quote a printer’s and a display’s name between « guillemets »', () => {
    const texts = hallAlerts(input(0), 'fr', 'arab').map((a) => plain(a.text));
    expect(texts).toEqual([`L’imprimante «${NBSP}Entrée${NBSP}» n’a plus de papier`, `L’écran «${NBSP}Salle${NBSP}» est hors ligne`]);
  });
});
