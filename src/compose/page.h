// compose — output modes as pages: which display lists each page shows,
// where, how large, and up to which fragment step.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/display_list.h"

namespace deckpdf::compose {

// Page space: points, origin top-left, y down (the pdf stage flips it).
struct Transform {
  float scale = 1;
  float tx = 0, ty = 0;
};

struct Placement {
  const layout::DisplayList* list = nullptr;
  int up_to_step = 0;  // draw layers 0..up_to_step
  Transform t;
};

struct Page {
  float width = 0, height = 0;  // pt
  layout::Color background{1, 1, 1, 1};
  std::vector<Placement> placed;
  std::string label;  // reveal.js's slide label: "3" or "3.2"
  int slide = -1;     // index into Deck::slides
};

struct PageSize {
  float width = 960, height = 540;  // pt; 16:9 is 13.33 x 7.5 in
};

// Parses "16:9", "4:3", "16:10" or "WxH" (px, as reveal.js's width/height).
bool page_size_parse(const std::string& text, PageSize& out);

// One page per slide, the final state: every fragment shown.
std::vector<Page> compose_slides(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size);

// One page per fragment step: the slide as the audience saw it at each step.
std::vector<Page> compose_builds(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size);

}  // namespace deckpdf::compose
