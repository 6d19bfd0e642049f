import { render } from 'preact';

// The bundle baseline: the least a Preact page built with the app's configuration can weigh.
const root = document.getElementById('app');
if (root) render(<h1>Hello</h1>, root);
