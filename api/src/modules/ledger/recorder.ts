/**
 * The document a register row came from (DESIGN §4): its type (the entity name, e.g.
 * 'GoodsReceipt'), its id and, per row, the document line. Unposting deletes exactly
 * the rows of one recorder.
 */
export interface Recorder {
  type: string;
  id: string;
}
