/** A host name or address (with or without brackets and port-less) that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const name = normalizeHostName(host);
  return (
    name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name)
  );
}

/** `[::1]` → `::1`, `LocalHost.` → `localhost`: one spelling per name, to compare against. */
export function normalizeHostName(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare.toLowerCase().replace(/\.$/, '');
}
