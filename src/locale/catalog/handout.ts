// Messages of the handout domain.
import type { Catalog } from '../messages.js';

export const handout = {} satisfies Catalog;
