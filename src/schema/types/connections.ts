import { ObjectType } from 'type-graphql';
import { Connection } from './connection';
import { AgencyType } from './Agency';
import { CellType } from './Cell';
import { ReportType } from './Report';
import { SectionType } from './Section';

@ObjectType('ReportConnection')
export class ReportConnection extends Connection(ReportType) {}

@ObjectType('AgencyConnection')
export class AgencyConnection extends Connection(AgencyType) {}

@ObjectType('CellConnection')
export class CellConnection extends Connection(CellType) {}

@ObjectType('SectionConnection')
export class SectionConnection extends Connection(SectionType) {}
