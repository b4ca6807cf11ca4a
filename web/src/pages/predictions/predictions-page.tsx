import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { plural } from '../../data/format.js';
import {
  PREDICTION_PAGE,
  type PredictionView,
  parsePredictionView,
  predictionFilter,
  predictionViewSearch,
} from '../../data/prediction-view.js';
import { parseQualityBucket, type QualityBucket, qualityBucketSearch } from '../../data/quality-chart.js';
import { navigate, useLocation } from '../../location.js';
import { queries } from '../../queries.js';
import { routePath, withSearch } from '../../routes.js';
import { QueryState } from '../../ui/query-state.js';
import { ModelTabs } from '../model-tabs.js';
import { PredictionFilters } from './prediction-filters.js';
import { PredictionTable } from './prediction-table.js';
import { QualityPanel } from './quality-panel.js';

/** A model's recent predictions, newest first, where people mark the wrong ones with the right label. */
export function PredictionsPage({ model }: { model: string }) {
  const { search } = useLocation();
  const view = parsePredictionView(search);
  const bucket = parseQualityBucket(search.get('bucket'));
  const path = routePath({ page: 'predictions', model });
  const go = (next: PredictionView, nextBucket: QualityBucket) =>
    navigate(withSearch(path, { ...predictionViewSearch(next), bucket: qualityBucketSearch(nextBucket) }), {
      replace: true,
    });
  const show = (next: PredictionView) => go(next, bucket);
  const list = useQuery({
    ...queries.predictions(model, predictionFilter(model, view)),
    placeholderData: keepPreviousData,
  });
  const quality = useQuery(queries.quality(model, bucket));
  const versions = (quality.data?.versions ?? []).flatMap((v) => [...v.aliases, String(v.version)]);
  return (
    <section>
      <h1>Predictions of {model}</h1>
      <ModelTabs model={model} current="predictions" />
      <QualityPanel model={model} bucket={bucket} onBucket={(next) => go(view, next)} />
      <PredictionFilters key={search.toString()} view={view} versions={versions} onChange={show} />
      <QueryState query={list} what="predictions">
        {({ predictions, total }) => (
          <>
            <p className="muted" data-testid="prediction-total">
              {plural(total, 'prediction')}
            </p>
            {predictions.length > 0 && (
              <PredictionTable predictions={predictions} testId="prediction-table" />
            )}
            <Pager view={view} total={total} onChange={show} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function Pager({
  view,
  total,
  onChange,
}: {
  view: PredictionView;
  total: number;
  onChange: (v: PredictionView) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / PREDICTION_PAGE));
  if (pages === 1 && view.page === 0) return null;
  return (
    <p className="action-row">
      <button
        type="button"
        disabled={view.page === 0}
        onClick={() => onChange({ ...view, page: view.page - 1 })}
      >
        Newer
      </button>
      <span className="muted">
        page {view.page + 1} of {pages}
      </span>
      <button
        type="button"
        disabled={view.page + 1 >= pages}
        onClick={() => onChange({ ...view, page: view.page + 1 })}
      >
        Older
      </button>
    </p>
  );
}
