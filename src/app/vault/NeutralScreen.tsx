import { useEffect } from 'preact/hooks';
import { content } from '../shell/content.ts';
import { useServices } from '../shell/services.ts';

/** What quick hide shows: nothing that says what this app is. */
export function NeutralScreen() {
  const { session } = useServices();
  useEffect(() => {
    const title = document.title;
    document.title = content.neutral.title;
    return () => {
      document.title = title;
    };
  }, []);
  return (
    <main class="govuk-width-container app-neutral" id="main-content">
      <h1 class="govuk-heading-l govuk-!-margin-top-6">{content.neutral.title}</h1>
      <p class="govuk-body">{content.neutral.body}</p>
      <button type="button" class="app-link-button app-link-button--quiet" onClick={() => session.reveal()}>
        {content.neutral.back}
      </button>
    </main>
  );
}
