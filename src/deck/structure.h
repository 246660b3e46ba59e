// deck/structure — reveal.js structure that a PDF cannot show as a browser
// would, reported while the deck is built: content beside the slides of a
// vertical stack, sections nested three deep, and scripts, embedded pages,
// videos and sounds in a slide. Each warning is at its element's line and
// says what the PDF shows instead; nothing is dropped silently.
#pragma once

#include "deck/deck.h"
#include "dom/node.h"
#include "source/diagnostic.h"

namespace deckpdf::deck {

// Checks the slides of `deck`, built from `doc`.
void structure_check(const dom::Document& doc, const Deck& deck, Diagnostics& diags);

}  // namespace deckpdf::deck
