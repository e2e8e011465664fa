import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from './Node';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Contact, ReportWarning } from './common';
import type { Report } from '../../entities';

@Directive('@key(fields: "id")')
@ObjectType('Report', { implements: NodeInterface, description: 'The current 政府信息公开工作年度报告 of an agency for a statistics year.' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class ReportType implements Pick<Report, 'id' | 'title' | 'year' | 'format' | 'publishedAt' | 'parserVersion' | 'regionCode' | 'warnings' | 'missingCells' | 'createdAt' | 'updatedAt' | 'agencyId' | 'sourceId'> {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => Int, { description: 'Statistics year (not the publication year).' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'Template: "2019" or "2021"; null when the report has no standard tables.' })
  format!: string | null;

  @Field(() => DateResolver, { nullable: true })
  publishedAt!: string | null;

  @Field()
  parserVersion!: string;

  @Field(() => String, { nullable: true })
  regionCode!: string | null;

  @Field(() => [ReportWarning])
  warnings!: ReportWarning[];

  @Field(() => [String], { description: 'Keys of the template that the source lacks.' })
  missingCells!: string[];

  @Field(() => Contact)
  contact!: Contact;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver)
  updatedAt!: Date;

  agencyId!: string;
  sourceId!: string;
}
