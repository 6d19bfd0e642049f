import { render } from 'preact';
import { FieldDatabase } from '../store/db.ts';
import { createOutboxAccess } from '../store/outbox.ts';
import { createSyncEngine } from '../sync/engine.ts';
import { createHttpTransport } from '../sync/http-transport.ts';
import type { ExclusiveRunner } from '../sync/ports.ts';
import { App, type UpdateSignal } from './App.tsx';
import { createInstallOffer } from './install.ts';
import { ServicesContext, type AppServices } from './services.ts';
import { registerServiceWorker } from './sw-bridge.ts';
import './styles.scss';

const SENDER_LOCK = 'nrm-field-outbox-sender';
const RETRY_TICK_MS = 30_000;

/** One sender at a time across tabs (and, later, the service worker); where Web Locks are missing, one per tab. */
const exclusive: ExclusiveRunner = (task) =>
  'locks' in navigator ? navigator.locks.request(SENDER_LOCK, task) : task();

const clock = { now: () => new Date() };
const db = new FieldDatabase();
const sync = createSyncEngine({
  outbox: createOutboxAccess(db),
  transport: createHttpTransport({ fetch: (...args) => fetch(...args), clock }),
  clock,
  random: Math.random,
  exclusive,
});
const services: AppServices = { db, sync, clock };

const drain = (now = false) => void sync.drain({ now }).catch(() => undefined);
addEventListener('online', () => drain(true));
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') drain();
});
setInterval(() => drain(), RETRY_TICK_MS);
drain();

const updateListeners: ((apply: () => void) => void)[] = [];
let pendingUpdate: (() => void) | undefined;
const updates: UpdateSignal = {
  onReady(listener) {
    updateListeners.push(listener);
    if (pendingUpdate) listener(pendingUpdate);
  },
};
if (import.meta.env.PROD) {
  registerServiceWorker('/sw.js', (apply) => {
    pendingUpdate = apply;
    for (const listener of updateListeners) listener(apply);
  });
}

const root = document.getElementById('app');
if (root) {
  render(
    <ServicesContext.Provider value={services}>
      <App installOffer={createInstallOffer(window)} updates={updates} />
    </ServicesContext.Provider>,
    root,
  );
}
