import { Field, ID, InputType, Int } from 'type-graphql';
import { IngestEncoding } from './common';

@InputType({ description: 'Filters of `reports`; all optional, combined with AND.' })
export class ReportFilter {
  @Field(() => String, { nullable: true, description: 'Agency id, short name (白土镇) or full name.' })
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
  @Field({ description: 'Canonical key, e.g. active.procurement.amount (see `metrics`).' })
  key!: string;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Region code prefix.' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;
}

@InputType()
export class IngestReportInput {
  @Field({ description: 'Original file name (.txt, .html, .docx…): decides how the content is read.' })
  fileName!: string;

  @Field({ description: 'The file, encoded as `encoding` says.' })
  content!: string;

  @Field(() => IngestEncoding, { defaultValue: IngestEncoding.BASE64 })
  encoding!: IngestEncoding;
}
