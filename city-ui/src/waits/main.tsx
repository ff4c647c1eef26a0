import { render } from 'preact';
import '../../../kiosk-ui/src/track/phone.css';
import './waits.css';
import { App } from './App.js';

render(<App />, document.getElementById('app')!);
