import { BackLink } from '../shell/BackLink.tsx';
import { Link } from '../shell/Link.tsx';
import { paths } from '../shell/routes.ts';
import { sectionsContent } from './sections-content.ts';

/** Above a question: Back, and on the same line the way to every section of the referral. */
export function FormPageTop({ back, draftId }: { back: string; draftId: string }) {
  return (
    <div class="app-page-top">
      <BackLink href={back} />
      <Link href={paths.sections(draftId)}>{sectionsContent.allSections}</Link>
    </div>
  );
}
