import { z } from 'zod/mini';
import { NOTE_MAX, REASON_TEXT_MAX, optionalText, text } from './form-text.ts';
import { negativeReasons, positiveReasons, reconsiderationGrounds, type NegativeReason, type PositiveReason } from './reasons.ts';

export { NOTE_MAX, REASON_TEXT_MAX };

/**
 * What a person at the desk can do to a case, one schema per form. The console's forms validate with
 * these (react-hook-form's zod resolver) and the server checks the same before the state machine.
 */
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function day(required: string) {
  return z
    .string(required)
    .check(
      z.minLength(1, required),
      z.regex(DAY, 'Enter a real date, like 2026-03-12'),
      z.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Enter a real date'),
    );
}


const allReasonCodes = [...Object.keys(positiveReasons), ...Object.keys(negativeReasons)] as [PositiveReason | NegativeReason, ...(PositiveReason | NegativeReason)[]];

const decisionFields = {
  outcome: z.enum(['positive', 'negative'], 'Choose positive or negative'),
  reasonCodes: z.array(z.enum(allReasonCodes)).check(z.minLength(1, 'Choose at least one reason')),
  reasonText: text('Give the reasons for the decision in your own words', REASON_TEXT_MAX),
  decidedOn: day('Enter the date of the decision'),
};

/** Reasons must fit the outcome: a positive decision has no negative reasons, and the reverse. */
function reasonsFitOutcome(value: { outcome: 'positive' | 'negative'; reasonCodes: readonly string[] }): boolean {
  const fitting: Record<string, string> = value.outcome === 'positive' ? positiveReasons : negativeReasons;
  return value.reasonCodes.every((code) => code in fitting);
}
const reasonsMisfit = { message: 'Choose reasons that fit the outcome', path: ['reasonCodes'] };

export const decideReasonableGroundsSchema = z.strictObject({ type: z.literal('decide-rg'), ...decisionFields }).check(z.refine(reasonsFitOutcome, reasonsMisfit));
export const decideConclusiveGroundsSchema = z.strictObject({ type: z.literal('decide-cg'), ...decisionFields }).check(z.refine(reasonsFitOutcome, reasonsMisfit));

export const reviewSchema = z
  .strictObject({
    type: z.literal('review'),
    verdict: z.enum(['agree', 'disagree'], 'Choose whether you agree with the decision'),
    comment: optionalText(REASON_TEXT_MAX),
  })
  .check(z.refine((value) => value.verdict === 'agree' || Boolean(value.comment), { message: 'Say why you disagree, for the decision maker', path: ['comment'] }));

export const panelReviewSchema = z.strictObject({
  type: z.literal('panel-review'),
  verdict: z.enum(['agree', 'send-back'], 'Choose whether the panel agrees or sends the decision back'),
  reasons: text("Give the panel's reasons", REASON_TEXT_MAX),
});

export const recordReconsiderationSchema = z.strictObject({
  type: z.literal('record-reconsideration'),
  requestedOn: day('Enter the date the request was made'),
  grounds: z.enum(Object.keys(reconsiderationGrounds) as [keyof typeof reconsiderationGrounds, ...(keyof typeof reconsiderationGrounds)[]], 'Choose the grounds of the request'),
  detail: text('Say what the request asks and why', REASON_TEXT_MAX),
  /** Needed when the request came after day 30; the state machine says so. */
  lateReason: optionalText(REASON_TEXT_MAX),
});

export const decideReconsiderationSchema = z.strictObject({
  type: z.literal('decide-reconsideration'),
  outcome: z.enum(['accepted', 'refused'], 'Choose whether the request is accepted or refused'),
  reasons: text('Give the reasons', REASON_TEXT_MAX),
});

export const askInformationSchema = z.strictObject({ type: z.literal('ask-information'), question: text('Say what information is needed', REASON_TEXT_MAX) });
export const informationReceivedSchema = z.strictObject({ type: z.literal('information-received'), summary: text('Say what was received', REASON_TEXT_MAX) });
export const suspendSchema = z.strictObject({ type: z.literal('suspend'), reason: text('Give the reason for suspending the case', REASON_TEXT_MAX) });
export const liftSuspensionSchema = z.strictObject({ type: z.literal('lift-suspension'), note: text('Say why the case can go on', REASON_TEXT_MAX) });
export const recordTurned18Schema = z.strictObject({ type: z.literal('record-turned-18'), note: text('Say when they turned 18 and how consent is being asked for', REASON_TEXT_MAX) });
export const recordConsentSchema = z.strictObject({
  type: z.literal('record-consent'),
  consent: z.enum(['given', 'refused'], 'Choose whether they consented to stay in the NRM'),
  note: text('Say how consent was given or refused', REASON_TEXT_MAX),
});
/**
 * The statistics' county-lines flag: the form has no question for it (county lines is one example of
 * "commit crime"), so the decision maker who reads the account marks it, and can take the mark off again.
 */
export const flagCountyLinesSchema = z.strictObject({
  type: z.literal('flag-county-lines'),
  countyLines: z.enum(['yes', 'no'], 'Choose whether this is a county lines case'),
  note: text('Say what in the referral shows it', REASON_TEXT_MAX),
});
export const withdrawSchema = z.strictObject({ type: z.literal('withdraw'), reason: text('Give the reason (for example, the adult withdrew consent)', REASON_TEXT_MAX) });
export const takeSchema = z.strictObject({ type: z.literal('take') });
export const takeOverSchema = z.strictObject({ type: z.literal('take-over'), reason: text('Say why you are taking over the case', REASON_TEXT_MAX) });
export const assignSchema = z.strictObject({ type: z.literal('assign'), to: z.string('Choose who will hold the case').check(z.minLength(1, 'Choose who will hold the case')) });
export const releaseSchema = z.strictObject({ type: z.literal('release') });

export const caseActionSchema = z.discriminatedUnion('type', [
  decideReasonableGroundsSchema,
  decideConclusiveGroundsSchema,
  reviewSchema,
  panelReviewSchema,
  recordReconsiderationSchema,
  decideReconsiderationSchema,
  askInformationSchema,
  informationReceivedSchema,
  suspendSchema,
  liftSuspensionSchema,
  recordTurned18Schema,
  recordConsentSchema,
  flagCountyLinesSchema,
  withdrawSchema,
  takeSchema,
  takeOverSchema,
  assignSchema,
  releaseSchema,
]);
export type CaseAction = z.infer<typeof caseActionSchema>;
export type CaseActionType = CaseAction['type'];
export const caseActionTypes = caseActionSchema.def.options.map((option) => option.shape.type.def.values[0]) as CaseActionType[];

/** One request to act on a case: the version the actor saw, so a stale page gets 409, never an overwrite. */
export const caseActionRequestSchema = z.strictObject({
  version: z.int().check(z.minimum(1)),
  action: caseActionSchema,
});
export type CaseActionRequest = z.infer<typeof caseActionRequestSchema>;

export const caseNoteRequestSchema = z.strictObject({ text: text('Write the note', NOTE_MAX) });
export type CaseNoteRequest = z.infer<typeof caseNoteRequestSchema>;
