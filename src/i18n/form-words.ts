/**
 * The words every form's error pattern shows (form-parts.ts), apart from the site's dictionaries so a
 * form's browser script carries only these. id.ts and en.ts take theirs from here.
 */
export const FORM_WORDS = {
  id: { errorPrefix: 'Kesalahan', errorSummary: 'Ada masalah' },
  en: { errorPrefix: 'Error', errorSummary: 'There is a problem' },
} as const;
