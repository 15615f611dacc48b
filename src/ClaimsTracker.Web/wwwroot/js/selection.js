// Reads the text an editor selected inside an element, with its offset in that element's text,
// so a claim's quote can be picked from the report instead of retyped.
window.claimsTracker = {
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
