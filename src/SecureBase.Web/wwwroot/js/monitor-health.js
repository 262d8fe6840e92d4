// Today's list of nursery devices, refreshed while the page is open: a monitor that lost its connection, went silent
// or runs low on battery is shown within seconds, without a reload. The server renders the same list on load.
(() => {
  const list = document.getElementById('monitor-health');
  if (!list) return;
  const url = `/api/households/${list.dataset.household}/monitors`;
  const everyMs = 5000;

  function render(devices) {
    const items = [];
    for (const device of devices) {
      const lines = device.warnings.length > 0 ? device.warnings.map((w) => ['warning', w.text]) : [['ok', device.listeningText]];
      for (const [kind, text] of lines) {
        const item = document.createElement('li');
        item.className = `monitor ${kind}`;
        item.textContent = text;
        items.push(item);
      }
    }
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
  }

  async function refresh() {
    if (document.hidden) return;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) render(await response.json());
    } catch {
      // The server is out of reach: keep what is shown; the next refresh tries again.
    }
  }

  setInterval(refresh, everyMs);
  document.addEventListener('visibilitychange', refresh);
})();
