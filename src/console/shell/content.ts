import type { Role } from '../../shared/accounts.ts';

/** Every word the console shows, in one place, so wording can be reviewed (and translated) together. */
export const content = {
  serviceName: 'NRM Field console',
  skipLink: 'Skip to main content',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error: ',
  title: (page: string) => `${page} – NRM Field console`,
  loading: 'Checking whether you are signed in…',
  signIn: {
    title: 'Sign in',
    lead: 'For casework, review and statistics. First responders send referrals from the NRM Field app on their phone or tablet instead.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    forgotten: 'If you have forgotten your password, ask an administrator of your organisation to reset it.',
    signedOut: 'You have signed out',
    sessionEnded: 'Your session has ended, sign in again',
    sessionEndedBody: 'Sessions end after 30 minutes without use, and 12 hours after you signed in.',
    noticeTitle: { success: 'Success', important: 'Important' },
  },
  errors: {
    emailMissing: 'Enter your email address',
    wrongDetails: 'The email address or password is not right',
    rateLimited: (wait: string) => `Too many attempts to sign in. Wait ${wait}, then try again`,
    unreachable: 'The server cannot be reached. Check your connection, then try again',
    server: (wait: string) => `The server is not working right now. Try again in ${wait}`,
    unexpected: (status: number) => `Something went wrong (the server answered ${status}). Try again`,
    forbidden: 'Your account is not allowed to do this',
    signedOut: 'You are not signed in any more. Sign in again',
  },
  unreachable: {
    title: 'Sorry, the server cannot be reached',
    body: 'The console could not check whether you are signed in. Check your connection, then try again.',
    retry: 'Try again',
  },
  landing: {
    title: 'Your account',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signOutFailed: (reason: string) => `You are still signed in. ${reason}`,
    email: 'Email address',
    role: 'Role',
    organisation: 'Organisation',
    sessionEnds: 'Session ends',
    sessionEndsValue: (idle: string, absolute: string) => `${idle} if you do nothing before then; ${absolute} at the latest`,
    canDo: 'What you can do here',
  },
  roles: {
    responder: {
      name: 'First responder',
      can: ['Send referrals from the NRM Field app on an enrolled phone or tablet, and follow their progress there.'],
      next: 'There is nothing for first responders in the console. Open the NRM Field app to make a referral.',
    },
    caseworker: {
      name: 'Caseworker',
      can: ['Read the cases that first responders send, as they were received.', 'Every time you open a case, it is recorded in the audit log.'],
      next: 'Screens for finding and reading cases are coming. Until then there is nothing more to do here.',
    },
    reviewer: {
      name: 'Reviewer',
      can: ['Read cases, and review negative decisions before they are final (second-person review).', 'Every time you open a case, it is recorded in the audit log.'],
      next: 'Screens for finding, reading and reviewing cases are coming. Until then there is nothing more to do here.',
    },
    analyst: {
      name: 'Analyst',
      can: ['See figures across all referrals. You never see a single case or anything that names a person.'],
      next: '',
    },
    admin: {
      name: 'Administrator',
      can: ['Manage organisations, accounts and enrolled devices. Administrators never see what a case says.'],
      next: 'Screens for accounts and devices are coming. Until then, use the server’s command line (npm run admin).',
    },
  } satisfies Record<Role, { name: string; can: string[]; next: string }>,
  fieldAppLink: 'Open the NRM Field app',
};
