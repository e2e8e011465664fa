import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('Region', { description: 'A division of China (codes: province 2 digits, city 4, county 6, township 9).' })
export class RegionType {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'province | city | county | township' })
  level!: string;

  parentCode!: string | null;
}
