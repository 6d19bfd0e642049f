import { Button } from '../../govuk/Button.tsx';
import { evidenceText } from './content.ts';
import type { PendingFile } from './evidence-choice.ts';
import { formatBytes } from './file-size.ts';

const text = evidenceText;

/** Files chosen but not attached yet; for each photo, the choice of the original or a smaller copy with its size. */
export function PendingList({ pending, busy, onChange, onAttach }: { pending: PendingFile[]; busy: boolean; onChange: (next: PendingFile[]) => void; onAttach: () => void }) {
  const set = (key: string, useSmaller: boolean) => onChange(pending.map((item) => (item.key === key ? { ...item, useSmaller } : item)));
  const photos = pending.some((item) => item.smaller);
  return (
    <div class="govuk-inset-text" data-testid="evidence-pending">
      <h2 class="govuk-heading-s">{text.pendingTitle}</h2>
      {photos ? <p class="govuk-body-s">{text.pendingLead}</p> : null}
      {pending.map((item, i) => (
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-4" key={item.key}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s govuk-!-text-break-word">
            {item.file.name} ({formatBytes(item.file.size)})
          </legend>
          {item.smaller ? (
            <div class="govuk-radios govuk-radios--small">
              <div class="govuk-radios__item">
                <input class="govuk-radios__input" id={`pending-${i}-small`} type="radio" name={`pending-${i}`} checked={item.useSmaller} onChange={() => set(item.key, true)} />
                <label class="govuk-label govuk-radios__label" for={`pending-${i}-small`}>
                  {text.makeSmaller(formatBytes(item.file.size), formatBytes(item.smaller.size))}
                </label>
              </div>
              <div class="govuk-radios__item">
                <input class="govuk-radios__input" id={`pending-${i}-original`} type="radio" name={`pending-${i}`} checked={!item.useSmaller} onChange={() => set(item.key, false)} />
                <label class="govuk-label govuk-radios__label" for={`pending-${i}-original`}>
                  {text.keepOriginal(formatBytes(item.file.size))}
                </label>
              </div>
            </div>
          ) : null}
        </fieldset>
      ))}
      <div class="govuk-button-group">
        <Button onClick={onAttach}>{busy ? text.adding(pending.length) : `${text.attachPending} ${text.count(pending.length)}`}</Button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onChange([])} disabled={busy}>
          {text.cancelPending}
        </button>
      </div>
    </div>
  );
}
