/** Norwegian organisation numbers: 9 digits, the last a mod-11 check digit with weights 3 2 7 6 5 4 3 2. */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

export function validOrgNo(text: string): boolean {
  if (!/^\d{9}$/.test(text)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(text[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(text[8]);
}

/** Splits a list typed by a person (commas, spaces, new lines) into the numbers, with "0192:" prefixes removed. */
export function parseOrgNos(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim().replace(/^0192:/, '')).filter((s) => s.length > 0);
}
