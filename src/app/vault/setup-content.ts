/** The words of setting a passphrase: the set-up screen, loaded only on a device without a vault (and by Settings). */
export const setupContent = {
  protectsTitle: 'What this protects',
  protects:
    'Everything you type is encrypted on this device with a key that only your passphrase unlocks, and the app locks itself when you leave it. Once you send a referral it is sealed so that only the National Referral Mechanism service can open it — not this phone, not the network. A short PIN can be guessed by someone who copies this phone’s storage and tries every combination, so use a passphrase of several words if you can.',
  setupTitle: 'Protect this device',
  setupLead: 'Choose a passphrase you will type each time you open the app. It cannot be recovered: if you forget it, the only way back in is to wipe this device.',
  passphraseHint: (min: number) => `At least ${min} characters. Three or four unrelated words are strong and easy to remember.`,
  confirm: 'Type it again',
  setupAction: 'Protect this device',
  tooShort: (min: number) => `Your passphrase must be at least ${min} characters`,
  mismatch: 'The two passphrases do not match',
  strength: { weak: 'Strength: weak — easy to guess', fair: 'Strength: fair', strong: 'Strength: strong' },
  wipedTitle: 'This device was wiped',
  revokedBody: 'An administrator removed this device from the service, so everything NRM Field kept on it was deleted. Ask your administrator if you need to use it again.',
} as const;
