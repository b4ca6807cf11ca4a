import { Link } from '../link.js';
import { routePath } from '../routes.js';

const TABS = [
  { page: 'predictions', text: 'Predictions' },
  { page: 'errors', text: 'Error analysis' },
  { page: 'aliases', text: 'Alias history' },
] as const;

/** A model's pages: its prediction log with live quality, where its mistakes concentrate, its aliases' moves. */
export function ModelTabs({ model, current }: { model: string; current: (typeof TABS)[number]['page'] }) {
  return (
    <nav className="tabs" aria-label={`Pages of ${model}`}>
      {TABS.map((tab) => (
        <Link
          key={tab.page}
          href={routePath({ page: tab.page, model })}
          aria-current={tab.page === current ? 'page' : undefined}
        >
          {tab.text}
        </Link>
      ))}
    </nav>
  );
}
