import { z } from 'zod/mini';
import { anonymousLinksSchema, linksSchema } from '../links.ts';
import { pathOf, pages, sentAnswers, walk } from './journey.ts';
import { CHECK, type Answers, type PageAudience } from './model.ts';
import { pageErrors, shapeOf, visibleFields } from './page-schema.ts';

const sentPages = (audiences: readonly PageAudience[]) => pages.filter((page) => !page.deviceOnly && page.on.some((audience) => audiences.includes(audience)));

export const DTN_IDENTIFYING_MESSAGE =
  'A Duty to Notify report cannot hold the person’s name, contact or other identifying details unless they are willing to help the police: remove them, or record that they will help';

/** Answers only a co-operating person's Duty to Notify report may hold. */
const identifying = new Set(pages.filter((page) => page.on.length === 1 && page.on[0] === 'dtn-cooperating').flatMap((page) => page.fields.map((def) => def.name)));

const strayKeys = (keys: readonly PropertyKey[]) => `This referral holds answers that its path never asks for (${keys.map(String).join(', ')}): remove them`;

const childReferral = z.strictObject({ ...shapeOf(sentPages(['child'])), path: z.literal('child'), links: z.optional(linksSchema) }, { error: (issue) => (issue.code === 'unrecognized_keys' ? strayKeys(issue.keys) : undefined) });

const adultReferral = z.strictObject({ ...shapeOf(sentPages(['adult-nrm'])), path: z.literal('adult-nrm'), links: z.optional(linksSchema) }, { error: (issue) => (issue.code === 'unrecognized_keys' ? strayKeys(issue.keys) : undefined) });

/** The Duty to Notify applies to public authorities in England and Wales only. */
const dtnNation = z.enum(['england', 'wales'], 'A Duty to Notify report can only be made from England or Wales');

/** Without co-operation the report has no place for a name or contact details at all: the shape itself refuses them. */
const dtnReport = z.discriminatedUnion(
  'cooperation',
  [
    z.strictObject(
      { ...shapeOf(sentPages(['dtn'])), path: z.literal('dtn'), cooperation: z.literal('no'), responderNation: dtnNation, links: z.optional(anonymousLinksSchema) },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? DTN_IDENTIFYING_MESSAGE : undefined) },
    ),
    z.strictObject(
      { ...shapeOf(sentPages(['dtn', 'dtn-cooperating'])), path: z.literal('dtn'), cooperation: z.literal('yes'), responderNation: dtnNation, links: z.optional(linksSchema) },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? strayKeys(issue.keys) : undefined) },
    ),
  ],
  'Select whether they are willing to help the police',
);

const PATH_MESSAGE: Record<string, string> = {
  child: 'A child referral is for someone under 18 or whose age is not known',
  'adult-nrm': 'An adult referral needs the person’s consent',
  dtn: 'A Duty to Notify report is for an adult who does not agree to be referred',
};

/**
 * What is sent to the decision unit, one shape per path: child | adult-nrm | dtn. On top of the
 * shapes, the referral must walk the form to its end: every page it visits answered, nothing held
 * that its pages do not ask. The form, the outbox and the server all check with this one schema.
 */
export const referralSchema = z
  .discriminatedUnion('path', [childReferral, adultReferral, dtnReport], 'Say whether the person is under 18, and for an adult whether they agree to be referred')
  .check(
    z.superRefine((referral, context) => {
      const { links: _links, ...rest } = referral;
      const answers = rest as Answers;
      const { done, at } = walk(answers, { skipDeviceOnly: true });
      // A referral that stops early is reported at the page where it stops; its path may not be known yet.
      const derived = pathOf(answers);
      if (derived !== referral.path && (derived !== undefined || at === CHECK)) {
        context.addIssue({ code: 'custom', message: PATH_MESSAGE[referral.path] ?? 'Unknown path', path: ['path'], input: referral.path });
      }
      if (at !== CHECK) {
        for (const [name, message] of Object.entries(pageErrors(at, answers))) context.addIssue({ code: 'custom', message, path: [name], input: answers[name] });
      }
      const asked = new Set(done.flatMap((page) => visibleFields(page, answers).map((def) => def.name)));
      for (const key of Object.keys(referral)) {
        // `links` is not an answer: it ties the referral to its encounter and family (see links.ts).
        if (key !== 'path' && key !== 'links' && !asked.has(key) && at === CHECK) {
          context.addIssue({ code: 'custom', message: referral.path === 'dtn' && identifying.has(key) ? DTN_IDENTIFYING_MESSAGE : strayKeys([key]), path: [key], input: answers[key] });
        }
      }
    }),
  );

export type Referral = z.infer<typeof referralSchema>;

/** Puts a draft's answers on the path they decide, keeping only what that path asks and shows. */
export function referralFromAnswers(answers: Answers): unknown {
  const path = pathOf(answers);
  return path ? { ...sentAnswers(answers), path } : sentAnswers(answers);
}
