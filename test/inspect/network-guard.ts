/**
 * Proves that nothing touched the network while it was installed. wtr cannot intercept the page's requests, so the
 * guard makes every request API throw (and counts the attempts), and a PerformanceObserver lists every resource the
 * browser fetched anyway (images, stylesheets, modules, …) — together they catch scripted and declarative requests.
 */
export interface NetworkGuard {
  /** Request attempts through the scripted APIs (fetch, XHR, WebSocket, EventSource, sendBeacon). */
  readonly attempts: string[];
  /** URLs of resources the browser loaded while the guard was up. */
  readonly resources: string[];
  /** Restores the APIs; returns the final lists (flushing the observer first). */
  dispose(): { attempts: string[]; resources: string[] };
}

/** Installs the guard. Call after the modules under test have loaded, before opening anything. */
export function installNetworkGuard(): NetworkGuard {
  const attempts: string[] = [];
  const resources: string[] = [];
  const w = window as unknown as Record<string, unknown>;
  const saved = {
    fetch: window.fetch,
    xhrOpen: XMLHttpRequest.prototype.open,
    WebSocket: window.WebSocket,
    EventSource: window.EventSource,
    sendBeacon: navigator.sendBeacon,
  };
  const refuse = (api: string, url: unknown): never => {
    attempts.push(`${api} ${String(url)}`);
    throw new TypeError(`network blocked by the test (${api})`);
  };
  window.fetch = (input: RequestInfo | URL) => refuse('fetch', input instanceof Request ? input.url : input);
  XMLHttpRequest.prototype.open = function (_method: string, url: string | URL) {
    refuse('xhr', url);
  } as typeof XMLHttpRequest.prototype.open;
  w.WebSocket = function (url: string) {
    refuse('websocket', url);
  };
  w.EventSource = function (url: string) {
    refuse('eventsource', url);
  };
  navigator.sendBeacon = (url: string | URL) => {
    attempts.push(`beacon ${String(url)}`);
    return false;
  };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) resources.push(entry.name);
  });
  observer.observe({ type: 'resource', buffered: false });

  return {
    attempts,
    resources,
    dispose() {
      for (const entry of observer.takeRecords()) resources.push(entry.name);
      observer.disconnect();
      window.fetch = saved.fetch;
      XMLHttpRequest.prototype.open = saved.xhrOpen;
      w.WebSocket = saved.WebSocket;
      w.EventSource = saved.EventSource;
      navigator.sendBeacon = saved.sendBeacon;
      return { attempts: [...attempts], resources: [...resources] };
    },
  };
}
