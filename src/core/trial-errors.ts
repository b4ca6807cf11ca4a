import { notFound } from './errors.js';

export function trialNotFound(id: string) {
  return notFound(`Trial with id=${id} not found`);
}
