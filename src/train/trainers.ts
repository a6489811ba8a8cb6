// The models `npm run train` makes, one trainer module each. A new model is one line here and its name in
// MODEL_NAMES (src/learn/models.ts).
import type { Trainer } from './trainer.js';
import { claimsTrainer } from './train-claims.js';
import { namesTrainer } from './train-names.js';
import { stancesTrainer } from './train-stances.js';

export const TRAINERS: readonly Trainer[] = [namesTrainer, claimsTrainer, stancesTrainer];
