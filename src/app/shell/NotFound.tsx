import { Link } from './Link.tsx';
import { content } from './content.ts';
import { paths } from './routes.ts';

export function NotFound() {
  return (
    <>
      <h1 class="govuk-heading-l">{content.notFound.title}</h1>
      <p class="govuk-body">{content.notFound.body}</p>
      <p class="govuk-body">
        <Link href={paths.home}>{content.notFound.home}</Link>
      </p>
    </>
  );
}
