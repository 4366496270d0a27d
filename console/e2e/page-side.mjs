// The page's side of the browser test: functions run in the browser by page.evaluate, reading
// what the console shows. They see only the page, nothing of this module.

export function onlineServices() {
  return [...document.querySelectorAll('[data-testid="services"] tr[data-state="online"]')]
    .map((row) => `${row.dataset.kind} ${row.dataset.name}`).join(", ");
}

export function firstOrder() {
  const row = document.querySelector('[data-testid="orders"] tbody tr');
  return `${row.dataset.side}: ${[...row.cells].map((c) => c.textContent).join(" | ")}`;
}

export function rates() {
  return [...document.querySelectorAll('[data-testid="metrics"] tbody tr[data-up="true"]')].map((row) =>
    `${row.cells[0].textContent}${row.dataset.kind ? ` (${row.dataset.kind})` : ""} ` +
    `${row.querySelector('[data-testid="quotes-per-second"]').textContent} quotes/s, ` +
    `latency ${row.querySelector('[data-testid="latency"]').textContent}`).join("; ");
}

export function firstIndicator() {
  return [...document.querySelector('[data-testid="indicators"] tbody tr').cells]
    .map((c) => c.textContent).join(" ");
}

export function bookState() {
  const book = document.querySelector('[data-testid="book"]');
  const text = (id) => book.querySelector(`[data-testid="${id}"]`).textContent;
  const at = book.querySelector('[data-testid="book-at"]');
  const line = book.querySelector('[data-testid="equity-curve"] polyline').getAttribute("points");
  const points = line.trim().split(/\s+/).filter(Boolean).length;
  return { algo: book.dataset.algo, cash: text("cash"), equity: text("equity"),
    at: at.dataset.at, atText: at.textContent, points, line };
}
