import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AggregateGroupBy } from './common';

/** The chart kinds of src/charts; COMPARISON draws up to 12 groups in their own order. */
export enum ChartKindEnum {
  RANKING = 'ranking',
  TREND = 'trend',
  COMPARISON = 'comparison',
  REGIONS = 'regions',
}
registerEnumType(ChartKindEnum, { name: 'ChartKind', description: 'ranking of agencies in a year, trend over years, comparison, or columns per region.' });

@ArgsType()
export class ChartArgs {
  @Field(() => ChartKindEnum)
  kind!: ChartKindEnum;

  @Field({ description: 'Cell key, e.g. active.procurement.amount.' })
  key!: string;

  @Field(() => Int, { nullable: true, description: 'Statistics year (ranking, regions, comparison).' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'First year of a trend.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of a trend.' })
  yearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Region code prefix: the scope.' })
  regionCode?: string | null;

  @Field(() => AggregateGroupBy, { nullable: true, description: 'regions / comparison: PROVINCE, CITY or COUNTY (default CITY).' })
  groupBy?: AggregateGroupBy | null;

  @Field(() => String, { nullable: true, description: 'trend: one agency (its id); without it the trend sums the region.' })
  agency?: string | null;

  @Field(() => Int, { nullable: true, description: 'Bars drawn before 「其余 N 个」 (1..40).' })
  first?: number | null;
}

@ObjectType('ChartPoint')
export class ChartPointType {
  @Field()
  label!: string;

  @Field(() => Float, { nullable: true, description: 'In the key\'s unit (元 / 件 / 项); null: a gap in a trend.' })
  value!: number | null;

  @Field({ description: 'The value as drawn: 11.58万元.' })
  text!: string;
}

@ObjectType('Chart', { description: 'A chart drawn on the server: an SVG document and the series it drew.' })
export class ChartType {
  @Field({ description: 'A standalone SVG document (Chinese labels; the reader\'s CJK font).' })
  svg!: string;

  @Field()
  title!: string;

  @Field({ description: 'Unit of the drawn values: 元, 万元, 亿元, 件 or 项.' })
  unit!: string;

  @Field(() => [ChartPointType])
  points!: ChartPointType[];

  @Field(() => Int, { description: 'Groups not drawn (beyond `first`).' })
  restCount!: number;

  @Field(() => Int, { description: 'Reports the values come from.' })
  sourceCount!: number;
}
