import { Agency } from './Agency';
import { Cell } from './Cell';
import { Check } from './Check';
import { Region } from './Region';
import { Report } from './Report';
import { ReportSource } from './ReportSource';
import { Section } from './Section';

export { Agency, Cell, Check, Region, Report, ReportSource, Section };
export const ENTITIES = [Region, Agency, ReportSource, Report, Section, Cell, Check];
