import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from './Node';
import { SectionKind } from './common';
import type { Section } from '../../entities';

@ObjectType('Section', { implements: NodeInterface, description: 'One of the numbered parts of a report, with its text.' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class SectionType implements Pick<Section, 'id' | 'kind' | 'ordinal' | 'title' | 'text' | 'reportId'> {
  @Field(() => ID)
  id!: string;

  @Field(() => SectionKind)
  kind!: string;

  @Field(() => Int)
  ordinal!: number;

  @Field()
  title!: string;

  @Field()
  text!: string;

  reportId!: string;
}
