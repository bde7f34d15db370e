// The React page: README.md's two React examples (panel-ref.tsx: properties through a ref; panel-props.tsx: React
// 19's own custom-element props), each given a client that records its calls, so the page shows that the client
// reached the element (without it, the element would use a default client of its own).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRestClient, type DashboardClient } from 'dashboard-backup';
import { BackupPanel as WithRef } from './panel-ref.tsx';
import { BackupPanel as WithProps } from './panel-props.tsx';

declare global {
  interface Window {
    /** Names of the client methods each panel's element called, by panel. */
    clientCalls: Record<string, string[]>;
  }
}

window.clientCalls = {};

function recordingClient(panel: string): DashboardClient {
  const calls: string[] = (window.clientCalls[panel] = []);
  const client = createRestClient({ baseUrl: '/api' });
  return new Proxy(client, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return value.apply(target, args);
      };
    },
  });
}

const clients = { ref: recordingClient('ref'), props: recordingClient('props') };
const onRestored = () => console.log('restored');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <section id="ref">
      <WithRef client={clients.ref} onRestored={onRestored} />
    </section>
    <section id="props">
      <WithProps client={clients.props} onRestored={onRestored} />
    </section>
  </StrictMode>,
);
