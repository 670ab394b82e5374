/** The name of the SQL text-score function (kept apart so query code need not load the function). */
export const TEXT_SCORE_FUNCTION = "citelens_text_score";
