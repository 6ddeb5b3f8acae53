import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearWorkingSet } from '../../renderer/db/working-set';

// Screens read through the working set (IndexedDB, here fake-indexeddb): each test starts empty,
// as after a lock.
afterEach(async () => {
  cleanup();
  await clearWorkingSet();
});
