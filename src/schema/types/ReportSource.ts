import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType('ReportSource', { description: 'A file ingested for an agency and year (history: earlier versions stay).' })
export class ReportSourceType {
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

  @Field(() => DateTimeResolver)
  ingestedAt!: Date;

  @Field({ description: 'True for the source the current report was parsed from.' })
  current!: boolean;
}
