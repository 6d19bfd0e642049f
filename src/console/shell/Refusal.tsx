import { content } from './content.ts';
import { useHeadingFocus } from './desk-frame.ts';
import { DeskLayout } from './DeskLayout.tsx';
import { followInConsole } from './routes.ts';

/** An address with no screen, or a screen not for this role: say so, and offer the way back to the start. */
export function Refusal({ kind, home }: { kind: 'not-found' | 'forbidden'; home: string }) {
  const text = kind === 'not-found' ? content.notFound : content.forbidden;
  const heading = useHeadingFocus();
  return (
    <DeskLayout title={text.title}>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      <p class="govuk-body">{text.body}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={home} onClick={followInConsole(home)}>
          {text.home}
        </a>
      </p>
    </DeskLayout>
  );
}
