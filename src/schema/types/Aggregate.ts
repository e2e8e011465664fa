import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('AggregateRow', { description: 'Statistics of one cell key over a group of reports.' })
export class AggregateRow {
  @Field(() => String, { nullable: true, description: 'Group value: year, region code or agency id; null for NONE or an unknown region.' })
  group!: string | null;

  @Field({ description: 'Human label of the group (region or agency name, year, 全部).' })
  label!: string;

  @Field(() => Int, { description: 'Number of reports with a numeric value.' })
  count!: number;

  @Field(() => Float, { nullable: true })
  sum!: number | null;

  @Field(() => Float, { nullable: true })
  avg!: number | null;

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;
}
