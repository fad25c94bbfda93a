/**
 * The time the functions act on: real time. One exception, for the tests only: a local server
 * (deploy context "dev", which src/cli/serve.ts sets) honours LTSA_TEST_CLOCK_OFFSET_MS and runs
 * that many milliseconds ahead or behind. The tests set it when the real date leaves too few
 * bookable days in the window (late in a year whose successor's holidays are not yet in
 * content/data/holidays.yaml), so CI never goes red because of the date (test/support/clock.ts).
 * Netlify never runs a function in the "dev" context, so a deployed site always uses real time.
 */
export function serverClock(deployContext: string): () => Date {
  const offset = deployContext === 'dev' ? Number(process.env.LTSA_TEST_CLOCK_OFFSET_MS ?? 0) : 0;
  if (!Number.isFinite(offset) || offset === 0) return () => new Date();
  return () => new Date(Date.now() + offset);
}
