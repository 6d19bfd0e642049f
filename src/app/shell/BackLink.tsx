import { BackLink as GovukBackLink } from '../../govuk/BackLink.tsx';
import { content } from './content.ts';
import { followInApp } from './Link.tsx';

/** The GOV.UK back link, changing page in the app without a reload. */
export function BackLink({ href }: { href: string }) {
  return <GovukBackLink href={href} text={content.back} onClick={followInApp(href)} />;
}
