import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from './Node';
import type { Region } from '../../entities';

@Directive('@key(fields: "code")')
@ObjectType('Region', { implements: NodeInterface, description: 'A division of China (codes: province 2 digits, city 4, county 6, township 9).' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class RegionType implements Pick<Region, 'code' | 'name' | 'level' | 'parentCode'> {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'province | city | county | township' })
  level!: string;

  parentCode!: string | null;
}
