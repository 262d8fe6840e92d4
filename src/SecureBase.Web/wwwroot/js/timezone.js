// Only the browser knows the family's time zone: fill it into the hidden field so "today" means their today.
document.querySelectorAll('input[data-browser-time-zone]').forEach(function (input) {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && !input.value) input.value = zone;
    } catch (e) { /* the server falls back to UTC */ }
});
