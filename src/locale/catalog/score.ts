// Messages of the score domain.
import type { Catalog } from '../messages.js';

export const score = {} satisfies Catalog;
