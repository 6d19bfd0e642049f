import { Button } from '../../govuk/Button.tsx';
import { content } from './content.ts';
import { Layout } from './Layout.tsx';

const text = content.unreachable;

/** The server could not be asked whether anyone is signed in: say so, and offer to ask again. */
export function Unreachable({ onRetry }: { onRetry: () => void }) {
  return (
    <Layout title={text.title}>
      <h1 class="govuk-heading-l">{text.title}</h1>
      <p class="govuk-body">{text.body}</p>
      <Button onClick={onRetry}>{text.retry}</Button>
    </Layout>
  );
}
