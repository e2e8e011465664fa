import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from './Node';
import type { Agency } from '../../entities';

export enum AgencyKind {
  government = 'government',
  department = 'department',
  zone = 'zone',
  street_office = 'street_office',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'government 人民政府, department 部门 (局/委/办/厅/中心…), zone 管委会 of a special or development zone, street_office 街道办事处.',
});

@Directive('@key(fields: "id")')
@ObjectType('Agency', { implements: NodeInterface, description: 'The agency that issues reports, e.g. 丰城市白土镇人民政府.' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class AgencyType implements Pick<Agency, 'id' | 'name' | 'fullName' | 'regionCode' | 'kind'> {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short name, e.g. 白土镇; a department or zone as issued, e.g. 沭阳县发展和改革局.' })
  name!: string;

  @Field()
  fullName!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'Region code (prefix of every region below it); a department\'s or zone\'s is the division its name starts with.' })
  regionCode!: string | null;
}
