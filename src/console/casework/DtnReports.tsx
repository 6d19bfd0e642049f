import { Pagination } from '../../govuk/Pagination.tsx';
import { Table } from '../../govuk/Table.tsx';
import type { ConsoleApi } from '../shell/api.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatInstantDay } from '../shell/format.ts';
import { LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { dtnContent as text } from './content.ts';

/** Duty to Notify reports: a list, a page at a time, and nothing to decide (they have no decision path). */
export function DtnReports({ api, page, onSessionEnded }: { api: ConsoleApi; page: number; onSessionEnded: () => void }) {
  const wanted = Number.isInteger(page) && page >= 1 ? page : 1;
  const { state, reload } = useLoad(() => api.dtnReports(wanted), String(wanted), onSessionEnded);
  const heading = useHeadingFocus();
  return (
    <DeskLayout title={text.title}>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      <p class="govuk-body">{text.lead}</p>
      {state.kind === 'loading' ? <Loading text={text.loading} /> : null}
      {state.kind === 'failed' ? <LoadFailed failure={state.failure} text={text.failed} retry={text.retry} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' ? (
        state.value.rows.length === 0 ? (
          <p class="govuk-body">{text.none}</p>
        ) : (
          <>
            <h2 class="govuk-heading-m">{text.count(state.value.total)}</h2>
            <div class="app-table-scroll" role="region" aria-label={text.caption} tabIndex={0}>
              <Table
                data-testid="dtn-reports"
                caption={<span class="govuk-visually-hidden">{text.caption}</span>}
                columns={[{ header: text.columns.reference }, { header: text.columns.received }, { header: text.columns.policeForceArea }, { header: text.columns.nation }]}
                firstCellIsHeader
                rows={state.value.rows.map((row) => ({
                  id: row.id,
                  cells: [<span class="app-nowrap">{row.reference}</span>, <span class="app-nowrap">{formatInstantDay(row.receivedAt)}</span>, row.policeForceArea ?? text.notKnown, row.nation ? (text.nations[row.nation] ?? row.nation) : text.notKnown],
                }))}
              />
            </div>
            <Pagination
              page={state.value.page}
              pages={Math.max(1, Math.ceil(state.value.total / Math.max(1, state.value.pageSize)))}
              href={(n) => paths.dtn(n)}
              onFollow={followInConsole}
              text={text.pagination}
            />
          </>
        )
      ) : null}
    </DeskLayout>
  );
}
