// Entry of a render thread (piscina): worker threads do not inherit the TypeScript loader, so
// register tsx here, then hand every task to render-worker.ts.
import { register } from 'tsx/esm/api';

register();
const { renderInThread } = await import('./render-worker.ts');

export default renderInThread;
