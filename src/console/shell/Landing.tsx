import { SummaryList } from '../../govuk/SummaryList.tsx';
import type { SignedIn } from './api.ts';
import { content } from './content.ts';
import { useHeadingFocus } from './desk-frame.ts';
import { DeskLayout } from './DeskLayout.tsx';
import { formatDateTime } from './format.ts';

const text = content.landing;

/** Who is signed in, and what their role may do here (Sign out is in the header of every screen). */
export function Landing({ signedIn }: { signedIn: SignedIn }) {
  const { user, idleExpiresAt, expiresAt } = signedIn.session;
  const role = content.roles[user.role];
  const heading = useHeadingFocus();

  return (
    <DeskLayout title={text.title}>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading} id="landing-heading">
        {text.title}
      </h1>
      <SummaryList
        data-testid="signed-in-as"
        rows={[
          { key: text.email, value: user.email },
          { key: text.role, value: role.name },
          { key: text.organisation, value: user.organisation.name },
          { key: text.sessionEnds, value: text.sessionEndsValue(formatDateTime(idleExpiresAt), formatDateTime(expiresAt)) },
        ]}
      />
      <h2 class="govuk-heading-m">{text.canDo}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {role.can.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {role.next ? <p class="govuk-inset-text">{role.next}</p> : null}
      {user.role === 'responder' ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/">
            {content.fieldAppLink}
          </a>
        </p>
      ) : null}
    </DeskLayout>
  );
}
