import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FieldDatabase } from '../store/db.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { Clock } from '../sync/ports.ts';

/** What the screens need, built once by main.tsx and handed down. */
export interface AppServices {
  db: FieldDatabase;
  sync: SyncEngine;
  clock: Clock;
  /** Sends the outbox now, and asks the service worker to send it later if this fails. */
  sendSoon(): void;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('AppServices missing: render inside <ServicesContext.Provider>');
  return services;
}
