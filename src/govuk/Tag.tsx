import type { ComponentChildren } from 'preact';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** GOV.UK tag: a short status beside what it describes; blue unless given a colour. */
export function Tag({ colour, children }: { colour?: TagColour; children: ComponentChildren }) {
  return <strong class={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}
