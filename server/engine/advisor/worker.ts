import { advise } from './advise.js';

// A thread of the advice pool (server/plugins/advice.ts): the hall as the advisor takes it in,
// the advice out, off the event loop that answers the kiosks.
export default advise;
