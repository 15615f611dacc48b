// The few things the server asks the browser for.
window.claimsTracker = {
    // What is in a text box now. A bound value can trail the box when Enter follows typing at
    // once: the server may take the submit before the input event has set the value.
    valueOf: function (elementId) {
        const element = document.getElementById(elementId);
        return element ? element.value : null;
    },

    // The text an editor selected inside an element, with its offset in that element's text,
    // so a claim's quote can be picked from the report instead of retyped.
    selectionIn: function (elementId) {
        const root = document.getElementById(elementId);
        const selection = window.getSelection();
        if (!root || !selection || selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
            return null;
        }

        const range = selection.getRangeAt(0);
        const before = document.createRange();
        before.selectNodeContents(root);
        before.setEnd(range.startContainer, range.startOffset);
        return { text: selection.toString(), start: before.toString().length };
    }
};
