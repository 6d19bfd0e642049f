import { fileCount } from '../../shared/format.ts';

/** The evidence pages' words: they load with those pages, not with the first screen. */
export const evidenceText = {
  title: 'Upload evidence',
  lead: 'Photos and documents that support this referral, such as pictures of where they lived or worked, pay slips, messages or tickets. This is optional.',
  rules: 'JPG, PNG, PDF, DOC or DOCX files, up to 25 MB each and 100 files in all.',
  takePhoto: 'Take a photo',
  chooseFiles: 'Choose photos or documents',
  chooseFilesHint: 'You can choose several at once. Each is stored encrypted on this device as soon as you choose it.',
  attached: (n: number) => (n === 1 ? '1 file attached' : `${n} files attached`),
  noneAttached: 'No files attached yet.',
  remove: 'Remove',
  removed: (name: string) => `${name} removed.`,
  adding: (n: number) => `Storing ${n === 1 ? '1 file' : `${n} files`} on this device…`,
  kind: (type: string) => (type === 'application/pdf' ? 'PDF' : type.startsWith('image/') ? 'Photo' : 'DOC'),
  /** A photo attached on this visit can change between its original and its smaller copy. */
  smallerOf: (original: string) => `Smaller copy of a ${original} photo, without where it was taken.`,
  useOriginal: (size: string) => `Use the original (${size})`,
  useSmaller: (size: string) => `Make it smaller (${size})`,
  sizeChanged: (name: string, size: string) => `${name} is now ${size}.`,
  personPhotos: 'Photos',
  personPhotosHint: 'Of this person’s injuries, documents or where they were found, if they agree. They go with their referral; you describe them later.',
  scenePhotos: 'Photos of the scene',
  scenePhotosHint: 'Of the place itself: rooms, beds, locks, notices. Each goes with the referral of everyone here not yet sent, and of anyone you add later; remove it from a person’s evidence if it is not theirs.',
  storage: (free: string) => `This device has about ${free} of space left for this app.`,
  storageLow: (free: string) => `This device is nearly full: about ${free} left for this app. Send or delete referrals you no longer need, or free some space on the phone.`,
  refusal: {
    type: (name: string) => `${name} is not a file you can attach. Choose a JPG or PNG photo, or a PDF, DOC or DOCX document`,
    size: (name: string, size: string) => `${name} is ${size}. Each file must be 25 MB or smaller`,
    empty: (name: string) => `${name} is empty. Choose another file`,
    count: (name: string) => `${name} was not attached: a referral can have up to 100 files. Remove a file to attach another`,
    space: (name: string, free: string) => `${name} does not fit on this device (about ${free} left). Free some space, or make photos smaller`,
    failed: (name: string) => `${name} could not be stored on this device. Try again`,
  },
  count: fileCount,
  /** New evidence chosen on the reconsideration request page. */
  reconsideration: {
    label: 'New evidence (optional)',
    hint: 'Photos or documents the decision unit has not seen: JPG, PNG, PDF, DOC or DOCX, up to 25 MB each. Each is stored encrypted on this device as soon as you choose it, and sent sealed with the request.',
  },
} as const;
