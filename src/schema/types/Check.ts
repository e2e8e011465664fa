import { Field, Float, ObjectType } from 'type-graphql';
import type { Check } from '../../entities';

@ObjectType('Check', { description: 'The result of one consistency rule (勾稽关系) on a report.' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class CheckType implements Pick<Check, 'rule' | 'scope' | 'description' | 'keys' | 'passed' | 'left' | 'right'> {
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
