/**
 * The Dashboard API client: the {@link DashboardClient} interface export and import code against, and its REST
 * implementation for the reference Dashboard (or any Dashboard whose routes can be mapped onto it).
 */
export type { DashboardClient, RequestOptions, CreateOptions } from './client.js';
export { createRestClient, DEFAULT_BASE_URL, type RestClientOptions } from './rest-client.js';
export { DEFAULT_ROUTES, type RouteTable } from './routes.js';
export type { TokenProvider } from './transport.js';
export {
  DEFAULT_RETRIES,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MAX_RETRY_AFTER_MS,
  type RetryOptions,
} from './retry.js';
export { DEFAULT_CONCURRENCY } from './limit.js';
export { LIST_PAGE_LIMIT } from './pages.js';
export { HttpValidationError } from './errors.js';
export type { RestoreLock, RestoreLockRequest, RestoreLockResult } from './restore-lock.js';
