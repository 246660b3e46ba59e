// highlight/line_numbers — `data-line-numbers` as reveal.js's plugin shows
// it (highlightjs-line-numbers, singleLine): the highlighted code as a
// table, one row per line, the line's number in a gutter cell
// (`data-ln-start-from` the first), the spans open at a line break closed
// there and opened again on the next line.
#pragma once

#include "dom/node.h"
#include "highlight/tokens.h"

namespace deckpdf::highlight {

// Replaces the children of `code` by the line-number table of `result`.
// False, with nothing changed, when the elements open across line breaks
// would be written again more than a budget allows (deep markup over many
// lines).
bool line_numbers_table(dom::Document& doc, dom::NodeId code, const Highlighted& result,
                        long first_number);

// The same for a block whose own markup stays (data-noescape): its
// elements (`mark`, highlight.js's spans laid over it) closed at each line
// break and opened again on the next line, as the plugin does.
bool line_numbers_table_from_tree(dom::Document& doc, dom::NodeId code, long first_number);

}  // namespace deckpdf::highlight
