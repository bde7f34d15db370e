/**
 * The registry of worlds: the default one at `/api`, and test worlds at `/api/worlds/{id}`. Only the newest
 * {@link MAX_WORLDS} test worlds are kept (and at most {@link MAX_LARGE_WORLDS} seeded `large`, ~4 MB of heap each).
 */
import type { Personality } from './personality.js';
import type { Feature } from './routes/order.js';
import type { SeedName } from './seeds/index.js';
import { createWorld, type World } from './world.js';

/** Test worlds kept at once; creating one more drops the oldest. */
export const MAX_WORLDS = 50;
/** Test worlds holding the `large` seed kept at once. */
export const MAX_LARGE_WORLDS = 8;

/** Base URL of the default world. */
export const DEFAULT_BASE = '/api';

/** All worlds of one reference Dashboard. */
export class WorldRegistry {
  readonly main: World;
  private readonly worlds = new Map<string, World>();
  private counter = 0;

  constructor(seed: SeedName) {
    this.main = createWorld('main', DEFAULT_BASE, seed);
  }

  /** Makes a test world, evicting the oldest ones past the caps. */
  create(seed: SeedName, personality: Personality = 'reference', features: readonly Feature[] = []): World {
    // a random part keeps ids unguessable across server restarts, so a stale test never hits a new world
    const id = `w${++this.counter}${Math.random().toString(36).slice(2, 8)}`;
    const world = createWorld(id, `${DEFAULT_BASE}/worlds/${id}`, seed, personality, features);
    this.worlds.set(id, world);
    this.evict();
    return world;
  }

  get(id: string): World | undefined {
    return this.worlds.get(id);
  }

  delete(id: string): boolean {
    this.worlds.get(id)?.hold.release(); // requests held in a dropped world would otherwise never be answered
    return this.worlds.delete(id);
  }

  /** Drops the oldest worlds past the caps (a Map iterates oldest first). */
  evict(): void {
    for (const [id] of this.worlds) {
      if (this.worlds.size <= MAX_WORLDS) break;
      this.delete(id);
    }
    let large = [...this.worlds.values()].filter((w) => w.seed === 'large').length;
    for (const [id, world] of this.worlds) {
      if (large <= MAX_LARGE_WORLDS) break;
      if (world.seed !== 'large') continue;
      this.delete(id);
      large -= 1;
    }
  }
}
