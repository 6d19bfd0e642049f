import { Component, type ComponentChildren } from 'preact';
import { Suspense, lazy } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { Layout } from './components/Layout.tsx';
import { content } from './content.ts';
import { UpdateBanner } from './components/UpdateBanner.tsx';
import type { InstallOfferController } from './install.ts';
import { Home } from './pages/Home.tsx';
import { NewReferral } from './pages/NewReferral.tsx';
import { FIRST_PAGE } from '../shared/case-label.ts';
import { CaseLabelPage } from './pages/CaseLabelPage.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { pageMode } from './pages/page-mode.ts';
import { NeutralScreen, SetupVault, Unlock } from './pages/VaultPages.tsx';
import { paths, useLocation } from './router.ts';
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
const DraftPage = lazy(() => import('./pages/DraftPage.tsx').then((m) => ({ default: m.DraftPage })));
const Confirmation = lazy(() => import('./pages/Confirmation.tsx').then((m) => ({ default: m.Confirmation })));
const Outbox = lazy(() => import('./pages/Outbox.tsx').then((m) => ({ default: m.Outbox })));
const SettingsPage = lazy(() => import('./pages/Settings.tsx').then((m) => ({ default: m.SettingsPage })));
const WipePage = lazy(() => import('./pages/Settings.tsx').then((m) => ({ default: m.WipePage })));
const EncounterScreens = lazy(() => import('./pages/EncounterScreens.tsx').then((m) => ({ default: m.EncounterScreens })));

export interface UpdateSignal {
  /** Calls back with the function that applies a waiting new version. */
  onReady(listener: (apply: () => void) => void): void;
}

function Route({ url, install, onInstall }: { url: URL; install: ReturnType<InstallOfferController['state']>; onInstall: () => void }) {
  const path = url.pathname;
  if (path === paths.home || path === '/index.html') return <Home install={install} onInstall={onInstall} />;
  if (path === paths.newReferral) return <NewReferral />;
  if (path === paths.outbox) return <Outbox />;
  if (path === paths.settings) return <SettingsPage />;
  if (path === paths.wipe) return <WipePage />;
  if (path === paths.encounters || path.startsWith('/encounter/')) return <EncounterScreens path={path} />;
  const match = /^\/referral\/([0-9a-f-]{36})\/([a-z0-9-]+)$/.exec(path);
  if (match?.[1] && match[2]) {
    if (match[2] === 'sent') return <Confirmation id={match[1]} dtn={url.searchParams.get('kind') === 'dtn'} />;
    if (match[2] === FIRST_PAGE) return <CaseLabelPage key={match[1]} id={match[1]} mode={pageMode(url.searchParams)} />;
    return <DraftPage key={`${match[1]}/${match[2]}`} id={match[1]} page={match[2]} mode={pageMode(url.searchParams)} />;
  }
  return <NotFound />;
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
        <Suspense fallback={null}>
          <Gate url={url} hasVault={vaultMade} session={sessionState}>
            <Route url={url} install={install} onInstall={() => void installOffer.install()} />
          </Gate>
        </Suspense>
      </ScreenUnavailable>
    </Layout>
  );
}
