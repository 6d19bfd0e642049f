/** The words of deleting a draft (loaded with its confirmation page). */
export const deleteContent = {
  title: 'Delete this draft?',
  untitled: 'Untitled draft',
  lastChanged: 'last changed',
  warning: 'Everything typed in it, and any files attached, will be deleted from this device. This cannot be undone.',
  confirm: 'Delete draft',
  cancel: 'Cancel',
} as const;
