// Messages of the tally domain.
import type { Catalog } from '../messages.js';

export const tally = {} satisfies Catalog;
