/** Run ids are 32 lowercase hex characters (a uuid4 without dashes), as MLflow clients expect. */
export function newRunId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '');
}

const RUN_ID = /^[a-zA-Z0-9][\w-]{0,255}$/;
export function isValidRunId(id: string): boolean {
  return RUN_ID.test(id);
}

const PROJECT_ID = /^[0-9]{1,18}$/;
export function isValidProjectId(id: string): boolean {
  return PROJECT_ID.test(id);
}
