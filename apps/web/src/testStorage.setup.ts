// Unit test files share their worker (vitest.config.ts, `isolate: false`), and with it a browser-like environment's
// storage: each test starts with empty localStorage and sessionStorage, whatever a file before it kept there.
import { beforeEach } from 'vitest';

beforeEach(() => {
  if (typeof localStorage !== 'undefined') localStorage.clear();
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
