import type { z } from 'zod';
import { type settingsChanges, settingsFromWire } from '../../contract/settings.js';
import type { ProjectSettingsUpdate } from '../../tracking/trials/settings-service.js';

/** Settings from the wire (snake_case; absent leaves a setting, null clears it) as the service takes them. */
export function settingsUpdate(changes: Partial<z.output<typeof settingsChanges>>): ProjectSettingsUpdate {
  return settingsFromWire(changes);
}
