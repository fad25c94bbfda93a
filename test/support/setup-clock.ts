/** Runs before each integration and browser test file: see clock.ts. */
import { useTestClock } from './clock.ts';

useTestClock();
