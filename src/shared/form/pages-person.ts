import { MAX_FILES } from '../evidence-limits.ts';
import { CHECK, audiences, field, many, single, yesNo, type FieldDef, type PageDef } from './model.ts';

/** Email and/or post, each with its own "safe to write here" tick (the decision letter is sensitive). */
function contactFields(prefix: string, whose: string, withSafeTicks: boolean): FieldDef[] {
  const by = `${prefix}By`;
  const email = { shownWhen: { field: by, value: 'email' } };
  const post = { shownWhen: { field: by, value: 'post' } };
  return [
    field.checkboxes(
      by,
      `How can ${whose} be contacted?`,
      [
        { value: 'email', label: 'By email' },
        { value: 'post', label: 'By post' },
      ],
      `Select how ${whose} can be contacted`,
      { hint: 'Select all that apply.' },
    ),
    field.email(`${prefix}Email`, 'Email address', 'Enter an email address in the right format, like name@example.com', email),
    ...(withSafeTicks ? [field.confirm(`${prefix}EmailSafe`, 'I have checked that it is safe to write to this email address', 'Confirm that it is safe to write to this email address', email)] : []),
    field.text(`${prefix}Street`, 'Building and street', 'Enter the building and street', post),
    field.text(`${prefix}Town`, 'Town or city', 'Enter the town or city', post),
    field.text(`${prefix}County`, 'County (optional)', '', { ...post, required: false }),
    field.text(`${prefix}Postcode`, 'Postcode', 'Enter the postcode', post),
    ...(withSafeTicks ? [field.confirm(`${prefix}PostSafe`, 'I have checked that it is safe to send letters to this address', 'Confirm that it is safe to send letters to this address', post)] : []),
  ];
}

const nameFields = [
  field.text('firstName', 'First name', 'Enter their first name, or ‘not known’'),
  field.text('lastName', 'Last name', 'Enter their last name, or ‘not known’'),
  field.text('nickname', 'Name the exploiters used for them (optional)', '', { required: false }),
];

const nationalityFields = [
  field.typeahead('nationality', 'Nationality', 'nationalities', 'Enter their nationality and choose it from the list, or choose ‘Unknown’'),
  field.typeahead('secondNationality', 'Second nationality (optional)', 'nationalities', '', { required: false }),
];

const genderField = field.radios(
  'gender',
  'What is their gender?',
  [
    { value: 'female', label: 'Female' },
    { value: 'male', label: 'Male' },
    { value: 'unknown', label: 'Neither, or prefer not to say' },
  ],
  'Select their gender',
);

/** What the path asks after the account: the person's own details, the decision's address, the responder and evidence. */
export const personPages: readonly PageDef[] = [
  {
    id: 'dtn-gender',
    section: 'dtn',
    title: 'Their gender and nationality',
    on: audiences.dtn,
    fields: [genderField, ...nationalityFields],
    next: (answers) => (single(answers, 'cooperation') === 'yes' ? 'dtn-name' : CHECK),
  },
  { id: 'dtn-name', section: 'dtn', title: 'What is their name?', intro: ['Asked because they are willing to help the police.'], on: ['dtn-cooperating'], fields: nameFields, next: () => 'dtn-contact' },
  { id: 'dtn-contact', section: 'dtn', title: 'How can the police reach them?', on: ['dtn-cooperating'], fields: contactFields('contact', 'they', true), next: () => CHECK },
  {
    id: 'support',
    section: 'support',
    on: ['adult-nrm'],
    fields: [field.radios('needsSupport', 'Do they want support?', yesNo, 'Select whether they want support', { hint: 'A safe place to stay, money, medical care, counselling and legal advice, from a support provider.' })],
    next: (answers) => (single(answers, 'needsSupport') === 'yes' ? 'phone' : 'name'),
  },
  {
    id: 'phone',
    section: 'support',
    on: ['adult-nrm'],
    fields: [
      field.radios(
        'phoneChoice',
        'How can the support provider phone them?',
        [
          { value: 'yes', label: 'On their own phone number' },
          { value: 'pv-alternative-number', label: 'Through someone else’s number' },
          { value: 'no', label: 'They cannot give a number' },
        ],
        'Select how the support provider can phone them',
      ),
      field.phone('phone', 'Their phone number', 'Enter a phone number, like 07700 900 982 or +44 7700 900 982 for a number outside the UK', { shownWhen: { field: 'phoneChoice', value: 'yes' } }),
      field.phone('alternativePhone', 'The other person’s phone number', 'Enter a phone number, like 07700 900 982 or +44 7700 900 982 for a number outside the UK', {
        shownWhen: { field: 'phoneChoice', value: 'pv-alternative-number' },
        hint: 'Check that this is not a number of the people who exploited them.',
      }),
      field.text('alternativeRelation', 'Who is that person to them?', 'Say who that person is to them', { max: 250, shownWhen: { field: 'phoneChoice', value: 'pv-alternative-number' } }),
      field.narrative('noPhoneReason', 'Why can they not give a number?', 'Say why they cannot give a phone number', { shownWhen: { field: 'phoneChoice', value: 'no' } }),
    ],
    next: () => 'name',
  },
  {
    id: 'name',
    section: 'person',
    title: 'Their name and date of birth',
    on: audiences.referred,
    fields: [...nameFields, field.date('dateOfBirth', 'Date of birth (optional)', '', { required: false, hint: 'For example 31 3 1998. Leave it empty if it is not known.' })],
    next: () => 'gender',
  },
  {
    id: 'gender',
    section: 'person',
    title: 'Their gender, children and nationality',
    on: audiences.referred,
    fields: [
      genderField,
      field.radios('hasChildren', 'Do they have children?', yesNo, 'Select whether they have children'),
      field.count('childrenCount', 'How many?', 'Enter how many children they have, in digits', { shownWhen: { field: 'hasChildren', value: 'yes' } }),
      ...nationalityFields,
      field.radios('homeOfficeReference', 'Do they have a Home Office reference?', yesNo, 'Select whether they have a Home Office reference', { hint: 'For example from an asylum claim or a visa.' }),
      field.text('homeOfficeReferenceDetails', 'What kind of reference, and its number', 'Enter the kind of Home Office reference and its number', { shownWhen: { field: 'homeOfficeReference', value: 'yes' } }),
    ],
    next: () => 'interpreter',
  },
  {
    id: 'interpreter',
    section: 'person',
    title: 'Communicating with them',
    on: audiences.referred,
    fields: [
      field.radios('interpreter', 'Do they need an interpreter?', yesNo, 'Select whether they need an interpreter'),
      field.text('interpreterLanguage', 'Which language?', 'Enter the language they need', { shownWhen: { field: 'interpreter', value: 'yes' } }),
      field.radios('communicationHelp', 'Do they need any other help to communicate?', yesNo, 'Select whether they need other help to communicate', { hint: 'For example sign language, large print or someone to read letters to them.' }),
      field.text('communicationAid', 'What help do they need?', 'Say what help they need to communicate', { shownWhen: { field: 'communicationHelp', value: 'yes' } }),
    ],
    next: (answers) => (single(answers, 'underAge') === 'no' ? 'decision-recipient' : 'responder'),
  },
  {
    id: 'decision-recipient',
    section: 'decision',
    on: ['adult-nrm'],
    fields: [
      field.radios(
        'decisionRecipient',
        'Who should the decision be sent to?',
        [
          { value: 'potential-victim', label: 'To them' },
          { value: 'someone-else', label: 'To someone else they trust', hint: 'For example a support worker or solicitor, with their permission.' },
        ],
        'Select who the decision should be sent to',
      ),
    ],
    next: (answers) => (single(answers, 'decisionRecipient') === 'someone-else' ? 'someone-else' : 'pv-contact'),
  },
  { id: 'pv-contact', section: 'decision', title: 'How should the decision reach them?', on: ['adult-nrm'], fields: contactFields('contact', 'they', true), next: () => 'responder' },
  {
    id: 'someone-else',
    section: 'decision',
    title: 'Who should receive the decision?',
    on: ['adult-nrm'],
    fields: [
      field.text('recipientFirstName', 'First name (optional)', '', { required: false }),
      field.text('recipientLastName', 'Last name (optional)', '', { required: false }),
      ...contactFields('recipient', 'this person', true),
      field.confirm('recipientPermission', 'The person agreed to the decision going to someone else', 'Confirm that the person agreed to the decision going to someone else'),
    ],
    next: () => 'responder',
  },
  {
    id: 'responder',
    section: 'responder',
    title: 'Your details',
    intro: ['The decision unit contacts you if it needs more information.'],
    on: audiences.referred,
    fields: [
      field.text('responderFirstName', 'First name', 'Enter your first name'),
      field.text('responderLastName', 'Last name', 'Enter your last name'),
      field.text('responderRole', 'Job title', 'Enter your job title'),
      field.phone('responderPhone', 'Phone number', 'Enter a phone number, like 07700 900 982'),
    ],
    next: () => 'alternative-contact',
  },
  {
    id: 'alternative-contact',
    section: 'responder',
    on: audiences.referred,
    fields: [
      field.email('alternativeEmail', 'Who else can be contacted if you are not available?', 'Enter an email address in the right format, like team@example.gov.uk', {
        hint: 'A manager’s or your team’s email address.',
      }),
    ],
    next: () => 'evidence',
  },
  // Evidence (optional): the page itself is drawn by src/app/pages/EvidencePage.tsx; the answer is the files' ids.
  {
    id: 'evidence',
    section: 'evidence',
    title: 'Upload evidence',
    on: audiences.referred,
    fields: [field.files('evidenceFiles', 'Files', MAX_FILES)],
    next: (answers) => (many(answers, 'evidenceFiles').length > 0 ? 'evidence-description' : CHECK),
  },
  {
    id: 'evidence-description',
    section: 'evidence',
    on: audiences.referred,
    fields: [
      field.narrative('evidenceDescription', 'Describe the files you attached', 'Describe the files you attached', {
        hint: 'What each file shows, and when and where it was taken or found.',
      }),
    ],
    next: () => CHECK,
  },
];
