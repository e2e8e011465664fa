import { Field, ObjectType } from 'type-graphql';
import { CellTable } from './common';

@ObjectType('Metric', { description: 'A canonical cell key of the catalog with its Chinese labels.' })
export class MetricType {
  @Field()
  key!: string;

  @Field(() => CellTable)
  table!: string;

  @Field()
  tableLabel!: string;

  @Field()
  row!: string;

  @Field()
  col!: string;

  @Field()
  label!: string;

  @Field()
  rowLabel!: string;

  @Field()
  colLabel!: string;

  @Field()
  unit!: string;

  @Field(() => [String], { description: 'Template formats that have this cell ("2019", "2021").' })
  formats!: string[];

  @Field(() => [String])
  aliases!: string[];
}
