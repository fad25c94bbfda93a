/** Placeholders in the function page frame (/pra-daftar/kerangka/), filled by src/server/shell.ts. */
export const TITLE_SLOT = '%%TITLE%%';
export const CONTENT_SLOT = '<!--%%CONTENT%%-->';
