import type { NonEmptyArray } from 'type-graphql';
import { AgencyResolver } from './AgencyResolver';
import { AskResolver } from './AskResolver';
import { AggregateResolver } from './AggregateResolver';
import { CellResolver } from './CellResolver';
import { ChartResolver } from './ChartResolver';
import { MetricResolver } from './MetricResolver';
import { MutationResolver } from './MutationResolver';
import { NodeResolver } from './NodeResolver';
import { RegionResolver } from './RegionResolver';
import { ReportResolver } from './ReportResolver';
import { SectionResolver } from './SectionResolver';
import { VocabularyResolver } from './VocabularyResolver';

/** Every resolver class of the graph. The bot's AskResolver is added here with one line. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  ReportResolver,
  AgencyResolver,
  RegionResolver,
  CellResolver,
  AggregateResolver,
  MetricResolver,
  SectionResolver,
  MutationResolver,
  AskResolver,
  ChartResolver,
  NodeResolver,
  VocabularyResolver,
];

export type { AskAnswer, AskService, NianbaoContext } from './context';
export { createLoaders, type Loaders } from './loaders';
