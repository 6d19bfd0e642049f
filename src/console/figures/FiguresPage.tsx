import type { ConsoleApi } from '../shell/api.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { figuresContent as text } from './content.ts';
import { ReferralFigures } from './ReferralFigures.tsx';

/** The figures an analyst or reviewer may see: aggregates only, small numbers suppressed on the server. */
export function FiguresPage({ api, onSessionEnded }: { api: ConsoleApi; onSessionEnded: () => void }) {
  const heading = useHeadingFocus();
  return (
    <DeskLayout title={text.title}>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      <ReferralFigures api={api} onSessionEnded={onSessionEnded} />
    </DeskLayout>
  );
}
