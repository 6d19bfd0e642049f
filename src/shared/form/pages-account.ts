import { caseLabelField } from '../case-label.ts';
import { regionOfTown } from '../reference/region-of-town.ts';
import { audiences, field, single, yesNo, yesNoNotSure, type PageDef } from './model.ts';

const IN_THE_UK = ['uk', 'uk-and-overseas'];
const OUTSIDE_THE_UK = ['overseas', 'uk-and-overseas'];

/** Report setup and age, then (after consent: pages-consent.ts) the person's account, asked on every path. */
export const accountPages: readonly PageDef[] = [
  {
    id: 'case-label',
    section: 'setup',
    on: audiences.all,
    deviceOnly: true,
    fields: [caseLabelField],
    next: () => 'organisation',
  },
  {
    id: 'organisation',
    section: 'setup',
    on: audiences.all,
    fields: [
      field.typeahead('organisation', 'Which organisation do you work for?', 'organisations', 'Enter your organisation and choose it from the list', {
        hint: 'Start typing, then choose your organisation from the list.',
      }),
    ],
    next: () => 'responder-nation',
  },
  {
    id: 'responder-nation',
    section: 'setup',
    on: audiences.all,
    fields: [
      field.radios(
        'responderNation',
        'Where in the UK are you making this referral from?',
        [
          { value: 'england', label: 'England' },
          { value: 'wales', label: 'Wales' },
          { value: 'scotland', label: 'Scotland' },
          { value: 'northern-ireland', label: 'Northern Ireland' },
        ],
        'Select where in the UK you are making this referral from',
      ),
    ],
    next: () => 'under-18',
  },
  {
    id: 'under-18',
    section: 'age',
    on: audiences.all,
    fields: [
      field.radios('underAge', 'Is the person under 18?', yesNoNotSure, 'Select whether the person is under 18, or not sure', {
        hint: 'If you are not sure, treat them as a child: they are referred without asking for consent, and the local authority assesses their age. Changing this answer later means answering consent and the questions about them again.',
      }),
      field.radios('childAtTime', 'Were they under 18 at any time while they were exploited?', yesNoNotSure, 'Select whether they were under 18 at any time while they were exploited, or not sure', {
        shownWhen: { field: 'underAge', value: 'no' },
      }),
    ],
    next: (answers) => (single(answers, 'underAge') === 'no' ? 'consent' : 'local-authority'),
  },
  {
    id: 'local-authority',
    section: 'age',
    title: 'Which local authority have you told about the child?',
    intro: ['You must tell the child’s local authority before you refer them. Give the council and the person you spoke to.'],
    on: ['child'],
    fields: [
      field.typeahead('councilName', 'Local authority', 'local-authorities', 'Enter the local authority and choose it from the list'),
      field.phone('councilPhone', 'Local authority phone number', 'Enter the local authority’s phone number'),
      field.email('councilEmail', 'Local authority email address', 'Enter the local authority’s email address'),
      field.text('councilFirstName', 'First name of the person you spoke to (optional)', '', { required: false }),
      field.text('councilLastName', 'Last name of the person you spoke to (optional)', '', { required: false }),
    ],
    next: () => 'child-referral',
  },
  {
    id: 'background',
    section: 'background',
    title: 'Their background',
    intro: ['Tell us about their life before the exploitation. It helps the decision maker understand how they became vulnerable.'],
    on: audiences.all,
    fields: [
      field.text('birthplace', 'Where were they born?', 'Enter where they were born, or ‘not known’'),
      field.narrative('family', 'Their family', 'Describe their family, or say that they did not want to talk about it', { hint: 'Who they grew up with, who they are in touch with.' }),
      field.narrative('education', 'Their education', 'Describe their schooling, or say that it is not known'),
      field.narrative('employmentHistory', 'Their work before the exploitation', 'Describe any work they did before, or say that there was none'),
    ],
    next: () => 'situations',
  },
  {
    id: 'situations',
    section: 'exploitation',
    title: 'When and how it started',
    on: audiences.all,
    fields: [
      field.radios(
        'multipleSituations',
        'Were they exploited in more than one situation?',
        [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
          { value: 'i-dont-know', label: 'I do not know' },
        ],
        'Select whether they were exploited in more than one situation',
        { hint: 'For example by different people, in different places or in different kinds of work.' },
      ),
      field.narrative('exploitationDatesSeveral', 'When did each situation happen, and what kind of exploitation was it?', 'Give the dates and kind of exploitation of each situation', {
        shownWhen: { field: 'multipleSituations', value: 'yes' },
        hint: 'Take each situation in turn, for example ‘1. car wash in Leeds, March to June 2025, no pay’. Rough dates are fine.',
      }),
      field.narrative('exploitationDates', 'When did the exploitation happen?', 'Say when the exploitation started and ended, roughly if need be', {
        shownWhen: { field: 'multipleSituations', value: ['no', 'i-dont-know'] },
        hint: 'A rough time is fine, for example ‘spring 2024 to last month’. If there are gaps or delays in their account, explain them.',
      }),
      field.narrative('howStarted', 'How did the exploitation start?', 'Describe how the exploitation started', {
        hint: 'Who first approached them, what they were promised (work, pay, a home, travel), and what happened instead.',
      }),
    ],
    next: () => 'moved',
  },
  {
    id: 'moved',
    section: 'exploitation',
    on: audiences.all,
    remindSituations: true,
    fields: [
      field.radios('moved', 'Did the people exploiting them take them anywhere?', yesNo, 'Select whether they were taken anywhere', {
        hint: 'Within the UK or across borders.',
      }),
      field.narrative('journeyDetails', 'Describe the journey', 'Describe where they were taken and how', {
        shownWhen: { field: 'moved', value: 'yes' },
        hint: 'Where from and to, how they travelled, who paid and who held their documents.',
      }),
    ],
    next: () => 'treatment',
  },
  {
    id: 'treatment',
    section: 'exploitation',
    title: 'What happened to them',
    remindSituations: true,
    on: audiences.all,
    fields: [
      field.narrative('requiredToDo', 'What were they made to do, and for how long?', 'Describe what they were made to do and for how long'),
      field.narrative('livingConditions', 'What were their living conditions?', 'Describe their living conditions'),
      field.narrative('treatment', 'How were they treated?', 'Describe how they were treated', {
        hint: 'Threats, violence, debts, control of their money, phone or documents, and whether they could come and go.',
      }),
    ],
    next: () => 'still-exploited',
  },
  {
    id: 'still-exploited',
    section: 'exploitation',
    title: 'Leaving, and contact since',
    on: audiences.all,
    fields: [
      field.radios('stillExploited', 'Are they still in the exploitative situation?', yesNo, 'Select whether they are still in the exploitative situation'),
      field.narrative('whatKeepsThem', 'What is stopping them from leaving?', 'Describe what is stopping them from leaving', {
        shownWhen: { field: 'stillExploited', value: 'yes' },
        hint: 'For example debt, threats to family, fear of the authorities, nowhere else to go.',
      }),
      field.narrative('howLeft', 'How and why did they leave the situation?', 'Describe how and why they left the situation', { shownWhen: { field: 'stillExploited', value: 'no' } }),
      field.radios(
        'lastContact',
        'When were they last in contact with the people who exploited them?',
        [
          { value: 'within-the-last-week', label: 'In the last week' },
          { value: 'within-the-last-month', label: 'In the last month' },
          { value: 'within-the-last-3-month', label: 'In the last 3 months' },
          { value: 'within-the-last-6-month', label: 'In the last 6 months' },
          { value: 'within-the-last-6-12-month', label: '6 to 12 months ago' },
          { value: 'over-a-year-ago', label: 'More than a year ago' },
          { value: 'not-sure', label: 'Not sure' },
        ],
        'Select when they were last in contact with the people who exploited them',
      ),
      field.narrative('lastContactDetails', 'Tell us about that last contact (optional)', '', {
        required: false,
        noWebAddresses: true,
        hint: 'How they were contacted and what was said. Do not paste web links.',
      }),
    ],
    next: () => 'reported-before',
  },
  {
    id: 'reported-before',
    section: 'exploitation',
    on: audiences.all,
    fields: [
      field.radios('reportedBefore', 'Have they told anyone in authority about this before?', yesNoNotSure, 'Select whether they have reported this before, or not sure', {
        hint: 'For example the police, a council or the Home Office.',
      }),
      field.narrative('reportedBeforeDetails', 'Who did they tell, and when? (optional)', '', { required: false, shownWhen: { field: 'reportedBefore', value: 'yes' }, hint: 'Include any earlier reference numbers.' }),
      field.narrative('whyNow', 'Why are they telling someone now?', 'Say why they are telling someone now', {
        shownWhen: { field: 'reportedBefore', value: 'no' },
        hint: 'Explain anything that stopped them from speaking sooner, such as fear, shame, threats or not knowing it was a crime.',
      }),
      field.narrative('reportedBeforeNotSure', 'What do you know about it? (optional)', '', { required: false, shownWhen: { field: 'reportedBefore', value: 'not-sure' } }),
    ],
    next: () => 'indicators',
  },
  {
    id: 'indicators',
    section: 'assessment',
    on: audiences.all,
    fields: [
      field.radios('indicatorsSeen', 'Did you see signs of modern slavery?', yesNo, 'Select whether you saw signs of modern slavery', {
        hint: 'For example no access to their documents or money, signs of physical or psychological abuse, being transported to and from work, or living where they work.',
      }),
      field.narrative('indicatorsDetails', 'Describe every sign you saw', 'Describe the signs of modern slavery you saw', { shownWhen: { field: 'indicatorsSeen', value: 'yes' } }),
    ],
    next: () => 'interview',
  },
  {
    id: 'interview',
    section: 'assessment',
    title: 'Your assessment',
    on: audiences.all,
    fields: [
      field.narrative('interview', 'Where and how did you speak to them?', 'Say where and how you spoke to them', {
        hint: 'The place, who else was there, whether an interpreter was used (in person or by phone) and whether they had breaks.',
      }),
      field.narrative('professionalView', 'Why are you making this referral?', 'Say why, in your professional view, you are making this referral', {
        hint: 'Give your own professional view: which parts of their account and what you saw made you think they may be a victim of modern slavery.',
      }),
      field.radios('credibilityConcerns', 'Do you have evidence-based concerns about their credibility?', yesNo, 'Select whether you have evidence-based concerns about their credibility', {
        hint: 'Trauma can make an account patchy or inconsistent; that alone is not a reason for concern.',
      }),
      field.narrative('credibilityDetails', 'What is the evidence?', 'Describe the evidence behind your concerns', { shownWhen: { field: 'credibilityConcerns', value: 'yes' } }),
      field.radios('othersInvolved', 'Are other professionals or organisations involved?', yesNo, 'Select whether other professionals or organisations are involved'),
      field.narrative('othersInvolvedDetails', 'Who are they?', 'Say which professionals or organisations are involved', {
        shownWhen: { field: 'othersInvolved', value: 'yes' },
        hint: 'For example a GP, a social worker, a solicitor or a charity, with contact details if you have them.',
      }),
    ],
    next: () => 'where-exploited',
  },
  {
    id: 'where-exploited',
    section: 'where',
    on: audiences.all,
    remindSituations: true,
    fields: [
      field.radios(
        'whereExploited',
        'Where did the exploitation happen?',
        [
          { value: 'uk', label: 'In the UK' },
          { value: 'overseas', label: 'Outside the UK' },
          { value: 'uk-and-overseas', label: 'Both in and outside the UK' },
        ],
        'Select where the exploitation happened',
      ),
      field.places('ukTowns', 'Town or city in the UK', 'uk-towns', 'Enter at least one town or city and choose it from the list', {
        shownWhen: { field: 'whereExploited', value: IN_THE_UK },
        hint: 'Add up to 10. Choose ‘Unknown’ if nobody knows.',
      }),
      field.narrative('ukOtherLocation', 'Anything else about the places in the UK (optional)', '', {
        required: false,
        shownWhen: { field: 'whereExploited', value: IN_THE_UK },
        hint: 'For example the kind of place (a car wash, a farm, a private house) or a street.',
      }),
      field.places('countries', 'Country outside the UK', 'countries', 'Enter at least one country and choose it from the list', {
        shownWhen: { field: 'whereExploited', value: OUTSIDE_THE_UK },
        hint: 'Add up to 10. Choose ‘Unknown’ if nobody knows.',
        exclude: ['United Kingdom'],
      }),
      field.narrative('overseasOtherLocation', 'Anything else about the places outside the UK (optional)', '', { required: false, shownWhen: { field: 'whereExploited', value: OUTSIDE_THE_UK } }),
    ],
    next: () => 'current-location',
  },
  {
    id: 'current-location',
    section: 'where',
    title: 'Where are they staying now?',
    intro: ['This tells the police which force covers where they are. Choose ‘Unknown’ if you do not know.'],
    on: audiences.all,
    fields: [
      field.typeahead('currentTown', 'Town or city', 'uk-towns', 'Enter the town or city where they are staying and choose it from the list', { fillsIn: { field: 'currentRegion', from: regionOfTown } }),
      field.typeahead('currentRegion', 'County or region', 'uk-regions', 'Enter the county or region where they are staying and choose it from the list', {
        hint: 'Filled in for the largest towns and cities: change it if it is wrong.',
      }),
    ],
    next: () => 'exploiters',
  },
  {
    id: 'exploiters',
    section: 'exploiters',
    title: 'The people who exploited them',
    on: audiences.all,
    remindSituations: true,
    fields: [
      field.narrative('exploiters', 'Who exploited them?', 'Describe who exploited them, or say that they do not know', {
        hint: 'Names, nicknames, the languages they spoke, how they look (tattoos, scars), vehicles, phone numbers.',
      }),
      field.radios('exploitersLocationKnown', 'Is anything known about where the people who exploited them are now?', yesNo, 'Select whether anything is known about where they are now'),
      field.radios('exploitersInUk', 'Are they in the UK, or were they when last heard of?', yesNo, 'Select whether they are in the UK', { shownWhen: { field: 'exploitersLocationKnown', value: 'yes' } }),
      field.narrative('exploitersWhereabouts', 'What is known about where they are?', 'Describe what is known about where they are', { shownWhen: { field: 'exploitersLocationKnown', value: 'yes' } }),
    ],
    next: () => 'types',
  },
  {
    id: 'types',
    section: 'risk',
    on: audiences.all,
    remindSituations: true,
    fields: [
      field.checkboxes(
        'exploitationTypes',
        'What were they made to do?',
        [
          { value: 'forced-to-work', label: 'Work for no or almost no pay', group: 'Labour and financial' },
          { value: 'wages-taken', label: 'Hand over their wages', group: 'Labour and financial' },
          { value: 'forced-to-commit-fraud', label: 'Take part in fraud, such as opening bank accounts or claiming benefits', group: 'Labour and financial' },
          { value: 'prostitution', label: 'Sell sex (forced prostitution)', group: 'Sexual' },
          { value: 'child-exploitation', label: 'Sexual exploitation as a child', group: 'Sexual' },
          { value: 'taken-somewhere', label: 'Be held somewhere and sexually assaulted', group: 'Sexual' },
          { value: 'forced-to-commit-crime', label: 'Commit crime, such as growing cannabis, carrying drugs (county lines) or begging', group: 'Criminal' },
          { value: 'organs-removed', label: 'Have organs removed', group: 'Criminal' },
          { value: 'unpaid-household-work', label: 'Household work for no or almost no pay', group: 'Domestic servitude' },
          { value: 'other', label: 'Something else', group: 'Other' },
        ],
        'Select at least one kind of exploitation',
        { hint: 'Select all that apply.' },
      ),
      field.narrative('otherExploitationDetails', 'Describe what else they were made to do', 'Describe what else they were made to do', { shownWhen: { field: 'exploitationTypes', value: 'other' } }),
    ],
    next: () => 'other-victims',
  },
  {
    id: 'other-victims',
    section: 'risk',
    title: 'Others at risk, and the risk to them',
    on: audiences.all,
    fields: [
      field.radios('otherVictims', 'Are there other potential victims?', yesNoNotSure, 'Select whether there are other potential victims, or not sure'),
      field.narrative('otherVictimsDetails', 'Tell us about them (optional)', '', { required: false, shownWhen: { field: 'otherVictims', value: 'yes' }, hint: 'How many, where, and the operation name if there is one.' }),
      field.narrative('otherVictimsNotSure', 'Why do you think there may be others? (optional)', '', { required: false, shownWhen: { field: 'otherVictims', value: 'not-sure' } }),
      field.radios('fearReexploitation', 'Is there reason to fear they could be exploited again?', yesNo, 'Select whether there is reason to fear they could be exploited again'),
      field.narrative('fearReasons', 'Why could they be exploited again?', 'Say why they could be exploited again', {
        shownWhen: { field: 'fearReexploitation', value: 'yes' },
        hint: 'For example debts still owed, threats, contact with the exploiters, or nowhere safe to live.',
      }),
    ],
    next: () => 'police',
  },
  {
    id: 'police',
    section: 'police',
    title: 'The police',
    on: audiences.all,
    fields: [
      field.radios('reportedToPolice', 'Has a modern slavery crime against them been reported to the police?', yesNo, 'Select whether a modern slavery crime against them has been reported to the police'),
      field.typeahead('policeForce', 'Police force', 'police-forces', 'Enter the police force and choose it from the list', { shownWhen: { field: 'reportedToPolice', value: 'yes' } }),
      field.text('crimeReference', 'Crime or incident (CAD) reference', 'Enter the crime or incident (CAD) reference', { shownWhen: { field: 'reportedToPolice', value: 'yes' } }),
      field.radios('cooperation', 'Are they willing to help the police with an investigation?', yesNo, 'Select whether they are willing to help the police', {
        hint: 'If an adult does not agree to a referral, their name and contact details go to the police only when they say yes here.',
      }),
      field.narrative('cooperationDetails', 'Anything the police should know (optional)', '', { required: false, noWebAddresses: true, shownWhen: { field: 'cooperation', value: 'yes' }, hint: 'For example the best way or time to reach them. Do not paste web links.' }),
    ],
    // The path was settled straight after age (pages-consent.ts); here it decides what is asked about them.
    next: (answers) => (single(answers, 'underAge') !== 'no' ? 'name' : single(answers, 'consent') === 'no' ? 'dtn-gender' : 'support'),
  },
];
