// compose/internal — what compose.cpp and handout.cpp share; not for
// other stages.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "compose/page.h"

namespace deckpdf::compose {

// Adds to every page the link annotations of the lists it places, in page
// space. In-deck links ("#id", "#/3/2") open the page `page_of` gives for
// (slide, step), else the slide's `first_page`; links to slides that are
// not printed are dropped.
void links_collect(const deck::Deck& deck, std::vector<Page>& pages,
                   const std::map<std::pair<int, int>, int>& page_of,
                   const std::map<int, int>& first_page);

}  // namespace deckpdf::compose
