import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from './Node';
import { DateTimeResolver } from 'graphql-scalars';
import type { ReportSource } from '../../entities';

@ObjectType('ReportSource', { implements: NodeInterface, description: 'A file ingested for an agency and year (history: earlier versions stay).' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class ReportSourceType implements Pick<ReportSource, 'id' | 'fileName' | 'sha256' | 'encoding' | 'year' | 'ingestedAt'> {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field()
  sha256!: string;

  @Field()
  encoding!: string;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'The address the file was fetched from (or the url its manifest or hints gave).' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'The page that linked to the file as its attachment, when it was one.' })
  pageUrl!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the file was fetched (web ingest only).' })
  fetchedAt!: Date | null;

  @Field(() => DateTimeResolver)
  ingestedAt!: Date;

  @Field({ description: 'True for the source the current report was parsed from.' })
  current!: boolean;
}
