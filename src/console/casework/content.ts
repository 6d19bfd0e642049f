import type { CaseActionType } from '../../shared/casework/actions.ts';
import type { ResponderActionType } from '../../shared/casework/responder-actions.ts';
import type { QueueRow } from '../../shared/casework/protocol.ts';

/** The words of the casework screens (the console's shell-wide words are in shell/content.ts). */

const paths: Record<QueueRow['path'], string> = {
  'adult-nrm': 'Adult (NRM)',
  child: 'Child (NRM)',
  dtn: 'Duty to Notify',
};

const ageGroups: Record<QueueRow['ageGroup'], string> = {
  'under-18': 'Under 18',
  '18-or-over': '18 or over',
  'not-known': 'Not known',
};

export const queueContent = {
  title: 'Cases',
  loading: 'Loading cases…',
  failed: (reason: string) => `The cases could not be loaded. ${reason}`,
  retry: 'Load the cases again',
  filters: {
    heading: 'Filter cases',
    stage: 'Stage',
    anyStage: 'Any stage',
    due: 'Due',
    dueOptions: { any: 'Any', overdue: 'Overdue', 'due-today': 'Due today' },
    held: 'Held by',
    heldOptions: { any: 'Anyone', me: 'You', nobody: 'Nobody (unassigned)' },
    path: 'Path',
    pathOptions: { any: 'Any', 'adult-nrm': paths['adult-nrm'], child: paths.child },
    organisation: 'Referring organisation',
    anyOrganisation: 'Any organisation',
    sort: 'Sort by',
    sortOptions: { due: 'Due date, soonest first', received: 'Date received' },
    apply: 'Apply filters',
    clear: 'Clear filters',
  },
  search: {
    label: 'Find a case by reference',
    hint: 'For example, NRM-7K3F-9Q. Capital letters and the dashes are optional.',
    button: 'Search',
    showing: (reference: string) => `Showing the case with reference ${reference}.`,
    clear: 'Clear the search',
  },
  count: (total: number) => (total === 1 ? '1 case' : `${total.toLocaleString('en-GB')} cases`),
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  caption: 'Cases, with the filters applied',
  scrollLabel: 'Cases (scroll sideways to see every column)',
  columns: {
    reference: 'Reference',
    received: 'Received',
    path: 'Path',
    ageGroup: 'Age group',
    organisation: 'Referring organisation',
    stage: 'Stage',
    heldBy: 'Held by',
    due: 'Due',
  },
  nobody: 'Nobody',
  you: 'You',
  notKnown: 'Not known',
  overdue: 'Overdue',
  dueToday: 'Due today',
  rgDue: (day: string) => `Reasonable grounds by ${day}`,
  cgNotBefore: (day: string) => `Conclusive grounds not before ${day}`,
  noDue: 'No date',
  paused: 'Clock paused',
  empty: {
    none: 'There are no cases in the queue.',
    filtered: 'No cases match these filters.',
    filteredNext: 'Remove a filter, or clear them all, to see more cases.',
    reference: (reference: string) => `No case has the reference ${reference}.`,
    referenceNext: 'Check the reference on the referral’s receipt and search again. A reference is NRM and 6 letters and numbers, like NRM-7K3F-9Q.',
  },
  paths,
  ageGroups,
  pagination: { label: 'Pages of cases', previous: 'Previous', next: 'Next', page: (n: number) => `Page ${n}`, hiddenSuffix: ' page' },
};

export const caseContent = {
  loading: 'Loading the case…',
  failed: (reason: string) => `The case could not be loaded. ${reason}`,
  notFound: 'There is no case at this address',
  notFoundBody: 'Check the address, or find the case in the queue by its reference.',
  retry: 'Load the case again',
  back: 'Back to cases',
  caption: 'Case',
  summary: {
    title: 'Summary',
    reference: 'Reference',
    stage: 'Stage',
    clock: 'Clock',
    heldBy: 'Held by',
    received: 'Received',
    organisation: 'Referring organisation',
    path: 'Path',
    possibleMatches: 'Possible same person',
    possibleMatchesValue: (n: number) => (n === 0 ? 'None found' : n === 1 ? '1 referral may be the same person' : `${n} referrals may be the same person`),
    linked: 'Linked referrals',
    countyLines: 'County lines',
    countyLinesValue: (marked: boolean) => (marked ? 'Marked as county lines' : 'Not marked'),
    /** The action's button once the case is marked: it is then the way to take the mark off. */
    countyLinesChange: 'Change the county lines mark',
    none: 'None',
    nobody: 'Nobody',
    you: (email: string) => `You (${email})`,
  },
  relations: { 'same-encounter': 'met at the same encounter', family: 'family', 'same-person': 'same person' } as Record<string, string>,
  clock: {
    rgDue: (day: string) => `Reasonable grounds due ${day}`,
    overdue: 'overdue',
    dueToday: 'due today',
    cgNotBefore: (day: string) => `Conclusive grounds not before ${day}`,
    paused: (day: string) => `Clock paused since ${day}`,
    reconsider: (day: string) => `A reconsideration can be asked for until ${day}`,
    reconsiderPassed: (day: string) => `The time to ask for a reconsideration ended on ${day}`,
    stopped: 'No clock running',
  },
  contents: 'Contents',
  quality: {
    heading: 'Quality of the referral',
    lead: 'The advice the first responder saw before sending; they could send without following it.',
    none: 'No advice: the account reads as complete.',
  },
  sections: {
    referral: 'Referral',
    evidence: 'Evidence',
    matches: 'Possible same person',
    notes: 'Notes',
    history: 'Decisions and history',
    actions: 'What you can do',
  },
  referralPending: 'There are no answers to show for this referral.',
  notAnswered: 'Not answered',
  evidence: {
    loading: 'Loading the list of files…',
    failed: (reason: string) => `The list of files could not be loaded. ${reason}`,
    none: 'No files were sent with this referral.',
    audited: 'Each time a file is opened or downloaded, it is recorded in the audit log.',
    name: 'File',
    type: 'Type',
    size: 'Size',
    download: (name: string) => `Download ${name}`,
    open: 'Open full size',
    types: {
      'image/jpeg': 'JPEG image',
      'image/png': 'PNG image',
      'application/pdf': 'PDF',
      'application/msword': 'Word document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    } as Record<string, string>,
    caption: 'Files sent with the referral',
    addedWith: (kind: string, day: string) => (kind === 'ask-reconsideration' ? `Sent with the reconsideration request of ${day}` : `Sent with the answer of ${day}`),
  },
  matches: {
    none: 'No other referral looks like the same person.',
    lead: 'Other referrals that may be about the same person. They are never merged: say whether each is the same person.',
    why: 'Why they matched',
    score: (score: number) => `Match strength ${Math.round(score * 100)} out of 100`,
    strength: (strength: string) => `${strength} match`,
    same: 'Same person',
    notSame: 'Not the same',
    sameHidden: (reference: string) => ` as ${reference}`,
    verdict: { 'same-person': 'Same person', 'not-same': 'Not the same person' } as Record<string, string>,
    decidedBy: (email: string) => `Decided by ${email}`,
    saving: 'Saving…',
  },
  notes: {
    label: 'Add a note',
    hint: 'Notes cannot be changed or removed once added. Everyone who can open this case can read them.',
    button: 'Add note',
    busy: 'Adding…',
    added: 'Note added',
    none: 'No notes yet.',
    by: (email: string, at: string) => `${email}, ${at}`,
  },
  history: {
    none: 'Nothing has happened to this case yet.',
    by: (email: string, at: string) => `${email}, ${at}`,
    moved: (from: string, to: string) => `${from} → ${to}`,
    stayed: (stage: string) => `Stage: ${stage}`,
  },
  noActions: 'There is nothing for you to do on this case at its stage.',
};

/** Each action's name, as a button on the case and in the history. */
export const actionNames: Record<CaseActionType | ResponderActionType | 'received', string> = {
  received: 'Referral received',
  'decide-rg': 'Make reasonable grounds decision',
  'decide-cg': 'Make conclusive grounds decision',
  review: 'Review this decision',
  'panel-review': 'Panel review',
  'record-reconsideration': 'Record reconsideration request',
  'decide-reconsideration': 'Decide reconsideration request',
  'ask-information': 'Ask for more information',
  'information-received': 'Record information received',
  'answer-information': 'Answer from the first responder',
  'ask-reconsideration': 'Reconsideration asked for by the first responder',
  suspend: 'Suspend the case',
  'lift-suspension': 'Lift the suspension',
  'record-turned-18': 'Record that they turned 18',
  'record-consent': 'Record consent to continue',
  'flag-county-lines': 'Mark as county lines',
  withdraw: 'Withdraw the case',
  take: 'Take this case',
  'take-over': 'Take over this case',
  assign: 'Assign',
  release: 'Release this case',
};

/** What the history calls each action once taken. */
export const actionsTaken: Record<CaseActionType | ResponderActionType | 'received', string> = {
  received: 'Referral received',
  'decide-rg': 'Reasonable grounds decision',
  'decide-cg': 'Conclusive grounds decision',
  review: 'Second-person review',
  'panel-review': 'Independent panel review',
  'record-reconsideration': 'Reconsideration requested',
  'decide-reconsideration': 'Reconsideration decided',
  'ask-information': 'More information asked for',
  'information-received': 'Information received',
  'answer-information': 'First responder answered (from their device)',
  'ask-reconsideration': 'First responder asked for reconsideration (from their device)',
  suspend: 'Suspended',
  'lift-suspension': 'Suspension lifted',
  'record-turned-18': 'Turned 18',
  'record-consent': 'Consent recorded',
  'flag-county-lines': 'County lines mark changed',
  withdraw: 'Withdrawn',
  take: 'Taken',
  'take-over': 'Taken over',
  assign: 'Assigned',
  release: 'Released',
};

/** The labels of an action's fields, in the history and on the forms alike. */
export const fieldLabels: Record<string, string> = {
  outcome: 'Outcome',
  reasonCodes: 'Reasons',
  reasonText: 'Reasons in your own words',
  decidedOn: 'Date of the decision',
  verdict: 'Verdict',
  comment: 'Comment',
  reasons: 'Reasons',
  requestedOn: 'Date of the request',
  grounds: 'Grounds',
  detail: 'What the request says',
  lateReason: 'Exceptional reason to accept it late',
  question: 'Information asked for',
  answer: 'The first responder’s answer',
  summary: 'What was received',
  reason: 'Reason',
  note: 'Note',
  consent: 'Consent',
  countyLines: 'County lines',
  to: 'Assigned to',
};

/** How chosen values read, in the history and on the forms. */
export const valueLabels: Record<string, string> = {
  positive: 'Positive',
  negative: 'Negative',
  agree: 'Agree',
  disagree: 'Disagree',
  'send-back': 'Send back',
  accepted: 'Accepted',
  refused: 'Refused',
  given: 'Given',
  yes: 'Yes',
  no: 'No',
};

type FieldWords = { label: string; hint?: string };

export interface ActionWords {
  title: string;
  lead?: string;
  button: string;
  fields?: Record<string, FieldWords>;
  options?: Record<string, Record<string, { label: string; hint?: string }>>;
}

const decision = (kind: 'reasonable grounds' | 'conclusive grounds'): ActionWords => ({
  title: `Make a ${kind} decision`,
  lead:
    kind === 'reasonable grounds'
      ? 'The test: do you suspect, but cannot prove, that the person is a victim of modern slavery? A negative decision is checked by a second person before it is served.'
      : 'The test: on the balance of probabilities, is the person a victim of modern slavery? A negative decision is checked by a second person before it is served.',
  button: 'Make decision',
  fields: {
    outcome: { label: 'Decision' },
    reasonCodes: { label: 'Reasons', hint: 'Select all that apply.' },
    reasonText: { label: 'Reasons in your own words', hint: 'This is what the person and the first responder will be told.' },
    decidedOn: { label: 'Date of the decision', hint: 'For example, 27 3 2026.' },
  },
  options: {
    outcome: {
      positive: { label: 'Positive', hint: kind === 'reasonable grounds' ? 'There are reasonable grounds to believe they are a victim' : 'They are a victim, on the balance of probabilities' },
      negative: { label: 'Negative', hint: 'A second person reviews it before it is served' },
    },
  },
});

export const actionContent: Record<CaseActionType, ActionWords> = {
  'decide-rg': decision('reasonable grounds'),
  'decide-cg': decision('conclusive grounds'),
  review: {
    title: 'Review this negative decision',
    lead: 'You are the second person: the decision is served only if you agree with it.',
    button: 'Save review',
    fields: { verdict: { label: 'Do you agree with the decision?' }, comment: { label: 'Comment', hint: 'Needed if you disagree: the decision maker reads it.' } },
    options: { verdict: { agree: { label: 'Yes, I agree', hint: 'The decision is served' }, disagree: { label: 'No, I disagree', hint: 'The case goes back to be decided again' } } },
  },
  'panel-review': {
    title: 'Panel review of the negative conclusive grounds decision',
    button: 'Save panel review',
    fields: { verdict: { label: 'What does the panel decide?' }, reasons: { label: 'The panel’s reasons' } },
    options: { verdict: { agree: { label: 'Agree', hint: 'The decision is served' }, 'send-back': { label: 'Send it back', hint: 'Conclusive grounds are decided again' } } },
  },
  'record-reconsideration': {
    title: 'Record a reconsideration request',
    button: 'Record request',
    fields: {
      requestedOn: { label: 'Date of the request', hint: 'For example, 27 3 2026.' },
      grounds: { label: 'Grounds of the request' },
      detail: { label: 'What the request asks, and why' },
      lateReason: { label: 'Exceptional reason to accept it late', hint: 'Why the request can still be considered.' },
    },
    options: { grounds: { 'new-evidence': { label: 'New evidence' }, 'guidance-not-followed': { label: 'The guidance was not followed' } } },
  },
  'decide-reconsideration': {
    title: 'Decide the reconsideration request',
    button: 'Save decision',
    fields: { outcome: { label: 'Is the request accepted?' }, reasons: { label: 'Reasons' } },
    options: { outcome: { accepted: { label: 'Accepted', hint: 'The decision is made again' }, refused: { label: 'Refused', hint: 'The decision stands' } } },
  },
  'ask-information': {
    title: 'Ask for more information',
    lead: 'The clock stops while you wait. The first responder sees your question on their device and can answer from it; the clock starts again when their answer arrives or when you record that the information has arrived.',
    button: 'Record request',
    fields: {
      question: {
        label: 'What information is needed, and from whom?',
        hint: 'Shown on the first responder’s device, which may be lost or seen by others: do not write the person’s name or other details that identify them.',
      },
    },
  },
  'information-received': {
    title: 'Record that the information has arrived',
    lead: 'The clock starts again from today.',
    button: 'Record information',
    fields: { summary: { label: 'What was received?' } },
  },
  suspend: { title: 'Suspend the case', lead: 'The clock stops until the suspension is lifted.', button: 'Suspend case', fields: { reason: { label: 'Why is the case suspended?' } } },
  'lift-suspension': { title: 'Lift the suspension', lead: 'The clock starts again from today.', button: 'Lift suspension', fields: { note: { label: 'Why can the case go on?' } } },
  'record-turned-18': {
    title: 'Record that they turned 18',
    lead: 'An adult must consent to stay in the NRM. The clock stops until their answer is recorded.',
    button: 'Record',
    fields: { note: { label: 'When did they turn 18, and how is consent being asked for?' } },
  },
  'record-consent': {
    title: 'Record their consent to continue',
    button: 'Record consent',
    fields: { consent: { label: 'Did they consent to stay in the NRM?' }, note: { label: 'How was consent given or refused?' } },
    options: { consent: { given: { label: 'Yes, they consented', hint: 'The case goes on' }, refused: { label: 'No, they refused', hint: 'The case is withdrawn' } } },
  },
  'flag-county-lines': {
    title: 'County lines mark',
    lead: 'The referral form has no county lines question. Mark the case if the account shows the person was made to carry or sell drugs across police force areas for a gang using a dedicated phone line; the figures count it. Nothing changes for the case or its clock.',
    button: 'Save',
    fields: { countyLines: { label: 'Is this a county lines case?' }, note: { label: 'What in the referral shows it, or why the mark comes off?' } },
    options: { countyLines: { yes: { label: 'Yes, county lines' }, no: { label: 'No, not county lines', hint: 'Takes the mark off' } } },
  },
  withdraw: { title: 'Withdraw the case', lead: 'Nothing more is decided on a withdrawn case.', button: 'Withdraw case', fields: { reason: { label: 'Why is the case withdrawn?' } } },
  take: { title: 'Take this case', lead: 'You will hold the case: decisions on it are yours to make until you release it.', button: 'Take case' },
  'take-over': {
    title: 'Take over this case',
    lead: 'Someone else holds this case. Taking it over is recorded in its history, with your reason.',
    button: 'Take over case',
    fields: { reason: { label: 'Why are you taking over the case?' } },
  },
  assign: { title: 'Assign this case', button: 'Assign case', fields: { to: { label: 'Who will hold the case?' } } },
  release: { title: 'Release this case', lead: 'Nobody will hold the case: it goes back to the queue, unassigned.', button: 'Release case' },
};

export const formContent = {
  back: 'Back to the case',
  loading: 'Loading the case…',
  notNow: 'You cannot do this on this case now',
  notNowBody: 'The case may have moved on, or this is not for your role. Go back to the case to see what you can do.',
  caption: (reference: string) => `Case ${reference}`,
  sending: 'Saving…',
  cancel: 'Cancel',
  peopleLoading: 'Loading the list of people…',
  peopleFailed: (reason: string) => `The list of people could not be loaded. ${reason}`,
  noPeople: 'There is nobody to assign this case to.',
  today: (day: string) => `Today is ${day}.`,
  cgFrom: (day: string) => `Conclusive grounds can be decided from ${day}.`,
  inTime: (day: string) => `A request is in time until ${day}.`,
  late: (day: string) => `This request is late: the last day was ${day}. It can be accepted only for an exceptional reason.`,
  lateRequired: 'Give the exceptional reason to accept the request late',
  warning: 'Warning',
  dateInvalid: 'Enter a real date, with a day, month and year',
  characters: {
    remaining: (n: number) => `You have ${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'} remaining`,
    over: (n: number) => `You have ${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'} too many`,
  },
  changedTitle: 'Important',
  changed: 'Someone else changed this case while you were working on it',
  changedWhat: 'What changed:',
  changedKept: 'What you typed is kept below. Check it still fits the case as it is now, then send it again.',
  changedNothing: 'The case has moved on since you opened it.',
  changedBack: 'Go back to the case to see where it stands',
  nextHeading: 'What happens next',
  backToCase: 'Back to the case',
  backToQueue: 'Back to cases',
};

/** The confirmation after an action: what was done, and what happens next. */
export const doneContent = {
  rgPositive: { title: 'Positive reasonable grounds decision made', next: (day: string) => `The recovery period has begun. Conclusive grounds can be decided from ${day}.` },
  cgPositive: { title: 'Positive conclusive grounds decision made', next: 'The case is concluded. The first responder’s app shows the decision.' },
  negativeProposed: { title: 'Negative decision proposed', next: 'A reviewer will check it before it is served.' },
  servedRg: { title: 'Decision agreed and served', next: (day: string) => `The negative reasonable grounds decision is served. A reconsideration can be asked for until ${day}.` },
  servedCg: { title: 'Decision agreed and served', next: (day: string) => `The negative conclusive grounds decision is served. A reconsideration can be asked for until ${day}.` },
  toPanel: { title: 'Decision agreed', next: 'It now goes to the independent review panel, which decides whether it is served.' },
  sentBack: { title: 'Decision sent back', next: 'The case goes back to the decision maker, to decide again.' },
  reconsiderationRecorded: { title: 'Reconsideration request recorded', next: 'A decision maker now decides whether to accept it.' },
  reconsiderationAccepted: { title: 'Reconsideration accepted', next: 'The decision will be made again.' },
  reconsiderationRefused: { title: 'Reconsideration refused', next: 'The decision stands.' },
  paused: (title: string) => ({ title, next: 'The clock is paused until this is resolved. The case stays with you.' }),
  resumed: (title: string) => ({ title, next: 'The clock runs again.' }),
  withdrawn: { title: 'Case withdrawn', next: 'Nothing more is decided on this case.' },
  countyLines: (marked: boolean) =>
    marked ? { title: 'Marked as county lines', next: 'The figures count this referral as county lines.' } : { title: 'County lines mark taken off', next: 'The figures no longer count this referral as county lines.' },
  taken: { title: 'You hold this case', next: 'Decisions on it are yours to make until you release it.' },
  assigned: (email: string) => ({ title: 'Case assigned', next: `${email} holds the case now.` }),
  released: { title: 'Case released', next: 'It is back in the queue, unassigned.' },
  other: { title: 'Saved', next: 'The case has been updated.' },
};

export const dtnContent = {
  title: 'Duty to Notify reports',
  lead: 'Anonymous reports about adults who did not consent to an NRM referral. They have no decision path: they are recorded, counted and shared with law enforcement for intelligence.',
  loading: 'Loading the reports…',
  failed: (reason: string) => `The reports could not be loaded. ${reason}`,
  retry: 'Load the reports again',
  none: 'There are no Duty to Notify reports.',
  caption: 'Duty to Notify reports, newest first',
  count: (total: number) => (total === 1 ? '1 report' : `${total.toLocaleString('en-GB')} reports`),
  columns: { reference: 'Reference', received: 'Date', policeForceArea: 'Police force area', nation: 'Nation' },
  notKnown: 'Not known',
  nations: { england: 'England', wales: 'Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' } as Record<string, string>,
  pagination: { label: 'Pages of reports', previous: 'Previous', next: 'Next', page: (n: number) => `Page ${n}`, hiddenSuffix: ' page' },
};
