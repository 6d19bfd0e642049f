import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { BackLink } from '../shell/BackLink.tsx';
import { Link } from '../shell/Link.tsx';
import { encounterContent as text } from './content.ts';

/** A GOV.UK confirmation: what will happen, in words, then the action or a way back. */
export function Confirm({ title, back, confirm, warning, onConfirm, children }: { title: string; back: string; confirm: string; warning?: boolean; onConfirm: () => Promise<void>; children: ComponentChildren }) {
  const [busy, setBusy] = useState(false);
  return (
    <>
      <BackLink href={back} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{title}</h1>
          {children}
          <div class="govuk-button-group">
            <button
              type="button"
              class={`govuk-button${warning ? ' govuk-button--warning' : ''}`}
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onConfirm().finally(() => setBusy(false));
              }}
            >
              {confirm}
            </button>
            <Link href={back}>{text.cancel}</Link>
          </div>
        </div>
      </div>
    </>
  );
}
