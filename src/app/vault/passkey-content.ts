/** The words of unlocking with a passkey: loaded with the passkey screens only, never in the first load. */
export const passkeyContent = {
  heading: 'Unlock with fingerprint or face',
  lead: 'Open NRM Field with your fingerprint or face instead of typing your passphrase. Your passphrase keeps working, and you will need it if the fingerprint or face reader fails.',
  how: 'This uses a passkey kept by this phone’s screen lock. It never leaves the phone, nothing is sent to the server, and the passkey can only open NRM Field on this device.',
  unsupported: {
    'no-webauthn': 'This browser cannot use passkeys here, so this device can only be unlocked with your passphrase. Passkeys need an up-to-date browser and the app opened over a secure (https) address.',
    'no-platform': 'This device has no fingerprint or face reader (or screen lock) that the browser can use. Set up a screen lock with fingerprint or face in the phone’s settings, then come back here.',
    'no-prf':
      'This phone made a passkey, but it cannot give NRM Field the secret it needs to unlock with it (the passkey feature called “PRF”). Keep using your passphrase. You can delete the passkey named “NRM Field” in your phone’s settings, under passwords or passkeys.',
  },
  passphrase: 'Your passphrase',
  passphraseHint: 'NRM Field needs it once, to let the passkey unlock the same data.',
  passphraseMissing: 'Enter your passphrase',
  wrongPassphrase: 'Your passphrase is not right. Nothing was changed, and this does not count towards the wrong tries.',
  setUp: 'Set up fingerprint or face unlock',
  waiting: 'Waiting for your fingerprint or face…',
  setUpCancelled: 'The fingerprint or face check was cancelled or not recognised. Nothing was changed; try again when you are ready.',
  added: 'Fingerprint or face unlock is on. Next time, choose “Unlock with fingerprint or face”.',
  on: (date: string) => `Fingerprint or face unlock is on for this device (since ${date}). Your passphrase still unlocks it too.`,
  remove: 'Turn off fingerprint or face unlock',
  removed: 'Fingerprint or face unlock is off. The passkey named “NRM Field” is still on this phone: you can delete it in the phone’s settings, under passwords or passkeys.',
  unlock: 'Unlock with fingerprint or face',
  /** The passphrase field's label below the passkey's button. */
  orPassphrase: 'Or type your passphrase',
  // Shown on the passphrase field, the way in that is left: neither counts as a wrong passphrase.
  unlockFailed: 'Your fingerprint or face did not unlock NRM Field: it was cancelled or not recognised. Try again, or type your passphrase instead. This does not count as a wrong try.',
  unlockNotOpened:
    'The passkey on this phone does not open NRM Field any more. Type your passphrase instead, then turn fingerprint or face unlock off and on again in Settings. This does not count as a wrong try.',
} as const;
