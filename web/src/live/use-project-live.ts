import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queries } from '../queries.js';
import { setLiveState } from './live-state.js';
import { projectEventsUrl, subscribeProjectEvents } from './project-events.js';

/**
 * While a project's page is open, follow its change stream and refetch what is on screen when anything
 * changes (running curves, verdicts, the runs table): every active query is invalidated. Null: no project.
 */
export function useProjectLive(projectName: string | null) {
  const client = useQueryClient();
  const project = useQuery({ ...queries.projectByName(projectName ?? ''), enabled: projectName !== null });
  const projectId = projectName === null ? undefined : project.data?.id;
  useEffect(() => {
    if (projectId === undefined) return;
    return subscribeProjectEvents({
      url: projectEventsUrl(projectId),
      onChange: () => void client.invalidateQueries({ refetchType: 'active' }),
      onState: setLiveState,
    });
  }, [projectId, client]);
}
