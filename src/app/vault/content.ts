/** The lock’s words: setting a passphrase, unlocking, and the neutral screen quick hide shows. */
export const vaultContent = {
  vault: {
    passphrase: 'Passphrase',
    show: 'Show',
    showPassphrase: 'Show passphrase',
    hidePassphrase: 'Hide passphrase',
    shown: 'Your passphrase is visible',
    hidden: 'Your passphrase is hidden',
    working: 'Working — this takes a moment on purpose',
    unlockTitle: 'Unlock NRM Field',
    unlockAction: 'Unlock',
    wrong: (left: number) => `That passphrase is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before everything on this device is wiped.`,
    lastTries: (left: number) => `Warning: after ${left} more wrong ${left === 1 ? 'try' : 'tries'}, everything on this device will be wiped, including referrals not yet sent.`,
    wait: (seconds: number) => `Too many wrong tries. Wait ${seconds} seconds, then try again.`,
    lock: 'Lock',
    /** Both quick hide and the passphrase's Hide: the same word. */
    hide: 'Hide',
    forgotten: 'Forgotten your passphrase?',
    forgottenBody: 'It cannot be recovered. You can wipe this device and start again; anything not yet sent will be lost.',
  },
  neutral: { title: 'Notes', body: 'No notes yet.', back: 'Continue' },
} as const;
