import { useQuery } from '@tanstack/react-query';
import { ratchet } from '../api.js';

/** A project by name (its id is what the project routes of /api/v1 take). */
export function useProject(name: string | null) {
  return useQuery({
    queryKey: ['project', name],
    queryFn: () => ratchet.projects.get(name!),
    enabled: name !== null,
    staleTime: 60_000,
  });
}
