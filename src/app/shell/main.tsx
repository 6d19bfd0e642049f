import { render } from 'preact';
import { FieldDatabase } from '../../store/db.ts';
import { createOutboxAccess } from '../../store/outbox.ts';
import { DEFAULT_AUTO_LOCK_MINUTES, DEFAULT_BACKGROUND_LOCK_MINUTES, createSettings } from '../../store/settings.ts';
import { createDeviceIdentity } from '../../store/device-identity.ts';
import { createVault } from '../../store/vault.ts';
import { wipeDevice } from '../../store/wipe.ts';
import { createApiClient } from '../../sync/api-client.ts';
import type { SubmitAddition } from '../../sync/api-additions.ts';
import { createSender } from '../../sync/sender.ts';
import type { UploadFiles } from '../../sync/upload.ts';
import { App, type UpdateSignal } from './App.tsx';
import { createInstallOffer } from './install.ts';
import { createSession } from './session.ts';
import { ReferenceListsContext } from '../form/reference-lists-context.ts';
import { loadOnce } from './load-once.ts';
import { ServicesContext, type AppServices } from './services.ts';
import { onRevokedInBackground, registerServiceWorker, requestBackgroundSync } from './sw-bridge.ts';
import './styles.scss';

const RETRY_TICK_MS = 30_000;
const LOCK_CHECK_MS = 10_000;
const MINUTE = 60_000;

const clock = { now: () => new Date() };
const db = new FieldDatabase();
const settings = createSettings();
const vault = createVault(db);
const identity = createDeviceIdentity(db);
const boundFetch: typeof fetch = (...args) => fetch(...args);
// Unsigned, with the session cookie: the intake key, and device enrolment (the sender signs its own).
const api = createApiClient({ fetch: boundFetch, credentials: 'same-origin' });

// Auto-lock: after inactivity, and after too long in the background (both set in Settings).
let idleMs = DEFAULT_AUTO_LOCK_MINUTES * MINUTE;
let backgroundMs = DEFAULT_BACKGROUND_LOCK_MINUTES * MINUTE;
const loadLockTimes = async () => {
  idleMs = (await settings.autoLockMinutes()) * MINUTE;
  backgroundMs = (await settings.backgroundLockMinutes()) * MINUTE;
};
void loadLockTimes();
const session = createSession({ now: () => clock.now().getTime(), idleMs: () => idleMs, backgroundMs: () => backgroundMs });
for (const type of ['pointerdown', 'keydown', 'input', 'scroll'] as const) addEventListener(type, () => session.touch(), { passive: true, capture: true });
setInterval(() => session.check(), LOCK_CHECK_MS);
session.subscribe((state) => {
  if (state.kind === 'unlocked') void loadLockTimes();
});
// Answers and reconsideration requests are rare: their sender loads when the first one goes.
const submitAddition: SubmitAddition = (...args) => import('../../sync/api-additions.ts').then(({ submitAddition: submit }) => submit(...args));
// Evidence uploads likewise: their code loads when a referral first has files to send.
const uploadFiles: UploadFiles = (request) => import('../../sync/upload.ts').then((upload) => upload.uploadFiles(request));
const sync = createSender({ outbox: createOutboxAccess(db), identity, fetch: boundFetch, locks: navigator.locks, clock, submitAddition, uploadFiles });

// The last contact with the server is remembered across visits ("Last contact: 29 Nov, 10:42").
let rememberedContact: string | undefined;
sync.subscribe(({ lastContactAt }) => {
  if (lastContactAt && lastContactAt !== rememberedContact) {
    rememberedContact = lastContactAt;
    void settings.setLastContactAt(lastContactAt);
  }
});
void settings.lastContactAt().then((at) => at && sync.recallContact(at), () => undefined);

// Sync triggers (docs/protocol.md, "How a client sends"). Failures are already recorded on the items; nothing to do here.
const ignore = () => undefined;
const refresh = () => void sync.refreshStatuses().catch(ignore);
const sendWaiting = () => void sync.drain().then(refresh, ignore);
const probe = () => void sync.probeAndDrain().then(refresh, ignore);
addEventListener('online', probe);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') session.wentToBackground();
  else {
    session.cameToForeground();
    probe();
  }
});
const openReferenceLists = loadOnce(() => import('../form/reference-lists.ts').then((lists) => lists.openReferenceLists(api)));
setInterval(sendWaiting, RETRY_TICK_MS);
sendWaiting();

/** The app from its start page, with nothing in memory, saying why if it was wiped for a reason. */
const startAfresh = (reason?: 'revoked') => location.replace(reason ? `/?wiped=${reason}` : '/');

const services: AppServices = {
  db,
  sync,
  clock,
  sendSoon() {
    void sync.drain({ now: true }).then(refresh, ignore);
    void requestBackgroundSync();
  },
  vault,
  session,
  settings,
  identity,
  api,
  async wipe(reason?: 'revoked') {
    session.lock();
    await wipeDevice(db, settings);
    startAfresh(reason);
  },
};

// An administrator removed this device: nothing may stay on it, whichever sender heard it first.
sync.subscribe(({ revoked }) => {
  if (revoked) void services.wipe('revoked');
});
// The service worker heard it while sending in the background, and has wiped the device already.
onRevokedInBackground(() => {
  session.lock();
  startAfresh('revoked');
});

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
      <ReferenceListsContext.Provider value={openReferenceLists}>
        <App installOffer={createInstallOffer(window)} updates={updates} hasVault={await vault.exists()} />
      </ReferenceListsContext.Provider>
    </ServicesContext.Provider>,
    root,
  );
}

// Work that waits for the first screen. The sealing key goes straight after it: a responder may have
// signal for only a few seconds, and without the key nothing can be sealed offline later.
setTimeout(() => void import('../outbox/intake-key.ts').then((key) => key.refreshIntakeKey(api, settings), ignore));
// Newer reference lists (public data; a 304 each when nothing changed) wait until the page is idle:
// starting a referral does not need them, the form falls back to the lists shipped with the app.
const REFERENCE_LISTS_AT_MOST_MS = 3_000;
const whenIdle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: REFERENCE_LISTS_AT_MOST_MS }) : setTimeout(work, REFERENCE_LISTS_AT_MOST_MS));
whenIdle(() => void openReferenceLists().then((lists) => lists.refresh(), ignore));
