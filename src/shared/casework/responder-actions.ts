import { z } from 'zod/mini';
import { REASON_TEXT_MAX, optionalText, text } from './form-text.ts';
import { reconsiderationGrounds } from './reasons.ts';

/**
 * What the responder who sent the referral may add to it from the field app (sealed and signed, through
 * the outbox): the answer to a request for more information, and a request for reconsideration of a
 * served negative decision. The same state machine takes them; only the referral's own device may send.
 */
export const answerInformationSchema = z.strictObject({ type: z.literal('answer-information'), answer: text('Write your answer', REASON_TEXT_MAX) });
export const askReconsiderationSchema = z.strictObject({
  type: z.literal('ask-reconsideration'),
  grounds: z.enum(Object.keys(reconsiderationGrounds) as [keyof typeof reconsiderationGrounds, ...(keyof typeof reconsiderationGrounds)[]], 'Choose why the decision should be looked at again'),
  detail: text('Say what should be looked at again and why', REASON_TEXT_MAX),
  /** Needed after the last day; the state machine says so. */
  lateReason: optionalText(REASON_TEXT_MAX),
});
export const responderActionSchema = z.discriminatedUnion('type', [answerInformationSchema, askReconsiderationSchema]);
export type ResponderAction = z.infer<typeof responderActionSchema>;
export type ResponderActionType = ResponderAction['type'];
export const responderActionTypes = responderActionSchema.def.options.map((option) => option.shape.type.def.values[0]) as ResponderActionType[];
