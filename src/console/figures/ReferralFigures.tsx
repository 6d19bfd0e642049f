import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReferralsByPathResponse } from '../../shared/accounts.ts';
import { Button } from '../../govuk/Button.tsx';
import { Table } from '../../govuk/Table.tsx';
import type { ConsoleApi } from '../shell/api.ts';
import type { Failure } from '../shell/failures.ts';
import { formatCount } from '../shell/format.ts';
import { failureMessage } from '../shell/messages.ts';
import { figuresContent as text } from './content.ts';

type State = { kind: 'loading' } | { kind: 'loaded'; figures: ReferralsByPathResponse } | { kind: 'failed'; failure: Failure };

/** The analyst's aggregate: referrals per path, small numbers suppressed by the server itself. */
export function ReferralFigures({ api, onSessionEnded }: { api: ConsoleApi; onSessionEnded: () => void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await api.referralsByPath();
    if (result.ok) return setState({ kind: 'loaded', figures: result.value });
    if (result.failure.kind === 'signed-out') return onSessionEnded();
    setState({ kind: 'failed', failure: result.failure });
  }, [api, onSessionEnded]);
  useEffect(() => void load(), [load]);

  if (state.kind === 'loading') {
    return (
      <p class="govuk-body" role="status">
        {text.loading}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div role="alert">
        <p class="govuk-body">{text.failed(failureMessage(state.failure))}</p>
        <Button secondary onClick={() => void load()}>
          {text.retry}
        </Button>
      </div>
    );
  }
  return (
    <>
      <Table
        data-testid="referrals-by-path"
        caption={text.caption}
        captionSize="m"
        columns={[{ header: text.path }, { header: text.count, numeric: true }]}
        firstCellIsHeader
        rows={state.figures.rows.map((row) => ({ id: row.path, cells: [text.paths[row.path] ?? row.path, row.count === null ? text.suppressed : formatCount(row.count)] }))}
      />
      <p class="govuk-body-s">{text.note}</p>
    </>
  );
}
