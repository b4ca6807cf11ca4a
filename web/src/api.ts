import { Ratchet } from '../../src/sdk/index.js';

/** The UI's one client: the server that served the page, through the same SDK users script with. */
export const ratchet = new Ratchet({ uri: window.location.origin });
