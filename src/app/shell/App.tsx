import { Component, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Layout } from './Layout.tsx';
import { lazyScreen } from './lazy-screen.ts';
import { content } from './content.ts';
import { UpdateBanner } from './UpdateBanner.tsx';
import type { InstallOfferController } from './install.ts';
import { Home } from './Home.tsx';
import { NewReferral } from '../form/NewReferral.tsx';
import { FIRST_PAGE } from '../../shared/case-label.ts';
import { CaseLabelPage } from '../form/CaseLabelPage.tsx';
import { NotFound } from './NotFound.tsx';
import { pageMode } from '../form/page-mode.ts';
import { NeutralScreen } from '../vault/NeutralScreen.tsx';
import { Unlock } from '../vault/Unlock.tsx';
// In the first load, though only a new device sets up its vault: fetched after the vault check, it cost
// a first visit one more round trip before anything was painted (about 4 KB, 2 KB gzip).
import { SetupVault } from '../vault/SetupVault.tsx';
import { matchRoute, paths, useLocation } from './routes.ts';
import { useServices } from './services.ts';
import type { SessionState } from './session.ts';

/**
 * A lazily loaded screen that cannot be fetched (offline before the service worker finished caching
 * the app on its very first visit) says so, instead of leaving a blank page.
 */
class ScreenUnavailable extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };
  static override getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        <h1 class="govuk-heading-l">{content.screenUnavailable.title}</h1>
        <p class="govuk-body">{content.screenUnavailable.body}</p>
        <button type="button" class="govuk-button" onClick={() => location.reload()}>
          {content.screenUnavailable.retry}
        </button>
      </>
    );
  }
}

// Loaded when first needed (and precached for offline use), so the first screen starts with less JavaScript.
const DraftPage = lazyScreen(() => import('../form/DraftPage.tsx').then((m) => m.DraftPage));
const Confirmation = lazyScreen(() => import('../form/Confirmation.tsx').then((m) => m.Confirmation));
const Outbox = lazyScreen(() => import('../outbox/Outbox.tsx').then((m) => m.Outbox));
const AdditionPage = lazyScreen(() => import('../outbox/AdditionPage.tsx').then((m) => m.AdditionPage));
const SettingsPage = lazyScreen(() => import('../settings/SettingsPage.tsx').then((m) => m.SettingsPage));
const WipePage = lazyScreen(() => import('../settings/WipePage.tsx').then((m) => m.WipePage));
const EncounterScreens = lazyScreen(() => import('../encounter/EncounterScreens.tsx').then((m) => m.EncounterScreens));

export interface UpdateSignal {
  /** Calls back with the function that applies a waiting new version. */
  onReady(listener: (apply: () => void) => void): void;
}

function Route({ url, install, onInstall }: { url: URL; install: ReturnType<InstallOfferController['state']>; onInstall: () => void }) {
  const route = matchRoute(url.pathname);
  const mode = pageMode(url.searchParams);
  switch (route?.name) {
    case 'home':
    case 'homeFile':
      return <Home install={install} onInstall={onInstall} />;
    case 'newReferral':
      return <NewReferral />;
    case 'outbox':
      return <Outbox />;
    case 'outboxAddition':
      return <AdditionPage key={url.pathname} id={route.params.id} action={route.params.action} />;
    case 'settings':
      return <SettingsPage />;
    case 'wipe':
      return <WipePage />;
    case 'referralSent':
      return <Confirmation id={route.params.id} dtn={url.searchParams.get('kind') === 'dtn'} />;
    case 'referralPage': {
      const { id, page } = route.params;
      if (page === FIRST_PAGE) return <CaseLabelPage key={id} id={id} mode={mode} />;
      return <DraftPage key={`${id}/${page}`} id={id} page={page} mode={mode} />;
    }
    case 'encounters':
    case 'newEncounter':
    case 'encounter':
    case 'encounterAction':
    case 'person':
      return <EncounterScreens route={route} />;
    default:
      return <NotFound />;
  }
}

/** Nothing personal renders until the vault is unlocked; wiping is allowed while locked. */
function Gate({ url, hasVault, session, children }: { url: URL; hasVault: boolean; session: SessionState; children: preact.ComponentChildren }) {
  if (!hasVault) return <SetupVault />;
  if (session.kind === 'unlocked') return <>{children}</>;
  return url.pathname === paths.wipe ? <WipePage /> : <Unlock />;
}

export function App({ installOffer, updates, hasVault }: { installOffer: InstallOfferController; updates: UpdateSignal; hasVault: boolean }) {
  const { session } = useServices();
  const url = useLocation();
  const [install, setInstall] = useState(installOffer.state());
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | undefined>(undefined);
  const [sessionState, setSessionState] = useState(session.state());
  const [vaultMade, setVaultMade] = useState(hasVault);
  useEffect(() => installOffer.subscribe(setInstall), [installOffer]);
  // Quick hide from any screen, the lock screen included: it too says what this app is.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') session.hide();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session]);
  useEffect(() => updates.onReady((apply) => setApplyUpdate(() => apply)), [updates]);
  useEffect(
    () =>
      session.subscribe((state) => {
        setSessionState(state);
        if (state.kind === 'unlocked') setVaultMade(true);
      }),
    [session],
  );

  if (sessionState.kind === 'locked' && sessionState.hidden) return <NeutralScreen />;
  return (
    <Layout banner={applyUpdate ? <UpdateBanner onUpdate={applyUpdate} /> : null} unlocked={sessionState.kind === 'unlocked'}>
      <ScreenUnavailable key={url.pathname}>
        <Gate url={url} hasVault={vaultMade} session={sessionState}>
          <Route url={url} install={install} onInstall={() => void installOffer.install()} />
        </Gate>
      </ScreenUnavailable>
    </Layout>
  );
}
