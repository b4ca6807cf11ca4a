import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Direction } from '../../../src/sdk/index.js';
import { ratchet } from '../api.js';
import { errorMessage } from '../data/errors.js';
import { type NewProjectFields, newProjectRequest } from '../data/new-project.js';
import { navigate } from '../location.js';
import { routePath } from '../routes.js';

const EMPTY: NewProjectFields = { name: '', metric: '', direction: 'maximize', minEffect: '' };

/** Creates a project with its metric, direction and minimum effect, then opens its dashboard. */
export function NewProjectForm() {
  const [fields, setFields] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (request: Parameters<typeof ratchet.projects.create>[0]) => ratchet.projects.create(request),
    onSuccess: async (project) => {
      await client.invalidateQueries({ queryKey: ['projects'] });
      navigate(routePath({ page: 'project', project: project.name }));
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  const set = (field: keyof NewProjectFields) => (value: string) => setFields({ ...fields, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = newProjectRequest(fields);
    if (!parsed.ok) return setProblem(parsed.error);
    setProblem(null);
    create.mutate(parsed.request);
  };
  return (
    <form className="inline-form" data-testid="new-project-form" onSubmit={submit}>
      <h2>New project</h2>
      <label>
        Name
        <input
          value={fields.name}
          onChange={(e) => set('name')(e.target.value)}
          required
          placeholder="penguins"
        />
      </label>
      <label>
        Metric
        <input value={fields.metric} onChange={(e) => set('metric')(e.target.value)} placeholder="test_acc" />
      </label>
      <label>
        Direction
        <select value={fields.direction} onChange={(e) => set('direction')(e.target.value as Direction)}>
          <option value="maximize">maximize</option>
          <option value="minimize">minimize</option>
        </select>
      </label>
      <label>
        Min effect
        <input
          value={fields.minEffect}
          onChange={(e) => set('minEffect')(e.target.value)}
          inputMode="decimal"
          placeholder="0.01"
          size={8}
        />
      </label>
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create'}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
