import { Initial1763790000000 } from './1763790000000-Initial';
import { LeanerIngest1763900000000 } from './1763900000000-LeanerIngest';
import { RankingIndexOnly1763950000000 } from './1763950000000-RankingIndexOnly';
import { AgencyKind1764000000000 } from './1764000000000-AgencyKind';
import { SourceOrigin1764000100000 } from './1764000100000-SourceOrigin';
import { BotSessions1764100000000 } from './1764100000000-BotSessions';
import { AgencyVocabulary1764200000000 } from './1764200000000-AgencyVocabulary';
import { AgencyVocabularyRules1764310000000 } from './1764310000000-AgencyVocabularyRules';

/** Every migration, in order. Passed to TypeORM as classes (globs break under ts-jest and in dist/). */
export const MIGRATIONS = [
  Initial1763790000000, LeanerIngest1763900000000, RankingIndexOnly1763950000000, AgencyKind1764000000000, SourceOrigin1764000100000,
  BotSessions1764100000000, AgencyVocabulary1764200000000, AgencyVocabularyRules1764310000000,
];
