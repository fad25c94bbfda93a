/** Generates src/generated/form-data.ts before any test imports it (npm run build does the same). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup() {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(process.execPath, ['src/cli/build-data.ts'], { cwd: root, stdio: 'ignore' });
}
