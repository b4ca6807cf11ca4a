import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ErrorsView, errorsViewSearch, parseErrorsView } from '../../data/error-analysis.js';
import { plural } from '../../data/format.js';
import { DEFAULT_BUCKET } from '../../data/quality-chart.js';
import { versionName } from '../../data/quality-summary.js';
import { navigate, useLocation } from '../../location.js';
import { queries } from '../../queries.js';
import { routePath, withSearch } from '../../routes.js';
import { QueryState } from '../../ui/query-state.js';
import { ModelTabs } from '../model-tabs.js';
import { PredictionTable } from '../predictions/prediction-table.js';
import { ConfusionTable } from './confusion-table.js';
import { SlicesTable } from './slices-table.js';

/**
 * Where a model's labelled predictions go wrong, for one version or all (`?version=2`, shareable): the
 * confusion matrix, the wrong answers it was surest of (relabel them in place), and the worst input slices.
 */
export function ErrorsPage({ model }: { model: string }) {
  const { search } = useLocation();
  const view = parseErrorsView(search);
  const show = (next: ErrorsView) =>
    navigate(withSearch(routePath({ page: 'errors', model }), errorsViewSearch(next)), { replace: true });
  const analysis = useQuery({ ...queries.errors(model, view.version), placeholderData: keepPreviousData });
  return (
    <section>
      <h1>Error analysis of {model}</h1>
      <ModelTabs model={model} current="errors" />
      <VersionChoice model={model} view={view} onChange={show} />
      <QueryState query={analysis} what="error analysis">
        {(errors) => (
          <>
            <p className="muted" data-testid="errors-labelled">
              {errors.labelled === 0
                ? 'No labelled predictions yet: mark predictions right or wrong on the predictions page to analyse where the model errs.'
                : `${plural(errors.labelled, 'labelled prediction')} analysed.`}
            </p>
            {errors.labelled > 0 && (
              <>
                <h2>Confusion matrix</h2>
                <ConfusionTable analysis={errors} />
                <h2>Most confident wrong predictions</h2>
                {errors.confident_wrong.length === 0 ? (
                  <p className="muted">None of the labelled predictions is wrong.</p>
                ) : (
                  <PredictionTable
                    predictions={errors.confident_wrong}
                    testId="confident-wrong"
                    caption="Wrong predictions, highest score first"
                  />
                )}
                <h2>Slices, worst first</h2>
                <SlicesTable slices={errors.slices} />
              </>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** Every version that served (from the live-quality report), or all of them together. */
function VersionChoice({
  model,
  view,
  onChange,
}: {
  model: string;
  view: ErrorsView;
  onChange: (view: ErrorsView) => void;
}) {
  const quality = useQuery(queries.quality(model, DEFAULT_BUCKET));
  const versions = (quality.data?.versions ?? []).map((v) => ({ value: v.version, text: versionName(v) }));
  const choices =
    view.version === null || versions.some((v) => v.value === view.version)
      ? versions
      : [{ value: view.version, text: `v${view.version}` }, ...versions];
  return (
    <div className="inline-form">
      <label>
        Version
        <select
          aria-label="Version"
          value={view.version ?? ''}
          onChange={(e) => onChange({ version: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">all versions</option>
          {choices.map((v) => (
            <option key={v.value} value={v.value}>
              {v.text}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
