import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Pagination } from '../../govuk/Pagination.tsx';
import { Select } from '../../govuk/Select.tsx';
import { Table } from '../../govuk/Table.tsx';
import { Tag } from '../../govuk/Tag.tsx';
import { TextInput } from '../../govuk/TextInput.tsx';
import { findUserRequestSchema, userStatuses, usersQuerySchema, type UsersQuery, type UsersResponse } from '../../shared/admin/protocol.ts';
import { filterSearch } from '../../sync/api-admin.ts';
import type { ConsoleApi } from '../shell/api.ts';
import { content as shellContent } from '../shell/content.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatWhen } from '../shell/format.ts';
import { failureMessage } from '../shell/messages.ts';
import { ButtonLink, ConsoleLink, LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, navigate, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { Email } from '../casework/CaseQueue.tsx';
import { roleName, statusColours } from './admin-words.ts';
import { adminContent } from './content.ts';

const text = adminContent.users;

/** The list's filters as the console's address holds them; anything unreadable is left out. */
export function usersQueryFrom(search: string): UsersQuery {
  const params = new URLSearchParams(search);
  const query: Record<string, unknown> = {};
  for (const name of ['organisation', 'status', 'page'] as const) {
    const raw = params.get(name)?.trim();
    if (!raw) continue;
    const parsed = usersQuerySchema.shape[name].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) query[name] = parsed.data;
  }
  return query as UsersQuery;
}

const usersAddress = (query: UsersQuery) => paths.adminUsers(filterSearch(query));

/**
 * A person is found by their email address with a POST (the address never goes in a URL, so never in
 * a log), then opened by id. A failure is said beside the box and in the page's error summary.
 */
function FindPerson({ api, error, onError, onSessionEnded }: { api: ConsoleApi; error: string; onError: (message: string) => void; onSessionEnded: () => void }) {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const find = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = findUserRequestSchema.safeParse({ email: email.trim() });
    if (!checked.success) return onError(checked.error.issues[0]?.message ?? text.find.notFound);
    setBusy(true);
    const result = await api.admin.find(checked.data.email);
    setBusy(false);
    if (result.ok) return navigate(paths.adminUser(result.value.id));
    if (result.failure.kind === 'signed-out') return onSessionEnded();
    onError(result.failure.kind === 'not-found' ? text.find.notFound : failureMessage(result.failure));
  };
  return (
    <form method="post" noValidate onSubmit={(event) => void find(event)} role="search" aria-labelledby="find-heading">
      <h2 class="govuk-heading-m" id="find-heading">
        {text.find.heading}
      </h2>
      <TextInput
        id="find-email"
        label={text.find.label}
        hint={text.find.hint}
        error={error || undefined}
        type="email"
        autocomplete="off"
        spellcheck={false}
        field={{ name: 'email', value: email, onInput: (event) => setEmail((event.currentTarget as HTMLInputElement).value) }}
      />
      <Button type="submit" secondary ariaDisabled={busy} id="find-person">
        {text.find.button}
      </Button>
    </form>
  );
}

/** Organisation and status, as a GET form: the filters live in the address, so back and forward work. */
function UserFilters({ query, organisations }: { query: UsersQuery; organisations: UsersResponse['organisations'] }) {
  const [organisation, setOrganisation] = useState(query.organisation ?? '');
  const [status, setStatus] = useState<string>(query.status ?? '');
  const apply = (event: Event) => {
    event.preventDefault();
    navigate(usersAddress(usersQueryFrom(filterSearch({ organisation, status }).toString())));
  };
  return (
    <form method="get" action={paths.adminUsers()} noValidate onSubmit={apply} aria-labelledby="user-filters-heading" class="app-admin-filters">
      <h2 class="govuk-heading-m" id="user-filters-heading">
        {text.filters.heading}
      </h2>
      <div class="app-admin-filters__row">
        <Select
          id="filter-organisation"
          label={text.filters.organisation}
          options={[{ value: '', text: text.filters.anyOrganisation }, ...organisations.map((each) => ({ value: each.id, text: each.name }))]}
          field={{ name: 'organisation', value: organisation, onChange: setOrganisation }}
        />
        <Select
          id="filter-status"
          label={text.filters.status}
          options={[{ value: '', text: text.filters.anyStatus }, ...userStatuses.map((each) => ({ value: each, text: adminContent.statuses[each] }))]}
          field={{ name: 'status', value: status, onChange: setStatus }}
        />
      </div>
      <div class="govuk-button-group">
        <Button type="submit" secondary id="apply-user-filters">
          {text.filters.apply}
        </Button>
        <ConsoleLink href={paths.adminUsers()}>{text.filters.clear}</ConsoleLink>
      </div>
    </form>
  );
}

function Results({ list, query }: { list: UsersResponse; query: UsersQuery }) {
  const pages = Math.max(1, Math.ceil(list.total / Math.max(1, list.pageSize)));
  const columns = text.columns;
  return (
    <>
      <h2 class="govuk-heading-m" id="users-count" aria-live="polite">
        {text.count(list.total)}
        {pages > 1 ? <span class="govuk-caption-m">{text.pageOf(list.page, pages)}</span> : null}
      </h2>
      {list.users.length === 0 ? (
        <p class="govuk-body">{text.none}</p>
      ) : (
        <div class="app-table-scroll app-table-scroll--wide app-table--dense" role="region" aria-label={text.scrollLabel} tabIndex={0}>
          <Table
            data-testid="users"
            caption={<span class="govuk-visually-hidden">{text.caption}</span>}
            columns={[columns.email, columns.role, columns.organisation, columns.status, columns.devices, columns.lastContact].map((header, index) => ({ header, numeric: index === 4 }))}
            firstCellIsHeader
            rows={list.users.map((user) => ({
              id: user.id,
              cells: [
                <ConsoleLink href={paths.adminUser(user.id)}>
                  <Email address={user.email} />
                </ConsoleLink>,
                roleName(user.role),
                user.organisation.name,
                <Tag colour={statusColours[user.status]}>{adminContent.statuses[user.status]}</Tag>,
                String(user.devices),
                <span class="app-nowrap">{user.lastContactAt ? formatWhen(user.lastContactAt) : adminContent.never}</span>,
              ],
            }))}
          />
        </div>
      )}
      <Pagination page={list.page} pages={pages} href={(page) => usersAddress({ ...query, page: page > 1 ? page : undefined })} onFollow={followInConsole} text={adminContent.pagination} />
    </>
  );
}

/** Users: everyone who can sign in, filtered, a page at a time; find one by email; invite another. */
export function AdminUsers({ api, search, onSessionEnded }: { api: ConsoleApi; search: string; onSessionEnded: () => void }) {
  const query = usersQueryFrom(search);
  const key = filterSearch(query).toString();
  const { state, reload } = useLoad(() => api.admin.users(query), key, onSessionEnded);
  const heading = useHeadingFocus();
  const [findError, setFindError] = useState('');
  const [attempt, setAttempt] = useState(0);
  const onFindError = (message: string) => {
    setFindError(message);
    setAttempt((n) => n + 1);
  };
  return (
    <DeskLayout title={`${findError ? shellContent.errorPrefix : ''}${text.title}`}>
      <ErrorSummary errors={findError ? [{ href: '#find-email', message: findError }] : []} attempt={attempt} title={shellContent.errorSummaryTitle} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      <p class="govuk-body">{text.lead}</p>
      <ButtonLink href={paths.adminInvite}>{text.invite}</ButtonLink>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half-from-desktop">
          <FindPerson api={api} error={findError} onError={onFindError} onSessionEnded={onSessionEnded} />
        </div>
        <div class="govuk-grid-column-one-half-from-desktop">
          <UserFilters key={`${key}|${state.kind === 'loaded' ? state.value.organisations.length : 0}`} query={query} organisations={state.kind === 'loaded' ? state.value.organisations : []} />
        </div>
      </div>
      {state.kind === 'loading' ? <Loading text={text.loading} /> : null}
      {state.kind === 'failed' ? <LoadFailed failure={state.failure} text={text.failed} retry={adminContent.retry} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' ? <Results list={state.value} query={query} /> : null}
    </DeskLayout>
  );
}
