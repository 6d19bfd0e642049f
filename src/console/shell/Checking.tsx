import { content } from './content.ts';
import { Layout } from './Layout.tsx';

/** While the server is asked whether someone is signed in (the sign-in title, as that is the likely answer). */
export function Checking() {
  return (
    <Layout title={content.signIn.title}>
      <p class="govuk-body" role="status">
        {content.loading}
      </p>
    </Layout>
  );
}
