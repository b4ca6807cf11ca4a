import { useQuery } from '@tanstack/react-query';
import { bannerMessages } from '../data/status-banner.js';
import { queries } from '../queries.js';

/** Budgets, deadline and stall: shown only when there is something to say. */
export function StatusBanner({ projectId }: { projectId: string }) {
  const status = useQuery(queries.status(projectId));
  if (!status.data) return null;
  const { messages, suggestions } = bannerMessages(status.data);
  if (messages.length === 0) return null;
  const alert = messages.some((m) => m.tone === 'alert');
  return (
    <div
      className={`banner ${alert ? 'banner-alert' : 'banner-warning'}`}
      data-testid="status-banner"
      role="status"
    >
      {messages.map((m) => (
        <p key={m.text}>{m.text}</p>
      ))}
      {suggestions.length > 0 && (
        <>
          <p className="muted">What to try next:</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
