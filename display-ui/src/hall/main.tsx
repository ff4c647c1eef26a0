import { render } from 'preact';
import { applyLang, initialLang } from '../../../ui-kit/i18n.js';
import { DisplayController } from '../shared/controller.js';
import '../shared/base.css';
import './hall.css';
import { HallDisplay } from './HallDisplay.js';

const lang = initialLang();
applyLang(lang);
const controller = new DisplayController({ announce: true, progressKey: 'dawr.display.announced' });
render(<HallDisplay controller={controller} lang={lang} />, document.getElementById('app')!);
controller.start();
