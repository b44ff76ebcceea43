package news.masthead.epaper;

/** One page of a PDF on its own: a one-page PDF, its size in points, its text layer. */
record ProcessedPage(int number, float widthPt, float heightPt, byte[] pdf, String text) {
}
