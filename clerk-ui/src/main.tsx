import { render } from 'preact';
import { App } from './App.js';
import './staff.css';

render(<App />, document.getElementById('app')!);
