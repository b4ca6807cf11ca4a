import { formatDay, formatDaysLeft, formatHours } from '../../../src/core/format.js';
import type { ProjectStatus } from '../../../src/sdk/index.js';

/** The dashboard's banner: budgets, deadline and stall, only when there is something to say. */
export interface BannerMessage {
  tone: 'warning' | 'alert';
  text: string;
}

/** A budget this far spent is worth a warning before it runs out. */
const NEARLY_SPENT = 0.8;
/** A deadline this close (days) is worth a warning. */
const DEADLINE_SOON = 7;

export function bannerMessages(status: ProjectStatus): { messages: BannerMessage[]; suggestions: string[] } {
  const { trials, compute_hours: compute, deadline } = status.budgets;
  const messages: BannerMessage[] = [];
  const budget = (line: typeof trials, what: string, show: (n: number) => string) => {
    if (line.budget === null) return;
    const spent = `${show(line.spent)} of ${show(line.budget)} ${what}`;
    if (line.exceeded) messages.push({ tone: 'alert', text: `Over budget: ${spent}.` });
    else if ((line.fraction ?? 0) >= NEARLY_SPENT)
      messages.push({ tone: 'warning', text: `Budget nearly spent: ${spent}.` });
  };
  budget(trials, 'trials', (n) => String(n));
  budget(compute, 'compute', formatHours);
  if (deadline.at !== null) {
    if (deadline.passed)
      messages.push({ tone: 'alert', text: `The deadline (${formatDay(deadline.at)}) has passed.` });
    else if (deadline.days_left !== null && deadline.days_left <= DEADLINE_SOON)
      messages.push({
        tone: 'warning',
        text: `Deadline ${formatDaysLeft(deadline.days_left)} (${formatDay(deadline.at)}).`,
      });
  }
  if (status.stalled) {
    messages.push({ tone: 'alert', text: ['Stalled:', ...status.stall_reasons].join(' ') });
  }
  return { messages, suggestions: status.stalled ? status.suggestions : [] };
}
