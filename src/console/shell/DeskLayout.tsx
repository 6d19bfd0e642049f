import type { ComponentChildren } from 'preact';
import { useDeskFrame } from './desk-frame.ts';
import { Layout } from './Layout.tsx';

/** A signed-in screen's frame: the console's layout with its navigation, who is signed in, and Sign out. */
export function DeskLayout({ title, children }: { title: string; children: ComponentChildren }) {
  const frame = useDeskFrame();
  return (
    <Layout title={title} actions={frame?.actions} nav={frame?.nav} banner={frame?.banner}>
      {children}
    </Layout>
  );
}
