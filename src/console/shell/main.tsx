import { render } from 'preact';
import { createConsoleApi } from './api.ts';
import { Console, type SignedInMemory } from './Console.tsx';
import './styles.scss';

const SIGNED_IN_KEY = 'nrm-console-signed-in';

// Only a flag: who is signed in lives in the HttpOnly cookie and on the server, never in script reach.
const memory: SignedInMemory = {
  was: () => sessionStorage.getItem(SIGNED_IN_KEY) === '1',
  set: (signedIn) => (signedIn ? sessionStorage.setItem(SIGNED_IN_KEY, '1') : sessionStorage.removeItem(SIGNED_IN_KEY)),
};
const api = createConsoleApi({ fetch: (...args) => fetch(...args), now: () => new Date() });

const root = document.getElementById('console');
if (root) render(<Console api={api} memory={memory} />, root);
