// Seeded random single faults in imports of the `small` seed: cases 11…20 of the 50 distinct random positions
// (faults.ts: drawRandomFaults, describeRandomFaults).
import { describeRandomFaults } from './faults.js';

describeRandomFaults(10, 20);
