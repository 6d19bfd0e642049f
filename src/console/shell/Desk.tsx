import { useEffect, useState } from 'preact/hooks';
import { HeaderActions, HeaderButton } from '../../govuk/Header.tsx';
import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';
import type { ServiceNavigationItem } from '../../govuk/ServiceNavigation.tsx';
import type { Role } from '../../shared/accounts.ts';
import type { CaseActionType } from '../../shared/casework/actions.ts';
import { CASE_READERS, DTN_READERS, isOneOf } from '../../shared/casework/roles.ts';
import { AdminUser } from '../admin/AdminUser.tsx';
import { AdminUsers } from '../admin/AdminUsers.tsx';
import { AuditLog } from '../admin/AuditLog.tsx';
import { InviteUser } from '../admin/InviteUser.tsx';
import { ActionForm } from '../casework/ActionForm.tsx';
import { CasePage } from '../casework/CasePage.tsx';
import { CaseQueue } from '../casework/CaseQueue.tsx';
import { DtnReports } from '../casework/DtnReports.tsx';
import { FiguresPage } from '../figures/FiguresPage.tsx';
import type { ConsoleApi, SignedIn } from './api.ts';
import { content } from './content.ts';
import { FailedSignIns } from './FailedSignIns.tsx';
import { DeskFrameContext, type DeskFrame } from './desk-frame.ts';
import { Landing } from './Landing.tsx';
import { failureMessage } from './messages.ts';
import { Refusal } from './Refusal.tsx';
import { followInConsole, matchRoute, navigate, paths, useLocation, type MatchedRoute, type RouteName } from './routes.ts';

const FIGURE_READERS = ['analyst', 'reviewer'] as const satisfies readonly Role[];
const ADMINS = ['admin'] as const satisfies readonly Role[];

/** The console's sections, each for the roles that may open it, in the order of the navigation. */
const SECTIONS = [
  { key: 'cases', href: paths.cases(), text: content.nav.cases, roles: CASE_READERS, routes: ['cases', 'case', 'caseAction'] },
  { key: 'dtn', href: paths.dtn(), text: content.nav.dtn, roles: DTN_READERS, routes: ['dtn'] },
  { key: 'figures', href: paths.figures, text: content.nav.figures, roles: FIGURE_READERS, routes: ['figures'] },
  { key: 'users', href: paths.adminUsers(), text: content.nav.users, roles: ADMINS, routes: ['adminUsers', 'adminUser', 'adminInvite'] },
  { key: 'audit', href: paths.adminAudit(), text: content.nav.audit, roles: ADMINS, routes: ['adminAudit'] },
] as const satisfies readonly { key: string; href: string; text: string; roles: readonly Role[]; routes: readonly RouteName[] }[];

/** Where someone lands after signing in: their work first (the queue for case readers), their account otherwise. */
export function homeFor(role: Role): string {
  if (isOneOf(role, CASE_READERS)) return paths.cases();
  if (role === 'analyst') return paths.figures;
  if (role === 'admin') return paths.adminUsers();
  return paths.account;
}

/** Whether `role` may open the screen at `route` (the server checks again, for every request). */
function mayOpen(role: Role, route: MatchedRoute): boolean {
  const section = SECTIONS.find((candidate) => (candidate.routes as readonly RouteName[]).includes(route.name));
  return section ? isOneOf(role, section.roles) : true;
}

function navigation(role: Role, route: MatchedRoute | undefined): ServiceNavigationItem[] {
  const items: ServiceNavigationItem[] = SECTIONS.filter((section) => isOneOf(role, section.roles)).map((section) => ({
    href: section.href,
    text: section.text,
    current: route ? (section.routes as readonly RouteName[]).includes(route.name) : false,
    onClick: followInConsole(section.href),
  }));
  items.push({ href: paths.account, text: content.nav.account, current: route?.name === 'account', onClick: followInConsole(paths.account) });
  return items;
}

export interface DeskProps {
  api: ConsoleApi;
  signedIn: SignedIn;
  onSignedOut: () => void;
  onSessionEnded: () => void;
}

/** Everything a signed-in person sees: the console's sections by role, one screen per address. */
export function Desk({ api, signedIn, onSignedOut, onSessionEnded }: DeskProps) {
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const user = signedIn.session.user;
  const [signOutError, setSignOutError] = useState('');
  const [signOutAttempt, setSignOutAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const isHome = route?.name === 'home' || route?.name === 'homeBare' || route?.name === 'homeFile';

  useEffect(() => {
    if (isHome) navigate(homeFor(user.role), { replace: true });
  }, [isHome, user.role]);

  const signOut = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.signOut();
    setBusy(false);
    if (result.ok) return onSignedOut();
    setSignOutError(content.landing.signOutFailed(failureMessage(result.failure)));
    setSignOutAttempt((n) => n + 1);
  };

  const frame: DeskFrame = {
    nav: navigation(user.role, route),
    actions: (
      <HeaderActions>
        <span class="app-header__role" data-testid="header-role">
          {content.roles[user.role].name}
        </span>
        <HeaderButton id="sign-out" onClick={() => void signOut()} ariaDisabled={busy}>
          {busy ? content.landing.signingOut : content.landing.signOut}
        </HeaderButton>
      </HeaderActions>
    ),
    banner: signOutError ? (
      <NotificationBanner key={signOutAttempt} title={content.errorSummaryTitle} titleId="sign-out-failed" role="alert" focusOnShow>
        <p class="govuk-body">{signOutError}</p>
      </NotificationBanner>
    ) : (
      <FailedSignIns failed={signedIn.session.failedSignIns} />
    ),
  };

  const screen = () => {
    if (isHome) return null;
    if (!route) return <Refusal kind="not-found" home={homeFor(user.role)} />;
    if (!mayOpen(user.role, route)) return <Refusal kind="forbidden" home={homeFor(user.role)} />;
    const shared = { api, user, onSessionEnded };
    switch (route.name) {
      case 'account':
        return <Landing signedIn={signedIn} />;
      case 'figures':
        return <FiguresPage api={api} onSessionEnded={onSessionEnded} />;
      case 'cases':
        return <CaseQueue {...shared} search={location.search} />;
      case 'case':
        return <CasePage key={route.params.id} {...shared} id={route.params.id} />;
      case 'caseAction':
        return <ActionForm key={`${route.params.id}/${route.params.action}`} {...shared} id={route.params.id} action={route.params.action as CaseActionType} />;
      case 'dtn':
        return <DtnReports api={api} onSessionEnded={onSessionEnded} page={Number(location.searchParams.get('page') ?? '1')} />;
      case 'adminUsers':
        return <AdminUsers api={api} search={location.search} onSessionEnded={onSessionEnded} />;
      case 'adminInvite':
        return <InviteUser api={api} onSessionEnded={onSessionEnded} />;
      case 'adminUser':
        return <AdminUser key={route.params.id} {...shared} id={route.params.id} />;
      case 'adminAudit':
        return <AuditLog api={api} search={location.search} onSessionEnded={onSessionEnded} />;
      default:
        return null;
    }
  };

  return <DeskFrameContext.Provider value={frame}>{screen()}</DeskFrameContext.Provider>;
}
