import type { SectionId } from './model.ts';

/** Each section's title: the caption over its questions and the heading over its answers, on the device and at the desk. */
export const sectionTitles: Readonly<Record<SectionId, string>> = {
  setup: 'About this report',
  age: 'Age and safeguarding',
  background: 'Their background',
  exploitation: 'What happened',
  assessment: 'Your assessment',
  where: 'Where it happened',
  exploiters: 'The people who exploited them',
  risk: 'Type of exploitation and risk',
  police: 'Police',
  consent: 'Consent',
  dtn: 'Duty to Notify',
  support: 'Support',
  person: 'About the person',
  decision: 'Where to send the decision',
  responder: 'Your details',
  evidence: 'Evidence',
};
