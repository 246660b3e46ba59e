// pdf/content — the bytes of content streams (internal to pdf/): numbers
// and operators, text runs as Type0 glyph strings, colour emoji and
// pictures as images, list markers, and a layer's content drawn in one of
// its states.
//
// Content is made of self-contained pieces that later pages reuse as they
// are (page_content.h), so nothing here depends on what came before a
// piece: a layer's content starts from a fresh graphics state.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compose/page.h"
#include "layout/display_list.h"
#include "pdf/fonts.h"
#include "pdf/resources.h"
#include "pdf/structure.h"
#include "text/font_set.h"

namespace deckpdf::pdf {

// Appends a number with two decimals at most, trailing zeros dropped, no
// locale, no "-0".
void num(std::string& out, double v);

// Appends an operator with its numeric operands: "1 0 0 1 10 20 cm\n".
void op(std::string& out, std::initializer_list<double> operands, std::string_view name);

// Appends a path's segments as path operators (m, l, c, h).
void path_ops(std::string& out, const layout::PathData& p);

// A layer of a list in one state: compose::ShownLayer's layer and
// colour and line-through bits.
struct LayerKey {
  const layout::DisplayList* list = nullptr;
  int layer = 0;        // index into list->layers
  uint32_t active = 0;  // bit i: effect i of the layer's set is on
  auto operator<=>(const LayerKey&) const = default;
};

class ContentWriter {
 public:
  // `pdfa`: PDF/A-2b's limits on content (no .notdef glyph drawn, CMYK
  // pictures through the RGB output intent).
  ContentWriter(HPDF_Doc doc, const text::FontSet& fonts, FontEmbedder& embedder, bool pdfa)
      : doc_(doc), fonts_(fonts), embedder_(embedder), pdfa_(pdfa) {}

  // The content of one layer in list space, each item drawn in the state
  // that `key.active` gives; what it names is added to `needs`. With
  // `marks` (a tagged PDF), runs of items are marked content with MCIDs
  // from `mcid_base` on, listed in `marks`, and the rest artifacts.
  std::string layer(const LayerKey& key, Needs& needs, int mcid_base = 0,
                    std::vector<Mark>* marks = nullptr);

  // A tagged list's runs: the MCID (from 0) of each item that starts one,
  // else -1, and how many there are.
  struct Runs {
    std::vector<int> mcid;
    // Per item: what a reader needs after it when its element goes on
    // on the next line (' ', or '\n' in code), which the drawn glyphs
    // do not have; 0 for none. Such an item is a run of its own.
    std::vector<char> line_end;
    int count = 0;
  };
  const Runs& runs(const layout::DisplayList& list);

  // For --image-dpi: the pixels each picture needs at `dpi` where it is
  // drawn largest on `pages`; a picture with more is stored smaller.
  void picture_sizes(const std::vector<compose::Page>& pages, int dpi);

  // An ExtGState with fill and stroke opacity `alpha` and its resource
  // name, made once per document.
  const std::pair<std::string, HPDF_ExtGState>& alpha_state(float alpha);

 private:
  // The graphics state the content has set so far, so that a colour or
  // font is only set when it changes.
  struct Pen {
    std::optional<layout::Color> fill, stroke;
    std::string font;
    float size = 0;
  };

  struct EmojiImage {
    HPDF_Image image = nullptr;
    std::string name;
    int width = 0, height = 0;
    float left = 0, top = 0, ppem = 0;
  };

  void color(std::string& s, const layout::Color& c, bool stroke);
  int advance(text::FontId font, uint32_t glyph);
  void text_item(std::string& s, const layout::Item& item, const layout::TextItem& t, Needs& needs);
  void emoji_item(std::string& s, const layout::Item& item, const text::GlyphRun& run,
                  Needs& needs);
  const EmojiImage* emoji_image(text::FontId font, uint32_t glyph);
  void picture(std::string& s, float x, float y, const layout::ImageItem& im, Needs& needs);
  void marker(std::string& s, float cx, float cy, const layout::MarkerItem& m);
  void notdef_outlines(std::string& s, const text::GlyphRun& run, const float (&tm)[6]);
  // paths.cpp
  void path_item(std::string& s, const layout::Item& item, const layout::PathItem& p, Needs& needs);
  const std::pair<std::string, HPDF_Dict>& shading(
      const std::shared_ptr<const layout::Gradient>& g);
  const std::pair<std::string, HPDF_ExtGState>& opacity_state(float fill, float stroke);
  const std::pair<std::string, HPDF_ExtGState>& soft_mask(const layout::PathItem& path);

  HPDF_Doc doc_;
  const text::FontSet& fonts_;
  FontEmbedder& embedder_;
  bool pdfa_ = false;
  Pen pen_;
  std::map<text::FontId, std::vector<int>> advances_;
  std::vector<std::string_view> pieces_;  // text_item's, kept for its capacity
  std::map<std::pair<text::FontId, uint32_t>, EmojiImage> emoji_images_;
  std::map<uint64_t, std::pair<HPDF_Dict, std::string>> pictures_;    // hash -> image, name
  std::map<uint64_t, std::pair<uint32_t, uint32_t>> picture_pixels_;  // hash -> stored w, h needed
  std::map<float, std::pair<std::string, HPDF_ExtGState>> alpha_states_;
  std::map<const layout::DisplayList*, Runs> runs_;
  struct Shading {
    std::shared_ptr<const layout::Gradient> gradient;  // kept alive: the key is its address
    std::pair<std::string, HPDF_Dict> named;
  };
  std::map<const layout::Gradient*, Shading> shadings_;
  std::map<std::pair<float, float>, std::pair<std::string, HPDF_ExtGState>> path_states_;
  struct Mask {  // kept alive: the key is their addresses
    std::shared_ptr<const layout::Gradient> gradient;
    std::shared_ptr<const layout::PathData> path;
    std::pair<std::string, HPDF_ExtGState> named;
  };
  std::map<std::pair<const layout::Gradient*, const layout::PathData*>, Mask> masks_;
};

}  // namespace deckpdf::pdf
