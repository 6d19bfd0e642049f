import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FieldDatabase } from '../../store/db.ts';
import type { DeviceIdentity } from '../../store/device-identity.ts';
import type { Settings } from '../../store/settings.ts';
import type { Vault } from '../../store/vault.ts';
import type { Session } from './session.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import type { SyncEngine } from '../../sync/engine.ts';
import type { Clock } from '../../sync/ports.ts';

/** What the screens need, built once by main.tsx and handed down. */
export interface AppServices {
  db: FieldDatabase;
  sync: SyncEngine;
  clock: Clock;
  /** Sends the outbox now, and asks the service worker to send it later if this fails. */
  sendSoon(): void;
  vault: Vault;
  session: Session;
  settings: Settings;
  identity: DeviceIdentity;
  /** The server's routes that need no device signature (intake key, enrolment), with the session cookie. */
  api: ApiClient;
  /** Deletes everything local, then starts the app afresh (saying why, if the server revoked the device). */
  wipe(reason?: 'revoked'): Promise<void>;
}

/** The unlocked data key. Screens that show personal data render only while unlocked. */
export function useKey(): CryptoKey {
  const { session } = useServices();
  const state = session.state();
  if (state.kind !== 'unlocked') throw new Error('The vault is locked');
  return state.key;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('AppServices missing: render inside <ServicesContext.Provider>');
  return services;
}
