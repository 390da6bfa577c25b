// Entry of a watchdog thread: worker threads do not inherit the TypeScript loader, so register
// tsx here, then run the shard.
import { register } from 'tsx/esm/api';

register();
await import('./watchdog-worker.ts');
