import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { DateInput, type DateParts } from '../../govuk/DateInput.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { Pagination } from '../../govuk/Pagination.tsx';
import { Select } from '../../govuk/Select.tsx';
import { Table } from '../../govuk/Table.tsx';
import { TextInput } from '../../govuk/TextInput.tsx';
import { auditActionGroups, auditQuerySchema, type AuditEntry, type AuditQuery, type AuditResponse } from '../../shared/admin/audit.ts';
import { filterSearch } from '../../sync/api-admin.ts';
import { dayFromParts } from '../casework/action-forms.ts';
import { Email } from '../casework/CaseQueue.tsx';
import type { ConsoleApi } from '../shell/api.ts';
import { content as shellContent } from '../shell/content.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatWhen } from '../shell/format.ts';
import { failureMessage } from '../shell/messages.ts';
import { ConsoleLink, LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, navigate, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { actionLabel } from './admin-words.ts';
import { adminContent, auditActions } from './content.ts';

const text = adminContent.audit;
const FILTERS = ['person', 'case', 'action', 'from', 'to', 'page'] as const satisfies readonly (keyof AuditQuery)[];

/** The log's filters as the console's address holds them; anything unreadable is left out, not refused. */
export function auditQueryFrom(search: string): AuditQuery {
  const params = new URLSearchParams(search);
  const query: Record<string, unknown> = {};
  for (const name of FILTERS) {
    const raw = params.get(name)?.trim();
    if (!raw) continue;
    const parsed = auditQuerySchema.shape[name].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) query[name] = parsed.data;
  }
  if (typeof query.from === 'string' && typeof query.to === 'string' && query.from > query.to) delete query.to;
  return query as AuditQuery;
}

const auditAddress = (query: AuditQuery) => paths.adminAudit(filterSearch(query));

const partsOf = (day: string | undefined): DateParts => {
  const [year = '', month = '', date = ''] = day?.split('-') ?? [];
  return { day: date.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
};

const ACTION_OPTIONS = [
  { value: '', text: text.filters.anyAction },
  ...(Object.keys(auditActionGroups) as (keyof typeof auditActionGroups)[]).map((group) => ({ value: group, text: text.groups[group] })),
  ...Object.keys(auditActions)
    .map((action) => ({ value: action, text: actionLabel(action) }))
    .sort((a, b) => a.text.localeCompare(b.text, 'en-GB')),
];

type FilterField = 'person' | 'case' | 'action' | 'from' | 'to';

/** GOV.UK's desktop breakpoint, where the filters sit beside the table. */
const WIDE = '(min-width: 48.0625em)';

/**
 * The side panel: the filters go into the address (ids, references, actions and days only), so back and
 * forward work and nothing personal is in it. A person is typed by email and looked up by a POST first.
 */
type FilterErrors = Partial<Record<FilterField, string>>;
const ORDER: FilterField[] = ['person', 'case', 'action', 'from', 'to'];

/** The filters' errors for the page's error summary, in the order of the fields. */
function summaryOf(errors: FilterErrors): SummaryError[] {
  return ORDER.flatMap((field) => (errors[field] ? [{ href: `#filter-${field}`, message: errors[field] }] : []));
}

function AuditFilters({
  api,
  query,
  person,
  errors,
  onErrors,
  onSessionEnded,
}: {
  api: ConsoleApi;
  query: AuditQuery;
  person: string;
  errors: FilterErrors;
  onErrors: (errors: FilterErrors) => void;
  onSessionEnded: () => void;
}) {
  const [email, setEmail] = useState(person);
  const [reference, setReference] = useState(query.case ?? '');
  const [action, setAction] = useState(query.action ?? '');
  const [from, setFrom] = useState<DateParts>(partsOf(query.from));
  const [to, setTo] = useState<DateParts>(partsOf(query.to));
  const [busy, setBusy] = useState(false);
  const fail = onErrors;

  const apply = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const typed = { case: reference.trim() || undefined, action: action || undefined, from: dayFromParts(from) || undefined, to: dayFromParts(to) || undefined };
    const checked = auditQuerySchema.safeParse(typed);
    if (!checked.success) {
      const found: FilterErrors = {};
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0]) as FilterField;
        found[field] ??= field === 'from' || field === 'to' ? (issue.message.includes('after') ? issue.message : text.filters.dayInvalid) : issue.message;
      }
      return fail(found);
    }
    let personId: string | undefined;
    const wanted = email.trim();
    if (wanted && wanted === person && query.person) personId = query.person;
    else if (wanted) {
      setBusy(true);
      const found = await api.admin.find(wanted);
      setBusy(false);
      if (!found.ok) {
        if (found.failure.kind === 'signed-out') return onSessionEnded();
        return fail({ person: found.failure.kind === 'not-found' || found.failure.kind === 'invalid' ? text.filters.personNotFound : failureMessage(found.failure) });
      }
      personId = found.value.id;
    }
    onErrors({});
    navigate(auditAddress({ ...checked.data, person: personId, page: undefined }));
  };

  // Beside the table on a desk, open; folded above it on a phone, so the entries come first (as the queue's).
  const [open] = useState(() => typeof matchMedia !== 'function' || matchMedia(WIDE).matches || Object.keys(errors).length > 0 || Boolean(query.person || query.case || query.action || query.from || query.to));
  return (
    <details class="govuk-details app-filters app-filters--audit" open={open || Object.keys(errors).length > 0}>
      <summary class="govuk-details__summary">
        <h2 class="govuk-details__summary-text app-filters__heading" id="audit-filters-heading">
          {text.filters.heading}
        </h2>
      </summary>
      <form method="get" action={paths.adminAudit()} noValidate onSubmit={(event) => void apply(event)} aria-labelledby="audit-filters-heading">
        <TextInput
          id="filter-person"
          label={text.filters.person}
          hint={text.filters.personHint}
          error={errors.person}
          type="email"
          autocomplete="off"
          spellcheck={false}
          field={{ name: 'person', value: email, onInput: (event) => setEmail((event.currentTarget as HTMLInputElement).value) }}
        />
        <TextInput
          id="filter-case"
          label={text.filters.case}
          hint={text.filters.caseHint}
          error={errors.case}
          spellcheck={false}
          autocomplete="off"
          field={{ name: 'case', value: reference, onInput: (event) => setReference((event.currentTarget as HTMLInputElement).value) }}
        />
        <Select id="filter-action" label={text.filters.action} error={errors.action} options={ACTION_OPTIONS} field={{ name: 'action', value: action, onChange: setAction }} />
        <DateInput id="filter-from" label={text.filters.from} hint={text.filters.dayHint} error={errors.from} value={from} onChange={(part, typed) => setFrom((was) => ({ ...was, [part]: typed }))} />
        <DateInput id="filter-to" label={text.filters.to} hint={text.filters.dayHint} error={errors.to} value={to} onChange={(part, typed) => setTo((was) => ({ ...was, [part]: typed }))} />
        <div class="govuk-button-group">
          <Button type="submit" id="apply-audit-filters" ariaDisabled={busy}>
            {text.filters.apply}
          </Button>
          <ConsoleLink href={paths.adminAudit()}>{text.filters.clear}</ConsoleLink>
        </div>
      </form>
    </details>
  );
}

function Who({ entry }: { entry: AuditEntry }) {
  if (entry.actor.email) return <Email address={entry.actor.email} />;
  if (entry.actor.id === 'unknown-account') return <>{text.unknownAccount}</>;
  return <>{text.operator[entry.actor.id] ?? text.deletedAccount}</>;
}

function About({ entry }: { entry: AuditEntry }) {
  const { kind, label, id } = entry.subject;
  if (kind === 'user' && id === entry.actor.id) return <span class="app-muted">{text.ownAccount}</span>;
  if (kind === 'other') return <span class="app-muted">{id === 'unknown-account' ? text.unknownAccount : id}</span>;
  const named = label ?? id;
  return (
    <>
      <span class="app-muted">{text.subjectKinds[kind]}: </span>
      <span class="app-break">{kind === 'user' ? <Email address={named} /> : named}</span>
    </>
  );
}

function Results({ api, log, query }: { api: ConsoleApi; log: AuditResponse; query: AuditQuery }) {
  const pages = Math.max(1, Math.ceil(log.total / Math.max(1, log.pageSize)));
  const { page: _page, ...filters } = query;
  return (
    <>
      <h2 class="govuk-heading-m" id="audit-count" aria-live="polite">
        {text.count(log.total)}
        {pages > 1 ? <span class="govuk-caption-m">{text.pageOf(log.page, pages)}</span> : null}
      </h2>
      {log.person ? <p class="govuk-body">{text.filters.showingPerson(log.person.email)}</p> : null}
      {log.case ? <p class="govuk-body">{text.filters.showingCase(log.case.reference)}</p> : null}
      {log.total > 0 ? (
        <p class="govuk-body">
          <a class="govuk-link" href={api.admin.auditCsvAddress(filters)} download data-testid="audit-csv">
            {text.download}
          </a>
          <span class="govuk-body-s app-muted govuk-!-display-block">{text.downloadHint}</span>
        </p>
      ) : null}
      {log.entries.length === 0 ? (
        <p class="govuk-body">{text.none}</p>
      ) : (
        <div class="app-table-scroll app-table-scroll--wide app-table--dense" role="region" aria-label={text.scrollLabel} tabIndex={0}>
          <Table
            data-testid="audit-log"
            caption={<span class="govuk-visually-hidden">{text.caption}</span>}
            columns={[text.columns.at, text.columns.actor, text.columns.action, text.columns.subject].map((header) => ({ header }))}
            firstCellIsHeader
            rows={log.entries.map((entry) => ({
              id: String(entry.id),
              cells: [<span class="app-nowrap">{formatWhen(entry.at)}</span>, <Who entry={entry} />, actionLabel(entry.action), <About entry={entry} />],
            }))}
          />
        </div>
      )}
      <Pagination page={log.page} pages={pages} href={(page) => auditAddress({ ...query, page: page > 1 ? page : undefined })} onFollow={followInConsole} text={adminContent.pagination} />
    </>
  );
}

/** The audit log: filtered by person, case, action and days, a page at a time, and downloadable as CSV. */
export function AuditLog({ api, search, onSessionEnded }: { api: ConsoleApi; search: string; onSessionEnded: () => void }) {
  const query = auditQueryFrom(search);
  const key = filterSearch(query).toString();
  const { state, reload } = useLoad(() => api.admin.auditLog(query), key, onSessionEnded);
  const heading = useHeadingFocus();
  const person = state.kind === 'loaded' ? (state.value.person?.email ?? '') : '';
  const [filterErrors, setFilterErrors] = useState<{ errors: FilterErrors; attempt: number }>({ errors: {}, attempt: 0 });
  const summary = summaryOf(filterErrors.errors);
  return (
    <DeskLayout title={`${summary.length ? shellContent.errorPrefix : ''}${text.title}`}>
      <ErrorSummary errors={summary} attempt={filterErrors.attempt} title={shellContent.errorSummaryTitle} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      <p class="govuk-body">{text.lead}</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third-from-desktop">
          <AuditFilters
            key={`${key}|${person}`}
            api={api}
            query={query}
            person={person}
            errors={filterErrors.errors}
            onErrors={(errors) => setFilterErrors((was) => ({ errors, attempt: was.attempt + 1 }))}
            onSessionEnded={onSessionEnded}
          />
        </div>
        <div class="govuk-grid-column-two-thirds-from-desktop">
          {state.kind === 'loading' ? <Loading text={text.loading} /> : null}
          {state.kind === 'failed' ? <LoadFailed failure={state.failure} text={text.failed} retry={adminContent.retry} onRetry={() => void reload()} /> : null}
          {state.kind === 'loaded' ? <Results api={api} log={state.value} query={query} /> : null}
        </div>
      </div>
    </DeskLayout>
  );
}
