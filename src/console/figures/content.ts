import { SMALL_NUMBER_THRESHOLD } from '../../shared/accounts.ts';

/** The words of the analyst's figures (the console's shell-wide words are in shell/content.ts). */
export const figuresContent = {
  title: 'Figures',
  caption: 'Referrals received, by path',
  path: 'Path',
  count: 'Referrals',
  suppressed: `Fewer than ${SMALL_NUMBER_THRESHOLD}`,
  note: `Counts below ${SMALL_NUMBER_THRESHOLD} are never shown, so that no one can be picked out.`,
  loading: 'Loading the figures…',
  failed: (reason: string) => `The figures could not be loaded. ${reason}`,
  retry: 'Load the figures again',
  paths: {
    child: 'Child (under 18), NRM referral',
    'adult-nrm': 'Adult who consented, NRM referral',
    dtn: 'Adult who did not consent, Duty to Notify',
  } as Record<string, string>,
};
