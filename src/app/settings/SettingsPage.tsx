import { useEffect, useState } from 'preact/hooks';
import { WrongPassphraseError } from '../../store/vault.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Link } from '../shell/Link.tsx';
import { DeviceEnrolment } from './DeviceEnrolment.tsx';
import { FirstRunEnrolment } from './FirstRunEnrolment.tsx';
import { PasskeySetting } from './PasskeySetting.tsx';
import { ProfileSetting } from './ProfileSetting.tsx';
import { MIN_PASSPHRASE_LENGTH } from '../vault/passphrase-strength.ts';
import { paths } from '../shell/routes.ts';
import { useServices } from '../shell/services.ts';
import { setupContent } from '../vault/setup-content.ts';
import { content } from '../shell/content.ts';
import { settingsContent } from './content.ts';

const text = settingsContent.settings;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

function ChangePassphrase() {
  const { vault } = useServices();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(false);
    if (next.length < MIN_PASSPHRASE_LENGTH) return setError(setupContent.tooShort(MIN_PASSPHRASE_LENGTH));
    try {
      await vault.changePassphrase(current, next);
      setError('');
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (failure) {
      if (!(failure instanceof WrongPassphraseError)) throw failure;
      setError(text.wrongCurrent);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h2 class="govuk-heading-m">{text.changeHeading}</h2>
      <ErrorSummary errors={error ? [{ href: '#current-passphrase', message: error }] : []} />
      {done ? <p class="govuk-body govuk-!-font-weight-bold" role="status">{text.changed}</p> : null}
      <div class="govuk-form-group">
        <label class="govuk-label" for="current-passphrase">
          {text.current}
        </label>
        <input id="current-passphrase" class="govuk-input govuk-!-width-two-thirds" type="password" autocomplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="new-passphrase">
          {text.next}
        </label>
        <div id="new-passphrase-hint" class="govuk-hint">
          {setupContent.passphraseHint(MIN_PASSPHRASE_LENGTH)}
        </div>
        <input id="new-passphrase" class="govuk-input govuk-!-width-two-thirds" type="password" autocomplete="new-password" aria-describedby="new-passphrase-hint" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary">
        {text.changeAction}
      </button>
    </form>
  );
}

function LockTimes() {
  const { settings } = useServices();
  const [idle, setIdle] = useState('');
  const [background, setBackground] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void settings.autoLockMinutes().then((n) => setIdle(String(n)));
    void settings.backgroundLockMinutes().then((n) => setBackground(String(n)));
  }, [settings]);
  const choices = ['1', '2', '5', '10', '15'];
  const select = (id: string, label: string, value: string, set: (value: string) => void) => (
    <div class="govuk-form-group">
      <label class="govuk-label" for={id}>
        {label}
      </label>
      <select id={id} class="govuk-select" value={value} onChange={(e) => set(e.currentTarget.value)}>
        {choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void Promise.all([settings.setAutoLockMinutes(Number(idle)), settings.setBackgroundLockMinutes(Number(background))]).then(() => setSaved(true));
      }}
    >
      <h2 class="govuk-heading-m">{text.lockHeading}</h2>
      {select('idle-minutes', text.idle, idle, setIdle)}
      {select('background-minutes', text.background, background, setBackground)}
      <button type="submit" class="govuk-button govuk-button--secondary">
        {text.saveLock}
      </button>
      {saved ? <p class="govuk-body" role="status">{text.lockSaved}</p> : null}
    </form>
  );
}

function StorageUse() {
  const [usage, setUsage] = useState<{ used: number; free: number; persisted: boolean } | undefined>();
  useEffect(() => {
    void (async () => {
      const estimate = await navigator.storage?.estimate?.();
      const persisted = (await navigator.storage?.persisted?.()) ?? false;
      if (estimate) setUsage({ used: estimate.usage ?? 0, free: (estimate.quota ?? 0) - (estimate.usage ?? 0), persisted });
    })();
  }, []);
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) && !matchMedia('(display-mode: standalone)').matches;
  return (
    <>
      <h2 class="govuk-heading-m">{text.storageHeading}</h2>
      {usage ? <p class="govuk-body" data-testid="storage-use">{text.storageUse(megabytes(usage.used), megabytes(usage.free))}</p> : null}
      {usage ? <p class="govuk-body">{usage.persisted ? text.persisted : text.notPersisted}</p> : null}
      {ios ? <p class="govuk-body">{text.iosTab}</p> : null}
    </>
  );
}

export function SettingsPage() {
  if (new URLSearchParams(location.search).has('first-run')) return <FirstRunEnrolment />;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text.title}</h1>
        <ProfileSetting />
        <h2 class="govuk-heading-m">{text.vaultHeading}</h2>
        <p class="govuk-body">{setupContent.protects}</p>
        <DeviceEnrolment />
        <ChangePassphrase />
        <PasskeySetting />
        <LockTimes />
        <StorageUse />
        <h2 class="govuk-heading-m">{text.wipeHeading}</h2>
        <p class="govuk-body">{text.wipeBody}</p>
        <Link href={paths.wipe} class="govuk-button govuk-button--warning">
          {content.wipeAction}
        </Link>
      </div>
    </div>
  );
}
