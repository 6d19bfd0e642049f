import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { ChoiceGroup } from '../../govuk/Choices.tsx';
import { Pagination } from '../../govuk/Pagination.tsx';
import { Select } from '../../govuk/Select.tsx';
import { Table } from '../../govuk/Table.tsx';
import { Tag } from '../../govuk/Tag.tsx';
import { describedBy, FormGroup } from '../../govuk/field-parts.tsx';
import { dueState } from '../../shared/casework/clock.ts';
import { queueQuerySchema, type QueueQuery, type QueueResponse, type QueueRow } from '../../shared/casework/protocol.ts';
import { isHold, stageLabels, stages } from '../../shared/casework/stages.ts';
import { queueSearch } from '../../sync/api-casework.ts';
import type { ConsoleApi, ConsoleUser } from '../shell/api.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatDay, formatInstantDay } from '../shell/format.ts';
import { ConsoleLink, LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, navigate, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { queueContent as text } from './content.ts';

const FILTERS = ['stage', 'due', 'held', 'path', 'organisation', 'reference', 'sort', 'page'] as const satisfies readonly (keyof QueueQuery)[];

/** The queue's filters as the console's address holds them; anything unreadable is left out, not refused. */
export function queueQueryFrom(search: string): QueueQuery {
  const params = new URLSearchParams(search);
  const query: Record<string, unknown> = {};
  for (const name of FILTERS) {
    const raw = params.get(name)?.trim();
    if (!raw) continue;
    const parsed = queueQuerySchema.shape[name].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) query[name] = parsed.data;
  }
  return query as QueueQuery;
}

/** The console address of the queue with these filters (the server is asked with the same query). */
export function queueAddress(query: QueueQuery): string {
  return paths.cases(queueSearch(query));
}

/** An email address that may wrap after its @ and its dots, never in the middle of a word. */
export function Email({ address }: { address: string }) {
  const parts = address.split(/(?<=[@.])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** "Overdue" and "Due today" as a tag with words, never colour alone; a paused clock is never overdue. */
export function DueCell({ row, today }: { row: Pick<QueueRow, 'dueOn' | 'dueKind' | 'stage'>; today: string }) {
  if (isHold(row.stage)) return <>{text.paused}</>;
  if (!row.dueOn || !row.dueKind) return <>{text.noDue}</>;
  if (row.dueKind === 'cg-not-before') return <>{text.cgNotBefore(formatDay(row.dueOn))}</>;
  const state = dueState(row.dueOn, today);
  return (
    <>
      {state === 'overdue' ? <Tag colour="red">{text.overdue}</Tag> : state === 'due-today' ? <Tag colour="orange">{text.dueToday}</Tag> : null}
      {state === 'upcoming' ? null : <br />}
      {text.rgDue(formatDay(row.dueOn))}
    </>
  );
}

/** GOV.UK's desktop breakpoint, where the filters sit beside the table. */
const WIDE = '(min-width: 48.0625em)';

type FilterValues = Required<Pick<Record<keyof QueueQuery, string>, 'stage' | 'due' | 'held' | 'path' | 'organisation' | 'sort'>>;

/** The side panel: a GET form, so the filters live in the address and back and forward work. */
function QueueFilters({ query, organisations }: { query: QueueQuery; organisations: readonly string[] }) {
  const [values, setValues] = useState<FilterValues>({
    stage: query.stage ?? '',
    due: query.due ?? '',
    held: query.held ?? '',
    path: query.path ?? '',
    organisation: query.organisation ?? '',
    sort: query.sort ?? 'due',
  });
  const set = (name: keyof FilterValues) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const radios = (name: keyof FilterValues, options: Record<string, string>) =>
    Object.entries(options).map(([value, label]) => {
      const chosen = value === 'any' ? '' : value;
      return { value: value, label, field: { name, value: chosen, checked: values[name] === chosen, onChange: () => set(name)(chosen) } };
    });
  const apply = (event: Event) => {
    event.preventDefault();
    const chosen = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')) as QueueQuery;
    navigate(queueAddress(chosen));
  };
  const orgs = query.organisation && !organisations.includes(query.organisation) ? [query.organisation, ...organisations] : organisations;
  // Beside the table on a desk, open; folded above it on a phone, so the cases come first.
  const [open] = useState(() => typeof matchMedia !== 'function' || matchMedia(WIDE).matches);
  return (
    <details class="govuk-details app-filters" open={open}>
      <summary class="govuk-details__summary">
        <h2 class="govuk-details__summary-text app-filters__heading" id="filters-heading">
          {text.filters.heading}
        </h2>
      </summary>
      <form method="get" action={paths.cases()} noValidate onSubmit={apply} aria-labelledby="filters-heading">
        <Select
          id="filter-stage"
          label={text.filters.stage}
          options={[{ value: '', text: text.filters.anyStage }, ...stages.map((stage) => ({ value: stage, text: stageLabels[stage] }))]}
          field={{ name: 'stage', value: values.stage, onChange: set('stage') }}
        />
        <ChoiceGroup id="filter-due" kind="radios" small label={text.filters.due} options={radios('due', text.filters.dueOptions)} />
        <ChoiceGroup id="filter-held" kind="radios" small label={text.filters.held} options={radios('held', text.filters.heldOptions)} />
        <ChoiceGroup id="filter-path" kind="radios" small label={text.filters.path} options={radios('path', text.filters.pathOptions)} />
        <Select
          id="filter-organisation"
          label={text.filters.organisation}
          options={[{ value: '', text: text.filters.anyOrganisation }, ...orgs.map((name) => ({ value: name, text: name }))]}
          field={{ name: 'organisation', value: values.organisation, onChange: set('organisation') }}
        />
        <ChoiceGroup id="filter-sort" kind="radios" small label={text.filters.sort} options={radios('sort', text.filters.sortOptions)} />
        <div class="govuk-button-group">
          <Button type="submit" id="apply-filters">
            {text.filters.apply}
          </Button>
          <ConsoleLink href={paths.cases()}>{text.filters.clear}</ConsoleLink>
        </div>
      </form>
    </details>
  );
}

function ReferenceSearch({ reference }: { reference: string }) {
  const [value, setValue] = useState(reference);
  const search = (event: Event) => {
    event.preventDefault();
    const typed = value.trim();
    navigate(queueAddress(typed ? { reference: typed } : {}));
  };
  return (
    <form method="get" action={paths.cases()} noValidate onSubmit={search} role="search" class="app-search">
      <FormGroup id="reference" label={text.search.label} hint={text.search.hint}>
        <div class="app-search__row">
          <input
            id="reference"
            name="reference"
            class="govuk-input govuk-input--width-10"
            type="text"
            spellcheck={false}
            autocomplete="off"
            aria-describedby={describedBy('reference', text.search.hint)}
            value={value}
            onInput={(event) => setValue((event.currentTarget as HTMLInputElement).value)}
          />
          <Button type="submit" secondary class="app-search__button">
            {text.search.button}
          </Button>
        </div>
      </FormGroup>
    </form>
  );
}

function Empty({ query }: { query: QueueQuery }) {
  if (query.reference) {
    return (
      <>
        <p class="govuk-body govuk-!-font-weight-bold">{text.empty.reference(query.reference)}</p>
        <p class="govuk-body">{text.empty.referenceNext}</p>
      </>
    );
  }
  const filtered = FILTERS.some((name) => name !== 'sort' && name !== 'page' && query[name] !== undefined);
  if (!filtered) return <p class="govuk-body">{text.empty.none}</p>;
  return (
    <>
      <p class="govuk-body govuk-!-font-weight-bold">{text.empty.filtered}</p>
      <p class="govuk-body">
        {text.empty.filteredNext} <ConsoleLink href={paths.cases()}>{text.filters.clear}</ConsoleLink>
      </p>
    </>
  );
}

function Results({ queue, query, user }: { queue: QueueResponse; query: QueueQuery; user: ConsoleUser }) {
  const pages = Math.max(1, Math.ceil(queue.total / Math.max(1, queue.pageSize)));
  const columns = text.columns;
  return (
    <>
      <h2 class="govuk-heading-m" id="results-heading" aria-live="polite">
        {text.count(queue.total)}
        {pages > 1 ? <span class="govuk-caption-m">{text.pageOf(queue.page, pages)}</span> : null}
      </h2>
      {queue.rows.length === 0 ? (
        <Empty query={query} />
      ) : (
        <div class="app-table-scroll app-table-scroll--wide app-table--dense" role="region" aria-label={text.scrollLabel} tabIndex={0}>
          <Table
            data-testid="case-queue"
            caption={<span class="govuk-visually-hidden">{text.caption}</span>}
            columns={[columns.reference, columns.received, columns.path, columns.ageGroup, columns.organisation, columns.stage, columns.heldBy, columns.due].map((header) => ({ header }))}
            firstCellIsHeader
            rows={queue.rows.map((row) => ({
              id: row.id,
              cells: [
                <ConsoleLink href={paths.case(row.id)} class="govuk-link app-nowrap">
                  {row.reference}
                </ConsoleLink>,
                <span class="app-nowrap">{formatInstantDay(row.receivedAt)}</span>,
                text.paths[row.path],
                text.ageGroups[row.ageGroup],
                row.organisation ?? text.notKnown,
                stageLabels[row.stage],
                row.heldBy ? row.heldBy.id === user.id ? text.you : <Email address={row.heldBy.email} /> : text.nobody,
                <DueCell row={row} today={queue.today} />,
              ],
            }))}
          />
        </div>
      )}
      <Pagination
        page={queue.page}
        pages={pages}
        href={(page) => queueAddress({ ...query, page: page > 1 ? page : undefined })}
        onFollow={followInConsole}
        text={text.pagination}
      />
    </>
  );
}

/** Cases: the queue of the decision unit, filtered in a side panel, searched by reference, a page at a time. */
export function CaseQueue({ api, user, search, onSessionEnded }: { api: ConsoleApi; user: ConsoleUser; search: string; onSessionEnded: () => void }) {
  const query = queueQueryFrom(search);
  const key = queueSearch(query).toString();
  const { state, reload } = useLoad(() => api.caseQueue(query), key, onSessionEnded);
  const heading = useHeadingFocus();
  const organisations = state.kind === 'loaded' ? state.value.organisations : [];

  return (
    <DeskLayout title={text.title}>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-quarter-from-desktop app-filters-column">
          <QueueFilters key={`${key}|${organisations.length}`} query={query} organisations={organisations} />
        </div>
        <div class="govuk-grid-column-three-quarters-from-desktop">
          <ReferenceSearch key={query.reference ?? ''} reference={query.reference ?? ''} />
          {query.reference ? (
            <p class="govuk-body">
              {text.search.showing(query.reference)} <ConsoleLink href={paths.cases()}>{text.search.clear}</ConsoleLink>
            </p>
          ) : null}
          {state.kind === 'loading' ? <Loading text={text.loading} /> : null}
          {state.kind === 'failed' ? <LoadFailed failure={state.failure} text={text.failed} retry={text.retry} onRetry={() => void reload()} /> : null}
          {state.kind === 'loaded' ? <Results queue={state.value} query={query} user={user} /> : null}
        </div>
      </div>
    </DeskLayout>
  );
}
