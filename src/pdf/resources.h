// pdf/resources — what page content names and the resource dictionaries
// that give those names (internal to pdf/).
//
// One dictionary per distinct set of names, shared by every page and form
// that uses that set: the fonts, pictures and opacities of a deck are few,
// so most decks have one or two, and when every page has the same one it
// moves to the page tree's root (writer.cpp).
#pragma once

#include <hpdf.h>

#include <map>
#include <set>
#include <string>

#include "pdf/fonts.h"
#include "text/font_set.h"

namespace deckpdf::pdf {

// What a piece of page content names in the page's resources.
struct Needs {
  std::set<text::FontId> fonts;
  std::map<std::string, HPDF_Dict> xobjects;  // pictures, emoji, dimmed layers
  std::map<std::string, HPDF_Dict> states;    // opacities
  std::map<std::string, HPDF_Dict> shadings;  // gradients (paths.cpp)
  void merge(const Needs& o) {
    fonts.insert(o.fonts.begin(), o.fonts.end());
    xobjects.insert(o.xobjects.begin(), o.xobjects.end());
    states.insert(o.states.begin(), o.states.end());
    shadings.insert(o.shadings.begin(), o.shadings.end());
  }
};

class Resources {
 public:
  Resources(HPDF_Doc doc, FontEmbedder& embedder) : doc_(doc), embedder_(embedder) {}

  // The resource dictionary for `needs`, made on first use.
  HPDF_Dict get(const Needs& needs);

 private:
  HPDF_Doc doc_;
  FontEmbedder& embedder_;
  std::map<std::string, HPDF_Dict> made_;  // by the names they give
};

}  // namespace deckpdf::pdf
