// Messages of the plans domain.
import type { Catalog } from '../messages.js';

export const plans = {} satisfies Catalog;
