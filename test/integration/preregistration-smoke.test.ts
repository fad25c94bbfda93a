import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobs, type LocalBlobs } from '../support/blobs.ts';
import { testKeys, useKeys } from '../support/keys.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';
import { applicant } from '../support/applicants.ts';

let blobs: LocalBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
  useKeys(await testKeys());
});
afterAll(async () => blobs?.stop());

describe('smoke', () => {
  it('creates a pre-registration through the real handler and a real Blobs server', async () => {
    const response = await handlePreregistrations(
      new Request('http://localhost/api/preregistrations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(applicant()),
      }),
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.code).toMatch(/^LPG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });
});
