import { useEffect, useRef, useState } from 'preact/hooks';
import { BackLink } from '../../govuk/BackLink.tsx';
import { Button } from '../../govuk/Button.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';
import { Select } from '../../govuk/Select.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { Tag } from '../../govuk/Tag.tsx';
import type { Role } from '../../shared/accounts.ts';
import type { AdminDevice, CodeResponse, UserDetail } from '../../shared/admin/protocol.ts';
import type { ConsoleApi, ConsoleUser, Result } from '../shell/api.ts';
import { content as shellContent } from '../shell/content.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { formatWhen } from '../shell/format.ts';
import { failureMessage } from '../shell/messages.ts';
import { ConsoleLink, LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, paths } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { Email } from '../casework/CaseQueue.tsx';
import { deviceColours, deviceState, roleName, roleOptions, statusColours } from './admin-words.ts';
import { adminContent } from './content.ts';
import { OneTimeCode } from './OneTimeCode.tsx';

const text = adminContent.user;
const deviceText = adminContent.devices;

type Confirming = { kind: 'disable' } | { kind: 'reset' } | { kind: 'revoke'; device: AdminDevice };

/** "Are you sure?" for what cannot be taken back: a warning button, and a way out. Takes focus when shown. */
function Confirm({ title, body, button, busy, onConfirm, onCancel }: { title: string; body: string; button: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="app-confirm" role="region" aria-labelledby="confirm-heading" data-testid="confirm">
      <h2 class="govuk-heading-m" id="confirm-heading" tabIndex={-1} ref={ref}>
        {title}
      </h2>
      <p class="govuk-body">{body}</p>
      <div class="govuk-button-group">
        <Button warning ariaDisabled={busy} onClick={onConfirm} id="confirm-button">
          {busy ? text.busy : button}
        </Button>
        <Button secondary onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </div>
  );
}

/**
 * Each device as a GOV.UK summary card, its name the title and Revoke its action: readable at any width,
 * so a lost phone can be revoked from a phone without scrolling a table sideways.
 */
function Devices({ devices, onRevoke }: { devices: readonly AdminDevice[]; onRevoke: (device: AdminDevice) => void }) {
  if (devices.length === 0) return <p class="govuk-body">{deviceText.none}</p>;
  const columns = deviceText.columns;
  return (
    <div data-testid="devices">
      {devices.map((device) => {
        const state = deviceState(device);
        return (
          <div class="govuk-summary-card" key={device.id} data-testid="device">
            <div class="govuk-summary-card__title-wrapper">
              <h3 class="govuk-summary-card__title app-break">{device.label}</h3>
              {state === 'revoked' ? null : (
                <ul class="govuk-summary-card__actions">
                  <li class="govuk-summary-card__action">
                    {/* A card's action, as GOV.UK draws them; a button, since it starts a change ("are you sure?" first). */}
                    <button type="button" class="govuk-link app-link-button" onClick={() => onRevoke(device)}>
                      {deviceText.revoke}
                      <span class="govuk-visually-hidden">{deviceText.revokeHidden(device.label)}</span>
                    </button>
                  </li>
                </ul>
              )}
            </div>
            <div class="govuk-summary-card__content">
              <SummaryList
                rows={[
                  {
                    key: columns.state,
                    value: (
                      <>
                        <Tag colour={deviceColours[state]}>{deviceText.states[state]}</Tag>
                        {state === 'held' ? <p class="govuk-body-s app-muted govuk-!-margin-top-1 govuk-!-margin-bottom-0">{deviceText.heldHint}</p> : null}
                      </>
                    ),
                  },
                  { key: columns.lastContact, value: device.lastSeenAt ? formatWhen(device.lastSeenAt) : adminContent.never },
                  { key: columns.enrolled, value: formatWhen(device.enrolledAt) },
                  ...(device.revokedAt ? [{ key: deviceText.revokedAt, value: formatWhen(device.revokedAt) }] : []),
                ]}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** One person: who they are, their devices, and what an administrator may do (never to their own account). */
function UserPage({ api, me, detail, reload, onSessionEnded }: { api: ConsoleApi; me: ConsoleUser; detail: UserDetail; reload: () => void; onSessionEnded: () => void }) {
  const { user, devices } = detail;
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState<Confirming>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ message: string; count: number }>();
  const [error, setError] = useState<{ message: string; count: number }>();
  const [code, setCode] = useState<CodeResponse>();
  const heading = useHeadingFocus();
  const own = user.id === me.id;

  const run = async <T,>(call: Promise<Result<T>>, message: (value: T) => string): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    setError(undefined);
    const result = await call;
    setBusy(false);
    setConfirming(undefined);
    if (!result.ok) {
      if (result.failure.kind === 'signed-out') onSessionEnded();
      else setError((was) => ({ message: text.actionFailed(failureMessage(result.failure)), count: (was?.count ?? 0) + 1 }));
      return undefined;
    }
    setDone((was) => ({ message: message(result.value), count: (was?.count ?? 0) + 1 }));
    reload();
    return result.value;
  };

  // Asking "are you sure?" about one thing puts away what was said about the last.
  const ask = (what: Confirming) => {
    setDone(undefined);
    setConfirming(what);
  };

  if (code) return <OneTimeCode answer={code} kind="reset" onShowPerson={() => setCode(undefined)} />;

  const changeRole = (event: Event) => {
    event.preventDefault();
    void run(api.admin.changeRole(user.id, role), (changed) => text.roleChanged(roleName(changed.role)));
  };
  const confirmBox = (kind: Confirming['kind']) => {
    if (confirming?.kind !== kind) return null;
    const cancel = () => setConfirming(undefined);
    if (confirming.kind === 'disable') {
      return <Confirm title={text.disableConfirmTitle} body={text.disableConfirmBody} button={text.disableConfirm} busy={busy} onCancel={cancel} onConfirm={() => void run(api.admin.setDisabled(user.id, true), () => text.disabled)} />;
    }
    if (confirming.kind === 'reset') {
      const reset = async () => {
        const answer = await run(api.admin.resetPassword(user.id), () => text.resetDone);
        if (answer) setCode(answer);
      };
      return <Confirm title={text.resetConfirmTitle} body={text.resetBody} button={text.resetConfirm} busy={busy} onCancel={cancel} onConfirm={() => void reset()} />;
    }
    const { device } = confirming;
    return (
      <Confirm
        title={deviceText.revokeConfirmTitle(device.label)}
        body={deviceText.revokeConfirmBody}
        button={deviceText.revokeConfirm}
        busy={busy}
        onCancel={cancel}
        onConfirm={() => void run(api.admin.revokeDevice(device.id), () => deviceText.revoked(device.label))}
      />
    );
  };

  return (
    <DeskLayout title={`${error ? shellContent.errorPrefix : ''}${user.email}`}>
      <BackLink href={paths.adminUsers()} text={text.back} onClick={followInConsole(paths.adminUsers())} />
      <ErrorSummary errors={error ? [{ href: '#details', message: error.message }] : []} attempt={error?.count} title={shellContent.errorSummaryTitle} />
      {done && !error ? (
        <NotificationBanner key={done.count} type="success" titleId="done-title" heading={done.message} focusOnShow />
      ) : null}
      <span class="govuk-caption-l">{text.caption}</span>
      <h1 class="govuk-heading-l app-break" tabIndex={-1} ref={heading}>
        <Email address={user.email} />
      </h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds-from-desktop">
          <h2 class="govuk-heading-m" id="details" tabIndex={-1}>
            {text.details}
          </h2>
          <SummaryList
            data-testid="user-details"
            rows={[
              { key: text.email, value: <Email address={user.email} /> },
              { key: text.role, value: roleName(user.role) },
              { key: text.organisation, value: user.organisation.name },
              {
                key: text.status,
                value: (
                  <>
                    <Tag colour={statusColours[user.status]}>{adminContent.statuses[user.status]}</Tag>
                    <p class="govuk-body-s app-muted govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {adminContent.statusHints[user.status]}
                      {user.disabledAt ? ` (${formatWhen(user.disabledAt)})` : ''}
                    </p>
                  </>
                ),
              },
              { key: text.created, value: formatWhen(user.createdAt) },
            ]}
          />
          <p class="govuk-body">
            <ConsoleLink href={paths.adminAudit(new URLSearchParams({ person: user.id }))}>{text.auditLink}</ConsoleLink>
          </p>
        </div>
      </div>

      {/* A lost phone is the most urgent reason to be here: its devices come before the account's settings. */}
      <h2 class="govuk-heading-m" id="devices-heading">
        {deviceText.heading}
      </h2>
      <Devices devices={devices} onRevoke={(device) => ask({ kind: 'revoke', device })} />
      {confirmBox('revoke')}

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds-from-desktop">
          {own ? (
            <p class="govuk-inset-text">{text.ownAccount}</p>
          ) : (
            <>
              <h2 class="govuk-heading-m">{text.roleHeading}</h2>
              <form method="post" noValidate onSubmit={changeRole} aria-label={text.roleHeading}>
                <Select id="role" label={text.roleLabel} hint={text.roleHint} options={roleOptions} field={{ name: 'role', value: role, onChange: (value) => setRole(value as Role) }} />
                <Button type="submit" secondary ariaDisabled={busy || role === user.role} id="change-role">
                  {text.roleButton}
                </Button>
              </form>

              <h2 class="govuk-heading-m">{text.accessHeading}</h2>
              {user.status === 'disabled' ? (
                <>
                  <p class="govuk-body">{text.enableBody}</p>
                  <Button secondary ariaDisabled={busy} id="enable" onClick={() => void run(api.admin.setDisabled(user.id, false), () => text.enabled)}>
                    {text.enable}
                  </Button>
                </>
              ) : (
                (confirmBox('disable') ?? (
                  <>
                    <p class="govuk-body">{text.disableBody}</p>
                    <Button warning id="disable" onClick={() => ask({ kind: 'disable' })}>
                      {text.disable}
                    </Button>
                  </>
                ))
              )}

              <h2 class="govuk-heading-m">{text.resetHeading}</h2>
              {confirmBox('reset') ?? (
                <>
                  <p class="govuk-body">{text.resetBody}</p>
                  <Button secondary id="reset" onClick={() => ask({ kind: 'reset' })}>
                    {text.reset}
                  </Button>
                </>
              )}
            </>
          )}
        </div>
      </div>
    </DeskLayout>
  );
}

/** A person's page, from its address; loaded afresh after every change made on it. */
export function AdminUser({ api, user, id, onSessionEnded }: { api: ConsoleApi; user: ConsoleUser; id: string; onSessionEnded: () => void }) {
  const { state, reload } = useLoad(() => api.admin.user(id), id, onSessionEnded);
  const heading = useHeadingFocus();
  if (state.kind === 'loaded') return <UserPage api={api} me={user} detail={state.value} reload={() => void reload(true)} onSessionEnded={onSessionEnded} />;
  return (
    <DeskLayout title={text.caption}>
      <BackLink href={paths.adminUsers()} text={text.back} onClick={followInConsole(paths.adminUsers())} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.caption}
      </h1>
      {state.kind === 'loading' ? <Loading text={text.loading} /> : <LoadFailed failure={state.failure} text={text.failed} retry={adminContent.retry} onRetry={() => void reload()} />}
    </DeskLayout>
  );
}
