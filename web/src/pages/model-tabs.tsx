import { Link } from '../link.js';
import { routePath } from '../routes.js';

const TABS = [
  { page: 'predictions', text: 'Predictions' },
  { page: 'errors', text: 'Error analysis' },
] as const;

/** A model's two pages: its prediction log with live quality, and where its mistakes concentrate. */
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
