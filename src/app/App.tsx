import { useEffect, useState } from 'preact/hooks';
import { Layout } from './components/Layout.tsx';
import { UpdateBanner } from './components/UpdateBanner.tsx';
import type { InstallOfferController } from './install.ts';
import { isStep } from './journey.ts';
import { CheckAnswers } from './pages/CheckAnswers.tsx';
import { Confirmation } from './pages/Confirmation.tsx';
import { Home } from './pages/Home.tsx';
import { NewReferral } from './pages/NewReferral.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Outbox } from './pages/Outbox.tsx';
import { stepComponents } from './pages/steps.tsx';
import { paths, useLocation } from './router.ts';
import { useDraft } from './use-draft.ts';

export interface UpdateSignal {
  /** Calls back with the function that applies a waiting new version. */
  onReady(listener: (apply: () => void) => void): void;
}

function DraftPage({ id, page, change }: { id: string; page: string; change: boolean }) {
  const draft = useDraft(id);
  if (draft === undefined) return null;
  if (draft === null || draft.queuedAt) return <NotFound />;
  if (page === 'check') return <CheckAnswers draft={draft} />;
  if (!isStep(page)) return <NotFound />;
  const Step = stepComponents[page];
  return <Step key={page} draft={draft} change={change} />;
}

function Route({ url, install, onInstall }: { url: URL; install: ReturnType<InstallOfferController['state']>; onInstall: () => void }) {
  const path = url.pathname;
  if (path === paths.home || path === '/index.html') return <Home install={install} onInstall={onInstall} />;
  if (path === paths.newReferral) return <NewReferral />;
  if (path === paths.outbox) return <Outbox />;
  const match = /^\/referral\/([0-9a-f-]{36})\/([a-z-]+)$/.exec(path);
  if (match?.[1] && match[2]) {
    if (match[2] === 'sent') return <Confirmation id={match[1]} />;
    return <DraftPage key={`${match[1]}/${match[2]}`} id={match[1]} page={match[2]} change={url.searchParams.has('change')} />;
  }
  return <NotFound />;
}

export function App({ installOffer, updates }: { installOffer: InstallOfferController; updates: UpdateSignal }) {
  const url = useLocation();
  const [install, setInstall] = useState(installOffer.state());
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | undefined>(undefined);
  useEffect(() => installOffer.subscribe(setInstall), [installOffer]);
  useEffect(() => updates.onReady((apply) => setApplyUpdate(() => apply)), [updates]);

  return (
    <Layout banner={applyUpdate ? <UpdateBanner onUpdate={applyUpdate} /> : null}>
      <Route url={url} install={install} onInstall={() => void installOffer.install()} />
    </Layout>
  );
}
