import { useState } from 'preact/hooks';
import type { CapturedLocation } from '../../shared/encounter.ts';
import { Checkbox } from '../../govuk/Choices.tsx';
import { encounterContent } from './content.ts';
import { formatTime } from '../shell/format.ts';

const text = encounterContent;

export interface LocationCaptureProps {
  location?: CapturedLocation;
  /** Each referral gives the coordinates too: the responder's choice, off unless ticked. */
  share: boolean;
  onChange: (location: CapturedLocation | undefined) => void;
  onShare: (share: boolean) => void;
}

/**
 * The device's location, only when the responder taps for it (the browser then asks for permission);
 * what was captured is shown and can be cleared. It is kept in the encrypted encounter, and goes into
 * the referrals only if the responder ticks for it: a caseworker reads the place in words.
 */
export function LocationCapture({ location, share, onChange, onShare }: LocationCaptureProps) {
  const [status, setStatus] = useState<'idle' | 'finding' | 'denied' | 'failed' | 'unsupported'>('idle');

  const find = () => {
    if (!('geolocation' in navigator)) return setStatus('unsupported');
    setStatus('finding');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setStatus('idle');
        onChange({ latitude: position.coords.latitude, longitude: position.coords.longitude, accuracy: position.coords.accuracy, capturedAt: new Date(position.timestamp).toISOString() });
      },
      (error) => setStatus(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const problem = status === 'denied' ? text.locationDenied : status === 'failed' ? text.locationFailed : status === 'unsupported' ? text.noLocation : '';
  return (
    <div class="govuk-form-group">
      {location ? (
        <div class="govuk-inset-text govuk-!-margin-top-0" data-testid="captured-location">
          <p class="govuk-body">{text.located(`${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}`, Math.round(location.accuracy), formatTime(location.capturedAt))}</p>
          <Checkbox id="shareLocation" label={text.shareLocation} hint={text.shareLocationHint} field={{ name: 'shareLocation', value: 'yes', checked: share, onChange: () => onShare(!share) }} />
          <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onChange(undefined)}>
            {text.clearLocation}
          </button>
        </div>
      ) : (
        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={status === 'finding'} onClick={find}>
          {text.useLocation}
        </button>
      )}
      <p class="govuk-body govuk-!-margin-top-2" aria-live="polite">
        {status === 'finding' ? text.locating : problem}
      </p>
    </div>
  );
}
