import { createServices, type Services } from '../server/services.js';
import { DEFAULT_STORE_PATH, openStore } from '../store/open-store.js';

export interface StoreOption {
  store?: string;
}

export function storeLocation(options: StoreOption): string {
  return options.store ?? process.env.RATCHET_STORE ?? DEFAULT_STORE_PATH;
}

/** Opens the store for one command and always closes it, whatever the command does. */
export async function withServices<T>(
  options: StoreOption,
  work: (services: Services) => Promise<T>,
): Promise<T> {
  const store = await openStore(storeLocation(options));
  try {
    return await work(createServices(store));
  } finally {
    await store.close();
  }
}
