import { describe, expect, it } from 'vitest';
import { withSearch } from '../routes.js';
import {
  PREDICTION_PAGE,
  parsePredictionView,
  predictionFilter,
  predictionViewSearch,
} from './prediction-view.js';

const view = (query: string) => parsePredictionView(new URLSearchParams(query));

describe('the predictions view in the URL', () => {
  it('defaults to every version, every label, any score, the newest page', () => {
    expect(view('')).toEqual({ version: null, label: 'all', minScore: null, maxScore: null, page: 0 });
    expect(withSearch('/models/m/predictions', predictionViewSearch(view('')))).toBe('/models/m/predictions');
  });

  it('round-trips every filter through the search parameters', () => {
    const parsed = view('version=production&label=wrong&min=0.9&max=1&page=2');
    expect(parsed).toEqual({ version: 'production', label: 'wrong', minScore: 0.9, maxScore: 1, page: 2 });
    expect(
      view(new URLSearchParams(predictionViewSearch(parsed) as Record<string, string>).toString()),
    ).toEqual(parsed);
  });

  it('ignores what it cannot read rather than sending the server a bad filter', () => {
    expect(view('label=maybe&min=abc&max=&page=-1&version=%20')).toEqual(view(''));
  });
});

describe('the SDK filter of a view', () => {
  it('names a version number with a slash and an alias with an at sign', () => {
    expect(predictionFilter('churn', view('version=3')).model).toBe('churn/3');
    expect(predictionFilter('churn', view('version=production')).model).toBe('churn@production');
    expect(predictionFilter('churn', view('')).model).toBe('churn');
  });

  it('maps the label filter and scores, and pages newest first', () => {
    expect(predictionFilter('m', view('label=unlabelled&min=0.5&page=1'))).toEqual({
      model: 'm',
      labelled: false,
      minScore: 0.5,
      limit: PREDICTION_PAGE,
      offset: PREDICTION_PAGE,
    });
    expect(predictionFilter('m', view('label=labelled')).labelled).toBe(true);
    expect(predictionFilter('m', view('label=wrong'))).toMatchObject({ wrong: true });
  });
});
