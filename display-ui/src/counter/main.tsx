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
const counterId = Number(new URL(location.href).searchParams.get('counter'));
const controller =
  Number.isSafeInteger(counterId) && counterId > 0
    ? new DisplayController({ counterId, announce: false, progressKey: `dawr.counterDisplay.${counterId}.seen` })
    : null;
render(<CounterDisplay controller={controller} lang={lang} />, document.getElementById('app')!);
controller?.start();
