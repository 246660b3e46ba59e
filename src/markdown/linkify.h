// markdown/linkify — bare URLs in text become links, as markdown-it's
// `linkify` option does (on for speaker notes, which reveal.js's notes
// plugin renders with it).
#pragma once

#include "dom/node.h"

namespace deckpdf::markdown {

// Turns bare URLs (http://, https://, ftp://, www.) in the text under
// `root` into `a(href)` elements, as md4c's permissive autolinks do; text
// inside `a`, `code` and `pre` is left alone. The new nodes carry the span
// of the text they were cut from. Nothing happens for dom::no_node.
void linkify(dom::Document& doc, dom::NodeId root);

}  // namespace deckpdf::markdown
