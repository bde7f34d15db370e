// Seeded random single faults in imports of the `small` seed: cases 31…40 of the 50 distinct random positions
// (faults.ts: drawRandomFaults, describeRandomFaults).
import { describeRandomFaults } from './faults.js';

describeRandomFaults(30, 40);
