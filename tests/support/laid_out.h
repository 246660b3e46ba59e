// What the layout tests share: a Pug deck read, its slides found and laid
// out with the white theme and the bundled fonts, as the pipeline does.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/layout.h"
#include "style/theme.h"
#include "text/shaper.h"

namespace deckpdf::test {

struct LaidOut {
  Source source;
  Diagnostics diags;
  dom::Document doc;
  deck::Deck deck;
  style::Theme theme;
  std::vector<layout::DisplayList> lists;
  std::vector<layout::DisplayList> numbers;  // each slide's number overlay
};

// The shaper every layout test lays out with (the bundled fonts).
text::Shaper& test_shaper();

// `text` laid out with `theme` (the white theme when null); pictures are
// looked for in `deck_dir`.
std::unique_ptr<LaidOut> lay_out(const std::string& text, const std::string& deck_dir = ".",
                                 const style::Theme* theme = nullptr);

}  // namespace deckpdf::test
