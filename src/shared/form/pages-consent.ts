import { audiences, field, single, type ListRule, type PageDef } from './model.ts';

const DTN_NATIONS = ['england', 'wales'];

const NOT_DTN_AUTHORITY_MESSAGE =
  'Only public authorities such as the police, councils and the Home Office make Duty to Notify reports. An adult who does not agree cannot be referred, so there is nothing to send: delete this draft, or keep it in case they change their mind.';

/** A refusal becomes a Duty to Notify report, which only a Duty to Notify authority makes (checked once the organisation is known). */
const dutyToNotifyAuthority: ListRule = {
  lists: ['organisations'],
  check(answers, lookup) {
    const organisation = single(answers, 'organisation');
    return single(answers, 'consent') === 'no' && organisation !== undefined && !lookup.isDutyToNotifyAuthority(organisation) ? NOT_DTN_AUTHORITY_MESSAGE : undefined;
  },
};

/**
 * Consent, asked straight after age: the path (a referral, or a Duty to Notify report for an adult who
 * does not agree) is settled before the account is written, so a responder writing an anonymous
 * report knows it while they write. Changing age or consent asks the path's own pages again.
 */
export const consentPages: readonly PageDef[] = [
  {
    id: 'child-referral',
    section: 'consent',
    title: 'A child is referred without asking for consent',
    intro: [
      'Because they are under 18, or their age is not known, this referral goes ahead whether or not they agree. Explain to them what happens next in words they understand.',
      'The local authority you told is responsible for their safety. Stay with them until the council or the police take over.',
    ],
    on: ['child'],
    fields: [],
    next: () => 'background',
  },
  {
    id: 'consent',
    section: 'consent',
    // A heading of its own, so the explanation sits under it and above the question (GOV.UK layout).
    title: 'Ask whether they agree to be referred',
    intro: [
      'Before they decide, explain in a language they understand: what the National Referral Mechanism is, the support it can give (a safe place to stay, money, medical care, legal advice), that their details go to the Home Office to decide whether they are a victim, and that they can change their mind.',
    ],
    on: audiences.adults,
    fields: [
      field.radios(
        'consent',
        'Do they agree to be referred?',
        [
          { value: 'yes', label: 'Yes, they agree to be referred' },
          { value: 'no', label: 'No, they do not agree', hint: 'If you work for the police, a council or another public authority in England or Wales, you must still tell the Home Office (Duty to Notify), without their details unless they will help the police. Other organisations have no such duty: without their agreement there is nothing to send.' },
        ],
        'Select whether they agree to be referred',
        { listRule: dutyToNotifyAuthority },
      ),
    ],
    crossCheck: (answers) =>
      single(answers, 'consent') === 'no' && !DTN_NATIONS.includes(single(answers, 'responderNation') ?? '')
        ? {
            field: 'consent',
            message:
              'An adult who does not agree cannot be referred, and the Duty to Notify applies only in England and Wales, so there is nothing to send. Delete this draft, or keep it in case they change their mind.',
          }
        : undefined,
    next: (answers) => (single(answers, 'consent') === 'no' ? 'refusal' : 'consent-record'),
  },
  {
    id: 'consent-record',
    section: 'consent',
    title: 'Record how they gave informed consent',
    on: ['adult-nrm'],
    fields: [
      field.checkboxes(
        'consentExplained',
        'What did you explain to them?',
        [
          { value: 'what-nrm-is', label: 'What the National Referral Mechanism is, and that the decision unit makes a reasonable grounds decision and then a conclusive grounds decision' },
          { value: 'support', label: 'The support they can get, and that it does not depend on helping the police' },
          { value: 'sharing', label: 'That their details go to the Home Office, and may be shared with the police, councils and support providers' },
          { value: 'withdraw', label: 'That they can withdraw their consent at any time' },
        ],
        'Explain all four before they agree, then tick to confirm',
        { hint: 'They can only give informed consent once you have explained all four.', requireAll: 'I explained all four to them' },
      ),
      field.confirm('privacyNoticeShown', 'I gave or read them the privacy notice', 'Give or read them the privacy notice, then tick to confirm'),
      field.text('consentInterpreterLanguage', 'If an interpreter helped, in which language? (optional)', '', { required: false }),
      field.text('consentExplainedBy', 'Who explained it to them?', 'Enter the name and role of the person who explained it'),
      field.date('consentDate', 'When did they agree?', 'Enter the date they agreed', { hint: 'For example 27 11 2026.' }),
    ],
    next: () => 'background',
  },
  {
    id: 'refusal',
    section: 'consent',
    on: audiences.dtn,
    intro: [
      'This is now a Duty to Notify report: it tells the Home Office about the exploitation without referring the person. It holds no name or contact details unless they agree to help the police, and then they are asked for on their own pages.',
      'Everything you write in it from here on must not identify them: no names, addresses, phone numbers or dates of birth.',
    ],
    fields: [field.narrative('refusalReason', 'Why do they not want to be referred? (optional)', '', { required: false })],
    next: () => 'background',
  },
];
