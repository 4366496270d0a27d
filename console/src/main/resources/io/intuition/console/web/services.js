// The services list: a small list, redrawn whole.
import { $, byTestId, cell } from "./dom.js";

const body = $("tbody", byTestId("services"));

export function renderServices(services) {
  body.replaceChildren(...services.map(serviceRow));
  $("#services-empty").hidden = services.length > 0;
}

function serviceRow(service) {
  const row = document.createElement("tr");
  row.dataset.state = service.state;
  row.dataset.kind = service.kind;
  row.dataset.name = service.name;
  const state = cell(row, service.state);
  state.prepend(Object.assign(document.createElement("span"), { className: "dot" }));
  cell(row, service.kind);
  cell(row, service.name);
  cell(row, [service.rpc, service.http].filter(Boolean).join("\n") || "–", "wrap");
  const started = service.started ? ` since ${new Date(service.started).toLocaleString()}` : "";
  row.title = `${service.kind} ${service.name} ${service.version ?? ""} ${service.state}${started}` +
    (service.channels?.length ? `, channels ${service.channels.join(", ")}` : "") +
    (service.algo ? `, algo ${service.algo}` : "");
  return row;
}
