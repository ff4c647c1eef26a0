import type { HallRow } from './state.js';

// The hall settings of the citizen's phone, with their defaults: both features are off until an
// admin turns them on.

export interface RemoteJoinSettings {
  enabled: boolean;
  /** Tickets taken on phones per service and business day. */
  dailyCapPerService: number;
}

export interface NotifySettings {
  enabled: boolean;
  webhookUrl: string;
  /** Tell the citizen once the ticket is this place in line or closer (1: next). */
  position: number;
}

export function remoteJoinSettings(hall: HallRow): RemoteJoinSettings {
  const own = hall.settings.remoteJoin;
  return { enabled: own?.enabled === true, dailyCapPerService: Math.max(0, Math.floor(own?.dailyCapPerService ?? 50)) };
}

const isHttpUrl = (url: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

/** The notification hook: on only with an http(s) webhook. */
export function notifySettings(hall: HallRow): NotifySettings {
  const own = hall.settings.notify;
  const webhookUrl = own?.webhookUrl ?? '';
  const position = Math.max(1, Math.floor(own?.position ?? 3));
  return { enabled: own?.enabled === true && isHttpUrl(webhookUrl), webhookUrl, position };
}
