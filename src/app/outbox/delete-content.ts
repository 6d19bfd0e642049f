/** The words of deleting from the outbox something not yet sent (loaded with its confirmation page). */
export const outboxDeleteContent = {
  referral: {
    title: 'Delete this referral from this device?',
    warning: 'It has not been sent. Everything in it, and any files attached, will be deleted from this device. This cannot be undone.',
    confirm: 'Delete referral',
  },
  addition: {
    title: { 'answer-information': 'Delete your answer from this device?', 'ask-reconsideration': 'Delete your reconsideration request from this device?' },
    warning: 'It has not been sent. It will be deleted from this device, with any files attached. This cannot be undone.',
    confirm: 'Delete it',
    about: (label: string) => `For referral ${label}`,
  },
  gone: {
    title: 'There is nothing to delete',
    body: 'It has been sent or deleted already.',
  },
  cancel: 'Cancel',
  backToOutbox: 'Back to the outbox',
} as const;
