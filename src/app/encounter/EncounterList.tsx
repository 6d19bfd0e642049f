import { longDate } from '../../shared/encounter.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Link } from '../shell/Link.tsx';
import { encounterContent } from './content.ts';
import { paths } from '../shell/routes.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { useEncounters } from './use-encounters.ts';
import { Tag } from '../../govuk/Tag.tsx';

const text = encounterContent;

/** Every encounter on this device, the closed ones too (they can be reopened). */
export function EncounterList() {
  const store = useEncounters();
  const encounters = useLiveQuery(() => store.list(), [store]);
  if (!encounters) return null;
  return (
    <>
      <BackLink href={paths.home} />
      <h1 class="govuk-heading-l">{text.listTitle}</h1>
      {encounters.length === 0 ? <p class="govuk-body">{text.none}</p> : null}
      <ul class="govuk-list app-drafts">
        {encounters.map((encounter) => (
          <li key={encounter.id} class="app-drafts__item">
            <Link href={paths.encounter(encounter.id)}>{encounter.operation}</Link>
            <span class="govuk-hint govuk-!-margin-bottom-0">
              {longDate(encounter.date)} · {text.count(encounter.people.length)}
              {encounter.closedAt ? (
                <>
                  {' '}
                  <Tag colour="grey">{text.closedTag}</Tag>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
