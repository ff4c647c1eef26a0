import { render } from 'preact';
import { applyLang, initialLang } from '../../../ui-kit/i18n.js';
import { deviceToken } from '../../../ui-kit/pairing.js';
import { DisplayController } from '../shared/controller.js';
import '../shared/base.css';
import './counter.css';
import { CounterDisplay } from './CounterDisplay.js';

const lang = initialLang();
applyLang(lang);
deviceToken(); // pairs the screen even before its counter is chosen
// `?counter=<id>` (API.md), or `?number=<the counter's number>` as the admin's device screen gives it.
const params = new URL(location.href).searchParams;
const positive = (name: string) => {
  const n = Number(params.get(name));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const counterId = positive('counter');
const counterNumber = counterId === undefined ? positive('number') : undefined;
const progressKey = `dawr.counterDisplay.${counterId ?? `number-${counterNumber}`}.seen`;
const controller =
  counterId !== undefined || counterNumber !== undefined ? new DisplayController({ counterId, counterNumber, announce: false, progressKey }) : null;
render(<CounterDisplay controller={controller} lang={lang} />, document.getElementById('app')!);
controller?.start();
