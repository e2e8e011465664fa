import { Initial1763790000000 } from './1763790000000-Initial';
import { RankingIndexOnly1763950000000 } from './1763950000000-RankingIndexOnly';

/** Every migration, in order. Passed to TypeORM as classes (globs break under ts-jest and in dist/). */
export const MIGRATIONS = [Initial1763790000000, RankingIndexOnly1763950000000];
