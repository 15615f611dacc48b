// Behaviour for pages rendered on the server without a circuit (the claims explorer): what a
// circuit would otherwise do, done in the browser. Listeners sit on the document, so they keep
// working when enhanced navigation patches a new page into this one.
(function () {
    const wide = window.matchMedia('(min-width: 960px)');

    // The menu button of a static page opens and closes MudBlazor's responsive drawer by its classes.
    function drawerShown(drawer) {
        return drawer.classList.contains('mud-drawer--open') && (wide.matches || !drawer.classList.contains('mud-drawer--initial'));
    }

    function markMenuButton() {
        const button = document.querySelector('[data-static-drawer-toggle]');
        const drawer = document.getElementById('app-drawer');
        if (button && drawer) {
            button.setAttribute('aria-expanded', String(drawerShown(drawer)));
        }
    }

    document.addEventListener('click', function (event) {
        const button = event.target instanceof Element ? event.target.closest('[data-static-drawer-toggle]') : null;
        const drawer = document.getElementById('app-drawer');
        if (!button || !drawer) {
            return;
        }

        const show = !drawerShown(drawer);
        drawer.classList.remove('mud-drawer--initial');
        drawer.classList.toggle('mud-drawer--open', show);
        drawer.classList.toggle('mud-drawer--closed', !show);
        const layout = drawer.closest('.mud-layout');
        if (layout) {
            layout.classList.toggle('mud-drawer-open-responsive-md-left', show);
            layout.classList.toggle('mud-drawer-close-responsive-md-left', !show);
        }

        button.setAttribute('aria-expanded', String(show));
    });

    // Empty fields stay out of the address, so it reads "?kind=Count", not every field name.
    document.addEventListener('formdata', function (event) {
        if (!(event.target instanceof HTMLFormElement) || !event.target.hasAttribute('data-auto-submit')) {
            return;
        }

        for (const [name, value] of Array.from(event.formData.entries())) {
            if (value === '') {
                event.formData.delete(name);
            }
        }
    });

    // Pickers over long lists: a search input whose datalist is filled with a screenful of matches
    // from the server; choosing one writes its id into the hidden field the form sends.
    const timers = new WeakMap();

    async function fillOptions(input) {
        const list = document.getElementById(input.getAttribute('list'));
        const url = input.dataset.picker + '?search=' + encodeURIComponent(input.value.trim());
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!list || !response.ok) {
            return;
        }

        const options = await response.json();
        list.replaceChildren(...options.map(function (option) {
            const element = document.createElement('option');
            element.value = option.name;
            element.dataset.id = String(option.id);
            return element;
        }));
    }

    function schedule(input) {
        clearTimeout(timers.get(input));
        timers.set(input, setTimeout(function () { fillOptions(input); }, 250));
    }

    document.addEventListener('input', function (event) {
        if (event.target instanceof HTMLInputElement && event.target.dataset.picker) {
            schedule(event.target);
        }
    });

    document.addEventListener('focusin', function (event) {
        const input = event.target;
        if (input instanceof HTMLInputElement && input.dataset.picker) {
            const list = document.getElementById(input.getAttribute('list'));
            if (list && list.options.length <= 1) {
                schedule(input);
            }
        }
    });

    // A change applies the filter at once, as the interactive explorer did.
    document.addEventListener('change', function (event) {
        const field = event.target;
        if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) {
            return;
        }

        const form = field.form;
        if (!form || !form.hasAttribute('data-auto-submit')) {
            return;
        }

        if (field instanceof HTMLInputElement && field.dataset.picker) {
            const hidden = document.getElementById(field.dataset.pickerValue);
            const list = document.getElementById(field.getAttribute('list'));
            const typed = field.value.trim().toLowerCase();
            const match = list ? Array.from(list.options).find(function (o) { return o.value.toLowerCase() === typed; }) : undefined;
            if (!hidden) {
                return;
            }

            if (typed === '') {
                hidden.value = '';
            } else if (match) {
                field.value = match.value;
                hidden.value = match.dataset.id;
            } else {
                // Text that names no listed entry does not filter; the list is still open to pick from.
                return;
            }
        }

        form.requestSubmit();
    });

    markMenuButton();
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', markMenuButton);
    }
})();
