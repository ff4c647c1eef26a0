import { render } from 'preact';
import { App } from './App.js';
import '../../clerk-ui/src/staff.css';
import './city.css';

render(<App />, document.getElementById('app')!);
