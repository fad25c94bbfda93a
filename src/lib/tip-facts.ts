/**
 * What the tip service keeps and for how long, in one place. The store (src/server/tip-store.ts)
 * writes exactly these readable fields; the privacy notice renders these lists; a test checks a
 * stored record and the built notice against them, so the promise and the code cannot drift apart.
 */

/** Readable without any key, so officers can triage before decrypting. Everything else is sealed. */
export const TIP_CLEAR_FIELDS = ['category', 'childInvolved', 'day'] as const;
export type TipClearField = (typeof TIP_CLEAR_FIELDS)[number];

/** Sealed to the officers' public keys before storage (messages to the reporter also to the receipt's key). */
export const TIP_SEALED_PARTS = ['report', 'files', 'contact', 'followUps', 'officerMessages', 'status'] as const;
export type TipSealedPart = (typeof TIP_SEALED_PARTS)[number];

/** Never stored or logged by this site's code. */
export const TIP_NEVER_KEPT = ['ipAddress', 'device', 'exactTime', 'receipt'] as const;
export type TipNeverKept = (typeof TIP_NEVER_KEPT)[number];

/** A tip's statuses, in the order a tip usually moves through them. */
export const TIP_STATUSES = ['received', 'under-review', 'forwarded-police', 'forwarded-bp3mi', 'closed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

/** Closed tips are deleted this many years after closing (the officers' console runs the deletion). */
export const CLOSED_TIP_RETENTION_YEARS = 2;

/** Failed receipt checks before a receipt's neighbourhood locks for 24 hours (as the pre-registration status check). */
export const RECEIPT_FAILURES_BEFORE_LOCK = 10;

/** Evidence limits: files per request and their total size (Netlify buffers at most 6 MB, base64 on the way in). */
export const MAX_FILES_PER_REQUEST = 3;
export const MAX_FILE_BYTES_PER_REQUEST = 4 * 1024 * 1024;
export const ACCEPTED_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
