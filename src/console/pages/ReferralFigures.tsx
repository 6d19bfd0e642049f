import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReferralsByPathResponse } from '../../shared/accounts.ts';
import type { ConsoleApi } from '../api.ts';
import { content } from '../content.ts';
import type { Failure } from '../failures.ts';
import { formatCount } from '../format.ts';
import { failureMessage } from '../messages.ts';

const text = content.figures;

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
        <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => void load()}>
          {text.retry}
        </button>
      </div>
    );
  }
  return (
    <>
      <table class="govuk-table" data-testid="referrals-by-path">
        <caption class="govuk-table__caption govuk-table__caption--m">{text.caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {text.path}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {text.count}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {state.figures.rows.map((row) => (
            <tr class="govuk-table__row" key={row.path}>
              <th scope="row" class="govuk-table__header">
                {text.paths[row.path] ?? row.path}
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric">{row.count === null ? text.suppressed : formatCount(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="govuk-body-s">{text.note}</p>
    </>
  );
}
