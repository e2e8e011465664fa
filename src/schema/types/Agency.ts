import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Agency', { description: 'The agency that issues reports, e.g. 丰城市白土镇人民政府.' })
export class AgencyType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short name, e.g. 白土镇.' })
  name!: string;

  @Field()
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Region code (prefix of every region below it).' })
  regionCode!: string | null;
}
