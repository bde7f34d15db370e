// exportUnit against the reference Dashboard: cancel at every point, progress, and reads in parallel within the
// client's concurrency bound (the server counts the requests it has in flight).
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport, type Progress } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS } as const;

describe('export', () => {
  it('cancels with ABORTED at every progress report, from the session check to the encryption', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const reports: Progress[] = [];
    await exportUnit(client, PASSWORD, { ...opts, onProgress: (p) => reports.push({ ...p }) });
    const phases = [...new Set(reports.map((p) => p.phase))];
    expect(phases).to.deep.equal(['session', 'fetch', 'encrypt', 'done']);
    for (const p of reports) expect(p.done, `${p.phase} ${p.done}/${p.total}`).to.be.within(0, p.total);
    // Every report but the last ('done', after which nothing is left to cancel) is a point to cancel at.
    for (let at = 0; at < reports.length - 1; at++) {
      const controller = new AbortController();
      let seen = 0;
      const error = await rejectionOf(
        exportUnit(client, PASSWORD, {
          ...opts,
          signal: controller.signal,
          onProgress: () => void (seen++ === at && controller.abort()),
        }),
      );
      expect(error.code, `cancelled at report ${at} (${reports[at]!.phase})`).to.equal('ABORTED');
    }
    expect((await world.mutations()).length).to.equal(0);
    await world.drop();
  });

  it('sends its reads in parallel, as many at once as the client allows and no more; so does an import', async () => {
    const world = await createWorld('small');
    await world.latency(25);
    for (const concurrency of [1, 3]) {
      const client = world.client({ concurrency });
      await world.dev('DELETE', 'stats');
      const { blob } = await exportUnit(client, PASSWORD, opts);
      expect((await world.stats()).maxInFlight, `export, concurrency ${concurrency}`).to.equal(concurrency);
      if (concurrency === 1) continue;
      const backup = await openBackup(blob, PASSWORD);
      await world.dev('DELETE', 'stats');
      const result = await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false });
      expect(result.verified).to.equal(true);
      expect((await world.stats()).maxInFlight, `import, concurrency ${concurrency}`).to.equal(concurrency);
    }
    await world.drop();
  });
});
