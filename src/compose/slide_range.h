// compose/slide_range — --slides: a selection of slides by reveal.js's
// labels, as people read them off the slides: "3" (slide 3, or all of the
// vertical stack 3), "4.2" (the second slide of stack 4), ranges "3-4.2",
// open ranges "5-", lists "1,3-4.2,7".
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"

namespace deckpdf::compose {

// Parses `text` against the deck's labels. `out` gets the chosen slides'
// indices (0-based, deck order, each once). Returns false with `error`
// ("--slides: ...") for bad syntax, ranges that run backwards and labels
// the deck does not have.
bool slides_parse(const std::string& text, const deck::Deck& deck, std::vector<size_t>& out,
                  std::string& error);

}  // namespace deckpdf::compose
