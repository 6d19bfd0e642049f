// @vitest-environment happy-dom
// Deleting from the outbox something the server would not take (issue 16): on a GOV.UK confirmation
// page of its own, never the browser's confirm(); and the outbox links to that page.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeleteFromOutboxPage, deleteFromOutboxPath } from '../../src/app/outbox/DeleteFromOutboxPage.tsx';
import { ServicesContext, type AppServices } from '../../src/app/shell/services.ts';
import { matchRoute } from '../../src/app/shell/routes.ts';
import type { AdditionRecord } from '../../src/store/db.ts';
import { getOutboxItem, queueSubmission } from '../../src/store/outbox.ts';
import { deviceKey, freshDatabase, submissionFor } from '../support/fixtures.ts';

// Dexie's liveQuery does not run under happy-dom: the page's query runs once here, which is all these tests need.
vi.mock('../../src/app/shell/use-live-query.ts', async () => {
  const { useEffect, useState } = await import('preact/hooks');
  return {
    useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
      const [value, setValue] = useState<T | undefined>(undefined);
      useEffect(() => void query().then(setValue), deps);
      return value;
    },
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function deviceWithOneReferral() {
  const db = freshDatabase();
  const key = await deviceKey;
  const submission = submissionFor();
  await queueSubmission(db, key, submission, 'RAID-14-HARBOUR', new Date());
  // Only what these pages use of the app's services: the store, the clock and the unlocked key.
  const services = { db, clock: { now: () => new Date() }, session: { state: () => ({ kind: 'unlocked', key }) } } as unknown as AppServices;
  const page = (id: string) =>
    render(
      <ServicesContext.Provider value={services}>
        <DeleteFromOutboxPage id={id} />
      </ServicesContext.Provider>,
    );
  return { db, key, id: submission.id, page };
}

describe('deleting from the outbox', () => {
  it('has an address of its own under the outbox', () => {
    const id = '0193c7e2-5b1a-7c3d-9e8f-1234567890ab';
    expect(matchRoute(deleteFromOutboxPath(id))).toEqual({ name: 'outboxAddition', params: { id, action: 'delete' } });
  });

  it('names the referral, warns that it cannot be undone, and deletes only when confirmed', async () => {
    const { db, key, id, page } = await deviceWithOneReferral();
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const { findByRole, getByText, getByRole } = page(id);
    await findByRole('heading', { name: 'Delete this referral from this device?' });
    expect(getByText('RAID-14-HARBOUR')).toBeTruthy();
    expect(getByText(/This cannot be undone/)).toBeTruthy();
    expect(getByRole('link', { name: 'Cancel' }).getAttribute('href')).toBe('/outbox');
    expect(await getOutboxItem(db, key, id)).toBeDefined();

    fireEvent.click(getByRole('button', { name: 'Delete referral' }));
    await waitFor(async () => expect(await getOutboxItem(db, key, id)).toBeUndefined());
    expect(location.pathname).toBe('/outbox');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('deletes an unsent answer, saying which referral it belongs to', async () => {
    const { db, id, page } = await deviceWithOneReferral();
    const now = new Date().toISOString();
    const addition: AdditionRecord = { id: crypto.randomUUID(), referralId: id, kind: 'answer-information', state: 'needs-attention', createdAt: now, updatedAt: now, attempts: 1, nextAttemptAt: 0 };
    await db.additions.put(addition);
    const { findByRole, getByText, getByRole } = page(addition.id);
    await findByRole('heading', { name: 'Delete your answer from this device?' });
    expect(getByText('For referral RAID-14-HARBOUR')).toBeTruthy();
    fireEvent.click(getByRole('button', { name: 'Delete it' }));
    await waitFor(async () => expect(await db.additions.get(addition.id)).toBeUndefined());
  });

  it('says there is nothing to delete once it has gone', async () => {
    const { page } = await deviceWithOneReferral();
    const { findByRole } = page(crypto.randomUUID());
    await findByRole('heading', { name: 'There is nothing to delete' });
  });
});
