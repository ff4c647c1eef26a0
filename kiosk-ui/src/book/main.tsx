import { render } from 'preact';
import '../track/phone.css';
import './book.css';
import { App } from './App.js';

render(<App />, document.getElementById('app')!);
