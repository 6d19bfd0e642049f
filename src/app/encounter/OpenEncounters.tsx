import { Link } from '../shell/Link.tsx';
import { encounterContent as text } from './content.ts';
import { paths } from '../shell/routes.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { useEncounters } from './use-encounters.ts';

/** The start page's list of open encounters, and the way to closed ones. */
export function OpenEncounters() {
  const store = useEncounters();
  const encounters = useLiveQuery(() => store.list(), [store]) ?? [];
  const open = encounters.filter((encounter) => encounter.closedAt === undefined);
  return (
    <>
      {open.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">
            {text.open} ({open.length})
          </h2>
          <ul class="govuk-list app-drafts" data-testid="open-encounters">
            {open.map((encounter) => (
              <li key={encounter.id} class="app-drafts__item">
                <Link href={paths.encounter(encounter.id)}>{encounter.operation}</Link>
                <span class="govuk-hint govuk-!-margin-bottom-0">{text.count(encounter.people.length)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {encounters.length > open.length ? (
        <p class="govuk-body">
          <Link href={paths.encounters}>{text.allEncounters}</Link>
        </p>
      ) : null}
    </>
  );
}
