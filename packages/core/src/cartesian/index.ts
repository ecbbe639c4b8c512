export {
  type CartesianEntity,
  type CartesianItem,
  type CartesianPattern,
  type CartesianSpace,
  type CartesianSpaceInput,
  createCartesianSpace,
  formatGenerationKey,
} from './cartesianSpace.js';
export { createRoundRobinInterleave, type InterleavedSlot, type RoundRobinInterleave } from './interleave.js';
