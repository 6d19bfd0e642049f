// @vitest-environment happy-dom
// The desk's casework screens against a faked server: the queue's tags and query, and an action form
// checked by the shared schema, with the server's 409 and 422 answered as a caseworker needs.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionForm } from '../../src/console/casework/ActionForm.tsx';
import { CaseQueue } from '../../src/console/casework/CaseQueue.tsx';
import { createConsoleApi, type ConsoleUser } from '../../src/console/shell/api.ts';
import { Desk } from '../../src/console/shell/Desk.tsx';
import { matchRoute, paths } from '../../src/console/shell/routes.ts';
import type { CaseDetail, CaseEvent, QueueResponse } from '../../src/shared/casework/protocol.ts';

const ID = '0192f1a0-0000-7000-8000-000000000001';
const OTHER = '0192f1a0-0000-7000-8000-000000000002';
const TODAY = '2026-03-12';

const user: ConsoleUser = { id: 'u-cw', email: 'cw@example.org', role: 'caseworker', organisation: { id: 'o1', name: 'Decision unit' } };

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A server that answers by method and path; every request is kept. */
function fakeServer(answer: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  const api = createConsoleApi({
    now: () => new Date(`${TODAY}T10:00:00Z`),
    fetch: async (input, init) => {
      const call = { method: init?.method ?? 'GET', url: String(input), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
      calls.push(call);
      return answer(call) ?? json(404, { type: 'x', title: 'Not here', status: 404, code: 'not-found' });
    },
  });
  return { api, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const row = (reference: string, dueOn: string | null, dueKind: 'rg-due' | 'cg-not-before' | null = 'rg-due') => ({
  id: `0192f1a0-0000-7000-8000-0000000000${reference.slice(-2)}`,
  reference,
  receivedAt: '2026-03-05T09:30:00.000Z',
  path: 'adult-nrm' as const,
  ageGroup: '18-or-over' as const,
  organisation: 'Test Constabulary',
  stage: dueKind === 'cg-not-before' ? ('cg-pending' as const) : ('rg-pending' as const),
  heldBy: null,
  dueOn,
  dueKind,
});

const queue = (rows: QueueResponse['rows'], extra: Partial<QueueResponse> = {}): QueueResponse => ({ rows, total: rows.length, page: 1, pageSize: 25, today: TODAY, organisations: ['Test Constabulary', 'Salvation Army'], ...extra });

/**
 * Picks an option as a browser does, with a native change event (with preact/compat loaded, as
 * react-hook-form loads it, @testing-library/preact sends fireEvent.change as an input event).
 */
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => history.replaceState(null, '', '/console/cases'));
afterEach(cleanup);

describe('the case queue', () => {
  it('marks overdue and due today with a tag that says so in words, never colour alone', async () => {
    const { api } = fakeServer(() => json(200, queue([row('AAAA-AA11', '2026-03-10'), row('BBBB-BB12', TODAY), row('CCCC-CC13', '2026-03-19'), row('DDDD-DD14', '2026-04-20', 'cg-not-before')])));
    const view = render(<CaseQueue api={api} user={user} search="" onSessionEnded={() => undefined} />);
    const table = await waitFor(() => view.getByTestId('case-queue'));
    const rows = [...table.querySelectorAll('tbody tr')];
    const due = (index: number) => rows[index]!.lastElementChild!;
    const tag = (index: number) => due(index).querySelector('strong.govuk-tag');
    expect([tag(0)?.className, tag(0)?.textContent]).toEqual(['govuk-tag govuk-tag--red', 'Overdue']);
    expect(due(0).textContent).toBe('OverdueReasonable grounds by 10 Mar 2026');
    expect([tag(1)?.className, tag(1)?.textContent]).toEqual(['govuk-tag govuk-tag--orange', 'Due today']);
    expect(tag(2)).toBeNull();
    expect(due(2).textContent).toBe('Reasonable grounds by 19 Mar 2026');
    expect(tag(3)).toBeNull();
    expect(due(3).textContent).toBe('Conclusive grounds not before 20 Apr 2026');
    // The reference is the row's header and a link to the case.
    const first = rows[0]!.firstElementChild!;
    expect(first.tagName).toBe('TH');
    expect(first.querySelector('a')?.getAttribute('href')).toBe(`/console/cases/${row('AAAA-AA11', null).id}`);
    expect(view.getByRole('heading', { name: '4 cases' })).toBeTruthy();
  });

  it('asks the server with the filters in the address, leaving out what it cannot read, and puts applied filters in the address', async () => {
    const { api, calls } = fakeServer(() => json(200, queue([row('AAAA-AA11', '2026-03-10')], { total: 60, page: 2 })));
    const search = '?stage=rg-pending&due=overdue&page=2&held=someone-else&colour=red';
    history.replaceState(null, '', `/console/cases${search}`);
    const view = render(<CaseQueue api={api} user={user} search={search} onSessionEnded={() => undefined} />);
    await waitFor(() => view.getByTestId('case-queue'));
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/v1/cases?due=overdue&page=2&stage=rg-pending']);

    // The side panel shows the filters as they are, and sends its own as a new address (page 1 again).
    const stage = view.getByLabelText('Stage') as HTMLSelectElement;
    expect(stage.value).toBe('rg-pending');
    expect((view.getByLabelText('Overdue') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(view.getByLabelText('You'));
    fireEvent.click(view.getByLabelText('Child (NRM)'));
    choose(view.getByLabelText('Referring organisation') as HTMLSelectElement, 'Salvation Army');
    fireEvent.click(view.getByLabelText('Date received'));
    fireEvent.submit(view.getByRole('button', { name: 'Apply filters' }).closest('form')!);
    expect(location.pathname + location.search).toBe('/console/cases?due=overdue&held=me&organisation=Salvation+Army&path=child&sort=received&stage=rg-pending');

    // Pages are links to the same filters, a page on.
    const next = view.getByRole('link', { name: /Next/ });
    expect(next.getAttribute('href')).toBe('/console/cases?due=overdue&page=3&stage=rg-pending');
    expect(view.getByRole('link', { name: 'Page 1' }).getAttribute('href')).toBe('/console/cases?due=overdue&stage=rg-pending');
  });

  it('searches by reference as typed, and says what to do when nothing matches', async () => {
    const { api, calls } = fakeServer(() => json(200, queue([])));
    const view = render(<CaseQueue api={api} user={user} search="?reference=nrm7k3f9q" onSessionEnded={() => undefined} />);
    await view.findByText('No case has the reference nrm7k3f9q.');
    expect(view.getByText(/Check the reference on the referral’s receipt/)).toBeTruthy();
    expect(calls[0]?.url).toBe('/api/v1/cases?reference=nrm7k3f9q');
    fireEvent.input(view.getByLabelText('Find a case by reference'), { target: { value: ' NRM-9QKF-3A ' } });
    fireEvent.submit(view.getByRole('button', { name: 'Search' }).closest('form')!);
    expect(location.search).toBe('?reference=NRM-9QKF-3A');
  });

  it('tells an empty filtered queue how to see more', async () => {
    const { api } = fakeServer(() => json(200, queue([])));
    const view = render(<CaseQueue api={api} user={user} search="?due=due-today" onSessionEnded={() => undefined} />);
    await view.findByText('No cases match these filters.');
    expect(view.getByText(/Remove a filter, or clear them all/)).toBeTruthy();
  });
});

const state = (extra: Partial<CaseDetail['state']> = {}): CaseDetail['state'] => ({
  stage: 'rg-pending',
  version: 3,
  path: 'adult-nrm',
  heldBy: user.id,
  receivedOn: '2026-03-05',
  rgDueOn: TODAY,
  rg: null,
  cg: null,
  cgNotBefore: null,
  proposal: null,
  resumeStage: null,
  heldSince: null,
  servedNegativeOn: null,
  ...extra,
});

const caseDetail = (extra: Partial<CaseDetail> = {}): CaseDetail => ({
  id: ID,
  reference: 'NRM-7K3F-9Q',
  receivedAt: '2026-03-05T09:30:00.000Z',
  organisation: 'Test Constabulary',
  state: state(),
  heldBy: { id: user.id, email: user.email },
  answers: {},
  linked: [],
  possibleMatches: [],
  events: [],
  notes: [],
  actions: ['decide-rg', 'ask-information', 'release'],
  independentReview: false,
  today: TODAY,
  ...extra,
});

function actionScreen(action: 'decide-rg' | 'record-reconsideration', detail: CaseDetail, answers: Response[]) {
  const server = fakeServer((call) => {
    if (call.method === 'GET' && call.url === `/api/v1/cases/${ID}`) return json(200, detail);
    if (call.method === 'POST' && call.url === `/api/v1/cases/${ID}/actions`) return answers.shift();
    return undefined;
  });
  const view = render(<ActionForm api={server.api} user={user} id={ID} action={action} onSessionEnded={() => undefined} />);
  return { ...server, view };
}

const summaryLinks = (container: Element) => [...container.querySelectorAll('.govuk-error-summary a')].map((link) => [link.getAttribute('href'), link.textContent]);

async function fillNegativeDecision(view: ReturnType<typeof render>) {
  fireEvent.click(await view.findByLabelText('Negative'));
  fireEvent.click(view.getByLabelText(/No indicators of modern slavery/));
  fireEvent.input(view.getByLabelText('Reasons in your own words'), { target: { value: 'No indicator of control was described.' } });
}

const sent = (calls: Call[]) => calls.filter((call) => call.method === 'POST').map((call) => call.body);

describe('an action form', () => {
  it('checks the answers with the shared schema, links each error to its field, and sends {version, action}', async () => {
    const { view, calls } = actionScreen('decide-rg', caseDetail(), [new Response(null, { status: 204 })]);
    const submit = await view.findByRole('button', { name: 'Make decision' });
    // The date starts at the server's today.
    expect([(view.container.querySelector('#decidedOn') as HTMLInputElement).value, (view.getByLabelText('Month') as HTMLInputElement).value, (view.getByLabelText('Year') as HTMLInputElement).value]).toEqual(['12', '3', '2026']);
    fireEvent.submit(submit.closest('form')!);
    await waitFor(() => expect(summaryLinks(view.container)).toEqual([
      ['#outcome', 'Choose positive or negative'],
      ['#reasonText', 'Give the reasons for the decision in your own words'],
    ]));
    await waitFor(() => expect(document.title).toBe('Error: Make a reasonable grounds decision – NRM Field console'));
    expect(view.container.querySelector('#outcome-error')?.textContent).toBe('Error: Choose positive or negative');
    expect(sent(calls)).toEqual([]);

    // Reasons are those that fit the outcome; an impossible date is refused in words for three boxes.
    fireEvent.click(view.getByLabelText('Positive'));
    expect(view.getByLabelText(/Indicators of modern slavery are present/)).toBeTruthy();
    expect(view.queryByLabelText(/No indicators of modern slavery/)).toBeNull();
    fireEvent.input(view.container.querySelector('#decidedOn')!, { target: { value: '31' } });
    fireEvent.input(view.getByLabelText('Month'), { target: { value: '2' } });
    fireEvent.submit(submit.closest('form')!);
    await waitFor(() => expect(summaryLinks(view.container)).toEqual([
      ['#reasonCodes', 'Choose at least one reason'],
      ['#reasonText', 'Give the reasons for the decision in your own words'],
      ['#decidedOn', 'Enter a real date, with a day, month and year'],
    ]));

    await fillNegativeDecision(view);
    fireEvent.input(view.container.querySelector('#decidedOn')!, { target: { value: '11' } });
    fireEvent.input(view.getByLabelText('Month'), { target: { value: '3' } });
    fireEvent.submit(submit.closest('form')!);
    await view.findByText('Negative decision proposed');
    expect(sent(calls)).toEqual([
      { version: 3, action: { type: 'decide-rg', outcome: 'negative', reasonCodes: ['no-indicators'], reasonText: 'No indicator of control was described.', decidedOn: '2026-03-11' } },
    ]);
    expect(view.getByTestId('what-next').textContent).toBe('A reviewer will check it before it is served.');
  });

  it('keeps what was typed when someone else changed the case first, says what changed, and sends again on the new version', async () => {
    const since: CaseEvent[] = [{ at: '2026-03-12T09:58:00.000Z', actor: { id: 'u-rv', email: 'reviewer@example.org' }, action: 'take-over', from: 'rg-pending', to: 'rg-pending', detail: { reason: 'Sickness cover' } }];
    const changed = { type: 'urn:x', title: 'The case has changed', status: 409, code: 'case-changed', current: state({ version: 4 }), since };
    const { view, calls } = actionScreen('decide-rg', caseDetail(), [json(409, changed), new Response(null, { status: 204 })]);
    await fillNegativeDecision(view);
    fireEvent.submit(view.getByRole('button', { name: 'Make decision' }).closest('form')!);
    const banner = await view.findByText('Someone else changed this case while you were working on it');
    await waitFor(() => expect(document.activeElement).toBe(banner.closest('.govuk-notification-banner')));
    expect(view.getByTestId('changed-since').textContent).toMatch(/^Taken over, reviewer@example\.org, 12 Mar 2026, 09:58$/);
    expect((view.getByLabelText('Reasons in your own words') as HTMLTextAreaElement).value).toBe('No indicator of control was described.');
    expect((view.getByLabelText('Negative') as HTMLInputElement).checked).toBe(true);
    expect((view.getByLabelText(/No indicators of modern slavery/) as HTMLInputElement).checked).toBe(true);

    fireEvent.submit(view.getByRole('button', { name: 'Make decision' }).closest('form')!);
    await view.findByText('Negative decision proposed');
    expect(sent(calls).map((body) => (body as { version: number }).version)).toEqual([3, 4]);
  });

  it('shows the rules’ refusal in the error summary, and keeps the form', async () => {
    const refused = { type: 'urn:x', title: 'Not allowed', status: 422, code: 'action-refused', detail: 'The date of the decision cannot be in the future.' };
    const { view } = actionScreen('decide-rg', caseDetail(), [json(422, refused)]);
    await fillNegativeDecision(view);
    fireEvent.submit(view.getByRole('button', { name: 'Make decision' }).closest('form')!);
    await waitFor(() => expect(summaryLinks(view.container)).toEqual([['#outcome', 'The date of the decision cannot be in the future.']]));
    await waitFor(() => expect(document.activeElement?.className).toBe('govuk-error-summary'));
    expect((view.getByLabelText('Reasons in your own words') as HTMLTextAreaElement).value).toBe('No indicator of control was described.');
  });

  it('places the server’s field errors beside their fields', async () => {
    const invalid = { type: 'urn:x', title: 'Invalid', status: 422, code: 'bad-request', errors: [{ path: 'action.reasonText', message: 'Use 5,000 characters or fewer' }] };
    const { view } = actionScreen('decide-rg', caseDetail(), [json(422, invalid)]);
    await fillNegativeDecision(view);
    fireEvent.submit(view.getByRole('button', { name: 'Make decision' }).closest('form')!);
    await waitFor(() => expect(summaryLinks(view.container)).toEqual([['#reasonText', 'Use 5,000 characters or fewer']]));
    expect(view.container.querySelector('#reasonText-error')?.textContent).toBe('Error: Use 5,000 characters or fewer');
  });

  it('says when a reconsideration request is late, and asks for the exceptional reason', async () => {
    const detail = caseDetail({ state: state({ stage: 'rg-negative', servedNegativeOn: '2026-02-01' }), actions: ['record-reconsideration'] });
    const { view, calls } = actionScreen('record-reconsideration', detail, [new Response(null, { status: 204 })]);
    await view.findByTestId('late-warning');
    expect(view.getByTestId('late-warning').textContent).toContain('This request is late: the last day was 3 March 2026.');
    fireEvent.click(view.getByLabelText('New evidence'));
    fireEvent.input(view.getByLabelText('What the request asks, and why'), { target: { value: 'A medical report.' } });
    fireEvent.submit(view.getByRole('button', { name: 'Record request' }).closest('form')!);
    await waitFor(() => expect(summaryLinks(view.container)).toEqual([['#lateReason', 'Give the exceptional reason to accept the request late']]));

    // A date in time needs no reason, and the field goes away.
    fireEvent.input(view.container.querySelector('#requestedOn')!, { target: { value: '2' } });
    expect(view.queryByTestId('late-warning')).toBeNull();
    fireEvent.submit(view.getByRole('button', { name: 'Record request' }).closest('form')!);
    await view.findByText('Reconsideration request recorded');
    expect(sent(calls)).toEqual([{ version: 3, action: { type: 'record-reconsideration', requestedOn: '2026-03-02', grounds: 'new-evidence', detail: 'A medical report.' } }]);
  });
});

describe('the console’s navigation', () => {
  const signedIn = (role: ConsoleUser['role']) => ({
    session: { user: { ...user, role }, idleExpiresAt: '2026-03-12T10:30:00.000Z', expiresAt: '2026-03-12T22:00:00.000Z' },
    serverTime: new Date(`${TODAY}T10:00:00Z`),
  });
  const desk = (role: ConsoleUser['role'], address: string) => {
    history.replaceState(null, '', address);
    const { api } = fakeServer((call) => {
      if (call.url.startsWith('/api/v1/cases')) return json(200, queue([]));
      if (call.url.startsWith('/api/v1/dtn-reports')) return json(200, { rows: [], total: 0, page: 1, pageSize: 25 });
      if (call.url.startsWith('/api/v1/stats')) return json(200, { suppressedBelow: 5, rows: [] });
      return undefined;
    });
    return render(<Desk api={api} signedIn={signedIn(role)} onSignedOut={() => undefined} onSessionEnded={() => undefined} />);
  };
  const links = (view: ReturnType<typeof render>) => [...view.getByRole('navigation', { name: 'Console' }).querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('aria-current')]);

  it('offers each role its own sections, marks the one shown, and lands case readers on the queue', async () => {
    const caseworker = desk('caseworker', '/console/');
    await waitFor(() => expect(location.pathname).toBe('/console/cases'));
    await caseworker.findByRole('heading', { name: 'Cases', level: 1 });
    expect(links(caseworker)).toEqual([
      ['Cases', 'page'],
      ['Your account', null],
    ]);
    expect(caseworker.getByTestId('header-role').textContent).toBe('Caseworker');
    cleanup();

    const reviewer = desk('reviewer', '/console/dtn');
    await reviewer.findByText('There are no Duty to Notify reports.');
    expect(links(reviewer)).toEqual([
      ['Cases', null],
      ['Duty to Notify', 'page'],
      ['Figures', null],
      ['Your account', null],
    ]);
    cleanup();

    const analyst = desk('analyst', '/console/');
    await waitFor(() => expect(location.pathname).toBe('/console/figures'));
    expect(links(analyst).map(([text]) => text)).toEqual(['Duty to Notify', 'Figures', 'Your account']);
  });

  it('refuses a section that is not for the role, and says when an address has no screen', async () => {
    const caseworker = desk('caseworker', '/console/dtn');
    expect(caseworker.getByRole('heading', { name: 'You cannot see this page', level: 1 })).toBeTruthy();
    cleanup();
    const analyst = desk('analyst', `/console/cases/${ID}`);
    expect(analyst.getByRole('heading', { name: 'You cannot see this page', level: 1 })).toBeTruthy();
    cleanup();
    const lost = desk('reviewer', '/console/some/deep/link');
    expect(lost.getByRole('heading', { name: 'Page not found', level: 1 })).toBeTruthy();
  });
});

describe('the console’s addresses', () => {
  it('matches every address the console builds, and no other', () => {
    expect(matchRoute(paths.home)).toEqual({ name: 'home', params: {} });
    expect(matchRoute('/console')).toEqual({ name: 'homeBare', params: {} });
    expect(matchRoute(paths.cases())).toEqual({ name: 'cases', params: {} });
    expect(matchRoute(paths.case(ID))).toEqual({ name: 'case', params: { id: ID } });
    expect(matchRoute(paths.caseAction(OTHER, 'decide-cg'))).toEqual({ name: 'caseAction', params: { id: OTHER, action: 'decide-cg' } });
    expect(matchRoute(paths.dtn(3).split('?')[0]!)).toEqual({ name: 'dtn', params: {} });
    expect(paths.dtn(3)).toBe('/console/dtn?page=3');
    expect(matchRoute(paths.account)).toEqual({ name: 'account', params: {} });
    expect(matchRoute(paths.figures)).toEqual({ name: 'figures', params: {} });
    for (const address of ['/console/cases/', '/console/cases/42', `/console/cases/${ID}/act/merge`, `/console/cases/${ID}/act`, '/console/some/deep/link']) {
      expect(matchRoute(address), address).toBeUndefined();
    }
  });
});
