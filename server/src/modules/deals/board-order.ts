/** The gap left between neighbours on the board, so most moves touch one row. */
export const RANK_STEP = 1024;
