// Seeded random single faults in imports of the `small` seed: cases 41…50 of the 50 distinct random positions
// (faults.ts: drawRandomFaults, describeRandomFaults).
import { describeRandomFaults } from './faults.js';

describeRandomFaults(40, 50);
