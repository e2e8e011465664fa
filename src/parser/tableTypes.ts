// The shapes the table readers pass between them, in a module of their own so that tokens, glued runs, loose values
// and the labelled-table walk import them without an import cycle.
import type { ColDef, TableId } from './catalog';
import type { TokenKind } from './values';

export interface CellToken {
  text: string;
  /** `glued`: a run of digits that holds one or more cells whose borders were lost (see glued.ts). */
  kind: TokenKind | 'glued';
  /** 1-based source line. */
  line: number;
  /** Increments at every blank line: tokens of one Word table row share a block. */
  block: number;
  /**
   * A blank cell made explicit in a space-aligned table (columns.ts): `cell`, a gap between or around the values of
   * its line (a cell even where it starts the row); `row`, one of the cells of a label line with no values, used only
   * by a row that gets no value at all.
   */
  aligned?: 'cell' | 'row';
}

export interface RowSpec {
  table: TableId;
  row: string;
  match: RegExp;
  cols: readonly ColDef[];
  /** Cell keys per column, built once. */
  keys: readonly string[];
  /** Bare numbers in this row are 万元 (format 2021 fees). */
  tenThousands: boolean;
  /** The printed label without numbering (「要求行政机关确认或重新出具已获取信息」), for labels cut by a line wrap. */
  printed: string;
}
