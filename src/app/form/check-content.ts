/** Check your answers and the confirmation: loaded with those screens, not with the first question. */
export const checkContent = {
  check: {
    title: 'Check your answers before sending',
    titleDtn: 'Check your answers before sending the Duty to Notify report',
    pathSummary: {
      child: 'This is a National Referral Mechanism referral for a child. A child is referred without asking for consent.',
      'adult-nrm': 'This is a National Referral Mechanism referral for an adult who agreed to be referred.',
      dtn: 'This is a Duty to Notify report, not a referral: the adult did not agree to be referred. It tells the Home Office what happened, without their details unless they will help the police.',
    },
    caseLabel: 'Your own reference (stays on this device)',
    change: 'Change',
    sendHeading: 'Now send it',
    submit: 'Accept and send',
    submitDtn: 'Accept and send the report',
    declaration: 'By sending this you confirm that the information is correct to the best of your knowledge. It is kept on this device, sealed, until it can be sent.',
    notAnswered: 'Not answered',
    /** A summary card's title bar: the section and, while it is folded, how many answers it holds. */
    answers: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
    show: 'Show',
    hide: 'Hide',
    advice: {
      heading: 'Before you send: advice',
      lead: 'Nothing here stops you sending. Each point would help the decision unit decide on first reading, without coming back to you.',
      fix: 'Improve this answer',
    },
  },
  confirmation: {
    queuedTitle: 'Referral saved and queued',
    queuedTitleDtn: 'Duty to Notify report saved and queued',
    sentTitleDtn: 'Duty to Notify report sent',
    nextBodyDtn: 'A Duty to Notify report does not lead to a decision. The Home Office records it and shares it with the police to find the people responsible.',
    queuedBody: 'It will be sent automatically as soon as this device has signal. You do not need to keep this page open.',
    sentTitle: 'Referral sent',
    referenceLabel: 'Reference',
    whatNext: 'What happens next',
    // No promise of a date: the 5 working day target for the first decision is often missed.
    nextBody:
      'The Home Office decides, usually through the Single Competent Authority; about a fifth of cases, such as people in immigration detention, go to Immigration Enforcement instead. It first decides whether there are reasonable grounds to believe they are a victim, and later makes a conclusive grounds decision. Neither comes by a set date. When a decision is made, your outbox shows it and its date.',
    attentionTitle: 'This referral needs your attention',
    toOutbox: 'Go to your outbox',
    another: 'Start another referral',
  },
} as const;
