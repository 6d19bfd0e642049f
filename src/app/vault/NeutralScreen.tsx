import { useEffect } from 'preact/hooks';
import { useServices } from '../shell/services.ts';
import { vaultContent } from './content.ts';

/** What quick hide shows: nothing that says what this app is. */
export function NeutralScreen() {
  const { session } = useServices();
  useEffect(() => {
    const title = document.title;
    document.title = vaultContent.neutral.title;
    return () => {
      document.title = title;
    };
  }, []);
  return (
    <main class="govuk-width-container app-neutral" id="main-content">
      <h1 class="govuk-heading-l govuk-!-margin-top-6">{vaultContent.neutral.title}</h1>
      <p class="govuk-body">{vaultContent.neutral.body}</p>
      <button type="button" class="app-link-button app-link-button--quiet" onClick={() => session.reveal()}>
        {vaultContent.neutral.back}
      </button>
    </main>
  );
}
