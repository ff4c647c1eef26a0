import { render } from 'preact';
import { App } from './App.js';
import './kiosk.css';

// A kiosk is touched, never browsed: no context menu, no zoom by gesture or ctrl+wheel.
document.addEventListener('contextmenu', (e) => e.preventDefault());
document.addEventListener('gesturestart', (e) => e.preventDefault());
document.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });
document.addEventListener('dragstart', (e) => e.preventDefault());

render(<App />, document.getElementById('app')!);
