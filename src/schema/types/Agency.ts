import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Agency } from '../../entities';

@Directive('@key(fields: "id")')
@ObjectType('Agency', { description: 'The agency that issues reports, e.g. 丰城市白土镇人民政府.' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class AgencyType implements Pick<Agency, 'id' | 'name' | 'fullName' | 'regionCode'> {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short name, e.g. 白土镇.' })
  name!: string;

  @Field()
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Region code (prefix of every region below it).' })
  regionCode!: string | null;
}
