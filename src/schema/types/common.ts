import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Relay page info. Cursors are opaque. */
@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export enum CellTable {
  active = 'active',
  requests = 'requests',
  appeals = 'appeals',
}
registerEnumType(CellTable, {
  name: 'CellTable',
  description: '表二 active 主动公开, 表三 requests 依申请公开, 表四 appeals 复议诉讼.',
});

export enum SectionKind {
  overview = 'overview',
  active = 'active',
  requests = 'requests',
  appeals = 'appeals',
  problems = 'problems',
  other = 'other',
}
registerEnumType(SectionKind, { name: 'SectionKind', description: 'The six numbered parts of the national template.' });

export enum CellOrder {
  VALUE_DESC = 'VALUE_DESC',
  VALUE_ASC = 'VALUE_ASC',
}
registerEnumType(CellOrder, { name: 'CellOrder', description: 'Ranking order (blank cells last).' });

export enum AggregateGroupBy {
  NONE = 'NONE',
  YEAR = 'YEAR',
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  AGENCY = 'AGENCY',
}
registerEnumType(AggregateGroupBy, { name: 'AggregateGroupBy' });

export enum IngestEncoding {
  BASE64 = 'BASE64',
  TEXT = 'TEXT',
}
registerEnumType(IngestEncoding, {
  name: 'IngestEncoding',
  description: 'How `content` is written: BASE64 of the original bytes (any file kind), or TEXT (UTF-8).',
});

/** A warning the parser attached to a report. */
@ObjectType()
export class ReportWarning {
  @Field()
  code!: string;

  @Field()
  message!: string;

  // Absent rather than null, as the writer stores them (entities/Report.ts): the compiler ties the two.
  @Field(() => Int, { nullable: true })
  line?: number;

  @Field(() => String, { nullable: true })
  key?: string;
}

@ObjectType({ description: '联系方式 as stated in the report.' })
export class Contact {
  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}
