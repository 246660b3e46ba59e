// compose — output modes as pages: which display lists each page shows,
// where, how large, and up to which fragment step.
#pragma once

#include <cstdint>
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

// A layer of a placed list as a page shows it: in its state at the
// placement's step (layers.h).
struct ShownLayer {
  int layer = 0;  // index into the list's layers
  // Bit i: effect i of the layer's effect set is on; of the first 32.
  uint32_t active = 0;  // colour and line-through: what the layer draws
  uint32_t scales = 0;  // Scale: about its centre, in the set's order
  float alpha = 1;      // opacity: 0.5 for each Dim that is on
  bool operator==(const ShownLayer&) const = default;
};

struct Placement {
  const layout::DisplayList* list = nullptr;
  // The fragment step shown: the list's items visible at this step, each in
  // its state at this step (layout::Item::visible_at, Effect::active).
  int step = 0;
  Transform t;
  // The list's layers visible at `step`, bottom to top: set by
  // layers_show (layers.h) once the pages are made.
  std::vector<ShownLayer> layers;
};

// A link annotation: a rectangle on the page and where it goes.
struct Link {
  float x = 0, y = 0, width = 0, height = 0;  // pt, page space (y down)
  std::string uri;                            // an external link: a URI action
  int page = -1;                              // an in-deck link: the index of the page it opens
  // The LinkItem it was made from (a tagged PDF's Link element).
  const layout::DisplayList* list = nullptr;
  uint32_t item = 0;
};

struct Page {
  float width = 0, height = 0;  // pt
  layout::Color background{1, 1, 1, 1};
  std::vector<Placement> placed;
  std::string label;  // reveal.js's slide label: "3" or "3.2"
  int slide = -1;     // index into Deck::slides
  int step = 0;       // the slide's fragment step that the page shows
  // On a slide's first page: its outline (bookmark) entry, the slide's
  // title or "Slide 3.2"; level 1 nests it under the previous level-0 entry
  // (a vertical stack's later slides under its first).
  std::string outline_title;
  int outline_level = 0;
  // Further outline entries on the page, after outline_title's, each
  // opening the page at `y` (pt from its top): handouts and the speaker's
  // script have one per slide, several on a page.
  struct OutlineMark {
    std::string title;
    int level = 0;
    float y = 0;
  };
  std::vector<OutlineMark> outline_more;
  std::vector<Link> links;
};

struct PageSize {
  float width = 960, height = 540;  // pt; 16:9 is 13.33 x 7.5 in
};

// Parses "16:9", "4:3", "16:10" or "WxH" (px, as reveal.js's width/height).
bool page_size_parse(const std::string& text, PageSize& out);

struct Options {
  std::vector<size_t> slides;  // the slides to print (0-based, deck order); empty = all
  // Per slide, an overlay drawn over it (reveal.js's slide number), the
  // size of its list; nullptr = none.
  const std::vector<layout::DisplayList>* numbers = nullptr;
};

// One page per slide, every fragment shown: the state reveal.js's print
// view shows (layout::print_state).
std::vector<Page> compose_slides(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size,
                                 const Options& options = {});

// One page per fragment step: the slide as the audience saw it at each step.
std::vector<Page> compose_builds(const deck::Deck& deck,
                                 const std::vector<layout::DisplayList>& lists, PageSize size,
                                 const Options& options = {});

}  // namespace deckpdf::compose
