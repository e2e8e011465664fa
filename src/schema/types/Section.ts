import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SectionKind } from './common';

@ObjectType('Section', { description: 'One of the numbered parts of a report, with its text.' })
export class SectionType {
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
