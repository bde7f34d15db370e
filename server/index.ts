// Placeholder until the reference Dashboard lands (issue 3): answers nothing, so requests fall through.
import type { IncomingMessage, ServerResponse } from 'node:http';
export function createReferenceDashboard() {
  return { handle: async (_req: IncomingMessage, _res: ServerResponse): Promise<boolean> => false };
}
