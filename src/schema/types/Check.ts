import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('Check', { description: 'The result of one consistency rule (勾稽关系) on a report.' })
export class CheckType {
  @Field()
  rule!: string;

  @Field()
  scope!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  keys!: string[];

  @Field(() => Boolean, { nullable: true, description: 'null when a cell the rule needs is missing.' })
  passed!: boolean | null;

  @Field(() => Float, { nullable: true })
  left!: number | null;

  @Field(() => Float, { nullable: true })
  right!: number | null;
}
