import type { ComponentChildren } from 'preact';

export interface ButtonProps {
  children: ComponentChildren;
  type?: 'button' | 'submit';
  onClick?: (event: MouseEvent) => void;
  secondary?: boolean;
  warning?: boolean;
  id?: string;
  disabled?: boolean;
  /**
   * Says the button is busy without taking it out of the tab order (as `disabled` would), so focus
   * stays on it while the work is done; the handler ignores presses meanwhile.
   */
  ariaDisabled?: boolean;
  /** More classes (spacing overrides, a layout hook), with no leading space. */
  class?: string;
}

/** GOV.UK button: primary, secondary or warning. */
export function Button({ children, type = 'button', onClick, secondary, warning, id, disabled, ariaDisabled, class: extra }: ButtonProps) {
  const classes = `govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}${extra ? ` ${extra}` : ''}`;
  return (
    <button type={type} id={id} class={classes} data-module="govuk-button" disabled={disabled} aria-disabled={ariaDisabled} onClick={onClick}>
      {children}
    </button>
  );
}

/** Buttons (and links) side by side, spaced as GOV.UK spaces them. */
export function ButtonGroup({ children }: { children: ComponentChildren }) {
  return <div class="govuk-button-group">{children}</div>;
}
