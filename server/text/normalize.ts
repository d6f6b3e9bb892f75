/** Text normalisation shared by the index, the dictionary and the chat: NFKC (full-width → half-width), lower case. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Park names as the API returns them: line breaks and runs of spaces removed. */
export function cleanName(s: string): string {
  return s.replace(/\s+/g, '');
}
