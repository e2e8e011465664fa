import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { AggregateGroupBy, CellOrder, IngestEncoding } from './common';

@InputType({ description: 'Filters of `reports`; all optional, combined with AND.' })
export class ReportFilter {
  @Field(() => String, { nullable: true, description: 'Agency id, or a name matched as `agencies(search:)` does: a substring of the short or full name (白土 finds 白土镇).' })
  agency?: string | null;

  @Field(() => String, { nullable: true, description: 'Region code prefix: 36 (江西省), 3609 or 360900 (宜春市), 360981 (丰城市)…' })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Template format: "2019" or "2021".' })
  format?: string | null;
}

@InputType({ description: 'Which cells to rank: one key across reports.' })
export class CellFilter {
  @Field({ description: 'A cell key, label or alias, e.g. active.procurement.amount or 采购总金额 (see `metrics(search:)`).' })
  key!: string;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Region code prefix.' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Only cells whose value is greater than this (blank cells never match a bound).' })
  valueGt?: number | null;

  @Field(() => Float, { nullable: true, description: 'Only cells whose value is at least this.' })
  valueGte?: number | null;

  @Field(() => Float, { nullable: true, description: 'Only cells whose value is less than this.' })
  valueLt?: number | null;

  @Field(() => Float, { nullable: true, description: 'Only cells whose value is at most this.' })
  valueLte?: number | null;
}

@InputType({ description: 'What the caller knows about the document; the text wins where it says the thing itself.' })
export class IngestHintsInput {
  @Field(() => String, { nullable: true, description: 'Issuing agency, e.g. 平潭综合实验区管理委员会 (at most 200 characters).' })
  agency?: string | null;

  @Field(() => Int, { nullable: true, description: 'Statistics year (1990–2100).' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Title as listed by the publishing site (at most 500 characters).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the document was published: an http(s) address, stored with the source.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date, YYYY-MM-DD.' })
  publishedAt?: string | null;
}

@InputType()
export class IngestReportInput {
  @Field({ description: 'Original file name (.txt, .html, .docx…): decides how the content is read.' })
  fileName!: string;

  @Field({ description: 'The file, encoded as `encoding` says.' })
  content!: string;

  @Field(() => IngestEncoding, { defaultValue: IngestEncoding.BASE64 })
  encoding!: IngestEncoding;

  @Field(() => IngestHintsInput, { nullable: true })
  hints?: IngestHintsInput | null;
}

// ---------------------------------------------------------------- arguments of the root lists (in SDL order)
/** first/after and last/before of every Relay connection (one direction per request). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 1..100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size from the end (or before `before`): 1..100; not with first/after.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'startCursor of the next page: the page ends just before it.' })
  before?: string | null;
}

@ArgsType()
export class ReportsArgs extends PageArgs {
  @Field(() => ReportFilter, { nullable: true })
  filter?: ReportFilter | null;
}

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Substring of the short or full name, e.g. 白土.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Region code prefix.' })
  regionCode?: string | null;
}

@ArgsType()
export class CellsArgs extends PageArgs {
  @Field(() => CellFilter)
  filter!: CellFilter;

  @Field(() => CellOrder, { defaultValue: CellOrder.VALUE_DESC })
  orderBy!: CellOrder;
}

@ArgsType()
export class AggregateArgs {
  @Field({ description: 'A cell key, label or alias, e.g. active.procurement.amount or 采购总金额 (see `metrics(search:)`).' })
  key!: string;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Region code prefix.' })
  regionCode?: string | null;

  @Field(() => AggregateGroupBy, { defaultValue: AggregateGroupBy.NONE })
  groupBy!: AggregateGroupBy;
}

@ArgsType()
export class SearchSectionsArgs extends PageArgs {
  @Field({ description: 'Chinese words or a phrase; under 3 characters it is matched as a substring.' })
  text!: string;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Region code prefix.' })
  regionCode?: string | null;
}
