// Finding the page's elements and filling table rows.

export const $ = (selector, root = document) => root.querySelector(selector);
export const byTestId = (id, root = document) => $(`[data-testid="${id}"]`, root);

/** Appends a cell holding `text` to `row`, with the class `className` if given. */
export function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}
