// deck/classes — reveal.js class names spelled almost right: `li.fragmnet`
// shows from the start instead of stepping in, `aside.note` prints on the
// slide instead of being the speaker's notes. Each near miss is a warning
// with "did you mean", once per misspelling.
#pragma once

#include "deck/deck.h"

namespace deckpdf::deck {

void classes_check(const dom::Document& doc, const Deck& deck, Diagnostics& diags);

// The restricted Damerau-Levenshtein distance (insertions, deletions,
// substitutions, swaps of neighbours) between two short names.
size_t name_distance(std::string_view a, std::string_view b);

}  // namespace deckpdf::deck
