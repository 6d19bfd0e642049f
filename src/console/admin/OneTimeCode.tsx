import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { Panel } from '../../govuk/Panel.tsx';
import type { CodeResponse } from '../../shared/admin/protocol.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatWhen } from '../shell/format.ts';
import { ConsoleLink } from '../shell/parts.tsx';
import { followInConsole, paths } from '../shell/routes.ts';
import { adminContent } from './content.ts';

const text = adminContent.code;

/**
 * A one-time code as GOV.UK confirms a finished task: a green panel, then the code once, with how to
 * pass it on. It lives only in this screen's memory: leave the screen and it is gone (the server keeps
 * only its hash), so the person's password can only ever be set by whoever is given it.
 */
export function OneTimeCode({ answer, kind, onShowPerson }: { answer: CodeResponse; kind: 'invited' | 'reset'; onShowPerson?: () => void }) {
  const [copied, setCopied] = useState(false);
  const title = kind === 'invited' ? text.invitedTitle : text.resetTitle;
  // Only where the browser offers it (a secure context); the code can always be selected and copied by hand.
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  const copy = async () => {
    await clipboard?.writeText(answer.code.token);
    setCopied(true);
  };
  return (
    <DeskLayout title={title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds-from-desktop">
          <Panel title={title}>{text.forWhom(answer.user.email)}</Panel>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Warning: </span>
              {text.warning}
            </strong>
          </div>
          <h2 class="govuk-heading-m" id="code-label">
            {text.codeLabel}
          </h2>
          <p class="app-one-time-code" data-testid="one-time-code">
            {answer.code.token}
          </p>
          {clipboard ? (
            <p class="govuk-body">
              <Button secondary onClick={() => void copy()}>
                {copied ? text.copied : text.copy}
              </Button>
              <span class="govuk-visually-hidden" role="status">
                {copied ? text.copied : ''}
              </span>
            </p>
          ) : null}
          <p class="govuk-body">{text.how(`${location.origin}${paths.setPassword}`, formatWhen(answer.code.expiresAt))}</p>
          <p class="govuk-body">{text.lost}</p>
          <p class="govuk-body">
            {/* From the person's own page (a reset), the link is that page again: it only has to put the code away. */}
            <a
              class="govuk-link"
              href={paths.adminUser(answer.user.id)}
              onClick={(event) => {
                if (onShowPerson) {
                  event.preventDefault();
                  onShowPerson();
                } else followInConsole(paths.adminUser(answer.user.id))(event);
              }}
            >
              {text.toPerson}
            </a>
          </p>
          <p class="govuk-body">
            <ConsoleLink href={paths.adminUsers()}>{text.toUsers}</ConsoleLink>
          </p>
        </div>
      </div>
    </DeskLayout>
  );
}
