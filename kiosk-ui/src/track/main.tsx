import { render } from 'preact';
import { unlockSound } from './alert.js';
import { App } from './App.js';
import './phone.css';

// Phones let a page make sound only after a tap: the first tap anywhere opens the audio.
document.addEventListener('pointerdown', unlockSound, { once: true });

render(<App />, document.getElementById('app')!);
