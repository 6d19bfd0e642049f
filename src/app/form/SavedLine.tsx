/** Under a question page: when the answers were last saved on the device, read out as it changes. */
export function SavedLine({ message }: { message: string }) {
  return (
    <p class="govuk-body-s app-saved" aria-live="polite">
      {message}
    </p>
  );
}
