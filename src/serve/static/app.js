// Citelens: a little progressive enhancement. Every page works without it.
// - "Copy" buttons copy the APA reference or the badge snippet to the clipboard.
// - Opening the card a URL fragment (#s-...) points into also opens its "See N more" group.
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-copy]") : null;
  if (!button) return;
  const source = document.querySelector(button.getAttribute("data-copy"));
  if (!source) return;
  const text = "value" in source ? source.value : source.textContent;
  navigator.clipboard?.writeText(text ?? "").then(
    () => {
      const label = button.textContent;
      button.textContent = "Copied";
      setTimeout(() => {
        button.textContent = label;
      }, 1500);
    },
    () => {
      if ("select" in source) source.select();
    },
  );
});
function revealTarget() {
  if (!location.hash.startsWith("#s-")) return;
  const card = document.getElementById(location.hash.slice(1));
  const details = card?.closest("details");
  if (details && !details.open) {
    details.open = true;
    card.scrollIntoView();
  }
}
window.addEventListener("hashchange", revealTarget);
document.addEventListener("DOMContentLoaded", revealTarget);
