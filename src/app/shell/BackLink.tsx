import { content } from './content.ts';
import { Link } from './Link.tsx';

export function BackLink({ href }: { href: string }) {
  return (
    <Link href={href} class="govuk-back-link">
      {content.back}
    </Link>
  );
}
