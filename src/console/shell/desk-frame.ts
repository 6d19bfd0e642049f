import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ServiceNavigationItem } from '../../govuk/ServiceNavigation.tsx';

/** What every signed-in screen shows around itself: the sections of the console, who is signed in, the way out. */
export interface DeskFrame {
  nav: readonly ServiceNavigationItem[];
  actions: ComponentChildren;
  /** Above the page: a message about the whole console (sign-out failed). */
  banner: ComponentChildren;
}

export const DeskFrameContext = createContext<DeskFrame | undefined>(undefined);

export function useDeskFrame(): DeskFrame | undefined {
  return useContext(DeskFrameContext);
}

/** The screen changed without a page load: start reading from its heading. */
export function useHeadingFocus<T extends HTMLElement = HTMLHeadingElement>() {
  const heading = useRef<T>(null);
  useEffect(() => heading.current?.focus(), []);
  return heading;
}
